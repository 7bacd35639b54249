//! The card form's state: what the user typed and picked for one card, as plain data, checked
//! and turned into the edits that add the card or change it.
//!
//! The form shows every field of every kind of card, but only the fields of the chosen lane's
//! kind are kept (a pain point has a severity, a touchpoint a channel …): switching the lane
//! back and forth loses nothing typed, and what the card does not hold is dropped on save.

use super::channel;
use super::document::limits::TEXT_CHARS;
use super::model::{
    Card, CardKind, Evidence, Id, JourneyMap, OpportunityStatus, Presence, ResearchMethod,
    Severity, Touchpoint,
};
use super::text::{Lang, Text};
use super::Edit;
use crate::domain::model::{Lane, Stage};
use crate::domain::{ContentAsset, Department, Persona};

/// One card being added or edited.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDraft {
    /// The card as it was, when one is edited; `None` for a new card.
    original: Option<Card>,
    /// The stage of a new card (an edited card stays in its own).
    stage: Id<Stage>,
    /// The map's lanes, with the kind of card each holds.
    lanes: Vec<(Id<Lane>, CardKind)>,
    /// How many stages the map has: the longest a card can span.
    stage_count: u16,
    /// The language texts are shown and typed in.
    lang: Lang,
    /// The lane the card is in.
    pub lane: Id<Lane>,
    pub title: String,
    pub detail: String,
    /// How many stages the card spans, as typed.
    pub span: String,
    pub evidence: Evidence,
    pub persona: Option<Id<Persona>>,
    /// Pain points.
    pub severity: Option<Severity>,
    /// Opportunities.
    pub owner: String,
    /// Opportunities.
    pub status: Option<OpportunityStatus>,
    /// Buying-group roles.
    pub expects: String,
    /// Research sources.
    pub method: Option<ResearchMethod>,
    /// Touchpoints: the channel, as shown (a known channel's name in `lang`) or typed.
    pub channel: String,
    /// Touchpoints.
    pub online: bool,
    /// Touchpoints.
    pub department: Option<Id<Department>>,
    /// Touchpoints: the content asset of the content audit.
    pub asset: Option<Id<ContentAsset>>,
    /// Touchpoints: the content used, as text.
    pub content: String,
}

/// One change the user makes in the form.
#[derive(Clone, Debug, PartialEq)]
pub enum CardChange {
    Lane(Id<Lane>),
    Title(String),
    Detail(String),
    /// The span as typed; it is read (and clamped) when the card is made.
    Span(String),
    Evidence(Evidence),
    /// The id picked in a list of personas; empty is "none".
    Persona(String),
    Severity(Option<Severity>),
    Owner(String),
    Status(Option<OpportunityStatus>),
    Expects(String),
    Method(Option<ResearchMethod>),
    Channel(String),
    Online(bool),
    /// The id picked in a list of departments; empty is "none".
    Department(String),
    /// The id picked in a list of content assets; empty is "none".
    Asset(String),
    Content(String),
}

/// A text field of the form, to say which one is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardField {
    Title,
    Detail,
    Owner,
    Expects,
    Channel,
    Content,
}

/// What keeps the form from making a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CardDraftError {
    #[error("the card needs a title")]
    NoTitle,
    #[error("{field:?} has {chars} characters; at most {limit} are allowed")]
    TooLong {
        field: CardField,
        chars: usize,
        limit: usize,
    },
}

impl CardDraftError {
    /// The field that is wrong.
    pub fn field(self) -> CardField {
        match self {
            CardDraftError::NoTitle => CardField::Title,
            CardDraftError::TooLong { field, .. } => field,
        }
    }
}

/// The id a list's pick names: the empty pick is none.
fn picked<T>(value: String) -> Option<Id<T>> {
    Some(value).filter(|v| !v.is_empty()).map(Id::new)
}

