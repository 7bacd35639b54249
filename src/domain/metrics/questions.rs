//! The templates' per-stage questions, answered from the data where the data allows.
//!
//! Each answerable question card of a template is linked to a figure by its card id (template
//! card ids are stable, and a copied map keeps them). [`answer`] computes that figure for the
//! card's stage; questions about *why* or about opinions ("what do prospects want?") have no
//! link and stay for research.

use crate::domain::Outcome;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::paths::Paths;
use super::report::{Ratio, Report};
use crate::domain::dataset::Dataset;
use crate::domain::model::{Card, Id, JourneyMap};
use crate::domain::rules::Classification;

/// Which figure answers a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionMetric {
    /// The outcome shares of the decision at the end of the named stage.
    OutcomeShares(&'static str),
    /// The win rate of the decision at the end of the named stage.
    WinRate(&'static str),
    BecameClients,
    /// Reached this stage ÷ reached the one before.
    StepInto,
    MovedOn,
    Returned,
    FormerReferring,
    TypeCasting,
    Channels,
    ContentTypes,
    ContentConsumers,
    ContentToClients,
    Mql,
    Sql,
    Temperature,
    Expansions,
    RepeatAccounts,
    RevenueExisting,
    Clv,
    Roles,
}

/// Template question card ids and the figure that answers each.
pub const LINKS: [(&str, QuestionMetric); 29] = {
    use QuestionMetric::*;
    [
        ("hinge_q_pre_purchase_1", OutcomeShares("pre_purchase")),
        ("hinge_q_pre_purchase_2", BecameClients),
        ("hinge_q_client_experience_2", TypeCasting),
        ("hinge_q_between_engagements_1", MovedOn),
        ("hinge_q_between_engagements_2", Returned),
        ("hinge_q_between_engagements_3", TypeCasting),
        ("hinge_q_former_client_1", FormerReferring),
        (
            "hinge_q_former_client_2",
            OutcomeShares("between_engagements"),
        ),
        ("scaleo_q_trigger_1", Channels),
        ("scaleo_q_brand_consideration_1", StepInto),
        ("scaleo_q_active_evaluation_1", Sql),
        ("scaleo_q_active_evaluation_2", Temperature),
        ("scaleo_q_purchase_decision_1", WinRate("purchase_decision")),
        ("scaleo_q_loyalty_1", RepeatAccounts),
        ("acton_q_attract_1", Channels),
        ("acton_q_attract_2", ContentTypes),
        ("acton_q_attract_3", ContentConsumers),
        ("acton_q_capture_1", StepInto),
        ("acton_q_capture_3", Channels),
        ("acton_q_nurture_1", Mql),
        ("acton_q_convert_1", Sql),
        ("acton_q_convert_3", ContentToClients),
        ("acton_q_expand_1", Expansions),
        ("acton_q_expand_3", RepeatAccounts),
        ("acton_q_expand_5", RevenueExisting),
        ("martech_q_engage_1", Roles),
        ("martech_q_retain_1", RepeatAccounts),
        ("martech_q_grow_1", Clv),
        ("scaleo_q_trigger_2", ContentTypes),
    ]
};

/// The figure linked to a card, if any.
pub fn metric_of(card: &Card) -> Option<QuestionMetric> {
    LINKS
        .iter()
        .find(|(id, _)| *id == card.id.as_str())
        .map(|(_, m)| *m)
}

/// An answer, as numbers for the UI to word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// Each outcome's share.
    Shares {
        shares: Vec<(Id<Outcome>, Ratio)>,
    },
    Ratio {
        ratio: Ratio,
    },
    Count {
        count: u32,
    },
    /// Cold, warm, hot.
    Temperatures {
        counts: [u32; 3],
    },
    /// Revenue from existing clients and its share of all client revenue.
    Money {
        value: f64,
        share: Option<f64>,
    },
    /// The most frequent values (channel, event type, role) with their counts.
    Top {
        items: Vec<(String, u32)>,
    },
    /// The file lacks what the figure needs.
    NoData,
}

/// Event type names that count as content consumption (matched as parts of the type).
pub const CONTENT_WORDS: [&str; 8] = [
    "content",
    "download",
    "webinar",
    "video",
    "paper",
    "ebook",
    "case_study",
    "blog",
];
/// Event type names that count as resell, upsell or cross-sell.
pub const EXPANSION_WORDS: [&str; 5] = ["upsell", "cross", "resell", "renewal", "expansion"];

