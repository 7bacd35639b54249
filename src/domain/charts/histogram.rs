//! A histogram of durations in days: binning into "nice" bins (a day, a week, a month, a year…)
//! and the bar layout with its axes.

use super::finite;
use super::scale::{nice_ticks, place_ticks, tick_text, LinearScale, Tick};
use super::text::text_width;

/// The bin widths tried, in days, smallest first; past a year, whole years.
pub const BIN_WIDTHS: [f64; 10] = [1.0, 2.0, 5.0, 7.0, 14.0, 30.0, 60.0, 90.0, 180.0, 365.0];

/// One bin: the durations `from <= d < to` days, and how many there are.
#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    /// The first day of the bin (included).
    pub from: f64,
    /// The end of the bin (excluded).
    pub to: f64,
    /// How many durations fall in it.
    pub count: u32,
}

/// Bins `days` into at most `max_bins` bins (at least 1) of the smallest width in
/// [`BIN_WIDTHS`] (or a whole number of years) that needs no more. Bins start at a multiple of
/// the width at or below the shortest duration and run without holes to the longest one.
/// Negative and non-finite durations are ignored; no durations give no bins.
pub fn bin_durations(days: &[f64], max_bins: usize) -> Vec<Bin> {
    let values: Vec<f64> = days
        .iter()
        .copied()
        .filter(|d| d.is_finite() && *d >= 0.0)
        .collect();
    let Some(min) = values.iter().copied().reduce(f64::min) else {
        return Vec::new();
    };
    let max = values.iter().copied().fold(min, f64::max);
    let max_bins = max_bins.max(1) as f64;
    let needed = |w: f64| (max / w).floor() - (min / w).floor() + 1.0;
    let width = BIN_WIDTHS
        .iter()
        .copied()
        .find(|&w| needed(w) <= max_bins)
        .unwrap_or_else(|| {
            let years = (needed(365.0) / max_bins).ceil();
            let mut w = 365.0 * years;
            while needed(w) > max_bins {
                w += 365.0;
            }
            w
        });
    let first = (min / width).floor();
    let n = needed(width) as usize;
    let mut bins: Vec<Bin> = (0..n)
        .map(|i| Bin {
            from: (first + i as f64) * width,
            to: (first + i as f64 + 1.0) * width,
            count: 0,
        })
        .collect();
    for v in values {
        let i = ((v / width).floor() - first) as usize;
        bins[i.min(n - 1)].count += 1;
    }
    bins
}

/// One placed bar.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramBar {
    /// The bin it draws.
    pub bin: Bin,
    /// Its rectangle.
    pub x: f64,
    /// Its rectangle.
    pub y: f64,
    /// Its rectangle.
    pub width: f64,
    /// Its rectangle: proportional to the count.
    pub height: f64,
    /// The centre of the count text above the bar.
    pub count_x: f64,
    /// The baseline of the count text.
    pub count_y: f64,
}

/// A laid-out histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramLayout {
    /// The width of the drawing.
    pub width: f64,
    /// The height of the drawing.
    pub height: f64,
    /// The plot area's left edge (the y axis).
    pub plot_left: f64,
    /// The plot area's right edge.
    pub plot_right: f64,
    /// The plot area's top edge.
    pub plot_top: f64,
    /// The plot area's bottom edge (the x axis).
    pub plot_bottom: f64,
    /// One bar per bin.
    pub bars: Vec<HistogramBar>,
    /// Count ticks; `pos` is a y.
    pub y_ticks: Vec<Tick>,
    /// Day ticks at bin edges (every edge, or every k-th when labels would collide); `pos` is
    /// an x.
    pub x_ticks: Vec<Tick>,
    /// Where the x axis title goes (centred).
    pub x_title: (f64, f64),
    /// Where the y axis title goes (start-anchored).
    pub y_title: (f64, f64),
}

/// The font size of histogram texts.
pub const FONT: f64 = 12.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 44.0;

