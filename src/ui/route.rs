//! Which screen is open. The screen lives in the query string (`?map=<id>`), not the path, so the
//! app works from any sub-path of a plain static server with no rewrite rules.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::Id;

/// The map open in the editor, if any.
pub fn use_open_map() -> Memo<Option<Id>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("map").filter(|s| !s.is_empty()).map(Id))
}

/// The URL of the list, or of one map, on the current page.
pub fn href(map: Option<&Id>) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    match map {
        Some(id) => format!("{path}?map={}", js_sys::encode_uri_component(id.as_str())),
        None => path,
    }
}

/// Opens a map (or the list with `None`).
pub fn go(map: Option<&Id>) {
    let navigate = use_navigate();
    navigate(&href(map), Default::default());
}
