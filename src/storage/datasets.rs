//! Imported datasets in IndexedDB: they are too large for localStorage, which keeps only the maps.
//!
//! The store keeps the file **as the user imported it** (a `Blob`) next to a small JSON metadata
//! record the UI writes (file name, chosen encoding, delimiter, column mapping, rules…). The app
//! parses the file again on load: parsing is fast, and what is stored never goes stale when the
//! parser improves.
//!
//! * Database `journey-mapper`, version 1, one object store `datasets` keyed by the dataset id,
//!   with an index `map_id` to find a map's datasets. Each record is
//!   `{ schema: 1, id, map_id, meta_json, bytes, file: Blob }`.
//! * Every write waits for its transaction's `complete` event, so `Ok` means the data is on disk;
//!   a write that fails (for instance [`DatasetStoreError::QuotaExceeded`]) changes nothing.
//! * Lists never read file contents: a `Blob` taken out of IndexedDB is only a handle.
//!
//! The IndexedDB requests are awaited through [`request_future`], a few lines over web-sys,
//! rather than through the `idb` or `rexie` crates. Both would build against wasm-bindgen
//! `=0.2.130`, but `idb`'s futures API brings tokio (and indexmap, num-traits) into the wasm bundle
//! for the seven operations on one object store this module needs, and hand-written code lets
//! every failure map straight to a [`DatasetStoreError`] (a quota error arrives as a transaction
//! abort, not as a request error).

use std::cell::RefCell;
use std::future::Future;

use js_sys::{Array, Function, Object, Promise, Reflect};
use thiserror::Error;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, DomException, Event, EventTarget, IdbDatabase, IdbObjectStore, IdbObjectStoreParameters,
    IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The app's database.
pub const DB_NAME: &str = "journey-mapper";
/// The database version this code creates and reads.
const DB_VERSION: u32 = 1;
/// The object store holding one record per dataset.
const STORE: &str = "datasets";
/// The index of records by the map they belong to.
const BY_MAP: &str = "map_id";
/// The shape of a record, written into each one so that later versions can tell it apart.
const RECORD_SCHEMA: f64 = 1.0;

/// Why the dataset store could not do what was asked. The UI turns each variant into a message.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum DatasetStoreError {
    /// No IndexedDB here (an old browser, some private modes, storage blocked by settings).
    #[error("IndexedDB is not available here")]
    Unavailable,
    /// The database was upgraded by a newer version of the app (in another tab, or before a
    /// rollback): this version cannot open it.
    #[error("the dataset store was written by a newer version of the app")]
    NewerVersion,
    /// The browser refused to store more for this site.
    #[error("browser storage is full")]
    QuotaExceeded,
    /// No dataset with this id.
    #[error("no stored dataset with id {0}")]
    NotFound(String),
    /// A record with this id exists but is not in the shape this version writes.
    #[error("the stored dataset {0} cannot be read")]
    Unreadable(String),
    /// Any other failure; the detail is for logs, not for the user.
    #[error("the dataset store failed: {0}")]
    Failed(String),
}

/// One stored dataset: the original file and the UI's metadata about it.
#[derive(Clone, Debug)]
pub struct StoredDataset {
    /// The dataset id (the key of the record).
    pub id: String,
    /// The map the dataset belongs to.
    pub map_id: String,
    /// Opaque JSON written by the UI: file name, encoding, delimiter, column mapping, rules…
    pub meta_json: String,
    /// The file as it was imported.
    pub file: Blob,
    /// The file's size in bytes, as the UI measured it.
    pub bytes: f64,
}

/// A stored dataset without its file, as lists return it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDatasetInfo {
    pub id: String,
    pub map_id: String,
    pub meta_json: String,
    pub bytes: f64,
}

/// The IndexedDB record of a dataset.
fn record_of(entry: &StoredDataset) -> Result<Object, DatasetStoreError> {
    let record = Object::new();
    set(&record, "schema", &RECORD_SCHEMA.into())?;
    set(&record, "id", &entry.id.as_str().into())?;
    set(&record, "map_id", &entry.map_id.as_str().into())?;
    set(&record, "meta_json", &entry.meta_json.as_str().into())?;
    set(&record, "bytes", &entry.bytes.into())?;
    set(&record, "file", &entry.file)?;
    Ok(record)
}

