//! The importer's limits: long records, wide headers, NUL bytes past the head, UTF-16
//! without a byte-order mark.

use std::time::Instant;

use super::*;

/// Chunk sizes to push a file in: whole, the UI's 1 MiB, and odd sizes that cut records
/// and characters anywhere.
const CHUNKS: [usize; 4] = [usize::MAX, 1024 * 1024, 65_537, 4_093];

fn with_encoding(encoding: TextEncoding) -> Options {
    Options {
        overrides: Overrides {
            encoding: Some(encoding),
            ..Overrides::default()
        },
        ..Options::default()
    }
}

/// Imports `bytes` pushed in chunks of `size`, checking after each push that the record
/// being parsed holds no more than the limit.
fn import_chunked(bytes: &[u8], size: usize, options: &Options) -> Result<Imported, ImportError> {
    let mut imp = Importer::new(options.clone());
    for chunk in bytes.chunks(size) {
        imp.push(chunk)?;
        if let State::Running(run) = &imp.state {
            assert!(run.parser.out.len() <= MAX_RECORD_BYTES + 1, "text buffer");
            assert!(run.parser.ends.len() <= MAX_RECORD_BYTES + 1, "ends buffer");
        }
    }
    imp.finish()
}

/// The same result for every chunk size in [`CHUNKS`].
fn import_all_ways(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let whole = import_chunked(bytes, CHUNKS[0], options);
    for size in &CHUNKS[1..] {
        assert_eq!(
            import_chunked(bytes, *size, options),
            whole,
            "chunks of {size}"
        );
    }
    whole
}

/// An event row of contact `i`.
fn event(i: usize) -> String {
    format!("c{i},2024-01-{:02},visit\n", 1 + i % 28)
}

/// Appends event rows until `text` is at least `len` bytes long.
fn pad_with_events(text: &mut String, len: usize) {
    let mut i = 0;
    while text.len() < len {
        text.push_str(&event(i));
        i += 1;
    }
}

fn lines(text: &str) -> u64 {
    text.matches('\n').count() as u64
}

fn too_long(line: u64, quote_line: Option<u64>, end_line: u64) -> BadRow {
    BadRow {
        line,
        problem: RowProblem::TooLong {
            quote_line,
            end_line,
        },
        kept: false,
    }
}

#[test]
fn a_stray_quote_drops_the_rest_as_one_reported_row_without_buffering_it() {
    // Lines 2–4 are good; line 5 opens a quote that is never closed, so the rest of the
    // file (3 MiB of rows) is one record.
    let mut text = String::from("contact,time,type\n");
    for i in 0..3 {
        text.push_str(&event(i));
    }
    text.push_str("dan,2024-01-05,\"visit\n");
    pad_with_events(&mut text, 3 * MAX_RECORD_BYTES);
    let r = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.dataset.events.len(), 3);
    assert_eq!(r.report.rows, 4);
    assert_eq!(r.report.imported, 3);
    assert_eq!(r.report.bad_row_count, 1);
    assert_eq!(r.report.bad_rows, [too_long(5, Some(5), lines(&text))]);
}

#[test]
fn a_quote_closed_later_ends_the_long_record_and_the_rows_after_it_are_read() {
    // A record file whose row on line 3 has a quoted two-line note (lines 3–4), then a
    // stray quote opening on line 4; a quote on line `close` ends that record, and the two
    // rows after it are read.
    let mut text = String::from("id,note,status\n1,fine,open\n2,\"two\nlines\",\"open\n");
    let mut i = 0;
    while text.len() < 2 * MAX_RECORD_BYTES {
        text.push_str(&format!("{},note {i},open\n", i + 10));
        i += 1;
    }
    text.push_str("9,x,closed\"\n");
    let close = lines(&text);
    text.push_str("3,after,open\n4,after,won\n");
    let r = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.report.rows, 4);
    assert_eq!(r.report.bad_rows, [too_long(3, Some(4), close)]);
    let keys: Vec<&str> = r.dataset.contacts.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, ["1", "3", "4"]);
}

