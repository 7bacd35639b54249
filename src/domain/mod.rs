//! The pure core of Journey Mapper: maps, templates, edit operations, the file format.
//!
//! Nothing in here knows about the browser or the UI; every function takes what it needs
//! (including the current time) as arguments, so all of it is tested natively.

pub mod canvas;
pub mod card_draft;
pub mod channel;
pub mod charts;
pub mod classified;
pub mod compare;
pub mod content_audit;
pub mod css;
pub mod dataset;
pub mod demo_data;
pub mod document;
pub mod edit;
pub mod engine;
pub mod export_text;
pub mod format;
pub mod id;
pub mod import;
pub mod key_index;
pub mod metric_settings;
pub mod metrics;
pub mod model;
pub mod responsibility;
pub mod rule_form;
pub mod rules;
pub mod share;
pub mod summary;
pub mod template;
pub mod text;
pub mod workspace;

pub use document::{Envelope, ImportError, StoredError};
pub use edit::{Edit, EditError, History};
pub use model::*;
pub use text::{Lang, Text};
pub use workspace::{Action, ActionError, Done, Workspace};
