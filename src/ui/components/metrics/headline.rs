//! The few figures that answer "how is the journey doing": contacts, accounts, how many became
//! clients and how fast, the win and no-decision rates, advocates against detractors.

use std::sync::Arc;

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::domain::metrics::Report;
use crate::i18n::*;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// The headline figures of one report (all contacts, or one period).
#[component]
pub fn MetricsHeadline(
    /// The figures to show; nothing while `None`.
    #[prop(into)]
    report: Signal<Option<Arc<Report>>>,
    /// A test id for end-to-end tests.
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let item = move |term: Term, value: String, detail: Option<String>| {
        view! {
            <div class="figure" data-figure=term.slug()>
                <dt><MetricTerm term /></dt>
                <dd>
                    <strong class="n">{value}</strong>
                    {detail.map(|d| view! { <span class="muted">" "{d}</span> })}
                </dd>
            </div>
        }
    };
    let figures = move || {
        let r = report.get()?;
        let lang = lang.get();
        let of = |num: u32, den: u32| {
            t_string!(
                i18n,
                metrics_n_of,
                n = format::count(num, lang),
                total = format::count(den, lang)
            )
            .to_string()
        };
        let ttc = &r.time_to_convert;
        let sale = r.decisions.first();
        Some(view! {
            {item(Term::Contacts, format::count(r.contacts, lang), None)}
            {item(Term::Accounts, format::count(r.accounts, lang), None)}
            {item(
                Term::BecameClients,
                format::ratio(r.became_clients, lang),
                Some(of(r.became_clients.num, r.became_clients.den)),
            )}
            {item(
                Term::TimeToConvert,
                ttc.median().map_or_else(
                    || format::NONE.to_owned(),
                    |d| t_string!(i18n, metrics_days, days = format::days(Some(d), lang)).to_string(),
                ),
                Some(t_string!(i18n, metrics_n_eq, n = ttc.n()).to_string()),
            )}
            {item(
                Term::WinRate,
                sale.map_or_else(|| format::NONE.to_owned(), |d| format::ratio(d.win_rate, lang)),
                sale.map(|d| of(d.win_rate.num, d.win_rate.den)),
            )}
            {item(
                Term::NoDecisionRate,
                sale.map_or_else(|| format::NONE.to_owned(), |d| format::ratio(d.no_decision_rate, lang)),
                sale.map(|d| of(d.no_decision_rate.num, d.no_decision_rate.den)),
            )}
            {item(Term::Advocates, format::count(r.advocates, lang), None)}
            {item(Term::Detractors, format::count(r.detractors, lang), None)}
        })
    };
    view! { <dl class="headline" data-testid=test_id>{figures}</dl> }
}
