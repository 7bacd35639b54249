//! A metric's name that shows its definition on hover and on keyboard focus.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::terms::Term;

/// Makes element ids unique when a term is shown more than once.
static NEXT: AtomicU32 = AtomicU32::new(0);

/// The name of `term`, focusable, with its definition as a tooltip (`aria-describedby`).
#[component]
pub fn MetricTerm(
    /// The metric to name and define.
    term: Term,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!(
        "def-{}-{}",
        term.slug(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    view! {
        <span class="term-wrap">
            <span class="term" tabindex="0" aria-describedby=id.clone() data-term=term.slug()>
                {move || term.label(i18n)}
            </span>
            <span class="definition" role="tooltip" id=id>
                {move || term.definition(i18n)}
            </span>
        </span>
    }
}
