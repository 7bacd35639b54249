//! The map drawn in SVG (linear or circular), with SVG, PNG, Markdown and Mermaid export and print.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;

#[component]
pub fn DiagramPage(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let _ = map;
    view! { <section class="view-page"><h2>{t!(i18n, diagram_title)}</h2></section> }
}
