//! SVG charts of the metrics view. The math (scales, ticks, layouts) is in
//! [`crate::domain::charts`]; these components only draw what it computed.
//!
//! Every chart is an `<svg role="img">` named by its `<title>` and described in words by its
//! `<desc>`, scales to its container through its `viewBox`, writes its numbers as text (colour is
//! never the only signal) and can be downloaded as SVG or PNG with [`ChartDownloads`]. All of
//! that, with the axes and the legend, is the [`ChartShell`] every chart draws into; a chart
//! component only computes its layout (in the domain), its description and its marks.

pub mod chart_axis;
pub mod chart_downloads;
pub mod chart_figure;
pub mod chart_legend;
pub mod chart_shell;
pub mod comparison_chart;
pub mod export;
pub mod funnel_chart;
pub mod heatmap_chart;
pub mod histogram_chart;
pub mod journey_arrow;
pub mod journey_arrow_heads;
pub mod journey_circular;
pub mod journey_linear;
pub mod line_pattern;
pub mod sankey_chart;

pub use chart_axis::ChartAxis;
pub use chart_downloads::ChartDownloads;
pub use chart_figure::ChartFigure;
pub use chart_legend::{ChartLegend, LegendEntry, Swatch};
pub use chart_shell::ChartShell;
pub use comparison_chart::ComparisonChart;
pub use export::ChartExportError;
pub use funnel_chart::FunnelChart;
pub use heatmap_chart::HeatmapChart;
pub use histogram_chart::HistogramChart;
pub use journey_circular::JourneyCircular;
pub use journey_linear::JourneyLinear;
pub use line_pattern::LinePattern;
pub use sankey_chart::SankeyChart;

use crate::i18n::Locale;

/// A coordinate as an attribute value (one decimal is finer than a pixel).
pub(crate) fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// A tick label with the decimal separator of the current language.
pub(crate) fn tick_label(locale: Locale, text: &str) -> String {
    match locale {
        Locale::ru => text.replace('.', ","),
        _ => text.to_owned(),
    }
}

/// The ids of a chart's title and description, derived from the id of its `<svg>`.
pub(crate) fn text_ids(id: &str) -> (String, String) {
    (format!("{id}-title"), format!("{id}-desc"))
}