/// The keys of map `map_id`'s records, read inside the caller's transaction.
async fn keys_of_map(store: &IdbObjectStore, map_id: &str) -> Result<Array, DatasetStoreError> {
    let index = store.index(BY_MAP).map_err(to_error)?;
    let keys = request_future(
        &index
            .get_all_keys_with_key(&map_id.into())
            .map_err(to_error)?,
    )
    .await?;
    keys.dyn_into().map_err(|v| failed(&v))
}

/// An open connection to the dataset database. Dropping it closes the connection.
pub struct DatasetStore {
    db: IdbDatabase,
    /// Closes this connection when another tab wants to upgrade the database, so that it is not
    /// blocked by this one.
    _on_version_change: Closure<dyn FnMut(Event)>,
}

impl DatasetStore {
    /// Opens (and on first use creates) the app's database, [`DB_NAME`].
    pub async fn open() -> Result<Self, DatasetStoreError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens the database `name`; tests use their own names so they never touch the app's data.
    pub async fn open_named(name: &str) -> Result<Self, DatasetStoreError> {
        let factory = web_sys::window()
            .ok_or(DatasetStoreError::Unavailable)?
            .indexed_db()
            .map_err(|_| DatasetStoreError::Unavailable)?
            .ok_or(DatasetStoreError::Unavailable)?;
        let request = factory
            .open_with_u32(name, DB_VERSION)
            .map_err(|_| DatasetStoreError::Unavailable)?;
        let upgrade = {
            let request = request.clone();
            Closure::<dyn FnMut(Event)>::new(move |_: Event| create_schema(&request))
        };
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = request_future(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        let db: IdbDatabase = match opened {
            Ok(db) => db.dyn_into().map_err(|v| failed(&v))?,
            Err(DatasetStoreError::Failed(_)) => return Err(DatasetStoreError::Unavailable),
            Err(e) => return Err(e),
        };
        let on_version_change = {
            let db = db.clone();
            Closure::<dyn FnMut(Event)>::new(move |_: Event| db.close())
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(DatasetStore {
            db,
            _on_version_change: on_version_change,
        })
    }

    /// A transaction over the one object store.
    fn transaction(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, IdbObjectStore), DatasetStoreError> {
        let tx = self
            .db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(to_error)?;
        let store = tx.object_store(STORE).map_err(to_error)?;
        Ok((tx, store))
    }

    /// Stores a dataset, replacing any stored dataset with the same id.
    pub async fn put(&self, entry: &StoredDataset) -> Result<(), DatasetStoreError> {
        let record = record_of(entry)?;
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = transaction_future(&tx);
        store.put(&record).map_err(to_error)?;
        done.await
    }

    /// Stores `entry` as its map's only dataset, in one transaction: the map's other datasets
    /// are deleted only together with the new one being stored. If the browser refuses to
    /// store it (storage full), the transaction is aborted and the earlier dataset stays.
    pub async fn replace_for_map(&self, entry: &StoredDataset) -> Result<(), DatasetStoreError> {
        let record = record_of(entry)?;
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = transaction_future(&tx);
        let keys = keys_of_map(&store, &entry.map_id).await?;
        // Still inside the transaction (a microtask of the request's success event).
        let queued = (|| {
            for key in keys.iter() {
                if key.as_string().as_deref() != Some(entry.id.as_str()) {
                    store.delete(&key).map_err(to_error)?;
                }
            }
            store.put(&record).map_err(to_error).map(drop)
        })();
        // A request refused at once (the record cannot be stored) would let the deletes
        // already queued commit: abort them with it.
        if let Err(e) = queued {
            let _ = tx.abort();
            return Err(e);
        }
        done.await
    }

    /// The stored dataset `id`, with its file; `None` if there is none.
    pub async fn get(&self, id: &str) -> Result<Option<StoredDataset>, DatasetStoreError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly)?;
        let value = request_future(&store.get(&id.into()).map_err(to_error)?).await?;
        if value.is_undefined() {
            return Ok(None);
        }
        let info = decode_info(&value).ok_or_else(|| DatasetStoreError::Unreadable(id.into()))?;
        let file = Reflect::get(&value, &"file".into())
            .ok()
            .and_then(|f| f.dyn_into::<Blob>().ok())
            .ok_or_else(|| DatasetStoreError::Unreadable(id.into()))?;
        Ok(Some(StoredDataset {
            id: info.id,
            map_id: info.map_id,
            meta_json: info.meta_json,
            file,
            bytes: info.bytes,
        }))
    }

