//! The JS module API: the engine without the UI, for `<script type="module">` pages.
//!
//! ```js
//! import init, { classifyCsv, templateMap, defaultRules, sampleCsv } from './engine.js';
//! await init();
//! const result = classifyCsv(csvTextOrBytes, { model: 'hinge' });
//! result.stages; // [{ id, name, contacts, accounts }, …]
//! ```
//!
//! Every function is a thin conversion around [`journey_mapper::domain::engine`]: JS values in and out
//! as plain objects (serde), errors thrown as `Error` with a message.

#![cfg(target_arch = "wasm32")]

use jiff::Timestamp;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use journey_mapper::domain::demo_data;
use journey_mapper::domain::engine::{self, EngineError, EngineOptions};
use journey_mapper::domain::import::{handover, Importer, Options};
use journey_mapper::domain::metrics::Analysis;
use journey_mapper::domain::rules::fields::field_position;
use journey_mapper::domain::rules::{unknown_fields, RuleSet};
use journey_mapper::domain::{template, JourneyMap, SourceModel};

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn options_from(options: JsValue) -> Result<EngineOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(EngineOptions::default());
    }
    // Through JSON text rather than serde-wasm-bindgen: serde_json rejects unknown keys
    // (naming the valid ones) and nesting past its recursion limit, where a JS object nested
    // thousands deep would otherwise overflow the wasm stack.
    let text = js_sys::JSON::stringify(&options)
        .map_err(|e| {
            JsError::new(&format!(
                "options: cannot be read as JSON ({})",
                e.as_string()
                    .or_else(|| js_sys::Error::from(e).message().as_string())
                    .unwrap_or_default()
            ))
        })?
        .as_string()
        .unwrap_or_default();
    EngineOptions::from_json(&text).map_err(engine_error)
}

fn model_from(model: &str) -> Result<SourceModel, JsError> {
    serde_json::from_value(serde_json::Value::String(model.to_owned())).map_err(|_| {
        JsError::new(&format!(
            "unknown model {model:?}: use hinge, scaleo, act_on, martech or blank"
        ))
    })
}

fn engine_error(e: EngineError) -> JsError {
    JsError::new(&e.to_string())
}

/// The bytes of a string.
fn bytes_of(input: &JsValue) -> Result<Vec<u8>, JsError> {
    input.as_string().map(String::into_bytes).ok_or_else(|| {
        JsError::new("input: give the CSV as a string, a Uint8Array or an ArrayBuffer")
    })
}

/// The engine's version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Imports a CSV (string, `Uint8Array` or `ArrayBuffer`) and classifies every contact.
/// Options: `{ map, model, rules, encoding, delimiter, dateOrder, mapping, preset, asOf,
/// contacts, lang }`, all optional (see the README).
#[wasm_bindgen(js_name = classifyCsv)]
pub fn classify_csv(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from(options)?;
    let now = Timestamp::now();
    let result = session_of(&input, &options)?
        .classify(&options, now)
        .map_err(engine_error)?;
    to_js(&result)
}

/// The rules (of the options: `rules`, `map` or `model`) as one DuckDB query that reads the
/// file from `file` (default `data.csv`) with the columns mapped as for `classifyCsv`, places
/// every contact in a stage and counts them per stage and per outcome.
#[wasm_bindgen(js_name = rulesSql)]
pub fn rules_sql(
    input: JsValue,
    options: JsValue,
    file: Option<String>,
) -> Result<String, JsError> {
    let options = options_from(options)?;
    session_of(&input, &options)?
        .sql(
            &options,
            file.as_deref().unwrap_or(DEFAULT_SQL_FILE),
            Timestamp::now(),
        )
        .map_err(engine_error)
}

/// The file name the exported SQL reads when none is given.
const DEFAULT_SQL_FILE: &str = "data.csv";

/// A whole file (text, bytes or an `ArrayBuffer`) imported as the options say.
fn session_of(input: &JsValue, options: &EngineOptions) -> Result<engine::Session, JsError> {
    // Bytes already in JS memory are copied in one chunk at a time, never as a whole.
    let array = if let Some(b) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        Some(js_sys::Uint8Array::new(b))
    } else {
        input.dyn_ref::<js_sys::Uint8Array>().cloned()
    };
    let file_error = |e| engine_error(EngineError::File(e));
    let mut importer = engine::importer_for(options).map_err(engine_error)?;
    match array {
        Some(array) => {
            let total = array.length();
            let step = engine::CHUNK as u32;
            let mut buf = vec![0; total.min(step) as usize];
            importer.expect_bytes(u64::from(total));
            let mut start = 0;
            while start < total {
                let end = (start + step).min(total);
                let chunk = &mut buf[..(end - start) as usize];
                array.subarray(start, end).copy_to(chunk);
                importer.push(chunk).map_err(file_error)?;
                start = end;
            }
        }
        None => {
            let bytes = bytes_of(input)?;
            importer.expect_bytes(bytes.len() as u64);
            for chunk in bytes.chunks(engine::CHUNK) {
                importer.push(chunk).map_err(file_error)?;
            }
        }
    }
    engine::Session::finished(importer).map_err(engine_error)
}

