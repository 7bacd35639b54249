//! The funnel as a chart: contacts that reached each stage, with the step conversion under
//! each bar, downloadable as SVG or PNG.

use leptos::prelude::*;

use crate::domain::charts::funnel::FunnelStep;
use crate::domain::format;
use crate::i18n::*;
use crate::ui::charts::{ChartFigure, FunnelChart};
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The funnel chart of all contacts.
#[component]
pub fn MetricsFunnel() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let steps = Memo::new(move |_| {
        let Some(r) = data.report.get() else {
            return Vec::new();
        };
        let lang = lang.get();
        let names = names.get();
        r.stages
            .iter()
            .enumerate()
            .map(|(i, s)| FunnelStep {
                label: names.get(i).map(|(_, n)| n.clone()).unwrap_or_default(),
                value: f64::from(s.reached),
                value_text: format::count(s.reached, lang),
                note: s.next.filter(|n| n.den > 0).map(|n| {
                    t_string!(i18n, metrics_badge_step, share = format::ratio(n, lang)).to_string()
                }),
            })
            .collect::<Vec<_>>()
    });
    view! {
        <ChartFigure testid="funnel-chart" svg_id="metrics-funnel" file_name=Signal::derive(|| "funnel".to_owned())>
            <FunnelChart
                steps=steps
                title=Signal::derive(move || t_string!(i18n, metrics_funnel_chart_title).to_string())
                id="metrics-funnel"
            />
        </ChartFigure>
    }
}
