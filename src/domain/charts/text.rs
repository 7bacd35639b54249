//! Text in a chart without a browser to measure it: an estimate of its width, shortening a label
//! to fit, and laying out a legend in rows.
//!
//! The estimate is deliberately generous (0.6 em for Latin and Cyrillic letters, 1 em for Hangul
//! and CJK), so a label that "fits" here fits in common sans-serif fonts.

/// The estimated width of `text` at `font_px`, in the same units.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(|c| char_em(c) * font_px).sum()
}

fn char_em(c: char) -> f64 {
    match c {
        // Hangul, CJK, full-width forms.
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' => 1.0,
        ' ' | '.' | ',' | ':' | ';' | 'i' | 'l' | 'j' | '|' | '\'' => 0.32,
        'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'ю' | 'м' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'М' => {
            0.85
        }
        _ => 0.6,
    }
}

/// `text` if it fits in `max_width` at `font_px`, else its longest prefix that fits followed by
/// "…". Nothing fits in a width narrower than "…" itself: the result is then empty.
pub fn fit_text(text: &str, max_width: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - text_width("…", font_px);
    if budget < 0.0 {
        return String::new();
    }
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * font_px;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

/// Where each legend item goes: items (a swatch then a label) flow left to right and wrap.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendLayout {
    /// The top-left corner of each item's swatch, in the order of the labels.
    pub items: Vec<(f64, f64)>,
    /// The height of all the rows.
    pub height: f64,
}

/// The side of a legend swatch.
pub const SWATCH: f64 = 12.0;
/// The height of one legend row.
pub const LEGEND_ROW: f64 = 20.0;
/// The font size of legend labels.
pub const LEGEND_FONT: f64 = 12.0;

/// Lays out legend items with `labels` in rows of at most `width`, starting at (`x`, `y`).
/// Each item is a swatch, a gap of 6, the label, and a gap of 18 before the next item.
pub fn layout_legend(labels: &[&str], x: f64, y: f64, width: f64) -> LegendLayout {
    let mut items = Vec::with_capacity(labels.len());
    let (mut cx, mut cy) = (x, y);
    for label in labels {
        let w = SWATCH + 6.0 + text_width(label, LEGEND_FONT);
        if cx > x && cx + w > x + width {
            cx = x;
            cy += LEGEND_ROW;
        }
        items.push((cx, cy));
        cx += w + 18.0;
    }
    let height = if labels.is_empty() {
        0.0
    } else {
        cy - y + LEGEND_ROW
    };
    LegendLayout { items, height }
}

/// The space left and right of a legend drawn under a chart, and below it.
pub const LEGEND_MARGIN: f64 = 8.0;

/// A legend with `labels` under a drawing `height` tall: its items from (`LEGEND_MARGIN`,
/// `height`) in rows of at most `width`, and the height of the drawing with the legend and a
/// margin under it. With no labels the legend takes no rows, only the margin.
pub fn legend_below(labels: &[&str], height: f64, width: f64) -> (LegendLayout, f64) {
    let layout = layout_legend(labels, LEGEND_MARGIN, height, width);
    let total = height + layout.height + LEGEND_MARGIN;
    (layout, total)
}

/// A chart's description in words: `intro` then the `items` joined by "; " and a full stop, or
/// `empty` when there are no items.
pub fn describe_list(intro: &str, empty: &str, items: &[String]) -> String {
    if items.is_empty() {
        return empty.to_owned();
    }
    format!("{intro} {}.", items.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_scripts_are_estimated_wider() {
        assert_eq!(text_width("abc", 10.0), 18.0);
        assert_eq!(text_width("고객", 10.0), 20.0);
        assert!(text_width("Клиент", 12.0) > text_width("Client", 12.0));
    }

    #[test]
    fn fit_text_keeps_what_fits_and_marks_the_cut() {
        assert_eq!(fit_text("Lead", 100.0, 10.0), "Lead");
        // "Awareness stage" is far wider than 40 at 10 px: 40 - 6 for "…" leaves 5 letters.
        assert_eq!(fit_text("Awareness stage", 40.0, 10.0), "Aware…");
        assert_eq!(fit_text("고객 경험", 25.0, 10.0), "고…");
        assert_eq!(fit_text("Lead", 3.0, 10.0), "");
        assert!(text_width(&fit_text("Between engagements", 70.0, 12.0), 12.0) <= 70.0);
    }

    #[test]
    fn legend_wraps_when_a_row_is_full() {
        // Item widths: 12 + 6 + 6 × 7.2 = 61.2, then 18 between items.
        let l = layout_legend(&["aaaaaa", "bbbbbb", "cccccc"], 10.0, 100.0, 150.0);
        assert_eq!(l.items[0], (10.0, 100.0));
        assert!((l.items[1].0 - (10.0 + 61.2 + 18.0)).abs() < 1e-9);
        assert_eq!(l.items[1].1, 100.0);
        assert_eq!(l.items[2], (10.0, 120.0));
        assert_eq!(l.height, 40.0);
        assert_eq!(layout_legend(&[], 0.0, 0.0, 100.0).height, 0.0);
    }

    #[test]
    fn a_legend_below_starts_at_the_drawings_bottom_and_adds_its_rows_and_a_margin() {
        let (l, total) = legend_below(&["aaaaaa", "bbbbbb", "cccccc"], 100.0, 150.0);
        assert_eq!(l.items[0], (LEGEND_MARGIN, 100.0));
        assert_eq!(l.height, 40.0);
        assert_eq!(total, 100.0 + 40.0 + LEGEND_MARGIN);
        assert_eq!(legend_below(&[], 100.0, 150.0).1, 100.0 + LEGEND_MARGIN);
    }

    #[test]
    fn a_description_lists_its_items_or_says_there_are_none() {
        let items = vec!["Lead: 10".to_owned(), "Won: 2".to_owned()];
        assert_eq!(
            describe_list("A funnel:", "No data.", &items),
            "A funnel: Lead: 10; Won: 2."
        );
        assert_eq!(describe_list("A funnel:", "No data.", &[]), "No data.");
    }
}
