//! The words and symbols for what the comparison of two versions found (see
//! [`crate::domain::compare`]), in the UI language. Every mark has a symbol and a word, never
//! colour alone.

use leptos_i18n::I18nContext;

use crate::domain::compare::{AssetField, CardField, CardMark, MapChange, Route, StageChange};
use crate::domain::Responsibility;
use crate::i18n::*;

type I18n = I18nContext<Locale>;

pub const ADDED: &str = "＋";
pub const REMOVED: &str = "−";
pub const CHANGED: &str = "✎";
pub const MOVED: &str = "→";

/// How a changed item is marked: its symbol, its word, and what else to say (fields, stage).
pub struct Mark {
    pub slug: &'static str,
    pub symbol: &'static str,
    pub word: String,
    pub detail: Option<String>,
}

fn card_field(i18n: I18n, f: CardField) -> String {
    match f {
        CardField::Title => t_string!(i18n, compare_field_title),
        CardField::Detail => t_string!(i18n, compare_field_detail),
        CardField::Lane => t_string!(i18n, compare_field_lane),
        CardField::Span => t_string!(i18n, compare_field_span),
        CardField::Evidence => t_string!(i18n, compare_field_evidence),
        CardField::Persona => t_string!(i18n, compare_field_persona),
        CardField::Severity => t_string!(i18n, compare_field_severity),
        CardField::Owner => t_string!(i18n, compare_field_owner),
        CardField::Status => t_string!(i18n, compare_field_status),
        CardField::Expects => t_string!(i18n, compare_field_expects),
        CardField::Method => t_string!(i18n, compare_field_method),
        CardField::Channel => t_string!(i18n, compare_field_channel),
        CardField::Presence => t_string!(i18n, compare_field_presence),
        CardField::Department => t_string!(i18n, compare_field_department),
        CardField::Content => t_string!(i18n, compare_field_content),
        CardField::Asset => t_string!(i18n, compare_field_asset),
    }
    .to_string()
}

fn asset_field(i18n: I18n, f: AssetField) -> String {
    match f {
        AssetField::Title => t_string!(i18n, compare_field_title),
        AssetField::Kind => t_string!(i18n, compare_field_kind),
        AssetField::Persona => t_string!(i18n, compare_field_persona),
        AssetField::Question => t_string!(i18n, compare_field_question),
    }
    .to_string()
}

/// "title, severity".
fn card_fields(i18n: I18n, fields: &[CardField]) -> String {
    fields
        .iter()
        .map(|&f| card_field(i18n, f))
        .collect::<Vec<_>>()
        .join(", ")
}

fn changed_fields(i18n: I18n, fields: &[CardField]) -> Option<String> {
    (!fields.is_empty())
        .then(|| t_string!(i18n, compare_fields, fields = card_fields(i18n, fields)).to_string())
}

/// The mark of a card in one column; `None` when it did not change.
pub fn card_mark(i18n: I18n, mark: &CardMark) -> Option<Mark> {
    let m = match mark {
        CardMark::Same => return None,
        CardMark::Added => Mark {
            slug: "added",
            symbol: ADDED,
            word: t_string!(i18n, compare_added).to_string(),
            detail: None,
        },
        CardMark::Removed => Mark {
            slug: "removed",
            symbol: REMOVED,
            word: t_string!(i18n, compare_removed).to_string(),
            detail: None,
        },
        CardMark::Changed(fields) => Mark {
            slug: "changed",
            symbol: CHANGED,
            word: t_string!(i18n, compare_changed).to_string(),
            detail: changed_fields(i18n, fields),
        },
        CardMark::MovedIn { from, fields } => Mark {
            slug: "moved",
            symbol: MOVED,
            word: t_string!(i18n, compare_moved_in, stage = from.clone()).to_string(),
            detail: changed_fields(i18n, fields),
        },
        CardMark::MovedOut { to, fields } => Mark {
            slug: "moved",
            symbol: MOVED,
            word: t_string!(i18n, compare_moved_out, stage = to.clone()).to_string(),
            detail: changed_fields(i18n, fields),
        },
    };
    Some(m)
}

fn route(i18n: I18n, r: &Route) -> String {
    match r {
        Route::Stage(name) => name.clone(),
        Route::Exit => t_string!(i18n, compare_route_exit).to_string(),
    }
}

fn level(i18n: I18n, r: Responsibility) -> String {
    match r {
        Responsibility::Owns => t_string!(i18n, compare_resp_owns),
        Responsibility::Contributes => t_string!(i18n, compare_resp_contributes),
        Responsibility::None => t_string!(i18n, compare_resp_none),
    }
    .to_string()
}

fn score(i18n: I18n, s: Option<i8>) -> String {
    match s {
        None => t_string!(i18n, compare_not_set).to_string(),
        Some(n) if n > 0 => format!("+{n}"),
        Some(n) if n < 0 => format!("−{}", n.unsigned_abs()),
        Some(n) => n.to_string(),
    }
}

