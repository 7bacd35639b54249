//! Every figure of a report, worked out by hand on five contacts.
//!
//! The map: lead → deal → client → between, with a decision at the end of *deal*
//! (hired → client, not now → stays in deal, no way → out). Days count from 2024-01-01; the
//! file's latest date, day 200, is the as-of time.
//!
//! | contact | account | events (day) | path |
//! |---|---|---|---|
//! | A | acme | visit 0, proposal 10, project_start 20 (1000), project_end 60, project_start 100 (500), project_end 150, referral 160 | lead 0–10, deal 10–20, client 20–60, between 60–100, client 100–150, between 150– |
//! | B | acme | visit 0, proposal 5, postponed 30, project_start 80 (2000) | lead 0–5, deal 5–80, client 80– |
//! | C | globex | visit 0, proposal 50, lost 70 | lead 0–50, deal 50– |
//! | D | – | visit 200 | lead 200– |
//! | E | – | postponed 20 | lead 20– |

use jiff::Timestamp;

use super::report::{FlowNode, OutcomeKind};
use super::*;
use crate::domain::dataset::{time_from_date, DatasetBuilder, Shape, Time, DAY};
use crate::domain::model::{
    DecisionPoint, Destination, Id, JourneyMap, Outcome, SourceModel, Stage,
};
use crate::domain::text::Text;

fn day(n: i64) -> Time {
    time_from_date(2024, 1, 1).unwrap() + n * DAY
}

const RULES: &str = "stage client when last \"project_start\" within 30d
stage between when count \"project_end\" >= 1
stage client when count \"project_start\" >= 1
stage deal when count \"proposal\" >= 1
stage lead when count any >= 1
outcome hired when count \"project_start\" >= 1
outcome not_now when count \"postponed\" >= 1
outcome no_way when count \"lost\" >= 1";

pub(super) fn map() -> JourneyMap {
    let mut m = JourneyMap::new(
        Text::User("test".into()),
        SourceModel::Blank,
        Timestamp::UNIX_EPOCH,
    );
    let stage = |id: &str| Stage {
        id: Id::from(id),
        name: Text::User(id.into()),
        description: Text::default(),
        decision: None,
    };
    m.stages = vec![
        stage("lead"),
        stage("deal"),
        stage("client"),
        stage("between"),
    ];
    let outcome = |id: &str, to: Destination| Outcome {
        id: Id::from(id),
        name: Text::User(id.into()),
        leads_to: to,
    };
    m.stages[1].decision = Some(DecisionPoint {
        question: Text::User("hire?".into()),
        outcomes: vec![
            outcome("hired", Destination::Stage(Id::from("client"))),
            outcome("not_now", Destination::Stage(Id::from("deal"))),
            outcome("no_way", Destination::Exit),
        ],
    });
    m.rules = Some(RULES.into());
    m
}

pub(super) fn data() -> Dataset {
    let mut b = DatasetBuilder::new(Shape::Events, vec!["role".into(), "product".into()]);
    let acme = b.account("acme");
    let globex = b.account("globex");
    let mut add = |key: &str,
                   account: Option<u32>,
                   role: Option<&str>,
                   product: Option<&str>,
                   events: &[(&str, i64, Option<f64>)]| {
        let c = b.contact(key);
        let contact = b.contact_mut(c);
        contact.account = account;
        contact.extra = vec![role.map(Into::into), product.map(Into::into)];
        for &(kind, d, value) in events {
            b.event(c, day(d), kind, None, value);
        }
    };
    add(
        "A",
        Some(acme),
        Some("Economic buyer"),
        Some("Audit"),
        &[
            ("visit", 0, None),
            ("proposal", 10, None),
            ("project_start", 20, Some(1000.0)),
            ("project_end", 60, None),
            ("project_start", 100, Some(500.0)),
            ("project_end", 150, None),
            ("referral", 160, None),
        ],
    );
    add(
        "B",
        Some(acme),
        Some("User"),
        Some("Audit"),
        &[
            ("visit", 0, None),
            ("proposal", 5, None),
            ("postponed", 30, None),
            ("project_start", 80, Some(2000.0)),
        ],
    );
    add(
        "C",
        Some(globex),
        Some("user"),
        Some("Tax"),
        &[
            ("visit", 0, None),
            ("proposal", 50, None),
            ("lost", 70, None),
        ],
    );
    add("D", None, None, None, &[("visit", 200, None)]);
    add("E", None, None, None, &[("postponed", 20, None)]);
    b.finish()
}

