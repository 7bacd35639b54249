//! What the map list shows of a map, read from its stored entry without reading the whole map.
//!
//! The map list is the app's first screen. Reading every stored map in full at start would put
//! the whole model's deserialiser, its checks and the rules parser into the app's first wasm
//! module; [`read_entry`] only walks past what the list does not show. The whole map is read
//! (and checked) when the workspace loads, on the first action that needs it.
//!
//! The first-run demo map is stored the same way, from a stored entry made ahead of time
//! ([`demo_entry`]), so a new user's first visit needs neither the template builder nor the
//! serialiser.

use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;

use super::document::{StoredError, VERSION};
use super::model::{Id, JourneyMap};
use super::text::Text;

/// One row of the map list.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSummary {
    pub id: Id,
    pub name: Text,
    pub stages: usize,
    pub cards: usize,
    /// When the map last changed, as stored (RFC 3339).
    pub updated: String,
}

impl MapSummary {
    pub fn of(map: &JourneyMap) -> Self {
        MapSummary {
            id: map.id.clone(),
            name: map.name.clone(),
            stages: map.stages.len(),
            cards: map.cards.len(),
            updated: map.updated.to_string(),
        }
    }
}

/// The rows' ids, most recently changed first. `millis` reads a row's `updated` text; the
/// browser's date parser in the app (which keeps jiff's parser out of the first wasm module), jiff
/// in the tests. RFC 3339 text cannot simply be compared: `…:20Z` and `…:20.5Z` sort wrong.
pub fn recent_first(rows: &[MapSummary], millis: impl Fn(&str) -> f64) -> Vec<Id> {
    let mut by_time: Vec<_> = rows.iter().map(|r| (millis(&r.updated), &r.id)).collect();
    by_time.sort_by(|a, b| b.0.total_cmp(&a.0));
    by_time.into_iter().map(|(_, id)| id.clone()).collect()
}

#[derive(Deserialize)]
struct Schema {
    schema: Option<u64>,
}

#[derive(Deserialize)]
struct Entry {
    map: Head,
}

#[derive(Deserialize)]
struct Head {
    id: Id,
    name: Text,
    updated: String,
    stages: Count,
    #[serde(default)]
    cards: Count,
}

/// The length of a JSON array, without reading its items.
#[derive(Default)]
struct Count(usize);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Items;
        impl<'de> Visitor<'de> for Items {
            type Value = Count;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        d.deserialize_seq(Items)
    }
}

/// The list row of a stored entry, with the same verdict on its schema version as
/// [`Envelope::decode`](super::document::Envelope::decode): a newer version's entry or one that
/// is not JSON is unreadable. (A map that is well-formed but fails the map checks is found when
/// the workspace loads.)
pub fn read_entry(raw: &str) -> Result<MapSummary, StoredError> {
    let corrupt = |e: serde_json::Error| StoredError::Corrupt(e.to_string());
    match serde_json::from_str::<Schema>(raw).map_err(corrupt)?.schema {
        Some(n) if n > u64::from(VERSION) => return Err(StoredError::Newer(n)),
        Some(n) if n == u64::from(VERSION) => {}
        _ => return Err(StoredError::Corrupt("no schema version".into())),
    }
    let head = serde_json::from_str::<Entry>(raw).map_err(corrupt)?.map;
    Ok(MapSummary {
        id: head.id,
        name: head.name,
        stages: head.stages.0,
        cards: head.cards.0,
        updated: head.updated,
    })
}

/// The demo map's id and time in [`DEMO_ENTRY`], replaced in each copy.
const DEMO_ID: &str = "00000000-0000-4000-8000-00000000demo";
const DEMO_TIME: &str = "1970-01-01T00:00:00Z";

/// The stored entry of the Hinge template, as `MapStore` writes it (revision 1, no writer), made
/// by the test `demo_entry_is_the_hinge_template`, which also fails when the template changes.
const DEMO_ENTRY: &str = include_str!("demo_entry.json");

