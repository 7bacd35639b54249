//! The summary line under the matrix: which stages have no owner or several, and how many
//! hand-offs still lack an SLA.

use leptos::prelude::*;

use crate::domain::responsibility::Matrix;
use crate::i18n::*;
use crate::ui::components::responsibility::{name_of, names_of};
use crate::ui::open_map::expect_open_map;

/// A live region listing the flagged stages by name (or saying every stage has one owner).
#[component]
pub fn FlagSummary(
    /// The matrix of the open map.
    #[prop(into)]
    matrix: Signal<Matrix>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stages = expect_open_map().stage_names();
    let lines = move || {
        let names = stages.get();
        matrix.with(|m| {
            let mut lines = Vec::new();
            let none = m.no_owner();
            if !none.is_empty() {
                lines.push((
                    "flagged",
                    t_string!(
                        i18n,
                        resp_summary_no_owner,
                        count = none.len() as u32,
                        stages = names_of(&names, none.iter().copied())
                    )
                    .to_string(),
                ));
            }
            let several = m.several_owners();
            if !several.is_empty() {
                let list = several
                    .iter()
                    .map(|(s, n)| {
                        t_string!(
                            i18n,
                            resp_stage_with_count,
                            stage = name_of(&names, s),
                            n = *n
                        )
                        .to_string()
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                lines.push((
                    "flagged",
                    t_string!(
                        i18n,
                        resp_summary_several,
                        count = several.len() as u32,
                        stages = list
                    )
                    .to_string(),
                ));
            }
            if lines.is_empty() && !m.stages.is_empty() {
                lines.push(("ok", t_string!(i18n, resp_summary_ok).to_string()));
            }
            let missing = m.missing_sla();
            if missing > 0 {
                lines.push((
                    "missing",
                    t_string!(i18n, resp_summary_missing_sla, count = missing as u32).to_string(),
                ));
            }
            lines
        })
    };
    view! {
        // The live region wraps the list: a role on the <ul> itself would hide its list semantics.
        <div role="status" aria-label=move || t_string!(i18n, resp_summary_label).to_string()>
            <ul class="resp-summary" data-testid="resp-summary">
                {move || {
                    lines()
                        .into_iter()
                        .map(|(class, text)| view! { <li class=class>{text}</li> })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
