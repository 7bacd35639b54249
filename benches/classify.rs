//! Classifying a generated dataset (Hinge demo data: 100k contacts, about 1M events) with the
//! Hinge default rules. Run: `cargo bench --bench classify`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use journey_mapper::domain::demo_data::{demo_events_dataset, DEMO_NOW};
use journey_mapper::domain::model::SourceModel;
use journey_mapper::domain::rules::{classify, RuleSet};

fn bench(c: &mut Criterion) {
    let data = demo_events_dataset(SourceModel::Hinge, 100_000, 42);
    let rules = RuleSet::default_for(SourceModel::Hinge);
    eprintln!(
        "dataset: {} contacts, {} accounts, {} events",
        data.contacts.len(),
        data.accounts.len(),
        data.events.len()
    );
    let mut g = c.benchmark_group("classify");
    g.sample_size(20);
    g.bench_function("hinge_100k_contacts_events", |b| {
        b.iter(|| classify(black_box(&data), black_box(&rules), DEMO_NOW))
    });
    let data = journey_mapper::domain::demo_data::demo_dataset(SourceModel::Hinge, 100_000, 42);
    g.bench_function("hinge_100k_contacts_records_and_events", |b| {
        b.iter(|| classify(black_box(&data), black_box(&rules), DEMO_NOW))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
