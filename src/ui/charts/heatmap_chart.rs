//! A heatmap of counts: shaded cells that also write their number, hatch their gaps and mark
//! their excesses with "▲", so nothing is told by colour alone.

use leptos::prelude::*;

use super::{n, ChartShell, LegendEntry, LinePattern, Swatch};
use crate::domain::charts::heatmap::{layout_heatmap, Heatmap, HeatmapLayout, EXCESS_MARKER};
use crate::i18n::*;

/// The width of the drawing in SVG units (it scales to its container).
const WIDTH: f64 = 720.0;

/// Draws `data` as an accessible heatmap.
#[component]
pub fn HeatmapChart(
    /// The row and column names and the counts.
    #[prop(into)]
    data: Signal<Heatmap>,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let layout: Memo<HeatmapLayout> = Memo::new(move |_| data.with(|d| layout_heatmap(d, WIDTH)));
    let hatch = format!("{id}-gap");
    let desc = move || {
        layout.with(|l| {
            if l.cells.is_empty() {
                return t_string!(i18n, chart_no_data).to_string();
            }
            let name = |r: usize, c: usize| {
                format!(
                    "{} / {}",
                    l.row_labels[r].full_text, l.column_labels[c].full_text
                )
            };
            let list = |items: Vec<String>| {
                if items.is_empty() {
                    t_string!(i18n, chart_none).to_string()
                } else {
                    items.join(", ")
                }
            };
            let gaps = list(
                l.cells
                    .iter()
                    .filter(|c| c.gap)
                    .map(|c| name(c.row, c.column))
                    .collect(),
            );
            let excesses = list(
                l.cells
                    .iter()
                    .filter(|c| c.excess)
                    .map(|c| format!("{} ({})", name(c.row, c.column), c.count))
                    .collect(),
            );
            format!(
                "{} {} {}. {} {}.",
                t_string!(i18n, chart_heatmap_desc, max = l.max),
                t_string!(i18n, chart_heatmap_gaps),
                gaps,
                t_string!(i18n, chart_heatmap_excesses),
                excesses
            )
        })
    };
    let legend = {
        let hatch = hatch.clone();
        Signal::derive(move || {
            let level = |k: u8, label: String| LegendEntry {
                swatch: Swatch::Fill(format!("cell level-{k}")),
                label,
            };
            vec![
                level(1, t_string!(i18n, chart_legend_fewer).to_string()),
                level(2, String::new()),
                level(3, String::new()),
                level(4, t_string!(i18n, chart_legend_more).to_string()),
                LegendEntry {
                    swatch: Swatch::Pattern(hatch.clone()),
                    label: t_string!(i18n, chart_legend_gap).to_string(),
                },
                LegendEntry {
                    swatch: Swatch::Glyph(EXCESS_MARKER.into()),
                    label: t_string!(i18n, chart_legend_excess).to_string(),
                },
            ]
        })
    };
    let labels = move || {
        layout.with(|l| {
            let columns = l
                .column_labels
                .iter()
                .map(|c| {
                    let tooltip = (c.text != c.full_text).then(|| c.full_text.clone());
                    let transform = (c.rotate != 0.0)
                        .then(|| format!("rotate({} {} {})", c.rotate, n(c.x), n(c.y)));
                    view! {
                        <text class="label column-label" x=n(c.x) y=n(c.y) text-anchor=c.anchor.as_svg() transform=transform>
                            {c.text.clone()}
                            {tooltip.map(|t| view! { <title>{t}</title> })}
                        </text>
                    }
                })
                .collect_view();
            let rows = l
                .row_labels
                .iter()
                .map(|r| {
                    let tooltip = (r.text != r.full_text).then(|| r.full_text.clone());
                    view! {
                        <text class="label row-label" x=n(r.x) y=n(r.y) text-anchor=r.anchor.as_svg()>
                            {r.text.clone()}
                            {tooltip.map(|t| view! { <title>{t}</title> })}
                        </text>
                    }
                })
                .collect_view();
            view! { <g class="labels">{columns}{rows}</g> }
        })
    };
    let cells = {
        let hatch = hatch.clone();
        move || {
            layout.with(|l| {
                l.cells
                    .iter()
                    .map(|c| {
                        let mut class = format!("cell level-{}", c.level);
                        if c.gap {
                            class.push_str(" gap");
                        }
                        if c.excess {
                            class.push_str(" excess");
                        }
                        let fill = c.gap.then(|| format!("url(#{hatch})"));
                        view! {
                            <g class=class>
                                <rect x=n(c.x) y=n(c.y) width=n(c.width) height=n(c.height) fill=fill />
                                <text class="cell-value" x=n(c.text_x) y=n(c.text_y) text-anchor="middle">
                                    {c.text.clone()}
                                </text>
                            </g>
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <ChartShell id class="heatmap-chart" title desc=Signal::derive(desc) size=Signal::derive(move || layout.with(|l| (l.width, l.height))) legend>
            <LinePattern id=hatch class="hatch" />
            {labels}
            {cells}
        </ChartShell>
    }
}
