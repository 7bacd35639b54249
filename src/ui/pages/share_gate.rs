//! Which screen a shared link or an embed asks for: the map in `#share=…`, and read-only maps in
//! `?embed=view`.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::domain::share::{self, EmbedMode};
use crate::ui::embed::{provide_read_only, use_embed};

/// The payload of the `#share=…` fragment, if the address has one.
pub fn use_share_payload() -> Memo<Option<String>> {
    let location = use_location();
    Memo::new(move |_| location.hash.with(|h| share::payload(h).map(str::to_owned)))
}

/// Makes the maps below read-only in `?embed=view` (a shared map is read-only on its own).
pub fn provide_embed_read_only() {
    let embed = use_embed();
    provide_read_only(Signal::derive(move || embed.get() == Some(EmbedMode::View)));
}
