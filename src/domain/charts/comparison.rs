//! Two periods side by side: for each row (a stage, a measure…) two horizontal bars, period A
//! above period B, on one shared scale so lengths compare across rows and periods.
//!
//! The scale runs from min(0, smallest value) to max(0, largest value) widened to nice ticks, so
//! bars grow from the zero line (to the left for negative values).

use super::scale::{nice_ticks, place_ticks, LinearScale, Tick};
use super::text::fit_text;
use super::{finite, Anchor};

/// One row of the comparison, with its texts already formatted by the caller.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// What the row measures.
    pub label: String,
    /// The value of period A; non-finite counts as 0.
    pub a: f64,
    /// The value of period B; non-finite counts as 0.
    pub b: f64,
    /// `a` as the reader should see it.
    pub a_text: String,
    /// `b` as the reader should see it.
    pub b_text: String,
}

/// One placed bar with its value text.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonBar {
    /// Its rectangle.
    pub x: f64,
    /// Its rectangle.
    pub y: f64,
    /// Its rectangle: |value| on the shared scale.
    pub width: f64,
    /// Its rectangle.
    pub height: f64,
    /// The value text.
    pub text: String,
    /// Where the value text is anchored: after the bar's end, on the side it grows to.
    pub text_x: f64,
    /// The baseline of the value text.
    pub text_y: f64,
    /// How the text is anchored at `text_x`.
    pub text_anchor: Anchor,
}

/// One placed row.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedRow {
    /// The label, shortened to the label column.
    pub label: String,
    /// The full label.
    pub full_label: String,
    /// The right end of the label (it is end-anchored).
    pub label_x: f64,
    /// The baseline of the label (between the two bars).
    pub label_y: f64,
    /// The bar of period A (upper).
    pub a: ComparisonBar,
    /// The bar of period B (lower).
    pub b: ComparisonBar,
}

/// A laid-out comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonLayout {
    /// The width of the drawing.
    pub width: f64,
    /// The height of the drawing (rows and axis; a legend goes below it).
    pub height: f64,
    /// The rows, in order.
    pub rows: Vec<PlacedRow>,
    /// The value ticks along the bottom; `pos` is an x.
    pub ticks: Vec<Tick>,
    /// The x of the zero line.
    pub zero_x: f64,
    /// The top of the plot (the first row).
    pub plot_top: f64,
    /// The bottom of the plot (the axis line).
    pub plot_bottom: f64,
}

/// The font size of comparison texts.
pub const FONT: f64 = 12.0;
const PAD: f64 = 8.0;
const BAR: f64 = 14.0;
const ROW_GAP: f64 = 14.0;
const VALUE_ROOM: f64 = 64.0;
const AXIS_ROOM: f64 = 24.0;

