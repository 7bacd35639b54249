//! Add a content asset to a map, or edit one: title, kind, stage, persona, question.

use leptos::prelude::*;

use super::{escape_cancels, ChoiceSelect, FieldError, FormActions};
use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{ContentAsset, ContentKind, Edit, Id, Text};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// With `asset: None` adds a new asset (then clears title and question for the next one, and
/// keeps kind, stage and persona); with `Some(id)` edits that asset and calls `on_done` when
/// saved or cancelled. An empty title is refused with a message; nothing typed is lost.
#[component]
pub fn AssetForm(
    /// The asset to edit; `None` to add one.
    asset: Option<Id<ContentAsset>>,
    /// Called after a save of an edit, or on Cancel / Escape.
    #[prop(optional, into)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let l = lang.get_untracked();
    let (existing, first_stage) = open
        .with_map_untracked(|m| {
            (
                asset.as_ref().and_then(|a| m.asset(a)).cloned(),
                m.stages.first().map(|s| s.id.0.clone()),
            )
        })
        .unwrap_or_default();
    let title = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.title.get(l).to_owned())
            .unwrap_or_default(),
    );
    let kind = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.kind)
            .unwrap_or(ContentKind::CaseStudy),
    );
    let stage = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.stage.0.clone())
            .or(first_stage)
            .unwrap_or_default(),
    );
    let persona = RwSignal::new(
        existing
            .as_ref()
            .and_then(|a| a.persona.as_ref())
            .map(|p| p.0.clone())
            .unwrap_or_default(),
    );
    let question = RwSignal::new(
        existing
            .as_ref()
            .map(|a| a.question.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(false);
    let added = RwSignal::new(None::<String>);
    let title_input = NodeRef::<leptos::html::Input>::new();
    if existing.is_some() {
        Effect::new(move |_| {
            if let Some(el) = title_input.get() {
                let _ = el.focus();
            }
        });
    }
    // The stages and personas to pick from, live (a persona added above shows up at once).
    let choices = open.select(move |m| {
        let l = lang.get();
        let stages: Vec<(String, String)> = m
            .stages
            .iter()
            .map(|s| (s.id.0.clone(), s.name.get(l).to_owned()))
            .collect();
        let personas: Vec<(String, String)> = m
            .personas
            .iter()
            .map(|p| (p.id.0.clone(), p.name.get(l).to_owned()))
            .collect();
        (stages, personas)
    });
    // What the selects show: a persona deleted while the form is open falls back to "All
    // personas", a stage gone to the first stage.
    let persona_shown = move || {
        let p = persona.get();
        if choices.with(|(_, ps)| ps.iter().any(|(id, _)| id == &p)) {
            p
        } else {
            String::new()
        }
    };
    let stage_shown = move || {
        let s = stage.get();
        choices.with(|(ss, _)| {
            if ss.iter().any(|(id, _)| id == &s) {
                s
            } else {
                ss.first().map(|(id, _)| id.clone()).unwrap_or_default()
            }
        })
    };
    let existing = StoredValue::new(existing);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_owned();
        if t.is_empty() {
            error.set(true);
            added.set(None);
            return;
        }
        error.set(false);
        let persona_id = Some(persona_shown()).filter(|p| !p.is_empty()).map(Id::new);
        let fields = |id: Id<ContentAsset>, title: Text| ContentAsset {
            id,
            title,
            kind: kind.get_untracked(),
            stage: Id::new(stage_shown()),
            persona: persona_id.clone(),
            question: question.get_untracked().trim().to_owned(),
        };
        match existing.get_value() {
            Some(old) => {
                let title = if old.title.get(l) == t {
                    old.title.clone()
                } else {
                    Text::User(t)
                };
                let asset = fields(old.id.clone(), title);
                open.edit(Edit::UpdateAsset { asset });
                if let Some(done) = on_done {
                    done.run(());
                }
            }
            None => {
                let asset = fields(Id::random(), Text::User(t.clone()));
                open.edit(Edit::InsertAsset {
                    index: usize::MAX,
                    asset,
                });
                title.set(String::new());
                question.set(String::new());
                added.set(Some(t));
                if let Some(el) = title_input.get_untracked() {
                    let _ = el.focus();
                }
            }
        }
    };
    let is_new = existing.with_value(|e| e.is_none());
    let uid = Id::random_text();
    let fid = move |field: &str| format!("asset-{field}-{uid}");
    let error_id = fid("error");
    // A new asset's form stays open for the next one: only an edit is cancelled.
    let on_cancel = on_done.filter(|_| !is_new);
    let add_label =
        is_new.then(|| Signal::derive(move || t_string!(i18n, content_asset_add).to_string()));
    let stage_options = move || {
        choices.with(|(stages, _)| {
            stages
                .iter()
                .map(|(id, name)| {
                    let v = id.clone();
                    view! { <option value=id.clone() selected=move || stage_shown() == v>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let persona_options = move || {
        choices.with(|(_, personas)| {
            personas
                .iter()
                .map(|(id, name)| {
                    let v = id.clone();
                    view! { <option value=id.clone() selected=move || persona_shown() == v>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <form
            class="asset-form"
            data-testid=if is_new { "asset-add" } else { "asset-edit" }
            aria-label=move || if is_new { t_string!(i18n, content_asset_add_title).to_string() } else { t_string!(i18n, edit).to_string() }
            novalidate
            on:submit=submit
            on:keydown=escape_cancels(on_cancel)
        >
            <label class="asset-title">
                <span>{t!(i18n, content_col_title)}</span>
                <input
                    id=fid("title")
                    node_ref=title_input
                    bind:value=title
                    maxlength=TEXT_CHARS.to_string()
                    required
                    aria-invalid=move || error.get().to_string()
                    aria-describedby=error_id.clone()
                />
            </label>
            <ChoiceSelect
                label=Signal::derive(move || t_string!(i18n, content_col_kind).to_string())
                value=kind
                on_pick=move |k| kind.set(k)
                test_id="asset-kind"
            />
            <label class="choice">
                <span>{t!(i18n, content_col_stage)}</span>
                <select data-testid="asset-stage" prop:value=stage_shown on:change=move |ev| stage.set(event_target_value(&ev))>
                    {stage_options}
                </select>
            </label>
            <label class="choice">
                <span>{t!(i18n, content_col_persona)}</span>
                <select data-testid="asset-persona" prop:value=persona_shown on:change=move |ev| persona.set(event_target_value(&ev))>
                    <option value="" selected=move || persona_shown().is_empty()>{t!(i18n, content_all_personas)}</option>
                    {persona_options}
                </select>
            </label>
            <label class="asset-question">
                <span>{t!(i18n, content_col_question)}</span>
                <input id=fid("question") bind:value=question maxlength=TEXT_CHARS.to_string() />
            </label>
            <FormActions add_label=add_label on_cancel=on_cancel />
            <FieldError id=error_id message=Signal::derive(move || error.get().then(|| t_string!(i18n, title_required).to_string())) />
            <p class="status-line" role="status">
                {move || added.get().map(|t| t_string!(i18n, content_asset_added, title = t).to_string())}
            </p>
        </form>
    }
}
