//! Numbers as the app shows them, in the UI language: one place for digit grouping,
//! decimal marks and the percent sign.

use crate::domain::metrics::Ratio;
use crate::domain::Lang;

/// The dash shown where a figure has nothing to divide by.
pub const NONE: &str = "–";

/// `x` with `decimals` decimals, digits grouped by thousands ("12,345.5"; Russian "12 345,5").
pub fn number(x: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let (group, mark) = match lang {
        Lang::Ru => ('\u{a0}', ','),
        Lang::En | Lang::Ko => (',', '.'),
    };
    let mut out = String::new();
    if x < 0.0 && x.abs() >= 0.5 * 10f64.powi(-(decimals as i32)) {
        out.push('−');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// A whole count.
pub fn count(n: u32, lang: Lang) -> String {
    number(f64::from(n), 0, lang)
}

/// A share 0..=1 as a whole percent ("62 %"; Korean "62%"), or a dash.
pub fn percent(share: Option<f64>, lang: Lang) -> String {
    match share {
        None => NONE.to_owned(),
        Some(s) => {
            let n = number(s * 100.0, 0, lang);
            match lang {
                Lang::Ko => format!("{n}%"),
                Lang::En | Lang::Ru => format!("{n}\u{a0}%"),
            }
        }
    }
}

/// A ratio as a percent.
pub fn ratio(r: Ratio, lang: Lang) -> String {
    percent(r.share(), lang)
}

/// Days with at most one decimal ("14", "5.5"), or a dash.
pub fn days(d: Option<f64>, lang: Lang) -> String {
    match d {
        None => NONE.to_owned(),
        Some(d) if (d - d.round()).abs() < 0.05 => number(d, 0, lang),
        Some(d) => number(d, 1, lang),
    }
}

/// A sum of money (no currency: the file does not say which), whole units.
pub fn money(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| NONE.to_owned(), |x| number(x, 0, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(number(12345.46, 1, Lang::En), "12,345.5");
        assert_eq!(number(12345.46, 1, Lang::Ru), "12\u{a0}345,5");
        assert_eq!(number(999.0, 0, Lang::Ko), "999");
        assert_eq!(number(-1500.0, 0, Lang::En), "−1,500");
        assert_eq!(percent(Some(0.62), Lang::En), "62\u{a0}%");
        assert_eq!(percent(Some(0.5), Lang::Ko), "50%");
        assert_eq!(percent(None, Lang::Ru), NONE);
        assert_eq!(days(Some(14.0), Lang::En), "14");
        assert_eq!(days(Some(5.5), Lang::Ru), "5,5");
    }
}
