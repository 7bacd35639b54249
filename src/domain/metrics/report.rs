//! The figures of one set of contacts (all of them, a segment or a period): the funnel, time
//! in stage, outcomes, engagements, revenue, referrals, sentiment, service levels, buying-group
//! coverage and type-casting. Every definition is in the README's "Metrics" section and in
//! the UI's definitions; the tests below work each one out by hand.

use crate::domain::model::Stage;
use crate::domain::Outcome;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::durations::Durations;
use super::paths::{stage_during, Paths, Visit};
use crate::domain::dataset::{Dataset, Time, DAY};
use crate::domain::metric_settings::{MetricSettings, LINE_FIELDS, ROLE_FIELDS};
use crate::domain::model::{Destination, Id, JourneyMap};
use crate::domain::rules::{Classification, Sentiment};

/// What a report is computed from.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    pub map: &'a JourneyMap,
    pub data: &'a Dataset,
    pub classification: &'a Classification,
    pub paths: &'a Paths,
}

/// A count out of a count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ratio {
    pub num: u32,
    pub den: u32,
}

impl Ratio {
    pub fn new(num: u32, den: u32) -> Ratio {
        Ratio { num, den }
    }

    /// `num / den`, or `None` when there is nothing to divide by.
    pub fn share(self) -> Option<f64> {
        (self.den > 0).then(|| self.num as f64 / self.den as f64)
    }
}

/// The figures of one stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StageFigures {
    pub stage: Id<Stage>,
    /// Contacts in this stage now.
    pub now: u32,
    /// Accounts in this stage now (an account is where its furthest contact is).
    pub now_accounts: u32,
    /// Contacts that reached this stage or a later one.
    pub reached: u32,
    /// Contacts seen in this stage (at least one visit).
    pub entered: u32,
    /// Of those that reached this stage, how many reached the next one.
    pub next: Option<Ratio>,
    /// Of those that reached the first stage, how many reached this one.
    pub cumulative: Ratio,
    /// Reached this stage but not the next.
    pub drop_off: u32,
    /// Finished visits: days from entering to leaving.
    pub time: Durations,
    /// Visits still open at the as-of time (not in `time`).
    pub open: u32,
    /// The latest event of a contact while it was in this stage.
    pub last_activity: Option<Time>,
    /// Events that happened while their contact was in this stage.
    pub events: u32,
}

/// How an outcome counts in win and no-decision rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    Win,
    NoDecision,
    Loss,
}

/// One outcome of one decision point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeFigures {
    pub outcome: Id<Outcome>,
    pub kind: OutcomeKind,
    /// Contacts with this outcome now.
    pub contacts: u32,
    /// Share among the decision's decided contacts.
    pub share: Ratio,
    /// For a no-decision outcome: contacts that had it and later won or moved past the
    /// decision's stage.
    pub came_back: Option<Ratio>,
}

/// One decision point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionFigures {
    /// Index of the stage the decision ends.
    pub stage: u32,
    pub outcomes: Vec<OutcomeFigures>,
    /// Contacts with any of the decision's outcomes.
    pub decided: u32,
    pub win_rate: Ratio,
    pub no_decision_rate: Ratio,
}

/// Clients moving between engagements and coming back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Engagements {
    /// Of the contacts that were in the client stage, how many moved on to the next stage.
    pub moved_on: Option<Ratio>,
    /// Of the contacts that got past the client stage, how many came back to it or earlier.
    pub returned: Ratio,
    /// Contacts that entered the client stage twice or more.
    pub repeat_contacts: u32,
    /// Accounts (a contact without an account is its own) with two or more client-stage
    /// entries across their contacts, out of the accounts with at least one.
    pub repeat_accounts: Ratio,
}

/// Revenue of clients.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Revenue {
    /// Revenue dated on or before the account's first day as a client.
    pub new: f64,
    /// Revenue dated after it.
    pub existing: f64,
    /// Client-stage entries (engagements) of the contacts with revenue.
    pub engagements: u32,
    /// Revenue per engagement.
    pub per_engagement: Option<f64>,
    /// Estimated lifetime value: revenue per engagement ÷ (1 − return rate), the return rate
    /// capped at 90 %.
    pub clv: Option<f64>,
}

/// Referrals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Referrals {
    /// Referral events by the stage their contact was in (map order).
    pub by_stage: Vec<u32>,
    /// Contacts past the client stage that referred someone, out of those past it.
    pub from_former: Option<Ratio>,
    /// Contacts whose source says they were referred.
    pub referred_in: u32,
}

