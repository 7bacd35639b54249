//! Buying-group coverage (which roles each account engages) and type-casting (clients who
//! bought one service line of several), or which column would answer them.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// Coverage and type-casting of all contacts.
#[component]
pub fn CoverageFigures() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let coverage = move || {
        let r = data.report.get()?;
        let lang = lang.get();
        Some(match &r.coverage {
            None => view! { <p class="hint" data-testid="coverage-missing">{t!(i18n, metrics_coverage_missing)}</p> }.into_any(),
            Some(c) => {
                let labels = [
                    t_string!(i18n, metrics_roles_0).to_string(),
                    t_string!(i18n, metrics_roles_1).to_string(),
                    t_string!(i18n, metrics_roles_2).to_string(),
                    t_string!(i18n, metrics_roles_3).to_string(),
                    t_string!(i18n, metrics_roles_4).to_string(),
                ];
                let by_roles = labels
                    .into_iter()
                    .zip(c.by_roles)
                    .map(|(l, n)| view! { <li><span>{l}</span>" "<strong class="n">{format::count(n, lang)}</strong></li> })
                    .collect_view();
                let roles = c
                    .roles
                    .iter()
                    .map(|(role, n)| view! { <li><span>{role.clone()}</span>" "<strong class="n">{format::count(*n, lang)}</strong></li> })
                    .collect_view();
                view! {
                    <div data-testid="coverage">
                        <p class="hint">
                            {t_string!(i18n, metrics_coverage_from, field = c.field.clone(), count = c.accounts).to_string()}
                        </p>
                        <ul class="inline-list">{by_roles}</ul>
                        <p>
                            <MetricTerm term=Term::SingleThreaded />": "
                            <strong class="n">{format::count(c.single_threaded, lang)}</strong>
                        </p>
                        <ul class="inline-list">{roles}</ul>
                    </div>
                }
                .into_any()
            }
        })
    };
    let casting = move || {
        let r = data.report.get()?;
        let lang = lang.get();
        Some(match &r.type_casting {
            None => view! { <p class="hint" data-testid="type-casting-missing">{t!(i18n, metrics_type_casting_missing)}</p> }.into_any(),
            Some(t) => view! {
                <p data-testid="type-casting">
                    {t_string!(
                        i18n,
                        metrics_type_casting_value,
                        share = format::ratio(t.one_line, lang),
                        n = t.one_line.num,
                        total = t.one_line.den,
                        offered = t.offered,
                        field = t.field.clone()
                    ).to_string()}
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <div class="coverage">
            <h4><MetricTerm term=Term::Coverage /></h4>
            {coverage}
            <h4><MetricTerm term=Term::TypeCasting /></h4>
            {casting}
        </div>
    }
}
