//! The streaming importer: bytes in by chunks, a [`Dataset`] and a [`Report`] out.
//!
//! Memory: the importer holds the first [`SNIFF_BYTES`] of the file (to guess the encoding,
//! delimiter and date order the same way however the file is chunked), the current chunk
//! decoded, the record being parsed and the [`DatasetBuilder`] — never the whole file.
//!
//! Rows are read with `csv-core` (push-based: it keeps its state between chunks, so a
//! record or a quoted field may span any number of chunks). Cells are trimmed; an empty
//! cell is a missing value.
//!
//! **Bad rows.** A row that cannot be placed — wrong number of fields; in an event log no
//! contact id, no time or an unreadable time, no event type; in a record file an empty id
//! cell when an id column is mapped — is *dropped* and reported. A row whose only problem
//! is an optional cell that cannot be read (an amount, a value, a milestone date) is *kept*
//! with that cell left empty, and reported too with `kept: true`: losing a whole deal
//! because its "Became a Lead Date" is mistyped would hide more than it shows. Each bad row
//! is reported once, with its first problem; the first [`MAX_BAD_ROWS`] are kept in full
//! and all are counted.
//!
//! **Line numbers** are physical lines of the file, 1-based, the header being line 1 (when
//! the file starts with it); a quoted field spanning lines moves the following rows down.
//!
//! **Long records.** A record longer than [`MAX_RECORD_BYTES`] is nearly always a stray `"`
//! that made the rest of the file one quoted field. It is not buffered past the limit: it is
//! read on to its end (the end of the file if the quote never closes) keeping nothing, then
//! dropped and reported as [`RowProblem::TooLong`] with the line its quote opened on — or,
//! for the header, the whole file fails with [`ImportError::HeaderTooLong`] as soon as the
//! limit is passed. The rows before it are kept.
//!
//! **Binary data.** A NUL byte anywhere in a file that is not UTF-16 fails the whole file
//! with [`ImportError::NotText`], whichever chunk it is in.

use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::dates::{parse_time, DateOrder, DateOrderGuess};
use super::decode::ChunkDecoder;
use super::encoding::{self, TextEncoding};
use super::lookup::{Joined, Lookup};
use super::numbers::parse_amount;
use super::preset::{Mapping, MappingError, Preset, Role};
use super::sniff::{sniff_delimiter, Delimiter};
use crate::domain::dataset::{Dataset, DatasetBuilder, Shape, Time, TooManyKinds, MAX_KINDS};

/// How much of the start of a file is looked at to guess its encoding, delimiter and date
/// order.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// How many bad rows are reported in full.
pub const MAX_BAD_ROWS: usize = 100;

/// Longest record read, in bytes of its fields' text (as UTF-8) plus one per field — about
/// its length in the file. A longer one is read to its end without being kept (see the
/// [module documentation](self)), so one record holds at most this much text and this many
/// field ends (8 bytes each) in memory.
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;

// The start of a file (decoded, at most three bytes of UTF-8 per byte) is always read whole.
const _: () = assert!(MAX_RECORD_BYTES > 3 * SNIFF_BYTES);

/// How many data rows a [`Preview`] shows.
pub const PREVIEW_ROWS: usize = 20;

/// Longest cell value quoted back in a [`RowProblem`], in characters.
const MAX_QUOTED: usize = 80;

/// What the user chose instead of the guesses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides {
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<Delimiter>,
    pub date_order: Option<DateOrder>,
}

/// Everything an import can be told.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub overrides: Overrides,
    /// The column mapping; `None` maps the columns with [`Self::preset`].
    pub mapping: Option<Mapping>,
    /// The preset to map the columns with when there is no `mapping`; `None` uses the one
    /// recognised from the header (or guesses from common column names).
    #[serde(default)]
    pub preset: Option<Preset>,
    /// Lookup tables joined onto the contacts once the file is read, in order.
    #[serde(default)]
    pub lookups: Vec<Lookup>,
}

/// A problem with the whole file: nothing is imported.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ImportError {
    /// No bytes at all.
    #[error("the file is empty")]
    Empty,
    /// The file has bytes but no header record (only blank lines).
    #[error("the file has no header")]
    NoHeader,
    /// Binary data (a NUL byte anywhere in text that is not UTF-16): a spreadsheet, an
    /// archive.
    #[error("the file is not text")]
    NotText,
    /// The header record is longer than [`MAX_RECORD_BYTES`]: most likely a `"` in it that
    /// is never closed. `quote_line` is the line that quote opened on, when the field that
    /// passed the limit is quoted (spans lines); `None` for a single overlong line.
    #[error("the header is longer than {} bytes", MAX_RECORD_BYTES)]
    HeaderTooLong { quote_line: Option<u64> },
    /// Two header columns have the same name, case-insensitively (0-based columns).
    #[error("header {name:?} appears in columns {first} and {second}")]
    DuplicateHeader {
        name: String,
        first: usize,
        second: usize,
    },
    /// The given mapping has a different number of columns than the header.
    #[error("the mapping has {mapping} columns, the header {header}")]
    MappingColumns { mapping: usize, header: usize },
    /// The mapping cannot be imported.
    #[error("bad mapping: {0}")]
    Mapping(#[from] MappingError),
}

