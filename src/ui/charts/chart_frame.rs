//! The `<svg>` every chart draws into: its id (for downloads), role, accessible name and
//! description, and a `viewBox` that scales to the container.

use leptos::prelude::*;

use super::text_ids;

/// An accessible SVG drawing: `role="img"`, labelled by its `<title>` and `<desc>`.
#[component]
pub fn ChartFrame(
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    id: String,
    /// The chart's own class, beside `chart` (e.g. `funnel-chart`).
    class: &'static str,
    /// The `viewBox` (`"0 0 width height"`).
    #[prop(into)]
    view_box: Signal<String>,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The data in words: its accessible description.
    #[prop(into)]
    desc: Signal<String>,
    /// What is drawn.
    children: Children,
) -> impl IntoView {
    let (title_id, desc_id) = text_ids(&id);
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <svg
            id=id
            class=format!("chart {class}")
            role="img"
            aria-labelledby=labelled_by
            viewBox=move || view_box.get()
            preserveAspectRatio="xMinYMin meet"
        >
            <title id=title_id>{move || title.get()}</title>
            <desc id=desc_id>{move || desc.get()}</desc>
            {children()}
        </svg>
    }
}

/// A diagonal-line fill pattern (gaps of a heatmap, the second period of a comparison), with
/// classes `{class}-bg` and `{class}` for its background and line.
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
