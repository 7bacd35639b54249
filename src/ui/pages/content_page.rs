//! A map's content audit: its personas, its content assets and their coverage by
//! stage × persona.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;
use crate::ui::components::{AssetForm, AssetTable, ContentCoverage, PersonaList};
use crate::ui::state::expect_state;

#[component]
pub fn ContentPage(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let map = StoredValue::new(map);
    let has_stages = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .is_some_and(|m| !m.stages.is_empty())
        })
    });
    view! {
        <section class="view-page content-page" data-testid="content-page">
            <h2>{t!(i18n, content_title)}</h2>
            <p class="hint">{t!(i18n, content_intro)}</p>
            <PersonaList map=map.get_value() />
            <section class="content-section" aria-labelledby="content-assets-heading">
                <h3 id="content-assets-heading">{t!(i18n, content_assets_title)}</h3>
                <Show
                    when=move || has_stages.get()
                    fallback=move || view! { <p class="empty" data-testid="content-no-stages">{t!(i18n, content_no_stages)}</p> }
                >
                    <AssetTable map=map.get_value() />
                    <h4>{t!(i18n, content_asset_add_title)}</h4>
                    <AssetForm map=map.get_value() asset=None />
                </Show>
            </section>
            <Show when=move || has_stages.get()>
                <ContentCoverage map=map.get_value() />
            </Show>
        </section>
    }
}
