//! Splitting contacts to break a report down: by a column's value (owner, source, first
//! channel, any kept column) or by the month or quarter they entered the journey.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::paths::Paths;
use super::{report, Analysis, Report};
use crate::domain::dataset::{format_date, time_from_date, Contact, Dataset, Time};
use crate::domain::model::JourneyMap;

/// The name of a segment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum SegmentLabel {
    Value(String),
    /// Contacts with no value in the column.
    Empty,
    /// The values beyond the largest ones, together.
    Other,
}

/// Contacts that share a value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub label: SegmentLabel,
    pub contacts: Vec<u32>,
}

/// The pseudo-column of a contact's first event's channel.
pub const CHANNEL: &str = "channel";

/// At most this many distinct values make a column worth breaking down by.
const MAX_VALUES: usize = 50;

/// The columns a report can be broken down by: owner, source and the first channel when the
/// file has them, then kept columns with 2 to 50 distinct values.
pub fn segment_fields(data: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    let any = |f: &dyn Fn(&Contact) -> bool| data.contacts.iter().any(f);
    if any(&|c| c.owner.is_some()) {
        out.push("owner".to_owned());
    }
    if any(&|c| c.source.is_some()) {
        out.push("source".to_owned());
    }
    if !data.channels.is_empty() && !data.fields.iter().any(|f| f == CHANNEL) {
        out.push(CHANNEL.to_owned());
    }
    for (i, name) in data.fields.iter().enumerate() {
        let mut values = HashSet::new();
        for c in &data.contacts {
            if let Some(v) = c.extra.get(i).and_then(|v| v.as_deref()) {
                if !v.trim().is_empty() {
                    values.insert(v.trim());
                    if values.len() > MAX_VALUES {
                        break;
                    }
                }
            }
        }
        if (2..=MAX_VALUES).contains(&values.len()) {
            out.push(name.clone());
        }
    }
    out
}

/// The value of `field` on a contact for breaking down ("channel": its first event's channel).
fn value_of(data: &Dataset, c: &Contact, field: &str) -> Option<String> {
    let v = if field == CHANNEL && !data.fields.iter().any(|f| f == CHANNEL) {
        data.events_of(c)
            .iter()
            .find_map(|e| e.channel())
            .map(|ch| data.channels.name(ch).to_owned())
    } else {
        data.field(c, field)
    };
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The report of each segment of every contact by `field` (see [`by_field`]), in its order.
pub fn segment_reports(
    map: &JourneyMap,
    data: &Dataset,
    analysis: &Analysis,
    field: &str,
    max: usize,
) -> Vec<(SegmentLabel, Report)> {
    let all: Vec<u32> = (0..data.contacts.len() as u32).collect();
    by_field(data, field, &all, max)
        .into_iter()
        .map(|s| (s.label, report(analysis.input(map, data), &s.contacts)))
        .collect()
}

/// `contacts` split by the value of `field`: the `max` largest values (ties by name), then
/// the rest as [`SegmentLabel::Other`], then the contacts without a value.
pub fn by_field(data: &Dataset, field: &str, contacts: &[u32], max: usize) -> Vec<Segment> {
    let mut groups: HashMap<String, Vec<u32>> = HashMap::new();
    let mut empty = Vec::new();
    for &i in contacts {
        match value_of(data, &data.contacts[i as usize], field) {
            Some(v) => groups.entry(v).or_default().push(i),
            None => empty.push(i),
        }
    }
    let mut groups: Vec<(String, Vec<u32>)> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<Segment> = Vec::new();
    let mut other: Vec<u32> = Vec::new();
    for (k, (label, members)) in groups.into_iter().enumerate() {
        if k < max {
            out.push(Segment {
                label: SegmentLabel::Value(label),
                contacts: members,
            });
        } else {
            other.extend(members);
        }
    }
    if !other.is_empty() {
        other.sort_unstable();
        out.push(Segment {
            label: SegmentLabel::Other,
            contacts: other,
        });
    }
    if !empty.is_empty() {
        out.push(Segment {
            label: SegmentLabel::Empty,
            contacts: empty,
        });
    }
    out
}

/// Calendar periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Month,
    Quarter,
}