pub(super) fn analysed() -> (JourneyMap, Dataset, Analysis) {
    let m = map();
    let d = data();
    let a = Analysis::new(&m, &d, Timestamp::UNIX_EPOCH).unwrap();
    (m, d, a)
}

fn path(a: &Analysis, contact: u32) -> Vec<(u32, i64, Option<i64>)> {
    let d0 = day(0);
    a.paths
        .visits_of(contact)
        .iter()
        .map(|v| {
            (
                v.stage,
                (v.entered - d0) / DAY,
                v.left.map(|l| (l - d0) / DAY),
            )
        })
        .collect()
}

#[test]
fn paths_follow_the_replayed_rules_including_loops_back() {
    let (_, _, a) = analysed();
    assert_eq!(a.paths.as_of, day(200));
    assert_eq!(
        path(&a, 0),
        [
            (0, 0, Some(10)),
            (1, 10, Some(20)),
            (2, 20, Some(60)),
            (3, 60, Some(100)),
            (2, 100, Some(150)),
            (3, 150, None)
        ]
    );
    assert_eq!(
        path(&a, 1),
        [(0, 0, Some(5)), (1, 5, Some(80)), (2, 80, None)]
    );
    assert_eq!(path(&a, 2), [(0, 0, Some(50)), (1, 50, None)]);
    assert_eq!(path(&a, 3), [(0, 200, None)]);
    assert_eq!(path(&a, 4), [(0, 20, None)]);
    // The last visit is where the classification places the contact now.
    for c in 0..5 {
        let now = a.classification.placements[c as usize]
            .stage
            .map(|s| a.classification.stages[s as usize].clone());
        let last = a
            .paths
            .visits_of(c)
            .last()
            .map(|v| a.paths.stages[v.stage as usize].to_string());
        assert_eq!(now, last, "contact {c}");
    }
}

#[test]
fn funnel_conversion_and_drop_off() {
    let (m, d, a) = analysed();
    let r = a.report_all(&m, &d);
    let col = |f: fn(&report::StageFigures) -> u32| r.stages.iter().map(f).collect::<Vec<_>>();
    assert_eq!(col(|s| s.reached), [5, 3, 2, 1]);
    assert_eq!(col(|s| s.entered), [5, 3, 2, 1]);
    assert_eq!(col(|s| s.now), [2, 1, 1, 1]);
    assert_eq!(col(|s| s.drop_off), [2, 1, 1, 1]);
    let next: Vec<_> = r.stages.iter().map(|s| s.next).collect();
    assert_eq!(
        next,
        [
            Some(Ratio::new(3, 5)),
            Some(Ratio::new(2, 3)),
            Some(Ratio::new(1, 2)),
            None
        ]
    );
    assert_eq!(r.stages[2].cumulative, Ratio::new(2, 5));
    assert_eq!(r.client_stage, Some(2));
    assert_eq!(r.became_clients, Ratio::new(2, 5));
    // Accounts now: an account is where its furthest contact is by rule order, as in the
    // classification. The first stage rule names client, so acme (A between, B client) is a
    // client; globex is in deal.
    assert_eq!(col(|s| s.now_accounts), [0, 1, 1, 0]);
    assert_eq!((r.contacts, r.accounts), (5, 4));
}

#[test]
fn time_in_stage_counts_finished_visits_only() {
    let (m, d, a) = analysed();
    let r = a.report_all(&m, &d);
    assert_eq!(r.stages[0].time.days, [5.0, 10.0, 50.0]);
    assert_eq!(r.stages[0].open, 2);
    assert_eq!(r.stages[1].time.days, [10.0, 75.0]);
    assert_eq!(r.stages[1].time.median(), Some(42.5));
    assert_eq!(r.stages[2].time.days, [40.0, 50.0]);
    assert_eq!(r.stages[2].open, 1);
    assert_eq!(r.stages[3].time.days, [40.0]);
    assert_eq!(r.time_to_convert.days, [20.0, 80.0]);
    assert_eq!(r.time_to_convert.median(), Some(50.0));
    let events: Vec<_> = r.stages.iter().map(|s| s.events).collect();
    assert_eq!(events, [5, 5, 3, 3]);
    let last: Vec<_> = r
        .stages
        .iter()
        .map(|s| s.last_activity.map(|t| (t - day(0)) / DAY))
        .collect();
    assert_eq!(last, [Some(200), Some(70), Some(100), Some(160)]);
}

