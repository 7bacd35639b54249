//! The versioned JSON file format of one map, and the envelope maps are stored in.
//!
//! A map file is `{"format": "journey-mapper/map", "version": 1, "exported": "<RFC 3339>", "map": {…}}`.
//! [`import_json`] checks a file fully before anything is changed: size, JSON syntax, format,
//! version, ids and references. Every rejection is an [`ImportError`] that names the problem.

use std::collections::HashSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::model::{
    Card, ContentAsset, Department, Destination, Emotion, Handoff, Id, JourneyMap, Lane, Persona,
    Stage,
};

/// The `format` field of a map file.
pub const FORMAT: &str = "journey-mapper/map";
/// The newest schema version this build reads and writes.
pub const VERSION: u32 = 1;

/// Limits that keep a file from freezing the browser or filling storage.
pub mod limits {
    /// Largest file accepted, in bytes.
    pub const FILE_BYTES: usize = 4 * 1024 * 1024;
    pub const STAGES: usize = 500;
    pub const LANES: usize = 100;
    pub const CARDS: usize = 20_000;
    pub const OUTCOMES: usize = 50;
    pub const PEOPLE: usize = 500;
    /// Longest single text, in characters.
    pub const TEXT_CHARS: usize = 10_000;
    /// Longest rules' text, in characters.
    pub const RULES_CHARS: usize = 200_000;
}

/// What kind of thing an import error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Map,
    Stage,
    Outcome,
    Lane,
    Card,
    Persona,
    Department,
    Emotion,
    Handoff,
    Asset,
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; the limit is {limit}")]
    TooLarge { bytes: usize, limit: usize },
    #[error("not JSON: {message} (line {line}, column {column})")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("this JSON is not a Journey Mapper map file")]
    NotAMap,
    #[error("the file has format version {found}; this version of Journey Mapper reads up to {supported}")]
    NewerVersion { found: u64, supported: u32 },
    #[error("unsupported format version {found}")]
    BadVersion { found: String },
    #[error(
        "the map is incomplete or has a wrong value: {message} (line {line}, column {column})"
    )]
    Invalid {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("a {what:?} has an empty id (number {index})")]
    MissingId { what: Entity, index: usize },
    #[error("two {what:?}s share the id {id}")]
    DuplicateId { what: Entity, id: String },
    #[error("{what:?} {id} refers to a {target:?} that does not exist: {missing}")]
    Dangling {
        what: Entity,
        id: String,
        target: Entity,
        missing: String,
    },
    #[error("{count} {what:?}s; the limit is {limit}")]
    TooMany {
        what: Entity,
        count: usize,
        limit: usize,
    },
    #[error("a text of {what:?} {id} has {chars} characters; the limit is {limit}")]
    TextTooLong {
        what: Entity,
        id: String,
        chars: usize,
        limit: usize,
    },
    /// The map's classification rules do not parse (1-based line and column of the rules).
    #[error("the classification rules do not parse (line {line}, column {column})")]
    BadRules { line: u32, column: u32 },
    /// A value outside its range: an emotion outside −2..=+2, a card spanning 0 stages.
    #[error("{what:?} {id} has the value {found}, outside {min}..={max}")]
    OutOfRange {
        what: Entity,
        id: String,
        found: i64,
        min: i64,
        max: i64,
    },
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(with = "crate::domain::model::rfc3339")]
    exported: Timestamp,
    map: &'a JourneyMap,
}

/// The map as a pretty-printed file.
pub fn export_json(map: &JourneyMap, now: Timestamp) -> String {
    serde_json::to_string_pretty(&FileOut {
        format: FORMAT,
        version: VERSION,
        exported: now,
        map,
    })
    .expect("a map always serialises")
}

/// The map as a file without indentation (what a shared link carries).
pub fn export_json_compact(map: &JourneyMap, now: Timestamp) -> String {
    serde_json::to_string(&FileOut {
        format: FORMAT,
        version: VERSION,
        exported: now,
        map,
    })
    .expect("a map always serialises")
}

