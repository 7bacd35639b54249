//! A rule set as one DuckDB query: the file read with its column mapping, every contact (or
//! deal) placed in a stage with the same definitions as [`classify`](super::classify), and the
//! contacts counted per stage and per outcome. A team can run the classification it tuned here
//! in its warehouse.
//!
//! The query reads the CSV itself (`read_csv`, every column as text, rows with the wrong number
//! of fields skipped) and then does what the importer does: cells are trimmed and an empty cell
//! is missing; dates are read in the importer's forms (ISO 8601 with an optional offset,
//! slashed month-first or day-first as the file's date order says, dotted day-first, epoch
//! seconds or milliseconds), amounts in its forms (`$1,234.50`, `1 234,50 €`, `(12)`); rows
//! of one id are one contact whose later non-empty values win; an event row needs an id, a
//! time and a type. The as-of time is the latest date in the file, as in the app, unless one
//! is given.
//!
//! Not translated: the as-of day of a past day's figures (the query classifies with
//! everything the file says, as the app does for "now"), and floating-point sums of decayed
//! engagement points can differ from the engine's in the last bits (only a score exactly at a
//! threshold could then read otherwise).

use std::fmt::Write;

use super::model::*;
use crate::domain::dataset::{format_date, Shape, Time, DAY};
use crate::domain::import::{DateOrder, Delimiter, Lookup, Mapping, Report, Role};

/// What the query reads.
#[derive(Clone, Debug)]
pub struct SqlSource<'a> {
    /// The path (or URL) `read_csv` opens.
    pub file: &'a str,
    /// The file's header, in order.
    pub headers: &'a [String],
    pub mapping: &'a Mapping,
    pub delimiter: Delimiter,
    pub date_order: DateOrder,
    /// The as-of time; `None`: the latest date in the file, computed by the query.
    pub as_of: Option<Time>,
    /// Lookup tables joined onto the contacts (written into the query as values).
    pub lookups: &'a [Lookup],
}

impl<'a> SqlSource<'a> {
    /// The source of a file imported with `report` and joined with `lookups`, read from `file`.
    pub fn of_import(
        file: &'a str,
        report: &'a Report,
        lookups: &'a [Lookup],
        as_of: Option<Time>,
    ) -> SqlSource<'a> {
        SqlSource {
            file,
            headers: &report.headers,
            mapping: &report.mapping,
            delimiter: report.delimiter,
            date_order: report.date_order,
            as_of,
            lookups,
        }
    }
}

/// The query: `SELECT figure, id, contacts` with one row per stage (`figure = 'stage'`, a
/// missing id for the unplaced) and one per outcome (`'outcome'`, missing for none), stages
/// in the order of their first rule.
pub fn to_sql(rules: &RuleSet, source: &SqlSource) -> String {
    Gen::new(rules, source).query()
}

/// A value a field test reads, by kind.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Num,
    Date,
    /// A field the file does not have: always missing.
    Absent,
}

struct Gen<'a> {
    rules: &'a RuleSet,
    src: &'a SqlSource<'a>,
    events: bool,
    /// SQL names of the kept columns (`k1`, …) by lower-cased header.
    kept: Vec<(String, String)>,
    /// Per-contact event aggregates the conditions need: (SQL expression, alias).
    aggregates: Vec<(String, String)>,
    /// Stage ids in order of their first rule.
    stages: Vec<String>,
    outcomes: Vec<String>,
}

