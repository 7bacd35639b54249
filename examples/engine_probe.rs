//! The browser benchmark's workload natively, with the time of each phase and the peak heap:
//! `cargo run --profile engine --example engine_probe -- target/bench/events-1000000-c100000-s42-v1.csv`
//! (the file `node scripts/bench-browser.mjs` writes). Reads the file in 1 MiB chunks, as
//! `classifyCsv` does, so the peak heap is comparable with the browser's `(file+Δ)/file`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use jiff::Timestamp;
use journey_mapper::domain::engine::{self, EngineOptions, Session};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A moved block holds both copies for a moment, as wasm's allocator does.
        let now = IN_USE.fetch_add(new_size, Ordering::Relaxed) + new_size;
        PEAK.fetch_max(now, Ordering::Relaxed);
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The rules `bench/browser/bench.mjs` writes for `bench/browser/workload.json`.
const RULES: &str = "engage +1 per \"page_view\"\nengage +2 per \"email_open\"\nengage +3 per \"email_click\"\nengage +8 per \"content_download\"\nengage +10 per \"webinar\"\nengage +25 per \"demo_request\"\nstage customer when count \"contract_signed\" >= 1\nstage sql when score >= 60\nstage mql when score >= 30\nstage lead when score >= 5\nstage visitor when count any >= 1";

fn mb(n: usize) -> f64 {
    n as f64 / 1e6
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: engine_probe FILE.csv [runs]");
    let runs: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let bytes = std::fs::read(&path).expect("the file reads");
    let options = EngineOptions {
        rules: Some(RULES.to_owned()),
        contacts: Some(false),
        ..EngineOptions::default()
    };
    for run in 0..runs {
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let start = Instant::now();
        let mut importer = engine::importer_for(&options).expect("options");
        importer.expect_bytes(bytes.len() as u64);
        for chunk in bytes.chunks(engine::CHUNK) {
            importer.push(chunk).expect("imports");
        }
        let session = Session::finished(importer).expect("imports");
        let imported = start.elapsed();
        let import_peak = PEAK.load(Ordering::Relaxed) - base;
        let result = session
            .classify(&options, Timestamp::UNIX_EPOCH)
            .expect("classifies");
        let total = start.elapsed();
        let peak = PEAK.load(Ordering::Relaxed) - base;
        println!(
            "run {run}: {:.0} ms (import {:.0} ms, classify {:.0} ms); peak heap {:.1} MB (import {:.1} MB), (file+peak)/file {:.2}; rows {}, bad {}, stages {:?}",
            total.as_secs_f64() * 1e3,
            imported.as_secs_f64() * 1e3,
            (total - imported).as_secs_f64() * 1e3,
            mb(peak),
            mb(import_peak),
            (bytes.len() + peak) as f64 / bytes.len() as f64,
            result.rows,
            result.bad_row_count,
            result.stages.iter().map(|s| (s.id.as_str(), s.contacts)).collect::<Vec<_>>()
        );
    }
}
