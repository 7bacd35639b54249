//! Built-in templates: the four proven journey models and a blank map.
//!
//! * **Hinge** — the professional-services client journey in four phases, with the decision
//!   points where a buyer hires the firm (or not), comes back (or drifts away) and becomes an
//!   advocate (or not).
//! * **Scaleo** — the seven-stage B2B buyer journey, a circle rather than a line, with the roles
//!   of the decision-making unit (DMU) and lead-scoring questions.
//! * **Act-On** — the five-stage lifecycle with the metric questions of each stage and which
//!   department owns it.
//! * **MarTech** — customer journey orchestration across engage, nurture, convert, retain, grow.
//! * **Blank** — no stages, only the standard lanes.
//!
//! All template text is [`Text::Builtin`] in English, Korean and Russian; stage and phase names,
//! outcomes and questions take their Korean and Russian wording from the source articles where
//! the articles name them. Stage, outcome, department and card ids are stable readable slugs
//! (`pre_purchase`, `hired`, `acton_q_attract_1`), so tests and import rules can refer to them;
//! only the map id is fresh on every call.
//!
//! Each template has its own file (`hinge`, `scaleo`, `act_on`, `martech`, `blank`) with the tests
//! of what is particular to it; this file holds [`build`], the `Builder` and the small
//! constructors they share, and the tests that hold for every template.

use jiff::Timestamp;

use super::model::*;
use super::text::Text;

mod act_on;
mod blank;
mod hinge;
mod martech;
mod scaleo;

/// Builds a new map from a template. Every call gives fresh map id; stage ids are the stable slugs below.
pub fn build(model: SourceModel, now: Timestamp) -> JourneyMap {
    match model {
        SourceModel::Blank => blank::blank(now),
        SourceModel::Hinge => hinge::hinge(now),
        SourceModel::Scaleo => scaleo::scaleo(now),
        SourceModel::ActOn => act_on::act_on(now),
        SourceModel::MarTech => martech::martech(now),
    }
}

/// A built-in text in English, Korean and Russian.
fn t(en: &str, ko: &str, ru: &str) -> Text {
    Text::builtin(en, ko, ru)
}

/// An outcome's destination: the stage with this slug.
fn to(stage: &str) -> Destination {
    Destination::Stage(Id::from(stage))
}

/// An outcome of a decision point.
fn outcome(id: &str, name: Text, leads_to: Destination) -> Outcome {
    Outcome {
        id: Id::from(id),
        name,
        leads_to,
    }
}

/// A stage's decision point (always `Some`, to assign to [`Stage::decision`]).
fn decision(question: Text, outcomes: Vec<Outcome>) -> Option<DecisionPoint> {
    Some(DecisionPoint { question, outcomes })
}

/// The short kind tag in card ids: `hinge_q_pre_purchase_1`, `scaleo_tp_trigger_2` …
fn kind_tag(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Touchpoint => "tp",
        CardKind::BuyingRole => "role",
        CardKind::PainPoint => "pain",
        CardKind::Opportunity => "opp",
        CardKind::Question => "q",
        CardKind::ResearchSource => "rs",
        CardKind::Note => "note",
    }
}

/// Fills a [`JourneyMap`] with deterministic ids: `{prefix}_{kind}_{stage}_{n}` for cards.
struct Builder {
    map: JourneyMap,
    prefix: &'static str,
}

impl Builder {
    fn new(prefix: &'static str, model: SourceModel, name: Text, now: Timestamp) -> Self {
        let mut b = Builder {
            map: JourneyMap::new(name, model, now),
            prefix,
        };
        b.buying_group();
        b
    }

    fn stage(&mut self, id: &str, name: Text, description: Text) -> &mut Stage {
        self.map.stages.push(Stage {
            id: Id::from(id),
            name,
            description,
            decision: None,
        });
        self.map.stages.last_mut().expect("a stage was just pushed")
    }

    fn department(&mut self, id: &str, name: Text, owns: &[&str]) {
        self.map.departments.push(Department {
            id: Id::from(id),
            name,
            owns: owns.iter().map(|s| Id::from(*s)).collect(),
            contributes: Vec::new(),
        });
    }

    /// Department `id` also contributes to `stages` (without owning them).
    fn contributes(&mut self, id: &str, stages: &[&str]) {
        let d = self
            .map
            .departments
            .iter_mut()
            .find(|d| d.id.as_str() == id)
            .expect("the department was added before");
        d.contributes.extend(stages.iter().map(|s| Id::from(*s)));
    }

    fn card(&mut self, kind: CardKind, stage: &str, title: Text) -> &mut Card {
        let lane = self
            .map
            .lane_for(kind)
            .map(|l| l.id.clone())
            .unwrap_or_else(|| Id::from(kind.slug()));
        let stage = Id::from(stage);
        let n = self
            .map
            .cards
            .iter()
            .filter(|c| c.stage == stage && c.lane == lane)
            .count()
            + 1;
        let id = Id::new(format!(
            "{}_{}_{}_{}",
            self.prefix,
            kind_tag(kind),
            stage,
            n
        ));
        self.map.cards.push(Card::plain(id, stage, lane, title));
        self.map.cards.last_mut().expect("a card was just pushed")
    }

