//! The rule data: what a [`RuleSet`] holds, as plain serde values.
//!
//! A rule set is an ordered list of [`Rule`]s. Order matters for stage, outcome and sentiment
//! rules (the first match wins) and is kept for comments, so that printing a parsed set gives
//! back the same text. Numbers are `f64` but never NaN or infinite when they come from the
//! parser, so `PartialEq` is a true equality here.

use serde::{Deserialize, Serialize};

use crate::domain::dataset::Time;

/// An ordered list of classification rules (see the module docs of `rules` for the text form).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

/// Index of a rule in [`RuleSet::rules`] (comments count, so it is also the rule's line among
/// the non-blank lines of the printed text).
pub type RuleRef = u32;

/// One line of a rule set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// `# text` — kept so a printed rule set keeps its explanations. `text` is everything
    /// after the `#`.
    Comment { text: String },
    /// `fit +10 when …` — fit points when a condition holds.
    Fit { points: f64, when: Condition },
    /// `engage +3 per "email_click" half-life 30d within 90d` — engagement points for each
    /// event of a type (before the as-of time), optionally halved every `half_life_days` and
    /// only counting the last `within_days`.
    Engage {
        points: f64,
        event: EventType,
        half_life_days: Option<u32>,
        within_days: Option<u32>,
    },
    /// `warm at 20` — a threshold on the total score.
    Threshold { level: Level, at: f64 },
    /// `stage pre_purchase when …` — the first matching stage rule places the contact.
    Stage { stage: String, when: Condition },
    /// `outcome hired when …` — the first matching outcome rule gives the decision's outcome.
    Outcome { outcome: String, when: Condition },
    /// `advocate when …` / `detractor when …` — the first matching one gives the sentiment.
    Sentiment {
        sentiment: Sentiment,
        when: Condition,
    },
}

/// Which threshold a [`Rule::Threshold`] sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Warm,
    Hot,
    Mql,
    Sql,
}

/// Former clients' feeling about the firm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    #[default]
    None,
    Advocate,
    Detractor,
}

/// An event type in a rule: one named type, or any event at all (`any`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Any,
    Named(String),
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    /// Compares two ordered values with this operator.
    pub fn test<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
        }
    }

    /// The operator's text: `=`, `!=`, `<`, `<=`, `>`, `>=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ne => "!=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }
}

/// A literal value in a field test.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Literal {
    /// `"Closed Won"`: compared as text, ignoring case.
    Text(String),
    /// `500`: compared as a number (the field's text is read as a number).
    Number(f64),
    /// `2024-06-30`: compared as a calendar day (midnight UTC).
    Date(Time),
}

/// What a condition on a field checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "test", rename_all = "snake_case")]
pub enum FieldTest {
    /// `status = "Closed Won"`, `amount >= 5000`, `closed < 2024-01-01`.
    Compare { cmp: Cmp, value: Literal },
    /// `industry in ("Software", "IT services")`.
    In { values: Vec<Literal> },
    /// `email contains "@gmail."` (ignoring case).
    Contains { text: String },
    /// `employees range 50..500`, `created range 2024-01-01..2024-06-30` (both ends
    /// included; one end may be left out; both ends are the same kind).
    Range {
        from: Option<Literal>,
        to: Option<Literal>,
    },
    /// `nps missing`: the field is empty or absent.
    Missing,
    /// `nps present`.
    Present,
    /// `closed within 180d`: a date field within the last N days before the as-of time.
    Within { days: u32 },
}

/// Which of a contact's events a recency condition looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Which {
    First,
    Last,
}

/// When the first or last event must have happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "when", content = "value", rename_all = "snake_case")]
pub enum EventTime {
    /// Within the last N days before the as-of time.
    Within(u32),
    /// Strictly before midnight UTC of that day.
    Before(Time),
    /// On or after midnight UTC of the day after that day (i.e. after that day).
    After(Time),
}

/// A score a condition can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Fit + engagement.
    Score,
    Fit,
    Engagement,
}

/// A condition: tests on fields, events, the score and the placed stage, combined with
/// `and`, `or`, `not` and parentheses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Condition {
    /// All hold (two or more parts).
    And {
        all: Vec<Condition>,
    },
    /// One holds (two or more parts).
    Or {
        any: Vec<Condition>,
    },
    Not {
        not: Box<Condition>,
    },
    /// A test on a field named as in `Dataset::field` (built-ins or a kept column).
    Field {
        field: String,
        test: FieldTest,
    },
    /// `count "email_click" >= 3 within 30d`: the number of events of a type (before the
    /// as-of time, and within the window when given).
    Count {
        event: EventType,
        cmp: Cmp,
        count: u32,
        within_days: Option<u32>,
    },
    /// `last "demo_request" within 14d`, `first "visit" before 2024-01-01`: false when the
    /// contact has no such event.
    Recency {
        which: Which,
        event: EventType,
        time: EventTime,
    },
    /// `score >= 40`, `fit < 0`, `engagement >= 10`.
    Score {
        measure: Measure,
        cmp: Cmp,
        value: f64,
    },
    /// `at former_client`: the contact's stage (from the stage rules) is this one. Always false
    /// inside stage rules themselves, which run before the stage is known.
    AtStage {
        stage: String,
    },
}
