//! Dates and times as CRMs export them, read into [`Time`] (seconds since 1970 UTC).
//!
//! Accepted forms:
//!
//! * ISO 8601: `2024-03-05`, `2024-03-05T10:20:00Z`, `2024-03-05 10:20`,
//!   `2024-03-05T10:20:00.123+03:00` (an offset is applied; no offset means UTC), and
//!   `2024/03/05`;
//! * slashes, `3/5/2024` — month first ([`DateOrder::Us`], the default) or day first
//!   ([`DateOrder::European`]);
//! * dots, `5.3.2024` — always day first (nobody writes month.day.year);
//! * any of the two above followed by a time `10:20`, `10:20:30`, optionally `AM`/`PM`;
//! * Unix epoch seconds (9–10 digits) or milliseconds (12–13 digits).
//!
//! The parser is hand-written rather than built on `jiff`'s `strptime`: an event log has a
//! million of these and a byte scanner is several times faster, and the order of day and
//! month has to be chosen per file anyway. Validity of the calendar date (leap years, day of
//! month) is checked here and cross-checked against [`time_from_date`](crate::domain::dataset::time_from_date)
//! (which uses `jiff`) in the tests.

use serde::{Deserialize, Serialize};

use crate::domain::dataset::{Time, DAY};

/// How to read a date whose day and month are both numbers, like `03/05/2024`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Only ISO dates were seen (year first). Slashed dates, if any appear later, are read
    /// month first as with [`DateOrder::Us`].
    Iso,
    /// `M/D/YYYY` (dotted dates stay day first).
    Us,
    /// `D/M/YYYY` and `D.M.YYYY`.
    European,
}

/// Reads one date or date-time; `None` if it is not one of the accepted forms or not a real
/// calendar date. The value should already be trimmed.
pub fn parse_time(s: &str, order: DateOrder) -> Option<Time> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    if b.iter().all(u8::is_ascii_digit) {
        return parse_epoch(b);
    }
    let mut p = Scan { b, i: 0 };
    let first = p.digits(1, 4)?;
    let sep = p.peek()?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    p.i += 1;
    let (year, month, day) = if first.1 == 4 {
        // Year first: ISO (or YYYY/MM/DD).
        let month = p.digits(1, 2)?.0;
        p.expect(sep)?;
        let day = p.digits(1, 2)?.0;
        (first.0 as i32, month, day)
    } else {
        let second = p.digits(1, 2)?.0;
        p.expect(sep)?;
        let year = p.digits(4, 4)?.0 as i32;
        let day_first = sep == b'.' || order == DateOrder::European;
        if day_first {
            (year, second, first.0)
        } else {
            (year, first.0, second)
        }
    };
    let days = days_from_civil(year, month, day)?;
    let mut secs = days * DAY;
    if p.at_end() {
        return Some(secs);
    }
    // A time of day follows: `T` or one or more spaces.
    match p.peek()? {
        b'T' | b't' => p.i += 1,
        b' ' => {
            while p.peek() == Some(b' ') {
                p.i += 1;
            }
        }
        _ => return None,
    }
    let mut hour = p.digits(1, 2)?.0;
    p.expect(b':')?;
    let minute = p.digits(2, 2)?.0;
    let mut second = 0;
    if p.peek() == Some(b':') {
        p.i += 1;
        second = p.digits(2, 2)?.0;
        if p.peek() == Some(b'.') || p.peek() == Some(b',') {
            p.i += 1;
            p.digits(1, 9)?;
        }
    }
    while p.peek() == Some(b' ') {
        p.i += 1;
    }
    let mut offset: i64 = 0;
    match p.peek() {
        None => {}
        Some(b'Z' | b'z') => {
            p.i += 1;
        }
        Some(c @ (b'+' | b'-')) => {
            p.i += 1;
            let oh = p.digits(2, 2)?.0 as i64;
            if p.peek() == Some(b':') {
                p.i += 1;
            }
            let om = if p.at_end() {
                0
            } else {
                p.digits(2, 2)?.0 as i64
            };
            if oh > 23 || om > 59 {
                return None;
            }
            offset = (oh * 3600 + om * 60) * if c == b'+' { 1 } else { -1 };
        }
        Some(b'A' | b'a' | b'P' | b'p') => {
            let pm = matches!(p.peek(), Some(b'P' | b'p'));
            p.i += 1;
            if !matches!(p.peek(), Some(b'M' | b'm')) {
                return None;
            }
            p.i += 1;
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        Some(_) => return None,
    }
    if !p.at_end() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    secs += i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second.min(59));
    Some(secs - offset)
}

