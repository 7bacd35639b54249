//! The bar above a map: back, name, undo/redo, add stage, new to-be version, export; on a to-be
//! version, a link to the map it was made from.

use leptos::prelude::*;

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{Edit, Id, Stage, Text};
use crate::i18n::*;
use crate::ui::components::{NewVersionButton, ShareMenu};
use crate::ui::embed::use_embed;
use crate::ui::open_map::expect_open_map;
use crate::ui::route::href;
use crate::ui::state::use_lang;

#[component]
pub fn MapToolbar() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    // An (editable) embed has no map list and no other maps to open.
    let embed = use_embed();
    let full_app = move || embed.get().is_none();
    let name = open.select(move |m| m.name.get(lang.get()).to_owned());
    // The map this one is a to-be version of (if it still exists): its id and name.
    let original = open.original();
    let can_undo = open.can_undo();
    let can_redo = open.can_redo();

    let rename = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev).trim().to_owned();
        let renamed =
            !value.is_empty() && value != name.get_untracked() && open.rename(Text::User(value));
        // An empty or refused name leaves the map's name, in the box too.
        if !renamed {
            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&name.get_untracked());
        }
    };
    let add_stage = move |_| {
        let n = open.with_map_untracked(|m| m.stages.len()).unwrap_or(0);
        let stage = Stage {
            id: Id::random(),
            name: Text::User(t_string!(i18n, new_stage_name, n = n + 1).to_string()),
            description: Text::default(),
            decision: None,
        };
        open.edit(Edit::InsertStage { index: n, stage });
    };
    let export = move |_| open.download();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    view! {
        <div class="toolbar" role="toolbar" aria-label=move || t_string!(i18n, map_tools).to_string()>
            <Show when=full_app>
                <a class="button" href=move || href(None)>
                    <span aria-hidden="true">"← "</span>
                    {t!(i18n, back_to_maps)}
                </a>
            </Show>
            <label class="map-title">
                <span class="visually-hidden">{t!(i18n, map_name)}</span>
                <input id="map-name" prop:value=move || name.get() maxlength=TEXT_CHARS.to_string() on:change=rename />
            </label>
            <button
                type="button"
                disabled=move || !can_undo.get()
                aria-keyshortcuts="Control+Z"
                on:click=move |_| open.undo()
            >
                <span aria-hidden="true">"↶ "</span>
                {t!(i18n, undo)}
            </button>
            <button
                type="button"
                disabled=move || !can_redo.get()
                aria-keyshortcuts="Control+Shift+Z"
                on:click=move |_| open.redo()
            >
                <span aria-hidden="true">"↷ "</span>
                {t!(i18n, redo)}
            </button>
            <button type="button" on:click=add_stage>
                <span aria-hidden="true">"+ "</span>
                {t!(i18n, add_stage)}
            </button>
            <Show when=full_app>
                <NewVersionButton />
            </Show>
            <button type="button" on:click=export>{t!(i18n, export_json)}</button>
            <ShareMenu />
            <button type="button" on:click=print>{t!(i18n, print)}</button>
        </div>
        {move || original.get().map(|(of, of_name)| view! {
            <p class="version-of" data-testid="version-of">
                {t!(i18n, version_of_before)}
                <a href=href(Some(&of))>{of_name}</a>
                {t!(i18n, version_of_after)}
            </p>
        })}
    }
}