/// One service level's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceFigures {
    pub from: u32,
    pub to: u32,
    pub days: u32,
    pub met: u32,
    pub breached: u32,
    /// Still inside the allowed time.
    pub pending: u32,
}

/// Which buying-group roles are engaged per account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    pub field: String,
    /// Accounts with at least one contact.
    pub accounts: u32,
    /// Accounts by the number of distinct roles engaged: index 0 = none known, 1, 2, 3, 4+.
    pub by_roles: [u32; 5],
    /// Accounts with a single contact.
    pub single_threaded: u32,
    /// Each role and the accounts that engage it, most common first.
    pub roles: Vec<(String, u32)>,
}

/// Clients who bought one service line out of several offered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeCasting {
    pub field: String,
    /// Distinct lines in the whole file.
    pub offered: u32,
    /// Client accounts with exactly one line, out of client accounts with a known line.
    pub one_line: Ratio,
}

/// A node of the flow chart.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum FlowNode {
    Stage(u32),
    Outcome(Id<Outcome>),
}

/// Contacts moving from one node to another (a stage to the next, a stage back to an earlier
/// one, a decision stage to an outcome).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Flow {
    pub from: FlowNode,
    pub to: FlowNode,
    pub contacts: u32,
}

/// Everything the metrics view shows for one set of contacts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub contacts: u32,
    pub accounts: u32,
    pub stages: Vec<StageFigures>,
    /// The stage that counts as "became a client", if the map has one.
    pub client_stage: Option<u32>,
    /// Reached the client stage, out of those that reached the first stage.
    pub became_clients: Ratio,
    /// Days from entering the journey to first entering the client stage.
    pub time_to_convert: Durations,
    pub decisions: Vec<DecisionFigures>,
    pub engagements: Engagements,
    pub revenue: Revenue,
    pub referrals: Referrals,
    pub advocates: u32,
    pub detractors: u32,
    pub service_levels: Vec<ServiceFigures>,
    pub coverage: Option<Coverage>,
    pub type_casting: Option<TypeCasting>,
    pub flows: Vec<Flow>,
}

/// Outcome ids that count as a win, a no decision and a loss in every template.
const WIN_IDS: [&str; 4] = ["hired", "signed", "won", "returns"];
const NO_DECISION_IDS: [&str; 2] = ["not_now", "no_decision"];
const LOSS_IDS: [&str; 5] = [
    "no_way",
    "lost",
    "chose_rival",
    "drifts_away",
    "bad_experience",
];

/// How an outcome counts: by its id for the templates' outcomes, otherwise by where it leads
/// (a later stage: win; the same stage: no decision; out or back: loss).
pub fn outcome_kind(
    map: &JourneyMap,
    stage: usize,
    outcome: &crate::domain::Outcome,
) -> OutcomeKind {
    let id = outcome.id.as_str();
    if WIN_IDS.contains(&id) {
        return OutcomeKind::Win;
    }
    if NO_DECISION_IDS.contains(&id) {
        return OutcomeKind::NoDecision;
    }
    if LOSS_IDS.contains(&id) || id == "good_experience" {
        // A former client's experience is not a sale; it only counts in the outcome shares.
        return OutcomeKind::Loss;
    }
    match &outcome.leads_to {
        Destination::Stage(to) => match map.stage_index(to) {
            Some(i) if i > stage => OutcomeKind::Win,
            Some(i) if i == stage => OutcomeKind::NoDecision,
            _ => OutcomeKind::Loss,
        },
        Destination::Exit => OutcomeKind::Loss,
    }
}

/// The stage that counts as "became a client": the settings' choice, else where the first
/// winning outcome of a decision leads.
pub fn client_stage(map: &JourneyMap, settings: &MetricSettings) -> Option<u32> {
    if let Some(i) = settings
        .client_stage
        .as_ref()
        .and_then(|id| map.stage_index(&id.clone().cast()))
    {
        return Some(i as u32);
    }
    for (i, stage) in map.stages.iter().enumerate() {
        for o in stage.decision.iter().flat_map(|d| &d.outcomes) {
            if let (OutcomeKind::Win, Destination::Stage(to)) =
                (outcome_kind(map, i, o), &o.leads_to)
            {
                if let Some(j) = map.stage_index(to) {
                    if j > i {
                        return Some(j as u32);
                    }
                }
            }
        }
    }
    None
}

