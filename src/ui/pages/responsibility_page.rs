//! A map's responsibility matrix: departments × stages, hand-offs and their SLAs.

use leptos::prelude::*;

use crate::domain::responsibility;
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::components::responsibility::{
    DepartmentForm, FlagSummary, HandoffList, Names, ResponsibilityTable,
};
use crate::ui::state::{expect_state, use_lang};

#[component]
pub fn ResponsibilityPage(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let id = StoredValue::new(map);
    let matrix = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&id.get_value())
                .map(responsibility::matrix)
                .unwrap_or_default()
        })
    });
    let stages = Memo::new(move |_| {
        let l = lang.get();
        state.workspace.with(|ws| {
            ws.map(&id.get_value())
                .map(|m| {
                    m.stages
                        .iter()
                        .map(|s| (s.id.clone(), s.name.get(l).to_owned()))
                        .collect::<Names>()
                })
                .unwrap_or_default()
        })
    });
    let departments = Memo::new(move |_| {
        let l = lang.get();
        state.workspace.with(|ws| {
            ws.map(&id.get_value())
                .map(|m| {
                    m.departments
                        .iter()
                        .map(|d| (d.id.clone(), d.name.get(l).to_owned()))
                        .collect::<Names>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="view-page resp-page" aria-labelledby="resp-title">
            <h2 id="resp-title" tabindex="-1">{t!(i18n, responsibility_title)}</h2>
            <p class="resp-note">{t!(i18n, resp_intro)}</p>
            <Show
                when=move || !stages.read().is_empty()
                fallback=move || view! { <p class="empty">{t!(i18n, no_stages)}</p> }
            >
                <ResponsibilityTable map=id.get_value() matrix stages departments />
                <Show when=move || departments.read().is_empty()>
                    <p class="empty">{t!(i18n, resp_no_departments)}</p>
                </Show>
                <FlagSummary matrix stages />
            </Show>
            <DepartmentForm map=id.get_value() />
            <Show when=move || !stages.read().is_empty()>
                <HandoffList map=id.get_value() matrix stages departments />
            </Show>
        </section>
    }
}
