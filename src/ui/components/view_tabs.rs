//! The views of a map, as links: the canvas, its data, metrics, responsibility matrix, content
//! audit, diagram and version comparison.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::embed::{use_embed, use_read_only};
use crate::ui::open_map::expect_open_map;
use crate::ui::route::{href_view, use_map_view, MapView};

/// Links to the map's views; the open one is marked `aria-current`.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let i18n = use_i18n();
    let view = use_map_view();
    let embed = use_embed();
    let read_only = use_read_only();
    let location = leptos_router::hooks::use_location();
    let open = expect_open_map();
    // In an embed the tabs keep the embed (and a shared link's fragment).
    let href = move |v: MapView| {
        let plain = href_view(&open.id(), v);
        match embed.get() {
            None => plain,
            Some(mode) => format!(
                "{plain}&embed={}&tabs=1{}",
                mode.slug(),
                location.hash.get()
            ),
        }
    };
    // A read-only map has the views that change nothing.
    let shown =
        move |v: MapView| !read_only.get() || matches!(v, MapView::Canvas | MapView::Diagram);
    let current = move |v: MapView| move || (view.get() == v).then_some("page");
    let label = move |v: MapView| match v {
        MapView::Canvas => t_string!(i18n, view_canvas).to_string(),
        MapView::Data => t_string!(i18n, view_data).to_string(),
        MapView::Metrics => t_string!(i18n, metrics_tab).to_string(),
        MapView::Responsibility => t_string!(i18n, view_responsibility).to_string(),
        MapView::Content => t_string!(i18n, view_content).to_string(),
        MapView::Diagram => t_string!(i18n, view_diagram).to_string(),
        MapView::Compare => t_string!(i18n, view_compare).to_string(),
    };
    view! {
        <nav class="view-tabs" aria-label=move || t_string!(i18n, map_views).to_string()>
            {MapView::ALL.into_iter().map(|v| view! {
                <a
                    href=move || href(v)
                    hidden=move || !shown(v)
                    aria-current=current(v)
                    data-testid=format!("{}-tab", v.slug().unwrap_or("canvas"))
                >
                    {move || label(v)}
                </a>
            }).collect_view()}
        </nav>
    }
}
