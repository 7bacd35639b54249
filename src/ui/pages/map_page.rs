//! One map: its stages as columns with their cards and decision outcomes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::effects::on_window;

use crate::domain::{Id, SourceModel};
use crate::i18n::*;
use crate::ui::components::{Canvas, EmbedFooter, MapToolbar, ViewTabs};
use crate::ui::data::DataSession;
use crate::ui::embed::{use_embed, use_read_only, use_tabs_asked};
use crate::ui::open_map::provide_open_map;
use crate::ui::pages::{
    ComparePage, ContentPage, DataPage, DiagramPage, MetricsPage, ResponsibilityPage,
};
use crate::ui::route::{href, use_map_view, MapView};
use crate::ui::state::{expect_state, use_lang};

#[component]
pub fn MapPage(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    crate::ui::sync::ensure_started(state);
    let lang = use_lang();
    DataSession::provide(id.clone());
    let read_only = use_read_only();
    let embed = use_embed();
    let tabs_asked = use_tabs_asked();
    // A read-only map shows the views that change nothing: the canvas and the diagram.
    let asked_view = use_map_view();
    let view_of = Memo::new(move |_| match asked_view.get() {
        v @ (MapView::Canvas | MapView::Diagram) => v,
        _ if read_only.get() => MapView::Canvas,
        v => v,
    });
    // The toolbar changes the map; the tabs are chrome (in an embed, only when asked).
    let show_toolbar = move || !read_only.get();
    let show_tabs = move || {
        if embed.get().is_some() {
            tabs_asked.get()
        } else {
            !read_only.get()
        }
    };
    let open = provide_open_map(id);
    let model = Memo::new(move |_| open.with_map(|m| m.source_model));
    let exists = Memo::new(move |_| open.with_map(|_| ()).is_some());
    let has_stages = open.select(|m| !m.stages.is_empty());
    let circular = open.select(|m| m.circular);
    let name = open.select(move |m| m.name.get(lang.get()).to_owned());
    let first_stage =
        open.select(move |m| m.stages.first().map(|s| s.name.get(lang.get()).to_owned()));

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) outside text fields, where the browser's own undo applies.
    on_window("keydown", move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || read_only.get_untracked() {
            return;
        }
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        let key = ev.key().to_lowercase();
        let undo = match (key.as_str(), ev.shift_key()) {
            ("z", false) => true,
            ("z", true) | ("y", _) => false,
            _ => return,
        };
        ev.prevent_default();
        if undo {
            open.undo();
        } else {
            open.redo();
        }
    });

    // One view's page, once the map's model is known. Each view keeps its own Show and Suspense
    // below (not one for all, keyed on the route): see `view_page`.
    let page = move |view: MapView| {
        move || {
            model
                .get()
                .map(|model| Suspend::new(view_page(view, model)))
        }
    };
    let loading = move || view! { <p class="loading" role="status">{t!(i18n, loading_view)}</p> };

    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <div class="page">
                        <h1>{t!(i18n, map_not_found)}</h1>
                        <Show
                            when=move || embed.get().is_some()
                            fallback=move || view! { <a href=move || href(None)>{t!(i18n, back_to_maps)}</a> }
                        >
                            <p data-testid="embed-not-found">{t!(i18n, embed_not_found_hint)}</p>
                        </Show>
                    </div>
                }
            }
        >
            <div class="page map-page">
                <Show when=show_toolbar>
                    {view! { <MapToolbar /> }.into_any()}
                </Show>
                <Show when=show_tabs>
                    {view! { <ViewTabs /> }.into_any()}
                </Show>
                <Show when=move || view_of.get() == MapView::Data>
                    <Suspense fallback=loading>
                        {page(MapView::Data)}
                    </Suspense>
                </Show>
                <Show when=move || view_of.get() == MapView::Metrics>
                    <Suspense fallback=loading>
                        {page(MapView::Metrics)}
                    </Suspense>
                </Show>
                <Show when=move || view_of.get() == MapView::Responsibility>
                    <Suspense fallback=loading>
                        {page(MapView::Responsibility)}
                    </Suspense>
                </Show>
                <Show when=move || view_of.get() == MapView::Content>
                    <Suspense fallback=loading>
                        {page(MapView::Content)}
                    </Suspense>
                </Show>
                <Show when=move || view_of.get() == MapView::Diagram>
                    <Suspense fallback=loading>
                        {page(MapView::Diagram)}
                    </Suspense>
                </Show>
                <Show when=move || view_of.get() == MapView::Compare>
                    <Suspense fallback=loading>
                        {page(MapView::Compare)}
                    </Suspense>
                </Show>
                <Show when=move || view_of.get() == MapView::Canvas>
                <Show when=move || circular.get()>
                    <p class="circular-note" data-testid="circular-note">
                        <span aria-hidden="true">"↻ "</span>
                        {move || t_string!(i18n, circular_note, first = first_stage.get().unwrap_or_default()).to_string()}
                    </p>
                </Show>
                <Show
                    when=move || has_stages.get()
                    fallback=move || view! { <p class="empty">{t!(i18n, no_stages)}</p> }
                >
                    <Canvas />
                </Show>
                </Show>
                <Show when=move || embed.get().is_some()>
                    {view! { <EmbedFooter name=name /> }.into_any()}
                </Show>
            </div>
        </Show>
    }
}

// The views other than the canvas are one wasm chunk (with the `split` feature), fetched the
// first time one of their tabs is opened: opening a map then loads the canvas and what it needs,
// not the data import, the metrics, the charts and the diagram too. (One lazy function for them
// all: one per view would cut the shared code into a hundred small files.) The pages find the map
// in the `OpenMap` context, so only the model is passed.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn view_page(view: MapView, model: SourceModel) -> AnyView {
    match view {
        MapView::Data => view! { <DataPage model /> }.into_any(),
        MapView::Metrics => view! { <MetricsPage /> }.into_any(),
        MapView::Responsibility => view! { <ResponsibilityPage /> }.into_any(),
        MapView::Content => view! { <ContentPage /> }.into_any(),
        MapView::Diagram => view! { <DiagramPage /> }.into_any(),
        MapView::Compare => view! { <ComparePage /> }.into_any(),
        // Drawn by the map page itself.
        MapView::Canvas => ().into_any(),
    }
}
