//! The heading of one lane (a row of the canvas): its name and kind, and buttons to rename,
//! move, hide and delete it.

use crate::domain::Lane;
use leptos::prelude::*;

use super::expect_canvas;
use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{Edit, Id, Text};
use crate::i18n::*;
use crate::ui::embed::use_read_only;
use crate::ui::state::use_lang;

#[component]
pub fn LaneHead(
    /// The lane.
    lane: Id<Lane>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_canvas().open;
    let lang = use_lang();
    let lane = StoredValue::new(lane);
    // (name, kind, position among all lanes, number of lanes, hidden)
    let info = open.select(move |m| {
        let at = m.lanes.iter().position(|l| l.id == lane.get_value())?;
        let l = &m.lanes[at];
        Some((
            l.name.get(lang.get()).to_owned(),
            l.kind,
            at,
            m.lanes.len(),
            l.hidden,
        ))
    });
    let name = move || info.get().map(|i| i.0).unwrap_or_default();
    let read_only = use_read_only();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let update = move |name: Option<Text>, hidden: Option<bool>| {
        let current = open
            .with_map_untracked(|m| {
                m.lane(&lane.get_value())
                    .map(|l| (l.name.clone(), l.hidden))
            })
            .flatten();
        if let Some((n, h)) = current {
            open.edit(Edit::UpdateLane {
                id: lane.get_value(),
                name: name.unwrap_or(n),
                hidden: hidden.unwrap_or(h),
            });
        }
    };
    let move_to = move |to: usize| {
        open.edit(Edit::MoveLane {
            id: lane.get_value(),
            to,
        })
    };
    let at = move || info.get().map_or(0, |i| i.2);
    let count = move || info.get().map_or(0, |i| i.3);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = draft.get_untracked().trim().to_owned();
        if !v.is_empty() && v != name() {
            update(Some(Text::User(v)), None);
        }
        renaming.set(false);
    };
    let heading_id = format!("lane-h-{}", lane.get_value());
    let labelled_by = heading_id.clone();
    view! {
        <li class=move || format!("lane-head lane-{}", info.get().map_or("note", |i| i.1.slug()))
            data-lane-head=lane.get_value().0 aria-labelledby=labelled_by>
            <Show when=move || renaming.get() fallback=move || view! {
                <h3 class="lane-name" id=heading_id.clone()>{name}</h3>
            }>
                <form class="lane-rename" on:submit=save
                    on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(false) }>
                    <label class="visually-hidden" for=format!("lane-name-{}", lane.get_value())>
                        {t!(i18n, lane_name)}
                    </label>
                    <input id=format!("lane-name-{}", lane.get_value()) node_ref=input bind:value=draft maxlength=TEXT_CHARS.to_string() />
                    <button type="submit" class="small">{t!(i18n, save)}</button>
                </form>
            </Show>
            <Show when=move || !read_only.get()>
            {view! {
            <div class="lane-actions">
                <button type="button" class="small" on:click=move |_| { draft.set(name()); renaming.set(true); }
                    aria-label=move || t_string!(i18n, rename_lane_named, name = name()).to_string()>
                    {t!(i18n, rename)}
                </button>
                <button type="button" class="small icon" disabled=move || at() == 0
                    on:click=move |_| move_to(at().saturating_sub(1))
                    aria-label=move || t_string!(i18n, move_lane_up, name = name()).to_string()>
                    <span aria-hidden="true">"▲"</span>
                </button>
                <button type="button" class="small icon" disabled=move || { at() + 1 >= count() }
                    on:click=move |_| move_to(at() + 1)
                    aria-label=move || t_string!(i18n, move_lane_down, name = name()).to_string()>
                    <span aria-hidden="true">"▼"</span>
                </button>
                <button type="button" class="small" on:click=move |_| update(None, Some(true))
                    aria-label=move || t_string!(i18n, hide_lane_named, name = name()).to_string()>
                    {t!(i18n, hide)}
                </button>
                <button type="button" class="small icon danger"
                    on:click=move |_| open.edit(Edit::RemoveLane { id: lane.get_value() })
                    aria-label=move || t_string!(i18n, delete_lane_named, name = name()).to_string()>
                    <span aria-hidden="true">"✕"</span>
                </button>
            </div>
            }.into_any()}
            </Show>
        </li>
    }
}
