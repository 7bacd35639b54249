//! The canvas: stages as columns, visible lanes as rows, one emotion row per persona and the
//! decision points, in one CSS grid (each stage column is a subgrid, so rows line up).
//!
//! Keyboard and drag events are handled here once for all cards (event delegation): arrow keys
//! move focus between cards and cells, Alt+arrow moves the focused card, Enter edits it, Delete
//! removes it; cards and stage headings can be dragged. A read-only map keeps the arrow keys and
//! nothing else (see [`crate::ui::embed::ReadOnly`]).

use leptos::prelude::*;

use crate::domain::css::attr_selector;
use wasm_bindgen::JsCast;

use super::canvas_context::{lookups, CanvasCtx, CardSignals};
use super::{LaneHead, LaneManager, StageColumn};
use crate::domain::canvas::{self, emotion_curves, Direction, Grid, Target};
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::effects::on_window;
use crate::ui::embed::use_read_only;
use crate::ui::state::{expect_state, use_lang};

/// Columns drawn before the canvas has been measured (a wide screen shows about ten).
const INITIAL_COLUMNS: usize = 11;
/// Columns drawn on each side of those in view.
const BUFFER: usize = 3;

/// What is being dragged.
#[derive(Clone, Debug, PartialEq)]
enum Drag {
    Card(Id),
    Stage(Id),
}

