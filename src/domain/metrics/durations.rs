//! A list of durations in days, with the medians and percentiles the metrics report.

use serde::{Deserialize, Serialize};

/// Durations in days, sorted ascending. Serialized with its count, median and 90th
/// percentile, for JavaScript callers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Durations {
    pub days: Vec<f64>,
}

impl Serialize for Durations {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Durations", 4)?;
        st.serialize_field("n", &self.n())?;
        st.serialize_field("median", &self.median())?;
        st.serialize_field("p90", &self.p90())?;
        st.serialize_field("days", &self.days)?;
        st.end()
    }
}

impl Durations {
    /// Sorts `days` (NaN never occurs: durations are differences of whole days).
    pub fn new(mut days: Vec<f64>) -> Durations {
        days.sort_by(|a, b| a.total_cmp(b));
        Durations { days }
    }

    pub fn n(&self) -> u32 {
        self.days.len() as u32
    }

    /// The median (the mean of the two middle values for an even count).
    pub fn median(&self) -> Option<f64> {
        self.quantile(0.5)
    }

    /// The 90th percentile.
    pub fn p90(&self) -> Option<f64> {
        self.quantile(0.9)
    }

    /// The `q` quantile by linear interpolation between closest ranks (the "R-7" method that
    /// spreadsheets use for PERCENTILE.INC).
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let n = self.days.len();
        if n == 0 {
            return None;
        }
        let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
        let lo = h.floor() as usize;
        let hi = h.ceil() as usize;
        Some(self.days[lo] + (h - lo as f64) * (self.days[hi] - self.days[lo]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_p90_like_a_spreadsheet() {
        let d = Durations::new(vec![10.0, 1.0, 4.0, 7.0]);
        assert_eq!(d.days, [1.0, 4.0, 7.0, 10.0]);
        assert_eq!(d.median(), Some(5.5));
        // PERCENTILE.INC({1,4,7,10}, 0.9) = 7 + 0.7 × 3 = 9.1
        assert!((d.p90().unwrap() - 9.1).abs() < 1e-9);
        assert_eq!(Durations::new(vec![3.0]).median(), Some(3.0));
        assert_eq!(Durations::default().median(), None);
    }
}
