//! Compiled rules and the evaluation of one contact.
//!
//! [`Compiled::new`] resolves everything that depends neither on the contact nor on the as-of
//! time once: field names become built-in accessors or column indices (through one map of
//! the columns), stage ids indices, event type names
//! [`Vocab`](crate::domain::dataset::Vocab) ids, texts are lower-cased (`contains` texts with
//! their search table), and engagement rules are indexed by event type. Day windows are
//! measured from [`Compiled::as_of`] when a contact is evaluated, so one compilation serves
//! every day of a replay. [`Compiled::place`] then classifies one contact without
//! allocating (except the list of fired rules) and, when asked, records what it saw for an
//! explanation; [`Compiled::place_replayed`] places one contact on many days in time order
//! from an index of its events (a [`Timeline`]).

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

use super::model::*;
use crate::domain::dataset::{format_date, time_from_date, Contact, Dataset, Event, Time, DAY};

/// A contact's scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Score {
    /// Points from `fit` rules.
    pub fit: f64,
    /// Points from `engage` rules, after decay.
    pub engagement: f64,
    /// `fit + engagement`.
    pub total: f64,
}

/// How warm a lead is, from the `warm at` / `hot at` thresholds on the total score.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Temperature {
    #[default]
    Cold,
    Warm,
    Hot,
}

/// Whether a lead is ready for sales, from the `mql at` / `sql at` thresholds.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualification {
    #[default]
    None,
    Mql,
    Sql,
}

/// Where one contact landed.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Placement {
    /// Index into `Classification::stages`; `None` when no stage rule matched (unplaced).
    pub stage: Option<u32>,
    /// Index into `Classification::outcomes`; `None` when no outcome rule matched.
    pub outcome: Option<u32>,
    pub score: Score,
    pub temperature: Temperature,
    pub qualification: Qualification,
    pub sentiment: Sentiment,
    /// The rules that fired, in rule order: fit rules that matched, engagement rules that
    /// counted at least one event, thresholds reached, and the stage, outcome and sentiment
    /// rules that decided.
    pub fired: Vec<RuleRef>,
}

/// One value a rule looked at while being evaluated for a contact.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Seen {
    /// A field's value (`None` when empty) and whether the test on it held.
    Field {
        field: String,
        value: Option<String>,
        matched: bool,
    },
    /// The number of events counted by a `count` test.
    Count {
        event: EventType,
        count: u32,
        matched: bool,
    },
    /// The time of the first or last event of a type (`None`: no such event).
    Event {
        which: Which,
        event: EventType,
        time: Option<Time>,
        matched: bool,
    },
    /// A score compared by a score test or a threshold.
    Score {
        measure: Measure,
        value: f64,
        matched: bool,
    },
    /// The contact's stage (id) when an `at` test looked at it.
    Stage {
        stage: Option<String>,
        matched: bool,
    },
    /// Events counted by an `engage` rule and the points they gave after decay.
    Engaged {
        event: EventType,
        events: u32,
        points: f64,
    },
}

/// One rule evaluated for one contact.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub rule: RuleRef,
    pub matched: bool,
    /// Points this rule added to the score (fit and engagement rules; 0 otherwise).
    pub points: f64,
    /// What the rule looked at, in evaluation order (`and`/`or` stop early).
    pub seen: Vec<Seen>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum FieldRef {
    Key,
    Name,
    Account,
    Status,
    Owner,
    Source,
    Amount,
    Created,
    Lead,
    Mql,
    Sql,
    Closed,
    Extra(usize),
    Unknown,
}

enum Val<'a> {
    Text(&'a str),
    Num(f64),
    Date(Time),
    Missing,
}

#[derive(Debug)]
enum CLit {
    /// Lower-cased.
    Text(String),
    Num(f64),
    /// Days since 1970-01-01.
    Day(i64),
}

#[derive(Debug)]
enum CTest {
    Compare(Cmp, CLit),
    In(Vec<CLit>),
    Contains(Needle),
    Range(Option<CLit>, Option<CLit>),
    Missing,
    Present,
    /// A date within this many days before the as-of time.
    Within(u32),
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Any,
    Id(u32),
    /// A type that does not occur in the dataset.
    Absent,
}

impl Kind {
    fn matches(self, e: &Event) -> bool {
        match self {
            Kind::Any => true,
            Kind::Id(k) => e.kind() == k,
            Kind::Absent => false,
        }
    }
}

#[derive(Debug)]
enum CCond {
    And(Vec<CCond>),
    Or(Vec<CCond>),
    Not(Box<CCond>),
    Field {
        name: String,
        field: FieldRef,
        test: CTest,
    },
    Count {
        event: EventType,
        kind: Kind,
        cmp: Cmp,
        count: u32,
        /// Only events this many days before the as-of time or later.
        within: Option<u32>,
    },
    Recency {
        which: Which,
        event: EventType,
        kind: Kind,
        /// When the event must have happened (see [`window`]).
        time: EventTime,
    },
    Score {
        measure: Measure,
        cmp: Cmp,
        value: f64,
    },
    AtStage(Option<u32>),
}

struct Engage {
    rule: RuleRef,
    event: EventType,
    kind: Kind,
    points: f64,
    /// Half-life in seconds; 0 means no decay.
    half_life: f64,
    /// Only events this many days before the as-of time or later.
    within: Option<u32>,
}

/// A rule set compiled against one dataset. Nothing compiled depends on the as-of time (day
/// windows are measured from it when a contact is evaluated), so one compilation serves
/// every day of a replay: set [`Compiled::as_of`] and place again.
pub(crate) struct Compiled {
    /// The time contacts are placed at: events after it are ignored, and windows and decay are
    /// measured from it.
    pub as_of: Time,
    fit: Vec<(RuleRef, f64, CCond)>,
    engage: Vec<Engage>,
    /// Engagement rule indices by event type id.
    engage_by_kind: Vec<Vec<u32>>,
    engage_any: Vec<u32>,
    thresholds: Vec<(RuleRef, Level, f64)>,
    stage_rules: Vec<(RuleRef, u32, CCond)>,
    outcome_rules: Vec<(RuleRef, u32, CCond)>,
    sentiment_rules: Vec<(RuleRef, Sentiment, CCond)>,
    /// Distinct stage ids in order of their first stage rule.
    pub stages: Vec<String>,
    /// Distinct outcome ids in order of their first outcome rule.
    pub outcomes: Vec<String>,
    /// For each event type id, its slot in a [`Timeline`] when a count, recency or engagement
    /// rule names it ([`NO_SLOT`] otherwise).
    slot_of_kind: Vec<u32>,
    /// The slot of all events, when an engagement rule counts `any`.
    any_slot: Option<u32>,
    slots: u32,
}

const NO_SLOT: u32 = u32::MAX;

/// The index of `name` in `names` (its position in order of first appearance), added if new;
/// `index` maps the names seen so far to their positions.
fn slot(names: &mut Vec<String>, index: &mut HashMap<String, u32>, name: &str) -> u32 {
    if let Some(&i) = index.get(name) {
        return i;
    }
    let i = names.len() as u32;
    names.push(name.to_owned());
    index.insert(name.to_owned(), i);
    i
}

