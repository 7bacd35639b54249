//! Classification rules: lead scoring, stage placement, outcomes at decision points and
//! former clients' sentiment, as plain data with a readable text form.
//!
//! # The text form
//!
//! One rule per line; blank lines are ignored; a line whose first non-blank character is `#`
//! is a comment (kept, so printing keeps it). Words are case-sensitive.
//!
//! ```text
//! # fit: points when a field matches
//! fit +10 when industry in ("Software", "IT services")
//! fit +5 when employees range 50..500
//! fit -20 when email contains "@gmail."
//! # engagement: points per event, halved every 30 days, only the last 90 days
//! engage +3 per "email_click" half-life 30d within 90d
//! engage +20 per "demo_request"
//! warm at 20
//! hot at 50
//! mql at 40
//! sql at 70
//! # stages: the first match wins, so write the furthest stage first
//! stage former_client when status in ("Churned") and nps present
//! stage client_experience when status = "Closed Won" or last "project_start" within 180d
//! stage pre_purchase when count any >= 1 or status present
//! outcome hired when at client_experience
//! outcome not_now when status = "Closed Lost" and lost_reason = "timing"
//! advocate when nps range 9..10
//! detractor when nps range 0..6
//! ```
//!
//! Grammar (`NUM` is `12` or `-3.5`; `POINTS` is a signed `NUM` like `+10`; `DAYS` is `30d`;
//! `DATE` is `2024-06-30`; `TEXT` is `"…"` with `\"` and `\\` escapes; `ID` is a word or a
//! `TEXT`; a word is a letter or `_` followed by letters, digits, `_` or `-`):
//!
//! ```text
//! rule      := "fit" POINTS "when" cond
//!            | "engage" POINTS "per" event ["half-life" DAYS] ["within" DAYS]
//!            | ("warm" | "hot" | "mql" | "sql") "at" NUM
//!            | "stage" ID "when" cond  |  "outcome" ID "when" cond
//!            | ("advocate" | "detractor") "when" cond
//! event     := TEXT | "any"
//! cond      := and ("or" and)*
//! and       := unary ("and" unary)*
//! unary     := "not" unary | "(" cond ")" | atom
//! atom      := ("score" | "fit" | "engagement") CMP NUM
//!            | "count" event CMP WHOLE ["within" DAYS]
//!            | ("first" | "last") event ("within" DAYS | "before" DATE | "after" DATE)
//!            | "at" ID
//!            | field test
//! field     := WORD | "field" ID      (the long form for names that are keywords)
//! test      := CMP value | "in" "(" value ("," value)* ")" | "contains" TEXT
//!            | "range" [bound] ".." [bound] | "missing" | "present" | "within" DAYS
//! value     := TEXT | NUM | DATE          bound := NUM | DATE
//! CMP       := "=" | "!=" | "<" | "<=" | ">" | ">="   (ordering only on numbers and dates)
//! ```
//!
//! # Meaning
//!
//! * Field names are those of `Dataset::field` (built-ins `id name account status owner source
//!   amount created lead mql sql closed`, then the kept columns), matched ignoring case. Text
//!   compares ignoring case; a number literal reads the field as a number, a date literal as
//!   a calendar day. An empty field is `missing`, `!=` anything, and fails every other test.
//! * Events after the as-of time are ignored everywhere. `within Nd` means from N days before
//!   the as-of time up to it. `engage` adds its points for each event of the type; with a
//!   half-life H the points of an event A days old are multiplied by 0.5^(A/H) (`half-life 0d`
//!   means no decay).
//! * Score is fit + engagement. Thresholds compare the total score; the last threshold of
//!   each level is in force. Hot beats warm, SQL beats MQL.
//! * Evaluation order per contact: fit rules (a score test there sees the fit so far and no
//!   engagement), engagement rules, thresholds, stage rules (first match), outcome rules
//!   (first match; `at` sees the stage), sentiment rules (first match).
//!
//! Modules: [`model`] (the data), [`text`] (parser and printer), `eval` (compiled rules),
//! [`classify`](mod@classify) (whole datasets and explanations), [`defaults`] (one rule set
//! per template).

pub mod classify;
pub mod defaults;
mod eval;
pub mod fields;
pub mod model;
pub mod replay;
pub mod sql;
pub mod text;

pub use classify::{classify, explain, Classification, Explanation};
pub use eval::{Placement, Qualification, Score, Seen, Step, Temperature};
pub use fields::{unknown_fields, ColumnFate, UnknownField};
pub use model::*;
pub use text::{Expected, RuleError, RuleErrorKind, MAX_DEPTH};

#[cfg(test)]
mod perf;
#[cfg(test)]
mod tests;
