//! Messages that need the user: storage full, a conflict with another tab, and short notices.

use leptos::prelude::*;

use super::ImportErrorText;
use crate::domain::workspace::ActionError;
use crate::domain::EditError;
use crate::i18n::*;
use crate::ui::list_actions::{run_now, ListAction};
use crate::ui::state::{expect_state, use_lang, Notice, SaveStatus};

#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();

    let export_unsaved = move |_| {
        run_now(
            state,
            ListAction::ExportUnsaved {
                lang: lang.get_untracked(),
            },
        )
    };
    let resolve = move |keep_mine: bool| {
        if let Some(f) = state.resolve.get_value() {
            f(keep_mine);
        }
    };

    let storage_banner = move || match state.status.get() {
        SaveStatus::QuotaFull => Some(
            view! {
                <div class="banner danger" role="alert" data-testid="quota-banner">
                    <p>{t!(i18n, quota_message)}</p>
                    <button type="button" class="primary" on:click=export_unsaved>
                        {t!(i18n, export_now)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Conflict { .. } => Some(
            view! {
                <div class="banner warning" role="alert" data-testid="conflict-banner">
                    <p>{t!(i18n, conflict_message)}</p>
                    <button type="button" on:click=move |_| resolve(false)>
                        {t!(i18n, conflict_load_theirs)}
                    </button>
                    <button type="button" on:click=move |_| resolve(true)>
                        {t!(i18n, conflict_keep_mine)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Unavailable => Some(
            view! {
                <div class="banner danger" role="alert">
                    <p>{t!(i18n, unavailable_message)}</p>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Refused(e) => Some(
            view! {
                <div class="banner danger" role="alert" data-testid="refused-banner">
                    <p>{t!(i18n, refused_message)} " " <ImportErrorText error=e /></p>
                    <button type="button" class="primary" on:click=export_unsaved>
                        {t!(i18n, export_now)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        SaveStatus::Blocked => Some(
            view! {
                <div class="banner danger" role="alert">
                    <p>{t!(i18n, blocked_message)}</p>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    };

    let dismiss = move |_| state.notice.set(None);
    let notice = move || {
        state.notice.get().map(|n| {
            let body = match n {
                Notice::Deleted => view! {
                    <p>{t!(i18n, notice_deleted)}</p>
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| {
                            run_now(state, ListAction::UndoDelete);
                        }
                    >
                        {t!(i18n, undo)}
                    </button>
                }
                .into_any(),
                Notice::ReloadedFromOtherTab => {
                    view! { <p>{t!(i18n, notice_reloaded)}</p> }.into_any()
                }
                Notice::Imported => view! { <p>{t!(i18n, notice_imported)}</p> }.into_any(),
                Notice::SavedCopy => view! { <p>{t!(i18n, shared_saved)}</p> }.into_any(),
                Notice::ImportFailed(e) => view! {
                    <p>
                        <strong>{t!(i18n, import_failed)}</strong>
                        " "
                        <ImportErrorText error=e />
                    </p>
                    <p>{t!(i18n, import_nothing_changed)}</p>
                }
                .into_any(),
                Notice::EditRefused(e) => view! {
                    <p>
                        <strong>{t!(i18n, edit_refused)}</strong>
                        " "
                        <ImportErrorText error=e />
                    </p>
                }
                .into_any(),
                Notice::ActionFailed(e) => view! {
                    <p>{t!(i18n, action_failed)} " " {action_error_text(i18n, &e)}</p>
                }
                .into_any(),
                Notice::DownloadFailed(error) => {
                    view! { <p>{t_string!(i18n, download_failed, error = error).to_string()}</p> }
                        .into_any()
                }
            };
            let failed = matches!(
                state.notice.get_untracked(),
                Some(
                    Notice::ImportFailed(_)
                        | Notice::EditRefused(_)
                        | Notice::ActionFailed(_)
                        | Notice::DownloadFailed(_)
                )
            );
            let (role, class) = if failed {
                ("alert", "banner notice danger")
            } else {
                ("status", "banner notice")
            };
            view! {
                <div class=class role=role data-testid="notice">
                    {body}
                    <button type="button" class="icon" on:click=dismiss>
                        <span aria-hidden="true">"×"</span>
                        <span class="visually-hidden">{t!(i18n, dismiss)}</span>
                    </button>
                </div>
            }
        })
    };

    view! {
        <div class="banners">
            {storage_banner}
            {notice}
        </div>
    }
}

/// What went wrong with an action, in the user's language.
fn action_error_text(i18n: leptos_i18n::I18nContext<Locale>, e: &ActionError) -> String {
    match e {
        ActionError::NoMap(_) => t_string!(i18n, action_no_map).to_string(),
        ActionError::Edit(e) => match e {
            EditError::NoStage(_) => t_string!(i18n, action_no_stage).to_string(),
            EditError::NoCard(_) => t_string!(i18n, action_no_card).to_string(),
            EditError::NoLane(_) => t_string!(i18n, action_no_lane).to_string(),
            EditError::NoPersona(_) => t_string!(i18n, action_no_persona).to_string(),
            EditError::NoDepartment(_) => t_string!(i18n, action_no_department).to_string(),
            EditError::NoAsset(_) => t_string!(i18n, action_no_asset).to_string(),
            EditError::DuplicateId(_) => t_string!(i18n, action_duplicate_id).to_string(),
            EditError::DanglingOutcome(_) => t_string!(i18n, action_dangling_outcome).to_string(),
            EditError::EmotionOutOfRange(v) => {
                t_string!(i18n, action_emotion_range, value = *v).to_string()
            }
            EditError::BadSpan { found, max } => {
                t_string!(i18n, action_bad_span, found = *found, max = *max).to_string()
            }
            EditError::SelfHandoff => t_string!(i18n, action_self_handoff).to_string(),
            // Shown as an EditRefused notice (`AppState::report`).
            EditError::Invalid(_) => String::new(),
        },
    }
}