/// A file name for the exported map: its name, made safe, and `.journey.json`.
pub fn export_file_name(display_name: &str) -> String {
    let mut name: String = display_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    name = name.trim_matches('-').chars().take(60).collect();
    if name.is_empty() {
        name = "journey-map".into();
    }
    format!("{name}.journey.json")
}

/// Reads and fully checks a map file.
pub fn import_json(text: &str) -> Result<JourneyMap, ImportError> {
    if text.len() > limits::FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: limits::FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson {
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
        })?;
    let Some(obj) = value.as_object() else {
        return Err(ImportError::NotAMap);
    };
    if obj.get("format").and_then(|f| f.as_str()) != Some(FORMAT) || !obj.contains_key("map") {
        return Err(ImportError::NotAMap);
    }
    check_version(obj.get("version"))?;
    // Parse again from the text (not the Value) so serde errors carry line and column.
    #[derive(Deserialize)]
    struct FileIn {
        map: JourneyMap,
    }
    let file: FileIn = serde_json::from_str(text).map_err(|e| ImportError::Invalid {
        message: e.to_string(),
        line: e.line(),
        column: e.column(),
    })?;
    validate(&file.map)?;
    Ok(file.map)
}

fn check_version(v: Option<&serde_json::Value>) -> Result<(), ImportError> {
    match v.and_then(|v| v.as_u64()) {
        Some(n) if n == u64::from(VERSION) => Ok(()),
        Some(n) if n > u64::from(VERSION) => Err(ImportError::NewerVersion {
            found: n,
            supported: VERSION,
        }),
        _ => Err(ImportError::BadVersion {
            found: v.map(|v| v.to_string()).unwrap_or_else(|| "none".into()),
        }),
    }
}

/// Checks ids, references, counts and text sizes of a map.
pub fn validate(map: &JourneyMap) -> Result<(), ImportError> {
    if map.id.0.trim().is_empty() {
        return Err(ImportError::MissingId {
            what: Entity::Map,
            index: 0,
        });
    }
    check_rules(map)?;
    check_counts(map)?;
    check_name(map)?;

    let stages = unique_ids(Entity::Stage, map.stages.iter().map(|s| &s.id))?;
    let lanes = unique_ids(Entity::Lane, map.lanes.iter().map(|l| &l.id))?;
    unique_ids(Entity::Card, map.cards.iter().map(|c| &c.id))?;
    unique_ids(Entity::Persona, map.personas.iter().map(|p| &p.id))?;
    let departments = unique_ids(Entity::Department, map.departments.iter().map(|d| &d.id))?;
    let personas: HashSet<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    let assets = unique_ids(Entity::Asset, map.content.iter().map(|a| &a.id))?;

    for s in &map.stages {
        check_stage(s)?;
        for o in s.decision.iter().flat_map(|d| &d.outcomes) {
            if let Destination::Stage(t) = &o.leads_to {
                refers(Entity::Outcome, &o.id, Entity::Stage, t, &stages)?;
            }
        }
    }
    for l in &map.lanes {
        check_lane(l)?;
    }
    for c in &map.cards {
        refers(Entity::Card, &c.id, Entity::Stage, &c.stage, &stages)?;
        refers(Entity::Card, &c.id, Entity::Lane, &c.lane, &lanes)?;
        if let Some(t) = &c.touchpoint {
            if let Some(d) = &t.department {
                refers(Entity::Card, &c.id, Entity::Department, d, &departments)?;
            }
            if let Some(a) = &t.asset {
                refers(Entity::Card, &c.id, Entity::Asset, a, &assets)?;
            }
        }
        if let Some(p) = &c.persona {
            refers(Entity::Card, &c.id, Entity::Persona, p, &personas)?;
        }
        check_card(map, c)?;
    }
    for e in &map.emotions {
        let id = emotion_id(e);
        refers(Entity::Emotion, &id, Entity::Persona, &e.persona, &personas)?;
        refers(Entity::Emotion, &id, Entity::Stage, &e.stage, &stages)?;
        check_emotion(e)?;
    }
    for h in &map.handoffs {
        let id = handoff_id(h);
        refers(
            Entity::Handoff,
            &id,
            Entity::Department,
            &h.from,
            &departments,
        )?;
        refers(
            Entity::Handoff,
            &id,
            Entity::Department,
            &h.to,
            &departments,
        )?;
        check_handoff(h)?;
    }
    for a in &map.content {
        refers(Entity::Asset, &a.id, Entity::Stage, &a.stage, &stages)?;
        if let Some(p) = &a.persona {
            refers(Entity::Asset, &a.id, Entity::Persona, p, &personas)?;
        }
        check_asset(a)?;
    }
    if let Some(v) = &map.version_of {
        long_text(Entity::Map, v, v.0.chars().count())?;
    }
    for p in &map.personas {
        check_persona(p)?;
    }
    for d in &map.departments {
        check_department(d)?;
        for s in d.owns.iter().chain(&d.contributes) {
            refers(Entity::Department, &d.id, Entity::Stage, s, &stages)?;
        }
    }
    Ok(())
}

