//! One map's imported data in the UI: the imperative shell around the pure importer and rules.
//!
//! [`DataSession`] is provided by the map page. It reads a picked file's first chunk for the
//! column-mapping step, has the data worker ([`crate::ui::worker`]) read the whole file (or,
//! where no worker can run, streams it through [`Importer`] in the page one chunk at a time),
//! keeps the original file in IndexedDB (through [`crate::storage::datasets`]) and reads it back on
//! the next visit. The worker then keeps the data and works out its analysis (classification,
//! stage histories, report, segment reports) for each set of rules; the page shows an analysis
//! only while it is the one for the current data and rules.

use crate::domain::Stage;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::{spawn_local, spawn_local_scoped_with_cancellation};
use wasm_bindgen::JsValue;

use crate::domain::classified::{rules_of, DatasetMeta, Tally};
use crate::domain::dataset::Dataset;
use crate::domain::demo_data;
use crate::domain::import::{
    preview, ImportError, Importer, Lookup, Options, Overrides, Preview, Report, MAX_RECORD_BYTES,
};
use crate::domain::metrics::segments::{segment_reports, SegmentLabel};
use crate::domain::metrics::{report_basis, Analysis, Report as MetricsReport};
use crate::domain::rules::{Classification, RuleError};
use crate::domain::{Id, JourneyMap, SourceModel};
use crate::storage::datasets::{DatasetStore, DatasetStoreError, StoredDataset};
use crate::ui::file_io::{read_blob_chunks, FileReadError};
use crate::ui::state::expect_state;
use crate::ui::sync::take_demo_sample;
use crate::ui::worker::{self, Job, Outcome, Progress};

/// The file name the sample data of a model is shown under.
pub fn sample_name(model: SourceModel) -> String {
    format!("sample-{}.csv", model.slug())
}

/// How much of a file the mapping step reads.
const PREVIEW_BYTES: u32 = 64 * 1024;
/// How much of a file is in memory at once while importing.
const CHUNK_BYTES: u32 = 1024 * 1024;

/// A file in memory, classified.
#[derive(Debug, PartialEq)]
pub struct LoadedData {
    pub dataset: Dataset,
    pub report: Report,
    pub meta: DatasetMeta,
    /// Whether the file is kept in browser storage (false: this visit only).
    pub stored: bool,
}

/// What is going on right now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Busy {
    Reading,
    /// Importing: how far it has come.
    Importing(Progress),
}

/// Something that went wrong, for the data page to show.
#[derive(Clone, Debug, PartialEq)]
pub enum DataProblem {
    /// The file cannot be imported at all.
    File(ImportError),
    /// The file could not be read from disk.
    Read(FileReadError),
    /// The data was imported but could not be kept (or read back).
    Store(DatasetStoreError),
    /// The import worker stopped while reading (out of memory, most likely); the detail is
    /// for a bug report.
    Worker(String),
}

/// A picked file waiting in the column-mapping step.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub file_name: String,
    pub bytes: u64,
    pub preview: Preview,
}

/// The loaded data placed by the map's rules, with the counts per stage of the map.
#[derive(Debug)]
pub struct Placed {
    pub analysis: Arc<Analysis>,
    pub tally: Tally,
}

/// The same analysis (not an equal one: comparing 100,000 placements on each edit would cost
/// more than it saves) and the same counts.
impl PartialEq for Placed {
    fn eq(&self, other: &Placed) -> bool {
        Arc::ptr_eq(&self.analysis, &other.analysis) && self.tally == other.tally
    }
}

impl Placed {
    pub fn classification(&self) -> &Classification {
        &self.analysis.classification
    }
}

/// The classification of the loaded data by the map's rules.
pub type Classified = Result<Arc<Placed>, RuleError>;

/// The loaded data classified and replayed by the map's rules (for the metrics).
pub type Analysed = Result<Arc<Analysis>, RuleError>;