/// What conditions are resolved against while the rules are compiled.
#[derive(Default)]
struct Names {
    fields: FieldNames,
    /// Stage id → index into [`Compiled::stages`].
    stages: HashMap<String, u32>,
}

impl Compiled {
    pub fn new(rules: &RuleSet, data: &Dataset, as_of: Time) -> Compiled {
        let mut c = Compiled {
            as_of,
            fit: Vec::new(),
            engage: Vec::new(),
            engage_by_kind: vec![Vec::new(); data.event_types.len()],
            engage_any: Vec::new(),
            thresholds: Vec::new(),
            stage_rules: Vec::new(),
            outcome_rules: Vec::new(),
            sentiment_rules: Vec::new(),
            stages: Vec::new(),
            outcomes: Vec::new(),
            slot_of_kind: vec![NO_SLOT; data.event_types.len()],
            any_slot: None,
            slots: 0,
        };
        let mut names = Names::default();
        let mut outcomes = HashMap::new();
        // Stage ids first, so `at` tests anywhere can resolve them.
        for r in &rules.rules {
            if let Rule::Stage { stage, .. } = r {
                slot(&mut c.stages, &mut names.stages, stage);
            }
        }
        for (i, r) in rules.rules.iter().enumerate() {
            let i = i as RuleRef;
            match r {
                Rule::Comment { .. } => {}
                Rule::Fit { points, when } => {
                    let cond = c.compile(when, data, &names);
                    c.fit.push((i, *points, cond));
                }
                Rule::Engage {
                    points,
                    event,
                    half_life_days,
                    within_days,
                } => {
                    let kind = kind_of(event, data);
                    let n = c.engage.len() as u32;
                    match kind {
                        Kind::Any => c.engage_any.push(n),
                        Kind::Id(k) => c.engage_by_kind[k as usize].push(n),
                        Kind::Absent => {}
                    }
                    c.engage.push(Engage {
                        rule: i,
                        event: event.clone(),
                        kind,
                        points: *points,
                        half_life: half_life_days.unwrap_or(0) as f64 * DAY as f64,
                        within: *within_days,
                    });
                }
                Rule::Threshold { level, at } => c.thresholds.push((i, *level, *at)),
                Rule::Stage { stage, when } => {
                    let s = names.stages[stage.as_str()];
                    let cond = c.compile(when, data, &names);
                    c.stage_rules.push((i, s, cond));
                }
                Rule::Outcome { outcome, when } => {
                    let s = slot(&mut c.outcomes, &mut outcomes, outcome);
                    let cond = c.compile(when, data, &names);
                    c.outcome_rules.push((i, s, cond));
                }
                Rule::Sentiment { sentiment, when } => {
                    let cond = c.compile(when, data, &names);
                    c.sentiment_rules.push((i, *sentiment, cond));
                }
            }
        }
        c.assign_slots();
        c
    }

    /// Gives each event type that a rule counts or looks for a slot in a [`Timeline`].
    fn assign_slots(&mut self) {
        fn walk(c: &CCond, kinds: &mut Vec<u32>) {
            match c {
                CCond::And(all) | CCond::Or(all) => all.iter().for_each(|c| walk(c, kinds)),
                CCond::Not(c) => walk(c, kinds),
                CCond::Count {
                    kind: Kind::Id(k), ..
                }
                | CCond::Recency {
                    kind: Kind::Id(k), ..
                } => kinds.push(*k),
                _ => {}
            }
        }
        let mut kinds = Vec::new();
        for (_, _, c) in &self.fit {
            walk(c, &mut kinds);
        }
        for (_, _, c) in self.stage_rules.iter().chain(&self.outcome_rules) {
            walk(c, &mut kinds);
        }
        for (_, _, c) in &self.sentiment_rules {
            walk(c, &mut kinds);
        }
        for r in &self.engage {
            if let Kind::Id(k) = r.kind {
                kinds.push(k);
            }
        }
        for k in kinds {
            let slot = &mut self.slot_of_kind[k as usize];
            if *slot == NO_SLOT {
                *slot = self.slots;
                self.slots += 1;
            }
        }
        if !self.engage_any.is_empty() {
            self.any_slot = Some(self.slots);
            self.slots += 1;
        }
    }

    fn compile(&self, cond: &Condition, data: &Dataset, names: &Names) -> CCond {
        match cond {
            Condition::And { all } => {
                CCond::And(all.iter().map(|c| self.compile(c, data, names)).collect())
            }
            Condition::Or { any } => {
                CCond::Or(any.iter().map(|c| self.compile(c, data, names)).collect())
            }
            Condition::Not { not } => CCond::Not(Box::new(self.compile(not, data, names))),
            Condition::Field { field, test } => CCond::Field {
                name: field.clone(),
                field: names.fields.resolve(field, data),
                test: match test {
                    FieldTest::Compare { cmp, value } => CTest::Compare(*cmp, lit(value)),
                    FieldTest::In { values } => CTest::In(values.iter().map(lit).collect()),
                    FieldTest::Contains { text } => CTest::Contains(Needle::new(text)),
                    FieldTest::Range { from, to } => {
                        CTest::Range(from.as_ref().map(lit), to.as_ref().map(lit))
                    }
                    FieldTest::Missing => CTest::Missing,
                    FieldTest::Present => CTest::Present,
                    FieldTest::Within { days } => CTest::Within(*days),
                },
            },
            Condition::Count {
                event,
                cmp,
                count,
                within_days,
            } => CCond::Count {
                event: event.clone(),
                kind: kind_of(event, data),
                cmp: *cmp,
                count: *count,
                within: *within_days,
            },
            Condition::Recency { which, event, time } => CCond::Recency {
                which: *which,
                event: event.clone(),
                kind: kind_of(event, data),
                time: *time,
            },
            Condition::Score {
                measure,
                cmp,
                value,
            } => CCond::Score {
                measure: *measure,
                cmp: *cmp,
                value: *value,
            },
            Condition::AtStage { stage } => {
                CCond::AtStage(names.stages.get(stage.as_str()).copied())
            }
        }
    }

    /// Classifies one contact; with `trace`, records every rule evaluated.
    pub fn place(
        &self,
        data: &Dataset,
        contact: &Contact,
        scratch: &mut Scratch,
        trace: Option<&mut Vec<Step>>,
    ) -> Placement {
        self.place_as_known(data, contact, scratch, trace, Known::Everything)
    }

