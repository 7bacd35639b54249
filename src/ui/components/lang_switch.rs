//! The language picker. The choice is remembered; the first visit follows the browser.

use leptos::prelude::*;

use crate::domain::Lang;
use crate::i18n::*;
use crate::ui::state::{locale_of, use_lang};
use crate::ui::store;

const PREF: &str = "lang";

/// Sets the language from the saved choice, else from the browser's languages.
pub fn restore_language() {
    let i18n = use_i18n();
    let saved = store::pref(PREF).and_then(|t| Lang::from_tag(&t));
    let browser = || {
        let langs = web_sys::window()?.navigator().languages();
        langs
            .iter()
            .filter_map(|v| v.as_string())
            .find_map(|t| Lang::from_tag(&t))
    };
    let lang = saved.or_else(browser).unwrap_or_default();
    // In an effect: the provider's own first effect sets the locale from the browser, and this
    // one, created after it, runs after it.
    Effect::new(move |_| i18n.set_locale(locale_of(lang)));
}

#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
            i18n.set_locale(locale_of(l));
            store::set_pref(PREF, l.tag());
        }
    };
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{t!(i18n, language)}</span>
            <select id="lang" on:change=on_change prop:value=move || lang.get().tag()>
                <option value="en">"English"</option>
                <option value="ko" lang="ko">"한국어"</option>
                <option value="ru" lang="ru">"Русский"</option>
            </select>
        </label>
    }
}
