//! The content assets of a map as a table (title, kind, stage, persona, question) with Edit and
//! Delete on each row; Edit turns the row into an [`AssetForm`].

use crate::domain::ContentAsset;
use leptos::prelude::*;

use super::AssetForm;
use crate::domain::{Edit, Id};
use crate::i18n::*;
use crate::ui::labels::Choice;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// One asset as the table shows it, in the UI language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct AssetRow {
    id: Id<ContentAsset>,
    title: String,
    kind: String,
    stage: String,
    persona: String,
    question: String,
}

/// The asset table of the open map (`data-testid="asset-table"`, one `tr[data-testid=asset-row]` each).
#[component]
pub fn AssetTable() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let rows = open.select(move |m| {
        let l = lang.get();
        let everyone = t_string!(i18n, content_all_personas).to_string();
        m.content
            .iter()
            .map(|a| AssetRow {
                id: a.id.clone(),
                title: a.title.get(l).to_owned(),
                kind: a.kind.label(i18n),
                stage: m
                    .stage(&a.stage)
                    .map(|s| s.name.get(l).to_owned())
                    .unwrap_or_default(),
                persona: a
                    .persona
                    .as_ref()
                    .and_then(|p| m.persona(p))
                    .map(|p| p.name.get(l).to_owned())
                    .unwrap_or_else(|| everyone.clone()),
                question: a.question.clone(),
            })
            .collect::<Vec<_>>()
    });
    let editing = RwSignal::new(None::<Id<ContentAsset>>);
    let row_view = move |row: AssetRow| {
        let id = StoredValue::new(row.id.clone());
        let is_editing = move || editing.with(|e| e.as_ref() == Some(&id.get_value()));
        let shown = {
            let row = row.clone();
            move || {
                let (t1, t2) = (row.title.clone(), row.title.clone());
                view! {
                    <th scope="row" class="asset-title">{row.title.clone()}</th>
                    <td class="asset-kind">{row.kind.clone()}</td>
                    <td class="asset-stage">{row.stage.clone()}</td>
                    <td class="asset-persona">{row.persona.clone()}</td>
                    <td class="asset-question">{row.question.clone()}</td>
                    <td class="asset-actions">
                        <span class="form-actions">
                            <button
                                type="button"
                                class="small"
                                aria-label=move || t_string!(i18n, content_asset_edit_named, title = t1.clone()).to_string()
                                on:click=move |_| editing.set(Some(id.get_value()))
                            >
                                {t!(i18n, edit)}
                            </button>
                            <button
                                type="button"
                                class="small danger"
                                aria-label=move || t_string!(i18n, content_asset_delete_named, title = t2.clone()).to_string()
                                on:click=move |_| open.edit(Edit::RemoveAsset { id: id.get_value() })
                            >
                                <span aria-hidden="true">"✕ "</span>
                                {t!(i18n, delete)}
                            </button>
                        </span>
                    </td>
                }
            }
        };
        view! {
            <tr data-testid="asset-row" data-asset-id=row.id.0.clone()>
                <Show when=is_editing fallback=shown.clone()>
                    <td colspan="6">
                        <AssetForm
                            asset=Some(id.get_value())
                            on_done=Callback::new(move |_| editing.set(None))
                        />
                    </td>
                </Show>
            </tr>
        }
    };
    view! {
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! { <p class="empty" data-testid="no-assets">{t!(i18n, content_no_assets)}</p> }
        >
            <div class="table-scroll">
                <table class="metrics-table content-table" data-testid="asset-table">
                    <caption>{move || t_string!(i18n, content_asset_count, count = rows.with(|r| r.len())).to_string()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, content_col_title)}</th>
                            <th scope="col">{t!(i18n, content_col_kind)}</th>
                            <th scope="col">{t!(i18n, content_col_stage)}</th>
                            <th scope="col">{t!(i18n, content_col_persona)}</th>
                            <th scope="col">{t!(i18n, content_col_question)}</th>
                            <th scope="col">{t!(i18n, content_col_actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() children=row_view />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
