//! The open map: one context for everything a map's views show and change.
//!
//! The map page provides an [`OpenMap`] once ([`provide_open_map`]) — for the user's maps and for
//! a shared link's map alike, as it holds whichever [`AppState`] the page sees. A component below
//! it asks [`expect_open_map`] for the handle and then for exactly what it shows: a selector
//! ([`OpenMap::select`], [`OpenMap::stage_names`], [`OpenMap::department_names`],
//! [`OpenMap::matrix`], [`OpenMap::settings`] …) returns a [`Memo`] that changes only when
//! that part of the map does, and [`OpenMap::edit`] applies an [`Edit`] through
//! [`AppState::edit`], the one place where maps change. No component takes the map's id as a
//! prop, nor slices the workspace itself.
//!
//! A selector made while the map is gone (deleted in another tab) gives the empty value: the map
//! page shows "map not found" instead of its views at that point.

use crate::domain::Department;
use crate::domain::Stage;
use leptos::prelude::*;

use crate::domain::metrics::MetricSettings;
use crate::domain::responsibility::{self, Matrix};
use crate::domain::{Action, Edit, Id, JourneyMap, Lang, Text, Workspace};
use crate::ui::file_io::download_map;
use crate::ui::state::{expect_state, use_lang, AppState};

/// Ids with the names shown for them in the UI language (stages or departments), in map order.
pub type Names<T = crate::domain::id::Untyped> = Vec<(Id<T>, String)>;

/// The map the page shows, as a context: its id, the state that holds it and the UI language its
/// names are shown in. `Copy`: all three are arena handles.
#[derive(Clone, Copy)]
pub struct OpenMap {
    id: StoredValue<Id>,
    state: AppState,
    lang: Signal<Lang>,
}

/// Provides `id`, in the state of the current context, as the open map of everything below.
pub fn provide_open_map(id: Id) -> OpenMap {
    let open = OpenMap {
        id: StoredValue::new(id),
        state: expect_state(),
        lang: use_lang(),
    };
    provide_context(open);
    open
}

/// The open map. Panics outside a map page (a component of a map's views used elsewhere).
pub fn expect_open_map() -> OpenMap {
    expect_context::<OpenMap>()
}

impl OpenMap {
    /// The map's id (for links).
    pub fn id(self) -> Id {
        self.id.get_value()
    }

    /// `f` of the map, tracked: whoever calls it reruns when the workspace changes. `None` when
    /// the map is gone, or the page that opened it is (an event handler that outlived it).
    pub fn with_map<R>(self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        let state = self.state;
        self.id
            .try_with_value(|id| state.workspace.with(|ws| ws.map(id).map(f)))
            .flatten()
    }

    /// `f` of the map, untracked (for event handlers).
    pub fn with_map_untracked<R>(self, f: impl FnOnce(&JourneyMap) -> R) -> Option<R> {
        let state = self.state;
        self.id
            .try_with_value(|id| state.workspace.with_untracked(|ws| ws.map(id).map(f)))
            .flatten()
    }

