//! One map in the list: open, rename, duplicate, export, delete.

use leptos::prelude::*;

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::Id;
use crate::i18n::*;
use crate::platform::clock::millis_of;
use crate::ui::list_actions::{run_now, ListAction};
use crate::ui::route::href;
use crate::ui::state::{expect_state, use_lang};

/// `id` is the map shown; the row reads the rest from the list's rows.
#[component]
pub fn MapRow(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let summary = Memo::new(move |_| {
        state.rows.with(|rows| {
            rows.iter().find(|r| r.id == id.get_value()).map(|r| {
                (
                    r.name.get(lang.get()).to_owned(),
                    r.stages,
                    r.cards,
                    r.updated.clone(),
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
            run_now(
                state,
                ListAction::Rename {
                    map: id.get_value(),
                    name: value,
                },
            );
        }
    };
    let duplicate = move |_| {
        let copy = t_string!(i18n, copy_of, name = name()).to_string();
        run_now(
            state,
            ListAction::Duplicate {
                map: id.get_value(),
                name: copy,
            },
        );
    };
    let export = move |_| {
        run_now(
            state,
            ListAction::Export {
                map: id.get_value(),
                lang: lang.get_untracked(),
            },
        );
    };
    let delete = move |_| run_now(state, ListAction::Delete(id.get_value()));

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
                    maxlength=TEXT_CHARS.to_string()
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
                        <span>{t!(i18n, stage_count, count = move || s.1)}</span>
                        " · "
                        <span>{t!(i18n, card_count, count = move || s.2)}</span>
                        " · "
                        <time datetime=s.3.clone()>{local_time(&s.3, lang.get())}</time>
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
fn local_time(t: &str, lang: crate::domain::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis_of(t)));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    date.to_locale_string(lang.tag(), &opts).into()
}
