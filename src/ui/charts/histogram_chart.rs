//! A histogram of durations in days: one bar per bin with its count written above it, a count
//! axis on the left and day ticks at the bin edges.

use leptos::prelude::*;

use super::{n, tick_label, ChartShell};
use crate::domain::charts::axis::Axis;
use crate::domain::charts::histogram::{layout_histogram, Bin, HistogramLayout};
use crate::domain::charts::scale::tick_text;
use crate::domain::charts::text::describe_list;
use crate::domain::charts::Anchor;
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
            describe_list(
                t_string!(i18n, chart_histogram_desc),
                t_string!(i18n, chart_no_data),
                &items,
            )
        })
    };
    let axes = Signal::derive(move || {
        layout.with(|l| {
            vec![
                Axis::left_grid(&l.y_ticks, l.plot_left, l.plot_right).with_title(
                    t_string!(i18n, chart_count),
                    l.y_title,
                    Anchor::Start,
                ),
                Axis::bottom_stubs(&l.x_ticks, l.plot_bottom)
                    .with_line(l.plot_left, l.plot_bottom, l.plot_right, l.plot_bottom)
                    .with_title(t_string!(i18n, chart_days), l.x_title, Anchor::Middle),
            ]
        })
    });
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
        <ChartShell id class="histogram-chart" title desc=Signal::derive(desc) size=Signal::derive(move || layout.with(|l| (l.width, l.height))) axes>
            {bars}
        </ChartShell>
    }
}
