//! Deterministic demo data for every template: a HubSpot-like record snapshot, an event log,
//! or both at once as a [`Dataset`], of any size.
//!
//! Each contact follows an *archetype* of its template (a prospect, a lost deal, a client, a
//! former client …) that fixes its status, dates and the kinds and ages of its events; the
//! first contacts take each archetype once, so even a small file reaches every stage and
//! every outcome of the template's default rules, and later ones are drawn by weight.
//! Contact `i` depends only on `(model, seed, i)`, so the records and events of the same seed
//! describe the same people, and files are streamed contact by contact into any
//! [`std::fmt::Write`] or [`std::io::Write`] without building the whole file.
//!
//! Randomness is a hand-written SplitMix64 rather than the `rand` crate: the output must be
//! byte-identical across versions and platforms forever (tests and benchmarks compare
//! figures), `rand` does not promise stable streams across releases, and this needs twenty
//! lines and no dependency.

use std::fmt;
use std::io;

use crate::domain::dataset::{format_date, Dataset, DatasetBuilder, Shape, Time, DAY};
use crate::domain::model::SourceModel;

/// The "now" of the demo data: 2026-01-01T00:00:00Z. Every generated time is before it;
/// classify demo data as of this time.
pub const DEMO_NOW: Time = 20_454 * DAY;

/// The extra columns of a demo record snapshot, in order.
pub const DEMO_FIELDS: [&str; 5] = ["email", "industry", "employees", "nps", "lost_reason"];

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, statistically sound 64-bit generator.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift (bias below 2^-32 for our sizes).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() >> 32) * n) >> 32
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi - lo) + 1) as u32
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Some events of one type: how many, and how many days before [`DEMO_NOW`].
struct Plan {
    kind: &'static str,
    channel: &'static str,
    count: (u32, u32),
    days_ago: (u32, u32),
}

const fn plan(
    kind: &'static str,
    channel: &'static str,
    count: (u32, u32),
    days_ago: (u32, u32),
) -> Plan {
    Plan {
        kind,
        channel,
        count,
        days_ago,
    }
}

/// One kind of contact of a template.
struct Archetype {
    weight: u32,
    status: &'static str,
    lost_reason: Option<&'static str>,
    nps: Option<(u32, u32)>,
    /// Days before now the deal closed.
    closed: Option<(u32, u32)>,
    /// How far it got: 0 lead, 1 MQL, 2 SQL.
    reached: u8,
    events: &'static [Plan],
}

const fn arch(
    weight: u32,
    status: &'static str,
    reached: u8,
    closed: Option<(u32, u32)>,
    events: &'static [Plan],
) -> Archetype {
    Archetype {
        weight,
        status,
        lost_reason: None,
        nps: None,
        closed,
        reached,
        events,
    }
}

const VISITS: Plan = plan("web_visit", "website", (2, 8), (1, 300));
const OPENS: Plan = plan("email_open", "email", (1, 5), (1, 300));

