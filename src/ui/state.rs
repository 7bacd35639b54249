//! The app state at the root, handed to components through context.

use jiff::Timestamp;
use leptos::prelude::*;

use crate::domain::summary::MapSummary;
use crate::domain::{Action, ActionError, Done, Id, JourneyMap, Lang, Workspace};
use crate::i18n::{use_i18n, Locale};
use crate::storage::Unreadable;

/// Whether the latest changes are in browser storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// Storage is full: the last good save is intact, newer changes are only in this tab.
    QuotaFull,
    /// Another tab saved this map while this tab had unsaved changes.
    Conflict {
        theirs: Box<JourneyMap>,
        rev: u64,
    },
    /// Storage cannot be used at all (private mode, disabled by policy).
    Unavailable,
    /// A stored entry for this map cannot be read, so it is not overwritten.
    Blocked,
    /// The map breaks a rule of the file format, so it was not written (it could not be read
    /// back); the last good save is intact.
    Refused(crate::domain::ImportError),
}

/// A short message about something that just happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Deleted,
    ReloadedFromOtherTab,
    Imported,
    /// A shared map was saved to the user's maps.
    SavedCopy,
    ImportFailed(crate::domain::ImportError),
    /// An edit was refused because the map would break a rule of the file format.
    EditRefused(crate::domain::ImportError),
    /// An action could not be done (what it was for is gone: deleted in another tab).
    ActionFailed(crate::domain::workspace::ActionError),
    /// The browser did not start a download; the detail is the browser's.
    DownloadFailed(String),
}

/// A callback the storage sync installs for the UI to call.
pub type Hook<T> = std::rc::Rc<dyn Fn(T)>;

/// Everything the components share. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The map list's rows. Read from storage at start; once the workspace is loaded, kept in
    /// step with it (`sync::ensure_started`).
    pub rows: RwSignal<Vec<MapSummary>>,
    /// The maps in full: empty until the first action that needs them loads them
    /// (`sync::ensure_started`, in a lazily loaded wasm chunk).
    pub workspace: RwSignal<Workspace>,
    /// Whether the workspace has been loaded and the storage sync started.
    pub started: StoredValue<bool>,
    /// The app's root owner: the sync's effects are made under it, wherever it is started from,
    /// so they live as long as the app and not only as long as the screen that started them.
    pub root: StoredValue<Option<Owner>, LocalStorage>,
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// Maps whose latest changes could not be saved (storage full).
    pub unsaved: RwSignal<Vec<Id>>,
    /// Set by the storage sync: saves everything pending now (used before export).
    pub flush: StoredValue<Option<Hook<()>>, LocalStorage>,
    /// The user's choice after a conflict: `true` keeps this tab's version.
    pub resolve: StoredValue<Option<Hook<bool>>, LocalStorage>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            rows: RwSignal::new(Vec::new()),
            workspace: RwSignal::new(Workspace::default()),
            started: StoredValue::new(false),
            root: StoredValue::new_local(Owner::current()),
            status: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(None),
            unreadable: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(Vec::new()),
            flush: StoredValue::new_local(None),
            resolve: StoredValue::new_local(None),
        }
    }

    /// A state of its own for `workspace`, kept in memory only: never loaded from or saved to
    /// storage (the map page does not start the storage sync on it). A shared link's map.
    pub fn in_memory(workspace: Workspace) -> Self {
        let state = Self::new();
        state.workspace.set(workspace);
        state.started.set_value(true);
        state
    }

    /// Applies an action to the workspace; a failure is shown as a notice and changes nothing.
    pub fn dispatch(&self, action: Action) -> Option<Done> {
        self.run(|ws, now| ws.dispatch(action, now))
    }

    /// Applies an edit to one map (an undo step); a failure is shown as a notice.
    ///
    /// Apart from [`AppState::dispatch`] so that the map list, which never edits a map's
    /// content, links none of `edit::apply`: it stays in the editor's wasm chunk.
    pub fn edit(&self, map: &Id, edit: crate::domain::Edit) {
        self.run(|ws, now| ws.edit(map, edit, now));
    }

    pub fn undo(&self, map: &Id) {
        self.run(|ws, now| ws.undo(map, now));
    }

    pub fn redo(&self, map: &Id) {
        self.run(|ws, now| ws.redo(map, now));
    }

    fn run(
        &self,
        f: impl FnOnce(&mut Workspace, Timestamp) -> Result<Done, ActionError>,
    ) -> Option<Done> {
        match self
            .workspace
            .try_update(|ws| f(ws, crate::platform::clock::now()))
        {
            Some(Ok(done)) => Some(done),
            Some(Err(e)) => {
                self.report(e);
                None
            }
            None => None,
        }
    }

    fn report(&self, e: ActionError) {
        let notice = match e {
            ActionError::Edit(crate::domain::EditError::Invalid(e)) => Notice::EditRefused(e),
            e => Notice::ActionFailed(e),
        };
        self.notice.set(Some(notice));
    }

    /// Says so when the browser did not start a download.
    pub fn downloaded(&self, result: Result<(), String>) {
        if let Err(e) = result {
            self.notice.set(Some(Notice::DownloadFailed(e)));
        }
    }

    pub fn flush_now(&self) {
        if let Some(f) = self.flush.get_value() {
            f(());
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn expect_state() -> AppState {
    expect_context::<AppState>()
}

/// The UI language as the domain knows it.
pub fn use_lang() -> Signal<Lang> {
    let i18n = use_i18n();
    Signal::derive(move || match i18n.get_locale() {
        Locale::en => Lang::En,
        Locale::ko => Lang::Ko,
        Locale::ru => Lang::Ru,
    })
}

pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::En => Locale::en,
        Lang::Ko => Locale::ko,
        Lang::Ru => Locale::ru,
    }
}
