//! Why a column mapping cannot be imported, in the user's words.

use leptos::prelude::*;

use crate::domain::import::MappingError;
use crate::i18n::*;
use crate::ui::labels::Choice;

#[component]
pub fn MappingErrorText(
    error: MappingError,
    /// The header, to name columns by their names.
    headers: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let column = move |i: usize| {
        headers
            .get(i)
            .cloned()
            .unwrap_or_else(|| (i + 1).to_string())
    };
    let text = match error {
        MappingError::DuplicateRole {
            role,
            first,
            second,
        } => t_string!(
            i18n,
            map_err_duplicate_role,
            role = role.label(i18n),
            first = column(first),
            second = column(second)
        )
        .to_string(),
        MappingError::NoContact => t_string!(i18n, map_err_no_contact).to_string(),
        MappingError::NoEventTime => t_string!(i18n, map_err_no_event_time).to_string(),
        MappingError::NoEventType => t_string!(i18n, map_err_no_event_type).to_string(),
        MappingError::EventRoleInRecords { role, column: c } => t_string!(
            i18n,
            map_err_event_role,
            role = role.label(i18n),
            column = column(c)
        )
        .to_string(),
        MappingError::NothingMapped => t_string!(i18n, map_err_nothing).to_string(),
    };
    view! { <span>{text}</span> }
}
