//! The math of the metrics charts: scales, ticks and layouts, as plain numbers and strings.
//!
//! Every layout takes plain inputs (with labels already formatted by the caller for its locale)
//! and a width in SVG user units, and returns positions, sizes and path strings that the
//! components in `ui::charts` only draw. Nothing here knows about the browser; degenerate inputs
//! (empty lists, all-zero values, NaN) give empty or zero-sized shapes, never NaN coordinates.

pub mod axis;
pub mod comparison;
pub mod funnel;
pub mod heatmap;
pub mod histogram;
pub mod journey;
pub mod sankey;
pub mod scale;
pub mod text;

pub use axis::{Axis, AxisTick, AxisTitle, Segment, TickLine};
pub use comparison::{
    layout_comparison, ComparisonBar, ComparisonLayout, ComparisonRow, PlacedRow,
};
pub use funnel::{layout_funnel, FunnelLayout, FunnelRow, FunnelStep};
pub use heatmap::{
    layout_heatmap, Heatmap, HeatmapCell, HeatmapLabel, HeatmapLayout, EXCESS_MARKER, GAP_MARKER,
};
pub use histogram::{
    bin_durations, layout_histogram, Bin, HistogramBar, HistogramLayout, BIN_WIDTHS,
};
pub use sankey::{
    layout_sankey, LinkDirection, NodeKind, PlacedLink, PlacedNode, SankeyLayout, SankeyLink,
    SankeyNode,
};
pub use scale::{nice_ticks, LinearScale, Tick};
pub use text::{
    describe_list, fit_text, layout_legend, legend_below, text_width, LegendLayout, LEGEND_MARGIN,
};

/// A text anchor, as SVG's `text-anchor` attribute spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at x.
    Start,
    /// The text is centred on x.
    Middle,
    /// The text ends at x.
    End,
}

impl Anchor {
    /// The value of the `text-anchor` attribute.
    pub fn as_svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// `v` if it is a finite number, else 0 (so a NaN or infinite input cannot reach a coordinate).
pub(crate) fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}