    /// What conditions are evaluated against for one contact: its events up to the as-of time
    /// ("events after the as-of time do not exist yet") and what is known of its record.
    fn context<'a>(&'a self, data: &'a Dataset, contact: &'a Contact, known: Known) -> Ctx<'a> {
        let events = data.events_of(contact);
        Ctx {
            compiled: self,
            data,
            contact,
            events: &events[..events.partition_point(|e| e.time <= self.as_of)],
            timeline: None,
            fit: 0.0,
            engagement: 0.0,
            margin: 0.0,
            exact: Cell::new(None),
            stage: None,
            as_of: self.as_of,
            known,
        }
    }

    /// Whether any stage or outcome rule tests a score (else a placement needs no scoring).
    pub fn places_by_score(&self) -> bool {
        fn uses(c: &CCond) -> bool {
            match c {
                CCond::And(all) | CCond::Or(all) => all.iter().any(uses),
                CCond::Not(c) => uses(c),
                CCond::Score { .. } => true,
                _ => false,
            }
        }
        self.stage_rules
            .iter()
            .chain(&self.outcome_rules)
            .any(|(_, _, c)| uses(c))
    }

    /// An empty [`Timeline`] for these rules.
    pub fn timeline(&self) -> Timeline {
        Timeline {
            slot_of_kind: self.slot_of_kind.clone(),
            times: vec![Vec::new(); self.slots as usize],
            decayed: vec![Decayed::default(); self.engage.len()],
            copies: vec![Vec::new(); self.engage.len()],
            fired: Vec::new(),
        }
    }

    /// Indexes the events of `contact` in `timeline` (made by [`Compiled::timeline`]), before
    /// [`Compiled::place_replayed`] places it day after day.
    pub fn start(&self, data: &Dataset, contact: &Contact, timeline: &mut Timeline) {
        for times in &mut timeline.times {
            times.clear();
        }
        for e in data.events_of(contact) {
            let slot = self.slot_of_kind[e.kind() as usize];
            if slot != NO_SLOT {
                timeline.times[slot as usize].push(e.time);
            }
            if let Some(any) = self.any_slot {
                timeline.times[any as usize].push(e.time);
            }
        }
        timeline.decayed.fill(Decayed::default());
    }

    /// The stage and outcome of the contact of `timeline` (see [`Compiled::start`]) with only
    /// what was known at the as-of time: the same as [`Compiled::place_as_known`] gives, for
    /// as-of times that never go back from one call to the next. Counts and first and last
    /// events are binary searches in the timeline, and engagement is kept up to date
    /// incrementally (see [`Timeline`]); with `scored` false (see
    /// [`Compiled::places_by_score`]) nothing is scored.
    pub fn place_replayed(
        &self,
        data: &Dataset,
        contact: &Contact,
        known: Known,
        timeline: &mut Timeline,
        scored: bool,
    ) -> (Option<u32>, Option<u32>) {
        let (fit, engagement, margin) = if scored {
            let mut ctx = self.context(data, contact, known);
            ctx.timeline = Some(timeline);
            for (_, points, cond) in &self.fit {
                if ctx.eval(cond, &mut None) {
                    ctx.fit += points;
                }
            }
            let fit = ctx.fit;
            let (engagement, margin) = self.engagement_replayed(timeline, fit);
            (fit, engagement, margin)
        } else {
            (0.0, 0.0, 0.0)
        };
        let mut fired = std::mem::take(&mut timeline.fired);
        fired.clear();
        let mut ctx = self.context(data, contact, known);
        ctx.timeline = Some(timeline);
        ctx.fit = fit;
        ctx.engagement = engagement;
        ctx.margin = margin;
        let stage = first_match(&self.stage_rules, &ctx, &mut fired, &mut None);
        ctx.stage = stage;
        let outcome = first_match(&self.outcome_rules, &ctx, &mut fired, &mut None);
        timeline.fired = fired;
        (stage, outcome)
    }

    /// The engagement of the timeline's contact at the as-of time, and a margin: 0 when the
    /// value is exactly the one [`Compiled::place_as_known`] adds up, else a bound on how far
    /// that value (and the total score with `fit`) can be from the one returned.
    ///
    /// Rules without a half-life give exactly their points added once per event in their
    /// window (a count, by binary search). A rule with a half-life keeps the decayed sum of
    /// its events' weights, 2^(-age/half-life), from day to day: multiplied by the decay
    /// since the last day, plus the events that arrived, minus those that left the window. A
    /// placement adds up those weights event by event instead, so the two sums differ by
    /// rounding; the margin bounds that difference.
    fn engagement_replayed(&self, timeline: &mut Timeline, fit: f64) -> (f64, f64) {
        const U: f64 = f64::EPSILON;
        let as_of = self.as_of;
        let mut total = 0.0;
        let mut size = fit.abs();
        let mut bound = 0.0;
        let mut exact = true;
        for (n, r) in self.engage.iter().enumerate() {
            let slot = match r.kind {
                Kind::Any => self.any_slot,
                Kind::Id(k) => Some(self.slot_of_kind[k as usize]),
                Kind::Absent => None,
            };
            let times = slot.map_or(&[][..], |s| &timeline.times[s as usize][..]);
            let since = since(r.within, as_of);
            let points = if r.half_life > 0.0 {
                let d = &mut timeline.decayed[n];
                d.advance(times, as_of, since, r.half_life);
                if d.added == d.removed {
                    0.0
                } else {
                    exact = false;
                    let events = (d.added - d.removed) as f64;
                    bound += r.points.abs()
                        * (d.err + U * (d.sum.abs() + d.err) * (events + 4.0) + U * events)
                        + TINY;
                    r.points * d.sum
                }
            } else {
                let count =
                    times.partition_point(|&t| t <= as_of) - times.partition_point(|&t| t < since);
                timeline.copy_sum(n, r.points, count)
            };
            total += points;
            size += points.abs();
        }
        if exact {
            (total, 0.0)
        } else {
            let rules = self.engage.len() as f64;
            let margin = 2.0 * (bound + (rules + 2.0) * U * (size + bound)) + TINY;
            (total, margin)
        }
    }

    /// The points of every engagement rule for the events up to the as-of time, and the number
    /// of events each counted, into `points` and `counts` (by rule).
    fn engagement_points(&self, events: &[Event], points: &mut Vec<f64>, counts: &mut Vec<u32>) {
        points.clear();
        points.resize(self.engage.len(), 0.0);
        counts.clear();
        counts.resize(self.engage.len(), 0);
        for e in events {
            let by_kind = self
                .engage_by_kind
                .get(e.kind() as usize)
                .map_or(&[][..], |v| &v[..]);
            for &n in by_kind.iter().chain(&self.engage_any) {
                let r = &self.engage[n as usize];
                if e.time < since(r.within, self.as_of) {
                    continue;
                }
                let pts = if r.half_life > 0.0 {
                    r.points * (-((self.as_of - e.time) as f64) / r.half_life).exp2()
                } else {
                    r.points
                };
                points[n as usize] += pts;
                counts[n as usize] += 1;
            }
        }
    }

    /// Classifies one contact with only what was known at the as-of time (see [`Known`]).
    pub fn place_as_known(
        &self,
        data: &Dataset,
        contact: &Contact,
        scratch: &mut Scratch,
        mut trace: Option<&mut Vec<Step>>,
        known: Known,
    ) -> Placement {
        let mut ctx = self.context(data, contact, known);
        let events = ctx.events;
        let mut p = Placement::default();

        for (rule, points, cond) in &self.fit {
            let mut seen = trace.as_ref().map(|_| Vec::new());
            let matched = ctx.eval(cond, &mut seen);
            if matched {
                ctx.fit += points;
                p.fired.push(*rule);
            }
            if let (Some(t), Some(seen)) = (trace.as_deref_mut(), seen) {
                t.push(Step {
                    rule: *rule,
                    matched,
                    points: if matched { *points } else { 0.0 },
                    seen,
                });
            }
        }

        if !self.engage.is_empty() {
            self.engagement_points(events, &mut scratch.points, &mut scratch.counts);
            for (n, r) in self.engage.iter().enumerate() {
                let count = scratch.counts[n];
                ctx.engagement += scratch.points[n];
                if count > 0 {
                    p.fired.push(r.rule);
                }
                if let Some(t) = trace.as_deref_mut() {
                    t.push(Step {
                        rule: r.rule,
                        matched: count > 0,
                        points: scratch.points[n],
                        seen: vec![Seen::Engaged {
                            event: r.event.clone(),
                            events: count,
                            points: scratch.points[n],
                        }],
                    });
                }
                let _ = r.kind;
            }
        }
        p.score = Score {
            fit: ctx.fit,
            engagement: ctx.engagement,
            total: ctx.fit + ctx.engagement,
        };

        let total = p.score.total;
        // The last threshold of each level is the one in force.
        let mut at = [None::<(RuleRef, f64)>; 4];
        for &(rule, level, value) in &self.thresholds {
            at[level as usize] = Some((rule, value));
        }
        let reached = |l: Level| at[l as usize].is_some_and(|(_, v)| total >= v);
        p.temperature = if reached(Level::Hot) {
            Temperature::Hot
        } else if reached(Level::Warm) {
            Temperature::Warm
        } else {
            Temperature::Cold
        };
        p.qualification = if reached(Level::Sql) {
            Qualification::Sql
        } else if reached(Level::Mql) {
            Qualification::Mql
        } else {
            Qualification::None
        };
        for &(rule, level, value) in &self.thresholds {
            let in_force = at[level as usize].is_some_and(|(r, _)| r == rule);
            let matched = in_force && total >= value;
            if matched {
                p.fired.push(rule);
            }
            if let Some(t) = trace.as_deref_mut() {
                t.push(Step {
                    rule,
                    matched,
                    points: 0.0,
                    seen: vec![Seen::Score {
                        measure: Measure::Score,
                        value: total,
                        matched,
                    }],
                });
            }
        }

        p.stage = first_match(&self.stage_rules, &ctx, &mut p.fired, &mut trace);
        ctx.stage = p.stage;
        p.outcome = first_match(&self.outcome_rules, &ctx, &mut p.fired, &mut trace);
        if let Some(sentiment) = first_match(&self.sentiment_rules, &ctx, &mut p.fired, &mut trace)
        {
            p.sentiment = sentiment;
        }
        p
    }
}

