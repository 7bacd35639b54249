//! A map's imported data, classified by the map's rules: what the data page and the JS API show.
//!
//! The glue between [`super::import`] (a file becomes a [`Dataset`]), [`super::rules`] (a
//! dataset becomes a [`Classification`]) and the map (stage names and order).

use crate::domain::model::Stage;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::dataset::{Dataset, Shape, Time};
use super::import::{Options, Report, Role};
use super::model::{Id, JourneyMap};
use super::rules::{Classification, RuleError, RuleSet};

/// What is kept about an imported file beside its bytes, so that a reload reads it the same way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatasetMeta {
    pub file_name: String,
    pub bytes: u64,
    #[serde(with = "crate::domain::model::rfc3339")]
    pub imported_at: Timestamp,
    /// How the file was read (encoding, separator, dates, column mapping).
    pub options: Options,
}

/// The rules' text a map classifies with: its own, or its model's defaults.
pub fn rules_text(map: &JourneyMap) -> String {
    map.rules
        .clone()
        .unwrap_or_else(|| RuleSet::default_text(map.source_model))
}

/// The rules a map classifies with.
pub fn rules_of(map: &JourneyMap) -> Result<RuleSet, RuleError> {
    match &map.rules {
        Some(text) => RuleSet::parse(text),
        None => Ok(RuleSet::default_for(map.source_model)),
    }
}

/// The moment windows ("within 30 days") and decay are measured from: the latest date in the
/// file, so that an export classifies the same way whenever it is opened; `now` for a file
/// without dates.
pub fn as_of(dataset: &Dataset, now: Timestamp) -> Time {
    dataset.latest.unwrap_or(now.as_second())
}

/// Something about an import and its classification that is most likely not what the user
/// meant: the figures are computed, but read wrong until it is fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Warning {
    /// A record file had no column read as the id: each row is a contact of its own, known by
    /// its name or row number, so two rows of one deal or contact count twice.
    NoIdColumn,
    /// Contacts were imported but no rule placed any of them in a stage: the rules test
    /// values or columns the file does not have (a status spelt otherwise, a column read
    /// under another role).
    NothingPlaced { contacts: u32 },
}

/// The warnings for an import whose `contacts` classified with `unplaced` left unplaced.
pub fn warnings(report: &Report, contacts: u32, unplaced: u32) -> Vec<Warning> {
    let mut out = Vec::new();
    if report.mapping.shape == Shape::Records && report.mapping.column(Role::Id).is_none() {
        out.push(Warning::NoIdColumn);
    }
    if contacts > 0 && unplaced == contacts {
        out.push(Warning::NothingPlaced { contacts });
    }
    out
}

/// How many contacts and accounts are in one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTally {
    pub stage: String,
    pub contacts: u32,
    pub accounts: u32,
}

/// Contacts and accounts per stage, in the map's stage order, then the stages the rules name
/// that the map does not have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// One per stage of the map, in map order.
    pub stages: Vec<StageTally>,
    /// Stage ids used by rules that are not stages of the map (a typo, or a deleted stage).
    pub unknown: Vec<StageTally>,
    pub unplaced_contacts: u32,
    pub unplaced_accounts: u32,
    pub contacts: u32,
    pub accounts: u32,
}

impl Tally {
    /// Counts a classification against a map's stages.
    pub fn new(map: &JourneyMap, result: &Classification) -> Tally {
        let count = |stage: &str| StageTally {
            stage: stage.to_owned(),
            contacts: result.contacts_in(stage),
            accounts: result.accounts_in(stage),
        };
        let stages = map.stages.iter().map(|s| count(s.id.as_str())).collect();
        let unknown = result
            .stages
            .iter()
            .filter(|id| map.stage(&Id::new((*id).clone())).is_none())
            .map(|id| count(id))
            .collect();
        Tally {
            stages,
            unknown,
            unplaced_contacts: result.unplaced_contacts,
            unplaced_accounts: result.unplaced_accounts,
            contacts: result.placements.len() as u32,
            accounts: result.account_stage.len() as u32,
        }
    }

    /// The count of one stage of the map.
    pub fn of(&self, stage: &Id<Stage>) -> Option<&StageTally> {
        self.stages.iter().find(|s| s.stage == stage.as_str())
    }
}