/// What an analysis reads from the map: its rules, source model and stage ids.
type Basis = (Option<String>, SourceModel, Vec<Id<Stage>>);

/// The last analysis worked out, with what it was worked out for: the data (by address) and the
/// basis; and the worker's report, with the map (its report basis) it was made for.
struct Answer {
    data: usize,
    basis: Option<Basis>,
    analysis: Analysed,
    report: Option<(JourneyMap, Arc<MetricsReport>)>,
}

/// The data of the open map. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct DataSession {
    map: StoredValue<Id>,
    /// The map page's owner: the session's tasks end with it ([`Self::spawn`]).
    owner: StoredValue<Option<Owner>>,
    pub loaded: RwSignal<Option<Arc<LoadedData>>>,
    pub busy: RwSignal<Option<Busy>>,
    pub problem: RwSignal<Option<DataProblem>>,
    pub pending: RwSignal<Option<Pending>>,
    /// The picked file behind [`Self::pending`].
    file: StoredValue<Option<web_sys::Blob>, LocalStorage>,
    /// The file behind [`Self::loaded`], read again when a lookup table is joined or removed.
    loaded_file: StoredValue<Option<web_sys::Blob>, LocalStorage>,
    /// Set after "delete imported data", for the page to confirm.
    pub deleted: RwSignal<bool>,
    /// Set when the user cancelled an import, for the page to confirm.
    pub cancelled: RwSignal<bool>,
    /// The import running in the worker, to cancel it.
    job: StoredValue<Option<Rc<Job>>, LocalStorage>,
    /// The worker holding the loaded data, which works out its analysis.
    data_job: StoredValue<Option<Rc<Job>>, LocalStorage>,
    pub classified: Memo<Option<Classified>>,
    /// The classification and stage histories behind the counts and metrics, worked out in the
    /// worker for each set of rules; `None` without data and while it is being worked out.
    pub analysis: Memo<Option<Analysed>>,
    /// The metrics of every contact, with the map's metric settings; `None` without data or
    /// when the rules do not parse.
    pub report: Memo<Option<Arc<MetricsReport>>>,
    /// What the figures read of the open map ([`report_basis`]).
    pub figures_map: Memo<Option<JourneyMap>>,
}

/// The data session the map page provided.
pub fn expect_data() -> DataSession {
    expect_context::<DataSession>()
}

