//! The app bar: name (back to the list), save status, language.

use leptos::prelude::*;

use super::{LangSwitch, SaveIndicator};
use crate::i18n::*;
use crate::ui::route::href;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="app-bar">
            <a class="brand" href=move || href(None)>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {t!(i18n, app_name)}
            </a>
            <SaveIndicator />
            <LangSwitch />
        </header>
    }
}
