//! The CSV importer end to end, on small files whose expected results are worked out by
//! hand in the comments.

use encoding_rs::{EUC_KR, WINDOWS_1251, WINDOWS_1252};
use journey_mapper::domain::dataset::{time_from_date, Dataset, Shape, DAY};
use journey_mapper::domain::import::*;

mod decode_samples;

fn import(bytes: &[u8]) -> Imported {
    import_bytes(bytes, Options::default()).expect("imports")
}

fn day(y: i32, m: u32, d: u32) -> i64 {
    time_from_date(y, m, d).unwrap()
}

fn keys(d: &Dataset) -> Vec<&str> {
    d.contacts.iter().map(|c| c.key.as_str()).collect()
}

/// Pushes `bytes` in chunks of `size` bytes.
fn import_in_chunks(bytes: &[u8], size: usize) -> Imported {
    let mut imp = Importer::new(Options::default());
    for chunk in bytes.chunks(size) {
        imp.push(chunk).expect("push");
    }
    imp.finish().expect("finish")
}

// Ten events of three contacts in two accounts; rows on lines 5 (no time) and 9 (no type)
// are dropped, the row on line 7 has a bad value and is kept with no value.
const TEN_EVENTS: &str = "contact,account,time,type,channel,value
ann,acme,2024-03-01,visit,web,
ann,acme,2024-03-02T10:00:00Z,email_open,email,
bob,acme,2024-03-02,visit,web,1.5
bob,acme,,visit,web,
cyd,globex,2024-03-03,demo,sales,100
cyd,globex,2024-03-04,demo,sales,lots
ann,,2024-03-05,visit,web,
cyd,globex,2024-03-06,,sales,
bob,acme,2024-03-07 09:30,meeting,sales,2
ann,acme,2024-03-08,purchase,sales,\"1,200.50\"
";

#[test]
fn event_log_counts_worked_out_by_hand() {
    let Imported { dataset: d, report } = import(TEN_EVENTS.as_bytes());
    assert_eq!(d.shape, Shape::Events);
    assert_eq!(report.preset, Preset::EventLog);
    assert_eq!(report.rows, 10);
    assert_eq!(report.imported, 8);
    assert_eq!(report.bad_row_count, 3);
    assert_eq!(d.contacts.len(), 3);
    assert_eq!(d.accounts.len(), 2);
    assert_eq!(d.events.len(), 8);
    assert_eq!(keys(&d), ["ann", "bob", "cyd"]);
    // ann: 4 events (03-01, 03-02, 03-05, 03-08); bob: 2; cyd: 2.
    let per: Vec<usize> = d.contacts.iter().map(|c| d.events_of(c).len()).collect();
    assert_eq!(per, [4, 2, 2]);
    assert_eq!(
        d.event_types.names(),
        ["visit", "email_open", "demo", "meeting", "purchase"]
    );
    assert_eq!(d.channels.names(), ["web", "email", "sales"]);
    // Contacts roll up to accounts: ann and bob in acme, cyd in globex.
    assert_eq!(d.contacts_by_account(), vec![vec![0, 1], vec![2]]);
    assert_eq!(d.latest, Some(day(2024, 3, 8)));
    let ann = d.events_of(&d.contacts[0]);
    assert_eq!(ann[1].time, day(2024, 3, 2) + 10 * 3600);
    assert_eq!(ann[3].value(), Some(1200.5));
    let bob = d.events_of(&d.contacts[1]);
    assert_eq!(bob[1].time, day(2024, 3, 7) + 9 * 3600 + 30 * 60);
    let cyd = d.events_of(&d.contacts[2]);
    assert_eq!(cyd[0].value(), Some(100.0));
    assert_eq!(cyd[1].value(), None);
    assert_eq!(
        report.bad_rows,
        [
            BadRow {
                line: 5,
                problem: RowProblem::MissingTime,
                kept: false
            },
            BadRow {
                line: 7,
                problem: RowProblem::BadNumber {
                    column: 5,
                    value: "lots".into()
                },
                kept: true
            },
            BadRow {
                line: 9,
                problem: RowProblem::MissingType,
                kept: false
            },
        ]
    );
}