const HINGE: [Archetype; 9] = [
    arch(
        30,
        "Lead",
        0,
        None,
        &[
            VISITS,
            OPENS,
            plan("email_click", "email", (0, 3), (1, 120)),
        ],
    ),
    arch(
        12,
        "Opportunity",
        2,
        None,
        &[
            plan("web_visit", "website", (3, 8), (1, 90)),
            plan("content_download", "website", (1, 3), (1, 60)),
            plan("meeting", "meeting", (1, 2), (1, 30)),
            plan("proposal_request", "email", (1, 1), (1, 20)),
        ],
    ),
    Archetype {
        lost_reason: Some("timing"),
        ..arch(
            8,
            "Closed Lost",
            2,
            Some((30, 60)),
            &[
                plan("web_visit", "website", (2, 6), (60, 300)),
                plan("meeting", "meeting", (1, 1), (60, 200)),
                plan("proposal_request", "email", (1, 1), (60, 150)),
                plan("deal_postponed", "sales", (1, 1), (30, 60)),
            ],
        )
    },
    Archetype {
        lost_reason: Some("price"),
        ..arch(
            8,
            "Closed Lost",
            2,
            Some((30, 90)),
            &[
                plan("web_visit", "website", (2, 6), (90, 300)),
                plan("meeting", "meeting", (1, 1), (90, 200)),
                plan("deal_lost", "sales", (1, 1), (30, 90)),
            ],
        )
    },
    arch(
        12,
        "Closed Won",
        2,
        Some((10, 150)),
        &[
            plan("meeting", "meeting", (1, 3), (151, 250)),
            plan("contract_signed", "sales", (1, 1), (10, 150)),
            plan("project_start", "project", (1, 1), (5, 140)),
            plan("email_open", "email", (2, 6), (1, 140)),
        ],
    ),
    arch(
        8,
        "Closed Won",
        2,
        Some((300, 700)),
        &[
            plan("project_start", "project", (1, 1), (300, 600)),
            plan("project_end", "project", (1, 1), (200, 299)),
            plan("newsletter_open", "email", (2, 5), (5, 200)),
            plan("meeting", "meeting", (1, 1), (5, 60)),
            plan("proposal_request", "email", (1, 1), (5, 60)),
        ],
    ),
    arch(
        8,
        "Closed Won",
        2,
        Some((400, 800)),
        &[
            plan("project_start", "project", (1, 1), (400, 700)),
            plan("project_end", "project", (1, 1), (250, 390)),
            plan("newsletter_open", "email", (2, 6), (200, 390)),
        ],
    ),
    Archetype {
        nps: Some((9, 10)),
        ..arch(
            7,
            "Churned",
            2,
            Some((500, 900)),
            &[
                plan("project_start", "project", (1, 1), (500, 800)),
                plan("project_end", "project", (1, 1), (300, 480)),
                plan("churned", "sales", (1, 1), (100, 290)),
                plan("nps_promoter", "survey", (1, 1), (100, 290)),
                plan("referral", "referral", (1, 2), (10, 200)),
                plan("newsletter_open", "email", (1, 4), (1, 300)),
            ],
        )
    },
    Archetype {
        nps: Some((0, 6)),
        ..arch(
            7,
            "Churned",
            2,
            Some((500, 900)),
            &[
                plan("project_start", "project", (1, 1), (500, 800)),
                plan("project_end", "project", (1, 1), (300, 480)),
                plan("churned", "sales", (1, 1), (100, 290)),
                plan("nps_detractor", "survey", (1, 1), (100, 290)),
                plan("support_ticket", "support", (1, 4), (300, 600)),
            ],
        )
    },
];

const SCALEO: [Archetype; 8] = [
    arch(
        20,
        "Subscriber",
        0,
        None,
        &[
            plan("newsletter_open", "email", (2, 6), (120, 400)),
            plan("web_visit", "website", (1, 4), (120, 400)),
        ],
    ),
    arch(
        12,
        "Lead",
        0,
        None,
        &[
            plan("web_visit", "website", (2, 6), (1, 25)),
            plan("search_visit", "search", (1, 2), (1, 25)),
            plan("email_open", "email", (1, 4), (1, 25)),
        ],
    ),
    arch(
        12,
        "MQL",
        1,
        None,
        &[
            plan("content_download", "website", (2, 4), (1, 80)),
            plan("web_visit", "website", (2, 6), (1, 60)),
            plan("webinar", "webinar", (0, 1), (1, 80)),
        ],
    ),
    arch(
        10,
        "Opportunity",
        2,
        None,
        &[
            plan("demo_request", "website", (1, 1), (1, 50)),
            plan("content_download", "website", (1, 3), (1, 120)),
            plan("web_visit", "website", (3, 8), (1, 90)),
            plan("pricing_view", "website", (1, 3), (1, 30)),
        ],
    ),
    arch(
        8,
        "Negotiation",
        2,
        None,
        &[
            plan("proposal_request", "email", (1, 1), (1, 40)),
            plan("demo_request", "website", (1, 1), (40, 80)),
            plan("meeting", "meeting", (1, 2), (1, 40)),
            plan("pricing_view", "website", (2, 5), (1, 60)),
        ],
    ),
    Archetype {
        lost_reason: Some("competitor"),
        ..arch(
            8,
            "Closed Lost",
            2,
            Some((10, 35)),
            &[
                plan("proposal_request", "email", (1, 1), (40, 100)),
                plan("meeting", "meeting", (1, 2), (40, 100)),
                plan("deal_lost", "sales", (1, 1), (10, 35)),
                plan("web_visit", "website", (2, 6), (40, 200)),
            ],
        )
    },
    arch(
        10,
        "Customer",
        2,
        Some((30, 300)),
        &[
            plan("contract_signed", "sales", (1, 1), (30, 300)),
            plan("onboarding", "service", (1, 2), (1, 29)),
            plan("support_ticket", "support", (0, 3), (1, 29)),
            plan("email_open", "email", (2, 5), (1, 300)),
        ],
    ),
    Archetype {
        nps: Some((9, 10)),
        ..arch(
            8,
            "Customer",
            2,
            Some((300, 900)),
            &[
                plan("contract_signed", "sales", (1, 1), (300, 900)),
                plan("renewal", "sales", (1, 1), (10, 200)),
                // Some loyal customers refer others, the rest come back with a new need.
                plan("referral", "referral", (0, 2), (10, 200)),
                plan("nps_promoter", "survey", (1, 1), (10, 200)),
                plan("email_open", "email", (2, 5), (1, 300)),
            ],
        )
    },
];