#[test]
fn outcome_shares_win_rate_and_not_now_coming_back() {
    let (m, d, a) = analysed();
    let r = a.report_all(&m, &d);
    assert_eq!(r.decisions.len(), 1);
    let dec = &r.decisions[0];
    assert_eq!(dec.stage, 1);
    assert_eq!(dec.decided, 4);
    let got: Vec<_> = dec
        .outcomes
        .iter()
        .map(|o| (o.outcome.as_str(), o.kind, o.contacts, o.came_back))
        .collect();
    assert_eq!(
        got,
        [
            ("hired", OutcomeKind::Win, 2, None),
            (
                "not_now",
                OutcomeKind::NoDecision,
                1,
                Some(Ratio::new(1, 2))
            ),
            ("no_way", OutcomeKind::Loss, 1, None),
        ]
    );
    assert_eq!(dec.win_rate, Ratio::new(2, 4));
    assert_eq!(dec.no_decision_rate, Ratio::new(1, 4));
}

#[test]
fn engagements_repeat_business_revenue_and_clv() {
    let (m, d, a) = analysed();
    let r = a.report_all(&m, &d);
    assert_eq!(r.engagements.moved_on, Some(Ratio::new(1, 2)));
    assert_eq!(r.engagements.returned, Ratio::new(1, 1));
    assert_eq!(r.engagements.repeat_contacts, 1);
    assert_eq!(r.engagements.repeat_accounts, Ratio::new(1, 1));
    // acme became a client on day 20: A's first 1000 is new, A's 500 and B's 2000 are from
    // an existing client.
    assert_eq!(r.revenue.new, 1000.0);
    assert_eq!(r.revenue.existing, 2500.0);
    assert_eq!(r.revenue.engagements, 3);
    let per = 3500.0 / 3.0;
    assert!((r.revenue.per_engagement.unwrap() - per).abs() < 1e-9);
    // The return rate (100 %) is capped at 90 %: CLV = per engagement ÷ 0.1.
    assert!((r.revenue.clv.unwrap() - per / (1.0 - 0.9)).abs() < 1e-6);
}

#[test]
fn referrals_sentiment_and_flows() {
    let (m, d, a) = analysed();
    let r = a.report_all(&m, &d);
    assert_eq!(r.referrals.by_stage, [0, 0, 0, 1]);
    assert_eq!(r.referrals.from_former, Some(Ratio::new(1, 1)));
    assert_eq!(r.referrals.referred_in, 0);
    let flows: Vec<_> = r
        .flows
        .iter()
        .map(|f| (f.from.clone(), f.to.clone(), f.contacts))
        .collect();
    use FlowNode::*;
    assert_eq!(
        flows,
        [
            (Stage(0), Stage(1), 3),
            (Stage(1), Stage(2), 2),
            (Stage(1), Outcome(Id::from("hired")), 2),
            (Stage(1), Outcome(Id::from("no_way")), 1),
            (Stage(1), Outcome(Id::from("not_now")), 1),
            (Stage(2), Stage(3), 2),
            (Stage(3), Stage(2), 1),
        ]
    );
}

#[test]
fn service_levels_met_breached_and_pending() {
    let (mut m, d, _) = analysed();
    m.metrics.service_levels = vec![
        ServiceLevel {
            from: Id::from("deal"),
            to: Id::from("client"),
            days: 30,
        },
        ServiceLevel {
            from: Id::from("lead"),
            to: Id::from("deal"),
            days: 15,
        },
    ];
    let a = Analysis::new(&m, &d, Timestamp::UNIX_EPOCH).unwrap();
    let r = a.report_all(&m, &d);
    let got: Vec<_> = r
        .service_levels
        .iter()
        .map(|s| (s.met, s.breached, s.pending))
        .collect();
    // deal → client in 30 days: A met (10 days), B late (75), C never.
    // lead → deal in 15 days: A and B met, C late (50), E never (day 20 + 15 < 200), D's
    // 15 days are not over yet.
    assert_eq!(got, [(1, 2, 0), (2, 2, 1)]);
}

#[test]
fn buying_group_coverage_and_type_casting() {
    let (m, d, a) = analysed();
    let r = a.report_all(&m, &d);
    let cov = r.coverage.unwrap();
    assert_eq!(cov.field, "role");
    assert_eq!(cov.accounts, 4);
    assert_eq!(cov.by_roles, [2, 1, 1, 0, 0]);
    assert_eq!(cov.single_threaded, 3);
    assert_eq!(
        cov.roles,
        [("user".to_string(), 2), ("economic buyer".to_string(), 1)]
    );
    let tc = r.type_casting.unwrap();
    assert_eq!(tc.offered, 2);
    assert_eq!(tc.one_line, Ratio::new(1, 1));
}