fn is_one_of(name: &str, words: &[&str]) -> bool {
    let name = name.to_lowercase();
    words.iter().any(|w| name.contains(w))
}

const TOP: usize = 5;

/// What a dataset, its classification and paths give to answer questions.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub map: &'a JourneyMap,
    pub data: &'a Dataset,
    pub classification: &'a Classification,
    pub paths: &'a Paths,
    pub report: &'a Report,
}

/// Counts events that happened while their contact was in `stage`, keyed by `key`.
fn top_in_stage(
    s: Sources,
    stage: u32,
    key: impl Fn(&crate::domain::dataset::Event) -> Option<String>,
) -> Vec<(String, u32)> {
    let mut counts: HashMap<String, u32> = HashMap::new();
    for (i, c) in s.data.contacts.iter().enumerate() {
        for e in s.data.events_of(c) {
            if e.time > s.paths.as_of || s.paths.stage_at(i as u32, e.time) != Some(stage) {
                continue;
            }
            if let Some(k) = key(e) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let mut items: Vec<(String, u32)> = counts.into_iter().collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items.truncate(TOP);
    items
}

fn content_consumers(s: Sources) -> Vec<u32> {
    let content: Vec<bool> = s
        .data
        .event_types
        .names()
        .iter()
        .map(|n| is_one_of(n, &CONTENT_WORDS))
        .collect();
    (0..s.data.contacts.len() as u32)
        .filter(|&i| {
            s.data
                .events_of(&s.data.contacts[i as usize])
                .iter()
                .any(|e| content[e.kind() as usize] && e.time <= s.paths.as_of)
        })
        .collect()
}

fn non_empty(a: Answer) -> Answer {
    match &a {
        Answer::Top { items } if items.is_empty() => Answer::NoData,
        Answer::Ratio { ratio } if ratio.den == 0 => Answer::NoData,
        _ => a,
    }
}

/// The answer to a question card from the data, or `None` when no figure is linked to it.
pub fn answer(s: Sources, card: &Card) -> Option<Answer> {
    use QuestionMetric::*;
    let metric = metric_of(card)?;
    let stage = s.map.stage_index(&card.stage)? as u32;
    let r = s.report;
    let decision = |id: &str| {
        let i = s.map.stage_index(&Id::from(id))? as u32;
        r.decisions.iter().find(|d| d.stage == i)
    };
    let a = match metric {
        OutcomeShares(id) => match decision(id) {
            Some(d) if d.decided > 0 => Answer::Shares {
                shares: d
                    .outcomes
                    .iter()
                    .map(|o| (o.outcome.clone(), o.share))
                    .collect(),
            },
            _ => Answer::NoData,
        },
        WinRate(id) => match decision(id) {
            Some(d) => Answer::Ratio { ratio: d.win_rate },
            None => Answer::NoData,
        },
        BecameClients if r.client_stage.is_some() => Answer::Ratio {
            ratio: r.became_clients,
        },
        StepInto if stage > 0 => {
            let prev = &r.stages[stage as usize - 1];
            Answer::Ratio {
                ratio: Ratio::new(r.stages[stage as usize].reached, prev.reached),
            }
        }
        MovedOn => r
            .engagements
            .moved_on
            .map_or(Answer::NoData, |ratio| Answer::Ratio { ratio }),
        Returned => Answer::Ratio {
            ratio: r.engagements.returned,
        },
        FormerReferring => r
            .referrals
            .from_former
            .map_or(Answer::NoData, |ratio| Answer::Ratio { ratio }),
        TypeCasting => r
            .type_casting
            .as_ref()
            .filter(|t| t.offered >= 2)
            .map_or(Answer::NoData, |t| Answer::Ratio { ratio: t.one_line }),
        Channels => Answer::Top {
            items: top_in_stage(s, stage, |e| {
                e.channel().map(|c| s.data.channels.name(c).to_owned())
            }),
        },
        ContentTypes => Answer::Top {
            items: top_in_stage(s, stage, |e| {
                let name = s.data.event_types.name(e.kind());
                is_one_of(name, &CONTENT_WORDS).then(|| name.to_owned())
            }),
        },
        ContentConsumers => match content_consumers(s).len() as u32 {
            0 => Answer::NoData,
            count => Answer::Count { count },
        },
        ContentToClients => match r.client_stage {
            Some(cs) => {
                let consumers = content_consumers(s);
                let became = consumers
                    .iter()
                    .filter(|&&i| s.paths.visits_of(i).iter().any(|v| v.stage >= cs))
                    .count() as u32;
                Answer::Ratio {
                    ratio: Ratio::new(became, consumers.len() as u32),
                }
            }
            None => Answer::NoData,
        },
        Mql => Answer::Count {
            count: s.classification.qualifications[1] + s.classification.qualifications[2],
        },
        Sql => Answer::Count {
            count: s.classification.qualifications[2],
        },
        Temperature => Answer::Temperatures {
            counts: s.classification.temperatures,
        },
        Expansions => {
            let kinds: Vec<bool> = s
                .data
                .event_types
                .names()
                .iter()
                .map(|n| is_one_of(n, &EXPANSION_WORDS))
                .collect();
            let count = s
                .data
                .events
                .iter()
                .filter(|e| kinds[e.kind() as usize] && e.time <= s.paths.as_of)
                .count() as u32;
            if kinds.iter().any(|k| *k) {
                Answer::Count { count }
            } else {
                Answer::NoData
            }
        }
        RepeatAccounts => Answer::Ratio {
            ratio: r.engagements.repeat_accounts,
        },
        RevenueExisting => {
            let total = r.revenue.new + r.revenue.existing;
            if total > 0.0 {
                Answer::Money {
                    value: r.revenue.existing,
                    share: Some(r.revenue.existing / total),
                }
            } else {
                Answer::NoData
            }
        }
        Clv => r
            .revenue
            .clv
            .map_or(Answer::NoData, |value| Answer::Money { value, share: None }),
        Roles => r.coverage.as_ref().map_or(Answer::NoData, |c| Answer::Top {
            items: c.roles.iter().take(TOP).cloned().collect(),
        }),
        BecameClients | StepInto => Answer::NoData,
    };
    Some(non_empty(a))
}

#[cfg(test)]
mod tests {
    use super::super::Analysis;
    use super::*;
    use crate::domain::demo_data::demo_events_dataset;
    use crate::domain::model::{CardKind, SourceModel};
    use crate::domain::template;
    use jiff::Timestamp;

    #[test]
    fn every_link_names_a_question_card_of_a_template() {
        for (id, _) in LINKS {
            let found = SourceModel::ALL.iter().any(|&m| {
                let map = template::build(m, Timestamp::UNIX_EPOCH);
                map.cards.iter().any(|c| {
                    c.id.as_str() == id
                        && map.lane(&c.lane).map(|l| l.kind) == Some(CardKind::Question)
                })
            });
            assert!(found, "{id} is not a template question");
        }
    }

    fn sources_of(model: SourceModel) -> (JourneyMap, Dataset, Analysis) {
        let map = template::build(model, Timestamp::UNIX_EPOCH);
        let data = demo_events_dataset(model, 120, 1);
        let a = Analysis::new(&map, &data, Timestamp::UNIX_EPOCH).unwrap();
        (map, data, a)
    }

    fn answer_of(model: SourceModel, card: &str) -> Answer {
        let (map, data, a) = sources_of(model);
        let report = a.report_all(&map, &data);
        let s = Sources {
            map: &map,
            data: &data,
            classification: &a.classification,
            paths: &a.paths,
            report: &report,
        };
        let card = map.card(&Id::from(card)).unwrap();
        answer(s, card).unwrap()
    }

    #[test]
    fn hinge_outcome_shares_add_up_to_the_decided() {
        let (map, data, a) = sources_of(SourceModel::Hinge);
        let report = a.report_all(&map, &data);
        let Answer::Shares { shares } = answer_of(SourceModel::Hinge, "hinge_q_pre_purchase_1")
        else {
            panic!("not shares")
        };
        let ids: Vec<_> = shares.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["hired", "not_now", "no_way"]);
        let decided = report.decisions[0].decided;
        assert_eq!(shares.iter().map(|(_, r)| r.num).sum::<u32>(), decided);
        assert!(shares.iter().all(|(_, r)| r.den == decided));
        // The same counts as the classification's outcomes.
        let hired = a.classification.with_outcome("hired");
        assert_eq!(shares[0].1.num, hired);
    }

    #[test]
    fn channels_are_counted_while_contacts_are_in_the_stage() {
        let (map, data, a) = sources_of(SourceModel::ActOn);
        let report = a.report_all(&map, &data);
        let Answer::Top { items } = answer_of(SourceModel::ActOn, "acton_q_attract_1") else {
            panic!("no channels")
        };
        assert!(!items.is_empty() && items.len() <= TOP);
        assert!(items.windows(2).all(|w| w[0].1 >= w[1].1));
        // No more events counted than happened in the stage.
        let total: u32 = items.iter().map(|(_, n)| n).sum();
        assert!(total <= report.stages[0].events);
        // MQL count is the classification's.
        let Answer::Count { count } = answer_of(SourceModel::ActOn, "acton_q_nurture_1") else {
            panic!()
        };
        assert_eq!(
            count,
            a.classification.qualifications[1] + a.classification.qualifications[2]
        );
    }

    #[test]
    fn questions_without_a_link_or_without_data() {
        let (map, data, a) = sources_of(SourceModel::Hinge);
        let report = a.report_all(&map, &data);
        let s = Sources {
            map: &map,
            data: &data,
            classification: &a.classification,
            paths: &a.paths,
            report: &report,
        };
        let why = map.card(&Id::from("hinge_q_pre_purchase_3")).unwrap();
        assert_eq!(answer(s, why), None);
        // The demo event log has no service-line column.
        let aware = map.card(&Id::from("hinge_q_client_experience_2")).unwrap();
        assert_eq!(answer(s, aware), Some(Answer::NoData));
    }
}

/// Contacts per stage × event type: how many contacts had an event of each type while in
/// each stage (content types first, then the most common others, at most `max_types`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventMatrix {
    /// Event type names (columns).
    pub types: Vec<String>,
    /// One row per map stage, one count per type.
    pub cells: Vec<Vec<u32>>,
}

