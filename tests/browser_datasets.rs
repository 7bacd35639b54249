//! Browser tests of the IndexedDB dataset store and the chunked Blob reader, in headless Chromium
//! (wasm-bindgen-test). Each test uses its own database, deleted before and after.
#![cfg(target_arch = "wasm32")]

use journey_mapper::storage::datasets::{
    request_future, DatasetStore, DatasetStoreError, StoredDataset, StoredDatasetInfo,
};
use journey_mapper::ui::file_io::read_blob_chunks;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Blob;

wasm_bindgen_test_configure!(run_in_browser);

fn factory() -> web_sys::IdbFactory {
    web_sys::window().unwrap().indexed_db().unwrap().unwrap()
}

async fn delete_db(name: &str) {
    let request = factory().delete_database(name).unwrap();
    request_future(&request).await.unwrap();
}

/// `n` bytes that differ from their neighbours, so a shifted or truncated copy shows.
fn pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| ((i * 31 + 7) % 251) as u8).collect()
}

fn blob_of(bytes: &[u8]) -> Blob {
    Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).unwrap()
}

async fn bytes_of(blob: &Blob) -> Vec<u8> {
    let buffer = JsFuture::from(blob.array_buffer()).await.unwrap();
    Uint8Array::new(&buffer).to_vec()
}

fn dataset(id: &str, map_id: &str, meta_json: &str, bytes: &[u8]) -> StoredDataset {
    StoredDataset {
        id: id.into(),
        map_id: map_id.into(),
        meta_json: meta_json.into(),
        file: blob_of(bytes),
        bytes: bytes.len() as f64,
    }
}

fn info(id: &str, map_id: &str, meta_json: &str, bytes: f64) -> StoredDatasetInfo {
    StoredDatasetInfo {
        id: id.into(),
        map_id: map_id.into(),
        meta_json: meta_json.into(),
        bytes,
    }
}

