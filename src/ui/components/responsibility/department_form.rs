//! Add a custom department to the matrix.

use leptos::prelude::*;

use crate::domain::responsibility::new_department;
use crate::domain::Edit;
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;

/// The longest department name the add and rename fields take, in UTF-16 code units: stricter
/// than the file format's `TEXT_CHARS`, as a department is a short row label.
pub const NAME_MAXLENGTH: usize = 200;

/// A name field and an *Add department* button; a blank name is refused with a message.
#[component]
pub fn DepartmentForm() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(department) = new_department(&name.get_untracked()) else {
            error.set(true);
            return;
        };
        let index = open
            .with_map_untracked(|m| m.departments.len())
            .unwrap_or(0);
        open.edit(Edit::InsertDepartment { index, department });
        name.set(String::new());
        error.set(false);
    };
    view! {
        <form class="resp-add" on:submit=add>
            <label for="resp-new-department">{t!(i18n, resp_new_department)}</label>
            <div class="resp-add-row">
                <input
                    id="resp-new-department"
                    bind:value=name
                    aria-invalid=move || error.get().to_string()
                    maxlength=NAME_MAXLENGTH.to_string()
                />
                <button type="submit">
                    <span aria-hidden="true">"+ "</span>
                    {t!(i18n, resp_add_department)}
                </button>
            </div>
            <Show when=move || error.get()>
                <p class="field-error" role="alert">{t!(i18n, name_required)}</p>
            </Show>
        </form>
    }
}
