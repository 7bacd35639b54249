//! The foot of an add or edit form: its submit button (Save, Add card …) and its Cancel; and
//! the keys such a form answers. Enter in a text field submits the form (the browser's own);
//! Escape cancels where the form can be cancelled.

use leptos::prelude::*;

use crate::i18n::*;

/// The buttons row of a form: the submit button, then Cancel when the form can be cancelled.
#[component]
pub fn FormActions(
    /// The submit button's text (also its accessible name) in a form that adds something, e.g.
    /// "Add card"; `None`: the form edits, and the button says "Save".
    #[prop(optional_no_strip)]
    add_label: Option<Signal<String>>,
    /// What Cancel does; `None` (or left out): the form has no Cancel button.
    #[prop(optional_no_strip)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-actions">
            <button type="submit" class="primary">
                {move || match add_label {
                    Some(label) => label.get(),
                    None => t_string!(i18n, save).to_string(),
                }}
            </button>
            {on_cancel.map(|cancel| view! {
                <button type="button" on:click=move |_| cancel.run(())>{t!(i18n, cancel)}</button>
            })}
        </div>
    }
}

/// The `keydown` handler of a form with [`FormActions`]: Escape does what Cancel does.
pub fn escape_cancels(on_cancel: Option<Callback<()>>) -> impl Fn(leptos::ev::KeyboardEvent) {
    move |ev| {
        if ev.key() == "Escape" {
            if let Some(cancel) = on_cancel {
                cancel.run(());
            }
        }
    }
}