#[test]
fn one_long_line_without_quotes_is_dropped_too() {
    // Line 3 is 2 MiB of text, line 4 2 MiB of empty fields: no quote to name.
    let mut text = String::from("id,note\n1,a\n2,");
    text.push_str(&"x".repeat(2 * MAX_RECORD_BYTES));
    text.push_str("\n3,");
    text.push_str(&",".repeat(2 * MAX_RECORD_BYTES));
    text.push_str("\n4,b");
    let r = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.report.rows, 4);
    assert_eq!(r.report.imported, 2);
    assert_eq!(
        r.report.bad_rows,
        [too_long(3, None, 3), too_long(4, None, 4)]
    );
}

#[test]
fn a_record_at_the_limit_is_kept_one_byte_more_is_not() {
    // Text of the record plus one byte per field (2 fields): "1" and the note.
    let at_limit = "n".repeat(MAX_RECORD_BYTES - 3);
    let text = format!("id,note\n1,{at_limit}\n2,{at_limit}n\n3,c\n");
    let r = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.report.rows, 3);
    assert_eq!(r.report.bad_rows, [too_long(3, None, 3)]);
    assert_eq!(r.dataset.contacts.len(), 2);
    assert_eq!(r.dataset.contacts[0].extra[0].as_deref(), Some(&*at_limit));
}

#[test]
fn a_header_with_a_stray_quote_fails_as_soon_as_it_passes_the_limit() {
    let mut text = String::from("contact,\"time,type\n");
    pad_with_events(&mut text, 3 * MAX_RECORD_BYTES);
    let want = ImportError::HeaderTooLong {
        quote_line: Some(1),
    };
    assert_eq!(
        import_all_ways(text.as_bytes(), &Options::default()),
        Err(want.clone())
    );
    // Pushed in 256 KiB chunks, the error comes with the chunk that passes the limit,
    // not at the end of the file.
    let mut imp = Importer::new(Options::default());
    let mut chunks = text.as_bytes().chunks(256 * 1024);
    let mut pushed = 0;
    let err = loop {
        pushed += 1;
        if let Err(e) = imp.push(chunks.next().expect("fails before the end")) {
            break e;
        }
    };
    assert_eq!(err, want);
    assert_eq!(pushed, 5);
    assert_eq!(imp.push(b"more"), Err(want.clone()));
    assert_eq!(imp.finish(), Err(want.clone()));
    // The preview of a first chunk longer than the limit says the same.
    assert_eq!(
        preview(text.as_bytes(), &Overrides::default()),
        Err(want.clone())
    );
    assert_eq!(
        preview(
            &text.as_bytes()[..2 * MAX_RECORD_BYTES],
            &Overrides::default()
        ),
        Err(want)
    );
}

/// The duplicate check as it was: each name against all the names before it.
fn first_duplicate_quadratic(names: &[String]) -> Option<(String, usize, usize)> {
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    for (i, n) in lower.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        if let Some(j) = lower[..i].iter().position(|m| m == n) {
            return Some((names[i].clone(), j, i));
        }
    }
    None
}

/// A header record of these names.
fn header_of(names: &[String]) -> Result<Vec<String>, ImportError> {
    let mut text = String::new();
    let mut ends = Vec::new();
    for n in names {
        text.push_str(n);
        ends.push(text.len());
    }
    header_names(Record {
        text: &text,
        ends: &ends,
        sep: 0,
        end_line: 1,
    })
}

