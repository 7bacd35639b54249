//! Lookup tables: a second, small CSV keyed by one of its columns (sales teams by agent,
//! sectors by account), joined onto every contact by one of its fields, so its other columns
//! become fields that rules and segments read like kept columns.
//!
//! A lookup is read once, when the user adds it, into plain rows kept with the import's
//! [`Options`](super::Options): re-reading the data file (a reload, the data worker) joins it
//! again with no second file to find. Keys compare trimmed and ignoring case; the first row of
//! a key wins.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::dataset::Dataset;

/// A lookup table joined onto the contacts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lookup {
    /// The file's name, to show.
    pub name: String,
    /// The contact field whose value is looked up: a built-in (`owner`, `account`, `source`,
    /// `status`, `id`, `name`) or a kept column.
    pub by: String,
    /// The table's header, and which of its columns holds the key.
    pub headers: Vec<String>,
    pub key: usize,
    /// Its rows, cells trimmed (an empty cell is an empty string).
    pub rows: Vec<Vec<String>>,
}

/// What joining a lookup did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Joined {
    pub name: String,
    pub by: String,
    /// The fields it added, as rules name them.
    pub fields: Vec<String>,
    /// Contacts whose value was found in the table, and those whose value was not (or who had
    /// none).
    pub matched: u32,
    pub unmatched: u32,
}

impl Lookup {
    /// The key column and contact field to join by when a column of the table is named like a
    /// field of `fields` (see [`join_fields`]): the first such column; else the first column
    /// and `None`.
    pub fn suggested_join(&self, fields: &[String]) -> (usize, Option<String>) {
        self.headers
            .iter()
            .enumerate()
            .find_map(|(i, h)| {
                let h = h.trim().to_lowercase();
                fields
                    .iter()
                    .find(|f| **f == h)
                    .map(|f| (i, Some(f.clone())))
            })
            .unwrap_or((0, None))
    }

    /// The table's columns other than its key, in order.
    pub fn columns(&self) -> Vec<usize> {
        (0..self.headers.len()).filter(|&j| j != self.key).collect()
    }

    /// The names of the fields the columns become next to the `existing` ones: the
    /// lower-case header, or `<by>_<header>` when that is a built-in or taken.
    pub fn field_names(&self, existing: &[String]) -> Vec<String> {
        let mut fields: Vec<String> = Vec::new();
        for j in self.columns() {
            let base = match self.headers[j].trim().to_lowercase() {
                h if h.is_empty() => format!("column_{}", j + 1),
                h => h,
            };
            let taken = |name: &str, fields: &[String]| {
                BUILT_IN.contains(&name)
                    || existing.iter().any(|f| f == name)
                    || fields.iter().any(|f| f == name)
            };
            let mut name = base.clone();
            if taken(&name, &fields) {
                name = format!("{}_{base}", self.by);
            }
            let mut n = 2;
            while taken(&name, &fields) {
                name = format!("{}_{base}_{n}", self.by);
                n += 1;
            }
            fields.push(name);
        }
        fields
    }

    /// The row of each key (trimmed, lower-case; the first row of a key wins).
    pub fn index(&self) -> HashMap<String, usize> {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            if let Some(k) = row.get(self.key).map(|k| k.trim().to_lowercase()) {
                if !k.is_empty() {
                    index.entry(k).or_insert(i);
                }
            }
        }
        index
    }

    /// Joins the table onto every contact of `data`: each other column becomes a field (named
    /// by its lower-case header; `<by>_<name>` when that name is taken), set on the contacts
    /// whose `by` value is a key of the table.
    pub fn join(&self, data: &mut Dataset) -> Joined {
        let index = self.index();
        let columns = self.columns();
        let fields = self.field_names(&data.fields);
        let (mut matched, mut unmatched) = (0, 0);
        let rows: Vec<Option<usize>> = data
            .contacts
            .iter()
            .map(|c| {
                data.field(c, &self.by)
                    .and_then(|v| index.get(&v.trim().to_lowercase()).copied())
            })
            .collect();
        for (c, row) in data.contacts.iter_mut().zip(rows) {
            if row.is_some() {
                matched += 1;
            } else {
                unmatched += 1;
            }
            for &j in &columns {
                let v = row
                    .and_then(|r| self.rows[r].get(j))
                    .filter(|v| !v.is_empty())
                    .cloned();
                c.extra.push(v);
            }
        }
        data.fields.extend(fields.iter().cloned());
        Joined {
            name: self.name.clone(),
            by: self.by.clone(),
            fields,
            matched,
            unmatched,
        }
    }
}

