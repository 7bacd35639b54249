//! The only code that touches browser storage.
//!
//! Maps live in localStorage (this module); imported datasets, too large for it, live in
//! IndexedDB ([`datasets`]).
//!
//! Each map is one localStorage entry, `journey-mapper:map:<id>`, holding an
//! [`Envelope`]: the schema version, a revision counter and the tab that wrote it.
//!
//! * A save checks the stored revision first: if another tab saved since this tab last read or
//!   wrote the entry, the save is refused with [`StorageError::Conflict`] and nothing is written.
//! * `setItem` either stores the whole value or throws (`QuotaExceededError`), so a failed save
//!   leaves the last good save intact.
//! * An entry that cannot be read (damaged, or written by a newer version) is reported as
//!   [`Unreadable`] and never written over: new maps get new ids, so new keys.

pub mod datasets;

use std::cell::RefCell;
use std::collections::HashMap;

use jiff::Timestamp;
use thiserror::Error;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use crate::domain::document::{validate, Envelope, ImportError, StoredError, VERSION};
use crate::domain::summary::{self, MapSummary};
use crate::domain::{Id, JourneyMap};

const MAP_KEY: &str = "map:";
const PREF_KEY: &str = "pref:";

#[derive(Clone, Debug, PartialEq, Error)]
pub enum StorageError {
    #[error("browser storage is not available here")]
    Unavailable,
    #[error("browser storage is full")]
    QuotaExceeded,
    /// Another tab saved this map since this tab last read it.
    #[error("another tab saved this map (revision {})", .theirs.rev)]
    Conflict { theirs: Box<Envelope> },
    #[error("the saved entry cannot be read: {0}")]
    Unreadable(StoredError),
    /// The map breaks a rule of the file format: it is not written, since it could not be
    /// read back (what is stored stays as it was).
    #[error("the map cannot be saved: {0}")]
    Invalid(ImportError),
    #[error("browser storage failed: {0}")]
    Other(String),
}

/// A stored entry that could not be opened, kept as it is for the user to recover.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    /// The map id its key names (`None` when the key names none): no other map may take it
    /// while the entry is kept.
    pub id: Option<Id>,
    pub raw: String,
    pub reason: StoredError,
}

/// What [`MapStore::load_all`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub maps: Vec<JourneyMap>,
    pub unreadable: Vec<Unreadable>,
}

/// A change another tab made to a stored map (from the `storage` event).
#[derive(Clone, Debug, PartialEq)]
pub enum ExternalChange {
    Saved(Box<Envelope>),
    Removed(Id),
    Unreadable(Unreadable),
}

/// Maps in localStorage, for one tab.
pub struct MapStore {
    storage: web_sys::Storage,
    prefix: String,
    tab: String,
    /// The revision of each map as this tab last read or wrote it.
    known: RefCell<HashMap<Id, u64>>,
}

