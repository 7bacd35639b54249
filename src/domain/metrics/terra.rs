//! Terra incognita: where the map has no data, too little, or stale data, and what data would
//! fill each gap (the columns and event types the stage's rules read).

use serde::{Deserialize, Serialize};

use super::report::Report;
use crate::domain::classified::rules_of;
use crate::domain::dataset::{Dataset, DAY};
use crate::domain::model::JourneyMap;
use crate::domain::rules::{Condition, EventType, Rule};

/// Why a stage is (partly) unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum GapKind {
    /// No contact was ever placed here.
    NoData,
    /// Fewer visits than the map's minimum.
    Thin { visits: u32, min: u32 },
    /// The latest activity here is older than the map's limit (days before the as-of time).
    Stale { days: u32 },
    /// Contacts are here but none has left yet, so there is no time in stage (not flagged
    /// for the last stage of a linear map, which nobody leaves).
    NoTimes,
    /// A touchpoint of this stage uses a channel no event in the file has.
    ChannelUnseen { channel: String },
}

/// What data would fill a gap.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fill {
    /// Columns the stage's rules read.
    pub fields: Vec<String>,
    /// Event types the stage's rules count.
    pub events: Vec<String>,
}

/// One gap of one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// Index into the map's stages.
    pub stage: u32,
    pub kind: GapKind,
    pub fill: Fill,
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

fn inputs(cond: &Condition, fill: &mut Fill) {
    match cond {
        Condition::And { all: parts } | Condition::Or { any: parts } => {
            parts.iter().for_each(|c| inputs(c, fill))
        }
        Condition::Not { not } => inputs(not, fill),
        Condition::Field { field, .. } => push_unique(&mut fill.fields, field),
        Condition::Count { event, .. } | Condition::Recency { event, .. } => {
            if let EventType::Named(name) = event {
                push_unique(&mut fill.events, name);
            }
        }
        Condition::Score { .. } | Condition::AtStage { .. } => {}
    }
}

/// The columns and event types the rules of `stage` read.
pub fn fill_for(map: &JourneyMap, stage: &str) -> Fill {
    let mut fill = Fill::default();
    if let Ok(rules) = rules_of(map) {
        for r in &rules.rules {
            if let Rule::Stage { stage: s, when } = r {
                if s == stage {
                    inputs(when, &mut fill);
                }
            }
        }
    }
    fill
}

/// The gaps of every stage, in map order.
pub fn gaps(map: &JourneyMap, data: &Dataset, report: &Report) -> Vec<Gap> {
    let settings = &map.metrics;
    let n = map.stages.len();
    let channels: Vec<String> = data
        .channels
        .names()
        .iter()
        .map(|c| c.to_lowercase())
        .collect();
    let mut out = Vec::new();
    for (i, (stage, figures)) in map.stages.iter().zip(&report.stages).enumerate() {
        let fill = fill_for(map, stage.id.as_str());
        let mut push = |kind: GapKind| {
            out.push(Gap {
                stage: i as u32,
                kind,
                fill: fill.clone(),
            })
        };
        if figures.entered == 0 && figures.now == 0 {
            push(GapKind::NoData);
        } else {
            if figures.entered < settings.min_records {
                push(GapKind::Thin {
                    visits: figures.entered,
                    min: settings.min_records,
                });
            }
            if let (Some(last), Some(as_of)) = (figures.last_activity, data.latest) {
                let days = ((as_of - last) / DAY) as u32;
                if days > settings.stale_days {
                    push(GapKind::Stale { days });
                }
            }
            let leaves = i + 1 < n || map.circular;
            if leaves && figures.time.n() == 0 {
                push(GapKind::NoTimes);
            }
        }
        if !channels.is_empty() {
            let mut unseen: Vec<String> = Vec::new();
            for card in map.cards.iter().filter(|c| c.stage == stage.id) {
                let Some(tp) = &card.touchpoint else { continue };
                let ch = tp.channel.trim().to_lowercase();
                if !ch.is_empty() && !channels.contains(&ch) && !unseen.contains(&ch) {
                    unseen.push(ch);
                }
            }
            for channel in unseen {
                out.push(Gap {
                    stage: i as u32,
                    kind: GapKind::ChannelUnseen { channel },
                    fill: Fill::default(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::analysed;
    use super::*;
    use crate::domain::model::{Card, Id, Touchpoint};

    #[test]
    fn thin_stale_and_no_times_with_what_would_fill_them() {
        let (mut m, d, a) = analysed();
        m.metrics.min_records = 3;
        m.metrics.stale_days = 60;
        let r = a.report_all(&m, &d);
        let got: Vec<_> = gaps(&m, &d, &r)
            .into_iter()
            .map(|g| (g.stage, g.kind))
            .collect();
        // lead 5 visits, last day 200; deal 3 visits, last day 70 (130 days stale); client 2
        // visits (< 3), last day 100 (100 days); between 1 visit, last day 160 (40 days).
        assert_eq!(
            got,
            [
                (1, GapKind::Stale { days: 130 }),
                (2, GapKind::Thin { visits: 2, min: 3 }),
                (2, GapKind::Stale { days: 100 }),
                (3, GapKind::Thin { visits: 1, min: 3 }),
            ]
        );
        let fill = fill_for(&m, "client");
        assert_eq!(fill.events, ["project_start"]);
        assert!(fill.fields.is_empty());
    }

    #[test]
    fn a_stage_nobody_reached_and_an_unseen_channel() {
        let (mut m, mut d, _) = analysed();
        d.channels.intern("email");
        m.stages.push(crate::domain::model::Stage {
            id: Id::from("former"),
            name: crate::domain::text::Text::User("former".into()),
            description: Default::default(),
            decision: None,
        });
        m.rules = Some(format!(
            "stage former when status = \"Churned\" or count \"churned\" >= 1\n{}",
            m.rules.as_deref().unwrap_or_default()
        ));
        let lane = m.lanes[0].clone();
        let mut card = Card::new(Id::from("former"), &lane, "Exit survey");
        card.touchpoint = Some(Touchpoint {
            channel: "Survey".into(),
            ..Touchpoint::default()
        });
        m.cards.push(card);
        let a = super::super::Analysis::new(&m, &d, jiff::Timestamp::UNIX_EPOCH).unwrap();
        let r = a.report_all(&m, &d);
        let former: Vec<_> = gaps(&m, &d, &r)
            .into_iter()
            .filter(|g| g.stage == 4)
            .collect();
        assert_eq!(former.len(), 2);
        assert_eq!(former[0].kind, GapKind::NoData);
        assert_eq!(former[0].fill.fields, ["status"]);
        assert_eq!(former[0].fill.events, ["churned"]);
        assert_eq!(
            former[1].kind,
            GapKind::ChannelUnseen {
                channel: "survey".into()
            }
        );
    }
}