/// The first kept column among `names` (or the one the settings name).
fn pick_field(data: &Dataset, chosen: Option<&String>, names: &[&str]) -> Option<usize> {
    if let Some(name) = chosen {
        let lower = name.to_lowercase();
        return data.fields.iter().position(|f| *f == lower);
    }
    names
        .iter()
        .find_map(|n| data.fields.iter().position(|f| f == n))
}

fn has_text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Computes the report of `contacts` (indices into the dataset).
pub fn report(input: Input, contacts: &[u32]) -> Report {
    let Input {
        map,
        data,
        classification,
        paths,
    } = input;
    let settings = &map.metrics;
    let n = map.stages.len();
    let client = client_stage(map, settings);

    // Per-stage tallies.
    let mut now = vec![0u32; n];
    let mut reached_at_least = vec![0u32; n + 1];
    let mut entered = vec![0u32; n];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut open = vec![0u32; n];
    let mut last_activity: Vec<Option<Time>> = vec![None; n];
    let mut events_in = vec![0u32; n];
    let mut flows: BTreeMap<(FlowNode, FlowNode), u32> = BTreeMap::new();
    let mut to_convert = Vec::new();
    let mut became_client = 0;
    let mut in_journey = 0;
    let mut moved_on = 0;
    let mut client_seen = 0;
    let mut past_client = 0;
    let mut returned = 0;
    let mut repeat_contacts = 0;
    let mut referral_by_stage = vec![0u32; n];
    let mut referrers_past = 0;
    let mut referred_in = 0;
    let mut advocates = 0;
    let mut detractors = 0;
    let referral_kinds: Vec<bool> = data
        .event_types
        .names()
        .iter()
        .map(|t| t.to_lowercase().contains("referr"))
        .collect();
    // Account key → (client entries, first day as a client).
    let mut account_entries: HashMap<AccountKey, (u32, Option<Time>)> = HashMap::new();
    let mut accounts: HashSet<AccountKey> = HashSet::new();

    let stage_of_rule = |rule_stage: Option<u32>| -> Option<u32> {
        let id = classification.stages.get(rule_stage? as usize)?;
        map.stages
            .iter()
            .position(|s| s.id.as_str() == id)
            .map(|i| i as u32)
    };

    for &c in contacts {
        let contact = &data.contacts[c as usize];
        let key = account_key(contact.account, c);
        accounts.insert(key);
        let visits = paths.visits_of(c);
        if let Some(s) = stage_of_rule(classification.placements[c as usize].stage) {
            now[s as usize] += 1;
        }
        match classification.placements[c as usize].sentiment {
            Sentiment::Advocate => advocates += 1,
            Sentiment::Detractor => detractors += 1,
            Sentiment::None => {}
        }
        if contact
            .source
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains("referr"))
        {
            referred_in += 1;
        }
        if visits.is_empty() {
            continue;
        }
        in_journey += 1;
        let furthest = visits.iter().map(|v| v.stage).max().unwrap_or(0);
        reached_at_least[furthest as usize] += 1;
        let mut seen = vec![false; n];
        for v in visits {
            seen[v.stage as usize] = true;
            match v.left {
                Some(left) => times[v.stage as usize].push(((left - v.entered) / DAY) as f64),
                None => open[v.stage as usize] += 1,
            }
        }
        for (i, s) in seen.iter().enumerate() {
            entered[i] += u32::from(*s);
        }
        for w in visits.windows(2) {
            *flows
                .entry((FlowNode::Stage(w[0].stage), FlowNode::Stage(w[1].stage)))
                .or_default() += 1;
        }
        for e in data.events_of(contact) {
            if e.time > paths.as_of {
                continue;
            }
            if let Some(s) = stage_during(visits, e.time) {
                events_in[s as usize] += 1;
                let last = &mut last_activity[s as usize];
                *last = Some(last.map_or(e.time, |l| l.max(e.time)));
                if referral_kinds[e.kind() as usize] {
                    referral_by_stage[s as usize] += 1;
                }
            }
        }
        if let Some(cs) = client {
            let entries: Vec<&Visit> = visits.iter().filter(|v| v.stage == cs).collect();
            if furthest >= cs {
                became_client += 1;
            }
            if let Some(first) = entries.first() {
                client_seen += 1;
                if visits[0].stage != cs {
                    to_convert.push(((first.entered - visits[0].entered) / DAY) as f64);
                }
                let slot = account_entries.entry(key).or_default();
                slot.0 += entries.len() as u32;
                slot.1 = Some(slot.1.map_or(first.entered, |t| t.min(first.entered)));
                if entries.len() >= 2 {
                    repeat_contacts += 1;
                }
                let first_at = visits.iter().position(|v| v.stage == cs).unwrap_or(0);
                if visits[first_at..].iter().any(|v| v.stage == cs + 1) {
                    moved_on += 1;
                }
            }
            if let Some(past) = visits.iter().position(|v| v.stage > cs) {
                past_client += 1;
                if visits[past..].iter().any(|v| v.stage <= cs) {
                    returned += 1;
                }
                let since = visits[past].entered;
                let referred = data.events_of(contact).iter().any(|e| {
                    referral_kinds[e.kind() as usize] && e.time >= since && e.time <= paths.as_of
                });
                if referred {
                    referrers_past += 1;
                }
            }
        }
    }

    // Reached = furthest stage at or after this one.
    let mut reached = vec![0u32; n];
    let mut acc = 0;
    for i in (0..n).rev() {
        acc += reached_at_least[i];
        reached[i] = acc;
    }
    let first = reached.first().copied().unwrap_or(0);
    let now_accounts = accounts_now(input, contacts, n);
    let stages = (0..n)
        .map(|i| StageFigures {
            stage: map.stages[i].id.clone(),
            now: now[i],
            now_accounts: now_accounts[i],
            reached: reached[i],
            entered: entered[i],
            next: (i + 1 < n).then(|| Ratio::new(reached[i + 1], reached[i])),
            cumulative: Ratio::new(reached[i], first),
            drop_off: reached[i] - reached.get(i + 1).copied().unwrap_or(0),
            time: Durations::new(std::mem::take(&mut times[i])),
            open: open[i],
            last_activity: last_activity[i],
            events: events_in[i],
        })
        .collect();

    let decisions = decisions(input, contacts, &mut flows);
    let return_rate = Ratio::new(returned, past_client);
    let revenue = revenue(input, contacts, client, &account_entries, return_rate);
    let client_accounts = account_entries.values().filter(|e| e.0 > 0).count() as u32;
    let repeat_accounts = account_entries.values().filter(|e| e.0 >= 2).count() as u32;

    Report {
        contacts: contacts.len() as u32,
        accounts: accounts.len() as u32,
        stages,
        client_stage: client,
        became_clients: Ratio::new(if client.is_some() { became_client } else { 0 }, in_journey),
        time_to_convert: Durations::new(to_convert),
        decisions,
        engagements: Engagements {
            moved_on: client
                .filter(|&cs| (cs as usize) + 1 < n)
                .map(|_| Ratio::new(moved_on, client_seen)),
            returned: return_rate,
            repeat_contacts,
            repeat_accounts: Ratio::new(repeat_accounts, client_accounts),
        },
        revenue,
        referrals: Referrals {
            by_stage: referral_by_stage,
            from_former: client.map(|_| Ratio::new(referrers_past, past_client)),
            referred_in,
        },
        advocates,
        detractors,
        service_levels: service_levels(input, contacts),
        coverage: coverage(data, settings, contacts),
        type_casting: type_casting(input, contacts, client),
        flows: flows
            .into_iter()
            .map(|((from, to), contacts)| Flow { from, to, contacts })
            .collect(),
    }
}

