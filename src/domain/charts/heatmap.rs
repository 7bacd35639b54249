//! A heatmap of counts (rows × columns, such as stages × months): each cell gets a shade level,
//! and, because colour must never be the only signal, its number, a hatch for a gap (no
//! contacts) and a "▲" marker for an excess (at least twice the row's average).
//!
//! Levels: 0 for an empty cell, else 1..=4 by the count's share of the largest count
//! (`ceil(4 × count / max)`), so the largest cell is always 4 and any non-empty cell at least 1.

use super::text::{fit_text, text_width};
use super::{finite, Anchor};

/// The marker drawn in an excess cell.
pub const EXCESS_MARKER: &str = "▲";
/// The marker that stands for a gap in texts (the drawing hatches the cell).
pub const GAP_MARKER: &str = "—";

/// The counts to draw: `cells[r][c]` is the count of row `r` in column `c`. A missing cell
/// (a short row, or a missing row) counts as 0; cells beyond the columns are ignored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Heatmap {
    /// The row names, top to bottom.
    pub rows: Vec<String>,
    /// The column names, left to right.
    pub columns: Vec<String>,
    /// The counts, row by row.
    pub cells: Vec<Vec<u32>>,
}

impl Heatmap {
    /// The count of row `r`, column `c` (0 when missing).
    pub fn count(&self, r: usize, c: usize) -> u32 {
        self.cells
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .unwrap_or(0)
    }
}

/// A placed cell.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapCell {
    /// Its row.
    pub row: usize,
    /// Its column.
    pub column: usize,
    /// Its count.
    pub count: u32,
    /// Its shade, 0 (none) to 4 (the largest counts).
    pub level: u8,
    /// The count is 0.
    pub gap: bool,
    /// The count is above 0 and at least twice its row's average.
    pub excess: bool,
    /// Its rectangle.
    pub x: f64,
    /// Its rectangle.
    pub y: f64,
    /// Its rectangle.
    pub width: f64,
    /// Its rectangle.
    pub height: f64,
    /// The text in the cell: the count, with [`EXCESS_MARKER`] after it for an excess.
    pub text: String,
    /// The centre of the text.
    pub text_x: f64,
    /// The baseline of the text.
    pub text_y: f64,
}

/// A placed row or column name.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapLabel {
    /// The name, shortened to its room.
    pub text: String,
    /// The full name.
    pub full_text: String,
    /// Its anchor point.
    pub x: f64,
    /// Its baseline.
    pub y: f64,
    /// How it is anchored.
    pub anchor: Anchor,
    /// Degrees to rotate it by around (x, y) (column names turn when they do not fit).
    pub rotate: f64,
}

/// A laid-out heatmap.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapLayout {
    /// The width of the drawing.
    pub width: f64,
    /// The height of the drawing (the grid; a legend goes below it).
    pub height: f64,
    /// The cells, row by row.
    pub cells: Vec<HeatmapCell>,
    /// The row names, left of the grid.
    pub row_labels: Vec<HeatmapLabel>,
    /// The column names, above the grid.
    pub column_labels: Vec<HeatmapLabel>,
    /// The largest count.
    pub max: u32,
}

/// The font size of heatmap texts.
pub const FONT: f64 = 12.0;
const PAD: f64 = 8.0;
const CELL_HEIGHT: f64 = 28.0;
const MAX_CELL_WIDTH: f64 = 90.0;
const MAX_TURNED_LABEL: f64 = 110.0;

/// The shade of `count` against the largest count `max`.
pub fn level(count: u32, max: u32) -> u8 {
    if count == 0 || max == 0 {
        0
    } else {
        // 1..=4; exact in integers: ceil(4 × count / max).
        (4 * u64::from(count)).div_ceil(u64::from(max)).clamp(1, 4) as u8
    }
}

