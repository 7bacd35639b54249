//! The root: providers, the storage sync, the chrome, and the open screen.

use leptos::prelude::*;
use leptos_router::components::Router;

use super::components::{Banners, Header};
use super::pages::{MapList, MapPage};
use super::route::use_open_map;
use super::state::AppState;
use super::sync;
use crate::i18n::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    view! {
        <I18nContextProvider>
            <Router>
                <Startup state />
                <Header />
                <Banners />
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
    sync::start(state);
}

#[component]
fn Screen() -> impl IntoView {
    let open = use_open_map();
    move || match open.get() {
        Some(id) => view! {
            <Suspense fallback=|| view! { <LoadingMap /> }>
                {Suspend::new(async move { map_page(id).await })}
            </Suspense>
        }
        .into_any(),
        None => view! { <MapList /> }.into_any(),
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
