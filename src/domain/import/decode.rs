//! Decoding a file chunk by chunk into UTF-8.
//!
//! A [`ChunkDecoder`] turns the bytes of one chunk into UTF-8 and keeps the bytes of a
//! character cut at the end of the chunk for the next call, so a character split between
//! two chunks is put back together. Bad bytes become U+FFFD, as the WHATWG Encoding
//! Standard says (the same output as `encoding_rs` and the browser's `TextDecoder`).
//!
//! * UTF-8 and UTF-16LE/BE are decoded here, with `std` only, on every platform; their
//!   byte-order mark is dropped when the text starts with one.
//! * Windows-1251, EUC-KR (as CP949) and Windows-1252 need tables. [`legacy_decoder`] is
//!   the one place that picks them: `encoding_rs` natively, the browser's `TextDecoder`
//!   in the wasm build (`crate::platform::text_decoder`, outside the domain), so the wasm
//!   file carries no decode tables.

pub use super::encoding::ChunkDecoder;
use super::encoding::TextEncoding;

/// A streaming decoder for `encoding` that drops a leading byte-order mark (UTF-8 and
/// UTF-16 only; the other encodings have none).
pub fn decoder(encoding: TextEncoding) -> Box<dyn ChunkDecoder> {
    match encoding {
        TextEncoding::Utf8 => Box::new(Utf8Decoder::default()),
        TextEncoding::Utf16Le => Box::new(Utf16Decoder::new(false)),
        TextEncoding::Utf16Be => Box::new(Utf16Decoder::new(true)),
        TextEncoding::Windows1251 | TextEncoding::EucKr | TextEncoding::Windows1252 => {
            legacy_decoder(encoding)
        }
    }
}

/// The decoder of an encoding that needs tables: the browser's `TextDecoder`.
#[cfg(target_arch = "wasm32")]
pub fn legacy_decoder(encoding: TextEncoding) -> Box<dyn ChunkDecoder> {
    crate::platform::text_decoder::new(encoding)
}

/// The decoder of an encoding that needs tables: `encoding_rs`.
#[cfg(not(target_arch = "wasm32"))]
pub fn legacy_decoder(encoding: TextEncoding) -> Box<dyn ChunkDecoder> {
    let e = match encoding {
        TextEncoding::Windows1251 => encoding_rs::WINDOWS_1251,
        TextEncoding::EucKr => encoding_rs::EUC_KR,
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
        TextEncoding::Utf8 => encoding_rs::UTF_8,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
    };
    Box::new(EncodingRsDecoder(e.new_decoder_with_bom_removal()))
}

#[cfg(not(target_arch = "wasm32"))]
struct EncodingRsDecoder(encoding_rs::Decoder);

#[cfg(not(target_arch = "wasm32"))]
impl ChunkDecoder for EncodingRsDecoder {
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let start = out.len();
        let need = self
            .0
            .max_utf8_buffer_length(bytes.len())
            .unwrap_or(bytes.len().saturating_mul(3).saturating_add(16));
        out.resize(start + need, 0);
        let (_, _, written, _) = self.0.decode_to_utf8(bytes, &mut out[start..], last);
        out.truncate(start + written);
    }
}

const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
const BOM: &[u8] = "\u{FEFF}".as_bytes();

/// Drops U+FEFF when it is the first character decoded.
#[derive(Debug)]
struct DropBom {
    at_start: bool,
}

impl Default for DropBom {
    fn default() -> DropBom {
        DropBom { at_start: true }
    }
}

impl DropBom {
    /// `out[from..]` is what was just decoded.
    fn apply(&mut self, out: &mut Vec<u8>, from: usize) {
        if self.at_start && out.len() > from {
            self.at_start = false;
            if out[from..].starts_with(BOM) {
                out.drain(from..from + BOM.len());
            }
        }
    }
}

/// UTF-8, lossy: each maximal bad subsequence becomes one U+FFFD.
#[derive(Debug, Default)]
pub struct Utf8Decoder {
    /// The start of a character cut at the end of the last chunk (at most 3 bytes).
    pending: Vec<u8>,
    bom: DropBom,
}

