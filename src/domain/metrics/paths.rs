//! Each contact's path through the map's stages: the visits (stage, entered, left) and the
//! outcome marks read from a [`Replay`] of the rules.
//!
//! A visit starts on the day a replay moment first places the contact in a stage and ends on
//! the day a later moment places it in another stage. Moments where no stage rule matches, or
//! where the rules name a stage the map does not have, change nothing. Times are day starts
//! (midnight UTC), so durations are whole days.

use crate::domain::model::Stage;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::domain::dataset::{Time, DAY};
use crate::domain::model::{Id, JourneyMap};
use crate::domain::rules::replay::Replay;

/// One stay of a contact in one stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// Index into the map's stages.
    pub stage: u32,
    pub entered: Time,
    /// `None`: the contact is still there at the as-of time.
    pub left: Option<Time>,
}

/// A contact got an outcome (first seen on `at`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Index into [`Paths::outcomes`].
    pub outcome: u32,
    pub at: Time,
}

/// Every contact's visits and outcome marks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Paths {
    pub as_of: Time,
    /// The map's stage ids, in map order (what [`Visit::stage`] indexes).
    pub stages: Vec<Id<Stage>>,
    /// For each map stage, its position among the rules' stages (lower = further along, as in
    /// the classification's account roll-up); `None` when no rule places contacts there.
    pub rule_rank: Vec<Option<u32>>,
    /// Outcome ids as the rules name them.
    pub outcomes: Vec<String>,
    pub visits: Vec<Visit>,
    pub marks: Vec<Mark>,
    visit_ranges: Vec<Range<u32>>,
    mark_ranges: Vec<Range<u32>>,
}

/// The stage of the last of `visits` (one contact's, oldest first, as [`Paths::visits_of`]
/// gives them) entered at or before `t`: a binary search, since a contact can have a visit a
/// day for years and each of its events asks.
pub fn stage_during(visits: &[Visit], t: Time) -> Option<u32> {
    visits[..visits.partition_point(|v| v.entered <= t)]
        .last()
        .map(|v| v.stage)
}

fn day_start(t: Time) -> Time {
    t.div_euclid(DAY) * DAY
}

impl Paths {
    /// Reads the paths of every contact from a replay, against the map's stages.
    pub fn new(map: &JourneyMap, replay: &Replay) -> Paths {
        let stages: Vec<Id<Stage>> = map.stages.iter().map(|s| s.id.clone()).collect();
        // Rule stage index → map stage index.
        let to_map: Vec<Option<u32>> = replay
            .stages
            .iter()
            .map(|id| {
                stages
                    .iter()
                    .position(|s| s.as_str() == id)
                    .map(|i| i as u32)
            })
            .collect();
        let rule_rank = stages
            .iter()
            .map(|s| {
                replay
                    .stages
                    .iter()
                    .position(|r| r == s.as_str())
                    .map(|i| i as u32)
            })
            .collect();
        let mut paths = Paths {
            as_of: replay.as_of,
            stages,
            rule_rank,
            outcomes: replay.outcomes.clone(),
            ..Paths::default()
        };
        let moments = &replay.moments;
        let mut start = 0;
        while start < moments.len() {
            let contact = moments[start].contact;
            let end = start
                + moments[start..]
                    .iter()
                    .take_while(|m| m.contact == contact)
                    .count();
            // Contacts are dense from 0; fill any gap (a contact with no moment) with nothing.
            while paths.visit_ranges.len() < contact as usize {
                let v = paths.visits.len() as u32;
                let m = paths.marks.len() as u32;
                paths.visit_ranges.push(v..v);
                paths.mark_ranges.push(m..m);
            }
            let v0 = paths.visits.len();
            let m0 = paths.marks.len();
            let mut last_outcome = None;
            for m in &moments[start..end] {
                let at = day_start(m.time);
                if let Some(stage) = m.stage.and_then(|s| to_map[s as usize]) {
                    let current = paths.visits[v0..].last().map(|v| v.stage);
                    if current != Some(stage) {
                        if let Some(open) = paths.visits[v0..].last_mut() {
                            open.left = Some(at);
                        }
                        paths.visits.push(Visit {
                            stage,
                            entered: at,
                            left: None,
                        });
                    }
                }
                if m.outcome.is_some() && m.outcome != last_outcome {
                    paths.marks.push(Mark {
                        outcome: m.outcome.unwrap_or_default(),
                        at,
                    });
                }
                if m.outcome.is_some() {
                    last_outcome = m.outcome;
                }
            }
            paths
                .visit_ranges
                .push(v0 as u32..paths.visits.len() as u32);
            paths.mark_ranges.push(m0 as u32..paths.marks.len() as u32);
            start = end;
        }
        paths
    }

    /// The visits of contact `i`, oldest first.
    pub fn visits_of(&self, i: u32) -> &[Visit] {
        self.visit_ranges
            .get(i as usize)
            .map_or(&[], |r| &self.visits[r.start as usize..r.end as usize])
    }

    /// The outcome marks of contact `i`, oldest first.
    pub fn marks_of(&self, i: u32) -> &[Mark] {
        self.mark_ranges
            .get(i as usize)
            .map_or(&[], |r| &self.marks[r.start as usize..r.end as usize])
    }

    /// Number of contacts.
    pub fn len(&self) -> usize {
        self.visit_ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visit_ranges.is_empty()
    }

    /// The stage contact `i` was in at time `t`, if any.
    pub fn stage_at(&self, i: u32, t: Time) -> Option<u32> {
        stage_during(self.visits_of(i), t)
    }

    /// When contact `i` entered the journey (its first visit).
    pub fn entered(&self, i: u32) -> Option<Time> {
        self.visits_of(i).first().map(|v| v.entered)
    }
}
