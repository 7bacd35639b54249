//! The text form of a [`RuleSet`]: a line-based parser with errors that point at a line and
//! column, and a printer ([`std::fmt::Display`]) that writes the canonical text.
//!
//! Printing a parsed rule set and parsing it again gives an equal rule set, and printing that
//! gives the same text. Hand-written rather than a parser-generator crate: the language is one
//! rule per line with a dozen keywords, and a small recursive-descent parser gives the exact
//! typed errors (line, column, what was expected, what was found) the UI translates.

use std::fmt;

use thiserror::Error;

use super::model::*;
use crate::domain::dataset::{format_date, time_from_date, Time};

/// A parse error: where (1-based line and column, in characters) and what.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("rules: line {line}, column {column}: {kind:?}")]
pub struct RuleError {
    pub line: u32,
    pub column: u32,
    pub kind: RuleErrorKind,
}

/// What went wrong, with the values a translated message needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleErrorKind {
    /// A character that starts no token (`@`, `;` …).
    UnexpectedChar(char),
    /// A `"` with no closing `"` on the same line.
    UnterminatedString,
    /// A number too large for its place (points beyond ±1e15, counts and days beyond u32).
    NumberTooLarge(String),
    /// `YYYY-MM-DD` that is no calendar day.
    BadDate(String),
    /// The first word of a line is no rule keyword.
    UnknownRule(String),
    /// Something else was found where `expected` was needed; `found` is the token's text, or
    /// `None` at the end of the line.
    Expected {
        expected: Expected,
        found: Option<String>,
    },
    /// `range` with a number at one end and a date at the other, or text at either end.
    RangeKinds,
    /// `range ..` with neither end.
    EmptyRange,
    /// `<`, `<=`, `>`, `>=` against text.
    OrderOnText,
    /// Parentheses or `not` nested deeper than [`MAX_DEPTH`]: the column is where the level
    /// past the limit opens.
    TooDeep { limit: u32 },
}

/// How deep parentheses and `not` may nest in one condition. Far beyond what a person writes;
/// it keeps the parser, the compiler, the evaluator and the printer (all recursive) from
/// running out of stack on hostile text.
pub const MAX_DEPTH: u32 = 64;

/// What the parser was looking for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `+10`, `-5` after `fit` or `engage`.
    Points,
    /// A number (`at 20`, `score >= 40`).
    Number,
    /// A whole number (`count … >= 3`).
    WholeNumber,
    /// `30d`.
    Days,
    /// `"email_click"` or `any`.
    EventType,
    /// A stage or outcome id.
    Id,
    /// A quoted text.
    Text,
    /// A field name.
    Field,
    /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
    Comparison,
    /// A literal: text, number or date.
    Value,
    /// A date `YYYY-MM-DD`.
    Date,
    /// The start of a condition.
    Condition,
    /// What may follow a field name: a comparison, `in`, `contains`, `range`, `missing`,
    /// `present`, `within`.
    FieldTest,
    /// `within`, `before` or `after` after `first`/`last` and the event type.
    EventTime,
    /// A keyword, e.g. `when`, `per`, `at`, `..`.
    Keyword(&'static str),
    /// `,` or `)` in a list.
    CommaOrParen,
    /// `)`.
    CloseParen,
    /// The end of the line.
    EndOfLine,
}

// ----------------------------------------------------------------------------------------
// Lexer

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Num { value: f64, text: String },
    Date(Time),
    Days(u32),
    Op(Cmp),
    LParen,
    RParen,
    Comma,
    DotDot,
}

impl Tok {
    fn text(&self) -> String {
        match self {
            Tok::Word(w) => w.clone(),
            Tok::Str(s) => quote(s),
            Tok::Num { text, .. } => text.clone(),
            Tok::Date(t) => format_date(*t),
            Tok::Days(d) => format!("{d}d"),
            Tok::Op(c) => c.symbol().to_owned(),
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::Comma => ",".into(),
            Tok::DotDot => "..".into(),
        }
    }
}