/// Why one row was dropped or had a cell left empty. Columns are 0-based.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RowProblem {
    /// Not as many fields as the header has.
    WrongFieldCount { expected: usize, found: usize },
    /// A date cell that is none of the accepted forms (value cut to 80 characters).
    BadDate { column: usize, value: String },
    /// An amount or value cell that is not a number (value cut to 80 characters).
    BadNumber { column: usize, value: String },
    /// The contact id cell is empty.
    MissingId,
    /// The event time cell is empty.
    MissingTime,
    /// The event type cell is empty.
    MissingType,
    /// The row's event type or channel (in `column`) would be the file's `limit + 1`-th
    /// different one; events keep them in 16 bits.
    TooManyKinds { column: usize, limit: usize },
    /// The record is longer than [`MAX_RECORD_BYTES`]; it was read to its end without being
    /// kept. Nearly always a stray `"`: `quote_line` is the line that quote opened on, when
    /// the field that passed the limit is quoted (spans lines); `None` for a single overlong
    /// line. `end_line` is the record's last line (the file's last line when the quote is
    /// never closed): lines from the row's line to `end_line` were read as this one record.
    TooLong {
        quote_line: Option<u64>,
        end_line: u64,
    },
}

/// One reported row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadRow {
    /// Physical line where the record starts (1-based; the header is line 1).
    pub line: u64,
    pub problem: RowProblem,
    /// Whether the row was imported anyway (with the bad cell left empty).
    pub kept: bool,
}

/// What an import did (camelCase in JSON, as the JS API gives it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Data rows read (the header not counted).
    pub rows: usize,
    /// Rows that went into the dataset (including kept bad rows).
    pub imported: usize,
    /// The first [`MAX_BAD_ROWS`] bad rows.
    pub bad_rows: Vec<BadRow>,
    /// All bad rows, dropped or kept.
    pub bad_row_count: usize,
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
    pub date_order: DateOrder,
    /// The preset the columns were mapped with: the one asked for, else the one recognised
    /// from the header; [`Preset::Custom`] when a mapping was given or the mapping was guessed
    /// from common column names.
    pub preset: Preset,
    pub headers: Vec<String>,
    /// The role of each column, as imported.
    pub mapping: Mapping,
    /// What each lookup table joined.
    #[serde(default)]
    pub lookups: Vec<Joined>,
}

impl Report {
    /// The file's header with the role each column was given.
    pub fn columns(&self) -> Vec<(String, Role)> {
        self.headers
            .iter()
            .cloned()
            .zip(self.mapping.roles.iter().copied())
            .collect()
    }
}

/// The result of an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    pub report: Report,
}

/// What the column-mapping step shows: the guesses, the header, the first rows, and the
/// preset's mapping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
    pub date_order: DateOrder,
    pub headers: Vec<String>,
    /// Up to [`PREVIEW_ROWS`] data rows, cells trimmed.
    pub rows: Vec<Vec<String>>,
    pub preset: Preset,
    pub mapping: Mapping,
}

impl Preview {
    /// Options that import the file exactly as previewed.
    pub fn options(&self) -> Options {
        Options {
            overrides: Overrides {
                encoding: Some(self.encoding),
                delimiter: Some(self.delimiter),
                date_order: Some(self.date_order),
            },
            mapping: Some(self.mapping.clone()),
            preset: None,
            lookups: Vec::new(),
        }
    }

    /// The date order guessed from the preview rows for another mapping (after the user
    /// changed which columns hold dates).
    pub fn guess_date_order(&self, mapping: &Mapping) -> DateOrder {
        let mut g = DateOrderGuess::default();
        for row in &self.rows {
            for (cell, role) in row.iter().zip(&mapping.roles) {
                if role.is_date() {
                    g.see(cell);
                }
            }
        }
        g.order()
    }
}

/// Reads the start of a file for the mapping step. `first_chunk` may end anywhere; an
/// incomplete last record is not shown. Errors are those of the whole file (empty, binary,
/// no header, duplicate header names).
pub fn preview(first_chunk: &[u8], overrides: &Overrides) -> Result<Preview, ImportError> {
    let sample = Sample::read(first_chunk, overrides, false)?;
    let header = sample.header()?;
    let preset = Preset::detect(&header);
    let mapping = Mapping::for_preset(preset, &header);
    let date_order = overrides
        .date_order
        .unwrap_or_else(|| sample.guess_order(&mapping));
    let rows = sample
        .records
        .iter()
        .filter_map(Item::record)
        .take(PREVIEW_ROWS)
        .map(|r| r.fields().map(|f| f.trim().to_owned()).collect())
        .collect();
    Ok(Preview {
        encoding: sample.encoding,
        delimiter: sample.delimiter,
        date_order,
        headers: header,
        rows,
        preset,
        mapping,
    })
}

/// Imports a whole file held in memory (see [`Importer`]).
pub fn import_bytes(bytes: &[u8], options: Options) -> Result<Imported, ImportError> {
    let mut imp = Importer::new(options);
    imp.push(bytes)?;
    imp.finish()
}

/// A streaming import: [`push`](Importer::push) the file chunk by chunk, then
/// [`finish`](Importer::finish).
pub struct Importer {
    options: Options,
    state: State,
    /// The file's size, when the caller knows it ([`Importer::expect_bytes`]).
    expected: Option<u64>,
    /// Bytes pushed so far.
    pushed: u64,
    /// Whether room for the file's events has been made.
    reserved: bool,
}

#[allow(clippy::large_enum_variant)]
enum State {
    /// Collecting the first [`SNIFF_BYTES`].
    Head(Vec<u8>),
    Running(Box<Running>),
    Failed(ImportError),
}

struct Running {
    parser: Parser,
    rows: Rows,
}

impl Importer {
    /// An importer with these options.
    pub fn new(options: Options) -> Importer {
        Importer {
            options,
            state: State::Head(Vec::new()),
            expected: None,
            pushed: 0,
            reserved: false,
        }
    }

    /// The lookup tables the import joins onto the contacts when it finishes.
    pub fn lookups(&self) -> &[Lookup] {
        &self.options.lookups
    }

