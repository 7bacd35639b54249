//! One axis of a chart, as [`crate::domain::charts::axis`] placed it: a line and a label per
//! tick, the axis line over them and the axis title. Tick labels take the reader's decimal
//! separator.

use leptos::prelude::*;

use super::{n, tick_label};
use crate::domain::charts::axis::Axis;
use crate::i18n::*;

/// Draws `axis` (inside the chart's `<g class="axes">`).
#[component]
pub fn ChartAxis(
    /// The placed axis.
    axis: Axis,
) -> impl IntoView {
    let i18n = use_i18n();
    let ticks = axis
        .ticks
        .into_iter()
        .map(|t| {
            let text = move || tick_label(i18n.get_locale(), &t.text);
            view! {
                <g class="tick">
                    <line class=t.kind.class() x1=n(t.line.x1) x2=n(t.line.x2) y1=n(t.line.y1) y2=n(t.line.y2) />
                    <text x=n(t.text_x) y=n(t.text_y) text-anchor=t.anchor.as_svg()>{text}</text>
                </g>
            }
        })
        .collect_view();
    let line = axis.line.map(|l| {
        view! { <line class="axis" x1=n(l.x1) x2=n(l.x2) y1=n(l.y1) y2=n(l.y2) /> }
    });
    let title = axis.title.map(|t| {
        view! {
            <text class="axis-title" x=n(t.x) y=n(t.y) text-anchor=t.anchor.as_svg()>
                {t.text}
            </text>
        }
    });
    view! { {ticks} {line} {title} }
}