const ACT_ON: [Archetype; 7] = [
    arch(
        20,
        "Visitor",
        0,
        None,
        &[VISITS, plan("ad_click", "paid", (0, 2), (1, 300))],
    ),
    arch(
        15,
        "Lead",
        0,
        None,
        &[
            plan("form_submit", "website", (1, 1), (1, 200)),
            VISITS,
            OPENS,
        ],
    ),
    arch(
        15,
        "MQL",
        1,
        None,
        &[
            plan("form_submit", "website", (1, 1), (60, 300)),
            plan("email_open", "email", (2, 6), (1, 120)),
            plan("email_click", "email", (1, 4), (1, 120)),
            plan("content_download", "website", (1, 2), (1, 90)),
            plan("webinar", "webinar", (0, 1), (1, 90)),
        ],
    ),
    arch(
        10,
        "SQL",
        2,
        None,
        &[
            plan("meeting", "meeting", (1, 2), (1, 60)),
            plan("demo_request", "website", (1, 1), (1, 60)),
            VISITS,
        ],
    ),
    arch(
        10,
        "Customer",
        2,
        Some((10, 600)),
        &[
            plan("contract_signed", "sales", (1, 1), (10, 600)),
            plan("meeting", "meeting", (1, 3), (1, 600)),
            OPENS,
        ],
    ),
    Archetype {
        lost_reason: Some("price"),
        ..arch(
            8,
            "Closed Lost",
            2,
            Some((10, 300)),
            &[
                plan("demo_request", "website", (1, 1), (100, 400)),
                plan("deal_lost", "sales", (1, 1), (10, 99)),
                VISITS,
            ],
        )
    },
    Archetype {
        lost_reason: Some("no_budget"),
        ..arch(
            6,
            "No Decision",
            2,
            Some((10, 300)),
            &[
                plan("meeting", "meeting", (1, 2), (100, 400)),
                plan("deal_stalled", "sales", (1, 1), (10, 99)),
                VISITS,
            ],
        )
    },
];

const MARTECH: [Archetype; 5] = [
    arch(
        25,
        "Subscriber",
        0,
        None,
        &[VISITS, plan("social_click", "social", (1, 4), (1, 300))],
    ),
    arch(
        20,
        "MQL",
        1,
        None,
        &[
            plan("email_click", "email", (1, 4), (1, 120)),
            plan("content_download", "website", (1, 2), (1, 120)),
            OPENS,
        ],
    ),
    arch(
        15,
        "Opportunity",
        2,
        None,
        &[
            plan("demo_request", "website", (1, 1), (1, 90)),
            plan("meeting", "meeting", (1, 2), (1, 90)),
            plan("proposal_request", "email", (0, 1), (1, 60)),
            VISITS,
        ],
    ),
    arch(
        15,
        "Customer",
        2,
        Some((30, 700)),
        &[
            plan("contract_signed", "sales", (1, 1), (30, 700)),
            plan("login", "product", (3, 10), (1, 200)),
            plan("support_ticket", "support", (0, 3), (1, 200)),
        ],
    ),
    Archetype {
        nps: Some((9, 10)),
        ..arch(
            10,
            "Customer",
            2,
            Some((200, 900)),
            &[
                plan("contract_signed", "sales", (1, 1), (200, 900)),
                plan("upsell", "sales", (1, 1), (1, 199)),
                plan("referral", "referral", (0, 1), (1, 199)),
                plan("login", "product", (3, 10), (1, 200)),
            ],
        )
    },
];