#[test]
fn chunk_boundaries_do_not_change_the_result() {
    let whole = import(TEN_EVENTS.as_bytes());
    for size in [1, 2, 7, 64, TEN_EVENTS.len()] {
        assert_eq!(
            import_in_chunks(TEN_EVENTS.as_bytes(), size),
            whole,
            "chunks of {size}"
        );
    }
    // A file longer than the sniffed head, in UTF-8 with multi-byte characters that 7-byte
    // chunks cut in half, and a quoted multi-line field.
    let mut text = String::from("contact,account,time,type,note\n");
    let mut i = 0;
    while text.len() < SNIFF_BYTES + 5000 {
        text.push_str(&format!(
            "контакт-{},компания-{},2024-01-{:02},визит,\"строка 1\nстрока \"\"2\"\"\"\n",
            i % 37,
            i % 5,
            1 + i % 28
        ));
        i += 1;
    }
    let whole = import(text.as_bytes());
    assert_eq!(whole.report.rows, i);
    assert_eq!(whole.report.bad_row_count, 0);
    assert_eq!(whole.dataset.contacts.len(), 37);
    assert_eq!(whole.dataset.accounts.len(), 5);
    for size in [1, 7, 4096] {
        assert_eq!(
            import_in_chunks(text.as_bytes(), size),
            whole,
            "chunks of {size}"
        );
    }
    // Windows-1251 too (the decoder keeps state between chunks).
    let (cp, _, _) = WINDOWS_1251.encode(&text);
    let cp_whole = import(&cp);
    assert_eq!(cp_whole.report.encoding, TextEncoding::Windows1251);
    assert_eq!(cp_whole.dataset, whole.dataset);
    assert_eq!(import_in_chunks(&cp, 7), cp_whole);
}

const RU_CONTACTS: &str = "Имя;Компания;Статус;Создан;Сумма
Иван Петров;ООО Ромашка;Клиент;05.03.2024;1 234,50
Мария Сидорова;АО Север;Лид;25.12.2023;
Елена Кузнецова;ООО Ромашка;Лид;01.02.2024;99
";

fn check_russian(r: &Imported) {
    let d = &r.dataset;
    assert_eq!(r.report.delimiter, Delimiter::Semicolon);
    assert_eq!(r.report.headers[0], "Имя");
    assert_eq!(
        keys(d),
        ["Иван Петров", "Мария Сидорова", "Елена Кузнецова"]
    );
    assert_eq!(d.accounts.len(), 2);
    assert_eq!(d.accounts[0].key, "ООО Ромашка");
    assert_eq!(d.contacts[0].status.as_deref(), Some("Клиент"));
    assert_eq!(d.contacts[0].dates.created, Some(day(2024, 3, 5)));
    assert_eq!(d.contacts[1].dates.created, Some(day(2023, 12, 25)));
    // Columns with Russian names are kept as extra fields by their lower-cased header.
    assert_eq!(d.fields, ["имя", "компания", "статус", "создан", "сумма"]);
    assert_eq!(d.contacts[0].extra[4].as_deref(), Some("1 234,50"));
}

#[test]
fn windows_1251_russian_file() {
    let (bytes, _, _) = WINDOWS_1251.encode(RU_CONTACTS);
    assert!(std::str::from_utf8(&bytes).is_err());
    let p = preview(&bytes, &Overrides::default()).unwrap();
    assert_eq!(p.encoding, TextEncoding::Windows1251);
    // Russian headers match no preset: a custom mapping that keeps every column.
    assert_eq!(p.preset, Preset::Custom);
    assert_eq!(p.rows.len(), 3);
    assert_eq!(p.rows[1][0], "Мария Сидорова");
    let mut m = p.mapping.clone();
    assert_eq!(m.roles, [Role::Keep; 5]);
    // The user maps the columns.
    m.roles = vec![
        Role::Name,
        Role::Account,
        Role::Status,
        Role::Created,
        Role::Amount,
    ];
    // With a date column mapped, the dotted dates make the guess European.
    assert_eq!(p.date_order, DateOrder::Iso);
    assert_eq!(p.guess_date_order(&m), DateOrder::European);
    let mut options = p.options();
    options.overrides.date_order = Some(p.guess_date_order(&m));
    options.mapping = Some(m);
    let r = import_bytes(&bytes, options).unwrap();
    assert_eq!(r.report.encoding, TextEncoding::Windows1251);
    assert_eq!(r.report.date_order, DateOrder::European);
    assert_eq!(r.dataset.contacts[0].amount, Some(1234.5));
    assert_eq!(r.dataset.contacts[2].amount, Some(99.0));
    // And without a mapping, everything is kept as text.
    let plain = import(&bytes);
    assert_eq!(plain.report.encoding, TextEncoding::Windows1251);
    check_russian(&Imported {
        report: plain.report.clone(),
        dataset: name_by(&plain.dataset, &r.dataset),
    });
}

