//! Between the router and the screen: a shared link's map, or the screen the query names.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::SharedMap;
use crate::domain::share::{self, EmbedMode};
use crate::ui::embed::{provide_read_only, use_embed};

/// Shows the map of a `#share=…` link instead of `children`; and makes the maps below read-only
/// in `?embed=view`.
#[component]
pub fn ShareGate(children: ChildrenFn) -> impl IntoView {
    let embed = use_embed();
    let location = use_location();
    let payload = Memo::new(move |_| location.hash.with(|h| share::payload(h).map(str::to_owned)));
    provide_read_only(Signal::derive(move || embed.get() == Some(EmbedMode::View)));
    move || match payload.get() {
        Some(payload) => view! { <SharedMap payload /> }.into_any(),
        None => children().into_any(),
    }
}
