//! The metrics view's parts, one component per file.

pub mod business_figures;
pub mod coverage_figures;
pub mod export_button;
pub mod headline;
pub mod metric_settings_form;
pub mod metric_term;
pub mod metrics_funnel;
pub mod outcome_shares;
pub mod period_comparison;
pub mod segment_table;
pub mod service_levels;
pub mod stage_table;
pub mod terra_list;
pub mod what_if;

pub use business_figures::BusinessFigures;
pub use coverage_figures::CoverageFigures;
pub use export_button::MetricsExportButton;
pub use headline::MetricsHeadline;
pub use metric_settings_form::MetricSettingsForm;
pub use metric_term::MetricTerm;
pub use metrics_funnel::MetricsFunnel;
pub use outcome_shares::OutcomeShares;
pub use period_comparison::PeriodComparison;
pub use segment_table::SegmentTable;
pub use service_levels::ServiceLevels;
pub use stage_table::MetricsStageTable;
pub use terra_list::TerraList;
pub use what_if::WhatIfForm;