/// Keys of `named` on the fields of `kept` (so both imports can be compared).
fn name_by(kept: &Dataset, named: &Dataset) -> Dataset {
    let mut d = named.clone();
    d.fields = kept.fields.clone();
    for (c, k) in d.contacts.iter_mut().zip(&kept.contacts) {
        c.extra = k.extra.clone();
    }
    d
}

#[test]
fn euc_kr_korean_event_log_and_override() {
    let text = "contact,account,time,type,channel\n김민준,삼성전자,2024-03-05,방문,웹\n이서연,현대자동차,2024-03-06,데모,영업\n김민준,삼성전자,2024-03-07,구매,영업\n";
    let (bytes, _, _) = EUC_KR.encode(text);
    let r = import(&bytes);
    assert_eq!(r.report.encoding, TextEncoding::EucKr);
    assert_eq!(keys(&r.dataset), ["김민준", "이서연"]);
    assert_eq!(r.dataset.accounts[1].key, "현대자동차");
    assert_eq!(r.dataset.event_types.names(), ["방문", "데모", "구매"]);
    assert_eq!(r.dataset.events.len(), 3);
    // The user says it is Windows-1251: it is read that way (garbled, but read).
    let options = Options {
        preset: None,
        overrides: Overrides {
            encoding: Some(TextEncoding::Windows1251),
            ..Overrides::default()
        },
        mapping: None,
        ..Options::default()
    };
    let wrong = import_bytes(&bytes, options).unwrap();
    assert_eq!(wrong.report.encoding, TextEncoding::Windows1251);
    assert_eq!(wrong.dataset.contacts.len(), 2);
    assert_ne!(wrong.dataset.contacts[0].key, "김민준");
}

#[test]
fn utf8_bom_and_utf16_bom() {
    let text = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date\n1,Big deal,closedwon,\"$1,234\",3/5/2024,1/15/2024\n";
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let r = import(&bom);
    assert_eq!(r.report.encoding, TextEncoding::Utf8);
    assert_eq!(r.report.headers[0], "Record ID");
    assert_eq!(r.report.preset, Preset::HubSpotDeals);
    let c = &r.dataset.contacts[0];
    assert_eq!(c.key, "1");
    assert_eq!(c.amount, Some(1234.0));
    assert_eq!(c.dates.closed, Some(day(2024, 3, 5)));
    assert_eq!(c.dates.created, Some(day(2024, 1, 15)));
    assert_eq!(r.dataset.latest, Some(day(2024, 3, 5)));
    // Excel's "Unicode text": UTF-16LE with a mark, tab-separated.
    let tsv = text.replace(',', "\t").replace("\"$1\t234\"", "1234");
    let mut wide = vec![0xFF, 0xFE];
    for u in tsv.encode_utf16() {
        wide.extend_from_slice(&u.to_le_bytes());
    }
    let r16 = import(&wide);
    assert_eq!(r16.report.encoding, TextEncoding::Utf16Le);
    assert_eq!(r16.report.delimiter, Delimiter::Tab);
    assert_eq!(r16.dataset, r.dataset);
}

#[test]
fn each_delimiter_gives_the_same_dataset() {
    let comma = import(TEN_EVENTS.as_bytes());
    assert_eq!(comma.report.delimiter, Delimiter::Comma);
    // The quoted amount keeps its comma inside quotes with `;` and tab too.
    for (d, want) in [(";", Delimiter::Semicolon), ("\t", Delimiter::Tab)] {
        let text = TEN_EVENTS
            .replace(',', d)
            .replace(&format!("1{d}200.50"), "1,200.50");
        let r = import(text.as_bytes());
        assert_eq!(r.report.delimiter, want);
        assert_eq!(r.dataset, comma.dataset);
        assert_eq!(r.report.bad_rows, comma.report.bad_rows);
    }
    // Overriding the delimiter: read as `;`, the comma file has one column per row, so
    // there is no time or type column and the default mapping is a kept-text record file.
    let options = Options {
        preset: None,
        overrides: Overrides {
            delimiter: Some(Delimiter::Semicolon),
            ..Overrides::default()
        },
        mapping: None,
        ..Options::default()
    };
    let r = import_bytes(TEN_EVENTS.as_bytes(), options).unwrap();
    assert_eq!(r.report.delimiter, Delimiter::Semicolon);
    assert_eq!(
        r.report.headers,
        ["contact,account,time,type,channel,value"]
    );
    assert_eq!(r.dataset.shape, Shape::Records);
}