fn is_word_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Largest magnitude of points, thresholds and score values: keeps every number exactly
/// printable and re-parsable.
const MAX_NUMBER: f64 = 1e15;

fn lex(line: &str, line_no: u32) -> Result<Vec<(Tok, u32)>, RuleError> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |col: usize, kind| RuleError {
        line: line_no,
        column: col as u32 + 1,
        kind,
    };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let tok = if c == '"' {
            let mut s = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err(err(start, RuleErrorKind::UnterminatedString)),
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some('\\') if matches!(chars.get(i + 1), Some('"') | Some('\\')) => {
                        s.push(chars[i + 1]);
                        i += 2;
                    }
                    Some(&ch) => {
                        s.push(ch);
                        i += 1;
                    }
                }
            }
            Tok::Str(s)
        } else if c.is_ascii_digit()
            || ((c == '+' || c == '-') && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            // A date, a day count (`30d`) or a number.
            let is_date = c.is_ascii_digit()
                && chars.len() >= i + 10
                && chars[i..i + 4].iter().all(|d| d.is_ascii_digit())
                && chars[i + 4] == '-'
                && chars[i + 5..i + 7].iter().all(|d| d.is_ascii_digit())
                && chars[i + 7] == '-'
                && chars[i + 8..i + 10].iter().all(|d| d.is_ascii_digit());
            if is_date {
                let text: String = chars[i..i + 10].iter().collect();
                i += 10;
                let y: i32 = text[0..4].parse().unwrap_or(0);
                let m: u32 = text[5..7].parse().unwrap_or(0);
                let d: u32 = text[8..10].parse().unwrap_or(0);
                match time_from_date(y, m, d) {
                    Some(t) => Tok::Date(t),
                    None => return Err(err(start, RuleErrorKind::BadDate(text))),
                }
            } else {
                i += 1;
                while chars.get(i).is_some_and(|d| d.is_ascii_digit()) {
                    i += 1;
                }
                if chars.get(i) == Some(&'.')
                    && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                {
                    i += 1;
                    while chars.get(i).is_some_and(|d| d.is_ascii_digit()) {
                        i += 1;
                    }
                }
                let text: String = chars[start..i].iter().collect();
                if chars.get(i) == Some(&'d') && !chars.get(i + 1).is_some_and(|&d| is_word_char(d))
                {
                    i += 1;
                    if !c.is_ascii_digit() || text.contains('.') {
                        return Err(err(
                            start,
                            RuleErrorKind::Expected {
                                expected: Expected::Days,
                                found: Some(format!("{text}d")),
                            },
                        ));
                    }
                    match text.parse::<u32>() {
                        Ok(d) => Tok::Days(d),
                        Err(_) => return Err(err(start, RuleErrorKind::NumberTooLarge(text))),
                    }
                } else {
                    let value: f64 = text.parse().unwrap_or(f64::INFINITY);
                    if value.abs() > MAX_NUMBER {
                        return Err(err(start, RuleErrorKind::NumberTooLarge(text)));
                    }
                    Tok::Num { value, text }
                }
            }
        } else if is_word_start(c) {
            while chars.get(i).is_some_and(|&d| is_word_char(d)) {
                i += 1;
            }
            Tok::Word(chars[start..i].iter().collect())
        } else {
            let next = chars.get(i + 1).copied();
            let (tok, len) = match (c, next) {
                ('(', _) => (Tok::LParen, 1),
                (')', _) => (Tok::RParen, 1),
                (',', _) => (Tok::Comma, 1),
                ('.', Some('.')) => (Tok::DotDot, 2),
                ('>', Some('=')) => (Tok::Op(Cmp::Ge), 2),
                ('<', Some('=')) => (Tok::Op(Cmp::Le), 2),
                ('!', Some('=')) => (Tok::Op(Cmp::Ne), 2),
                ('>', _) => (Tok::Op(Cmp::Gt), 1),
                ('<', _) => (Tok::Op(Cmp::Lt), 1),
                ('=', _) => (Tok::Op(Cmp::Eq), 1),
                _ => return Err(err(start, RuleErrorKind::UnexpectedChar(c))),
            };
            i += len;
            tok
        };
        out.push((tok, start as u32 + 1));
    }
    Ok(out)
}

