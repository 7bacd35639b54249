//! A Sankey diagram: stages, outcomes and exits as bars in columns, flows as bands between them.
//! Loops back to an earlier stage run below the nodes, in their own colour, with "↺" before
//! their value.

use leptos::prelude::*;

use super::{n, ChartShell, LegendEntry, Swatch};
use crate::domain::charts::sankey::{
    layout_sankey, LinkDirection, NodeKind, SankeyLayout, SankeyLink, SankeyNode,
};
use crate::domain::charts::text::describe_list;
use crate::i18n::*;

/// The width of the drawing in SVG units (it scales to its container).
const WIDTH: f64 = 800.0;
/// The mark before the value of a loop back.
const LOOP_MARK: &str = "↺";

/// The `<desc>`: every flow in words, loops marked as such.
fn describe(intro: &str, empty: &str, (back, same): (&str, &str), layout: &SankeyLayout) -> String {
    let items: Vec<String> = layout
        .links
        .iter()
        .map(|l| {
            let from = &layout.nodes[l.from].full_label;
            let to = &layout.nodes[l.to].full_label;
            match l.direction {
                LinkDirection::Forward => format!("{from} → {to}: {}", l.value_text),
                LinkDirection::Backward => format!("{from} → {to}: {} ({back})", l.value_text),
                LinkDirection::SelfLoop => format!("{from}: {} ({same})", l.value_text),
            }
        })
        .collect();
    describe_list(intro, empty, &items)
}

/// Draws `nodes` and `links` as an accessible Sankey diagram.
#[component]
pub fn SankeyChart(
    /// The nodes: stages, outcomes and exits, with their columns if known.
    #[prop(into)]
    nodes: Signal<Vec<SankeyNode>>,
    /// The flows between nodes (by index), with their values formatted for the reader.
    #[prop(into)]
    links: Signal<Vec<SankeyLink>>,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let layout: Memo<SankeyLayout> = Memo::new(move |_| {
        nodes.with(|nodes| links.with(|links| layout_sankey(nodes, links, WIDTH)))
    });
    let desc = move || {
        layout.with(|l| {
            describe(
                t_string!(i18n, chart_sankey_desc),
                t_string!(i18n, chart_no_data),
                (
                    t_string!(i18n, chart_backward_flow),
                    t_string!(i18n, chart_self_flow),
                ),
                l,
            )
        })
    };
    let legend = Signal::derive(move || {
        layout.with(|l| {
            let mut kinds: Vec<NodeKind> = Vec::new();
            for node in &l.nodes {
                if !kinds.contains(&node.kind) {
                    kinds.push(node.kind);
                }
            }
            kinds.sort_by_key(|k| *k as u8);
            let mut entries: Vec<LegendEntry> = kinds
                .into_iter()
                .map(|k| LegendEntry {
                    swatch: Swatch::Fill(format!("node {}", k.class())),
                    label: match k {
                        NodeKind::Stage => t_string!(i18n, chart_legend_stage).to_string(),
                        NodeKind::Outcome => t_string!(i18n, chart_legend_outcome).to_string(),
                        NodeKind::Exit => t_string!(i18n, chart_legend_exit).to_string(),
                    },
                })
                .collect();
            if l.links
                .iter()
                .any(|k| k.direction != LinkDirection::Forward)
            {
                entries.push(LegendEntry {
                    swatch: Swatch::Line("link backward".into()),
                    label: format!("{LOOP_MARK} {}", t_string!(i18n, chart_backward_flow)),
                });
            }
            entries
        })
    });
    let links_view = move || {
        layout.with(|l| {
            l.links
                .iter()
                .map(|k| {
                    let text = if k.direction == LinkDirection::Forward {
                        k.value_text.clone()
                    } else {
                        format!("{LOOP_MARK} {}", k.value_text)
                    };
                    let from = &l.nodes[k.from].full_label;
                    let to = &l.nodes[k.to].full_label;
                    let tip = format!("{from} → {to}: {}", k.value_text);
                    view! {
                        <g class=format!("link-group {}", k.direction.class())>
                            <path
                                class=format!("link {}", k.direction.class())
                                d=k.d.clone()
                                stroke-width=n(k.stroke_width)
                            >
                                <title>{tip}</title>
                            </path>
                            <text class="link-value halo" x=n(k.label_x) y=n(k.label_y) text-anchor="middle">
                                {text}
                            </text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let nodes_view = move || {
        layout.with(|l| {
            l.nodes
                .iter()
                .map(|node| {
                    let tooltip = (node.label != node.full_label).then(|| node.full_label.clone());
                    view! {
                        <g class=format!("node-group {}", node.kind.class())>
                            <rect
                                class=format!("node {}", node.kind.class())
                                x=n(node.x)
                                y=n(node.y)
                                width=n(node.width)
                                height=n(node.height)
                            />
                            <text
                                class="label halo"
                                x=n(node.label_x)
                                y=n(node.label_y)
                                text-anchor=node.label_anchor.as_svg()
                            >
                                {node.label.clone()}
                                {tooltip.map(|t| view! { <title>{t}</title> })}
                            </text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ChartShell id class="sankey-chart" title desc=Signal::derive(desc) size=Signal::derive(move || layout.with(|l| (l.width, l.height))) legend>
            <g class="links">{links_view}</g>
            <g class="nodes">{nodes_view}</g>
        </ChartShell>
    }
}
