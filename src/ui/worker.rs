//! The import worker, seen from the page: one Web Worker per import reads the file with the
//! engine module (`engine/js/worker.js`), so the page stays responsive on a file of millions of
//! rows; the page shows its progress and can end it.
//!
//! The worker answers with the dataset as compact bytes, read back here by
//! [`crate::domain::import::handover`]. No `SharedArrayBuffer`: it works in any page, framed or
//! not, without cross-origin isolation headers.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::import::handover::{error_from_text, take_over};
use crate::domain::import::{ImportError, Imported, Options};

/// How far an import has come.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub bytes: f64,
    pub total: f64,
    pub rows: u32,
}

/// How an import in the worker ended.
#[derive(Debug)]
pub enum Outcome {
    Imported(Imported),
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

/// A running import.
pub struct Job {
    worker: web_sys::Worker,
    settle: js_sys::Function,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Job {
    /// Ends the import now; its [`run`] future returns [`Outcome::Cancelled`].
    pub fn cancel(&self) {
        self.worker.terminate();
        let _ = self
            .settle
            .call1(&JsValue::NULL, &JsValue::from_str("cancelled"));
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
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

    let mut settle = None;
    let answer = js_sys::Promise::new(&mut |resolve, _| settle = Some(resolve));
    let settle = settle?;
    let started = Rc::new(RefCell::new(false));

    let (to_settle, seen) = (settle.clone(), started.clone());
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let progress = get(&data, "progress");
            if progress.is_object() {
                *seen.borrow_mut() = true;
                on_progress(Progress {
                    bytes: get(&progress, "bytes").as_f64().unwrap_or(0.0),
                    total: get(&progress, "total").as_f64().unwrap_or(0.0),
                    rows: get(&progress, "rows").as_f64().unwrap_or(0.0) as u32,
                });
                return;
            }
            let _ = to_settle.call1(&JsValue::NULL, &data);
        });
    // The module failed to load or threw outside its handler (a CSP that forbids workers ends
    // in `new Worker` throwing, handled above).
    let to_settle = settle.clone();
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
        e.prevent_default();
        let crash = js_sys::Object::new();
        let detail = match e.message() {
            m if m.is_empty() => "the worker did not start".to_owned(),
            m => m,
        };
        let _ = js_sys::Reflect::set(&crash, &"crash".into(), &detail.into());
        let _ = to_settle.call1(&JsValue::NULL, &crash);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));

    let message = js_sys::Object::new();
    let options_json = serde_json::to_string(options).ok()?;
    js_sys::Reflect::set(&message, &"file".into(), file).ok()?;
    js_sys::Reflect::set(&message, &"options".into(), &options_json.into()).ok()?;
    if worker.post_message(&message).is_err() {
        worker.terminate();
        return None;
    }
    let job = Rc::new(Job {
        worker,
        settle,
        _on_message: on_message,
        _on_error: on_error,
    });
    on_start(job.clone());
    let answer = JsFuture::from(answer).await.unwrap_or(JsValue::NULL);
    // Ends the worker (its memory goes back) once the answer is in.
    drop(job);
    let started = *started.borrow();
    Some(outcome(&answer, started))
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads the worker's last message.
fn outcome(answer: &JsValue, started: bool) -> Outcome {
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
    let dataset = get(answer, "dataset");
    let report = get(answer, "report").as_string();
    match (dataset.dyn_ref::<js_sys::Uint8Array>(), report) {
        (Some(bytes), Some(report)) => match take_over(&bytes.to_vec(), &report) {
            Ok(imported) => Outcome::Imported(imported),
            Err(e) => broken(e.to_string()),
        },
        _ => broken(format!("unexpected answer {answer:?}")),
    }
}
