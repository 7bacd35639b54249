//! A chart's legend, drawn inside its `<svg>` (so a downloaded chart keeps it): a row of
//! swatches with labels that wraps to the chart's width.

use leptos::prelude::*;

use super::n;
use crate::domain::charts::text::{layout_legend, LegendLayout, LEGEND_FONT, SWATCH};

/// What a legend entry's swatch looks like.
#[derive(Clone, Debug, PartialEq)]
pub enum Swatch {
    /// A square with these CSS classes (as the marks it explains).
    Fill(String),
    /// A square filled with the pattern of this id (such as a hatch).
    Pattern(String),
    /// A thick line with these CSS classes (as a link it explains).
    Line(String),
    /// A character (such as the "▲" of an excess), as the chart writes it.
    Glyph(String),
}

/// One entry of a legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// Its swatch.
    pub swatch: Swatch,
    /// Its label.
    pub label: String,
}

/// Where the entries of a legend go, and its height.
pub fn legend_layout(entries: &[LegendEntry], x: f64, y: f64, width: f64) -> LegendLayout {
    let labels: Vec<&str> = entries.iter().map(|e| e.label.as_str()).collect();
    layout_legend(&labels, x, y, width)
}

/// Draws `entries` from (`x`, `y`) in rows of at most `width`.
#[component]
pub fn ChartLegend(
    /// The entries, in reading order.
    entries: Vec<LegendEntry>,
    /// The left edge of the legend.
    x: f64,
    /// The top edge of the legend.
    y: f64,
    /// The width the rows wrap at.
    width: f64,
) -> impl IntoView {
    let layout = legend_layout(&entries, x, y, width);
    let items = entries
        .into_iter()
        .zip(layout.items)
        .map(|(entry, (ex, ey))| {
            let swatch = match entry.swatch {
                Swatch::Fill(class) => view! {
                    <rect class=format!("swatch {class}") x=n(ex) y=n(ey) width=n(SWATCH) height=n(SWATCH) />
                }
                .into_any(),
                Swatch::Pattern(id) => view! {
                    <rect class="swatch pattern" x=n(ex) y=n(ey) width=n(SWATCH) height=n(SWATCH) fill=format!("url(#{id})") />
                }
                .into_any(),
                Swatch::Line(class) => view! {
                    <line class=format!("swatch-line {class}") x1=n(ex) y1=n(ey + SWATCH / 2.0) x2=n(ex + SWATCH) y2=n(ey + SWATCH / 2.0) />
                }
                .into_any(),
                Swatch::Glyph(glyph) => view! {
                    <text class="swatch-glyph" x=n(ex + SWATCH / 2.0) y=n(ey + LEGEND_FONT * 0.85) text-anchor="middle">
                        {glyph}
                    </text>
                }
                .into_any(),
            };
            view! {
                <g class="legend-entry">
                    {swatch}
                    <text x=n(ex + SWATCH + 6.0) y=n(ey + LEGEND_FONT * 0.85)>{entry.label}</text>
                </g>
            }
        })
        .collect_view();
    view! { <g class="chart-legend">{items}</g> }
}
