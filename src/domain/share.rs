//! Sharing a map: the link that carries the map in its fragment, and the embed code of an iframe.
//!
//! A shared link is the app's address with `#share=<base64url(deflate-raw(map file JSON))>`. The
//! browser does the deflate (`CompressionStream`); everything else is here: the map file text
//! that goes in, base64url (RFC 4648 §5, no padding), the size limit, reading the fragment back,
//! and checking the map with the file import's checks ([`super::document::import_json`]), so a
//! bad link fails with the same messages as a bad file.
//!
//! base64url is a small function of its own rather than the `base64` crate: it is 40 lines with
//! tests, and the crate would add a dependency (and bytes to the first load) for those 40 lines.
//!
//! The fragment never reaches the server (browsers do not send it), so server limits on the
//! length of a request line (nginx 8 KB, IIS 16 KB) do not apply, and browsers take far longer
//! addresses (Chromium up to 2 MB). What a link must survive is being pasted into mail or chat;
//! so a link carries at most [`MAX_COMPRESSED_BYTES`] of compressed map, which is
//! [`MAX_PAYLOAD_CHARS`] characters of fragment. A bigger map is shared as a file.

use jiff::Timestamp;
use thiserror::Error;

use super::document::{export_json_compact, import_json, ImportError};
use super::model::{Id, JourneyMap};

/// The name of the fragment parameter: `#share=…`.
pub const KEY: &str = "share";
/// The most compressed bytes a link carries (48 KiB).
pub const MAX_COMPRESSED_BYTES: usize = 48 * 1024;
/// The longest fragment payload: [`MAX_COMPRESSED_BYTES`] in base64url (64 Ki characters).
pub const MAX_PAYLOAD_CHARS: usize = MAX_COMPRESSED_BYTES / 3 * 4;

/// Why a map cannot be shared as a link, or why a link cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ShareError {
    /// `#share=` with nothing after it.
    #[error("the link carries no map")]
    Empty,
    /// The map, compressed, is too big for a link (sharing: use the file).
    #[error("the map is {bytes} bytes compressed; a link carries at most {limit}")]
    TooBig { bytes: usize, limit: usize },
    /// The fragment is longer than any link this app makes.
    #[error("the link is {chars} characters long; a shared link has at most {limit}")]
    TooLong { chars: usize, limit: usize },
    /// A character that base64url does not use, or a length no base64url text has (cut short).
    #[error("the link is damaged at character {at}")]
    NotBase64 { at: usize },
    /// The bytes do not decompress (cut short or changed), or are not UTF-8 text.
    #[error("the link is incomplete or damaged")]
    Damaged,
    /// The text is not a valid map file.
    #[error(transparent)]
    Map(#[from] ImportError),
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // 2, 3 or 4 characters for 1, 2 or 3 bytes.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    }))
}

/// Reads base64url without padding. A text whose length leaves one character over (4n + 1)
/// cannot come from any bytes: it was cut, and is reported at its last character.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let raw = text.as_bytes();
    if raw.len() % 4 == 1 {
        return Err(ShareError::NotBase64 { at: raw.len() });
    }
    let mut out = Vec::with_capacity(raw.len() / 4 * 3 + 2);
    for (c, chunk) in raw.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &ch) in chunk.iter().enumerate() {
            let v = sextet(ch).ok_or(ShareError::NotBase64 { at: c * 4 + i + 1 })?;
            n |= v << (18 - 6 * i);
        }
        // 4 characters give 3 bytes, 3 give 2, 2 give 1.
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

/// The map file text that a link carries: the export format, without indentation.
pub fn map_text(map: &JourneyMap, now: Timestamp) -> String {
    export_json_compact(map, now)
}

/// The fragment (`#share=…`) for a map's compressed file text, or [`ShareError::TooBig`].
pub fn fragment(compressed: &[u8]) -> Result<String, ShareError> {
    if compressed.len() > MAX_COMPRESSED_BYTES {
        return Err(ShareError::TooBig {
            bytes: compressed.len(),
            limit: MAX_COMPRESSED_BYTES,
        });
    }
    Ok(format!("#{KEY}={}", base64url_encode(compressed)))
}

/// The payload of `#share=…` in a location hash (`#a=1&share=…` works too), if there is one.
pub fn payload(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|part| part.strip_prefix(KEY)?.strip_prefix('='))
}

/// The compressed bytes a shared link's payload carries.
pub fn compressed_of(payload: &str) -> Result<Vec<u8>, ShareError> {
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong {
            chars: payload.len(),
            limit: MAX_PAYLOAD_CHARS,
        });
    }
    base64url_decode(payload)
}

