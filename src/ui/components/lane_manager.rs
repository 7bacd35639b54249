//! Below the canvas: add a lane of any kind, and show lanes that were hidden.

use leptos::prelude::*;

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{CardKind, Edit, Id, Lane, Text};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

#[component]
pub fn LaneManager() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let hidden = open.select(move |m| {
        m.lanes
            .iter()
            .filter(|l| l.hidden)
            .map(|l| {
                (
                    l.id.clone(),
                    l.name.get(lang.get()).to_owned(),
                    l.name.clone(),
                )
            })
            .collect::<Vec<_>>()
    });
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(CardKind::Note.slug().to_owned());
    let error = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_owned();
        if n.is_empty() {
            error.set(true);
            return;
        }
        let k = kind.get_untracked();
        let kind = CardKind::ALL
            .into_iter()
            .find(|c| c.slug() == k)
            .unwrap_or(CardKind::Note);
        error.set(false);
        name.set(String::new());
        open.edit(Edit::InsertLane {
            index: usize::MAX,
            lane: Lane {
                id: Id::random(),
                name: Text::User(n),
                kind,
                hidden: false,
            },
        });
    };
    let kinds = CardKind::ALL
        .into_iter()
        .map(|k| {
            view! { <option value=k.slug()>{move || k.lane_name().get(lang.get()).to_owned()}</option> }
        })
        .collect_view();
    view! {
        <section class="lane-manager" aria-labelledby="lane-manager-h">
            <h2 id="lane-manager-h" class="visually-hidden">{t!(i18n, lanes)}</h2>
            <Show when=move || !hidden.read().is_empty()>
                <p class="hidden-lanes">
                    <span>{t!(i18n, hidden_lanes)}</span>
                    <For each=move || hidden.get() key=|h| h.0.clone() let:lane>
                        <button type="button" class="small"
                            on:click={
                                let (id, text) = (lane.0.clone(), lane.2.clone());
                                move |_| open.edit(Edit::UpdateLane {
                                    id: id.clone(), name: text.clone(), hidden: false,
                                })
                            }
                            aria-label=t_string!(i18n, show_lane_named, name = lane.1.clone()).to_string()>
                            <span aria-hidden="true">"◉ "</span>{lane.1.clone()}
                        </button>
                    </For>
                </p>
            </Show>
            <form class="lane-add" on:submit=add>
                <label>
                    <span>{t!(i18n, new_lane_name)}</span>
                    <input bind:value=name maxlength=TEXT_CHARS.to_string() aria-invalid=move || error.get().to_string() />
                </label>
                <label>
                    <span>{t!(i18n, lane_kind)}</span>
                    <select prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                        {kinds}
                    </select>
                </label>
                <button type="submit">{t!(i18n, add_lane)}</button>
                <Show when=move || error.get()>
                    <p class="field-error" role="alert">{t!(i18n, lane_name_required)}</p>
                </Show>
            </form>
        </section>
    }
}
