//! Lookup tables: a second, small CSV (teams by sales agent, sectors by account) joined onto the
//! imported contacts by one of their fields, so its columns can be used in rules and segments.
//! Lists the joined tables with how many contacts matched, and a form that adds one.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};

use crate::domain::import::{join_fields, Lookup, LookupError, MAX_LOOKUP_BYTES};
use crate::i18n::*;
use crate::ui::components::data_source::CSV_FILES;
use crate::ui::components::{DataProblemText, FilePicker};
use crate::ui::data::{expect_data, DataProblem};
use crate::ui::file_io::{read_blob_chunks, FileReadError};

/// Why the picked table cannot be joined.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    Lookup(LookupError),
    Read(FileReadError),
}

#[component]
pub fn LookupTables() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    // The table picked and read, waiting for its key column and field.
    let table = RwSignal::new(None::<Arc<Lookup>>);
    let key = RwSignal::new(0usize);
    let by = RwSignal::new("owner".to_owned());
    let problem = RwSignal::new(None::<Problem>);
    let fields = Memo::new(move |_| {
        data.loaded
            .get()
            .map(|l| join_fields(&l.dataset))
            .unwrap_or_default()
    });
    let joined = Memo::new(move |_| {
        data.loaded
            .get()
            .map(|l| (l.meta.options.lookups.clone(), l.report.lookups.clone()))
            .unwrap_or_default()
    });

    let on_file = move |(file, size): (web_sys::File, usize)| {
        problem.set(None);
        table.set(None);
        if size > MAX_LOOKUP_BYTES {
            problem.set(Some(Problem::Lookup(LookupError::TooLarge {
                max: MAX_LOOKUP_BYTES,
            })));
            return;
        }
        let name = file.name();
        let blob: web_sys::Blob = file.into();
        spawn_local(async move {
            let mut bytes = Vec::new();
            let read = read_blob_chunks(
                &blob,
                1 << 20,
                |chunk| {
                    bytes.extend_from_slice(chunk);
                    true
                },
                |_, _| {},
            )
            .await;
            if let Err(e) = read {
                problem.try_set(Some(Problem::Read(e)));
                return;
            }
            match Lookup::read(&name, &bytes, None, "owner") {
                Ok(l) => {
                    let (k, field) = l.suggested_join(&fields.get_untracked());
                    key.try_set(k);
                    if let Some(f) = field {
                        by.try_set(f);
                    }
                    table.try_set(Some(Arc::new(l)));
                }
                Err(e) => {
                    problem.try_set(Some(Problem::Lookup(e)));
                }
            }
        });
    };
    let join = move |_| {
        let Some(t) = table.get_untracked() else {
            return;
        };
        let mut lookup = (*t).clone();
        lookup.key = key
            .get_untracked()
            .min(lookup.headers.len().saturating_sub(1));
        lookup.by = by.get_untracked();
        let mut all = joined.get_untracked().0;
        all.push(lookup);
        table.set(None);
        data.set_lookups(all);
    };
    let remove = move |i: usize| {
        let mut all = joined.get_untracked().0;
        if i < all.len() {
            all.remove(i);
            data.set_lookups(all);
        }
    };

    let list = move || {
        let (lookups, reports) = joined.get();
        (!lookups.is_empty()).then(|| {
            lookups
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let r = reports.get(i).cloned();
                    let text = r.map(|r| {
                        t_string!(
                            i18n,
                            lookup_joined,
                            name = l.name.clone(),
                            by = l.by.clone(),
                            matched = r.matched,
                            total = r.matched + r.unmatched,
                            fields = r.fields.join(", ")
                        )
                        .to_string()
                    });
                    let name = l.name.clone();
                    view! {
                        <li data-testid="lookup-joined">
                            {text}
                            " "
                            <button
                                type="button"
                                class="small"
                                disabled=move || data.busy.read().is_some()
                                aria-label=t_string!(i18n, lookup_remove, name = name.clone()).to_string()
                                on:click=move |_| remove(i)
                            >
                                {t!(i18n, lookup_remove_button)}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let form = move || {
        table.get().map(|t| {
            let columns = t
                .headers
                .iter()
                .enumerate()
                .map(|(i, h)| view! { <option value=i.to_string() selected=move || key.get() == i>{h.clone()}</option> })
                .collect_view();
            let options = move || {
                fields
                    .get()
                    .into_iter()
                    .map(|f| {
                        let value = f.clone();
                        view! { <option value=value.clone() selected=move || by.get() == value>{f}</option> }
                    })
                    .collect_view()
            };
            view! {
                <div class="lookup-form" data-testid="lookup-form">
                    <p>{t_string!(i18n, lookup_read, name = t.name.clone(), rows = t.rows.len()).to_string()}</p>
                    <label>
                        {t!(i18n, lookup_key)}
                        <select data-testid="lookup-key" on:change=move |ev| key.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {columns}
                        </select>
                    </label>
                    <label>
                        {t!(i18n, lookup_by)}
                        <select data-testid="lookup-by" on:change=move |ev| by.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </label>
                    <button type="button" class="primary" data-testid="lookup-join" on:click=join>
                        {t!(i18n, lookup_join)}
                    </button>
                    <button type="button" on:click=move |_| table.set(None)>{t!(i18n, cancel)}</button>
                </div>
            }
        })
    };
    let error = move || {
        problem.get().map(|p| {
            let e = match p {
                Problem::Read(e) => {
                    return view! {
                        <p class="error" role="alert" data-testid="lookup-problem">
                            <DataProblemText problem=DataProblem::Read(e) />
                        </p>
                    }
                    .into_any()
                }
                Problem::Lookup(e) => e,
            };
            let text = match e {
                LookupError::TooLarge { max } => {
                    t_string!(i18n, lookup_too_large, max = max / (1 << 20)).to_string()
                }
                LookupError::NoColumn { column } => {
                    t_string!(i18n, lookup_no_column, column = column).to_string()
                }
                LookupError::TooFewColumns => t_string!(i18n, lookup_too_few_columns).to_string(),
                LookupError::File(e) => {
                    return view! {
                        <p class="error" role="alert" data-testid="lookup-problem">
                            <DataProblemText problem=DataProblem::File(e) />
                        </p>
                    }
                    .into_any()
                }
            };
            view! { <p class="error" role="alert" data-testid="lookup-problem">{text}</p> }
                .into_any()
        })
    };

    view! {
        <section class="lookup-tables" aria-labelledby="lookup-h">
            <h3 id="lookup-h">{t!(i18n, lookup_heading)}</h3>
            <p class="hint">{t!(i18n, lookup_intro)}</p>
            <ul class="lookup-list">{list}</ul>
            <FilePicker
                accept=CSV_FILES
                testid="lookup-input"
                disabled=Signal::derive(move || data.busy.read().is_some())
                on_file
            >
                {t!(i18n, lookup_add)}
            </FilePicker>
            {error}
            {form}
        </section>
    }
}
