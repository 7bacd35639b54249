//! A map's metrics view: the journey's questions answered from the imported data, every figure
//! with its definition, and where the map has no data.

use leptos::prelude::*;

use crate::domain::dataset::format_date;
use crate::i18n::*;
use crate::ui::components::metrics::{
    BusinessFigures, CoverageFigures, CoverageHeatmap, MetricSettingsForm, MetricTerm,
    MetricsExportButton, MetricsFlows, MetricsFunnel, MetricsHeadline, MetricsStageTable,
    OutcomeShares, PeriodComparison, SegmentTable, ServiceLevels, TerraList, TimeHistogram,
    WhatIfForm,
};
use crate::ui::components::{Later, RuleErrorText};
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::route::{href_view, MapView};
use crate::ui::terms::Term;

#[component]
pub fn MetricsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let open = expect_open_map();
    let has_report = Memo::new(move |_| data.report.read().is_some());
    let rule_error = Memo::new(move |_| data.analysis.get().and_then(Result::err));
    let as_of = Memo::new(move |_| {
        data.analysis
            .get()
            .and_then(Result::ok)
            .map(|a| format_date(a.paths.as_of))
    });
    let report = Signal::derive(move || data.report.get());
    let empty = move || {
        if data.busy.read().is_some() {
            return view! { <p class="hint" role="status">{t!(i18n, metrics_loading)}</p> }
                .into_any();
        }
        if data.analysing() {
            return view! {
                <p class="hint" role="status" data-testid="metrics-computing">
                    {t!(i18n, metrics_computing)}
                </p>
            }
            .into_any();
        }
        if let Some(e) = rule_error.get() {
            return view! {
                <p class="error" role="alert" data-testid="metrics-rule-error">
                    <RuleErrorText error=e />
                    <br />
                    {t!(i18n, metrics_rules_broken)}
                </p>
            }
            .into_any();
        }
        view! {
            <p class="empty" data-testid="metrics-no-data">
                {t!(i18n, metrics_no_data)}" "
                <a href=move || href_view(&open.id(), MapView::Data)>{t!(i18n, metrics_go_to_data)}</a>
            </p>
        }
        .into_any()
    };
    view! {
        <div class="metrics-page" data-testid="metrics-page">
            <h2 id="metrics-h">{t!(i18n, metrics_heading)}</h2>
            <Show when=move || has_report.get() fallback=empty>
                <p class="hint">
                    {t!(i18n, metrics_intro)}" "
                    <MetricTerm term=Term::AsOf />": "
                    <strong data-testid="metrics-as-of">{move || as_of.get().unwrap_or_default()}</strong>
                </p>
                <section aria-labelledby="m-headline-h">
                    <h3 id="m-headline-h">{t!(i18n, metrics_headline_heading)}</h3>
                    <MetricsHeadline report test_id="metrics-headline" />
                    <MetricSettingsForm />
                </section>
                <section aria-labelledby="m-funnel-h">
                    <h3 id="m-funnel-h">{t!(i18n, metrics_funnel_heading)}</h3>
                    <MetricsStageTable />
                    <MetricsFunnel />
                </section>
                <section aria-labelledby="m-time-h">
                    <h3 id="m-time-h">{t!(i18n, metrics_chart_time_heading)}</h3>
                    <Later><TimeHistogram /></Later>
                </section>
                <section aria-labelledby="m-flows-h">
                    <h3 id="m-flows-h">{t!(i18n, metrics_chart_flows_heading)}</h3>
                    <Later><MetricsFlows /></Later>
                </section>
                <section aria-labelledby="m-outcomes-h">
                    <h3 id="m-outcomes-h">{t!(i18n, metrics_outcomes_heading)}</h3>
                    <OutcomeShares />
                </section>
                <section aria-labelledby="m-business-h">
                    <h3 id="m-business-h">{t!(i18n, metrics_business_heading)}</h3>
                    <BusinessFigures />
                    <CoverageFigures />
                </section>
                <section aria-labelledby="m-content-h">
                    <h3 id="m-content-h">{t!(i18n, metrics_chart_coverage_heading)}</h3>
                    <Later><CoverageHeatmap /></Later>
                </section>
                <ServiceLevels />
                <Later><SegmentTable /></Later>
                <Later><PeriodComparison /></Later>
                <Later><TerraList /></Later>
                <Later><WhatIfForm /></Later>
                <div class="actions"><MetricsExportButton /></div>
            </Show>
        </div>
    }
}
