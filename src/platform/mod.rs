//! What the pure domain borrows from the browser, behind the domain's own traits.
//!
//! * [`text_decoder`] — the browser's `TextDecoder` as a
//!   [`ChunkDecoder`](crate::domain::import::ChunkDecoder) for Windows-1251, EUC-KR and
//!   Windows-1252, so the wasm file carries no decode tables of its own.
//! * [`clock`] — the current time.

pub mod clock;
pub mod text_decoder;