/// An account, or a contact that has none (it is its own account).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum AccountKey {
    Account(u32),
    Alone(u32),
}

fn account_key(account: Option<u32>, contact: u32) -> AccountKey {
    account.map_or(AccountKey::Alone(contact), AccountKey::Account)
}

/// The stage of the visit that was open at `t`.
/// Accounts per stage now, placed like the classification places them (furthest contact by
/// rule order), over the given contacts only.
fn accounts_now(input: Input, contacts: &[u32], n: usize) -> Vec<u32> {
    let Input {
        map,
        data,
        classification,
        ..
    } = input;
    let mut best: HashMap<u32, u32> = HashMap::new();
    for &c in contacts {
        let (Some(a), Some(s)) = (
            data.contacts[c as usize].account,
            classification.placements[c as usize].stage,
        ) else {
            continue;
        };
        let slot = best.entry(a).or_insert(s);
        *slot = (*slot).min(s);
    }
    let mut out = vec![0; n];
    for s in best.values() {
        let id = &classification.stages[*s as usize];
        if let Some(i) = map.stages.iter().position(|st| st.id.as_str() == id) {
            out[i] += 1;
        }
    }
    out
}

fn decisions(
    input: Input,
    contacts: &[u32],
    flows: &mut BTreeMap<(FlowNode, FlowNode), u32>,
) -> Vec<DecisionFigures> {
    let Input {
        map,
        classification,
        paths,
        ..
    } = input;
    let mut out = Vec::new();
    for (i, stage) in map.stages.iter().enumerate() {
        let Some(d) = &stage.decision else { continue };
        let kinds: Vec<OutcomeKind> = d.outcomes.iter().map(|o| outcome_kind(map, i, o)).collect();
        let rule_index = |id: &Id<Outcome>| {
            classification
                .outcomes
                .iter()
                .position(|o| o == id.as_str())
        };
        let replay_index = |id: &Id<Outcome>| paths.outcomes.iter().position(|o| o == id.as_str());
        let mut counts = vec![0u32; d.outcomes.len()];
        let mut had = vec![0u32; d.outcomes.len()];
        let mut back = vec![0u32; d.outcomes.len()];
        for &c in contacts {
            let p = &classification.placements[c as usize];
            if let Some(o) = p.outcome {
                if let Some(k) = d
                    .outcomes
                    .iter()
                    .position(|oc| rule_index(&oc.id) == Some(o as usize))
                {
                    counts[k] += 1;
                }
            }
            let marks = paths.marks_of(c);
            for (k, oc) in d.outcomes.iter().enumerate() {
                if kinds[k] != OutcomeKind::NoDecision {
                    continue;
                }
                let Some(r) = replay_index(&oc.id) else {
                    continue;
                };
                let Some(mark) = marks.iter().find(|m| m.outcome as usize == r) else {
                    continue;
                };
                had[k] += 1;
                let won_later = marks.iter().any(|m| {
                    m.at > mark.at
                        && d.outcomes.iter().enumerate().any(|(w, wo)| {
                            kinds[w] == OutcomeKind::Win
                                && replay_index(&wo.id) == Some(m.outcome as usize)
                        })
                });
                let moved_past = paths
                    .visits_of(c)
                    .iter()
                    .any(|v| v.entered > mark.at && v.stage as usize > i);
                if won_later || moved_past {
                    back[k] += 1;
                }
            }
        }
        let decided: u32 = counts.iter().sum();
        let sum_of = |kind: OutcomeKind| -> u32 {
            counts
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k == kind)
                .map(|(c, _)| *c)
                .sum()
        };
        for (k, oc) in d.outcomes.iter().enumerate() {
            if counts[k] > 0 {
                *flows
                    .entry((FlowNode::Stage(i as u32), FlowNode::Outcome(oc.id.clone())))
                    .or_default() += counts[k];
            }
        }
        out.push(DecisionFigures {
            stage: i as u32,
            outcomes: d
                .outcomes
                .iter()
                .enumerate()
                .map(|(k, oc)| OutcomeFigures {
                    outcome: oc.id.clone(),
                    kind: kinds[k],
                    contacts: counts[k],
                    share: Ratio::new(counts[k], decided),
                    came_back: (kinds[k] == OutcomeKind::NoDecision)
                        .then(|| Ratio::new(back[k], had[k])),
                })
                .collect(),
            decided,
            win_rate: Ratio::new(sum_of(OutcomeKind::Win), decided),
            no_decision_rate: Ratio::new(sum_of(OutcomeKind::NoDecision), decided),
        });
    }
    out
}