/// The first-run demo map's stored entry, under a new id, made and saved `now` (RFC 3339).
pub fn demo_entry(id: &Id, now: &str) -> String {
    DEMO_ENTRY
        .trim_end()
        .replace(DEMO_ID, id.as_str())
        .replace(DEMO_TIME, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::Envelope;
    use crate::domain::model::SourceModel;
    use crate::domain::template;
    use jiff::Timestamp;

    fn entry(map: &JourneyMap) -> String {
        Envelope {
            schema: VERSION,
            rev: 1,
            writer: String::new(),
            saved_at: Timestamp::UNIX_EPOCH,
            map: map.clone(),
        }
        .encode()
    }

    #[test]
    fn the_row_of_an_entry_is_the_row_of_its_map() {
        for model in SourceModel::ALL {
            let map = template::build(model, Timestamp::from_second(1_700_000_000).unwrap());
            let row = read_entry(&entry(&map)).unwrap();
            assert_eq!(row, MapSummary::of(&map), "{model:?}");
            assert_eq!(row.updated, "2023-11-14T22:13:20Z");
        }
        let hinge = template::build(SourceModel::Hinge, Timestamp::UNIX_EPOCH);
        assert!(read_entry(&entry(&hinge)).unwrap().cards > 0);
    }

    #[test]
    fn rows_are_listed_most_recent_first_by_time_not_by_text() {
        let row = |id: &str, updated: &str| MapSummary {
            id: Id::from(id),
            name: Text::from(id),
            stages: 0,
            cards: 0,
            updated: updated.into(),
        };
        let rows = [
            row("older", "2026-12-01T10:00:20Z"),
            // Later by half a second, but before "older" as text ('.' < 'Z').
            row("newer", "2026-12-01T10:00:20.5Z"),
            // The earliest (10:00:19Z), though its text, with an offset, sorts last.
            row("seoul", "2026-12-01T19:00:19+09:00"),
        ];
        let millis = |t: &str| t.parse::<Timestamp>().unwrap().as_millisecond() as f64;
        assert_eq!(
            recent_first(&rows, millis),
            [Id::from("newer"), Id::from("older"), Id::from("seoul")]
        );
    }

    #[test]
    fn damaged_and_newer_entries_are_unreadable_as_the_full_read_says() {
        for raw in [
            r#"{"schema":1,"rev":3,"map":{"id":"damaged","#,
            r#"{"schema":7,"rev":1,"map":{}}"#,
            r#"{"rev":1,"map":{}}"#,
            r#"{"schema":1,"rev":1,"map":{"id":"x","name":"a","updated":"now"}}"#,
            "not json",
        ] {
            let row = read_entry(raw).unwrap_err();
            let full = Envelope::decode(raw).unwrap_err();
            assert_eq!(
                std::mem::discriminant(&row),
                std::mem::discriminant(&full),
                "{raw}"
            );
        }
        assert_eq!(
            read_entry(r#"{"schema":7,"rev":1,"map":{}}"#),
            Err(StoredError::Newer(7))
        );
    }

    /// The Hinge template as [`DEMO_ENTRY`] should hold it, given that entry's card ids.
    fn hinge_as_stored(stored: &Envelope, id: Id, now: &str) -> JourneyMap {
        let mut map = template::build(SourceModel::Hinge, now.parse().unwrap());
        // The template gives every card a new random id; the stored demo keeps the ones it was
        // made with.
        for (card, demo) in map.cards.iter_mut().zip(&stored.map.cards) {
            card.id = demo.id.clone();
        }
        map.id = id;
        map
    }

    #[test]
    fn demo_entry_is_the_hinge_template() {
        let id = Id::from("fresh-id");
        let now = "2026-12-01T10:00:00.5Z";
        let raw = demo_entry(&id, now);
        let stored = Envelope::decode(&raw).ok();
        let same = stored
            .as_ref()
            .is_some_and(|s| s.map == hinge_as_stored(s, id.clone(), now));
        if !same {
            // Remake it: the template changed.
            let mut fresh = template::build(SourceModel::Hinge, Timestamp::UNIX_EPOCH);
            fresh.id = Id::from(DEMO_ID);
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/demo_entry.json");
            std::fs::write(path, entry(&fresh) + "\n").unwrap();
            panic!("src/domain/demo_entry.json is not the Hinge template: copy {path} over it");
        }
        let stored = stored.unwrap();
        assert_eq!(stored.rev, 1);
        assert_eq!(stored.saved_at.to_string(), now);
        assert_eq!(stored.map.created.to_string(), now);
        assert_eq!(read_entry(&raw).unwrap(), MapSummary::of(&stored.map));
    }
}
