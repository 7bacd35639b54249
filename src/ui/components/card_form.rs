//! Add a card to a stage, or edit one: lane, title, detail, and touchpoint details.

use leptos::prelude::*;

use crate::domain::{Card, CardKind, Edit, Id, Presence, Text, Touchpoint};
use crate::i18n::*;
use crate::ui::state::{expect_state, use_lang};

/// With `card: None` adds a new card to `stage`; with `Some(id)` edits that card.
#[component]
pub fn CardForm(
    map: Id,
    stage: Id,
    card: Option<Id>,
    kind: CardKind,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let l = lang.get_untracked();
    let (lanes, departments, existing) = state.workspace.with_untracked(|ws| {
        let m = ws.map(&map);
        let lanes: Vec<(Id, String, CardKind)> = m
            .map(|m| {
                m.lanes
                    .iter()
                    .map(|x| (x.id.clone(), x.name.get(l).to_owned(), x.kind))
                    .collect()
            })
            .unwrap_or_default();
        let departments: Vec<(Id, String)> = m
            .map(|m| {
                m.departments
                    .iter()
                    .map(|d| (d.id.clone(), d.name.get(l).to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let existing = card
            .as_ref()
            .and_then(|c| m.and_then(|m| m.card(c)).cloned());
        (lanes, departments, existing)
    });
    let default_lane = existing
        .as_ref()
        .map(|c| c.lane.clone())
        .or_else(|| lanes.iter().find(|x| x.2 == kind).map(|x| x.0.clone()))
        .or_else(|| lanes.first().map(|x| x.0.clone()))
        .unwrap_or_else(|| Id::from(""));
    let lane = RwSignal::new(default_lane.0.clone());
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.title.get(l).to_owned())
            .unwrap_or_default(),
    );
    let detail = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.detail.clone())
            .unwrap_or_default(),
    );
    let tp = existing
        .as_ref()
        .and_then(|c| c.touchpoint.clone())
        .unwrap_or_default();
    let channel = RwSignal::new(crate::domain::channel::label(&tp.channel, l));
    let online = RwSignal::new(tp.presence == Presence::Online);
    let dept = RwSignal::new(
        tp.department
            .as_ref()
            .map(|d| d.0.clone())
            .unwrap_or_default(),
    );
    let content = RwSignal::new(tp.content.clone());
    let error = RwSignal::new(false);
    // The button that opened the form is gone: put keyboard focus in the form.
    let title_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = title_input.get() {
            let _ = el.focus();
        }
    });
    let lanes = StoredValue::new(lanes);
    let is_touch = move || {
        let lid = lane.get();
        lanes.with_value(|ls| {
            ls.iter()
                .any(|x| x.0 .0 == lid && x.2 == CardKind::Touchpoint)
        })
    };
    let (map, stage) = (StoredValue::new(map), StoredValue::new(stage));
    let existing = StoredValue::new(existing);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_owned();
        if t.is_empty() {
            error.set(true);
            return;
        }
        let touchpoint = is_touch().then(|| Touchpoint {
            channel: crate::domain::channel::from_input(&channel.get_untracked()),
            presence: if online.get_untracked() {
                Presence::Online
            } else {
                Presence::Offline
            },
            department: Some(dept.get_untracked()).filter(|d| !d.is_empty()).map(Id),
            content: content.get_untracked().trim().to_owned(),
            ..existing
                .get_value()
                .and_then(|c| c.touchpoint)
                .unwrap_or_default()
        });
        let lane_id = Id(lane.get_untracked());
        match existing.get_value() {
            Some(old) => {
                let title = if old.title.get(l) == t {
                    old.title.clone()
                } else {
                    Text::User(t)
                };
                let moved_lane = old.lane != lane_id;
                let updated = Card {
                    title,
                    detail: detail.get_untracked(),
                    touchpoint,
                    ..old.clone()
                };
                state.edit(&map.get_value(), Edit::UpdateCard { card: updated });
                if moved_lane {
                    state.edit(
                        &map.get_value(),
                        Edit::MoveCard {
                            id: old.id.clone(),
                            stage: old.stage.clone(),
                            lane: lane_id,
                            before: None,
                        },
                    );
                }
            }
            None => {
                let card = Card {
                    detail: detail.get_untracked(),
                    touchpoint,
                    ..Card::plain(Id::random(), stage.get_value(), lane_id, Text::User(t))
                };
                state.edit(
                    &map.get_value(),
                    Edit::InsertCard {
                        index: usize::MAX,
                        card,
                    },
                );
            }
        }
        on_done.run(());
    };
    let uid = Id::random().0;
    let fid = move |name: &str| format!("{name}-{uid}");
    let lane_options = lanes.with_value(|ls| {
        ls.iter()
            .map(|(id, name, _)| view! { <option value=id.0.clone()>{name.clone()}</option> })
            .collect_view()
    });
    let dept_options = departments
        .into_iter()
        .map(|(id, name)| view! { <option value=id.0.clone()>{name}</option> })
        .collect_view();
    let is_new = existing.with_value(|e| e.is_none());
    let channel_options = crate::domain::channel::known()
        .into_iter()
        .map(|(_, name)| view! { <option value=name.get(l).to_owned()></option> })
        .collect_view();

    view! {
        <form class="card-form" on:submit=submit on:keydown=move |ev| if ev.key() == "Escape" { on_done.run(()) }>
            <label for=fid("lane")>{t!(i18n, lane)}</label>
            <select id=fid("lane") prop:value=move || lane.get() on:change=move |ev| lane.set(event_target_value(&ev))>
                {lane_options}
            </select>
            <label for=fid("title")>{t!(i18n, card_title)}</label>
            <input id=fid("title") node_ref=title_input bind:value=title required aria-invalid=move || error.get().to_string() />
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{t!(i18n, title_required)}</p>
            </Show>
            <label for=fid("detail")>{t!(i18n, detail)}</label>
            <textarea id=fid("detail") rows="2" bind:value=detail></textarea>
            <Show when=is_touch>
                <fieldset class="touch-fields">
                    <legend>{t!(i18n, touchpoint)}</legend>
                    <label for=fid("channel")>{t!(i18n, channel)}</label>
                    <input id=fid("channel") bind:value=channel list=fid("channels") />
                    <datalist id=fid("channels")>{channel_options.clone()}</datalist>
                    <label class="inline">
                        <input type="checkbox" bind:checked=online />
                        {t!(i18n, online)}
                    </label>
                    <label for=fid("dept")>{t!(i18n, department)}</label>
                    <select id=fid("dept") prop:value=move || dept.get() on:change=move |ev| dept.set(event_target_value(&ev))>
                        <option value="">{t!(i18n, none)}</option>
                        {dept_options.clone()}
                    </select>
                    <label for=fid("content")>{t!(i18n, content_asset)}</label>
                    <input id=fid("content") bind:value=content />
                </fieldset>
            </Show>
            <div class="form-actions">
                <button type="submit" class="primary">
                    {if is_new { t!(i18n, add_card).into_any() } else { t!(i18n, save).into_any() }}
                </button>
                <button type="button" on:click=move |_| on_done.run(())>{t!(i18n, cancel)}</button>
            </div>
        </form>
    }
}
