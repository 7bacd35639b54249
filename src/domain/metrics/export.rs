//! The figures of a report as CSV: one row per figure (`section, stage, metric, value, n`),
//! stage and outcome names in the chosen language. Safe to open in a spreadsheet: a cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so it is
//! read as text, never as a formula — except a negative number such as `-3` or `-12.5`,
//! which stays a number.

use std::fmt::Write;

use super::report::{Ratio, Report};
use crate::domain::dataset::format_date;
use crate::domain::model::JourneyMap;
use crate::domain::text::Lang;

/// A cell as a spreadsheet reads it safely: formula starters neutralised (negative numbers
/// left as they are), quoted when needed.
pub fn cell(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_negative_number(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// A minus sign then digits, maybe with a decimal point between digits (`-3`, `-12.5`): a
/// number to a spreadsheet, never a formula. Anything else that starts with `-` (`-inf`,
/// `-1e5`, `-2+3`, `--1`) is not.
fn is_negative_number(text: &str) -> bool {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(rest) = text.strip_prefix('-') else {
        return false;
    };
    match rest.split_once('.') {
        Some((int, frac)) => all_digits(int) && all_digits(frac),
        None => all_digits(rest),
    }
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.4}")
    }
}

struct Rows {
    out: String,
}

impl Rows {
    fn row(
        &mut self,
        section: &str,
        stage: &str,
        metric: &str,
        value: Option<String>,
        n: Option<u32>,
    ) {
        let _ = writeln!(
            self.out,
            "{},{},{},{},{}",
            cell(section),
            cell(stage),
            cell(metric),
            cell(&value.unwrap_or_default()),
            n.map(|n| n.to_string()).unwrap_or_default()
        );
    }

    fn count(&mut self, section: &str, stage: &str, metric: &str, v: u32) {
        self.row(section, stage, metric, Some(v.to_string()), None);
    }

    fn ratio(&mut self, section: &str, stage: &str, metric: &str, r: Ratio) {
        self.row(section, stage, metric, r.share().map(num), Some(r.den));
    }
}

