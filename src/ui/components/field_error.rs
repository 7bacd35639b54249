//! Why a form was not saved, next to what is wrong.

use leptos::prelude::*;

/// An alert that says why a form was not saved; nothing while there is nothing to say.
#[component]
pub fn FieldError(
    /// The message in the UI language; `None` hides the alert.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// The element id, for the field's `aria-describedby`.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! { <p id=id.clone() class="field-error" role="alert">{m}</p> }
        })
    }
}
