//! The start screen: new map from a template, import, and the saved maps.

use leptos::prelude::*;

use crate::domain::summary::recent_first;
use crate::i18n::*;
use crate::platform::clock::millis_of;
use crate::ui::components::{ImportButton, MapRow, TemplatePicker, UnreadableList};
use crate::ui::state::expect_state;

#[component]
pub fn MapList() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let ids = Memo::new(move |_| state.rows.with(|rows| recent_first(rows, millis_of)));
    view! {
        <div class="page list-page">
            <h1>{t!(i18n, maps_heading)}</h1>
            <UnreadableList />
            <section aria-labelledby="saved-heading" class="saved">
                <div class="section-head">
                    <h2 id="saved-heading">{t!(i18n, saved_maps)}</h2>
                    <ImportButton />
                </div>
                <Show
                    when=move || !ids.read().is_empty()
                    fallback=move || view! { <p class="empty">{t!(i18n, no_maps)}</p> }
                >
                    <ul class="map-list">
                        <For each=move || ids.get() key=|id| id.clone() let:id>
                            <MapRow id />
                        </For>
                    </ul>
                </Show>
            </section>
            <TemplatePicker />
        </div>
    }
}
