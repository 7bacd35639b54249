//! Dragging on the canvas, handled once for all its cards and stage headings (event delegation):
//! a card dropped on another lands before it, dropped on a cell at the cell's end; a stage
//! heading dropped on another stage takes its place. Nothing can be dragged on a read-only map.
//! The edits are worked out in [`crate::domain::canvas`]; this reads the events and the elements
//! under them.

use crate::domain::{Card, Stage};
use leptos::prelude::*;

use crate::domain::canvas;
use crate::domain::{Edit, Id};
use crate::ui::effects::target_element;
use crate::ui::open_map::OpenMap;

/// What is being dragged.
#[derive(Clone, Debug, PartialEq)]
enum Dragged {
    Card(Id<Card>),
    Stage(Id<Stage>),
}

/// The canvas's drag handlers and what they share: what is being dragged.
#[derive(Clone, Copy)]
pub(super) struct CanvasDrag {
    open: OpenMap,
    read_only: Signal<bool>,
    dragged: StoredValue<Option<Dragged>>,
}

impl CanvasDrag {
    /// Drag handlers for the `open` map; nothing is dragged while `read_only`.
    pub fn new(open: OpenMap, read_only: Signal<bool>) -> Self {
        CanvasDrag {
            open,
            read_only,
            dragged: StoredValue::new(None),
        }
    }

    /// `dragstart`: remembers the card or stage heading picked up.
    pub fn start(self, ev: web_sys::DragEvent) {
        if self.read_only.get_untracked() {
            ev.prevent_default();
            return;
        }
        let Some(el) = target_element(&ev) else {
            return;
        };
        let what = if let Some(c) = el.get_attribute("data-card-id") {
            Dragged::Card(Id::new(c))
        } else if let Some(s) = el.get_attribute("data-stage-drag") {
            Dragged::Stage(Id::new(s))
        } else {
            return;
        };
        if let Some(dt) = ev.data_transfer() {
            dt.set_effect_allowed("move");
            let id = match &what {
                Dragged::Card(c) => c.to_string(),
                Dragged::Stage(s) => s.to_string(),
            };
            let _ = dt.set_data("text/plain", &id);
        }
        self.dragged.set_value(Some(what));
    }

    /// `dragover`: allows a drop where one would change the map.
    pub fn over(self, ev: web_sys::DragEvent) {
        if self.drop_edit(&ev).is_some() {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("move");
            }
        }
    }

    /// `drop`: applies the edit the drop makes.
    pub fn drop(self, ev: web_sys::DragEvent) {
        if self.read_only.get_untracked() {
            return;
        }
        if let Some(edit) = self.drop_edit(&ev) {
            ev.prevent_default();
            self.open.edit(edit);
        }
        self.dragged.set_value(None);
    }

    /// `dragend`: nothing is dragged any more.
    pub fn end(self) {
        self.dragged.set_value(None);
    }

    /// The edit a drop where `ev` happens would make: the dragged card before the card under
    /// it (or at the end of the cell under it), or the dragged stage onto the stage under it.
    fn drop_edit(self, ev: &web_sys::DragEvent) -> Option<Edit> {
        let el = target_element(ev)?;
        let what = self.dragged.get_value()?;
        self.open
            .with_map_untracked(|m| match what {
                Dragged::Card(card) => {
                    if let Some(before) = el
                        .closest("[data-card-id]")
                        .ok()
                        .flatten()
                        .and_then(|c| c.get_attribute("data-card-id"))
                    {
                        let before = Id::new(before);
                        let b = m.card(&before)?;
                        canvas::drop_card(m, &card, &b.stage, &b.lane, Some(&before))
                    } else {
                        let cell = el.closest("[data-cell-lane]").ok().flatten()?;
                        let lane = Id::new(cell.get_attribute("data-cell-lane")?);
                        let stage = Id::new(cell.get_attribute("data-cell-stage")?);
                        canvas::drop_card(m, &card, &stage, &lane, None)
                    }
                }
                Dragged::Stage(stage) => {
                    let onto = el.closest("li.stage").ok().flatten()?;
                    let onto = Id::new(onto.get_attribute("data-stage-id")?);
                    canvas::drop_stage(m, &stage, &onto)
                }
            })
            .flatten()
    }
}