impl DataSession {
    /// A session for `map`, with its stored data loading in the background.
    pub fn provide(map: Id) -> DataSession {
        let state = expect_state();
        let loaded: RwSignal<Option<Arc<LoadedData>>> = RwSignal::new(None);
        // What the report and the counts read of the map: editing a card changes nothing here.
        let report_id = map.clone();
        let figures_map = Memo::new(move |_| {
            state
                .workspace
                .with(|ws| ws.map(&report_id).map(report_basis))
        });
        // What an analysis reads from the map: its rules and stage ids. Editing cards, names or
        // metric settings does not replay the file.
        let basis = Memo::new(move |_| {
            figures_map.with(|m| {
                m.as_ref().map(|m| -> Basis {
                    let stages: Vec<Id<Stage>> = m.stages.iter().map(|s| s.id.clone()).collect();
                    (m.rules.clone(), m.source_model, stages)
                })
            })
        });
        // The worker's last answer, with what it answered: the data (by address) and the basis.
        // `analysis` shows it only while both are still current, so no count made with other
        // rules is ever shown, not even for the moment before the new question is asked.
        let answered: RwSignal<Option<Answer>> = RwSignal::new(None);
        let analysis = Memo::new(move |_| {
            let data = loaded.get()?;
            let now = basis.get();
            answered.with(|a| {
                a.as_ref()
                    .filter(|a| a.data == Arc::as_ptr(&data) as usize && a.basis == now)
                    .map(|a| a.analysis.clone())
            })
        });
        let data_job: StoredValue<Option<Rc<Job>>, LocalStorage> = StoredValue::new_local(None);
        Effect::new(move |_| {
            let data = loaded.get();
            let of = basis.get();
            // What the figures read of the map (not its cards: a 2,000-card map is not copied).
            let map = figures_map.get_untracked();
            let (Some(data), Some(map)) = (data, map) else {
                return;
            };
            let at = Arc::as_ptr(&data) as usize;
            let answer = move |analysis, report| Answer {
                data: at,
                basis: of.clone(),
                analysis,
                report,
            };
            let now = crate::platform::clock::now();
            if let Err(e) = rules_of(&map) {
                answered.set(Some(answer(Err(e), None)));
                return;
            }
            let Some(job) = data_job.get_value() else {
                // No worker (or the data was imported in the page): work it out here.
                let result = Analysis::new(&map, &data.dataset, now).map(Arc::new);
                answered.set(Some(answer(result, None)));
                return;
            };
            spawn_local(async move {
                let done = match job.analyse(&map, now.as_second()).await {
                    Ok((a, report)) => answer(Ok(Arc::new(a)), Some((map, Arc::new(report)))),
                    // The worker failed (it should not): the page works it out itself.
                    Err(_) => answer(Analysis::new(&map, &data.dataset, now).map(Arc::new), None),
                };
                // Answers come in the order asked; a later question's answer replaces this one.
                answered.try_set(Some(done));
            });
        });
        let classified = Memo::new(move |_| {
            let analysis = analysis.get()?;
            figures_map.with(|map| {
                let map = map.as_ref()?;
                Some(analysis.map(|a| {
                    Arc::new(Placed {
                        tally: Tally::new(map, &a.classification),
                        analysis: a,
                    })
                }))
            })
        });
        let report = Memo::new(move |_| {
            let data = loaded.get()?;
            let analysis = analysis.get()?.ok()?;
            figures_map.with(|map| {
                let map = map.as_ref()?;
                // The worker's report, when it was made for this map; else (the metric settings
                // changed since) the page makes it.
                let made = answered.with(|a| {
                    a.as_ref()
                        .and_then(|a| a.report.as_ref())
                        .filter(|(m, _)| m == map)
                        .map(|(_, r)| r.clone())
                });
                Some(made.unwrap_or_else(|| Arc::new(analysis.report_all(map, &data.dataset))))
            })
        });
        let session = DataSession {
            map: StoredValue::new(map),
            owner: StoredValue::new(Owner::current()),
            loaded,
            busy: RwSignal::new(None),
            problem: RwSignal::new(None),
            pending: RwSignal::new(None),
            file: StoredValue::new_local(None),
            loaded_file: StoredValue::new_local(None),
            deleted: RwSignal::new(false),
            cancelled: RwSignal::new(false),
            job: StoredValue::new_local(None),
            data_job,
            classified,
            analysis,
            report,
            figures_map,
        };
        provide_context(session);
        // Leaving the map ends its import.
        on_cleanup(move || session.cancel_import());
        session.restore();
        session
    }

    /// Runs `task` while the map page is open. Leaving the map (or opening another) drops it
    /// at its next `await`, so nothing it does afterwards reaches the page's disposed signals.
    fn spawn(self, task: impl std::future::Future<Output = ()> + 'static) {
        if let Some(Some(owner)) = self.owner.try_get_value() {
            owner.with(|| spawn_local_scoped_with_cancellation(task));
        }
    }

