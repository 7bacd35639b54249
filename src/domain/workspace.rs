//! All the user's maps and what can be done to them, as one state and one reducer.
//!
//! The UI holds a [`Workspace`] in a signal and calls [`Workspace::dispatch`]; the storage module
//! watches `maps` and saves what changed. Nothing here touches the browser.

use std::collections::HashMap;

use jiff::Timestamp;
use thiserror::Error;

use super::document::check_name;
use super::edit::{Edit, EditError, History};
use super::model::{Id, JourneyMap, SourceModel};
use super::template;
use super::text::Text;

/// What the user can do to the collection of maps.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start a map from a template (or blank).
    Create {
        model: SourceModel,
    },
    Rename {
        map: Id,
        name: Text,
    },
    /// Copy a map under a new id and name.
    Duplicate {
        map: Id,
        name: Text,
    },
    /// Copy a map as its "to-be" version: same stage and card ids, so the two can be compared.
    NewVersion {
        map: Id,
        name: Text,
    },
    /// Delete a map; it can be brought back with [`Action::UndoDelete`] until the next delete.
    Delete {
        map: Id,
    },
    UndoDelete,
    /// Add an imported map. A map whose id is already used gets a new id: used by an open map,
    /// by the deleted map that can still be brought back, or by one of `taken` (stored entries
    /// that cannot be read, kept for recovery).
    Import {
        map: JourneyMap,
        taken: Vec<Id>,
    },
    /// Replace a map with the version saved by another tab.
    Reload {
        map: JourneyMap,
    },
}

/// What a successful action did, for the UI to follow up (open the new map, show a notice).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    Created(Id),
    Changed,
    Deleted(Id),
    Restored(Id),
    Nothing,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ActionError {
    #[error("there is no map {0}")]
    NoMap(Id),
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// The maps, each with its undo history.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    pub maps: Vec<JourneyMap>,
    histories: HashMap<Id, History>,
    deleted: Option<(usize, JourneyMap)>,
}

impl Workspace {
    pub fn new(maps: Vec<JourneyMap>) -> Self {
        Workspace {
            maps,
            ..Default::default()
        }
    }

    pub fn map(&self, id: &Id) -> Option<&JourneyMap> {
        self.maps.iter().find(|m| &m.id == id)
    }

    pub fn can_undo(&self, id: &Id) -> bool {
        self.histories.get(id).is_some_and(History::can_undo)
    }

    pub fn can_redo(&self, id: &Id) -> bool {
        self.histories.get(id).is_some_and(History::can_redo)
    }

    /// The map that the last delete removed, if it can still be restored.
    pub fn deleted(&self) -> Option<&JourneyMap> {
        self.deleted.as_ref().map(|(_, m)| m)
    }

    /// Maps sorted for the list: most recently changed first.
    pub fn recent_first(&self) -> Vec<&JourneyMap> {
        let mut v: Vec<_> = self.maps.iter().collect();
        v.sort_by_key(|m| std::cmp::Reverse(m.updated));
        v
    }

    /// Applies one action. On error nothing has changed.
    pub fn dispatch(&mut self, action: Action, now: Timestamp) -> Result<Done, ActionError> {
        let version = matches!(action, Action::NewVersion { .. });
        match action {
            Action::Create { model } => {
                let map = template::build(model, now);
                let id = map.id.clone();
                self.maps.push(map);
                Ok(Done::Created(id))
            }
            // The same undo step as `Edit::RenameMap`, without going through `edit::apply`: the
            // map list then needs none of the editor's code (it stays out of the app's first
            // wasm module; see `src/ui/app.rs`).
            Action::Rename { map, name } => {
                let target = find_mut(&mut self.maps, &map)?;
                let was = std::mem::replace(&mut target.name, name);
                // The file format's check, as `edit::apply` makes for every edit (this path
                // records its undo step itself so that the map list links no editor code).
                if let Err(e) = check_name(target) {
                    target.name = was;
                    return Err(EditError::Invalid(e).into());
                }
                target.updated = now;
                self.histories
                    .entry(map)
                    .or_default()
                    .record(Edit::RenameMap { name: was });
                Ok(Done::Changed)
            }
            Action::Duplicate { map, name } | Action::NewVersion { map, name } => {
                let mut copy = self
                    .map(&map)
                    .cloned()
                    .ok_or(ActionError::NoMap(map.clone()))?;
                if version {
                    copy.version_of = Some(map.clone());
                }
                copy.id = Id::random();
                copy.name = name;
                check_name(&copy).map_err(EditError::Invalid)?;
                copy.created = now;
                copy.updated = now;
                let id = copy.id.clone();
                let at = self
                    .maps
                    .iter()
                    .position(|m| m.id == map)
                    .map_or(0, |i| i + 1);
                self.maps.insert(at, copy);
                Ok(Done::Created(id))
            }
            Action::Delete { map } => {
                let index = self
                    .maps
                    .iter()
                    .position(|m| m.id == map)
                    .ok_or(ActionError::NoMap(map.clone()))?;
                let removed = self.maps.remove(index);
                self.histories.remove(&map);
                self.deleted = Some((index, removed));
                Ok(Done::Deleted(map))
            }
            Action::UndoDelete => match self.deleted.take() {
                Some((index, map)) => {
                    let id = map.id.clone();
                    self.maps.insert(index.min(self.maps.len()), map);
                    Ok(Done::Restored(id))
                }
                None => Ok(Done::Nothing),
            },
            Action::Import { mut map, taken } => {
                let used = |id: &Id| {
                    self.map(id).is_some()
                        || self.deleted.as_ref().is_some_and(|(_, d)| &d.id == id)
                        || taken.contains(id)
                };
                while used(&map.id) {
                    map.id = Id::random();
                }
                let id = map.id.clone();
                self.maps.push(map);
                Ok(Done::Created(id))
            }
            Action::Reload { map } => {
                let id = map.id.clone();
                match self.maps.iter_mut().find(|m| m.id == id) {
                    Some(slot) => *slot = map,
                    None => self.maps.push(map),
                }
                // The undo steps were made against the replaced version.
                self.histories.remove(&id);
                Ok(Done::Changed)
            }
        }
    }