// The checks of one part of a map, apart from references (which need the whole map): shared by
// [`validate`] and by `edit::apply`, which checks what an edit touched so that every edit
// leaves a map the loader accepts.

/// How many of each thing the map has, against [`limits`].
pub fn check_counts(map: &JourneyMap) -> Result<(), ImportError> {
    use limits::*;
    too_many(Entity::Stage, map.stages.len(), STAGES)?;
    too_many(Entity::Lane, map.lanes.len(), LANES)?;
    too_many(Entity::Card, map.cards.len(), CARDS)?;
    too_many(Entity::Persona, map.personas.len(), PEOPLE)?;
    too_many(Entity::Department, map.departments.len(), PEOPLE)?;
    too_many(Entity::Asset, map.content.len(), CARDS)?;
    too_many(Entity::Emotion, map.emotions.len(), CARDS)?;
    too_many(Entity::Handoff, map.handoffs.len(), PEOPLE)
}

/// The map's name.
pub fn check_name(map: &JourneyMap) -> Result<(), ImportError> {
    long_text(Entity::Map, &map.id, map.name.max_chars())
}

/// The map's classification rules: their length, and that they parse.
pub fn check_rules(map: &JourneyMap) -> Result<(), ImportError> {
    let Some(rules) = &map.rules else {
        return Ok(());
    };
    let chars = rules.chars().count();
    if chars > limits::RULES_CHARS {
        return Err(ImportError::TextTooLong {
            what: Entity::Map,
            id: map.id.0.clone(),
            chars,
            limit: limits::RULES_CHARS,
        });
    }
    super::rules::RuleSet::parse(rules).map_err(|e| ImportError::BadRules {
        line: e.line,
        column: e.column,
    })?;
    Ok(())
}

fn present<T>(what: Entity, id: &Id<T>) -> Result<(), ImportError> {
    if id.0.trim().is_empty() {
        return Err(ImportError::MissingId { what, index: 0 });
    }
    Ok(())
}

/// A stage's texts and its decision's outcomes (their count, ids and names).
pub fn check_stage(s: &Stage) -> Result<(), ImportError> {
    present(Entity::Stage, &s.id)?;
    long_text(
        Entity::Stage,
        &s.id,
        s.name.max_chars().max(s.description.max_chars()),
    )?;
    if let Some(d) = &s.decision {
        too_many(Entity::Outcome, d.outcomes.len(), limits::OUTCOMES)?;
        long_text(Entity::Stage, &s.id, d.question.max_chars())?;
        unique_ids(Entity::Outcome, d.outcomes.iter().map(|o| &o.id))?;
        for o in &d.outcomes {
            long_text(Entity::Outcome, &o.id, o.name.max_chars())?;
        }
    }
    Ok(())
}

