//! Import throughput on a generated event log (contact, account, time, type, channel,
//! value), about 80 bytes a row like the 1M-row / 80 MB target file.
//!
//! The generator is a tiny deterministic one of this bench's own (a linear congruential
//! generator), so the bench does not depend on the project's demo-data generator.
//! Besides criterion's timing of 100k rows, it imports 1M rows once and prints MB/s and
//! rows/s for both.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use journey_mapper::domain::dataset::{format_date, DAY};
use journey_mapper::domain::import::{import_bytes, Importer, Options};

/// `rows` event rows over `rows / 20` contacts in `rows / 200` accounts.
fn event_log(rows: usize) -> Vec<u8> {
    const TYPES: [&str; 8] = [
        "email_open",
        "email_click",
        "page_view",
        "webinar",
        "demo_request",
        "meeting",
        "trial_start",
        "purchase",
    ];
    const CHANNELS: [&str; 5] = ["email", "web", "paid_search", "social", "sales"];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let contacts = (rows / 20).max(1);
    let mut out = Vec::with_capacity(rows * 84);
    out.extend_from_slice(b"contact,account,timestamp,event,channel,value\n");
    let start: i64 = 1_704_067_200; // 2024-01-01
    for _ in 0..rows {
        let c = next() % contacts;
        let t = start + (next() % (365 * 86_400)) as i64;
        let s = t.rem_euclid(DAY);
        let date = format_date(t);
        let line = format!(
            "contact-{c:07}@example.com,Account {:05} Ltd,{}T{:02}:{:02}:{:02}Z,{},{},{}.{}\n",
            c / 10,
            date,
            s / 3600,
            s / 60 % 60,
            s % 60,
            TYPES[next() % TYPES.len()],
            CHANNELS[next() % CHANNELS.len()],
            next() % 1000,
            next() % 10,
        );
        out.extend_from_slice(line.as_bytes());
    }
    out
}

/// Imports in 1 MiB chunks, as the browser reads a file.
fn import_chunked(bytes: &[u8]) -> usize {
    let mut imp = Importer::new(Options::default());
    for chunk in bytes.chunks(1 << 20) {
        imp.push(chunk).expect("valid file");
    }
    let done = imp.finish().expect("valid file");
    assert_eq!(done.report.bad_row_count, 0);
    done.dataset.events.len()
}

fn bench(c: &mut Criterion) {
    let rows = 100_000;
    let file = event_log(rows);
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(file.len() as u64));
    group.sample_size(20);
    group.bench_function("event_log_100k_rows", |b| {
        b.iter(|| import_chunked(black_box(&file)))
    });
    group.finish();

    for rows in [100_000, 1_000_000] {
        let file = event_log(rows);
        // One warm-up, then the best of three.
        let mut best = f64::INFINITY;
        for _ in 0..4 {
            let t = Instant::now();
            let events = import_chunked(&file);
            assert_eq!(events, rows);
            best = best.min(t.elapsed().as_secs_f64());
        }
        let whole = Instant::now();
        let d = import_bytes(&file, Options::default()).expect("valid file");
        let whole = whole.elapsed().as_secs_f64();
        println!(
            "{rows} rows, {:.1} MB, {} contacts, {} accounts: {:.3} s ({:.0} MB/s, {:.2} M rows/s); whole file in one push: {:.3} s",
            file.len() as f64 / 1e6,
            d.dataset.contacts.len(),
            d.dataset.accounts.len(),
            best,
            file.len() as f64 / 1e6 / best,
            rows as f64 / 1e6 / best,
            whole,
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