#[test]
fn quoted_multiline_fields_and_doubled_quotes_shift_line_numbers() {
    // Line 1 header; the record of line 2 spans lines 2-4; line 5 a good row; line 6 has a
    // bad date; lines 7-8 one record with a CRLF inside quotes; line 9 too few fields.
    let text = "contact,time,type,note\n\
                ann,2024-03-01,visit,\"first\nsecond\nthird\"\n\
                bob,2024-03-02,visit,\"He said \"\"hi\"\"\"\n\
                cyd,2024-31-12,visit,x\n\
                dan,2024-03-03,visit,\"a\r\nb\"\n\
                eve,2024-03-04\n";
    let r = import(text.as_bytes());
    assert_eq!(r.report.rows, 5);
    assert_eq!(
        r.report.bad_rows,
        [
            BadRow {
                line: 6,
                problem: RowProblem::BadDate {
                    column: 1,
                    value: "2024-31-12".into()
                },
                kept: false
            },
            BadRow {
                line: 9,
                problem: RowProblem::WrongFieldCount {
                    expected: 4,
                    found: 2
                },
                kept: false
            },
        ]
    );
    assert_eq!(keys(&r.dataset), ["ann", "bob", "dan"]);
    // The note column is ignored in an event log; kept when mapped.
    let mut m = Mapping::for_preset(Preset::EventLog, &["contact", "time", "type", "note"]);
    assert_eq!(m.roles[3], Role::Ignore);
    m.roles[3] = Role::Keep;
    let r = import_bytes(
        text.as_bytes(),
        Options {
            preset: None,
            mapping: Some(m),
            ..Options::default()
        },
    )
    .unwrap();
    let d = &r.dataset;
    assert_eq!(
        d.field(&d.contacts[0], "note").as_deref(),
        Some("first\nsecond\nthird")
    );
    assert_eq!(
        d.field(&d.contacts[1], "note").as_deref(),
        Some("He said \"hi\"")
    );
    assert_eq!(d.field(&d.contacts[2], "note").as_deref(), Some("a\r\nb"));
    // CRLF line ends count the same: line numbers do not change.
    let crlf = text.replace("x\n", "x\r\n");
    let r2 = import(crlf.as_bytes());
    assert_eq!(r2.report.bad_rows[0].line, 6);
    assert_eq!(r2.report.bad_rows[1].line, 9);
}

#[test]
fn us_and_european_slashes_guessed_and_overridden() {
    let text =
        "Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Close Date,Created Date\n\
                006A,Renewal,Acme,Closed Won,\"€1.234,50\",03/05/2024,01/02/2024\n\
                006B,New,Globex,Prospecting,500,04/06/2024,02/03/2024\n";
    let r = import(text.as_bytes());
    assert_eq!(r.report.preset, Preset::SalesforceOpportunities);
    // No part over 12: slashes default to US.
    assert_eq!(r.report.date_order, DateOrder::Us);
    let d = &r.dataset;
    assert_eq!(d.contacts[0].dates.closed, Some(day(2024, 3, 5)));
    assert_eq!(d.contacts[0].amount, Some(1234.5));
    assert_eq!(d.contacts[0].name.as_deref(), Some("Renewal"));
    assert_eq!(d.contacts[0].status.as_deref(), Some("Closed Won"));
    assert_eq!(d.accounts.len(), 2);
    let european = Options {
        preset: None,
        overrides: Overrides {
            date_order: Some(DateOrder::European),
            ..Overrides::default()
        },
        mapping: None,
        ..Options::default()
    };
    let r = import_bytes(text.as_bytes(), european).unwrap();
    assert_eq!(r.report.date_order, DateOrder::European);
    assert_eq!(r.dataset.contacts[0].dates.closed, Some(day(2024, 5, 3)));
    // One value with a day over 12 makes the guess European for the whole file.
    let text2 = text.replace("04/06/2024", "25/06/2024");
    let p = preview(text2.as_bytes(), &Overrides::default()).unwrap();
    assert_eq!(p.date_order, DateOrder::European);
    let r = import(text2.as_bytes());
    assert_eq!(r.report.date_order, DateOrder::European);
    assert_eq!(r.dataset.contacts[1].dates.closed, Some(day(2024, 6, 25)));
    assert_eq!(r.dataset.contacts[0].dates.closed, Some(day(2024, 5, 3)));
}