pub fn check_lane(l: &Lane) -> Result<(), ImportError> {
    present(Entity::Lane, &l.id)?;
    long_text(Entity::Lane, &l.id, l.name.max_chars())
}

/// A card's texts, and its span against the map's stages.
pub fn check_card(map: &JourneyMap, c: &Card) -> Result<(), ImportError> {
    present(Entity::Card, &c.id)?;
    long_text(
        Entity::Card,
        &c.id,
        c.title.max_chars().max(c.detail.chars().count()),
    )?;
    if let Some(t) = &c.touchpoint {
        long_text(
            Entity::Card,
            &c.id,
            t.channel.chars().count().max(t.content.chars().count()),
        )?;
    }
    long_text(
        Entity::Card,
        &c.id,
        c.owner.chars().count().max(c.expects.chars().count()),
    )?;
    let max = map.stages.len().max(1) as i64;
    if c.span == 0 || i64::from(c.span) > max {
        return Err(ImportError::OutOfRange {
            what: Entity::Card,
            id: c.id.0.clone(),
            found: i64::from(c.span),
            min: 1,
            max,
        });
    }
    Ok(())
}

fn emotion_id(e: &Emotion) -> Id {
    Id::new(format!("{}/{}", e.persona, e.stage))
}

pub fn check_emotion(e: &Emotion) -> Result<(), ImportError> {
    let id = emotion_id(e);
    long_text(Entity::Emotion, &id, e.note.chars().count())?;
    if !(Emotion::MIN..=Emotion::MAX).contains(&e.score) {
        return Err(ImportError::OutOfRange {
            what: Entity::Emotion,
            id: id.0,
            found: i64::from(e.score),
            min: i64::from(Emotion::MIN),
            max: i64::from(Emotion::MAX),
        });
    }
    Ok(())
}

fn handoff_id(h: &Handoff) -> Id {
    Id::new(format!("{}→{}", h.from, h.to))
}

pub fn check_handoff(h: &Handoff) -> Result<(), ImportError> {
    long_text(Entity::Handoff, &handoff_id(h), h.sla.chars().count())
}

pub fn check_asset(a: &ContentAsset) -> Result<(), ImportError> {
    present(Entity::Asset, &a.id)?;
    long_text(
        Entity::Asset,
        &a.id,
        a.title.max_chars().max(a.question.chars().count()),
    )
}

pub fn check_persona(p: &Persona) -> Result<(), ImportError> {
    present(Entity::Persona, &p.id)?;
    long_text(
        Entity::Persona,
        &p.id,
        p.name.max_chars().max(p.description.max_chars()),
    )
}

pub fn check_department(d: &Department) -> Result<(), ImportError> {
    present(Entity::Department, &d.id)?;
    long_text(Entity::Department, &d.id, d.name.max_chars())
}

fn too_many(what: Entity, count: usize, limit: usize) -> Result<(), ImportError> {
    if count > limit {
        return Err(ImportError::TooMany { what, count, limit });
    }
    Ok(())
}

fn long_text<T>(what: Entity, id: &Id<T>, chars: usize) -> Result<(), ImportError> {
    if chars > limits::TEXT_CHARS {
        return Err(ImportError::TextTooLong {
            what,
            id: id.0.clone(),
            chars,
            limit: limits::TEXT_CHARS,
        });
    }
    Ok(())
}

fn unique_ids<'a, T: 'a>(
    what: Entity,
    ids: impl Iterator<Item = &'a Id<T>>,
) -> Result<HashSet<&'a str>, ImportError> {
    let mut seen = HashSet::new();
    for (index, id) in ids.enumerate() {
        if id.0.trim().is_empty() {
            return Err(ImportError::MissingId { what, index });
        }
        if !seen.insert(id.as_str()) {
            return Err(ImportError::DuplicateId {
                what,
                id: id.0.clone(),
            });
        }
    }
    Ok(seen)
}