/// The map in the decompressed bytes of a link, checked as an imported file is.
pub fn read_map(decompressed: &[u8]) -> Result<JourneyMap, ShareError> {
    let text = std::str::from_utf8(decompressed).map_err(|_| ShareError::Damaged)?;
    Ok(import_json(text)?)
}

/// How a map is embedded: `&embed=view` (read-only) or `&embed=edit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedMode {
    View,
    Edit,
}

impl EmbedMode {
    /// The mode named by the `embed` query value; any other value is read-only, so a mistyped
    /// parameter never makes a map editable.
    pub fn from_query(value: Option<&str>) -> Option<Self> {
        match value? {
            "edit" => Some(EmbedMode::Edit),
            _ => Some(EmbedMode::View),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            EmbedMode::View => "view",
            EmbedMode::Edit => "edit",
        }
    }
}

/// Percent-encodes a query value (everything but RFC 3986's unreserved characters).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The address of a map embedded in `mode`, from the app's address `base` (no query or hash).
pub fn embed_url(base: &str, map: &Id, mode: EmbedMode) -> String {
    format!(
        "{base}?map={}&embed={}",
        encode_component(map.as_str()),
        mode.slug()
    )
}

/// The address of a shared link's map embedded read-only (for a page on another site, whose
/// frame has storage of its own): `base?embed=view#share=…`.
pub fn shared_embed_url(base: &str, fragment: &str) -> String {
    format!("{base}?embed=view{fragment}")
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The HTML of an iframe showing `src`, titled `title` (its accessible name).
pub fn embed_code(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"600\" style=\"border: 0\"></iframe>",
        escape_attr(src),
        escape_attr(title)
    )
}

