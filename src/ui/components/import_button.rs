//! Import a map file. A bad file gets a message naming the problem and changes nothing.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::document::{limits, ImportError};
use crate::i18n::*;
use crate::ui::file_io::{picked, read_text};
use crate::ui::list_actions::{run, ListAction};
use crate::ui::state::{expect_state, Notice};

#[component]
pub fn ImportButton() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let input = NodeRef::<html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some((file, size)) = picked(&el) else {
            return;
        };
        // Let the same file be picked again after a fix.
        el.set_value("");
        if size > limits::FILE_BYTES {
            state
                .notice
                .set(Some(Notice::ImportFailed(ImportError::TooLarge {
                    bytes: size,
                    limit: limits::FILE_BYTES,
                })));
            return;
        }
        spawn_local(async move {
            match read_text(&file).await {
                Err(e) => state
                    .notice
                    .set(Some(Notice::ImportFailed(ImportError::NotJson {
                        message: e,
                        line: 0,
                        column: 0,
                    }))),
                // Sets the notice.
                Ok(text) => {
                    run(state, ListAction::Import(text)).await;
                }
            }
        });
    };
    view! {
        <label class="button file-button">
            <input
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                data-testid="import-input"
                node_ref=input
                on:change=on_change
            />
            <span aria-hidden="true">"⇪ "</span>
            {t!(i18n, import_map)}
        </label>
    }
}