impl CardDraft {
    /// The form for a new card in `stage`: in `lane` when given, else in the first lane of
    /// `kind`, else in the first lane; every field empty, evidence "assumed", span 1. `None`
    /// when there is no lane to put it in (no `lane` given and the map has none).
    pub fn new_card(
        map: &JourneyMap,
        stage: Id<Stage>,
        lane: Option<Id<Lane>>,
        kind: CardKind,
        lang: Lang,
    ) -> Option<Self> {
        let lane = lane
            .or_else(|| {
                map.lanes
                    .iter()
                    .find(|l| l.kind == kind)
                    .map(|l| l.id.clone())
            })
            .or_else(|| map.lanes.first().map(|l| l.id.clone()))?;
        // The card's id is given when it is saved (`to_card`); this one is never used.
        let mut draft = Self::of(
            map,
            &Card::plain(Id::from(""), stage, lane, Text::default()),
            lang,
        );
        draft.original = None;
        Some(draft)
    }

    /// The form for the map's card `card`, filled with what it holds (texts in `lang`);
    /// `None` when the map has no such card.
    pub fn edit(map: &JourneyMap, card: &Id<Card>, lang: Lang) -> Option<Self> {
        map.card(card).map(|c| Self::of(map, c, lang))
    }

    fn of(map: &JourneyMap, card: &Card, lang: Lang) -> Self {
        let tp = card.touchpoint.clone().unwrap_or_default();
        CardDraft {
            original: Some(card.clone()),
            stage: card.stage.clone(),
            lanes: map.lanes.iter().map(|l| (l.id.clone(), l.kind)).collect(),
            stage_count: u16::try_from(map.stages.len()).unwrap_or(u16::MAX).max(1),
            lang,
            lane: card.lane.clone(),
            title: card.title.get(lang).to_owned(),
            detail: card.detail.clone(),
            span: card.span.to_string(),
            evidence: card.evidence,
            persona: card.persona.clone(),
            severity: card.severity,
            owner: card.owner.clone(),
            status: card.status,
            expects: card.expects.clone(),
            method: card.method,
            channel: channel::label(&tp.channel, lang),
            online: tp.presence == Presence::Online,
            department: tp.department,
            asset: tp.asset,
            content: tp.content,
        }
    }

    /// Whether the form adds a card (rather than editing one).
    pub fn is_new(&self) -> bool {
        self.original.is_none()
    }

    /// The most stages a card can span: the map's number of stages.
    pub fn stage_count(&self) -> u16 {
        self.stage_count
    }

    /// The kind of card the chosen lane holds (`None` if the lane is gone).
    pub fn kind(&self) -> Option<CardKind> {
        self.lanes
            .iter()
            .find(|(id, _)| *id == self.lane)
            .map(|(_, k)| *k)
    }

    /// Applies one change of the user's.
    pub fn apply(&mut self, change: CardChange) {
        match change {
            CardChange::Lane(v) => self.lane = v,
            CardChange::Title(v) => self.title = v,
            CardChange::Detail(v) => self.detail = v,
            CardChange::Span(v) => self.span = v,
            CardChange::Evidence(v) => self.evidence = v,
            CardChange::Persona(v) => self.persona = picked(v),
            CardChange::Severity(v) => self.severity = v,
            CardChange::Owner(v) => self.owner = v,
            CardChange::Status(v) => self.status = v,
            CardChange::Expects(v) => self.expects = v,
            CardChange::Method(v) => self.method = v,
            CardChange::Channel(v) => self.channel = v,
            CardChange::Online(v) => self.online = v,
            CardChange::Department(v) => self.department = picked(v),
            CardChange::Asset(v) => self.asset = picked(v),
            CardChange::Content(v) => self.content = v,
        }
    }

    /// The span the card gets: what was typed, from 1 to the number of stages (1 when it is
    /// not a number).
    pub fn span(&self) -> u16 {
        self.span
            .trim()
            .parse::<u16>()
            .unwrap_or(1)
            .clamp(1, self.stage_count)
    }

