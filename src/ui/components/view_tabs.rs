//! The views of a map, as links: the canvas, its data and its metrics.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;
use crate::ui::route::{href_view, use_map_view, MapView};

/// Links to the map's canvas, data and metrics views; the open one is marked `aria-current`.
#[component]
pub fn ViewTabs(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let view = use_map_view();
    let map = StoredValue::new(map);
    let current = move |v: MapView| move || (view.get() == v).then_some("page");
    view! {
        <nav class="view-tabs" aria-label=move || t_string!(i18n, map_views).to_string()>
            <a href=move || href_view(&map.get_value(), MapView::Canvas) aria-current=current(MapView::Canvas)>
                {t!(i18n, view_canvas)}
            </a>
            <a
                href=move || href_view(&map.get_value(), MapView::Data)
                aria-current=current(MapView::Data)
                data-testid="data-tab"
            >
                {t!(i18n, view_data)}
            </a>
            <a
                href=move || href_view(&map.get_value(), MapView::Metrics)
                aria-current=current(MapView::Metrics)
                data-testid="metrics-tab"
            >
                {t!(i18n, metrics_tab)}
            </a>
        </nav>
    }
}
