//! The current time, from the browser's clock.

use jiff::Timestamp;

/// Now, to the millisecond.
///
/// `jiff::Timestamp::now()` reads the same clock but `expect`s on the conversion, and formatting
/// that (never raised) error links jiff's whole error catalogue, about 40 KB of wasm, into the
/// app's first download. A clock outside jiff's range (it is not: ±9999 years) gives the epoch.
pub fn now() -> Timestamp {
    Timestamp::from_millisecond(js_sys::Date::now() as i64).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Now as RFC 3339 text (`2026-12-01T10:00:00.123Z`), without jiff's printer.
pub fn now_text() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The milliseconds since the epoch of RFC 3339 text, for sorting; `NaN` if it is not a date.
pub fn millis_of(text: &str) -> f64 {
    js_sys::Date::parse(text)
}