fn revenue(
    input: Input,
    contacts: &[u32],
    client: Option<u32>,
    account_entries: &HashMap<AccountKey, (u32, Option<Time>)>,
    return_rate: Ratio,
) -> Revenue {
    let Input { data, paths, .. } = input;
    let Some(cs) = client else {
        return Revenue::default();
    };
    let mut new = 0.0;
    let mut existing = 0.0;
    let mut engagements = 0;
    for &c in contacts {
        let contact = &data.contacts[c as usize];
        let visits = paths.visits_of(c);
        let Some(first_entry) = visits.iter().find(|v| v.stage == cs) else {
            continue;
        };
        let key = account_key(contact.account, c);
        let since = account_entries
            .get(&key)
            .and_then(|e| e.1)
            .unwrap_or(first_entry.entered);
        let mut add = |t: Time, v: f64| {
            if t.div_euclid(DAY) * DAY > since {
                existing += v;
            } else {
                new += v;
            }
        };
        let mut any = false;
        if let Some(amount) = contact.amount {
            add(contact.dates.closed.unwrap_or(first_entry.entered), amount);
            any = true;
        } else {
            for e in data.events_of(contact) {
                if let (Some(v), true) = (e.value(), e.time <= paths.as_of) {
                    add(e.time, v);
                    any = true;
                }
            }
        }
        if any {
            engagements += visits.iter().filter(|v| v.stage == cs).count() as u32;
        }
    }
    let total = new + existing;
    let per_engagement = (engagements > 0).then(|| total / engagements as f64);
    let r = return_rate.share().unwrap_or(0.0).min(0.9);
    Revenue {
        new,
        existing,
        engagements,
        per_engagement,
        clv: per_engagement.map(|p| p / (1.0 - r)),
    }
}