    /// Checks what the user typed: a title, and no text longer than a map file allows.
    pub fn check(&self) -> Result<(), CardDraftError> {
        if self.title.trim().is_empty() {
            return Err(CardDraftError::NoTitle);
        }
        let texts = [
            (CardField::Title, &self.title),
            (CardField::Detail, &self.detail),
            (CardField::Owner, &self.owner),
            (CardField::Expects, &self.expects),
            (CardField::Channel, &self.channel),
            (CardField::Content, &self.content),
        ];
        for (field, text) in texts {
            let chars = text.chars().count();
            if chars > TEXT_CHARS {
                return Err(CardDraftError::TooLong {
                    field,
                    chars,
                    limit: TEXT_CHARS,
                });
            }
        }
        Ok(())
    }

    /// The card the form describes: the edited card with the form's fields, or a new card
    /// with id `new_id`. Fields the lane's kind does not hold are left empty; a title the
    /// user did not change keeps its built-in translations.
    pub fn to_card(&self, new_id: Id<Card>) -> Result<Card, CardDraftError> {
        self.check()?;
        let kind = self.kind();
        let is = |k: CardKind| kind == Some(k);
        let only = |k: CardKind, v: &str| {
            if is(k) {
                v.trim().to_owned()
            } else {
                String::new()
            }
        };
        let title = self.title.trim();
        let base = match &self.original {
            Some(old) => Card {
                title: if old.title.get(self.lang) == title {
                    old.title.clone()
                } else {
                    Text::User(title.to_owned())
                },
                ..old.clone()
            },
            None => Card::plain(
                new_id,
                self.stage.clone(),
                self.lane.clone(),
                Text::User(title.to_owned()),
            ),
        };
        Ok(Card {
            detail: self.detail.clone(),
            touchpoint: is(CardKind::Touchpoint).then(|| Touchpoint {
                channel: channel::from_input(&self.channel),
                presence: if self.online {
                    Presence::Online
                } else {
                    Presence::Offline
                },
                department: self.department.clone(),
                content: self.content.trim().to_owned(),
                asset: self.asset.clone(),
            }),
            span: self.span(),
            evidence: self.evidence,
            persona: self.persona.clone(),
            severity: self.severity.filter(|_| is(CardKind::PainPoint)),
            owner: only(CardKind::Opportunity, &self.owner),
            status: self.status.filter(|_| is(CardKind::Opportunity)),
            expects: only(CardKind::BuyingRole, &self.expects),
            method: self.method.filter(|_| is(CardKind::ResearchSource)),
            ..base
        })
    }