#[test]
fn hubspot_contacts_repeated_id_updates_the_contact() {
    let text = "Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Create Date,Became a Lead Date,Became a Marketing Qualified Lead Date,Contact owner,Original Source
101,Ann,Lee,ann@acme.io,Acme,lead,2024-01-10 09:00,2024-01-10,,Kim,Organic Search
102,Bob,,bob@globex.io,Globex,subscriber,2024-01-11,,,Kim,Direct Traffic
101,,,,,marketingqualifiedlead,,,2024-02-01,,
103,Cyd,Moe,,Acme,lead,sometime,2024-01-12,,Lee,
";
    let r = import(text.as_bytes());
    assert_eq!(r.report.preset, Preset::HubSpotContacts);
    let d = &r.dataset;
    assert_eq!(keys(d), ["101", "102", "103"]);
    let ann = &d.contacts[0];
    assert_eq!(ann.name.as_deref(), Some("Ann Lee"));
    // The second row of 101 changes the stage and adds the MQL date; empty cells keep the
    // first row's values.
    assert_eq!(ann.status.as_deref(), Some("marketingqualifiedlead"));
    assert_eq!(ann.dates.created, Some(day(2024, 1, 10) + 9 * 3600));
    assert_eq!(ann.dates.mql, Some(day(2024, 2, 1)));
    assert_eq!(ann.owner.as_deref(), Some("Kim"));
    assert_eq!(d.field(ann, "email").as_deref(), Some("ann@acme.io"));
    assert_eq!(d.contacts[1].name.as_deref(), Some("Bob"));
    // 103's create date is unreadable: kept, with no created date, and reported.
    assert_eq!(d.contacts[2].dates.created, None);
    assert_eq!(d.contacts[2].dates.lead, Some(day(2024, 1, 12)));
    assert_eq!(
        r.report.bad_rows,
        [BadRow {
            line: 5,
            problem: RowProblem::BadDate {
                column: 6,
                value: "sometime".into()
            },
            kept: true
        }]
    );
    assert_eq!(r.report.imported, 4);
    assert_eq!(d.accounts.len(), 2);
    assert_eq!(d.latest, Some(day(2024, 2, 1)));
}

#[test]
fn pipedrive_deals_from_header() {
    let text = "Deal - ID,Deal - Title,Deal - Organization,Deal - Stage,Deal - Status,Deal - Value,Deal - Deal created,Deal - Won time,Deal - Owner\n\
                7,Website,Acme,Negotiation,won,1 500,2024-02-01 10:00:00,2024-03-01 12:00:00,Ana\n";
    let r = import(text.as_bytes());
    assert_eq!(r.report.preset, Preset::PipedriveDeals);
    let d = &r.dataset;
    let c = &d.contacts[0];
    assert_eq!(c.key, "7");
    assert_eq!(c.amount, Some(1500.0));
    assert_eq!(c.dates.closed, Some(day(2024, 3, 1) + 12 * 3600));
    assert_eq!(d.field(c, "deal - status").as_deref(), Some("won"));
    assert_eq!(d.latest, Some(day(2024, 3, 1) + 12 * 3600));
}