    /// Reads the map's stored file back, as it was imported.
    fn restore(self) {
        self.spawn(async move {
            let store = match DatasetStore::open().await {
                Ok(s) => s,
                // No IndexedDB: nothing to restore; an import says so when it tries to store.
                Err(_) => return,
            };
            let map = self.map.get_value();
            let Ok(list) = store.list_for_map(map.as_str()).await else {
                return;
            };
            let Some(info) = list.into_iter().last() else {
                if take_demo_sample(&map) {
                    self.load_sample(SourceModel::Hinge, sample_name(SourceModel::Hinge));
                }
                return;
            };
            let meta: DatasetMeta = match serde_json::from_str(&info.meta_json) {
                Ok(m) => m,
                Err(e) => {
                    self.problem
                        .set(Some(DataProblem::Store(DatasetStoreError::Unreadable(
                            e.to_string(),
                        ))));
                    return;
                }
            };
            match store.get(&info.id).await {
                Ok(Some(entry)) => {
                    if let Some((data, job)) = self.stream(&entry.file, meta).await {
                        self.loaded_file.try_set_value(Some(entry.file.clone()));
                        self.show(
                            LoadedData {
                                stored: true,
                                ..data
                            },
                            job,
                        );
                    }
                }
                Ok(None) => {}
                Err(e) => self.problem.set(Some(DataProblem::Store(e))),
            }
        });
    }

    /// The user picked a file: read its start for the column-mapping step.
    pub fn pick(self, file: web_sys::File) {
        self.problem.set(None);
        self.deleted.set(false);
        let name = file.name();
        let blob: web_sys::Blob = file.into();
        self.file.set_value(Some(blob.clone()));
        self.busy.set(Some(Busy::Reading));
        self.spawn(async move {
            let result = self
                .preview_of(&blob, &Overrides::default())
                .await
                .map(|preview| Pending {
                    file_name: name,
                    bytes: blob.size() as u64,
                    preview,
                });
            self.busy.set(None);
            match result {
                Ok(p) => self.pending.set(Some(p)),
                Err(e) => self.problem.set(Some(e)),
            }
        });
    }

    /// Reads the picked file's start again with other encoding, separator or date choices.
    pub fn reread(self, overrides: Overrides) {
        let Some(blob) = self.file.get_value() else {
            return;
        };
        self.spawn(async move {
            match self.preview_of(&blob, &overrides).await {
                Ok(preview) => self.pending.update(|p| {
                    if let Some(p) = p {
                        p.preview = preview;
                    }
                }),
                Err(e) => self.problem.set(Some(e)),
            }
        });
    }

    /// The mapping step's preview of the file's start. A header that does not end within the
    /// first [`PREVIEW_BYTES`] (thousands of columns) is read again up to the longest record
    /// the import accepts, so a wide file is not called one with "no header row".
    async fn preview_of(
        self,
        blob: &web_sys::Blob,
        overrides: &Overrides,
    ) -> Result<Preview, DataProblem> {
        let total = blob.size();
        let mut first = Vec::new();
        for limit in [
            PREVIEW_BYTES as usize,
            MAX_RECORD_BYTES + PREVIEW_BYTES as usize,
        ] {
            first.clear();
            read_blob_chunks(
                blob,
                PREVIEW_BYTES,
                |chunk| {
                    first.extend_from_slice(chunk);
                    first.len() < limit
                },
                |_, _| {},
            )
            .await
            .map_err(DataProblem::Read)?;
            match preview(&first, overrides) {
                Err(ImportError::NoHeader) if (first.len() as f64) < total => continue,
                other => return other.map_err(DataProblem::File),
            }
        }
        preview(&first, overrides).map_err(DataProblem::File)
    }

    /// Leaves the mapping step without importing.
    pub fn cancel(self) {
        self.pending.set(None);
        self.file.set_value(None);
    }

    /// Imports the pending file with `options` and keeps it.
    pub fn import(self, options: Options) {
        let (Some(pending), Some(blob)) = (self.pending.get_untracked(), self.file.get_value())
        else {
            return;
        };
        let meta = DatasetMeta {
            file_name: pending.file_name,
            bytes: pending.bytes,
            imported_at: crate::platform::clock::now(),
            options,
        };
        self.pending.set(None);
        self.file.set_value(None);
        self.spawn(async move { self.import_blob(blob, meta).await });
    }

