//! Keeps browser storage in step with the workspace: load (on first need), debounced autosave,
//! save when the page is hidden, and changes from other tabs. Calls the storage module; never
//! touches storage itself. What the first screen needs before that is in `super::start`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::ui::effects::{on_document, on_window};
use jiff::Timestamp;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::state::{AppState, Notice, SaveStatus};
use crate::domain::summary::MapSummary;
use crate::domain::{Action, Id, SourceModel, Workspace};
use crate::storage::{ExternalChange, MapStore, StorageError};

use super::store::{self as app_store, DEMO_MAP_PREF};
/// Wait this long after the last edit before saving.
const DEBOUNCE_MS: i32 = 400;

/// What was last written for each map: its `updated` stamp.
type Written = Rc<RefCell<HashMap<Id, Timestamp>>>;

/// Loads the maps in full and starts the storage sync, the first time anything needs the
/// workspace (opening a map, an action on the map list). Called only from code in lazily
/// loaded wasm chunks, so the first screen carries none of this module.
pub fn ensure_started(state: AppState) {
    if state.started.get_value() {
        return;
    }
    state.started.set_value(true);
    let run = move || {
        start(state);
        // From now on the list's rows follow the workspace.
        Effect::new(move |_| {
            let rows = state
                .workspace
                .with(|ws| ws.maps.iter().map(MapSummary::of).collect::<Vec<_>>());
            state.rows.set(rows);
        });
    };
    match state.root.get_value() {
        Some(owner) => owner.with(run),
        None => run(),
    }
}

/// Loads the maps, then keeps storage in sync for the life of the app.
fn start(state: AppState) {
    let store = match app_store::open() {
        Ok(s) => Rc::new(s),
        Err(_) => {
            state.status.set(SaveStatus::Unavailable);
            // Still give the user something to work with, in memory only.
            state.workspace.update(|ws| *ws = first_run_workspace());
            return;
        }
    };
    let loaded = store.load_all();
    let written: Written = Rc::new(RefCell::new(
        loaded
            .maps
            .iter()
            .map(|m| (m.id.clone(), m.updated))
            .collect(),
    ));
    // The first-run demo map is already stored (`super::start`).
    state.unreadable.set(loaded.unreadable);
    state.workspace.set(Workspace::new(loaded.maps));

    let timer: Rc<RefCell<Option<i32>>> = Rc::default();
    let flush: Rc<dyn Fn(())> = {
        let (store, written, timer) = (store.clone(), written.clone(), timer.clone());
        Rc::new(move |()| {
            if let Some(t) = timer.borrow_mut().take() {
                if let Some(w) = web_sys::window() {
                    w.clear_timeout_with_handle(t);
                }
            }
            save_changes(&store, &written, state);
        })
    };
    state.flush.set_value(Some(flush.clone()));

    // The user's answer to a conflict.
    {
        let (store, written) = (store.clone(), written.clone());
        state
            .resolve
            .set_value(Some(Rc::new(move |keep_mine: bool| {
                let SaveStatus::Conflict { theirs, rev } = state.status.get_untracked() else {
                    return;
                };
                store.accept(&theirs.id, rev);
                if keep_mine {
                    let mine = state
                        .workspace
                        .with_untracked(|ws| ws.map(&theirs.id).cloned());
                    state.status.set(SaveStatus::Pending);
                    if let Some(mine) = mine {
                        let result = store.overwrite(&mine, crate::platform::clock::now());
                        finish(&written, state, &mine.id, mine.updated, result);
                    }
                } else {
                    written
                        .borrow_mut()
                        .insert(theirs.id.clone(), theirs.updated);
                    state.dispatch(Action::Reload { map: *theirs });
                    state.status.set(SaveStatus::Saved);
                }
            })));
    }

    // Autosave: one effect, debounced.
    {
        let (flush, timer) = (flush.clone(), timer.clone());
        Effect::new(move |_| {
            state.workspace.track();
            if let Some(w) = web_sys::window() {
                if let Some(t) = timer.borrow_mut().take() {
                    w.clear_timeout_with_handle(t);
                }
                let flush = flush.clone();
                let cb = Closure::once_into_js(move || flush(()));
                if let Ok(t) = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.unchecked_ref(),
                    DEBOUNCE_MS,
                ) {
                    *timer.borrow_mut() = Some(t);
                }
            }
        });
    }

    // Save at once when the page is hidden or left (tab switch, close, mobile background).
    let f = flush.clone();
    on_document("visibilitychange", move |_: web_sys::Event| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            f(());
        }
    });
    let f = flush.clone();
    on_window("pagehide", move |_: web_sys::Event| f(()));

    // Other tabs.
    let listener = {
        let (inner, written) = (store.clone(), written.clone());
        store.listen(move |change| on_external(&inner, &written, state, change))
    };
    if let Ok(l) = listener {
        // The listener lives as long as the page.
        std::mem::forget(l);
    }
}

