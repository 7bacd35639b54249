//! The `<figure>` a chart sits in on a page: the chart (and any control that picks what it
//! shows), an optional hint under it, and the buttons that download it as SVG or PNG.

use leptos::prelude::*;

use super::ChartDownloads;

/// A chart on a page, with its hint and its download buttons.
#[component]
pub fn ChartFigure(
    /// The figure's `data-testid`.
    testid: &'static str,
    /// The id of the chart's `<svg>`, for the downloads.
    svg_id: &'static str,
    /// The downloaded file's name without its extension (such as "funnel").
    #[prop(into)]
    file_name: Signal<String>,
    /// A hint under the chart, in the reader's language; none if not given.
    #[prop(optional, into)]
    caption: Option<Signal<String>>,
    /// The chart, and any control before it.
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="metrics-chart" data-testid=testid>
            {children()}
            {caption.map(|c| view! { <figcaption class="hint">{move || c.get()}</figcaption> })}
            <ChartDownloads svg_id=svg_id file_name=file_name />
        </figure>
    }
}