#[test]
fn whole_file_errors() {
    assert_eq!(
        import_bytes(b"", Options::default()),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import_bytes(b"\n\n\r\n", Options::default()),
        Err(ImportError::NoHeader)
    );
    assert_eq!(
        import_bytes(b"PK\x03\x04\x00\x00", Options::default()),
        Err(ImportError::NotText)
    );
    assert_eq!(
        import_bytes(b"id,Name,name\n1,a,b\n", Options::default()),
        Err(ImportError::DuplicateHeader {
            name: "name".into(),
            first: 1,
            second: 2
        })
    );
    assert_eq!(
        preview(b"id,Name,name\n", &Overrides::default()),
        Err(ImportError::DuplicateHeader {
            name: "name".into(),
            first: 1,
            second: 2
        })
    );
    let bad = Options {
        preset: None,
        mapping: Some(Mapping {
            shape: Shape::Events,
            roles: vec![Role::Id, Role::EventTime],
        }),
        ..Options::default()
    };
    assert_eq!(
        import_bytes(b"a,b,c\n", bad.clone()),
        Err(ImportError::MappingColumns {
            mapping: 2,
            header: 3
        })
    );
    assert_eq!(
        import_bytes(b"a,b\n", bad),
        Err(ImportError::Mapping(MappingError::NoEventType))
    );
    // A push after an error repeats it.
    let mut imp = Importer::new(Options::default());
    let mut zeros = vec![0u8; SNIFF_BYTES];
    zeros[..4].copy_from_slice(b"a,b\n");
    assert_eq!(imp.push(&zeros), Err(ImportError::NotText));
    assert_eq!(imp.push(b"more"), Err(ImportError::NotText));
    // A header alone is a file with no rows.
    let r = import(b"contact,time,type\n");
    assert_eq!(r.report.rows, 0);
    assert!(r.dataset.contacts.is_empty());
}

#[test]
fn only_the_first_hundred_bad_rows_are_detailed() {
    let mut text = String::from("contact,time,type\n");
    for i in 0..150 {
        text.push_str(&format!("c{i},not a date,visit\nc{i},2024-01-01,visit\n"));
    }
    let r = import(text.as_bytes());
    assert_eq!(r.report.rows, 300);
    assert_eq!(r.report.bad_row_count, 150);
    assert_eq!(r.report.bad_rows.len(), MAX_BAD_ROWS);
    // Bad rows are on lines 2, 4, 6, …
    assert_eq!(r.report.bad_rows[99].line, 200);
    assert_eq!(r.dataset.events.len(), 150);
    assert_eq!(r.dataset.contacts.len(), 150);
}

#[test]
fn preview_shows_twenty_rows_and_the_mapping() {
    let mut text =
        String::from("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline\n");
    for i in 0..30 {
        text.push_str(&format!(
            "{i},Deal {i},appointmentscheduled,{i}00,2024-03-{:02},2024-01-01,default\n",
            i % 28 + 1
        ));
    }
    // Cut in the middle of row 26: only complete records are shown.
    let cut = text.len() - 150;
    let p = preview(&text.as_bytes()[..cut], &Overrides::default()).unwrap();
    assert_eq!(p.preset, Preset::HubSpotDeals);
    assert_eq!(p.headers.len(), 7);
    assert_eq!(p.rows.len(), PREVIEW_ROWS);
    assert_eq!(p.rows[19][1], "Deal 19");
    assert_eq!(p.date_order, DateOrder::Iso);
    assert_eq!(p.mapping.shape, Shape::Records);
    assert_eq!(p.mapping.roles[6], Role::Keep);
    assert_eq!(p.encoding, TextEncoding::Utf8);
    assert_eq!(p.delimiter, Delimiter::Comma);
    let r = import_bytes(text.as_bytes(), p.options()).unwrap();
    assert_eq!(r.dataset.contacts.len(), 30);
    assert_eq!(r.dataset.contacts[29].amount, Some(2900.0));
    assert_eq!(r.dataset.latest, Some(day(2024, 3, 28)));
    assert!(r.dataset.latest.unwrap() % DAY == 0);
}

#[test]
fn browser_decode_samples_are_what_encoding_rs_makes() {
    use decode_samples::*;
    for (enc, text, bytes) in [
        (WINDOWS_1251, RU, RU_1251),
        (EUC_KR, KO, KO_949),
        (WINDOWS_1252, DE, DE_1252),
        (EUC_KR, "김민준", KIM_MINJUN),
        (EUC_KR, "삼성전자", SAMSUNG),
    ] {
        let (encoded, _, unmappable) = enc.encode(text);
        assert!(!unmappable);
        assert_eq!(&*encoded, bytes, "{text}");
    }
    assert_eq!(import(RU_1251).report.encoding, TextEncoding::Windows1251);
    assert_eq!(import(KO_949).report.encoding, TextEncoding::EucKr);
    assert_eq!(import(DE_1252).report.encoding, TextEncoding::Windows1252);
    assert_eq!(import(KO_949).report.headers, ["이름", "회사"]);
}