#[test]
fn a_subset_counts_only_its_contacts() {
    let (m, d, a) = analysed();
    let r = report(a.input(&m, &d), &[1, 2]);
    let reached: Vec<_> = r.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [2, 2, 1, 0]);
    assert_eq!(r.became_clients, Ratio::new(1, 2));
    assert_eq!(r.decisions[0].decided, 2);
    assert_eq!(r.accounts, 2);
}

#[test]
fn missing_dates_and_no_client_stage() {
    // A record file with no dates: everyone is placed at the as-of moment only, so there is
    // no time in stage, and a map without decisions has no client stage.
    let mut m = map();
    m.stages[1].decision = None;
    m.rules = Some("stage deal when status = \"Open\"\nstage lead when status present".into());
    let mut b = DatasetBuilder::new(Shape::Records, vec![]);
    for (k, s) in [("x", "Open"), ("y", "New"), ("z", "")] {
        let c = b.contact(k);
        b.contact_mut(c).status = Some(s.into());
    }
    let d = b.finish();
    let a = Analysis::new(&m, &d, Timestamp::from_second(day(10)).unwrap()).unwrap();
    let r = a.report_all(&m, &d);
    assert_eq!(r.client_stage, None);
    assert_eq!(r.became_clients, Ratio::new(0, 2));
    assert_eq!(r.stages[0].reached, 2);
    assert_eq!(r.stages[1].reached, 1);
    assert!(r.stages.iter().all(|s| s.time.n() == 0));
    assert_eq!(r.stages[0].open + r.stages[1].open, 2);
    assert_eq!(r.revenue, report::Revenue::default());
    assert!(r.coverage.is_none() && r.type_casting.is_none());
}

#[test]
fn the_client_stage_can_be_chosen() {
    let (mut m, d, _) = analysed();
    m.metrics.client_stage = Some(Id::from("deal"));
    let a = Analysis::new(&m, &d, Timestamp::UNIX_EPOCH).unwrap();
    let r = a.report_all(&m, &d);
    assert_eq!(r.client_stage, Some(1));
    assert_eq!(r.became_clients, Ratio::new(3, 5));
}

#[test]
fn a_deal_snapshot_with_milestone_dates_and_open_deals() {
    // Three deals of a CRM export: won (created day 0, closed day 30, 100), open (created
    // day 10), lost (created day 5, closed day 20). A deal's status is known from its last
    // milestone date, so before closing each deal was open.
    let mut m = map();
    m.stages.truncate(3);
    m.stages.remove(1); // lead, client
    m.stages[0].id = Id::from("open");
    m.stages[0].decision = Some(DecisionPoint {
        question: Text::User("won?".into()),
        outcomes: vec![
            Outcome {
                id: Id::from("won"),
                name: Text::User("won".into()),
                leads_to: Destination::Stage(Id::from("client")),
            },
            Outcome {
                id: Id::from("lost"),
                name: Text::User("lost".into()),
                leads_to: Destination::Exit,
            },
        ],
    });
    m.rules = Some(
        "stage client when status = \"Won\"\n\
         stage open when created present\n\
         outcome won when status = \"Won\"\n\
         outcome lost when status = \"Lost\""
            .into(),
    );
    let mut b = DatasetBuilder::new(Shape::Records, vec![]);
    for (key, status, created, closed, amount) in [
        ("d1", "Won", 0, Some(30), Some(100.0)),
        ("d2", "Open", 10, None, None),
        ("d3", "Lost", 5, Some(20), None),
    ] {
        let c = b.contact(key);
        let deal = b.contact_mut(c);
        deal.status = Some(status.into());
        deal.dates.created = Some(day(created));
        deal.dates.closed = closed.map(day);
        deal.amount = amount;
        b.saw(day(created));
        if let Some(t) = closed {
            b.saw(day(t));
        }
    }
    let d = b.finish();
    let a = Analysis::new(&m, &d, Timestamp::UNIX_EPOCH).unwrap();
    assert_eq!(path(&a, 0), [(0, 0, Some(30)), (1, 30, None)]);
    assert_eq!(path(&a, 1), [(0, 10, None)]);
    assert_eq!(path(&a, 2), [(0, 5, None)]);
    let r = a.report_all(&m, &d);
    assert_eq!(r.stages[0].reached, 3);
    assert_eq!(r.stages[1].reached, 1);
    // Only the won deal left "open"; the open and the lost deal are still there.
    assert_eq!(r.stages[0].time.days, [30.0]);
    assert_eq!(r.stages[0].open, 2);
    assert_eq!(r.time_to_convert.days, [30.0]);
    assert_eq!(r.decisions[0].decided, 2);
    assert_eq!(r.decisions[0].win_rate, Ratio::new(1, 2));
    assert_eq!((r.revenue.new, r.revenue.existing), (100.0, 0.0));
}

