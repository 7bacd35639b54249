//! A funnel as horizontal bars: one row per step, top to bottom, each bar's width proportional
//! to the step's value against the largest step, left-aligned so widths compare at a glance.
//!
//! A row is the step's label on its own line (so long stage names have the full width), the bar
//! below it with the value written just after its end, and the optional note (such as
//! "62 % → next") under the bar.

use super::finite;
use super::text::fit_text;

/// One step of a funnel, with its texts already formatted by the caller.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    /// The name of the step (a stage name, say).
    pub label: String,
    /// The value the bar's width is proportional to; negative or non-finite counts as 0.
    pub value: f64,
    /// `value` as the reader should see it ("1 234").
    pub value_text: String,
    /// A note under the bar, such as "62 % → next".
    pub note: Option<String>,
}

/// One placed row of a funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelRow {
    /// The label, shortened with "…" if it does not fit the chart's width.
    pub label: String,
    /// The full label (for a tooltip when `label` was shortened).
    pub full_label: String,
    /// The baseline of the label.
    pub label_x: f64,
    /// The baseline of the label.
    pub label_y: f64,
    /// The bar's left edge.
    pub bar_x: f64,
    /// The bar's top edge.
    pub bar_y: f64,
    /// The bar's width: `value / max value` of the bar area (0 when every value is 0).
    pub bar_width: f64,
    /// The bar's height.
    pub bar_height: f64,
    /// The value text.
    pub value_text: String,
    /// Where the value text starts (just after the bar).
    pub value_x: f64,
    /// The baseline of the value text.
    pub value_y: f64,
    /// The note, if any, and its baseline (it starts at `label_x`).
    pub note: Option<(String, f64)>,
    /// The share of the largest value, 0..=1.
    pub share: f64,
}

/// A laid-out funnel: its rows and the size of its drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelLayout {
    /// The width of the drawing (the `viewBox` width).
    pub width: f64,
    /// The height of the drawing.
    pub height: f64,
    /// One row per step, in order.
    pub rows: Vec<FunnelRow>,
}

/// The font size of funnel labels.
pub const FONT: f64 = 13.0;
const PAD: f64 = 8.0;
const LABEL_LINE: f64 = 18.0;
const BAR_HEIGHT: f64 = 24.0;
const NOTE_LINE: f64 = 18.0;
const ROW_GAP: f64 = 10.0;
/// Room kept right of the longest bar for its value text.
const VALUE_ROOM: f64 = 90.0;

/// Lays out `steps` in a drawing `width` units wide.
pub fn layout_funnel(steps: &[FunnelStep], width: f64) -> FunnelLayout {
    let width = finite(width).max(VALUE_ROOM + 2.0 * PAD + 10.0);
    let value = |s: &FunnelStep| finite(s.value).max(0.0);
    let max = steps.iter().map(value).fold(0.0, f64::max);
    let bar_area = width - 2.0 * PAD - VALUE_ROOM;
    let mut y = PAD;
    let mut rows = Vec::with_capacity(steps.len());
    for step in steps {
        let share = if max > 0.0 { value(step) / max } else { 0.0 };
        let label_y = y + FONT;
        let bar_y = y + LABEL_LINE + 4.0;
        let bar_width = share * bar_area;
        let value_y = bar_y + BAR_HEIGHT / 2.0 + FONT * 0.35;
        let mut bottom = bar_y + BAR_HEIGHT;
        let note = step.note.as_ref().map(|n| {
            let baseline = bottom + NOTE_LINE - 4.0;
            bottom += NOTE_LINE;
            (fit_text(n, width - 2.0 * PAD, FONT - 1.0), baseline)
        });
        rows.push(FunnelRow {
            label: fit_text(&step.label, width - 2.0 * PAD, FONT),
            full_label: step.label.clone(),
            label_x: PAD,
            label_y,
            bar_x: PAD,
            bar_y,
            bar_width,
            bar_height: BAR_HEIGHT,
            value_text: step.value_text.clone(),
            value_x: PAD + bar_width + 6.0,
            value_y,
            note,
            share,
        });
        y = bottom + ROW_GAP;
    }
    let height = if rows.is_empty() {
        2.0 * PAD
    } else {
        y - ROW_GAP + PAD
    };
    FunnelLayout {
        width,
        height,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(label: &str, value: f64, note: Option<&str>) -> FunnelStep {
        FunnelStep {
            label: label.into(),
            value,
            value_text: format!("{value}"),
            note: note.map(str::to_owned),
        }
    }

    #[test]
    fn bar_widths_are_proportional_to_the_largest_value() {
        let l = layout_funnel(
            &[
                step("Lead", 200.0, None),
                step("MQL", 50.0, None),
                step("Won", 0.0, None),
            ],
            600.0,
        );
        let area = 600.0 - 2.0 * PAD - VALUE_ROOM;
        assert_eq!(l.rows.len(), 3);
        assert_eq!(l.rows[0].bar_width, area);
        assert_eq!(l.rows[1].bar_width, area / 4.0);
        assert_eq!(l.rows[2].bar_width, 0.0);
        assert_eq!(l.rows[1].share, 0.25);
        // The value text follows the end of its bar.
        assert_eq!(l.rows[1].value_x, PAD + area / 4.0 + 6.0);
        // Every bar fits the drawing with its value text.
        assert!(l.rows[0].value_x + 60.0 <= l.width);
    }

    #[test]
    fn rows_go_down_without_overlapping_and_notes_take_a_line() {
        let l = layout_funnel(
            &[
                step("A", 10.0, Some("62 % → next")),
                step("B", 6.0, None),
                step("C", 3.0, None),
            ],
            500.0,
        );
        let (a, b, c) = (&l.rows[0], &l.rows[1], &l.rows[2]);
        let (note, note_y) = a.note.clone().unwrap();
        assert_eq!(note, "62 % → next");
        assert!(note_y > a.bar_y + a.bar_height);
        assert!(b.label_y - FONT > note_y, "B's label starts below A's note");
        assert!(c.label_y - FONT > b.bar_y + b.bar_height);
        // A row with a note is taller by one note line.
        assert_eq!(b.bar_y - a.bar_y, (c.bar_y - b.bar_y) + NOTE_LINE);
        assert!(l.height >= c.bar_y + c.bar_height);
    }

    #[test]
    fn zero_empty_and_nan_inputs_give_no_nan() {
        let zeros = layout_funnel(&[step("A", 0.0, None), step("B", 0.0, None)], 400.0);
        let nan = layout_funnel(
            &[step("A", f64::NAN, None), step("B", -5.0, None)],
            f64::NAN,
        );
        for l in [&zeros, &nan] {
            for r in &l.rows {
                for v in [r.bar_width, r.value_x, r.bar_y, r.share, r.label_y] {
                    assert!(v.is_finite());
                }
                assert_eq!(r.bar_width, 0.0);
            }
            assert!(l.width.is_finite() && l.height.is_finite());
        }
        let empty = layout_funnel(&[], 400.0);
        assert!(empty.rows.is_empty());
        assert_eq!(empty.height, 2.0 * PAD);
    }

    #[test]
    fn long_labels_are_shortened_to_the_width() {
        let long = "A very long stage name that goes on and on and on and on and on";
        let l = layout_funnel(&[step(long, 1.0, None)], 200.0);
        assert!(l.rows[0].label.ends_with('…'));
        assert_eq!(l.rows[0].full_label, long);
    }
}
