//! Arbitrary bytes as a map file (`document::import_json`) and as a stored entry
//! (`Envelope::decode`). Neither may panic, and whatever either accepts must round-trip:
//!
//! * an imported map exports (pretty and compact) to files that import to the same map, and the
//!   export of the re-imported map is the same text; `validate` accepts it; wrapped in an
//!   envelope it encodes and decodes to the same envelope;
//! * a decoded envelope encodes to text that decodes to the same envelope and encodes the same
//!   again, and its map is also a file the importer accepts (storage and files agree);
//! * a byte-order mark in front of an accepted file changes nothing.

#![no_main]

use jiff::Timestamp;
use journey_mapper::domain::document::{
    export_json, export_json_compact, import_json, validate, ImportError, VERSION,
};
use journey_mapper::domain::{Envelope, JourneyMap};
use libfuzzer_sys::fuzz_target;

fn now() -> Timestamp {
    Timestamp::from_second(1_700_000_000).unwrap()
}

/// The map goes out as a file and comes back the same.
fn file_round_trip(map: &JourneyMap) {
    assert_eq!(validate(map), Ok(()), "an accepted map validates");
    let pretty = export_json(map, now());
    let back = import_json(&pretty)
        .unwrap_or_else(|e| panic!("an exported map imports again: {e:?}\n{pretty}"));
    assert_eq!(&back, map, "pretty export round trip");
    assert_eq!(export_json(&back, now()), pretty, "export is stable");
    let compact = export_json_compact(map, now());
    let back = import_json(&compact)
        .unwrap_or_else(|e| panic!("a compact export imports again: {e:?}\n{compact}"));
    assert_eq!(&back, map, "compact export round trip");
}

fn envelope_round_trip(env: &Envelope) {
    let encoded = env.encode();
    let again = Envelope::decode(&encoded)
        .unwrap_or_else(|e| panic!("an encoded envelope decodes: {e:?}\n{encoded}"));
    assert_eq!(&again, env, "envelope round trip");
    assert_eq!(again.encode(), encoded, "envelope encoding is stable");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };

    match import_json(text) {
        Ok(map) => {
            file_round_trip(&map);
            if !text.starts_with('\u{feff}') {
                assert_eq!(
                    import_json(&format!("\u{feff}{text}")).as_ref(),
                    Ok(&map),
                    "a BOM changes nothing"
                );
            }
            envelope_round_trip(&Envelope {
                schema: VERSION,
                rev: u64::from(data.len() as u32),
                writer: "fuzz".into(),
                saved_at: now(),
                map,
            });
        }
        Err(ImportError::TooLarge { bytes, limit }) => {
            assert_eq!(bytes, text.len());
            assert!(bytes > limit);
        }
        Err(_) => {}
    }

    if let Ok(env) = Envelope::decode(text) {
        assert_eq!(u64::from(env.schema), u64::from(VERSION));
        envelope_round_trip(&env);
        file_round_trip(&env.map);
    }
});