fn service_levels(input: Input, contacts: &[u32]) -> Vec<ServiceFigures> {
    let Input { map, paths, .. } = input;
    let mut out = Vec::new();
    for level in &map.metrics.service_levels {
        let (Some(from), Some(to)) = (
            map.stage_index(&level.from.clone().cast()),
            map.stage_index(&level.to.clone().cast()),
        ) else {
            continue;
        };
        let (from, to) = (from as u32, to as u32);
        let allowed = level.days as Time * DAY;
        let mut f = ServiceFigures {
            from,
            to,
            days: level.days,
            met: 0,
            breached: 0,
            pending: 0,
        };
        for &c in contacts {
            let visits = paths.visits_of(c);
            for (k, v) in visits.iter().enumerate() {
                if v.stage != from {
                    continue;
                }
                let reached = visits[k + 1..]
                    .iter()
                    .find(|w| w.stage >= to)
                    .map(|w| w.entered);
                match reached {
                    Some(t) if t - v.entered <= allowed => f.met += 1,
                    _ if v.entered + allowed < paths.as_of => f.breached += 1,
                    _ => f.pending += 1,
                }
            }
        }
        out.push(f);
    }
    out
}

fn coverage(data: &Dataset, settings: &MetricSettings, contacts: &[u32]) -> Option<Coverage> {
    let field = pick_field(data, settings.role_field.as_ref(), &ROLE_FIELDS)?;
    let mut roles_of: HashMap<AccountKey, (u32, HashSet<String>)> = HashMap::new();
    for &c in contacts {
        let contact = &data.contacts[c as usize];
        let slot = roles_of.entry(account_key(contact.account, c)).or_default();
        slot.0 += 1;
        if let Some(role) = contact.extra.get(field).and_then(has_text) {
            slot.1.insert(role.to_lowercase());
        }
    }
    let mut by_roles = [0u32; 5];
    let mut roles: HashMap<String, u32> = HashMap::new();
    let mut single = 0;
    for (count, set) in roles_of.values() {
        by_roles[set.len().min(4)] += 1;
        single += u32::from(*count == 1);
        for r in set {
            *roles.entry(r.clone()).or_default() += 1;
        }
    }
    let mut roles: Vec<(String, u32)> = roles.into_iter().collect();
    roles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Some(Coverage {
        field: data.fields[field].clone(),
        accounts: roles_of.len() as u32,
        by_roles,
        single_threaded: single,
        roles,
    })
}

fn type_casting(input: Input, contacts: &[u32], client: Option<u32>) -> Option<TypeCasting> {
    let Input {
        map, data, paths, ..
    } = input;
    let field = pick_field(data, map.metrics.line_field.as_ref(), &LINE_FIELDS)?;
    let offered: HashSet<String> = data
        .contacts
        .iter()
        .filter_map(|c| c.extra.get(field).and_then(has_text))
        .map(str::to_lowercase)
        .collect();
    let mut lines: HashMap<AccountKey, HashSet<String>> = HashMap::new();
    if let Some(cs) = client {
        for &c in contacts {
            let contact = &data.contacts[c as usize];
            if !paths.visits_of(c).iter().any(|v| v.stage >= cs) {
                continue;
            }
            if let Some(line) = contact.extra.get(field).and_then(has_text) {
                lines
                    .entry(account_key(contact.account, c))
                    .or_default()
                    .insert(line.to_lowercase());
            }
        }
    }
    let one = lines.values().filter(|s| s.len() == 1).count() as u32;
    Some(TypeCasting {
        field: data.fields[field].clone(),
        offered: offered.len() as u32,
        one_line: Ratio::new(one, lines.len() as u32),
    })
}
