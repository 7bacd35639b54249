//! The canvas's keyboard, handled once for all its cards (event delegation): arrow keys move focus
//! between cards and cells, Alt+arrow moves the focused card, Enter or F2 edits it and Delete
//! removes it. A read-only map keeps the plain arrow keys and nothing else. Where the keys lead is
//! worked out in [`crate::domain::canvas`]; this only reads the event and moves focus.

use crate::domain::Card;
use crate::domain::Stage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::canvas_context::CanvasCtx;
use crate::domain::canvas::{self, Direction, Target};
use crate::domain::css::attr_selector;
use crate::domain::{Edit, Id};
use crate::ui::effects::target_element;

/// What the canvas's key handler works on.
#[derive(Clone, Copy)]
pub(super) struct CanvasKeys {
    /// The canvas: its map, grid, drawn columns and the card being edited.
    pub ctx: CanvasCtx,
    /// Whether the map is read-only.
    pub read_only: Signal<bool>,
    /// The map's stage ids (their number bounds the columns drawn).
    pub stages: Memo<Vec<Id<Stage>>>,
}

impl CanvasKeys {
    /// Handles a key pressed on a card itself (not in its buttons or its form).
    pub fn key_down(self, ev: web_sys::KeyboardEvent) {
        let Some(el) = target_element(&ev) else {
            return;
        };
        let Some(card) = el.get_attribute("data-card-id").map(Id::new) else {
            return;
        };
        let key = ev.key();
        let read_only = self.read_only.get_untracked();
        if let Some(dir) = Direction::from_key(&key) {
            ev.prevent_default();
            if ev.alt_key() && read_only {
                return;
            }
            if ev.alt_key() {
                self.move_card(card, dir);
            } else {
                self.step_focus(&card, dir);
            }
            return;
        }
        if read_only {
            return;
        }
        match key.as_str() {
            "Enter" | "F2" => {
                ev.prevent_default();
                self.ctx.editing.set(Some(card));
            }
            "Delete" => {
                ev.prevent_default();
                self.remove_card(card);
            }
            _ => {}
        }
    }

    /// Alt+arrow: moves the card one step and keeps focus on it.
    fn move_card(self, card: Id<Card>, dir: Direction) {
        let open = self.ctx.open;
        let edit = open
            .with_map_untracked(|m| canvas::move_card(m, &card, dir))
            .flatten();
        if let Some(edit) = edit {
            open.edit(edit);
            focus_later(attr_selector("data-card-id", card.as_str()));
        }
    }

    /// An arrow: focus goes to the next card or empty cell that way, its column drawn first.
    fn step_focus(self, card: &Id<Card>, dir: Direction) {
        let grid = self.ctx.grid;
        let Some(target) = grid.with_untracked(|g| g.step(card, dir)) else {
            return;
        };
        let column = match &target {
            Target::Card(c) => grid.with_untracked(|g| g.column_of(c)),
            Target::Cell { stage, .. } => Some(*stage),
        };
        if column.is_some_and(|c| self.reveal(c)) {
            focus_later(selector_of(&target));
        } else {
            focus_now(&selector_of(&target));
        }
    }

    /// Delete: removes the card; focus goes to the card or cell below it (or above).
    fn remove_card(self, card: Id<Card>) {
        let next = self.ctx.grid.with_untracked(|g| {
            g.step(&card, Direction::Down)
                .or_else(|| g.step(&card, Direction::Up))
        });
        self.ctx.open.edit(Edit::RemoveCard { id: card });
        if let Some(t) = next {
            focus_later(selector_of(&t));
        }
    }

    /// Draws `column` if it is not drawn yet (focus may go past the drawn columns); whether it
    /// had to be.
    fn reveal(self, column: usize) -> bool {
        let count = self.stages.with_untracked(Vec::len);
        match canvas::reveal_column(self.ctx.drawn.get_untracked(), column, count) {
            Some(drawn) => {
                self.ctx.drawn.set(drawn);
                true
            }
            None => false,
        }
    }
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
