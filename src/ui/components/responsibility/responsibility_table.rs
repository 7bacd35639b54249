//! The responsibility matrix: departments as rows, stages as columns, and a row of flags.

use leptos::prelude::*;

use crate::domain::responsibility::{Matrix, StageFlag};
use crate::i18n::*;
use crate::ui::components::responsibility::DepartmentRow;
use crate::ui::open_map::expect_open_map;

/// The `<table>` of the open map's matrix, with a last row saying, per stage, whether its
/// ownership is clear.
#[component]
pub fn ResponsibilityTable(
    /// The matrix of the map.
    #[prop(into)]
    matrix: Signal<Matrix>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let stages = open.stage_names();
    let department_ids = open.select(|m| {
        m.departments
            .iter()
            .map(|d| d.id.clone())
            .collect::<Vec<_>>()
    });
    let head = move || {
        stages
            .get()
            .into_iter()
            .map(|(_, name)| view! { <th scope="col">{name}</th> })
            .collect_view()
    };
    let flags = move || {
        stages
            .get()
            .into_iter()
            .map(|(stage, _)| {
                let test_id = format!("resp-flag-{stage}");
                let stage = StoredValue::new(stage);
                let flag = move || {
                    matrix.with(|m| {
                        m.stages
                            .iter()
                            .find(|s| s.stage == stage.get_value())
                            .and_then(|s| s.flag())
                    })
                };
                let class = move || match flag() {
                    Some(_) => "resp-flag flagged",
                    None => "resp-flag ok",
                };
                let text = move || match flag() {
                    Some(StageFlag::NoOwner) => t_string!(i18n, resp_flag_no_owner).to_string(),
                    Some(StageFlag::SeveralOwners(n)) => {
                        t_string!(i18n, resp_flag_owners, count = n as u32).to_string()
                    }
                    None => t_string!(i18n, resp_flag_ok).to_string(),
                };
                view! { <td class=class data-testid=test_id>{text}</td> }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll resp-scroll">
            <table class="resp-table" data-testid="resp-table">
                <caption>{t!(i18n, resp_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, resp_department)}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || department_ids.get()
                        key=|id| id.clone()
                        children=move |department| {
                            view! { <DepartmentRow department /> }
                        }
                    />
                </tbody>
                <tfoot>
                    <tr class="resp-flags">
                        <th scope="row">{t!(i18n, resp_ownership)}</th>
                        {flags}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