/// Lays out `rows` in a drawing `width` units wide.
pub fn layout_comparison(rows: &[ComparisonRow], width: f64) -> ComparisonLayout {
    let width = finite(width).max(240.0);
    let label_width = (width * 0.3).min(200.0);
    let values = rows.iter().flat_map(|r| [finite(r.a), finite(r.b)]);
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let tick_values = nice_ticks(lo, hi, 5);
    let first = tick_values.first().copied().unwrap_or(0.0);
    let last = tick_values.last().copied().unwrap_or(1.0);
    // Room for value texts on the side(s) bars grow to.
    let left_room = if lo < 0.0 { VALUE_ROOM } else { 0.0 };
    let plot_left = PAD + label_width + 8.0 + left_room;
    let plot_right = width - PAD - VALUE_ROOM;
    let scale = LinearScale::new((first, last), (plot_left, plot_right));
    let zero_x = scale.map(0.0);
    let bar = |v: f64, y: f64, text: &str| {
        let v = finite(v);
        let end = scale.map(v);
        let (x, w) = if v < 0.0 {
            (end, zero_x - end)
        } else {
            (zero_x, end - zero_x)
        };
        let (text_x, text_anchor) = if v < 0.0 {
            (end - 4.0, Anchor::End)
        } else {
            (end + 4.0, Anchor::Start)
        };
        ComparisonBar {
            x,
            y,
            width: w,
            height: BAR,
            text: text.to_owned(),
            text_x,
            text_y: y + BAR / 2.0 + FONT * 0.35,
            text_anchor,
        }
    };
    let plot_top = PAD;
    let mut y = plot_top;
    let placed = rows
        .iter()
        .map(|r| {
            let row = PlacedRow {
                label: fit_text(&r.label, label_width, FONT),
                full_label: r.label.clone(),
                label_x: PAD + label_width,
                label_y: y + BAR + 1.0 + FONT * 0.35,
                a: bar(r.a, y, &r.a_text),
                b: bar(r.b, y + BAR + 2.0, &r.b_text),
            };
            y += 2.0 * BAR + 2.0 + ROW_GAP;
            row
        })
        .collect();
    let plot_bottom = y - ROW_GAP / 2.0;
    ComparisonLayout {
        width,
        height: plot_bottom + AXIS_ROOM,
        rows: placed,
        ticks: place_ticks(&tick_values, &scale),
        zero_x,
        plot_top,
        plot_bottom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, a: f64, b: f64) -> ComparisonRow {
        ComparisonRow {
            label: label.into(),
            a,
            b,
            a_text: format!("{a}"),
            b_text: format!("{b}"),
        }
    }

    #[test]
    fn both_periods_share_one_scale() {
        let l = layout_comparison(&[row("Leads", 80.0, 40.0), row("Won", 10.0, 20.0)], 600.0);
        // Ticks 0..80 by 20 (the largest value is 80); bars measured from the zero line.
        let values: Vec<f64> = l.ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        let unit = (l.ticks.last().unwrap().pos - l.zero_x) / 80.0;
        let leads = &l.rows[0];
        assert!((leads.a.width - 80.0 * unit).abs() < 1e-9);
        assert!((leads.b.width - 40.0 * unit).abs() < 1e-9);
        assert!((l.rows[1].b.width - 2.0 * l.rows[1].a.width).abs() < 1e-9);
        assert!((leads.a.width - 8.0 * l.rows[1].a.width).abs() < 1e-9);
        for r in &l.rows {
            assert_eq!(r.a.x, l.zero_x);
            assert_eq!(r.b.x, l.zero_x);
            // A above B, both beside the label, texts after the bar's end, inside the drawing.
            assert!(r.a.y + r.a.height <= r.b.y);
            assert!(r.label_x < l.zero_x);
            assert_eq!(r.a.text_x, r.a.x + r.a.width + 4.0);
            assert!(r.a.text_x + 50.0 <= l.width);
        }
        // Rows do not overlap.
        assert!(l.rows[0].b.y + l.rows[0].b.height < l.rows[1].a.y);
        assert!(l.height > l.plot_bottom);
    }

    #[test]
    fn negative_values_grow_left_of_zero() {
        let l = layout_comparison(&[row("Change", -30.0, 45.0)], 600.0);
        let r = &l.rows[0];
        assert!(l.zero_x > r.label_x);
        assert_eq!(r.a.x + r.a.width, l.zero_x);
        assert_eq!(r.a.text_anchor, Anchor::End);
        assert!(r.a.text_x < r.a.x);
        assert_eq!(r.b.x, l.zero_x);
        // |-30| and 45 on the same scale.
        assert!((r.a.width / r.b.width - 30.0 / 45.0).abs() < 1e-9);
        // The leftmost value text still has room right of the labels.
        assert!(r.a.text_x - 50.0 >= r.label_x);
    }

    #[test]
    fn zeros_nan_and_empty_give_no_nan() {
        let l = layout_comparison(&[row("a", 0.0, f64::NAN), row("b", 0.0, 0.0)], f64::NAN);
        for r in &l.rows {
            for v in [r.a.x, r.a.width, r.b.x, r.b.width, r.a.text_x, r.label_y] {
                assert!(v.is_finite());
            }
            assert_eq!(r.a.width, 0.0);
            assert_eq!(r.b.width, 0.0);
        }
        let e = layout_comparison(&[], 400.0);
        assert!(e.rows.is_empty());
        assert!(e.ticks.iter().all(|t| t.pos.is_finite()));
    }
}