    fn touchpoint(
        &mut self,
        stage: &str,
        title: Text,
        channel: &str,
        presence: Presence,
        department: &str,
        content: &str,
    ) {
        self.card(CardKind::Touchpoint, stage, title).touchpoint = Some(Touchpoint {
            channel: channel.to_owned(),
            presence,
            department: Some(Id::from(department)),
            content: content.to_owned(),
            asset: None,
        });
    }

    fn question(&mut self, stage: &str, title: Text) {
        self.card(CardKind::Question, stage, title);
    }

    fn research(&mut self, stage: &str, method: Option<ResearchMethod>, title: Text) {
        self.card(CardKind::ResearchSource, stage, title).method = method;
    }

    /// The buying-group members of the model's DMU, for the emotion curve and content audit.
    fn buying_group(&mut self) {
        for (id, name) in [
            (
                "decision_maker",
                t("Decision maker", "의사 결정자", "Лицо, принимающее решение"),
            ),
            (
                "technical_evaluator",
                t("Technical evaluator", "IT/기술 평가자", "ИТ-эксперт"),
            ),
            ("user", t("User", "사용자", "Пользователь")),
        ] {
            self.map.personas.push(Persona {
                id: Id::from(id),
                name,
                description: Text::default(),
            });
        }
    }

    fn role(&mut self, stage: &str, title: Text) {
        self.card(CardKind::BuyingRole, stage, title);
    }

    fn pain(&mut self, stage: &str, title: Text) {
        self.card(CardKind::PainPoint, stage, title);
    }

    fn opportunity(&mut self, stage: &str, title: Text) {
        self.card(CardKind::Opportunity, stage, title);
    }

    fn note(&mut self, stage: &str, title: Text) {
        self.card(CardKind::Note, stage, title);
    }

    fn finish(self) -> JourneyMap {
        self.map
    }
}

/// What the tests of every template file share: a fixed clock and ways to look into a map.
#[cfg(test)]
mod test_support {
    use jiff::Timestamp;

    use super::build;
    use crate::domain::model::*;
    use crate::domain::text::{Lang, Text};

    pub(super) fn now() -> Timestamp {
        Timestamp::from_second(1_700_000_000).unwrap()
    }