/// The value of the first rule in `rules` whose condition holds (stage, outcome and sentiment
/// rules: the first match wins). The rules checked go to `trace`, the one that matched to `fired`.
fn first_match<T: Copy>(
    rules: &[(RuleRef, T, CCond)],
    ctx: &Ctx,
    fired: &mut Vec<RuleRef>,
    trace: &mut Option<&mut Vec<Step>>,
) -> Option<T> {
    for (rule, value, cond) in rules {
        let mut seen = trace.as_ref().map(|_| Vec::new());
        let matched = ctx.eval(cond, &mut seen);
        if let (Some(t), Some(seen)) = (trace.as_deref_mut(), seen) {
            t.push(Step {
                rule: *rule,
                matched,
                points: 0.0,
                seen,
            });
        }
        if matched {
            fired.push(*rule);
            return Some(*value);
        }
    }
    None
}

/// What of a contact's record a placement may read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Known {
    /// Every field as imported (a classification "now").
    Everything,
    /// Only what was known at the as-of time, when replaying a contact's past: milestone dates
    /// after it are missing, and the record's snapshot fields (status, owner, source, amount,
    /// other columns) are there only when `snapshot` (they were true from the record's last
    /// milestone on). Id, name and account are always known.
    Then { snapshot: bool },
}

/// Buffers reused from contact to contact.
#[derive(Default)]
pub(crate) struct Scratch {
    points: Vec<f64>,
    counts: Vec<u32>,
}

/// An absolute slack for rounding near underflow in the bounds of [`Decayed`].
const TINY: f64 = 1e-300;

/// One contact's events indexed for placing it on many days in time order (a replay, see
/// [`Compiled::place_replayed`]), so that each day costs a few binary searches instead of a
/// pass over every earlier event.
pub(crate) struct Timeline {
    slot_of_kind: Vec<u32>,
    /// By slot (see [`Compiled::slot_of_kind`]): the times of the contact's events of that type,
    /// in order.
    times: Vec<Vec<Time>>,
    /// By engagement rule (those with a half-life): the decayed sum of its events so far.
    decayed: Vec<Decayed>,
    /// By engagement rule (those without a half-life): `copies[n][k]` is the rule's points
    /// added up k times from 0, one at a time, as a placement adds them for k events. Kept
    /// from contact to contact.
    copies: Vec<Vec<f64>>,
    fired: Vec<RuleRef>,
}

impl Timeline {
    /// The times of the contact's events of type `kind`, when the rules gave it a slot.
    fn times_of(&self, kind: u32) -> Option<&[Time]> {
        let slot = *self.slot_of_kind.get(kind as usize)?;
        (slot != NO_SLOT).then(|| &self.times[slot as usize][..])
    }

    /// `points` added up `count` times from 0, one at a time (for engagement rule `rule`).
    fn copy_sum(&mut self, rule: usize, points: f64, count: usize) -> f64 {
        let sums = &mut self.copies[rule];
        if sums.is_empty() {
            sums.push(0.0);
        }
        while sums.len() <= count {
            let last = sums[sums.len() - 1];
            sums.push(last + points);
        }
        sums[count]
    }
}

/// The weights 2^(-age/half-life) of one engagement rule's events in its window, summed as of
/// time `at`, with a bound on the rounding error.
#[derive(Clone, Copy, Debug, Default)]
struct Decayed {
    sum: f64,
    /// A bound on `|sum - the exact sum|`.
    err: f64,
    at: Time,
    /// Events of the rule's type counted so far (a prefix of its times), and how many of them
    /// have since left the window (a prefix of those).
    added: usize,
    removed: usize,
}

