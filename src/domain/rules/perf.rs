//! Timing harnesses for the inputs a reliability review found to freeze the engine (long
//! `contains` texts, many columns, many stages, many active days, one contact with tens of
//! thousands of event days). They print times and assert nothing about them; run with
//! `cargo test --release --lib -- --ignored --nocapture rules::perf`.

use std::time::Instant;

use super::eval::Compiled;
use super::replay::replay;
use super::*;
use crate::domain::dataset::{Dataset, DatasetBuilder, Shape, Time, DAY};

const AS_OF: Time = 50_000 * DAY;

fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("{label}: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    out
}

/// One contact per value, each with the value in the column `note`.
fn with_notes(notes: &[String]) -> Dataset {
    let mut b = DatasetBuilder::new(Shape::Records, vec!["note".into()]);
    for (i, n) in notes.iter().enumerate() {
        let c = b.contact(&format!("c{i}"));
        b.contact_mut(c).extra = vec![Some(n.clone())];
    }
    b.finish()
}

#[test]
#[ignore = "timing harness"]
fn contains_on_long_values() {
    // 2 values of 200,000 ASCII letters and a 5,001-letter needle that almost matches
    // everywhere: the window-by-window search compares ~5,000 bytes at each of 200,000 offsets.
    let value = "a".repeat(200_000);
    let needle = format!("{}b", "A".repeat(5_000));
    let data = with_notes(&vec![value; 2]);
    let rules = RuleSet::parse(&format!("stage yes when note contains \"{needle}\"")).unwrap();
    let c = timed("contains: 2 ASCII values of 200 KB, 5 KB needle", || {
        classify(&data, &rules, AS_OF)
    });
    assert_eq!(c.unplaced_contacts, 2);

    // Non-ASCII values: lower-cased (allocated) once per comparison.
    let value = "é".repeat(100_000) + "Ω";
    let data = with_notes(&vec![value; 200]);
    let rules = RuleSet::parse("stage yes when note contains \"éω\"").unwrap();
    let c = timed("contains: 200 non-ASCII values of 200 KB", || {
        classify(&data, &rules, AS_OF)
    });
    assert_eq!(c.stage_contacts, [200]);
}

#[test]
#[ignore = "timing harness"]
fn many_columns_and_field_rules() {
    // 3,000 kept columns and 3,000 rules, each on one of them.
    let n = 3_000;
    let fields: Vec<String> = (0..n).map(|i| format!("col{i}")).collect();
    let mut b = DatasetBuilder::new(Shape::Records, fields);
    let c = b.contact("c");
    b.contact_mut(c).extra = (0..n).map(|i| Some(format!("v{i}"))).collect();
    let data = b.finish();
    let text: String = (0..n)
        .map(|i| format!("fit +1 when COL{i} = \"V{i}\"\n"))
        .collect();
    let rules = RuleSet::parse(&text).unwrap();
    let c = timed("fields: compile 3,000 rules on 3,000 columns", || {
        classify(&data, &rules, AS_OF)
    });
    assert_eq!(c.placements[0].score.fit, n as f64);
}

#[test]
#[ignore = "timing harness"]
fn many_stages() {
    // 20,000 stage ids, each rule testing `at` another stage, and as many outcomes.
    let n = 20_000;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!("stage s{i} when count \"x{i}\" >= 1\n"));
    }
    for i in 0..n {
        text.push_str(&format!("outcome o{i} when at s{}\n", n - 1 - i));
    }
    let rules = RuleSet::parse(&text).unwrap();
    let mut b = DatasetBuilder::new(Shape::Events, vec![]);
    let c = b.contact("c");
    b.event(c, DAY, "x0", None, None);
    let data = b.finish();
    let c = timed("stages: compile 20,000 stages and 20,000 outcomes", || {
        classify(&data, &rules, AS_OF)
    });
    assert_eq!(c.stage_contacts[0], 1);
    assert_eq!(c.outcome_contacts[n - 1], 1);
}

/// `contacts` contacts, each with one event on its own day, and a rule set of `fit` field
/// rules plus the Hinge defaults.
fn many_days(contacts: usize, fit: usize) -> (Dataset, RuleSet) {
    let fields: Vec<String> = (0..fit).map(|i| format!("col{i}")).collect();
    let mut b = DatasetBuilder::new(Shape::Events, fields);
    for i in 0..contacts {
        let c = b.contact(&format!("c{i}"));
        b.event(c, (10_000 + i as Time) * DAY, "web_visit", None, None);
    }
    let data = b.finish();
    let mut text: String = (0..fit)
        .map(|i| format!("fit +1 when col{i} present\n"))
        .collect();
    text.push_str(defaults::HINGE);
    (data, RuleSet::parse(&text).unwrap())
}

