//! One map: its stages as columns with their cards and decision outcomes.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use crate::domain::Id;
use crate::i18n::*;
use crate::ui::components::{Canvas, EmbedFooter, MapToolbar, ViewTabs};
use crate::ui::data::DataSession;
use crate::ui::embed::{use_embed, use_read_only, use_tabs_asked};
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
    let id = StoredValue::new(id);
    let model = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.map(&id.get_value()).map(|m| m.source_model))
    });
    let exists = Memo::new(move |_| state.workspace.with(|ws| ws.map(&id.get_value()).is_some()));
    let stage_ids = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&id.get_value())
                .map(|m| m.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let circular = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.map(&id.get_value()).is_some_and(|m| m.circular))
    });
    let name = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&id.get_value())
                .map(|m| m.name.get(lang.get()).to_owned())
                .unwrap_or_default()
        })
    });
    let first_stage = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&id.get_value())
                .and_then(|m| m.stages.first())
                .map(|s| s.name.get(lang.get()).to_owned())
        })
    });

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) outside text fields, where the browser's own undo applies.
    let on_key =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if !(ev.ctrl_key() || ev.meta_key()) || read_only.get_untracked() {
                return;
            }
            let in_field = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
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
                state.undo(&id.get_value());
            } else {
                state.redo(&id.get_value());
            }
        });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    }
    let on_key = send_wrapper::SendWrapper::new(on_key);
    on_cleanup(move || {
        if let Some(w) = web_sys::window() {
            let _ =
                w.remove_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        }
    });

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
                    {view! { <MapToolbar id=id.get_value() /> }.into_any()}
                </Show>
                <Show when=show_tabs>
                    {view! { <ViewTabs map=id.get_value() /> }.into_any()}
                </Show>
                <Show when=move || view_of.get() == MapView::Data>
                    {move || model.get().map(|model| view! { <DataPage map=id.get_value() model /> })}
                </Show>
                <Show when=move || view_of.get() == MapView::Metrics>
                    <MetricsPage map=id.get_value() />
                </Show>
                <Show when=move || view_of.get() == MapView::Responsibility>
                    <ResponsibilityPage map=id.get_value() />
                </Show>
                <Show when=move || view_of.get() == MapView::Content>
                    <ContentPage map=id.get_value() />
                </Show>
                <Show when=move || view_of.get() == MapView::Diagram>
                    <DiagramPage map=id.get_value() />
                </Show>
                <Show when=move || view_of.get() == MapView::Compare>
                    <ComparePage map=id.get_value() />
                </Show>
                <Show when=move || view_of.get() == MapView::Canvas>
                <Show when=move || circular.get()>
                    <p class="circular-note" data-testid="circular-note">
                        <span aria-hidden="true">"↻ "</span>
                        {move || t_string!(i18n, circular_note, first = first_stage.get().unwrap_or_default()).to_string()}
                    </p>
                </Show>
                <Show
                    when=move || !stage_ids.read().is_empty()
                    fallback=move || view! { <p class="empty">{t!(i18n, no_stages)}</p> }
                >
                    <Canvas map=id.get_value() />
                </Show>
                </Show>
                <Show when=move || embed.get().is_some()>
                    {view! { <EmbedFooter name=name /> }.into_any()}
                </Show>
            </div>
        </Show>
    }
}