#[test]
fn a_wide_header_is_checked_for_duplicates_as_before() {
    const WIDE: usize = 13_000;
    let unique: Vec<String> = (0..WIDE).map(|i| format!("Column {i}")).collect();
    let mut cases = vec![unique.clone()];
    // The last column repeats the sixth in other case; two pairs, 7000 and 9000, 8000 and
    // 12000 (the first found is the one whose second column comes first: 9000); empty
    // names are never duplicates.
    let mut last = unique.clone();
    last[WIDE - 1] = "COLUMN 5".into();
    cases.push(last);
    let mut two = unique.clone();
    two[9_000] = "column 7000".into();
    two[8_000] = "column 12000".into();
    cases.push(two);
    let mut empty = unique.clone();
    empty[3] = String::new();
    empty[WIDE - 2] = String::new();
    cases.push(empty);
    for names in &cases {
        let t = Instant::now();
        let old = first_duplicate_quadratic(names);
        let old_time = t.elapsed();
        let t = Instant::now();
        let new = header_of(names);
        let new_time = t.elapsed();
        println!("{WIDE} columns: pairwise {old_time:?}, hashed {new_time:?}");
        match old {
            None => assert_eq!(new.as_ref(), Ok(names)),
            Some((name, first, second)) => assert_eq!(
                new,
                Err(ImportError::DuplicateHeader {
                    name,
                    first,
                    second
                })
            ),
        }
    }
    assert_eq!(
        header_of(&cases[1]),
        Err(ImportError::DuplicateHeader {
            name: "COLUMN 5".into(),
            first: 5,
            second: WIDE - 1
        })
    );
    assert_eq!(
        header_of(&cases[2]),
        Err(ImportError::DuplicateHeader {
            name: "column 7000".into(),
            first: 7_000,
            second: 9_000
        })
    );
    // End to end: a 13,000-column file whose header is longer than the sniffed head.
    let mut text = cases[1].join(",");
    text.push('\n');
    assert!(text.len() > SNIFF_BYTES);
    let want = ImportError::DuplicateHeader {
        name: "COLUMN 5".into(),
        first: 5,
        second: WIDE - 1,
    };
    assert_eq!(
        import_all_ways(text.as_bytes(), &Options::default()),
        Err(want.clone())
    );
    assert_eq!(preview(text.as_bytes(), &Overrides::default()), Err(want));
    let mut text = unique.join(",");
    text.push('\n');
    let r = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(r.report.headers, unique);
}

#[test]
fn a_nul_byte_anywhere_makes_the_file_not_text() {
    let mut text = String::from("contact,time,type\n");
    pad_with_events(&mut text, 4 * SNIFF_BYTES);
    let good = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(good.report.bad_row_count, 0);
    // A NUL in the head, just after it, and far past it; with the encoding guessed or
    // chosen.
    for at in [
        10,
        SNIFF_BYTES - 1,
        SNIFF_BYTES,
        SNIFF_BYTES + 1,
        3 * SNIFF_BYTES + 7,
    ] {
        let mut bytes = text.clone().into_bytes();
        bytes[at] = 0;
        for options in [Options::default(), with_encoding(TextEncoding::Windows1252)] {
            assert_eq!(
                import_all_ways(&bytes, &options).map(|r| r.report.rows),
                Err(ImportError::NotText),
                "NUL at {at}"
            );
        }
    }
    // The chunk with the NUL fails, and so does everything after it.
    let mut bytes = text.into_bytes();
    bytes[2 * SNIFF_BYTES + 3] = 0;
    let mut imp = Importer::new(Options::default());
    let chunks: Vec<&[u8]> = bytes.chunks(SNIFF_BYTES).collect();
    assert_eq!(imp.push(chunks[0]), Ok(()));
    assert_eq!(imp.push(chunks[1]), Ok(()));
    assert_eq!(imp.push(chunks[2]), Err(ImportError::NotText));
    assert_eq!(imp.push(chunks[3]), Err(ImportError::NotText));
    assert_eq!(imp.finish().map(|_| ()), Err(ImportError::NotText));
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

#[test]
fn utf16_without_a_byte_order_mark_is_read_when_chosen() {
    // Longer than the head, so later chunks (full of NUL bytes) are read as UTF-16 too.
    let mut text = String::from("contact,time,type,channel\n");
    let mut i = 0;
    while text.len() < 3 * SNIFF_BYTES {
        text.push_str(&format!("Ёлка {i},2024-01-{:02},visit,вэб\n", 1 + i % 28));
        i += 1;
    }
    let want = import_all_ways(text.as_bytes(), &Options::default()).unwrap();
    assert_eq!(want.report.bad_row_count, 0);
    for (encoding, big_endian) in [
        (TextEncoding::Utf16Le, false),
        (TextEncoding::Utf16Be, true),
    ] {
        assert!(TextEncoding::ALL.contains(&encoding));
        let bytes = utf16(&text, big_endian);
        // Guessed, it is taken for UTF-8 with NUL bytes.
        assert_eq!(
            import_bytes(&bytes, Options::default()).map(|_| ()),
            Err(ImportError::NotText)
        );
        let options = with_encoding(encoding);
        let p = preview(&bytes[..SNIFF_BYTES], &options.overrides).unwrap();
        assert_eq!(p.encoding, encoding);
        assert_eq!(p.headers, ["contact", "time", "type", "channel"]);
        assert_eq!(p.rows[0][0], "Ёлка 0");
        let r = import_all_ways(&bytes, &options).unwrap();
        assert_eq!(r.report.encoding, encoding);
        assert_eq!(r.dataset, want.dataset);
        assert_eq!(r.report.rows, want.report.rows);
    }
}

#[test]
fn rows_read_grows_with_each_push_and_ends_at_the_reports_count() {
    let csv = crate::domain::demo_data::events_csv(crate::domain::SourceModel::Hinge, 400, 3);
    let mut imp = Importer::new(Options::default());
    let mut seen = Vec::new();
    for chunk in csv.as_bytes().chunks(65_536) {
        imp.push(chunk).unwrap();
        seen.push(imp.rows_read());
    }
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.iter().any(|&n| n > 0), "{seen:?}");
    let before_finish = imp.rows_read();
    let report = imp.finish().unwrap().report;
    assert!(before_finish <= report.rows && report.rows > 1_000);
}

