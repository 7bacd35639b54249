//! A map's responsibility matrix: departments × stages, hand-offs and their SLAs.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::responsibility::{
    DepartmentForm, FlagSummary, HandoffList, ResponsibilityTable,
};
use crate::ui::open_map::expect_open_map;

/// The responsibility view of the open map. The matrix is worked out once, here, and handed to
/// the parts that show it; the names they show they ask the open map for.
#[component]
pub fn ResponsibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let matrix = open.matrix();
    let stages = open.stage_names();
    let departments = open.department_names();
    view! {
        <section class="view-page resp-page" aria-labelledby="resp-title">
            <h2 id="resp-title" tabindex="-1">{t!(i18n, responsibility_title)}</h2>
            <p class="resp-note">{t!(i18n, resp_intro)}</p>
            <Show
                when=move || !stages.read().is_empty()
                fallback=move || view! { <p class="empty">{t!(i18n, no_stages)}</p> }
            >
                <ResponsibilityTable matrix />
                <Show when=move || departments.read().is_empty()>
                    <p class="empty">{t!(i18n, resp_no_departments)}</p>
                </Show>
                <FlagSummary matrix />
            </Show>
            <DepartmentForm />
            <Show when=move || !stages.read().is_empty()>
                <HandoffList matrix />
            </Show>
        </section>
    }
}