/// A new map from a template (`"hinge"`, `"scaleo"`, `"act_on"`, `"martech"`, `"blank"`).
#[wasm_bindgen(js_name = templateMap)]
pub fn template_map(model: &str) -> Result<JsValue, JsError> {
    to_js(&template::build(model_from(model)?, Timestamp::now()))
}

/// The default rules of a template, as text.
#[wasm_bindgen(js_name = defaultRules)]
pub fn default_rules(model: &str) -> Result<String, JsError> {
    Ok(RuleSet::default_text(model_from(model)?))
}

/// A deterministic sample event log for a template: `contacts` contacts, from `seed`.
#[wasm_bindgen(js_name = sampleCsv)]
pub fn sample_csv(model: &str, contacts: u32, seed: u32) -> Result<String, JsError> {
    if contacts > engine::SAMPLE_CONTACTS {
        return Err(JsError::new(&format!(
            "contacts: {contacts} is more than the {} a sample can have",
            engine::SAMPLE_CONTACTS
        )));
    }
    Ok(demo_data::events_csv(
        model_from(model)?,
        contacts as usize,
        u64::from(seed),
    ))
}

/// Checks rules' text: `null` when it parses, else `{ line, column, message }`. Given the
/// names of the data's kept columns (`fields`, an array of strings), a condition on a field
/// that is neither built in nor among them is a problem too (it would never hold), with
/// `field` set to its name.
#[wasm_bindgen(js_name = checkRules)]
pub fn check_rules(text: &str, fields: JsValue) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Problem {
        line: u32,
        column: u32,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        field: Option<String>,
    }
    let fields: Option<Vec<String>> = if fields.is_undefined() || fields.is_null() {
        None
    } else {
        Some(serde_wasm_bindgen::from_value(fields).map_err(|_| {
            JsError::new("fields: give the data's column names as an array of strings")
        })?)
    };
    match RuleSet::parse(text) {
        Ok(rules) => {
            let Some(fields) = fields else {
                return Ok(JsValue::NULL);
            };
            match unknown_fields(&rules, &fields, &[]).into_iter().next() {
                None => Ok(JsValue::NULL),
                Some(u) => {
                    let (line, column) = field_position(text, u.rules[0], &u.field);
                    to_js(&Problem {
                        line,
                        column,
                        message: format!(
                            "unknown field {:?}: it is not a built-in field and no column has it, so the condition never holds",
                            u.field
                        ),
                        field: Some(u.field),
                    })
                }
            }
        }
        Err(e) => to_js(&Problem {
            line: e.line,
            column: e.column,
            message: format!("{:?}", e.kind),
            field: None,
        }),
    }
}

/// A file fed in chunks (for files too large to hold twice), then classified as often as asked.
///
/// ```js
/// const s = new Session({ encoding: 'utf8' });
/// for await (const chunk of file.stream()) s.push(chunk);
/// s.finish();
/// const result = s.classify({ model: 'hinge' });
/// ```
#[wasm_bindgen]
pub struct Session {
    importer: Option<Importer>,
    done: Option<engine::Session>,
}

