//! Reading a lookup table's file (see [`super::lookup`]): any encoding and delimiter the importer
//! reads, every column kept, a row each. Apart from the table itself, so that the importer, which
//! joins tables, does not depend on the importer reading them.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::importer::{import_bytes, preview, ImportError, Options};
use super::lookup::Lookup;
use super::preset::{Mapping, Role};
use crate::domain::dataset::Shape;

/// The largest lookup file: it is kept with the data's options (in browser storage too).
pub const MAX_LOOKUP_BYTES: usize = 2 << 20;

/// Why a lookup file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum LookupError {
    #[error("the lookup file is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("the lookup file has no column {column:?}")]
    NoColumn { column: String },
    #[error("the lookup file needs a key column and at least one more")]
    TooFewColumns,
    #[error("{0}")]
    File(ImportError),
}

impl Lookup {
    /// Reads a lookup file (any encoding and delimiter the importer reads) keyed by the column
    /// named `key` (ignoring case; `None`: the first column), to be joined by the contacts'
    /// field `by`.
    pub fn read(
        name: &str,
        bytes: &[u8],
        key: Option<&str>,
        by: &str,
    ) -> Result<Lookup, LookupError> {
        if bytes.is_empty() {
            return Err(LookupError::File(ImportError::Empty));
        }
        if bytes.len() > MAX_LOOKUP_BYTES {
            return Err(LookupError::TooLarge {
                max: MAX_LOOKUP_BYTES,
            });
        }
        // The header first, for the number of columns; then every column kept, a row each.
        let head = preview(bytes, &Default::default()).map_err(LookupError::File)?;
        let n = head.headers.len();
        if n < 2 {
            return Err(LookupError::TooFewColumns);
        }
        let key = match key {
            None => 0,
            Some(k) => head
                .headers
                .iter()
                .position(|h| h.trim().to_lowercase() == k.trim().to_lowercase())
                .ok_or_else(|| LookupError::NoColumn {
                    column: k.to_owned(),
                })?,
        };
        let options = Options {
            mapping: Some(Mapping {
                shape: Shape::Records,
                roles: vec![Role::Keep; n],
            }),
            ..Options::default()
        };
        let imported = import_bytes(bytes, options).map_err(LookupError::File)?;
        let rows = imported
            .dataset
            .contacts
            .iter()
            .map(|c| {
                c.extra
                    .iter()
                    .map(|v| v.as_deref().unwrap_or("").trim().to_owned())
                    .collect()
            })
            .collect();
        Ok(Lookup {
            name: name.to_owned(),
            by: by.trim().to_lowercase(),
            headers: imported.report.headers,
            key,
            rows,
        })
    }
}
