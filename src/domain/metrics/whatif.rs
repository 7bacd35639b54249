//! What-if: change one stage's conversion or time (or the clients' return rate) and see the
//! clients, revenue and lifetime value it would give over the next 12 months.
//!
//! The model, stated in the README:
//! * **Arrivals**: contacts entering the journey at the rate of the last 12 months before the
//!   as-of time (scaled up when the file covers less than a year).
//! * **Conversion**: arrivals × the share that reaches the client stage, which is the product
//!   of the step conversions before it; changing one step scales that product.
//! * **Time**: of each month's arrivals, those whose time to convert (the observed times,
//!   shifted by the change in the stage's median days) ends inside the 12 months count.
//! * **Revenue**: projected clients × revenue per engagement.
//! * **Lifetime value**: revenue per engagement ÷ (1 − return rate), the rate capped at 90 %.

use serde::{Deserialize, Serialize};

use super::paths::Paths;
use super::report::Report;
use crate::domain::dataset::{Dataset, Time, DAY};

/// One change to try.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    /// Index of the stage changed.
    pub stage: u32,
    /// The stage's new step conversion (0..=1).
    pub conversion: Option<f64>,
    /// The stage's new median days.
    pub days: Option<f64>,
    /// The clients' new return rate (0..=1).
    pub return_rate: Option<f64>,
}

/// What the next 12 months would bring.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Projection {
    pub arrivals_per_year: f64,
    /// Clients won from the next 12 months' arrivals within those 12 months.
    pub clients: f64,
    pub revenue: f64,
    pub clv: Option<f64>,
    /// The median time to convert, days.
    pub time_to_convert: Option<f64>,
}

const YEAR: Time = 365 * DAY;
const MONTH_DAYS: f64 = 365.0 / 12.0;
const RETURN_CAP: f64 = 0.9;

/// Contacts entering the journey per year, from the last 12 months of the file.
fn arrivals_per_year(paths: &Paths) -> f64 {
    let entries: Vec<Time> = (0..paths.len() as u32)
        .filter_map(|i| paths.entered(i))
        .collect();
    let Some(&earliest) = entries.iter().min() else {
        return 0.0;
    };
    let window = (paths.as_of - earliest).clamp(DAY, YEAR);
    let recent = entries
        .iter()
        .filter(|&&t| t >= paths.as_of - window)
        .count() as f64;
    recent * YEAR as f64 / window as f64
}

/// The share of a cohort arriving evenly over 12 months that converts within them, with
/// every observed time to convert shifted by `shift` days.
fn converted_in_year(times: &[f64], shift: f64) -> f64 {
    if times.is_empty() {
        return 1.0;
    }
    let mut sum = 0.0;
    for month in 0..12 {
        let left = (12.0 - month as f64 - 0.5) * MONTH_DAYS;
        let ok = times
            .iter()
            .filter(|&&t| (t + shift).max(0.0) <= left)
            .count();
        sum += ok as f64 / times.len() as f64;
    }
    sum / 12.0
}

/// The projection with the figures as they are.
pub fn baseline(report: &Report, data: &Dataset, paths: &Paths) -> Projection {
    project(report, data, paths, &WhatIf::default())
}

