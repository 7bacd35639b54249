//! The journey map document: stages, decision points, lanes, cards, personas and departments.
//!
//! Everything here is plain serde data. A map is changed only through [`crate::domain::edit::Edit`],
//! which keeps undo/redo, autosave and tests in one place.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use super::id::Id;
use super::metric_settings::MetricSettings;
use super::text::Text;

/// The proven model a map was started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceModel {
    Blank,
    Hinge,
    Scaleo,
    ActOn,
    /// Written `mar_tech` in map files; `martech` (its slug, as the JS API and the README
    /// spell it) is read too.
    #[serde(alias = "martech")]
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

/// A moment in a file or stored entry: RFC 3339 text, as jiff writes and reads it.
///
/// jiff's own serde impl gives the same text; this one puts a fixed message in a parse error
/// instead of jiff's. Formatting a jiff error links jiff's whole error catalogue (about 40 KB of
/// wasm), and stored maps are read at start, so it would be in the app's first download.
pub mod rfc3339 {
    use jiff::Timestamp;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(t)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(|_| {
            de::Error::invalid_value(de::Unexpected::Str(&text), &"an RFC 3339 timestamp")
        })
    }
}

/// One journey map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyMap {
    pub id: Id,
    pub name: Text,
    pub source_model: SourceModel,
    #[serde(with = "rfc3339")]
    pub created: Timestamp,
    #[serde(with = "rfc3339")]
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
    /// How each persona feels in each stage (the emotion curve).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emotions: Vec<Emotion>,
    /// The SLA text of each hand-off between two departments (Act-On's 3-way SLA).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handoffs: Vec<Handoff>,
    /// The content assets of the content audit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<ContentAsset>,
    /// Set on a "to-be" version: the map it was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_of: Option<Id>,
}

/// A column of the map: a phase or stage of the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: Id<Stage>,
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
    pub id: Id<Outcome>,
    pub name: Text,
    pub leads_to: Destination,
}

/// Where an outcome leads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "stage", rename_all = "snake_case")]
pub enum Destination {
    /// Another stage of the same map (may be earlier: a loop back).
    Stage(Id<Stage>),
    /// The buyer leaves the journey.
    Exit,
}

/// A typed row of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: Id<Lane>,
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
    /// The built-in name of the standard lane for `kind`.
    pub fn lane_name(self) -> Text {
        match self {
            CardKind::Touchpoint => Text::builtin("Touchpoints", "접점", "Точки контакта"),
            CardKind::BuyingRole => Text::builtin(
                "Buying-group roles",
                "구매 그룹 역할",
                "Роли в группе закупки",
            ),
            CardKind::PainPoint => Text::builtin("Pain points", "불편 사항", "Болевые точки"),
            CardKind::Opportunity => Text::builtin("Opportunities", "기회", "Возможности"),
            CardKind::Question => Text::builtin(
                "Questions to answer",
                "답해야 할 질문",
                "Вопросы, на которые нужен ответ",
            ),
            CardKind::ResearchSource => {
                Text::builtin("Research sources", "조사 출처", "Источники исследования")
            }
            CardKind::Note => Text::builtin("Notes", "메모", "Заметки"),
        }
    }

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
    pub id: Id<Card>,
    pub stage: Id<Stage>,
    pub lane: Id<Lane>,
    pub title: Text,
    #[serde(default)]
    pub detail: String,
    /// Present for touchpoint cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<Touchpoint>,
    /// How many stages the card covers, from its own stage on (1 = its stage only). A span
    /// past the last stage ends at the last stage.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub span: u16,
    /// How much the card is backed by research.
    #[serde(default, skip_serializing_if = "Evidence::is_default")]
    pub evidence: Evidence,
    /// The persona (buying-group member) the card is about, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<Id<Persona>>,
    /// Pain points: how much it hurts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Opportunities: who takes it on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Opportunities: how far it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpportunityStatus>,
    /// Buying-group roles: the experience this role expects in the stage.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expects: String,
    /// Research sources: how the evidence was gathered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ResearchMethod>,
}

fn one() -> u16 {
    1
}

fn is_one(n: &u16) -> bool {
    *n == 1
}

/// How much a card is backed by research.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Seen in data or in the field.
    Observed,
    /// Told by buyers or clients (interviews, surveys).
    Reported,
    /// The team's belief, not yet checked.
    #[default]
    Assumed,
}

impl Evidence {
    pub const ALL: [Evidence; 3] = [Evidence::Observed, Evidence::Reported, Evidence::Assumed];

    pub fn is_default(&self) -> bool {
        *self == Evidence::Assumed
    }

    pub fn slug(self) -> &'static str {
        match self {
            Evidence::Observed => "observed",
            Evidence::Reported => "reported",
            Evidence::Assumed => "assumed",
        }
    }
}

