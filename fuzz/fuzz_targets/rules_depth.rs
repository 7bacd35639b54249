//! Deeply nested rule text: the input bytes drive a small stack machine that builds conditions
//! from known-good atoms with `not`, parentheses and long `and` / `or` chains (up to well past
//! `MAX_DEPTH` levels), mixed with raw fuzzer bytes, on several rule lines; the text goes
//! through `RuleSet::parse`.
//!
//! Always: no panic (no stack overflow); an accepted rule set prints (`Display`) to text that
//! parses to the same rule set and prints the same again; `classify` on a small dataset gives
//! one placement per contact, totals that add up, and the same placement as `explain`.
//!
//! When the text is made of the generator's own pieces only (no raw bytes), the parser is held
//! to an exact answer:
//! * it accepts the text exactly when no line nests deeper than `MAX_DEPTH`, and otherwise
//!   fails with `TooDeep` at the line and column of the first `(` / `not` past the limit;
//! * what it accepts is the rule set the generator built (the same tree of `and`, `or` and
//!   `not` over the same atoms, parentheses gone);
//! * each condition, used as a stage rule, places exactly the contacts for which the
//!   generator's tree, evaluated on the atoms' own results, is true.

#![no_main]

use std::sync::OnceLock;

use journey_mapper::domain::dataset::{Dataset, DatasetBuilder, Shape, Time, DAY};
use journey_mapper::domain::rules::{
    classify, explain, Condition, Rule, RuleErrorKind, RuleSet, Sentiment, MAX_DEPTH,
};
use libfuzzer_sys::fuzz_target;

/// As-of time: day 100 (1970-04-11).
const AS_OF: Time = 100 * DAY;

/// Conditions that parse on their own and cover every kind of atom.
const ATOMS: &[&str] = &[
    r#"status = "closed won""#,
    r#"status != "Closed Won""#,
    r#"industry in ("software", "Retail")"#,
    r#"email contains "@gmail.""#,
    "employees range 50..500",
    "employees >= 20",
    "amount = 5000",
    "created within 60d",
    "created range 1970-02-01..1970-02-10",
    "lost_reason missing",
    "nps present",
    r#"count "visit" >= 3"#,
    "count any >= 1 within 10d",
    r#"last "email_click" within 30d"#,
    r#"first "visit" before 1970-02-01"#,
    "last any after 1970-04-09",
    "score >= 0",
    "fit < 1",
    "engagement > -1.5",
    "at yes",
    r#"field "not" missing"#,
    r#"field "and" present"#,
];

/// How a line starts (`None`: a comment or blank line, no condition).
const PREFIXES: &[&str] = &[
    "stage yes when ",
    "fit +10 when ",
    "fit -2.5 when ",
    r#"outcome "won it" when "#,
    "advocate when ",
    "detractor when ",
];

fn prefix_rule(prefix: usize, when: Condition) -> Rule {
    match prefix {
        0 => Rule::Stage {
            stage: "yes".into(),
            when,
        },
        1 => Rule::Fit { points: 10.0, when },
        2 => Rule::Fit { points: -2.5, when },
        3 => Rule::Outcome {
            outcome: "won it".into(),
            when,
        },
        4 => Rule::Sentiment {
            sentiment: Sentiment::Advocate,
            when,
        },
        _ => Rule::Sentiment {
            sentiment: Sentiment::Detractor,
            when,
        },
    }
}

/// The dataset of the rules engine's unit tests (src/domain/rules/tests.rs).
fn people() -> Dataset {
    let fields = ["industry", "employees", "email", "nps", "lost_reason"]
        .map(String::from)
        .to_vec();
    let mut b = DatasetBuilder::new(Shape::Records, fields);
    let s = |v: &str| Some(v.to_owned());
    let ann = b.contact("ann");
    let acme = b.account("acme");
    let beta = b.account("beta");
    let gamma = b.account("gamma");
    {
        let c = b.contact_mut(ann);
        c.status = s("Closed Won");
        c.account = Some(acme);
        c.amount = Some(5000.0);
        c.dates.created = Some(40 * DAY);
        c.extra = vec![s("Software"), s("120"), s("ann@acme.com"), s("10"), None];
    }
    let bob = b.contact("bob");
    {
        let c = b.contact_mut(bob);
        c.status = s("Closed Lost");
        c.account = Some(acme);
        c.extra = vec![s("retail"), s("20"), s("Bob@GMAIL.com"), None, s("timing")];
    }
    let cat = b.contact("cat");
    {
        let c = b.contact_mut(cat);
        c.account = Some(beta);
        c.extra = vec![None, None, None, s("3"), s("")];
    }
    b.contact("dan");
    let eve = b.contact("eve");
    b.contact_mut(eve).account = Some(gamma);
    b.event(ann, 70 * DAY, "email_click", Some("email"), None);
    b.event(ann, 100 * DAY, "email_click", Some("email"), None);
    b.event(ann, 95 * DAY, "demo_request", None, None);
    b.event(bob, 10 * DAY, "visit", None, None);
    for d in [50, 98, 99, 120] {
        b.event(cat, d * DAY, "visit", None, None);
    }
    b.finish()
}

