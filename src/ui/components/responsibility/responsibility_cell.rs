//! One cell of the responsibility matrix: a department's part in a stage, as a `<select>`.

use crate::domain::Department;
use crate::domain::Stage;
use leptos::prelude::*;

use crate::domain::{Edit, Id, Responsibility};
use crate::i18n::*;
use crate::ui::labels::Choice;
use crate::ui::open_map::expect_open_map;

impl Choice for Responsibility {
    fn all() -> Vec<Self> {
        vec![
            Responsibility::Owns,
            Responsibility::Contributes,
            Responsibility::None,
        ]
    }
    fn slug(self) -> String {
        crate::ui::labels::serde_slug(self)
    }
    /// The label starts with the level's symbol (● ◐ –), so colour is never the only signal.
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            Responsibility::Owns => t_string!(i18n, resp_owns),
            Responsibility::Contributes => t_string!(i18n, resp_contributes),
            Responsibility::None => t_string!(i18n, resp_none),
        }
        .to_string()
    }
}

/// A `<td>` with the select of `department`'s part in `stage`; picking a level updates the
/// department (one undoable edit).
#[component]
pub fn ResponsibilityCell(
    /// The department of the row.
    department: Id<Department>,
    /// The stage of the column.
    stage: Id<Stage>,
    /// The select's accessible name ("Marketing in Attract").
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let test_id = format!("resp-{department}-{stage}");
    let (department, stage) = (StoredValue::new(department), StoredValue::new(stage));
    let level = Memo::new(move |_| {
        open.with_map(|m| {
            m.department(&department.get_value())
                .map(|d| d.responsibility(&stage.get_value()))
        })
        .flatten()
        .unwrap_or(Responsibility::None)
    });
    let pick = move |ev: leptos::ev::Event| {
        let Some(new) = Responsibility::from_slug(&event_target_value(&ev)) else {
            return;
        };
        if new == level.get_untracked() {
            return;
        }
        let updated = open
            .with_map_untracked(|m| {
                m.department(&department.get_value())
                    .map(|d| d.with_responsibility(&stage.get_value(), new))
            })
            .flatten();
        if let Some(department) = updated {
            open.edit(Edit::UpdateDepartment { department });
        }
    };
    let options = move || {
        Responsibility::all()
            .into_iter()
            .map(|v| {
                view! {
                    <option value=v.slug() selected=move || level.get() == v>{move || v.label(i18n)}</option>
                }
            })
            .collect_view()
    };
    view! {
        <td class=move || format!("resp-cell resp-{}", level.get().slug())>
            <select
                data-testid=test_id
                aria-label=move || label.get()
                prop:value=move || level.get().slug()
                on:change=pick
            >
                {options}
            </select>
        </td>
    }
}