    /// A memo of `f` of the map (`T::default()` while the map is gone): the one place the views
    /// slice the workspace. It notifies only when `f`'s result changes.
    pub fn select<T>(self, f: impl Fn(&JourneyMap) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Send + Sync + 'static,
    {
        Memo::new(move |_| self.with_map(&f).unwrap_or_default())
    }

    /// The map's stages as (id, name in the UI language), in map order.
    pub fn stage_names(self) -> Memo<Names<Stage>> {
        let lang = self.lang;
        self.select(move |m| {
            let lang = lang.get();
            m.stages
                .iter()
                .map(|s| (s.id.clone(), s.name.get(lang).to_owned()))
                .collect()
        })
    }

    /// The map's departments as (id, name in the UI language), in map order.
    pub fn department_names(self) -> Memo<Names<Department>> {
        let lang = self.lang;
        self.select(move |m| {
            let lang = lang.get();
            m.departments
                .iter()
                .map(|d| (d.id.clone(), d.name.get(lang).to_owned()))
                .collect()
        })
    }

    /// The name of stage `id` in the UI language, tracked; `None` when the map has no such stage.
    pub fn stage_name(self, id: &Id<Stage>) -> Option<String> {
        let lang = self.lang.get();
        self.with_map(|m| m.stage(id).map(|s| s.name.get(lang).to_owned()))
            .flatten()
    }

    /// The name of outcome `id` in the UI language, tracked; `None` when the map has none by
    /// that id.
    pub fn outcome_name(self, id: &str) -> Option<String> {
        let lang = self.lang.get();
        self.with_map(|m| m.outcome(id).map(|o| o.name.get(lang).to_owned()))
            .flatten()
    }

    /// The map's responsibility matrix.
    pub fn matrix(self) -> Memo<Matrix> {
        self.select(responsibility::matrix)
    }

    /// The map's metric settings.
    pub fn settings(self) -> Memo<MetricSettings> {
        self.select(|m| m.metrics.clone())
    }

    /// Changes the map's metric settings with `change` (one [`Edit::SetMetricSettings`]).
    pub fn change_settings(self, change: impl FnOnce(&mut MetricSettings)) {
        let Some(mut settings) = self.with_map_untracked(|m| m.metrics.clone()) else {
            return;
        };
        change(&mut settings);
        self.edit(Edit::SetMetricSettings { settings });
    }

    /// Applies `edit` to the map (one undo step) through [`AppState::edit`]; a refusal is shown
    /// as a notice. Nothing happens once the page that opened the map is gone.
    pub fn edit(self, edit: Edit) {
        if let Some(id) = self.id.try_get_value() {
            self.state.edit(&id, edit);
        }
    }

    /// Whether the map has an edit to undo.
    pub fn can_undo(self) -> Memo<bool> {
        self.history(|ws, id| ws.can_undo(id))
    }

    /// Whether the map has an undone edit to redo.
    pub fn can_redo(self) -> Memo<bool> {
        self.history(|ws, id| ws.can_redo(id))
    }

    fn history(self, f: fn(&Workspace, &Id) -> bool) -> Memo<bool> {
        let state = self.state;
        Memo::new(move |_| {
            self.id
                .try_with_value(|id| state.workspace.with(|ws| f(ws, id)))
                .unwrap_or(false)
        })
    }

    /// The map this one is a to-be version of, while it exists: its id and its name in the UI
    /// language.
    pub fn original(self) -> Memo<Option<(Id, String)>> {
        let (state, lang) = (self.state, self.lang);
        let of = self.select(|m| m.version_of.clone());
        Memo::new(move |_| {
            let of = of.get()?;
            let name = state
                .workspace
                .with(|ws| ws.map(&of).map(|m| m.name.get(lang.get()).to_owned()))?;
            Some((of, name))
        })
    }

    /// Renames the map (an [`Action::Rename`]); whether it was renamed.
    pub fn rename(self, name: Text) -> bool {
        self.id
            .try_get_value()
            .and_then(|map| self.state.dispatch(Action::Rename { map, name }))
            .is_some()
    }

    /// Downloads the map as a file, after saving what is pending; a failure is shown as a notice.
    pub fn download(self) {
        let state = self.state;
        state.flush_now();
        let lang = self.lang.get_untracked();
        self.with_map_untracked(|m| state.downloaded(download_map(m, lang)));
    }

    /// Undoes the map's last edit.
    pub fn undo(self) {
        if let Some(id) = self.id.try_get_value() {
            self.state.undo(&id);
        }
    }

    /// Redoes the map's last undone edit.
    pub fn redo(self) {
        if let Some(id) = self.id.try_get_value() {
            self.state.redo(&id);
        }
    }
}

/// The name of stage `index` (its number when the map has no such stage).
pub fn stage_name<T>(names: &[(Id<T>, String)], index: u32) -> String {
    names
        .get(index as usize)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| format!("#{}", index + 1))
}
