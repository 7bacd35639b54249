//! Prints the metrics of the demo data of a template: `cargo run --release --example metrics_demo -- hinge 120`.

use std::time::Instant;

use jiff::Timestamp;
use journey_mapper::domain::metrics::{terra, Analysis};
use journey_mapper::domain::{demo_data, template, SourceModel};

fn main() {
    let mut args = std::env::args().skip(1);
    let model = match args.next().as_deref() {
        Some("scaleo") => SourceModel::Scaleo,
        Some("act_on") => SourceModel::ActOn,
        Some("martech") => SourceModel::MarTech,
        _ => SourceModel::Hinge,
    };
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(120);
    let map = template::build(model, Timestamp::UNIX_EPOCH);
    let data = demo_data::demo_events_dataset(model, n, 1);
    let t = Instant::now();
    let analysis = Analysis::new(&map, &data, Timestamp::UNIX_EPOCH).expect("default rules");
    let replayed = t.elapsed();
    let report = analysis.report_all(&map, &data);
    let total = t.elapsed();
    println!(
        "{n} contacts, {} events: analysis {replayed:?}, with report {total:?}",
        data.events.len()
    );
    for s in &report.stages {
        println!(
            "{:24} now {:4} reached {:4} next {:?} median {:?} n {} open {}",
            s.stage.as_str(),
            s.now,
            s.reached,
            s.next.and_then(|r| r.share()),
            s.time.median(),
            s.time.n(),
            s.open
        );
    }
    println!(
        "became clients {:?}; ttc median {:?}",
        report.became_clients,
        report.time_to_convert.median()
    );
    for d in &report.decisions {
        for o in &d.outcomes {
            println!(
                "  {} {:?} {} came back {:?}",
                o.outcome, o.kind, o.contacts, o.came_back
            );
        }
    }
    println!(
        "{:?}\n{:?}\nreferrals {:?}",
        report.engagements, report.revenue, report.referrals
    );
    for g in terra::gaps(&map, &data, &report) {
        println!("gap {} {:?}", map.stages[g.stage as usize].id, g.kind);
    }
}