// ----------------------------------------------------------------------------------------
// Parser

/// Words that start a condition; a field with one of these names is written `field "name"`.
const CONDITION_WORDS: [&str; 10] = [
    "not",
    "score",
    "fit",
    "engagement",
    "count",
    "first",
    "last",
    "at",
    "field",
    "any",
];

struct Parser {
    toks: Vec<(Tok, u32)>,
    pos: usize,
    line: u32,
    /// Column just past the end of the line, for errors at the end.
    end_column: u32,
    /// How many parentheses and `not` enclose the condition being read.
    depth: u32,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }

    fn column(&self) -> u32 {
        self.toks.get(self.pos).map_or(self.end_column, |&(_, c)| c)
    }

    fn error(&self, kind: RuleErrorKind) -> RuleError {
        RuleError {
            line: self.line,
            column: self.column(),
            kind,
        }
    }

    fn expected(&self, expected: Expected) -> RuleError {
        self.error(RuleErrorKind::Expected {
            expected,
            found: self.peek().map(Tok::text),
        })
    }

    fn at_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if self.at_word(w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn keyword(&mut self, w: &'static str) -> Result<(), RuleError> {
        if self.eat_word(w) {
            Ok(())
        } else {
            Err(self.expected(Expected::Keyword(w)))
        }
    }

    fn end(&self) -> Result<(), RuleError> {
        if self.peek().is_none() {
            Ok(())
        } else {
            Err(self.expected(Expected::EndOfLine))
        }
    }

    fn points(&mut self) -> Result<f64, RuleError> {
        match self.peek() {
            Some(Tok::Num { value, text }) if text.starts_with(['+', '-']) => {
                let v = *value;
                self.pos += 1;
                Ok(v)
            }
            _ => Err(self.expected(Expected::Points)),
        }
    }

    fn number(&mut self) -> Result<f64, RuleError> {
        match self.peek() {
            Some(Tok::Num { value, .. }) => {
                let v = *value;
                self.pos += 1;
                Ok(v)
            }
            _ => Err(self.expected(Expected::Number)),
        }
    }

    fn whole(&mut self) -> Result<u32, RuleError> {
        match self.peek() {
            Some(Tok::Num { text, .. }) if text.bytes().all(|b| b.is_ascii_digit()) => {
                let n = text
                    .parse::<u32>()
                    .map_err(|_| self.error(RuleErrorKind::NumberTooLarge(text.clone())))?;
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.expected(Expected::WholeNumber)),
        }
    }

    fn days(&mut self) -> Result<u32, RuleError> {
        match self.peek() {
            Some(&Tok::Days(d)) => {
                self.pos += 1;
                Ok(d)
            }
            _ => Err(self.expected(Expected::Days)),
        }
    }

    fn date(&mut self) -> Result<Time, RuleError> {
        match self.peek() {
            Some(&Tok::Date(t)) => {
                self.pos += 1;
                Ok(t)
            }
            _ => Err(self.expected(Expected::Date)),
        }
    }

    fn text(&mut self) -> Result<String, RuleError> {
        match self.peek() {
            Some(Tok::Str(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.expected(Expected::Text)),
        }
    }

    fn id(&mut self) -> Result<String, RuleError> {
        match self.peek() {
            Some(Tok::Word(s)) | Some(Tok::Str(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.expected(Expected::Id)),
        }
    }

    fn cmp(&mut self) -> Result<Cmp, RuleError> {
        match self.peek() {
            Some(&Tok::Op(c)) => {
                self.pos += 1;
                Ok(c)
            }
            _ => Err(self.expected(Expected::Comparison)),
        }
    }

    fn event_type(&mut self) -> Result<EventType, RuleError> {
        match self.peek() {
            Some(Tok::Str(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(EventType::Named(s))
            }
            Some(Tok::Word(w)) if w == "any" => {
                self.pos += 1;
                Ok(EventType::Any)
            }
            _ => Err(self.expected(Expected::EventType)),
        }
    }

    fn literal(&mut self) -> Result<Literal, RuleError> {
        let lit = match self.peek() {
            Some(Tok::Str(s)) => Literal::Text(s.clone()),
            Some(&Tok::Num { value, .. }) => Literal::Number(value),
            Some(&Tok::Date(t)) => Literal::Date(t),
            _ => return Err(self.expected(Expected::Value)),
        };
        self.pos += 1;
        Ok(lit)
    }

    fn rule(&mut self) -> Result<Rule, RuleError> {
        let Some(Tok::Word(word)) = self.peek().cloned() else {
            return Err(self.error(RuleErrorKind::UnknownRule(
                self.peek().map(Tok::text).unwrap_or_default(),
            )));
        };
        self.pos += 1;
        let rule = match word.as_str() {
            "fit" => {
                let points = self.points()?;
                self.keyword("when")?;
                Rule::Fit {
                    points,
                    when: self.condition()?,
                }
            }
            "engage" => {
                let points = self.points()?;
                self.keyword("per")?;
                let event = self.event_type()?;
                let half_life_days = if self.eat_word("half-life") {
                    Some(self.days()?)
                } else {
                    None
                };
                let within_days = if self.eat_word("within") {
                    Some(self.days()?)
                } else {
                    None
                };
                Rule::Engage {
                    points,
                    event,
                    half_life_days,
                    within_days,
                }
            }
            "warm" | "hot" | "mql" | "sql" => {
                let level = match word.as_str() {
                    "warm" => Level::Warm,
                    "hot" => Level::Hot,
                    "mql" => Level::Mql,
                    _ => Level::Sql,
                };
                self.keyword("at")?;
                Rule::Threshold {
                    level,
                    at: self.number()?,
                }
            }
            "stage" => {
                let stage = self.id()?;
                self.keyword("when")?;
                Rule::Stage {
                    stage,
                    when: self.condition()?,
                }
            }
            "outcome" => {
                let outcome = self.id()?;
                self.keyword("when")?;
                Rule::Outcome {
                    outcome,
                    when: self.condition()?,
                }
            }
            "advocate" | "detractor" => {
                self.keyword("when")?;
                Rule::Sentiment {
                    sentiment: if word == "advocate" {
                        Sentiment::Advocate
                    } else {
                        Sentiment::Detractor
                    },
                    when: self.condition()?,
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.error(RuleErrorKind::UnknownRule(word)));
            }
        };
        self.end()?;
        Ok(rule)
    }

    fn condition(&mut self) -> Result<Condition, RuleError> {
        let first = self.conjunction()?;
        if !self.at_word("or") {
            return Ok(first);
        }
        let mut any = vec![first];
        while self.eat_word("or") {
            any.push(self.conjunction()?);
        }
        Ok(Condition::Or { any })
    }

    fn conjunction(&mut self) -> Result<Condition, RuleError> {
        let first = self.unary()?;
        if !self.at_word("and") {
            return Ok(first);
        }
        let mut all = vec![first];
        while self.eat_word("and") {
            all.push(self.unary()?);
        }
        Ok(Condition::And { all })
    }

    /// Reads `f` one nesting level deeper; past [`MAX_DEPTH`] it is an error at the token that
    /// opens the level.
    fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, RuleError>,
    ) -> Result<T, RuleError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(RuleErrorKind::TooDeep { limit: MAX_DEPTH }));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn unary(&mut self) -> Result<Condition, RuleError> {
        match self.peek() {
            Some(Tok::LParen) => self.nested(|p| {
                p.pos += 1;
                let c = p.condition()?;
                if p.peek() != Some(&Tok::RParen) {
                    return Err(p.expected(Expected::CloseParen));
                }
                p.pos += 1;
                Ok(c)
            }),
            Some(Tok::Word(w)) if w == "not" => self.nested(|p| {
                p.pos += 1;
                Ok(Condition::Not {
                    not: Box::new(p.unary()?),
                })
            }),
            Some(Tok::Word(w)) => {
                let w = w.clone();
                self.pos += 1;
                match w.as_str() {
                    "score" | "fit" | "engagement" => {
                        let measure = match w.as_str() {
                            "score" => Measure::Score,
                            "fit" => Measure::Fit,
                            _ => Measure::Engagement,
                        };
                        let cmp = self.cmp()?;
                        Ok(Condition::Score {
                            measure,
                            cmp,
                            value: self.number()?,
                        })
                    }
                    "count" => {
                        let event = self.event_type()?;
                        let cmp = self.cmp()?;
                        let count = self.whole()?;
                        let within_days = if self.eat_word("within") {
                            Some(self.days()?)
                        } else {
                            None
                        };
                        Ok(Condition::Count {
                            event,
                            cmp,
                            count,
                            within_days,
                        })
                    }
                    "first" | "last" => {
                        let which = if w == "first" {
                            Which::First
                        } else {
                            Which::Last
                        };
                        let event = self.event_type()?;
                        let time = if self.eat_word("within") {
                            EventTime::Within(self.days()?)
                        } else if self.eat_word("before") {
                            EventTime::Before(self.date()?)
                        } else if self.eat_word("after") {
                            EventTime::After(self.date()?)
                        } else {
                            return Err(self.expected(Expected::EventTime));
                        };
                        Ok(Condition::Recency { which, event, time })
                    }
                    "at" => Ok(Condition::AtStage { stage: self.id()? }),
                    "field" => {
                        let field = match self.peek() {
                            Some(Tok::Word(s)) | Some(Tok::Str(s)) => s.clone(),
                            _ => return Err(self.expected(Expected::Field)),
                        };
                        self.pos += 1;
                        self.field_test(field)
                    }
                    "any" | "and" | "or" => {
                        self.pos -= 1;
                        Err(self.expected(Expected::Condition))
                    }
                    _ => self.field_test(w),
                }
            }
            _ => Err(self.expected(Expected::Condition)),
        }
    }

    fn field_test(&mut self, field: String) -> Result<Condition, RuleError> {
        let test = match self.peek() {
            Some(&Tok::Op(cmp)) => {
                self.pos += 1;
                let col = self.column();
                let value = self.literal()?;
                if matches!(value, Literal::Text(_)) && !matches!(cmp, Cmp::Eq | Cmp::Ne) {
                    return Err(RuleError {
                        line: self.line,
                        column: col,
                        kind: RuleErrorKind::OrderOnText,
                    });
                }
                FieldTest::Compare { cmp, value }
            }
            Some(Tok::Word(w)) => {
                let w = w.clone();
                self.pos += 1;
                match w.as_str() {
                    "in" => {
                        if self.peek() != Some(&Tok::LParen) {
                            return Err(self.expected(Expected::Keyword("(")));
                        }
                        self.pos += 1;
                        let mut values = vec![self.literal()?];
                        loop {
                            match self.peek() {
                                Some(Tok::Comma) => {
                                    self.pos += 1;
                                    values.push(self.literal()?);
                                }
                                Some(Tok::RParen) => {
                                    self.pos += 1;
                                    break;
                                }
                                _ => return Err(self.expected(Expected::CommaOrParen)),
                            }
                        }
                        FieldTest::In { values }
                    }
                    "contains" => FieldTest::Contains { text: self.text()? },
                    "range" => self.range()?,
                    "missing" => FieldTest::Missing,
                    "present" => FieldTest::Present,
                    "within" => FieldTest::Within { days: self.days()? },
                    _ => {
                        self.pos -= 1;
                        return Err(self.expected(Expected::FieldTest));
                    }
                }
            }
            _ => return Err(self.expected(Expected::FieldTest)),
        };
        Ok(Condition::Field { field, test })
    }

    fn range(&mut self) -> Result<FieldTest, RuleError> {
        let start_col = self.column();
        let bound = |p: &mut Parser| -> Option<Literal> {
            let lit = match p.peek() {
                Some(&Tok::Num { value, .. }) => Literal::Number(value),
                Some(&Tok::Date(t)) => Literal::Date(t),
                _ => return None,
            };
            p.pos += 1;
            Some(lit)
        };
        let from = bound(self);
        if self.peek() != Some(&Tok::DotDot) {
            return Err(self.expected(if from.is_some() {
                Expected::Keyword("..")
            } else {
                Expected::Value
            }));
        }
        self.pos += 1;
        let to = bound(self);
        let kinds_match = match (&from, &to) {
            (Some(a), Some(b)) => std::mem::discriminant(a) == std::mem::discriminant(b),
            (None, None) => {
                return Err(RuleError {
                    line: self.line,
                    column: start_col,
                    kind: RuleErrorKind::EmptyRange,
                })
            }
            _ => true,
        };
        if !kinds_match {
            return Err(RuleError {
                line: self.line,
                column: start_col,
                kind: RuleErrorKind::RangeKinds,
            });
        }
        Ok(FieldTest::Range { from, to })
    }
}

impl RuleSet {
    /// Parses the text form: one rule per line, `#` comment lines, blank lines ignored.
    /// Stops at the first error.
    pub fn parse(text: &str) -> Result<RuleSet, RuleError> {
        let mut rules = Vec::new();
        for (n, raw) in text.split('\n').enumerate() {
            let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let trimmed = line.trim_start();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(comment) = trimmed.strip_prefix('#') {
                rules.push(Rule::Comment {
                    text: comment.trim_end().to_owned(),
                });
                continue;
            }
            let toks = lex(line, line_no)?;
            let mut p = Parser {
                toks,
                pos: 0,
                line: line_no,
                end_column: line.chars().count() as u32 + 1,
                depth: 0,
            };
            rules.push(p.rule()?);
        }
        Ok(RuleSet { rules })
    }
}

// ----------------------------------------------------------------------------------------
// Printer

/// `"text"` with `"` and `\` escaped.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn is_plain_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_word_start) && chars.all(is_word_char)
}

