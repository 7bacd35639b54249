//! The whole engine, as the JS API runs it: import a generated 1M-event CSV (Hinge demo data,
//! 100k contacts), classify it with the Hinge default rules and count per stage.
//! Run: `cargo bench --bench engine`. Prints MB/s and rows/s besides criterion's times.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use jiff::Timestamp;
use journey_mapper::domain::demo_data::events_csv;
use journey_mapper::domain::engine::{run, EngineOptions};
use journey_mapper::domain::model::SourceModel;

fn bench(c: &mut Criterion) {
    let csv = events_csv(SourceModel::Hinge, 100_000, 42);
    let options = EngineOptions {
        model: Some(SourceModel::Hinge),
        contacts: Some(false),
        ..EngineOptions::default()
    };
    let start = Instant::now();
    let result =
        run(csv.as_bytes(), &options, Timestamp::UNIX_EPOCH).expect("the demo data imports");
    let took = start.elapsed().as_secs_f64();
    let mb = csv.len() as f64 / 1e6;
    eprintln!(
        "engine: {:.1} MB, {} rows, {} contacts -> {:.0} ms once ({:.0} MB/s, {:.2} M rows/s); per stage: {:?}",
        mb,
        result.rows,
        result.contact_count,
        took * 1e3,
        mb / took,
        result.rows as f64 / took / 1e6,
        result.stages.iter().map(|s| (s.id.as_str(), s.contacts)).collect::<Vec<_>>()
    );
    let mut g = c.benchmark_group("engine");
    g.sample_size(10);
    g.bench_function("import_classify_count_hinge_1m_events", |b| {
        b.iter(|| run(black_box(csv.as_bytes()), &options, Timestamp::UNIX_EPOCH))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
