//! Where the map's data comes from: import a CSV or load the sample, what was read (rows,
//! contacts, accounts, events, skipped rows with their line and reason), what is stored in this
//! browser, and delete it.

use leptos::prelude::*;

use super::{BadRowText, DataProblemText, FilePicker};
use crate::domain::format;
use crate::domain::SourceModel;
use crate::i18n::*;
use crate::storage::datasets::DatasetStore;
use crate::ui::data::{expect_data, sample_name, Busy};
use crate::ui::state::use_lang;

#[component]
pub fn DataSource(
    /// The model of the open map, whose sample data "load sample" imports.
    model: SourceModel,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let on_file = move |(file, _): (web_sys::File, usize)| data.pick(file);
    let sample = move |_| data.load_sample(model, sample_name(model));
    let busy = move || {
        data.busy.get().map(|b| match b {
            Busy::Reading => t_string!(i18n, reading_file).to_string(),
            Busy::Importing(p) => t_string!(
                i18n,
                importing,
                percent = format::percent(Some(share(p.bytes, p.total)), lang.get()),
                rows = format::count(p.rows, lang.get())
            )
            .to_string(),
        })
    };
    // The bar and its Cancel button while a file is read (Cancel only when the worker reads it:
    // the page's own fallback cannot be stopped half-way).
    let progress = move || {
        let Some(Busy::Importing(p)) = data.busy.get() else {
            return None;
        };
        let cancel = data.can_cancel().then(|| {
            view! {
                <button type="button" data-testid="cancel-import" on:click=move |_| data.cancel_import()>
                    {t!(i18n, cancel_import)}
                </button>
            }
        });
        Some(view! {
            <div class="import-progress">
                <progress
                    data-testid="import-progress"
                    aria-label=move || t_string!(i18n, import_progress_label).to_string()
                    max=p.total.max(1.0)
                    value=p.bytes
                ></progress>
                {cancel}
            </div>
        })
    };
    let summary = move || {
        data.loaded.get().map(|d| {
            let set = &d.dataset;
            t_string!(
                i18n,
                data_summary,
                file = d.meta.file_name.clone(),
                rows = d.report.rows,
                contacts = set.contacts.len(),
                accounts = set.accounts.len(),
                events = set.events.len()
            )
            .to_string()
        })
    };
    // What the whole site keeps in this browser, asked again after each import or delete.
    let estimate = LocalResource::new(move || {
        data.loaded.track();
        data.deleted.track();
        DatasetStore::estimate()
    });
    let stored = move || {
        let mine = data
            .loaded
            .get()
            .filter(|d| d.stored)
            .map(|d| t_string!(i18n, stored_here, size = human_size(d.meta.bytes)).to_string());
        let site = estimate.get().flatten().map(|(used, quota)| {
            t_string!(
                i18n,
                storage_estimate,
                used = human_size(used as u64),
                quota = human_size(quota as u64)
            )
            .to_string()
        });
        [mine, site]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let bad_rows = move || {
        data.loaded
            .get()
            .filter(|d| d.report.bad_row_count > 0)
            .map(|d| {
                let shown = d.report.bad_rows.len();
                let more = d.report.bad_row_count - shown;
                view! {
                    <details class="bad-rows" data-testid="bad-rows">
                        <summary>{t_string!(i18n, rows_skipped, count = d.report.bad_row_count).to_string()}</summary>
                        <ul>
                            {d.report.bad_rows.iter().cloned().map(|row| view! { <li><BadRowText row headers=d.report.headers.clone() /></li> }).collect_view()}
                        </ul>
                        {(more > 0).then(|| view! { <p>{t_string!(i18n, more_bad_rows, count = more).to_string()}</p> })}
                    </details>
                }
            })
    };

    view! {
        <div class="data-source">
            <div class="actions">
                <FilePicker
                    accept=CSV_FILES
                    testid="csv-input"
                    disabled=Signal::derive(move || data.busy.read().is_some())
                    on_file
                >
                    {move || if data.loaded.read().is_some() { t!(i18n, replace_data).into_any() } else { t!(i18n, import_csv).into_any() }}
                </FilePicker>
                <button type="button" on:click=sample disabled=move || data.busy.read().is_some()>
                    {t!(i18n, load_sample)}
                </button>
                <Show when=move || data.loaded.read().is_some()>
                    <button type="button" class="danger" on:click=move |_| data.delete()>
                        {t!(i18n, delete_data)}
                    </button>
                </Show>
            </div>
            <p class="status-line" role="status" data-testid="data-status">
                {busy}
                {move || data.deleted.get().then(|| t_string!(i18n, data_deleted).to_string())}
                {move || data.cancelled.get().then(|| t_string!(i18n, import_cancelled).to_string())}
            </p>
            {progress}
            {move || data.problem.get().map(|problem| view! {
                <p class="error" role="alert" data-testid="data-problem"><DataProblemText problem /></p>
            })}
            <Show
                when=move || data.loaded.read().is_some()
                fallback=move || view! { <p class="empty">{t!(i18n, no_data)}</p> }
            >
                <p data-testid="data-summary">{summary}</p>
                {bad_rows}
            </Show>
            <p class="hint" data-testid="data-stored">{stored}</p>
        </div>
    }
}

/// What the CSV pickers accept.
pub const CSV_FILES: &str = ".csv,.tsv,.txt,text/csv,text/tab-separated-values";

/// A byte count as KB, MB or GB.
fn human_size(bytes: u64) -> String {
    let b = bytes as f64;
    if b < 1024.0 * 1024.0 {
        format!("{:.1} KB", b / 1024.0)
    } else if b < 1024.0 * 1024.0 * 1024.0 {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    } else {
        format!("{:.1} GB", b / (1024.0 * 1024.0 * 1024.0))
    }
}

/// `done` of `total` as a share, 0..=1 (an empty file is done).
fn share(done: f64, total: f64) -> f64 {
    if total > 0.0 {
        (done / total).clamp(0.0, 1.0)
    } else {
        1.0
    }
}
