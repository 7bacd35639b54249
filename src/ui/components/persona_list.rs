//! The personas of a map (the buying-group members it is drawn for): list, add, rename and
//! delete. Deleting is one [`Edit::RemovePersona`], so Undo brings the persona back with its
//! emotions and the persona of its cards and content.

use crate::domain::Persona;
use leptos::prelude::*;

use super::PersonaForm;
use crate::domain::{Edit, Id};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// One persona as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PersonaRow {
    id: Id<Persona>,
    name: String,
    description: String,
}

/// The personas of the open map with their tools (`data-testid="persona-list"`).
#[component]
pub fn PersonaList() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let rows = open.select(move |m| {
        let l = lang.get();
        m.personas
            .iter()
            .map(|p| PersonaRow {
                id: p.id.clone(),
                name: p.name.get(l).to_owned(),
                description: p.description.get(l).to_owned(),
            })
            .collect::<Vec<_>>()
    });
    let editing = RwSignal::new(None::<Id<Persona>>);
    // The persona just deleted (id, name): told until it is back (Undo) or another is edited.
    let deleted = RwSignal::new(None::<(Id<Persona>, String)>);
    let row_view = move |row: PersonaRow| {
        let id = StoredValue::new(row.id.clone());
        let name = row.name.clone();
        let is_editing = move || editing.with(|e| e.as_ref() == Some(&id.get_value()));
        let shown = {
            let name = name.clone();
            let description = row.description.clone();
            move || {
                let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
                let delete = move |_| {
                    open.edit(Edit::RemovePersona { id: id.get_value() });
                    deleted.set(Some((id.get_value(), n2.clone())));
                };
                view! {
                    <span class="persona-name">{name.clone()}</span>
                    <span class="persona-description">{description.clone()}</span>
                    <span class="form-actions">
                        <button
                            type="button"
                            class="small"
                            aria-label=move || t_string!(i18n, content_persona_edit_named, name = n1.clone()).to_string()
                            on:click=move |_| { deleted.set(None); editing.set(Some(id.get_value())); }
                        >
                            {t!(i18n, edit)}
                        </button>
                        <button
                            type="button"
                            class="small danger"
                            aria-label=move || t_string!(i18n, content_persona_delete_named, name = n3.clone()).to_string()
                            on:click=delete
                        >
                            <span aria-hidden="true">"✕ "</span>
                            {t!(i18n, delete)}
                        </button>
                    </span>
                }
            }
        };
        view! {
            <li class="persona" data-testid="persona" data-persona-id=row.id.0.clone()>
                <Show when=is_editing fallback=shown.clone()>
                    <PersonaForm
                        persona=Some(id.get_value())
                        on_done=Callback::new(move |_| editing.set(None))
                    />
                </Show>
            </li>
        }
    };
    view! {
        <section class="content-section persona-list" data-testid="persona-list" aria-labelledby="content-personas-heading">
            <h3 id="content-personas-heading">{t!(i18n, content_personas_title)}</h3>
            <p class="hint">{t!(i18n, content_personas_hint)}</p>
            <Show when=move || rows.with(|r| r.is_empty())>
                <p class="empty">{t!(i18n, content_no_personas)}</p>
            </Show>
            <ul class="personas">
                <For each=move || rows.get() key=|row| row.clone() children=row_view />
            </ul>
            <p class="status-line" role="status" data-testid="persona-status">
                {move || {
                    deleted
                        .get()
                        .filter(|(id, _)| rows.with(|r| r.iter().all(|p| &p.id != id)))
                        .map(|(_, name)| t_string!(i18n, content_persona_deleted, name = name).to_string())
                }}
            </p>
            <PersonaForm persona=None />
        </section>
    }
}
