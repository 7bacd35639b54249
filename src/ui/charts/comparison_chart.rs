//! Two periods compared: per row, a bar for period A (solid) above a bar for period B
//! (striped), on one shared scale, each with its value written after it.

use leptos::prelude::*;

use super::{n, ChartShell, LegendEntry, LinePattern, Swatch};
use crate::domain::charts::axis::Axis;
use crate::domain::charts::comparison::{layout_comparison, ComparisonLayout, ComparisonRow};
use crate::domain::charts::text::describe_list;
use crate::i18n::*;

/// The width of the drawing in SVG units (it scales to its container).
const WIDTH: f64 = 640.0;

/// Draws `rows` as an accessible two-period comparison.
#[component]
pub fn ComparisonChart(
    /// The rows, top to bottom, with their values formatted for the reader.
    #[prop(into)]
    rows: Signal<Vec<ComparisonRow>>,
    /// The name of period A (such as "Q1 2025"), shown in the legend.
    #[prop(into)]
    a_name: Signal<String>,
    /// The name of period B, shown in the legend.
    #[prop(into)]
    b_name: Signal<String>,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let layout: Memo<ComparisonLayout> =
        Memo::new(move |_| rows.with(|r| layout_comparison(r, WIDTH)));
    let stripes = format!("{id}-b");
    let desc = move || {
        let (a, b) = (a_name.get(), b_name.get());
        rows.with(|rows| {
            let items: Vec<String> = rows
                .iter()
                .map(|r| format!("{}: {a} {}, {b} {}", r.label, r.a_text, r.b_text))
                .collect();
            describe_list(
                &t_string!(i18n, chart_comparison_desc, a = a.clone(), b = b.clone()),
                t_string!(i18n, chart_no_data),
                &items,
            )
        })
    };
    let legend = {
        let stripes = stripes.clone();
        Signal::derive(move || {
            vec![
                LegendEntry {
                    swatch: Swatch::Fill("period-a".into()),
                    label: a_name.get(),
                },
                LegendEntry {
                    swatch: Swatch::Pattern(stripes.clone()),
                    label: b_name.get(),
                },
            ]
        })
    };
    let axes = Signal::derive(move || {
        layout.with(|l| {
            vec![
                Axis::bottom_grid(&l.ticks, l.plot_top, l.plot_bottom).with_line(
                    l.zero_x,
                    l.plot_top,
                    l.zero_x,
                    l.plot_bottom,
                ),
            ]
        })
    });
    let bars = {
        let stripes = stripes.clone();
        move || {
            layout.with(|l| {
                l.rows
                    .iter()
                    .map(|r| {
                        let tooltip = (r.label != r.full_label).then(|| r.full_label.clone());
                        view! {
                            <g class="comparison-row">
                                <text class="label" x=n(r.label_x) y=n(r.label_y) text-anchor="end">
                                    {r.label.clone()}
                                    {tooltip.map(|t| view! { <title>{t}</title> })}
                                </text>
                                <rect class="comparison-bar period-a" x=n(r.a.x) y=n(r.a.y) width=n(r.a.width) height=n(r.a.height) />
                                <text class="value" x=n(r.a.text_x) y=n(r.a.text_y) text-anchor=r.a.text_anchor.as_svg()>
                                    {r.a.text.clone()}
                                </text>
                                <rect
                                    class="comparison-bar period-b"
                                    x=n(r.b.x)
                                    y=n(r.b.y)
                                    width=n(r.b.width)
                                    height=n(r.b.height)
                                    fill=format!("url(#{stripes})")
                                />
                                <text class="value" x=n(r.b.text_x) y=n(r.b.text_y) text-anchor=r.b.text_anchor.as_svg()>
                                    {r.b.text.clone()}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <ChartShell id class="comparison-chart" title desc=Signal::derive(desc) size=Signal::derive(move || layout.with(|l| (l.width, l.height))) axes legend>
            <LinePattern id=stripes class="stripe" />
            {bars}
        </ChartShell>
    }
}
