//! One stage as a column of the canvas: its heading, one cell per visible lane, one emotion
//! cell per persona and its decision point (a subgrid, so every row lines up across stages).

use crate::domain::Stage;
use leptos::prelude::*;

use super::{expect_canvas, CanvasCell, CardForm, DecisionView, EmotionCell, StageForm};
use crate::domain::{CardKind, Edit, Id};
use crate::i18n::*;
use crate::ui::data::DataSession;
use crate::ui::embed::use_read_only;
use crate::ui::state::use_lang;

#[component]
pub fn StageColumn(
    /// The stage.
    stage: Id<Stage>,
    /// Its position.
    index: usize,
    /// Whether its cells are drawn (columns far outside the view show their heading only).
    #[prop(into)]
    drawn: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let canvas = expect_canvas();
    let open = canvas.open;
    let stage = StoredValue::new(stage);
    let info = open.select(move |m| {
        m.stage(&stage.get_value()).map(|s| {
            (
                s.name.get(lang.get()).to_owned(),
                s.description.get(lang.get()).to_owned(),
                m.stages.len(),
            )
        })
    });
    let read_only = use_read_only();
    let editing = RwSignal::new(false);
    let adding = RwSignal::new(false);
    let name = move || info.get().map(|i| i.0).unwrap_or_default();
    let count = move || info.get().map_or(0, |i| i.2);

    let move_to = move |to: usize| {
        open.edit(Edit::MoveStage {
            id: stage.get_value(),
            to,
        })
    };
    let remove = move |_| {
        open.edit(Edit::RemoveStage {
            id: stage.get_value(),
        })
    };
    // Contacts the imported data places here, when there is data and the rules parse.
    let data = use_context::<DataSession>();
    let contacts = move || {
        let classified = data?.classified.get()?.ok()?;
        Some(
            classified
                .tally
                .of(&stage.get_value())
                .map_or(0, |t| t.contacts),
        )
    };
    // Step conversion and median days from the metrics, e.g. "62 % → next · 14 d (n = 8)".
    let figures = move || {
        let r = data?.report.get()?;
        let s = r.stages.get(index)?;
        let lang = lang.get();
        let mut parts = Vec::new();
        if let Some(next) = s.next.filter(|n| n.den > 0) {
            let share = crate::domain::format::ratio(next, lang);
            parts.push(t_string!(i18n, metrics_badge_step, share = share).to_string());
        }
        if let Some(median) = s.time.median() {
            let days = crate::domain::format::days(Some(median), lang);
            parts
                .push(t_string!(i18n, metrics_badge_days, days = days, n = s.time.n()).to_string());
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    };
    let heading_id = format!("stage-h-{}", stage.get_value());
    let labelled_by = heading_id.clone();

    let lane_rows = move || {
        canvas
            .grid
            .read()
            .lanes
            .iter()
            .cloned()
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <li class="stage" data-stage-id=stage.get_value().0 aria-labelledby=labelled_by>
            <div class="stage-top">
            <div class="stage-head" draggable=move || (!read_only.get()).to_string() data-stage-drag=stage.get_value().0
                title=move || (!read_only.get()).then(|| t_string!(i18n, drag_stage_hint).to_string())>
                <span class="stage-number" aria-hidden="true">{index + 1}</span>
                <h2 id=heading_id>{name}</h2>
            </div>
            {move || contacts().map(|n| view! {
                <p class="stage-count" data-testid="stage-count">
                    {t_string!(i18n, on_stage_contacts, count = n).to_string()}
                </p>
            })}
            {move || figures().map(|text| view! {
                <p class="stage-metrics" data-testid="stage-metrics"
                    title=move || t_string!(i18n, metrics_badge_label).to_string()>{text}</p>
            })}
            <Show when=move || editing.get() fallback=move || view! {
                <p class="stage-description">{move || info.get().map(|i| i.1).unwrap_or_default()}</p>
            }>
                {view! { <StageForm stage=stage.get_value() on_done=Callback::new(move |_| editing.set(false)) /> }.into_any()}
            </Show>
            // Type-erased: the nested view types otherwise give symbol names over the 100 KB
            // that rustc's LTO reader accepts ("Invalid Wasm linking symbol").
            <Show when=move || !read_only.get()>
            {view! {
            <div class="stage-actions">
                <button type="button" class="small" on:click=move |_| editing.update(|e| *e = !*e)
                    aria-label=move || t_string!(i18n, edit_stage_named, name = name()).to_string()>
                    {t!(i18n, edit)}
                </button>
                <button type="button" class="small icon" disabled=move || index == 0
                    on:click=move |_| move_to(index.saturating_sub(1))
                    aria-label=move || t_string!(i18n, move_stage_left, name = name()).to_string()>
                    <span aria-hidden="true">"◀"</span>
                </button>
                <button type="button" class="small icon" disabled=move || { index + 1 >= count() }
                    on:click=move |_| move_to(index + 1)
                    aria-label=move || t_string!(i18n, move_stage_right, name = name()).to_string()>
                    <span aria-hidden="true">"▶"</span>
                </button>
                <button type="button" class="small icon danger" on:click=remove
                    aria-label=move || t_string!(i18n, delete_stage_named, name = name()).to_string()>
                    <span aria-hidden="true">"✕"</span>
                </button>
            </div>
            <Show when=move || adding.get() fallback=move || view! {
                <button type="button" class="add-card" on:click=move |_| adding.set(true)
                    aria-label=move || t_string!(i18n, add_card_to, name = name()).to_string()>
                    <span aria-hidden="true">"+ "</span>{t!(i18n, add_card)}
                </button>
            }>
                {view! { <CardForm stage=Some(stage.get_value()) card=None kind=CardKind::Touchpoint
                    on_done=Callback::new(move |_| adding.set(false)) /> }.into_any()}
            </Show>
            }.into_any()}
            </Show>
            </div>
            <Show when=move || drawn.get()>
            <For
                each=lane_rows
                key=|(row, lane)| (*row, lane.clone())
                children=move |(row, lane)| view! { <CanvasCell lane row column=index stage=stage.get_value() /> }
            />
            <For each=move || canvas.personas.get() key=|p| p.clone() let:persona>
                <EmotionCell persona=persona.0 persona_name=persona.1 stage=stage.get_value() index />
            </For>
            <div class="decision-cell">
                <DecisionView stage=stage.get_value() />
            </div>
            </Show>
        </li>
    }
}
