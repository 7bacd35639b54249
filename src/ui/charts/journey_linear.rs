//! The journey as a linear grid: stages as columns, lanes and emotions as rows, decisions as
//! diamonds whose outcomes are arrows (forward above, back below with "↺", exits to "⊗").

use crate::domain::Stage;
use leptos::prelude::*;

use super::journey_arrow::JourneyArrow;
use super::journey_arrow_heads::JourneyArrowHeads;
use super::{n, ChartShell, LegendEntry};
use crate::domain::charts::journey::LinearLayout;
use crate::domain::charts::text::LEGEND_MARGIN;
use crate::domain::Id;

/// An "×" of half-size `h` centred on (`x`, `y`): the mark inside an exit marker (⊗).
pub(crate) fn cross(x: f64, y: f64, h: f64) -> String {
    format!(
        "M{} {}L{} {}M{} {}L{} {}",
        n(x - h),
        n(y - h),
        n(x + h),
        n(y + h),
        n(x - h),
        n(y + h),
        n(x + h),
        n(y - h)
    )
}

/// Draws `layout` as an accessible SVG, with `legend` under it.
#[component]
pub fn JourneyLinear(
    /// The laid-out map.
    #[prop(into)]
    layout: Signal<LinearLayout>,
    /// The legend entries, in the reader's language.
    #[prop(into)]
    legend: Signal<Vec<LegendEntry>>,
    /// The diagram's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The diagram in words: its accessible description.
    #[prop(into)]
    desc: Signal<String>,
    /// The id of the `<svg>`; must be unique on the page.
    id: String,
) -> impl IntoView {
    let legend_width =
        Signal::derive(move || layout.with(|l| l.width.min(900.0) - 2.0 * LEGEND_MARGIN));
    let svg_id = id.clone();
    let body = move || {
        let svg_id = svg_id.clone();
        layout.with(|l| {
            let bottom = l.height - 10.0;
            let columns = l
                .columns
                .iter()
                .map(|&x| view! { <line class="column-line" x1=n(x) x2=n(x) y1=n(l.grid_top) y2=n(bottom) /> })
                .collect_view();
            let lanes = l
                .lanes
                .iter()
                .map(|r| {
                    let tip = (r.label != r.full_label).then(|| r.full_label.clone());
                    view! {
                        <g class="lane-row" data-lane=r.id.to_string()>
                            <line class="row-line" x1="0" x2=n(l.width) y1=n(r.y) y2=n(r.y) />
                            <text class="row-name" x="8" y=n(r.label_y)>
                                {r.label.clone()}
                                {tip.map(|t| view! { <title>{t}</title> })}
                            </text>
                        </g>
                    }
                })
                .collect_view();
            let cards = l
                .cards
                .iter()
                .map(|c| {
                    view! {
                        <g class="card-box" data-card=c.id.to_string() data-columns=c.columns.to_string()>
                            <rect x=n(c.x) y=n(c.y) width=n(c.width) height=n(c.height) rx="3" />
                            <text x=n(c.text_x) y=n(c.text_y)>{c.label.clone()}</text>
                            <title>{c.full_label.clone()}</title>
                        </g>
                    }
                })
                .collect_view();
            let emotions = l
                .emotions
                .iter()
                .map(|e| {
                    let points = e
                        .points
                        .iter()
                        .map(|p| {
                            view! {
                                <g class="emotion-point" data-score=p.score.to_string()>
                                    <circle cx=n(p.x) cy=n(p.y) r="4" />
                                    <text class="score halo" x=n(p.x) y=n(p.text_y) text-anchor="middle">{p.text.clone()}</text>
                                </g>
                            }
                        })
                        .collect_view();
                    view! {
                        <g class="emotion-row" data-persona=e.persona.to_string()>
                            <line class="row-line" x1="0" x2=n(l.width) y1=n(e.y) y2=n(e.y) />
                            <line class="zero-line" x1=n(l.columns.first().copied().unwrap_or(0.0)) x2=n(l.width - 20.0) y1=n(e.zero_y) y2=n(e.zero_y) />
                            <text class="row-name" x="8" y=n(e.label_y)>
                                {e.label.clone()}
                                <title>{e.full_label.clone()}</title>
                            </text>
                            <polyline class="emotion-line" points=e.polyline.clone() />
                            {points}
                        </g>
                    }
                })
                .collect_view();
            let stage_ids: Vec<Id<Stage>> = l.stages.iter().map(|s| s.id.clone()).collect();
            let stages = l
                .stages
                .iter()
                .map(|s| {
                    let diamond = s.diamond.clone().map(|points| {
                        view! {
                            <polygon class="diamond" points=points>
                                <title>{s.question.clone().unwrap_or_default()}</title>
                            </polygon>
                        }
                    });
                    view! {
                        <g class="stage-box" data-stage=s.id.to_string()>
                            <rect x=n(s.x) y=n(s.y) width=n(s.width) height=n(s.height) rx="6" />
                            <text class="stage-name" x=n(s.text_x) y=n(s.text_y) text-anchor="middle">
                                {s.label.clone()}
                                <title>{s.full_label.clone()}</title>
                            </text>
                            {diamond}
                        </g>
                    }
                })
                .collect_view();
            let arrows = l
                .arrows
                .iter()
                .map(|a| view! { <JourneyArrow arrow=a.clone() stages=stage_ids.clone() svg_id=svg_id.clone() /> })
                .collect_view();
            let exits = l
                .exits
                .iter()
                .map(|e| {
                    view! {
                        <g class="exit-marker">
                            <circle cx=n(e.cx) cy=n(e.cy) r=n(e.r) />
                            <path class="cross" d=cross(e.cx, e.cy, e.r * 0.5) />
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class="columns">{columns}</g>
                <g class="lanes">{lanes}</g>
                <g class="cards">{cards}</g>
                <g class="emotions">{emotions}</g>
                <g class="stages">{stages}</g>
                <g class="moves">{arrows}</g>
                <g class="exits">{exits}</g>
            }
        })
    };
    let width_style = move || layout.with(|l| format!("width: {}px", n(l.width)));
    view! {
        <div class="diagram-canvas" style=width_style>
            <ChartShell id=id.clone() class="journey-chart linear" title desc size=Signal::derive(move || layout.with(|l| (l.width, l.height))) legend legend_width>
                <JourneyArrowHeads id=id.clone() />
                {body}
            </ChartShell>
        </div>
    }
}
