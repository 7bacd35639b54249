//! A Sankey diagram of a journey: stages, outcomes and exits as nodes in columns, flows between
//! them as bands whose width is proportional to their value.
//!
//! Journeys loop: a client goes from "between engagements" back to "client experience", or from
//! "loyalty" back to "trigger". A link to a node in an earlier (or the same) column is
//! [`LinkDirection::Backward`] and a link to its own node is [`LinkDirection::SelfLoop`]; both
//! are routed as a loop out of the right side of their source, down into a lane of its own
//! below all the nodes, left along it, and up into the left side of their target, so a loop
//! never looks like a forward flow.
//!
//! Columns come from [`SankeyNode::column`]; a node without one goes one column right of the
//! furthest node that flows into it (the longest forward path), ignoring links that close a
//! cycle. Node heights are proportional to max(inflow, outflow) and band widths to values, on one
//! scale that fits the tallest column in the drawing.

use std::fmt::Write as _;

use super::text::fit_text;
use super::{finite, Anchor};

/// What a node stands for (it picks the node's colour and legend entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A stage of the journey.
    Stage,
    /// A decision outcome (won, lost, …).
    Outcome,
    /// Where contacts leave the journey.
    Exit,
}

impl NodeKind {
    /// The CSS class of the kind.
    pub fn class(self) -> &'static str {
        match self {
            NodeKind::Stage => "stage",
            NodeKind::Outcome => "outcome",
            NodeKind::Exit => "exit",
        }
    }
}

/// A node of the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyNode {
    /// Its name.
    pub label: String,
    /// Its column (0 = leftmost), or `None` to place it after the nodes that flow into it.
    pub column: Option<u32>,
    /// What it stands for.
    pub kind: NodeKind,
}

/// A flow from one node to another (or to itself), by index into the nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyLink {
    /// The index of the source node.
    pub from: usize,
    /// The index of the target node.
    pub to: usize,
    /// The size of the flow; negative or non-finite counts as 0.
    pub value: f64,
    /// `value` as the reader should see it.
    pub value_text: String,
}

/// Which way a link goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkDirection {
    /// To a later column.
    Forward,
    /// To an earlier column, or to another node of the same column: a loop back.
    Backward,
    /// To its own node.
    SelfLoop,
}

impl LinkDirection {
    /// The CSS classes of the direction (`backward` for both kinds of loop).
    pub fn class(self) -> &'static str {
        match self {
            LinkDirection::Forward => "forward",
            LinkDirection::Backward => "backward",
            LinkDirection::SelfLoop => "backward self",
        }
    }
}

/// A placed node.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedNode {
    /// The label, shortened with "…" to the room of its column.
    pub label: String,
    /// The full label.
    pub full_label: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// The column it was placed in.
    pub column: u32,
    /// Its rectangle.
    pub x: f64,
    /// Its rectangle.
    pub y: f64,
    /// Its rectangle.
    pub width: f64,
    /// Its rectangle: proportional to `flow`.
    pub height: f64,
    /// max(inflow, outflow).
    pub flow: f64,
    /// Where its label goes (above the node).
    pub label_x: f64,
    /// The baseline of its label.
    pub label_y: f64,
    /// How the label is anchored at `label_x`.
    pub label_anchor: Anchor,
}

/// A placed link.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLink {
    /// Its index in the input links.
    pub index: usize,
    /// The index of the source node.
    pub from: usize,
    /// The index of the target node.
    pub to: usize,
    /// Its value (0 for a negative or non-finite input).
    pub value: f64,
    /// The value text.
    pub value_text: String,
    /// The width of its band: proportional to `value`.
    pub band: f64,
    /// The stroke width to draw it with: `band`, but at least 1 so a zero flow still shows.
    pub stroke_width: f64,
    /// Which way it goes.
    pub direction: LinkDirection,
    /// The SVG path along the middle of the band (drawn as a stroke `stroke_width` wide).
    pub d: String,
    /// Where its value text goes (centred).
    pub label_x: f64,
    /// The baseline of its value text.
    pub label_y: f64,
    /// For a loop, the y of the middle of its lane below the nodes.
    pub lane_y: Option<f64>,
}

