//! Writes a demo file to standard output.
//!
//! `cargo run --release --example demo_data -- events hinge 100000 42 > events.csv`
//! `cargo run --release --example demo_data -- records scaleo 5000 7 > records.csv`
//!
//! Models: hinge, scaleo, act_on, martech, blank.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use journey_mapper::domain::demo_data::{write_io, DemoFile};
use journey_mapper::domain::model::SourceModel;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        eprintln!(
            "usage: demo_data (events|records) (hinge|scaleo|act_on|martech|blank) CONTACTS [SEED]"
        );
        ExitCode::from(2)
    };
    let file = match args.first().map(String::as_str) {
        Some("events") => DemoFile::Events,
        Some("records") => DemoFile::Records,
        _ => return usage(),
    };
    let Some(model) = args
        .get(1)
        .and_then(|m| SourceModel::ALL.into_iter().find(|s| s.slug() == m))
    else {
        return usage();
    };
    let Some(contacts) = args.get(2).and_then(|n| n.parse::<usize>().ok()) else {
        return usage();
    };
    let seed = match args.get(3).map(|s| s.parse::<u64>()) {
        None => 42,
        Some(Ok(s)) => s,
        Some(Err(_)) => return usage(),
    };
    let out = BufWriter::new(io::stdout().lock());
    match write_io(out, file, model, contacts, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("demo_data: {e}");
            ExitCode::FAILURE
        }
    }
}
