//! How contacts moved between the map's stages and into its decision outcomes, as a Sankey
//! diagram (loops back to an earlier stage run below the stages), downloadable as SVG or PNG.

use crate::domain::Outcome;
use leptos::prelude::*;

use crate::domain::charts::sankey::{NodeKind, SankeyLink, SankeyNode};
use crate::domain::format;
use crate::domain::metrics::report::{Flow, FlowNode};
use crate::domain::{Destination, Id, JourneyMap, Lang};
use crate::i18n::*;
use crate::ui::charts::{ChartFigure, SankeyChart};
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The Sankey nodes and links of `flows` on `map`: one node per stage (its column is its
/// index), then one per outcome that has flows, in the column after its decision's stage (an
/// outcome that leads out of the journey is an exit).
fn flow_diagram(
    map: &JourneyMap,
    flows: &[Flow],
    lang: Lang,
) -> (Vec<SankeyNode>, Vec<SankeyLink>) {
    let mut nodes: Vec<SankeyNode> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| SankeyNode {
            label: s.name.get(lang).to_owned(),
            column: Some(i as u32),
            kind: NodeKind::Stage,
        })
        .collect();
    let mut outcomes: Vec<Id<Outcome>> = Vec::new();
    let mut index_of = |node: &FlowNode, nodes: &mut Vec<SankeyNode>| -> usize {
        match node {
            FlowNode::Stage(i) => *i as usize,
            FlowNode::Outcome(id) => {
                if let Some(k) = outcomes.iter().position(|o| o == id) {
                    return map.stages.len() + k;
                }
                // The stage whose decision offers this outcome.
                let decided_at = map.stages.iter().position(|s| {
                    s.decision
                        .as_ref()
                        .is_some_and(|d| d.outcomes.iter().any(|o| &o.id == id))
                });
                let outcome = map.outcome(id.as_str());
                let exit = outcome.is_some_and(|o| o.leads_to == Destination::Exit);
                nodes.push(SankeyNode {
                    label: outcome
                        .map_or_else(|| id.as_str().to_owned(), |o| o.name.get(lang).to_owned()),
                    column: decided_at.map(|s| s as u32 + 1),
                    kind: if exit {
                        NodeKind::Exit
                    } else {
                        NodeKind::Outcome
                    },
                });
                outcomes.push(id.clone());
                nodes.len() - 1
            }
        }
    };
    let links = flows
        .iter()
        .map(|f| SankeyLink {
            from: index_of(&f.from, &mut nodes),
            to: index_of(&f.to, &mut nodes),
            value: f64::from(f.contacts),
            value_text: format::count(f.contacts, lang),
        })
        .collect();
    (nodes, links)
}

/// The flows chart of all contacts (`data-testid="flows-chart"`).
#[component]
pub fn MetricsFlows() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let diagram = Memo::new(move |_| {
        let Some(r) = data.report.get() else {
            return (Vec::new(), Vec::new());
        };
        let lang = lang.get();
        open.with_map(|m| flow_diagram(m, &r.flows, lang))
            .unwrap_or_default()
    });
    view! {
        <ChartFigure
            testid="flows-chart"
            svg_id="metrics-flows"
            file_name=Signal::derive(|| "flows".to_owned())
            caption=Signal::derive(move || t_string!(i18n, metrics_chart_flows_hint).to_string())
        >
            <SankeyChart
                nodes=Signal::derive(move || diagram.with(|d| d.0.clone()))
                links=Signal::derive(move || diagram.with(|d| d.1.clone()))
                title=Signal::derive(move || t_string!(i18n, metrics_chart_flows_title).to_string())
                id="metrics-flows"
            />
        </ChartFigure>
    }
}