struct Fixture {
    data: Dataset,
    /// Each atom parsed on its own.
    conds: Vec<Condition>,
    /// Each atom's result per contact, as the only stage rule.
    truth: Vec<Vec<bool>>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let data = people();
        let mut conds = Vec::new();
        let mut truth = Vec::new();
        for atom in ATOMS {
            let set = RuleSet::parse(&format!("stage yes when {atom}"))
                .unwrap_or_else(|e| panic!("{atom}: {e:?}"));
            let Some(Rule::Stage { when, .. }) = set.rules.first() else {
                panic!("{atom}: {set:?}");
            };
            truth.push(stage_matches(&data, when.clone()));
            conds.push(when.clone());
        }
        Fixture { data, conds, truth }
    })
}

/// Which contacts a condition places as the only stage rule.
fn stage_matches(data: &Dataset, when: Condition) -> Vec<bool> {
    let set = RuleSet {
        rules: vec![Rule::Stage {
            stage: "yes".into(),
            when,
        }],
    };
    classify(data, &set, AS_OF)
        .placements
        .iter()
        .map(|p| p.stage == Some(0))
        .collect()
}

/// A condition as the generator builds it.
enum Node {
    Atom(usize),
    /// Fuzzer bytes, written as they are.
    Raw(String),
    Not(Box<Node>),
    Paren(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
}

impl Node {
    fn is_chain(&self) -> bool {
        matches!(self, Node::And(_) | Node::Or(_))
    }
}

/// The nesting the parser counts (`(` and `not`) inside a node, with the parentheses the
/// writer adds around a chain inside a chain or after `not`.
fn nesting(n: &Node) -> u32 {
    let wrapped = |c: &Node| nesting(c) + u32::from(c.is_chain());
    match n {
        Node::Atom(_) | Node::Raw(_) => 0,
        Node::Not(c) => 1 + wrapped(c),
        Node::Paren(c) => 1 + nesting(c),
        Node::And(v) | Node::Or(v) => v.iter().map(wrapped).max().unwrap_or(0),
    }
}

/// Deeper than this the generator stops wrapping (keeps its own recursion small).
const CAP: u32 = 3 * MAX_DEPTH;

/// Writes a node's text. `depth` is the nesting around it; `over` gets the column (1-based,
/// in characters of the line) of the first `(` / `not` that opens a level past `MAX_DEPTH`.
struct Writer {
    line: String,
    chars: u32,
    over: Option<u32>,
    pure: bool,
}

impl Writer {
    fn push(&mut self, s: &str) {
        self.line.push_str(s);
        self.chars += s.chars().count() as u32;
    }

    fn open(&mut self, level: u32, s: &str) {
        if level > MAX_DEPTH && self.over.is_none() {
            self.over = Some(self.chars + 1);
        }
        self.push(s);
    }

    /// A node where a chain needs parentheses (inside a chain, after `not`).
    fn part(&mut self, n: &Node, depth: u32) {
        if n.is_chain() {
            self.open(depth + 1, "(");
            self.node(n, depth + 1);
            self.push(")");
        } else {
            self.node(n, depth);
        }
    }

