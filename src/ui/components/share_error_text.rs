//! Why a shared link cannot be opened, and what to do, in the user's language.

use leptos::prelude::*;

use super::ImportErrorText;
use crate::domain::share::ShareError;
use crate::i18n::*;

/// What is wrong with a shared link (the map file's own message when the map is not valid).
#[component]
pub fn ShareErrorText(
    /// The failure.
    error: ShareError,
) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        ShareError::Empty => view! { <p>{t!(i18n, shared_error_empty)}</p> }.into_any(),
        ShareError::TooLong { chars, limit } | ShareError::TooBig { bytes: chars, limit } => view! {
            <p>{move || t_string!(i18n, shared_error_too_long, chars = chars, limit = limit).to_string()}</p>
        }
        .into_any(),
        ShareError::NotBase64 { .. } | ShareError::Damaged => {
            view! { <p>{t!(i18n, shared_error_damaged)}</p> }.into_any()
        }
        ShareError::Map(e) => view! {
            <p>{t!(i18n, shared_error_map)} " " <ImportErrorText error=e /></p>
        }
        .into_any(),
    }
}