impl<'a> Gen<'a> {
    fn new(rules: &'a RuleSet, src: &'a SqlSource<'a>) -> Gen<'a> {
        let mut kept = Vec::new();
        for (i, &role) in src.mapping.roles.iter().enumerate() {
            if role == Role::Keep {
                let name = src
                    .headers
                    .get(i)
                    .map(|h| h.to_lowercase())
                    .unwrap_or_default();
                let name = if name.is_empty() {
                    format!("column_{}", i + 1)
                } else {
                    name
                };
                kept.push((name, format!("k{}", kept.len() + 1)));
            }
        }
        let mut names: Vec<String> = kept.iter().map(|(n, _)| n.clone()).collect();
        for l in src.lookups {
            for f in l.field_names(&names) {
                kept.push((f.clone(), format!("k{}", kept.len() + 1)));
                names.push(f);
            }
        }
        let mut stages = Vec::new();
        let mut outcomes = Vec::new();
        for r in &rules.rules {
            match r {
                Rule::Stage { stage, .. } if !stages.contains(stage) => stages.push(stage.clone()),
                Rule::Outcome { outcome, .. } if !outcomes.contains(outcome) => {
                    outcomes.push(outcome.clone())
                }
                _ => {}
            }
        }
        Gen {
            rules,
            src,
            events: src.mapping.shape == Shape::Events,
            kept,
            aggregates: Vec::new(),
            stages,
            outcomes,
        }
    }

    fn col(&self, role: Role) -> Option<usize> {
        self.src.mapping.column(role)
    }

    /// The raw cell of column `i`, trimmed, missing when empty.
    fn cell(&self, i: usize) -> String {
        format!("NULLIF(trim(c{}, ' \t\r\n'), '')", i + 1)
    }

    fn query(mut self) -> String {
        // The conditions first: they register the event aggregates the query needs.
        let placed = self.placed();
        let mut q = String::new();
        let m = self.src.mapping;
        let shape = if self.events { "event log" } else { "records" };
        let _ = writeln!(
            q,
            "-- Journey Mapper: these rules as one DuckDB query ({shape}, one contact per id)."
        );
        let _ = writeln!(q, "-- Columns read:");
        for (i, h) in self.src.headers.iter().enumerate() {
            let role = m.roles.get(i).copied().unwrap_or(Role::Ignore);
            let _ = writeln!(q, "--   c{} {} -> {}", i + 1, comment(h), role_name(role));
        }
        let _ = writeln!(
            q,
            "-- Each contact's stage: SELECT * FROM placed (instead of the last SELECT)."
        );
        q.push_str("WITH\n");
        q.push_str(&self.raw());
        q.push_str(&self.cells());
        q.push_str(&self.parts());
        q.push_str(&self.rows());
        q.push_str(&self.contacts());
        q.push_str(&self.lookups());
        q.push_str(&self.params());
        if self.events {
            q.push_str(&self.counted());
        }
        q.push_str(&placed);
        q.push_str(&self.counts());
        q
    }

    fn raw(&self) -> String {
        let columns: Vec<String> = (1..=self.src.headers.len())
            .map(|i| format!("'c{i}': 'VARCHAR'"))
            .collect();
        let delim = match self.src.delimiter {
            Delimiter::Comma => ",",
            Delimiter::Semicolon => ";",
            Delimiter::Tab => "\\t",
        };
        format!(
            "raw AS (\n  SELECT *, row_number() OVER () AS jm_row\n  FROM read_csv({}, header = false, skip = 1, delim = {}, quote = '\"', escape = '\"',\n    ignore_errors = true, columns = {{{}}})\n),\n",
            string(self.src.file),
            if delim == "\\t" {
                "E'\\t'".to_owned()
            } else {
                string(delim)
            },
            columns.join(", ")
        )
    }

    /// Cells as text, dates split into their parts, amounts cleaned.
    fn cells(&self) -> String {
        let mut out = vec!["jm_row".to_owned()];
        let text = |role: Role, alias: &str, out: &mut Vec<String>| {
            let v = self
                .col(role)
                .map_or("CAST(NULL AS VARCHAR)".to_owned(), |i| self.cell(i));
            out.push(format!("{v} AS {alias}"));
        };
        text(Role::Id, "id", &mut out);
        let names: Vec<String> = self
            .src
            .mapping
            .roles
            .iter()
            .enumerate()
            .filter(|(_, &r)| r == Role::Name)
            .map(|(i, _)| self.cell(i))
            .collect();
        out.push(if names.is_empty() {
            "CAST(NULL AS VARCHAR) AS name".to_owned()
        } else {
            format!("NULLIF(concat_ws(' ', {}), '') AS name", names.join(", "))
        });
        text(Role::Account, "account", &mut out);
        text(Role::Status, "status", &mut out);
        text(Role::Owner, "owner", &mut out);
        text(Role::Source, "source", &mut out);
        for (role, alias) in DATES {
            text(role, &format!("{alias}_text"), &mut out);
        }
        text(Role::Amount, "amount_text", &mut out);
        if self.events {
            text(Role::EventTime, "time_text", &mut out);
            text(Role::EventType, "type", &mut out);
        }
        let mut k = 0;
        for (i, &role) in self.src.mapping.roles.iter().enumerate() {
            if role == Role::Keep {
                k += 1;
                out.push(format!("{} AS k{k}", self.cell(i)));
            }
        }
        format!(
            "cells AS (\n  SELECT {}\n  FROM raw\n),\n",
            out.join(",\n    ")
        )
    }

    /// Date cells split into their parts.
    fn parts(&self) -> String {
        let mut out = vec!["*".to_owned()];
        for (_, alias) in DATES {
            out.push(format!(
                "{} AS {alias}_parts",
                date_parts_sql(&format!("{alias}_text"))
            ));
        }
        if self.events {
            out.push(format!("{} AS time_parts", date_parts_sql("time_text")));
        }
        format!(
            "parts AS (\n  SELECT {}\n  FROM cells\n),\n",
            out.join(",\n    ")
        )
    }

    /// Rows the importer keeps, with dates and amounts read.
    fn rows(&self) -> String {
        let mut dropped: Vec<String> = vec!["amount_text".to_owned()];
        let mut out = Vec::new();
        for (_, alias) in DATES {
            dropped.push(format!("{alias}_text"));
            dropped.push(format!("{alias}_parts"));
            let t = time_sql(
                &format!("{alias}_text"),
                &format!("{alias}_parts"),
                self.src.date_order,
            );
            out.push(format!("{t} AS {alias}"));
        }
        out.push(format!("{} AS amount", amount_sql("amount_text")));
        if self.events {
            dropped.push("time_text".to_owned());
            dropped.push("time_parts".to_owned());
            out.push(format!(
                "{} AS time",
                time_sql("time_text", "time_parts", self.src.date_order)
            ));
        }
        let key = if self.col(Role::Id).is_some() || self.events {
            "id"
        } else {
            // No id column: a contact per row, known by its name or its row number.
            "coalesce(name, CAST(jm_row AS VARCHAR))"
        };
        out.insert(
            0,
            format!("* EXCLUDE ({}) REPLACE ({key} AS id)", dropped.join(", ")),
        );
        let mut cond = vec!["id IS NOT NULL".to_owned()];
        if self.events {
            cond.push("time IS NOT NULL".to_owned());
            cond.push("type IS NOT NULL".to_owned());
        }
        format!(
            "rows AS (\n  SELECT * FROM (\n  SELECT {}\n  FROM parts\n  )\n  WHERE {}\n),\n",
            out.join(",\n    "),
            cond.join(" AND ")
        )
    }

    fn contacts(&self) -> String {
        let mut out = vec!["id".to_owned()];
        let mut last = |c: &str| {
            out.push(format!(
                "arg_max({c}, jm_row) FILTER (WHERE {c} IS NOT NULL) AS {c}"
            ))
        };
        for c in ["name", "account", "status", "owner", "source", "amount"] {
            last(c);
        }
        for (_, alias) in DATES {
            last(alias);
        }
        for k in 1..=self.kept_columns() {
            last(&format!("k{k}"));
        }
        let name = if self.src.lookups.is_empty() {
            "contacts"
        } else {
            "contacts_0"
        };
        format!(
            "{name} AS (\n  SELECT {}\n  FROM rows GROUP BY id\n),\n",
            out.join(",\n    ")
        )
    }

    /// How many of [`Gen::kept`] are the file's own columns (the rest come from lookups).
    fn kept_columns(&self) -> usize {
        self.src
            .mapping
            .roles
            .iter()
            .filter(|&&r| r == Role::Keep)
            .count()
    }

    /// Each lookup table as values, joined onto the contacts by its field.
    fn lookups(&self) -> String {
        let mut out = String::new();
        let mut next = self.kept_columns();
        for (n, l) in self.src.lookups.iter().enumerate() {
            let columns = l.columns();
            let index = l.index();
            let mut keys: Vec<(&String, &usize)> = index.iter().collect();
            keys.sort_by_key(|(_, &row)| row);
            let rows: Vec<String> = keys
                .into_iter()
                .map(|(key, &row)| {
                    let cells: Vec<String> = std::iter::once(string(key))
                        .chain(columns.iter().map(|&j| {
                            match l.rows[row].get(j).filter(|v| !v.is_empty()) {
                                Some(v) => string(v),
                                None => "CAST(NULL AS VARCHAR)".to_owned(),
                            }
                        }))
                        .collect();
                    format!("({})", cells.join(", "))
                })
                .collect();
            let names: Vec<String> = (0..columns.len()).map(|j| format!("v{}", j + 1)).collect();
            let table = format!("l{}", n + 1);
            let (by, kind) = self.field(&l.by);
            let by = by.replacen("c.", "c0.", 1);
            let key = match kind {
                Kind::Absent => "CAST(NULL AS VARCHAR)".to_owned(),
                kind => format!("lower(trim({}))", text_form(&by, kind)),
            };
            let picks: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(j, v)| format!("{table}.{v} AS k{}", next + j + 1))
                .collect();
            next += columns.len();
            let from = if n == 0 {
                "contacts_0".to_owned()
            } else {
                format!("contacts_{n}")
            };
            let into = if n + 1 == self.src.lookups.len() {
                "contacts".to_owned()
            } else {
                format!("contacts_{}", n + 1)
            };
            let values = if rows.is_empty() {
                format!(
                    "SELECT {} WHERE FALSE",
                    std::iter::once("CAST(NULL AS VARCHAR) AS key".to_owned())
                        .chain(
                            names
                                .iter()
                                .map(|v| format!("CAST(NULL AS VARCHAR) AS {v}"))
                        )
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            } else {
                format!(
                    "SELECT * FROM (VALUES\n    {}\n  ) AS t(key, {})",
                    rows.join(",\n    "),
                    names.join(", ")
                )
            };
            let _ = writeln!(
                out,
                "-- lookup {}: {} by {}\n{table} AS (\n  {values}\n),\n{into} AS (\n  SELECT c0.*, {}\n  FROM {from} c0 LEFT JOIN {table} ON {table}.key = {key}\n),",
                n + 1,
                comment(&l.name),
                comment(&l.by),
                picks.join(", ")
            );
        }
        out
    }

    fn params(&self) -> String {
        let as_of = match self.src.as_of {
            Some(t) => return format!("params AS (\n  SELECT {} AS as_of\n),\n", timestamp(t)),
            None => {
                let mut parts: Vec<String> = DATES
                    .iter()
                    .map(|(_, alias)| format!("max({alias})"))
                    .collect();
                if self.events {
                    parts.push("max(time)".to_owned());
                }
                format!(
                    "coalesce(greatest({}), CAST(current_timestamp AS TIMESTAMP))",
                    parts.join(", ")
                )
            }
        };
        format!("params AS (\n  -- the as-of time: events after it are ignored, windows end at it\n  SELECT {as_of} AS as_of FROM rows\n),\n")
    }

    fn counted(&self) -> String {
        let mut out = vec!["id".to_owned()];
        for (expr, alias) in &self.aggregates {
            out.push(format!("{expr} AS {alias}"));
        }
        format!(
            "counted AS (\n  SELECT {}\n  FROM rows, params\n  WHERE time <= as_of\n  GROUP BY id\n),\n",
            out.join(",\n    ")
        )
    }

    /// An aggregate over a contact's events (up to the as-of time), registered once.
    fn aggregate(&mut self, expr: String) -> String {
        if let Some((_, alias)) = self.aggregates.iter().find(|(e, _)| *e == expr) {
            return format!("coalesce_{alias}");
        }
        let alias = format!("a{}", self.aggregates.len() + 1);
        self.aggregates.push((expr, alias.clone()));
        format!("coalesce_{alias}")
    }

    fn placed(&mut self) -> String {
        let mut cols = vec!["c.id".to_owned(), "c.account".to_owned()];
        let mut fits = Vec::new();
        let mut engages = Vec::new();
        let mut stage_cases = Vec::new();
        let mut outcome_cases = Vec::new();
        let mut sentiment_cases = Vec::new();
        let mut thresholds: [Option<f64>; 4] = [None; 4];
        let rules = self.rules;
        for r in &rules.rules {
            match r {
                Rule::Fit { points, when } => {
                    let so_far = sum(&fits);
                    let cond = self.cond(when, Scope::Fit(&so_far));
                    let alias = format!("jm_fit_{}", fits.len() + 1);
                    cols.push(format!(
                        "CASE WHEN {cond} THEN {} ELSE 0 END AS {alias}",
                        num(*points)
                    ));
                    fits.push(alias);
                }
                Rule::Engage {
                    points,
                    event,
                    half_life_days,
                    within_days,
                } => {
                    let alias = format!("jm_engage_{}", engages.len() + 1);
                    let expr = if self.events {
                        let weight = match half_life_days {
                            Some(h) if *h > 0 => format!(
                                "{} * pow(2.0, -(epoch(as_of) - epoch(time)) / {}.0)",
                                num(*points),
                                *h as i64 * DAY
                            ),
                            _ => num(*points),
                        };
                        let filter = [event_filter(event), since_filter(*within_days)]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>();
                        let agg =
                            self.aggregate(format!("sum({weight}){}", filter_clause(&filter)));
                        format!("coalesce({agg}, 0.0)")
                    } else {
                        "0.0".to_owned()
                    };
                    cols.push(format!("{expr} AS {alias}"));
                    engages.push(alias);
                }
                Rule::Threshold { level, at } => thresholds[*level as usize] = Some(*at),
                Rule::Stage { stage, when } => {
                    let cond = self.cond(when, Scope::Stage);
                    stage_cases.push(format!("WHEN {cond} THEN {}", string(stage)));
                }
                Rule::Outcome { outcome, when } => {
                    let cond = self.cond(when, Scope::After);
                    outcome_cases.push(format!("WHEN {cond} THEN {}", string(outcome)));
                }
                Rule::Sentiment { sentiment, when } => {
                    let cond = self.cond(when, Scope::After);
                    let s = match sentiment {
                        Sentiment::Advocate => "advocate",
                        Sentiment::Detractor => "detractor",
                        Sentiment::None => "none",
                    };
                    sentiment_cases.push(format!("WHEN {cond} THEN '{s}'"));
                }
                Rule::Comment { .. } => {}
            }
        }
        cols.push(format!("{} AS jm_fit", sum(&fits)));
        cols.push(format!("{} AS jm_engagement", sum(&engages)));
        cols.push("jm_fit + jm_engagement AS jm_score".to_owned());
        let reached = |l: Level| thresholds[l as usize].map(|v| format!("jm_score >= {}", num(v)));
        let pick = |pairs: [(Option<String>, &str); 2], otherwise: &str| {
            let whens: Vec<String> = pairs
                .into_iter()
                .filter_map(|(c, v)| c.map(|c| format!("WHEN {c} THEN '{v}'")))
                .collect();
            if whens.is_empty() {
                format!("'{otherwise}'")
            } else {
                format!("CASE {} ELSE '{otherwise}' END", whens.join(" "))
            }
        };
        cols.push(format!(
            "{} AS jm_temperature",
            pick(
                [(reached(Level::Hot), "hot"), (reached(Level::Warm), "warm")],
                "cold"
            )
        ));
        cols.push(format!(
            "{} AS jm_qualification",
            pick(
                [(reached(Level::Sql), "sql"), (reached(Level::Mql), "mql")],
                "none"
            )
        ));
        let case = |cases: &[String], otherwise: &str| {
            if cases.is_empty() {
                otherwise.to_owned()
            } else {
                format!("CASE\n      {}\n    END", cases.join("\n      "))
            }
        };
        cols.push(format!(
            "{} AS jm_stage",
            case(&stage_cases, "CAST(NULL AS VARCHAR)")
        ));
        cols.push(format!(
            "{} AS jm_outcome",
            case(&outcome_cases, "CAST(NULL AS VARCHAR)")
        ));
        cols.push(format!(
            "{} AS jm_sentiment",
            case(&sentiment_cases, "'none'").replace("END", "ELSE 'none' END")
        ));
        let from = if self.events {
            let coalesced: Vec<String> = self
                .aggregates
                .iter()
                .map(|(e, a)| {
                    let zero = if e.starts_with("count(") { "0" } else { "NULL" };
                    format!("coalesce(e.{a}, {zero}) AS coalesce_{a}")
                })
                .collect();
            if coalesced.is_empty() {
                "contacts c, params".to_owned()
            } else {
                format!(
                    "(SELECT c.*, {} FROM contacts c LEFT JOIN counted e USING (id)) c, params",
                    coalesced.join(", ")
                )
            }
        } else {
            "contacts c, params".to_owned()
        };
        format!(
            "scored AS (\n  SELECT {}\n  FROM {from}\n),\nplaced AS (\n  SELECT id, account, jm_stage AS stage, jm_outcome AS outcome, jm_score AS score, jm_fit AS fit,\n    jm_engagement AS engagement, jm_temperature AS temperature, jm_qualification AS qualification,\n    jm_sentiment AS sentiment\n  FROM scored\n)\n",
            cols.join(",\n    ")
        )
    }

    fn counts(&self) -> String {
        let order = |ids: &[String]| {
            let whens: Vec<String> = ids
                .iter()
                .enumerate()
                .map(|(i, s)| format!("WHEN {} THEN {i}", string(s)))
                .collect();
            if whens.is_empty() {
                "0".to_owned()
            } else {
                format!("CASE id {} ELSE {} END", whens.join(" "), ids.len())
            }
        };
        format!(
            "SELECT figure, id, contacts FROM (\n  SELECT 'stage' AS figure, stage AS id, count(*) AS contacts, 0 AS part, {} AS position FROM placed GROUP BY stage\n  UNION ALL\n  SELECT 'outcome', outcome, count(*), 1, {} FROM placed GROUP BY outcome\n)\nORDER BY part, position, id;\n",
            order(&self.stages).replace("CASE id", "CASE stage"),
            order(&self.outcomes).replace("CASE id", "CASE outcome"),
        )
    }

    fn cond(&mut self, c: &Condition, scope: Scope<'_>) -> String {
        match c {
            Condition::And { all } => {
                let parts: Vec<String> = all.iter().map(|c| self.cond(c, scope)).collect();
                format!("({})", parts.join(" AND "))
            }
            Condition::Or { any } => {
                let parts: Vec<String> = any.iter().map(|c| self.cond(c, scope)).collect();
                format!("({})", parts.join(" OR "))
            }
            Condition::Not { not } => format!("(NOT {})", self.cond(not, scope)),
            Condition::Field { field, test } => self.field_test(field, test),
            Condition::Count {
                event,
                cmp,
                count,
                within_days,
            } => {
                if !self.events {
                    return bool_sql(cmp.test(0, *count));
                }
                let filter = [event_filter(event), since_filter(*within_days)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>();
                let n = self.aggregate(format!("count(*){}", filter_clause(&filter)));
                format!("({n} {} {count})", op(*cmp))
            }
            Condition::Recency { which, event, time } => {
                if !self.events {
                    return "FALSE".to_owned();
                }
                let f = match which {
                    Which::First => "min",
                    Which::Last => "max",
                };
                let filter: Vec<String> = event_filter(event).into_iter().collect();
                let t = self.aggregate(format!("{f}(time){}", filter_clause(&filter)));
                let (lo, hi) = match time {
                    EventTime::Within(d) => (
                        Some(format!("as_of - INTERVAL {d} DAY")),
                        "as_of".to_owned(),
                    ),
                    EventTime::Before(day) => {
                        (None, format!("least(as_of, {})", timestamp(day - 1)))
                    }
                    EventTime::After(day) => (Some(timestamp(day + DAY)), "as_of".to_owned()),
                };
                match lo {
                    Some(lo) => format!("coalesce({t} BETWEEN {lo} AND {hi}, FALSE)"),
                    None => format!("coalesce({t} <= {hi}, FALSE)"),
                }
            }
            Condition::Score {
                measure,
                cmp,
                value,
            } => {
                let v = match (scope, measure) {
                    (Scope::Fit(so_far), Measure::Engagement) => {
                        let _ = so_far;
                        "0.0".to_owned()
                    }
                    (Scope::Fit(so_far), _) => so_far.to_owned(),
                    (_, Measure::Score) => "jm_score".to_owned(),
                    (_, Measure::Fit) => "jm_fit".to_owned(),
                    (_, Measure::Engagement) => "jm_engagement".to_owned(),
                };
                format!("({v} {} {})", op(*cmp), num(*value))
            }
            Condition::AtStage { stage } => match scope {
                Scope::After if self.stages.contains(stage) => {
                    format!("coalesce(jm_stage = {}, FALSE)", string(stage))
                }
                _ => "FALSE".to_owned(),
            },
        }
    }

    /// The value of a field and its kind, as the rules name it.
    fn field(&self, name: &str) -> (String, Kind) {
        let lower = name.to_lowercase();
        // The built-ins as `Compiled` resolves them (status also answers to `stage`).
        let column = match lower.as_str() {
            "stage" => "status",
            other => other,
        };
        match column {
            "id" | "name" | "account" | "status" | "owner" | "source" => {
                return (format!("c.{column}"), Kind::Text)
            }
            "amount" => return ("c.amount".to_owned(), Kind::Num),
            "created" | "lead" | "mql" | "sql" | "closed" => {
                return (format!("c.{column}"), Kind::Date)
            }
            _ => {}
        }
        match self.kept.iter().find(|(n, _)| *n == lower) {
            Some((_, alias)) => (format!("c.{alias}"), Kind::Text),
            None => ("NULL".to_owned(), Kind::Absent),
        }
    }

    fn field_test(&self, field: &str, test: &FieldTest) -> String {
        let (v, kind) = self.field(field);
        if let Kind::Absent = kind {
            return bool_sql(matches!(
                test,
                FieldTest::Missing | FieldTest::Compare { cmp: Cmp::Ne, .. }
            ));
        }
        match test {
            FieldTest::Missing => format!("({v} IS NULL)"),
            FieldTest::Present => format!("({v} IS NOT NULL)"),
            FieldTest::Compare { cmp, value } => {
                let (a, b) = literal_pair(&v, kind, value);
                let cmp_sql = match value {
                    // Text compares only for equality; any other operator reads as `=`.
                    Literal::Text(_) if *cmp != Cmp::Ne => "=",
                    _ => op(*cmp),
                };
                format!("coalesce({a} {cmp_sql} {b}, {})", bool_sql(*cmp == Cmp::Ne))
            }
            FieldTest::In { values } => {
                let parts: Vec<String> = values
                    .iter()
                    .map(|l| {
                        let (a, b) = literal_pair(&v, kind, l);
                        format!("coalesce({a} = {b}, FALSE)")
                    })
                    .collect();
                if parts.is_empty() {
                    "FALSE".to_owned()
                } else {
                    format!("({})", parts.join(" OR "))
                }
            }
            FieldTest::Contains { text } => {
                let t = text_form(&v, kind);
                format!(
                    "coalesce(contains({t}, {}), FALSE)",
                    string(&text.to_lowercase())
                )
            }
            FieldTest::Range { from, to } => {
                let Some(first) = from.as_ref().or(to.as_ref()) else {
                    return "FALSE".to_owned();
                };
                let (a, _) = literal_pair(&v, kind, first);
                let mut parts = vec![format!("{a} IS NOT NULL")];
                if let Some(l) = from {
                    let (a, b) = literal_pair(&v, kind, l);
                    parts.push(format!("{a} >= {b}"));
                }
                if let Some(l) = to {
                    let (a, b) = literal_pair(&v, kind, l);
                    parts.push(format!("{a} <= {b}"));
                }
                format!("coalesce({}, FALSE)", parts.join(" AND "))
            }
            FieldTest::Within { days } => {
                let t = match kind {
                    Kind::Date => v,
                    Kind::Text => format!("CAST({} AS TIMESTAMP)", text_day(&v)),
                    Kind::Num | Kind::Absent => return "FALSE".to_owned(),
                };
                format!("coalesce({t} BETWEEN as_of - INTERVAL {days} DAY AND as_of, FALSE)")
            }
        }
    }
}

/// Where a condition is evaluated: in a fit rule (the score so far is the fit of the rules
/// before it, engagement is not counted yet), a stage rule (`at` is always false), or after
/// the stage is known.
#[derive(Clone, Copy)]
enum Scope<'s> {
    Fit(&'s str),
    Stage,
    After,
}

const DATES: [(Role, &str); 5] = [
    (Role::Created, "created"),
    (Role::Lead, "lead"),
    (Role::Mql, "mql"),
    (Role::Sql, "sql"),
    (Role::Closed, "closed"),
];

/// The value side and the literal side of a comparison of a field with a literal, in the
/// literal's kind (a field that cannot be read so is missing: NULL).
fn literal_pair(v: &str, kind: Kind, l: &Literal) -> (String, String) {
    match l {
        Literal::Text(t) => (text_form(v, kind), string(&t.to_lowercase())),
        Literal::Number(n) => (
            match kind {
                Kind::Num => v.to_owned(),
                Kind::Text => format!("TRY_CAST({v} AS DOUBLE)"),
                Kind::Date | Kind::Absent => "CAST(NULL AS DOUBLE)".to_owned(),
            },
            num(*n),
        ),
        Literal::Date(t) => (
            match kind {
                Kind::Date => format!("CAST({v} AS DATE)"),
                Kind::Text => text_day(v),
                Kind::Num | Kind::Absent => "CAST(NULL AS DATE)".to_owned(),
            },
            format!("DATE '{}'", format_date(*t)),
        ),
    }
}

/// A field's value as lower-case text, as the engine compares it with a text literal.
fn text_form(v: &str, kind: Kind) -> String {
    match kind {
        Kind::Text => format!("lower({v})"),
        // A whole number prints without a fraction, as the engine prints it.
        Kind::Num => format!(
            "(CASE WHEN {v} = trunc({v}) AND abs({v}) < 1e15 THEN CAST(CAST({v} AS BIGINT) AS VARCHAR) ELSE CAST({v} AS VARCHAR) END)"
        ),
        Kind::Date => format!("strftime({v}, '%Y-%m-%d')"),
        Kind::Absent => "CAST(NULL AS VARCHAR)".to_owned(),
    }
}

/// The day of a text that starts with `YYYY-MM-DD`.
fn text_day(v: &str) -> String {
    format!(
        "(CASE WHEN regexp_matches(trim({v}), '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') THEN TRY_CAST(left(trim({v}), 10) AS DATE) END)"
    )
}

fn event_filter(event: &EventType) -> Option<String> {
    match event {
        EventType::Any => None,
        EventType::Named(n) => Some(format!("type = {}", string(n))),
    }
}

fn since_filter(within: Option<u32>) -> Option<String> {
    within.map(|d| format!("time >= as_of - INTERVAL {d} DAY"))
}

fn filter_clause(parts: &[String]) -> String {
    if parts.is_empty() {
        String::new()
    } else {
        format!(" FILTER (WHERE {})", parts.join(" AND "))
    }
}

fn sum(aliases: &[String]) -> String {
    if aliases.is_empty() {
        "0.0".to_owned()
    } else {
        format!("(0.0 + {})", aliases.join(" + "))
    }
}

fn op(c: Cmp) -> &'static str {
    match c {
        Cmp::Ne => "<>",
        c => c.symbol(),
    }
}

fn bool_sql(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_owned()
}

/// A number as a DuckDB double.
fn num(v: f64) -> String {
    format!("CAST('{v:?}' AS DOUBLE)")
}

/// A SQL string literal.
fn string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A header in a `--` comment: one line.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn timestamp(t: Time) -> String {
    format!("make_timestamp(CAST({t} AS BIGINT) * 1000000)")
}

/// What a column is read as, for the query's header comment: the built-in field rules name it
/// by, else what the import does with it.
fn role_name(r: Role) -> &'static str {
    if let Some(field) = super::fields::builtin_of(r) {
        return field;
    }
    match r {
        Role::EventTime => "event time",
        Role::EventType => "event type",
        Role::Channel => "channel (not used by rules)",
        Role::Value => "value (not used by rules)",
        Role::Keep => "kept",
        _ => "ignored",
    }
}