impl Decayed {
    /// Moves the sum to time `at` (never earlier than the last), with the window starting at
    /// `since`; `times` are the times of the rule's events.
    fn advance(&mut self, times: &[Time], at: Time, since: Time, half_life: f64) {
        const U: f64 = f64::EPSILON;
        // The relative error of exp2 of a rounded exponent `a`.
        let rel = |a: f64| (a.abs() + 2.0) * U;
        if self.added > self.removed && at != self.at {
            let a = -((at - self.at) as f64) / half_life;
            let f = a.exp2();
            let err = (self.err + self.sum.abs() * rel(a)) * f * (1.0 + rel(a));
            self.sum *= f;
            self.err = err + self.sum.abs() * U + TINY;
        }
        self.at = at;
        while self.removed < self.added && times[self.removed] < since {
            let a = -((at - times[self.removed]) as f64) / half_life;
            let w = a.exp2();
            self.sum -= w;
            self.err += w * rel(a) + self.sum.abs() * U + TINY;
            self.removed += 1;
        }
        while self.added < times.len() && times[self.added] <= at {
            let t = times[self.added];
            self.added += 1;
            if t < since {
                // Every earlier event is out of the window too.
                self.removed += 1;
                continue;
            }
            let a = -((at - t) as f64) / half_life;
            let w = a.exp2();
            self.sum += w;
            self.err += w * rel(a) + self.sum.abs() * U + TINY;
        }
        if self.added == self.removed {
            self.sum = 0.0;
            self.err = 0.0;
        }
    }
}

/// Whether `cmp` holds between a value known only to lie within `margin` of `approx` and
/// `value`, when that is certain.
fn decide(cmp: Cmp, approx: f64, margin: f64, value: f64) -> Option<bool> {
    if !(approx.is_finite() && margin.is_finite()) {
        None
    } else if approx - margin > value {
        Some(cmp.test(1, 0))
    } else if approx + margin < value {
        Some(cmp.test(0, 1))
    } else {
        None
    }
}

/// The start of a window of `within` days that ends at `as_of` (no window: the beginning of
/// time).
fn since(within: Option<u32>, as_of: Time) -> Time {
    within.map_or(Time::MIN, |d| as_of - d as Time * DAY)
}

/// The times `lo..=hi` an event must lie in for a recency test as of `as_of`.
fn window(time: EventTime, as_of: Time) -> (Time, Time) {
    match time {
        EventTime::Within(d) => (as_of - d as Time * DAY, as_of),
        EventTime::Before(day) => (Time::MIN, as_of.min(day - 1)),
        EventTime::After(day) => (day + DAY, as_of),
    }
}

fn kind_of(event: &EventType, data: &Dataset) -> Kind {
    match event {
        EventType::Any => Kind::Any,
        EventType::Named(n) => data.event_types.get(n).map_or(Kind::Absent, Kind::Id),
    }
}

/// Resolves field names while rules are compiled: the kept columns are lower-cased and
/// indexed once (on the first name that is not a built-in), so each condition's field is a
/// lookup instead of a scan of every column.
#[derive(Default)]
pub(super) struct FieldNames {
    /// Lower-cased column name → the first column of that name.
    columns: OnceCell<HashMap<String, usize>>,
}

impl FieldNames {
    /// Whether rules can read a field of this name from `data` (a built-in field or a kept
    /// column); a condition on any other name never matches.
    pub(super) fn knows(&self, name: &str, fields: &[String]) -> bool {
        self.resolve_in(name, fields) != FieldRef::Unknown
    }

    fn resolve(&self, name: &str, data: &Dataset) -> FieldRef {
        self.resolve_in(name, &data.fields)
    }

    fn resolve_in(&self, name: &str, fields: &[String]) -> FieldRef {
        let lower = name.to_lowercase();
        match lower.as_str() {
            "id" => FieldRef::Key,
            "name" => FieldRef::Name,
            "account" => FieldRef::Account,
            "status" | "stage" => FieldRef::Status,
            "owner" => FieldRef::Owner,
            "source" => FieldRef::Source,
            "amount" => FieldRef::Amount,
            "created" => FieldRef::Created,
            "lead" => FieldRef::Lead,
            "mql" => FieldRef::Mql,
            "sql" => FieldRef::Sql,
            "closed" => FieldRef::Closed,
            _ => self
                .columns
                .get_or_init(|| {
                    let mut columns = HashMap::with_capacity(fields.len());
                    for (i, f) in fields.iter().enumerate() {
                        columns.entry(f.to_lowercase()).or_insert(i);
                    }
                    columns
                })
                .get(&lower)
                .map_or(FieldRef::Unknown, |&i| FieldRef::Extra(i)),
        }
    }
}

fn lit(l: &Literal) -> CLit {
    match l {
        Literal::Text(s) => CLit::Text(s.to_lowercase()),
        Literal::Number(v) => CLit::Num(*v),
        Literal::Date(t) => CLit::Day(t.div_euclid(DAY)),
    }
}

/// The day number of a text that starts with `YYYY-MM-DD`.
fn text_day(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    time_from_date(y, m, d).map(|t| t.div_euclid(DAY))
}

