//! The data worker, seen from the page: one Web Worker per import reads the file with the
//! engine module (`engine/js/worker.js`), so the page stays responsive on a file of millions of
//! rows; the page shows its progress and can end it. Once the file is read the worker keeps the
//! data and works out the [`Analysis`] for each set of rules ([`Job::analyse`]).
//!
//! The worker answers with compact bytes, read back here by
//! [`crate::domain::import::handover`]. No `SharedArrayBuffer`: it works in any page, framed or
//! not, without cross-origin isolation headers.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::import::handover::{
    error_from_text, figures_from, put_events, segments_from, TakeOver,
};
use crate::domain::import::{ImportError, Imported, Options};
use crate::domain::metrics::segments::SegmentLabel;
use crate::domain::metrics::{Analysis, Report};
use crate::domain::model::JourneyMap;

/// How far an import has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub bytes: f64,
    pub total: f64,
    pub rows: u32,
}

/// How an import in the worker ended.
pub enum Outcome {
    /// Read; the job keeps the data for [`Job::analyse`].
    Imported(Box<Imported>, Rc<Job>),
    Failed(ImportError),
    /// Ended by [`Job::cancel`].
    Cancelled,
    /// The worker could not run or stopped (detail for the message). `started`: it had sent
    /// progress, so the file was being read (a failure to load the worker has `false`).
    Broken {
        detail: String,
        started: bool,
    },
}

/// The worker's file in this build, from index.html (written by `scripts/post-build.mjs`).
fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name=\"journey-mapper-worker\"]")
        .ok()??;
    let href = meta.get_attribute("content")?;
    // Relative to the page, so it works under any sub-path.
    web_sys::Url::new_with_base(&href, &document.base_uri().ok()??)
        .ok()
        .map(|u| u.href())
}

/// Answers the worker owes: the import's, then one per question ([`Job::analyse`],
/// [`Job::segments`]) by its number.
#[derive(Default)]
struct Owed {
    import: Option<js_sys::Function>,
    questions: HashMap<u32, js_sys::Function>,
}

impl Owed {
    /// Settles every open answer with `value` (the worker is gone).
    fn settle_all(&mut self, value: &JsValue) {
        let questions = self.questions.drain().map(|(_, f)| f);
        for f in self.import.take().into_iter().chain(questions) {
            let _ = f.call1(&JsValue::NULL, value);
        }
    }
}

/// A worker: reading a file, then holding its data. Dropping it ends the worker.
pub struct Job {
    worker: web_sys::Worker,
    owed: Rc<RefCell<Owed>>,
    next: Cell<u32>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Job {
    /// Ends the worker now; a running [`run`] returns [`Outcome::Cancelled`].
    pub fn cancel(&self) {
        self.worker.terminate();
        self.owed
            .borrow_mut()
            .settle_all(&JsValue::from_str("cancelled"));
    }

    /// The analysis of the data by `map`'s rules at `now` (seconds), and the report of every
    /// contact, worked out in the worker; an error text when the worker could not (a bug, or
    /// the worker ended). `map` need only be the report basis.
    pub async fn analyse(&self, map: &JourneyMap, now: i64) -> Result<(Analysis, Report), String> {
        let answer = self.ask("analyse", map, now, &[]).await?;
        let report = get(&answer, "report").as_string();
        match (
            get(&answer, "analysis").dyn_ref::<js_sys::Uint8Array>(),
            report,
        ) {
            (Some(bytes), Some(report)) => {
                figures_from(&bytes.to_vec(), &report).map_err(|e| e.to_string())
            }
            _ => Err(crash_of(&answer)),
        }
    }

    /// The report of each segment by `field` (at most `max` values), worked out in the worker
    /// from its last analysis of `map` (the same map as [`Job::analyse`] was given).
    pub async fn segments(
        &self,
        map: &JourneyMap,
        now: i64,
        field: &str,
        max: usize,
    ) -> Result<Vec<(SegmentLabel, Report)>, String> {
        let extra = [("field", field.into()), ("max", (max as u32).into())];
        let answer = self.ask("segments", map, now, &extra).await?;
        match get(&answer, "segments").as_string() {
            Some(text) => segments_from(&text).map_err(|e| e.to_string()),
            None => Err(crash_of(&answer)),
        }
    }

    /// Sends `op` with the map and `now` (and `extra`) and waits for its answer.
    async fn ask(
        &self,
        op: &str,
        map: &JourneyMap,
        now: i64,
        extra: &[(&str, JsValue)],
    ) -> Result<JsValue, String> {
        let map = serde_json::to_string(map).map_err(|e| e.to_string())?;
        let seq = self.next.get();
        self.next.set(seq.wrapping_add(1));
        let (answer, settle) = promise();
        self.owed.borrow_mut().questions.insert(seq, settle);
        let message = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &k.into(), v);
        let fields = [
            ("op", op.into()),
            ("seq", seq.into()),
            ("map", map.into()),
            ("now", (now as f64).into()),
        ];
        for (k, v) in fields.iter().chain(extra) {
            set(k, v).map_err(|e| format!("{e:?}"))?;
        }
        if let Err(e) = self.worker.post_message(&message) {
            self.owed.borrow_mut().questions.remove(&seq);
            return Err(format!("{e:?}"));
        }
        Ok(JsFuture::from(answer).await.unwrap_or(JsValue::NULL))
    }
}

