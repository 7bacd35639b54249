//! Amounts as people and CRMs write them: `1234.5`, `1,234.50`, `1 234,50`, `€1.234,50`,
//! `$1,234`, `(1,234)`, `-12`.
//!
//! Hand-written because no crate reads both grouping conventions without being told the
//! locale, and a file mixes whatever its users typed. The rules:
//!
//! 1. currency signs and letters (`€ $ £ ₽ ₩ ¥`, `USD`, `руб.` …) and spaces of any kind
//!    (including no-break spaces) and `'` are dropped; parentheses mean a negative amount;
//! 2. if both `.` and `,` remain, the one that comes last is the decimal mark and the other
//!    groups thousands;
//! 3. a lone kind of mark that appears more than once groups thousands (`1.234.567`);
//! 4. a single `,` followed by exactly three digits groups thousands (`$1,234` is 1234);
//!    otherwise a single `,` or `.` is the decimal mark (`12,5` is 12.5, `1.234` is 1.234).

/// Reads an amount; `None` if the text holds no number or a malformed one.
pub fn parse_amount(s: &str) -> Option<f64> {
    // Fast path: plain numbers, the common case in event logs.
    if let Ok(v) = s.parse::<f64>() {
        return v.is_finite().then_some(v);
    }
    let mut negative = false;
    let mut digits = String::with_capacity(s.len());
    let (mut dots, mut commas) = (0usize, 0usize);
    let mut last_mark = None;
    let mut seen_digit = false;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                seen_digit = true;
            }
            '.' | ',' => {
                if !seen_digit {
                    // `.5` is fine; `,5` too.
                    digits.push('0');
                    seen_digit = true;
                }
                if c == '.' {
                    dots += 1;
                } else {
                    commas += 1;
                }
                last_mark = Some((c, digits.len()));
                digits.push(c);
            }
            '-' | '−' if !seen_digit => negative = !negative,
            '(' if !seen_digit => negative = !negative,
            ')' if seen_digit => {}
            '+' if !seen_digit => {}
            c if c.is_whitespace() || c == '\'' || c == '\u{2009}' || c == '\u{202f}' => {}
            c if c.is_alphabetic() || is_currency(c) => {
                // Currency before or after the number only, not inside it.
                if seen_digit && s.trim_end().ends_with(|e: char| e.is_ascii_digit()) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (d, c) if d > 0 && c > 0 => last_mark.map(|(m, _)| m),
        (1, 0) => Some('.'),
        (0, 1) => {
            let (_, at) = last_mark?;
            let after = digits.len() - at - 1;
            (after != 3).then_some(',')
        }
        _ => None, // one kind of mark, several times: grouping
    };
    // Grouping marks must not come after the decimal mark.
    let mut plain = String::with_capacity(digits.len());
    let mut seen_decimal = false;
    for c in digits.chars() {
        match c {
            '.' | ',' if Some(c) == decimal => {
                if seen_decimal {
                    return None;
                }
                seen_decimal = true;
                plain.push('.');
            }
            '.' | ',' => {
                if seen_decimal {
                    return None;
                }
            }
            _ => plain.push(c),
        }
    }
    let v: f64 = plain.parse().ok()?;
    Some(if negative { -v } else { v })
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '€' | '$' | '£' | '₽' | '₩' | '¥' | '₹' | '₴' | '₺' | '¢' | '₿'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_of_amounts() {
        let cases: &[(&str, f64)] = &[
            ("1234.5", 1234.5),
            ("1,234.50", 1234.5),
            ("1 234,50", 1234.5),
            ("1\u{a0}234,50", 1234.5),
            ("€1.234,50", 1234.5),
            ("1.234,50 €", 1234.5),
            ("$1,234", 1234.0),
            ("12,5", 12.5),
            ("1.234.567", 1_234_567.0),
            ("1,234,567.89", 1_234_567.89),
            ("(1,234)", -1234.0),
            ("-12", -12.0),
            ("USD 99", 99.0),
            ("1'234.5", 1234.5),
            ("₩1,000,000", 1_000_000.0),
            ("15 000 руб.", 15_000.0),
            (".5", 0.5),
        ];
        for &(text, want) in cases {
            assert_eq!(parse_amount(text), Some(want), "{text}");
        }
    }

    #[test]
    fn junk_is_not_an_amount() {
        for bad in [
            "",
            "abc",
            "1.2.3,4,5",
            "12a34",
            "1,2.3,4",
            "--",
            "€",
            "NaN",
            "inf",
        ] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }
}
