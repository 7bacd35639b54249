//! One cell of the canvas (a lane in a stage): the bars of spanning cards on their tracks, the
//! stage's own cards, and a button that adds a card here. It is also a drop target.

use crate::domain::{Lane, Stage};
use leptos::prelude::*;

use super::{expect_canvas, CardForm, CardView};
use crate::domain::canvas::Drawn;
use crate::domain::{CardKind, Id};
use crate::i18n::*;
use crate::ui::embed::use_read_only;

#[component]
pub fn CanvasCell(
    /// The lane (row).
    lane: Id<Lane>,
    /// The lane's row among the visible lanes.
    row: usize,
    /// The stage's column.
    column: usize,
    /// The stage.
    stage: Id<Stage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = expect_canvas();
    let cell = Memo::new(move |_| {
        canvas
            .grid
            .with(|g| g.drawn_cell(row, column).unwrap_or_default())
    });
    let names = Memo::new({
        let (lane, stage) = (lane.clone(), stage.clone());
        move |_| {
            canvas.lookups.with(|lk| {
                let (lane, kind) = lk.lanes.get(&lane)?.clone();
                let stage = lk.stages.get(&stage)?.1.clone();
                Some((lane, kind, stage))
            })
        }
    });
    let read_only = use_read_only();
    let adding = RwSignal::new(false);
    let kind = move || names.get().map_or(CardKind::Note, |n| n.1);
    let add_label = move || {
        names
            .get()
            .map(|(lane, _, stage)| {
                t_string!(i18n, add_card_to_cell, lane = lane, stage = stage).to_string()
            })
            .unwrap_or_default()
    };
    let (lane_v, stage_v) = (
        StoredValue::new(lane.clone()),
        StoredValue::new(stage.clone()),
    );
    let tracks = move || cell.read().tracks.clone();
    view! {
        <div
            class=move || format!("cell lane-{}", kind().slug())
            data-cell-lane=lane.0.clone()
            data-cell-stage=stage.0.clone()
            data-cell-index=column
        >
            <For
                each=tracks
                key=|t| t.clone()
                children=move |piece| match piece {
                    Drawn::Bar { card, span, .. } => view! {
                        <ul class="track">
                            <CardView card bar=span edges=(false, false) />
                        </ul>
                    }
                    .into_any(),
                    // The tracks where no bar starts, as one spacer as tall as they are.
                    Drawn::Gap { tracks, .. } => view! {
                        <div class="track track-gap" aria-hidden="true" style=format!("--tracks: {tracks}")></div>
                    }
                    .into_any(),
                }
            />
            <ul class="cards">
                <For each=move || cell.read().cards.clone() key=|c| c.clone() let:card>
                    <CardView card=card.clone() bar=1 edges=Signal::derive(move || cell.with(|c| {
                        let p = c.cards.iter().position(|x| *x == card);
                        (p == Some(0), p.is_some_and(|p| p + 1 == c.cards.len()))
                    })) />
                </For>
            </ul>
            // Type-erased, as in the stage column (symbol name length).
            <Show when=move || !read_only.get()>
            {view! {
            <Show when=move || adding.get() fallback=move || view! {
                <button type="button" class="cell-add small" on:click=move |_| adding.set(true)
                    aria-label=add_label>
                    <span aria-hidden="true">"+"</span>
                </button>
            }>
                {view! { <CardForm stage=Some(stage_v.get_value()) card=None
                    kind=kind() lane=Some(lane_v.get_value())
                    on_done=Callback::new(move |_| adding.set(false)) /> }.into_any()}
            </Show>
            }.into_any()}
            </Show>
        </div>
    }
}
