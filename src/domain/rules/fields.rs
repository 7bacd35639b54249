//! Fields a rule names that the data does not have.
//!
//! A condition on a field no column holds is read as "missing" and never matches, so a rule
//! such as `stage won when deal_stage = "Won"` on a file whose `deal_stage` column was read as
//! the status places nobody, with no sign why. [`unknown_fields`] names such fields, the rules
//! that use them, and what the column became when the file has one of that name.

use serde::Serialize;

use super::eval::FieldNames;
use super::model::{Condition, Rule, RuleRef, RuleSet};
use crate::domain::import::Role;

/// What became of a file's column that has the unknown field's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ColumnFate {
    /// The column was given `role` and is read as the built-in `field`: write that instead.
    ReadAs { role: Role, field: &'static str },
    /// The column was read into events (their time, type, channel or value).
    Events { role: Role },
    /// The column was not imported: give it the role "keep" to use it in rules.
    Ignored,
    /// A column spelt differently (`Lost Reason` for `lost_reason`) is kept as the field
    /// `field`: write `field "lost reason"`.
    KeptAs { field: String },
}

/// A field that rules name and the data does not have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownField {
    /// The name as the first rule wrote it.
    pub field: String,
    /// The rules that name it, in order (indexes into [`RuleSet::rules`]).
    pub rules: Vec<RuleRef>,
    /// What became of the file's column of that name, when it has one.
    pub column: Option<ColumnFate>,
}

/// The built-in field a column of this role is read as.
pub(super) fn builtin_of(role: Role) -> Option<&'static str> {
    Some(match role {
        Role::Id => "id",
        Role::Name => "name",
        Role::Account => "account",
        Role::Status => "status",
        Role::Created => "created",
        Role::Lead => "lead",
        Role::Mql => "mql",
        Role::Sql => "sql",
        Role::Closed => "closed",
        Role::Amount => "amount",
        Role::Owner => "owner",
        Role::Source => "source",
        Role::Ignore | Role::EventTime | Role::EventType | Role::Channel | Role::Value => {
            return None
        }
        Role::Keep => return None,
    })
}

/// Lower-case letters and digits only: `Lost Reason`, `lost_reason` and `LostReason` agree.
fn squeezed(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What became of the file's column named `lower` (lower-cased), or of one spelt like it.
fn column_fate(columns: &[(String, Role)], lower: &str) -> Option<ColumnFate> {
    let fate = |header: &str, role: Role| match (role, builtin_of(role)) {
        (_, Some(field)) => ColumnFate::ReadAs { role, field },
        (Role::Keep, None) => ColumnFate::KeptAs {
            field: header.trim().to_lowercase(),
        },
        (Role::Ignore, None) => ColumnFate::Ignored,
        (_, None) => ColumnFate::Events { role },
    };
    if let Some((h, role)) = columns
        .iter()
        .find(|(h, _)| h.trim().to_lowercase() == lower)
    {
        return Some(fate(h, *role));
    }
    let squeezed_name = squeezed(lower);
    columns
        .iter()
        .find(|(h, _)| !squeezed_name.is_empty() && squeezed(h) == squeezed_name)
        .map(|(h, role)| fate(h, *role))
}

/// The field names a condition tests, in the order written.
fn fields_of<'a>(cond: &'a Condition, out: &mut Vec<&'a str>) {
    match cond {
        Condition::And { all: parts } | Condition::Or { any: parts } => {
            parts.iter().for_each(|c| fields_of(c, out))
        }
        Condition::Not { not } => fields_of(not, out),
        Condition::Field { field, .. } => out.push(field),
        Condition::Count { .. }
        | Condition::Recency { .. }
        | Condition::Score { .. }
        | Condition::AtStage { .. } => {}
    }
}

/// Every field the rules name that data with these kept columns (`Dataset::fields`) has
/// not, in the order first named (names compared ignoring case, as rules read them).
/// `columns` is the file's header with the role each column was given (empty when unknown),
/// to say what became of a column of that name.
pub fn unknown_fields(
    rules: &RuleSet,
    fields: &[String],
    columns: &[(String, Role)],
) -> Vec<UnknownField> {
    let names = FieldNames::default();
    let mut out: Vec<UnknownField> = Vec::new();
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let mut named = Vec::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        let when = match rule {
            Rule::Fit { when, .. }
            | Rule::Stage { when, .. }
            | Rule::Outcome { when, .. }
            | Rule::Sentiment { when, .. } => when,
            Rule::Comment { .. } | Rule::Engage { .. } | Rule::Threshold { .. } => continue,
        };
        named.clear();
        fields_of(when, &mut named);
        for &field in &named {
            if names.knows(field, fields) {
                continue;
            }
            let lower = field.to_lowercase();
            let rule = i as RuleRef;
            match seen.get(&lower) {
                Some(&at) => {
                    if out[at].rules.last() != Some(&rule) {
                        out[at].rules.push(rule);
                    }
                }
                None => {
                    let column = column_fate(columns, &lower);
                    seen.insert(lower, out.len());
                    out.push(UnknownField {
                        field: field.to_owned(),
                        rules: vec![rule],
                        column,
                    });
                }
            }
        }
    }
    out
}

/// Where `field` is first written in rule `rule` of `text`: its 1-based line and column (in
/// characters, names compared ignoring case); column 1 when the line does not show it.
pub fn field_position(text: &str, rule: RuleRef, field: &str) -> (u32, u32) {
    let line = line_of_rule(text, rule).unwrap_or(1);
    let shown = text.split('\n').nth(line as usize - 1).unwrap_or("");
    let lower = shown.to_lowercase();
    let column = lower
        .find(&field.to_lowercase())
        .map_or(1, |at| lower[..at].chars().count() as u32 + 1);
    (line, column)
}

