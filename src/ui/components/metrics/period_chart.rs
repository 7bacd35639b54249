//! Two periods' contacts that reached each stage, as a comparison chart (period A solid, B
//! striped), downloadable as SVG or PNG.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::charts::comparison::ComparisonRow;
use crate::domain::format;
use crate::domain::metrics::Report;
use crate::i18n::*;
use crate::ui::charts::{ChartFigure, ComparisonChart};
use crate::ui::open_map::{expect_open_map, stage_name};
use crate::ui::state::use_lang;

/// Reached per stage in period A and period B (`data-testid="period-chart"`).
#[component]
pub fn PeriodChart(
    /// The figures of the contacts that entered in period A.
    #[prop(into)]
    report_a: Signal<Option<Arc<Report>>>,
    /// The figures of the contacts that entered in period B.
    #[prop(into)]
    report_b: Signal<Option<Arc<Report>>>,
    /// The label of period A (such as "2024-03").
    #[prop(into)]
    a_name: Signal<String>,
    /// The label of period B.
    #[prop(into)]
    b_name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let names = expect_open_map().stage_names();
    let rows = Memo::new(move |_| {
        let (Some(ra), Some(rb)) = (report_a.get(), report_b.get()) else {
            return Vec::new();
        };
        let lang = lang.get();
        names.with(|names| {
            ra.stages
                .iter()
                .zip(&rb.stages)
                .enumerate()
                .map(|(i, (sa, sb))| ComparisonRow {
                    label: stage_name(names, i as u32),
                    a: f64::from(sa.reached),
                    b: f64::from(sb.reached),
                    a_text: format::count(sa.reached, lang),
                    b_text: format::count(sb.reached, lang),
                })
                .collect::<Vec<_>>()
        })
    });
    let title = Signal::derive(move || {
        t_string!(
            i18n,
            metrics_chart_periods_title,
            a = a_name.get(),
            b = b_name.get()
        )
        .to_string()
    });
    let file_name = Signal::derive(move || format!("periods-{}-{}", a_name.get(), b_name.get()));
    view! {
        <ChartFigure testid="period-chart" svg_id="metrics-periods" file_name=file_name>
            <ComparisonChart rows=rows a_name=a_name b_name=b_name title=title id="metrics-periods" />
        </ChartFigure>
    }
}
