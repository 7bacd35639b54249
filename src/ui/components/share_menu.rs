//! "Share" in the map toolbar: the code that embeds the map in a page, the shared link that
//! carries the map, and the map file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::share::{embed_code, embed_url, shared_embed_url, EmbedMode, ShareError};
use crate::domain::JourneyMap;
use crate::i18n::*;
use crate::ui::embed::app_base;
use crate::ui::open_map::expect_open_map;
use crate::ui::share_link::{self, LinkError};
use crate::ui::state::use_lang;

/// What the embed code shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Embed {
    /// The map from the page's site storage, read-only.
    View,
    /// The same, editable.
    Edit,
    /// The map carried in the link, read-only: works from any site.
    Link,
}

/// A "Share" button that opens a panel with: the embed code (read-only, editable, or carrying the
/// map) and a button to copy it; the shared link in a read-only field and a button to copy it
/// (or why the map is too big for one); and the map file to download.
#[component]
pub fn ShareMenu() -> impl IntoView {
    let i18n = use_i18n();
    let map = expect_open_map();
    let lang = use_lang();
    let open = RwSignal::new(false);
    let embed = RwSignal::new(Embed::View);
    let copied = RwSignal::new(None::<bool>);
    let fragment = RwSignal::new(None::<Result<String, LinkError>>);
    let name = map.select(move |m| m.name.get(lang.get()).to_owned());
    let updated = map.select(|m| Some(m.updated));
    // The link is made (in the browser's compressor) when the panel opens, and again after each
    // change to the map while it is open.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        updated.track();
        let Some(m) = map.with_map_untracked(JourneyMap::clone) else {
            return;
        };
        fragment.set(None);
        spawn_local(async move {
            let made = share_link::fragment_of(&m).await;
            fragment.try_set(Some(made));
        });
    });
    let base = StoredValue::new(app_base());
    let link = move || match fragment.get() {
        Some(Ok(f)) => Some(format!("{}{f}", base.get_value())),
        _ => None,
    };
    let code = move || {
        let base = base.get_value();
        let src = match embed.get() {
            Embed::View => embed_url(&base, &map.id(), EmbedMode::View),
            Embed::Edit => embed_url(&base, &map.id(), EmbedMode::Edit),
            Embed::Link => match fragment.get() {
                Some(Ok(f)) => shared_embed_url(&base, &f),
                _ => return String::new(),
            },
        };
        embed_code(&src, &name.get())
    };
    let copy = move |text: String, field: &'static str| {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(field));
        copied.set(None);
        spawn_local(async move {
            let ok = share_link::copy(&text, field).await;
            copied.try_set(Some(ok));
        });
    };
    let download = move |_| map.download();
    let choice = move |value: Embed, test_id: &'static str| {
        let text = move || match value {
            Embed::View => t_string!(i18n, share_embed_view).to_string(),
            Embed::Edit => t_string!(i18n, share_embed_edit).to_string(),
            Embed::Link => t_string!(i18n, share_embed_shared).to_string(),
        };
        view! {
            <label class="view-choice">
                <input type="radio" name="share-embed" data-testid=test_id
                    prop:checked=move || embed.get() == value
                    on:change=move |_| embed.set(value) />
                {text}
            </label>
        }
    };
    let link_part = move || match fragment.get() {
        None => {
            view! { <p class="hint" role="status">{t!(i18n, share_link_making)}</p> }.into_any()
        }
        Some(Ok(_)) => {
            let text = link().unwrap_or_default();
            view! {
                <label for="share-link">{t!(i18n, share_link_label)}</label>
                <div class="share-row">
                    <input id="share-link" data-testid="share-link" readonly prop:value=text.clone()
                        on:focus=move |ev| select_all(&ev) />
                    <button type="button" on:click=move |_| copy(text.clone(), "share-link")>
                        {t!(i18n, share_copy_link)}
                    </button>
                </div>
            }
            .into_any()
        }
        Some(Err(LinkError::Share(ShareError::TooBig { bytes, limit }))) => view! {
            <p class="field-error" role="alert" data-testid="share-too-big">
                {move || t_string!(i18n, share_link_too_big,
                    size = bytes.div_ceil(1024), limit = limit / 1024).to_string()}
            </p>
        }
        .into_any(),
        Some(Err(_)) => view! {
            <p class="field-error" role="alert">{t!(i18n, share_link_failed)}</p>
        }
        .into_any(),
    };
    view! {
        <div class="share-menu" on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }>
            <button type="button" data-testid="share-menu" aria-expanded=move || open.get().to_string()
                aria-controls="share-panel" on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true">"⤴ "</span>
                {t!(i18n, share_menu)}
            </button>
            <Show when=move || open.get()>
                <div id="share-panel" class="share-panel" data-testid="share-panel">
                    <section aria-labelledby="share-embed-h">
                        <h2 id="share-embed-h">{t!(i18n, share_embed_title)}</h2>
                        <p class="hint">{t!(i18n, share_embed_hint)}</p>
                        <fieldset class="share-embed-mode">
                            <legend>{t!(i18n, share_embed_mode)}</legend>
                            {choice(Embed::View, "embed-view")}
                            {choice(Embed::Edit, "embed-edit")}
                            {choice(Embed::Link, "embed-link")}
                        </fieldset>
                        <label for="share-code">{t!(i18n, share_code_label)}</label>
                        <textarea id="share-code" data-testid="embed-code" readonly rows="3"
                            prop:value=code on:focus=move |ev| select_all(&ev)></textarea>
                        <button type="button" on:click=move |_| copy(code(), "share-code")>
                            {t!(i18n, share_copy_code)}
                        </button>
                    </section>
                    <section aria-labelledby="share-link-h">
                        <h2 id="share-link-h">{t!(i18n, share_link_title)}</h2>
                        <p class="hint">{t!(i18n, share_link_hint)}</p>
                        {link_part}
                    </section>
                    <section aria-labelledby="share-file-h">
                        <h2 id="share-file-h">{t!(i18n, share_file_title)}</h2>
                        <p class="hint">{t!(i18n, share_file_hint)}</p>
                        <button type="button" data-testid="share-download" on:click=download>
                            <span aria-hidden="true">"⤓ "</span>
                            {t!(i18n, share_download)}
                        </button>
                    </section>
                    <p class="share-status" role="status" data-testid="share-status">
                        {move || copied.get().map(|ok| if ok {
                            t_string!(i18n, share_copied).to_string()
                        } else {
                            t_string!(i18n, share_copy_failed).to_string()
                        })}
                    </p>
                </div>
            </Show>
        </div>
    }
    .into_any()
}

/// Selects the whole text of the focused field, ready to copy.
fn select_all(ev: &leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target() else { return };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}
