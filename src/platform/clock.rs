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