    /// Applies one edit to a map, as an undo step. On error nothing has changed.
    pub fn edit(&mut self, map: &Id, edit: Edit, now: Timestamp) -> Result<Done, ActionError> {
        let target = find_mut(&mut self.maps, map)?;
        self.histories
            .entry(map.clone())
            .or_default()
            .apply(target, edit)?;
        target.updated = now;
        Ok(Done::Changed)
    }

    /// Undoes a map's last edit.
    pub fn undo(&mut self, map: &Id, now: Timestamp) -> Result<Done, ActionError> {
        self.step(map.clone(), now, true)
    }

    /// Redoes a map's last undone edit.
    pub fn redo(&mut self, map: &Id, now: Timestamp) -> Result<Done, ActionError> {
        self.step(map.clone(), now, false)
    }

    fn step(&mut self, id: Id, now: Timestamp, undo: bool) -> Result<Done, ActionError> {
        let map = find_mut(&mut self.maps, &id)?;
        let history = self.histories.entry(id).or_default();
        let moved = if undo {
            history.undo(map)?
        } else {
            history.redo(map)?
        };
        if moved {
            map.updated = now;
            Ok(Done::Changed)
        } else {
            Ok(Done::Nothing)
        }
    }
}

fn find_mut<'a>(maps: &'a mut [JourneyMap], id: &Id) -> Result<&'a mut JourneyMap, ActionError> {
    maps.iter_mut()
        .find(|m| &m.id == id)
        .ok_or_else(|| ActionError::NoMap(id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::Edit;

    fn t(secs: i64) -> Timestamp {
        Timestamp::from_second(secs).unwrap()
    }

    fn created(ws: &mut Workspace, model: SourceModel, at: i64) -> Id {
        match ws.dispatch(Action::Create { model }, t(at)).unwrap() {
            Done::Created(id) => id,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn create_rename_and_list_most_recent_first() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        let b = created(&mut ws, SourceModel::Scaleo, 2);
        assert_eq!(ws.maps.len(), 2);
        assert_eq!(ws.recent_first()[0].id, b);
        ws.dispatch(
            Action::Rename {
                map: a.clone(),
                name: Text::from("Ours"),
            },
            t(3),
        )
        .unwrap();
        assert_eq!(ws.map(&a).unwrap().name, Text::from("Ours"));
        assert_eq!(ws.map(&a).unwrap().updated, t(3));
        assert_eq!(ws.recent_first()[0].id, a);
        // Renaming from the list is an undo step of the map, like a rename in the editor.
        assert!(ws.can_undo(&a));
        ws.undo(&a, t(4)).unwrap();
        let hinge = template::build(SourceModel::Hinge, t(1));
        assert_eq!(ws.map(&a).unwrap().name, hinge.name);
        ws.redo(&a, t(5)).unwrap();
        assert_eq!(ws.map(&a).unwrap().name, Text::from("Ours"));
        assert_eq!(
            ws.dispatch(
                Action::Rename {
                    map: Id::from("zz"),
                    name: Text::from("x"),
                },
                t(6)
            ),
            Err(ActionError::NoMap(Id::from("zz")))
        );
    }

    #[test]
    fn duplicate_is_a_separate_map() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::ActOn, 1);
        let Done::Created(b) = ws
            .dispatch(
                Action::Duplicate {
                    map: a.clone(),
                    name: Text::from("copy"),
                },
                t(5),
            )
            .unwrap()
        else {
            panic!()
        };
        assert_ne!(a, b);
        assert_eq!(ws.map(&b).unwrap().stages, ws.map(&a).unwrap().stages);
        ws.edit(
            &b,
            Edit::RemoveStage {
                id: Id::from("attract"),
            },
            t(6),
        )
        .unwrap();
        assert_eq!(ws.map(&a).unwrap().stages.len(), 5);
        assert_eq!(ws.map(&b).unwrap().stages.len(), 4);
    }

    #[test]
    fn delete_then_undo_puts_the_map_back_in_place() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        let b = created(&mut ws, SourceModel::Blank, 2);
        let before = ws.maps.clone();
        assert_eq!(
            ws.dispatch(Action::Delete { map: a.clone() }, t(3)),
            Ok(Done::Deleted(a.clone()))
        );
        assert_eq!(ws.maps.len(), 1);
        assert_eq!(ws.maps[0].id, b);
        assert_eq!(ws.dispatch(Action::UndoDelete, t(4)), Ok(Done::Restored(a)));
        assert_eq!(ws.maps, before);
        assert_eq!(ws.dispatch(Action::UndoDelete, t(5)), Ok(Done::Nothing));
    }

    #[test]
    fn import_with_a_used_id_gets_a_new_one() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        let copy = ws.map(&a).unwrap().clone();
        let Done::Created(b) = ws
            .dispatch(
                Action::Import {
                    map: copy.clone(),
                    taken: Vec::new(),
                },
                t(2),
            )
            .unwrap()
        else {
            panic!()
        };
        assert_ne!(a, b);
        assert_eq!(ws.maps.len(), 2);
    }

    #[test]
    fn renaming_or_copying_past_the_name_limit_is_refused_and_changes_nothing() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        let before = ws.maps.clone();
        let long = Text::User("n".repeat(crate::domain::document::limits::TEXT_CHARS + 1));
        for action in [
            Action::Rename {
                map: a.clone(),
                name: long.clone(),
            },
            Action::Duplicate {
                map: a.clone(),
                name: long.clone(),
            },
            Action::NewVersion {
                map: a.clone(),
                name: long.clone(),
            },
        ] {
            assert!(matches!(
                ws.dispatch(action, t(2)),
                Err(ActionError::Edit(EditError::Invalid(_)))
            ));
            assert_eq!(ws.maps, before);
        }
        assert!(!ws.can_undo(&a));
    }

    #[test]
    fn import_never_takes_the_id_of_a_deleted_map_or_an_unreadable_entry() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        let copy = ws.map(&a).unwrap().clone();
        ws.dispatch(Action::Delete { map: a.clone() }, t(2))
            .unwrap();
        // The deleted map can still be brought back, so its id stays its own.
        let Done::Created(b) = ws
            .dispatch(
                Action::Import {
                    map: copy.clone(),
                    taken: Vec::new(),
                },
                t(3),
            )
            .unwrap()
        else {
            panic!()
        };
        assert_ne!(b, a);
        assert_eq!(
            ws.dispatch(Action::UndoDelete, t(4)),
            Ok(Done::Restored(a.clone()))
        );
        // A stored entry that cannot be read keeps its id too.
        let mut other = copy.clone();
        other.id = Id::from("kept-aside");
        let Done::Created(c) = ws
            .dispatch(
                Action::Import {
                    map: other,
                    taken: vec![Id::from("kept-aside")],
                },
                t(5),
            )
            .unwrap()
        else {
            panic!()
        };
        assert_ne!(c, Id::from("kept-aside"));
        let mut ids: Vec<&Id> = ws.maps.iter().map(|m| &m.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 3, "every map has its own id");
    }

    #[test]
    fn edit_undo_redo_per_map() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Scaleo, 1);
        assert!(!ws.can_undo(&a));
        ws.edit(&a, Edit::SetCircular { circular: false }, t(2))
            .unwrap();
        assert!(!ws.map(&a).unwrap().circular);
        assert!(ws.can_undo(&a));
        ws.undo(&a, t(3)).unwrap();
        assert!(ws.map(&a).unwrap().circular);
        assert!(ws.can_redo(&a));
        ws.redo(&a, t(4)).unwrap();
        assert!(!ws.map(&a).unwrap().circular);
        assert_eq!(ws.redo(&a, t(5)), Ok(Done::Nothing));
    }

    #[test]
    fn a_failed_edit_changes_nothing() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        let before = ws.maps.clone();
        let err = ws
            .edit(
                &a,
                Edit::RemoveCard {
                    id: Id::from("nope"),
                },
                t(9),
            )
            .unwrap_err();
        assert_eq!(err, ActionError::Edit(EditError::NoCard(Id::from("nope"))));
        assert_eq!(ws.maps, before);
        assert!(!ws.can_undo(&a));
        assert_eq!(
            ws.undo(&Id::from("zz"), t(9)),
            Err(ActionError::NoMap(Id::from("zz")))
        );
    }

    #[test]
    fn reload_replaces_the_map_and_drops_its_history() {
        let mut ws = Workspace::default();
        let a = created(&mut ws, SourceModel::Hinge, 1);
        ws.dispatch(
            Action::Rename {
                map: a.clone(),
                name: Text::from("mine"),
            },
            t(2),
        )
        .unwrap();
        let mut theirs = ws.map(&a).unwrap().clone();
        theirs.name = Text::from("theirs");
        ws.dispatch(Action::Reload { map: theirs }, t(3)).unwrap();
        assert_eq!(ws.map(&a).unwrap().name, Text::from("theirs"));
        assert!(!ws.can_undo(&a));
    }
}
