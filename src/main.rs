//! Mounts the app; nothing else.
//!
//! The same module is the JS engine API (`engine.js`): a page that imports it to call the engine
//! must not get the app mounted into its body, so the app mounts only into the page that asks for
//! it with `<body data-journey-mapper-app>` (our index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let wants_app = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-journey-mapper-app"));
    if wants_app {
        leptos::mount::mount_to_body(journey_mapper::ui::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Journey Mapper runs in the browser: see README.md (scripts/serve.sh).");
}
