//! The message for a rejected map file, in the user's language.

use leptos::prelude::*;

use crate::domain::document::{Entity, ImportError};
use crate::i18n::*;

/// Renders `error` as one sentence that names the problem.
#[component]
pub fn ImportErrorText(error: ImportError) -> impl IntoView {
    let i18n = use_i18n();
    let entity = move |e: Entity| -> String {
        match e {
            Entity::Map => t_string!(i18n, entity_map).to_string(),
            Entity::Stage => t_string!(i18n, entity_stage).to_string(),
            Entity::Outcome => t_string!(i18n, entity_outcome).to_string(),
            Entity::Lane => t_string!(i18n, entity_lane).to_string(),
            Entity::Card => t_string!(i18n, entity_card).to_string(),
            Entity::Persona => t_string!(i18n, entity_persona).to_string(),
            Entity::Department => t_string!(i18n, entity_department).to_string(),
            Entity::Emotion => t_string!(i18n, entity_emotion).to_string(),
            Entity::Handoff => t_string!(i18n, entity_handoff).to_string(),
            Entity::Asset => t_string!(i18n, entity_asset).to_string(),
        }
    };
    let text = move || match error.clone() {
        ImportError::TooLarge { bytes, limit } => t_string!(
            i18n,
            err_too_large,
            size = bytes / 1024,
            limit = limit / 1024
        )
        .to_string(),
        ImportError::NotJson { line, column, .. } => {
            t_string!(i18n, err_not_json, line = line, column = column).to_string()
        }
        ImportError::NotAMap => t_string!(i18n, err_not_a_map).to_string(),
        ImportError::NewerVersion { found, supported } => t_string!(
            i18n,
            err_newer_version,
            found = found,
            supported = supported
        )
        .to_string(),
        ImportError::BadVersion { found } => {
            t_string!(i18n, err_bad_version, found = found).to_string()
        }
        ImportError::Invalid { message, .. } => {
            t_string!(i18n, err_invalid, message = message).to_string()
        }
        ImportError::MissingId { what, index } => {
            t_string!(i18n, err_missing_id, what = entity(what), index = index + 1).to_string()
        }
        ImportError::DuplicateId { what, id } => {
            t_string!(i18n, err_duplicate_id, what = entity(what), id = id).to_string()
        }
        ImportError::Dangling {
            what,
            id,
            target,
            missing,
        } => t_string!(
            i18n,
            err_dangling,
            what = entity(what),
            id = id,
            target = entity(target),
            missing = missing
        )
        .to_string(),
        ImportError::TooMany { what, count, limit } => t_string!(
            i18n,
            err_too_many,
            what = entity(what),
            count = count,
            limit = limit
        )
        .to_string(),
        ImportError::TextTooLong {
            what,
            id,
            chars,
            limit,
        } => t_string!(
            i18n,
            err_text_too_long,
            what = entity(what),
            id = id,
            chars = chars,
            limit = limit
        )
        .to_string(),
        ImportError::BadRules { line, column } => {
            t_string!(i18n, err_bad_rules, line = line, column = column).to_string()
        }
        ImportError::OutOfRange {
            what,
            id,
            found,
            min,
            max,
        } => t_string!(
            i18n,
            err_out_of_range,
            what = entity(what),
            id = id,
            found = found,
            min = min,
            max = max
        )
        .to_string(),
    };
    view! { <span data-testid="import-error">{text}</span> }
}