/// A laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct SankeyLayout {
    /// The width of the drawing.
    pub width: f64,
    /// The height of the drawing.
    pub height: f64,
    /// The nodes, in input order.
    pub nodes: Vec<PlacedNode>,
    /// The links, in input order, without the skipped ones.
    pub links: Vec<PlacedLink>,
    /// The number of columns.
    pub columns: u32,
    /// The y below which there are no nodes (loops run below it).
    pub nodes_bottom: f64,
    /// Indexes of input links left out because an end is not a node.
    pub skipped: Vec<usize>,
}

/// The width of a node.
pub const NODE_WIDTH: f64 = 14.0;
/// The font size of node labels.
pub const FONT: f64 = 12.0;
const TOP: f64 = 8.0;
const LABEL_ROOM: f64 = 18.0;
const NODE_GAP: f64 = 30.0;
const MIN_NODE: f64 = 3.0;
const MIN_AREA: f64 = 240.0;
const LANE_TOP_GAP: f64 = 26.0;
const LANE_GAP: f64 = 20.0;
const SIDE: f64 = 8.0;
const BOTTOM: f64 = 8.0;

/// Lays out `nodes` and `links` in a drawing `width` units wide.
pub fn layout_sankey(nodes: &[SankeyNode], links: &[SankeyLink], width: f64) -> SankeyLayout {
    let width = finite(width).max(200.0);
    let n = nodes.len();
    let mut skipped = Vec::new();
    let valid: Vec<(usize, &SankeyLink, f64)> = links
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            if l.from < n && l.to < n {
                Some((i, l, finite(l.value).max(0.0)))
            } else {
                skipped.push(i);
                None
            }
        })
        .collect();
    if n == 0 {
        return SankeyLayout {
            width,
            height: TOP + BOTTOM,
            nodes: Vec::new(),
            links: Vec::new(),
            columns: 0,
            nodes_bottom: TOP,
            skipped,
        };
    }

    let column = columns(nodes, &valid);
    let columns = column.iter().copied().max().map_or(0, |c| c + 1);
    let direction = |l: &SankeyLink| {
        if l.from == l.to {
            LinkDirection::SelfLoop
        } else if column[l.to] > column[l.from] {
            LinkDirection::Forward
        } else {
            LinkDirection::Backward
        }
    };

    // Flows and the one value scale.
    let mut inflow = vec![0.0; n];
    let mut outflow = vec![0.0; n];
    for &(_, l, v) in &valid {
        outflow[l.from] += v;
        inflow[l.to] += v;
    }
    let flow: Vec<f64> = (0..n).map(|i| f64::max(inflow[i], outflow[i])).collect();
    let mut by_column: Vec<Vec<usize>> = vec![Vec::new(); columns as usize];
    for (i, &c) in column.iter().enumerate() {
        by_column[c as usize].push(i);
    }
    let tallest = by_column.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let area = MIN_AREA.max(tallest * (NODE_GAP + MIN_NODE + 20.0));
    let scale = by_column
        .iter()
        .filter_map(|col| {
            let total: f64 = col.iter().map(|&i| flow[i]).sum();
            let room = area - NODE_GAP * (col.len() as f64 - 1.0) - MIN_NODE * col.len() as f64;
            (total > 0.0).then_some(room / total)
        })
        .fold(f64::INFINITY, f64::min);
    let scale = if scale.is_finite() { scale } else { 0.0 };
    let height_of = |i: usize| (flow[i] * scale).max(MIN_NODE);

    // Vertical places: each column centred in the node area.
    let area_top = TOP + LABEL_ROOM;
    let mut y = vec![0.0; n];
    for col in &by_column {
        let total: f64 =
            col.iter().map(|&i| height_of(i)).sum::<f64>() + NODE_GAP * (col.len() as f64 - 1.0);
        let mut top = area_top + (area - total).max(0.0) / 2.0;
        for &i in col {
            y[i] = top;
            top += height_of(i) + NODE_GAP;
        }
    }
    let nodes_bottom = area_top + area;

    // Where each band leaves its source and enters its target: forward bands ordered by the
    // other end's height, loops last (they leave and arrive at the bottom).
    let band = |v: f64| v * scale;
    let mut out_offset = vec![0.0; links.len()];
    let mut in_offset = vec![0.0; links.len()];
    for node in 0..n {
        let mut outs: Vec<&(usize, &SankeyLink, f64)> =
            valid.iter().filter(|(_, l, _)| l.from == node).collect();
        outs.sort_by(|a, b| {
            let ka = (direction(a.1) != LinkDirection::Forward, y[a.1.to], a.0);
            let kb = (direction(b.1) != LinkDirection::Forward, y[b.1.to], b.0);
            ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut off = 0.0;
        for &&(i, _, v) in &outs {
            out_offset[i] = off + band(v) / 2.0;
            off += band(v);
        }
        let mut ins: Vec<&(usize, &SankeyLink, f64)> =
            valid.iter().filter(|(_, l, _)| l.to == node).collect();
        ins.sort_by(|a, b| {
            let ka = (direction(a.1) != LinkDirection::Forward, y[a.1.from], a.0);
            let kb = (direction(b.1) != LinkDirection::Forward, y[b.1.from], b.0);
            ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut off = 0.0;
        for &&(i, _, v) in &ins {
            in_offset[i] = off + band(v) / 2.0;
            off += band(v);
        }
    }

    // Lanes below the nodes for loops: short loops inside, long ones outside.
    let mut loops: Vec<&(usize, &SankeyLink, f64)> = valid
        .iter()
        .filter(|(_, l, _)| direction(l) != LinkDirection::Forward)
        .collect();
    loops.sort_by_key(|(i, l, _)| (column[l.from].abs_diff(column[l.to]), *i));
    let mut lane_y = vec![None; links.len()];
    let mut lane_top = nodes_bottom + LANE_TOP_GAP;
    for &&(i, _, v) in &loops {
        let w = band(v).max(1.0);
        lane_y[i] = Some(lane_top + w / 2.0);
        lane_top += w + LANE_GAP;
    }
    let lanes_bottom = if loops.is_empty() {
        nodes_bottom
    } else {
        lane_top - LANE_GAP
    };

    // How far a loop bulges out sideways decides the side margins.
    let bulge = |i: usize, v: f64, end_y: f64| {
        let lane = lane_y[i].unwrap_or(end_y);
        ((lane - end_y) / 2.0).clamp(12.0, 40.0) + band(v).max(1.0) / 2.0
    };
    let mut margin = SIDE;
    for &&(i, l, v) in &loops {
        let y0 = y[l.from] + out_offset[i];
        let y1 = y[l.to] + in_offset[i];
        let reach = f64::max(bulge(i, v, y0), bulge(i, v, y1)) * 0.75 + band(v).max(1.0) / 2.0;
        margin = margin.max(reach + 2.0);
    }

    // Horizontal places.
    let spacing = if columns > 1 {
        (width - 2.0 * margin - NODE_WIDTH) / f64::from(columns - 1)
    } else {
        0.0
    };
    let x_of = |c: u32| margin + f64::from(c) * spacing;
    let label_room = if columns > 1 {
        spacing - 10.0
    } else {
        width - 2.0 * margin
    };
    let placed_nodes: Vec<PlacedNode> = nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let c = column[i];
            let x = x_of(c);
            let last = columns > 1 && c == columns - 1;
            PlacedNode {
                label: fit_text(&node.label, label_room, FONT),
                full_label: node.label.clone(),
                kind: node.kind,
                column: c,
                x,
                y: y[i],
                width: NODE_WIDTH,
                height: height_of(i),
                flow: flow[i],
                label_x: if last { x + NODE_WIDTH } else { x },
                label_y: y[i] - 6.0,
                label_anchor: if last { Anchor::End } else { Anchor::Start },
            }
        })
        .collect();

    let placed_links = valid
        .iter()
        .map(|&(i, l, v)| {
            let dir = direction(l);
            let x0 = x_of(column[l.from]) + NODE_WIDTH;
            let y0 = y[l.from] + out_offset[i];
            let x1 = x_of(column[l.to]);
            let y1 = y[l.to] + in_offset[i];
            let mut d = String::new();
            let (label_x, label_y);
            if dir == LinkDirection::Forward {
                let xm = (x0 + x1) / 2.0;
                let _ = write!(
                    d,
                    "M{x0:.1} {y0:.1}C{xm:.1} {y0:.1} {xm:.1} {y1:.1} {x1:.1} {y1:.1}"
                );
                label_x = xm;
                label_y = (y0 + y1) / 2.0 + FONT * 0.35;
            } else {
                let yb = lane_y[i].unwrap_or(lanes_bottom);
                let c0 = bulge(i, v, y0);
                let c1 = bulge(i, v, y1);
                let (xa, xb) = (x0 + c0, x1 - c1);
                let _ = write!(
                    d,
                    "M{x0:.1} {y0:.1}C{xa:.1} {y0:.1} {xa:.1} {yb:.1} {x0:.1} {yb:.1}\
                     L{x1:.1} {yb:.1}C{xb:.1} {yb:.1} {xb:.1} {y1:.1} {x1:.1} {y1:.1}"
                );
                label_x = (x0 + x1) / 2.0;
                label_y = yb - band(v).max(1.0) / 2.0 - 4.0;
            }
            PlacedLink {
                index: i,
                from: l.from,
                to: l.to,
                value: v,
                value_text: l.value_text.clone(),
                band: band(v),
                stroke_width: band(v).max(1.0),
                direction: dir,
                d,
                label_x,
                label_y,
                lane_y: lane_y[i],
            }
        })
        .collect();

    SankeyLayout {
        width,
        height: lanes_bottom + BOTTOM + if loops.is_empty() { 0.0 } else { 4.0 },
        nodes: placed_nodes,
        links: placed_links,
        columns,
        nodes_bottom,
        skipped,
    }
}

/// The column of every node: its own, or one right of the furthest node flowing into it along
/// links that do not close a cycle (found by a depth-first search in node order).
fn columns(nodes: &[SankeyNode], links: &[(usize, &SankeyLink, f64)]) -> Vec<u32> {
    let n = nodes.len();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (_, l, _) in links {
        if l.from != l.to {
            next[l.from].push(l.to);
        }
    }
    // Depth-first search: an edge to a node on the stack closes a cycle and is dropped.
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        No,
        OnStack,
        Done,
    }
    let mut seen = vec![Seen::No; n];
    let mut dag: Vec<Vec<usize>> = vec![Vec::new(); n];
    for root in 0..n {
        if seen[root] != Seen::No {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        seen[root] = Seen::OnStack;
        while let Some(top) = stack.last_mut() {
            let (v, k) = *top;
            if let Some(&w) = next[v].get(k) {
                top.1 += 1;
                match seen[w] {
                    Seen::OnStack => {}
                    Seen::Done => dag[v].push(w),
                    Seen::No => {
                        dag[v].push(w);
                        seen[w] = Seen::OnStack;
                        stack.push((w, 0));
                    }
                }
            } else {
                seen[v] = Seen::Done;
                stack.pop();
            }
        }
    }
    // Longest path over the acyclic links, in topological order (Kahn).
    let mut indegree = vec![0usize; n];
    for ws in &dag {
        for &w in ws {
            indegree[w] += 1;
        }
    }
    let mut col: Vec<u32> = nodes.iter().map(|nd| nd.column.unwrap_or(0)).collect();
    let mut ready: Vec<usize> = (0..n).filter(|&v| indegree[v] == 0).rev().collect();
    while let Some(v) = ready.pop() {
        for &w in &dag[v] {
            if nodes[w].column.is_none() {
                col[w] = col[w].max(col[v] + 1);
            }
            indegree[w] -= 1;
            if indegree[w] == 0 {
                ready.push(w);
            }
        }
    }
    col
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, column: Option<u32>) -> SankeyNode {
        SankeyNode {
            label: label.into(),
            column,
            kind: NodeKind::Stage,
        }
    }

    fn link(from: usize, to: usize, value: f64) -> SankeyLink {
        SankeyLink {
            from,
            to,
            value,
            value_text: format!("{value}"),
        }
    }

    /// Every number in a path string.
    fn numbers(d: &str) -> Vec<f64> {
        d.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }

    #[test]
    fn columns_follow_the_longest_forward_path() {
        // 0 → 1 → 2 → 3 and a shortcut 0 → 3: 3 goes after 2, not after 0.
        let nodes = vec![
            node("a", None),
            node("b", None),
            node("c", None),
            node("d", None),
        ];
        let links = vec![
            link(0, 1, 5.0),
            link(1, 2, 5.0),
            link(2, 3, 5.0),
            link(0, 3, 1.0),
        ];
        let l = layout_sankey(&nodes, &links, 600.0);
        let cols: Vec<u32> = l.nodes.iter().map(|n| n.column).collect();
        assert_eq!(cols, vec![0, 1, 2, 3]);
        assert_eq!(l.columns, 4);
        assert!(l.nodes[0].x < l.nodes[1].x && l.nodes[1].x < l.nodes[2].x);
        assert!(l
            .links
            .iter()
            .all(|k| k.direction == LinkDirection::Forward));
    }

    #[test]
    fn given_columns_are_kept_and_a_loop_does_not_push_columns() {
        // A cycle 0 → 1 → 2 → 0 without given columns: the closing link 2 → 0 is backward.
        let nodes = vec![
            node("trigger", None),
            node("buy", None),
            node("loyalty", None),
        ];
        let links = vec![link(0, 1, 4.0), link(1, 2, 3.0), link(2, 0, 2.0)];
        let l = layout_sankey(&nodes, &links, 600.0);
        assert_eq!(
            l.nodes.iter().map(|n| n.column).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
        assert_eq!(l.links[2].direction, LinkDirection::Backward);
        // Given columns win over the path.
        let nodes = vec![node("a", Some(0)), node("b", Some(3)), node("c", None)];
        let l = layout_sankey(&nodes, &[link(0, 1, 1.0), link(1, 2, 1.0)], 600.0);
        assert_eq!(
            l.nodes.iter().map(|n| n.column).collect::<Vec<_>>(),
            vec![0, 3, 4]
        );
    }

    #[test]
    fn band_widths_and_node_heights_are_proportional() {
        let nodes = vec![node("a", Some(0)), node("b", Some(1)), node("c", Some(1))];
        let links = vec![link(0, 1, 30.0), link(0, 2, 10.0)];
        let l = layout_sankey(&nodes, &links, 600.0);
        let (ab, ac) = (&l.links[0], &l.links[1]);
        assert!(ab.band > 0.0);
        assert!((ab.band - 3.0 * ac.band).abs() < 1e-9);
        // a's height is its outflow (40); b's is 30 on the same scale.
        assert!((l.nodes[0].height - (ab.band + ac.band)).abs() < 1e-9);
        assert!((l.nodes[1].height - ab.band).abs() < 1e-9);
        assert!((l.nodes[0].height / l.nodes[1].height - 40.0 / 30.0).abs() < 1e-9);
        // The bands leave a stacked top to bottom: 30 first (b is above c), then 10.
        let start = |k: &PlacedLink| numbers(&k.d)[1];
        assert!((start(ab) - (l.nodes[0].y + ab.band / 2.0)).abs() < 0.06);
        assert!((start(ac) - (l.nodes[0].y + ab.band + ac.band / 2.0)).abs() < 0.06);
        // Every node fits between its label room and the bottom of the node area.
        for n in &l.nodes {
            assert!(n.label_y < n.y && n.y + n.height <= l.nodes_bottom + 1e-9);
        }
    }

    #[test]
    fn a_backward_link_is_marked_and_runs_below_the_nodes() {
        // Scaleo-like: trigger → consider → loyalty, and loyalty → trigger loops back.
        let nodes = vec![
            node("Trigger", Some(0)),
            node("Consider", Some(1)),
            node("Loyalty", Some(2)),
        ];
        let links = vec![
            link(0, 1, 10.0),
            link(1, 2, 8.0),
            link(2, 0, 3.0),
            link(1, 1, 2.0),
        ];
        let l = layout_sankey(&nodes, &links, 600.0);
        let back = &l.links[2];
        assert_eq!(back.direction, LinkDirection::Backward);
        assert_eq!(back.direction.class(), "backward");
        assert_eq!(l.links[3].direction, LinkDirection::SelfLoop);
        let lowest_node = l.nodes.iter().map(|n| n.y + n.height).fold(0.0, f64::max);
        for k in [back, &l.links[3]] {
            let lane = k.lane_y.unwrap();
            assert!(
                lane > lowest_node,
                "lane {lane} under nodes ending at {lowest_node}"
            );
            let ys: Vec<f64> = numbers(&k.d).chunks(2).map(|p| p[1]).collect();
            let deepest = ys.iter().copied().fold(0.0, f64::max);
            assert!(
                (deepest - lane).abs() < 0.06,
                "the path runs along its lane"
            );
            assert!(k.label_y > lowest_node && k.label_y < lane);
        }
        // Leaves Loyalty on its right side and enters Trigger on its left side.
        let xs: Vec<f64> = numbers(&back.d).chunks(2).map(|p| p[0]).collect();
        assert!((xs[0] - (l.nodes[2].x + NODE_WIDTH)).abs() < 0.06);
        assert!((xs.last().unwrap() - l.nodes[0].x).abs() < 0.06);
        // The two loops have lanes of their own, and the drawing is tall enough for both.
        assert_ne!(back.lane_y, l.links[3].lane_y);
        assert!(l.height > back.lane_y.unwrap().max(l.links[3].lane_y.unwrap()));
        // Forward links have no lane and stay in the node area.
        assert_eq!(l.links[0].lane_y, None);
        assert!(numbers(&l.links[0].d)
            .chunks(2)
            .all(|p| p[1] <= l.nodes_bottom));
        // The loops fit inside the drawing sideways.
        for k in &l.links {
            let xs: Vec<f64> = numbers(&k.d).chunks(2).map(|p| p[0]).collect();
            assert!(xs.iter().all(|&x| x >= 0.0 && x <= l.width), "{}", k.d);
        }
    }

    #[test]
    fn all_zero_values_give_no_nan() {
        let nodes = vec![node("a", None), node("b", None), node("c", Some(0))];
        let links = vec![link(0, 1, 0.0), link(1, 2, 0.0), link(0, 0, f64::NAN)];
        let l = layout_sankey(&nodes, &links, 500.0);
        for n in &l.nodes {
            assert!([n.x, n.y, n.height, n.label_x, n.label_y]
                .iter()
                .all(|v| v.is_finite()));
            assert_eq!(n.height, MIN_NODE);
        }
        for k in &l.links {
            assert!(!k.d.contains("NaN") && !k.d.contains("inf"), "{}", k.d);
            assert_eq!(k.band, 0.0);
            assert_eq!(k.stroke_width, 1.0);
        }
        assert!(l.height.is_finite() && l.width.is_finite());
    }

    #[test]
    fn links_to_missing_nodes_are_skipped_and_empty_input_is_empty() {
        let l = layout_sankey(
            &[node("a", None)],
            &[link(0, 3, 1.0), link(0, 0, 1.0)],
            400.0,
        );
        assert_eq!(l.skipped, vec![0]);
        assert_eq!(l.links.len(), 1);
        assert_eq!(l.links[0].index, 1);
        let e = layout_sankey(&[], &[link(0, 1, 1.0)], 400.0);
        assert!(e.nodes.is_empty() && e.links.is_empty());
        assert_eq!(e.skipped, vec![0]);
    }

    #[test]
    fn the_last_column_labels_end_at_the_node() {
        let nodes = vec![node("a", Some(0)), node("Won", Some(1))];
        let l = layout_sankey(&nodes, &[link(0, 1, 1.0)], 400.0);
        assert_eq!(l.nodes[0].label_anchor, Anchor::Start);
        assert_eq!(l.nodes[1].label_anchor, Anchor::End);
        assert_eq!(l.nodes[1].label_x, l.nodes[1].x + NODE_WIDTH);
        assert!(l.nodes[1].label_x <= l.width);
    }
}
