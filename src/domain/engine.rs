//! The engine without the UI: a CSV (bytes) and options in, classified contacts and counts out,
//! as plain serde data. The JS module API (`src/api.rs`) is a thin wrapper around [`run`] and
//! [`Session`]; the native benchmark calls the same code.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::classified::{warnings, Tally, Warning};
use super::dataset::{format_date, time_from_date, Dataset, Time};
use super::document::{import_json, validate, ImportError as MapError};
use super::import::{
    BadRow, DateOrder, Delimiter, ImportError as FileError, Importer, Joined, Lookup, Mapping,
    Options, Overrides, Preset, Report, TextEncoding,
};
use super::metrics::segments::{Granularity, SegmentLabel};
use super::metrics::terra::{Fill, GapKind};
use super::metrics::whatif::Projection;
use super::model::{JourneyMap, SourceModel};
use super::rules::sql::{to_sql, SqlSource};
use super::rules::{
    classify, explain, unknown_fields, Classification, Explanation, Qualification, RuleError,
    RuleSet, Sentiment, Temperature, UnknownField,
};
use super::template;
use super::text::Lang;

/// What a caller can say about the file, the map and the rules. Every field is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct EngineOptions {
    /// A map: a map object, or a whole map file (`{"format": "journey-mapper/map", …}`).
    pub map: Option<serde_json::Value>,
    /// A template to use when no map is given (`"hinge"`, `"scaleo"`, `"act_on"`, `"martech"`).
    pub model: Option<SourceModel>,
    /// Rules in their text form; default: the map's own rules, else its model's.
    pub rules: Option<String>,
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<Delimiter>,
    pub date_order: Option<DateOrder>,
    /// A column mapping; default: the preset detected from the header.
    pub mapping: Option<Mapping>,
    /// A preset to map the columns with instead of the detected one.
    pub preset: Option<Preset>,
    /// `YYYY-MM-DD`: windows and decay are measured from the end of this day; default: the
    /// latest date in the file.
    pub as_of: Option<String>,
    /// Whether to list every contact (default true); counts only when false.
    pub contacts: Option<bool>,
    /// The language of stage and outcome names (`"en"`, `"ko"`, `"ru"`); default English.
    pub lang: Option<Lang>,
    /// Lookup tables joined onto the contacts (teams by owner, sectors by account).
    pub lookups: Vec<LookupOption>,
}

/// A lookup table as the JS API takes it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LookupOption {
    /// The table as CSV text.
    pub csv: String,
    /// The contact field whose value is looked up (`owner`, `account`, a kept column).
    pub by: String,
    /// The table's key column by name; default the first.
    pub key: Option<String>,
    /// A name for the table in the import report.
    pub name: Option<String>,
}

impl EngineOptions {
    /// Reads options from their JSON text (the JS API hands them over as `JSON.stringify`
    /// gives them). An unknown key is an error that lists the valid ones; nesting deeper than
    /// serde_json's limit (128) is an error, never a stack overflow.
    pub fn from_json(text: &str) -> Result<EngineOptions, EngineError> {
        serde_json::from_str(text).map_err(|e| EngineError::Options(e.to_string()))
    }
}

/// The most contacts [`super::demo_data::events_csv`] is asked for through the engine: more
/// would take minutes and gigabytes.
pub const SAMPLE_CONTACTS: u32 = 1_000_000;

/// Why the engine did not run.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error("options: {0}")]
    Options(String),
    #[error("map: {0}")]
    Map(MapError),
    #[error("rules: line {}, column {}: {:?}", .0.line, .0.column, .0.kind)]
    Rules(RuleError),
    #[error("file: {0}")]
    File(FileError),
}

/// One stage's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StageFigures {
    pub id: String,
    pub name: String,
    pub contacts: u32,
    pub accounts: u32,
}

/// One outcome's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeFigures {
    pub id: String,
    pub name: String,
    pub contacts: u32,
}

/// Where one contact landed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactResult {
    pub id: String,
    pub name: Option<String>,
    pub account: Option<String>,
    pub stage: Option<String>,
    pub outcome: Option<String>,
    pub score: f64,
    pub fit: f64,
    pub engagement: f64,
    pub temperature: Temperature,
    pub qualification: Qualification,
    pub sentiment: Sentiment,
    /// Indexes of the rules that fired (lines of the rules' text, comments counted).
    pub fired: Vec<u32>,
}

/// Everything [`run`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EngineResult {
    pub rows: usize,
    pub imported: usize,
    pub bad_row_count: usize,
    pub bad_rows: Vec<BadRow>,
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
    pub date_order: DateOrder,
    /// The preset the columns were mapped with (`custom`: the `mapping` given, or one guessed
    /// from common column names).
    pub preset: Preset,
    /// The file's header, and the role each column was read with (`{ shape, roles }`, which
    /// can be given back as the `mapping` option).
    pub headers: Vec<String>,
    pub mapping: Mapping,
    /// What each lookup table joined (`{ name, by, fields, matched, unmatched }`).
    pub lookups: Vec<Joined>,
    /// The as-of day, `YYYY-MM-DD`.
    pub as_of: String,
    pub contact_count: usize,
    pub account_count: usize,
    pub event_count: usize,
    /// The map's stages in order (or the rules' stages when there is no map).
    pub stages: Vec<StageFigures>,
    /// Stages the rules name that the map does not have.
    pub unknown_stages: Vec<StageFigures>,
    pub unplaced: u32,
    pub unplaced_accounts: u32,
    pub outcomes: Vec<OutcomeFigures>,
    pub no_outcome: u32,
    /// Cold, warm, hot.
    pub temperatures: [u32; 3],
    /// Not qualified, MQL, SQL.
    pub qualifications: [u32; 3],
    /// None, advocates, detractors.
    pub sentiments: [u32; 3],
    /// Fields the rules name that the file has no column for: those conditions never hold.
    pub unknown_fields: Vec<UnknownField>,
    /// What most likely needs fixing before the figures mean anything (`{ kind: "noIdColumn" }`,
    /// `{ kind: "nothingPlaced", contacts }`).
    pub warnings: Vec<Warning>,
    /// Every contact, unless `contacts: false`.
    pub contacts: Vec<ContactResult>,
}

