//! Identifiers of maps and of everything in them.
//!
//! [`Id<T>`] is typed by what it names: `Id<Stage>`, `Id<Lane>`, `Id<Card>`, … so a stage id
//! cannot be passed where a lane id is expected. The marker only exists at compile time: every
//! `Id<T>` is serialised as its bare string, so the map file format does not depend on it.
//! [`Untyped`] is the default marker, for ids not converted yet.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The marker of ids that do not say (yet) what they name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Untyped {}

/// A stable identifier of a `T`: a template's readable slug (`pre_purchase`) or a random UUID.
///
/// The traits are written by hand so that they need nothing from `T` (a derive would ask for
/// `T: Clone`, `T: Eq`, …, which model types do not all have).
pub struct Id<T = Untyped>(pub String, PhantomData<fn() -> T>);

impl<T> Id<T> {
    /// An identifier with the given text.
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into(), PhantomData)
    }

    /// A new random identifier (UUID v4).
    pub fn random() -> Self {
        Id::new(uuid::Uuid::new_v4().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same text as an identifier of something else: for the few places that really
    /// reinterpret an id (an untyped id read from the page, a stage named by a department).
    pub fn cast<U>(self) -> Id<U> {
        Id(self.0, PhantomData)
    }
}

impl Id {
    /// A new random text (UUID v4), for DOM ids and tab ids that name no model value.
    pub fn random_text() -> String {
        uuid::Uuid::new_v4().to_string()
    }
}

impl<T> From<&str> for Id<T> {
    fn from(s: &str) -> Self {
        Id::new(s)
    }
}

impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        Id(self.0.clone(), PhantomData)
    }
}

impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<T> Eq for Id<T> {}

impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.cmp(&other.0)
    }
}

impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

/// Like the former derived `Debug` of `Id(String)`: `Id("s1")`.
impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Id").field(&self.0).finish()
    }
}

impl<T> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Serialised as the bare string, like `#[serde(transparent)]`.
impl<T> Serialize for Id<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de, T> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Id::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{export_json, import_json};
    use crate::domain::template::build;
    use crate::domain::{Card, Edit, Lane, SourceModel, Stage};

    /// `Id<Stage>` and `Id<Lane>` differ only at compile time: with the same text they are
    /// written the same, as the bare string, and a map file goes through them unchanged.
    #[test]
    fn typed_ids_with_the_same_text_serialise_the_same_bare_string() {
        let stage: Id<Stage> = Id::from("same");
        let lane: Id<Lane> = Id::from("same");
        let untyped: Id = Id::from("same");
        let stage_text = serde_json::to_string(&stage).unwrap();
        assert_eq!(stage_text, "\"same\"");
        assert_eq!(serde_json::to_string(&lane).unwrap(), stage_text);
        assert_eq!(serde_json::to_string(&untyped).unwrap(), stage_text);
        let back: Id<Lane> = serde_json::from_str("\"same\"").unwrap();
        assert_eq!(back, lane);

        let edit = Edit::MoveCard {
            id: Id::<Card>::from("c1"),
            stage,
            lane,
            before: None,
        };
        let text = serde_json::to_string(&edit).unwrap();
        assert_eq!(
            text,
            r#"{"MoveCard":{"id":"c1","stage":"same","lane":"same","before":null}}"#
        );
        assert_eq!(serde_json::from_str::<Edit>(&text).unwrap(), edit);
    }

    #[test]
    fn a_map_file_round_trips_through_typed_ids_to_the_same_text() {
        let now = jiff::Timestamp::UNIX_EPOCH;
        for model in SourceModel::ALL {
            let map = build(model, now);
            let text = export_json(&map, now);
            let again = import_json(&text).unwrap();
            assert_eq!(again, map);
            assert_eq!(export_json(&again, now), text);
            // The ids are the bare strings of the file.
            for s in &map.stages {
                assert!(text.contains(&format!("\"id\": \"{}\"", s.id)), "{model:?}");
            }
        }
    }
}
