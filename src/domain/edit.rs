//! Every change to a map is an [`Edit`], applied in one place by [`apply`].
//!
//! `apply` returns the inverse edit, so undo is "apply the inverse" and redo is "apply the
//! inverse of the inverse". [`History`] keeps the two stacks.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::document::{self, ImportError};
use super::metrics::MetricSettings;
use super::model::{
    Card, ContentAsset, DecisionPoint, Department, Destination, Emotion, Handoff, Id, JourneyMap,
    Lane, Persona, Stage,
};
use super::text::Text;

/// A named change to one map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    RenameMap {
        name: Text,
    },
    SetCircular {
        circular: bool,
    },
    /// Replace the classification rules (their text form; `None` = the model's defaults).
    SetRules {
        rules: Option<String>,
    },
    /// Replace the metric settings (client stage, service levels, thresholds).
    SetMetricSettings {
        settings: MetricSettings,
    },
    /// Insert a stage at `index` (clamped to the end).
    InsertStage {
        index: usize,
        stage: Stage,
    },
    /// Remove a stage with its cards; outcomes leading to it are redirected out of the journey.
    RemoveStage {
        id: Id<Stage>,
    },
    /// Put the whole map back as it was: the inverse of edits that touch many places at once
    /// (removing a stage, a lane, a persona, a department or a content asset).
    Restore {
        map: Box<JourneyMap>,
    },
    UpdateStage {
        id: Id<Stage>,
        name: Text,
        description: Text,
    },
    /// Move a stage to position `to` (clamped).
    MoveStage {
        id: Id<Stage>,
        to: usize,
    },
    /// Mark (or unmark, with `None`) the end of a stage as a decision point.
    SetDecision {
        stage: Id<Stage>,
        decision: Option<DecisionPoint>,
    },
    /// Insert a card at `index` of the map's card list (clamped).
    InsertCard {
        index: usize,
        card: Card,
    },
    RemoveCard {
        id: Id<Card>,
    },
    /// Replace a card's content (title, detail, touchpoint); its place stays.
    UpdateCard {
        card: Card,
    },
    /// Put a card in another cell, just before card `before` (or at the end with `None`).
    ///
    /// The four ids have different types (`Id<Card>`, `Id<Stage>`, `Id<Lane>`), so swapping
    /// `stage` and `lane`, or passing a card id as the stage, does not compile:
    ///
    /// ```compile_fail
    /// use journey_mapper::domain::{Card, Edit, Id, Lane, Stage};
    /// let (stage, lane) = (Id::<Stage>::from("s1"), Id::<Lane>::from("touchpoint"));
    /// let _ = Edit::MoveCard { id: Id::<Card>::from("c1"), stage: lane, lane: stage, before: None };
    /// ```
    ///
    /// They still serialise as the same bare strings as before.
    MoveCard {
        id: Id<Card>,
        stage: Id<Stage>,
        lane: Id<Lane>,
        before: Option<Id<Card>>,
    },
    /// Insert a lane (a row) at `index` (clamped).
    InsertLane {
        index: usize,
        lane: Lane,
    },
    /// Remove a lane with its cards.
    RemoveLane {
        id: Id<Lane>,
    },
    /// Rename, show or hide a lane (its kind stays).
    UpdateLane {
        id: Id<Lane>,
        name: Text,
        hidden: bool,
    },
    /// Move a lane to position `to` (clamped).
    MoveLane {
        id: Id<Lane>,
        to: usize,
    },
    InsertPersona {
        index: usize,
        persona: Persona,
    },
    /// Remove a persona with its emotions; cards and content about it become about no one.
    RemovePersona {
        id: Id<Persona>,
    },
    UpdatePersona {
        persona: Persona,
    },
    /// Set (or clear, with `None`) how a persona feels in a stage: −2..=+2 and a note.
    SetEmotion {
        persona: Id<Persona>,
        stage: Id<Stage>,
        emotion: Option<(i8, String)>,
    },
    InsertDepartment {
        index: usize,
        department: Department,
    },
    /// Remove a department with its hand-offs; touchpoints it owned get no owner.
    RemoveDepartment {
        id: Id<Department>,
    },
    /// Replace a department (name and its part in each stage).
    UpdateDepartment {
        department: Department,
    },
    /// Set the SLA text of the hand-off `from` → `to` (an empty text removes it).
    SetHandoff {
        from: Id<Department>,
        to: Id<Department>,
        sla: String,
    },
    InsertAsset {
        index: usize,
        asset: ContentAsset,
    },
    /// Remove a content asset; touchpoints that used it keep their text only.
    RemoveAsset {
        id: Id<ContentAsset>,
    },
    UpdateAsset {
        asset: ContentAsset,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("there is no stage {0}")]
    NoStage(Id<Stage>),
    #[error("there is no card {0}")]
    NoCard(Id<Card>),
    #[error("there is no lane {0}")]
    NoLane(Id<Lane>),
    #[error("id {0} is already used")]
    DuplicateId(Id),
    #[error("outcome leads to a stage that does not exist: {0}")]
    DanglingOutcome(Id<Stage>),
    #[error("there is no persona {0}")]
    NoPersona(Id<Persona>),
    #[error("there is no department {0}")]
    NoDepartment(Id<Department>),
    #[error("there is no content asset {0}")]
    NoAsset(Id<ContentAsset>),
    #[error("an emotion is between -2 and +2, not {0}")]
    EmotionOutOfRange(i8),
    #[error("a card spans 1 to {max} stages, not {found}")]
    BadSpan { found: u16, max: u16 },
    #[error("a hand-off goes from one department to another")]
    SelfHandoff,
    /// The edit would leave a map that breaks a rule of the file format (a text too long,
    /// too many cards, rules that do not parse …), which could then be neither saved nor
    /// loaded. The map is unchanged.
    #[error("{0}")]
    Invalid(ImportError),
}

/// What of a map an edit changed, so that only that is checked against the file format.
enum Touched {
    Nothing,
    Name,
    Rules,
    Stage(Id<Stage>),
    Card(Id<Card>),
    Lane(Id<Lane>),
    Persona(Id<Persona>),
    Department(Id<Department>),
    Asset(Id<ContentAsset>),
    Emotion {
        persona: Id<Persona>,
        stage: Id<Stage>,
    },
    Handoff {
        from: Id<Department>,
        to: Id<Department>,
    },
    /// Every card's span (a stage was removed).
    Spans,
    /// The whole map (an undo step that puts a map back).
    Whole,
}

impl Touched {
    fn of(edit: &Edit) -> Touched {
        match edit {
            Edit::RenameMap { .. } => Touched::Name,
            Edit::SetRules { .. } => Touched::Rules,
            Edit::InsertStage { stage, .. } => Touched::Stage(stage.id.clone()),
            Edit::UpdateStage { id, .. } => Touched::Stage(id.clone()),
            Edit::SetDecision { stage, .. } => Touched::Stage(stage.clone()),
            Edit::RemoveStage { .. } => Touched::Spans,
            Edit::Restore { .. } => Touched::Whole,
            Edit::InsertCard { card, .. } | Edit::UpdateCard { card } => {
                Touched::Card(card.id.clone())
            }
            Edit::InsertLane { lane, .. } => Touched::Lane(lane.id.clone()),
            Edit::UpdateLane { id, .. } => Touched::Lane(id.clone()),
            Edit::InsertPersona { persona, .. } | Edit::UpdatePersona { persona } => {
                Touched::Persona(persona.id.clone())
            }
            Edit::SetEmotion { persona, stage, .. } => Touched::Emotion {
                persona: persona.clone(),
                stage: stage.clone(),
            },
            Edit::InsertDepartment { department, .. } | Edit::UpdateDepartment { department } => {
                Touched::Department(department.id.clone())
            }
            Edit::SetHandoff { from, to, .. } => Touched::Handoff {
                from: from.clone(),
                to: to.clone(),
            },
            Edit::InsertAsset { asset, .. } | Edit::UpdateAsset { asset } => {
                Touched::Asset(asset.id.clone())
            }
            Edit::SetCircular { .. }
            | Edit::SetMetricSettings { .. }
            | Edit::MoveStage { .. }
            | Edit::RemoveCard { .. }
            | Edit::MoveCard { .. }
            | Edit::RemoveLane { .. }
            | Edit::MoveLane { .. }
            | Edit::RemovePersona { .. }
            | Edit::RemoveDepartment { .. }
            | Edit::RemoveAsset { .. } => Touched::Nothing,
        }
    }

