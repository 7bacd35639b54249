//! Content coverage: for each stage and event type, how many contacts had such an event while
//! in the stage, as a heatmap (gaps hatched and marked 0, excesses marked ▲), downloadable as
//! SVG or PNG.

use leptos::prelude::*;

use crate::domain::charts::heatmap::Heatmap;
use crate::domain::metrics::questions::event_matrix;
use crate::i18n::*;
use crate::ui::charts::{ChartFigure, HeatmapChart};
use crate::ui::data::expect_data;
use crate::ui::open_map::{expect_open_map, stage_name};

/// The most event types shown (content types first, then the most common others).
const MAX_TYPES: usize = 8;

/// Contacts per stage × event type, over all contacts (`data-testid="coverage-heatmap"`).
#[component]
pub fn CoverageHeatmap() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let names = expect_open_map().stage_names();
    let matrix = Memo::new(move |_| {
        let loaded = data.loaded.get()?;
        let analysis = data.analysis.get()?.ok()?;
        let all: Vec<u32> = (0..loaded.dataset.contacts.len() as u32).collect();
        Some(event_matrix(
            &loaded.dataset,
            &analysis.paths,
            &all,
            MAX_TYPES,
        ))
    });
    let heatmap = Memo::new(move |_| {
        matrix.with(|m| {
            let Some(m) = m else {
                return Heatmap::default();
            };
            names.with(|names| Heatmap {
                rows: (0..m.cells.len() as u32)
                    .map(|i| stage_name(names, i))
                    .collect(),
                columns: m.types.clone(),
                cells: m.cells.clone(),
            })
        })
    });
    view! {
        <ChartFigure
            testid="coverage-heatmap"
            svg_id="metrics-coverage"
            file_name=Signal::derive(|| "content-coverage".to_owned())
            caption=Signal::derive(move || t_string!(i18n, metrics_chart_coverage_hint).to_string())
        >
            <HeatmapChart
                data=heatmap
                title=Signal::derive(move || t_string!(i18n, metrics_chart_coverage_title).to_string())
                id="metrics-coverage"
            />
        </ChartFigure>
    }
}