/// Lays out `map` in a drawing `width` units wide.
pub fn layout_heatmap(map: &Heatmap, width: f64) -> HeatmapLayout {
    let width = finite(width).max(160.0);
    let (nr, nc) = (map.rows.len(), map.columns.len());
    let label_width = (width * 0.28).min(180.0);
    let grid_left = PAD + label_width + 8.0;
    let cell_width_in = |room: f64| {
        if nc == 0 {
            0.0
        } else {
            (room / nc as f64).min(MAX_CELL_WIDTH)
        }
    };
    // Column names turn by 45° when the widest one does not fit its cell; the last one then
    // reaches right of the grid, so the grid narrows to keep it in the drawing.
    let widest = map
        .columns
        .iter()
        .map(|c| text_width(c, FONT))
        .fold(0.0, f64::max);
    let turned = widest > cell_width_in(width - PAD - grid_left) - 6.0;
    let reach = widest.min(MAX_TURNED_LABEL) * std::f64::consts::FRAC_1_SQRT_2;
    let cell_width = if turned {
        cell_width_in(width - PAD - grid_left - reach)
    } else {
        cell_width_in(width - PAD - grid_left)
    };
    let header = if turned {
        reach + FONT + PAD
    } else {
        FONT + 2.0 * PAD
    };
    let grid_top = PAD + header;
    let column_labels = map
        .columns
        .iter()
        .enumerate()
        .map(|(c, name)| {
            let centre = grid_left + (c as f64 + 0.5) * cell_width;
            if turned {
                HeatmapLabel {
                    text: fit_text(name, MAX_TURNED_LABEL, FONT),
                    full_text: name.clone(),
                    x: centre,
                    y: grid_top - 6.0,
                    anchor: Anchor::Start,
                    rotate: -45.0,
                }
            } else {
                HeatmapLabel {
                    text: name.clone(),
                    full_text: name.clone(),
                    x: centre,
                    y: grid_top - 6.0,
                    anchor: Anchor::Middle,
                    rotate: 0.0,
                }
            }
        })
        .collect();
    let row_labels = map
        .rows
        .iter()
        .enumerate()
        .map(|(r, name)| HeatmapLabel {
            text: fit_text(name, label_width, FONT),
            full_text: name.clone(),
            x: PAD + label_width,
            y: grid_top + (r as f64 + 0.5) * CELL_HEIGHT + FONT * 0.35,
            anchor: Anchor::End,
            rotate: 0.0,
        })
        .collect();
    let max = (0..nr)
        .flat_map(|r| (0..nc).map(move |c| (r, c)))
        .map(|(r, c)| map.count(r, c))
        .max()
        .unwrap_or(0);
    let mut cells = Vec::with_capacity(nr * nc);
    for r in 0..nr {
        let total: u64 = (0..nc).map(|c| u64::from(map.count(r, c))).sum();
        for c in 0..nc {
            let count = map.count(r, c);
            // count ≥ 2 × total / nc, in integers.
            let excess = count > 0 && u64::from(count) * nc as u64 >= 2 * total;
            let x = grid_left + c as f64 * cell_width;
            let y = grid_top + r as f64 * CELL_HEIGHT;
            cells.push(HeatmapCell {
                row: r,
                column: c,
                count,
                level: level(count, max),
                gap: count == 0,
                excess,
                x,
                y,
                width: cell_width,
                height: CELL_HEIGHT,
                text: if excess {
                    format!("{count} {EXCESS_MARKER}")
                } else {
                    count.to_string()
                },
                text_x: x + cell_width / 2.0,
                text_y: y + CELL_HEIGHT / 2.0 + FONT * 0.35,
            });
        }
    }
    HeatmapLayout {
        width,
        height: grid_top + nr as f64 * CELL_HEIGHT + PAD,
        cells,
        row_labels,
        column_labels,
        max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(cells: Vec<Vec<u32>>, columns: &[&str]) -> Heatmap {
        Heatmap {
            rows: (0..cells.len()).map(|i| format!("row {i}")).collect(),
            columns: columns.iter().map(|s| s.to_string()).collect(),
            cells,
        }
    }

    #[test]
    fn levels_scale_with_the_largest_count() {
        assert_eq!(level(0, 10), 0);
        assert_eq!(level(1, 10), 1);
        assert_eq!(level(3, 10), 2);
        assert_eq!(level(5, 10), 2);
        assert_eq!(level(6, 10), 3);
        assert_eq!(level(10, 10), 4);
        assert_eq!(level(0, 0), 0);
    }

    #[test]
    fn gaps_and_excesses_are_flagged_per_row() {
        // Row 0: mean (1 + 0 + 8 + 3) / 4 = 3; 8 ≥ 6 is an excess, 3 is not; 0 is a gap.
        // Row 1: all equal, no excess. Row 2 is short: its missing cells are gaps.
        let m = map(
            vec![vec![1, 0, 8, 3], vec![2, 2, 2, 2], vec![5]],
            &["a", "b", "c", "d"],
        );
        let l = layout_heatmap(&m, 600.0);
        assert_eq!(l.cells.len(), 12);
        assert_eq!(l.max, 8);
        let flags: Vec<(u32, bool, bool, u8)> = l
            .cells
            .iter()
            .map(|c| (c.count, c.gap, c.excess, c.level))
            .collect();
        assert_eq!(
            &flags[..4],
            &[
                (1, false, false, 1),
                (0, true, false, 0),
                (8, false, true, 4),
                (3, false, false, 2)
            ]
        );
        assert!(flags[4..8]
            .iter()
            .all(|&(n, gap, excess, _)| n == 2 && !gap && !excess));
        // Row 2: 5 of a total of 5 over 4 columns is an excess; the rest are gaps.
        assert_eq!(flags[8], (5, false, true, 3));
        assert!(flags[9..]
            .iter()
            .all(|&(n, gap, excess, level)| n == 0 && gap && !excess && level == 0));
        // Every cell shows its number; excesses add the marker.
        assert_eq!(l.cells[1].text, "0");
        assert_eq!(l.cells[2].text, format!("8 {EXCESS_MARKER}"));
    }

    #[test]
    fn cells_form_a_grid_right_of_the_row_names() {
        let m = map(vec![vec![1, 2, 3], vec![4, 5, 6]], &["Jan", "Feb", "Mar"]);
        let l = layout_heatmap(&m, 600.0);
        let (a, b, d) = (&l.cells[0], &l.cells[1], &l.cells[3]);
        assert_eq!(b.x, a.x + a.width);
        assert_eq!(d.y, a.y + a.height);
        assert_eq!(d.x, a.x);
        assert!(l.row_labels[0].x < a.x);
        assert!(l.cells.iter().all(|c| c.x + c.width <= l.width));
        // Short names fit their cells: not turned, centred above them, above the grid.
        let jan = &l.column_labels[0];
        assert_eq!(jan.rotate, 0.0);
        assert_eq!(jan.x, a.text_x);
        assert!(jan.y < a.y);
        assert!(l.height >= d.y + d.height);
    }

    #[test]
    fn long_column_names_turn_and_the_header_grows() {
        let short = layout_heatmap(&map(vec![vec![1; 12]], &["1"; 12]), 500.0);
        let long_names = ["Between engagements"; 12];
        let long = layout_heatmap(&map(vec![vec![1; 12]], &long_names), 500.0);
        assert_eq!(short.column_labels[0].rotate, 0.0);
        assert_eq!(long.column_labels[0].rotate, -45.0);
        assert!(long.cells[0].y > short.cells[0].y);
        // A turned name never reaches above the drawing.
        let rise = text_width(&long.column_labels[0].text, FONT) * std::f64::consts::FRAC_1_SQRT_2;
        assert!(long.column_labels[0].y - rise >= 0.0);
        let last = long.column_labels.last().unwrap();
        assert!(
            last.x + text_width(&last.text, FONT) * std::f64::consts::FRAC_1_SQRT_2 <= long.width
        );
    }

    #[test]
    fn empty_inputs_give_empty_layouts() {
        let l = layout_heatmap(&Heatmap::default(), 400.0);
        assert!(l.cells.is_empty() && l.row_labels.is_empty());
        assert!(l.height.is_finite());
        let no_columns = layout_heatmap(&map(vec![vec![]], &[]), 400.0);
        assert!(no_columns.cells.is_empty());
        assert_eq!(no_columns.row_labels.len(), 1);
    }
}