    fn node(&mut self, n: &Node, depth: u32) {
        match n {
            Node::Atom(i) => self.push(ATOMS[*i]),
            Node::Raw(s) => {
                self.pure = false;
                self.push(s);
            }
            Node::Not(c) => {
                self.open(depth + 1, "not ");
                self.part(c, depth + 1);
            }
            Node::Paren(c) => {
                self.open(depth + 1, "(");
                self.node(c, depth + 1);
                self.push(")");
            }
            Node::And(v) | Node::Or(v) => {
                let joiner = if matches!(n, Node::And(_)) {
                    " and "
                } else {
                    " or "
                };
                for (i, c) in v.iter().enumerate() {
                    if i > 0 {
                        self.push(joiner);
                    }
                    self.part(c, depth);
                }
            }
        }
    }
}

/// The condition the parser should read for a (pure) node.
fn expected(n: &Node, f: &Fixture) -> Condition {
    match n {
        Node::Atom(i) => f.conds[*i].clone(),
        Node::Raw(_) => unreachable!("raw text has no expected condition"),
        Node::Not(c) => Condition::Not {
            not: Box::new(expected(c, f)),
        },
        Node::Paren(c) => expected(c, f),
        Node::And(v) => Condition::And {
            all: v.iter().map(|c| expected(c, f)).collect(),
        },
        Node::Or(v) => Condition::Or {
            any: v.iter().map(|c| expected(c, f)).collect(),
        },
    }
}

/// The node's truth for contact `k`, from the atoms' own results.
fn truth(n: &Node, f: &Fixture, k: usize) -> bool {
    match n {
        Node::Atom(i) => f.truth[*i][k],
        Node::Raw(_) => unreachable!(),
        Node::Not(c) => !truth(c, f, k),
        Node::Paren(c) => truth(c, f, k),
        Node::And(v) => v.iter().all(|c| truth(c, f, k)),
        Node::Or(v) => v.iter().any(|c| truth(c, f, k)),
    }
}

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn next(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn byte(&mut self) -> u8 {
        self.next().unwrap_or(0)
    }

    fn raw(&mut self, len: usize) -> String {
        let n = len.min(self.0.len());
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        String::from_utf8_lossy(s).into_owned()
    }
}

/// One line of the generated text.
enum Line {
    Rule { prefix: usize, root: Node },
    /// A comment or blank line of the generator's own.
    Plain(&'static str),
    /// Fuzzer bytes as a whole line.
    Raw(String),
}

/// Stack entries: a node and its nesting.
type Stack = Vec<(Node, u32)>;

fn combine(stack: &mut Stack, and: bool) {
    let Some((b, db)) = stack.pop() else { return };
    let Some((a, da)) = stack.pop() else {
        stack.push((b, db));
        return;
    };
    let db = db + u32::from(b.is_chain());
    if db.max(da + u32::from(a.is_chain())) > CAP {
        // Too deep for the generator: drop the newer part.
        stack.push((a, da));
        return;
    }
    let node = match (a, and) {
        (Node::And(mut v), true) => {
            v.push(b);
            (Node::And(v), da.max(db))
        }
        (Node::Or(mut v), false) => {
            v.push(b);
            (Node::Or(v), da.max(db))
        }
        (a, and) => {
            let da = da + u32::from(a.is_chain());
            let v = vec![a, b];
            (if and { Node::And(v) } else { Node::Or(v) }, da.max(db))
        }
    };
    stack.push(node);
}

fn wrap(stack: &mut Stack, not: bool) {
    let Some((n, d)) = stack.pop() else {
        stack.push((Node::Atom(0), 0));
        return;
    };
    if d >= CAP {
        stack.push((n, d));
        return;
    }
    let node = if not {
        let d = 1 + d + u32::from(n.is_chain());
        (Node::Not(Box::new(n)), d)
    } else {
        (Node::Paren(Box::new(n)), 1 + d)
    };
    stack.push(node);
}

/// Folds what is on the stack into one condition (`and` or `or` by `mode`).
fn finish(stack: &mut Stack, mode: u8) -> Option<Node> {
    while stack.len() > 1 {
        combine(stack, mode & 1 == 0);
    }
    stack.pop().map(|(n, _)| n)
}

fn generate(data: &[u8]) -> Vec<Line> {
    let mut bytes = Bytes(data);
    let mut lines = Vec::new();
    let mut stack: Stack = Vec::new();
    while let Some(op) = bytes.next() {
        match op % 16 {
            0..=4 => {
                let i = usize::from(bytes.byte()) % ATOMS.len();
                stack.push((Node::Atom(i), 0));
            }
            5 | 6 => wrap(&mut stack, true),
            7 | 8 => wrap(&mut stack, false),
            9 | 10 => combine(&mut stack, true),
            11 => combine(&mut stack, false),
            12 => {
                // Many levels at once: enough to cross MAX_DEPTH in a few bytes.
                let levels = bytes.byte() % 80;
                let kind = bytes.byte();
                for l in 0..levels {
                    let not = match kind % 3 {
                        0 => true,
                        1 => false,
                        _ => l % 2 == 0,
                    };
                    wrap(&mut stack, not);
                }
            }
            13 => {
                let len = usize::from(bytes.byte() % 16);
                let raw = bytes.raw(len);
                stack.push((Node::Raw(raw), 0));
            }
            14 => {
                let mode = bytes.byte();
                let prefix = usize::from(mode >> 1) % PREFIXES.len();
                if let Some(root) = finish(&mut stack, mode) {
                    lines.push(Line::Rule { prefix, root });
                }
            }
            _ => {
                let what = bytes.byte();
                match what % 4 {
                    0 => lines.push(Line::Plain("# nested conditions")),
                    1 => lines.push(Line::Plain("")),
                    2 => lines.push(Line::Plain("warm at 20")),
                    _ => {
                        let len = usize::from(bytes.byte() % 32);
                        lines.push(Line::Raw(bytes.raw(len)));
                    }
                }
            }
        }
    }
    if let Some(root) = finish(&mut stack, 0) {
        lines.push(Line::Rule { prefix: 0, root });
    }
    lines
}

fn check_classification(data: &Dataset, rules: &RuleSet) {
    let n = data.contacts.len();
    let c = classify(data, rules, AS_OF);
    assert_eq!(c.placements.len(), n);
    let total = |v: &[u32]| v.iter().map(|&x| x as usize).sum::<usize>();
    assert_eq!(total(&c.stage_contacts) + c.unplaced_contacts as usize, n);
    assert_eq!(total(&c.outcome_contacts) + c.no_outcome as usize, n);
    assert_eq!(total(&c.temperatures), n);
    assert_eq!(total(&c.qualifications), n);
    assert_eq!(total(&c.sentiments), n);
    for (k, p) in c.placements.iter().enumerate() {
        let e = explain(data, rules, k, AS_OF).expect("a contact has an explanation");
        assert_eq!(&e.placement, p, "explain and classify agree on contact {k}");
        assert_eq!(e.stage.as_deref(), c.stage_of(p));
        assert_eq!(e.outcome.as_deref(), c.outcome_of(p));
    }
    assert!(explain(data, rules, n, AS_OF).is_none());
}

fuzz_target!(|data: &[u8]| {
    let f = fixture();
    let lines = generate(data);
    if lines.is_empty() {
        return;
    }

    let mut text = String::new();
    let mut pure = true;
    // (line number, column) of the first level past MAX_DEPTH.
    let mut first_over: Option<(u32, u32)> = None;
    let mut line_no = 0u32;
    for line in &lines {
        if line_no > 0 {
            text.push('\n');
        }
        line_no += 1;
        match line {
            Line::Rule { prefix, root } => {
                let mut w = Writer {
                    line: String::new(),
                    chars: 0,
                    over: None,
                    pure: true,
                };
                w.push(PREFIXES[*prefix]);
                w.node(root, 0);
                assert_eq!(w.over.is_some(), nesting(root) > MAX_DEPTH);
                pure &= w.pure;
                if let (None, Some(col)) = (first_over, w.over) {
                    first_over = Some((line_no, col));
                }
                text.push_str(&w.line);
            }
            Line::Plain(s) => text.push_str(s),
            Line::Raw(s) => {
                pure = false;
                text.push_str(s);
            }
        }
    }

    let parsed = RuleSet::parse(&text);

    if pure {
        match (&parsed, first_over) {
            (Ok(rules), None) => {
                let want: Vec<Rule> = lines
                    .iter()
                    .filter_map(|l| match l {
                        Line::Rule { prefix, root } => Some(prefix_rule(*prefix, expected(root, f))),
                        Line::Plain("") => None,
                        Line::Plain(s) if s.starts_with('#') => Some(Rule::Comment {
                            text: s[1..].to_owned(),
                        }),
                        Line::Plain(s) => Some(RuleSet::parse(s).unwrap().rules.remove(0)),
                        Line::Raw(_) => unreachable!(),
                    })
                    .collect();
                assert_eq!(rules.rules, want, "the parser reads the generator's tree\n{text}");
                // Each condition placed as the only stage rule: the generator's truth.
                for l in &lines {
                    if let Line::Rule { root, .. } = l {
                        let got = stage_matches(&f.data, expected(root, f));
                        let want: Vec<bool> =
                            (0..f.data.contacts.len()).map(|k| truth(root, f, k)).collect();
                        assert_eq!(got, want, "evaluation of\n{text}");
                    }
                }
            }
            (Err(e), Some((line, column))) => {
                assert_eq!(
                    (e.line, e.column, &e.kind),
                    (line, column, &RuleErrorKind::TooDeep { limit: MAX_DEPTH }),
                    "\n{text}"
                );
            }
            (r, over) => panic!("parse {r:?}, first level past the limit {over:?}\n{text}"),
        }
    }

    if let Ok(rules) = parsed {
        let printed = rules.to_string();
        let again = RuleSet::parse(&printed)
            .unwrap_or_else(|e| panic!("printed rules parse: {e:?}\n{printed}"));
        assert_eq!(again, rules, "print/parse round trip\n{printed}");
        assert_eq!(again.to_string(), printed, "printing is stable");
        check_classification(&f.data, &rules);
    }
});
