//! Two periods compared: per row, a bar for period A (solid) above a bar for period B
//! (striped), on one shared scale, each with its value written after it.

use leptos::prelude::*;

use super::chart_legend::legend_layout;
use super::{n, tick_label, ChartFrame, ChartLegend, LegendEntry, LinePattern, Swatch};
use crate::domain::charts::comparison::{layout_comparison, ComparisonLayout, ComparisonRow};
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
            if rows.is_empty() {
                return t_string!(i18n, chart_no_data).to_string();
            }
            let items: Vec<String> = rows
                .iter()
                .map(|r| format!("{}: {a} {}, {b} {}", r.label, r.a_text, r.b_text))
                .collect();
            format!(
                "{} {}.",
                t_string!(i18n, chart_comparison_desc, a = a.clone(), b = b.clone()),
                items.join("; ")
            )
        })
    };
    let legend = {
        let stripes = stripes.clone();
        move || {
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
        }
    };
    let legend_top = move || layout.with(|l| l.height);
    let height = {
        let legend = legend.clone();
        move || legend_top() + legend_layout(&legend(), 8.0, 0.0, WIDTH - 16.0).height + 4.0
    };
    let axis = move || {
        let locale = i18n.get_locale();
        layout.with(|l| {
            let ticks = l
                .ticks
                .iter()
                .map(|t| {
                    view! {
                        <g class="tick">
                            <line class="grid" x1=n(t.pos) x2=n(t.pos) y1=n(l.plot_top) y2=n(l.plot_bottom) />
                            <text x=n(t.pos) y=n(l.plot_bottom + 16.0) text-anchor="middle">
                                {tick_label(locale, &t.text)}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class="axes">
                    {ticks}
                    <line class="axis" x1=n(l.zero_x) x2=n(l.zero_x) y1=n(l.plot_top) y2=n(l.plot_bottom) />
                </g>
            }
        })
    };
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
    let legend_view =
        move || view! { <ChartLegend entries=legend() x=8.0 y=legend_top() width=WIDTH - 16.0 /> };
    view! {
        <ChartFrame id=id.clone() class="comparison-chart" view_box=Signal::derive(move || format!("0 0 {} {}", n(WIDTH), n(height()))) title desc=Signal::derive(desc)>
            <LinePattern id=stripes.clone() class="stripe" />
            {axis}
            {bars}
            {legend_view}
        </ChartFrame>
    }
}