/// The contact fields of `data` a table can be joined by: the text built-ins, then the kept
/// and joined columns.
pub fn join_fields(data: &Dataset) -> Vec<String> {
    ["owner", "account", "source", "status", "id", "name"]
        .into_iter()
        .map(str::to_owned)
        .chain(data.fields.iter().cloned())
        .collect()
}

/// Field names rules read as built-ins: a lookup column of one of these names gets a prefix.
const BUILT_IN: [&str; 13] = [
    "id", "name", "account", "status", "stage", "owner", "source", "amount", "created", "lead",
    "mql", "sql", "closed",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::lookup_file::{LookupError, MAX_LOOKUP_BYTES};
    use crate::domain::import::{import_bytes, ImportError, Options};
    use crate::domain::rules::{classify, RuleSet};

    const DEALS: &str = "opportunity_id,sales_agent,deal_stage\nd1,Moses Frase,Won\nd2, moses frase ,Lost\nd3,Anna Snelling,Won\nd4,Nobody Known,Won\nd5,,Won\n";
    const TEAMS: &[u8] = b"sales_agent;Manager;regional_office;name\nMoses Frase;Dustin Brinkmann;Central;x\nAnna Snelling;Cara Losch;East;y\nmoses frase;Someone Else;West;z\n";

    #[test]
    fn a_team_table_joined_by_owner_is_read_by_rules() {
        let mut data = import_bytes(DEALS.as_bytes(), Options::default())
            .unwrap()
            .dataset;
        let teams = Lookup::read("teams.csv", TEAMS, Some("SALES_AGENT"), "Owner").unwrap();
        assert_eq!(teams.key, 0);
        assert_eq!(teams.rows.len(), 3);
        // The first column named like a contact field is suggested (`name`, the 4th); a
        // table with none starts on its first column and no field.
        assert_eq!(
            teams.suggested_join(&join_fields(&data)),
            (3, Some("name".to_owned()))
        );
        assert_eq!(teams.suggested_join(&["owner".to_owned()]), (0, None));
        let joined = teams.join(&mut data);
        // `name` is a built-in: the lookup's column of that name is `owner_name`.
        assert_eq!(joined.fields, ["manager", "regional_office", "owner_name"]);
        assert_eq!((joined.matched, joined.unmatched), (3, 2));
        let field = |i: usize, f: &str| data.field(&data.contacts[i], f);
        // Keys compare trimmed and ignoring case; the first row of a key wins.
        assert_eq!(field(1, "regional_office").as_deref(), Some("Central"));
        assert_eq!(field(2, "manager").as_deref(), Some("Cara Losch"));
        assert_eq!(field(3, "manager"), None);
        assert_eq!(field(4, "manager"), None);
        let rules = RuleSet::parse(
            "stage central when regional_office = \"central\"\nstage other when status present",
        )
        .unwrap();
        let c = classify(&data, &rules, 0);
        assert_eq!((c.contacts_in("central"), c.contacts_in("other")), (2, 3));
        // And segments: a joined column with a few values is one to break the contacts down by.
        let fields = crate::domain::metrics::segments::segment_fields(&data);
        assert!(fields.contains(&"regional_office".to_owned()), "{fields:?}");
    }

    #[test]
    fn bad_lookup_files_are_refused_with_a_reason() {
        assert_eq!(
            Lookup::read("t.csv", b"only\na\n", None, "owner"),
            Err(LookupError::TooFewColumns)
        );
        assert_eq!(
            Lookup::read("t.csv", TEAMS, Some("agent"), "owner"),
            Err(LookupError::NoColumn {
                column: "agent".into()
            })
        );
        let big = vec![b'a'; MAX_LOOKUP_BYTES + 1];
        assert!(matches!(
            Lookup::read("t.csv", &big, None, "owner"),
            Err(LookupError::TooLarge { .. })
        ));
        assert!(matches!(
            Lookup::read("t.csv", b"", None, "owner"),
            Err(LookupError::File(ImportError::Empty))
        ));
    }
}
