//! Tests of the rules engine on a small hand-made dataset; every expected value is worked out
//! by hand in the comments.

use super::*;
use crate::domain::dataset::{Dataset, DatasetBuilder, Shape, Time, DAY};

/// As-of time: day 100 (1970-04-11).
const AS_OF: Time = 100 * DAY;

/// ann: Closed Won, Software, 120 employees, nps 10, account acme; email_click on days 70
///      and 100, demo_request on day 95; created day 40.
/// bob: Closed Lost (timing), retail, 20 employees, gmail, account acme; visit on day 10.
/// cat: no status, nps 3, account beta; visits on days 50, 98, 99 and 120 (after as-of).
/// dan: nothing.
/// eve: nothing but an account, gamma.
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

fn rules(text: &str) -> RuleSet {
    RuleSet::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

/// The keys of the contacts a condition matches (as a stage rule).
fn matching(cond: &str) -> Vec<String> {
    let data = people();
    let r = rules(&format!("stage yes when {cond}"));
    let c = classify(&data, &r, AS_OF);
    data.contacts
        .iter()
        .zip(&c.placements)
        .filter(|(_, p)| p.stage == Some(0))
        .map(|(k, _)| k.key.clone())
        .collect()
}

#[test]
fn field_tests() {
    assert_eq!(matching(r#"status = "closed won""#), ["ann"]);
    // An empty status is "not equal" too.
    assert_eq!(
        matching(r#"status != "Closed Won""#),
        ["bob", "cat", "dan", "eve"]
    );
    assert_eq!(
        matching(r#"industry in ("software", "Retail")"#),
        ["ann", "bob"]
    );
    assert_eq!(matching(r#"email contains "@gmail.""#), ["bob"]);
    assert_eq!(matching("employees range 50..500"), ["ann"]);
    assert_eq!(matching("employees range ..50"), ["bob"]);
    assert_eq!(matching("employees >= 20"), ["ann", "bob"]);
    assert_eq!(matching("amount = 5000"), ["ann"]);
    // Created on day 40 = 1970-02-10.
    assert_eq!(matching("created range 1970-02-01..1970-02-10"), ["ann"]);
    assert!(matching("created range 1970-02-11..").is_empty());
    assert_eq!(matching("created = 1970-02-10"), ["ann"]);
    // Day 40 is 60 days before day 100.
    assert_eq!(matching("created within 60d"), ["ann"]);
    assert!(matching("created within 59d").is_empty());
    // cat's lost_reason is "" which counts as missing.
    assert_eq!(
        matching("lost_reason missing"),
        ["ann", "cat", "dan", "eve"]
    );
    assert_eq!(matching("nps present"), ["ann", "cat"]);
    assert_eq!(matching("account = \"acme\""), ["ann", "bob"]);
    assert_eq!(matching("field id = \"dan\""), ["dan"]);
    // An unknown field is always missing.
    assert_eq!(matching("colour missing").len(), 5);
}

#[test]
fn event_tests() {
    // cat: days 50, 98, 99 (120 is after as-of). ann: 70, 95, 100.
    assert_eq!(matching(r#"count "visit" >= 3"#), ["cat"]);
    assert!(matching(r#"count "visit" >= 3 within 10d"#).is_empty());
    assert_eq!(matching(r#"count "visit" = 2 within 10d"#), ["cat"]);
    assert_eq!(matching("count any >= 3"), ["ann", "cat"]);
    assert_eq!(matching(r#"count "never_seen" = 0"#).len(), 5);
    assert_eq!(matching(r#"last "visit" within 1d"#), ["cat"]);
    // Before 1970-02-01 (day 31): bob's visit on day 10; cat's first is day 50.
    assert_eq!(matching(r#"first "visit" before 1970-02-01"#), ["bob"]);
    // After 1970-04-09 (day 98) means from day 99 on: ann's last click (day 100), cat's day 99.
    assert_eq!(matching(r#"last any after 1970-04-09"#), ["ann", "cat"]);
    assert_eq!(matching(r#"last "email_click" after 1970-04-09"#), ["ann"]);
    assert_eq!(matching(r#"not last any within 300d"#), ["dan", "eve"]);
}

#[test]
fn combinations_follow_precedence() {
    // and binds tighter than or.
    assert_eq!(
        matching(r#"status = "Closed Lost" or nps present and count "visit" >= 1"#),
        ["bob", "cat"]
    );
    assert_eq!(
        matching(r#"(status = "Closed Lost" or nps present) and count "visit" >= 1"#),
        ["bob", "cat"]
    );
    assert_eq!(
        matching(r#"(status = "Closed Won" or nps present) and not count "visit" >= 1"#),
        ["ann"]
    );
}

const SCORING: &str = r#"fit +10 when industry = "software"
fit -20 when email contains "@gmail."
engage +20 per "email_click" half-life 30d
engage +5 per "visit" within 10d
warm at 20
hot at 50
mql at 40
sql at 70
"#;

#[test]
fn scores_decay_and_thresholds() {
    let data = people();
    let c = classify(&data, &rules(SCORING), AS_OF);
    let p = &c.placements;
    // ann: fit 10; clicks 30 days old (20 * 0.5 = 10) and today (20): engagement 30.
    assert_eq!(p[0].score.fit, 10.0);
    assert!((p[0].score.engagement - 30.0).abs() < 1e-9);
    assert!((p[0].score.total - 40.0).abs() < 1e-9);
    assert_eq!(p[0].temperature, Temperature::Warm);
    assert_eq!(p[0].qualification, Qualification::Mql);
    assert_eq!(p[0].fired, [0, 2, 4, 6]);
    // bob: gmail -20; his visit is 90 days old, outside 10d.
    assert_eq!(p[1].score.total, -20.0);
    assert_eq!(p[1].temperature, Temperature::Cold);
    assert_eq!(p[1].fired, [1]);
    // cat: visits on days 98 and 99 count (5 each, no decay); day 50 is outside the window.
    assert_eq!(p[2].score.engagement, 10.0);
    assert_eq!(c.temperatures, [4, 1, 0]);
    assert_eq!(c.qualifications, [4, 1, 0]);
}

#[test]
fn later_thresholds_override_earlier_ones() {
    let data = people();
    let c = classify(&data, &rules(&format!("{SCORING}hot at 40\n")), AS_OF);
    assert_eq!(c.placements[0].temperature, Temperature::Hot);
    assert_eq!(c.placements[0].fired, [0, 2, 4, 6, 8]);
}

const JOURNEY: &str = r#"stage client when status = "Closed Won"
stage lost when status = "Closed Lost"
stage prospect when count any >= 1 or status present
outcome hired when at client
outcome not_now when status = "Closed Lost" and lost_reason = "timing"
outcome no_way when status = "Closed Lost"
advocate when nps range 9..10
detractor when nps range 0..6
"#;

#[test]
fn stages_outcomes_sentiment_and_accounts() {
    let data = people();
    let c = classify(&data, &rules(JOURNEY), AS_OF);
    assert_eq!(c.stages, ["client", "lost", "prospect"]);
    let stages: Vec<_> = c.placements.iter().map(|p| c.stage_of(p)).collect();
    assert_eq!(
        stages,
        [Some("client"), Some("lost"), Some("prospect"), None, None]
    );
    assert_eq!(c.stage_contacts, [1, 1, 1]);
    assert_eq!(c.unplaced_contacts, 2);
    let outcomes: Vec<_> = c.placements.iter().map(|p| c.outcome_of(p)).collect();
    // bob matches both not_now and no_way; the first wins.
    assert_eq!(outcomes, [Some("hired"), Some("not_now"), None, None, None]);
    assert_eq!(c.outcome_contacts, [1, 1, 0]);
    assert_eq!(c.no_outcome, 3);
    // ann nps 10, cat nps 3.
    assert_eq!(c.sentiments, [3, 1, 1]);
    assert_eq!(c.placements[0].sentiment, Sentiment::Advocate);
    assert_eq!(c.placements[2].sentiment, Sentiment::Detractor);
    // acme: ann (client) and bob (lost) -> client; beta: cat -> prospect; gamma: eve -> none.
    assert_eq!(c.account_stage, [Some(0), Some(2), None]);
    assert_eq!(c.stage_accounts, [1, 0, 1]);
    assert_eq!(c.unplaced_accounts, 1);
    assert_eq!(c.accounts_in("client"), 1);
    assert_eq!(c.contacts_in("lost"), 1);
    assert_eq!(c.with_outcome("not_now"), 1);
    assert_eq!(c.placements[1].fired, [1, 4]);
}

#[test]
fn stage_order_is_rule_order() {
    // The same rules with the catch-all first put everyone with data in "prospect".
    let data = people();
    let r = rules(
        "stage prospect when count any >= 1 or status present\nstage client when status = \"Closed Won\"\n",
    );
    let c = classify(&data, &r, AS_OF);
    assert_eq!(c.stage_contacts, [3, 0]);
}

#[test]
fn at_stage_is_false_inside_stage_rules() {
    let data = people();
    let r = rules("stage a when at a\nstage b when not at a\n");
    let c = classify(&data, &r, AS_OF);
    assert_eq!(c.stage_contacts, [0, 5]);
}

#[test]
fn explain_lists_every_evaluated_rule_with_what_it_saw() {
    let data = people();
    let r = rules(&format!("{SCORING}{JOURNEY}"));
    let e = explain(&data, &r, 0, AS_OF).unwrap();
    assert_eq!(e.stage.as_deref(), Some("client"));
    assert_eq!(e.outcome.as_deref(), Some("hired"));
    let rule_ids: Vec<_> = e.steps.iter().map(|s| s.rule).collect();
    // 2 fit, 2 engage, 4 thresholds, first stage rule (match), first outcome rule (match),
    // first sentiment rule (match).
    assert_eq!(rule_ids, [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 14]);
    assert_eq!(
        e.steps[0].seen,
        [Seen::Field {
            field: "industry".into(),
            value: Some("Software".into()),
            matched: true
        }]
    );
    assert_eq!(e.steps[0].points, 10.0);
    assert!(!e.steps[1].matched);
    match &e.steps[2].seen[0] {
        Seen::Engaged { events, points, .. } => {
            assert_eq!(*events, 2);
            assert!((points - 30.0).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        e.steps[3].seen,
        [Seen::Engaged {
            event: EventType::Named("visit".into()),
            events: 0,
            points: 0.0
        }]
    );
    assert_eq!(
        e.steps[9].seen,
        [Seen::Stage {
            stage: Some("client".into()),
            matched: true
        }]
    );
    assert_eq!(e.placement, classify(&data, &r, AS_OF).placements[0]);
    // bob: both stage rules are evaluated, the second matches.
    let e = explain(&data, &r, 1, AS_OF).unwrap();
    let stage_steps: Vec<_> = e
        .steps
        .iter()
        .filter(|s| (8..11).contains(&s.rule))
        .collect();
    assert_eq!(stage_steps.len(), 2);
    assert!(!stage_steps[0].matched && stage_steps[1].matched);
    assert!(explain(&data, &r, 99, AS_OF).is_none());
}

#[test]
fn count_seen_in_explanation() {
    let data = people();
    let r = rules(r#"stage busy when count "visit" >= 3 within 60d"#);
    let e = explain(&data, &r, 2, AS_OF).unwrap();
    assert_eq!(
        e.steps[0].seen,
        [Seen::Count {
            event: EventType::Named("visit".into()),
            count: 3,
            matched: true
        }]
    );
}

fn err(text: &str) -> (u32, u32, RuleErrorKind) {
    let e = RuleSet::parse(text).unwrap_err();
    (e.line, e.column, e.kind)
}

#[test]
fn parse_errors_point_at_line_and_column() {
    assert_eq!(
        err("# ok\nfit 10 when x present"),
        (
            2,
            5,
            RuleErrorKind::Expected {
                expected: Expected::Points,
                found: Some("10".into())
            }
        )
    );
    assert_eq!(
        err("stage a when status = \"Won"),
        (1, 23, RuleErrorKind::UnterminatedString)
    );
    assert_eq!(
        err("score at 5"),
        (1, 1, RuleErrorKind::UnknownRule("score".into()))
    );
    assert_eq!(
        err("stage a when (x present"),
        (
            1,
            24,
            RuleErrorKind::Expected {
                expected: Expected::CloseParen,
                found: None
            }
        )
    );
    assert_eq!(
        err("stage a when created range 2024-02-30..2024-03-01"),
        (1, 28, RuleErrorKind::BadDate("2024-02-30".into()))
    );
    assert_eq!(
        err("stage a when x range 1..2024-01-01"),
        (1, 22, RuleErrorKind::RangeKinds)
    );
    assert_eq!(
        err("stage a when x < \"b\""),
        (1, 18, RuleErrorKind::OrderOnText)
    );
    assert_eq!(
        err("engage +3 per email_click"),
        (
            1,
            15,
            RuleErrorKind::Expected {
                expected: Expected::EventType,
                found: Some("email_click".into())
            }
        )
    );
    assert_eq!(
        err("warm at 5 extra"),
        (
            1,
            11,
            RuleErrorKind::Expected {
                expected: Expected::EndOfLine,
                found: Some("extra".into())
            }
        )
    );
    assert_eq!(
        err("stage a when x @ 3"),
        (1, 16, RuleErrorKind::UnexpectedChar('@'))
    );
    assert_eq!(
        err("stage a when count \"x\" >= 99999999999"),
        (1, 27, RuleErrorKind::NumberTooLarge("99999999999".into()))
    );
    assert_eq!(
        err("stage a when x range .."),
        (1, 22, RuleErrorKind::EmptyRange)
    );
    // Columns count characters, not bytes.
    assert_eq!(
        err("stage 단계 when 상태 ="),
        (
            1,
            19,
            RuleErrorKind::Expected {
                expected: Expected::Value,
                found: None
            }
        )
    );
}

#[test]
fn every_construct_round_trips() {
    let text = r#"#  a comment, with "quotes"
fit +10.5 when industry in ("Software", 3, 2024-01-02) and not (x = "a" or y != "b\"c\\")
fit -0.25 when field score = "high" or field "lost reason" contains "x"
engage +3 per any half-life 30d within 90d
engage +1 per "visit"
warm at -5
stage "stage one" when count any < 2 within 7d or first "a" before 2024-01-01
stage b when last "a" after 2024-01-01 and last "b" within 3d and (score > 1 or fit <= 2 or engagement >= 0)
outcome x when at "stage one" and amount range -5..1.5 and closed range ..2024-12-31
outcome y when nps missing or nps present or closed within 30d or created >= 2020-01-01
advocate when not not a = 1
detractor when (a = 1 and b = 2) and c = 3
"#;
    let r = rules(text);
    let printed = r.to_string();
    assert_eq!(printed, text);
    assert_eq!(rules(&printed), r);
    assert_eq!(r.rules.len(), 12);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<RuleSet>(&json).unwrap(), r);
}

#[test]
fn non_canonical_text_prints_canonically() {
    let r = rules("  fit   +10 when ((x = \"a\"))  \r\n\n  hot at 007\r\n#c  ");
    assert_eq!(r.to_string(), "fit +10 when x = \"a\"\nhot at 7\n#c\n");
}

#[test]
fn nesting_is_limited_with_a_message_not_a_stack_overflow() {
    let depth = MAX_DEPTH as usize;
    // At the limit: parses, prints the same text, and classifies.
    let at_limit = format!(
        "stage a when {}x = 1{}",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let r = rules(&at_limit);
    assert_eq!(rules(&r.to_string()), r);
    let nots = format!("stage a when {}x = 1", "not ".repeat(depth));
    assert_eq!(rules(&rules(&nots).to_string()), rules(&nots));
    // One level more: an error at the token that opens it (columns are 1-based).
    let column = ("stage a when ".len() + depth + 1) as u32;
    let over = format!(
        "stage a when {}x = 1{}",
        "(".repeat(depth + 1),
        ")".repeat(depth + 1)
    );
    assert_eq!(
        err(&over),
        (1, column, RuleErrorKind::TooDeep { limit: MAX_DEPTH })
    );
    let nots = format!("stage a when {}x = 1", "not ".repeat(depth + 1));
    assert_eq!(
        err(&nots),
        (
            1,
            ("stage a when ".len() + 4 * depth + 1) as u32,
            RuleErrorKind::TooDeep { limit: MAX_DEPTH }
        )
    );
    // Mixed, and far past the limit: still an error, on the right line.
    let mixed = format!("warm at 1\nfit +1 when {}", "not (".repeat(50_000));
    assert!(matches!(err(&mixed), (2, _, RuleErrorKind::TooDeep { .. })));
    let deep = format!("stage a when {}", "(".repeat(1_000_000));
    assert!(matches!(err(&deep), (1, _, RuleErrorKind::TooDeep { .. })));
}
