//! One card: its text, its kind's details (channel, severity, owner and status, expected
//! experience, research method), its evidence level and persona; focusable, with move, edit and
//! delete buttons. Keys and drags are handled by the canvas for all cards at once.

use leptos::prelude::*;

use super::{expect_canvas, CardForm, QuestionAnswer};
use crate::domain::canvas::{self, Direction};
use crate::domain::{CardKind, Edit, Evidence, Id, Presence};
use crate::i18n::*;
use crate::ui::labels::Choice;
use crate::ui::state::{expect_state, use_lang};

#[component]
pub fn CardView(
    /// The card.
    card: Id,
    /// How many stages the card is drawn across (1: its own stage).
    bar: usize,
    /// Whether the card is the first and the last of its cell (its up/down moves go nowhere).
    #[prop(into)]
    edges: Signal<(bool, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let canvas = expect_canvas();
    let map = canvas.map;
    let card = StoredValue::new(card);
    // Everything shown, from the card's own signal and the canvas's lookups (not the workspace).
    let signal = canvas.card(&card.get_value());
    let info = Memo::new(move |_| {
        let c = signal.read();
        let c = c.as_ref()?;
        canvas.lookups.with(|lk| {
            let touch = c.touchpoint.as_ref().map(|t| Touch {
                channel: crate::domain::channel::label(&t.channel, lang.get()),
                presence: t.presence,
                department: t
                    .department
                    .as_ref()
                    .and_then(|d| lk.departments.get(d).cloned()),
                content: t
                    .asset
                    .as_ref()
                    .and_then(|a| lk.assets.get(a).cloned())
                    .unwrap_or_else(|| t.content.clone()),
            });
            let at = lk.stages.get(&c.stage).map_or(0, |s| s.0);
            Some(CardInfo {
                title: c.title.get(lang.get()).to_owned(),
                detail: c.detail.clone(),
                kind: lk.lanes.get(&c.lane).map_or(CardKind::Note, |l| l.1),
                touch,
                evidence: c.evidence,
                persona: c.persona.as_ref().and_then(|p| lk.personas.get(p).cloned()),
                severity: c.severity,
                owner: c.owner.clone(),
                status: c.status,
                expects: c.expects.clone(),
                method: c.method,
                span: usize::from(c.span.max(1)).min(lk.stage_count.saturating_sub(at)),
                first_stage: at == 0,
                last_stage: at + 1 >= lk.stage_count,
            })
        })
    });
    let editing = move || {
        canvas
            .is_editing
            .with_value(|s| s.selected(&Some(card.get_value())))
    };
    let title = move || {
        info.read()
            .as_ref()
            .map(|i| i.title.clone())
            .unwrap_or_default()
    };
    let step = move |dir: Direction| {
        let edit = state.workspace.with_untracked(|ws| {
            ws.map(&map.get_value())
                .and_then(|m| canvas::move_card(m, &card.get_value(), dir))
        });
        if let Some(edit) = edit {
            state.edit(&map.get_value(), edit);
        }
    };
    // Whether a move button has somewhere to go (cheap: no scan of the map's cards).
    let can = move |dir: Direction| match dir {
        Direction::Up => !edges.get().0,
        Direction::Down => !edges.get().1,
        Direction::Left => info.read().as_ref().is_some_and(|i| !i.first_stage),
        Direction::Right => info.read().as_ref().is_some_and(|i| !i.last_stage),
    };
    let remove = move |_| {
        state.edit(
            &map.get_value(),
            Edit::RemoveCard {
                id: card.get_value(),
            },
        )
    };
    let done_editing = Callback::new(move |_| {
        canvas.editing.set(None);
        let sel = format!("[data-card-id=\"{}\"]", card.get_value());
        set_timeout(
            move || {
                use wasm_bindgen::JsCast;
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(&sel).ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
            },
            std::time::Duration::from_millis(0),
        );
    });

    move || {
        let Some(i) = info.get() else {
            return ().into_any();
        };
        let style = (bar > 1).then(|| format!("--span: {bar}"));
        if editing() {
            return view! {
                <li class="card editing" style=style>
                    <CardForm map=map.get_value() stage=Id::from("") card=Some(card.get_value()) kind=i.kind
                        lane=None on_done=done_editing />
                </li>
            }
            .into_any();
        }
        let touch = i.touch.clone().map(|t| {
            view! {
                <dl class="touch">
                    {(!t.channel.is_empty()).then(|| view! {
                        <dt>{t!(i18n, channel)}</dt><dd>{t.channel.clone()}</dd>
                    })}
                    <dt class="visually-hidden">{t!(i18n, presence)}</dt>
                    <dd class="presence">{match t.presence {
                        Presence::Online => t!(i18n, online).into_any(),
                        Presence::Offline => t!(i18n, offline).into_any(),
                    }}</dd>
                    {t.department.map(|d| view! { <dt>{t!(i18n, department)}</dt><dd>{d}</dd> })}
                    {(!t.content.is_empty()).then(|| view! {
                        <dt>{t!(i18n, content_asset)}</dt><dd>{t.content.clone()}</dd>
                    })}
                </dl>
            }
        });
        let mut facts: Vec<(String, String)> = Vec::new();
        if let Some(s) = i.severity {
            facts.push((t_string!(i18n, severity).to_string(), s.label(i18n)));
        }
        if !i.owner.is_empty() {
            facts.push((
                t_string!(i18n, opportunity_owner).to_string(),
                i.owner.clone(),
            ));
        }
        if let Some(s) = i.status {
            facts.push((
                t_string!(i18n, opportunity_status).to_string(),
                s.label(i18n),
            ));
        }
        if !i.expects.is_empty() {
            facts.push((t_string!(i18n, role_expects).to_string(), i.expects.clone()));
        }
        if let Some(m) = i.method {
            facts.push((t_string!(i18n, research_method).to_string(), m.label(i18n)));
        }
        if let Some(p) = &i.persona {
            facts.push((t_string!(i18n, card_persona).to_string(), p.clone()));
        }
        let facts = (!facts.is_empty()).then(|| {
            view! {
                <dl class="facts">
                    {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
            }
        });
        let evidence = i.evidence;
        let span = i.span;
        view! {
            <li
                class=format!("card card-{}{}", i.kind.slug(), if bar > 1 { " bar" } else { "" })
                style=style
                data-card-id=card.get_value().0
                tabindex="0"
                draggable="true"
                aria-label=i.title.clone()
            >
                <p class="card-title">{i.title.clone()}</p>
                <p class="card-badges">
                    <span class=format!("evidence evidence-{}", evidence.slug())>
                        <span aria-hidden="true">{evidence_mark(evidence)}" "</span>
                        {evidence.label(i18n)}
                    </span>
                    {(span > 1).then(|| view! {
                        <span class="span-badge">
                            <span aria-hidden="true">"↔ "</span>
                            {t_string!(i18n, spans_stages, count = span).to_string()}
                        </span>
                    })}
                </p>
                {(!i.detail.is_empty()).then(|| view! { <p class="card-detail">{i.detail.clone()}</p> })}
                {touch}
                {facts}
                {(i.kind == CardKind::Question).then(|| view! { <QuestionAnswer map=map.get_value() card=card.get_value() /> })}
                <div class="card-actions">
                    <button type="button" class="small" on:click=move |_| canvas.editing.set(Some(card.get_value()))
                        aria-label=move || t_string!(i18n, edit_card_named, name = title()).to_string()>{t!(i18n, edit)}</button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Up) on:click=move |_| step(Direction::Up)
                        aria-label=move || t_string!(i18n, move_card_up, name = title()).to_string()><span aria-hidden="true">"▲"</span></button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Down) on:click=move |_| step(Direction::Down)
                        aria-label=move || t_string!(i18n, move_card_down, name = title()).to_string()><span aria-hidden="true">"▼"</span></button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Left) on:click=move |_| step(Direction::Left)
                        aria-label=move || t_string!(i18n, move_card_left, name = title()).to_string()><span aria-hidden="true">"◀"</span></button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Right) on:click=move |_| step(Direction::Right)
                        aria-label=move || t_string!(i18n, move_card_right, name = title()).to_string()><span aria-hidden="true">"▶"</span></button>
                    <button type="button" class="small icon danger" on:click=remove
                        aria-label=move || t_string!(i18n, delete_card_named, name = title()).to_string()><span aria-hidden="true">"✕"</span></button>
                </div>
            </li>
        }
        .into_any()
    }
}

/// The symbol shown before an evidence level (with its name, so colour is not the only signal).
fn evidence_mark(e: Evidence) -> &'static str {
    match e {
        Evidence::Observed => "●",
        Evidence::Reported => "◐",
        Evidence::Assumed => "○",
    }
}

#[derive(Clone, PartialEq)]
struct Touch {
    channel: String,
    presence: Presence,
    department: Option<String>,
    content: String,
}

#[derive(Clone, PartialEq)]
struct CardInfo {
    title: String,
    detail: String,
    kind: CardKind,
    touch: Option<Touch>,
    evidence: Evidence,
    persona: Option<String>,
    severity: Option<crate::domain::Severity>,
    owner: String,
    status: Option<crate::domain::OpportunityStatus>,
    expects: String,
    method: Option<crate::domain::ResearchMethod>,
    span: usize,
    first_stage: bool,
    last_stage: bool,
}