#[wasm_bindgen]
impl Session {
    /// Starts an import; options as for `classifyCsv` (only the reading ones are used here:
    /// encoding, delimiter, dateOrder, preset, mapping).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Session, JsError> {
        let options = options_from(options)?;
        Ok(Session {
            importer: Some(engine::importer_for(&options).map_err(engine_error)?),
            done: None,
        })
    }

    /// Feeds the next chunk of the file.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        let importer = self
            .importer
            .as_mut()
            .ok_or_else(|| JsError::new("push after finish"))?;
        importer
            .push(chunk)
            .map_err(|e| engine_error(EngineError::File(e)))
    }

    /// Ends the file. Returns the import report (rows, bad rows, encoding, …).
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let importer = self
            .importer
            .take()
            .ok_or_else(|| JsError::new("finish called twice"))?;
        let session = engine::Session::finished(importer).map_err(engine_error)?;
        let report = to_js(&session.report);
        self.done = Some(session);
        report
    }

    /// Classifies the imported data; options as for `classifyCsv` (map, model, rules, asOf…).
    pub fn classify(&self, options: JsValue) -> Result<JsValue, JsError> {
        self.answer(options, |s, o, now| s.classify(o, now))
    }

    /// The journey's metrics (funnel, time in stage, outcomes, revenue …, see the README's
    /// "Metrics" section); options as for `classify`, with a map or a model.
    pub fn metrics(&self, options: JsValue) -> Result<JsValue, JsError> {
        self.answer(options, |s, o, now| s.metrics(o, now))
    }

    /// The Metrics figures per value of a column (`field`: `owner`, `source`, `channel` — the
    /// first event's —, or a kept column): the `max` (default 8) most common values, then
    /// `{ kind: "other" }` for the rest and `{ kind: "empty" }` for none. `[{ label, contacts,
    /// report }]`, `report` as `metrics()` gives it.
    pub fn segments(
        &self,
        field: &str,
        options: JsValue,
        max: Option<u32>,
    ) -> Result<JsValue, JsError> {
        let max = max.unwrap_or(8).max(1) as usize;
        self.answer(options, |s, o, now| s.segments(o, field, max, now))
    }

    /// The columns `segments` can break the contacts down by.
    #[wasm_bindgen(js_name = segmentFields)]
    pub fn segment_fields(&self) -> Result<JsValue, JsError> {
        to_js(&self.finished()?.segment_fields())
    }

    /// The Metrics figures of the contacts that entered the journey in each period
    /// (`"month"` or `"quarter"`), oldest first: `[{ label, start, contacts, report }]`.
    pub fn periods(&self, granularity: &str, options: JsValue) -> Result<JsValue, JsError> {
        let g = serde_json::from_value(serde_json::Value::String(granularity.to_owned())).map_err(
            |_| {
                JsError::new(&format!(
                    "periods: {granularity:?} is not \"month\" or \"quarter\""
                ))
            },
        )?;
        self.answer(options, |s, o, now| s.periods(o, g, now))
    }

    /// The next 12 months as they are and with one change (`{ stage, conversion?, days?,
    /// returnRate? }`, shares from 0 to 1): `{ baseline, projected }`, each `{ arrivalsPerYear,
    /// clients, revenue, clv, timeToConvert }`.
    #[wasm_bindgen(js_name = whatIf)]
    pub fn what_if(&self, change: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let change: engine::WhatIfChange = serde_wasm_bindgen::from_value(change)
            .map_err(|e| JsError::new(&format!("whatIf: {e}")))?;
        self.answer(options, |s, o, now| s.what_if(o, &change, now))
    }

    /// Terra incognita: `[{ stage, gap: { kind, … }, fill: { fields, events } }]`.
    pub fn terra(&self, options: JsValue) -> Result<JsValue, JsError> {
        self.answer(options, |s, o, now| s.terra(o, now))
    }

    /// Why the contact with this id landed where it did (`undefined` if there is none).
    pub fn explain(&self, contact: &str, options: JsValue) -> Result<JsValue, JsError> {
        let session = self.finished()?;
        let options = options_from(options)?;
        match session
            .explain(contact, &options, Timestamp::now())
            .map_err(engine_error)?
        {
            Some(e) => to_js(&e),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The rules of the options as one DuckDB query reading the file from `file` (default
    /// `data.csv`), as `rulesSql` gives them.
    pub fn sql(&self, options: JsValue, file: Option<String>) -> Result<String, JsError> {
        let session = self.finished()?;
        let options = options_from(options)?;
        session
            .sql(
                &options,
                file.as_deref().unwrap_or(DEFAULT_SQL_FILE),
                Timestamp::now(),
            )
            .map_err(engine_error)
    }

    /// `ask`'s answer about the imported data with the options read, as a JS value.
    fn answer<T: Serialize>(
        &self,
        options: JsValue,
        ask: impl FnOnce(&engine::Session, &EngineOptions, Timestamp) -> Result<T, EngineError>,
    ) -> Result<JsValue, JsError> {
        let session = self.finished()?;
        let options = options_from(options)?;
        to_js(&ask(session, &options, Timestamp::now()).map_err(engine_error)?)
    }

    fn finished(&self) -> Result<&engine::Session, JsError> {
        self.done
            .as_ref()
            .ok_or_else(|| JsError::new("call finish() before classify()"))
    }
}

/// One import for the app's worker (`engine-worker-….js`): the page hands the worker the file,
/// the worker pushes it here chunk by chunk and sends back what [`ImportJob::finish`] made
/// (`src/domain/import/handover.rs`); then it keeps the data and answers [`ImportJob::analyse`]
/// for each set of rules. Not part of the documented API.
#[wasm_bindgen(js_name = ImportJob)]
pub struct ImportJob {
    importer: Option<Importer>,
    dataset: Option<journey_mapper::domain::dataset::Dataset>,
    /// The last analysis, with the map text it was made for: segment reports reuse it.
    last: Option<(String, JourneyMap, Analysis)>,
}

#[wasm_bindgen(js_class = ImportJob)]
impl ImportJob {
    /// `options`: the app's import options as JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &str) -> Result<ImportJob, JsError> {
        let options: Options = serde_json::from_str(options)
            .map_err(|e| JsError::new(&format!("import options: {e}")))?;
        Ok(ImportJob {
            importer: Some(Importer::new(options)),
            dataset: None,
            last: None,
        })
    }

    /// Feeds the next chunk. Returns the import's error as JSON text, or `undefined`.
    pub fn push(&mut self, chunk: &[u8]) -> Option<String> {
        let importer = self.importer.as_mut()?;
        importer.push(chunk).err().map(|e| handover::error_text(&e))
    }

    /// The file's size in bytes, so the importer makes room for its events once.
    #[wasm_bindgen(js_name = expectBytes)]
    pub fn expect_bytes(&mut self, total: f64) {
        if let Some(importer) = self.importer.as_mut() {
            importer.expect_bytes(total as u64);
        }
    }

    /// Data rows read so far.
    #[wasm_bindgen(js_name = rowsRead)]
    pub fn rows_read(&self) -> u32 {
        self.importer
            .as_ref()
            .map_or(0, |i| i.rows_read().min(u32::MAX as usize) as u32)
    }

    /// Ends the file: `{ dataset: Uint8Array, events: Uint8Array, report: string }` or
    /// `{ error: string }`.
    pub fn finish(&mut self) -> Result<js_sys::Object, JsError> {
        let importer = self
            .importer
            .take()
            .ok_or_else(|| JsError::new("finish called twice"))?;
        let out = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(k), v);
        let done = match importer.finish() {
            Ok(mut imported) => {
                let h = handover::hand_over(&mut imported);
                self.dataset = Some(imported.dataset);
                let bytes = |b: &[u8]| JsValue::from(js_sys::Uint8Array::from(b));
                set("dataset", &bytes(&h.dataset))
                    .and_then(|_| set("events", &bytes(&h.events)))
                    .and_then(|_| set("report", &JsValue::from_str(&h.report)))
            }
            Err(e) => set("error", &JsValue::from_str(&handover::error_text(&e))),
        };
        done.map_err(|_| JsError::new("cannot build the answer"))?;
        Ok(out)
    }

    /// The analysis of the imported data by the map in `map` (JSON) at `now` (seconds since
    /// 1970) and its report: `{ analysis: Uint8Array, report: string }`, which the page reads
    /// with `handover::figures_from`.
    pub fn analyse(&mut self, map: &str, now: f64) -> Result<js_sys::Object, JsError> {
        let figures = self.analysed(map, now)?;
        let out = js_sys::Object::new();
        let bytes = js_sys::Uint8Array::from(figures.analysis.as_slice());
        js_sys::Reflect::set(&out, &"analysis".into(), &bytes)
            .and_then(|_| js_sys::Reflect::set(&out, &"report".into(), &figures.report.into()))
            .map_err(|_| JsError::new("cannot build the answer"))?;
        Ok(out)
    }

    /// The report of each segment by `field` (at most `max` values), as JSON, which the page
    /// reads with `handover::segments_from`; by the last analysis when `map` is its map.
    pub fn segments(
        &mut self,
        map: &str,
        now: f64,
        field: &str,
        max: u32,
    ) -> Result<String, JsError> {
        if self.last.as_ref().is_none_or(|(text, _, _)| text != map) {
            self.analysed(map, now)?;
        }
        let (Some(dataset), Some((_, map, analysis))) = (&self.dataset, &self.last) else {
            return Err(JsError::new("segments before a finished import"));
        };
        Ok(handover::segments(
            map,
            dataset,
            analysis,
            field,
            max as usize,
        ))
    }

    fn analysed(&mut self, map_text: &str, now: f64) -> Result<handover::Figures, JsError> {
        let dataset = self
            .dataset
            .as_ref()
            .ok_or_else(|| JsError::new("analyse before a finished import"))?;
        let error = |e: handover::HandoverError| JsError::new(&e.to_string());
        let map = handover::map_from(map_text).map_err(error)?;
        let (analysis, figures) = handover::analyse(&map, dataset, now as i64).map_err(error)?;
        self.last = Some((map_text.to_owned(), map, analysis));
        Ok(figures)
    }
}