    /// Checks what was touched, and the counts, as [`document::validate`] would. References
    /// are checked by each edit before it changes anything.
    fn check(&self, map: &JourneyMap) -> Result<(), ImportError> {
        document::check_counts(map)?;
        match self {
            Touched::Nothing => Ok(()),
            Touched::Name => document::check_name(map),
            Touched::Rules => document::check_rules(map),
            Touched::Stage(id) => map.stage(id).map_or(Ok(()), document::check_stage),
            Touched::Card(id) => map
                .card(id)
                .map_or(Ok(()), |c| document::check_card(map, c)),
            Touched::Lane(id) => map.lane(id).map_or(Ok(()), document::check_lane),
            Touched::Persona(id) => map.persona(id).map_or(Ok(()), document::check_persona),
            Touched::Department(id) => map
                .department(id)
                .map_or(Ok(()), document::check_department),
            Touched::Asset(id) => map.asset(id).map_or(Ok(()), document::check_asset),
            Touched::Emotion { persona, stage } => map
                .emotions
                .iter()
                .filter(|e| &e.persona == persona && &e.stage == stage)
                .try_for_each(document::check_emotion),
            Touched::Handoff { from, to } => map
                .handoffs
                .iter()
                .filter(|h| &h.from == from && &h.to == to)
                .try_for_each(document::check_handoff),
            Touched::Spans => map
                .cards
                .iter()
                .try_for_each(|c| document::check_card(map, c)),
            Touched::Whole => document::validate(map),
        }
    }
}

/// Applies `edit` to `map` and returns the edit that undoes it. On error the map is unchanged.
///
/// Every edit leaves a map that [`document::validate`] accepts, so that whatever the user does
/// can be saved and loaded again: an edit that would break the file format's rules (see
/// [`document::limits`]) is undone and refused with [`EditError::Invalid`].
pub fn apply(map: &mut JourneyMap, edit: Edit) -> Result<Edit, EditError> {
    let touched = Touched::of(&edit);
    let inverse = apply_unchecked(map, edit)?;
    if let Err(e) = touched.check(map) {
        // The inverse of an edit that just applied always applies (what undo relies on).
        apply_unchecked(map, inverse).expect("the inverse of an applied edit applies");
        return Err(EditError::Invalid(e));
    }
    Ok(inverse)
}