/// One pattern for every written form of a date: date parts, an optional time, an optional
/// zone or AM/PM. Its groups, named for `regexp_extract`.
const DATE_PATTERN: &str = r"^([0-9]{1,4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,4})(?:(?:[Tt]| +)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)? *(?:[Zz]|([+-])([0-9]{2}):?([0-9]{2})?|([AaPp])[Mm])?)?$";
const DATE_GROUPS: &str = "['a', 's1', 'b', 's2', 'c', 'h', 'mi', 'sec', 'zs', 'zh', 'zm', 'ap']";

/// The parts of a date cell `v` (a struct; every part '' when it is not a date).
fn date_parts_sql(v: &str) -> String {
    format!("regexp_extract({v}, '{DATE_PATTERN}', {DATE_GROUPS})")
}

/// A date cell read as the importer reads it (`crate::domain::import::dates`), or NULL:
/// `v` is the cell's text, `p` its parts ([`date_parts_sql`]).
fn time_sql(v: &str, p: &str, order: DateOrder) -> String {
    let n = |g: &str| format!("TRY_CAST(NULLIF({p}.{g}, '') AS INTEGER)");
    let year_first = format!("length({p}.a) = 4");
    let day_first = if order == DateOrder::European {
        "TRUE".to_owned()
    } else {
        format!("{p}.s1 = '.'")
    };
    let year = format!("CASE WHEN {year_first} THEN {} ELSE {} END", n("a"), n("c"));
    let month = format!(
        "CASE WHEN {year_first} THEN {b} WHEN {day_first} THEN {b} ELSE {a} END",
        a = n("a"),
        b = n("b")
    );
    let day = format!(
        "CASE WHEN {year_first} THEN {c} WHEN {day_first} THEN {a} ELSE {b} END",
        a = n("a"),
        b = n("b"),
        c = n("c")
    );
    let h = format!("coalesce({}, 0)", n("h"));
    let ap = format!("upper({p}.ap)");
    let hour = format!(
        "CASE {ap} WHEN 'A' THEN CASE WHEN {h} = 12 THEN 0 ELSE {h} END WHEN 'P' THEN CASE WHEN {h} = 12 THEN 12 ELSE {h} + 12 END ELSE {h} END"
    );
    let mi = format!("coalesce({}, 0)", n("mi"));
    let sec = format!("coalesce({}, 0)", n("sec"));
    let zh = format!("coalesce({}, 0)", n("zh"));
    let zm = format!("coalesce({}, 0)", n("zm"));
    let valid = format!(
        "{p}.a <> '' AND {p}.s1 = {p}.s2 AND (CASE WHEN {year_first} THEN length({p}.c) <= 2 ELSE length({p}.c) = 4 END) AND ({ap} = '' OR {h} BETWEEN 1 AND 12) AND {h} <= 23 AND {mi} <= 59 AND {sec} <= 60 AND {zh} <= 23 AND {zm} <= 59"
    );
    let offset = format!(
        "CASE {p}.zs WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END * ({zh} * 3600 + {zm} * 60)"
    );
    format!(
        "(CASE WHEN regexp_full_match({v}, '[0-9]{{9,10}}') THEN make_timestamp(CAST({v} AS BIGINT) * 1000000) WHEN regexp_full_match({v}, '[0-9]{{12,13}}') THEN make_timestamp(CAST({v} AS BIGINT) // 1000 * 1000000) WHEN {valid} THEN TRY(make_timestamp({year}, {month}, {day}, 0, 0, 0)) + to_seconds(({hour}) * 3600 + {mi} * 60 + least({sec}, 59) - ({offset})) END)"
    )
}