    /// Ends the import running in the worker; the data the map had stays as it was.
    pub fn cancel_import(self) {
        if let Some(job) = self.job.try_update_value(Option::take).flatten() {
            job.cancel();
        }
    }

    /// The report of each segment of the loaded data by `field` (at most `max` values): from
    /// the worker holding the data, else worked out here. `None` without data or analysis.
    pub async fn segment_reports(
        self,
        field: &str,
        max: usize,
    ) -> Option<Vec<(SegmentLabel, MetricsReport)>> {
        // `try_`: the metrics part asking may be polled once more after the page has gone.
        let data = self.loaded.try_get_untracked()??;
        let analysis = self.analysis.try_get_untracked()??.ok()?;
        let map = self.figures_map.try_get_untracked()??;
        if let Some(job) = self.data_job.try_get_value().flatten() {
            let now = crate::platform::clock::now().as_second();
            if let Ok(reports) = job.segments(&map, now, field, max).await {
                return Some(reports);
            }
        }
        Some(segment_reports(&map, &data.dataset, &analysis, field, max))
    }

    /// Whether the figures of loaded data are being worked out (in the worker) right now.
    pub fn analysing(self) -> bool {
        self.loaded.read().is_some() && self.analysis.read().is_none()
    }

    /// Whether an import can be cancelled now.
    pub fn can_cancel(self) -> bool {
        self.job.with_value(Option::is_some)
    }

    /// Imports the deterministic sample of the map's model (as if it were a picked file).
    pub fn load_sample(self, model: SourceModel, file_name: String) {
        if self.busy.get_untracked().is_some() {
            return;
        }
        let text = demo_data::events_csv(model, 120, 1);
        let Ok(blob) = blob_of(&text) else {
            return;
        };
        let meta = DatasetMeta {
            file_name,
            bytes: text.len() as u64,
            imported_at: crate::platform::clock::now(),
            options: Options::default(),
        };
        self.problem.set(None);
        self.deleted.set(false);
        self.spawn(async move { self.import_blob(blob, meta).await });
    }

    async fn import_blob(self, blob: web_sys::Blob, meta: DatasetMeta) {
        let Some((data, job)) = self.stream(&blob, meta).await else {
            return;
        };
        let stored = self.keep(&blob, &data.meta).await;
        self.loaded_file.try_set_value(Some(blob));
        self.show(LoadedData { stored, ..data }, job);
    }

    /// Reads the loaded file again with these lookup tables joined (one added or removed);
    /// the data shown, and the stored copy, are replaced only when that succeeds.
    pub fn set_lookups(self, lookups: Vec<Lookup>) {
        let (Some(blob), Some(loaded)) =
            (self.loaded_file.get_value(), self.loaded.get_untracked())
        else {
            return;
        };
        if self.busy.get_untracked().is_some() {
            return;
        }
        let mut meta = loaded.meta.clone();
        meta.options.lookups = lookups;
        self.problem.set(None);
        self.spawn(async move { self.import_blob(blob, meta).await });
    }

    /// Shows newly loaded data; `job` is the worker holding it (the one holding the data it
    /// replaces ends).
    fn show(self, data: LoadedData, job: Option<Rc<Job>>) {
        self.data_job.try_set_value(job);
        self.loaded.try_set(Some(Arc::new(data)));
    }

