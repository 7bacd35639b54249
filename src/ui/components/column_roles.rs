//! The file's first rows as a table, with a "use this column as" choice above each column.
//!
//! A wide file is shown a page of columns at a time, with a box that finds columns by name
//! (`domain::import::columns`): a role choice for each of 13,000 columns froze the page.

use leptos::prelude::*;

use super::ChoiceSelect;
use crate::domain::format;
use crate::domain::import::columns::{column_page, PAGE_COLUMNS};
use crate::domain::import::{Mapping, Role};
use crate::i18n::*;
use crate::ui::state::use_lang;

#[component]
pub fn ColumnRoles(
    /// The header row.
    #[prop(into)]
    headers: Signal<Vec<String>>,
    /// The first data rows, as read with the current choices.
    #[prop(into)]
    rows: Signal<Vec<Vec<String>>>,
    /// The mapping being edited: one role per column.
    #[prop(into)]
    mapping: Signal<Option<Mapping>>,
    /// Called with a column and the role the user picked for it.
    on_role: impl Fn(usize, Role) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let filter = RwSignal::new(String::new());
    let page_asked = RwSignal::new(0usize);
    let page =
        Memo::new(move |_| headers.with(|h| filter.with(|f| column_page(h, f, page_asked.get()))));
    let wide = move || headers.with(|h| h.len() > PAGE_COLUMNS);
    let columns = move || {
        headers.with(|h| {
            page.with(|p| {
                p.shown
                    .iter()
                    .map(|&i| (i, h[i].clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let role_of = move |i: usize| {
        mapping
            .read()
            .as_ref()
            .and_then(|m| m.roles.get(i).copied())
            .unwrap_or(Role::Ignore)
    };
    let shown_text = move || {
        let p = page.get();
        let (from, to) = p.range();
        let l = lang.get();
        t_string!(
            i18n,
            columns_shown,
            from = format::count(from as u32, l),
            to = format::count(to as u32, l),
            total = format::count(p.matching as u32, l)
        )
        .to_string()
    };
    let pager = move || {
        wide().then(|| {
            view! {
                <div class="column-pager">
                    <label class="choice">
                        <span>{t!(i18n, columns_find)}</span>
                        <input
                            type="search"
                            data-testid="column-filter"
                            maxlength="200"
                            prop:value=move || filter.get()
                            on:input=move |ev| {
                                filter.set(event_target_value(&ev));
                                page_asked.set(0);
                            }
                        />
                    </label>
                    <button
                        type="button"
                        disabled=move || !page.with(|p| p.has_previous())
                        on:click=move |_| page_asked.set(page.with(|p| p.page.saturating_sub(1)))
                    >
                        {t!(i18n, columns_previous)}
                    </button>
                    <span class="hint" aria-live="polite" data-testid="columns-shown">{shown_text}</span>
                    <button
                        type="button"
                        disabled=move || !page.with(|p| p.has_next())
                        on:click=move |_| page_asked.set(page.with(|p| p.page + 1))
                    >
                        {t!(i18n, columns_next)}
                    </button>
                    {move || page.with(|p| p.matching == 0).then(|| view! {
                        <p class="hint" role="status">{move || t_string!(i18n, columns_none, text = filter.get()).to_string()}</p>
                    })}
                </div>
            }
        })
    };
    view! {
        {pager}
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || t_string!(i18n, mapping_heading).to_string()>
            <table class="preview-table" data-testid="preview-table">
                <thead>
                    <tr>
                        <For
                            each=columns
                            key=|(i, h)| (*i, h.clone())
                            children=move |(i, header)| {
                                let name = header.clone();
                                view! {
                                    <th scope="col">
                                        <div class="column-name">{header}</div>
                                        <ChoiceSelect
                                            label=Signal::derive(move || t_string!(i18n, column_role, column = name.clone()).to_string())
                                            value=Signal::derive(move || role_of(i))
                                            on_pick=move |r| on_role(i, r)
                                        />
                                    </th>
                                }
                            }
                        />
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let shown = page.with(|p| p.shown.clone());
                        rows.with(|rows| {
                            rows.iter()
                                .map(|row| {
                                    let cells = shown
                                        .iter()
                                        .map(|&i| {
                                            let cell = row.get(i).cloned().unwrap_or_default();
                                            view! { <td>{cell}</td> }
                                        })
                                        .collect_view();
                                    view! { <tr>{cells}</tr> }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}
