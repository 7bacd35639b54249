//! The map page of a shared map, with a state of its own that holds only that map.

use leptos::prelude::*;

use super::MapPage;
use crate::domain::{JourneyMap, Workspace};
use crate::ui::embed::provide_read_only;
use crate::ui::state::AppState;

/// Shows `map` read-only with the ordinary map page. The page and everything in it read this
/// state, which no storage sync watches, so nothing of the shared map is ever saved from here.
#[component]
pub fn SharedView(
    /// The map a shared link carries.
    map: JourneyMap,
) -> impl IntoView {
    let id = map.id.clone();
    let state = AppState::new();
    state.workspace.set(Workspace::new(vec![map]));
    provide_context(state);
    provide_read_only(Signal::stored(true));
    view! { <MapPage id /> }
}
