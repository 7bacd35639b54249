//! After the sale: engagements and repeat business, revenue from new and existing clients,
//! lifetime value, and referrals.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::domain::metrics::Ratio;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// Engagements, revenue and referrals of all contacts.
#[component]
pub fn BusinessFigures() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let figures = move || {
        let r = data.report.get()?;
        let lang = lang.get();
        let share = |x: Option<Ratio>| {
            x.map_or_else(
                || format::NONE.to_owned(),
                |x| {
                    format!(
                        "{} ({})",
                        format::ratio(x, lang),
                        t_string!(
                            i18n,
                            metrics_n_of,
                            n = format::count(x.num, lang),
                            total = format::count(x.den, lang)
                        )
                    )
                },
            )
        };
        let e = &r.engagements;
        let v = &r.revenue;
        let items = [
            (Term::MovedOn, share(e.moved_on)),
            (Term::Returned, share(Some(e.returned))),
            (Term::RepeatAccounts, share(Some(e.repeat_accounts))),
            (Term::RevenueNew, format::money(Some(v.new), lang)),
            (Term::RevenueExisting, format::money(Some(v.existing), lang)),
            (Term::PerEngagement, format::money(v.per_engagement, lang)),
            (Term::Clv, format::money(v.clv, lang)),
            (Term::FromFormer, share(r.referrals.from_former)),
            (
                Term::ReferredIn,
                format::count(r.referrals.referred_in, lang),
            ),
        ];
        let names = names.get();
        let by_stage = r
            .referrals
            .by_stage
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| {
                let name = names.get(i).map(|(_, n)| n.clone()).unwrap_or_default();
                view! { <li><span>{name}</span>" "<strong class="n">{format::count(*n, lang)}</strong></li> }
            })
            .collect::<Vec<_>>();
        let no_referrals = by_stage.is_empty();
        Some(view! {
            <dl class="figures-list" data-testid="business-figures">
                {items
                    .into_iter()
                    .map(|(term, value)| view! {
                        <div class="figure" data-figure=term.slug()>
                            <dt><MetricTerm term /></dt>
                            <dd class="n">{value}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
            <h4><MetricTerm term=Term::Referrals /></h4>
            {if no_referrals {
                view! { <p class="hint">{t!(i18n, metrics_no_referrals)}</p> }.into_any()
            } else {
                view! { <ul class="inline-list" data-testid="referrals-by-stage">{by_stage}</ul> }.into_any()
            }}
        })
    };
    view! { <div class="business">{figures}</div> }
}
