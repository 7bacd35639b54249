//! Embed mode and read-only maps.
//!
//! `?map=<id>&embed=view` (or `edit`) shows one map without the app chrome, for an `<iframe>`;
//! `&tabs=1` adds the view tabs. [`ReadOnly`] is the one context value that the map's components
//! read to leave out every control that changes the map (an embedded read-only map, a shared link).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::share::{self, EmbedMode};

/// The embed mode of this page, if it is embedded.
pub fn use_embed() -> Memo<Option<EmbedMode>> {
    let query = use_query_map();
    Memo::new(move |_| EmbedMode::from_query(query.read().get("embed").as_deref()))
}

/// Whether the embed asks for the view tabs (`&tabs=1`).
pub fn use_tabs_asked() -> Memo<bool> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("tabs").is_some_and(|t| t == "1"))
}

/// Whether the map on screen may be changed. Provided above the map page; absent means editable.
#[derive(Clone, Copy)]
pub struct ReadOnly(pub Signal<bool>);

/// Makes the maps below read-only while `read_only` is true.
pub fn provide_read_only(read_only: Signal<bool>) {
    provide_context(ReadOnly(read_only));
}

/// Whether the map on screen is read-only.
pub fn use_read_only() -> Signal<bool> {
    use_context::<ReadOnly>().map_or_else(|| Signal::stored(false), |r| r.0)
}

/// Whether this page was opened as the plain app: not embedded and not with a shared link. Only
/// then does a first visit get the demo map (an embed or a link must write nothing to storage).
pub fn opened_plain() -> bool {
    web_sys::window().map(|w| w.location()).is_none_or(|l| {
        share::opens_plain_app(
            &l.search().unwrap_or_default(),
            &l.hash().unwrap_or_default(),
        )
    })
}

/// The address of this page without embed parameters: the full app at the same map, view and
/// shared link.
pub fn use_full_app_href() -> Signal<String> {
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let search = share::without_embed(&location.search.get());
        let hash = location.hash.get();
        let hash = match hash.as_str() {
            "" | "#" => String::new(),
            h if h.starts_with('#') => h.to_owned(),
            h => format!("#{h}"),
        };
        format!("{}{search}{hash}", location.pathname.get())
    })
}

/// The app's own address: origin and path, no query or fragment.
pub fn app_base() -> String {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}
