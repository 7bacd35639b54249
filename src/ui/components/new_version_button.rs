//! "New to-be version": copies the map as its to-be version and opens the copy.

use leptos::prelude::*;

use crate::domain::{Action, Done, Text};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::route::go;
use crate::ui::state::{expect_state, use_lang};

/// A button that makes a to-be version of the open map, named "<name> (to-be)", and opens it.
#[component]
pub fn NewVersionButton() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let open = expect_open_map();
    let make = move |_| {
        let name = open.with_map_untracked(|m| m.name.get(lang.get_untracked()).to_owned());
        let Some(name) = name else { return };
        let name = t_string!(i18n, version_name, name = name).to_string();
        if let Some(Done::Created(id)) = state.dispatch(Action::NewVersion {
            map: open.id(),
            name: Text::User(name),
        }) {
            go(Some(&id));
        }
    };
    view! {
        <button type="button" data-testid="new-version" on:click=make>
            <span aria-hidden="true">"+ "</span>
            {t!(i18n, version_new)}
        </button>
    }
}