/// A session's data analysed with one map and rule set (see `Session::analysed`).
struct Analysed<'a> {
    map: JourneyMap,
    data: std::borrow::Cow<'a, Dataset>,
    analysis: super::metrics::Analysis,
    report: super::metrics::Report,
}

/// The figures of the contacts with one value of a column.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentFigures {
    /// `{ kind: "value", value }`, `{ kind: "other" }` (the values past the largest) or
    /// `{ kind: "empty" }` (no value).
    pub label: SegmentLabel,
    pub contacts: u32,
    pub report: super::metrics::Report,
}

/// The figures of the contacts that entered the journey in one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodFigures {
    /// `2024-03` or `2024-Q1`.
    pub label: String,
    /// The period's first day, `YYYY-MM-DD`.
    pub start: String,
    pub contacts: u32,
    pub report: super::metrics::Report,
}

/// One change to project: a stage (by id) and its new step conversion (0–1) or median days,
/// or the clients' new return rate (0–1).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WhatIfChange {
    pub stage: String,
    pub conversion: Option<f64>,
    pub days: Option<f64>,
    pub return_rate: Option<f64>,
}

/// The next 12 months as they are and with the change.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIfFigures {
    pub baseline: Projection,
    pub projected: Projection,
}

/// One gap of one stage.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GapFigures {
    /// The stage's id.
    pub stage: String,
    /// `{ kind: "noData" | "thin" (visits, min) | "stale" (days) | "noTimes" |
    /// "channelUnseen" (channel) }`.
    pub gap: GapKind,
    /// The columns and event types the stage's rules read.
    pub fill: Fill,
}

/// The map the options describe, if any.
pub fn map_of(options: &EngineOptions, now: Timestamp) -> Result<Option<JourneyMap>, EngineError> {
    match (&options.map, options.model) {
        (Some(value), _) => {
            let map = if value.get("format").is_some() {
                import_json(&value.to_string()).map_err(EngineError::Map)?
            } else {
                let map: JourneyMap = serde_json::from_value(value.clone())
                    .map_err(|e| EngineError::Options(format!("map: {e}")))?;
                validate(&map).map_err(EngineError::Map)?;
                map
            };
            Ok(Some(map))
        }
        (None, Some(model)) => Ok(Some(template::build(model, now))),
        (None, None) => Ok(None),
    }
}

/// The rules the options describe.
pub fn rules_for(
    options: &EngineOptions,
    map: Option<&JourneyMap>,
) -> Result<RuleSet, EngineError> {
    match (&options.rules, map) {
        (Some(text), _) => RuleSet::parse(text).map_err(EngineError::Rules),
        (None, Some(map)) => super::classified::rules_of(map).map_err(EngineError::Rules),
        (None, None) => Err(EngineError::Options(
            "give a map, a model or rules".to_owned(),
        )),
    }
}

/// An importer reading a file as the options say (its lookup tables read already).
pub fn importer_for(options: &EngineOptions) -> Result<Importer, EngineError> {
    let lookups = options
        .lookups
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let name = l
                .name
                .clone()
                .unwrap_or_else(|| format!("lookup {}", i + 1));
            Lookup::read(&name, l.csv.as_bytes(), l.key.as_deref(), &l.by)
                .map_err(|e| EngineError::Options(format!("lookups[{i}]: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Importer::new(Options {
        overrides: Overrides {
            encoding: options.encoding,
            delimiter: options.delimiter,
            date_order: options.date_order,
        },
        mapping: options.mapping.clone(),
        preset: options.preset,
        lookups,
    }))
}

/// The as-of time the options give, or the file's latest date, or `now`.
pub fn as_of_for(
    options: &EngineOptions,
    dataset: &Dataset,
    now: Timestamp,
) -> Result<Time, EngineError> {
    match &options.as_of {
        Some(day) => parse_day(day)
            .map(|t| t + super::dataset::DAY - 1)
            .ok_or_else(|| EngineError::Options(format!("asOf: {day:?} is not YYYY-MM-DD"))),
        None => Ok(super::classified::as_of(dataset, now)),
    }
}

fn parse_day(s: &str) -> Option<Time> {
    let mut parts = s.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    time_from_date(y, m, d)
}

/// A file imported once, classified as often as asked: the state behind the JS `Session`.
#[derive(Debug)]
pub struct Session {
    pub dataset: Dataset,
    pub report: Report,
    /// The lookup tables joined onto the data (for its SQL).
    pub lookups: Vec<Lookup>,
}

