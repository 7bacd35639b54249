//! The rule form of the data page: one rule from a few fields a marketer fills in, checked and
//! turned into a [`Rule`]; and the list operations (move, remove, add) on a rule set.
//!
//! The form covers the common shapes (one field test per rule); anything richer is written in
//! the text form, which the same page edits.

use super::dataset::time_from_date;
use super::rules::{
    Cmp, Condition, EventType, FieldTest, Level, Literal, Rule, RuleSet, Sentiment,
};

/// Which kind of rule the form makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Stage,
    Fit,
    Engage,
    Threshold,
    Outcome,
    Sentiment,
}

impl RuleKind {
    pub const ALL: [RuleKind; 6] = [
        RuleKind::Stage,
        RuleKind::Fit,
        RuleKind::Engage,
        RuleKind::Threshold,
        RuleKind::Outcome,
        RuleKind::Sentiment,
    ];

    /// Whether the rule has a field condition.
    pub fn has_condition(self) -> bool {
        !matches!(self, RuleKind::Engage | RuleKind::Threshold)
    }
}

/// The test of the form's one field condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestKind {
    Equals,
    /// One of comma-separated values.
    In,
    Contains,
    /// `min..max`, either end may be empty.
    Range,
    Missing,
    Present,
}

impl TestKind {
    pub const ALL: [TestKind; 6] = [
        TestKind::Equals,
        TestKind::In,
        TestKind::Contains,
        TestKind::Range,
        TestKind::Missing,
        TestKind::Present,
    ];

    /// Whether the test needs a value.
    pub fn needs_value(self) -> bool {
        !matches!(self, TestKind::Missing | TestKind::Present)
    }
}

/// What the user typed and picked, as text, before it is checked.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleForm {
    pub kind: RuleKind,
    /// The stage or outcome id (stage and outcome rules).
    pub target: String,
    pub level: Level,
    pub sentiment: Sentiment,
    /// Fit and engagement points, e.g. `10` or `-5`.
    pub points: String,
    /// Event type of an engagement rule; empty means any event.
    pub event: String,
    /// Half-life in days of an engagement rule; empty or 0 means no decay.
    pub half_life: String,
    /// Threshold score.
    pub at: String,
    pub field: String,
    pub test: TestKind,
    pub value: String,
}

impl Default for RuleForm {
    fn default() -> Self {
        RuleForm {
            kind: RuleKind::Stage,
            target: String::new(),
            level: Level::Mql,
            sentiment: Sentiment::Advocate,
            points: "10".into(),
            event: String::new(),
            half_life: String::new(),
            at: "40".into(),
            field: "status".into(),
            test: TestKind::Equals,
            value: String::new(),
        }
    }
}

/// What is missing or wrong in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("choose a stage or outcome")]
    NoTarget,
    #[error("points must be a number")]
    BadPoints,
    #[error("the score must be a number")]
    BadScore,
    #[error("days must be a whole number")]
    BadDays,
    #[error("name a field")]
    NoField,
    #[error("the field name can only have letters, digits, _ and -")]
    BadField,
    #[error("enter a value")]
    NoValue,
}

impl RuleForm {
    /// The rule the form describes.
    pub fn to_rule(&self) -> Result<Rule, FormError> {
        let number = |s: &str, e| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or(e)
        };
        Ok(match self.kind {
            RuleKind::Stage => Rule::Stage {
                stage: self.target()?,
                when: self.condition()?,
            },
            RuleKind::Outcome => Rule::Outcome {
                outcome: self.target()?,
                when: self.condition()?,
            },
            RuleKind::Sentiment => Rule::Sentiment {
                sentiment: self.sentiment,
                when: self.condition()?,
            },
            RuleKind::Fit => Rule::Fit {
                points: number(&self.points, FormError::BadPoints)?,
                when: self.condition()?,
            },
            RuleKind::Threshold => Rule::Threshold {
                level: self.level,
                at: number(&self.at, FormError::BadScore)?,
            },
            RuleKind::Engage => {
                let half_life = match self.half_life.trim() {
                    "" => None,
                    s => Some(s.parse::<u32>().map_err(|_| FormError::BadDays)?).filter(|d| *d > 0),
                };
                let event = match self.event.trim() {
                    "" => EventType::Any,
                    e => EventType::Named(e.to_owned()),
                };
                Rule::Engage {
                    points: number(&self.points, FormError::BadPoints)?,
                    event,
                    half_life_days: half_life,
                    within_days: None,
                }
            }
        })
    }

    fn target(&self) -> Result<String, FormError> {
        let t = self.target.trim();
        if t.is_empty() {
            Err(FormError::NoTarget)
        } else {
            Ok(t.to_owned())
        }
    }

    fn condition(&self) -> Result<Condition, FormError> {
        let field = self.field.trim().to_lowercase();
        if field.is_empty() {
            return Err(FormError::NoField);
        }
        let word = field
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && field
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        if !word {
            return Err(FormError::BadField);
        }
        let value = self.value.trim();
        if self.test.needs_value() && value.is_empty() {
            return Err(FormError::NoValue);
        }
        let test = match self.test {
            TestKind::Equals => FieldTest::Compare {
                cmp: Cmp::Eq,
                value: literal(value),
            },
            TestKind::In => FieldTest::In {
                values: value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(literal)
                    .collect(),
            },
            TestKind::Contains => FieldTest::Contains {
                text: value.to_owned(),
            },
            TestKind::Range => {
                let (from, to) = value.split_once("..").unwrap_or((value, ""));
                let bound = |s: &str| {
                    let s = s.trim();
                    (!s.is_empty()).then(|| literal(s))
                };
                let (from, to) = (bound(from), bound(to));
                let kinds_ok = !matches!(
                    (&from, &to),
                    (None, None)
                        | (Some(Literal::Text(_)), _)
                        | (_, Some(Literal::Text(_)))
                        | (Some(Literal::Number(_)), Some(Literal::Date(_)))
                        | (Some(Literal::Date(_)), Some(Literal::Number(_)))
                );
                if !kinds_ok {
                    return Err(FormError::NoValue);
                }
                FieldTest::Range { from, to }
            }
            TestKind::Missing => FieldTest::Missing,
            TestKind::Present => FieldTest::Present,
        };
        Ok(Condition::Field { field, test })
    }
}