fn apply_unchecked(map: &mut JourneyMap, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::RenameMap { name } => {
            let was = std::mem::replace(&mut map.name, name);
            Ok(Edit::RenameMap { name: was })
        }
        Edit::SetCircular { circular } => {
            let was = std::mem::replace(&mut map.circular, circular);
            Ok(Edit::SetCircular { circular: was })
        }
        Edit::SetRules { rules } => {
            let was = std::mem::replace(&mut map.rules, rules);
            Ok(Edit::SetRules { rules: was })
        }
        Edit::SetMetricSettings { settings } => {
            if let Some(level) = settings
                .service_levels
                .iter()
                .find(|l| !has_stage(map, &l.from) || !has_stage(map, &l.to))
            {
                let missing = if !has_stage(map, &level.from) {
                    &level.from
                } else {
                    &level.to
                };
                return Err(EditError::NoStage(missing.clone().cast()));
            }
            if let Some(stage) = &settings.client_stage {
                if !has_stage(map, stage) {
                    return Err(EditError::NoStage(stage.clone().cast()));
                }
            }
            let was = std::mem::replace(&mut map.metrics, settings);
            Ok(Edit::SetMetricSettings { settings: was })
        }
        Edit::InsertStage { index, stage } => {
            if map.stage(&stage.id).is_some() {
                return Err(EditError::DuplicateId(stage.id.cast()));
            }
            check_decision(map, stage.decision.as_ref(), Some(&stage.id))?;
            let index = index.min(map.stages.len());
            let id = stage.id.clone();
            map.stages.insert(index, stage);
            Ok(Edit::RemoveStage { id })
        }
        Edit::RemoveStage { id } => remove_stage(map, &id),
        Edit::Restore { map: was } => {
            let was = std::mem::replace(map, *was);
            Ok(Edit::Restore { map: Box::new(was) })
        }
        Edit::UpdateStage {
            id,
            name,
            description,
        } => {
            let stage = stage_mut(map, &id)?;
            let name = std::mem::replace(&mut stage.name, name);
            let description = std::mem::replace(&mut stage.description, description);
            Ok(Edit::UpdateStage {
                id,
                name,
                description,
            })
        }
        Edit::MoveStage { id, to } => {
            let from = map.stage_index(&id).ok_or(EditError::NoStage(id.clone()))?;
            let stage = map.stages.remove(from);
            let to = to.min(map.stages.len());
            map.stages.insert(to, stage);
            Ok(Edit::MoveStage { id, to: from })
        }
        Edit::SetDecision { stage, decision } => {
            check_decision(map, decision.as_ref(), None)?;
            let s = stage_mut(map, &stage)?;
            let was = std::mem::replace(&mut s.decision, decision);
            Ok(Edit::SetDecision {
                stage,
                decision: was,
            })
        }
        Edit::InsertCard { index, card } => {
            if map.card(&card.id).is_some() {
                return Err(EditError::DuplicateId(card.id.cast()));
            }
            check_card(map, &card)?;
            let id = card.id.clone();
            let index = index.min(map.cards.len());
            map.cards.insert(index, card);
            Ok(Edit::RemoveCard { id })
        }
        Edit::RemoveCard { id } => {
            let index = map.card_index(&id).ok_or(EditError::NoCard(id))?;
            let card = map.cards.remove(index);
            Ok(Edit::InsertCard { index, card })
        }
        Edit::UpdateCard { card } => {
            let index = map
                .card_index(&card.id)
                .ok_or(EditError::NoCard(card.id.clone()))?;
            check_card(map, &card)?;
            let was = std::mem::replace(&mut map.cards[index], card);
            Ok(Edit::UpdateCard { card: was })
        }
        Edit::MoveCard {
            id,
            stage,
            lane,
            before,
        } => {
            check_cell(map, &stage, &lane)?;
            let from = map.card_index(&id).ok_or(EditError::NoCard(id.clone()))?;
            if let Some(b) = &before {
                if b == &id {
                    return Ok(Edit::MoveCard {
                        id,
                        stage,
                        lane,
                        before,
                    });
                }
                map.card(b).ok_or(EditError::NoCard(b.clone()))?;
            }
            let was_before = map.cards.get(from + 1).map(|c| c.id.clone());
            let mut card = map.cards.remove(from);
            let was_stage = std::mem::replace(&mut card.stage, stage);
            let was_lane = std::mem::replace(&mut card.lane, lane);
            let to = match &before {
                Some(b) => map.card_index(b).unwrap_or(map.cards.len()),
                None => map.cards.len(),
            };
            map.cards.insert(to, card);
            Ok(Edit::MoveCard {
                id,
                stage: was_stage,
                lane: was_lane,
                before: was_before,
            })
        }
        Edit::InsertLane { index, lane } => {
            let id = insert_unique(&mut map.lanes, index, lane, |l| &l.id)?;
            Ok(Edit::RemoveLane { id })
        }
        Edit::RemoveLane { id } => {
            let index = map
                .lanes
                .iter()
                .position(|l| l.id == id)
                .ok_or(EditError::NoLane(id.clone()))?;
            let before = map.clone();
            map.lanes.remove(index);
            map.cards.retain(|c| c.lane != id);
            Ok(Edit::Restore {
                map: Box::new(before),
            })
        }
        Edit::UpdateLane { id, name, hidden } => {
            let lane = map
                .lanes
                .iter_mut()
                .find(|l| l.id == id)
                .ok_or(EditError::NoLane(id.clone()))?;
            let name = std::mem::replace(&mut lane.name, name);
            let hidden = std::mem::replace(&mut lane.hidden, hidden);
            Ok(Edit::UpdateLane { id, name, hidden })
        }
        Edit::MoveLane { id, to } => {
            let from = map
                .lanes
                .iter()
                .position(|l| l.id == id)
                .ok_or(EditError::NoLane(id.clone()))?;
            move_item(&mut map.lanes, from, to);
            Ok(Edit::MoveLane { id, to: from })
        }
        Edit::InsertPersona { index, persona } => {
            let id = insert_unique(&mut map.personas, index, persona, |p| &p.id)?;
            Ok(Edit::RemovePersona { id })
        }
        Edit::RemovePersona { id } => {
            map.persona(&id).ok_or(EditError::NoPersona(id.clone()))?;
            let before = map.clone();
            map.personas.retain(|p| p.id != id);
            map.emotions.retain(|e| e.persona != id);
            for c in map
                .cards
                .iter_mut()
                .filter(|c| c.persona.as_ref() == Some(&id))
            {
                c.persona = None;
            }
            for a in map
                .content
                .iter_mut()
                .filter(|a| a.persona.as_ref() == Some(&id))
            {
                a.persona = None;
            }
            Ok(Edit::Restore {
                map: Box::new(before),
            })
        }
        Edit::UpdatePersona { persona } => {
            let was = replace_by_id(&mut map.personas, persona, |p| &p.id, EditError::NoPersona)?;
            Ok(Edit::UpdatePersona { persona: was })
        }
        Edit::SetEmotion {
            persona,
            stage,
            emotion,
        } => {
            map.persona(&persona)
                .ok_or(EditError::NoPersona(persona.clone()))?;
            map.stage(&stage).ok_or(EditError::NoStage(stage.clone()))?;
            if let Some((score, _)) = &emotion {
                if !(Emotion::MIN..=Emotion::MAX).contains(score) {
                    return Err(EditError::EmotionOutOfRange(*score));
                }
            }
            let pos = map
                .emotions
                .iter()
                .position(|e| e.persona == persona && e.stage == stage);
            let was = pos.map(|i| map.emotions.remove(i));
            if let Some((score, note)) = emotion {
                let e = Emotion {
                    persona: persona.clone(),
                    stage: stage.clone(),
                    score,
                    note,
                };
                map.emotions.insert(pos.unwrap_or(map.emotions.len()), e);
            }
            Ok(Edit::SetEmotion {
                persona,
                stage,
                emotion: was.map(|e| (e.score, e.note)),
            })
        }
        Edit::InsertDepartment { index, department } => {
            check_department(map, &department)?;
            let id = insert_unique(&mut map.departments, index, department, |d| &d.id)?;
            Ok(Edit::RemoveDepartment { id })
        }
        Edit::RemoveDepartment { id } => {
            map.department(&id)
                .ok_or(EditError::NoDepartment(id.clone()))?;
            let before = map.clone();
            map.departments.retain(|d| d.id != id);
            map.handoffs.retain(|h| h.from != id && h.to != id);
            for t in map.cards.iter_mut().filter_map(|c| c.touchpoint.as_mut()) {
                if t.department.as_ref() == Some(&id) {
                    t.department = None;
                }
            }
            Ok(Edit::Restore {
                map: Box::new(before),
            })
        }
        Edit::UpdateDepartment { department } => {
            check_department(map, &department)?;
            let was = replace_by_id(
                &mut map.departments,
                department,
                |d| &d.id,
                EditError::NoDepartment,
            )?;
            Ok(Edit::UpdateDepartment { department: was })
        }
        Edit::SetHandoff { from, to, sla } => {
            if from == to {
                return Err(EditError::SelfHandoff);
            }
            for d in [&from, &to] {
                map.department(d)
                    .ok_or(EditError::NoDepartment(d.clone()))?;
            }
            let pos = map
                .handoffs
                .iter()
                .position(|h| h.from == from && h.to == to);
            let was = pos.map(|i| map.handoffs.remove(i).sla).unwrap_or_default();
            if !sla.trim().is_empty() {
                let h = Handoff {
                    from: from.clone(),
                    to: to.clone(),
                    sla,
                };
                map.handoffs.insert(pos.unwrap_or(map.handoffs.len()), h);
            }
            Ok(Edit::SetHandoff { from, to, sla: was })
        }
        Edit::InsertAsset { index, asset } => {
            check_asset(map, &asset)?;
            let id = insert_unique(&mut map.content, index, asset, |a| &a.id)?;
            Ok(Edit::RemoveAsset { id })
        }
        Edit::RemoveAsset { id } => {
            map.asset(&id).ok_or(EditError::NoAsset(id.clone()))?;
            let before = map.clone();
            map.content.retain(|a| a.id != id);
            unlink_assets(map, std::slice::from_ref(&id));
            Ok(Edit::Restore {
                map: Box::new(before),
            })
        }
        Edit::UpdateAsset { asset } => {
            check_asset(map, &asset)?;
            let was = replace_by_id(&mut map.content, asset, |a| &a.id, EditError::NoAsset)?;
            Ok(Edit::UpdateAsset { asset: was })
        }
    }
}

fn remove_stage(map: &mut JourneyMap, id: &Id<Stage>) -> Result<Edit, EditError> {
    let index = map.stage_index(id).ok_or(EditError::NoStage(id.clone()))?;
    let before = map.clone();
    map.stages.remove(index);
    map.cards.retain(|c| &c.stage != id);
    // A card that spans across the removed stage covers one stage less; none spans past the
    // stages that are left.
    let left = u16::try_from(map.stages.len()).unwrap_or(u16::MAX).max(1);
    for c in &mut map.cards {
        let from = before.stage_index(&c.stage).unwrap_or(0);
        if from < index && from + usize::from(c.span) > index {
            c.span -= 1;
        }
        c.span = c.span.clamp(1, left);
    }
    for s in &mut map.stages {
        for o in s.decision.iter_mut().flat_map(|d| d.outcomes.iter_mut()) {
            if o.leads_to == Destination::Stage(id.clone()) {
                o.leads_to = Destination::Exit;
            }
        }
    }
    for d in &mut map.departments {
        d.owns.retain(|s| s != id);
        d.contributes.retain(|s| s != id);
    }
    map.emotions.retain(|e| &e.stage != id);
    let gone: Vec<Id<ContentAsset>> = map
        .content
        .iter()
        .filter(|a| &a.stage == id)
        .map(|a| a.id.clone())
        .collect();
    map.content.retain(|a| &a.stage != id);
    unlink_assets(map, &gone);
    if map.metrics.client_stage.as_ref().map(Id::as_str) == Some(id.as_str()) {
        map.metrics.client_stage = None;
    }
    map.metrics
        .service_levels
        .retain(|l| l.from.as_str() != id.as_str() && l.to.as_str() != id.as_str());
    Ok(Edit::Restore {
        map: Box::new(before),
    })
}

/// Touchpoints that used one of `assets` keep their text but lose the link.
fn unlink_assets(map: &mut JourneyMap, assets: &[Id<ContentAsset>]) {
    for t in map.cards.iter_mut().filter_map(|c| c.touchpoint.as_mut()) {
        if t.asset.as_ref().is_some_and(|a| assets.contains(a)) {
            t.asset = None;
        }
    }
}