/// The projection with one change (a `WhatIf` that changes nothing gives the baseline).
pub fn project(report: &Report, _data: &Dataset, paths: &Paths, change: &WhatIf) -> Projection {
    let arrivals = arrivals_per_year(paths);
    let client = report.client_stage.map(|c| c as usize);
    let stage = report.stages.get(change.stage as usize);
    let mut conversion = client
        .and_then(|c| report.stages.get(c))
        .and_then(|s| s.cumulative.share())
        .unwrap_or(0.0);
    let mut shift = 0.0;
    if let (Some(s), Some(c)) = (stage, client) {
        if (change.stage as usize) < c {
            if let Some(new) = change.conversion {
                let old = s.next.and_then(|r| r.share()).unwrap_or(0.0);
                conversion = if old > 0.0 {
                    conversion * new.clamp(0.0, 1.0) / old
                } else {
                    // Nobody got through before: the new step is the only one known.
                    new.clamp(0.0, 1.0)
                        * if c == change.stage as usize + 1 {
                            1.0
                        } else {
                            0.0
                        }
                };
            }
            if let (Some(new), Some(old)) = (change.days, s.time.median()) {
                shift = new.max(0.0) - old;
            }
        }
    }
    let times = &report.time_to_convert.days;
    let clients = arrivals * conversion.min(1.0) * converted_in_year(times, shift);
    let per = report.revenue.per_engagement;
    let r = change
        .return_rate
        .or_else(|| report.engagements.returned.share())
        .unwrap_or(0.0)
        .clamp(0.0, RETURN_CAP);
    let median = report
        .time_to_convert
        .median()
        .map(|m| (m + shift).max(0.0));
    Projection {
        arrivals_per_year: arrivals,
        clients,
        revenue: clients * per.unwrap_or(0.0),
        clv: per.map(|p| p / (1.0 - r)),
        time_to_convert: median,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::analysed;
    use super::*;

    #[test]
    fn baseline_by_hand() {
        let (m, d, a) = analysed();
        let r = a.report_all(&m, &d);
        let b = baseline(&r, &d, &a.paths);
        // Entries on days 0, 0, 0, 20, 200; the file covers 200 days, so 5 arrivals in 200
        // days = 5 × 365 / 200 a year.
        assert!((b.arrivals_per_year - 5.0 * 365.0 / 200.0).abs() < 1e-9);
        // 2 of 5 become clients; times to convert 20 and 80 days. Month m's arrivals have
        // (11.5 − m) × 30.42 days left: 80 days fit for m ≤ 8 (9 months), 20 days for
        // m ≤ 10 (11 months) → (9 + 11) / 2 / 12 = 20/24.
        let expected = 5.0 * 365.0 / 200.0 * 0.4 * (20.0 / 24.0);
        assert!((b.clients - expected).abs() < 1e-9, "{}", b.clients);
        assert!((b.revenue - expected * 3500.0 / 3.0).abs() < 1e-6);
        assert_eq!(b.time_to_convert, Some(50.0));
        // Return rate 100 % is capped at 90 %.
        assert!((b.clv.unwrap() - 3500.0 / 3.0 / 0.1).abs() < 1e-6);
    }

    #[test]
    fn a_better_step_conversion_and_a_faster_stage() {
        let (m, d, a) = analysed();
        let r = a.report_all(&m, &d);
        let b = baseline(&r, &d, &a.paths);
        // deal → client was 2 of 3; make it 100 %: 1.5 × the clients.
        let better = project(
            &r,
            &d,
            &a.paths,
            &WhatIf {
                stage: 1,
                conversion: Some(1.0),
                ..WhatIf::default()
            },
        );
        assert!((better.clients - b.clients * 1.5).abs() < 1e-9);
        // deal's median is 42.5 days; at 2.5 days every time to convert is 40 days shorter:
        // 40 days fit for m ≤ 10 (11 months), −20 (so 0) days for all 12 → 23/24.
        let faster = project(
            &r,
            &d,
            &a.paths,
            &WhatIf {
                stage: 1,
                days: Some(2.5),
                ..WhatIf::default()
            },
        );
        let expected = b.arrivals_per_year * 0.4 * (23.0 / 24.0);
        assert!((faster.clients - expected).abs() < 1e-9);
        assert_eq!(faster.time_to_convert, Some(10.0));
        // A lower return rate lowers the lifetime value only.
        let churn = project(
            &r,
            &d,
            &a.paths,
            &WhatIf {
                stage: 0,
                return_rate: Some(0.5),
                ..WhatIf::default()
            },
        );
        assert!((churn.clv.unwrap() - 3500.0 / 3.0 / 0.5).abs() < 1e-6);
        assert!((churn.clients - b.clients).abs() < 1e-9);
    }
}
