//! Edit a stage's name and description.

use crate::domain::Stage;
use leptos::prelude::*;

use super::{escape_cancels, FieldError, FormActions};

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{Edit, Id, Text};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The stage's name and description, saved as one edit; Escape or Cancel leaves them as they were.
#[component]
pub fn StageForm(
    /// The stage to edit.
    stage: Id<Stage>,
    /// Called when the form closes (saved or cancelled).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let current = open
        .with_map_untracked(|m| {
            m.stage(&stage)
                .map(|s| (s.name.clone(), s.description.clone()))
        })
        .flatten();
    let Some((name0, desc0)) = current else {
        return ().into_any();
    };
    let l = lang.get_untracked();
    let name = RwSignal::new(name0.get(l).to_owned());
    let desc = RwSignal::new(desc0.get(l).to_owned());
    let error = RwSignal::new(false);
    let name_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = name_input.get() {
            let _ = el.focus();
        }
    });
    let stage = StoredValue::new(stage);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            error.set(true);
            return;
        }
        // Keep built-in (translated) text unless the user changed it.
        let keep = |old: &Text, new: String| {
            if old.get(l) == new {
                old.clone()
            } else {
                Text::User(new)
            }
        };
        open.edit(Edit::UpdateStage {
            id: stage.get_value(),
            name: keep(&name0, n),
            description: keep(&desc0, desc.get_untracked()),
        });
        on_done.run(());
    };
    let field = format!("stage-name-{}", stage.get_value());
    let field_d = format!("stage-desc-{}", stage.get_value());
    view! {
        <form class="stage-form" on:submit=save on:keydown=escape_cancels(Some(on_done))>
            <label for=field.clone()>{t!(i18n, stage_name)}</label>
            <input id=field node_ref=name_input bind:value=name maxlength=TEXT_CHARS.to_string() required aria-invalid=move || error.get().to_string() />
            <FieldError message=Signal::derive(move || error.get().then(|| t_string!(i18n, name_required).to_string())) />
            <label for=field_d.clone()>{t!(i18n, description)}</label>
            <textarea id=field_d rows="3" bind:value=desc maxlength=TEXT_CHARS.to_string()></textarea>
            <FormActions add_label=None on_cancel=Some(on_done) />
        </form>
    }
    .into_any()
}
