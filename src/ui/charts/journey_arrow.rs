//! One move of the journey diagram: its line with an arrow head, its label, and the whole move
//! in words as its tooltip. The `data-*` attributes name the stages it joins (for tests and
//! for anyone reading the SVG).

use crate::domain::Stage;
use leptos::prelude::*;

use super::n;
use crate::domain::charts::journey::{Arrow, ArrowKind};
use crate::domain::Id;

/// The id of the arrow head for `kind` in the diagram `svg_id`.
fn head_of(svg_id: &str, kind: ArrowKind) -> String {
    let suffix = match kind {
        ArrowKind::Exit => "exit",
        ArrowKind::Forward => "fwd",
        k if k.is_back() => "back",
        _ => "head",
    };
    format!("url(#{svg_id}-{suffix})")
}

/// Draws `arrow` (its stages given by `stages`, the diagram's stage ids in order).
#[component]
pub fn JourneyArrow(
    /// The laid-out move.
    arrow: Arrow,
    /// The diagram's stage ids, in order.
    stages: Vec<Id<Stage>>,
    /// The id of the diagram's `<svg>` (for its arrow heads).
    svg_id: String,
) -> impl IntoView {
    let from = stages
        .get(arrow.from)
        .map(Id::to_string)
        .unwrap_or_default();
    let to = match arrow.to {
        Some(t) => stages.get(t).map(Id::to_string).unwrap_or_default(),
        None => "exit".to_owned(),
    };
    let label = (!arrow.label.is_empty()).then(|| {
        view! {
            <text class="move-label halo" x=n(arrow.label_x) y=n(arrow.label_y) text-anchor=arrow.label_anchor.as_svg()>
                {arrow.label.clone()}
            </text>
        }
    });
    view! {
        <g
            class=format!("move {}", arrow.kind.class())
            data-from=from
            data-to=to
            data-outcome=arrow.outcome.as_ref().map(Id::to_string)
        >
            <path class="move-line" d=arrow.d.clone() marker-end=head_of(&svg_id, arrow.kind)>
                <title>{arrow.title.clone()}</title>
            </path>
            {label}
        </g>
    }
}
