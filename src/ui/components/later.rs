//! A part of a page drawn in a task of its own.

use std::time::Duration;

use leptos::prelude::*;

/// Draws its children in a task of their own, after the page around them: on a large dataset a
/// heavy part (reports per segment or per period, a heat map) does not hold up the rest, and the
/// browser handles input between the parts instead of after one long task.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(
        move || {
            ready.try_set(true);
        },
        Duration::ZERO,
    );
    move || ready.get().then(|| children())
}