/// How much a pain point hurts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// How far an opportunity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    Idea,
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl OpportunityStatus {
    pub const ALL: [OpportunityStatus; 5] = [
        OpportunityStatus::Idea,
        OpportunityStatus::Planned,
        OpportunityStatus::InProgress,
        OpportunityStatus::Done,
        OpportunityStatus::Dropped,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            OpportunityStatus::Idea => "idea",
            OpportunityStatus::Planned => "planned",
            OpportunityStatus::InProgress => "in_progress",
            OpportunityStatus::Done => "done",
            OpportunityStatus::Dropped => "dropped",
        }
    }
}

/// Where the evidence of a research-source card comes from (Hinge's four kinds of interview,
/// plus surveys).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResearchMethod {
    /// Interviews with prospects.
    ProspectInterview,
    /// Interviews with prospects who chose a rival.
    LostProspectInterview,
    /// Interviews with clients.
    ClientInterview,
    /// Interviews with former clients.
    FormerClientInterview,
    Survey,
    /// Analytics, CRM or other data.
    Analytics,
}

impl ResearchMethod {
    pub const ALL: [ResearchMethod; 6] = [
        ResearchMethod::ProspectInterview,
        ResearchMethod::LostProspectInterview,
        ResearchMethod::ClientInterview,
        ResearchMethod::FormerClientInterview,
        ResearchMethod::Survey,
        ResearchMethod::Analytics,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ResearchMethod::ProspectInterview => "prospect_interview",
            ResearchMethod::LostProspectInterview => "lost_prospect_interview",
            ResearchMethod::ClientInterview => "client_interview",
            ResearchMethod::FormerClientInterview => "former_client_interview",
            ResearchMethod::Survey => "survey",
            ResearchMethod::Analytics => "analytics",
        }
    }
}

/// How one persona feels in one stage: −2 (very negative) to +2 (very positive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Emotion {
    pub persona: Id<Persona>,
    pub stage: Id<Stage>,
    pub score: i8,
    /// Why (a quote, an observation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Emotion {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;
}

/// The service-level agreement of one hand-off from a department to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    pub from: Id<Department>,
    pub to: Id<Department>,
    pub sla: String,
}

/// A content asset of the content audit: what it is, for whom, for which stage and question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContentAsset {
    pub id: Id<ContentAsset>,
    pub title: Text,
    pub kind: ContentKind,
    /// The stage it serves.
    pub stage: Id<Stage>,
    /// The persona it is written for (`None`: everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<Id<Persona>>,
    /// The buyer's question it answers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
}

/// The kinds of content asset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentKind {
    CaseStudy,
    WhitePaper,
    Video,
    Demo,
    Webinar,
    Tool,
    SolutionBrief,
    Article,
    Other,
}

impl ContentKind {
    pub const ALL: [ContentKind; 9] = [
        ContentKind::CaseStudy,
        ContentKind::WhitePaper,
        ContentKind::Video,
        ContentKind::Demo,
        ContentKind::Webinar,
        ContentKind::Tool,
        ContentKind::SolutionBrief,
        ContentKind::Article,
        ContentKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ContentKind::CaseStudy => "case_study",
            ContentKind::WhitePaper => "white_paper",
            ContentKind::Video => "video",
            ContentKind::Demo => "demo",
            ContentKind::Webinar => "webinar",
            ContentKind::Tool => "tool",
            ContentKind::SolutionBrief => "solution_brief",
            ContentKind::Article => "article",
            ContentKind::Other => "other",
        }
    }
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
    pub department: Option<Id<Department>>,
    /// The content asset used here (white paper, case study, demo …), as text.
    #[serde(default)]
    pub content: String,
    /// The content asset of the content audit used here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset: Option<Id<ContentAsset>>,
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
    pub id: Id<Persona>,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
}

/// A department of the firm that owns touchpoints or stages (marketing, sales, service …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: Id<Department>,
    pub name: Text,
    /// Stages this department owns.
    #[serde(default)]
    pub owns: Vec<Id<Stage>>,
    /// Stages this department contributes to without owning them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributes: Vec<Id<Stage>>,
}

/// A department's part in a stage (a cell of the responsibility matrix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    Owns,
    Contributes,
    None,
}

impl Department {
    /// This department's part in `stage`.
    pub fn responsibility(&self, stage: &Id<Stage>) -> Responsibility {
        if self.owns.contains(stage) {
            Responsibility::Owns
        } else if self.contributes.contains(stage) {
            Responsibility::Contributes
        } else {
            Responsibility::None
        }
    }