fn archetypes(model: SourceModel) -> &'static [Archetype] {
    match model {
        SourceModel::Hinge => &HINGE,
        SourceModel::Scaleo => &SCALEO,
        SourceModel::ActOn => &ACT_ON,
        // Blank has no stages; MarTech's simple lifecycle stands in for its data.
        SourceModel::MarTech | SourceModel::Blank => &MARTECH,
    }
}

const FIRST: [&str; 12] = [
    "Ann", "Boris", "Chloe", "Dmitri", "Eun-ji", "Farid", "Grace", "Hyun", "Irina", "Jonas",
    "Kate", "Lev",
];
const LAST: [&str; 12] = [
    "Kim", "Ivanova", "Smith", "Park", "Petrov", "Garcia", "Lee", "Novak", "Brown", "Choi",
    "Sokolov", "Jones",
];
const COMPANY: [&str; 10] = [
    "Northwind",
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Tyrell",
    "Vandelay",
];
const INDUSTRY: [&str; 6] = [
    "Software",
    "Professional services",
    "Financial services",
    "Manufacturing",
    "Retail",
    "Healthcare",
];
const OWNERS: [&str; 5] = ["alice", "bob", "carol", "dave", "erin"];
const SOURCES: [&str; 6] = [
    "website",
    "referral",
    "event",
    "paid_search",
    "social",
    "partner",
];

/// One generated event.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoEvent {
    pub time: Time,
    pub kind: &'static str,
    pub channel: &'static str,
    pub value: Option<f64>,
}

/// One generated contact: its record row and its events (oldest first).
#[derive(Clone, Debug, PartialEq)]
pub struct DemoContact {
    pub id: String,
    pub name: String,
    pub email: String,
    pub account: String,
    pub status: &'static str,
    pub created: Time,
    pub lead: Option<Time>,
    pub mql: Option<Time>,
    pub sql: Option<Time>,
    pub closed: Option<Time>,
    pub amount: Option<f64>,
    pub owner: &'static str,
    pub source: &'static str,
    pub industry: &'static str,
    pub employees: u32,
    pub nps: Option<u32>,
    pub lost_reason: Option<&'static str>,
    pub events: Vec<DemoEvent>,
}

fn days_ago(rng: &mut SplitMix64, (lo, hi): (u32, u32)) -> Time {
    // A random second within the chosen day range, always before DEMO_NOW (lo >= 1).
    let lo = Time::from(lo.max(1)) * DAY;
    let hi = Time::from(hi.max(1) + 1) * DAY - 1;
    DEMO_NOW - (lo + rng.below((hi - lo) as u64) as Time)
}

