//! What the map list does to maps. Every one of these needs the maps in full, so they run in a
//! lazily loaded wasm chunk with the workspace and the storage sync, which load on the first
//! action (`sync::ensure_started`); the map list itself only shows the stored rows.

use crate::domain::document::import_json;
use crate::domain::{Action, Done, Id, Lang, SourceModel, Text};
use crate::ui::file_io::download_map;
use leptos::prelude::*;

use crate::ui::state::{AppState, Notice};

/// An action of the map list, the banners or the import button.
pub enum ListAction {
    /// Only load the workspace.
    Load,
    /// A new map from a template.
    Create(SourceModel),
    Rename {
        map: Id,
        name: String,
    },
    Duplicate {
        map: Id,
        name: String,
    },
    /// Download the map file.
    Export {
        map: Id,
        lang: Lang,
    },
    /// Download every map whose changes could not be saved (storage full).
    ExportUnsaved {
        lang: Lang,
    },
    /// Delete a map; the notice offers to undo.
    Delete(Id),
    UndoDelete,
    /// Add the map in a map file's text; the notice says how it went.
    Import(String),
}

/// Runs an action without waiting for it.
pub fn run_now(state: AppState, action: ListAction) {
    leptos::task::spawn_local(async move {
        run(state, action).await;
    });
}

/// Runs an action (loading the workspace first if it is not yet); a failure is shown as a
/// notice, as for every action.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn run(state: AppState, action: ListAction) -> Option<Done> {
    super::sync::ensure_started(state);
    match action {
        ListAction::Load => None,
        ListAction::Create(model) => state.dispatch(Action::Create { model }),
        ListAction::Rename { map, name } => state.dispatch(Action::Rename {
            map,
            name: Text::User(name),
        }),
        ListAction::Duplicate { map, name } => state.dispatch(Action::Duplicate {
            map,
            name: Text::User(name),
        }),
        ListAction::Export { map, lang } => {
            state.flush_now();
            state.workspace.with_untracked(|ws| {
                ws.map(&map).map(|m| {
                    state.downloaded(download_map(m, lang));
                    Done::Nothing
                })
            })
        }
        ListAction::ExportUnsaved { lang } => {
            let ids = state.unsaved.get_untracked();
            state.workspace.with_untracked(|ws| {
                for map in ws.maps.iter().filter(|m| ids.contains(&m.id)) {
                    state.downloaded(download_map(map, lang));
                }
            });
            Some(Done::Nothing)
        }
        ListAction::Delete(map) => {
            let done = state.dispatch(Action::Delete { map });
            if done.is_some() {
                state.notice.set(Some(Notice::Deleted));
            }
            done
        }
        ListAction::UndoDelete => {
            state.notice.set(None);
            state.dispatch(Action::UndoDelete)
        }
        ListAction::Import(text) => match import_json(&text) {
            Ok(map) => {
                let taken = state
                    .unreadable
                    .with_untracked(|u| u.iter().filter_map(|u| u.id.clone()).collect());
                let done = state.dispatch(Action::Import { map, taken });
                state.notice.set(Some(Notice::Imported));
                done
            }
            Err(e) => {
                state.notice.set(Some(Notice::ImportFailed(e)));
                None
            }
        },
    }
}
