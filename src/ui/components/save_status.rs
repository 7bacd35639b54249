//! A small live region that says whether the latest changes are saved.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::state::{expect_state, SaveStatus};

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let class = move || match state.status.get() {
        SaveStatus::Saved => "save-status ok",
        SaveStatus::Pending => "save-status pending",
        _ => "save-status bad",
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">
            {move || match state.status.get() {
                SaveStatus::Saved => t!(i18n, status_saved).into_any(),
                SaveStatus::Pending => t!(i18n, status_saving).into_any(),
                SaveStatus::QuotaFull => t!(i18n, status_quota).into_any(),
                SaveStatus::Conflict { .. } => t!(i18n, status_conflict).into_any(),
                SaveStatus::Unavailable => t!(i18n, status_unavailable).into_any(),
                SaveStatus::Blocked => t!(i18n, status_blocked).into_any(),
                SaveStatus::Refused(_) => t!(i18n, status_refused).into_any(),
            }}
        </p>
    }
}