fn eq_ci(value: &str, lower: &str) -> bool {
    if value.is_ascii() {
        value.len() == lower.len() && value.eq_ignore_ascii_case(lower)
    } else {
        value.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

/// The text of a `contains` test, lower-cased once when the rules are compiled, and searched
/// for in linear time: an ASCII text in an ASCII value by Knuth–Morris–Pratt over the value's
/// bytes lower-cased on the fly (no allocation); anything else in the value lower-cased once
/// (`str::contains` is Two-Way, also linear).
#[derive(Debug)]
struct Needle {
    lower: String,
    /// When `lower` is ASCII: for each prefix of it, the length of its longest proper prefix
    /// that is also a suffix (the KMP failure function).
    border: Vec<u32>,
}

impl Needle {
    fn new(text: &str) -> Needle {
        let lower = text.to_lowercase();
        let border = if lower.is_ascii() {
            borders(lower.as_bytes())
        } else {
            Vec::new()
        };
        Needle { lower, border }
    }

    /// Whether `value` contains the text, ignoring case.
    fn found_in(&self, value: &str) -> bool {
        let p = self.lower.as_bytes();
        if p.is_empty() {
            return true;
        }
        if !(value.is_ascii() && self.lower.is_ascii()) {
            return value.to_lowercase().contains(self.lower.as_str());
        }
        if value.len() < p.len() {
            return false;
        }
        let mut k = 0;
        for &c in value.as_bytes() {
            let c = c.to_ascii_lowercase();
            while k > 0 && c != p[k] {
                k = self.border[k - 1] as usize;
            }
            if c == p[k] {
                k += 1;
                if k == p.len() {
                    return true;
                }
            }
        }
        false
    }
}

/// The KMP failure function of `p`.
fn borders(p: &[u8]) -> Vec<u32> {
    let mut border = vec![0u32; p.len()];
    let mut k = 0;
    for i in 1..p.len() {
        while k > 0 && p[i] != p[k] {
            k = border[k - 1] as usize;
        }
        if p[i] == p[k] {
            k += 1;
        }
        border[i] = k as u32;
    }
    border
}

struct Ctx<'a> {
    compiled: &'a Compiled,
    data: &'a Dataset,
    contact: &'a Contact,
    /// The contact's events up to the as-of time.
    events: &'a [Event],
    /// The contact's events indexed, when placing it on many days.
    timeline: Option<&'a Timeline>,
    fit: f64,
    /// Exact when `margin` is 0; else within `margin` of the exact value.
    engagement: f64,
    margin: f64,
    /// The exact engagement, once computed (only when `margin` is not 0).
    exact: Cell<Option<f64>>,
    stage: Option<u32>,
    as_of: Time,
    known: Known,
}

impl<'a> Ctx<'a> {
    /// The engagement exactly as [`Compiled::place_as_known`] adds it up.
    fn exact_engagement(&self) -> f64 {
        if self.margin == 0.0 {
            return self.engagement;
        }
        if let Some(e) = self.exact.get() {
            return e;
        }
        let (mut points, mut counts) = (Vec::new(), Vec::new());
        self.compiled
            .engagement_points(self.events, &mut points, &mut counts);
        let e = points.iter().fold(0.0, |e, p| e + p);
        self.exact.set(Some(e));
        e
    }

    fn value(&self, f: FieldRef) -> Val<'a> {
        if let Known::Then { snapshot } = self.known {
            match f {
                FieldRef::Key | FieldRef::Name | FieldRef::Account | FieldRef::Unknown => {}
                FieldRef::Created
                | FieldRef::Lead
                | FieldRef::Mql
                | FieldRef::Sql
                | FieldRef::Closed => {
                    let v = self.value_now(f);
                    return match v {
                        Val::Date(t) if t > self.as_of => Val::Missing,
                        v => v,
                    };
                }
                _ if !snapshot => return Val::Missing,
                _ => {}
            }
        }
        self.value_now(f)
    }

    fn value_now(&self, f: FieldRef) -> Val<'a> {
        let c = self.contact;
        let text = |s: &'a Option<String>| match s.as_deref() {
            Some(t) if !t.trim().is_empty() => Val::Text(t),
            _ => Val::Missing,
        };
        let date = |t: Option<Time>| t.map_or(Val::Missing, Val::Date);
        match f {
            FieldRef::Key => Val::Text(&c.key),
            FieldRef::Name => text(&c.name),
            FieldRef::Account => c.account.map_or(Val::Missing, |a| {
                Val::Text(&self.data.accounts[a as usize].key)
            }),
            FieldRef::Status => text(&c.status),
            FieldRef::Owner => text(&c.owner),
            FieldRef::Source => text(&c.source),
            FieldRef::Amount => c.amount.map_or(Val::Missing, Val::Num),
            FieldRef::Created => date(c.dates.created),
            FieldRef::Lead => date(c.dates.lead),
            FieldRef::Mql => date(c.dates.mql),
            FieldRef::Sql => date(c.dates.sql),
            FieldRef::Closed => date(c.dates.closed),
            FieldRef::Extra(i) => c.extra.get(i).map_or(Val::Missing, text),
            FieldRef::Unknown => Val::Missing,
        }
    }

    fn eval(&self, cond: &CCond, seen: &mut Option<Vec<Seen>>) -> bool {
        match cond {
            CCond::And(all) => all.iter().all(|c| self.eval(c, seen)),
            CCond::Or(any) => any.iter().any(|c| self.eval(c, seen)),
            CCond::Not(c) => !self.eval(c, seen),
            CCond::Field { name, field, test } => {
                let v = self.value(*field);
                let matched = test_value(test, &v, self.as_of);
                if let Some(seen) = seen {
                    seen.push(Seen::Field {
                        field: name.clone(),
                        value: match v {
                            Val::Text(t) => Some(t.to_owned()),
                            Val::Num(n) => Some(n.to_string()),
                            Val::Date(t) => Some(format_date(t)),
                            Val::Missing => None,
                        },
                        matched,
                    });
                }
                matched
            }
            CCond::Count {
                event,
                kind,
                cmp,
                count,
                within,
            } => {
                let since = since(*within, self.as_of);
                let in_window =
                    |events: &'a [Event]| &events[events.partition_point(|e| e.time < since)..];
                let n = match *kind {
                    Kind::Any => in_window(self.events).len(),
                    Kind::Absent => 0,
                    Kind::Id(k) => match self.timeline.and_then(|t| t.times_of(k)) {
                        Some(times) => {
                            times.partition_point(|&t| t <= self.as_of)
                                - times.partition_point(|&t| t < since)
                        }
                        None => in_window(self.events)
                            .iter()
                            .filter(|e| e.kind() == k)
                            .count(),
                    },
                } as u32;
                let matched = cmp.test(n, *count);
                if let Some(seen) = seen {
                    seen.push(Seen::Count {
                        event: event.clone(),
                        count: n,
                        matched,
                    });
                }
                matched
            }
            CCond::Recency {
                which,
                event,
                kind,
                time: when,
            } => {
                let (lo, hi) = window(*when, self.as_of);
                let indexed = match *kind {
                    Kind::Id(k) => self.timeline.and_then(|t| t.times_of(k)),
                    Kind::Any => None,
                    Kind::Absent => Some(&[][..]),
                };
                let time = match (indexed, which) {
                    (Some(times), Which::First) => {
                        times.first().copied().filter(|&t| t <= self.as_of)
                    }
                    (Some(times), Which::Last) => times
                        .partition_point(|&t| t <= self.as_of)
                        .checked_sub(1)
                        .map(|i| times[i]),
                    // Any's first and last are found at once.
                    (None, Which::First) => {
                        self.events.iter().find(|e| kind.matches(e)).map(|e| e.time)
                    }
                    (None, Which::Last) => self
                        .events
                        .iter()
                        .rev()
                        .find(|e| kind.matches(e))
                        .map(|e| e.time),
                };
                let matched = time.is_some_and(|t| lo <= t && t <= hi);
                if let Some(seen) = seen {
                    seen.push(Seen::Event {
                        which: *which,
                        event: event.clone(),
                        time,
                        matched,
                    });
                }
                matched
            }
            CCond::Score {
                measure,
                cmp,
                value,
            } => {
                let with = |engagement: f64| match measure {
                    Measure::Score => self.fit + engagement,
                    Measure::Fit => self.fit,
                    Measure::Engagement => engagement,
                };
                // An approximate engagement (a replay) decides when it is far enough from the
                // value; else the exact one is computed.
                let approximate = self.margin != 0.0 && *measure != Measure::Fit;
                if approximate && seen.is_none() {
                    if let Some(matched) = decide(*cmp, with(self.engagement), self.margin, *value)
                    {
                        // Tests (not timed release runs) check every such decision.
                        if cfg!(all(test, debug_assertions)) {
                            let exact = cmp.test(with(self.exact_engagement()), *value);
                            assert_eq!(matched, exact, "{cmp:?} {value} within {}", self.margin);
                        }
                        return matched;
                    }
                }
                let v = if approximate {
                    with(self.exact_engagement())
                } else {
                    with(self.engagement)
                };
                let matched = cmp.test(v, *value);
                if let Some(seen) = seen {
                    seen.push(Seen::Score {
                        measure: *measure,
                        value: v,
                        matched,
                    });
                }
                matched
            }
            CCond::AtStage(s) => {
                let matched = s.is_some() && self.stage == *s;
                if let Some(seen) = seen {
                    seen.push(Seen::Stage {
                        stage: self.stage.map(|i| self.compiled.stages[i as usize].clone()),
                        matched,
                    });
                }
                matched
            }
        }
    }
}

