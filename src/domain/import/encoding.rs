//! Which character encoding a file is in, and decoding it chunk by chunk.
//!
//! A byte-order mark decides (UTF-8, UTF-16LE/BE — Excel's "Unicode text" export); without
//! one, `chardetng` guesses from the first chunk. The guess is mapped onto the encodings a
//! CRM export comes in: UTF-8, Windows-1251 (Cyrillic), EUC-KR/CP949 (Korean; `encoding_rs`
//! decodes EUC-KR as the CP949 superset) and Windows-1252 (Western) as the fallback.
//! Decoding uses `encoding_rs`'s streaming decoder, so a character split between two
//! chunks is put back together.

use encoding_rs::{Encoding, EUC_KR, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251, WINDOWS_1252};
use serde::{Deserialize, Serialize};

/// The text encodings the importer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    /// Only chosen from a byte-order mark.
    Utf16Le,
    /// Only chosen from a byte-order mark.
    Utf16Be,
    Windows1251,
    /// EUC-KR, read as its superset CP949 (Windows code page 949, "UHC").
    EucKr,
    Windows1252,
}

impl TextEncoding {
    /// All encodings, for a picker in the UI.
    pub const ALL: [TextEncoding; 6] = [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1251,
        TextEncoding::EucKr,
        TextEncoding::Windows1252,
    ];

    /// The `encoding_rs` encoding behind this one.
    pub fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1251 => WINDOWS_1251,
            TextEncoding::EucKr => EUC_KR,
            TextEncoding::Windows1252 => WINDOWS_1252,
        }
    }

    /// The WHATWG label (`"utf-8"`, `"windows-1251"`, `"euc-kr"` …).
    pub fn label(self) -> &'static str {
        self.encoding().name()
    }

    /// A streaming decoder that drops this encoding's byte-order mark if the text starts
    /// with one.
    pub fn decoder(self) -> encoding_rs::Decoder {
        self.encoding().new_decoder_with_bom_removal()
    }
}

/// The encoding a byte-order mark at the start of `bytes` names, if any.
pub fn bom(bytes: &[u8]) -> Option<TextEncoding> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some(TextEncoding::Utf8),
        [0xFF, 0xFE, ..] => Some(TextEncoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(TextEncoding::Utf16Be),
        _ => None,
    }
}

/// Guesses the encoding of a file from its first chunk (which may end in the middle of a
/// character). A byte-order mark wins; otherwise `chardetng` decides, and its answer is
/// mapped onto [`TextEncoding`]: other Cyrillic code pages become Windows-1251, other
/// Korean ones EUC-KR, anything else that is not UTF-8 Windows-1252.
pub fn guess(first_chunk: &[u8]) -> TextEncoding {
    if let Some(e) = bom(first_chunk) {
        return e;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(first_chunk, false);
    let e = det.guess(None, chardetng::Utf8Detection::Allow);
    if e == UTF_8 {
        TextEncoding::Utf8
    } else if e == WINDOWS_1251
        || ["KOI8-R", "KOI8-U", "IBM866", "ISO-8859-5", "x-mac-cyrillic"].contains(&e.name())
    {
        TextEncoding::Windows1251
    } else if e == EUC_KR {
        TextEncoding::EucKr
    } else if first_chunk.is_ascii() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Имя;Компания;Дата\nИван Петров;ООО Ромашка;05.03.2024\nМария Сидорова;АО Север;06.03.2024\nЕлена Кузнецова;ООО Ромашка;07.03.2024\n";
    const KO: &str = "이름,회사,날짜\n김민준,삼성전자,2024-03-05\n이서연,현대자동차,2024-03-06\n박지훈,삼성전자,2024-03-07\n";

    #[test]
    fn guesses_each_encoding() {
        let (ru, _, _) = WINDOWS_1251.encode(RU);
        assert_eq!(guess(&ru), TextEncoding::Windows1251);
        let (ko, _, _) = EUC_KR.encode(KO);
        assert_eq!(guess(&ko), TextEncoding::EucKr);
        assert_eq!(guess(RU.as_bytes()), TextEncoding::Utf8);
        assert_eq!(guess(KO.as_bytes()), TextEncoding::Utf8);
        assert_eq!(guess(b"a,b\n1,2\n"), TextEncoding::Utf8);
        // A chunk cut inside a UTF-8 character is still UTF-8.
        let cut = &KO.as_bytes()[..KO.len() - 5];
        assert_eq!(guess(&cut[..cut.len() - 1]), TextEncoding::Utf8);
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        let (ru, _, _) = WINDOWS_1251.encode(RU);
        b.extend_from_slice(&ru);
        // Not valid UTF-8 after the mark, but the mark decides.
        assert_eq!(guess(&b), TextEncoding::Utf8);
        assert_eq!(guess(&[0xFF, 0xFE, b'a', 0]), TextEncoding::Utf16Le);
    }
}