impl MapStore {
    /// Opens the store. `prefix` separates the app's keys (`journey-mapper:`; tests use their own).
    pub fn open(prefix: &str) -> Result<Self, StorageError> {
        let storage = web_sys::window()
            .ok_or(StorageError::Unavailable)?
            .local_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)?;
        Ok(MapStore {
            storage,
            prefix: prefix.to_owned(),
            tab: crate::domain::Id::random_text(),
            known: RefCell::new(HashMap::new()),
        })
    }

    pub fn tab(&self) -> &str {
        &self.tab
    }

    fn map_key(&self, id: &Id) -> String {
        format!("{}{MAP_KEY}{}", self.prefix, id)
    }

    /// The map id of a key of this store, if it is one.
    fn id_of_key(&self, key: &str) -> Option<Id> {
        key.strip_prefix(&self.prefix)?
            .strip_prefix(MAP_KEY)
            .map(Id::from)
    }

    fn unreadable(&self, key: String, raw: String, reason: StoredError) -> Unreadable {
        let id = self.id_of_key(&key);
        Unreadable {
            key,
            id,
            raw,
            reason,
        }
    }

    fn keys(&self) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| self.id_of_key(k).is_some())
            .collect()
    }

    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage.get_item(key).map_err(to_error)
    }

    /// Reads every stored map; damaged or newer entries are listed apart and left untouched.
    pub fn load_all(&self) -> Loaded {
        let mut loaded = Loaded::default();
        let mut known = self.known.borrow_mut();
        for key in self.keys() {
            let Ok(Some(raw)) = self.get(&key) else {
                continue;
            };
            match Envelope::decode(&raw) {
                Ok(env) => {
                    known.insert(env.map.id.clone(), env.rev);
                    loaded.maps.push(env.map);
                }
                Err(reason) => loaded.unreadable.push(self.unreadable(key, raw, reason)),
            }
        }
        loaded
    }

    /// The map list's row of every stored map, without reading the maps in full; entries that
    /// cannot be read are listed apart, as by [`MapStore::load_all`].
    pub fn summaries(&self) -> (Vec<MapSummary>, Vec<Unreadable>) {
        let (mut rows, mut unreadable) = (Vec::new(), Vec::new());
        for key in self.keys() {
            let Ok(Some(raw)) = self.get(&key) else {
                continue;
            };
            match summary::read_entry(&raw) {
                Ok(row) => rows.push(row),
                Err(reason) => unreadable.push(self.unreadable(key, raw, reason)),
            }
        }
        (rows, unreadable)
    }

    /// Whether any map entry is stored, readable or not.
    pub fn is_empty(&self) -> bool {
        self.keys().is_empty()
    }

    /// Stores the first-run demo map (see [`summary::demo_entry`]) under a new id, made `now`
    /// (RFC 3339), and returns its id.
    pub fn add_demo(&self, now: &str) -> Result<Id, StorageError> {
        let id = Id::random();
        self.storage
            .set_item(&self.map_key(&id), &summary::demo_entry(&id, now))
            .map_err(to_error)?;
        Ok(id)
    }

    /// Reads one stored map.
    pub fn read(&self, id: &Id) -> Result<Option<Envelope>, StorageError> {
        match self.get(&self.map_key(id))? {
            None => Ok(None),
            Some(raw) => Envelope::decode(&raw)
                .map(Some)
                .map_err(StorageError::Unreadable),
        }
    }

    /// Saves a map unless another tab saved it since this tab last saw it.
    pub fn save(&self, map: &JourneyMap, now: Timestamp) -> Result<u64, StorageError> {
        let key = self.map_key(&map.id);
        let known = self.known.borrow().get(&map.id).copied();
        let stored_rev = match self.get(&key)? {
            None => None,
            Some(raw) => match Envelope::decode(&raw) {
                Ok(env) => Some(env),
                // Never overwrite an entry we cannot read: it may be a newer version's data.
                Err(reason) => return Err(StorageError::Unreadable(reason)),
            },
        };
        let rev = match (stored_rev, known) {
            (Some(theirs), Some(k)) if theirs.rev != k => {
                return Err(StorageError::Conflict {
                    theirs: Box::new(theirs),
                })
            }
            (Some(theirs), None) if theirs.writer != self.tab => {
                return Err(StorageError::Conflict {
                    theirs: Box::new(theirs),
                })
            }
            (Some(theirs), _) => theirs.rev + 1,
            (None, _) => 1,
        };
        self.write(map, rev, now)
    }

    /// Saves a map over whatever is stored (the user chose to keep this tab's version).
    pub fn overwrite(&self, map: &JourneyMap, now: Timestamp) -> Result<u64, StorageError> {
        let rev = match self.get(&self.map_key(&map.id))? {
            Some(raw) => Envelope::decode(&raw).map(|e| e.rev + 1).unwrap_or(1),
            None => 1,
        };
        self.write(map, rev, now)
    }

    /// Writes only what [`MapStore::read`] and the loader accept: a map that fails
    /// [`validate`] is refused and the stored entry stays as it was.
    fn write(&self, map: &JourneyMap, rev: u64, now: Timestamp) -> Result<u64, StorageError> {
        validate(map).map_err(StorageError::Invalid)?;
        let env = Envelope {
            schema: VERSION,
            rev,
            writer: self.tab.clone(),
            saved_at: now,
            map: map.clone(),
        };
        self.storage
            .set_item(&self.map_key(&map.id), &env.encode())
            .map_err(to_error)?;
        self.known.borrow_mut().insert(map.id.clone(), rev);
        Ok(rev)
    }

    /// Marks `rev` as seen, after this tab took over another tab's version.
    pub fn accept(&self, id: &Id, rev: u64) {
        self.known.borrow_mut().insert(id.clone(), rev);
    }

    pub fn remove(&self, id: &Id) -> Result<(), StorageError> {
        self.known.borrow_mut().remove(id);
        self.storage
            .remove_item(&self.map_key(id))
            .map_err(to_error)
    }

    /// Removes an unreadable entry the user chose to discard.
    pub fn discard(&self, key: &str) -> Result<(), StorageError> {
        if self.id_of_key(key).is_none() {
            return Err(StorageError::Other(format!("not a map entry: {key}")));
        }
        self.storage.remove_item(key).map_err(to_error)
    }

    /// How many UTF-16 code units this store's entries take (keys and values).
    pub fn used_units(&self) -> usize {
        self.keys()
            .iter()
            .map(|k| {
                k.encode_utf16().count()
                    + self
                        .get(k)
                        .ok()
                        .flatten()
                        .map_or(0, |v| v.encode_utf16().count())
            })
            .sum()
    }

    pub fn pref(&self, name: &str) -> Option<String> {
        self.get(&format!("{}{PREF_KEY}{name}", self.prefix))
            .ok()
            .flatten()
    }

    pub fn set_pref(&self, name: &str, value: &str) -> Result<(), StorageError> {
        self.storage
            .set_item(&format!("{}{PREF_KEY}{name}", self.prefix), value)
            .map_err(to_error)
    }

    /// Turns a `storage` event into a change of one of this store's maps.
    pub fn external_change(
        &self,
        key: Option<String>,
        new_value: Option<String>,
    ) -> Option<ExternalChange> {
        let key = key?;
        let id = self.id_of_key(&key)?;
        Some(match new_value {
            None => {
                self.known.borrow_mut().remove(&id);
                ExternalChange::Removed(id)
            }
            Some(raw) => match Envelope::decode(&raw) {
                Ok(env) => ExternalChange::Saved(Box::new(env)),
                Err(reason) => ExternalChange::Unreadable(self.unreadable(key, raw, reason)),
            },
        })
    }

    /// Calls `on_change` for every change another tab makes to this store's maps.
    /// The listener lives as long as the returned guard.
    pub fn listen(
        self: &std::rc::Rc<Self>,
        mut on_change: impl FnMut(ExternalChange) + 'static,
    ) -> Result<Listener, StorageError> {
        let store = std::rc::Rc::clone(self);
        let closure =
            Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                if let Some(change) = store.external_change(ev.key(), ev.new_value()) {
                    on_change(change);
                }
            });
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        window
            .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
            .map_err(to_error)?;
        Ok(Listener { closure })
    }
}

/// Keeps a `storage` event listener alive; removes it when dropped.
pub struct Listener {
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "storage",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

fn to_error(e: JsValue) -> StorageError {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        // Chromium and Firefox name it differently; the legacy code is 22 (or 1014 in old Firefox).
        if ex.name() == "QuotaExceededError"
            || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED"
            || ex.code() == 22
        {
            return StorageError::QuotaExceeded;
        }
        return StorageError::Other(format!("{}: {}", ex.name(), ex.message()));
    }
    StorageError::Other(format!("{e:?}"))
}
