//! Replaying the rules over a contact's past: where the rules would have placed it on each day
//! it did something, which is how stage histories (time in stage, loops, "not now" coming back)
//! are read from a file that only holds events and a record's current state.
//!
//! A contact is placed again at the end of every day on which it has an event or a milestone
//! date (created, lead, MQL, SQL, closed), with only what was known then:
//!
//! * events after that moment do not exist yet, and windows ("within 30d") and decay are
//!   measured from it;
//! * milestone dates after it are missing;
//! * a record's snapshot fields (status, owner, source, amount, other columns) describe its
//!   state since its **last** milestone date, so before that date they are missing. Event
//!   logs have no snapshot, so their fields are always known;
//! * a record that the rules cannot place before its last milestone (its status is what
//!   places it) but that is in a stage now was in the journey's entry stage (the last stage
//!   rule's) until then: a deal won on its close day was open from its creation, so the
//!   natural rules (`stage client when status = "Won"`, `stage open when status present`)
//!   give it a history without `or created present`.
//!
//! The last moment is the as-of time itself, with everything known: it gives exactly the
//! placement [`super::classify()`] gives.

use super::eval::{Compiled, Known, Scratch};
use super::model::RuleSet;
use crate::domain::dataset::{Contact, Dataset, Shape, Time, DAY};

/// Where the rules placed one contact at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub contact: u32,
    pub time: Time,
    /// Index into [`Replay::stages`]; `None` when no stage rule matched.
    pub stage: Option<u32>,
    /// Index into [`Replay::outcomes`].
    pub outcome: Option<u32>,
}

/// Every contact's moments.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replay {
    pub as_of: Time,
    /// Stage ids in the order of [`super::Classification::stages`].
    pub stages: Vec<String>,
    /// Outcome ids in the order of [`super::Classification::outcomes`].
    pub outcomes: Vec<String>,
    /// Sorted by contact, then time; every contact has at least its as-of moment.
    pub moments: Vec<Moment>,
}

impl Replay {
    /// The moments of contact `i`.
    pub fn of(&self, i: u32) -> &[Moment] {
        let start = self.moments.partition_point(|m| m.contact < i);
        let end = self.moments.partition_point(|m| m.contact <= i);
        &self.moments[start..end]
    }
}

/// The milestone dates of a contact, in no particular order.
fn milestones(c: &Contact) -> impl Iterator<Item = Time> {
    let d = c.dates;
    [d.created, d.lead, d.mql, d.sql, d.closed]
        .into_iter()
        .flatten()
}

/// From when a contact's snapshot fields are known (see the module docs).
fn snapshot_from(data: &Dataset, c: &Contact) -> Time {
    match data.shape {
        Shape::Events => Time::MIN,
        Shape::Records => milestones(c).max().unwrap_or(Time::MIN),
    }
}

/// The journey's entry stage as the rules order it: the stage of the last stage rule (the
/// furthest stage is written first), as an index into `stages`.
fn entry_stage(rules: &RuleSet, stages: &[String]) -> Option<u32> {
    rules.rules.iter().rev().find_map(|r| match r {
        super::model::Rule::Stage { stage, .. } => {
            stages.iter().position(|s| s == stage).map(|i| i as u32)
        }
        _ => None,
    })
}

