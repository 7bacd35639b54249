//! The app chrome around the screen: the app bar and the banners, left out when embedded.

use leptos::prelude::*;

use super::{Banners, Header};
use crate::domain::share::EmbedMode;
use crate::ui::embed::use_embed;

/// The app bar and the banners. An embedded map shows neither, except that an editable embed
/// keeps the banners, which say when changes cannot be saved.
#[component]
pub fn Chrome() -> impl IntoView {
    let embed = use_embed();
    view! {
        <Show when=move || embed.get().is_none()>
            <Header />
        </Show>
        <Show when=move || embed.get() != Some(EmbedMode::View)>
            <Banners />
        </Show>
    }
    .into_any()
}
