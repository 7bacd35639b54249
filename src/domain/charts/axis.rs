//! Where an axis goes: each tick's line and label, the axis line and the axis title, worked out
//! from the ticks a layout placed (see [`super::scale::place_ticks`]). Every chart with an axis
//! draws one of these the same way, so the offsets of labels from their ticks live here, once.

use super::scale::Tick;
use super::Anchor;

/// How far a stub tick reaches out of the plot, below a bottom axis.
pub const STUB: f64 = 5.0;
/// The gap between a left axis's labels and the plot's left edge.
const LEFT_LABEL_GAP: f64 = 6.0;
/// How far below a left-axis tick its label's baseline sits (about a third of the font, so the
/// text is centred on the tick).
const LEFT_LABEL_DROP: f64 = 4.0;
/// The baseline of a bottom axis's labels, below the plot's bottom edge, when the ticks are grid
/// lines (nothing below the plot but the label).
const BOTTOM_LABEL_GRID: f64 = 16.0;
/// … when the ticks are stubs (the label clears the stub).
const BOTTOM_LABEL_STUB: f64 = 18.0;

/// A straight line from (`x1`, `y1`) to (`x2`, `y2`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// The start.
    pub x1: f64,
    /// The start.
    pub y1: f64,
    /// The end.
    pub x2: f64,
    /// The end.
    pub y2: f64,
}

/// What a tick's line is: a grid line across the plot, or a short stub out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickLine {
    /// A light line across the whole plot.
    Grid,
    /// A short line out of the plot, in the colour of the axis.
    Stub,
}

impl TickLine {
    /// The CSS class of the line (`grid` or `axis`).
    pub fn class(self) -> &'static str {
        match self {
            TickLine::Grid => "grid",
            TickLine::Stub => "axis",
        }
    }
}

/// One placed tick: its line and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTick {
    /// The tick's line.
    pub line: Segment,
    /// Whether the line is a grid line or a stub.
    pub kind: TickLine,
    /// The label (as [`Tick::text`]: a `.` decimal separator; the caller localises it).
    pub text: String,
    /// Where the label is anchored.
    pub text_x: f64,
    /// The label's baseline.
    pub text_y: f64,
    /// How the label is anchored at `text_x`.
    pub anchor: Anchor,
}

/// An axis title: its text (in the reader's language) and where it goes.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisTitle {
    /// The title.
    pub text: String,
    /// Where it is anchored.
    pub x: f64,
    /// Its baseline.
    pub y: f64,
    /// How it is anchored at `x`.
    pub anchor: Anchor,
}

/// A placed axis: its ticks, and optionally its line and its title.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    /// The ticks, in order.
    pub ticks: Vec<AxisTick>,
    /// The axis line, drawn over the ticks.
    pub line: Option<Segment>,
    /// The axis title.
    pub title: Option<AxisTitle>,
}

impl Axis {
    /// A value axis on the left: a grid line across the plot (`plot_left` to `plot_right`) at
    /// every tick (`pos` is a y), its label ending just left of the plot.
    pub fn left_grid(ticks: &[Tick], plot_left: f64, plot_right: f64) -> Axis {
        let ticks = ticks
            .iter()
            .map(|t| AxisTick {
                line: Segment {
                    x1: plot_left,
                    y1: t.pos,
                    x2: plot_right,
                    y2: t.pos,
                },
                kind: TickLine::Grid,
                text: t.text.clone(),
                text_x: plot_left - LEFT_LABEL_GAP,
                text_y: t.pos + LEFT_LABEL_DROP,
                anchor: Anchor::End,
            })
            .collect();
        Axis {
            ticks,
            ..Axis::default()
        }
    }

    /// An axis along the bottom with a grid line up through the plot (`plot_top` to
    /// `plot_bottom`) at every tick (`pos` is an x), its label centred under the plot.
    pub fn bottom_grid(ticks: &[Tick], plot_top: f64, plot_bottom: f64) -> Axis {
        Axis::bottom(ticks, TickLine::Grid, plot_top, plot_bottom)
    }

    /// An axis along the bottom edge `plot_bottom` with a stub below it at every tick (`pos` is
    /// an x), its label centred under the stub.
    pub fn bottom_stubs(ticks: &[Tick], plot_bottom: f64) -> Axis {
        Axis::bottom(ticks, TickLine::Stub, plot_bottom, plot_bottom + STUB)
    }