/// The 1-based line of `text` that holds rule `rule` of its parse (rules are counted over
/// the non-blank lines, as [`RuleRef`] says), or `None` past the end.
pub fn line_of_rule(text: &str, rule: RuleRef) -> Option<u32> {
    text.split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .nth(rule as usize)
        .map(|(i, _)| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::Dataset;
    use crate::domain::import::{import_bytes, Mapping, Options, Preset};

    const DEALS: &str = "opportunity_id,deal_stage,close_value,sector\n\
        1,Won,100,tech\n\
        2,Lost,0,retail\n";

    /// `text` imported with one role per column, and its header with those roles.
    fn imported(text: &str, roles: &[Role]) -> (Dataset, Vec<(String, Role)>) {
        let headers: Vec<String> = text
            .lines()
            .next()
            .unwrap()
            .split(',')
            .map(String::from)
            .collect();
        let mapping = Mapping {
            roles: roles.to_vec(),
            ..Mapping::for_preset(Preset::Custom, &headers)
        };
        let options = Options {
            preset: None,
            mapping: Some(mapping),
            ..Options::default()
        };
        let data = import_bytes(text.as_bytes(), options).unwrap().dataset;
        (
            data,
            headers.into_iter().zip(roles.iter().copied()).collect(),
        )
    }

    fn deals(roles: [Role; 4]) -> (Dataset, Vec<(String, Role)>) {
        imported(DEALS, &roles)
    }

    /// What became of each unknown field's column.
    fn fates(
        rules: &RuleSet,
        data: &Dataset,
        columns: &[(String, Role)],
    ) -> Vec<Option<ColumnFate>> {
        unknown_fields(rules, &data.fields, columns)
            .into_iter()
            .map(|u| u.column)
            .collect()
    }

    #[test]
    fn a_column_read_as_the_status_is_named_with_the_field_to_write() {
        let (data, columns) = deals([Role::Id, Role::Status, Role::Amount, Role::Keep]);
        let rules = RuleSet::parse(
            "# deals\n\
             stage won when deal_stage = \"Won\"\n\
             stage big when amount >= 50 and SECTOR = \"tech\"\n\
             stage lost when Deal_Stage = \"Lost\" or not (deal_stage present)\n\
             fit +1 when region = \"EU\"",
        )
        .unwrap();
        let unknown = unknown_fields(&rules, &data.fields, &columns);
        assert_eq!(
            unknown,
            vec![
                UnknownField {
                    field: "deal_stage".into(),
                    rules: vec![1, 3],
                    column: Some(ColumnFate::ReadAs {
                        role: Role::Status,
                        field: "status"
                    }),
                },
                UnknownField {
                    field: "region".into(),
                    rules: vec![4],
                    column: None,
                },
            ]
        );
        // The known fields (built-in `amount`, kept `sector` in any case) are not named.
        assert!(unknown_fields(
            &RuleSet::parse("stage a when status = \"Won\" and sector present").unwrap(),
            &data.fields,
            &columns
        )
        .is_empty());
    }

    #[test]
    fn an_ignored_column_is_told_apart_from_an_event_column() {
        let (data, columns) = deals([Role::Id, Role::Ignore, Role::Amount, Role::Ignore]);
        let rules =
            RuleSet::parse("stage a when deal_stage = \"Won\"\nstage b when sector = \"tech\"")
                .unwrap();
        assert_eq!(
            fates(&rules, &data, &columns),
            [Some(ColumnFate::Ignored), Some(ColumnFate::Ignored)]
        );
        let with_events = [
            ("deal_stage".to_owned(), Role::EventType),
            ("sector".to_owned(), Role::Keep),
        ];
        assert_eq!(
            fates(&rules, &data, &with_events),
            [
                Some(ColumnFate::Events {
                    role: Role::EventType
                }),
                // Kept (but not in this data, which was read with it ignored).
                Some(ColumnFate::KeptAs {
                    field: "sector".into()
                })
            ]
        );
    }

    #[test]
    fn a_column_spelt_otherwise_is_found_and_named_as_rules_must_write_it() {
        let (data, columns) = imported(
            "id,Lost Reason,DealStage\n1,timing,Won\n",
            &[Role::Id, Role::Keep, Role::Status],
        );
        let rules = RuleSet::parse(
            "stage a when lost_reason = \"timing\"\nstage b when deal_stage = \"Won\"\nstage c when field \"lost reason\" present",
        )
        .unwrap();
        let unknown = unknown_fields(&rules, &data.fields, &columns);
        let named: Vec<_> = unknown
            .iter()
            .map(|u| (u.field.as_str(), u.column.clone()))
            .collect();
        assert_eq!(
            named,
            [
                (
                    "lost_reason",
                    Some(ColumnFate::KeptAs {
                        field: "lost reason".into()
                    })
                ),
                (
                    "deal_stage",
                    Some(ColumnFate::ReadAs {
                        role: Role::Status,
                        field: "status"
                    })
                ),
            ]
        );
    }

    #[test]
    fn rules_and_fields_are_found_on_their_lines_past_blank_ones() {
        let text = "\n# a\n\nstage a when x present\n   \nstage b when y present\n";
        assert_eq!(line_of_rule(text, 0), Some(2));
        assert_eq!(line_of_rule(text, 1), Some(4));
        assert_eq!(line_of_rule(text, 2), Some(6));
        assert_eq!(line_of_rule(text, 3), None);
        let text = "# deals\n\nstage won when  Deal_Stage = \"Won\"";
        assert_eq!(field_position(text, 1, "deal_stage"), (3, 17));
        assert_eq!(field_position(text, 1, "absent"), (3, 1));
    }
}
