//! A diagonal-line fill pattern for a chart's `<defs>`: the gaps of a heatmap, the second period
//! of a comparison (and their legend swatches).

use leptos::prelude::*;

/// A diagonal-line fill pattern, with classes `{class}-bg` and `{class}` for its background and
/// line.
#[component]
pub fn LinePattern(
    /// The pattern's id, referenced as `url(#id)`.
    id: String,
    /// The class stem of its parts.
    class: &'static str,
) -> impl IntoView {
    view! {
        <defs>
            <pattern id=id width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect class=format!("{class}-bg") width="6" height="6" />
                <line class=class x1="0" y1="0" x2="0" y2="6" />
            </pattern>
        </defs>
    }
}