    /// The edits that save the form, in order: a new card is inserted at the end of its
    /// cell; an edited card is updated, then moved to the end of its new lane if the lane
    /// changed.
    pub fn to_edits(&self, new_id: Id<Card>) -> Result<Vec<Edit>, CardDraftError> {
        let card = self.to_card(new_id)?;
        Ok(match &self.original {
            None => vec![Edit::InsertCard {
                index: usize::MAX,
                card,
            }],
            Some(old) => {
                let moved = (old.lane != self.lane).then(|| Edit::MoveCard {
                    id: old.id.clone(),
                    stage: old.stage.clone(),
                    lane: self.lane.clone(),
                    before: None,
                });
                std::iter::once(Edit::UpdateCard { card })
                    .chain(moved)
                    .collect()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit;
    use crate::domain::model::{ContentAsset, ContentKind, Department, Persona, SourceModel};
    use crate::domain::template;

    fn map() -> JourneyMap {
        let mut m = template::build(SourceModel::ActOn, jiff::Timestamp::UNIX_EPOCH);
        m.personas.push(Persona {
            id: Id::from("cfo"),
            name: Text::from("CFO"),
            description: Text::default(),
        });
        m.departments.push(Department {
            id: Id::from("sales"),
            name: Text::from("Sales"),
            owns: Vec::new(),
            contributes: Vec::new(),
        });
        let stage = m.stages[0].id.clone();
        m.content.push(ContentAsset {
            id: Id::from("guide"),
            title: Text::from("Buyer's guide"),
            kind: ContentKind::WhitePaper,
            stage,
            persona: None,
            question: String::new(),
        });
        m
    }

    fn lane_of(m: &JourneyMap, kind: CardKind) -> Id<Lane> {
        m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone()
    }

    /// A card of `kind` in the second stage with every field its kind holds filled in.
    fn full_card(m: &JourneyMap, kind: CardKind) -> Card {
        let mut c = Card::plain(
            Id::from(format!("full-{}", kind.slug()).as_str()),
            m.stages[1].id.clone(),
            lane_of(m, kind),
            Text::builtin("Built-in", "내장", "Встроенный"),
        );
        c.detail = "Some detail\nover two lines".into();
        c.span = 2;
        c.evidence = Evidence::Observed;
        c.persona = Some(Id::from("cfo"));
        match kind {
            CardKind::Touchpoint => {
                c.touchpoint = Some(Touchpoint {
                    channel: "webinar".into(),
                    presence: Presence::Offline,
                    department: Some(Id::from("sales")),
                    content: "Deck".into(),
                    asset: Some(Id::from("guide")),
                })
            }
            CardKind::PainPoint => c.severity = Some(Severity::High),
            CardKind::Opportunity => {
                c.owner = "Marketing".into();
                c.status = Some(OpportunityStatus::Planned);
            }
            CardKind::BuyingRole => c.expects = "A clear price".into(),
            CardKind::ResearchSource => c.method = Some(ResearchMethod::ProspectInterview),
            CardKind::Question | CardKind::Note => {}
        }
        c
    }

    fn new_in_first_stage(m: &JourneyMap, kind: CardKind, lang: Lang) -> CardDraft {
        CardDraft::new_card(m, m.stages[0].id.clone(), None, kind, lang).unwrap()
    }

    fn with_card(card: &Card) -> JourneyMap {
        let mut m = map();
        edit::apply(
            &mut m,
            Edit::InsertCard {
                index: usize::MAX,
                card: card.clone(),
            },
        )
        .unwrap();
        m
    }

    #[test]
    fn an_unchanged_card_of_every_kind_saves_as_it_was() {
        for kind in CardKind::ALL {
            for lang in Lang::ALL {
                let card = full_card(&map(), kind);
                let mut m = with_card(&card);
                let draft = CardDraft::edit(&m, &card.id, lang).unwrap();
                assert!(!draft.is_new());
                assert_eq!(draft.kind(), Some(kind));
                let edits = draft.to_edits(Id::from("unused")).unwrap();
                assert_eq!(
                    edits,
                    vec![Edit::UpdateCard { card: card.clone() }],
                    "{kind:?} in {lang:?}"
                );
                for e in edits {
                    edit::apply(&mut m, e).unwrap();
                }
                assert_eq!(m.card(&card.id), Some(&card));
            }
        }
    }

    #[test]
    fn the_template_cards_save_as_they_were() {
        let m = map();
        for card in &m.cards {
            let draft = CardDraft::edit(&m, &card.id, Lang::Ko).unwrap();
            assert_eq!(
                draft.to_card(Id::from("unused")).unwrap(),
                *card,
                "{}",
                card.id
            );
        }
    }

    #[test]
    fn edited_fields_reach_the_card_and_a_changed_title_becomes_user_text() {
        let card = full_card(&map(), CardKind::Opportunity);
        let m = with_card(&card);
        let mut d = CardDraft::edit(&m, &card.id, Lang::En).unwrap();
        d.apply(CardChange::Title("  Referral programme ".into()));
        d.apply(CardChange::Owner(" Customer success ".into()));
        d.apply(CardChange::Status(Some(OpportunityStatus::Done)));
        d.apply(CardChange::Evidence(Evidence::Reported));
        let saved = d.to_card(Id::from("unused")).unwrap();
        assert_eq!(saved.title, Text::User("Referral programme".into()));
        assert_eq!(saved.owner, "Customer success");
        assert_eq!(saved.status, Some(OpportunityStatus::Done));
        assert_eq!(saved.evidence, Evidence::Reported);
        assert_eq!(saved.id, card.id);
        assert_eq!(saved.stage, card.stage);
    }

    #[test]
    fn a_new_card_lands_in_the_given_lane_else_the_first_lane_of_its_kind() {
        let m = map();
        let stage = m.stages[2].id.clone();
        let pain = lane_of(&m, CardKind::PainPoint);
        let d =
            CardDraft::new_card(&m, stage.clone(), None, CardKind::PainPoint, Lang::En).unwrap();
        assert!(d.is_new());
        assert_eq!(d.lane, pain);
        assert_eq!(d.kind(), Some(CardKind::PainPoint));
        let note = lane_of(&m, CardKind::Note);
        let d = CardDraft::new_card(
            &m,
            stage.clone(),
            Some(note.clone()),
            CardKind::PainPoint,
            Lang::En,
        )
        .unwrap();
        assert_eq!(d.lane, note);

        // No lane to put it in: no form, rather than a card in a lane with an empty id.
        let mut no_lanes = m.clone();
        no_lanes.lanes.clear();
        let none = CardDraft::new_card(&no_lanes, stage.clone(), None, CardKind::Note, Lang::En);
        assert!(none.is_none());

        let mut d =
            CardDraft::new_card(&m, stage.clone(), None, CardKind::Question, Lang::En).unwrap();
        d.apply(CardChange::Title("Who signs?".into()));
        let edits = d.to_edits(Id::from("new")).unwrap();
        let [Edit::InsertCard { card, .. }] = edits.as_slice() else {
            panic!("one insert: {edits:?}");
        };
        assert_eq!(card.id, Id::from("new"));
        assert_eq!(card.stage, stage);
        assert_eq!(card.lane, lane_of(&m, CardKind::Question));
        assert_eq!(card.title, Text::User("Who signs?".into()));
        assert_eq!(card.evidence, Evidence::Assumed);
        assert_eq!(card.span, 1);
        assert_eq!(card.touchpoint, None);
        let mut m2 = m.clone();
        edit::apply(&mut m2, edits[0].clone()).unwrap();
        assert_eq!(m2.cards.len(), m.cards.len() + 1);
    }

    #[test]
    fn a_new_touchpoint_has_a_touchpoint_record_online_by_default() {
        let m = map();
        let mut d = new_in_first_stage(&m, CardKind::Touchpoint, Lang::Ru);
        assert!(d.online);
        d.apply(CardChange::Title("Вебинар для CFO".into()));
        // A known channel typed in any language is stored as its slug.
        d.apply(CardChange::Channel(" Webinar ".into()));
        let card = d.to_card(Id::from("new")).unwrap();
        let tp = card.touchpoint.unwrap();
        assert_eq!(tp.channel, "webinar");
        assert_eq!(tp.presence, Presence::Online);
    }

    #[test]
    fn moving_an_edited_card_to_another_lane_is_a_second_edit_and_drops_the_old_kinds_fields() {
        let card = full_card(&map(), CardKind::PainPoint);
        let mut m = with_card(&card);
        let mut d = CardDraft::edit(&m, &card.id, Lang::En).unwrap();
        let opp = lane_of(&m, CardKind::Opportunity);
        d.apply(CardChange::Lane(opp.clone()));
        d.apply(CardChange::Owner("Sales".into()));
        let edits = d.to_edits(Id::from("unused")).unwrap();
        assert_eq!(edits.len(), 2);
        let Edit::UpdateCard { card: updated } = &edits[0] else {
            panic!("update first: {edits:?}");
        };
        assert_eq!(updated.severity, None, "a pain point's severity is dropped");
        assert_eq!(updated.owner, "Sales");
        assert_eq!(
            edits[1],
            Edit::MoveCard {
                id: card.id.clone(),
                stage: card.stage.clone(),
                lane: opp.clone(),
                before: None,
            }
        );
        for e in edits {
            edit::apply(&mut m, e).unwrap();
        }
        assert_eq!(m.card(&card.id).unwrap().lane, opp);
    }

    #[test]
    fn spans_are_clamped_to_the_stages_of_the_map() {
        let m = map();
        let stages = u16::try_from(m.stages.len()).unwrap();
        let mut d = new_in_first_stage(&m, CardKind::Note, Lang::En);
        d.apply(CardChange::Title("Wide".into()));
        for (typed, span) in [
            ("3", 3),
            (" 2 ", 2),
            ("0", 1),
            ("", 1),
            ("-4", 1),
            ("two", 1),
            ("999", stages),
            ("70000", 1),
        ] {
            d.apply(CardChange::Span(typed.into()));
            assert_eq!(
                d.to_card(Id::from("w")).unwrap().span,
                span,
                "typed {typed:?}"
            );
        }
        // A map without stages still lets a card span its own stage.
        let mut empty = m.clone();
        empty.stages.clear();
        let mut d =
            CardDraft::new_card(&empty, Id::from("x"), None, CardKind::Note, Lang::En).unwrap();
        d.apply(CardChange::Span("5".into()));
        assert_eq!(d.stage_count(), 1);
        assert_eq!(d.span(), 1);
    }

    #[test]
    fn a_title_is_needed_and_no_text_may_be_longer_than_a_file_allows() {
        let m = map();
        let mut d = new_in_first_stage(&m, CardKind::Touchpoint, Lang::En);
        assert_eq!(d.check(), Err(CardDraftError::NoTitle));
        d.apply(CardChange::Title(" \t ".into()));
        assert_eq!(d.to_card(Id::from("n")), Err(CardDraftError::NoTitle));
        d.apply(CardChange::Title("ä".repeat(TEXT_CHARS)));
        assert_eq!(d.check(), Ok(()), "the limit counts characters, not bytes");
        d.apply(CardChange::Title("a".repeat(TEXT_CHARS + 1)));
        assert_eq!(
            d.to_edits(Id::from("n")),
            Err(CardDraftError::TooLong {
                field: CardField::Title,
                chars: TEXT_CHARS + 1,
                limit: TEXT_CHARS,
            })
        );
        d.apply(CardChange::Title("ok".into()));
        d.apply(CardChange::Content("c".repeat(TEXT_CHARS + 5)));
        assert_eq!(
            d.check(),
            Err(CardDraftError::TooLong {
                field: CardField::Content,
                chars: TEXT_CHARS + 5,
                limit: TEXT_CHARS,
            })
        );
    }

    #[test]
    fn clearing_a_persona_department_or_asset_is_none_not_an_empty_id() {
        let card = full_card(&map(), CardKind::Touchpoint);
        let mut m = with_card(&card);
        let mut d = CardDraft::edit(&m, &card.id, Lang::En).unwrap();
        assert_eq!(d.persona, Some(Id::from("cfo")));
        d.apply(CardChange::Persona(String::new()));
        d.apply(CardChange::Department(String::new()));
        d.apply(CardChange::Asset(String::new()));
        let saved = d.to_card(Id::from("unused")).unwrap();
        assert_eq!(saved.persona, None);
        let tp = saved.touchpoint.clone().unwrap();
        assert_eq!(tp.department, None);
        assert_eq!(tp.asset, None);
        // The map takes it (an empty id would name a persona that does not exist).
        for e in d.to_edits(Id::from("unused")).unwrap() {
            edit::apply(&mut m, e).unwrap();
        }
        assert_eq!(m.card(&card.id), Some(&saved));
        // Picking one again names it.
        d.apply(CardChange::Persona("cfo".into()));
        d.apply(CardChange::Department("sales".into()));
        assert_eq!(d.persona, Some(Id::from("cfo")));
        assert_eq!(d.department, Some(Id::from("sales")));
    }

    #[test]
    fn a_card_the_map_does_not_have_has_no_draft() {
        assert_eq!(CardDraft::edit(&map(), &Id::from("nope"), Lang::En), None);
    }
}