/// The symbol and sentence of a change to a stage.
pub fn stage_change(i18n: I18n, c: &StageChange) -> (&'static str, String) {
    use StageChange as C;
    match c {
        C::Renamed { from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_stage_renamed,
                from = from.clone(),
                to = to.clone()
            )
            .to_string(),
        ),
        C::DescriptionChanged { .. } => (CHANGED, t_string!(i18n, compare_description).to_string()),
        C::Moved { from, to } => (
            MOVED,
            t_string!(i18n, compare_stage_moved, from = *from, to = *to).to_string(),
        ),
        C::DecisionAdded { question } => (
            ADDED,
            t_string!(i18n, compare_decision_added, question = question.clone()).to_string(),
        ),
        C::DecisionRemoved { question } => (
            REMOVED,
            t_string!(i18n, compare_decision_removed, question = question.clone()).to_string(),
        ),
        C::QuestionChanged { from, to } => (
            CHANGED,
            t_string!(i18n, compare_question, from = from.clone(), to = to.clone()).to_string(),
        ),
        C::OutcomeAdded { name, leads_to } => (
            ADDED,
            t_string!(
                i18n,
                compare_outcome_added,
                name = name.clone(),
                to = route(i18n, leads_to)
            )
            .to_string(),
        ),
        C::OutcomeRemoved { name } => (
            REMOVED,
            t_string!(i18n, compare_outcome_removed, name = name.clone()).to_string(),
        ),
        C::OutcomeRenamed { from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_outcome_renamed,
                from = from.clone(),
                to = to.clone()
            )
            .to_string(),
        ),
        C::OutcomeRerouted { name, from, to } => (
            MOVED,
            t_string!(
                i18n,
                compare_outcome_rerouted,
                name = name.clone(),
                from = route(i18n, from),
                to = route(i18n, to)
            )
            .to_string(),
        ),
        C::EmotionChanged { persona, from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_emotion,
                persona = persona.clone(),
                from = score(i18n, *from),
                to = score(i18n, *to)
            )
            .to_string(),
        ),
        C::ResponsibilityChanged {
            department,
            from,
            to,
        } => (
            CHANGED,
            t_string!(
                i18n,
                compare_responsibility,
                department = department.clone(),
                from = level(i18n, *from),
                to = level(i18n, *to)
            )
            .to_string(),
        ),
        C::AssetAdded { title } => (
            ADDED,
            t_string!(i18n, compare_asset_added, title = title.clone()).to_string(),
        ),
        C::AssetRemoved { title } => (
            REMOVED,
            t_string!(i18n, compare_asset_removed, title = title.clone()).to_string(),
        ),
        C::AssetChanged { title, fields } => {
            let fields = fields
                .iter()
                .map(|&f| asset_field(i18n, f))
                .collect::<Vec<_>>()
                .join(", ");
            (
                CHANGED,
                t_string!(
                    i18n,
                    compare_asset_changed,
                    title = title.clone(),
                    fields = fields
                )
                .to_string(),
            )
        }
        C::AssetMovedIn { title, from } => (
            MOVED,
            t_string!(
                i18n,
                compare_asset_moved_in,
                title = title.clone(),
                stage = from.clone()
            )
            .to_string(),
        ),
        C::AssetMovedOut { title, to } => (
            MOVED,
            t_string!(
                i18n,
                compare_asset_moved_out,
                title = title.clone(),
                stage = to.clone()
            )
            .to_string(),
        ),
    }
}

/// The symbol and sentence of a change to the whole map.
pub fn map_change(i18n: I18n, c: &MapChange) -> (&'static str, String) {
    use MapChange as M;
    let named = |s: &String| s.clone();
    match c {
        M::Renamed { from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_map_renamed,
                from = named(from),
                to = named(to)
            )
            .to_string(),
        ),
        M::Circular { now: true } => (CHANGED, t_string!(i18n, compare_circular_on).to_string()),
        M::Circular { now: false } => (CHANGED, t_string!(i18n, compare_circular_off).to_string()),
        M::LaneAdded { name } => (
            ADDED,
            t_string!(i18n, compare_lane_added, name = named(name)).to_string(),
        ),
        M::LaneRemoved { name } => (
            REMOVED,
            t_string!(i18n, compare_lane_removed, name = named(name)).to_string(),
        ),
        M::LaneRenamed { from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_lane_renamed,
                from = named(from),
                to = named(to)
            )
            .to_string(),
        ),
        M::LaneHidden { name, hidden: true } => (
            CHANGED,
            t_string!(i18n, compare_lane_hidden, name = named(name)).to_string(),
        ),
        M::LaneHidden {
            name,
            hidden: false,
        } => (
            CHANGED,
            t_string!(i18n, compare_lane_shown, name = named(name)).to_string(),
        ),
        M::PersonaAdded { name } => (
            ADDED,
            t_string!(i18n, compare_persona_added, name = named(name)).to_string(),
        ),
        M::PersonaRemoved { name } => (
            REMOVED,
            t_string!(i18n, compare_persona_removed, name = named(name)).to_string(),
        ),
        M::PersonaRenamed { from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_persona_renamed,
                from = named(from),
                to = named(to)
            )
            .to_string(),
        ),
        M::DepartmentAdded { name } => (
            ADDED,
            t_string!(i18n, compare_department_added, name = named(name)).to_string(),
        ),
        M::DepartmentRemoved { name } => (
            REMOVED,
            t_string!(i18n, compare_department_removed, name = named(name)).to_string(),
        ),
        M::DepartmentRenamed { from, to } => (
            CHANGED,
            t_string!(
                i18n,
                compare_department_renamed,
                from = named(from),
                to = named(to)
            )
            .to_string(),
        ),
    }
}