fn parse_epoch(b: &[u8]) -> Option<Time> {
    let n: i64 = std::str::from_utf8(b).ok()?.parse().ok()?;
    match b.len() {
        9 | 10 => Some(n),
        12 | 13 => Some(n / 1000),
        _ => None,
    }
}

/// Days since 1970-01-01 of a calendar date, if the date exists (proleptic Gregorian).
fn days_from_civil(year: i32, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || !(1..=9999).contains(&year) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let dim = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > dim {
        return None;
    }
    // Howard Hinnant's days-from-civil.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }
    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }
    /// Between `min` and `max` digits: (value, count).
    fn digits(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        let n = self.i - start;
        (n >= min).then_some((v, n))
    }
}

/// Tallies the date values of a sample to guess the [`DateOrder`] of a file.
///
/// A slashed value whose first part is over 12 (`25/03/2024`) can only be day first; one
/// whose second part is over 12 (`03/25/2024`) only month first. The first such value
/// decides. With no deciding value: slashes mean [`DateOrder::Us`], dots alone mean
/// [`DateOrder::European`], and ISO dates alone mean [`DateOrder::Iso`].
#[derive(Clone, Debug, Default)]
pub struct DateOrderGuess {
    decided: Option<DateOrder>,
    slashes: usize,
    dots: usize,
    iso: usize,
}

impl DateOrderGuess {
    /// Looks at one (trimmed) value.
    pub fn see(&mut self, s: &str) {
        if self.decided.is_some() {
            return;
        }
        let mut p = Scan {
            b: s.as_bytes(),
            i: 0,
        };
        let Some((first, n)) = p.digits(1, 4) else {
            return;
        };
        let Some(sep) = p.peek() else { return };
        if n == 4 {
            if sep == b'-' || sep == b'/' {
                self.iso += 1;
            }
            return;
        }
        if !matches!(sep, b'/' | b'.') {
            return;
        }
        p.i += 1;
        let Some((second, _)) = p.digits(1, 2) else {
            return;
        };
        if p.expect(sep).is_none() || p.digits(4, 4).is_none() {
            return;
        }
        if sep == b'.' {
            self.dots += 1;
            return;
        }
        self.slashes += 1;
        if first > 12 && second <= 12 {
            self.decided = Some(DateOrder::European);
        } else if second > 12 && first <= 12 {
            self.decided = Some(DateOrder::Us);
        }
    }

