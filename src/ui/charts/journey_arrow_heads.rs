//! The arrow heads of a journey diagram, in its `<defs>`: one per kind of move (next stage,
//! forward, back, exit), each with an id derived from the diagram's `<svg>` id.

use leptos::prelude::*;

/// The arrow heads every journey diagram defines, by the id of its `<svg>`.
#[component]
pub fn JourneyArrowHeads(
    /// The id of the diagram's `<svg>`.
    id: String,
) -> impl IntoView {
    let head = |suffix: &'static str, class: &'static str| {
        view! {
            <marker
                id=format!("{id}-{suffix}")
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="5"
                markerHeight="5"
                orient="auto-start-reverse"
            >
                <path class=format!("head {class}") d="M0 0L10 5L0 10z" />
            </marker>
        }
    };
    view! { <defs>{head("head", "next")}{head("fwd", "forward")}{head("back", "backward")}{head("exit", "exit")}</defs> }
}