/// The stage × event type matrix of the contacts in `contacts`.
pub fn event_matrix(
    data: &Dataset,
    paths: &Paths,
    contacts: &[u32],
    max_types: usize,
) -> EventMatrix {
    let n_types = data.event_types.len();
    let n_stages = paths.stages.len();
    let mut cells = vec![vec![0u32; n_types]; n_stages];
    let mut seen = vec![false; n_stages * n_types];
    for &i in contacts {
        seen.iter_mut().for_each(|s| *s = false);
        for e in data.events_of(&data.contacts[i as usize]) {
            if e.time > paths.as_of {
                continue;
            }
            if let Some(s) = paths.stage_at(i, e.time) {
                let k = s as usize * n_types + e.kind() as usize;
                if !seen[k] {
                    seen[k] = true;
                    cells[s as usize][e.kind() as usize] += 1;
                }
            }
        }
    }
    let total = |t: usize| cells.iter().map(|row| row[t]).sum::<u32>();
    let mut order: Vec<usize> = (0..n_types).filter(|&t| total(t) > 0).collect();
    order.sort_by(|&a, &b| {
        let content = |t: usize| !is_one_of(data.event_types.name(t as u32), &CONTENT_WORDS);
        content(a)
            .cmp(&content(b))
            .then_with(|| total(b).cmp(&total(a)))
            .then_with(|| {
                data.event_types
                    .name(a as u32)
                    .cmp(data.event_types.name(b as u32))
            })
    });
    order.truncate(max_types);
    EventMatrix {
        types: order
            .iter()
            .map(|&t| data.event_types.name(t as u32).to_owned())
            .collect(),
        cells: cells
            .iter()
            .map(|row| order.iter().map(|&t| row[t]).collect())
            .collect(),
    }
}

#[cfg(test)]
mod matrix_tests {
    use super::super::tests::analysed;
    use super::*;

    #[test]
    fn contacts_per_stage_and_event_type() {
        let (_, d, a) = analysed();
        let m = event_matrix(&d, &a.paths, &[0, 1, 2, 3, 4], 10);
        // No content types here; by total contacts: visit 4, proposal 3, project_start 2,
        // postponed 2, then lost, project_end, referral with 1 each (by name).
        assert_eq!(
            m.types,
            [
                "visit",
                "proposal",
                "postponed",
                "project_start",
                "lost",
                "project_end",
                "referral"
            ]
        );
        // lead: visit (A, B, C, D), postponed (E); deal: proposal (A, B, C), postponed (B),
        // lost (C); client: project_start (A twice = 1 contact, B); between: project_end (A),
        // referral (A).
        assert_eq!(
            m.cells,
            [
                [4, 0, 1, 0, 0, 0, 0],
                [0, 3, 1, 0, 1, 0, 0],
                [0, 0, 0, 2, 0, 0, 0],
                [0, 0, 0, 0, 0, 1, 1],
            ]
        );
    }
}