    pub(super) fn decision_of<'a>(map: &'a JourneyMap, stage: &str) -> &'a DecisionPoint {
        map.stage(&Id::from(stage))
            .unwrap_or_else(|| panic!("no stage {stage}"))
            .decision
            .as_ref()
            .unwrap_or_else(|| panic!("no decision at {stage}"))
    }

    pub(super) fn routes(d: &DecisionPoint) -> Vec<(&str, Destination)> {
        d.outcomes
            .iter()
            .map(|o| (o.id.as_str(), o.leads_to.clone()))
            .collect()
    }

    pub(super) fn cards_of(map: &JourneyMap, stage: &str, kind: CardKind) -> Vec<String> {
        let lane = map.lane_for(kind).unwrap().id.clone();
        map.cards_in(&Id::from(stage), &lane)
            .map(|c| c.id.to_string())
            .collect()
    }

    pub(super) fn en(text: &Text) -> &str {
        text.get(Lang::En)
    }

    pub(super) fn all_templates() -> Vec<JourneyMap> {
        SourceModel::ALL.iter().map(|&m| build(m, now())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    fn stage_ids(map: &JourneyMap) -> Vec<&str> {
        map.stages.iter().map(|s| s.id.as_str()).collect()
    }

    /// Every text of a map, with a label saying where it is.
    fn texts(map: &JourneyMap) -> Vec<(String, &Text)> {
        let mut out = vec![("map name".to_owned(), &map.name)];
        for s in &map.stages {
            out.push((format!("stage {}", s.id), &s.name));
            out.push((format!("stage {} description", s.id), &s.description));
            if let Some(d) = &s.decision {
                out.push((format!("decision at {}", s.id), &d.question));
                for o in &d.outcomes {
                    out.push((format!("outcome {}", o.id), &o.name));
                }
            }
        }
        for l in &map.lanes {
            out.push((format!("lane {}", l.id), &l.name));
        }
        for c in &map.cards {
            out.push((format!("card {}", c.id), &c.title));
        }
        for p in &map.personas {
            out.push((format!("persona {}", p.id), &p.name));
        }
        for d in &map.departments {
            out.push((format!("department {}", d.id), &d.name));
        }
        out
    }

    #[test]
    fn stage_ids_are_the_documented_slugs_in_order() {
        let expected: [(SourceModel, &[&str]); 5] = [
            (
                SourceModel::Hinge,
                &[
                    "pre_purchase",
                    "client_experience",
                    "between_engagements",
                    "former_client",
                ],
            ),
            (
                SourceModel::Scaleo,
                &[
                    "out_of_market",
                    "trigger",
                    "brand_consideration",
                    "active_evaluation",
                    "purchase_decision",
                    "experience",
                    "loyalty",
                ],
            ),
            (
                SourceModel::ActOn,
                &["attract", "capture", "nurture", "convert", "expand"],
            ),
            (
                SourceModel::MarTech,
                &["engage", "nurture", "convert", "retain", "grow"],
            ),
            (SourceModel::Blank, &[]),
        ];
        for (model, ids) in expected {
            let map = build(model, now());
            assert_eq!(stage_ids(&map), ids, "{model:?}");
            assert_eq!(map.source_model, model);
        }
    }

    #[test]
    fn each_build_gets_a_fresh_map_id_but_the_same_content() {
        for model in SourceModel::ALL {
            let a = build(model, now());
            let b = build(model, now());
            assert_ne!(a.id, b.id, "{model:?}");
            assert_eq!(a.stages, b.stages, "{model:?}");
            assert_eq!(a.cards, b.cards, "{model:?}");
            assert_eq!(a.departments, b.departments, "{model:?}");
            assert_eq!((a.created, a.updated), (now(), now()));
        }
    }

    #[test]
    fn only_scaleo_is_circular() {
        for model in SourceModel::ALL {
            assert_eq!(
                build(model, now()).circular,
                model == SourceModel::Scaleo,
                "{model:?}"
            );
        }
    }

    #[test]
    fn every_template_text_is_builtin_and_filled_in_all_three_languages() {
        let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        for map in all_templates() {
            for (what, text) in texts(&map) {
                let Text::Builtin {
                    en: e,
                    ko: k,
                    ru: r,
                } = text
                else {
                    panic!("{:?} {what} is not built-in: {text:?}", map.source_model);
                };
                assert!(!e.trim().is_empty(), "{what}: empty en");
                assert!(
                    !hangul(e) && !cyrillic(e),
                    "{what}: en is not English: {e:?}"
                );
                assert!(hangul(k), "{what}: ko has no Korean: {k:?}");
                assert!(cyrillic(r), "{what}: ru has no Russian: {r:?}");
                assert!(!text.is_empty());
            }
        }
    }

    #[test]
    fn every_reference_in_every_template_exists() {
        for map in all_templates() {
            let model = map.source_model;
            for s in &map.stages {
                for o in s.decision.iter().flat_map(|d| &d.outcomes) {
                    if let Destination::Stage(to) = &o.leads_to {
                        assert!(map.stage(to).is_some(), "{model:?} {}: {to}", o.id);
                    }
                }
            }
            for c in &map.cards {
                assert!(map.stage(&c.stage).is_some(), "{model:?} {}", c.id);
                let lane = map
                    .lane(&c.lane)
                    .unwrap_or_else(|| panic!("{model:?} {}: lane {}", c.id, c.lane));
                assert_eq!(
                    lane.kind == CardKind::Touchpoint,
                    c.touchpoint.is_some(),
                    "{model:?} {}",
                    c.id
                );
                if let Some(tp) = &c.touchpoint {
                    let dept = tp
                        .department
                        .as_ref()
                        .expect("touchpoint without department");
                    assert!(map.department(dept).is_some(), "{model:?} {}", c.id);
                    assert!(!tp.channel.is_empty(), "{model:?} {}", c.id);
                }
            }
            for d in &map.departments {
                for s in d.owns.iter().chain(&d.contributes) {
                    assert!(map.stage(s).is_some(), "{model:?} {}: {s}", d.id);
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_every_stage_has_questions_and_touchpoints() {
        for map in all_templates() {
            let model = map.source_model;
            let mut ids: Vec<&str> = map.cards.iter().map(|c| c.id.as_str()).collect();
            ids.extend(map.stages.iter().map(|s| s.id.as_str()));
            ids.extend(map.departments.iter().map(|d| d.id.as_str()));
            let n = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), n, "{model:?} has duplicate ids");
            for s in &map.stages {
                let id = s.id.as_str();
                assert!(
                    !cards_of(&map, id, CardKind::Question).is_empty(),
                    "{model:?} {id}"
                );
                assert!(
                    !cards_of(&map, id, CardKind::Touchpoint).is_empty(),
                    "{model:?} {id}"
                );
                if let Some(d) = &s.decision {
                    let mut outcomes: Vec<&Id<Outcome>> =
                        d.outcomes.iter().map(|o| &o.id).collect();
                    outcomes.sort();
                    outcomes.dedup();
                    assert_eq!(outcomes.len(), d.outcomes.len(), "{model:?} {id}");
                    assert!(d.outcomes.len() >= 2, "{model:?} {id}");
                }
            }
        }
    }

    #[test]
    fn templates_survive_a_json_round_trip() {
        for map in all_templates() {
            let json = serde_json::to_string(&map).unwrap();
            let back: JourneyMap = serde_json::from_str(&json).unwrap();
            assert_eq!(back, map);
        }
    }

    #[test]
    fn model_templates_have_a_buying_group() {
        for m in all_templates() {
            let ids: Vec<&str> = m.personas.iter().map(|p| p.id.as_str()).collect();
            if m.source_model == SourceModel::Blank {
                assert!(ids.is_empty());
            } else {
                assert_eq!(ids, ["decision_maker", "technical_evaluator", "user"]);
            }
        }
    }
}