    /// The datasets of map `map_id`, in id order, without their files. A record this version
    /// cannot read is left out (it still counts in [`DatasetStore::estimate`] and is removed by
    /// [`DatasetStore::delete_for_map`]).
    pub async fn list_for_map(
        &self,
        map_id: &str,
    ) -> Result<Vec<StoredDatasetInfo>, DatasetStoreError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly)?;
        let index = store.index(BY_MAP).map_err(to_error)?;
        let request = index.get_all_with_key(&map_id.into()).map_err(to_error)?;
        Ok(decode_list(&request_future(&request).await?))
    }

    /// Every stored dataset, in id order, without their files.
    pub async fn list_all(&self) -> Result<Vec<StoredDatasetInfo>, DatasetStoreError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly)?;
        let request = store.get_all().map_err(to_error)?;
        Ok(decode_list(&request_future(&request).await?))
    }

    /// Deletes dataset `id`; deleting one that is not stored is not an error.
    pub async fn delete(&self, id: &str) -> Result<(), DatasetStoreError> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = transaction_future(&tx);
        store.delete(&id.into()).map_err(to_error)?;
        done.await
    }

    /// Deletes every dataset of map `map_id`, in one transaction; returns how many there were.
    pub async fn delete_for_map(&self, map_id: &str) -> Result<u32, DatasetStoreError> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = transaction_future(&tx);
        let keys = keys_of_map(&store, map_id).await?;
        // The transaction stays active while this continuation runs: it is a microtask of the
        // request's success event.
        for key in keys.iter() {
            store.delete(&key).map_err(to_error)?;
        }
        done.await?;
        Ok(keys.length())
    }

    /// Replaces the metadata of dataset `id`, keeping its file.
    pub async fn update_meta(&self, id: &str, meta_json: &str) -> Result<(), DatasetStoreError> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = transaction_future(&tx);
        let record = request_future(&store.get(&id.into()).map_err(to_error)?).await?;
        if record.is_undefined() {
            // Nothing was written; let the transaction finish before reporting.
            done.await?;
            return Err(DatasetStoreError::NotFound(id.into()));
        }
        if decode_info(&record).is_none() {
            done.await?;
            return Err(DatasetStoreError::Unreadable(id.into()));
        }
        set(&record, "meta_json", &meta_json.into())?;
        store.put(&record).map_err(to_error)?;
        done.await
    }

    /// How many bytes this site stores (all storage, not only datasets) and how many it may,
    /// from `navigator.storage.estimate()`; `None` where the browser does not say.
    pub async fn estimate() -> Option<(f64, f64)> {
        let navigator = web_sys::window()?.navigator();
        let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
        if storage.is_undefined() || storage.is_null() {
            return None; // not a secure context, or an old browser
        }
        let manager: web_sys::StorageManager = storage.unchecked_into();
        let estimate: web_sys::StorageEstimate = JsFuture::from(manager.estimate().ok()?)
            .await
            .ok()?
            .unchecked_into();
        Some((estimate.get_usage()?, estimate.get_quota()?))
    }
}

impl Drop for DatasetStore {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }
}

/// Creates the object store and its index (on `upgradeneeded`, when the database is new).
fn create_schema(request: &IdbOpenDbRequest) {
    let Some(db) = request
        .result()
        .ok()
        .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
    else {
        return;
    };
    if db.object_store_names().contains(STORE) {
        return;
    }
    let params = IdbObjectStoreParameters::new();
    params.set_key_path(&"id".into());
    // If this fails, the upgrade transaction aborts and `open` reports it.
    if let Ok(store) = db.create_object_store_with_optional_parameters(STORE, &params) {
        let _ = store.create_index_with_str(BY_MAP, "map_id");
    }
}

