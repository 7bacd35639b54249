//! Browser tests of the storage module, in headless Chromium (wasm-bindgen-test).
//! Each test uses its own key prefix and cleans up after itself.
#![cfg(target_arch = "wasm32")]

use jiff::Timestamp;
use journey_mapper::domain::{template, Card, CardKind, Id, JourneyMap, SourceModel, Text};
use journey_mapper::storage::{ExternalChange, MapStore, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear(prefix: &str) {
    let s = local();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

fn now() -> Timestamp {
    Timestamp::now()
}

#[wasm_bindgen_test]
fn save_and_load_round_trip() {
    let p = "t-roundtrip:";
    clear(p);
    let store = MapStore::open(p).unwrap();
    let map = template::build(SourceModel::Hinge, now());
    assert_eq!(store.save(&map, now()).unwrap(), 1);
    let again = MapStore::open(p).unwrap().load_all();
    assert_eq!(again.maps, vec![map]);
    assert!(again.unreadable.is_empty());
    clear(p);
}

#[wasm_bindgen_test]
fn a_map_the_loader_would_refuse_is_never_written() {
    let p = "t-refuse:";
    clear(p);
    let store = MapStore::open(p).unwrap();
    let mut map = template::build(SourceModel::Hinge, now());
    store.save(&map, now()).unwrap();
    let good = store.read(&map.id).unwrap().unwrap();
    // Each of these broke the next load before: a name over 10,000 characters, rules over
    // 200,000, a card spanning more stages than the map has.
    let long_name = Text::User("n".repeat(10_001));
    let long_rules = Some("# r\n".repeat(50_001));
    for bad in 0..3 {
        let mut m = map.clone();
        match bad {
            0 => m.name = long_name.clone(),
            1 => m.rules = long_rules.clone(),
            _ => m.cards[0].span = m.stages.len() as u16 + 1,
        }
        assert!(
            matches!(store.save(&m, now()), Err(StorageError::Invalid(_))),
            "case {bad}"
        );
        assert!(matches!(
            store.overwrite(&m, now()),
            Err(StorageError::Invalid(_))
        ));
        assert_eq!(store.read(&map.id).unwrap().unwrap(), good, "case {bad}");
    }
    // The map still saves once it is right again, and loads.
    map.name = Text::User("fine".into());
    assert_eq!(store.save(&map, now()).unwrap(), 2);
    assert_eq!(MapStore::open(p).unwrap().load_all().maps, vec![map]);
    clear(p);
}

#[wasm_bindgen_test]
fn quota_exceeded_is_reported_and_the_last_good_save_stays() {
    let p = "t-quota:";
    clear(p);
    let store = MapStore::open(p).unwrap();
    let mut map = template::build(SourceModel::ActOn, now());
    store.save(&map, now()).unwrap();
    let good = store.read(&map.id).unwrap().unwrap();

    // Fill the rest of the origin's quota with filler entries.
    let s = local();
    let mut chunk = 1 << 20;
    let mut n = 0;
    while chunk >= 64 {
        let key = format!("{p}filler{n}");
        if s.set_item(&key, &"x".repeat(chunk)).is_ok() {
            n += 1;
        } else {
            chunk /= 2;
        }
    }
    // A bigger version of the map no longer fits.
    let lane = map.lane_for(CardKind::Note).unwrap().clone();
    for i in 0..50 {
        let mut c = Card::new(map.stages[0].id.clone(), &lane, format!("note {i}"));
        c.detail = "y".repeat(200);
        map.cards.push(c);
    }
    let err = store.save(&map, now()).unwrap_err();
    assert_eq!(err, StorageError::QuotaExceeded);
    let after = store.read(&map.id).unwrap().unwrap();
    assert_eq!(
        after, good,
        "the failed save must leave the last good save intact"
    );
    clear(p);
}

#[wasm_bindgen_test]
fn corrupt_and_newer_entries_are_kept_aside_and_never_overwritten() {
    let p = "t-corrupt:";
    clear(p);
    let s = local();
    s.set_item(&format!("{p}map:broken"), "{\"schema\":1,\"rev\":")
        .unwrap();
    s.set_item(
        &format!("{p}map:future"),
        "{\"schema\":9,\"rev\":1,\"map\":{\"whatever\":true}}",
    )
    .unwrap();
    let store = MapStore::open(p).unwrap();
    let good = template::build(SourceModel::Scaleo, now());
    store.save(&good, now()).unwrap();

    let loaded = MapStore::open(p).unwrap().load_all();
    assert_eq!(loaded.maps.len(), 1);
    assert_eq!(loaded.unreadable.len(), 2);
    let keys: Vec<&str> = loaded.unreadable.iter().map(|u| u.key.as_str()).collect();
    assert!(keys.contains(&"t-corrupt:map:broken"));
    assert!(keys.contains(&"t-corrupt:map:future"));

    // Saving a map that has the id of the newer entry refuses to overwrite it.
    let mut clash = template::build(SourceModel::Blank, now());
    clash.id = Id::from("future");
    assert!(matches!(
        store.save(&clash, now()),
        Err(StorageError::Unreadable(_))
    ));
    assert!(s
        .get_item(&format!("{p}map:future"))
        .unwrap()
        .unwrap()
        .contains("\"schema\":9"));
    // Discarding is explicit.
    store.discard(&format!("{p}map:broken")).unwrap();
    assert_eq!(MapStore::open(p).unwrap().load_all().unreadable.len(), 1);
    clear(p);
}

#[wasm_bindgen_test]
fn a_second_writer_is_detected_instead_of_overwritten() {
    let p = "t-tabs:";
    clear(p);
    let tab_a = MapStore::open(p).unwrap();
    let tab_b = MapStore::open(p).unwrap();
    let mut map = template::build(SourceModel::Hinge, now());
    tab_a.save(&map, now()).unwrap();
    let mut b_copy = tab_b.load_all().maps.remove(0);

    // Tab B saves first.
    b_copy.name = Text::from("B's name");
    assert_eq!(tab_b.save(&b_copy, now()).unwrap(), 2);
    // Tab A, still at revision 1, must not overwrite it.
    map.name = Text::from("A's name");
    match tab_a.save(&map, now()) {
        Err(StorageError::Conflict { theirs }) => {
            assert_eq!(theirs.rev, 2);
            assert_eq!(theirs.map.name, Text::from("B's name"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        tab_a.read(&map.id).unwrap().unwrap().map.name,
        Text::from("B's name")
    );
    // When A's user chooses to keep A's version, it is written over B's.
    assert_eq!(tab_a.overwrite(&map, now()).unwrap(), 3);
    assert_eq!(
        tab_b.read(&map.id).unwrap().unwrap().map.name,
        Text::from("A's name")
    );
    // And B is now the one behind.
    assert!(matches!(
        tab_b.save(&b_copy, now()),
        Err(StorageError::Conflict { .. })
    ));
    clear(p);
}

#[wasm_bindgen_test]
fn storage_events_of_other_tabs_are_decoded() {
    let p = "t-events:";
    let store = MapStore::open(p).unwrap();
    let map: JourneyMap = template::build(SourceModel::MarTech, now());
    let other = MapStore::open(p).unwrap();
    other.save(&map, now()).unwrap();
    let raw = local().get_item(&format!("{p}map:{}", map.id)).unwrap();
    match store.external_change(Some(format!("{p}map:{}", map.id)), raw) {
        Some(ExternalChange::Saved(env)) => assert_eq!(env.map, map),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        store.external_change(Some(format!("{p}map:x")), Some("garbage".into())),
        Some(ExternalChange::Unreadable(_))
    ));
    assert_eq!(
        store.external_change(Some("other-app:key".into()), None),
        None
    );
    assert_eq!(
        store.external_change(Some(format!("{p}map:gone")), None),
        Some(ExternalChange::Removed(Id::from("gone")))
    );
    clear(p);
}
