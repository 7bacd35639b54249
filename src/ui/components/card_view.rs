//! One card: its text and touchpoint details, with keyboard-reachable move, edit and delete.

use leptos::prelude::*;

use super::{CardForm, QuestionAnswer};
use crate::domain::{CardKind, Edit, Id, Presence};
use crate::i18n::*;
use crate::ui::state::{expect_state, use_lang};

#[component]
pub fn CardView(map: Id, card: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let (map, card) = (StoredValue::new(map), StoredValue::new(card));
    // Everything shown, plus the neighbours needed to move the card.
    let info = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let m = ws.map(&map.get_value())?;
            let c = m.card(&card.get_value())?;
            let l = lang.get();
            let si = m.stage_index(&c.stage)?;
            let cell: Vec<&Id> = m.cards_in(&c.stage, &c.lane).map(|x| &x.id).collect();
            let pos = cell.iter().position(|x| **x == c.id)?;
            let touch = c.touchpoint.as_ref().map(|t| {
                (
                    crate::domain::channel::label(&t.channel, l),
                    t.presence,
                    t.department
                        .as_ref()
                        .and_then(|d| m.department(d))
                        .map(|d| d.name.get(l).to_owned()),
                    t.content.clone(),
                )
            });
            Some(CardInfo {
                title: c.title.get(l).to_owned(),
                detail: c.detail.clone(),
                kind: m.lane(&c.lane).map_or(CardKind::Note, |l| l.kind),
                lane: c.lane.clone(),
                prev_stage: si.checked_sub(1).map(|i| m.stages[i].id.clone()),
                next_stage: m.stages.get(si + 1).map(|s| s.id.clone()),
                before_prev: pos.checked_sub(1).map(|i| cell[i].clone()),
                after_next: cell.get(pos + 2).map(|x| (*x).clone()),
                is_last: pos + 1 == cell.len(),
                touch,
            })
        })
    });
    let editing = RwSignal::new(false);
    let title = move || info.get().map(|i| i.title).unwrap_or_default();

    let move_card = move |stage: Option<Id>, before: Option<Id>| {
        let Some(i) = info.get_untracked() else {
            return;
        };
        let stage = stage.unwrap_or_else(|| {
            state.workspace.with_untracked(|ws| {
                ws.map(&map.get_value())
                    .and_then(|m| m.card(&card.get_value()))
                    .map(|c| c.stage.clone())
                    .unwrap_or_else(|| Id::from(""))
            })
        });
        state.edit(
            &map.get_value(),
            Edit::MoveCard {
                id: card.get_value(),
                stage,
                lane: i.lane,
                before,
            },
        );
    };
    let up = move |_| {
        if let Some(b) = info.get_untracked().and_then(|i| i.before_prev) {
            move_card(None, Some(b));
        }
    };
    let down = move |_| {
        let Some(i) = info.get_untracked() else {
            return;
        };
        if !i.is_last {
            move_card(None, i.after_next);
        }
    };
    let left = move |_| {
        if let Some(s) = info.get_untracked().and_then(|i| i.prev_stage) {
            move_card(Some(s), None);
        }
    };
    let right = move |_| {
        if let Some(s) = info.get_untracked().and_then(|i| i.next_stage) {
            move_card(Some(s), None);
        }
    };
    let remove = move |_| {
        state.edit(
            &map.get_value(),
            Edit::RemoveCard {
                id: card.get_value(),
            },
        )
    };

    move || {
        let Some(i) = info.get() else {
            return ().into_any();
        };
        if editing.get() {
            return view! {
                <li class="card editing">
                    <CardForm map=map.get_value() stage=Id::from("") card=Some(card.get_value()) kind=i.kind
                        on_done=Callback::new(move |_| editing.set(false)) />
                </li>
            }
            .into_any();
        }
        let touch = i.touch.clone().map(|(channel, presence, dept, content)| {
            view! {
                <dl class="touch">
                    <Show when={let c = channel.clone(); move || !c.is_empty()}>
                        <dt>{t!(i18n, channel)}</dt><dd>{channel.clone()}</dd>
                    </Show>
                    <dt class="visually-hidden">{t!(i18n, presence)}</dt>
                    <dd class="presence">{match presence {
                        Presence::Online => t!(i18n, online).into_any(),
                        Presence::Offline => t!(i18n, offline).into_any(),
                    }}</dd>
                    {dept.map(|d| view! { <dt>{t!(i18n, department)}</dt><dd>{d}</dd> })}
                    <Show when={let c = content.clone(); move || !c.is_empty()}>
                        <dt>{t!(i18n, content_asset)}</dt><dd>{content.clone()}</dd>
                    </Show>
                </dl>
            }
        });
        let has_prev = i.prev_stage.is_some();
        let has_next = i.next_stage.is_some();
        let has_up = i.before_prev.is_some();
        let is_last = i.is_last;
        view! {
            <li class=format!("card card-{}", i.kind.slug()) data-card-id=card.get_value().0>
                <p class="card-title">{i.title.clone()}</p>
                {(!i.detail.is_empty()).then(|| view! { <p class="card-detail">{i.detail.clone()}</p> })}
                {touch}
                {(i.kind == CardKind::Question).then(|| view! { <QuestionAnswer map=map.get_value() card=card.get_value() /> })}
                <div class="card-actions">
                    <button type="button" class="small" on:click=move |_| editing.set(true)
                        aria-label=move || t_string!(i18n, edit_card_named, name = title()).to_string()>{t!(i18n, edit)}</button>
                    <button type="button" class="small icon" disabled=!has_up on:click=up
                        aria-label=move || t_string!(i18n, move_card_up, name = title()).to_string()><span aria-hidden="true">"▲"</span></button>
                    <button type="button" class="small icon" disabled=is_last on:click=down
                        aria-label=move || t_string!(i18n, move_card_down, name = title()).to_string()><span aria-hidden="true">"▼"</span></button>
                    <button type="button" class="small icon" disabled=!has_prev on:click=left
                        aria-label=move || t_string!(i18n, move_card_left, name = title()).to_string()><span aria-hidden="true">"◀"</span></button>
                    <button type="button" class="small icon" disabled=!has_next on:click=right
                        aria-label=move || t_string!(i18n, move_card_right, name = title()).to_string()><span aria-hidden="true">"▶"</span></button>
                    <button type="button" class="small icon danger" on:click=remove
                        aria-label=move || t_string!(i18n, delete_card_named, name = title()).to_string()><span aria-hidden="true">"✕"</span></button>
                </div>
            </li>
        }
        .into_any()
    }
}

#[derive(Clone, PartialEq)]
struct CardInfo {
    title: String,
    detail: String,
    kind: CardKind,
    lane: Id,
    prev_stage: Option<Id>,
    next_stage: Option<Id>,
    before_prev: Option<Id>,
    after_next: Option<Id>,
    is_last: bool,
    touch: Option<(String, Presence, Option<String>, String)>,
}
