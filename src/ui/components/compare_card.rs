//! One card in a column of the Compare page, with its mark when it changed.

use leptos::prelude::*;

use crate::domain::compare::CardRow;
use crate::i18n::*;
use crate::ui::compare_text::card_mark;

/// One card in a column, with its mark (symbol and word) when it changed.
#[component]
pub fn CompareCard(
    /// The card as the comparison found it.
    row: CardRow,
) -> impl IntoView {
    let i18n = use_i18n();
    let mark = card_mark(i18n, &row.mark);
    let slug = mark.as_ref().map_or("same", |m| m.slug);
    view! {
        <div class="compare-card" data-mark=slug data-card-id=row.id.to_string()>
            {mark.map(|m| view! {
                <span class="compare-mark">
                    <span class="compare-symbol" aria-hidden="true">{m.symbol}</span>
                    " "{m.word}
                </span>
                {m.detail.map(|d| view! { <span class="compare-detail">{d}</span> })}
            })}
            <span class="compare-card-title">{row.title}</span>
            <span class="compare-lane">{row.lane}</span>
        </div>
    }
}