/// Inserts `item` at `index` (clamped) unless its id is taken.
fn insert_unique<T, K>(
    list: &mut Vec<T>,
    index: usize,
    item: T,
    id: impl Fn(&T) -> &Id<K>,
) -> Result<Id<K>, EditError> {
    let new = id(&item).clone();
    if list.iter().any(|x| id(x) == &new) {
        return Err(EditError::DuplicateId(new.cast()));
    }
    list.insert(index.min(list.len()), item);
    Ok(new)
}

/// Replaces the item with the same id and returns the old one.
fn replace_by_id<T, K>(
    list: &mut [T],
    item: T,
    id: impl Fn(&T) -> &Id<K>,
    missing: impl FnOnce(Id<K>) -> EditError,
) -> Result<T, EditError> {
    match list.iter_mut().find(|x| id(x) == id(&item)) {
        Some(slot) => Ok(std::mem::replace(slot, item)),
        None => Err(missing(id(&item).clone())),
    }
}

fn check_card(map: &JourneyMap, card: &Card) -> Result<(), EditError> {
    check_cell(map, &card.stage, &card.lane)?;
    let max = u16::try_from(map.stages.len()).unwrap_or(u16::MAX).max(1);
    if card.span == 0 || card.span > max {
        return Err(EditError::BadSpan {
            found: card.span,
            max,
        });
    }
    if let Some(p) = &card.persona {
        map.persona(p).ok_or(EditError::NoPersona(p.clone()))?;
    }
    if let Some(t) = &card.touchpoint {
        if let Some(d) = &t.department {
            map.department(d)
                .ok_or(EditError::NoDepartment(d.clone()))?;
        }
        if let Some(a) = &t.asset {
            map.asset(a).ok_or(EditError::NoAsset(a.clone()))?;
        }
    }
    Ok(())
}

fn check_department(map: &JourneyMap, d: &Department) -> Result<(), EditError> {
    for s in d.owns.iter().chain(&d.contributes) {
        map.stage(s).ok_or(EditError::NoStage(s.clone()))?;
    }
    Ok(())
}

fn check_asset(map: &JourneyMap, a: &ContentAsset) -> Result<(), EditError> {
    map.stage(&a.stage)
        .ok_or(EditError::NoStage(a.stage.clone()))?;
    if let Some(p) = &a.persona {
        map.persona(p).ok_or(EditError::NoPersona(p.clone()))?;
    }
    Ok(())
}

fn move_item<T>(list: &mut Vec<T>, from: usize, to: usize) {
    let item = list.remove(from);
    list.insert(to.min(list.len()), item);
}

/// Whether the map has a stage with this id: for the ids of the metric settings, which stay
/// untyped (`metric_settings` cannot name `Stage` without a module cycle with `model`).
fn has_stage(map: &JourneyMap, id: &Id) -> bool {
    map.stages.iter().any(|s| s.id.as_str() == id.as_str())
}

fn stage_mut<'a>(map: &'a mut JourneyMap, id: &Id<Stage>) -> Result<&'a mut Stage, EditError> {
    map.stages
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or(EditError::NoStage(id.clone()))
}

fn check_cell(map: &JourneyMap, stage: &Id<Stage>, lane: &Id<Lane>) -> Result<(), EditError> {
    map.stage(stage).ok_or(EditError::NoStage(stage.clone()))?;
    map.lane(lane).ok_or(EditError::NoLane(lane.clone()))?;
    Ok(())
}

/// Every outcome must lead out of the journey or to a stage that exists (or is being added).
fn check_decision(
    map: &JourneyMap,
    decision: Option<&DecisionPoint>,
    adding: Option<&Id<Stage>>,
) -> Result<(), EditError> {
    for o in decision.iter().flat_map(|d| d.outcomes.iter()) {
        if let Destination::Stage(target) = &o.leads_to {
            if map.stage(target).is_none() && Some(target) != adding {
                return Err(EditError::DanglingOutcome(target.clone()));
            }
        }
    }
    Ok(())
}

