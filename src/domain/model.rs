//! The journey map document: stages, decision points, lanes, cards, personas and departments.
//!
//! Everything here is plain serde data. A map is changed only through [`crate::domain::edit::Edit`],
//! which keeps undo/redo, autosave and tests in one place.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::metrics::MetricSettings;
use super::text::Text;

/// A stable identifier: a template's readable slug (`pre_purchase`) or a random UUID.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// A new random identifier (UUID v4).
    pub fn random() -> Self {
        Id(uuid::Uuid::new_v4().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(s.to_owned())
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The proven model a map was started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceModel {
    Blank,
    Hinge,
    Scaleo,
    ActOn,
    MarTech,
}

impl SourceModel {
    pub const ALL: [SourceModel; 5] = [
        SourceModel::Hinge,
        SourceModel::Scaleo,
        SourceModel::ActOn,
        SourceModel::MarTech,
        SourceModel::Blank,
    ];

    /// The stable slug used in files and element ids.
    pub fn slug(self) -> &'static str {
        match self {
            SourceModel::Blank => "blank",
            SourceModel::Hinge => "hinge",
            SourceModel::Scaleo => "scaleo",
            SourceModel::ActOn => "act_on",
            SourceModel::MarTech => "martech",
        }
    }
}

/// One journey map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyMap {
    pub id: Id,
    pub name: Text,
    pub source_model: SourceModel,
    pub created: Timestamp,
    pub updated: Timestamp,
    /// Whether the last stage leads back to the first (Scaleo: loyalty → trigger).
    #[serde(default)]
    pub circular: bool,
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub cards: Vec<Card>,
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub departments: Vec<Department>,
    /// The classification rules in their text form (see `domain::rules`); `None` means the
    /// default rules of the map's source model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
    /// What the metrics are measured against (client stage, service levels, thresholds).
    #[serde(default, skip_serializing_if = "MetricSettings::is_default")]
    pub metrics: MetricSettings,
}

/// A column of the map: a phase or stage of the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
    /// The decision taken at the end of this stage, if it is a critical decision point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionPoint>,
}

/// A critical decision at the end of a stage, with the outcomes a buyer can take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionPoint {
    pub question: Text,
    pub outcomes: Vec<Outcome>,
}

/// One way out of a decision point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: Id,
    pub name: Text,
    pub leads_to: Destination,
}

/// Where an outcome leads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "stage", rename_all = "snake_case")]
pub enum Destination {
    /// Another stage of the same map (may be earlier: a loop back).
    Stage(Id),
    /// The buyer leaves the journey.
    Exit,
}

/// A typed row of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: Id,
    pub name: Text,
    pub kind: CardKind,
    #[serde(default)]
    pub hidden: bool,
}

/// What a card describes. Each lane holds cards of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    Touchpoint,
    PainPoint,
    Opportunity,
    Question,
    ResearchSource,
    BuyingRole,
    Note,
}

impl CardKind {
    pub const ALL: [CardKind; 7] = [
        CardKind::Touchpoint,
        CardKind::BuyingRole,
        CardKind::PainPoint,
        CardKind::Opportunity,
        CardKind::Question,
        CardKind::ResearchSource,
        CardKind::Note,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CardKind::Touchpoint => "touchpoint",
            CardKind::PainPoint => "pain_point",
            CardKind::Opportunity => "opportunity",
            CardKind::Question => "question",
            CardKind::ResearchSource => "research_source",
            CardKind::BuyingRole => "buying_role",
            CardKind::Note => "note",
        }
    }
}

/// A card in one stage × lane cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub id: Id,
    pub stage: Id,
    pub lane: Id,
    pub title: Text,
    #[serde(default)]
    pub detail: String,
    /// Present for touchpoint cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<Touchpoint>,
}

/// How and where the firm meets the buyer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Touchpoint {
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub presence: Presence,
    /// The department that owns this touchpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Id>,
    /// The content asset used here (white paper, case study, demo …).
    #[serde(default)]
    pub content: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    #[default]
    Online,
    Offline,
}

/// A buyer persona or buying-group member the map is drawn for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Persona {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
}

/// A department of the firm that owns touchpoints or stages (marketing, sales, service …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: Id,
    pub name: Text,
    /// Stages this department owns.
    #[serde(default)]
    pub owns: Vec<Id>,
}

impl JourneyMap {
    /// An empty map with the standard lanes.
    pub fn new(name: Text, source_model: SourceModel, now: Timestamp) -> Self {
        JourneyMap {
            id: Id::random(),
            name,
            source_model,
            created: now,
            updated: now,
            circular: false,
            stages: Vec::new(),
            lanes: Lane::standard_set(),
            cards: Vec::new(),
            personas: Vec::new(),
            departments: Vec::new(),
            rules: None,
            metrics: MetricSettings::default(),
        }
    }

    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn stage_index(&self, id: &Id) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    /// Every decision outcome of the map, in stage order.
    pub fn outcomes(&self) -> impl Iterator<Item = &Outcome> {
        self.stages
            .iter()
            .filter_map(|s| s.decision.as_ref())
            .flat_map(|d| &d.outcomes)
    }

    /// The decision outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes().find(|o| o.id.as_str() == id)
    }

    pub fn lane(&self, id: &Id) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    pub fn card(&self, id: &Id) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }

    pub fn card_index(&self, id: &Id) -> Option<usize> {
        self.cards.iter().position(|c| &c.id == id)
    }

    pub fn department(&self, id: &Id) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    /// The cards of one cell, in their order.
    pub fn cards_in<'a>(&'a self, stage: &'a Id, lane: &'a Id) -> impl Iterator<Item = &'a Card> {
        self.cards
            .iter()
            .filter(move |c| &c.stage == stage && &c.lane == lane)
    }

    /// The first lane holding cards of `kind`, if any.
    pub fn lane_for(&self, kind: CardKind) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.kind == kind)
    }
}

impl Lane {
    /// One lane per card kind, with the built-in names.
    pub fn standard_set() -> Vec<Lane> {
        CardKind::ALL
            .iter()
            .map(|&kind| Lane {
                id: Id::from(kind.slug()),
                name: Text::lane_name(kind),
                kind,
                hidden: false,
            })
            .collect()
    }
}

impl Card {
    /// A new card of the lane's kind; touchpoint cards get an empty touchpoint record.
    pub fn new(stage: Id, lane: &Lane, title: impl Into<String>) -> Self {
        Card {
            id: Id::random(),
            stage,
            lane: lane.id.clone(),
            title: Text::User(title.into()),
            detail: String::new(),
            touchpoint: (lane.kind == CardKind::Touchpoint).then(Touchpoint::default),
        }
    }
}