    /// Tells the importer the file is `total` bytes long. Once the first rows are read, it
    /// makes room for as many events as the file will hold at that rate, so the events are
    /// one block that never moves (see [`DatasetBuilder::reserve_events`]).
    pub fn expect_bytes(&mut self, total: u64) {
        self.expected = Some(total);
    }

    /// Feeds the next chunk of the file. An error is about the whole file; once one is
    /// returned, later pushes return it again and do nothing.
    pub fn push(&mut self, mut bytes: &[u8]) -> Result<(), ImportError> {
        self.pushed += bytes.len() as u64;
        if let State::Head(head) = &mut self.state {
            let take = bytes.len().min(SNIFF_BYTES - head.len());
            head.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if head.len() < SNIFF_BYTES {
                return Ok(());
            }
            self.start(false);
        }
        match &mut self.state {
            State::Running(run) => {
                let fed = run.feed(bytes, false);
                if let Err(e) = &fed {
                    self.state = State::Failed(e.clone());
                } else if !self.reserved {
                    if let Some(total) = self.expected {
                        self.reserved = run.rows.reserve_for(self.pushed, total);
                    }
                }
                fed
            }
            State::Failed(e) => Err(e.clone()),
            State::Head(_) => unreachable!("start leaves the head state"),
        }
    }

    /// Data rows read so far (for a progress bar; the head of the file is read in one go
    /// once enough of it has come in, so this stays 0 for the first pushes).
    pub fn rows_read(&self) -> usize {
        match &self.state {
            State::Running(run) => run.rows.rows,
            State::Head(_) | State::Failed(_) => 0,
        }
    }

    /// Reads the end of the file and returns the dataset and the report.
    pub fn finish(mut self) -> Result<Imported, ImportError> {
        if let State::Head(_) = self.state {
            self.start(true);
        } else if let State::Running(run) = &mut self.state {
            // An error is kept in `rows` and returned by its `finish`.
            let _ = run.feed(&[], true);
        }
        match self.state {
            State::Running(run) => run.rows.finish(),
            State::Failed(e) => Err(e),
            State::Head(_) => unreachable!("start leaves the head state"),
        }
    }

    /// Guesses from the head, then reads it; `last` when the head is the whole file.
    fn start(&mut self, last: bool) {
        let State::Head(head) = std::mem::replace(&mut self.state, State::Head(Vec::new())) else {
            return;
        };
        self.state = match Sample::read(&head, &self.options.overrides, last)
            .and_then(|s| Running::new(s, &self.options))
        {
            Ok(run) => State::Running(Box::new(run)),
            Err(e) => State::Failed(e),
        };
    }
}

impl Running {
    fn new(sample: Sample, options: &Options) -> Result<Running, ImportError> {
        let mut rows = Rows::new(sample.encoding, sample.delimiter, options);
        if let Some(h) = &sample.header_record {
            let header = sample.header()?;
            rows.date_order = options.overrides.date_order.unwrap_or_else(|| {
                let detected;
                let mapping = match &options.mapping {
                    Some(m) => m,
                    None => {
                        detected = Mapping::for_preset(Preset::detect(&header), &header);
                        &detected
                    }
                };
                sample.guess_order(mapping)
            });
            rows.record(h.as_record());
            rows.error()?;
            for item in &sample.records {
                match item {
                    Item::Record(r) => rows.record(r.as_record()),
                    Item::TooLong(t) => rows.too_long(*t),
                }
            }
        } else if sample.at_end {
            return Err(ImportError::NoHeader);
        }
        Ok(Running {
            parser: sample.parser,
            rows,
        })
    }

    /// Reads the next chunk of the file (after the head); `last` at the end of the file.
    fn feed(&mut self, bytes: &[u8], last: bool) -> Result<(), ImportError> {
        let Running { parser, rows } = self;
        rows.error()?;
        // The same rule as for the head, chunk by chunk.
        if !rows.encoding.is_utf16() && bytes.contains(&0) {
            rows.error = Some(ImportError::NotText);
            return rows.error();
        }
        parser.feed(bytes, last, &mut |p| rows.parsed(p));
        if rows.error.is_none() && rows.table.is_none() {
            // A header past the limit fails the file now, not at the end of its record.
            if let Some(t) = parser.too_long {
                rows.error = Some(ImportError::HeaderTooLong {
                    quote_line: t.quote_line,
                });
            }
        }
        rows.error()
    }
}

/// The start of a file, decoded and split into records.
struct Sample {
    encoding: TextEncoding,
    delimiter: Delimiter,
    parser: Parser,
    header_record: Option<OwnedRecord>,
    /// The records after the header, in order.
    records: Vec<Item>,
    at_end: bool,
}

/// A record of the sample, or one too long to keep.
enum Item {
    Record(OwnedRecord),
    TooLong(TooLong),
}

impl Item {
    fn record(&self) -> Option<&OwnedRecord> {
        match self {
            Item::Record(r) => Some(r),
            Item::TooLong(_) => None,
        }
    }
}