/// Undo and redo stacks for one map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// How many steps are kept.
    pub const LIMIT: usize = 200;

    /// Applies a new edit; clears the redo stack.
    pub fn apply(&mut self, map: &mut JourneyMap, edit: Edit) -> Result<(), EditError> {
        let inverse = apply(map, edit)?;
        self.record(inverse);
        Ok(())
    }

    /// Records an edit made without [`apply`], as its inverse (what undoes it).
    pub fn record(&mut self, inverse: Edit) {
        self.undo.push(inverse);
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes the last edit. Returns false when there is nothing to undo.
    pub fn undo(&mut self, map: &mut JourneyMap) -> Result<bool, EditError> {
        let Some(edit) = self.undo.pop() else {
            return Ok(false);
        };
        match apply(map, edit.clone()) {
            Ok(inverse) => {
                self.redo.push(inverse);
                Ok(true)
            }
            Err(e) => {
                self.undo.push(edit);
                Err(e)
            }
        }
    }

    /// Redoes the last undone edit. Returns false when there is nothing to redo.
    pub fn redo(&mut self, map: &mut JourneyMap) -> Result<bool, EditError> {
        let Some(edit) = self.redo.pop() else {
            return Ok(false);
        };
        match apply(map, edit.clone()) {
            Ok(inverse) => {
                self.undo.push(inverse);
                Ok(true)
            }
            Err(e) => {
                self.redo.push(edit);
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{CardKind, Department, Outcome, SourceModel};
    // Persona, Emotion, ContentAsset, Handoff and Lane come from `super::*`.
    use jiff::Timestamp;

    fn stage(id: &str) -> Stage {
        Stage {
            id: Id::from(id),
            name: Text::from(id),
            description: Text::default(),
            decision: None,
        }
    }

    /// Three stages a, b, c; b decides: yes → c, back → a; two cards in a and b.
    fn sample() -> JourneyMap {
        let mut map = JourneyMap::new(Text::from("m"), SourceModel::Blank, Timestamp::UNIX_EPOCH);
        map.id = Id::from("m");
        map.stages = vec![stage("a"), stage("b"), stage("c")];
        map.stages[1].decision = Some(DecisionPoint {
            question: Text::from("?"),
            outcomes: vec![
                Outcome {
                    id: Id::from("yes"),
                    name: Text::from("yes"),
                    leads_to: Destination::Stage(Id::from("c")),
                },
                Outcome {
                    id: Id::from("back"),
                    name: Text::from("back"),
                    leads_to: Destination::Stage(Id::from("a")),
                },
            ],
        });
        let tp = map.lane_for(CardKind::Touchpoint).unwrap().clone();
        let mut c1 = Card::new(Id::from("a"), &tp, "site");
        c1.id = Id::from("c1");
        let mut c2 = Card::new(Id::from("b"), &tp, "demo");
        c2.id = Id::from("c2");
        let mut c3 = Card::new(Id::from("a"), &tp, "blog");
        c3.id = Id::from("c3");
        map.cards = vec![c1, c2, c3];
        map.departments = vec![Department {
            id: Id::from("sales"),
            name: Text::from("Sales"),
            owns: vec![Id::from("b"), Id::from("c")],
            contributes: Vec::new(),
        }];
        map
    }

    fn ids(map: &JourneyMap) -> Vec<&str> {
        map.stages.iter().map(|s| s.id.as_str()).collect()
    }

    fn card_ids(map: &JourneyMap) -> Vec<&str> {
        map.cards.iter().map(|c| c.id.as_str()).collect()
    }

    /// The sample plus two personas, an emotion, a content asset used by touchpoint c1, a second
    /// department and a hand-off.
    fn rich() -> JourneyMap {
        let mut map = sample();
        for id in ["cfo", "it"] {
            map.personas.push(Persona {
                id: Id::from(id),
                name: Text::from(id),
                description: Text::default(),
            });
        }
        map.emotions.push(Emotion {
            persona: Id::from("cfo"),
            stage: Id::from("a"),
            score: 1,
            note: String::new(),
        });
        map.content.push(ContentAsset {
            id: Id::from("x1"),
            title: Text::from("Case study"),
            kind: crate::domain::model::ContentKind::CaseStudy,
            stage: Id::from("a"),
            persona: Some(Id::from("cfo")),
            question: "Who else did it?".into(),
        });
        map.cards[0].touchpoint.as_mut().unwrap().asset = Some(Id::from("x1"));
        map.cards[0].persona = Some(Id::from("cfo"));
        map.departments.push(Department {
            id: Id::from("mkt"),
            name: Text::from("Marketing"),
            owns: vec![Id::from("a")],
            contributes: vec![Id::from("b")],
        });
        map.cards[0].touchpoint.as_mut().unwrap().department = Some(Id::from("mkt"));
        map.handoffs.push(Handoff {
            from: Id::from("mkt"),
            to: Id::from("sales"),
            sla: "MQL called within 2 days".into(),
        });
        map
    }

    /// Applies an edit, checks it changed the map, then undoes and redoes it through History.
    fn round_trip(edit: Edit) -> JourneyMap {
        round_trip_on(sample(), edit)
    }

    fn round_trip_on(original: JourneyMap, edit: Edit) -> JourneyMap {
        let mut map = original.clone();
        let mut h = History::default();
        h.apply(&mut map, edit).unwrap();
        let edited = map.clone();
        assert_ne!(edited, original, "the edit changed nothing");
        assert!(h.undo(&mut map).unwrap());
        assert_eq!(map, original, "undo did not restore the map");
        assert!(h.redo(&mut map).unwrap());
        assert_eq!(map, edited, "redo did not give the edited map");
        edited
    }

    #[test]
    fn rename_map() {
        let m = round_trip(Edit::RenameMap {
            name: Text::from("new"),
        });
        assert_eq!(m.name, Text::from("new"));
    }

    #[test]
    fn set_rules_and_back_to_defaults() {
        let m = round_trip(Edit::SetRules {
            rules: Some("warm at 20".into()),
        });
        assert_eq!(m.rules.as_deref(), Some("warm at 20"));
        let mut m2 = m.clone();
        let inverse = apply(&mut m2, Edit::SetRules { rules: None }).unwrap();
        assert_eq!(m2.rules, None);
        assert_eq!(
            inverse,
            Edit::SetRules {
                rules: Some("warm at 20".into())
            }
        );
    }

    #[test]
    fn set_metric_settings_checks_the_stages_it_names() {
        use crate::domain::metrics::{MetricSettings, ServiceLevel};
        let base = sample();
        let first = base.stages[0].id.clone();
        let second = base.stages[1].id.clone();
        let settings = MetricSettings {
            min_records: 10,
            client_stage: Some(second.clone().cast()),
            service_levels: vec![ServiceLevel {
                from: first.clone().cast(),
                to: second.clone().cast(),
                days: 5,
            }],
            ..MetricSettings::default()
        };
        let m = round_trip(Edit::SetMetricSettings {
            settings: settings.clone(),
        });
        assert_eq!(m.metrics, settings);
        let mut bad = settings.clone();
        bad.service_levels[0].to = Id::from("nowhere");
        let mut m2 = base.clone();
        assert_eq!(
            apply(&mut m2, Edit::SetMetricSettings { settings: bad }),
            Err(EditError::NoStage(Id::from("nowhere")))
        );
        assert_eq!(m2, base);
        let mut bad = settings;
        bad.client_stage = Some(Id::from("gone"));
        assert!(apply(&mut m2, Edit::SetMetricSettings { settings: bad }).is_err());
    }

    #[test]
    fn set_circular() {
        assert!(round_trip(Edit::SetCircular { circular: true }).circular);
    }

    #[test]
    fn insert_stage_in_the_middle_and_past_the_end() {
        let m = round_trip(Edit::InsertStage {
            index: 1,
            stage: stage("x"),
        });
        assert_eq!(ids(&m), ["a", "x", "b", "c"]);
        let m = round_trip(Edit::InsertStage {
            index: 99,
            stage: stage("x"),
        });
        assert_eq!(ids(&m), ["a", "b", "c", "x"]);
    }

    #[test]
    fn insert_stage_rejects_a_used_id() {
        let mut map = sample();
        let err = apply(
            &mut map,
            Edit::InsertStage {
                index: 0,
                stage: stage("b"),
            },
        )
        .unwrap_err();
        assert_eq!(err, EditError::DuplicateId(Id::from("b")));
        assert_eq!(map, sample());
    }

    #[test]
    fn remove_stage_takes_its_cards_redirects_outcomes_and_ownership_and_undo_restores_all() {
        let m = round_trip(Edit::RemoveStage { id: Id::from("a") });
        assert_eq!(ids(&m), ["b", "c"]);
        assert_eq!(card_ids(&m), ["c2"]);
        let back = &m.stages[0].decision.as_ref().unwrap().outcomes[1];
        assert_eq!(back.leads_to, Destination::Exit);
        let m = round_trip(Edit::RemoveStage { id: Id::from("c") });
        assert_eq!(m.departments[0].owns, [Id::from("b")]);
    }

    #[test]
    fn remove_missing_stage_is_an_error() {
        let mut map = sample();
        assert_eq!(
            apply(&mut map, Edit::RemoveStage { id: Id::from("zz") }),
            Err(EditError::NoStage(Id::from("zz")))
        );
    }

    #[test]
    fn update_stage() {
        let m = round_trip(Edit::UpdateStage {
            id: Id::from("b"),
            name: Text::from("Bee"),
            description: Text::from("second"),
        });
        assert_eq!(m.stages[1].name, Text::from("Bee"));
        assert_eq!(m.stages[1].description, Text::from("second"));
    }

    #[test]
    fn move_stage_forward_and_back() {
        let m = round_trip(Edit::MoveStage {
            id: Id::from("a"),
            to: 2,
        });
        assert_eq!(ids(&m), ["b", "c", "a"]);
        let m = round_trip(Edit::MoveStage {
            id: Id::from("c"),
            to: 0,
        });
        assert_eq!(ids(&m), ["c", "a", "b"]);
    }

    #[test]
    fn set_and_clear_decision() {
        let m = round_trip(Edit::SetDecision {
            stage: Id::from("b"),
            decision: None,
        });
        assert!(m.stages[1].decision.is_none());
        let d = DecisionPoint {
            question: Text::from("go?"),
            outcomes: vec![Outcome {
                id: Id::from("out"),
                name: Text::from("no way"),
                leads_to: Destination::Exit,
            }],
        };
        let m = round_trip(Edit::SetDecision {
            stage: Id::from("a"),
            decision: Some(d.clone()),
        });
        assert_eq!(m.stages[0].decision, Some(d));
    }

    #[test]
    fn decision_to_a_missing_stage_is_rejected() {
        let mut map = sample();
        let d = DecisionPoint {
            question: Text::from("?"),
            outcomes: vec![Outcome {
                id: Id::from("o"),
                name: Text::from("o"),
                leads_to: Destination::Stage(Id::from("nowhere")),
            }],
        };
        assert_eq!(
            apply(
                &mut map,
                Edit::SetDecision {
                    stage: Id::from("a"),
                    decision: Some(d)
                }
            ),
            Err(EditError::DanglingOutcome(Id::from("nowhere")))
        );
        assert_eq!(map, sample());
    }

    #[test]
    fn insert_update_and_remove_card() {
        let map = sample();
        let lane = map.lane_for(CardKind::PainPoint).unwrap().clone();
        let mut card = Card::new(Id::from("c"), &lane, "too slow");
        card.id = Id::from("c9");
        let m = round_trip(Edit::InsertCard {
            index: 1,
            card: card.clone(),
        });
        assert_eq!(card_ids(&m), ["c1", "c9", "c2", "c3"]);
        assert!(card.touchpoint.is_none());

        let mut c2 = map.card(&Id::from("c2")).unwrap().clone();
        c2.title = Text::from("live demo");
        c2.touchpoint.as_mut().unwrap().channel = "video call".into();
        let m = round_trip(Edit::UpdateCard { card: c2 });
        let got = m.card(&Id::from("c2")).unwrap();
        assert_eq!(got.title, Text::from("live demo"));
        assert_eq!(got.touchpoint.as_ref().unwrap().channel, "video call");

        let m = round_trip(Edit::RemoveCard { id: Id::from("c1") });
        assert_eq!(card_ids(&m), ["c2", "c3"]);
    }

    #[test]
    fn card_in_a_missing_lane_is_rejected() {
        let mut map = sample();
        let mut card = map.cards[0].clone();
        card.id = Id::from("new");
        card.lane = Id::from("nope");
        assert_eq!(
            apply(&mut map, Edit::InsertCard { index: 0, card }),
            Err(EditError::NoLane(Id::from("nope")))
        );
    }

    #[test]
    fn move_card_within_a_cell_and_to_another_stage() {
        // c3 before c1: reorders the two cards of stage a.
        let m = round_trip(Edit::MoveCard {
            id: Id::from("c3"),
            stage: Id::from("a"),
            lane: Id::from("touchpoint"),
            before: Some(Id::from("c1")),
        });
        assert_eq!(card_ids(&m), ["c3", "c1", "c2"]);
        // c1 to stage c, pain-point lane, at the end.
        let m = round_trip(Edit::MoveCard {
            id: Id::from("c1"),
            stage: Id::from("c"),
            lane: Id::from("pain_point"),
            before: None,
        });
        let c1 = m.card(&Id::from("c1")).unwrap();
        assert_eq!((c1.stage.as_str(), c1.lane.as_str()), ("c", "pain_point"));
        assert_eq!(card_ids(&m), ["c2", "c3", "c1"]);
    }

    #[test]
    fn history_undo_redo_sequence_and_new_edit_clears_redo() {
        let mut map = sample();
        let mut h = History::default();
        assert!(!h.undo(&mut map).unwrap());
        h.apply(
            &mut map,
            Edit::RenameMap {
                name: Text::from("1"),
            },
        )
        .unwrap();
        h.apply(&mut map, Edit::RemoveStage { id: Id::from("b") })
            .unwrap();
        assert!(h.undo(&mut map).unwrap());
        assert!(h.undo(&mut map).unwrap());
        assert_eq!(map, sample());
        assert!(h.can_redo());
        h.redo(&mut map).unwrap();
        assert_eq!(map.name, Text::from("1"));
        h.apply(&mut map, Edit::SetCircular { circular: true })
            .unwrap();
        assert!(!h.can_redo());
        assert!(!h.redo(&mut map).unwrap());
    }

    #[test]
    fn history_is_bounded() {
        let mut map = sample();
        let mut h = History::default();
        for i in 0..History::LIMIT + 10 {
            h.apply(
                &mut map,
                Edit::RenameMap {
                    name: Text::from(i.to_string().as_str()),
                },
            )
            .unwrap();
        }
        let mut n = 0;
        while h.undo(&mut map).unwrap() {
            n += 1;
        }
        assert_eq!(n, History::LIMIT);
        assert_eq!(map.name, Text::from("9"));
    }

    #[test]
    fn remove_stage_also_drops_its_emotions_assets_and_responsibilities_and_undo_restores_them() {
        let m = round_trip_on(rich(), Edit::RemoveStage { id: Id::from("a") });
        assert!(m.emotions.is_empty());
        assert!(m.content.is_empty());
        assert!(m
            .departments
            .iter()
            .all(|d| !d.owns.contains(&Id::from("a"))));
        assert_eq!(m.departments[1].contributes, vec![Id::from("b")]);
        let m = round_trip_on(rich(), Edit::RemoveStage { id: Id::from("b") });
        assert!(m.departments[1].contributes.is_empty());
        assert_eq!(m.stages[0].decision, None);
    }

    #[test]
    fn insert_move_update_and_remove_a_lane() {
        let lane = Lane {
            id: Id::from("dmu"),
            name: Text::from("Committee"),
            kind: CardKind::BuyingRole,
            hidden: false,
        };
        let m = round_trip(Edit::InsertLane { index: 1, lane });
        assert_eq!(m.lanes[1].id, Id::from("dmu"));
        let mut m2 = m.clone();
        assert_eq!(
            apply(
                &mut m2,
                Edit::InsertLane {
                    index: 0,
                    lane: m.lanes[1].clone()
                }
            ),
            Err(EditError::DuplicateId(Id::from("dmu")))
        );
        let m = round_trip(Edit::MoveLane {
            id: Id::from("touchpoint"),
            to: 99,
        });
        assert_eq!(m.lanes.last().unwrap().id, Id::from("touchpoint"));
        let m = round_trip(Edit::UpdateLane {
            id: Id::from("note"),
            name: Text::from("Remarks"),
            hidden: true,
        });
        let note = m.lane(&Id::from("note")).unwrap();
        assert_eq!(
            (note.name.clone(), note.hidden),
            (Text::from("Remarks"), true)
        );
        let m = round_trip(Edit::RemoveLane {
            id: Id::from("touchpoint"),
        });
        assert!(m.lane(&Id::from("touchpoint")).is_none());
        assert!(m.cards.is_empty(), "its cards go with it");
        assert_eq!(
            apply(&mut sample(), Edit::RemoveLane { id: Id::from("x") }),
            Err(EditError::NoLane(Id::from("x")))
        );
    }

    #[test]
    fn personas_insert_update_and_remove_with_their_emotions_and_links() {
        let p = Persona {
            id: Id::from("ceo"),
            name: Text::from("CEO"),
            description: Text::default(),
        };
        let m = round_trip_on(
            rich(),
            Edit::InsertPersona {
                index: 0,
                persona: p,
            },
        );
        assert_eq!(m.personas[0].id, Id::from("ceo"));
        let m = round_trip_on(
            rich(),
            Edit::UpdatePersona {
                persona: Persona {
                    id: Id::from("it"),
                    name: Text::from("IT lead"),
                    description: Text::from("runs the pilot"),
                },
            },
        );
        assert_eq!(m.personas[1].name, Text::from("IT lead"));
        let m = round_trip_on(
            rich(),
            Edit::RemovePersona {
                id: Id::from("cfo"),
            },
        );
        assert_eq!(m.personas.len(), 1);
        assert!(m.emotions.is_empty());
        assert_eq!(m.cards[0].persona, None);
        assert_eq!(m.content[0].persona, None);
        assert_eq!(
            apply(&mut rich(), Edit::RemovePersona { id: Id::from("x") }),
            Err(EditError::NoPersona(Id::from("x")))
        );
    }

    #[test]
    fn set_change_and_clear_an_emotion() {
        let set = |stage: &str, e: Option<(i8, &str)>| Edit::SetEmotion {
            persona: Id::from("cfo"),
            stage: Id::from(stage),
            emotion: e.map(|(s, n)| (s, n.to_owned())),
        };
        let m = round_trip_on(rich(), set("b", Some((-2, "slow answers"))));
        assert_eq!(
            m.emotion(&Id::from("cfo"), &Id::from("b")).unwrap().score,
            -2
        );
        let m = round_trip_on(rich(), set("a", Some((2, ""))));
        assert_eq!(m.emotions.len(), 1);
        assert_eq!(m.emotions[0].score, 2);
        let m = round_trip_on(rich(), set("a", None));
        assert!(m.emotions.is_empty());
        let mut m = rich();
        assert_eq!(
            apply(&mut m, set("a", Some((3, "")))),
            Err(EditError::EmotionOutOfRange(3))
        );
        assert_eq!(
            apply(&mut m, set("zz", Some((1, "")))),
            Err(EditError::NoStage(Id::from("zz")))
        );
        assert_eq!(m, rich(), "a rejected emotion changes nothing");
    }

    #[test]
    fn departments_responsibilities_and_removal() {
        let d = Department {
            id: Id::from("svc"),
            name: Text::from("Service"),
            owns: vec![Id::from("c")],
            contributes: Vec::new(),
        };
        let m = round_trip_on(
            rich(),
            Edit::InsertDepartment {
                index: 9,
                department: d,
            },
        );
        assert_eq!(m.departments[2].id, Id::from("svc"));
        let sales = rich().departments[0].with_responsibility(
            &Id::from("a"),
            crate::domain::model::Responsibility::Contributes,
        );
        let m = round_trip_on(rich(), Edit::UpdateDepartment { department: sales });
        assert_eq!(
            m.departments[0].responsibility(&Id::from("a")),
            crate::domain::model::Responsibility::Contributes
        );
        let bad = Department {
            owns: vec![Id::from("ghost")],
            ..rich().departments[0].clone()
        };
        assert_eq!(
            apply(&mut rich(), Edit::UpdateDepartment { department: bad }),
            Err(EditError::NoStage(Id::from("ghost")))
        );
        let m = round_trip_on(
            rich(),
            Edit::RemoveDepartment {
                id: Id::from("mkt"),
            },
        );
        assert_eq!(m.departments.len(), 1);
        assert!(m.handoffs.is_empty(), "its hand-offs go with it");
        assert_eq!(m.cards[0].touchpoint.as_ref().unwrap().department, None);
    }

    #[test]
    fn set_replace_and_clear_a_handoff_sla() {
        let set = |from: &str, to: &str, sla: &str| Edit::SetHandoff {
            from: Id::from(from),
            to: Id::from(to),
            sla: sla.into(),
        };
        let m = round_trip_on(
            rich(),
            set("sales", "mkt", "Rejected leads back within 5 days"),
        );
        assert_eq!(m.handoffs.len(), 2);
        let m = round_trip_on(rich(), set("mkt", "sales", "Within 1 day"));
        assert_eq!(
            m.handoff(&Id::from("mkt"), &Id::from("sales")).unwrap().sla,
            "Within 1 day"
        );
        let m = round_trip_on(rich(), set("mkt", "sales", "  "));
        assert!(
            m.handoffs.is_empty(),
            "an empty SLA removes the hand-off text"
        );
        assert_eq!(
            apply(&mut rich(), set("mkt", "mkt", "x")),
            Err(EditError::SelfHandoff)
        );
        assert_eq!(
            apply(&mut rich(), set("mkt", "ghost", "x")),
            Err(EditError::NoDepartment(Id::from("ghost")))
        );
    }

    #[test]
    fn content_assets_insert_update_remove_and_unlink() {
        let asset = ContentAsset {
            id: Id::from("x2"),
            title: Text::from("ROI tool"),
            kind: crate::domain::model::ContentKind::Tool,
            stage: Id::from("b"),
            persona: None,
            question: String::new(),
        };
        let m = round_trip_on(
            rich(),
            Edit::InsertAsset {
                index: 5,
                asset: asset.clone(),
            },
        );
        assert_eq!(m.content[1].id, Id::from("x2"));
        let moved = ContentAsset {
            stage: Id::from("c"),
            ..rich().content[0].clone()
        };
        let m = round_trip_on(rich(), Edit::UpdateAsset { asset: moved });
        assert_eq!(m.content[0].stage, Id::from("c"));
        let lost = ContentAsset {
            stage: Id::from("ghost"),
            ..asset
        };
        assert_eq!(
            apply(
                &mut rich(),
                Edit::InsertAsset {
                    index: 0,
                    asset: lost
                }
            ),
            Err(EditError::NoStage(Id::from("ghost")))
        );
        let m = round_trip_on(rich(), Edit::RemoveAsset { id: Id::from("x1") });
        assert!(m.content.is_empty());
        assert_eq!(m.cards[0].touchpoint.as_ref().unwrap().asset, None);
    }

    #[test]
    fn card_fields_are_checked_span_persona_asset() {
        let mut card = rich().cards[1].clone();
        card.span = 2;
        card.persona = Some(Id::from("it"));
        card.evidence = crate::domain::model::Evidence::Observed;
        let m = round_trip_on(rich(), Edit::UpdateCard { card: card.clone() });
        assert_eq!(m.card_stages(&m.cards[1]), 1..3);
        card.span = 4;
        assert_eq!(
            apply(&mut rich(), Edit::UpdateCard { card: card.clone() }),
            Err(EditError::BadSpan { found: 4, max: 3 })
        );
        card.span = 0;
        assert!(apply(&mut rich(), Edit::UpdateCard { card: card.clone() }).is_err());
        card.span = 1;
        card.persona = Some(Id::from("nobody"));
        assert_eq!(
            apply(&mut rich(), Edit::UpdateCard { card: card.clone() }),
            Err(EditError::NoPersona(Id::from("nobody")))
        );
        card.persona = None;
        card.touchpoint.as_mut().unwrap().asset = Some(Id::from("nope"));
        assert_eq!(
            apply(&mut rich(), Edit::UpdateCard { card }),
            Err(EditError::NoAsset(Id::from("nope")))
        );
    }

    #[test]
    fn a_span_past_the_last_stage_ends_there() {
        let mut m = rich();
        m.cards[1].span = 3; // starts at b, the second of three stages
        assert_eq!(m.card_stages(&m.cards[1]), 1..3);
    }

    #[test]
    fn removing_stages_under_a_spanning_card_shrinks_it_and_undo_restores_it() {
        let mut map = sample();
        map.cards[0].span = 3; // c1 in a, across a, b, c
        map.cards[1].span = 2; // c2 in b, across b, c
        let mut h = History::default();
        h.apply(&mut map, Edit::RemoveStage { id: Id::from("c") })
            .unwrap();
        assert_eq!((map.cards[0].span, map.cards[1].span), (2, 1));
        h.apply(&mut map, Edit::RemoveStage { id: Id::from("b") })
            .unwrap();
        assert_eq!(card_ids(&map), ["c1", "c3"]);
        assert_eq!(map.cards[0].span, 1);
        assert_eq!(document::validate(&map), Ok(()));
        // The last stage under a card: the card goes with it, and the map stays valid.
        h.apply(&mut map, Edit::RemoveStage { id: Id::from("a") })
            .unwrap();
        assert_eq!(document::validate(&map), Ok(()));
        for _ in 0..3 {
            h.undo(&mut map).unwrap();
        }
        assert_eq!((map.cards[0].span, map.cards[1].span), (3, 2));
    }

    #[test]
    fn an_edit_past_the_file_format_limits_is_refused_and_changes_nothing() {
        let map = sample();
        let refused = |edit: Edit| {
            let mut m = map.clone();
            let err = apply(&mut m, edit).unwrap_err();
            assert_eq!(m, map, "a refused edit changes nothing");
            err
        };
        let long = "x".repeat(document::limits::TEXT_CHARS + 1);
        assert!(matches!(
            refused(Edit::RenameMap {
                name: Text::User(long.clone())
            }),
            EditError::Invalid(ImportError::TextTooLong {
                what: document::Entity::Map,
                chars: 10_001,
                ..
            })
        ));
        assert!(matches!(
            refused(Edit::SetRules {
                rules: Some("# r\n".repeat(document::limits::RULES_CHARS / 4 + 1))
            }),
            EditError::Invalid(ImportError::TextTooLong { .. })
        ));
        assert!(matches!(
            refused(Edit::SetRules {
                rules: Some(format!("stage a when {}x = 1", "not ".repeat(65)))
            }),
            EditError::Invalid(ImportError::BadRules { line: 1, .. })
        ));
        let mut card = map.cards[0].clone();
        card.detail = long.clone();
        assert!(matches!(
            refused(Edit::UpdateCard { card }),
            EditError::Invalid(ImportError::TextTooLong {
                what: document::Entity::Card,
                ..
            })
        ));
        assert!(matches!(
            refused(Edit::UpdateStage {
                id: Id::from("a"),
                name: Text::from("a"),
                description: Text::User(long.clone()),
            }),
            EditError::Invalid(ImportError::TextTooLong {
                what: document::Entity::Stage,
                ..
            })
        ));
        assert!(matches!(
            refused(Edit::SetHandoff {
                from: Id::from("sales"),
                to: Id::from("sales2"),
                sla: long,
            }),
            EditError::NoDepartment(_) | EditError::Invalid(_)
        ));
        // At the limit it is fine.
        let mut m = map.clone();
        apply(
            &mut m,
            Edit::RenameMap {
                name: Text::User("x".repeat(document::limits::TEXT_CHARS)),
            },
        )
        .unwrap();
        // The 20,001st card is refused.
        let mut full = map.clone();
        let lane = full.lanes[0].clone();
        while full.cards.len() < document::limits::CARDS {
            let c = Card::new(Id::from("a"), &lane, "c");
            full.cards.push(c);
        }
        let before = full.clone();
        let err = apply(
            &mut full,
            Edit::InsertCard {
                index: 0,
                card: Card::new(Id::from("a"), &lane, "one more"),
            },
        )
        .unwrap_err();
        assert!(matches!(
            err,
            EditError::Invalid(ImportError::TooMany { .. })
        ));
        assert_eq!(full, before);
    }
}

/// Whatever edits a user makes, in whatever order, the map stays one the loader accepts, and
/// undoing them all gives the map back.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::domain::document::{limits, validate};
    use crate::domain::model::{CardKind, ContentKind, Outcome, SourceModel};
    use jiff::Timestamp;
    use proptest::prelude::*;

    /// Ids drawn from a small pool, so that edits hit existing things as often as missing ones.
    fn id<T: 'static>() -> impl Strategy<Value = Id<T>> {
        prop_oneof![
            (0..6u8).prop_map(|i| Id::new(format!("s{i}"))),
            (0..6u8).prop_map(|i| Id::new(format!("c{i}"))),
            (0..3u8).prop_map(|i| Id::new(format!("p{i}"))),
            (0..3u8).prop_map(|i| Id::new(format!("d{i}"))),
            (0..3u8).prop_map(|i| Id::new(format!("a{i}"))),
            Just(Id::new(String::new())),
            Just(Id::new("touchpoint")),
            Just(Id::new("pain_point")),
        ]
    }

    /// Texts from empty to just past the limit.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[a-z ]{0,12}",
            1 => Just("x".repeat(limits::TEXT_CHARS)),
            1 => Just("y".repeat(limits::TEXT_CHARS + 1)),
        ]
    }

    fn rules() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            Just(Some("stage s0 when x = 1".to_owned())),
            Just(Some("stage s0 when".to_owned())),
            Just(Some(format!(
                "stage s0 when {}x = 1{}",
                "(".repeat(70),
                ")".repeat(70)
            ))),
            Just(Some("# r\n".repeat(limits::RULES_CHARS / 4 + 1))),
        ]
    }

    fn card() -> impl Strategy<Value = Card> {
        (id(), id(), id(), text(), 0..8u16, prop::option::of(id())).prop_map(
            |(id, stage, lane, title, span, persona)| {
                let mut c = Card::plain(id, stage, lane, Text::User(title));
                c.span = span;
                c.persona = persona;
                c
            },
        )
    }

    fn stage() -> impl Strategy<Value = Stage> {
        (id(), text(), text(), any::<bool>(), id()).prop_map(
            |(id, name, description, decides, to)| Stage {
                id,
                name: Text::User(name),
                description: Text::User(description),
                decision: decides.then(|| DecisionPoint {
                    question: Text::from("?"),
                    outcomes: vec![Outcome {
                        id: Id::from("o"),
                        name: Text::from("o"),
                        leads_to: Destination::Stage(to),
                    }],
                }),
            },
        )
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            text().prop_map(|n| Edit::RenameMap {
                name: Text::User(n)
            }),
            rules().prop_map(|rules| Edit::SetRules { rules }),
            (0..8usize, stage()).prop_map(|(index, stage)| Edit::InsertStage { index, stage }),
            id().prop_map(|id| Edit::RemoveStage { id }),
            (id(), text(), text()).prop_map(|(id, n, d)| Edit::UpdateStage {
                id,
                name: Text::User(n),
                description: Text::User(d),
            }),
            (id(), 0..8usize).prop_map(|(id, to)| Edit::MoveStage { id, to }),
            stage().prop_map(|s| Edit::SetDecision {
                stage: s.id,
                decision: s.decision,
            }),
            (0..8usize, card()).prop_map(|(index, card)| Edit::InsertCard { index, card }),
            card().prop_map(|card| Edit::UpdateCard { card }),
            id().prop_map(|id| Edit::RemoveCard { id }),
            (id(), id(), id(), prop::option::of(id())).prop_map(|(id, stage, lane, before)| {
                Edit::MoveCard {
                    id,
                    stage,
                    lane,
                    before,
                }
            }),
            (id(), text()).prop_map(|(id, name)| Edit::InsertLane {
                index: 0,
                lane: Lane {
                    id,
                    name: Text::User(name),
                    kind: CardKind::Note,
                    hidden: false,
                },
            }),
            id().prop_map(|id| Edit::RemoveLane { id }),
            (id(), text(), any::<bool>()).prop_map(|(id, name, hidden)| Edit::UpdateLane {
                id,
                name: Text::User(name),
                hidden,
            }),
            (id(), text()).prop_map(|(id, name)| Edit::InsertPersona {
                index: 0,
                persona: Persona {
                    id,
                    name: Text::User(name),
                    description: Text::default(),
                },
            }),
            id().prop_map(|id| Edit::RemovePersona { id }),
            (id(), id(), prop::option::of((-3..4i8, text()))).prop_map(
                |(persona, stage, emotion)| Edit::SetEmotion {
                    persona,
                    stage,
                    emotion,
                }
            ),
            (id(), text(), id()).prop_map(|(id, name, owns)| Edit::InsertDepartment {
                index: 0,
                department: Department {
                    id,
                    name: Text::User(name),
                    owns: vec![owns],
                    contributes: Vec::new(),
                },
            }),
            id().prop_map(|id| Edit::RemoveDepartment { id }),
            (id(), id(), text()).prop_map(|(from, to, sla)| Edit::SetHandoff { from, to, sla }),
            (id(), text(), id(), text()).prop_map(|(id, title, stage, question)| {
                Edit::InsertAsset {
                    index: 0,
                    asset: ContentAsset {
                        id,
                        title: Text::User(title),
                        kind: ContentKind::Video,
                        stage,
                        persona: None,
                        question,
                    },
                }
            }),
            id().prop_map(|id| Edit::RemoveAsset { id }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn any_sequence_of_edits_leaves_a_map_the_loader_accepts(
            edits in prop::collection::vec(edit(), 1..40)
        ) {
            let start = crate::domain::template::build(SourceModel::Hinge, Timestamp::UNIX_EPOCH);
            let mut map = start.clone();
            let mut history = History::default();
            let mut applied = 0;
            for e in edits {
                let before = map.clone();
                match history.apply(&mut map, e) {
                    Ok(()) => applied += 1,
                    // A refused edit changes nothing.
                    Err(_) => prop_assert_eq!(&map, &before),
                }
                prop_assert_eq!(validate(&map), Ok(()));
            }
            for _ in 0..applied {
                prop_assert!(history.undo(&mut map).unwrap());
                prop_assert_eq!(validate(&map), Ok(()));
            }
            prop_assert_eq!(map, start);
        }
    }
}