fn refers<T, U>(
    what: Entity,
    id: &Id<T>,
    target: Entity,
    to: &Id<U>,
    known: &HashSet<&str>,
) -> Result<(), ImportError> {
    if known.contains(to.as_str()) {
        Ok(())
    } else {
        Err(ImportError::Dangling {
            what,
            id: id.0.clone(),
            target,
            missing: to.0.clone(),
        })
    }
}

/// How a map is kept in browser storage: the map plus what two tabs need to not overwrite each other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Schema version of `map` (same numbering as the file format).
    pub schema: u32,
    /// Counts saves of this map across all tabs; a save expects the revision it last saw.
    pub rev: u64,
    /// The tab that wrote it.
    pub writer: String,
    #[serde(with = "crate::domain::model::rfc3339")]
    pub saved_at: Timestamp,
    pub map: JourneyMap,
}

/// Why a stored entry cannot be opened. The entry is then kept as it is and offered for recovery.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoredError {
    #[error("the saved map cannot be read: {0}")]
    Corrupt(String),
    #[error("the saved map was written by a newer version (schema {0})")]
    Newer(u64),
}

impl Envelope {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("an envelope always serialises")
    }

    /// Reads a stored entry; never guesses or fills defaults for a damaged one.
    pub fn decode(raw: &str) -> Result<Envelope, StoredError> {
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| StoredError::Corrupt(e.to_string()))?;
        match value.get("schema").and_then(|s| s.as_u64()) {
            Some(n) if n > u64::from(VERSION) => return Err(StoredError::Newer(n)),
            Some(n) if n == u64::from(VERSION) => {}
            _ => return Err(StoredError::Corrupt("no schema version".into())),
        }
        // From the text again, not from the Value: the map is then deserialised by one serde
        // path only (the same as `import_json`), which keeps a second copy of every model type's
        // deserialiser out of the wasm.
        let env: Envelope =
            serde_json::from_str(raw).map_err(|e| StoredError::Corrupt(e.to_string()))?;
        validate(&env.map).map_err(|e| StoredError::Corrupt(e.to_string()))?;
        Ok(env)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Card, CardKind, SourceModel, Stage};
    use crate::domain::text::Text;

    fn map() -> JourneyMap {
        let mut m = JourneyMap::new(
            Text::from("Demo"),
            SourceModel::Blank,
            Timestamp::UNIX_EPOCH,
        );
        m.stages.push(Stage {
            id: Id::from("s1"),
            name: Text::builtin("One", "하나", "Один"),
            description: Text::default(),
            decision: None,
        });
        let lane = m.lane_for(CardKind::Touchpoint).unwrap().clone();
        m.cards.push(Card::new(Id::from("s1"), &lane, "Web site"));
        m
    }

    fn file_with(f: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value =
            serde_json::from_str(&export_json(&map(), Timestamp::UNIX_EPOCH)).unwrap();
        f(&mut v);
        v.to_string()
    }

    #[test]
    fn round_trip_is_identical() {
        let m = map();
        let text = export_json(&m, Timestamp::UNIX_EPOCH);
        assert!(text.contains("\"format\": \"journey-mapper/map\""));
        assert_eq!(import_json(&text).unwrap(), m);
        // A byte-order mark from a Windows editor is accepted.
        assert_eq!(import_json(&format!("\u{feff}{text}")).unwrap(), m);
    }

    #[test]
    fn rejects_text_that_is_not_json_with_its_position() {
        match import_json("{\"format\": \n oops}") {
            Err(ImportError::NotJson { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejects_other_json() {
        assert_eq!(import_json("[1,2]"), Err(ImportError::NotAMap));
        assert_eq!(
            import_json(r#"{"format":"other","version":1,"map":{}}"#),
            Err(ImportError::NotAMap)
        );
    }

    #[test]
    fn rejects_future_and_bad_versions() {
        let t = file_with(|v| v["version"] = 7.into());
        assert_eq!(
            import_json(&t),
            Err(ImportError::NewerVersion {
                found: 7,
                supported: 1
            })
        );
        let t = file_with(|v| v["version"] = "one".into());
        assert!(matches!(
            import_json(&t),
            Err(ImportError::BadVersion { .. })
        ));
    }

    #[test]
    fn rejects_a_missing_field_with_its_name() {
        let t = file_with(|v| {
            v["map"]["stages"][0].as_object_mut().unwrap().remove("id");
        });
        match import_json(&t) {
            Err(ImportError::Invalid { message, .. }) => assert!(message.contains("`id`")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rejects_empty_and_duplicate_ids() {
        let t = file_with(|v| v["map"]["stages"][0]["id"] = "".into());
        assert_eq!(
            import_json(&t),
            Err(ImportError::MissingId {
                what: Entity::Stage,
                index: 0
            })
        );
        let t = file_with(|v| {
            let lane = v["map"]["lanes"][0].clone();
            v["map"]["lanes"].as_array_mut().unwrap().push(lane);
        });
        assert_eq!(
            import_json(&t),
            Err(ImportError::DuplicateId {
                what: Entity::Lane,
                id: "touchpoint".into()
            })
        );
    }

    #[test]
    fn rejects_dangling_references() {
        let t = file_with(|v| v["map"]["cards"][0]["stage"] = "ghost".into());
        assert!(matches!(
            import_json(&t),
            Err(ImportError::Dangling { what: Entity::Card, target: Entity::Stage, missing, .. }) if missing == "ghost"
        ));
        let t = file_with(|v| {
            v["map"]["stages"][0]["decision"] = serde_json::json!({
                "question": "q",
                "outcomes": [{"id": "o", "name": "o", "leads_to": {"kind": "stage", "stage": "nope"}}]
            })
        });
        assert!(matches!(
            import_json(&t),
            Err(ImportError::Dangling {
                what: Entity::Outcome,
                ..
            })
        ));
    }

    #[test]
    fn rejects_absurd_sizes() {
        let big = "x".repeat(limits::FILE_BYTES + 1);
        assert!(matches!(
            import_json(&big),
            Err(ImportError::TooLarge { .. })
        ));
        let t = file_with(|v| v["map"]["stages"][0]["name"] = "y".repeat(10_001).into());
        assert!(matches!(
            import_json(&t),
            Err(ImportError::TextTooLong {
                what: Entity::Stage,
                chars: 10_001,
                ..
            })
        ));
        let t = file_with(|v| {
            let stage = v["map"]["stages"][0].clone();
            let stages: Vec<_> = (0..=limits::STAGES)
                .map(|i| {
                    let mut s = stage.clone();
                    s["id"] = format!("s{i}").into();
                    s
                })
                .collect();
            v["map"]["stages"] = stages.into();
            v["map"]["cards"] = serde_json::json!([]);
        });
        assert!(matches!(
            import_json(&t),
            Err(ImportError::TooMany {
                what: Entity::Stage,
                ..
            })
        ));
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            export_file_name("Q3 plan: EU/US"),
            "Q3-plan--EU-US.journey.json"
        );
        assert_eq!(export_file_name("///"), "journey-map.journey.json");
        assert_eq!(
            export_file_name("Путь клиента"),
            "Путь-клиента.journey.json"
        );
    }

    #[test]
    fn envelope_round_trip_and_rejections() {
        let env = Envelope {
            schema: VERSION,
            rev: 3,
            writer: "tab-a".into(),
            saved_at: Timestamp::UNIX_EPOCH,
            map: map(),
        };
        assert_eq!(Envelope::decode(&env.encode()).unwrap(), env);
        assert!(matches!(
            Envelope::decode("{not json"),
            Err(StoredError::Corrupt(_))
        ));
        let newer = env.encode().replacen("\"schema\":1", "\"schema\":2", 1);
        assert_eq!(Envelope::decode(&newer), Err(StoredError::Newer(2)));
        let truncated = &env.encode()[..40];
        assert!(matches!(
            Envelope::decode(truncated),
            Err(StoredError::Corrupt(_))
        ));
    }

    #[test]
    fn rules_that_do_not_parse_are_rejected_with_their_place() {
        let mut map = crate::domain::template::build(SourceModel::Hinge, Timestamp::UNIX_EPOCH);
        map.rules = Some("warm at 10\nstage x when".into());
        let text = export_json(&map, Timestamp::UNIX_EPOCH);
        assert_eq!(
            import_json(&text),
            Err(ImportError::BadRules {
                line: 2,
                column: 13
            })
        );
        map.rules = Some("warm at 10".into());
        let text = export_json(&map, Timestamp::UNIX_EPOCH);
        assert_eq!(
            import_json(&text).unwrap().rules.as_deref(),
            Some("warm at 10")
        );
    }

    #[test]
    fn checks_the_canvas_references_and_ranges() {
        let with_persona = |v: &mut serde_json::Value| {
            v["map"]["personas"] = serde_json::json!([{"id": "cfo", "name": "CFO"}]);
        };
        // A file with every new part, well formed, is read back as it was written.
        let t = file_with(|v| {
            with_persona(v);
            v["map"]["emotions"] =
                serde_json::json!([{"persona": "cfo", "stage": "s1", "score": -2}]);
            v["map"]["content"] = serde_json::json!([{"id": "a1", "title": "Case", "kind": "case_study", "stage": "s1", "persona": "cfo"}]);
            v["map"]["cards"][0]["persona"] = "cfo".into();
            v["map"]["cards"][0]["evidence"] = "observed".into();
            v["map"]["cards"][0]["touchpoint"]["asset"] = "a1".into();
        });
        let m = import_json(&t).unwrap();
        assert_eq!(m.emotions[0].score, -2);
        assert_eq!(
            m.cards[0].evidence,
            crate::domain::model::Evidence::Observed
        );
        assert_eq!(
            import_json(&export_json(&m, Timestamp::UNIX_EPOCH)).unwrap(),
            m
        );

        let t = file_with(|v| {
            with_persona(v);
            v["map"]["emotions"] =
                serde_json::json!([{"persona": "cfo", "stage": "s1", "score": 5}]);
        });
        assert!(matches!(
            import_json(&t),
            Err(ImportError::OutOfRange {
                what: Entity::Emotion,
                found: 5,
                min: -2,
                max: 2,
                ..
            })
        ));
        let t = file_with(|v| {
            v["map"]["emotions"] =
                serde_json::json!([{"persona": "ghost", "stage": "s1", "score": 1}]);
        });
        assert!(matches!(
            import_json(&t),
            Err(ImportError::Dangling {
                what: Entity::Emotion,
                target: Entity::Persona,
                ..
            })
        ));
        let t = file_with(|v| {
            v["map"]["content"] = serde_json::json!([{"id": "a1", "title": "x", "kind": "video", "stage": "nowhere"}]);
        });
        assert!(matches!(
            import_json(&t),
            Err(ImportError::Dangling { what: Entity::Asset, target: Entity::Stage, missing, .. }) if missing == "nowhere"
        ));
        let t = file_with(|v| v["map"]["cards"][0]["span"] = 0.into());
        assert!(matches!(
            import_json(&t),
            Err(ImportError::OutOfRange {
                what: Entity::Card,
                found: 0,
                ..
            })
        ));
        let t = file_with(|v| v["map"]["cards"][0]["touchpoint"]["asset"] = "none".into());
        assert!(matches!(
            import_json(&t),
            Err(ImportError::Dangling {
                what: Entity::Card,
                target: Entity::Asset,
                ..
            })
        ));
        let t = file_with(|v| {
            v["map"]["departments"] = serde_json::json!([{"id": "m", "name": "M"}]);
            v["map"]["handoffs"] = serde_json::json!([{"from": "m", "to": "x", "sla": "1 day"}]);
        });
        assert!(matches!(
            import_json(&t),
            Err(ImportError::Dangling {
                what: Entity::Handoff,
                target: Entity::Department,
                ..
            })
        ));
    }
}