/// Waits for an IndexedDB request: its `result` on `success`, its `error` on `error`.
///
/// The listeners are attached at once (before the returned future is first polled) and removed
/// when the future completes or is dropped.
pub fn request_future(
    request: &IdbRequest,
) -> impl Future<Output = Result<JsValue, DatasetStoreError>> {
    let ok = request.clone();
    let err = request.clone();
    let waiting = Waiting::new(
        request.as_ref(),
        "success",
        "error",
        move || ok.result().unwrap_or(JsValue::UNDEFINED),
        move || match err.error() {
            Ok(Some(e)) => e.into(),
            _ => JsValue::NULL,
        },
    );
    waiting.settled()
}

/// Waits for a transaction to commit (`complete`); its `error` if it aborts.
fn transaction_future(tx: &IdbTransaction) -> impl Future<Output = Result<(), DatasetStoreError>> {
    let err = tx.clone();
    let waiting = Waiting::new(
        tx.as_ref(),
        "complete",
        "abort",
        || JsValue::UNDEFINED,
        move || err.error().map_or(JsValue::NULL, JsValue::from),
    );
    async move { waiting.settled().await.map(|_| ()) }
}

/// An event name and its listener.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// Two event listeners on one target, turned into a promise: the first resolves it, the second
/// rejects it. Removes its listeners when dropped.
struct Waiting {
    target: EventTarget,
    listeners: Vec<Listener>,
    promise: Promise,
}

impl Waiting {
    fn new(
        target: &EventTarget,
        ok_event: &'static str,
        fail_event: &'static str,
        value: impl Fn() -> JsValue + 'static,
        error: impl Fn() -> JsValue + 'static,
    ) -> Self {
        // `Promise::new` runs its executor at once; the listeners are taken out of it here.
        let made = RefCell::new(Vec::new());
        let (mut value, mut error) = (Some(value), Some(error));
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            let (Some(value), Some(error)) = (value.take(), error.take()) else {
                return; // the executor runs once
            };
            let on_ok = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                let _ = resolve.call1(&JsValue::UNDEFINED, &value());
            });
            let on_fail = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                let _ = reject.call1(&JsValue::UNDEFINED, &error());
            });
            made.borrow_mut().push((ok_event, on_ok));
            made.borrow_mut().push((fail_event, on_fail));
        });
        let listeners = made.into_inner();
        for (name, f) in &listeners {
            // Cannot fail for an IndexedDB target and a function listener.
            let _ = target.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        }
        Waiting {
            target: target.clone(),
            listeners,
            promise,
        }
    }

    async fn settled(self) -> Result<JsValue, DatasetStoreError> {
        let out = JsFuture::from(self.promise.clone()).await;
        out.map_err(to_error)
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        for (name, f) in &self.listeners {
            let _ = self
                .target
                .remove_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        }
    }
}

fn set(record: &JsValue, key: &str, value: &JsValue) -> Result<(), DatasetStoreError> {
    Reflect::set(record, &key.into(), value)
        .map(|_| ())
        .map_err(|e| failed(&e))
}

fn field(value: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(value, &key.into()).ok()
}

/// The fields of a record, if it has this version's shape.
fn decode_info(value: &JsValue) -> Option<StoredDatasetInfo> {
    if field(value, "schema")?.as_f64()? != RECORD_SCHEMA {
        return None;
    }
    Some(StoredDatasetInfo {
        id: field(value, "id")?.as_string()?,
        map_id: field(value, "map_id")?.as_string()?,
        meta_json: field(value, "meta_json")?.as_string()?,
        bytes: field(value, "bytes")?.as_f64()?,
    })
}

fn decode_list(values: &JsValue) -> Vec<StoredDatasetInfo> {
    values
        .dyn_ref::<Array>()
        .map(|a| a.iter().filter_map(|v| decode_info(&v)).collect())
        .unwrap_or_default()
}

fn failed(e: &JsValue) -> DatasetStoreError {
    DatasetStoreError::Failed(format!("{e:?}"))
}

fn to_error(e: JsValue) -> DatasetStoreError {
    if let Some(ex) = e.dyn_ref::<DomException>() {
        return match ex.name().as_str() {
            // Firefox used its own name for it; the legacy code is 22.
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => DatasetStoreError::QuotaExceeded,
            _ if ex.code() == 22 => DatasetStoreError::QuotaExceeded,
            "VersionError" => DatasetStoreError::NewerVersion,
            name => DatasetStoreError::Failed(format!("{name}: {}", ex.message())),
        };
    }
    failed(&e)
}
