//! The map page of a shared map, with a state of its own that holds only that map.

use leptos::context::Provider;
use leptos::prelude::*;

use super::MapPage;
use crate::domain::{JourneyMap, Workspace};
use crate::ui::embed::ReadOnly;
use crate::ui::state::AppState;

/// Shows `map` read-only with the ordinary map page. The page and everything in it read this
/// state, which no storage sync watches, so nothing of the shared map is ever saved from here.
/// (`Provider`s, not `provide_context`: a component has no owner of its own, so a context it
/// provided would also reach its siblings, such as the banner that saves to the user's maps.)
#[component]
pub fn SharedView(
    /// The map a shared link carries.
    map: JourneyMap,
) -> impl IntoView {
    let id = map.id.clone();
    let state = AppState::in_memory(Workspace::new(vec![map]));
    view! {
        <Provider value=state>
            <Provider value=ReadOnly(Signal::stored(true))>
                {view! { <MapPage id=id.clone() /> }.into_any()}
            </Provider>
        </Provider>
    }
    .into_any()
}