    /// The same department with `level` in `stage`.
    pub fn with_responsibility(&self, stage: &Id<Stage>, level: Responsibility) -> Department {
        let mut d = self.clone();
        d.owns.retain(|s| s != stage);
        d.contributes.retain(|s| s != stage);
        match level {
            Responsibility::Owns => d.owns.push(stage.clone()),
            Responsibility::Contributes => d.contributes.push(stage.clone()),
            Responsibility::None => {}
        }
        d
    }
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
            emotions: Vec::new(),
            handoffs: Vec::new(),
            content: Vec::new(),
            version_of: None,
        }
    }

    pub fn stage(&self, id: &Id<Stage>) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn stage_index(&self, id: &Id<Stage>) -> Option<usize> {
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

    pub fn lane(&self, id: &Id<Lane>) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    pub fn card(&self, id: &Id<Card>) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }

    pub fn card_index(&self, id: &Id<Card>) -> Option<usize> {
        self.cards.iter().position(|c| &c.id == id)
    }

    pub fn department(&self, id: &Id<Department>) -> Option<&Department> {
        self.departments.iter().find(|d| &d.id == id)
    }

    /// The cards of one cell, in their order.
    pub fn cards_in<'a>(
        &'a self,
        stage: &'a Id<Stage>,
        lane: &'a Id<Lane>,
    ) -> impl Iterator<Item = &'a Card> {
        self.cards
            .iter()
            .filter(move |c| &c.stage == stage && &c.lane == lane)
    }

    pub fn persona(&self, id: &Id<Persona>) -> Option<&Persona> {
        self.personas.iter().find(|p| &p.id == id)
    }

    pub fn asset(&self, id: &Id<ContentAsset>) -> Option<&ContentAsset> {
        self.content.iter().find(|a| &a.id == id)
    }

    /// The emotion of `persona` in `stage`, if set.
    pub fn emotion(&self, persona: &Id<Persona>, stage: &Id<Stage>) -> Option<&Emotion> {
        self.emotions
            .iter()
            .find(|e| &e.persona == persona && &e.stage == stage)
    }

    /// Every emotion by (persona, stage), to look many up at once: [`JourneyMap::emotion`] of
    /// each pair, without reading the whole list for each (the first of two for one pair, as
    /// there).
    pub fn emotions_by_persona_and_stage(
        &self,
    ) -> std::collections::HashMap<(&Id<Persona>, &Id<Stage>), &Emotion> {
        let mut by = std::collections::HashMap::with_capacity(self.emotions.len());
        for e in &self.emotions {
            by.entry((&e.persona, &e.stage)).or_insert(e);
        }
        by
    }

    /// The SLA text of the hand-off `from` → `to`, if any.
    pub fn handoff(&self, from: &Id<Department>, to: &Id<Department>) -> Option<&Handoff> {
        self.handoffs
            .iter()
            .find(|h| &h.from == from && &h.to == to)
    }

    /// The stages a card covers, as a range of stage indexes (empty when its stage is gone).
    pub fn card_stages(&self, card: &Card) -> std::ops::Range<usize> {
        match self.stage_index(&card.stage) {
            Some(i) => i..(i + usize::from(card.span.max(1))).min(self.stages.len()),
            None => 0..0,
        }
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
                name: kind.lane_name(),
                kind,
                hidden: false,
            })
            .collect()
    }
}

impl Card {
    /// A new card of the lane's kind; touchpoint cards get an empty touchpoint record.
    pub fn new(stage: Id<Stage>, lane: &Lane, title: impl Into<String>) -> Self {
        let mut card = Card::plain(
            Id::random(),
            stage,
            lane.id.clone(),
            Text::User(title.into()),
        );
        card.touchpoint = (lane.kind == CardKind::Touchpoint).then(Touchpoint::default);
        card
    }

    /// A card with only its place and title; every other field empty.
    pub fn plain(id: Id<Card>, stage: Id<Stage>, lane: Id<Lane>, title: Text) -> Self {
        Card {
            id,
            stage,
            lane,
            title,
            detail: String::new(),
            touchpoint: None,
            span: 1,
            evidence: Evidence::default(),
            persona: None,
            severity: None,
            owner: String::new(),
            status: None,
            expects: String::new(),
            method: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct At(#[serde(with = "rfc3339")] Timestamp);

    #[test]
    fn timestamps_are_rfc3339_text_as_jiff_writes_them() {
        let t = Timestamp::from_millisecond(1_700_000_000_123).unwrap();
        let text = serde_json::to_string(&At(t)).unwrap();
        assert_eq!(text, "\"2023-11-14T22:13:20.123Z\"");
        assert_eq!(text, serde_json::to_string(&t).unwrap());
        assert_eq!(serde_json::from_str::<At>(&text).unwrap(), At(t));
        // Any offset is read, as jiff reads it.
        let seoul: At = serde_json::from_str("\"2023-11-15T07:13:20.123+09:00\"").unwrap();
        assert_eq!(seoul, At(t));
    }

    #[test]
    fn a_bad_timestamp_names_the_text_and_what_was_expected() {
        let err = serde_json::from_str::<At>("\"yesterday\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid value: string \"yesterday\", expected an RFC 3339 timestamp"
        );
        assert!(
            serde_json::from_str::<At>("\"2023-11-14T22:13:20\"").is_err(),
            "no offset"
        );
        assert!(serde_json::from_str::<At>("17").is_err());
    }
}
