//! The line under an embedded map: its name, and a link to the full app at the same map.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::embed::{use_full_app_href, use_read_only};

/// The map's name, "Read-only" when it is, and "Open in Journey Mapper" (a new tab).
#[component]
pub fn EmbedFooter(
    /// The map's name in the UI language.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let read_only = use_read_only();
    let href = use_full_app_href();
    view! {
        <footer class="embed-footer" data-testid="embed-footer"
            aria-label=move || t_string!(i18n, embed_footer).to_string()>
            <span class="embed-name">{name}</span>
            <Show when=move || read_only.get()>
                <span class="embed-mode">
                    <span aria-hidden="true">"◉ "</span>{t!(i18n, embed_read_only)}
                </span>
            </Show>
            <a class="embed-open" href=href target="_blank" rel="noopener">
                {t!(i18n, embed_open_full)}
                <span aria-hidden="true">" ↗"</span>
                <span class="visually-hidden">" " {t!(i18n, embed_new_tab)}</span>
            </a>
        </footer>
    }
    .into_any()
}