/// Replays `rules` over every contact of `data` up to `as_of`.
///
/// The rules are compiled once; each contact's events are indexed once (by type, for binary
/// searches) and its days are placed in time order with its engagement kept up to date from
/// day to day, so a contact with n events costs O(n log n), not a pass over all its earlier
/// events for each day.
pub fn replay(data: &Dataset, rules: &RuleSet, as_of: Time) -> Replay {
    let mut compiled = Compiled::new(rules, data, as_of);
    let scored = compiled.places_by_score();
    let mut timeline = compiled.timeline();
    let mut scratch = Scratch::default();
    let mut moments = Vec::new();
    let mut days: Vec<Time> = Vec::new();
    let entry = entry_stage(rules, &compiled.stages);
    for (i, c) in data.contacts.iter().enumerate() {
        // The end of each day with activity; the as-of moment comes last.
        days.clear();
        let times = data
            .events_of(c)
            .iter()
            .map(|e| e.time)
            .chain(milestones(c));
        for t in times {
            let end = t.div_euclid(DAY) * DAY + DAY - 1;
            if t <= as_of && end < as_of {
                days.push(end);
            }
        }
        days.sort_unstable();
        days.dedup();
        compiled.as_of = as_of;
        let p = compiled.place(data, c, &mut scratch, None);
        if !days.is_empty() {
            compiled.start(data, c, &mut timeline);
            let snapshot = snapshot_from(data, c);
            for &time in &days {
                compiled.as_of = time;
                let known = Known::Then {
                    snapshot: time >= snapshot,
                };
                let (mut stage, outcome) =
                    compiled.place_replayed(data, c, known, &mut timeline, scored);
                // Before its last milestone a record's status is not known; one that is in
                // the journey now was in its entry stage then ("open before it was won").
                if stage.is_none() && time < snapshot && p.stage.is_some() {
                    stage = entry;
                }
                moments.push(Moment {
                    contact: i as u32,
                    time,
                    stage,
                    outcome,
                });
            }
        }
        compiled.as_of = as_of;
        moments.push(Moment {
            contact: i as u32,
            time: as_of,
            stage: p.stage,
            outcome: p.outcome,
        });
    }
    Replay {
        as_of,
        stages: compiled.stages,
        outcomes: compiled.outcomes,
        moments,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::{time_from_date, DatasetBuilder};
    use crate::domain::demo_data::SplitMix64;
    use crate::domain::rules::classify;

    fn day(m: u32, d: u32) -> Time {
        time_from_date(2024, m, d).unwrap()
    }

    #[test]
    fn an_event_log_is_replayed_day_by_day() {
        let rules = RuleSet::parse(
            "stage client when count \"signed\" >= 1\n\
             stage lead when count any >= 1",
        )
        .unwrap();
        let mut b = DatasetBuilder::new(Shape::Events, vec![]);
        let ann = b.contact("ann");
        b.event(ann, day(1, 1) + 3600, "visit", None, None);
        b.event(ann, day(1, 1) + 7200, "visit", None, None);
        b.event(ann, day(2, 1), "signed", None, None);
        let d = b.finish();
        let r = replay(&d, &rules, day(3, 1));
        let got: Vec<_> = r
            .of(0)
            .iter()
            .map(|m| (m.time, m.stage.map(|s| r.stages[s as usize].as_str())))
            .collect();
        // Two events on one day are one moment; the as-of moment comes last.
        assert_eq!(
            got,
            [
                (day(1, 1) + DAY - 1, Some("lead")),
                (day(2, 1) + DAY - 1, Some("client")),
                (day(3, 1), Some("client")),
            ]
        );
    }

    #[test]
    fn a_record_status_is_known_only_from_its_last_milestone() {
        let rules = RuleSet::parse(
            "stage won when status = \"Won\"\n\
             stage open when created present",
        )
        .unwrap();
        let mut b = DatasetBuilder::new(Shape::Records, vec![]);
        let c = b.contact("deal");
        let deal = b.contact_mut(c);
        deal.status = Some("Won".into());
        deal.dates.created = Some(day(1, 10));
        deal.dates.closed = Some(day(2, 20));
        b.saw(day(2, 20));
        let d = b.finish();
        let as_of = day(3, 1);
        let r = replay(&d, &rules, as_of);
        let stages: Vec<_> = r
            .of(0)
            .iter()
            .map(|m| m.stage.map(|s| r.stages[s as usize].as_str()))
            .collect();
        assert_eq!(stages, [Some("open"), Some("won"), Some("won")]);
        // The last moment is the classification itself.
        let now = classify(&d, &rules, as_of);
        assert_eq!(r.of(0).last().unwrap().stage, now.placements[0].stage);
    }

    #[test]
    fn a_record_placed_only_by_its_status_was_in_the_entry_stage_before_its_close() {
        // The natural rules: nothing about the creation date. Before the close day the status
        // is not known, so no rule places the deal; it is in a stage now, so it was in the
        // entry stage (the last stage rule's) from its creation. A deal no rule places now
        // (status "Junk") stays out of the journey on every day.
        let rules = RuleSet::parse(
            "stage won when status = \"Won\"\n\
             stage open when status in (\"Open\", \"Lost\")",
        )
        .unwrap();
        let mut b = DatasetBuilder::new(Shape::Records, vec![]);
        for (key, status) in [("won", "Won"), ("lost", "Lost"), ("junk", "Junk")] {
            let c = b.contact(key);
            let deal = b.contact_mut(c);
            deal.status = Some(status.into());
            deal.dates.created = Some(day(1, 10));
            deal.dates.closed = Some(day(2, 20));
        }
        b.saw(day(2, 20));
        let d = b.finish();
        let r = replay(&d, &rules, day(3, 1));
        let stages = |i: u32| -> Vec<Option<&str>> {
            r.of(i)
                .iter()
                .map(|m| m.stage.map(|s| r.stages[s as usize].as_str()))
                .collect()
        };
        assert_eq!(stages(0), [Some("open"), Some("won"), Some("won")]);
        assert_eq!(stages(1), [Some("open"), Some("open"), Some("open")]);
        assert_eq!(stages(2), [None, None, None]);
        assert_eq!(r, replay_reference(&d, &rules, day(3, 1)));
    }

    #[test]
    fn score_rules_are_replayed_with_the_score_of_the_day() {
        // A stage that needs a score: replayed with full scoring, so the placement on each day
        // is the one a classification as of that day gives.
        let rules = RuleSet::parse(
            "engage +10 per \"visit\" half-life 10d\n\
             stage hot when score >= 15\n\
             stage cold when count any >= 1",
        )
        .unwrap();
        let mut b = DatasetBuilder::new(Shape::Events, vec![]);
        let c = b.contact("c");
        for (m, d) in [(1, 1), (1, 2), (2, 9)] {
            b.event(c, day(m, d), "visit", None, None);
        }
        let data = b.finish();
        let r = replay(&data, &rules, day(3, 1));
        for m in r.of(0) {
            let then = classify(&data, &rules, m.time);
            assert_eq!(then.placements[0].stage, m.stage, "at {}", m.time);
        }
        let names: Vec<_> = r
            .of(0)
            .iter()
            .map(|m| r.stages[m.stage.unwrap() as usize].as_str())
            .collect();
        // At the end of 1 Jan: 10 × 2^(-0.1) ≈ 9.3 points; of 2 Jan: 8.7 + 9.3 = 18 (hot); of
        // 9 Feb: 0.7 + 0.7 + 9.3 ≈ 10.7; on 1 March about 2.5.
        assert_eq!(names, ["cold", "hot", "cold", "cold"]);
    }

    #[test]
    fn an_event_log_replays_as_classifications_of_each_day() {
        use crate::domain::demo_data::{demo_events_dataset, DEMO_NOW};
        use crate::domain::model::SourceModel;
        for model in [SourceModel::Hinge, SourceModel::ActOn] {
            let data = demo_events_dataset(model, 30, 7);
            let rules = RuleSet::default_for(model);
            let r = replay(&data, &rules, DEMO_NOW);
            for m in &r.moments {
                let then = classify(&data, &rules, m.time);
                let p = &then.placements[m.contact as usize];
                assert_eq!(
                    (p.stage, p.outcome),
                    (m.stage, m.outcome),
                    "{model:?} {m:?}"
                );
            }
        }
    }

    /// The replay as it was first written: the rules compiled again for every day with activity,
    /// every contact placed with full scoring, every event rescanned.
    fn replay_reference(data: &Dataset, rules: &RuleSet, as_of: Time) -> Replay {
        let mut moments = Vec::new();
        let mut scratch = Scratch::default();
        for (i, c) in data.contacts.iter().enumerate() {
            let mut days: Vec<Time> = data
                .events_of(c)
                .iter()
                .map(|e| e.time)
                .chain(milestones(c))
                .filter(|&t| t <= as_of)
                .map(|t| t.div_euclid(DAY) * DAY + DAY - 1)
                .filter(|&end| end < as_of)
                .collect();
            days.sort_unstable();
            days.dedup();
            let now = Compiled::new(rules, data, as_of);
            let p = now.place(data, c, &mut scratch, None);
            // The entry stage: the last stage rule's.
            let entry = rules.rules.iter().rev().find_map(|r| match r {
                super::super::model::Rule::Stage { stage, .. } => {
                    now.stages.iter().position(|s| s == stage).map(|i| i as u32)
                }
                _ => None,
            });
            for time in days {
                let compiled = Compiled::new(rules, data, time);
                let unknown = time < snapshot_from(data, c);
                let known = Known::Then { snapshot: !unknown };
                let then = compiled.place_as_known(data, c, &mut scratch, None, known);
                moments.push(Moment {
                    contact: i as u32,
                    time,
                    stage: match then.stage {
                        None if unknown && p.stage.is_some() => entry,
                        s => s,
                    },
                    outcome: then.outcome,
                });
            }
            moments.push(Moment {
                contact: i as u32,
                time: as_of,
                stage: p.stage,
                outcome: p.outcome,
            });
        }
        let now = Compiled::new(rules, data, as_of);
        Replay {
            as_of,
            stages: now.stages,
            outcomes: now.outcomes,
            moments,
        }
    }

    #[test]
    fn the_replay_is_the_reference_replay_on_varied_data() {
        use crate::domain::demo_data::{demo_dataset, demo_events_dataset, DEMO_NOW};
        use crate::domain::model::SourceModel;
        let every = RuleSet::parse(crate::domain::rules::perf::EVERY_TEST).unwrap();
        for model in SourceModel::ALL {
            for data in [
                demo_dataset(model, 60, 3),
                demo_events_dataset(model, 60, 4),
            ] {
                for rules in [RuleSet::default_for(model), every.clone()] {
                    for as_of in [DEMO_NOW, DEMO_NOW - 150 * DAY] {
                        let got = replay(&data, &rules, as_of);
                        let want = replay_reference(&data, &rules, as_of);
                        assert_eq!(got.stages, want.stages);
                        assert_eq!(got.outcomes, want.outcomes);
                        assert_eq!(got.moments.len(), want.moments.len());
                        for (g, w) in got.moments.iter().zip(&want.moments) {
                            assert_eq!(g, w, "{model:?} {:?} as of {as_of}", data.shape);
                        }
                    }
                }
            }
        }
    }

    /// A random dataset (a few contacts with bursts of events, some on the last second of a
    /// day so that decayed weights are exactly 1, records with milestones and a field) and a
    /// random rule set whose scores and counts land on their thresholds now and then.
    fn random_case(rng: &mut SplitMix64) -> (Dataset, RuleSet, Time) {
        let pick = |rng: &mut SplitMix64, items: &[&str]| -> String {
            items[rng.below(items.len() as u64) as usize].to_owned()
        };
        let shape = if rng.below(2) == 0 {
            Shape::Events
        } else {
            Shape::Records
        };
        let mut b = DatasetBuilder::new(shape, vec!["f".into()]);
        let base = 20_000 * DAY;
        let span = 1 + rng.below(300) as Time;
        for i in 0..1 + rng.below(5) {
            let c = b.contact(&format!("c{i}"));
            if shape == Shape::Records {
                let date = |rng: &mut SplitMix64| {
                    (rng.below(3) != 0).then(|| base + rng.below(span as u64) as Time * DAY)
                };
                let contact = b.contact_mut(c);
                contact.dates.created = date(rng);
                contact.dates.closed = date(rng);
                contact.status = (rng.below(2) == 0).then(|| "Won".to_owned());
                contact.extra = vec![Some(pick(rng, &["x", "y", "X"]))];
            }
            for _ in 0..rng.below(60) {
                let day = base + rng.below(span as u64) as Time * DAY;
                let time = match rng.below(3) {
                    0 => day + DAY - 1,
                    1 => day,
                    _ => day + rng.below(DAY as u64) as Time,
                };
                let kind = pick(rng, &["a", "b", "c"]);
                b.event(c, time, &kind, None, None);
            }
        }
        let data = b.finish();
        let points = ["+1", "+2.5", "+0.1", "-3", "+0.3", "+10"];
        let values = ["0", "1", "2.5", "3", "5", "10", "0.3", "-3", "20"];
        let mut text = String::new();
        let mut line = |rng: &mut SplitMix64, template: &str| {
            let mut l = template.to_owned();
            for (key, options) in [
                ("P", &points[..]),
                ("V", &values[..]),
                ("E", &["\"a\"", "\"b\"", "any", "\"never\""][..]),
                ("D", &["1d", "2d", "7d", "30d", "0d"][..]),
                ("C", &[">=", ">", "<", "<=", "=", "!="][..]),
                ("M", &["score", "fit", "engagement"][..]),
            ] {
                while let Some(at) = l.find(key) {
                    l.replace_range(at..at + 1, &pick(rng, options));
                }
            }
            text.push_str(&l);
            text.push('\n');
        };
        let fit = [
            "fit P when f = \"x\"",
            "fit P when count E >= 2 within D",
            "fit P when score < V",
            "fit P when created within D",
        ];
        let engage = [
            "engage P per E",
            "engage P per E half-life D",
            "engage P per E half-life D within D",
            "engage P per E within D",
        ];
        let stages = [
            "stage s1 when M C V",
            "stage s2 when M C V and count E >= 1",
            "stage s3 when last E within D or first E before 2024-10-01",
            "stage s4 when last E after 2024-11-01 and M C V",
            "stage s5 when count E C 3 within D",
            "stage s6 when status present or count any >= 1",
        ];
        let outcomes = [
            "outcome o1 when at s1 and M C V",
            "outcome o2 when M C V",
            "outcome o3 when not at s6 and count E >= 1",
        ];
        for (templates, n) in [
            (&fit[..], 3),
            (&engage[..], 4),
            (&stages[..], 5),
            (&outcomes[..], 2),
        ] {
            for _ in 0..1 + rng.below(n) {
                let t = templates[rng.below(templates.len() as u64) as usize];
                line(rng, t);
            }
        }
        let rules = RuleSet::parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let as_of = base
            + rng.below(span as u64 + 30) as Time * DAY
            + [0, DAY - 1, DAY / 2][rng.below(3) as usize];
        (data, rules, as_of)
    }

    #[test]
    fn the_replay_is_the_reference_replay_on_random_data_and_rules() {
        let mut rng = SplitMix64::new(17);
        for round in 0..400 {
            let (data, rules, as_of) = random_case(&mut rng);
            let got = replay(&data, &rules, as_of);
            let want = replay_reference(&data, &rules, as_of);
            assert_eq!(got, want, "round {round}: {rules:?} as of {as_of}");
        }
    }

    #[test]
    fn a_score_on_its_threshold_is_placed_exactly() {
        // Two visits on the last second of a day weigh exactly 1 each at the end of that day:
        // the score is exactly 20, on the threshold, where a running sum off by rounding could
        // land on either side; the replay places it as a classification does.
        let rules = RuleSet::parse(
            "engage +10 per \"visit\" half-life 10d\n\
             stage hot when score >= 20\n\
             stage cold when count any >= 1",
        )
        .unwrap();
        let mut b = DatasetBuilder::new(Shape::Events, vec![]);
        let c = b.contact("c");
        b.event(c, day(1, 1), "other", None, None);
        b.event(c, day(1, 5) - 1, "visit", None, None);
        b.event(c, day(1, 5) - 1, "visit", None, None);
        let data = b.finish();
        let r = replay(&data, &rules, day(2, 1));
        assert_eq!(r, replay_reference(&data, &rules, day(2, 1)));
        let names: Vec<_> = r
            .of(0)
            .iter()
            .map(|m| r.stages[m.stage.unwrap() as usize].as_str())
            .collect();
        assert_eq!(names, ["cold", "hot", "cold"]);
    }

    #[test]
    fn a_milestone_in_the_future_is_unknown() {
        let rules =
            RuleSet::parse("stage closed when closed present\nstage open when created present")
                .unwrap();
        let mut b = DatasetBuilder::new(Shape::Records, vec![]);
        let c = b.contact("deal");
        b.contact_mut(c).dates.created = Some(day(1, 1));
        b.contact_mut(c).dates.closed = Some(day(1, 5));
        let d = b.finish();
        let r = replay(&d, &rules, day(1, 3));
        // On 1 January the deal was open: its close date was still to come. The as-of moment
        // knows everything, as a classification does.
        let m: Vec<_> = r.of(0).iter().map(|m| m.stage).collect();
        assert_eq!(m.len(), 2);
        assert_eq!(r.stages[m[0].unwrap() as usize], "open");
        assert_eq!(r.stages[m[1].unwrap() as usize], "closed");
    }
}
