//! The hand-offs between departments, each with its SLA text.

use leptos::prelude::*;

use crate::domain::responsibility::Matrix;
use crate::i18n::*;
use crate::ui::components::responsibility::HandoffItem;

/// A section listing every hand-off of the matrix (on the journey first, then SLAs of pairs that
/// no longer meet), each with a text field for its SLA.
#[component]
pub fn HandoffList(
    /// The matrix of the open map.
    #[prop(into)]
    matrix: Signal<Matrix>,
) -> impl IntoView {
    let i18n = use_i18n();
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
                            view! { <HandoffItem from to matrix /> }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}