/// The contacts that entered the journey in one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Period {
    /// `2025-03` or `2025-Q1`.
    pub label: String,
    /// Midnight UTC of the period's first day.
    pub start: Time,
    pub contacts: Vec<u32>,
}

/// Contacts by the period of the day they were first placed in a stage, oldest period first.
/// Contacts never placed are in no period.
pub fn by_period(paths: &Paths, g: Granularity) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    for i in 0..paths.len() as u32 {
        let Some(t) = paths.entered(i) else { continue };
        let date = format_date(t);
        let year: i32 = date[0..4].parse().unwrap_or(1970);
        let month: u32 = date[5..7].parse().unwrap_or(1);
        let (label, first_month) = match g {
            Granularity::Month => (date[0..7].to_owned(), month),
            Granularity::Quarter => {
                let q = (month - 1) / 3 + 1;
                (format!("{year:04}-Q{q}"), (q - 1) * 3 + 1)
            }
        };
        match periods.iter_mut().find(|p| p.label == label) {
            Some(p) => p.contacts.push(i),
            None => periods.push(Period {
                start: time_from_date(year, first_month, 1).unwrap_or(0),
                label,
                contacts: vec![i],
            }),
        }
    }
    periods.sort_by_key(|p| p.start);
    periods
}

#[cfg(test)]
mod tests {
    use super::super::tests::analysed;
    use super::*;

    #[test]
    fn fields_worth_a_breakdown() {
        let (_, d, _) = analysed();
        // role has 3 values (case differs: "User", "user"), product 2; no owner, source or
        // channel in this file.
        assert_eq!(segment_fields(&d), ["role", "product"]);
    }

    #[test]
    fn by_field_largest_first_then_other_then_empty() {
        let (_, d, _) = analysed();
        let all = [0, 1, 2, 3, 4];
        let segs = by_field(&d, "product", &all, 5);
        assert_eq!(
            segs,
            [
                Segment {
                    label: SegmentLabel::Value("Audit".into()),
                    contacts: vec![0, 1]
                },
                Segment {
                    label: SegmentLabel::Value("Tax".into()),
                    contacts: vec![2]
                },
                Segment {
                    label: SegmentLabel::Empty,
                    contacts: vec![3, 4]
                },
            ]
        );
        let segs = by_field(&d, "role", &all, 1);
        let labels: Vec<_> = segs.iter().map(|s| (&s.label, s.contacts.len())).collect();
        assert_eq!(
            labels,
            [
                (&SegmentLabel::Value("Economic buyer".into()), 1),
                (&SegmentLabel::Other, 2),
                (&SegmentLabel::Empty, 2)
            ]
        );
    }

    #[test]
    fn periods_by_journey_entry() {
        let (_, _, a) = analysed();
        // A, B, C entered on 2024-01-01, E on day 20 (January 21), D on day 200 (July 19).
        let months = by_period(&a.paths, Granularity::Month);
        let got: Vec<_> = months
            .iter()
            .map(|p| (p.label.as_str(), p.contacts.clone()))
            .collect();
        assert_eq!(got, [("2024-01", vec![0, 1, 2, 4]), ("2024-07", vec![3])]);
        let quarters = by_period(&a.paths, Granularity::Quarter);
        let got: Vec<_> = quarters
            .iter()
            .map(|p| (p.label.as_str(), p.contacts.len(), format_date(p.start)))
            .collect();
        assert_eq!(
            got,
            [
                ("2024-Q1", 4, "2024-01-01".to_string()),
                ("2024-Q3", 1, "2024-07-01".to_string())
            ]
        );
    }
}
