//! The journey as a circle: stages clockwise from the top, arcs to the next stage (and, on a
//! circular map, from the last back to the first, marked "↺"), outcomes as chords bent towards
//! the centre, loops inside, and exits to the "⊗" in the centre.

use crate::domain::Stage;
use leptos::prelude::*;

use super::journey_arrow::JourneyArrow;
use super::journey_arrow_heads::JourneyArrowHeads;
use super::journey_linear::cross;
use super::{n, ChartShell, LegendEntry};
use crate::domain::charts::journey::CircularLayout;
use crate::domain::charts::text::LEGEND_MARGIN;
use crate::domain::Id;

/// Draws `layout` as an accessible SVG, with `legend` under it.
#[component]
pub fn JourneyCircular(
    /// The laid-out map.
    #[prop(into)]
    layout: Signal<CircularLayout>,
    /// The legend entries, in the reader's language.
    #[prop(into)]
    legend: Signal<Vec<LegendEntry>>,
    /// The word for leaving the journey, written under the centre marker.
    #[prop(into)]
    exit_label: Signal<String>,
    /// The diagram's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The diagram in words: its accessible description.
    #[prop(into)]
    desc: Signal<String>,
    /// The id of the `<svg>`; must be unique on the page.
    id: String,
) -> impl IntoView {
    let legend_width = Signal::derive(move || layout.with(|l| l.width - 2.0 * LEGEND_MARGIN));
    let svg_id = id.clone();
    let body = move || {
        let svg_id = svg_id.clone();
        layout.with(|l| {
            let stage_ids: Vec<Id<Stage>> = l.stages.iter().map(|s| s.id.clone()).collect();
            let arrows = l
                .arrows
                .iter()
                .map(|a| view! { <JourneyArrow arrow=a.clone() stages=stage_ids.clone() svg_id=svg_id.clone() /> })
                .collect_view();
            let stages = l
                .stages
                .iter()
                .map(|s| {
                    let decision = s.decision.then(|| {
                        let (x, y) = (s.cx, s.cy + s.r);
                        view! {
                            <polygon
                                class="diamond"
                                points=format!("{},{} {},{} {},{} {},{}", n(x), n(y - 7.0), n(x + 7.0), n(y), n(x), n(y + 7.0), n(x - 7.0), n(y))
                            />
                        }
                    });
                    view! {
                        <g class="stage-node" data-stage=s.id.to_string()>
                            <circle cx=n(s.cx) cy=n(s.cy) r=n(s.r) />
                            <text class="node-number" x=n(s.cx) y=n(s.cy + 5.0) text-anchor="middle">{s.number.clone()}</text>
                            {decision}
                            <text class="stage-name halo" x=n(s.label_x) y=n(s.label_y) text-anchor=s.label_anchor.as_svg()>
                                {s.label.clone()}
                                <title>{s.full_label.clone()}</title>
                            </text>
                        </g>
                    }
                })
                .collect_view();
            let exit = l.exit.clone().map(|e| {
                view! {
                    <g class="exit-marker centre">
                        <circle cx=n(e.cx) cy=n(e.cy) r=n(e.r) />
                        <path class="cross" d=cross(e.cx, e.cy, e.r * 0.5) />
                        <text class="exit-name halo" x=n(e.cx) y=n(e.cy - e.r - 6.0) text-anchor="middle">{exit_label.get()}</text>
                    </g>
                }
            });
            view! {
                <circle class="orbit" cx=n(l.cx) cy=n(l.cy) r=n(l.radius) />
                {exit}
                <g class="moves">{arrows}</g>
                <g class="stages">{stages}</g>
            }
        })
    };
    let width_style = move || layout.with(|l| format!("width: {}px", n(l.width)));
    view! {
        <div class="diagram-canvas" style=width_style>
            <ChartShell id=id.clone() class="journey-chart circular" title desc size=Signal::derive(move || layout.with(|l| (l.width, l.height))) legend legend_width>
                <JourneyArrowHeads id=id.clone() />
                {body}
            </ChartShell>
        </div>
    }
}
