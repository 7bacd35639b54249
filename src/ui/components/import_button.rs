//! Import a map file. A bad file gets a message naming the problem and changes nothing.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::FilePicker;
use crate::domain::document::{limits, ImportError};
use crate::i18n::*;
use crate::ui::file_io::read_text;
use crate::ui::list_actions::{run, ListAction};
use crate::ui::state::{expect_state, Notice};

#[component]
pub fn ImportButton() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let on_file = move |(file, size): (web_sys::File, usize)| {
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
        <FilePicker accept=".json,application/json" testid="import-input" on_file>
            <span aria-hidden="true">"⇪ "</span>
            {t!(i18n, import_map)}
        </FilePicker>
    }
}
