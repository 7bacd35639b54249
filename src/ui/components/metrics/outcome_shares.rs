//! What share of contacts gets each outcome at each decision point, and how many of those told
//! "not now" came back.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::domain::metrics::report::OutcomeKind;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::{expect_open_map, stage_name};
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// One table per decision point of the map.
#[component]
pub fn OutcomeShares() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let kind_name = move |k: OutcomeKind| match k {
        OutcomeKind::Win => t_string!(i18n, metrics_kind_win).to_string(),
        OutcomeKind::NoDecision => t_string!(i18n, metrics_kind_no_decision).to_string(),
        OutcomeKind::Loss => t_string!(i18n, metrics_kind_loss).to_string(),
    };
    let tables = move || {
        let r = data.report.get()?;
        let lang = lang.get();
        let names = names.get();
        if r.decisions.is_empty() {
            return Some(view! { <p class="hint">{t!(i18n, metrics_no_decisions)}</p> }.into_any());
        }
        Some(
            r.decisions
                .iter()
                .map(|d| {
                    let stage = stage_name(&names, d.stage);
                    let stage_id = names
                        .get(d.stage as usize)
                        .map(|(id, _)| id.0.clone())
                        .unwrap_or_default();
                    let rows = d
                        .outcomes
                        .iter()
                        .map(|o| {
                            let came_back = o.came_back.map(|c| {
                                t_string!(
                                    i18n,
                                    metrics_came_back_of,
                                    n = c.num,
                                    total = c.den,
                                    share = format::ratio(c, lang)
                                )
                                .to_string()
                            });
                            view! {
                                <tr data-testid=format!("outcome-share-{}", o.outcome)>
                                    <th scope="row">{open.outcome_name(o.outcome.as_str()).unwrap_or_else(|| o.outcome.to_string())}</th>
                                    <td>{kind_name(o.kind)}</td>
                                    <td class="n contacts">{format::count(o.contacts, lang)}</td>
                                    <td class="n share">{format::ratio(o.share, lang)}</td>
                                    <td class="n came-back">{came_back.unwrap_or_else(|| format::NONE.to_owned())}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <table class="metrics-table" data-testid=format!("decision-{stage_id}")>
                            <caption>
                                {t_string!(i18n, metrics_decision_caption, stage = stage.clone(), count = d.decided).to_string()}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, metrics_outcome_col)}</th>
                                    <th scope="col">{t!(i18n, metrics_kind_col)}</th>
                                    <th scope="col"><MetricTerm term=Term::Contacts /></th>
                                    <th scope="col"><MetricTerm term=Term::Share /></th>
                                    <th scope="col"><MetricTerm term=Term::CameBack /></th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                })
                .collect_view()
                .into_any(),
        )
    };
    view! { <div class="decisions">{tables}</div> }
}
