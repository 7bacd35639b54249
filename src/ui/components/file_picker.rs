//! A button that opens the file picker: a label over a visually hidden file input (so it is a
//! real control for the keyboard and screen readers), which hands over the file picked with its
//! size and lets the same file be picked again after a fix.

use leptos::html;
use leptos::prelude::*;

use crate::ui::file_io::picked;

#[component]
pub fn FilePicker(
    /// The input's `accept` list.
    accept: &'static str,
    /// Its `data-testid`.
    testid: &'static str,
    /// Whether picking is off for now (something is running).
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// Called with the file picked and its size in bytes.
    #[prop(into)]
    on_file: Callback<(web_sys::File, usize)>,
    /// The button's text.
    children: Children,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = picked(&el) else { return };
        el.set_value("");
        on_file.run(file);
    };
    view! {
        <label class="button file-button">
            <input
                type="file"
                accept=accept
                class="visually-hidden"
                data-testid=testid
                disabled=move || disabled.get()
                node_ref=input
                on:change=on_change
            />
            {children()}
        </label>
    }
}
