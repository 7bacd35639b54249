//! One stage of a comparison: what changed in it, and its cards side by side, as-is | to-be.

use leptos::prelude::*;

use crate::domain::compare::{CardRow, StageDiff, StageStatus};
use crate::i18n::*;
use crate::ui::compare_text::{stage_change, ADDED, REMOVED};
use crate::ui::components::CompareCard;

/// A stage row of the Compare page. An unchanged stage is one line unless `expanded`.
#[component]
pub fn CompareStage(
    /// The stage as the comparison found it.
    diff: StageDiff,
    /// Show an unchanged stage in full.
    #[prop(into)]
    expanded: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let changed = diff.has_changes();
    let diff = StoredValue::new(diff);
    let name = diff.with_value(|d| d.name.clone());
    let stage_id = diff.with_value(|d| d.id.to_string());
    let status = diff.with_value(|d| d.status);
    let heading_id = format!("compare-stage-{stage_id}");

    let badge =
        move || {
            match status {
        StageStatus::Both => None,
        StageStatus::Added => Some(view! {
            <span class="compare-badge" data-mark="added">
                <span aria-hidden="true">{ADDED}" "</span>{t!(i18n, compare_stage_added)}
            </span>
        }
        .into_any()),
        StageStatus::Removed => Some(view! {
            <span class="compare-badge" data-mark="removed">
                <span aria-hidden="true">{REMOVED}" "</span>{t!(i18n, compare_stage_removed)}
            </span>
        }
        .into_any()),
    }
        };
    let changes = move || {
        diff.with_value(|d| {
            d.changes
                .iter()
                .map(|c| {
                    let (symbol, text) = stage_change(i18n, c);
                    view! {
                        <li><span class="compare-symbol" aria-hidden="true">{symbol}</span>" "{text}</li>
                    }
                })
                .collect_view()
        })
    };
    let table = move || {
        diff.with_value(|d| {
            let pairs = d.pairs();
            if pairs.is_empty() {
                return view! { <p class="compare-empty">{t!(i18n, compare_no_cards)}</p> }
                    .into_any();
            }
            let cell = |row: Option<&CardRow>, side: &'static str| {
                let card = row.cloned().map(|row| view! { <CompareCard row /> });
                view! { <td data-side=side>{card}</td> }
            };
            let rows = pairs
                .into_iter()
                .map(|(a, b)| view! { <tr>{cell(a, "as-is")}{cell(b, "to-be")}</tr> })
                .collect_view();
            view! {
                <table class="compare-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, compare_as_is)}</th>
                            <th scope="col">{t!(i18n, compare_to_be)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };

    view! {
        <Show
            when=move || changed || expanded.get()
            fallback={
                let name = name.clone();
                move || view! {
                    <li class="compare-stage unchanged" data-stage-id=stage_id.clone() data-changed="false">
                        <span class="compare-stage-name">{name.clone()}</span>
                        " — "
                        <span class="compare-none">{t!(i18n, compare_no_changes)}</span>
                    </li>
                }
            }
        >
            <li
                class="compare-stage"
                data-stage-id=diff.with_value(|d| d.id.to_string())
                data-changed=changed.to_string()
                aria-labelledby=heading_id.clone()
            >
                <h3 id=heading_id.clone()>
                    <span class="compare-stage-name">{name.clone()}</span>
                    {badge}
                </h3>
                {(!changed).then(|| view! { <p class="compare-none">{t!(i18n, compare_no_changes)}</p> })}
                {diff.with_value(|d| !d.changes.is_empty()).then(|| view! {
                    <ul class="compare-changes" data-testid="stage-changes">{changes}</ul>
                })}
                {table}
            </li>
        </Show>
    }
}