#[component]
pub fn Canvas(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let read_only = use_read_only();
    let map = StoredValue::new(map);
    let grid = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.map(&map.get_value()).map(Grid::of).unwrap_or_default())
    });
    let lookups = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .map(|m| lookups(m, lang.get()))
                .unwrap_or_default()
        })
    });
    let curves = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .map(emotion_curves)
                .unwrap_or_default()
        })
    });
    let personas = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .map(|m| {
                    m.personas
                        .iter()
                        .map(|p| (p.id.clone(), p.name.get(lang.get()).to_owned()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(None);
    let ctx = CanvasCtx {
        map,
        grid,
        lookups,
        personas,
        curves,
        editing,
        drawn: RwSignal::new((0, INITIAL_COLUMNS)),
        is_editing: StoredValue::new(Selector::new(move || editing.get())),
        cards: StoredValue::new(CardSignals::new(state, map)),
    };
    provide_context(ctx);
    let stage_ids = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .map(|m| m.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let lane_ids = Memo::new(move |_| grid.read().lanes.clone());
    let rows = move || 2 + lane_ids.read().len() + personas.read().len();
    let style = move || {
        format!(
            "--stages: {}; grid-template-rows: repeat({}, auto);",
            stage_ids.read().len().max(1),
            rows()
        )
    };
    let drag = StoredValue::new(None::<Drag>);
    let canvas_ref = NodeRef::<leptos::html::Div>::new();
    // Which columns are in view: measured from the canvas on scroll and on resize.
    let measure = move || {
        let Some(el) = canvas_ref.get_untracked() else {
            return;
        };
        let el: &web_sys::HtmlElement = &el;
        let width_of = |sel: &str| {
            el.query_selector(sel)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                .map_or(0.0, |e| f64::from(e.offset_width()))
        };
        let heads = width_of(".lane-heads");
        let column = width_of("li.stage") + 10.0;
        let count = stage_ids.with_untracked(Vec::len);
        let (first, last) = canvas::columns_in_view(
            f64::from(el.scroll_left()),
            f64::from(el.client_width()),
            heads,
            column,
        );
        let drawn = canvas::drawn_columns(first, last, BUFFER, count);
        if ctx.drawn.get_untracked() != drawn {
            ctx.drawn.set(drawn);
        }
    };
    on_window("resize", move |_: web_sys::Event| measure());
    on_window("afterprint", move |_: web_sys::Event| measure());
    // Printing draws every column.
    on_window("beforeprint", move |_: web_sys::Event| {
        ctx.drawn.set((0, usize::MAX))
    });
    // Makes sure a column is drawn before focus goes there (keyboard moves past the drawn ones).
    let draw_column = move |col: usize| {
        let (a, b) = ctx.drawn.get_untracked();
        if col < a || col > b {
            let count = stage_ids.with_untracked(Vec::len);
            ctx.drawn
                .set(canvas::drawn_columns(col, col, BUFFER, count));
            return true;
        }
        false
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(el) = target_element(&ev) else {
            return;
        };
        // Only keys pressed on a card itself (not in its buttons or its form).
        let Some(card) = el.get_attribute("data-card-id").map(Id) else {
            return;
        };
        let key = ev.key();
        let read_only = read_only.get_untracked();
        if let Some(dir) = Direction::from_key(&key) {
            ev.prevent_default();
            if ev.alt_key() && read_only {
                return;
            }
            if ev.alt_key() {
                let edit = state.workspace.with_untracked(|ws| {
                    ws.map(&map.get_value())
                        .and_then(|m| canvas::move_card(m, &card, dir))
                });
                if let Some(edit) = edit {
                    state.edit(&map.get_value(), edit);
                    focus_later(attr_selector("data-card-id", card.as_str()));
                }
            } else if let Some(target) = grid.with_untracked(|g| g.step(&card, dir)) {
                let col = match &target {
                    Target::Card(c) => grid.with_untracked(|g| g.column_of(c)),
                    Target::Cell { stage, .. } => Some(*stage),
                };
                if col.is_some_and(draw_column) {
                    focus_later(selector_of(&target));
                } else {
                    focus_now(&selector_of(&target));
                }
            }
            return;
        }
        if read_only {
            return;
        }
        match key.as_str() {
            "Enter" | "F2" => {
                ev.prevent_default();
                ctx.editing.set(Some(card));
            }
            "Delete" => {
                ev.prevent_default();
                let next = grid.with_untracked(|g| {
                    g.step(&card, Direction::Down)
                        .or_else(|| g.step(&card, Direction::Up))
                });
                state.edit(
                    &map.get_value(),
                    crate::domain::Edit::RemoveCard { id: card },
                );
                if let Some(t) = next {
                    focus_later(selector_of(&t));
                }
            }
            _ => {}
        }
    };
    let on_dragstart = move |ev: web_sys::DragEvent| {
        if read_only.get_untracked() {
            ev.prevent_default();
            return;
        }
        let Some(el) = target_element(&ev) else {
            return;
        };
        let what = if let Some(c) = el.get_attribute("data-card-id") {
            Drag::Card(Id(c))
        } else if let Some(s) = el.get_attribute("data-stage-drag") {
            Drag::Stage(Id(s))
        } else {
            return;
        };
        if let Some(dt) = ev.data_transfer() {
            dt.set_effect_allowed("move");
            let id = match &what {
                Drag::Card(c) | Drag::Stage(c) => c.0.clone(),
            };
            let _ = dt.set_data("text/plain", &id);
        }
        drag.set_value(Some(what));
    };
    // Where a drop would land: (card before which, or the cell) / the stage dropped onto.
    let drop_place = move |ev: &web_sys::DragEvent| -> Option<crate::domain::Edit> {
        let el = target_element(ev)?;
        let what = drag.get_value()?;
        state.workspace.with_untracked(|ws| {
            let m = ws.map(&map.get_value())?;
            match what {
                Drag::Card(card) => {
                    if let Some(before) = el
                        .closest("[data-card-id]")
                        .ok()
                        .flatten()
                        .and_then(|c| c.get_attribute("data-card-id"))
                    {
                        let before = Id(before);
                        let b = m.card(&before)?;
                        canvas::drop_card(m, &card, &b.stage, &b.lane, Some(&before))
                    } else {
                        let cell = el.closest("[data-cell-lane]").ok().flatten()?;
                        let lane = Id(cell.get_attribute("data-cell-lane")?);
                        let stage = Id(cell.get_attribute("data-cell-stage")?);
                        canvas::drop_card(m, &card, &stage, &lane, None)
                    }
                }
                Drag::Stage(stage) => {
                    let onto = el.closest("li.stage").ok().flatten()?;
                    let onto = Id(onto.get_attribute("data-stage-id")?);
                    canvas::drop_stage(m, &stage, &onto)
                }
            }
        })
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        if drop_place(&ev).is_some() {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("move");
            }
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if read_only.get_untracked() {
            return;
        }
        if let Some(edit) = drop_place(&ev) {
            ev.prevent_default();
            state.edit(&map.get_value(), edit);
        }
        drag.set_value(None);
    };
    let on_dragend = move |_: web_sys::DragEvent| drag.set_value(None);

    let columns = move || stage_ids.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <div
            class="canvas"
            node_ref=canvas_ref
            on:scroll=move |_| measure()
            style=style
            on:keydown=on_key
            on:dragstart=on_dragstart
            on:dragover=on_dragover
            on:drop=on_drop
            on:dragend=on_dragend
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
                    <LaneHead map=map.get_value() lane />
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
                        view! { <StageColumn map=map.get_value() stage index drawn /> }
                    }
                />
            </ol>
        </div>
        <Show when=move || !read_only.get()>
            <LaneManager map=map.get_value() />
        </Show>
    }
}

fn target_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The CSS selector of a focus target.
fn selector_of(target: &Target) -> String {
    match target {
        Target::Card(id) => attr_selector("data-card-id", id.as_str()),
        Target::Cell { lane, stage } => format!(
            "{}[data-cell-index=\"{stage}\"] .cell-add",
            attr_selector("data-cell-lane", lane.as_str())
        ),
    }
}

fn focus_now(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Focuses after the next render (the element may be re-created by the edit).
fn focus_later(selector: String) {
    set_timeout(
        move || focus_now(&selector),
        std::time::Duration::from_millis(0),
    );
}
