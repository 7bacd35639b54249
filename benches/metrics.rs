//! Metrics of a generated dataset (Hinge demo data, 10k contacts, about 81k events): the
//! replay of the rules over every contact's past, and one report over all contacts.
//! Run: `cargo bench --bench metrics`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use jiff::Timestamp;
use journey_mapper::domain::demo_data::demo_events_dataset;
use journey_mapper::domain::metrics::{segments, Analysis};
use journey_mapper::domain::model::SourceModel;
use journey_mapper::domain::template;

fn bench(c: &mut Criterion) {
    let map = template::build(SourceModel::Hinge, Timestamp::UNIX_EPOCH);
    let data = demo_events_dataset(SourceModel::Hinge, 10_000, 42);
    eprintln!(
        "dataset: {} contacts, {} events",
        data.contacts.len(),
        data.events.len()
    );
    let mut g = c.benchmark_group("metrics");
    g.sample_size(10);
    g.bench_function("hinge_10k_analysis", |b| {
        b.iter(|| Analysis::new(black_box(&map), black_box(&data), Timestamp::UNIX_EPOCH))
    });
    let analysis = Analysis::new(&map, &data, Timestamp::UNIX_EPOCH).expect("default rules");
    g.bench_function("hinge_10k_report", |b| {
        b.iter(|| analysis.report_all(black_box(&map), black_box(&data)))
    });
    g.bench_function("hinge_10k_report_by_quarter", |b| {
        b.iter(|| {
            for p in segments::by_period(&analysis.paths, segments::Granularity::Quarter) {
                black_box(journey_mapper::domain::metrics::report(
                    analysis.input(&map, &data),
                    &p.contacts,
                ));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