impl ChunkDecoder for Utf8Decoder {
    fn decode(&mut self, mut bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let from = out.len();
        // First finish the character cut at the end of the last chunk, byte by byte.
        while !self.pending.is_empty() {
            let Some((&b, rest)) = bytes.split_first() else {
                break;
            };
            self.pending.push(b);
            match std::str::from_utf8(&self.pending) {
                Ok(s) => {
                    out.extend_from_slice(s.as_bytes());
                    self.pending.clear();
                    bytes = rest;
                }
                Err(e) => match e.error_len() {
                    None => bytes = rest,
                    // The kept bytes were a valid start, so the new byte is the bad one:
                    // they become U+FFFD and the new byte is read again below.
                    Some(_) => {
                        out.extend_from_slice(REPLACEMENT);
                        self.pending.clear();
                    }
                },
            }
        }
        loop {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    out.extend_from_slice(s.as_bytes());
                    break;
                }
                Err(e) => {
                    let (good, rest) = bytes.split_at(e.valid_up_to());
                    out.extend_from_slice(good);
                    match e.error_len() {
                        Some(n) => {
                            out.extend_from_slice(REPLACEMENT);
                            bytes = &rest[n..];
                        }
                        None => {
                            self.pending.extend_from_slice(rest);
                            break;
                        }
                    }
                }
            }
        }
        if last && !self.pending.is_empty() {
            self.pending.clear();
            out.extend_from_slice(REPLACEMENT);
        }
        self.bom.apply(out, from);
    }
}

/// UTF-16 (little- or big-endian), lossy: an unpaired surrogate or an odd last byte
/// becomes U+FFFD.
#[derive(Debug)]
pub struct Utf16Decoder {
    big_endian: bool,
    /// The first byte of a code unit cut at the end of the last chunk.
    lead_byte: Option<u8>,
    /// A high surrogate waiting for its low one.
    lead_surrogate: Option<u16>,
    bom: DropBom,
}

impl Utf16Decoder {
    /// A decoder for UTF-16BE when `big_endian`, else UTF-16LE.
    pub fn new(big_endian: bool) -> Utf16Decoder {
        Utf16Decoder {
            big_endian,
            lead_byte: None,
            lead_surrogate: None,
            bom: DropBom::default(),
        }
    }

    fn unit(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    fn push_unit(&mut self, u: u16, out: &mut Vec<u8>) {
        if let Some(high) = self.lead_surrogate.take() {
            if (0xDC00..=0xDFFF).contains(&u) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                push_char(c, out);
                return;
            }
            // An unpaired high surrogate; `u` is read on its own.
            out.extend_from_slice(REPLACEMENT);
        }
        match u {
            0xD800..=0xDBFF => self.lead_surrogate = Some(u),
            0xDC00..=0xDFFF => out.extend_from_slice(REPLACEMENT),
            _ => push_char(u32::from(u), out),
        }
    }
}

