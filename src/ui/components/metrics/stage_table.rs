//! The funnel as numbers: per stage, contacts and accounts now, how many reached it, the step
//! and cumulative conversion, the drop-off, the time spent there and the visits still open.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// One row per stage of the map (`data-testid="metrics-stage-<stage id>"`).
#[component]
pub fn MetricsStageTable() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let rows = move || {
        let r = data.report.get()?;
        let lang = lang.get();
        let names = names.get();
        Some(
            r.stages
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let name = names
                        .get(i)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_else(|| s.stage.0.clone());
                    let n = |v: u32| format::count(v, lang);
                    let days = |d: Option<f64>| format::days(d, lang);
                    view! {
                        <tr data-testid=format!("metrics-stage-{}", s.stage)>
                            <th scope="row">{name}</th>
                            <td class="n now">{n(s.now)}<span class="muted">{format!(" / {}", n(s.now_accounts))}</span></td>
                            <td class="n reached">{n(s.reached)}</td>
                            <td class="n step">{s.next.map_or_else(|| format::NONE.to_owned(), |r| format::ratio(r, lang))}</td>
                            <td class="n cumulative">{format::ratio(s.cumulative, lang)}</td>
                            <td class="n drop-off">{n(s.drop_off)}</td>
                            <td class="n median">{days(s.time.median())}</td>
                            <td class="n p90">{days(s.time.p90())}</td>
                            <td class="n visits">{n(s.time.n())}</td>
                            <td class="n open">{n(s.open)}</td>
                        </tr>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <div class="table-scroll">
            <table class="metrics-table" data-testid="metrics-stages">
                <caption>{t!(i18n, metrics_funnel_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, stage_col)}</th>
                        <th scope="col"><MetricTerm term=Term::Now /></th>
                        <th scope="col"><MetricTerm term=Term::Reached /></th>
                        <th scope="col"><MetricTerm term=Term::Step /></th>
                        <th scope="col"><MetricTerm term=Term::Cumulative /></th>
                        <th scope="col"><MetricTerm term=Term::DropOff /></th>
                        <th scope="col"><MetricTerm term=Term::Median /></th>
                        <th scope="col"><MetricTerm term=Term::P90 /></th>
                        <th scope="col">{t!(i18n, metrics_n_col)}</th>
                        <th scope="col"><MetricTerm term=Term::Open /></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