/// The report as CSV (a header row, then one row per figure).
pub fn metrics_csv(map: &JourneyMap, report: &Report, lang: Lang) -> String {
    let mut w = Rows {
        out: String::from("section,stage,metric,value,n\n"),
    };
    let stage_name = |i: u32| {
        map.stages
            .get(i as usize)
            .map_or_else(String::new, |s| s.name.get(lang).to_owned())
    };
    w.count("journey", "", "contacts", report.contacts);
    w.count("journey", "", "accounts", report.accounts);
    let client = report.client_stage.map(stage_name).unwrap_or_default();
    w.ratio("journey", &client, "became_clients", report.became_clients);
    let ttc = &report.time_to_convert;
    w.row(
        "journey",
        &client,
        "time_to_convert_median_days",
        ttc.median().map(num),
        Some(ttc.n()),
    );
    w.row(
        "journey",
        &client,
        "time_to_convert_p90_days",
        ttc.p90().map(num),
        Some(ttc.n()),
    );
    for (i, s) in report.stages.iter().enumerate() {
        let name = stage_name(i as u32);
        w.count("stage", &name, "now_contacts", s.now);
        w.count("stage", &name, "now_accounts", s.now_accounts);
        w.count("stage", &name, "reached", s.reached);
        if let Some(next) = s.next {
            w.ratio("stage", &name, "step_conversion", next);
        }
        w.ratio("stage", &name, "cumulative_conversion", s.cumulative);
        w.count("stage", &name, "drop_off", s.drop_off);
        w.row(
            "stage",
            &name,
            "median_days",
            s.time.median().map(num),
            Some(s.time.n()),
        );
        w.row(
            "stage",
            &name,
            "p90_days",
            s.time.p90().map(num),
            Some(s.time.n()),
        );
        w.count("stage", &name, "open_visits", s.open);
        w.count("stage", &name, "events", s.events);
        w.row(
            "stage",
            &name,
            "last_activity",
            s.last_activity.map(format_date),
            None,
        );
    }
    for d in &report.decisions {
        let name = stage_name(d.stage);
        for o in &d.outcomes {
            let label = map
                .outcome(o.outcome.as_str())
                .map_or_else(|| o.outcome.to_string(), |x| x.name.get(lang).to_owned());
            w.ratio("outcome", &name, &label, o.share);
            if let Some(back) = o.came_back {
                w.ratio("outcome", &name, &format!("{label}: came_back"), back);
            }
        }
        w.ratio("decision", &name, "win_rate", d.win_rate);
        w.ratio("decision", &name, "no_decision_rate", d.no_decision_rate);
    }
    let e = &report.engagements;
    if let Some(m) = e.moved_on {
        w.ratio("clients", &client, "moved_on", m);
    }
    w.ratio("clients", &client, "returned", e.returned);
    w.count("clients", &client, "repeat_contacts", e.repeat_contacts);
    w.ratio("clients", &client, "repeat_accounts", e.repeat_accounts);
    let rev = &report.revenue;
    w.row("revenue", "", "new_clients", Some(num(rev.new)), None);
    w.row(
        "revenue",
        "",
        "existing_clients",
        Some(num(rev.existing)),
        None,
    );
    w.row(
        "revenue",
        "",
        "per_engagement",
        rev.per_engagement.map(num),
        Some(rev.engagements),
    );
    w.row("revenue", "", "clv", rev.clv.map(num), None);
    for (i, n) in report.referrals.by_stage.iter().enumerate() {
        w.count("referrals", &stage_name(i as u32), "referrals", *n);
    }
    if let Some(f) = report.referrals.from_former {
        w.ratio("referrals", "", "former_clients_referring", f);
    }
    w.count("referrals", "", "referred_in", report.referrals.referred_in);
    w.count("sentiment", "", "advocates", report.advocates);
    w.count("sentiment", "", "detractors", report.detractors);
    for s in &report.service_levels {
        let hand_off = format!(
            "{} → {} ({} d)",
            stage_name(s.from),
            stage_name(s.to),
            s.days
        );
        w.count("service_level", &hand_off, "met", s.met);
        w.count("service_level", &hand_off, "breached", s.breached);
        w.count("service_level", &hand_off, "pending", s.pending);
    }
    if let Some(c) = &report.coverage {
        w.count("buying_group", &c.field, "accounts", c.accounts);
        w.count(
            "buying_group",
            &c.field,
            "single_threaded",
            c.single_threaded,
        );
        for (role, n) in &c.roles {
            w.count("buying_group", &c.field, role, *n);
        }
    }
    if let Some(t) = &report.type_casting {
        w.count("type_casting", &t.field, "lines_offered", t.offered);
        w.ratio(
            "type_casting",
            &t.field,
            "clients_with_one_line",
            t.one_line,
        );
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::super::tests::analysed;
    use super::*;

    #[test]
    fn cells_never_start_a_formula() {
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=1,2"), "\"'=1,2\"");
        assert_eq!(cell("plain"), "plain");
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        for n in ["-3", "-12.5", "-0.2500", "-1234567"] {
            assert_eq!(cell(n), n);
        }
        assert_eq!(cell(&num(-12.5)), "-12.5000");
        assert_eq!(cell(&num(-3.0)), "-3");
        // Text that starts with a minus sign is still neutralised.
        for t in [
            "-", "-x", "-A1", "-1+2", "--1", "-1e5", "-inf", "-NaN", "-1.", "-.5", "-1.2.3", "- 1",
            "-1 ",
        ] {
            assert_eq!(cell(t), format!("'{t}"), "{t:?}");
        }
        assert_eq!(cell("-2,5"), "\"'-2,5\"");
        assert_eq!(cell("-SUM(A1)"), "'-SUM(A1)");
    }

    #[test]
    fn the_report_as_rows() {
        let (mut m, d, a) = analysed();
        m.stages[0].name = crate::domain::text::Text::User("=HYPERLINK(\"x\")".into());
        let r = a.report_all(&m, &d);
        let csv = metrics_csv(&m, &r, Lang::En);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "section,stage,metric,value,n");
        assert!(lines.contains(&"journey,client,became_clients,0.4000,5"));
        assert!(lines.contains(&"stage,deal,median_days,42.5000,2"));
        assert!(lines.contains(&"outcome,deal,hired,0.5000,4"));
        assert!(lines.contains(&"outcome,deal,not_now: came_back,0.5000,2"));
        assert!(lines.contains(&"revenue,,existing_clients,2500,"));
        // A user's stage name that looks like a formula stays text.
        assert!(lines.contains(&"stage,\"'=HYPERLINK(\"\"x\"\")\",reached,5,"));
        assert!(!csv.lines().any(|l| l.starts_with('=')));
    }
}
