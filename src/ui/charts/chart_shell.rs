//! The shell every chart and diagram draws into: the `<svg>` with its id (for downloads), role,
//! accessible name and description, a `viewBox` that scales to the container, the chart's axes
//! under its marks and its legend under the drawing (inside the `<svg>`, so a downloaded chart
//! keeps it). A chart gives its size, its axes and legend entries; the shell does the rest.

use leptos::prelude::*;

use super::{n, text_ids, ChartAxis, ChartLegend, LegendEntry};
use crate::domain::charts::axis::Axis;
use crate::domain::charts::text::{legend_below, LEGEND_MARGIN};

/// An accessible SVG chart: `role="img"`, labelled by its `<title>` and `<desc>`, with optional
/// axes and a legend.
#[component]
pub fn ChartShell(
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    id: String,
    /// The chart's own classes, beside `chart` (e.g. `funnel-chart`).
    class: &'static str,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The data in words: its accessible description.
    #[prop(into)]
    desc: Signal<String>,
    /// The width and height of what the chart draws, in SVG units (the legend goes below).
    #[prop(into)]
    size: Signal<(f64, f64)>,
    /// The axes, drawn before (under) the chart's marks; none if not given.
    #[prop(optional, into)]
    axes: Option<Signal<Vec<Axis>>>,
    /// The legend entries, drawn under the drawing; no legend if not given.
    #[prop(optional, into)]
    legend: Option<Signal<Vec<LegendEntry>>>,
    /// The width the legend's rows wrap at; the drawing's width less the margins if not given.
    #[prop(optional, into)]
    legend_width: Option<Signal<f64>>,
    /// What is drawn (after the axes).
    children: Children,
) -> impl IntoView {
    let (title_id, desc_id) = text_ids(&id);
    let labelled_by = format!("{title_id} {desc_id}");
    let wrap = move || match legend_width {
        Some(w) => w.get(),
        None => size.get().0 - 2.0 * LEGEND_MARGIN,
    };
    let view_box = move || {
        let (width, height) = size.get();
        let height = match legend {
            Some(entries) => entries.with(|e| {
                let labels: Vec<&str> = e.iter().map(|e| e.label.as_str()).collect();
                legend_below(&labels, height, wrap()).1
            }),
            None => height,
        };
        format!("0 0 {} {}", n(width), n(height))
    };
    let axes_view = axes.map(|axes| {
        view! {
            <g class="axes">
                {move || axes.get().into_iter().map(|axis| view! { <ChartAxis axis /> }).collect_view()}
            </g>
        }
    });
    let legend_view = legend.map(|entries| {
        move || {
            view! { <ChartLegend entries=entries.get() x=LEGEND_MARGIN y=size.get().1 width=wrap() /> }
        }
    });
    view! {
        <svg
            id=id
            class=format!("chart {class}")
            role="img"
            aria-labelledby=labelled_by
            viewBox=view_box
            preserveAspectRatio="xMinYMin meet"
        >
            <title id=title_id>{move || title.get()}</title>
            <desc id=desc_id>{move || desc.get()}</desc>
            {axes_view}
            {children()}
            {legend_view}
        </svg>
    }
}
