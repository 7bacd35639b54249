//! The root: providers, the storage sync, the chrome, and the open screen.

use leptos::prelude::*;
use leptos_router::components::Router;

use super::components::Chrome;
use super::pages::{provide_embed_read_only, use_share_payload, MapList, MapPage, SharedMap};
use super::route::use_open_map;
use super::state::AppState;
use super::sync;
use crate::i18n::I18nContextProvider;

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
    sync::start(state);
}

#[component]
fn Screen() -> impl IntoView {
    let open = use_open_map();
    // A shared link (`#share=…`) shows its map instead; `?embed=view` makes maps read-only.
    let shared = use_share_payload();
    provide_embed_read_only();
    move || match (shared.get(), open.get()) {
        (Some(payload), _) => view! { <SharedMap payload /> }.into_any(),
        (None, Some(id)) => view! { <MapPage id /> }.into_any(),
        (None, None) => view! { <MapList /> }.into_any(),
    }
}
