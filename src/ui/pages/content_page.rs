//! A map's content audit: its content assets and their coverage by stage × persona.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;

#[component]
pub fn ContentPage(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let _ = map;
    view! { <section class="view-page"><h2>{t!(i18n, content_title)}</h2></section> }
}
