//! The root: providers, the storage sync, the chrome, and the open screen.

use leptos::prelude::*;
use leptos_router::components::Router;

use super::components::Chrome;
use super::pages::{provide_embed_read_only, use_share_payload, MapList, MapPage, SharedMap};
use super::route::use_open_map;
use super::start;
use super::state::AppState;
use crate::i18n::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    view! {
        <I18nContextProvider>
            <Router>
                <Startup state />
                <Chrome />
                <main id="main" tabindex="-1">
                    <Screen />
                </main>
            </Router>
        </I18nContextProvider>
    }
}

/// Runs once inside the providers: picks the language and loads the maps.
#[component]
fn Startup(state: AppState) -> impl IntoView {
    super::components::lang_switch::restore_language();
    start::start(state);
}

#[component]
fn Screen() -> impl IntoView {
    let open = use_open_map();
    // A shared link (`#share=…`) shows its map instead; `?embed=view` makes maps read-only.
    let shared = use_share_payload();
    provide_embed_read_only();
    move || match (shared.get(), open.get()) {
        (Some(payload), _) => view! {
            <Suspense fallback=|| view! { <LoadingMap /> }>
                {Suspend::new(async move { shared_map(payload).await })}
            </Suspense>
        }
        .into_any(),
        (None, Some(id)) => view! {
            <Suspense fallback=|| view! { <LoadingMap /> }>
                {Suspend::new(async move { map_page(id).await })}
            </Suspense>
        }
        .into_any(),
        (None, None) => view! { <MapList /> }.into_any(),
    }
}

/// Shown while the map screen's chunk loads (the first time a map is opened).
#[component]
fn LoadingMap() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="page loading" role="status">{t!(i18n, loading_map)}</p> }
}

/// The map screen, in its own wasm chunk when built with the `split` feature: the first load
/// carries only the map list, and the editor and its views arrive when a map is first opened.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn map_page(id: crate::domain::Id) -> AnyView {
    view! { <MapPage id /> }.into_any()
}

/// A map opened from a shared link, read-only: in a chunk of its own too (with the split
/// feature); the code it shares with the editor lands in a chunk both load.
#[cfg_attr(feature = "split", leptos::lazy)]
async fn shared_map(payload: String) -> AnyView {
    view! { <SharedMap payload /> }.into_any()
}
