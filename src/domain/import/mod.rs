//! Streaming CSV import of CRM exports and event logs into a [`Dataset`].
//!
//! The steps, each in its own file:
//!
//! * [`encoding`] — which character encoding (byte-order mark, else byte statistics);
//! * [`decode`] — chunk-by-chunk decoding to UTF-8 behind the [`ChunkDecoder`] trait (UTF-8
//!   and UTF-16 in plain Rust; the legacy code pages by `encoding_rs` natively and by the
//!   browser's `TextDecoder` in the wasm build);
//! * [`sniff`] — which delimiter (`,` `;` tab);
//! * [`dates`] and [`numbers`] — dates (ISO, US, European, epoch) and amounts as CRMs
//!   write them;
//! * [`preset`] — the column-mapping step: a [`Role`] per column, presets recognised from
//!   the header of HubSpot, Salesforce and Pipedrive exports and of a generic event log;
//! * [`columns`] — which page of a wide file's columns the mapping step shows;
//! * [`lookup`] — a second, small table (teams by owner) joined onto the contacts;
//! * [`importer`] — the streaming [`Importer`]: bytes in by chunks, a [`Dataset`] and a
//!   [`Report`] of bad rows out; and [`preview`] for the mapping step of the UI.
//!
//! ```
//! use journey_mapper::domain::import::{import_bytes, preview, Options, Overrides};
//!
//! let csv = b"contact,account,time,type\nann,acme,2024-03-05,visit\nbob,acme,2024-03-06,demo\n";
//! let p = preview(csv, &Overrides::default()).unwrap();
//! let imported = import_bytes(csv, p.options()).unwrap();
//! assert_eq!(imported.dataset.contacts.len(), 2);
//! assert_eq!(imported.dataset.accounts.len(), 1);
//! assert_eq!(imported.report.rows, 2);
//! ```
//!
//! [`Dataset`]: crate::domain::dataset::Dataset

pub mod columns;
pub mod dates;
pub mod decode;
pub mod encoding;
pub mod handover;
pub mod importer;
pub mod lookup;
pub mod lookup_file;
pub mod numbers;
pub mod preset;
pub mod sniff;

pub use dates::{parse_time, DateOrder};
pub use encoding::ChunkDecoder;
pub use encoding::TextEncoding;
pub use importer::{
    import_bytes, preview, BadRow, ImportError, Imported, Importer, Options, Overrides, Preview,
    Report, RowProblem, MAX_BAD_ROWS, MAX_RECORD_BYTES, PREVIEW_ROWS, SNIFF_BYTES,
};
pub use lookup::{join_fields, Joined, Lookup};
pub use lookup_file::{LookupError, MAX_LOOKUP_BYTES};
pub use numbers::parse_amount;
pub use preset::{Mapping, MappingError, Preset, Role};
pub use sniff::Delimiter;
