//! Add a persona to a map, or rename one: its name and description.

use leptos::prelude::*;

use super::{escape_cancels, FieldError, FormActions};

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{Edit, Id, Persona, Text};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// With `persona: None` adds a new persona at the end (and clears itself for the next one);
/// with `Some(id)` edits that persona and calls `on_done` when saved or cancelled.
#[component]
pub fn PersonaForm(
    /// The persona to edit; `None` to add one.
    persona: Option<Id<Persona>>,
    /// Called after a save of an edit, or on Cancel / Escape.
    #[prop(optional, into)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let l = use_lang().get_untracked();
    let existing = persona
        .as_ref()
        .and_then(|p| open.with_map_untracked(|m| m.persona(p).cloned()).flatten());
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|p| p.name.get(l).to_owned())
            .unwrap_or_default(),
    );
    let description = RwSignal::new(
        existing
            .as_ref()
            .map(|p| p.description.get(l).to_owned())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(false);
    let name_input = NodeRef::<leptos::html::Input>::new();
    if existing.is_some() {
        // The Edit button that opened the form is gone: put keyboard focus in the form.
        Effect::new(move |_| {
            if let Some(el) = name_input.get() {
                let _ = el.focus();
            }
        });
    }
    let existing = StoredValue::new(existing);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let d = description.get_untracked().trim().to_owned();
        // Keep built-in (translated) text unless the user changed it.
        let keep = |old: &Text, new: String| {
            if old.get(l) == new {
                old.clone()
            } else {
                Text::User(new)
            }
        };
        match existing.get_value() {
            Some(old) => {
                let persona = Persona {
                    name: keep(&old.name, n),
                    description: keep(&old.description, d),
                    id: old.id,
                };
                open.edit(Edit::UpdatePersona { persona });
                if let Some(done) = on_done {
                    done.run(());
                }
            }
            None => {
                let persona = Persona {
                    id: Id::random(),
                    name: Text::User(n),
                    description: Text::User(d),
                };
                open.edit(Edit::InsertPersona {
                    index: usize::MAX,
                    persona,
                });
                name.set(String::new());
                description.set(String::new());
                if let Some(el) = name_input.get_untracked() {
                    let _ = el.focus();
                }
            }
        }
    };
    let is_new = existing.with_value(|e| e.is_none());
    let uid = Id::random_text();
    let fid = move |field: &str| format!("persona-{field}-{uid}");
    let error_id = fid("error");
    // A new persona's form stays open for the next one: only an edit is cancelled.
    let on_cancel = on_done.filter(|_| !is_new);
    let add_label =
        is_new.then(|| Signal::derive(move || t_string!(i18n, content_persona_add).to_string()));
    view! {
        <form
            class="persona-form inline-form"
            data-testid=if is_new { "persona-add" } else { "persona-edit" }
            aria-label=move || if is_new { t_string!(i18n, content_persona_add_title).to_string() } else { t_string!(i18n, edit).to_string() }
            on:submit=submit
            on:keydown=escape_cancels(on_cancel)
        >
            <label for=fid("name")>
                {t!(i18n, content_persona_name)}
                <input
                    id=fid("name")
                    node_ref=name_input
                    bind:value=name
                    maxlength=TEXT_CHARS.to_string()
                    aria-invalid=move || error.get().to_string()
                    aria-describedby=error_id.clone()
                />
            </label>
            <label for=fid("description")>
                {t!(i18n, content_persona_description)}
                <input id=fid("description") class="wide" bind:value=description maxlength=TEXT_CHARS.to_string() />
            </label>
            <FormActions add_label=add_label on_cancel=on_cancel />
            <FieldError id=error_id message=Signal::derive(move || error.get().then(|| t_string!(i18n, name_required).to_string())) />
        </form>
    }
}