/// An amount cell read as the importer reads it (`crate::domain::import::numbers`), or NULL.
fn amount_sql(v: &str) -> String {
    // Currency, letters, spaces and `'` dropped; parentheses or a leading minus: negative.
    let kept = format!("regexp_replace({v}, '[^0-9.,]', '', 'g')");
    let negative = format!("regexp_matches({v}, '^[^0-9]*[-−(]')");
    let dots = format!("(length({kept}) - length(replace({kept}, '.', '')))");
    let commas = format!("(length({kept}) - length(replace({kept}, ',', '')))");
    // Both marks: the last is the decimal mark; one kind several times: grouping; a single
    // comma before exactly three digits: grouping; else a single mark is the decimal mark.
    let plain = format!(
        "CASE WHEN {dots} > 0 AND {commas} > 0 THEN CASE WHEN strpos(reverse({kept}), '.') < strpos(reverse({kept}), ',') THEN replace({kept}, ',', '') ELSE replace(replace({kept}, '.', ''), ',', '.') END WHEN {commas} > 1 THEN replace({kept}, ',', '') WHEN {dots} > 1 THEN replace({kept}, '.', '') WHEN regexp_matches({kept}, ',[0-9]{{3}}$') THEN replace({kept}, ',', '') ELSE replace({kept}, ',', '.') END"
    );
    format!(
        "coalesce(TRY_CAST({v} AS DOUBLE), CASE WHEN regexp_matches({v}, '[0-9]') THEN (CASE WHEN {negative} THEN -1 ELSE 1 END) * TRY_CAST({plain} AS DOUBLE) END)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::Role::*;

    fn source<'a>(
        headers: &'a [String],
        mapping: &'a Mapping,
        as_of: Option<Time>,
    ) -> SqlSource<'a> {
        SqlSource {
            file: "it's.csv",
            headers,
            mapping,
            delimiter: Delimiter::Semicolon,
            date_order: DateOrder::European,
            as_of,
            lookups: &[],
        }
    }

    fn records(headers: &[&str], roles: Vec<Role>) -> (Vec<String>, Mapping) {
        (
            headers.iter().map(|h| h.to_string()).collect(),
            Mapping {
                shape: Shape::Records,
                roles,
            },
        )
    }

    #[test]
    fn texts_are_quoted_and_headers_cannot_break_out_of_their_comment() {
        let (h, m) = records(&["id", "Stage\n; DROP TABLE x"], vec![Id, Status]);
        let rules = RuleSet::parse("stage won when status = \"O'Brien's\"").unwrap();
        let sql = to_sql(&rules, &source(&h, &m, None));
        assert!(sql.contains("read_csv('it''s.csv'"), "{sql}");
        assert!(sql.contains("delim = ';'"));
        assert!(
            sql.contains("'o''brien''s'"),
            "literals lower-cased and quoted"
        );
        assert!(sql.contains("--   c2 Stage ; DROP TABLE x -> status\n"));
        assert_eq!(
            sql.matches(';').count(),
            3,
            "the delimiter, the header's, the end: {sql}"
        );
    }

    #[test]
    fn an_as_of_time_is_written_in_else_the_latest_date_is_computed() {
        let (h, m) = records(&["id", "closed"], vec![Id, Closed]);
        let rules = RuleSet::parse("stage won when closed within 30d").unwrap();
        let pinned = to_sql(&rules, &source(&h, &m, Some(1_700_000_000)));
        assert!(pinned
            .contains("SELECT make_timestamp(CAST(1700000000 AS BIGINT) * 1000000) AS as_of\n"));
        let computed = to_sql(&rules, &source(&h, &m, None));
        assert!(
            computed.contains("greatest(max(created), max(lead), max(mql), max(sql), max(closed))")
        );
        // A record file has no events: no per-contact event step.
        assert!(!computed.contains("counted AS"));
    }

    #[test]
    fn fields_the_file_lacks_and_event_tests_on_records_are_constants() {
        let (h, m) = records(&["name", "sector"], vec![Name, Keep]);
        let rules = RuleSet::parse(
            "stage a when nps missing and nps != 3 and not nps = 3\nstage b when sector = \"x\" or count any >= 1\nstage c when count any < 1",
        )
        .unwrap();
        let sql = to_sql(&rules, &source(&h, &m, None));
        assert!(
            sql.contains("WHEN (TRUE AND TRUE AND (NOT FALSE)) THEN 'a'"),
            "{sql}"
        );
        assert!(sql.contains("WHEN (coalesce(lower(c.k1) = 'x', FALSE) OR FALSE) THEN 'b'"));
        assert!(sql.contains("WHEN TRUE THEN 'c'"));
        // No id column: a contact per row, by its name or its row number.
        assert!(sql.contains("REPLACE (coalesce(name, CAST(jm_row AS VARCHAR)) AS id)"));
    }
}
