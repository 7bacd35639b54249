//! Start a new map from one of the proven models, or from blank.

use leptos::prelude::*;

use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::domain::{Done, SourceModel};
use crate::i18n::*;
use crate::ui::list_actions::{run, ListAction};
use crate::ui::route::href;
use crate::ui::state::expect_state;

#[component]
pub fn TemplatePicker() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let navigate = StoredValue::new_local(use_navigate());
    let create = move |model: SourceModel| {
        spawn_local(async move {
            if let Some(Done::Created(id)) = run(state, ListAction::Create(model)).await {
                navigate.with_value(|go| go(&href(Some(&id)), Default::default()));
            }
        });
    };
    let items = SourceModel::ALL.map(|model| {
        let (name, about) = match model {
            SourceModel::Hinge => (
                t!(i18n, tpl_hinge).into_any(),
                t!(i18n, tpl_hinge_about).into_any(),
            ),
            SourceModel::Scaleo => (
                t!(i18n, tpl_scaleo).into_any(),
                t!(i18n, tpl_scaleo_about).into_any(),
            ),
            SourceModel::ActOn => (
                t!(i18n, tpl_acton).into_any(),
                t!(i18n, tpl_acton_about).into_any(),
            ),
            SourceModel::MarTech => (
                t!(i18n, tpl_martech).into_any(),
                t!(i18n, tpl_martech_about).into_any(),
            ),
            SourceModel::Blank => (
                t!(i18n, tpl_blank).into_any(),
                t!(i18n, tpl_blank_about).into_any(),
            ),
        };
        view! {
            <li>
                <button
                    type="button"
                    class="template"
                    data-template=model.slug()
                    on:click=move |_| create(model)
                >
                    <span class="template-name">{name}</span>
                    <span class="template-about">{about}</span>
                </button>
            </li>
        }
    });
    view! {
        <section class="templates" aria-labelledby="new-map-heading">
            <h2 id="new-map-heading">{t!(i18n, new_map_heading)}</h2>
            <ul class="template-grid">{items.into_iter().collect_view()}</ul>
        </section>
    }
}
