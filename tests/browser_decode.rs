//! Browser tests of the wasm build's legacy decoders: the browser's `TextDecoder` behind the
//! domain's `ChunkDecoder` (headless Chromium, wasm-bindgen-test). The bytes are written out
//! in `decode_samples` (checked against `encoding_rs` natively in `tests/import.rs`).
#![cfg(target_arch = "wasm32")]

mod decode_samples;

use decode_samples::*;
use journey_mapper::domain::import::decode::legacy_decoder;
use journey_mapper::domain::import::{import_bytes, Importer, Options, TextEncoding};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Decodes `bytes` in two chunks cut at `cut`, then ends the stream with an empty last one.
fn decode_cut(encoding: TextEncoding, bytes: &[u8], cut: usize) -> String {
    let mut d = legacy_decoder(encoding);
    let mut out = Vec::new();
    d.decode(&bytes[..cut], false, &mut out);
    d.decode(&bytes[cut..], false, &mut out);
    d.decode(&[], true, &mut out);
    String::from_utf8(out).unwrap()
}

fn decode_whole(encoding: TextEncoding, bytes: &[u8]) -> String {
    let mut out = Vec::new();
    legacy_decoder(encoding).decode(bytes, true, &mut out);
    String::from_utf8(out).unwrap()
}

#[wasm_bindgen_test]
fn text_decoder_reads_windows_1251_euc_kr_and_windows_1252() {
    assert_eq!(decode_whole(TextEncoding::Windows1251, RU_1251), RU);
    assert_eq!(decode_whole(TextEncoding::EucKr, KO_949), KO);
    assert_eq!(decode_whole(TextEncoding::Windows1252, DE_1252), DE);
}

#[wasm_bindgen_test]
fn a_character_split_between_chunks_is_put_back_together() {
    // Every cut, including each one between the two bytes of a Korean character.
    for cut in 0..=KO_949.len() {
        assert_eq!(
            decode_cut(TextEncoding::EucKr, KO_949, cut),
            KO,
            "cut at {cut}"
        );
    }
    for cut in 0..=RU_1251.len() {
        assert_eq!(decode_cut(TextEncoding::Windows1251, RU_1251, cut), RU);
    }
    // One byte at a time.
    let mut d = legacy_decoder(TextEncoding::EucKr);
    let mut out = Vec::new();
    for b in KO_949 {
        d.decode(std::slice::from_ref(b), false, &mut out);
    }
    d.decode(&[], true, &mut out);
    assert_eq!(String::from_utf8(out).unwrap(), KO);
}

#[wasm_bindgen_test]
fn a_lead_byte_left_at_the_end_becomes_a_replacement_character() {
    // "김" then the lead byte of "민" alone: U+FFFD when the stream ends.
    assert_eq!(
        decode_whole(TextEncoding::EucKr, &KIM_MINJUN[..3]),
        "김\u{FFFD}"
    );
    // Kept while the stream goes on, and finished by the next chunk.
    let mut d = legacy_decoder(TextEncoding::EucKr);
    let mut out = Vec::new();
    d.decode(&KIM_MINJUN[..3], false, &mut out);
    assert_eq!(out, "김".as_bytes());
    d.decode(&KIM_MINJUN[3..], true, &mut out);
    assert_eq!(String::from_utf8(out).unwrap(), "김민준");
}

#[wasm_bindgen_test]
fn the_importer_guesses_and_decodes_through_the_browser() {
    let r = import_bytes(RU_1251, Options::default()).unwrap();
    assert_eq!(r.report.encoding, TextEncoding::Windows1251);
    assert_eq!(r.report.headers, ["Имя", "Компания"]);
    assert_eq!(
        r.dataset.contacts[0].extra[1].as_deref(),
        Some("ООО «Ромашка»")
    );
    let k = import_bytes(KO_949, Options::default()).unwrap();
    assert_eq!(k.report.encoding, TextEncoding::EucKr);
    assert_eq!(k.report.headers, ["이름", "회사"]);
    assert_eq!(k.dataset.contacts[1].extra[0].as_deref(), Some("똠방각하"));
}

#[wasm_bindgen_test]
fn a_large_euc_kr_file_pushed_in_odd_chunks_reads_as_a_whole() {
    // The header "이름,회사" then 20 000 rows "김민준<i>,삼성전자": about 380 KB, far past
    // the importer's 64 KB head, so later chunks go through the decoder one by one. Korean
    // headers match no preset: both columns are kept, contacts are keyed by row number.
    let mut bytes = KO_949[..10].to_vec();
    let rows = 20_000;
    for i in 0..rows {
        bytes.extend_from_slice(KIM_MINJUN);
        bytes.extend_from_slice(i.to_string().as_bytes());
        bytes.push(b',');
        bytes.extend_from_slice(SAMSUNG);
        bytes.push(b'\n');
    }
    let whole = import_bytes(&bytes, Options::default()).unwrap();
    assert_eq!(whole.report.encoding, TextEncoding::EucKr);
    assert_eq!(whole.report.rows, rows);
    assert_eq!(whole.report.bad_row_count, 0);
    assert_eq!(whole.dataset.contacts.len(), rows);
    assert_eq!(whole.dataset.contacts[19_999].key, "20000");
    assert_eq!(
        whole.dataset.contacts[19_999].extra[0].as_deref(),
        Some("김민준19999")
    );
    // 1001-byte chunks cut characters in two all through the file.
    let mut imp = Importer::new(Options::default());
    for chunk in bytes.chunks(1001) {
        imp.push(chunk).unwrap();
    }
    let chunked = imp.finish().unwrap();
    assert_eq!(chunked, whole);
    assert!(chunked
        .dataset
        .contacts
        .iter()
        .all(|c| c.extra[1].as_deref() == Some("삼성전자")));
}
