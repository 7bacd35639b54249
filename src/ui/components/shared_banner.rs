//! Above a map opened from a shared link: "Shared map — read-only", and saving a copy.

use leptos::prelude::*;

use crate::domain::{Action, Done, JourneyMap};
use crate::i18n::*;
use crate::ui::route::{go, href};
use crate::ui::state::{expect_state, use_lang, Notice};

/// Says the map came in a link and is read-only; "Save a copy to my maps" adds it to the user's
/// maps (the first write to storage) and opens the copy. A map already among the user's maps is
/// not saved again silently: the banner says so, links to it, and offers another copy.
#[component]
pub fn SharedBanner(
    /// The map the link carries.
    map: JourneyMap,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    let name = {
        let name = map.name.clone();
        move || name.get(lang.get()).to_owned()
    };
    let id = map.id.clone();
    let map = StoredValue::new(map);
    let already = RwSignal::new(false);
    let save = move |another: bool| {
        let m = map.get_value();
        if !another && state.workspace.with_untracked(|ws| ws.map(&m.id).is_some()) {
            already.set(true);
            return;
        }
        // An id already in use gets a new one (see `Action::Import`).
        let taken = state
            .unreadable
            .with_untracked(|u| u.iter().filter_map(|u| u.id.clone()).collect());
        if let Some(Done::Created(id)) = state.dispatch(Action::Import { map: m, taken }) {
            state.notice.set(Some(Notice::SavedCopy));
            go(Some(&id));
        }
    };
    view! {
        <section class="banner share-banner" data-testid="shared-banner" aria-labelledby="shared-title">
            <div class="share-banner-text">
                <p class="share-banner-kind">
                    <span aria-hidden="true">"◉ "</span>
                    <strong>{t!(i18n, shared_banner)}</strong>
                </p>
                <h1 id="shared-title" class="shared-title">{name}</h1>
                <p class="hint">{t!(i18n, shared_banner_hint)}</p>
            </div>
            <button type="button" class="primary" data-testid="save-copy" on:click=move |_| save(false)>
                {t!(i18n, shared_save_copy)}
            </button>
            <Show when=move || already.get()>
                <p class="share-already" role="status" data-testid="already-saved">
                    {t!(i18n, shared_already)} " "
                    <a href=href(Some(&id))>{t!(i18n, shared_open_mine)}</a>
                </p>
                <button type="button" on:click=move |_| save(true)>{t!(i18n, shared_save_another)}</button>
            </Show>
        </section>
    }
    .into_any()
}
