//! Journey Mapper: map a B2B client journey and measure it, in the browser.
//!
//! * [`domain`] is the pure core (maps, templates, edits, file format), tested natively.
//! * `storage` (wasm only) is the one module that touches browser storage.
//! * `platform` (wasm only) holds what the domain borrows from the browser (its text decoders).
//! * `ui` (wasm only) is the Leptos app: it shows state and dispatches actions.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod platform;

#[cfg(target_arch = "wasm32")]
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod api;
