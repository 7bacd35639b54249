//! Journey Mapper: map a B2B client journey and measure it, in the browser.
//!
//! * [`domain`] is the pure core (maps, templates, edits, file format), tested natively.
//! * `storage` (wasm, feature `ui`) is the one module that touches browser storage.
//! * `platform` (wasm only) holds what the domain borrows from the browser (its text decoders).
//! * `ui` (wasm, feature `ui`) is the Leptos app: it shows state and dispatches actions.
//!
//! The JS module API (`engine.js`) is its own crate and wasm module: `engine/`.

pub mod domain;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod platform;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;

/// Mounts the app when the page asks for it with `<body data-journey-mapper-app>` (our index.html).
///
/// The same module is the JS engine API (`engine.js`): a page that imports it to call the engine
/// does not get the app mounted into its body. Only the app build (Trunk, feature `app`) has this
/// start function; the browser tests link the library without it.
#[cfg(all(target_arch = "wasm32", feature = "app"))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let wants_app = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-journey-mapper-app"));
    if wants_app {
        leptos::mount::mount_to_body(ui::App);
    }
}