fn num_of(v: &Val) -> Option<f64> {
    match v {
        Val::Num(n) => Some(*n),
        Val::Text(t) => t.trim().parse().ok().filter(|n: &f64| n.is_finite()),
        _ => None,
    }
}

fn day_of(v: &Val) -> Option<i64> {
    match v {
        Val::Date(t) => Some(t.div_euclid(DAY)),
        Val::Text(t) => text_day(t),
        _ => None,
    }
}

fn time_of(v: &Val) -> Option<Time> {
    match v {
        Val::Date(t) => Some(*t),
        Val::Text(t) => text_day(t).map(|d| d * DAY),
        _ => None,
    }
}

fn text_eq(v: &Val, lower: &str) -> bool {
    match v {
        Val::Text(t) => eq_ci(t, lower),
        Val::Num(n) => n.to_string() == lower,
        Val::Date(t) => format_date(*t) == lower,
        Val::Missing => false,
    }
}

/// `Some(ordering test result)` when the value is of the literal's kind.
fn compare(v: &Val, cmp: Cmp, l: &CLit) -> Option<bool> {
    match l {
        CLit::Text(s) => {
            let eq = text_eq(v, s);
            Some(if cmp == Cmp::Ne { !eq } else { eq })
        }
        CLit::Num(n) => num_of(v).map(|x| cmp.test(x, *n)),
        CLit::Day(d) => day_of(v).map(|x| cmp.test(x, *d)),
    }
}