/// What went wrong in the worker, from its answer.
fn crash_of(answer: &JsValue) -> String {
    get(answer, "crash")
        .as_string()
        .unwrap_or_else(|| "the worker ended".into())
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// A promise and the function that resolves it.
fn promise() -> (js_sys::Promise, js_sys::Function) {
    let mut settle = None;
    let promise = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    // The executor runs at once, inside `Promise::new`.
    (promise, settle.unwrap_or_else(js_sys::Function::default))
}

/// Starts importing `file` with `options` in a worker. `None` when this build or browser has no
/// worker to run it (the caller imports in the page instead). `on_start` gets the job (to cancel
/// it) before the first await; `on_progress` is called as the file is read.
pub async fn run(
    file: &web_sys::Blob,
    options: &Options,
    on_start: impl FnOnce(Rc<Job>),
    mut on_progress: impl FnMut(Progress) + 'static,
) -> Option<Outcome> {
    let url = worker_url()?;
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &worker_options).ok()?;

    let (answer, settle) = promise();
    let owed = Rc::new(RefCell::new(Owed {
        import: Some(settle),
        questions: HashMap::new(),
    }));
    let started = Rc::new(Cell::new(false));

    let (to_settle, seen) = (owed.clone(), started.clone());
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let progress = get(&data, "progress");
            if progress.is_object() {
                seen.set(true);
                on_progress(Progress {
                    bytes: get(&progress, "bytes").as_f64().unwrap_or(0.0),
                    total: get(&progress, "total").as_f64().unwrap_or(0.0),
                    rows: get(&progress, "rows").as_f64().unwrap_or(0.0) as u32,
                });
                return;
            }
            let settle = match get(&data, "seq").as_f64() {
                Some(seq) => to_settle.borrow_mut().questions.remove(&(seq as u32)),
                None => to_settle.borrow_mut().import.take(),
            };
            if let Some(settle) = settle {
                let _ = settle.call1(&JsValue::NULL, &data);
            }
        });
    // The module failed to load or threw outside its handler (a CSP that forbids workers ends
    // in `new Worker` throwing, handled above).
    let to_settle = owed.clone();
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
        e.prevent_default();
        let crash = js_sys::Object::new();
        let detail = match e.message() {
            m if m.is_empty() => "the worker did not start".to_owned(),
            m => m,
        };
        let _ = js_sys::Reflect::set(&crash, &"crash".into(), &detail.into());
        to_settle.borrow_mut().settle_all(&crash);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

    let message = js_sys::Object::new();
    let options_json = serde_json::to_string(options).ok()?;
    js_sys::Reflect::set(&message, &"op".into(), &"import".into()).ok()?;
    js_sys::Reflect::set(&message, &"file".into(), file).ok()?;
    js_sys::Reflect::set(&message, &"options".into(), &options_json.into()).ok()?;
    if worker.post_message(&message).is_err() {
        worker.terminate();
        return None;
    }
    let job = Rc::new(Job {
        worker,
        owed,
        next: Cell::new(0),
        _on_message: on_message,
        _on_error: on_error,
    });
    on_start(job.clone());
    let answer = JsFuture::from(answer).await.unwrap_or(JsValue::NULL);
    Some(outcome(&answer, started.get(), job).await)
}

/// Lets the browser run other tasks (input, drawing) before going on.
async fn yield_now() {
    let (pause, settle) = promise();
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(&settle);
    }
    let _ = JsFuture::from(pause).await;
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads the import's answer a task at a time: the dataset's head, each block of contacts, then
/// the events (each well under 100 ms on a million rows). The job is ended (its memory goes back) unless it holds the data.
async fn outcome(answer: &JsValue, started: bool, job: Rc<Job>) -> Outcome {
    if answer.as_string().as_deref() == Some("cancelled") {
        return Outcome::Cancelled;
    }
    let broken = |detail: String| Outcome::Broken { detail, started };
    if let Some(error) = get(answer, "error").as_string() {
        return match error_from_text(&error) {
            Ok(e) => Outcome::Failed(e),
            Err(e) => broken(e.to_string()),
        };
    }
    if let Some(crash) = get(answer, "crash").as_string() {
        return broken(crash);
    }
    let (dataset, events) = (get(answer, "dataset"), get(answer, "events"));
    let report = get(answer, "report").as_string();
    let (Some(dataset), Some(events), Some(report)) = (
        dataset.dyn_ref::<js_sys::Uint8Array>(),
        events.dyn_ref::<js_sys::Uint8Array>(),
        report,
    ) else {
        return broken(format!("unexpected answer {answer:?}"));
    };
    let dataset = dataset.to_vec();
    let mut reading = match TakeOver::start(&dataset, &report) {
        Ok(reading) => reading,
        Err(e) => return broken(e.to_string()),
    };
    loop {
        yield_now().await;
        match reading.step() {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return broken(e.to_string()),
        }
    }
    let mut imported = reading.finish();
    match put_events(&mut imported, &events.to_vec()) {
        Ok(()) => Outcome::Imported(Box::new(imported), job),
        Err(e) => broken(e.to_string()),
    }
}
