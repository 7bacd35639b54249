//! A map's content audit: its personas, its content assets and their coverage by
//! stage × persona.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::{AssetForm, AssetTable, ContentCoverage, PersonaList};
use crate::ui::open_map::expect_open_map;

#[component]
pub fn ContentPage() -> impl IntoView {
    let i18n = use_i18n();
    let has_stages = expect_open_map().select(|m| !m.stages.is_empty());
    view! {
        <section class="view-page content-page" data-testid="content-page">
            <h2>{t!(i18n, content_title)}</h2>
            <p class="hint">{t!(i18n, content_intro)}</p>
            <PersonaList />
            <section class="content-section" aria-labelledby="content-assets-heading">
                <h3 id="content-assets-heading">{t!(i18n, content_assets_title)}</h3>
                <Show
                    when=move || has_stages.get()
                    fallback=move || view! { <p class="empty" data-testid="content-no-stages">{t!(i18n, content_no_stages)}</p> }
                >
                    <AssetTable />
                    <h4>{t!(i18n, content_asset_add_title)}</h4>
                    <AssetForm asset=None />
                </Show>
            </section>
            <Show when=move || has_stages.get()>
                <ContentCoverage />
            </Show>
        </section>
    }
}