    fn bottom(ticks: &[Tick], kind: TickLine, from_y: f64, to_y: f64) -> Axis {
        let label_y = match kind {
            TickLine::Grid => to_y + BOTTOM_LABEL_GRID,
            TickLine::Stub => from_y + BOTTOM_LABEL_STUB,
        };
        let ticks = ticks
            .iter()
            .map(|t| AxisTick {
                line: Segment {
                    x1: t.pos,
                    y1: from_y,
                    x2: t.pos,
                    y2: to_y,
                },
                kind,
                text: t.text.clone(),
                text_x: t.pos,
                text_y: label_y,
                anchor: Anchor::Middle,
            })
            .collect();
        Axis {
            ticks,
            ..Axis::default()
        }
    }

    /// The same axis with its line from (`x1`, `y1`) to (`x2`, `y2`).
    pub fn with_line(self, x1: f64, y1: f64, x2: f64, y2: f64) -> Axis {
        Axis {
            line: Some(Segment { x1, y1, x2, y2 }),
            ..self
        }
    }

    /// The same axis with the title `text` anchored at `(x, y)`.
    pub fn with_title(self, text: impl Into<String>, (x, y): (f64, f64), anchor: Anchor) -> Axis {
        Axis {
            title: Some(AxisTitle {
                text: text.into(),
                x,
                y,
                anchor,
            }),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(pos: &[f64]) -> Vec<Tick> {
        pos.iter()
            .enumerate()
            .map(|(i, &p)| Tick {
                value: i as f64,
                pos: p,
                text: format!("{i}"),
            })
            .collect()
    }

    #[test]
    fn a_left_axis_draws_grid_lines_across_and_labels_left_of_the_plot() {
        let axis = Axis::left_grid(&ticks(&[200.0, 100.0]), 48.0, 624.0);
        assert_eq!(axis.ticks.len(), 2);
        let t = &axis.ticks[1];
        assert_eq!(
            t.line,
            Segment {
                x1: 48.0,
                y1: 100.0,
                x2: 624.0,
                y2: 100.0
            }
        );
        assert_eq!(t.kind.class(), "grid");
        assert_eq!((t.text_x, t.text_y, t.anchor), (42.0, 104.0, Anchor::End));
        assert_eq!(t.text, "1");
        assert_eq!((axis.line, axis.title), (None, None));
    }

    #[test]
    fn a_bottom_grid_runs_up_through_the_plot_with_labels_under_it() {
        let axis = Axis::bottom_grid(&ticks(&[10.0, 60.0]), 20.0, 180.0);
        let t = &axis.ticks[1];
        assert_eq!(
            t.line,
            Segment {
                x1: 60.0,
                y1: 20.0,
                x2: 60.0,
                y2: 180.0
            }
        );
        assert_eq!(t.kind, TickLine::Grid);
        assert_eq!(
            (t.text_x, t.text_y, t.anchor),
            (60.0, 196.0, Anchor::Middle)
        );
    }

    #[test]
    fn bottom_stubs_hang_below_the_plot_and_their_labels_clear_them() {
        let axis = Axis::bottom_stubs(&ticks(&[48.0]), 256.0)
            .with_line(48.0, 256.0, 624.0, 256.0)
            .with_title("Days", (336.0, 290.0), Anchor::Middle);
        let t = &axis.ticks[0];
        assert_eq!(
            t.line,
            Segment {
                x1: 48.0,
                y1: 256.0,
                x2: 48.0,
                y2: 256.0 + STUB
            }
        );
        assert_eq!(t.kind.class(), "axis");
        assert_eq!((t.text_x, t.text_y), (48.0, 274.0));
        assert!(t.text_y > t.line.y2, "the label is below the stub");
        assert_eq!(
            axis.line,
            Some(Segment {
                x1: 48.0,
                y1: 256.0,
                x2: 624.0,
                y2: 256.0
            })
        );
        let title = axis.title.expect("a title");
        assert_eq!(
            (title.text.as_str(), title.x, title.y, title.anchor),
            ("Days", 336.0, 290.0, Anchor::Middle)
        );
    }

    #[test]
    fn no_ticks_no_marks() {
        assert!(Axis::left_grid(&[], 0.0, 10.0).ticks.is_empty());
        assert!(Axis::bottom_stubs(&[], 10.0).ticks.is_empty());
    }
}
