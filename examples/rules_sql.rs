//! Prints a file's rules as DuckDB SQL and the engine's counts for the same file, for
//! comparing by hand: `cargo run --example rules_sql -- FILE.csv '{"model":"hinge"}' OUT.sql`.
use journey_mapper::domain::engine::{run, sql, EngineOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "--sample" {
        // --sample MODEL events|records N OUT.csv
        use journey_mapper::domain::demo_data::{events_csv, records_csv};
        let model: journey_mapper::domain::model::SourceModel =
            serde_json::from_str(&format!("\"{}\"", args[2])).expect("model");
        let n: usize = args[4].parse().expect("count");
        let text = if args[3] == "events" {
            events_csv(model, n, 7)
        } else {
            records_csv(model, n, 7)
        };
        std::fs::write(&args[5], text).expect("write");
        return;
    }
    let bytes = std::fs::read(&args[1]).expect("read the CSV");
    let options = EngineOptions::from_json(&args[2]).expect("options");
    let now = jiff::Timestamp::now();
    let query = sql(&bytes, &options, &args[1], now).expect("sql");
    std::fs::write(&args[3], query).expect("write the SQL");
    let r = run(&bytes, &options, now).expect("run");
    for s in r.stages.iter().chain(&r.unknown_stages) {
        println!("stage {} {}", s.id, s.contacts);
    }
    println!("stage - {}", r.unplaced);
    for o in &r.outcomes {
        println!("outcome {} {}", o.id, o.contacts);
    }
    println!("outcome - {}", r.no_outcome);
}
