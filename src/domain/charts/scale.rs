//! A linear scale (a domain of values mapped onto a range of coordinates) and "nice" ticks:
//! steps of 1, 2 or 5 × 10^k, so axis labels read 0, 20, 40 rather than 0, 17.3, 34.6.

use super::finite;

/// Maps values of `domain` linearly onto `range` (either may be reversed, as a y axis is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    /// The value mapped to `range.0`, then the value mapped to `range.1`.
    pub domain: (f64, f64),
    /// The coordinates the two ends of the domain map to.
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` onto `range`; non-finite ends are taken as 0.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self {
            domain: (finite(domain.0), finite(domain.1)),
            range: (finite(range.0), finite(range.1)),
        }
    }

    /// The coordinate of `v`. An empty domain (both ends equal) maps everything to `range.0`;
    /// a non-finite `v` is taken as 0.
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let span = d1 - d0;
        if span == 0.0 {
            return r0;
        }
        r0 + (finite(v) - d0) / span * (r1 - r0)
    }
}

/// One tick of an axis: its value, its coordinate and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The value at the tick.
    pub value: f64,
    /// Its coordinate along the axis (x or y, depending on the axis).
    pub pos: f64,
    /// The value written with as many decimals as the step needs, with a `.` separator.
    pub text: String,
}

/// The smallest step of 1, 2 or 5 × 10^k that covers `[min, max]` in at most `max_intervals`
/// intervals between ticks aligned on multiples of the step. `None` for an empty or non-finite
/// span.
pub fn nice_step(min: f64, max: f64, max_intervals: usize) -> Option<f64> {
    let span = max - min;
    if !span.is_finite() || span <= 0.0 {
        return None;
    }
    let n = max_intervals.max(1) as f64;
    let mut exp = (span / n).log10().floor() as i32 - 1;
    loop {
        let base = 10f64.powi(exp);
        for m in [1.0, 2.0, 5.0] {
            let step = m * base;
            let intervals = (max / step).ceil() - (min / step).floor();
            if intervals <= n {
                return Some(step);
            }
        }
        exp += 1;
    }
}

/// Nice tick values covering `[min, max]` (the first is ≤ min and the last ≥ max), at most
/// `max_intervals + 1` of them. An empty span around `v` gives `[v, v + 1]` widened to nice
/// values (so a chart of all zeros still has an axis from 0 to 1); non-finite ends are taken as 0.
pub fn nice_ticks(min: f64, max: f64, max_intervals: usize) -> Vec<f64> {
    let (mut min, mut max) = (finite(min), finite(max));
    if min > max {
        std::mem::swap(&mut min, &mut max);
    }
    if min == max {
        max = min + 1.0;
    }
    let Some(step) = nice_step(min, max, max_intervals) else {
        return vec![min, max];
    };
    let first = (min / step).floor() as i64;
    let last = (max / step).ceil() as i64;
    // Dividing by the inverse of a fractional step gives 0.6 rather than 3 × 0.2 = 0.6000000000000001.
    let inverse = (1.0 / step).round();
    (first..=last)
        .map(|i| {
            if step < 1.0 {
                i as f64 / inverse
            } else {
                i as f64 * step
            }
        })
        .collect()
}

/// `value` written with the decimals that `step` needs (`0.25` with a step of 0.05 → "0.25";
/// `40` with a step of 20 → "40").
pub fn tick_text(value: f64, step: f64) -> String {
    let decimals = if step > 0.0 && step < 1.0 {
        (-step.log10().floor()) as usize
    } else {
        0
    };
    let s = format!("{value:.decimals$}");
    // "-0" reads oddly on an axis.
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        return s.trim_start_matches('-').to_owned();
    }
    s
}

/// Ticks of `values` placed by `scale`, labelled with [`tick_text`].
pub fn place_ticks(values: &[f64], scale: &LinearScale) -> Vec<Tick> {
    let step = if values.len() >= 2 {
        values[1] - values[0]
    } else {
        1.0
    };
    values
        .iter()
        .map(|&value| Tick {
            value,
            pos: scale.map(value),
            text: tick_text(value, step),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_linearly_and_reversed() {
        let s = LinearScale::new((0.0, 100.0), (0.0, 500.0));
        assert_eq!(s.map(0.0), 0.0);
        assert_eq!(s.map(50.0), 250.0);
        assert_eq!(s.map(100.0), 500.0);
        let y = LinearScale::new((0.0, 10.0), (300.0, 100.0));
        assert_eq!(y.map(0.0), 300.0);
        assert_eq!(y.map(5.0), 200.0);
        assert_eq!(y.map(10.0), 100.0);
    }

    #[test]
    fn empty_domain_and_nan_do_not_give_nan() {
        let s = LinearScale::new((3.0, 3.0), (10.0, 20.0));
        assert_eq!(s.map(3.0), 10.0);
        assert_eq!(s.map(f64::NAN), 10.0);
        let t = LinearScale::new((f64::NAN, 10.0), (0.0, 100.0));
        assert_eq!(t.map(5.0), 50.0);
        assert_eq!(t.map(f64::INFINITY), 0.0);
    }

    #[test]
    fn nice_steps_are_1_2_5_times_a_power_of_ten() {
        assert_eq!(nice_step(0.0, 100.0, 5), Some(20.0));
        assert_eq!(nice_step(0.0, 100.0, 10), Some(10.0));
        assert_eq!(nice_step(0.0, 87.0, 4), Some(50.0));
        assert_eq!(nice_step(0.0, 87.0, 5), Some(20.0));
        assert_eq!(nice_step(0.0, 0.9, 5), Some(0.2));
        assert_eq!(nice_step(0.0, 7.0, 10), Some(1.0));
        assert_eq!(nice_step(0.0, 12_345.0, 5), Some(5_000.0));
        assert_eq!(nice_step(5.0, 5.0, 5), None);
        assert_eq!(nice_step(0.0, f64::NAN, 5), None);
    }

    #[test]
    fn ticks_cover_the_span_within_the_interval_limit() {
        assert_eq!(
            nice_ticks(0.0, 87.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        // Steps of 10 and 20 need 8 and 5 intervals; 50 needs 2.
        assert_eq!(nice_ticks(-30.0, 45.0, 4), vec![-50.0, 0.0, 50.0]);
        assert_eq!(
            nice_ticks(-30.0, 45.0, 5),
            vec![-40.0, -20.0, 0.0, 20.0, 40.0, 60.0]
        );
        for (lo, hi, n) in [(0.0, 1.0, 3), (2.5, 97.1, 6), (0.0, 1e6, 4), (-3.0, 0.0, 5)] {
            let t = nice_ticks(lo, hi, n);
            assert!(t[0] <= lo && *t.last().unwrap() >= hi, "{lo}..{hi}: {t:?}");
            assert!(t.len() <= n + 1, "{lo}..{hi} in {n}: {t:?}");
        }
    }

    #[test]
    fn all_zero_span_still_has_an_axis() {
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, f64::NAN, 1), vec![0.0, 1.0]);
    }

    #[test]
    fn tick_text_uses_the_decimals_of_the_step() {
        assert_eq!(tick_text(40.0, 20.0), "40");
        assert_eq!(tick_text(0.25, 0.05), "0.25");
        assert_eq!(tick_text(0.6000000000000001, 0.2), "0.6");
        assert_eq!(tick_text(0.30000000000000004, 0.1), "0.3");
        assert_eq!(tick_text(-0.0, 1.0), "0");
        assert_eq!(tick_text(-20.0, 10.0), "-20");
    }

    #[test]
    fn placed_ticks_carry_positions_and_labels() {
        let values = nice_ticks(0.0, 9.0, 3);
        assert_eq!(values, vec![0.0, 5.0, 10.0]);
        let scale = LinearScale::new((0.0, 10.0), (200.0, 0.0));
        let ticks = place_ticks(&values, &scale);
        let got: Vec<(f64, &str)> = ticks.iter().map(|t| (t.pos, t.text.as_str())).collect();
        assert_eq!(got, vec![(200.0, "0"), (100.0, "5"), (0.0, "10")]);
    }
}
