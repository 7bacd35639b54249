//! One hand-off, "Marketing → Sales (after Nurture)", with its SLA text.

use crate::domain::Department;
use leptos::prelude::*;

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::responsibility::Matrix;
use crate::domain::{Edit, Id};
use crate::i18n::*;
use crate::ui::components::responsibility::{name_of, names_of};
use crate::ui::open_map::expect_open_map;

/// A `<li>` with the hand-off's name as the label of a textarea holding its SLA text, saved on
/// change (one undoable edit), and a note when it has no SLA yet or is no longer on the journey.
#[component]
pub fn HandoffItem(
    /// The department handing over.
    from: Id<Department>,
    /// The department taking over.
    to: Id<Department>,
    /// The matrix of the open map.
    #[prop(into)]
    matrix: Signal<Matrix>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let (stages, departments) = (open.stage_names(), open.department_names());
    let field = format!("sla-{from}-{to}");
    let note_id = format!("{field}-note");
    let test_id = format!("handoff-{from}-{to}");
    let (from, to) = (StoredValue::new(from), StoredValue::new(to));
    let row = Memo::new(move |_| {
        matrix.with(|m| {
            m.handoffs
                .iter()
                .find(|h| h.from == from.get_value() && h.to == to.get_value())
                .cloned()
        })
    });
    let label = move || {
        let names = departments.get();
        let (f, t) = (
            name_of(&names, &from.get_value()),
            name_of(&names, &to.get_value()),
        );
        let after = row.with(|r| r.as_ref().map(|r| r.after.clone()).unwrap_or_default());
        if after.is_empty() {
            t_string!(i18n, resp_handoff_pair, from = f, to = t).to_string()
        } else {
            let s = names_of(&stages.get(), &after);
            t_string!(i18n, resp_handoff_after, from = f, to = t, stages = s).to_string()
        }
    };
    let sla = move || row.with(|r| r.as_ref().and_then(|r| r.sla.clone()).unwrap_or_default());
    let missing = move || row.with(|r| r.as_ref().is_some_and(|r| r.sla.is_none()));
    let off = move || row.with(|r| r.as_ref().is_some_and(|r| !r.on_journey()));
    let save = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.trim() == sla().trim() {
            return;
        }
        open.edit(Edit::SetHandoff {
            from: from.get_value(),
            to: to.get_value(),
            sla: text,
        });
    };
    let class = move || {
        if off() {
            "resp-handoff off"
        } else if missing() {
            "resp-handoff missing"
        } else {
            "resp-handoff"
        }
    };
    view! {
        <li class=class data-testid=test_id>
            <label for=field.clone() class="resp-handoff-name">{label}</label>
            <textarea
                id=field
                rows="2"
                maxlength=TEXT_CHARS.to_string()
                aria-describedby=note_id.clone()
                placeholder=move || t_string!(i18n, resp_sla_placeholder).to_string()
                prop:value=sla
                on:change=save
            ></textarea>
            <p id=note_id class="resp-handoff-note">
                {move || {
                    if off() {
                        t_string!(i18n, resp_handoff_off).to_string()
                    } else if missing() {
                        t_string!(i18n, resp_sla_missing).to_string()
                    } else {
                        String::new()
                    }
                }}
            </p>
        </li>
    }
}
