//! Metrics: the journey's questions answered from the imported data.
//!
//! The pipeline, all pure:
//! 1. [`crate::domain::rules::replay`] places every contact again on each day it did
//!    something, with only what was known then;
//! 2. [`Paths`] turns those moments into visits (stage, entered, left) in the map's stage order;
//! 3. [`report`] counts one set of contacts: the funnel, time in stage, outcomes, engagements,
//!    revenue, referrals, sentiment, service levels, buying-group coverage, type-casting and
//!    flows;
//! 4. [`segments`] splits contacts by a column or a period, [`terra`] lists where the map has
//!    no data, [`whatif`] projects a changed conversion or time, and [`export`] writes the
//!    figures as formula-safe CSV.

pub mod durations;
pub mod export;
pub mod paths;
pub mod questions;
pub mod report;
pub mod segments;
pub mod terra;
pub mod whatif;

#[cfg(test)]
mod tests;

use jiff::Timestamp;

pub use crate::domain::metric_settings::{MetricSettings, ServiceLevel};
pub use durations::Durations;
pub use paths::{Mark, Paths, Visit};
pub use report::{report, Input, Ratio, Report};

use super::classified::{as_of, rules_of};
use super::dataset::{Dataset, Time};
use super::model::JourneyMap;
use super::rules::{classify, replay::replay, Classification, RuleError, RuleSet};

/// The part of `map` a [`Report`] reads: the map without its lanes, cards, personas,
/// departments, emotions, hand-offs and content, and with `updated` set to `created`. Two maps
/// with the same basis give the same report, so editing a card does not recompute the figures.
pub fn report_basis(map: &JourneyMap) -> JourneyMap {
    JourneyMap {
        id: map.id.clone(),
        name: map.name.clone(),
        source_model: map.source_model,
        created: map.created,
        updated: map.created,
        circular: map.circular,
        stages: map.stages.clone(),
        lanes: Vec::new(),
        cards: Vec::new(),
        personas: Vec::new(),
        departments: Vec::new(),
        rules: map.rules.clone(),
        metrics: map.metrics.clone(),
        emotions: Vec::new(),
        handoffs: Vec::new(),
        content: Vec::new(),
        version_of: map.version_of.clone(),
    }
}

/// A dataset classified and replayed with a map's rules: what every report is computed from.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    pub classification: Classification,
    pub paths: Paths,
}

impl Analysis {
    /// Classifies and replays `data` with the rules of `map`.
    pub fn new(map: &JourneyMap, data: &Dataset, now: Timestamp) -> Result<Analysis, RuleError> {
        Ok(Analysis::with_rules(
            map,
            data,
            &rules_of(map)?,
            as_of(data, now),
        ))
    }

    /// Classifies and replays `data` with `rules` as of `at`, against the stages of `map`.
    pub fn with_rules(map: &JourneyMap, data: &Dataset, rules: &RuleSet, at: Time) -> Analysis {
        let classification = classify(data, rules, at);
        let paths = Paths::new(map, &replay(data, rules, at));
        Analysis {
            classification,
            paths,
        }
    }

    /// The inputs of a report.
    pub fn input<'a>(&'a self, map: &'a JourneyMap, data: &'a Dataset) -> Input<'a> {
        Input {
            map,
            data,
            classification: &self.classification,
            paths: &self.paths,
        }
    }

    /// The report of every contact.
    ///
    /// Reads only [`report_basis`] of the map: a report made with it is the same.
    pub fn report_all(&self, map: &JourneyMap, data: &Dataset) -> Report {
        let all: Vec<u32> = (0..data.contacts.len() as u32).collect();
        report(self.input(map, data), &all)
    }
}
