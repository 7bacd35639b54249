//! A histogram of durations in days: one bar per bin with its count written above it, a count
//! axis on the left and day ticks at the bin edges.

use leptos::prelude::*;

use super::{n, tick_label, ChartFrame};
use crate::domain::charts::histogram::{layout_histogram, Bin, HistogramLayout};
use crate::domain::charts::scale::tick_text;
use crate::i18n::*;

/// The size of the drawing in SVG units (it scales to its container).
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;

/// Draws `bins` (see [`crate::domain::charts::bin_durations`]) as an accessible histogram.
#[component]
pub fn HistogramChart(
    /// The bins, left to right, contiguous.
    #[prop(into)]
    bins: Signal<Vec<Bin>>,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let layout: Memo<HistogramLayout> =
        Memo::new(move |_| bins.with(|b| layout_histogram(b, WIDTH, HEIGHT)));
    let desc = move || {
        bins.with(|bins| {
            let locale = i18n.get_locale();
            if bins.is_empty() {
                return t_string!(i18n, chart_no_data).to_string();
            }
            let items: Vec<String> = bins
                .iter()
                .map(|b| {
                    let step = b.to - b.from;
                    let from = tick_label(locale, &tick_text(b.from, step));
                    let to = tick_label(locale, &tick_text(b.to, step));
                    format!(
                        "{}: {}",
                        t_string!(i18n, chart_day_range, from = from, to = to),
                        b.count
                    )
                })
                .collect();
            format!(
                "{} {}.",
                t_string!(i18n, chart_histogram_desc),
                items.join("; ")
            )
        })
    };
    let axes = move || {
        let locale = i18n.get_locale();
        layout.with(|l| {
            let y_ticks = l
                .y_ticks
                .iter()
                .map(|t| {
                    view! {
                        <g class="tick">
                            <line class="grid" x1=n(l.plot_left) x2=n(l.plot_right) y1=n(t.pos) y2=n(t.pos) />
                            <text x=n(l.plot_left - 6.0) y=n(t.pos + 4.0) text-anchor="end">
                                {tick_label(locale, &t.text)}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            let x_ticks = l
                .x_ticks
                .iter()
                .map(|t| {
                    view! {
                        <g class="tick">
                            <line class="axis" x1=n(t.pos) x2=n(t.pos) y1=n(l.plot_bottom) y2=n(l.plot_bottom + 5.0) />
                            <text x=n(t.pos) y=n(l.plot_bottom + 18.0) text-anchor="middle">
                                {tick_label(locale, &t.text)}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class="axes">
                    {y_ticks}
                    <line class="axis" x1=n(l.plot_left) x2=n(l.plot_right) y1=n(l.plot_bottom) y2=n(l.plot_bottom) />
                    {x_ticks}
                    <text class="axis-title" x=n(l.x_title.0) y=n(l.x_title.1) text-anchor="middle">
                        {t!(i18n, chart_days)}
                    </text>
                    <text class="axis-title" x=n(l.y_title.0) y=n(l.y_title.1)>
                        {t!(i18n, chart_count)}
                    </text>
                </g>
            }
        })
    };
    let bars = move || {
        layout.with(|l| {
            l.bars
                .iter()
                .map(|b| {
                    view! {
                        <g class="histogram-bin">
                            <rect class="histogram-bar" x=n(b.x) y=n(b.y) width=n(b.width) height=n(b.height) />
                            <text class="count" x=n(b.count_x) y=n(b.count_y) text-anchor="middle">
                                {b.bin.count}
                            </text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ChartFrame id=id.clone() class="histogram-chart" view_box=Signal::derive(move || layout.with(|l| format!("0 0 {} {}", n(l.width), n(l.height)))) title desc=Signal::derive(desc)>
            {axes}
            {bars}
        </ChartFrame>
    }
}
