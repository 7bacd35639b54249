//! The UI's one door to the maps' browser storage (`crate::storage::MapStore` under the app's
//! key prefix): components ask here for a preference or to drop an entry and never open the
//! store themselves. The start of the app and the storage sync open it here too.

use crate::storage::{MapStore, StorageError};

/// The key prefix of the app's entries.
pub const PREFIX: &str = "journey-mapper:";
/// The preference naming the first-run demo map, until its sample data is loaded.
pub const DEMO_MAP_PREF: &str = "demo_map";

/// The app's store.
pub fn open() -> Result<MapStore, StorageError> {
    MapStore::open(PREFIX)
}

/// A saved preference, if storage works and it was saved.
pub fn pref(name: &str) -> Option<String> {
    open().ok().and_then(|s| s.pref(name))
}

/// Saves a preference; without storage the choice lasts this visit only.
pub fn set_pref(name: &str, value: &str) {
    if let Ok(s) = open() {
        let _ = s.set_pref(name, value);
    }
}

/// Removes an entry the app could not read; `true` when it is gone.
pub fn discard(key: &str) -> bool {
    open().is_ok_and(|s| s.discard(key).is_ok())
}