#[test]
fn the_stage_at_a_time_is_that_of_the_last_visit_entered_by_then() {
    use crate::domain::demo_data::SplitMix64;
    use crate::domain::rules::replay::{Moment, Replay};
    let m = map();
    let mut rng = SplitMix64::new(8);
    for _ in 0..50 {
        // Random replays: moments a few days apart, stages of the map, none, or not in the map.
        let mut moments = Vec::new();
        for contact in 0..4 {
            let mut time = day(rng.below(10) as i64);
            for _ in 0..rng.below(40) {
                time += rng.below(3 * DAY as u64) as Time;
                let stage = rng.below(6);
                moments.push(Moment {
                    contact,
                    time,
                    stage: (stage < 5).then_some(stage as u32),
                    outcome: None,
                });
            }
        }
        let replay = Replay {
            as_of: day(200),
            stages: ["lead", "deal", "client", "between", "elsewhere"]
                .map(String::from)
                .to_vec(),
            outcomes: Vec::new(),
            moments,
        };
        let paths = Paths::new(&m, &replay);
        for i in 0..paths.len() as u32 {
            let visits = paths.visits_of(i);
            for _ in 0..50 {
                let t = day(rng.below(150) as i64) + rng.below(DAY as u64) as Time - DAY;
                // As it was: the last visit entered at or before t, scanning back.
                let scan = visits
                    .iter()
                    .rev()
                    .find(|v| v.entered <= t)
                    .map(|v| v.stage);
                assert_eq!(paths.stage_at(i, t), scan, "{visits:?} at {t}");
                assert_eq!(paths::stage_during(visits, t), scan);
            }
        }
    }
}

/// One contact that changes stage every day for 40,000 days (a visit a day) with two events a
/// day: the replay, the report and the stage of each event (questions) must not cost events ×
/// visits. Prints times; run with `cargo test --release --lib -- --ignored --nocapture
/// metrics::tests::timing`.
#[test]
#[ignore = "timing harness"]
fn timing_one_contact_with_40_000_stage_changes() {
    use std::time::Instant;
    let mut b = DatasetBuilder::new(Shape::Events, vec![]);
    let c = b.contact("busy");
    for d in 0..40_000 {
        let kind = if d % 2 == 0 { "proposal" } else { "visit" };
        b.event(c, day(d), kind, None, None);
        b.event(c, day(d) + 3600, "click", None, None);
    }
    let data = b.finish();
    let m = map();
    let rules = RuleSet::parse(
        "stage deal when last \"proposal\" within 1d\n\
         stage lead when count any >= 1",
    )
    .unwrap();
    let at = day(40_000);
    let start = Instant::now();
    let a = Analysis::with_rules(&m, &data, &rules, at);
    println!("analysis: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    assert_eq!(a.paths.visits_of(0).len(), 40_000);
    let start = Instant::now();
    let r = a.report_all(&m, &data);
    println!("report: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    assert_eq!(r.stages[1].reached, 1);
    let start = Instant::now();
    let placed = data
        .events_of(&data.contacts[0])
        .iter()
        .filter(|e| a.paths.stage_at(0, e.time).is_some())
        .count();
    println!(
        "stage_at of 80,000 events: {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(placed, 80_000);
}

#[test]
fn the_report_basis_ignores_cards_and_edit_times_but_not_stages_or_settings() {
    let now = Timestamp::from_second(1_735_689_600).unwrap();
    let map = crate::domain::template::build(crate::domain::SourceModel::Hinge, now);
    assert!(!map.cards.is_empty());
    let mut edited = map.clone();
    edited.cards[0].title = Text::User("Another title".into());
    edited.cards.pop();
    edited.updated = Timestamp::from_second(1_735_776_000).unwrap();
    assert_eq!(report_basis(&edited), report_basis(&map));
    let mut renamed = map.clone();
    renamed.stages[0].name = Text::User("Renamed".into());
    assert_ne!(report_basis(&renamed), report_basis(&map));
    let mut settings = map.clone();
    settings.metrics.service_levels.clear();
    settings.metrics.line_field = Some("region".into());
    assert_ne!(report_basis(&settings), report_basis(&map));
}
