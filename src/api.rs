//! The JS module API: the engine without the UI, for `<script type="module">` pages.
use wasm_bindgen::prelude::*;

/// The engine's version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