impl Sample {
    fn read(head: &[u8], overrides: &Overrides, last: bool) -> Result<Sample, ImportError> {
        if head.is_empty() && last {
            return Err(ImportError::Empty);
        }
        let encoding = overrides.encoding.unwrap_or_else(|| encoding::guess(head));
        if !encoding.is_utf16() && head.contains(&0) {
            return Err(ImportError::NotText);
        }
        let mut parser = Parser::new(encoding);
        parser.decode(head, last);
        let delimiter = overrides
            .delimiter
            .unwrap_or_else(|| sniff_delimiter(&String::from_utf8_lossy(&parser.decoded)));
        parser.set_delimiter(delimiter);
        let mut records = Vec::new();
        parser.parse(last, &mut |p| {
            records.push(match p {
                Parsed::Record(rec) => Item::Record(OwnedRecord {
                    text: rec.text.to_owned(),
                    ends: rec.ends.to_vec(),
                    sep: rec.sep,
                    end_line: rec.end_line,
                }),
                Parsed::TooLong(t) => Item::TooLong(t),
            })
        });
        let header_record = if records.is_empty() {
            None
        } else {
            match records.remove(0) {
                Item::Record(r) => Some(r),
                Item::TooLong(t) => {
                    return Err(ImportError::HeaderTooLong {
                        quote_line: t.quote_line,
                    })
                }
            }
        };
        if header_record.is_none() {
            if let Some(t) = parser.too_long {
                return Err(ImportError::HeaderTooLong {
                    quote_line: t.quote_line,
                });
            }
            if last {
                return Err(ImportError::NoHeader);
            }
        }
        Ok(Sample {
            encoding,
            delimiter,
            parser,
            header_record,
            records,
            at_end: last,
        })
    }

    /// The header names, trimmed; errors on a missing header or duplicate names.
    fn header(&self) -> Result<Vec<String>, ImportError> {
        let rec = self.header_record.as_ref().ok_or(ImportError::NoHeader)?;
        header_names(rec.as_record())
    }

    fn guess_order(&self, mapping: &Mapping) -> DateOrder {
        let mut g = DateOrderGuess::default();
        for r in self.records.iter().filter_map(Item::record) {
            let rec = r.as_record();
            for (i, role) in mapping.roles.iter().enumerate() {
                if role.is_date() && i < rec.len() {
                    g.see(rec.field(i).trim());
                }
            }
        }
        g.order()
    }
}

fn header_names(rec: Record<'_>) -> Result<Vec<String>, ImportError> {
    let names: Vec<String> = rec.fields().map(|f| f.trim().to_owned()).collect();
    if names.iter().all(String::is_empty) {
        return Err(ImportError::NoHeader);
    }
    // Each name lower-cased and the first column it is in: one pass, however wide the header.
    let mut first: HashMap<String, usize> = HashMap::with_capacity(names.len());
    for (i, n) in names.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        match first.entry(n.to_lowercase()) {
            Entry::Occupied(j) => {
                return Err(ImportError::DuplicateHeader {
                    name: n.clone(),
                    first: *j.get(),
                    second: i,
                })
            }
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    Ok(names)
}

/// One parsed record: its text and where each field ends in it. The fields are back to back
/// (`sep` 0) when csv-core unquoted them, or one delimiter apart (`sep` 1) when the record is a
/// plain line read in place.
#[derive(Clone, Copy)]
struct Record<'a> {
    text: &'a str,
    ends: &'a [usize],
    sep: usize,
    /// Physical line of the record's last byte.
    end_line: u64,
}

impl<'a> Record<'a> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn field(&self, i: usize) -> &'a str {
        let start = if i == 0 {
            0
        } else {
            self.ends[i - 1] + self.sep
        };
        // Field boundaries are where csv-core dropped an ASCII byte, so always character
        // boundaries; `get` keeps this panic-free regardless.
        self.text.get(start..self.ends[i]).unwrap_or("")
    }

    fn fields(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.field(i))
    }

    /// Physical line where the record starts: its end line less the newlines inside
    /// quoted fields (an unquoted newline would have ended the record).
    fn start_line(&self) -> u64 {
        let inner = self.text.bytes().filter(|&b| b == b'\n').count() as u64;
        self.end_line.saturating_sub(inner)
    }
}

struct OwnedRecord {
    text: String,
    ends: Vec<usize>,
    sep: usize,
    end_line: u64,
}

impl OwnedRecord {
    fn as_record(&self) -> Record<'_> {
        Record {
            text: &self.text,
            ends: &self.ends,
            sep: self.sep,
            end_line: self.end_line,
        }
    }

    fn fields(&self) -> impl Iterator<Item = &str> + '_ {
        let rec = self.as_record();
        (0..rec.len()).map(move |i| rec.field(i))
    }
}

/// A record longer than [`MAX_RECORD_BYTES`], read to its end without being kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TooLong {
    /// Physical line where the record starts.
    start_line: u64,
    /// Line where the field that passed the limit starts, when it spans lines — which only
    /// a quoted field can, so that is where its quote opened.
    quote_line: Option<u64>,
    /// Physical line of the record's last byte; until it has ended, the line reached.
    end_line: u64,
}

impl TooLong {
    /// Finds where a record passes the limit from its first bytes: `text` and `ends` as
    /// parsed so far (together longer than [`MAX_RECORD_BYTES`]), `line` the physical line
    /// of the last byte read. Only what lies before the limit is looked at, so the answer
    /// is the same however far past it the record was read (which depends on the chunks).
    fn find(text: &[u8], ends: &[usize], line: u64) -> TooLong {
        let newlines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count() as u64;
        // Every newline read since the record started is in its text (an unquoted one
        // would have ended it).
        let start_line = line.saturating_sub(newlines(text));
        // The field in which the text so far plus one byte per field passes the limit: the
        // first finished one that does (its delimiter counted), else the one being read.
        let k = ends
            .iter()
            .enumerate()
            .position(|(k, &end)| end + k + 1 > MAX_RECORD_BYTES)
            .unwrap_or(ends.len());
        let from = if k == 0 { 0 } else { ends[k - 1] }.min(text.len());
        let to = ends.get(k).map_or(text.len(), |&end| end.min(text.len()));
        let to = to.min((MAX_RECORD_BYTES + 1).saturating_sub(k)).max(from);
        let quoted = text[from..to].iter().any(|&b| b == b'\n' || b == b'\r');
        TooLong {
            start_line,
            quote_line: quoted.then(|| start_line + newlines(&text[..from])),
            end_line: line,
        }
    }
}

