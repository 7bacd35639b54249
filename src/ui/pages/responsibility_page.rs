//! A map's responsibility matrix: departments × stages, hand-offs and their SLAs.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;

#[component]
pub fn ResponsibilityPage(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let _ = map;
    view! { <section class="view-page"><h2>{t!(i18n, responsibility_title)}</h2></section> }
}
