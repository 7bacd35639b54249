//! This map against another version of it, stage by stage.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;

#[component]
pub fn ComparePage(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let _ = map;
    view! { <section class="view-page"><h2>{t!(i18n, compare_title)}</h2></section> }
}
