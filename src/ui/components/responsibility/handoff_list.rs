//! The hand-offs between departments, each with its SLA text.

use leptos::prelude::*;

use crate::domain::responsibility::Matrix;
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::components::responsibility::{HandoffItem, Names};

/// A section listing every hand-off of the matrix (on the journey first, then SLAs of pairs that
/// no longer meet), each with a text field for its SLA.
#[component]
pub fn HandoffList(
    /// The open map.
    map: Id,
    /// The matrix of the map.
    #[prop(into)]
    matrix: Signal<Matrix>,
    /// The map's stages with their names, in order.
    #[prop(into)]
    stages: Signal<Names>,
    /// The map's departments with their names, in order.
    #[prop(into)]
    departments: Signal<Names>,
) -> impl IntoView {
    let i18n = use_i18n();
    let map = StoredValue::new(map);
    let pairs = Memo::new(move |_| {
        matrix.with(|m| {
            m.handoffs
                .iter()
                .map(|h| (h.from.clone(), h.to.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="resp-handoffs" aria-labelledby="resp-handoffs-title">
            <h3 id="resp-handoffs-title">{t!(i18n, resp_handoffs_title)}</h3>
            <p class="resp-note">{t!(i18n, resp_handoffs_intro)}</p>
            <Show
                when=move || !pairs.read().is_empty()
                fallback=move || view! { <p class="empty">{t!(i18n, resp_no_handoffs)}</p> }
            >
                <ul class="resp-handoff-list">
                    <For
                        each=move || pairs.get()
                        key=|pair| pair.clone()
                        children=move |(from, to)| {
                            view! { <HandoffItem map=map.get_value() from to matrix stages departments /> }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}