    /// The guess from what was seen.
    pub fn order(&self) -> DateOrder {
        if let Some(o) = self.decided {
            o
        } else if self.slashes > 0 {
            DateOrder::Us
        } else if self.dots > 0 {
            DateOrder::European
        } else {
            DateOrder::Iso
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dataset::time_from_date;

    fn day(y: i32, m: u32, d: u32) -> Time {
        time_from_date(y, m, d).unwrap()
    }

    #[test]
    fn iso_dates_and_times() {
        let d = day(2024, 3, 5);
        assert_eq!(parse_time("2024-03-05", DateOrder::Iso), Some(d));
        assert_eq!(parse_time("2024/03/05", DateOrder::Us), Some(d));
        assert_eq!(
            parse_time("2024-03-05T10:20:00Z", DateOrder::Iso),
            Some(d + 10 * 3600 + 20 * 60)
        );
        assert_eq!(
            parse_time("2024-03-05 10:20", DateOrder::Iso),
            Some(d + 10 * 3600 + 20 * 60)
        );
        assert_eq!(
            parse_time("2024-03-05T10:20:30.123+03:00", DateOrder::Iso),
            Some(d + 7 * 3600 + 20 * 60 + 30)
        );
        assert_eq!(
            parse_time("2024-03-05T01:00:00-0230", DateOrder::Iso),
            Some(d + 3 * 3600 + 30 * 60)
        );
        // Crossing midnight backwards through the offset.
        assert_eq!(
            parse_time("2024-03-05T01:00:00+02:00", DateOrder::Iso),
            Some(d - 3600)
        );
    }

    #[test]
    fn us_and_european_dates() {
        let d = day(2024, 3, 5);
        assert_eq!(parse_time("3/5/2024", DateOrder::Us), Some(d));
        assert_eq!(parse_time("03/05/2024", DateOrder::Iso), Some(d));
        assert_eq!(parse_time("5/3/2024", DateOrder::European), Some(d));
        assert_eq!(parse_time("5.3.2024", DateOrder::Us), Some(d));
        assert_eq!(parse_time("05.03.2024", DateOrder::European), Some(d));
        assert_eq!(
            parse_time("3/5/2024 1:30 PM", DateOrder::Us),
            Some(d + 13 * 3600 + 30 * 60)
        );
        assert_eq!(
            parse_time("3/5/2024 12:05 am", DateOrder::Us),
            Some(d + 5 * 60)
        );
        assert_eq!(
            parse_time("05.03.2024 17:45:10", DateOrder::European),
            Some(d + 17 * 3600 + 45 * 60 + 10)
        );
        // 13th month under US order, but a fine 3 December under European.
        assert_eq!(parse_time("12/13/2024", DateOrder::European), None);
        assert_eq!(
            parse_time("13/12/2024", DateOrder::European),
            Some(day(2024, 12, 13))
        );
    }

    #[test]
    fn invalid_dates_are_rejected() {
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-03-05T25:00",
            "2024-03-05T10:61",
            "2024-03-05x",
            "3/5/24",
            "hello",
            "13:00",
            "2024-03-05 13:00 PM",
            "1234567",
        ] {
            assert_eq!(parse_time(bad, DateOrder::Us), None, "{bad}");
        }
        assert_eq!(
            parse_time("2024-02-29", DateOrder::Iso),
            Some(day(2024, 2, 29))
        );
    }

    #[test]
    fn epoch_seconds_and_milliseconds() {
        assert_eq!(
            parse_time("1709634000", DateOrder::Iso),
            Some(1_709_634_000)
        );
        assert_eq!(
            parse_time("1709634000123", DateOrder::Iso),
            Some(1_709_634_000)
        );
    }

    #[test]
    fn days_match_jiff_over_many_years() {
        for y in [1900, 1969, 1970, 2000, 2023, 2024, 2100] {
            for m in 1..=12 {
                for d in [1, 15, 28, 29, 30, 31] {
                    let ours = days_from_civil(y, m, d).map(|x| x * DAY);
                    assert_eq!(ours, time_from_date(y, m, d), "{y}-{m}-{d}");
                }
            }
        }
    }

    #[test]
    fn order_guess() {
        let guess = |vals: &[&str]| {
            let mut g = DateOrderGuess::default();
            for v in vals {
                g.see(v);
            }
            g.order()
        };
        assert_eq!(guess(&["2024-03-05", "2024-03-06T10:00Z"]), DateOrder::Iso);
        assert_eq!(guess(&["03/05/2024", "04/06/2024"]), DateOrder::Us);
        assert_eq!(guess(&["03/05/2024", "25/06/2024"]), DateOrder::European);
        assert_eq!(guess(&["03/05/2024", "06/25/2024"]), DateOrder::Us);
        assert_eq!(guess(&["05.03.2024"]), DateOrder::European);
        assert_eq!(guess(&["", "junk"]), DateOrder::Iso);
    }
}