/// The query string (with its `?`, or empty) without the `embed` and `tabs` parameters: the
/// address of the full app at the same map and view.
pub fn without_embed(search: &str) -> String {
    let kept: Vec<&str> = params(search)
        .filter(|p| {
            let name = param_name(p);
            name != "embed" && name != "tabs"
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The `name=value` parts of a query string (`?a=1&b` → `a=1`, `b`).
fn params(search: &str) -> impl Iterator<Item = &str> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|p| !p.is_empty())
}

fn param_name(part: &str) -> &str {
    part.split('=').next().unwrap_or("")
}

/// Whether an address (its `?query` and `#hash`) opens the plain app: not embedded and not a
/// shared link. Only such a first visit gets the demo map (an embed or a link writes nothing).
pub fn opens_plain_app(search: &str, hash: &str) -> bool {
    !params(search).any(|p| param_name(p) == "embed") && payload(hash).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{template, SourceModel, Text};

    #[test]
    fn plain_app_is_neither_embedded_nor_a_shared_link() {
        assert!(opens_plain_app("", ""));
        assert!(opens_plain_app("?map=a&view=data", "#top"));
        assert!(opens_plain_app("?embedded=1", ""));
        assert!(!opens_plain_app("?map=a&embed=view", ""));
        assert!(!opens_plain_app("?embed", ""));
        assert!(!opens_plain_app("", "#share=abc"));
        assert!(!opens_plain_app("?embed=view", "#x=1&share=abc"));
    }

    #[test]
    fn base64url_of_rfc_4648_vectors_without_padding() {
        // RFC 4648 §10, "foobar" prefixes, with the padding left off.
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn base64url_uses_minus_and_underscore() {
        // 0xfb 0xff: 111110 111111 1111(00) → 62, 63, 60 → "-_8".
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
    }

    #[test]
    fn korean_text_round_trips() {
        // "여정" is EC 97 AC EC A0 95 in UTF-8.
        let text = "여정 지도";
        let coded = base64url_encode(text.as_bytes());
        assert_eq!(&coded[..8], "7Jes7KCV");
        let back = base64url_decode(&coded).unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), text);
    }

    #[test]
    fn every_byte_value_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        let coded = base64url_encode(&bytes);
        assert_eq!(coded.len(), 342); // 256 bytes: 85 groups of 4 + 2 characters
        assert_eq!(base64url_decode(&coded).unwrap(), bytes);
    }

    #[test]
    fn damaged_base64_names_where() {
        assert_eq!(
            base64url_decode("Zm9v+mFy"),
            Err(ShareError::NotBase64 { at: 5 })
        );
        assert_eq!(
            base64url_decode("Zm9v="),
            Err(ShareError::NotBase64 { at: 5 })
        );
        // 4n + 1 characters: cut short.
        assert_eq!(
            base64url_decode("Zm9vY"),
            Err(ShareError::NotBase64 { at: 5 })
        );
    }

    #[test]
    fn payload_is_found_in_the_hash() {
        assert_eq!(payload("#share=abc"), Some("abc"));
        assert_eq!(payload("#x=1&share=abc"), Some("abc"));
        assert_eq!(payload("#share="), Some(""));
        assert_eq!(payload("#shared=abc"), None);
        assert_eq!(payload("#main"), None);
        assert_eq!(payload(""), None);
    }

    #[test]
    fn fragment_refuses_what_is_too_big() {
        assert_eq!(fragment(&[0xfb, 0xff]).unwrap(), "#share=-_8");
        let big = vec![0u8; MAX_COMPRESSED_BYTES + 1];
        assert_eq!(
            fragment(&big),
            Err(ShareError::TooBig {
                bytes: 49_153,
                limit: 49_152
            })
        );
        // The largest link's payload is exactly the longest one that is read back.
        let largest = fragment(&vec![7u8; MAX_COMPRESSED_BYTES]).unwrap();
        assert_eq!(largest.len() - "#share=".len(), 65_536);
        assert_eq!(MAX_PAYLOAD_CHARS, 65_536);
    }

    #[test]
    fn compressed_of_checks_before_decoding() {
        assert_eq!(compressed_of(""), Err(ShareError::Empty));
        let long = "A".repeat(MAX_PAYLOAD_CHARS + 4);
        assert_eq!(
            compressed_of(&long),
            Err(ShareError::TooLong {
                chars: 65_540,
                limit: 65_536
            })
        );
        assert_eq!(compressed_of("Zm9v").unwrap(), b"foo");
    }

    #[test]
    fn a_map_round_trips_through_its_text_with_korean_names() {
        let now = Timestamp::from_second(1_700_000_000).unwrap();
        let mut map = template::build(SourceModel::Hinge, now);
        map.name = Text::User("고객 여정 — 온보딩".into());
        let text = map_text(&map, now);
        assert!(!text.contains('\n'), "no indentation in a link");
        // The text as it goes into (and comes out of) the compressor, then base64url.
        let coded = base64url_encode(text.as_bytes());
        let back = base64url_decode(&coded).unwrap();
        let read = read_map(&back).unwrap();
        assert_eq!(read, map);
        assert_eq!(read.name.get(crate::domain::Lang::Ko), "고객 여정 — 온보딩");
    }

    #[test]
    fn a_link_that_is_not_a_map_fails_with_the_file_message() {
        assert_eq!(
            read_map(br#"{"hello": 1}"#),
            Err(ShareError::Map(ImportError::NotAMap))
        );
        assert_eq!(read_map(&[0xff, 0xfe]), Err(ShareError::Damaged));
        assert!(matches!(
            read_map(b"{\"format\": \"journey-mapper/map\""),
            Err(ShareError::Map(ImportError::NotJson { .. }))
        ));
    }

    #[test]
    fn embed_addresses_and_code() {
        let id = Id::from("a b&c");
        assert_eq!(
            embed_url("https://intra.example/jm/", &id, EmbedMode::View),
            "https://intra.example/jm/?map=a%20b%26c&embed=view"
        );
        assert_eq!(
            embed_code("https://x/?map=1&embed=edit", "Q3 \"onboarding\" <draft>"),
            "<iframe src=\"https://x/?map=1&amp;embed=edit\" title=\"Q3 &quot;onboarding&quot; &lt;draft&gt;\" \
             width=\"100%\" height=\"600\" style=\"border: 0\"></iframe>"
        );
        assert_eq!(encode_component("여"), "%EC%97%AC");
        assert_eq!(
            shared_embed_url("https://x/jm/", "#share=Zm9v"),
            "https://x/jm/?embed=view#share=Zm9v"
        );
    }

    #[test]
    fn embed_mode_from_the_query() {
        assert_eq!(EmbedMode::from_query(None), None);
        assert_eq!(EmbedMode::from_query(Some("edit")), Some(EmbedMode::Edit));
        assert_eq!(EmbedMode::from_query(Some("view")), Some(EmbedMode::View));
        assert_eq!(EmbedMode::from_query(Some("")), Some(EmbedMode::View));
        assert_eq!(EmbedMode::from_query(Some("EDIT")), Some(EmbedMode::View));
    }

    #[test]
    fn the_full_app_keeps_map_and_view() {
        assert_eq!(
            without_embed("?map=m1&embed=view&view=diagram"),
            "?map=m1&view=diagram"
        );
        assert_eq!(without_embed("?embed=view&tabs=1"), "");
        assert_eq!(without_embed(""), "");
        assert_eq!(without_embed("?embedded=1"), "?embedded=1");
    }
}
