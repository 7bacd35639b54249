//! Which screen is open. The screen lives in the query string (`?map=<id>`), not the path, so the
//! app works from any sub-path of a plain static server with no rewrite rules.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::{share, Id};

/// The map open in the editor, if any.
pub fn use_open_map() -> Memo<Option<Id>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .read()
            .get("map")
            .filter(|s| !s.is_empty())
            .map(Id::new)
    })
}

/// The views of an open map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapView {
    /// Stages, lanes and cards.
    Canvas,
    /// Imported data, rules and what they classify (`&view=data`).
    Data,
    /// The journey's questions answered from the data (`&view=metrics`).
    Metrics,
    /// Departments × stages: who owns what, and the SLA of each hand-off (`&view=responsibility`).
    Responsibility,
    /// The content audit: assets, and coverage by stage × persona (`&view=content`).
    Content,
    /// The map drawn in SVG, linear or circular, for export and print (`&view=diagram`).
    Diagram,
    /// This map against another version, stage by stage (`&view=compare`).
    Compare,
}

impl MapView {
    /// Every view, in tab order.
    pub const ALL: [MapView; 7] = [
        MapView::Canvas,
        MapView::Data,
        MapView::Metrics,
        MapView::Responsibility,
        MapView::Content,
        MapView::Diagram,
        MapView::Compare,
    ];

    /// The `view` value in the query string (`None` for the canvas).
    pub fn slug(self) -> Option<&'static str> {
        match self {
            MapView::Canvas => None,
            MapView::Data => Some("data"),
            MapView::Metrics => Some("metrics"),
            MapView::Responsibility => Some("responsibility"),
            MapView::Content => Some("content"),
            MapView::Diagram => Some("diagram"),
            MapView::Compare => Some("compare"),
        }
    }
}

/// The view of the open map.
pub fn use_map_view() -> Memo<MapView> {
    let query = use_query_map();
    Memo::new(move |_| {
        let view = query.read().get("view");
        MapView::ALL
            .into_iter()
            .find(|v| v.slug() == view.as_deref())
            .unwrap_or(MapView::Canvas)
    })
}

/// The URL of the list, or of one map, on the current page.
pub fn href(map: Option<&Id>) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    match map {
        Some(id) => format!("{path}?map={}", share::encode_component(id.as_str())),
        None => path,
    }
}

/// The URL of one view of a map.
pub fn href_view(map: &Id, view: MapView) -> String {
    match view.slug() {
        None => href(Some(map)),
        Some(slug) => format!("{}&view={slug}", href(Some(map))),
    }
}

/// Opens a map (or the list with `None`).
pub fn go(map: Option<&Id>) {
    let navigate = use_navigate();
    navigate(&href(map), Default::default());
}
