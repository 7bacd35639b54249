//! One row of the responsibility matrix: a department's name (renamable), delete, and its cells.

use crate::domain::Department;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::responsibility::renamed;
use crate::domain::{Edit, Id};
use crate::i18n::*;
use crate::ui::components::responsibility::department_form::NAME_MAXLENGTH;
use crate::ui::components::responsibility::ResponsibilityCell;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// A `<tr>`: the department's name as a `<th scope="row">` with rename and delete, then one
/// cell per stage.
#[component]
pub fn DepartmentRow(
    /// The department of this row.
    department: Id<Department>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let stages = open.stage_names();
    let test_id = format!("resp-row-{department}");
    let department = StoredValue::new(department);
    let name = open.select(move |m| {
        m.department(&department.get_value())
            .map(|d| d.name.get(lang.get()).to_owned())
            .unwrap_or_default()
    });
    let rename = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let updated = open
            .with_map_untracked(|m| {
                m.department(&department.get_value())
                    .and_then(|d| renamed(d, lang.get_untracked(), &typed))
            })
            .flatten();
        match updated {
            Some(department) => open.edit(Edit::UpdateDepartment { department }),
            // Blank: show the name it keeps.
            None => event_target::<web_sys::HtmlInputElement>(&ev).set_value(&name.get_untracked()),
        }
    };
    let remove = move |_| {
        open.edit(Edit::RemoveDepartment {
            id: department.get_value(),
        });
        // The button is gone with its row: keep the keyboard focus on the page, not the body.
        if let Some(title) = document()
            .get_element_by_id("resp-title")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = title.focus();
        }
    };
    let cells = move || {
        stages
            .get()
            .into_iter()
            .map(|(stage, stage_name)| {
                let label = Signal::derive(move || {
                    t_string!(
                        i18n,
                        resp_cell_label,
                        department = name.get(),
                        stage = stage_name.clone()
                    )
                    .to_string()
                });
                view! { <ResponsibilityCell department=department.get_value() stage label /> }
            })
            .collect_view()
    };
    view! {
        <tr data-testid=test_id>
            <th scope="row" class="resp-department">
                <div class="resp-department-head">
                    <input
                        class="resp-name"
                        aria-label=move || t_string!(i18n, resp_rename_label, name = name.get()).to_string()
                        prop:value=move || name.get()
                        maxlength=NAME_MAXLENGTH.to_string()
                        on:change=rename
                    />
                    <button
                        type="button"
                        class="small icon danger"
                        aria-label=move || t_string!(i18n, resp_delete_label, name = name.get()).to_string()
                        on:click=remove
                    >
                        <span aria-hidden="true">"✕"</span>
                    </button>
                </div>
            </th>
            {cells}
        </tr>
    }
}
