//! Saved entries that could not be opened: kept as they are, offered for download or removal.

use leptos::prelude::*;

use crate::domain::StoredError;
use crate::i18n::*;
use crate::ui::file_io::download;
use crate::ui::state::expect_state;
use crate::ui::store;

#[component]
pub fn UnreadableList() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let discard = move |key: String| {
        if store::discard(&key) {
            state.unreadable.update(|l| l.retain(|u| u.key != key));
        }
    };
    move || {
        let list = state.unreadable.get();
        (!list.is_empty()).then(|| {
            let rows = list
                .into_iter()
                .map(|u| {
                    let reason = match &u.reason {
                        StoredError::Newer(v) => t_string!(i18n, unreadable_newer, version = *v).to_string(),
                        StoredError::Corrupt(m) => t_string!(i18n, unreadable_corrupt, detail = m.clone()).to_string(),
                    };
                    let (raw, key) = (u.raw.clone(), u.key.clone());
                    let file = format!("{}.recovered.json", u.key.replace(':', "-"));
                    view! {
                        <li>
                            <code>{u.key.clone()}</code>
                            <span>{reason}</span>
                            <button type="button" on:click=move |_| state.downloaded(download(&file, "application/json", &raw))>
                                {t!(i18n, unreadable_download)}
                            </button>
                            <button type="button" class="danger" on:click=move |_| discard(key.clone())>
                                {t!(i18n, unreadable_discard)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="unreadable" role="alert" data-testid="unreadable">
                    <h2>{t!(i18n, unreadable_heading)}</h2>
                    <p>{t!(i18n, unreadable_explain)}</p>
                    <ul>{rows}</ul>
                </section>
            }
        })
    }
}
