//! The canvas: stages as columns, visible lanes as rows, one emotion row per persona and the
//! decision points, in one CSS grid (each stage column is a subgrid, so rows line up).
//!
//! Only the stage columns in view (and a few on each side) are drawn in full; which ones is
//! worked out from the canvas's scroll position and size by [`canvas::Viewport`]. Keyboard and
//! drag events are handled once for all cards (event delegation) by [`CanvasKeys`] and
//! [`CanvasDrag`]. A read-only map keeps the arrow keys and nothing else (see
//! [`crate::ui::embed::ReadOnly`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::canvas_context::{lookups, CanvasCtx, CardSignals};
use super::canvas_drag::CanvasDrag;
use super::canvas_keys::CanvasKeys;
use super::{LaneHead, LaneManager, StageColumn};
use crate::domain::canvas::{self, emotion_curves, Grid, Viewport};
use crate::i18n::*;
use crate::ui::effects::on_window;
use crate::ui::embed::use_read_only;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The open map's canvas, with the lane manager under it unless the map is read-only.
#[component]
pub fn Canvas() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let read_only = use_read_only();
    let grid = open.select(Grid::of);
    let lookups = open.select(move |m| lookups(m, lang.get()));
    let curves = open.select(emotion_curves);
    let personas = open.select(move |m| {
        let lang = lang.get();
        m.personas
            .iter()
            .map(|p| (p.id.clone(), p.name.get(lang).to_owned()))
            .collect::<Vec<_>>()
    });
    let editing = RwSignal::new(None);
    let ctx = CanvasCtx {
        open,
        grid,
        lookups,
        personas,
        curves,
        editing,
        drawn: RwSignal::new(canvas::INITIAL_COLUMNS),
        is_editing: StoredValue::new(Selector::new(move || editing.get())),
        cards: StoredValue::new(CardSignals::new(open)),
    };
    provide_context(ctx);
    let stage_ids = open.select(|m| m.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    let lane_ids = Memo::new(move |_| grid.read().lanes.clone());
    let rows = move || 2 + lane_ids.read().len() + personas.read().len();
    let style = move || {
        format!(
            "--stages: {}; grid-template-rows: repeat({}, auto);",
            stage_ids.read().len().max(1),
            rows()
        )
    };
    let canvas_ref = NodeRef::<leptos::html::Div>::new();
    // Which columns are drawn: measured from the canvas on scroll and on resize.
    let measure = move || {
        let Some(el) = canvas_ref.get_untracked() else {
            return;
        };
        let count = stage_ids.with_untracked(Vec::len);
        let drawn = viewport_of(&el).drawn_columns(count);
        if ctx.drawn.get_untracked() != drawn {
            ctx.drawn.set(drawn);
        }
    };
    on_window("resize", move |_: web_sys::Event| measure());
    on_window("afterprint", move |_: web_sys::Event| measure());
    // Printing draws every column.
    on_window("beforeprint", move |_: web_sys::Event| {
        ctx.drawn.set(canvas::EVERY_COLUMN)
    });
    let keys = CanvasKeys {
        ctx,
        read_only,
        stages: stage_ids,
    };
    let drag = CanvasDrag::new(open, read_only);

    let columns = move || stage_ids.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <div
            class="canvas"
            node_ref=canvas_ref
            on:scroll=move |_| measure()
            style=style
            on:keydown=move |ev| keys.key_down(ev)
            on:dragstart=move |ev| drag.start(ev)
            on:dragover=move |ev| drag.over(ev)
            on:drop=move |ev| drag.drop(ev)
            on:dragend=move |_| drag.end()
        >
            <ol class="lane-heads" aria-label=move || t_string!(i18n, lanes).to_string()>
                <li class="corner">
                    <span class="hint">{move || if read_only.get() {
                        t_string!(i18n, canvas_keys_hint_read_only).to_string()
                    } else {
                        t_string!(i18n, canvas_keys_hint).to_string()
                    }}</span>
                </li>
                <For each=move || lane_ids.get() key=|l| l.clone() let:lane>
                    <LaneHead lane />
                </For>
                <For each=move || personas.get() key=|p| p.clone() let:persona>
                    <li class="lane-head emotion-head">
                        <h3 class="lane-name">{persona.1.clone()}</h3>
                        <span class="lane-kind">{t!(i18n, emotion_lane)}</span>
                    </li>
                </For>
                <li class="lane-head decision-head">
                    <h3 class="lane-name">{t!(i18n, decision_lane)}</h3>
                </li>
            </ol>
            <ol class="stages" aria-label=move || t_string!(i18n, stages).to_string()>
                <For
                    each=columns
                    key=|(i, s)| (*i, s.clone())
                    children=move |(index, stage)| {
                        let drawn = Signal::derive(move || {
                            let (a, b) = ctx.drawn.get();
                            (a..=b).contains(&index)
                        });
                        view! { <StageColumn stage index drawn /> }
                    }
                />
            </ol>
        </div>
        <Show when=move || !read_only.get()>
            <LaneManager />
        </Show>
    }
}

/// What the canvas measures of itself: its scroll position, its width, and the widths of the
/// lane headings and of a stage column (0 for what is not there).
fn viewport_of(el: &web_sys::HtmlElement) -> Viewport {
    let width_of = |sel: &str| {
        el.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .map_or(0.0, |e| f64::from(e.offset_width()))
    };
    Viewport {
        scroll_left: f64::from(el.scroll_left()),
        width: f64::from(el.client_width()),
        heads: width_of(".lane-heads"),
        column: width_of("li.stage"),
    }
}
