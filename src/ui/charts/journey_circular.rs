//! The journey as a circle: stages clockwise from the top, arcs to the next stage (and, on a
//! circular map, from the last back to the first, marked "↺"), outcomes as chords bent towards
//! the centre, loops inside, and exits to the "⊗" in the centre.

use leptos::prelude::*;

use super::chart_legend::legend_layout;
use super::journey_arrow::{JourneyArrow, JourneyArrowHeads};
use super::journey_linear::cross;
use super::{n, ChartFrame, ChartLegend, LegendEntry};
use crate::domain::charts::journey::CircularLayout;
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
    let legend_width = move || layout.with(|l| l.width - 16.0);
    let legend_height = move || legend_layout(&legend.get(), 8.0, 0.0, legend_width()).height + 8.0;
    let view_box = Signal::derive(move || {
        layout.with(|l| format!("0 0 {} {}", n(l.width), n(l.height + legend_height())))
    });
    let svg_id = id.clone();
    let body = move || {
        let svg_id = svg_id.clone();
        layout.with(|l| {
            let stage_ids: Vec<Id> = l.stages.iter().map(|s| s.id.clone()).collect();
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
    let legend_view = move || {
        let top = layout.with(|l| l.height);
        view! { <ChartLegend entries=legend.get() x=8.0 y=top width=legend_width() /> }
    };
    let width_style = move || layout.with(|l| format!("width: {}px", n(l.width)));
    view! {
        <div class="diagram-canvas" style=width_style>
            <ChartFrame id=id.clone() class="journey-chart circular" view_box title desc>
                <JourneyArrowHeads id=id.clone() />
                {body}
                {legend_view}
            </ChartFrame>
        </div>
    }
}