/// The contacts whose id, name or account contains `query` (ignoring case), at most `limit`,
/// in file order, and how many match in all.
pub fn find_contacts(dataset: &Dataset, query: &str, limit: usize) -> (Vec<u32>, usize) {
    let query = query.trim().to_lowercase();
    let mut found = Vec::new();
    let mut total = 0;
    for (i, c) in dataset.contacts.iter().enumerate() {
        let hit = query.is_empty()
            || c.key.to_lowercase().contains(&query)
            || c.name
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains(&query))
            || c.account.is_some_and(|a| {
                dataset.accounts[a as usize]
                    .key
                    .to_lowercase()
                    .contains(&query)
            });
        if hit {
            total += 1;
            if found.len() < limit {
                found.push(i as u32);
            }
        }
    }
    (found, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::classify;

    /// Classifies a dataset with a map's rules, as an analysis does, and counts per stage.
    fn classify_for(
        map: &JourneyMap,
        dataset: &Dataset,
        now: Timestamp,
    ) -> Result<(Classification, Tally), RuleError> {
        let rules = rules_of(map)?;
        let result = classify(dataset, &rules, as_of(dataset, now));
        let tally = Tally::new(map, &result);
        Ok((result, tally))
    }
    use crate::domain::dataset::{time_from_date, DatasetBuilder, Shape};
    use crate::domain::model::SourceModel;
    use crate::domain::template;

    fn hinge() -> JourneyMap {
        template::build(SourceModel::Hinge, Timestamp::UNIX_EPOCH)
    }

    /// Three contacts in two accounts: a won client, a lost prospect, a churned client.
    fn data() -> Dataset {
        let mut b = DatasetBuilder::new(Shape::Records, vec![]);
        let day = time_from_date(2024, 5, 1).unwrap();
        for (key, account, status) in [
            ("c1", "acme", "Closed Won"),
            ("c2", "acme", "Closed Lost"),
            ("c3", "globex", "Open"),
        ] {
            let c = b.contact(key);
            let a = b.account(account);
            let contact = b.contact_mut(c);
            contact.account = Some(a);
            contact.status = Some(status.into());
            contact.dates.created = Some(day);
            b.saw(day);
        }
        b.finish()
    }

    #[test]
    fn tally_follows_the_map_and_names_unknown_stages() {
        let mut map = hinge();
        map.rules = Some(
            "stage client_experience when status = \"Closed Won\"\n\
             stage nowhere when status = \"Closed Lost\"\n\
             stage pre_purchase when status = \"Open\""
                .into(),
        );
        let (_, tally) = classify_for(&map, &data(), Timestamp::UNIX_EPOCH).unwrap();
        let ids: Vec<_> = tally.stages.iter().map(|s| s.stage.as_str()).collect();
        assert_eq!(
            ids,
            [
                "pre_purchase",
                "client_experience",
                "between_engagements",
                "former_client"
            ]
        );
        let counts: Vec<_> = tally
            .stages
            .iter()
            .map(|s| (s.contacts, s.accounts))
            .collect();
        // acme's furthest stage is client_experience (the first stage rule), globex is pre-purchase.
        assert_eq!(counts, [(1, 1), (1, 1), (0, 0), (0, 0)]);
        assert_eq!(
            tally.unknown,
            [StageTally {
                stage: "nowhere".into(),
                contacts: 1,
                accounts: 0
            }]
        );
        assert_eq!((tally.contacts, tally.accounts), (3, 2));
        assert_eq!(tally.unplaced_contacts, 0);
    }

    #[test]
    fn bad_rules_are_an_error_not_a_silent_default() {
        let mut map = hinge();
        map.rules = Some("stage when".into());
        let err = classify_for(&map, &data(), Timestamp::UNIX_EPOCH).unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn default_rules_are_the_models() {
        let map = hinge();
        assert_eq!(rules_text(&map), RuleSet::default_text(SourceModel::Hinge));
        assert!(rules_of(&map).is_ok());
    }

    #[test]
    fn as_of_is_the_latest_date_in_the_file() {
        let d = data();
        assert_eq!(
            as_of(&d, Timestamp::UNIX_EPOCH),
            time_from_date(2024, 5, 1).unwrap()
        );
        let empty = DatasetBuilder::new(Shape::Records, vec![]).finish();
        assert_eq!(as_of(&empty, Timestamp::from_second(99).unwrap()), 99);
    }

    #[test]
    fn find_contacts_by_id_name_or_account() {
        let d = data();
        assert_eq!(find_contacts(&d, "ACME", 10), (vec![0, 1], 2));
        assert_eq!(find_contacts(&d, "c3", 10), (vec![2], 1));
        assert_eq!(find_contacts(&d, "", 2), (vec![0, 1], 3));
        assert_eq!(find_contacts(&d, "nobody", 10), (vec![], 0));
    }
}