impl Session {
    /// Streams chunks of a file through the importer.
    pub fn import<'a>(
        chunks: impl IntoIterator<Item = &'a [u8]>,
        options: Options,
    ) -> Result<Session, EngineError> {
        let mut importer = Importer::new(options);
        for chunk in chunks {
            importer.push(chunk).map_err(EngineError::File)?;
        }
        Session::finished(importer)
    }

    /// The session of an importer that has been given the whole file.
    pub fn finished(importer: Importer) -> Result<Session, EngineError> {
        let lookups = importer.lookups().to_vec();
        let imported = importer.finish().map_err(EngineError::File)?;
        Ok(Session {
            dataset: imported.dataset,
            report: imported.report,
            lookups,
        })
    }

    /// Classifies the data with the options' map and rules.
    pub fn classify(
        &self,
        options: &EngineOptions,
        now: Timestamp,
    ) -> Result<EngineResult, EngineError> {
        let map = map_of(options, now)?;
        let rules = rules_for(options, map.as_ref())?;
        let as_of = as_of_for(options, &self.dataset, now)?;
        let data = self.data_at(options, as_of);
        let result = classify(&data, &rules, as_of);
        Ok(self.result(&data, map.as_ref(), &result, &rules, options))
    }

    /// The metrics of the data against the options' map (or model) and rules.
    pub fn metrics(
        &self,
        options: &EngineOptions,
        now: Timestamp,
    ) -> Result<super::metrics::Report, EngineError> {
        Ok(self.analysed(options, now)?.report)
    }

    /// The data classified and replayed with the options' map (or model) and rules, and the
    /// report of every contact: what the Metrics view and every breakdown start from.
    fn analysed(
        &self,
        options: &EngineOptions,
        now: Timestamp,
    ) -> Result<Analysed<'_>, EngineError> {
        let map = map_of(options, now)?
            .ok_or_else(|| EngineError::Options("metrics need a map or a model".to_owned()))?;
        let rules = rules_for(options, Some(&map))?;
        let as_of = as_of_for(options, &self.dataset, now)?;
        let data = self.data_at(options, as_of);
        let analysis = super::metrics::Analysis::with_rules(&map, &data, &rules, as_of);
        let report = analysis.report_all(&map, &data);
        Ok(Analysed {
            map,
            data,
            analysis,
            report,
        })
    }

    /// The Metrics view's figures for the contacts of each value of `field` (the `max` most
    /// common values, then the rest together, then those without a value), as its segment
    /// table shows them.
    pub fn segments(
        &self,
        options: &EngineOptions,
        field: &str,
        max: usize,
        now: Timestamp,
    ) -> Result<Vec<SegmentFigures>, EngineError> {
        let a = self.analysed(options, now)?;
        let all: Vec<u32> = (0..a.data.contacts.len() as u32).collect();
        Ok(
            super::metrics::segments::by_field(&a.data, field, &all, max)
                .into_iter()
                .map(|s| SegmentFigures {
                    label: s.label,
                    contacts: s.contacts.len() as u32,
                    report: super::metrics::report(a.analysis.input(&a.map, &a.data), &s.contacts),
                })
                .collect(),
        )
    }

    /// The columns [`Session::segments`] can break the contacts down by.
    pub fn segment_fields(&self) -> Vec<String> {
        super::metrics::segments::segment_fields(&self.dataset)
    }

    /// The figures of the contacts that entered the journey in each month or quarter, oldest
    /// first, as the Metrics view's period comparison shows them.
    pub fn periods(
        &self,
        options: &EngineOptions,
        granularity: Granularity,
        now: Timestamp,
    ) -> Result<Vec<PeriodFigures>, EngineError> {
        let a = self.analysed(options, now)?;
        Ok(
            super::metrics::segments::by_period(&a.analysis.paths, granularity)
                .into_iter()
                .map(|p| PeriodFigures {
                    label: p.label,
                    start: format_date(p.start),
                    contacts: p.contacts.len() as u32,
                    report: super::metrics::report(a.analysis.input(&a.map, &a.data), &p.contacts),
                })
                .collect(),
        )
    }

    /// The next 12 months as they are and with one change, as the what-if form projects them.
    pub fn what_if(
        &self,
        options: &EngineOptions,
        change: &WhatIfChange,
        now: Timestamp,
    ) -> Result<WhatIfFigures, EngineError> {
        use super::metrics::whatif::{baseline, project, WhatIf};
        let a = self.analysed(options, now)?;
        let stage = a
            .map
            .stages
            .iter()
            .position(|s| s.id.as_str() == change.stage)
            .ok_or_else(|| {
                EngineError::Options(format!("whatIf: the map has no stage {:?}", change.stage))
            })?;
        let ratio = |name: &str, v: Option<f64>| match v {
            Some(x) if !(0.0..=1.0).contains(&x) => Err(EngineError::Options(format!(
                "whatIf: {name} is a share from 0 to 1, not {x}"
            ))),
            v => Ok(v),
        };
        let change = WhatIf {
            stage: stage as u32,
            conversion: ratio("conversion", change.conversion)?,
            days: match change.days {
                Some(d) if !(d.is_finite() && d >= 0.0) => {
                    return Err(EngineError::Options(format!(
                        "whatIf: days is a number of days from 0, not {d}"
                    )))
                }
                d => d,
            },
            return_rate: ratio("returnRate", change.return_rate)?,
        };
        Ok(WhatIfFigures {
            baseline: baseline(&a.report, &a.data, &a.analysis.paths),
            projected: project(&a.report, &a.data, &a.analysis.paths, &change),
        })
    }

    /// Terra incognita: where the map has no data, too little or stale data, and what data
    /// would fill each gap.
    pub fn terra(
        &self,
        options: &EngineOptions,
        now: Timestamp,
    ) -> Result<Vec<GapFigures>, EngineError> {
        let a = self.analysed(options, now)?;
        Ok(super::metrics::terra::gaps(&a.map, &a.data, &a.report)
            .into_iter()
            .map(|g| GapFigures {
                stage: a.map.stages[g.stage as usize].id.as_str().to_owned(),
                gap: g.kind,
                fill: g.fill,
            })
            .collect())
    }

    /// Why the contact with id `contact` landed where it did.
    pub fn explain(
        &self,
        contact: &str,
        options: &EngineOptions,
        now: Timestamp,
    ) -> Result<Option<Explanation>, EngineError> {
        let map = map_of(options, now)?;
        let rules = rules_for(options, map.as_ref())?;
        let as_of = as_of_for(options, &self.dataset, now)?;
        let data = self.data_at(options, as_of);
        let Some(i) = data.contacts.iter().position(|c| c.key == contact) else {
            return Ok(None);
        };
        Ok(explain(&data, &rules, i, as_of))
    }

    /// The rules of the options as one DuckDB query that reads this file from `file` (see
    /// [`to_sql`]). An as-of day before the file's latest date is refused: the query
    /// classifies with everything the file says.
    pub fn sql(
        &self,
        options: &EngineOptions,
        file: &str,
        now: Timestamp,
    ) -> Result<String, EngineError> {
        let map = map_of(options, now)?;
        let rules = rules_for(options, map.as_ref())?;
        let as_of = match &options.as_of {
            None => None,
            Some(_) => {
                let t = as_of_for(options, &self.dataset, now)?;
                if self.dataset.latest.is_some_and(|latest| t < latest) {
                    return Err(EngineError::Options(
                        "asOf: SQL classifies with everything the file says; give a day on or after its latest date".to_owned(),
                    ));
                }
                Some(t)
            }
        };
        Ok(to_sql(
            &rules,
            &SqlSource::of_import(file, &self.report, &self.lookups, as_of),
        ))
    }

    /// The data as it stood at `as_of` when the options ask for a day before the file's latest
    /// date (see [`Dataset::as_it_stood`]); else the whole file.
    fn data_at(&self, options: &EngineOptions, as_of: Time) -> std::borrow::Cow<'_, Dataset> {
        match (&options.as_of, self.dataset.latest) {
            (Some(_), Some(latest)) if as_of < latest => {
                std::borrow::Cow::Owned(self.dataset.as_it_stood(as_of))
            }
            _ => std::borrow::Cow::Borrowed(&self.dataset),
        }
    }

    fn result(
        &self,
        data: &Dataset,
        map: Option<&JourneyMap>,
        c: &Classification,
        rules: &RuleSet,
        options: &EngineOptions,
    ) -> EngineResult {
        let lang = options.lang.unwrap_or(Lang::En);
        let figures = |id: &str, name: String| StageFigures {
            id: id.to_owned(),
            name,
            contacts: c.contacts_in(id),
            accounts: c.accounts_in(id),
        };
        let (stages, unknown_stages) = match map {
            Some(map) => {
                let tally = Tally::new(map, c);
                let named = |id: &str| {
                    map.stages
                        .iter()
                        .find(|s| s.id.as_str() == id)
                        .map_or_else(|| id.to_owned(), |s| s.name.get(lang).to_owned())
                };
                (
                    tally
                        .stages
                        .iter()
                        .map(|t| figures(&t.stage, named(&t.stage)))
                        .collect(),
                    tally
                        .unknown
                        .iter()
                        .map(|t| figures(&t.stage, t.stage.clone()))
                        .collect(),
                )
            }
            None => (
                c.stages.iter().map(|s| figures(s, s.clone())).collect(),
                Vec::new(),
            ),
        };
        let outcome_name = |id: &str| {
            map.and_then(|m| m.outcome(id).map(|o| o.name.get(lang).to_owned()))
                .unwrap_or_else(|| id.to_owned())
        };
        let contacts = if options.contacts.unwrap_or(true) {
            data.contacts
                .iter()
                .zip(&c.placements)
                .map(|(contact, p)| ContactResult {
                    id: contact.key.clone(),
                    name: contact.name.clone(),
                    account: contact
                        .account
                        .map(|a| data.accounts[a as usize].key.clone()),
                    stage: c.stage_of(p).map(str::to_owned),
                    outcome: c.outcome_of(p).map(str::to_owned),
                    score: p.score.total,
                    fit: p.score.fit,
                    engagement: p.score.engagement,
                    temperature: p.temperature,
                    qualification: p.qualification,
                    sentiment: p.sentiment,
                    fired: p.fired.clone(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let r = &self.report;
        EngineResult {
            rows: r.rows,
            imported: r.imported,
            bad_row_count: r.bad_row_count,
            bad_rows: r.bad_rows.clone(),
            encoding: r.encoding,
            delimiter: r.delimiter,
            date_order: r.date_order,
            preset: r.preset,
            headers: r.headers.clone(),
            mapping: r.mapping.clone(),
            lookups: r.lookups.clone(),
            as_of: format_date(c.as_of),
            contact_count: data.contacts.len(),
            account_count: data.accounts.len(),
            event_count: data.events.len(),
            stages,
            unknown_stages,
            unplaced: c.unplaced_contacts,
            unplaced_accounts: c.unplaced_accounts,
            outcomes: c
                .outcomes
                .iter()
                .zip(&c.outcome_contacts)
                .map(|(id, n)| OutcomeFigures {
                    id: id.clone(),
                    name: outcome_name(id),
                    contacts: *n,
                })
                .collect(),
            no_outcome: c.no_outcome,
            temperatures: c.temperatures,
            qualifications: c.qualifications,
            sentiments: c.sentiments,
            unknown_fields: unknown_fields(rules, &data.fields, &self.report.columns()),
            warnings: warnings(
                &self.report,
                data.contacts.len() as u32,
                c.unplaced_contacts,
            ),
            contacts,
        }
    }
}

/// How much of a file the importer is given at a time: its decoding buffers stay this small
/// however large the file is.
pub const CHUNK: usize = 1 << 20;

/// Imports a whole file and classifies it: what `classifyCsv` does. The file goes to the
/// importer in chunks of [`CHUNK`] bytes.
pub fn run(
    bytes: &[u8],
    options: &EngineOptions,
    now: Timestamp,
) -> Result<EngineResult, EngineError> {
    let mut importer = importer_for(options)?;
    for chunk in bytes.chunks(CHUNK) {
        importer.push(chunk).map_err(EngineError::File)?;
    }
    Session::finished(importer)?.classify(options, now)
}

/// Imports a whole file and gives its rules as one DuckDB query reading it from `file`: what
/// `rulesSql` does.
pub fn sql(
    bytes: &[u8],
    options: &EngineOptions,
    file: &str,
    now: Timestamp,
) -> Result<String, EngineError> {
    let mut importer = importer_for(options)?;
    importer.expect_bytes(bytes.len() as u64);
    for chunk in bytes.chunks(CHUNK) {
        importer.push(chunk).map_err(EngineError::File)?;
    }
    Session::finished(importer)?.sql(options, file, now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::Role;

    const CSV: &str = "contact,account,time,type\n\
        ann,acme,2024-03-01,demo_request\n\
        ann,acme,2024-03-02,contract_signed\n\
        bob,acme,2024-03-03,page_view\n\
        cid,globex,2024-03-04,page_view\n\
        dee,,not a date,page_view\n";

    const RULES: &str = "engage +25 per \"demo_request\"\n\
        engage +1 per \"page_view\"\n\
        stage customer when count \"contract_signed\" >= 1\n\
        stage lead when score >= 1";

    fn options() -> EngineOptions {
        EngineOptions {
            rules: Some(RULES.into()),
            ..EngineOptions::default()
        }
    }

    #[test]
    fn metrics_of_a_session_need_a_map_and_follow_its_stages() {
        let session = Session::import([CSV.as_bytes()], Options::default()).unwrap();
        assert!(matches!(
            session.metrics(&options(), Timestamp::UNIX_EPOCH),
            Err(EngineError::Options(_))
        ));
        let mut map = JourneyMap::new(
            super::super::text::Text::User("m".into()),
            SourceModel::Blank,
            Timestamp::UNIX_EPOCH,
        );
        for id in ["lead", "customer"] {
            map.stages.push(super::super::model::Stage {
                id: id.into(),
                name: super::super::text::Text::User(id.into()),
                description: Default::default(),
                decision: None,
            });
        }
        let with_map = EngineOptions {
            map: Some(serde_json::to_value(&map).unwrap()),
            ..options()
        };
        let r = session.metrics(&with_map, Timestamp::UNIX_EPOCH).unwrap();
        // ann: a lead on 1 March (demo request), a customer on 2 March; bob and cid are
        // leads; dee's row has no date and is not imported.
        let reached: Vec<_> = r.stages.iter().map(|s| s.reached).collect();
        assert_eq!(reached, [3, 1]);
        assert_eq!(r.stages[0].time.days, [1.0]);
        // The report serialises in camelCase with each duration's median.
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["becameClients"]["den"], 3);
        assert_eq!(json["stages"][0]["time"]["median"], 1.0);
    }

    #[test]
    fn a_rule_on_a_field_no_column_has_is_named_with_what_the_column_became() {
        let deals = "opportunity_id,deal_stage,close_date\n\
            1,Won,2024-03-01\n\
            2,Lost,2024-03-02\n";
        let options = EngineOptions {
            rules: Some(
                "stage won when deal_stage = \"Won\"\nstage any when status present".into(),
            ),
            mapping: Some(Mapping {
                roles: vec![Role::Id, Role::Status, Role::Closed],
                shape: crate::domain::dataset::Shape::Records,
            }),
            ..EngineOptions::default()
        };
        let r = run(deals.as_bytes(), &options, Timestamp::UNIX_EPOCH).unwrap();
        // The rule on `deal_stage` places nobody; the result says why.
        assert_eq!(r.stages[0].contacts, 0);
        assert_eq!(r.stages[1].contacts, 2);
        assert_eq!(r.unknown_fields.len(), 1);
        let u = &r.unknown_fields[0];
        assert_eq!(
            (u.field.as_str(), u.rules.as_slice()),
            ("deal_stage", &[0][..])
        );
        let json = serde_json::to_value(u).unwrap();
        assert_eq!(
            json["column"],
            serde_json::json!({ "kind": "readAs", "role": "status", "field": "status" })
        );
        // Rules on the fields the file has name none.
        let fine = EngineOptions {
            rules: Some("stage won when status = \"Won\"".into()),
            ..options
        };
        assert!(run(deals.as_bytes(), &fine, Timestamp::UNIX_EPOCH)
            .unwrap()
            .unknown_fields
            .is_empty());
    }

    /// A deals export as a public CRM sample writes it: snake_case headers, no preset.
    const DEALS: &str = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n\
        D1,Ann,GTX Pro,Acme,Won,2024-01-05,2024-02-10,4800\n\
        D2,Ann,GTX Pro,Acme,Lost,2024-01-07,2024-02-01,0\n\
        D3,Bob,MG Special,Globex,Engaging,2024-02-01,,\n\
        D4,Bob,GTX Pro,Initech,Won,2024-01-20,2024-03-01,5100\n\
        D5,Cid,MG Special,,Prospecting,,,\n";

    #[test]
    fn a_snake_case_deals_export_needs_no_mapping_and_says_how_it_was_read() {
        let options = EngineOptions {
            rules: Some(
                "stage won when status = \"Won\"\n\
                 stage lost when status = \"Lost\"\n\
                 stage open when status present"
                    .into(),
            ),
            ..EngineOptions::default()
        };
        let r = run(DEALS.as_bytes(), &options, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!((r.rows, r.imported, r.contact_count), (5, 5, 5));
        let counts: Vec<_> = r
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.contacts))
            .collect();
        assert_eq!(counts, [("won", 2), ("lost", 1), ("open", 2)]);
        assert_eq!(r.unplaced, 0);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        // The result names the mapping it used, in the shape the `mapping` option takes.
        assert_eq!(r.preset, Preset::Custom);
        assert_eq!(r.headers[4], "deal_stage");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["mapping"],
            serde_json::json!({ "shape": "records", "roles": [
                "id", "owner", "keep", "account", "status", "created", "closed", "amount"
            ] })
        );
        let back: Mapping = serde_json::from_value(json["mapping"].clone()).unwrap();
        assert_eq!(back, r.mapping);
        // Ids are the opportunity ids, not row numbers.
        let ids: Vec<_> = r.contacts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["D1", "D2", "D3", "D4", "D5"]);
    }

    #[test]
    fn rules_that_place_nobody_and_a_file_without_ids_are_warned_about() {
        // The template's rules test statuses this file spells otherwise: nobody is placed.
        let odd = EngineOptions {
            rules: Some("stage won when status = \"Closed Won\"".into()),
            ..EngineOptions::default()
        };
        let r = run(DEALS.as_bytes(), &odd, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(r.unplaced, 5);
        assert_eq!(r.warnings, [Warning::NothingPlaced { contacts: 5 }]);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json["warnings"],
            serde_json::json!([{ "kind": "nothingPlaced", "contacts": 5 }])
        );
        // With the id column ignored, each row is its own contact: said too.
        let mut roles = r.mapping.roles.clone();
        roles[0] = Role::Ignore;
        let no_id = EngineOptions {
            mapping: Some(Mapping {
                shape: crate::domain::dataset::Shape::Records,
                roles,
            }),
            rules: Some("stage won when status = \"Won\"".into()),
            ..EngineOptions::default()
        };
        let r = run(DEALS.as_bytes(), &no_id, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(r.stages[0].contacts, 2);
        assert_eq!(r.warnings, [Warning::NoIdColumn]);
        assert_eq!(r.preset, Preset::Custom);
    }

    #[test]
    fn a_preset_asked_for_is_used_by_a_streamed_session_too() {
        // Pipedrive's columns without its prefix: the header alone is read as Pipedrive, so
        // ask for another preset to see it obeyed.
        let csv = "id,title,stage,value,owner\n1,Big deal,Won,100,Ann\n";
        let asked = EngineOptions {
            preset: Some(Preset::HubSpotDeals),
            ..EngineOptions::default()
        };
        let mut importer = importer_for(&asked).unwrap();
        for chunk in csv.as_bytes().chunks(7) {
            importer.push(chunk).unwrap();
        }
        let session = Session::finished(importer).unwrap();
        assert_eq!(session.report.preset, Preset::HubSpotDeals);
        // HubSpot deals knows `amount`, not `value`: kept, not read as the amount.
        assert_eq!(session.report.mapping.roles[3], Role::Keep);
        let detected = Session::import([csv.as_bytes()], Options::default()).unwrap();
        assert_eq!(detected.report.preset, Preset::PipedriveDeals);
        assert_eq!(detected.report.mapping.roles[3], Role::Amount);
        // The import report is camelCase, like every other object of the JS API.
        let json = serde_json::to_value(&detected.report).unwrap();
        assert_eq!(json["badRowCount"], 0);
        assert_eq!(json["headers"][1], "title");
        assert!(json.get("bad_row_count").is_none());
    }

    #[test]
    fn without_a_map_the_stages_are_the_rules() {
        let r = run(CSV.as_bytes(), &options(), Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!((r.rows, r.bad_row_count), (5, 1));
        let stages: Vec<_> = r
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.contacts, s.accounts))
            .collect();
        // ann is a customer; bob and cid are leads (1 point each); acme's furthest is customer.
        assert_eq!(stages, [("customer", 1, 1), ("lead", 2, 1)]);
        assert_eq!(r.unplaced, 0);
        assert_eq!(r.as_of, "2024-03-04");
        let ann = &r.contacts[0];
        assert_eq!(
            (ann.id.as_str(), ann.stage.as_deref(), ann.score),
            ("ann", Some("customer"), 25.0)
        );
        assert_eq!(ann.account.as_deref(), Some("acme"));
    }

    #[test]
    fn a_template_names_its_stages_and_lists_unknown_ones() {
        let mut o = options();
        o.model = Some(SourceModel::Hinge);
        o.lang = Some(Lang::Ru);
        o.contacts = Some(false);
        let r = run(CSV.as_bytes(), &o, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(r.stages.len(), 4);
        assert_eq!(r.stages[0].id, "pre_purchase");
        assert_ne!(r.stages[0].name, "pre_purchase");
        assert!(r.stages.iter().all(|s| s.contacts == 0));
        let unknown: Vec<_> = r.unknown_stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(unknown, ["customer", "lead"]);
        assert!(r.contacts.is_empty());
    }

    #[test]
    fn as_of_cuts_later_events() {
        let mut o = options();
        o.as_of = Some("2024-03-01".into());
        let r = run(CSV.as_bytes(), &o, Timestamp::UNIX_EPOCH).unwrap();
        // Only ann's demo request counts: she is a lead with 25 points, nobody is a customer.
        let stages: Vec<_> = r
            .stages
            .iter()
            .map(|s| (s.id.as_str(), s.contacts))
            .collect();
        assert_eq!(stages, [("customer", 0), ("lead", 1)]);
        // Bob and Cid have no activity until later: on that day they were not in the file yet.
        assert_eq!((r.contact_count, r.unplaced), (1, 0));
        o.as_of = Some("March".into());
        assert!(matches!(
            run(CSV.as_bytes(), &o, Timestamp::UNIX_EPOCH),
            Err(EngineError::Options(_))
        ));
    }

    /// The file cut by hand to what it held on a day: rows created later left out, later dates
    /// emptied, and the status of a row with a later date emptied.
    fn records_as_they_stood(csv: &str, day: &str) -> String {
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        let dates = ["created", "lead", "mql", "sql", "closed"].map(col);
        let mut out = vec![header.join(",")];
        for line in lines {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            if cells[col("created")].as_str() > day {
                continue;
            }
            let mut later = false;
            for &i in &dates {
                if !cells[i].is_empty() && cells[i].as_str() > day {
                    cells[i].clear();
                    later = true;
                }
            }
            if later {
                cells[col("status")].clear();
            }
            out.push(cells.join(","));
        }
        out.join("\n") + "\n"
    }

    #[test]
    fn as_of_an_early_day_gives_the_figures_of_the_file_cut_at_that_day() {
        use super::super::demo_data::records_csv;
        let csv = records_csv(SourceModel::Hinge, 3000, 7);
        let whole = run(
            csv.as_bytes(),
            &EngineOptions {
                model: Some(SourceModel::Hinge),
                preset: Some(Preset::Custom),
                contacts: Some(false),
                ..EngineOptions::default()
            },
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        assert_eq!(whole.as_of, "2025-12-21");
        let figures = |r: &EngineResult| {
            (
                r.contact_count,
                r.account_count,
                r.stages
                    .iter()
                    .map(|s| (s.contacts, s.accounts))
                    .collect::<Vec<_>>(),
                r.outcomes.iter().map(|o| o.contacts).collect::<Vec<_>>(),
                r.unplaced,
            )
        };
        let mut compared = 0;
        for day in ["2025-01-31", "2025-06-30", "2025-11-15"] {
            let options = EngineOptions {
                model: Some(SourceModel::Hinge),
                preset: Some(Preset::Custom),
                as_of: Some(day.into()),
                contacts: Some(false),
                ..EngineOptions::default()
            };
            let cut = records_as_they_stood(&csv, day);
            let by_option = run(csv.as_bytes(), &options, Timestamp::UNIX_EPOCH).unwrap();
            let by_cut = run(cut.as_bytes(), &options, Timestamp::UNIX_EPOCH).unwrap();
            assert_eq!(figures(&by_option), figures(&by_cut), "as of {day}");
            if by_option.contact_count < whole.contact_count {
                compared += 1;
            }
        }
        assert!(compared >= 2, "the days must fall inside the file's span");
    }

    #[test]
    fn errors_name_their_source() {
        let mut o = options();
        o.rules = Some("stage".into());
        assert!(matches!(
            run(CSV.as_bytes(), &o, Timestamp::UNIX_EPOCH),
            Err(EngineError::Rules(_))
        ));
        assert!(matches!(
            run(b"", &options(), Timestamp::UNIX_EPOCH),
            Err(EngineError::File(_))
        ));
        let none = EngineOptions::default();
        assert!(matches!(
            run(CSV.as_bytes(), &none, Timestamp::UNIX_EPOCH),
            Err(EngineError::Options(_))
        ));
        let mut bad_map = options();
        bad_map.map = Some(serde_json::json!({"format": "something else"}));
        assert!(matches!(
            run(CSV.as_bytes(), &bad_map, Timestamp::UNIX_EPOCH),
            Err(EngineError::Map(_))
        ));
    }

    #[test]
    fn options_reject_unknown_keys_and_deep_nesting() {
        let o =
            EngineOptions::from_json(r#"{"asOf": "2024-03-02", "dateOrder": "european"}"#).unwrap();
        assert_eq!(o.as_of.as_deref(), Some("2024-03-02"));
        for key in ["asof", "date_order"] {
            let Err(EngineError::Options(m)) =
                EngineOptions::from_json(&format!("{{\"{key}\": 1}}"))
            else {
                panic!("{key} accepted");
            };
            assert!(
                m.contains(key) && m.contains("asOf") && m.contains("dateOrder"),
                "{m}"
            );
        }
        // A map nested 5,000 deep: an error, not a stack overflow.
        let deep = format!(
            "{{\"map\": {}{}}}",
            "{\"a\":".repeat(5_000),
            "1".to_owned() + &"}".repeat(5_000)
        );
        assert!(
            matches!(EngineOptions::from_json(&deep), Err(EngineError::Options(m)) if m.contains("recursion"))
        );
        let deep = format!(
            "{{\"map\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(EngineOptions::from_json(&deep).is_err());
    }

    #[test]
    fn as_of_out_of_range_is_an_error_not_a_wrapped_date() {
        let session = Session::import([CSV.as_bytes()], Options::default()).unwrap();
        for day in [
            "67536-01-01",
            "2024-13-01",
            "2024-02-30",
            "2024-256-01",
            "-40000-01-01",
        ] {
            let mut o = options();
            o.as_of = Some(day.into());
            assert!(
                matches!(as_of_for(&o, &session.dataset, Timestamp::UNIX_EPOCH), Err(EngineError::Options(m)) if m.contains(day)),
                "{day}"
            );
        }
    }

    #[test]
    fn a_map_file_or_a_bare_map_both_work() {
        let map = template::build(SourceModel::Scaleo, Timestamp::UNIX_EPOCH);
        let file: serde_json::Value = serde_json::from_str(&super::super::document::export_json(
            &map,
            Timestamp::UNIX_EPOCH,
        ))
        .unwrap();
        for value in [file, serde_json::to_value(&map).unwrap()] {
            let o = EngineOptions {
                map: Some(value),
                ..options()
            };
            let r = run(CSV.as_bytes(), &o, Timestamp::UNIX_EPOCH).unwrap();
            assert_eq!(r.stages.len(), map.stages.len());
        }
    }

    #[test]
    fn explain_finds_a_contact_by_id() {
        let s = Session::import([CSV.as_bytes()], Options::default()).unwrap();
        let e = s
            .explain("bob", &options(), Timestamp::UNIX_EPOCH)
            .unwrap()
            .unwrap();
        assert_eq!(e.stage.as_deref(), Some("lead"));
        assert!(s
            .explain("nobody", &options(), Timestamp::UNIX_EPOCH)
            .unwrap()
            .is_none());
    }

    #[test]
    fn martech_as_the_readme_spells_it_is_a_model() {
        let o = EngineOptions::from_json(r#"{"model":"martech"}"#).unwrap();
        assert_eq!(o.model, Some(SourceModel::MarTech));
        let o = EngineOptions::from_json(r#"{"model":"mar_tech"}"#).unwrap();
        assert_eq!(o.model, Some(SourceModel::MarTech));
    }

    #[test]
    fn breakdowns_add_up_to_the_whole_and_bad_changes_are_refused() {
        let csv = crate::domain::demo_data::events_csv(SourceModel::Hinge, 300, 5);
        let session = Session::import([csv.as_bytes()], Options::default()).unwrap();
        let options = EngineOptions::from_json(r#"{"model":"hinge"}"#).unwrap();
        let now = Timestamp::UNIX_EPOCH;
        let all = session.metrics(&options, now).unwrap();
        let reached = |r: &crate::domain::metrics::Report| -> Vec<u32> {
            r.stages.iter().map(|s| s.reached).collect()
        };
        // Segments by first channel cover every contact once; their funnels add up to the whole one.
        let segments = session.segments(&options, "channel", 3, now).unwrap();
        assert!(segments.len() >= 2);
        assert_eq!(
            segments.iter().map(|s| s.contacts).sum::<u32>() as usize,
            session.dataset.contacts.len()
        );
        let mut sum = vec![0; all.stages.len()];
        for s in &segments {
            for (t, r) in sum.iter_mut().zip(reached(&s.report)) {
                *t += r;
            }
        }
        assert_eq!(sum, reached(&all));
        // Periods hold the contacts ever placed, oldest first.
        let periods = session
            .periods(&options, Granularity::Quarter, now)
            .unwrap();
        assert!(periods.windows(2).all(|w| w[0].start < w[1].start));
        assert_eq!(
            periods.iter().map(|p| p.contacts).sum::<u32>(),
            all.stages[0].reached
        );
        // What-if: no change is the baseline; a stage the map lacks or a share past 1 is an error.
        let same = WhatIfChange {
            stage: "pre_purchase".into(),
            ..Default::default()
        };
        let w = session.what_if(&options, &same, now).unwrap();
        assert_eq!(w.baseline, w.projected);
        let bad = WhatIfChange {
            stage: "nowhere".into(),
            ..Default::default()
        };
        assert!(session.what_if(&options, &bad, now).is_err());
        let bad = WhatIfChange {
            stage: "pre_purchase".into(),
            conversion: Some(1.5),
            ..Default::default()
        };
        assert!(matches!(
            session.what_if(&options, &bad, now),
            Err(EngineError::Options(m)) if m.contains("conversion is a share from 0 to 1")
        ));
        // Terra incognita names stages by id.
        for g in session.terra(&options, now).unwrap() {
            assert!(
                all.stages.iter().any(|s| s.stage.as_str() == g.stage),
                "{}",
                g.stage
            );
        }
    }
}