/// A typed value: a number, a `YYYY-MM-DD` date, or else text.
fn literal(s: &str) -> Literal {
    if let Ok(n) = s.parse::<f64>() {
        if n.is_finite() {
            return Literal::Number(n);
        }
    }
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts[..] {
        if y.len() == 4 && m.len() == 2 && d.len() == 2 {
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
                if let Some(t) = time_from_date(y, m, d) {
                    return Literal::Date(t);
                }
            }
        }
    }
    Literal::Text(s.to_owned())
}

/// Adds a rule: stage, outcome and sentiment rules go before the first rule of their kind
/// (the first match wins, so a new, specific rule must come before the catch-alls); other
/// rules go at the end.
pub fn add_rule(set: &mut RuleSet, rule: Rule) {
    let same_kind = |r: &Rule| {
        std::mem::discriminant(r) == std::mem::discriminant(&rule)
            && matches!(
                r,
                Rule::Stage { .. } | Rule::Outcome { .. } | Rule::Sentiment { .. }
            )
    };
    match set.rules.iter().position(same_kind) {
        Some(i) => set.rules.insert(i, rule),
        None => set.rules.push(rule),
    }
}

/// Moves rule `index` one place up (`up`) or down; false if it cannot move.
pub fn move_rule(set: &mut RuleSet, index: usize, up: bool) -> bool {
    let to = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1)
    };
    match to {
        Some(to) if index < set.rules.len() && to < set.rules.len() => {
            set.rules.swap(index, to);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: RuleKind) -> RuleForm {
        RuleForm {
            kind,
            target: "client_experience".into(),
            value: "Closed Won".into(),
            ..RuleForm::default()
        }
    }

    #[test]
    fn a_stage_rule_prints_as_the_text_form() {
        let rule = form(RuleKind::Stage).to_rule().unwrap();
        assert_eq!(
            rule.to_string(),
            "stage client_experience when status = \"Closed Won\""
        );
    }

    #[test]
    fn values_are_typed_numbers_dates_or_text() {
        let mut f = form(RuleKind::Fit);
        f.points = "-5".into();
        f.field = "Employees".into();
        f.test = TestKind::Range;
        f.value = "50..500".into();
        assert_eq!(
            f.to_rule().unwrap().to_string(),
            "fit -5 when employees range 50..500"
        );
        f.value = "2024-01-01..".into();
        assert_eq!(
            f.to_rule().unwrap().to_string(),
            "fit -5 when employees range 2024-01-01.."
        );
        f.value = "a..b".into();
        assert_eq!(f.to_rule(), Err(FormError::NoValue));
        f.test = TestKind::In;
        f.value = "Software, IT, 7".into();
        assert_eq!(
            f.to_rule().unwrap().to_string(),
            "fit -5 when employees in (\"Software\", \"IT\", 7)"
        );
    }

    #[test]
    fn engagement_and_thresholds() {
        let mut f = form(RuleKind::Engage);
        f.points = "3".into();
        f.event = "email_click".into();
        f.half_life = "30".into();
        assert_eq!(
            f.to_rule().unwrap().to_string(),
            "engage +3 per \"email_click\" half-life 30d"
        );
        f.half_life = "x".into();
        assert_eq!(f.to_rule(), Err(FormError::BadDays));
        let mut t = form(RuleKind::Threshold);
        t.level = Level::Sql;
        t.at = "70".into();
        assert_eq!(t.to_rule().unwrap().to_string(), "sql at 70");
        t.at = "lots".into();
        assert_eq!(t.to_rule(), Err(FormError::BadScore));
    }

    #[test]
    fn missing_parts_are_named() {
        let mut f = form(RuleKind::Stage);
        f.target = " ".into();
        assert_eq!(f.to_rule(), Err(FormError::NoTarget));
        let mut f = form(RuleKind::Outcome);
        f.field = "two words".into();
        assert_eq!(f.to_rule(), Err(FormError::BadField));
        f.field = "nps".into();
        f.value = String::new();
        assert_eq!(f.to_rule(), Err(FormError::NoValue));
        f.test = TestKind::Missing;
        assert_eq!(
            f.to_rule().unwrap().to_string(),
            "outcome client_experience when nps missing"
        );
    }

    #[test]
    fn new_stage_rules_go_before_the_catch_alls_and_rules_move() {
        let mut set = RuleSet::parse("warm at 20\nstage a when score >= 0").unwrap();
        add_rule(&mut set, form(RuleKind::Stage).to_rule().unwrap());
        let mut t = form(RuleKind::Threshold);
        t.at = "50".into();
        add_rule(&mut set, t.to_rule().unwrap());
        let text: Vec<String> = set.rules.iter().map(|r| r.to_string()).collect();
        assert_eq!(
            text,
            [
                "warm at 20",
                "stage client_experience when status = \"Closed Won\"",
                "stage a when score >= 0",
                "mql at 50"
            ]
        );
        assert!(move_rule(&mut set, 3, true));
        assert_eq!(set.rules[2].to_string(), "mql at 50");
        assert!(!move_rule(&mut set, 0, true));
        assert!(!move_rule(&mut set, 3, false));
    }
}