/// What the parser hands on: a record, or the end of one too long to keep.
enum Parsed<'a> {
    Record(Record<'a>),
    TooLong(TooLong),
}

/// Decoding and CSV parsing, chunk by chunk.
struct Parser {
    decoder: Box<dyn ChunkDecoder>,
    /// The current chunk, decoded to UTF-8.
    decoded: Vec<u8>,
    csv: csv_core::Reader,
    /// The record being parsed: its field bytes and field ends so far (each at most
    /// [`MAX_RECORD_BYTES`] + 1 long).
    out: Vec<u8>,
    ends: Vec<usize>,
    outlen: usize,
    endlen: usize,
    /// Set while reading a record past the limit: its bytes are dropped as they come.
    too_long: Option<TooLong>,
    /// Whether the last byte read was a newline (so it ends the line before
    /// [`csv_core::Reader::line`]).
    after_newline: bool,
    /// The delimiter, once known: plain lines are then split in place (see [`plain_line`]).
    plain: Option<u8>,
    /// Whether csv-core is between records, so the next line may be read in place.
    at_record_start: bool,
    /// Lines read in place, which csv-core did not count.
    plain_lines: u64,
    /// Field ends of the line read in place.
    plain_ends: Vec<usize>,
}

impl Parser {
    fn new(encoding: TextEncoding) -> Parser {
        Parser {
            decoder: super::decode::decoder(encoding),
            decoded: Vec::new(),
            // Not built (`Reader::new` builds the DFA for commas): `set_delimiter` builds the
            // one used, and building was over half of the CSV fuzz target's time. (A built
            // reader cannot be cached and cloned: csv-core 0.1's `Dfa::clone` copies only the
            // transition table.)
            csv: csv_core::Reader::default(),
            out: vec![0; 4096],
            ends: vec![0; 64],
            outlen: 0,
            endlen: 0,
            too_long: None,
            after_newline: false,
            plain: None,
            at_record_start: true,
            plain_lines: 0,
            plain_ends: Vec::new(),
        }
    }

    fn set_delimiter(&mut self, d: Delimiter) {
        self.csv = csv_core::ReaderBuilder::new().delimiter(d.byte()).build();
        self.plain = Some(d.byte());
    }

    /// Decodes a chunk into `self.decoded` (replacing what was there).
    fn decode(&mut self, bytes: &[u8], last: bool) {
        self.decoded.clear();
        self.decoder.decode(bytes, last, &mut self.decoded);
    }

