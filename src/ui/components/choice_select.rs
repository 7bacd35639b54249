//! A labelled `<select>` over one of the importer's choices.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::Choice;

/// A `<select>` of every value of `T`, showing `value` and calling `on_pick` with the new one.
#[component]
pub fn ChoiceSelect<T: Choice + PartialEq + Send + Sync>(
    /// The visible label (also the accessible name).
    #[prop(into)]
    label: Signal<String>,
    /// The value shown as selected.
    #[prop(into)]
    value: Signal<T>,
    /// Called with the value the user picked.
    on_pick: impl Fn(T) + 'static,
    /// A test id for end-to-end tests.
    #[prop(optional)]
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        T::all()
            .into_iter()
            .map(|v| {
                let slug = v.slug();
                view! { <option value=slug.clone() selected=move || value.get() == v>{v.label(i18n)}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="choice">
            <span>{move || label.get()}</span>
            <select
                data-testid=test_id
                prop:value=move || value.get().slug()
                on:change=move |ev| {
                    if let Some(v) = T::from_slug(&event_target_value(&ev)) {
                        on_pick(v);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}
