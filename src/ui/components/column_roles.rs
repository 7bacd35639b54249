//! The file's first rows as a table, with a "use this column as" choice above each column.

use leptos::prelude::*;

use super::ChoiceSelect;
use crate::domain::import::{Mapping, Role};
use crate::i18n::*;

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
    let columns = move || headers.get().into_iter().enumerate().collect::<Vec<_>>();
    let role_of = move |i: usize| {
        mapping
            .read()
            .as_ref()
            .and_then(|m| m.roles.get(i).copied())
            .unwrap_or(Role::Ignore)
    };
    view! {
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
                        rows.get()
                            .into_iter()
                            .map(|row| {
                                view! {
                                    <tr>
                                        {row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