    fn feed(&mut self, bytes: &[u8], last: bool, sink: &mut dyn FnMut(Parsed<'_>)) {
        self.decode(bytes, last);
        self.parse(last, sink);
    }

    /// Parses `self.decoded`, calling `sink` for each complete record (and, when `last`,
    /// for an unterminated final one). A record that passes [`MAX_RECORD_BYTES`] is read
    /// on to its end, dropping its bytes, and handed on as [`Parsed::TooLong`].
    fn parse(&mut self, last: bool, sink: &mut dyn FnMut(Parsed<'_>)) {
        use csv_core::ReadRecordResult as R;
        let Parser {
            decoded,
            csv,
            out,
            ends,
            outlen,
            endlen,
            too_long,
            after_newline,
            plain,
            at_record_start,
            plain_lines,
            plain_ends,
            ..
        } = self;
        let mut pos = 0;
        loop {
            let input = &decoded[pos..];
            if input.is_empty() && !last {
                return;
            }
            // Most lines of an export have no quotes: split them where they lie, and leave the
            // rest (quotes, a bare carriage return, an empty or unfinished line) to csv-core.
            if let (Some(delimiter), true) = (*plain, *at_record_start) {
                if let Some((line_len, next)) = plain_line(input, delimiter, plain_ends) {
                    // `decoded` is UTF-8 and the line ends before an ASCII byte.
                    if let Ok(text) = std::str::from_utf8(&input[..line_len]) {
                        sink(Parsed::Record(Record {
                            text,
                            ends: plain_ends,
                            sep: 1,
                            end_line: csv.line() + *plain_lines,
                        }));
                        *plain_lines += 1;
                        *after_newline = true;
                        pos += next;
                        continue;
                    }
                }
            }
            let (res, nin, nout, nend) =
                csv.read_record(input, &mut out[*outlen..], &mut ends[*endlen..]);
            let ended_by_newline = nin > 0 && input[nin - 1] == b'\n';
            if nin > 0 {
                *after_newline = ended_by_newline;
            }
            pos += nin;
            *outlen += nout;
            *endlen += nend;
            let is_record = matches!(res, R::Record);
            *at_record_start = is_record || (*at_record_start && nin == 0);
            // The physical line of the last byte read that belongs to the record.
            let line = csv.line() + *plain_lines - u64::from(is_record && ended_by_newline);
            if too_long.is_none() && *outlen + *endlen > MAX_RECORD_BYTES {
                *too_long = Some(TooLong::find(&out[..*outlen], &ends[..*endlen], line));
            }
            if too_long.is_some() {
                // Nothing of it is kept: csv-core writes the rest of it over these bytes.
                *outlen = 0;
                *endlen = 0;
            }
            match res {
                R::InputEmpty => {
                    if !last || input.is_empty() {
                        return;
                    }
                }
                // Dropped bytes above made room when the record is too long.
                R::OutputFull if too_long.is_none() => {
                    let n = (out.len() * 2).min(MAX_RECORD_BYTES + 1);
                    out.resize(n, 0);
                }
                R::OutputEndsFull if too_long.is_none() => {
                    let n = (ends.len() * 2).min(MAX_RECORD_BYTES + 1);
                    ends.resize(n, 0);
                }
                R::OutputFull | R::OutputEndsFull => {}
                R::Record => {
                    if let Some(t) = too_long.take() {
                        // Its last byte: a newline read in an earlier chunk (inside its
                        // quotes, when the file ends) still ends the line before.
                        let end_line = csv.line() + *plain_lines - u64::from(*after_newline);
                        sink(Parsed::TooLong(TooLong { end_line, ..t }));
                    } else {
                        let bytes = &out[..*outlen];
                        let text = match std::str::from_utf8(bytes) {
                            Ok(s) => Cow::Borrowed(s),
                            Err(_) => String::from_utf8_lossy(bytes),
                        };
                        sink(Parsed::Record(Record {
                            text: &text,
                            ends: &ends[..*endlen],
                            sep: 0,
                            end_line: line,
                        }));
                    }
                    *outlen = 0;
                    *endlen = 0;
                }
                R::End => return,
            }
        }
    }
}

/// Eight bytes at a time: the bytes of `word` equal to `byte` have their high bit set in the
/// answer. Only the lowest set byte is sure to be a match (a borrow can mark a byte above a
/// true match), which is the one [`plain_line`] reads.
fn bytes_equal(word: u64, byte: u8) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// A complete line at the start of `input` that csv-core would read as plain fields: it ends
/// with a newline, holds no quote and no carriage return but the one before its newline, is not
/// empty, and fits in [`MAX_RECORD_BYTES`]. Returns the length of its text (without the line
/// end) and of the whole line, with the end of each field in `ends`. Looks at eight bytes at a
/// time for the next byte that matters (a byte-by-byte loop was as slow as csv-core itself).
fn plain_line(input: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> Option<(usize, usize)> {
    ends.clear();
    let mut i = 0;
    while i < MAX_RECORD_BYTES {
        let rest = input.get(i..)?;
        let (word, n) = match rest.first_chunk::<8>() {
            Some(w) => (*w, 8),
            None => {
                let mut w = [0u8; 8];
                w[..rest.len()].copy_from_slice(rest);
                (w, rest.len())
            }
        };
        let word = u64::from_le_bytes(word);
        // Candidates for a delimiter, newline, carriage return or quote, lowest first; each is
        // checked (a borrow can mark a byte above a true match, and padding is not input).
        let mut found = bytes_equal(word, delimiter)
            | bytes_equal(word, b'\n')
            | bytes_equal(word, b'\r')
            | bytes_equal(word, b'"');
        while found != 0 {
            let at = i + (found.trailing_zeros() / 8) as usize;
            found &= found - 1;
            match rest.get(at - i) {
                Some(b'\n') => {
                    ends.push(at);
                    return (at > 0 && at < MAX_RECORD_BYTES).then_some((at, at + 1));
                }
                // A carriage return is fine only right before the newline.
                Some(b'\r') if input.get(at + 1) == Some(&b'\n') => {
                    ends.push(at);
                    return (at > 0 && at < MAX_RECORD_BYTES).then_some((at, at + 2));
                }
                Some(b'"' | b'\r') => return None,
                Some(&b) if b == delimiter && at - i < n => ends.push(at),
                _ => {}
            }
        }
        if n < 8 {
            return None;
        }
        i += 8;
    }
    None
}

/// Column numbers of the single roles.
#[derive(Default)]
struct Columns {
    id: Option<usize>,
    account: Option<usize>,
    status: Option<usize>,
    created: Option<usize>,
    lead: Option<usize>,
    mql: Option<usize>,
    sql: Option<usize>,
    closed: Option<usize>,
    amount: Option<usize>,
    owner: Option<usize>,
    source: Option<usize>,
    time: Option<usize>,
    kind: Option<usize>,
    channel: Option<usize>,
    value: Option<usize>,
    /// Name columns, in order.
    names: Vec<usize>,
    /// Kept columns and their index in [`Dataset::fields`].
    keep: Vec<(usize, usize)>,
}

/// Turns rows into the dataset.
struct Rows {
    encoding: TextEncoding,
    delimiter: Delimiter,
    date_order: DateOrder,
    given: Option<Mapping>,
    /// The preset asked for, if any.
    preset: Option<Preset>,
    lookups: Vec<Lookup>,
    /// Set when the header is read.
    table: Option<Table>,
    error: Option<ImportError>,
    rows: usize,
    imported: usize,
    bad_rows: Vec<BadRow>,
    bad_row_count: usize,
    name_buf: String,
}

struct Table {
    headers: Vec<String>,
    preset: Preset,
    mapping: Mapping,
    cols: Columns,
    builder: DatasetBuilder,
}

/// A problem found in a row, and whether it drops the row.
type Found = Option<(RowProblem, bool)>;

impl Rows {
    fn new(encoding: TextEncoding, delimiter: Delimiter, options: &Options) -> Rows {
        Rows {
            encoding,
            delimiter,
            date_order: options.overrides.date_order.unwrap_or(DateOrder::Iso),
            given: options.mapping.clone(),
            preset: options.preset,
            lookups: options.lookups.clone(),
            table: None,
            error: None,
            rows: 0,
            imported: 0,
            bad_rows: Vec::new(),
            bad_row_count: 0,
            name_buf: String::new(),
        }
    }

    /// Makes room for the events of a `total`-byte file at the rate of rows to bytes seen in
    /// the first `read` bytes (and 2 % more); `false` while too few rows have been read to tell.
    fn reserve_for(&mut self, read: u64, total: u64) -> bool {
        const ENOUGH_ROWS: usize = 1000;
        let Some(table) = &mut self.table else {
            return false;
        };
        if table.mapping.shape != Shape::Events {
            return true;
        }
        if self.rows < ENOUGH_ROWS && read < total {
            return false;
        }
        let rate = self.rows as f64 / read.max(1) as f64;
        let expected = (rate * total as f64 * 1.02) as usize;
        let have = table.builder.event_count();
        table.builder.reserve_events(expected.saturating_sub(have));
        true
    }

    fn error(&self) -> Result<(), ImportError> {
        match &self.error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    fn parsed(&mut self, p: Parsed<'_>) {
        match p {
            Parsed::Record(rec) => self.record(rec),
            Parsed::TooLong(t) => self.too_long(t),
        }
    }

    /// A record too long to keep: a header fails the file, a row is dropped and reported.
    fn too_long(&mut self, t: TooLong) {
        if self.error.is_some() {
            return;
        }
        if self.table.is_none() {
            self.error = Some(ImportError::HeaderTooLong {
                quote_line: t.quote_line,
            });
            return;
        }
        self.rows += 1;
        let problem = RowProblem::TooLong {
            quote_line: t.quote_line,
            end_line: t.end_line,
        };
        self.bad_row(t.start_line, problem, false);
    }

    /// Counts a bad row, and keeps it when fewer than [`MAX_BAD_ROWS`] are.
    fn bad_row(&mut self, line: u64, problem: RowProblem, kept: bool) {
        self.bad_row_count += 1;
        if self.bad_rows.len() < MAX_BAD_ROWS {
            self.bad_rows.push(BadRow {
                line,
                problem,
                kept,
            });
        }
    }

    fn record(&mut self, rec: Record<'_>) {
        if self.error.is_some() {
            return;
        }
        match &mut self.table {
            None => match self.header(rec) {
                Ok(t) => self.table = Some(t),
                Err(e) => self.error = Some(e),
            },
            Some(_) => self.row(rec),
        }
    }

    fn header(&mut self, rec: Record<'_>) -> Result<Table, ImportError> {
        let headers = header_names(rec)?;
        let (preset, mapping) = match (&self.given, self.preset) {
            (Some(m), _) => (Preset::Custom, m.clone()),
            (None, asked) => {
                let preset = asked.unwrap_or_else(|| Preset::detect(&headers));
                (preset, Mapping::for_preset(preset, &headers))
            }
        };
        if mapping.roles.len() != headers.len() {
            return Err(ImportError::MappingColumns {
                mapping: mapping.roles.len(),
                header: headers.len(),
            });
        }
        mapping.check()?;
        let mut cols = Columns::default();
        let mut fields = Vec::new();
        for (i, &role) in mapping.roles.iter().enumerate() {
            let slot = match role {
                Role::Ignore => continue,
                Role::Name => {
                    cols.names.push(i);
                    continue;
                }
                Role::Keep => {
                    let name = headers[i].to_lowercase();
                    let name = if name.is_empty() {
                        format!("column_{}", i + 1)
                    } else {
                        name
                    };
                    cols.keep.push((i, fields.len()));
                    fields.push(name);
                    continue;
                }
                Role::Id => &mut cols.id,
                Role::Account => &mut cols.account,
                Role::Status => &mut cols.status,
                Role::Created => &mut cols.created,
                Role::Lead => &mut cols.lead,
                Role::Mql => &mut cols.mql,
                Role::Sql => &mut cols.sql,
                Role::Closed => &mut cols.closed,
                Role::Amount => &mut cols.amount,
                Role::Owner => &mut cols.owner,
                Role::Source => &mut cols.source,
                Role::EventTime => &mut cols.time,
                Role::EventType => &mut cols.kind,
                Role::Channel => &mut cols.channel,
                Role::Value => &mut cols.value,
            };
            *slot = Some(i);
        }
        let builder = DatasetBuilder::new(mapping.shape, fields);
        Ok(Table {
            headers,
            preset,
            mapping,
            cols,
            builder,
        })
    }

    fn row(&mut self, rec: Record<'_>) {
        self.rows += 1;
        let Some(table) = &mut self.table else { return };
        let expected = table.headers.len();
        let found = if rec.len() != expected {
            Some((
                RowProblem::WrongFieldCount {
                    expected,
                    found: rec.len(),
                },
                true,
            ))
        } else {
            match table.mapping.shape {
                Shape::Events => event_row(table, rec, self.date_order, &mut self.name_buf),
                Shape::Records => {
                    record_row(table, rec, self.date_order, self.rows, &mut self.name_buf)
                }
            }
        };
        match found {
            None => self.imported += 1,
            Some((problem, dropped)) => {
                if !dropped {
                    self.imported += 1;
                }
                self.bad_row(rec.start_line(), problem, !dropped);
            }
        }
    }

    fn finish(self) -> Result<Imported, ImportError> {
        self.error()?;
        let table = self.table.ok_or(ImportError::NoHeader)?;
        let mut dataset = table.builder.finish();
        let lookups = self.lookups.iter().map(|l| l.join(&mut dataset)).collect();
        Ok(Imported {
            dataset,
            report: Report {
                rows: self.rows,
                imported: self.imported,
                bad_rows: self.bad_rows,
                bad_row_count: self.bad_row_count,
                encoding: self.encoding,
                delimiter: self.delimiter,
                date_order: self.date_order,
                preset: table.preset,
                headers: table.headers,
                mapping: table.mapping,
                lookups,
            },
        })
    }
}

fn cell<'a>(rec: &Record<'a>, col: Option<usize>) -> Option<&'a str> {
    let v = rec.field(col?).trim();
    (!v.is_empty()).then_some(v)
}

fn quoted(v: &str) -> String {
    v.chars().take(MAX_QUOTED).collect()
}

/// An optional date cell: its time, or a kept-row problem.
fn date_cell(
    rec: &Record<'_>,
    col: Option<usize>,
    order: DateOrder,
    found: &mut Found,
) -> Option<Time> {
    let v = cell(rec, col)?;
    let t = parse_time(v, order);
    if t.is_none() && found.is_none() {
        *found = Some((
            RowProblem::BadDate {
                column: col.unwrap_or(0),
                value: quoted(v),
            },
            false,
        ));
    }
    t
}

/// An optional number cell: its value, or a kept-row problem.
fn number_cell(rec: &Record<'_>, col: Option<usize>, found: &mut Found) -> Option<f64> {
    let v = cell(rec, col)?;
    let n = parse_amount(v);
    if n.is_none() && found.is_none() {
        *found = Some((
            RowProblem::BadNumber {
                column: col.unwrap_or(0),
                value: quoted(v),
            },
            false,
        ));
    }
    n
}

fn event_row(table: &mut Table, rec: Record<'_>, order: DateOrder, name_buf: &mut String) -> Found {
    let cols = &table.cols;
    let Some(id) = cell(&rec, cols.id) else {
        return Some((RowProblem::MissingId, true));
    };
    let Some(time_text) = cell(&rec, cols.time) else {
        return Some((RowProblem::MissingTime, true));
    };
    let Some(time) = parse_time(time_text, order) else {
        return Some((
            RowProblem::BadDate {
                column: cols.time.unwrap_or(0),
                value: quoted(time_text),
            },
            true,
        ));
    };
    let Some(kind) = cell(&rec, cols.kind) else {
        return Some((RowProblem::MissingType, true));
    };
    let mut found = None;
    let value = number_cell(&rec, cols.value, &mut found);
    let channel = cell(&rec, cols.channel);
    let (kind, channel) = match table.builder.kinds(kind, channel) {
        Ok(numbers) => numbers,
        Err(too_many) => {
            let column = match too_many {
                TooManyKinds::EventTypes => cols.kind,
                TooManyKinds::Channels => cols.channel,
            };
            return Some((
                RowProblem::TooManyKinds {
                    column: column.unwrap_or(0),
                    limit: MAX_KINDS,
                },
                true,
            ));
        }
    };
    let contact = table.builder.contact(id);
    update_contact(table, contact, &rec, order, name_buf, &mut found);
    table
        .builder
        .push_event(contact, time, kind, channel, value);
    found
}

fn record_row(
    table: &mut Table,
    rec: Record<'_>,
    order: DateOrder,
    row: usize,
    name_buf: &mut String,
) -> Found {
    let cols = &table.cols;
    let contact = match cols.id {
        Some(_) => match cell(&rec, cols.id) {
            Some(id) => table.builder.contact(id),
            None => return Some((RowProblem::MissingId, true)),
        },
        None => {
            join_names(&rec, &cols.names, name_buf);
            if name_buf.is_empty() {
                table.builder.contact(&row.to_string())
            } else {
                table.builder.contact(name_buf)
            }
        }
    };
    let mut found = None;
    update_contact(table, contact, &rec, order, name_buf, &mut found);
    found
}

fn join_names(rec: &Record<'_>, names: &[usize], buf: &mut String) {
    buf.clear();
    for &i in names {
        let v = rec.field(i).trim();
        if !v.is_empty() {
            if !buf.is_empty() {
                buf.push(' ');
            }
            buf.push_str(v);
        }
    }
}

/// Fills a contact's fields from a row: later non-empty values win; empty cells change
/// nothing. Strings are only allocated when a value changes.
fn update_contact(
    table: &mut Table,
    contact: u32,
    rec: &Record<'_>,
    order: DateOrder,
    name_buf: &mut String,
    found: &mut Found,
) {
    let Table { cols, builder, .. } = table;
    let account = cell(rec, cols.account).map(|a| builder.account(a));
    let dates = [
        date_cell(rec, cols.created, order, found),
        date_cell(rec, cols.lead, order, found),
        date_cell(rec, cols.mql, order, found),
        date_cell(rec, cols.sql, order, found),
        date_cell(rec, cols.closed, order, found),
    ];
    for t in dates.iter().flatten() {
        builder.saw(*t);
    }
    let amount = number_cell(rec, cols.amount, found);
    if !cols.names.is_empty() {
        join_names(rec, &cols.names, name_buf);
    }
    let c = builder.contact_mut(contact);
    if account.is_some() {
        c.account = account;
    }
    if !cols.names.is_empty() && !name_buf.is_empty() {
        set(&mut c.name, name_buf);
    }
    if let Some(v) = cell(rec, cols.status) {
        set(&mut c.status, v);
    }
    if let Some(v) = cell(rec, cols.owner) {
        set(&mut c.owner, v);
    }
    if let Some(v) = cell(rec, cols.source) {
        set(&mut c.source, v);
    }
    let d = &mut c.dates;
    for (slot, t) in [
        &mut d.created,
        &mut d.lead,
        &mut d.mql,
        &mut d.sql,
        &mut d.closed,
    ]
    .into_iter()
    .zip(dates)
    {
        if t.is_some() {
            *slot = t;
        }
    }
    if amount.is_some() {
        c.amount = amount;
    }
    for &(col, k) in &cols.keep {
        if let Some(v) = cell(rec, Some(col)) {
            set(&mut c.extra[k], v);
        }
    }
}

fn set(slot: &mut Option<String>, v: &str) {
    if slot.as_deref() != Some(v) {
        *slot = Some(v.to_owned());
    }
}

#[cfg(test)]
mod tests;