/// Whether `map` is the first-run demo map that has not had its sample data yet; the answer is
/// yes only once.
pub fn take_demo_sample(map: &crate::domain::Id) -> bool {
    let Ok(store) = app_store::open() else {
        return false;
    };
    if store.pref(DEMO_MAP_PREF).as_deref() != Some(map.as_str()) {
        return false;
    }
    store.set_pref(DEMO_MAP_PREF, "").is_ok()
}

/// With no storage, a new user's first look in memory: the Hinge model as a demo map.
fn first_run_workspace() -> Workspace {
    let mut ws = Workspace::default();
    let _ = ws.dispatch(
        Action::Create {
            model: SourceModel::Hinge,
        },
        crate::platform::clock::now(),
    );
    ws
}

fn save_changes(store: &MapStore, written: &Written, state: AppState) {
    if matches!(
        state.status.get_untracked(),
        SaveStatus::Conflict { .. } | SaveStatus::Unavailable
    ) {
        return;
    }
    let now = crate::platform::clock::now();
    let (changed, live): (Vec<_>, Vec<Id>) = state.workspace.with_untracked(|ws| {
        let w = written.borrow();
        (
            ws.maps
                .iter()
                .filter(|m| w.get(&m.id) != Some(&m.updated))
                .cloned()
                .collect(),
            ws.maps.iter().map(|m| m.id.clone()).collect(),
        )
    });
    let gone: Vec<Id> = written
        .borrow()
        .keys()
        .filter(|id| !live.contains(id))
        .cloned()
        .collect();
    for id in gone {
        if store.remove(&id).is_ok() {
            written.borrow_mut().remove(&id);
        }
    }
    let mut status = SaveStatus::Saved;
    let mut unsaved = Vec::new();
    for map in changed {
        let result = store.save(&map, now);
        match result {
            Ok(_) => {
                written.borrow_mut().insert(map.id.clone(), map.updated);
            }
            Err(StorageError::Conflict { theirs }) => {
                status = SaveStatus::Conflict {
                    rev: theirs.rev,
                    theirs: Box::new(theirs.map),
                };
                break;
            }
            Err(StorageError::QuotaExceeded) => {
                unsaved.push(map.id.clone());
                status = SaveStatus::QuotaFull;
            }
            Err(StorageError::Unreadable(_)) => status = SaveStatus::Blocked,
            Err(StorageError::Invalid(e)) => {
                unsaved.push(map.id.clone());
                status = SaveStatus::Refused(e);
            }
            Err(_) => status = SaveStatus::Unavailable,
        }
    }
    state.unsaved.set(unsaved);
    state.status.set(status);
}

fn finish(
    written: &Written,
    state: AppState,
    id: &Id,
    updated: Timestamp,
    result: Result<u64, StorageError>,
) {
    match result {
        Ok(_) => {
            written.borrow_mut().insert(id.clone(), updated);
            state.status.set(SaveStatus::Saved);
        }
        Err(StorageError::QuotaExceeded) => state.status.set(SaveStatus::QuotaFull),
        Err(StorageError::Invalid(e)) => state.status.set(SaveStatus::Refused(e)),
        Err(_) => state.status.set(SaveStatus::Unavailable),
    }
}

fn on_external(store: &MapStore, written: &Written, state: AppState, change: ExternalChange) {
    match change {
        ExternalChange::Saved(env) => {
            let id = env.map.id.clone();
            let ours = state
                .workspace
                .with_untracked(|ws| ws.map(&id).map(|m| m.updated));
            let clean = match ours {
                None => true,
                Some(updated) => written.borrow().get(&id) == Some(&updated),
            };
            if clean {
                store.accept(&id, env.rev);
                written.borrow_mut().insert(id, env.map.updated);
                let existed = ours.is_some();
                state.dispatch(Action::Reload { map: env.map });
                if existed {
                    state.notice.set(Some(Notice::ReloadedFromOtherTab));
                }
            } else {
                state.status.set(SaveStatus::Conflict {
                    rev: env.rev,
                    theirs: Box::new(env.map),
                });
            }
        }
        ExternalChange::Removed(id) => {
            // Deleted in another tab. Follow along unless this tab has unsaved changes to it,
            // which are then saved again as the map's first revision.
            let ours = state
                .workspace
                .with_untracked(|ws| ws.map(&id).map(|m| m.updated));
            let clean = ours.is_some() && written.borrow().get(&id) == ours.as_ref();
            written.borrow_mut().remove(&id);
            if clean {
                state.dispatch(Action::Delete { map: id });
            }
        }
        ExternalChange::Unreadable(u) => {
            state.unreadable.update(|list| {
                list.retain(|x| x.key != u.key);
                list.push(u);
            });
        }
    }
}