fn test_value(test: &CTest, v: &Val, as_of: Time) -> bool {
    let missing = matches!(v, Val::Missing);
    match test {
        CTest::Missing => missing,
        CTest::Present => !missing,
        // An empty field is "not equal" to anything; every other test fails on it.
        CTest::Compare(cmp, l) => {
            if missing {
                *cmp == Cmp::Ne
            } else {
                compare(v, *cmp, l).unwrap_or(*cmp == Cmp::Ne)
            }
        }
        CTest::In(ls) => ls.iter().any(|l| compare(v, Cmp::Eq, l) == Some(true)),
        CTest::Contains(s) => match v {
            Val::Text(t) => s.found_in(t),
            Val::Num(n) => n.to_string().contains(s.lower.as_str()),
            Val::Date(t) => format_date(*t).contains(s.lower.as_str()),
            Val::Missing => false,
        },
        CTest::Range(lo, hi) => {
            let within = |l: &Option<CLit>, cmp: Cmp| {
                l.as_ref().is_none_or(|l| compare(v, cmp, l) == Some(true))
            };
            !missing && within(lo, Cmp::Ge) && within(hi, Cmp::Le) && {
                // A range with only one end still needs a value of that kind.
                let kind = lo.as_ref().or(hi.as_ref());
                match kind {
                    Some(CLit::Num(_)) => num_of(v).is_some(),
                    Some(CLit::Day(_)) => day_of(v).is_some(),
                    _ => false,
                }
            }
        }
        CTest::Within(days) => {
            let t0 = as_of - *days as Time * DAY;
            time_of(v).is_some_and(|t| t0 <= t && t <= as_of)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_data::SplitMix64;

    /// The search as it was before [`Needle`]: every window compared, or the value lower-cased.
    fn contains_reference(value: &str, lower: &str) -> bool {
        if lower.is_empty() {
            return true;
        }
        if value.is_ascii() && lower.is_ascii() {
            value
                .as_bytes()
                .windows(lower.len())
                .any(|w| w.eq_ignore_ascii_case(lower.as_bytes()))
        } else {
            value.to_lowercase().contains(lower)
        }
    }

    fn random_text(rng: &mut SplitMix64, alphabet: &[&str], max: u64) -> String {
        let n = rng.below(max + 1);
        (0..n)
            .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn contains_finds_what_the_window_search_found() {
        // Small alphabets so that needles often (nearly) match; case pairs, letters whose
        // lower case is longer or shorter (İ, the Kelvin sign), final sigma, ß.
        let ascii = ["a", "A", "b", "B", "a", "@", "."];
        let mixed = [
            "a", "A", "b", "é", "É", "İ", "i", "\u{212A}", "k", "Σ", "σ", "ß", " ",
        ];
        let mut rng = SplitMix64::new(5);
        let mut found = 0;
        for round in 0..40_000 {
            let alphabet: &[&str] = if round % 2 == 0 { &ascii } else { &mixed };
            let value = random_text(&mut rng, alphabet, 24);
            let needle = if rng.below(3) == 0 && !value.is_empty() {
                // A piece of the value, in another case.
                let chars: Vec<char> = value.chars().collect();
                let a = rng.below(chars.len() as u64) as usize;
                let b = a + rng.below((chars.len() - a) as u64 + 1) as usize;
                chars[a..b].iter().collect::<String>().to_uppercase()
            } else {
                random_text(&mut rng, alphabet, 5)
            };
            let n = Needle::new(&needle);
            let expected = contains_reference(&value, &needle.to_lowercase());
            assert_eq!(
                n.found_in(&value),
                expected,
                "{value:?} contains {needle:?}"
            );
            found += usize::from(expected);
        }
        // Both answers were well represented.
        assert!((10_000..30_000).contains(&found), "{found}");
    }

    /// Field resolution as it was before [`FieldNames`]: every column lower-cased and compared.
    fn field_ref_reference(name: &str, data: &Dataset) -> FieldRef {
        let lower = name.to_lowercase();
        match lower.as_str() {
            "id" => FieldRef::Key,
            "name" => FieldRef::Name,
            "account" => FieldRef::Account,
            "status" | "stage" => FieldRef::Status,
            "owner" => FieldRef::Owner,
            "source" => FieldRef::Source,
            "amount" => FieldRef::Amount,
            "created" => FieldRef::Created,
            "lead" => FieldRef::Lead,
            "mql" => FieldRef::Mql,
            "sql" => FieldRef::Sql,
            "closed" => FieldRef::Closed,
            _ => data
                .fields
                .iter()
                .position(|f| f.to_lowercase() == lower)
                .map_or(FieldRef::Unknown, FieldRef::Extra),
        }
    }

    #[test]
    fn fields_resolve_to_the_column_a_scan_finds() {
        use crate::domain::dataset::{DatasetBuilder, Shape};
        // Columns that collide ignoring case (the first wins), built-in names as columns,
        // Unicode case pairs.
        let pieces = ["a", "B", "b", "İ", "i", "Σ", "σ", "name", "Status", "x"];
        let mut rng = SplitMix64::new(9);
        for _ in 0..300 {
            let fields: Vec<String> = (0..rng.below(12))
                .map(|_| random_text(&mut rng, &pieces, 2))
                .collect();
            let data = DatasetBuilder::new(Shape::Records, fields).finish();
            let names = FieldNames::default();
            for _ in 0..20 {
                let name = random_text(&mut rng, &pieces, 2);
                assert_eq!(
                    names.resolve(&name, &data),
                    field_ref_reference(&name, &data),
                    "{name:?} in {:?}",
                    data.fields
                );
            }
        }
    }

    #[test]
    fn stage_and_outcome_ids_get_the_index_of_their_first_rule() {
        use crate::domain::dataset::{DatasetBuilder, Shape};
        let data = DatasetBuilder::new(Shape::Events, vec![]).finish();
        let mut rng = SplitMix64::new(3);
        for _ in 0..200 {
            // Rules in random order over a few ids; `at` also names ids no stage rule has.
            let mut text = String::new();
            let mut stage_ids = Vec::new();
            let mut outcome_ids = Vec::new();
            let mut at_ids = Vec::new();
            for _ in 0..rng.below(30) {
                let id = format!("x{}", rng.below(8));
                match rng.below(3) {
                    0 => {
                        text.push_str(&format!("stage {id} when count any >= 1\n"));
                        stage_ids.push(id);
                    }
                    1 => {
                        text.push_str(&format!("outcome {id} when count any >= 1\n"));
                        outcome_ids.push(id);
                    }
                    _ => {
                        text.push_str(&format!("outcome o when at {id}\n"));
                        outcome_ids.push("o".to_owned());
                        at_ids.push(id);
                    }
                }
            }
            let rules = RuleSet::parse(&text).unwrap();
            let c = Compiled::new(&rules, &data, 0);
            let first_seen = |ids: &[String]| {
                let mut out: Vec<String> = Vec::new();
                for id in ids {
                    if !out.contains(id) {
                        out.push(id.clone());
                    }
                }
                out
            };
            assert_eq!(c.stages, first_seen(&stage_ids), "{text}");
            assert_eq!(c.outcomes, first_seen(&outcome_ids), "{text}");
            let position = |names: &[String], id: &str| names.iter().position(|s| s == id);
            for ((_, s, _), id) in c.stage_rules.iter().zip(&stage_ids) {
                assert_eq!(Some(*s as usize), position(&c.stages, id));
            }
            for ((_, s, _), id) in c.outcome_rules.iter().zip(&outcome_ids) {
                assert_eq!(Some(*s as usize), position(&c.outcomes, id));
            }
            let ats: Vec<Option<u32>> = c
                .outcome_rules
                .iter()
                .filter_map(|(_, _, cond)| match cond {
                    CCond::AtStage(s) => Some(*s),
                    _ => None,
                })
                .collect();
            let expected: Vec<Option<u32>> = at_ids
                .iter()
                .map(|id| position(&c.stages, id).map(|i| i as u32))
                .collect();
            assert_eq!(ats, expected, "{text}");
        }
    }

    /// One contact with visits at random times over 200 days, and the ends of its days.
    fn busy_visitor() -> (Dataset, Vec<Time>) {
        use crate::domain::dataset::{DatasetBuilder, Shape};
        let mut rng = SplitMix64::new(21);
        let mut b = DatasetBuilder::new(Shape::Events, vec![]);
        let c = b.contact("c");
        let mut days = Vec::new();
        for _ in 0..400 {
            let t = 1_000 * DAY + rng.below(200 * DAY as u64) as Time;
            b.event(c, t, ["visit", "click"][rng.below(2) as usize], None, None);
            days.push(t.div_euclid(DAY) * DAY + DAY - 1);
        }
        days.sort_unstable();
        days.dedup();
        (b.finish(), days)
    }

    const DECAYING: &str = "engage +1.7 per \"visit\" half-life 7d within 60d
engage +0.3 per any half-life 3d
engage -0.45 per \"click\" half-life 20d
engage +0.1 per \"click\" within 10d";

    #[test]
    fn replayed_engagement_is_within_its_margin_of_the_exact_sum() {
        let (data, days) = busy_visitor();
        let rules = RuleSet::parse(DECAYING).unwrap();
        let mut compiled = Compiled::new(&rules, &data, 0);
        let mut timeline = compiled.timeline();
        let contact = &data.contacts[0];
        compiled.start(&data, contact, &mut timeline);
        let mut differ = 0;
        for &t in &days {
            compiled.as_of = t;
            let (approx, margin) = compiled.engagement_replayed(&mut timeline, 1.5);
            let exact = compiled
                .place(&data, contact, &mut Scratch::default(), None)
                .score
                .engagement;
            assert!(
                (approx - exact).abs() <= margin,
                "{approx} {exact} {margin}"
            );
            // Tight enough that nearly every comparison is decided without the exact sum.
            assert!(margin < 1e-9 * (1.0 + exact.abs()), "{margin} for {exact}");
            differ += usize::from(approx != exact);
        }
        // The two ways of adding up do differ in the last bits.
        assert!(differ > days.len() / 10, "{differ} of {}", days.len());
    }

    #[test]
    fn replayed_scores_on_their_exact_threshold_are_placed_as_classified() {
        use crate::domain::rules::{classify, replay::replay};
        let (data, days) = busy_visitor();
        // Thresholds that are exactly the score a classification gives on some days: the
        // replay's own running sum is off in the last bits there, and must not decide alone.
        for &t in days.iter().step_by(7) {
            let rules = RuleSet::parse(DECAYING).unwrap();
            let score = classify(&data, &rules, t).placements[0].score.total;
            for cmp in [">=", "<", "="] {
                let text = format!(
                    "{DECAYING}\nstage on when score {cmp} {score}\nstage off when count any >= 0"
                );
                let rules = RuleSet::parse(&text).unwrap();
                let r = replay(&data, &rules, days[days.len() - 1] + 1);
                for m in r.of(0) {
                    let then = classify(&data, &rules, m.time).placements[0].stage;
                    assert_eq!(m.stage, then, "score {cmp} {score} at {}", m.time);
                    if m.time == t {
                        assert_eq!(m.stage == Some(0), cmp != "<");
                    }
                }
            }
        }
    }

    #[test]
    fn decisions_need_the_margin_clear_of_the_value() {
        assert_eq!(decide(Cmp::Ge, 10.0, 0.5, 9.0), Some(true));
        assert_eq!(decide(Cmp::Ge, 10.0, 0.5, 11.0), Some(false));
        assert_eq!(decide(Cmp::Ge, 10.0, 0.5, 9.6), None);
        assert_eq!(decide(Cmp::Eq, 10.0, 0.5, 10.0), None);
        assert_eq!(decide(Cmp::Ne, 10.0, 0.5, 12.0), Some(true));
        assert_eq!(decide(Cmp::Lt, 10.0, 0.5, 12.0), Some(true));
        assert_eq!(decide(Cmp::Le, 10.0, f64::INFINITY, 12.0), None);
    }

    #[test]
    fn the_failure_function_is_the_longest_border() {
        assert_eq!(borders(b"aabaaab"), [0, 1, 0, 1, 2, 2, 3]);
        assert_eq!(borders(b"abcabd"), [0, 0, 0, 1, 2, 0]);
        assert!(borders(b"").is_empty());
    }
}