#[test]
fn event_types_and_channels_past_what_16_bits_number_are_reported_not_imported() {
    let mut text = String::from("contact,time,type,channel\n");
    for i in 0..=MAX_KINDS {
        text.push_str(&format!("c{},2024-01-01,t{i},web\n", i % 7));
    }
    // A known type still imports after the limit; a new channel past its limit does not.
    text.push_str("c1,2024-01-02,t5,web\n");
    // "web" and 65,534 more fill the channels; the next new one is refused.
    for i in 0..MAX_KINDS {
        text.push_str(&format!("c2,2024-01-03,t0,ch{i}\n"));
    }
    let got = import_bytes(text.as_bytes(), Options::default()).expect("imports");
    let d = &got.dataset;
    assert_eq!(d.event_types.len(), MAX_KINDS);
    assert_eq!(d.channels.len(), MAX_KINDS);
    assert_eq!(got.report.bad_row_count, 2);
    let header_and_types = MAX_KINDS as u64 + 2;
    assert_eq!(
        got.report.bad_rows,
        [
            BadRow {
                line: header_and_types,
                problem: RowProblem::TooManyKinds {
                    column: 2,
                    limit: MAX_KINDS
                },
                kept: false,
            },
            BadRow {
                line: header_and_types + 1 + MAX_KINDS as u64,
                problem: RowProblem::TooManyKinds {
                    column: 3,
                    limit: MAX_KINDS
                },
                kept: false,
            },
        ]
    );
    assert_eq!(got.report.imported, got.report.rows - 2);
    assert_eq!(d.events.len(), got.report.imported);
    // The last type and channel kept are numbered and named right.
    let last = d.events.iter().max_by_key(|e| e.kind()).expect("events");
    assert_eq!(
        d.event_types.name(last.kind()),
        format!("t{}", MAX_KINDS - 1)
    );
    let last = d
        .events
        .iter()
        .filter_map(|e| e.channel())
        .max()
        .expect("channels");
    assert_eq!(d.channels.name(last), format!("ch{}", MAX_KINDS - 2));
}

#[test]
fn told_the_file_size_the_importer_makes_room_for_its_events_once() {
    let mut text = String::from("contact,time,type,value\n");
    for i in 0..100_000 {
        text.push_str(&format!(
            "c{},2024-01-01T10:00:00Z,visit,{}\n",
            i % 997,
            i % 13
        ));
    }
    let import = |told: bool| {
        let mut imp = Importer::new(Options::default());
        if told {
            imp.expect_bytes(text.len() as u64);
        }
        for chunk in text.as_bytes().chunks(64 * 1024) {
            imp.push(chunk).expect("imports");
        }
        imp.finish().expect("imports").dataset
    };
    let told = import(true);
    let guessing = import(false);
    assert_eq!(told, guessing);
    assert_eq!(told.events.len(), 100_000);
    // Room for the file's rows (and 2 % more), not the next power of two.
    let room = told.events.capacity();
    assert!((100_000..=103_000).contains(&room), "{room}");
    assert!(guessing.events.capacity() > 103_000);
}

