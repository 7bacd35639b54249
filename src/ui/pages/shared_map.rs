//! A map opened from a shared link (`#share=…`): decoded in the browser, checked as an imported
//! file is, and shown read-only; or, for a bad link, what is wrong and what to do.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::SharedView;
use crate::domain::share::ShareError;
use crate::domain::JourneyMap;
use crate::i18n::*;
use crate::ui::components::{ShareErrorText, SharedBanner};
use crate::ui::embed::use_embed;
use crate::ui::route::href;
use crate::ui::share_link;

/// The map in a shared link's `payload`. Nothing is written to storage here.
#[component]
pub fn SharedMap(
    /// The text after `#share=`.
    payload: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let embed = use_embed();
    // "Save a copy" adds to the user's maps.
    crate::ui::sync::ensure_started(crate::ui::state::expect_state());
    let opened = RwSignal::new(None::<Result<JourneyMap, ShareError>>);
    spawn_local(async move {
        let result = share_link::open(&payload).await;
        opened.try_set(Some(result));
    });
    move || match opened.get() {
        None => view! {
            <p class="page" role="status">{t!(i18n, shared_loading)}</p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <div class="page shared-error banner danger" role="alert" data-testid="shared-error">
                <h1>{t!(i18n, shared_error_title)}</h1>
                <ShareErrorText error />
                <p>{t!(i18n, shared_error_what_to_do)}</p>
                <Show when=move || embed.get().is_none()>
                    <a class="button" href=href(None)>{t!(i18n, back_to_maps)}</a>
                </Show>
            </div>
        }
        .into_any(),
        Some(Ok(map)) => {
            let shown = map.clone();
            view! {
                <Show when=move || embed.get().is_none()>
                    <SharedBanner map=map.clone() />
                </Show>
                <SharedView map=shown />
            }
            .into_any()
        }
    }
}