/// Lays out `bins` in a drawing `width` × `height`.
pub fn layout_histogram(bins: &[Bin], width: f64, height: f64) -> HistogramLayout {
    let width = finite(width).max(LEFT + RIGHT + 40.0);
    let height = finite(height).max(TOP + BOTTOM + 40.0);
    let (plot_left, plot_right) = (LEFT, width - RIGHT);
    let (plot_top, plot_bottom) = (TOP, height - BOTTOM);
    let max_count = bins.iter().map(|b| b.count).max().unwrap_or(0);
    // Counts are whole: never more intervals than the largest count.
    let y_values = nice_ticks(0.0, f64::from(max_count), 5.min(max_count.max(1) as usize));
    let y_scale = LinearScale::new(
        (0.0, y_values.last().copied().unwrap_or(1.0)),
        (plot_bottom, plot_top),
    );
    let (lo, hi) = match (bins.first(), bins.last()) {
        (Some(a), Some(b)) => (a.from, b.to),
        _ => (0.0, 1.0),
    };
    let x_scale = LinearScale::new((lo, hi), (plot_left, plot_right));
    let bars = bins
        .iter()
        .map(|bin| {
            let x0 = x_scale.map(bin.from);
            let x1 = x_scale.map(bin.to);
            let top = y_scale.map(f64::from(bin.count));
            let gap = ((x1 - x0) * 0.1).min(2.0);
            HistogramBar {
                bin: bin.clone(),
                x: x0 + gap / 2.0,
                y: top,
                width: (x1 - x0 - gap).max(0.0),
                height: plot_bottom - top,
                count_x: (x0 + x1) / 2.0,
                count_y: top - 4.0,
            }
        })
        .collect();
    let mut x_ticks = Vec::new();
    if let Some(first) = bins.first() {
        let step = first.to - first.from;
        let edges: Vec<f64> = bins
            .iter()
            .map(|b| b.from)
            .chain(bins.last().map(|b| b.to))
            .collect();
        let widest = edges
            .iter()
            .map(|&e| text_width(&tick_text(e, step), FONT))
            .fold(0.0, f64::max);
        let room = (plot_right - plot_left) / bins.len() as f64;
        let every = ((widest + 8.0) / room).ceil().max(1.0) as usize;
        let shown: Vec<f64> = edges.iter().copied().step_by(every).collect();
        x_ticks = shown
            .iter()
            .map(|&value| Tick {
                value,
                pos: x_scale.map(value),
                text: tick_text(value, step),
            })
            .collect();
    }
    HistogramLayout {
        width,
        height,
        plot_left,
        plot_right,
        plot_top,
        plot_bottom,
        bars,
        y_ticks: place_ticks(&y_values, &y_scale),
        x_ticks,
        x_title: ((plot_left + plot_right) / 2.0, height - 8.0),
        y_title: (4.0, TOP - 18.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(bins: &[Bin]) -> Vec<(f64, f64, u32)> {
        bins.iter().map(|b| (b.from, b.to, b.count)).collect()
    }

    #[test]
    fn picks_the_smallest_width_that_fits_and_counts_by_hand() {
        let days = [0.0, 0.5, 1.0, 3.0, 6.9, 7.0, 13.99, 14.0, 20.0];
        // 1, 2 and 5 days need 21, 11 and 5 bins; a week needs 3.
        assert_eq!(
            counts(&bin_durations(&days, 3)),
            vec![(0.0, 7.0, 5), (7.0, 14.0, 2), (14.0, 21.0, 2)]
        );
        // With room for 5 bins, 5 days fit: [0,5) 0 0.5 1 3 | [5,10) 6.9 7 | [10,15) 13.99 14 |
        // [15,20) none | [20,25) 20.
        assert_eq!(
            counts(&bin_durations(&days, 5)),
            vec![
                (0.0, 5.0, 4),
                (5.0, 10.0, 2),
                (10.0, 15.0, 2),
                (15.0, 20.0, 0),
                (20.0, 25.0, 1)
            ]
        );
    }

    #[test]
    fn bins_start_at_the_shortest_duration() {
        // 100..=150 days in at most 4 bins: 14 days need floor(150/14) - floor(100/14) + 1 =
        // 10 - 7 + 1 = 4 bins, from 98.
        let bins = bin_durations(&[100.0, 101.0, 120.0, 150.0], 4);
        assert_eq!(
            counts(&bins),
            vec![
                (98.0, 112.0, 2),
                (112.0, 126.0, 1),
                (126.0, 140.0, 0),
                (140.0, 154.0, 1)
            ]
        );
    }

    #[test]
    fn long_spans_use_whole_years() {
        // 0 to 3000 days in 3 bins: one year needs 9 bins, three years 3.
        let bins = bin_durations(&[0.0, 400.0, 3000.0], 3);
        assert_eq!(
            counts(&bins),
            vec![(0.0, 1095.0, 2), (1095.0, 2190.0, 0), (2190.0, 3285.0, 1)]
        );
    }

    #[test]
    fn empty_and_invalid_input_give_no_bins() {
        assert!(bin_durations(&[], 10).is_empty());
        assert!(bin_durations(&[f64::NAN, -3.0, f64::INFINITY], 10).is_empty());
        // A single duration: one bin of one day. Zero bins asked counts as one.
        assert_eq!(counts(&bin_durations(&[4.0], 0)), vec![(4.0, 5.0, 1)]);
    }

    #[test]
    fn bars_are_proportional_and_sit_on_the_axis() {
        let bins = vec![
            Bin {
                from: 0.0,
                to: 7.0,
                count: 4,
            },
            Bin {
                from: 7.0,
                to: 14.0,
                count: 2,
            },
            Bin {
                from: 14.0,
                to: 21.0,
                count: 0,
            },
        ];
        let l = layout_histogram(&bins, 400.0, 250.0);
        assert_eq!(l.bars.len(), 3);
        let full = l.plot_bottom - l.plot_top;
        // The y axis runs 0..4 in steps of 1.
        assert_eq!(
            l.y_ticks
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>(),
            vec!["0", "1", "2", "3", "4"]
        );
        assert!((l.bars[0].height - full).abs() < 1e-9);
        assert!((l.bars[1].height - full / 2.0).abs() < 1e-9);
        assert_eq!(l.bars[2].height, 0.0);
        for b in &l.bars {
            assert!((b.y + b.height - l.plot_bottom).abs() < 1e-9);
            assert!(b.count_y < b.y);
        }
        // Bars follow each other left to right without overlapping, inside the plot.
        assert!(l.bars[0].x >= l.plot_left);
        assert!(l.bars[0].x + l.bars[0].width <= l.bars[1].x);
        assert!(l.bars[2].x + l.bars[2].width <= l.plot_right);
        // Edge ticks 0, 7, 14, 21 at the bin edges.
        let xs: Vec<(&str, f64)> = l.x_ticks.iter().map(|t| (t.text.as_str(), t.pos)).collect();
        assert_eq!(xs.len(), 4);
        assert_eq!(xs[0], ("0", l.plot_left));
        assert_eq!(xs[3], ("21", l.plot_right));
    }

    #[test]
    fn crowded_edge_labels_are_thinned_and_empty_input_has_an_axis() {
        let bins: Vec<Bin> = (0..30)
            .map(|i| Bin {
                from: f64::from(i) * 365.0,
                to: f64::from(i + 1) * 365.0,
                count: 1,
            })
            .collect();
        let l = layout_histogram(&bins, 300.0, 200.0);
        assert!(l.x_ticks.len() < 31);
        for pair in l.x_ticks.windows(2) {
            let room = pair[1].pos - pair[0].pos;
            assert!(room >= text_width(&pair[0].text, FONT), "{pair:?}");
        }
        let e = layout_histogram(&[], 300.0, 200.0);
        assert!(e.bars.is_empty() && e.x_ticks.is_empty());
        assert_eq!(e.y_ticks.len(), 2);
        assert!(e.y_ticks.iter().all(|t| t.pos.is_finite()));
    }
}