    /// Imports a file in the worker (in the page where none can run); `None` (with the
    /// problem set) if it fails or is cancelled. With the worker that holds the data, if any.
    async fn stream(
        self,
        blob: &web_sys::Blob,
        meta: DatasetMeta,
    ) -> Option<(LoadedData, Option<Rc<Job>>)> {
        self.cancelled.set(false);
        let total = blob.size();
        self.busy.set(Some(Busy::Importing(Progress {
            bytes: 0.0,
            total,
            rows: 0,
        })));
        let outcome = worker::run(
            blob,
            &meta.options,
            move |job| self.job.set_value(Some(job)),
            move |p| {
                self.busy.try_set(Some(Busy::Importing(p)));
            },
        )
        .await;
        self.job.try_set_value(None);
        let mut holder = None;
        let result = match outcome {
            Some(Outcome::Imported(imported, job)) => {
                holder = Some(job);
                Ok(*imported)
            }
            Some(Outcome::Failed(e)) => Err(DataProblem::File(e)),
            Some(Outcome::Cancelled) => {
                self.busy.try_set(None);
                self.cancelled.try_set(true);
                return None;
            }
            Some(Outcome::Broken {
                detail,
                started: true,
            }) => Err(DataProblem::Worker(detail)),
            // No worker here (or it could not load): the page reads the file itself.
            Some(Outcome::Broken { started: false, .. }) | None => {
                self.stream_here(blob, &meta.options).await
            }
        };
        self.busy.try_set(None);
        match result {
            Ok(imported) => Some((
                LoadedData {
                    dataset: imported.dataset,
                    report: imported.report,
                    meta,
                    stored: false,
                },
                holder,
            )),
            Err(problem) => {
                self.problem.try_set(Some(problem));
                None
            }
        }
    }

    /// Streams a file through the importer in the page, one chunk at a time.
    async fn stream_here(
        self,
        blob: &web_sys::Blob,
        options: &Options,
    ) -> Result<crate::domain::import::Imported, DataProblem> {
        let mut importer = Importer::new(options.clone());
        importer.expect_bytes(blob.size() as u64);
        let mut failed: Option<ImportError> = None;
        let rows = std::cell::Cell::new(0);
        read_blob_chunks(
            blob,
            CHUNK_BYTES,
            |chunk| match importer.push(chunk) {
                Ok(()) => {
                    rows.set(importer.rows_read() as u32);
                    true
                }
                Err(e) => {
                    failed = Some(e);
                    false
                }
            },
            |bytes, total| {
                self.busy.try_set(Some(Busy::Importing(Progress {
                    bytes,
                    total,
                    rows: rows.get(),
                })));
            },
        )
        .await
        .map_err(DataProblem::Read)?;
        match failed {
            Some(e) => Err(DataProblem::File(e)),
            None => importer.finish().map_err(DataProblem::File),
        }
    }

    /// Keeps the file in IndexedDB in place of the map's earlier one, in one transaction;
    /// `false` (with the problem set, and the earlier file still stored) if the browser would
    /// not store it.
    async fn keep(self, blob: &web_sys::Blob, meta: &DatasetMeta) -> bool {
        let map = self.map.get_value();
        let result = async {
            let store = DatasetStore::open().await?;
            store
                .replace_for_map(&StoredDataset {
                    id: Id::random_text(),
                    map_id: map.0.clone(),
                    meta_json: serde_json::to_string(meta)
                        .map_err(|e| DatasetStoreError::Failed(e.to_string()))?,
                    file: blob.clone(),
                    bytes: blob.size(),
                })
                .await
        }
        .await;
        match result {
            Ok(()) => true,
            Err(e) => {
                self.problem.set(Some(DataProblem::Store(e)));
                false
            }
        }
    }

    /// Deletes the map's imported data, in memory and in storage. The map itself is unchanged.
    pub fn delete(self) {
        let map = self.map.get_value();
        self.loaded.set(None);
        self.loaded_file.set_value(None);
        self.data_job.set_value(None);
        self.problem.set(None);
        self.spawn(async move {
            let result = async {
                let store = DatasetStore::open().await?;
                store.delete_for_map(map.as_str()).await
            }
            .await;
            match result {
                Ok(_) | Err(DatasetStoreError::Unavailable) => self.deleted.set(true),
                Err(e) => self.problem.set(Some(DataProblem::Store(e))),
            }
        });
    }
}

/// A text as a `Blob`, so generated samples go through the same path as picked files.
fn blob_of(text: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}
