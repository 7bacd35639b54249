//! The Leptos app. Components only show state and dispatch [`crate::domain::Action`]s.

mod app;
pub mod charts;
mod compare_text;
pub mod components;
pub mod data;
mod effects;
pub mod embed;
pub mod file_io;
mod labels;
mod list_actions;
mod open_map;
pub mod pages;
mod route;
mod share_link;
mod start;
mod state;
mod store;
mod sync;
mod terms;
pub mod worker;

pub use app::App;
pub use state::{expect_state, AppState, Notice, SaveStatus};