/// Three datasets: two of map A, one of map B.
async fn three(store: &DatasetStore) {
    for d in [
        dataset("a2", "A", r#"{"n":2}"#, b"second"),
        dataset("a1", "A", r#"{"n":1}"#, b"first"),
        dataset("b1", "B", r#"{"n":3}"#, b"third!!"),
    ] {
        store.put(&d).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn put_then_reopen_then_get_returns_the_same_meta_and_bytes() {
    let db = "t-ds-roundtrip";
    delete_db(db).await;
    let meta = r#"{"file":"contacts.csv","encoding":"windows-1251","delimiter":";"}"#;
    let content = "id;name\n1;Иван\n".as_bytes();
    {
        let store = DatasetStore::open_named(db).await.unwrap();
        store
            .put(&dataset("d1", "m1", meta, content))
            .await
            .unwrap();
    } // dropped: the connection closes, as on a reload

    let store = DatasetStore::open_named(db).await.unwrap();
    let got = store.get("d1").await.unwrap().expect("stored");
    assert_eq!(got.id, "d1");
    assert_eq!(got.map_id, "m1");
    assert_eq!(got.meta_json, meta);
    assert_eq!(got.bytes, content.len() as f64);
    assert_eq!(got.file.size(), content.len() as f64);
    assert_eq!(bytes_of(&got.file).await, content);
    assert!(store.get("d2").await.unwrap().is_none());
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn put_replaces_a_dataset_with_the_same_id() {
    let db = "t-ds-replace";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    store.put(&dataset("d1", "m1", "{}", b"old")).await.unwrap();
    store
        .put(&dataset("d1", "m1", r#"{"v":2}"#, b"newer"))
        .await
        .unwrap();
    assert_eq!(
        store.list_all().await.unwrap(),
        vec![info("d1", "m1", r#"{"v":2}"#, 5.0)]
    );
    let got = store.get("d1").await.unwrap().unwrap();
    assert_eq!(bytes_of(&got.file).await, b"newer");
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn list_for_map_gives_only_that_maps_datasets_in_id_order() {
    let db = "t-ds-list";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    three(&store).await;
    assert_eq!(
        store.list_for_map("A").await.unwrap(),
        vec![
            info("a1", "A", r#"{"n":1}"#, 5.0),
            info("a2", "A", r#"{"n":2}"#, 6.0)
        ]
    );
    assert_eq!(
        store.list_for_map("B").await.unwrap(),
        vec![info("b1", "B", r#"{"n":3}"#, 7.0)]
    );
    assert_eq!(store.list_for_map("C").await.unwrap(), vec![]);
    let all: Vec<String> = store
        .list_all()
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(all, ["a1", "a2", "b1"]);
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn delete_removes_one_dataset_and_is_idempotent() {
    let db = "t-ds-delete";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    three(&store).await;
    store.delete("a1").await.unwrap();
    assert!(store.get("a1").await.unwrap().is_none());
    assert_eq!(
        store.list_for_map("A").await.unwrap(),
        vec![info("a2", "A", r#"{"n":2}"#, 6.0)]
    );
    store.delete("a1").await.unwrap();
    assert_eq!(store.list_all().await.unwrap().len(), 2);
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn delete_for_map_removes_that_maps_datasets_only() {
    let db = "t-ds-delete-map";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    three(&store).await;
    assert_eq!(store.delete_for_map("A").await.unwrap(), 2);
    assert_eq!(store.list_for_map("A").await.unwrap(), vec![]);
    assert!(store.get("a2").await.unwrap().is_none());
    assert_eq!(
        store.list_all().await.unwrap(),
        vec![info("b1", "B", r#"{"n":3}"#, 7.0)]
    );
    assert_eq!(store.delete_for_map("A").await.unwrap(), 0);
    drop(store);
    // Still gone after a reopen: the deletes were committed.
    let store = DatasetStore::open_named(db).await.unwrap();
    assert_eq!(store.list_all().await.unwrap().len(), 1);
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn replace_for_map_leaves_the_new_dataset_as_the_maps_only_one() {
    let db = "t-ds-replace";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    three(&store).await;
    store
        .replace_for_map(&dataset("a3", "A", r#"{"n":4}"#, b"fourth"))
        .await
        .unwrap();
    assert_eq!(
        store.list_for_map("A").await.unwrap(),
        vec![info("a3", "A", r#"{"n":4}"#, 6.0)]
    );
    assert_eq!(
        bytes_of(&store.get("a3").await.unwrap().unwrap().file).await,
        b"fourth"
    );
    // Another map's data is untouched; replacing with the same id keeps one record.
    assert_eq!(store.list_for_map("B").await.unwrap().len(), 1);
    store
        .replace_for_map(&dataset("a3", "A", r#"{"n":5}"#, b"fifth"))
        .await
        .unwrap();
    drop(store);
    let store = DatasetStore::open_named(db).await.unwrap();
    assert_eq!(
        store.list_for_map("A").await.unwrap(),
        vec![info("a3", "A", r#"{"n":5}"#, 5.0)]
    );
    drop(store);
    delete_db(db).await;
}

/// Replaces `IDBObjectStore.prototype.put` for the test: `how` is `"throw"` (refused at once,
/// as a record that cannot be cloned is), `"abort"` (the transaction fails after the request,
/// as it does when storage is full) or `"restore"`.
fn patch_put(how: &str) {
    let js = match how {
        "throw" => "globalThis.__put ??= IDBObjectStore.prototype.put; IDBObjectStore.prototype.put = function () { throw new DOMException('refused', 'DataCloneError'); };",
        "abort" => "globalThis.__put ??= IDBObjectStore.prototype.put; IDBObjectStore.prototype.put = function (...a) { const r = globalThis.__put.apply(this, a); this.transaction.abort(); return r; };",
        _ => "if (globalThis.__put) IDBObjectStore.prototype.put = globalThis.__put;",
    };
    js_sys::eval(js).unwrap();
}

#[wasm_bindgen_test]
async fn a_replace_the_browser_refuses_leaves_the_maps_earlier_datasets() {
    let db = "t-ds-replace-refused";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    three(&store).await;
    let before = store.list_for_map("A").await.unwrap();
    assert_eq!(before.len(), 2);
    for how in ["throw", "abort"] {
        patch_put(how);
        let refused = store
            .replace_for_map(&dataset("a3", "A", r#"{"n":4}"#, b"fourth"))
            .await;
        patch_put("restore");
        assert!(refused.is_err(), "{how}: the replace is reported as failed");
        // The deletes of the map's earlier datasets were undone with it.
        assert_eq!(store.list_for_map("A").await.unwrap(), before, "{how}");
        assert!(store.get("a3").await.unwrap().is_none(), "{how}");
        assert_eq!(
            bytes_of(&store.get("a1").await.unwrap().unwrap().file).await,
            b"first"
        );
    }
    // And storing works again afterwards.
    store
        .replace_for_map(&dataset("a3", "A", r#"{"n":4}"#, b"fourth"))
        .await
        .unwrap();
    assert_eq!(store.list_for_map("A").await.unwrap().len(), 1);
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn update_meta_changes_the_meta_and_keeps_the_file() {
    let db = "t-ds-update";
    delete_db(db).await;
    let store = DatasetStore::open_named(db).await.unwrap();
    three(&store).await;
    store
        .update_meta("a2", r#"{"n":2,"rules":"v2"}"#)
        .await
        .unwrap();
    drop(store);
    let store = DatasetStore::open_named(db).await.unwrap();
    let got = store.get("a2").await.unwrap().unwrap();
    assert_eq!(got.meta_json, r#"{"n":2,"rules":"v2"}"#);
    assert_eq!(got.map_id, "A");
    assert_eq!(bytes_of(&got.file).await, b"second");
    assert_eq!(
        store.get("a1").await.unwrap().unwrap().meta_json,
        r#"{"n":1}"#
    );
    assert_eq!(
        store.update_meta("zz", "{}").await,
        Err(DatasetStoreError::NotFound("zz".into()))
    );
    drop(store);
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn a_database_from_a_newer_version_is_reported() {
    let db = "t-ds-newer";
    delete_db(db).await;
    let request = factory().open_with_u32(db, 7).unwrap();
    let newer: web_sys::IdbDatabase = request_future(&request).await.unwrap().unchecked_into();
    newer.close();
    assert_eq!(
        DatasetStore::open_named(db).await.err(),
        Some(DatasetStoreError::NewerVersion)
    );
    delete_db(db).await;
}

#[wasm_bindgen_test]
async fn a_5_mb_file_round_trips() {
    let db = "t-ds-5mb";
    delete_db(db).await;
    let content = pattern(5 * 1024 * 1024);
    let entry = dataset("big", "m1", r#"{"file":"big.csv"}"#, &content);
    let store = DatasetStore::open_named(db).await.unwrap();
    let t0 = js_sys::Date::now();
    store.put(&entry).await.unwrap();
    let t1 = js_sys::Date::now();
    drop(store);
    let store = DatasetStore::open_named(db).await.unwrap();
    let t2 = js_sys::Date::now();
    let got = store.get("big").await.unwrap().unwrap();
    let back = bytes_of(&got.file).await;
    let t3 = js_sys::Date::now();
    assert_eq!(got.bytes, 5_242_880.0);
    assert_eq!(back.len(), content.len());
    assert!(back == content, "the 5 MB file came back different");
    console_log!(
        "5 MB dataset: put {} ms, get + read back {} ms",
        t1 - t0,
        t3 - t2
    );
    let (used, quota) = DatasetStore::estimate()
        .await
        .expect("localhost has storage");
    assert!(quota > 0.0 && used <= quota, "used {used} of {quota}");
    drop(store);
    delete_db(db).await;
}

/// Reads `blob` with [`read_blob_chunks`]; returns the chunk sizes, the bytes and the progress.
async fn chunks(blob: &Blob, size: u32, stop_after: usize) -> (Vec<usize>, Vec<u8>, Vec<f64>) {
    let mut sizes = Vec::new();
    let mut all = Vec::new();
    let mut progress = Vec::new();
    read_blob_chunks(
        blob,
        size,
        |chunk| {
            sizes.push(chunk.len());
            all.extend_from_slice(chunk);
            sizes.len() < stop_after
        },
        |read, total| {
            assert_eq!(total, blob.size());
            progress.push(read);
        },
    )
    .await
    .unwrap();
    (sizes, all, progress)
}

#[wasm_bindgen_test]
async fn read_blob_chunks_gives_the_exact_bytes_in_64_kib_chunks() {
    // 200,000 = 3 × 65,536 + 3,392.
    let content = pattern(200_000);
    let blob = blob_of(&content);
    let (sizes, all, progress) = chunks(&blob, 64 * 1024, usize::MAX).await;
    assert_eq!(sizes, [65_536, 65_536, 65_536, 3_392]);
    assert!(all == content, "the chunks do not add up to the blob");
    assert_eq!(progress, [65_536.0, 131_072.0, 196_608.0, 200_000.0]);

    // Exactly two chunks' worth: no empty third chunk.
    let (sizes, all, _) = chunks(&blob_of(&content[..131_072]), 64 * 1024, usize::MAX).await;
    assert_eq!(sizes, [65_536, 65_536]);
    assert!(all == content[..131_072]);

    let (sizes, _, progress) = chunks(&blob_of(&[]), 64 * 1024, usize::MAX).await;
    assert!(sizes.is_empty() && progress.is_empty());
}

#[wasm_bindgen_test]
async fn read_blob_chunks_stops_when_asked() {
    let content = pattern(200_000);
    let (sizes, all, progress) = chunks(&blob_of(&content), 64 * 1024, 2).await;
    assert_eq!(sizes, [65_536, 65_536]);
    assert!(all == content[..131_072]);
    assert_eq!(progress, [65_536.0, 131_072.0]);
}

#[wasm_bindgen_test]
async fn a_stored_file_reads_back_in_chunks() {
    let db = "t-ds-chunks";
    delete_db(db).await;
    let content = pattern(150_000);
    let store = DatasetStore::open_named(db).await.unwrap();
    store.put(&dataset("d", "m", "{}", &content)).await.unwrap();
    let got = store.get("d").await.unwrap().unwrap();
    let (sizes, all, _) = chunks(&got.file, 64 * 1024, usize::MAX).await;
    assert_eq!(sizes, [65_536, 65_536, 18_928]);
    assert!(all == content);
    drop(store);
    delete_db(db).await;
}