#[test]
#[ignore = "timing harness"]
fn replay_of_many_active_days() {
    let (data, rules) = many_days(20_000, 200);
    let r = timed(
        "replay: 20,000 active days, 200 columns, 200 fit rules + Hinge",
        || replay(&data, &rules, AS_OF),
    );
    assert_eq!(r.moments.len(), 40_000);
    let c = timed("the same, one Compiled::new", || {
        Compiled::new(&rules, &data, AS_OF).stages.len()
    });
    assert!(c > 0);
}

/// One contact with an event on each of `days` days, of a few types.
fn one_busy_contact(days: usize) -> Dataset {
    let mut b = DatasetBuilder::new(Shape::Events, vec![]);
    let c = b.contact("busy");
    let kinds = [
        "web_visit",
        "email_click",
        "content_download",
        "form_submit",
        "meeting",
    ];
    for d in 0..days {
        b.event(
            c,
            (1_000 + d as Time) * DAY,
            kinds[d % kinds.len()],
            None,
            None,
        );
    }
    b.finish()
}

#[test]
#[ignore = "timing harness"]
fn replay_of_one_contact_with_many_event_days() {
    use crate::domain::model::SourceModel;
    let data = one_busy_contact(40_000);
    for (name, model) in [
        ("Hinge (stages by events)", SourceModel::Hinge),
        ("Act-On (a stage by score)", SourceModel::ActOn),
    ] {
        let rules = RuleSet::default_for(model);
        let r = timed(
            &format!("replay: one contact, 40,000 event days, {name}"),
            || replay(&data, &rules, AS_OF),
        );
        assert_eq!(r.moments.len(), 40_001);
    }
}

/// Rules that use every kind of test, for [`snapshot`]: windows and decay, both recency ends,
/// `contains` on ASCII and non-ASCII text, scores in stage and outcome rules.
pub(super) const EVERY_TEST: &str = r#"fit +10 when industry in ("Software", "Professional services")
fit +5 when employees range 50..5000
fit -15 when email contains "@GMAIL."
fit +2 when email contains "ä"
fit +1.5 when lost_reason contains "im"
fit +3 when created within 400d and count "web_visit" >= 2 within 60d
fit -2.25 when score < 5
engage +1 per "web_visit" half-life 30d within 120d
engage +2.5 per "email_click" half-life 7d
engage +0.1 per any within 30d
engage +5 per "content_download"
engage -3 per "support_ticket" half-life 10d within 45d
engage +7 per "demo_request" within 90d
warm at 10
hot at 30.5
mql at 20
sql at 40
stage s1 when count "contract_signed" >= 1 and engagement >= 3
stage s2 when score >= 30.5 or last "demo_request" within 45d
stage s3 when fit > 10 and first "web_visit" before 2025-06-01
stage s4 when engagement > 12.25 or last any after 2025-09-30
stage s5 when score >= 10 or count any >= 3 within 30d
stage s6 when status present or count any >= 1
outcome o1 when at s1 and score >= 40
outcome o2 when at s5 and engagement < 2
outcome o3 when not at s6 and count "deal_lost" >= 1
advocate when nps range 9..10 or count "nps_promoter" >= 1
detractor when nps range 0..6 or score < 0
"#;

/// Writes the classifications, explanations, replays and paths of the demo datasets to the
/// file named by `JM_SNAPSHOT`, to compare the engine's results before and after a change.
#[test]
#[ignore = "writes a file to compare by hand"]
fn snapshot() {
    use crate::domain::demo_data::{demo_dataset, demo_events_dataset, DEMO_NOW};
    use crate::domain::metrics::Paths;
    use crate::domain::model::SourceModel;
    use std::fmt::Write;
    let Ok(path) = std::env::var("JM_SNAPSHOT") else {
        return;
    };
    let mut out = String::new();
    for model in SourceModel::ALL {
        let map = crate::domain::template::build(model, jiff::Timestamp::UNIX_EPOCH);
        for (kind, data) in [
            ("records", demo_dataset(model, 400, 7)),
            ("events", demo_events_dataset(model, 400, 11)),
        ] {
            for (rname, rules) in [
                ("default", RuleSet::default_for(model)),
                ("every", RuleSet::parse(EVERY_TEST).unwrap()),
            ] {
                for as_of in [DEMO_NOW, DEMO_NOW - 200 * DAY] {
                    let c = classify(&data, &rules, as_of);
                    let r = replay(&data, &rules, as_of);
                    let p = Paths::new(&map, &r);
                    let _ = writeln!(out, "== {model:?} {kind} {rname} {as_of}\n{c:?}\n{r:?}");
                    let _ = writeln!(out, "{p:?}");
                    for i in (0..data.contacts.len()).step_by(37) {
                        let _ = writeln!(out, "{:?}", explain(&data, &rules, i, as_of));
                    }
                }
            }
        }
    }
    std::fs::write(path, out).unwrap();
}
