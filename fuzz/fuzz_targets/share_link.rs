//! Arbitrary bytes through everything that reads a shared link (`domain::share`):
//!
//! * as a location hash: `payload` → `compressed_of` (→ `base64url_decode`). Accepted payloads
//!   respect the link limits, decode to 3/4 of their length, re-encode to a payload of the same
//!   length that decodes to the same bytes, and fit in a `fragment` whose payload is that text;
//!   every refusal is the right one (`Empty` only for an empty payload, `TooLong` only past the
//!   limit, `NotBase64 { at }` pointing at the first character base64url does not use, or at the
//!   end of a text cut to 4n + 1 characters). A hash without `share=` opens the plain app.
//! * as the decompressed text of a link: `read_map` agrees with the file importer
//!   (`document::import_json`) on every input (same map, same error; `Damaged` exactly when
//!   the bytes are not UTF-8), and a map it reads goes out as `map_text` (one line) and through
//!   `fragment` → `payload` → `compressed_of` → `read_map` back to the same map (the deflate in
//!   between is the browser's and is left out).
//! * as raw bytes: `base64url_encode` gives ⌈4n/3⌉ characters of the URL-safe alphabet that
//!   decode to the same bytes.
//! * as a query string: `without_embed` removes `embed` and `tabs` and is idempotent;
//!   `encode_component` leaves only unreserved characters and `%XX`, and decodes back.

#![no_main]

use jiff::Timestamp;
use journey_mapper::domain::document::import_json;
use journey_mapper::domain::share::{
    base64url_decode, base64url_encode, compressed_of, encode_component, fragment, map_text,
    opens_plain_app, payload, read_map, without_embed, ShareError, MAX_COMPRESSED_BYTES,
    MAX_PAYLOAD_CHARS,
};
use libfuzzer_sys::fuzz_target;

fn is_b64(b: &u8) -> bool {
    b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'
}

/// `bytes` as the decompressed text of a link.
fn check_read_map(bytes: &[u8]) {
    let read = read_map(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        assert_eq!(read, Err(ShareError::Damaged), "not UTF-8 is Damaged");
        return;
    };
    match (read, import_json(text)) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "a link reads like a file");
            let now = Timestamp::from_second(1_700_000_000).unwrap();
            let out = map_text(&a, now);
            assert!(!out.contains('\n'), "a link's text has no line breaks");
            let back = read_map(out.as_bytes())
                .unwrap_or_else(|e| panic!("map_text reads back: {e:?}\n{out}"));
            assert_eq!(back, a, "map_text round trip");
            if out.len() <= MAX_COMPRESSED_BYTES {
                let frag = fragment(out.as_bytes()).expect("within the link limit");
                let p = payload(&frag).expect("a fragment has a payload");
                let carried = compressed_of(p).expect("a fragment's payload decodes");
                assert_eq!(carried, out.as_bytes());
                assert_eq!(read_map(&carried).as_ref(), Ok(&a), "link round trip");
            }
        }
        (Err(ShareError::Map(e)), Err(f)) => assert_eq!(e, f, "same error as a file"),
        (r, i) => panic!("read_map {r:?} but import_json {i:?}"),
    }
}

/// `hash` as a location hash.
fn check_hash(hash: &str) {
    let Some(p) = payload(hash) else {
        assert!(
            hash.strip_prefix('#')
                .unwrap_or(hash)
                .split('&')
                .all(|part| !part.starts_with("share=")),
            "a share= parameter is found"
        );
        assert!(opens_plain_app("", hash));
        return;
    };
    assert!(!opens_plain_app("", hash), "a shared link is not the plain app");
    assert!(!p.contains('&'));
    match compressed_of(p) {
        Ok(bytes) => {
            assert!(!p.is_empty() && p.len() <= MAX_PAYLOAD_CHARS);
            assert!(p.bytes().all(|b| is_b64(&b)));
            assert_ne!(p.len() % 4, 1);
            assert_eq!(bytes.len(), p.len() * 3 / 4);
            assert!(bytes.len() <= MAX_COMPRESSED_BYTES);
            let canon = base64url_encode(&bytes);
            assert_eq!(canon.len(), p.len());
            assert_eq!(base64url_decode(&canon).as_ref(), Ok(&bytes));
            let frag = fragment(&bytes).expect("what a link carries fits in a link");
            assert_eq!(payload(&frag), Some(canon.as_str()));
            check_read_map(&bytes);
        }
        Err(ShareError::Empty) => assert!(p.is_empty()),
        Err(ShareError::TooLong { chars, limit }) => {
            assert_eq!(chars, p.len());
            assert_eq!(limit, MAX_PAYLOAD_CHARS);
            assert!(chars > limit);
        }
        Err(ShareError::NotBase64 { at }) => {
            let raw = p.as_bytes();
            assert!(!raw.is_empty() && p.len() <= MAX_PAYLOAD_CHARS);
            if raw.len() % 4 == 1 {
                assert_eq!(at, raw.len());
            } else {
                assert!((1..=raw.len()).contains(&at), "at {at} of {}", raw.len());
                assert!(!is_b64(&raw[at - 1]), "{at} is a base64url character");
                assert!(raw[..at - 1].iter().all(is_b64), "an earlier bad character");
            }
        }
        Err(e) => panic!("compressed_of: {e:?}"),
    }
}

/// `search` as a query string.
fn check_query(search: &str) {
    let kept = without_embed(search);
    assert_eq!(without_embed(&kept), kept, "without_embed is idempotent");
    assert!(opens_plain_app(&kept, ""), "no embed parameter is left");
    assert!(kept.is_empty() || kept.starts_with('?'));
    let coded = encode_component(search);
    assert!(coded
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
    let raw = coded.as_bytes();
    let mut decoded = Vec::with_capacity(search.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' {
            let hex = std::str::from_utf8(&raw[i + 1..i + 3]).unwrap();
            assert_eq!(hex, hex.to_ascii_uppercase());
            decoded.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            decoded.push(raw[i]);
            i += 1;
        }
    }
    assert_eq!(decoded, search.as_bytes(), "percent-encoding round trip");
}

fuzz_target!(|data: &[u8]| {
    let coded = base64url_encode(data);
    assert_eq!(coded.len(), (data.len() * 4).div_ceil(3));
    assert!(coded.bytes().all(|b| is_b64(&b)));
    assert_eq!(base64url_decode(&coded).as_deref(), Ok(data));

    if let Ok(text) = std::str::from_utf8(data) {
        check_hash(text);
        check_query(text);
    }
    check_read_map(data);
});
