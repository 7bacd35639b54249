//! One map in the list: open, rename, duplicate, export, delete.

use leptos::prelude::*;

use crate::domain::{Action, Id, Text};
use crate::i18n::*;
use crate::ui::file_io::download_map;
use crate::ui::route::href;
use crate::ui::state::{expect_state, use_lang, Notice};

/// `id` is the map shown; the row reads the rest from the workspace.
#[component]
pub fn MapRow(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let summary = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&id.get_value()).map(|m| {
                (
                    m.name.get(lang.get()).to_owned(),
                    m.source_model,
                    m.stages.len(),
                    m.cards.len(),
                    m.updated,
                )
            })
        })
    });
    let renaming = RwSignal::new(false);
    let name = move || summary.get().map(|s| s.0).unwrap_or_default();

    let rename = move |value: String| {
        renaming.set(false);
        let value = value.trim().to_owned();
        if !value.is_empty() && value != name() {
            state.dispatch(Action::Rename {
                map: id.get_value(),
                name: Text::User(value),
            });
        }
    };
    let duplicate = move |_| {
        let copy = t_string!(i18n, copy_of, name = name()).to_string();
        state.dispatch(Action::Duplicate {
            map: id.get_value(),
            name: Text::User(copy),
        });
    };
    let export = move |_| {
        state.flush_now();
        state.workspace.with_untracked(|ws| {
            if let Some(m) = ws.map(&id.get_value()) {
                let _ = download_map(m, lang.get_untracked());
            }
        });
    };
    let delete = move |_| {
        if state
            .dispatch(Action::Delete {
                map: id.get_value(),
            })
            .is_some()
        {
            state.notice.set(Some(Notice::Deleted));
        }
    };

    view! {
        <li class="map-row" data-map-id=move || id.get_value().0>
            <Show
                when=move || renaming.get()
                fallback=move || {
                    view! {
                        <a class="map-name" href=move || href(Some(&id.get_value()))>{name}</a>
                    }
                }
            >
                <input
                    class="rename"
                    aria-label=move || t_string!(i18n, map_name).to_string()
                    prop:value=name
                    autofocus
                    on:change=move |ev| rename(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            renaming.set(false);
                        }
                    }
                />
            </Show>
            <span class="map-meta">
                {move || summary.get().map(|s| {
                    view! {
                        <span>{t!(i18n, stage_count, count = move || s.2)}</span>
                        " · "
                        <span>{t!(i18n, card_count, count = move || s.3)}</span>
                        " · "
                        <time datetime=s.4.to_string()>{local_time(s.4, lang.get())}</time>
                    }
                })}
            </span>
            <span class="row-actions">
                <button type="button" on:click=move |_| renaming.set(true)>{t!(i18n, rename)}</button>
                <button type="button" on:click=duplicate>{t!(i18n, duplicate)}</button>
                <button type="button" on:click=export>{t!(i18n, export_json)}</button>
                <button type="button" class="danger" on:click=delete>{t!(i18n, delete)}</button>
            </span>
        </li>
    }
}

/// A moment in the reader's time zone and date format.
fn local_time(t: jiff::Timestamp, lang: crate::domain::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.as_millisecond() as f64));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    date.to_locale_string(lang.tag(), &opts).into()
}