/// An id as written after `stage`, `outcome` or `at`: bare when it is a plain word.
fn id_text(s: &str) -> String {
    if is_plain_word(s) {
        s.to_owned()
    } else {
        quote(s)
    }
}

/// A field name: bare when it is a plain word that does not start another condition.
fn field_text(s: &str) -> String {
    if is_plain_word(s) && !CONDITION_WORDS.contains(&s) && !matches!(s, "and" | "or") {
        s.to_owned()
    } else {
        format!("field {}", id_text(s))
    }
}

fn number_text(v: f64) -> String {
    format!("{v}")
}

fn points_text(v: f64) -> String {
    if v.is_sign_negative() {
        format!("-{}", -v)
    } else {
        format!("+{v}")
    }
}

fn event_text(e: &EventType) -> String {
    match e {
        EventType::Any => "any".into(),
        EventType::Named(s) => quote(s),
    }
}

fn literal_text(l: &Literal) -> String {
    match l {
        Literal::Text(s) => quote(s),
        Literal::Number(v) => number_text(*v),
        Literal::Date(t) => format_date(*t),
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |c: &Condition, f: &mut fmt::Formatter<'_>| match c {
            Condition::And { .. } | Condition::Or { .. } => write!(f, "({c})"),
            _ => write!(f, "{c}"),
        };
        match self {
            Condition::And { all } | Condition::Or { any: all } => {
                let joiner = if matches!(self, Condition::And { .. }) {
                    " and "
                } else {
                    " or "
                };
                for (i, c) in all.iter().enumerate() {
                    if i > 0 {
                        f.write_str(joiner)?;
                    }
                    part(c, f)?;
                }
                Ok(())
            }
            Condition::Not { not } => {
                f.write_str("not ")?;
                part(not, f)
            }
            Condition::Field { field, test } => {
                write!(f, "{} ", field_text(field))?;
                match test {
                    FieldTest::Compare { cmp, value } => {
                        write!(f, "{} {}", cmp.symbol(), literal_text(value))
                    }
                    FieldTest::In { values } => {
                        let list: Vec<String> = values.iter().map(literal_text).collect();
                        write!(f, "in ({})", list.join(", "))
                    }
                    FieldTest::Contains { text } => write!(f, "contains {}", quote(text)),
                    FieldTest::Range { from, to } => write!(
                        f,
                        "range {}..{}",
                        from.as_ref().map(literal_text).unwrap_or_default(),
                        to.as_ref().map(literal_text).unwrap_or_default()
                    ),
                    FieldTest::Missing => f.write_str("missing"),
                    FieldTest::Present => f.write_str("present"),
                    FieldTest::Within { days } => write!(f, "within {days}d"),
                }
            }
            Condition::Count {
                event,
                cmp,
                count,
                within_days,
            } => {
                write!(f, "count {} {} {count}", event_text(event), cmp.symbol())?;
                if let Some(d) = within_days {
                    write!(f, " within {d}d")?;
                }
                Ok(())
            }
            Condition::Recency { which, event, time } => {
                let w = match which {
                    Which::First => "first",
                    Which::Last => "last",
                };
                write!(f, "{w} {} ", event_text(event))?;
                match time {
                    EventTime::Within(d) => write!(f, "within {d}d"),
                    EventTime::Before(t) => write!(f, "before {}", format_date(*t)),
                    EventTime::After(t) => write!(f, "after {}", format_date(*t)),
                }
            }
            Condition::Score {
                measure,
                cmp,
                value,
            } => {
                let m = match measure {
                    Measure::Score => "score",
                    Measure::Fit => "fit",
                    Measure::Engagement => "engagement",
                };
                write!(f, "{m} {} {}", cmp.symbol(), number_text(*value))
            }
            Condition::AtStage { stage } => write!(f, "at {}", id_text(stage)),
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Comment { text } => write!(f, "#{text}"),
            Rule::Fit { points, when } => write!(f, "fit {} when {when}", points_text(*points)),
            Rule::Engage {
                points,
                event,
                half_life_days,
                within_days,
            } => {
                write!(
                    f,
                    "engage {} per {}",
                    points_text(*points),
                    event_text(event)
                )?;
                if let Some(d) = half_life_days {
                    write!(f, " half-life {d}d")?;
                }
                if let Some(d) = within_days {
                    write!(f, " within {d}d")?;
                }
                Ok(())
            }
            Rule::Threshold { level, at } => {
                let l = match level {
                    Level::Warm => "warm",
                    Level::Hot => "hot",
                    Level::Mql => "mql",
                    Level::Sql => "sql",
                };
                write!(f, "{l} at {}", number_text(*at))
            }
            Rule::Stage { stage, when } => write!(f, "stage {} when {when}", id_text(stage)),
            Rule::Outcome { outcome, when } => {
                write!(f, "outcome {} when {when}", id_text(outcome))
            }
            Rule::Sentiment { sentiment, when } => {
                let s = match sentiment {
                    Sentiment::Detractor => "detractor",
                    _ => "advocate",
                };
                write!(f, "{s} when {when}")
            }
        }
    }
}

impl fmt::Display for RuleSet {
    /// The canonical text: one rule per line, each line ending in `\n`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.rules {
            writeln!(f, "{r}")?;
        }
        Ok(())
    }
}