/// Contact number `i` (0-based) of a demo file of `contacts` contacts.
pub fn demo_contact(model: SourceModel, contacts: usize, seed: u64, i: usize) -> DemoContact {
    let arch_list = archetypes(model);
    let mut rng = SplitMix64::new(seed ^ (i as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    rng.next_u64();
    let a = if i < arch_list.len() {
        &arch_list[i]
    } else {
        let total: u32 = arch_list.iter().map(|a| a.weight).sum();
        let mut r = rng.below(u64::from(total)) as u32;
        arch_list
            .iter()
            .find(|a| {
                if r < a.weight {
                    true
                } else {
                    r -= a.weight;
                    false
                }
            })
            .unwrap_or(&arch_list[0])
    };
    let first = *rng.pick(&FIRST);
    let last = *rng.pick(&LAST);
    let accounts = (contacts / 3).max(1) as u64;
    let acct = rng.below(accounts);
    let company = COMPANY[(acct % COMPANY.len() as u64) as usize];
    let gmail = rng.below(5) == 0;
    let email = if gmail {
        format!(
            "{}.{}{i}@gmail.com",
            first.to_lowercase(),
            last.to_lowercase()
        )
    } else {
        format!(
            "{}.{}{i}@{}{acct}.com",
            first.to_lowercase(),
            last.to_lowercase(),
            company.to_lowercase()
        )
    };
    let mut events = Vec::new();
    for p in a.events {
        for _ in 0..rng.between(p.count.0, p.count.1) {
            let time = days_ago(&mut rng, p.days_ago);
            let value = match p.kind {
                "contract_signed" | "deal_lost" => Some(f64::from(rng.between(50, 2000) * 100)),
                "nps_promoter" => Some(f64::from(rng.between(9, 10))),
                "nps_detractor" => Some(f64::from(rng.between(0, 6))),
                _ => None,
            };
            events.push(DemoEvent {
                time,
                kind: p.kind,
                channel: p.channel,
                value,
            });
        }
    }
    events.sort_by_key(|e| e.time);
    let closed = a.closed.map(|r| days_ago(&mut rng, r));
    let first_seen = events.first().map_or(DEMO_NOW - DAY, |e| e.time);
    let created =
        first_seen.min(closed.unwrap_or(Time::MAX)) - Time::from(rng.between(1, 60)) * DAY;
    let created = created - created.rem_euclid(DAY);
    let step = |n: u32| Some(created + Time::from(n) * DAY);
    DemoContact {
        id: format!("C{:07}", i + 1),
        name: format!("{first} {last}"),
        email,
        account: format!("{company} {acct}"),
        status: a.status,
        created,
        lead: step(0),
        mql: if a.reached >= 1 {
            step(rng.between(1, 20))
        } else {
            None
        },
        sql: if a.reached >= 2 {
            step(rng.between(21, 40))
        } else {
            None
        },
        closed: closed.map(|c| c - c.rem_euclid(DAY)),
        amount: a.closed.map(|_| f64::from(rng.between(50, 2000) * 100)),
        owner: rng.pick::<&str>(&OWNERS),
        source: rng.pick::<&str>(&SOURCES),
        industry: rng.pick::<&str>(&INDUSTRY),
        employees: [5, 20, 80, 300, 1200, 8000][rng.below(6) as usize] + rng.between(0, 30),
        nps: a.nps.map(|(lo, hi)| rng.between(lo, hi)),
        lost_reason: a.lost_reason,
        events,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_iso(t: Time) -> String {
    let s = t.rem_euclid(DAY);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format_date(t),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Header of the event log.
pub const EVENTS_HEADER: &str = "contact,account,time,type,channel,value";
/// Header of the record snapshot.
pub const RECORDS_HEADER: &str = "id,name,email,account,status,created,lead,mql,sql,closed,amount,owner,source,industry,employees,nps,lost_reason";

fn write_contact_events<W: fmt::Write>(out: &mut W, c: &DemoContact) -> fmt::Result {
    for e in &c.events {
        write!(
            out,
            "{},{},{},{},{},",
            c.id,
            c.account,
            format_iso(e.time),
            e.kind,
            e.channel
        )?;
        if let Some(v) = e.value {
            write!(out, "{v}")?;
        }
        out.write_char('\n')?;
    }
    Ok(())
}

fn write_contact_record<W: fmt::Write>(out: &mut W, c: &DemoContact) -> fmt::Result {
    let d = |t: Option<Time>| t.map(format_date).unwrap_or_default();
    writeln!(
        out,
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
        c.id,
        c.name,
        c.email,
        c.account,
        c.status,
        format_date(c.created),
        d(c.lead),
        d(c.mql),
        d(c.sql),
        d(c.closed),
        c.amount.map(|a| a.to_string()).unwrap_or_default(),
        c.owner,
        c.source,
        c.industry,
        c.employees,
        c.nps.map(|n| n.to_string()).unwrap_or_default(),
        c.lost_reason.unwrap_or_default()
    )
}

/// Streams the event log of `contacts` contacts (header first, rows by contact then time).
pub fn write_events<W: fmt::Write>(
    out: &mut W,
    model: SourceModel,
    contacts: usize,
    seed: u64,
) -> fmt::Result {
    writeln!(out, "{EVENTS_HEADER}")?;
    for i in 0..contacts {
        write_contact_events(out, &demo_contact(model, contacts, seed, i))?;
    }
    Ok(())
}

/// Streams the record snapshot of `rows` contacts.
pub fn write_records<W: fmt::Write>(
    out: &mut W,
    model: SourceModel,
    rows: usize,
    seed: u64,
) -> fmt::Result {
    writeln!(out, "{RECORDS_HEADER}")?;
    for i in 0..rows {
        write_contact_record(out, &demo_contact(model, rows, seed, i))?;
    }
    Ok(())
}

/// Which demo file to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoFile {
    Events,
    Records,
}

/// Streams a demo file into an [`io::Write`], a contact at a time (one small buffer).
pub fn write_io<W: io::Write>(
    mut out: W,
    file: DemoFile,
    model: SourceModel,
    contacts: usize,
    seed: u64,
) -> io::Result<()> {
    let mut buf = String::with_capacity(4096);
    buf.push_str(match file {
        DemoFile::Events => EVENTS_HEADER,
        DemoFile::Records => RECORDS_HEADER,
    });
    buf.push('\n');
    for i in 0..contacts {
        let c = demo_contact(model, contacts, seed, i);
        // Writing into a String cannot fail.
        let _ = match file {
            DemoFile::Events => write_contact_events(&mut buf, &c),
            DemoFile::Records => write_contact_record(&mut buf, &c),
        };
        if buf.len() >= 64 * 1024 {
            out.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    out.write_all(buf.as_bytes())?;
    out.flush()
}

/// The event log as one string.
pub fn events_csv(model: SourceModel, contacts: usize, seed: u64) -> String {
    let mut s = String::new();
    let _ = write_events(&mut s, model, contacts, seed);
    s
}

/// The record snapshot as one string.
pub fn records_csv(model: SourceModel, rows: usize, seed: u64) -> String {
    let mut s = String::new();
    let _ = write_records(&mut s, model, rows, seed);
    s
}

/// Records and events of the same contacts in one [`Dataset`] (shape `Records`, extra fields
/// [`DEMO_FIELDS`]), built directly, without CSV.
pub fn demo_dataset(model: SourceModel, contacts: usize, seed: u64) -> Dataset {
    build(model, contacts, seed, true)
}

/// Only the event log of the same contacts, as an importer would build it from
/// [`events_csv`] (shape `Events`, no extra fields).
pub fn demo_events_dataset(model: SourceModel, contacts: usize, seed: u64) -> Dataset {
    build(model, contacts, seed, false)
}

fn build(model: SourceModel, contacts: usize, seed: u64, records: bool) -> Dataset {
    let (shape, fields) = if records {
        (
            Shape::Records,
            DEMO_FIELDS.iter().map(|f| f.to_string()).collect(),
        )
    } else {
        (Shape::Events, Vec::new())
    };
    let mut b = DatasetBuilder::new(shape, fields);
    for i in 0..contacts {
        let c = demo_contact(model, contacts, seed, i);
        let ci = b.contact(&c.id);
        let ai = b.account(&c.account);
        b.contact_mut(ci).account = Some(ai);
        if records {
            for t in [Some(c.created), c.lead, c.mql, c.sql, c.closed]
                .into_iter()
                .flatten()
            {
                b.saw(t);
            }
            let k = b.contact_mut(ci);
            k.name = Some(c.name.clone());
            k.status = Some(c.status.to_owned());
            k.dates.created = Some(c.created);
            k.dates.lead = c.lead;
            k.dates.mql = c.mql;
            k.dates.sql = c.sql;
            k.dates.closed = c.closed;
            k.amount = c.amount;
            k.owner = Some(c.owner.to_owned());
            k.source = Some(c.source.to_owned());
            k.extra = vec![
                Some(c.email.clone()),
                Some(c.industry.to_owned()),
                Some(c.employees.to_string()),
                c.nps.map(|n| n.to_string()),
                c.lost_reason.map(str::to_owned),
            ];
        }
        for e in &c.events {
            b.event(ci, e.time, e.kind, Some(e.channel), e.value);
        }
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::time_from_date;
    use crate::domain::rules::{classify, RuleSet};
    use crate::domain::template;

    #[test]
    fn demo_now_is_new_year_2026() {
        assert_eq!(time_from_date(2026, 1, 1), Some(DEMO_NOW));
        assert_eq!(format_iso(DEMO_NOW - 1), "2025-12-31T23:59:59Z");
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // First outputs of SplitMix64 seeded with 0 (reference C implementation).
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = events_csv(SourceModel::Hinge, 50, 7);
        assert_eq!(a, events_csv(SourceModel::Hinge, 50, 7));
        assert_ne!(a, events_csv(SourceModel::Hinge, 50, 8));
        assert!(a.starts_with("contact,account,time,type,channel,value\n"));
        let mut io_bytes = Vec::new();
        write_io(&mut io_bytes, DemoFile::Events, SourceModel::Hinge, 50, 7).unwrap();
        assert_eq!(String::from_utf8(io_bytes).unwrap(), a);
        let r = records_csv(SourceModel::Scaleo, 20, 7);
        assert_eq!(r.lines().count(), 21);
        assert!(r.lines().all(|l| l.split(',').count() == 17));
    }

    #[test]
    fn events_file_and_dataset_agree() {
        let csv = events_csv(SourceModel::ActOn, 40, 3);
        let data = demo_events_dataset(SourceModel::ActOn, 40, 3);
        assert_eq!(csv.lines().count() - 1, data.events.len());
        assert_eq!(data.contacts.len(), 40);
        assert!(data.events.iter().all(|e| e.time < DEMO_NOW));
        // The first row is the first event of contact 1, at its ISO time.
        let first = csv.lines().nth(1).unwrap();
        let e = data.events[0];
        assert!(first.starts_with("C0000001,"));
        assert!(first.contains(&format_iso(e.time)));
    }

    #[test]
    fn about_ten_events_per_contact() {
        for model in SourceModel::ALL {
            let n = demo_events_dataset(model, 2000, 1).events.len();
            assert!((14_000..=26_000).contains(&n), "{model:?}: {n}");
        }
    }

    /// Every stage and every outcome of each template gets contacts, from the records and
    /// events together and from the event log alone.
    #[test]
    fn default_rules_reach_every_stage_and_outcome() {
        for model in SourceModel::ALL {
            let map = template::build(model, jiff::Timestamp::UNIX_EPOCH);
            let rules = RuleSet::default_for(model);
            for data in [
                demo_dataset(model, 300, 42),
                demo_events_dataset(model, 300, 42),
            ] {
                let c = classify(&data, &rules, DEMO_NOW);
                for stage in &map.stages {
                    assert!(
                        c.contacts_in(stage.id.as_str()) > 0,
                        "{model:?} {:?} stage {}: {:?} {:?}",
                        data.shape,
                        stage.id.as_str(),
                        c.stages,
                        c.stage_contacts
                    );
                    if let Some(d) = &stage.decision {
                        for o in &d.outcomes {
                            assert!(
                                c.with_outcome(o.id.as_str()) > 0,
                                "{model:?} {:?} outcome {}: {:?} {:?}",
                                data.shape,
                                o.id.as_str(),
                                c.outcomes,
                                c.outcome_contacts
                            );
                        }
                    }
                }
                // Rules name only the template's stages.
                for s in &c.stages {
                    assert!(map.stages.iter().any(|m| m.id.as_str() == s), "{s}");
                }
                if !map.stages.is_empty() {
                    assert_eq!(c.unplaced_contacts, 0, "{model:?}");
                }
            }
        }
    }

    /// The first contacts take each archetype once, so even 9 contacts cover Hinge.
    #[test]
    fn nine_hinge_contacts_cover_every_stage() {
        let data = demo_dataset(SourceModel::Hinge, 9, 1);
        let c = classify(&data, &RuleSet::default_for(SourceModel::Hinge), DEMO_NOW);
        let stages: Vec<_> = c
            .placements
            .iter()
            .map(|p| c.stage_of(p).unwrap())
            .collect();
        assert_eq!(
            stages,
            [
                "pre_purchase",
                "pre_purchase",
                "pre_purchase",
                "pre_purchase",
                "client_experience",
                "between_engagements",
                "between_engagements",
                "former_client",
                "former_client"
            ]
        );
        let outcomes: Vec<_> = c.placements.iter().map(|p| c.outcome_of(p)).collect();
        assert_eq!(
            outcomes,
            [
                None,
                None,
                Some("not_now"),
                Some("no_way"),
                Some("hired"),
                Some("returns"),
                Some("drifts_away"),
                Some("good_experience"),
                Some("bad_experience")
            ]
        );
    }
}
