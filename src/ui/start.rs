//! What the first screen needs at start, in the app's first wasm module: the rows of the stored
//! maps and, on a new user's first visit, the demo map. Loading the maps in full and the storage
//! sync wait for the first action that needs them (`sync::ensure_started`).

use crate::ui::effects::on_window;
use leptos::prelude::*;

use super::state::{AppState, SaveStatus};
use super::store::{self, DEMO_MAP_PREF, PREFIX};
use crate::storage::MapStore;

/// Reads the map list's rows; stores the demo map on a first visit; follows other tabs' changes
/// until the workspace is loaded (then `sync` does).
pub fn start(state: AppState) {
    let Ok(store) = store::open() else {
        // No storage (private mode, a policy): the workspace keeps a demo map in memory.
        state.status.set(SaveStatus::Unavailable);
        super::list_actions::run_now(state, super::list_actions::ListAction::Load);
        return;
    };
    // An embed or a shared link writes nothing, so it gets no demo map either.
    if store.is_empty() && store.pref("seeded").is_none() && super::embed::opened_plain() {
        let _ = store.set_pref("seeded", "1");
        if let Ok(id) = store.add_demo(&crate::platform::clock::now_text()) {
            // The demo map gets the sample data on its first visit to the data view.
            let _ = store.set_pref(DEMO_MAP_PREF, id.as_str());
        }
    }
    read_rows(&store, state);
    on_window("storage", move |ev: web_sys::StorageEvent| {
        let ours = ev.key().is_none_or(|k| k.starts_with(PREFIX));
        if ours && !state.started.get_value() {
            read_rows(&store, state);
        }
    });
}

fn read_rows(store: &MapStore, state: AppState) {
    let (rows, unreadable) = store.summaries();
    state.rows.set(rows);
    state.unreadable.set(unreadable);
}
