//! One card: its text, its kind's details (channel, severity, owner and status, expected
//! experience, research method), its evidence level and persona; focusable, with move, edit and
//! delete buttons. Keys and drags are handled by the canvas for all cards at once.

use crate::domain::Card;
use leptos::prelude::*;

use super::{expect_canvas, CardForm, QuestionAnswer};
use crate::domain::canvas::{self, Direction};
use crate::domain::{CardKind, Edit, Evidence, Id, Presence};
use crate::i18n::*;
use crate::ui::embed::use_read_only;
use crate::ui::labels::Choice;
use crate::ui::state::use_lang;

#[component]
pub fn CardView(
    /// The card.
    card: Id<Card>,
    /// How many stages the card is drawn across (1: its own stage).
    bar: usize,
    /// Whether the card is the first and the last of its cell (its up/down moves go nowhere).
    #[prop(into)]
    edges: Signal<(bool, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let canvas = expect_canvas();
    let read_only = use_read_only();
    let open = canvas.open;
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
            let title = c.title.get(lang.get()).to_owned();
            // Every translated text of the card, read here once: one locale subscription per
            // card instead of one per label (thousands of cards × a dozen labels otherwise).
            let name = title.as_str();
            let texts = Texts {
                edit: t_string!(i18n, edit).to_string(),
                edit_named: t_string!(i18n, edit_card_named, name = name).to_string(),
                up: t_string!(i18n, move_card_up, name = name).to_string(),
                down: t_string!(i18n, move_card_down, name = name).to_string(),
                left: t_string!(i18n, move_card_left, name = name).to_string(),
                right: t_string!(i18n, move_card_right, name = name).to_string(),
                delete: t_string!(i18n, delete_card_named, name = name).to_string(),
                channel: t_string!(i18n, channel).to_string(),
                presence: t_string!(i18n, presence).to_string(),
                online: t_string!(i18n, online).to_string(),
                offline: t_string!(i18n, offline).to_string(),
                department: t_string!(i18n, department).to_string(),
                content: t_string!(i18n, content_asset).to_string(),
                evidence: c.evidence.label(i18n),
                facts: facts(i18n, c, lk),
                spans: (c.span > 1).then(|| {
                    let n = usize::from(c.span).min(lk.stage_count.saturating_sub(at));
                    t_string!(i18n, spans_stages, count = n).to_string()
                }),
            };
            Some(CardInfo {
                texts,
                title,
                detail: c.detail.clone(),
                kind: lk.lanes.get(&c.lane).map_or(CardKind::Note, |l| l.1),
                touch,
                evidence: c.evidence,
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
    let step = move |dir: Direction| {
        let edit = open
            .with_map_untracked(|m| canvas::move_card(m, &card.get_value(), dir))
            .flatten();
        if let Some(edit) = edit {
            open.edit(edit);
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
        open.edit(Edit::RemoveCard {
            id: card.get_value(),
        })
    };
    let done_editing = Callback::new(move |_| {
        canvas.editing.set(None);
        let sel = crate::domain::css::attr_selector("data-card-id", card.get_value().as_str());
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
        if editing() && !read_only.get_untracked() {
            return view! {
                <li class="card editing" style=style>
                    <CardForm stage=None card=Some(card.get_value()) kind=i.kind
                        lane=None on_done=done_editing />
                </li>
            }
            .into_any();
        }
        let x = i.texts.clone();
        let touch = i.touch.clone().map(|t| {
            view! {
                <dl class="touch">
                    {(!t.channel.is_empty()).then(|| view! {
                        <dt>{x.channel.clone()}</dt><dd>{t.channel.clone()}</dd>
                    })}
                    <dt class="visually-hidden">{x.presence.clone()}</dt>
                    <dd class="presence">{match t.presence {
                        Presence::Online => x.online.clone(),
                        Presence::Offline => x.offline.clone(),
                    }}</dd>
                    {t.department.map(|d| view! { <dt>{x.department.clone()}</dt><dd>{d}</dd> })}
                    {(!t.content.is_empty()).then(|| view! {
                        <dt>{x.content.clone()}</dt><dd>{t.content.clone()}</dd>
                    })}
                </dl>
            }
        });
        let facts = (!x.facts.is_empty()).then(|| {
            view! {
                <dl class="facts">
                    {x.facts.iter().cloned().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
            }
        });
        let evidence = i.evidence;
        view! {
            <li
                class=format!("card card-{}{}", i.kind.slug(), if bar > 1 { " bar" } else { "" })
                style=style
                data-card-id=card.get_value().0
                tabindex="0"
                draggable=move || (!read_only.get()).to_string()
                aria-label=i.title.clone()
            >
                <p class="card-title">{i.title.clone()}</p>
                <p class="card-badges">
                    <span class=format!("evidence evidence-{}", evidence.slug())>
                        <span aria-hidden="true">{evidence_mark(evidence)}" "</span>
                        {x.evidence.clone()}
                    </span>
                    {x.spans.clone().map(|s| view! {
                        <span class="span-badge"><span aria-hidden="true">"↔ "</span>{s}</span>
                    })}
                </p>
                {(!i.detail.is_empty()).then(|| view! { <p class="card-detail">{i.detail.clone()}</p> })}
                {touch}
                {facts}
                {(i.kind == CardKind::Question).then(|| view! { <QuestionAnswer card=card.get_value() /> })}
                <Show when=move || !read_only.get()>
                {view! {
                <div class="card-actions">
                    <button type="button" class="small" on:click=move |_| canvas.editing.set(Some(card.get_value()))
                        aria-label=x.edit_named.clone()>{x.edit.clone()}</button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Up) on:click=move |_| step(Direction::Up)
                        aria-label=x.up.clone()><span aria-hidden="true">"▲"</span></button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Down) on:click=move |_| step(Direction::Down)
                        aria-label=x.down.clone()><span aria-hidden="true">"▼"</span></button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Left) on:click=move |_| step(Direction::Left)
                        aria-label=x.left.clone()><span aria-hidden="true">"◀"</span></button>
                    <button type="button" class="small icon" disabled=move || !can(Direction::Right) on:click=move |_| step(Direction::Right)
                        aria-label=x.right.clone()><span aria-hidden="true">"▶"</span></button>
                    <button type="button" class="small icon danger" on:click=remove
                        aria-label=x.delete.clone()><span aria-hidden="true">"✕"</span></button>
                </div>
                }.into_any()}
                </Show>
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

/// The facts a card lists under its title: (label, value), in the UI language.
fn facts(
    i18n: leptos_i18n::I18nContext<Locale>,
    c: &crate::domain::Card,
    lk: &super::Lookups,
) -> Vec<(String, String)> {
    let mut facts = Vec::new();
    if let Some(s) = c.severity {
        facts.push((t_string!(i18n, severity).to_string(), s.label(i18n)));
    }
    if !c.owner.is_empty() {
        facts.push((
            t_string!(i18n, opportunity_owner).to_string(),
            c.owner.clone(),
        ));
    }
    if let Some(s) = c.status {
        facts.push((
            t_string!(i18n, opportunity_status).to_string(),
            s.label(i18n),
        ));
    }
    if !c.expects.is_empty() {
        facts.push((t_string!(i18n, role_expects).to_string(), c.expects.clone()));
    }
    if let Some(m) = c.method {
        facts.push((t_string!(i18n, research_method).to_string(), m.label(i18n)));
    }
    if let Some(p) = c.persona.as_ref().and_then(|p| lk.personas.get(p)) {
        facts.push((t_string!(i18n, card_persona).to_string(), p.clone()));
    }
    facts
}

/// A card's texts in the UI language.
#[derive(Clone, PartialEq)]
struct Texts {
    edit: String,
    edit_named: String,
    up: String,
    down: String,
    left: String,
    right: String,
    delete: String,
    channel: String,
    presence: String,
    online: String,
    offline: String,
    department: String,
    content: String,
    evidence: String,
    facts: Vec<(String, String)>,
    spans: Option<String>,
}

#[derive(Clone, PartialEq)]
struct CardInfo {
    texts: Texts,
    title: String,
    detail: String,
    kind: CardKind,
    touch: Option<Touch>,
    evidence: Evidence,
    first_stage: bool,
    last_stage: bool,
}