/// What the parser handed on, owned: each record's fields and lines, or a too-long record.
#[derive(Debug, PartialEq)]
enum Seen {
    Record {
        fields: Vec<String>,
        start_line: u64,
        end_line: u64,
    },
    TooLong(TooLong),
}

/// Parses `text` fed in chunks cut at `cuts`, with or without plain lines read in place.
fn parse_with(text: &[u8], delimiter: Delimiter, cuts: &[usize], plain: bool) -> Vec<Seen> {
    let mut parser = Parser::new(TextEncoding::Utf8);
    parser.set_delimiter(delimiter);
    if !plain {
        parser.plain = None;
    }
    let mut seen = Vec::new();
    let mut sink = |p: Parsed<'_>| {
        seen.push(match p {
            Parsed::Record(r) => Seen::Record {
                fields: r.fields().map(str::to_owned).collect(),
                start_line: r.start_line(),
                end_line: r.end_line,
            },
            Parsed::TooLong(t) => Seen::TooLong(t),
        })
    };
    let mut from = 0;
    for &cut in cuts.iter().chain([&text.len()]) {
        let cut = cut.clamp(from, text.len());
        parser.feed(&text[from..cut], cut == text.len(), &mut sink);
        from = cut;
    }
    seen
}

// proptest is a native-only dev-dependency (see Cargo.toml).
#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Plain lines split in place give what csv-core gives for them: the same fields and
    /// lines, however the file is cut into chunks and whatever quotes, carriage returns and
    /// empty lines are around them.
    #[test]
    fn plain_lines_read_in_place_agree_with_csv_core(
        pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::Just("a"), proptest::prelude::Just("bc"),
                proptest::prelude::Just(","), proptest::prelude::Just(";"),
                proptest::prelude::Just("\""), proptest::prelude::Just("\n"),
                proptest::prelude::Just("\r"), proptest::prelude::Just("\r\n"),
                proptest::prelude::Just(" "), proptest::prelude::Just("é"),
                proptest::prelude::Just("long-field-of-some-length"),
            ],
            0..120,
        ),
        cuts in proptest::collection::vec(0usize..2000, 0..4),
        semicolon in proptest::prelude::any::<bool>(),
    ) {
        let text = pieces.concat();
        let mut cuts = cuts;
        cuts.sort_unstable();
        let delimiter = if semicolon { Delimiter::Semicolon } else { Delimiter::Comma };
        let fast = parse_with(text.as_bytes(), delimiter, &cuts, true);
        let exact = parse_with(text.as_bytes(), delimiter, &cuts, false);
        proptest::prop_assert_eq!(fast, exact, "{:?}", text);
    }
}

#[test]
fn plain_lines_are_read_in_place_and_quoted_ones_by_csv_core() {
    let text = "id,name\r\n1,Ann\n2,\"Lee, Bo\"\n\n3,é\n4,last";
    let seen = parse_with(text.as_bytes(), Delimiter::Comma, &[7, 12], true);
    let fields: Vec<Vec<&str>> = seen
        .iter()
        .map(|s| match s {
            Seen::Record { fields, .. } => fields.iter().map(String::as_str).collect(),
            Seen::TooLong(_) => vec!["too long"],
        })
        .collect();
    assert_eq!(
        fields,
        [
            vec!["id", "name"],
            vec!["1", "Ann"],
            vec!["2", "Lee, Bo"],
            vec!["3", "é"],
            vec!["4", "last"]
        ]
    );
    let lines: Vec<u64> = seen
        .iter()
        .map(|s| match s {
            Seen::Record { end_line, .. } => *end_line,
            Seen::TooLong(t) => t.end_line,
        })
        .collect();
    assert_eq!(lines, [1, 2, 3, 5, 6]);
}