fn push_char(c: u32, out: &mut Vec<u8>) {
    let c = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

impl ChunkDecoder for Utf16Decoder {
    fn decode(&mut self, mut bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let from = out.len();
        out.reserve(bytes.len() * 3 / 2 + 3);
        if let Some(a) = self.lead_byte {
            if let Some((&b, rest)) = bytes.split_first() {
                self.lead_byte = None;
                let u = self.unit(a, b);
                self.push_unit(u, out);
                bytes = rest;
            }
        }
        let mut pairs = bytes.chunks_exact(2);
        for p in &mut pairs {
            let u = self.unit(p[0], p[1]);
            self.push_unit(u, out);
        }
        if let [b] = pairs.remainder() {
            self.lead_byte = Some(*b);
        }
        // At the end, a lone byte and a lone high surrogate are one error together.
        if last && (self.lead_byte.take().is_some() | self.lead_surrogate.take().is_some()) {
            out.extend_from_slice(REPLACEMENT);
        }
        self.bom.apply(out, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(encoding: TextEncoding, bytes: &[u8]) -> String {
        let mut out = Vec::new();
        decoder(encoding).decode(bytes, true, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// Decoded in chunks cut at `cuts` (ascending positions).
    fn in_chunks(encoding: TextEncoding, bytes: &[u8], cuts: &[usize]) -> String {
        let mut d = decoder(encoding);
        let mut out = Vec::new();
        let mut start = 0;
        for &c in cuts {
            d.decode(&bytes[start..c], false, &mut out);
            start = c;
        }
        d.decode(&bytes[start..], false, &mut out);
        d.decode(&[], true, &mut out);
        String::from_utf8(out).unwrap()
    }

    fn encoding_rs_of(encoding: TextEncoding) -> &'static encoding_rs::Encoding {
        match encoding {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Windows1251 => encoding_rs::WINDOWS_1251,
            TextEncoding::EucKr => encoding_rs::EUC_KR,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }

    /// What `encoding_rs` (the WHATWG reference) makes of `bytes`.
    fn reference(encoding: TextEncoding, bytes: &[u8]) -> String {
        let (text, _) = encoding_rs_of(encoding).decode_with_bom_removal(bytes);
        text.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    const MIXED: &str = "id;Имя;이름\n1;Ёлка;똠방각하 €5 😀\n";

    #[test]
    fn utf8_split_at_every_position() {
        let bytes = MIXED.as_bytes();
        for i in 0..=bytes.len() {
            assert_eq!(
                in_chunks(TextEncoding::Utf8, bytes, &[i]),
                MIXED,
                "cut at {i}"
            );
            for j in i..=bytes.len() {
                assert_eq!(in_chunks(TextEncoding::Utf8, bytes, &[i, j]), MIXED);
            }
        }
        // One byte at a time.
        let cuts: Vec<usize> = (1..bytes.len()).collect();
        assert_eq!(in_chunks(TextEncoding::Utf8, bytes, &cuts), MIXED);
    }

    #[test]
    fn utf16_split_at_every_position() {
        for (enc, big) in [
            (TextEncoding::Utf16Le, false),
            (TextEncoding::Utf16Be, true),
        ] {
            let bytes = utf16(MIXED, big);
            for i in 0..=bytes.len() {
                assert_eq!(in_chunks(enc, &bytes, &[i]), MIXED, "{enc:?} cut at {i}");
                for j in i..=bytes.len() {
                    assert_eq!(in_chunks(enc, &bytes, &[i, j]), MIXED);
                }
            }
            let cuts: Vec<usize> = (1..bytes.len()).collect();
            assert_eq!(in_chunks(enc, &bytes, &cuts), MIXED);
        }
    }

    #[test]
    fn byte_order_marks_are_dropped_once() {
        // "\u{FEFF}a" then another U+FEFF, which is text and stays.
        let utf8 = [0xEF, 0xBB, 0xBF, b'a', 0xEF, 0xBB, 0xBF];
        assert_eq!(whole(TextEncoding::Utf8, &utf8), "a\u{FEFF}");
        for i in 0..=utf8.len() {
            assert_eq!(in_chunks(TextEncoding::Utf8, &utf8, &[i]), "a\u{FEFF}");
        }
        let le = [0xFF, 0xFE, b'a', 0, 0xFF, 0xFE];
        let be = [0xFE, 0xFF, 0, b'a', 0xFE, 0xFF];
        for i in 0..=le.len() {
            assert_eq!(in_chunks(TextEncoding::Utf16Le, &le, &[i]), "a\u{FEFF}");
            assert_eq!(in_chunks(TextEncoding::Utf16Be, &be, &[i]), "a\u{FEFF}");
        }
        // Only a mark: nothing.
        assert_eq!(whole(TextEncoding::Utf8, &[0xEF, 0xBB, 0xBF]), "");
        // A mark not at the start is kept.
        assert_eq!(whole(TextEncoding::Utf8, b"a\xEF\xBB\xBF"), "a\u{FEFF}");
    }

    #[test]
    fn bad_utf8_becomes_replacement_characters() {
        // A lone continuation byte, a lead without its continuation, an overlong form,
        // a surrogate, a cut 4-byte sequence at the end.
        let bytes = b"a\x80b\xC3c\xC0\xAFd\xED\xA0\x80e\xF0\x9F\x98";
        let want = "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d\u{FFFD}\u{FFFD}\u{FFFD}e\u{FFFD}";
        assert_eq!(whole(TextEncoding::Utf8, bytes), want);
        assert_eq!(reference(TextEncoding::Utf8, bytes), want);
        for i in 0..=bytes.len() {
            assert_eq!(
                in_chunks(TextEncoding::Utf8, bytes, &[i]),
                want,
                "cut at {i}"
            );
        }
        // A cut sequence followed by ASCII in the next chunk: U+FFFD, then the ASCII.
        assert_eq!(
            in_chunks(TextEncoding::Utf8, b"\xE2\x82x", &[1]),
            "\u{FFFD}x"
        );
        assert_eq!(
            in_chunks(TextEncoding::Utf8, b"\xE2\x82x", &[2]),
            "\u{FFFD}x"
        );
    }

    #[test]
    fn bad_utf16_becomes_replacement_characters() {
        // LE: 'a', a lone low surrogate, 'b', a high surrogate followed by 'c', then a
        // high surrogate and an odd byte at the end (one U+FFFD for both).
        let le = [
            b'a', 0, 0x00, 0xDC, b'b', 0, 0x3D, 0xD8, b'c', 0, 0x3D, 0xD8, b'z',
        ];
        let want = "a\u{FFFD}b\u{FFFD}c\u{FFFD}";
        assert_eq!(whole(TextEncoding::Utf16Le, &le), want);
        assert_eq!(reference(TextEncoding::Utf16Le, &le), want);
        for i in 0..=le.len() {
            assert_eq!(in_chunks(TextEncoding::Utf16Le, &le, &[i]), want);
        }
        // An odd last byte alone.
        assert_eq!(whole(TextEncoding::Utf16Be, &[0, b'a', 0]), "a\u{FFFD}");
    }

    /// Bytes from a small fixed generator, biased towards the bytes that make UTF-8 and
    /// UTF-16 interesting.
    fn noise(seed: u64, n: usize) -> Vec<u8> {
        const PICK: [u8; 16] = [
            b'a', b'\n', 0x00, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xD8,
            0xDC, 0xFF,
        ];
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if x % 3 == 0 {
                    (x >> 8) as u8
                } else {
                    PICK[(x >> 20) as usize % PICK.len()]
                }
            })
            .collect()
    }

    #[test]
    fn agrees_with_encoding_rs_on_noise_in_any_chunks() {
        for enc in [
            TextEncoding::Utf8,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
        ] {
            for seed in 0..300 {
                let bytes = noise(seed, 40);
                let want = reference(enc, &bytes);
                assert_eq!(whole(enc, &bytes), want, "{enc:?} seed {seed}");
                for i in 0..=bytes.len() {
                    assert_eq!(in_chunks(enc, &bytes, &[i]), want, "{enc:?} {seed} at {i}");
                }
                let cuts: Vec<usize> = (1..bytes.len()).collect();
                assert_eq!(
                    in_chunks(enc, &bytes, &cuts),
                    want,
                    "{enc:?} {seed} bytewise"
                );
            }
        }
    }

    #[test]
    fn legacy_encodings_keep_a_split_character() {
        let (ko, _, _) = encoding_rs::EUC_KR.encode("김민준,똠");
        for i in 0..=ko.len() {
            assert_eq!(in_chunks(TextEncoding::EucKr, &ko, &[i]), "김민준,똠");
        }
        let (ru, _, _) = encoding_rs::WINDOWS_1251.encode("Ёлка");
        assert_eq!(whole(TextEncoding::Windows1251, &ru), "Ёлка");
        assert_eq!(
            whole(TextEncoding::Windows1252, b"M\xFCller \x80"),
            "Müller €"
        );
    }
}
