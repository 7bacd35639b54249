//! Two periods side by side: the contacts that entered the journey in each (by month or
//! quarter), their headline figures and how many reached each stage.

use std::sync::Arc;

use leptos::prelude::*;

use super::{MetricTerm, MetricsHeadline, PeriodChart};
use crate::domain::format;
use crate::domain::metrics::report;
use crate::domain::metrics::segments::{by_period, Granularity};
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// Period pickers and the two periods' figures.
#[component]
pub fn PeriodComparison() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let quarters = RwSignal::new(false);
    let picked_a = RwSignal::new(None::<String>);
    let picked_b = RwSignal::new(None::<String>);
    let periods = Memo::new(move |_| {
        let g = if quarters.get() {
            Granularity::Quarter
        } else {
            Granularity::Month
        };
        data.analysis
            .get()
            .and_then(Result::ok)
            .map(|a| by_period(&a.paths, g))
            .unwrap_or_default()
    });
    // Defaults: the last two periods.
    let label_of = move |picked: RwSignal<Option<String>>, back: usize| {
        Memo::new(move |_| {
            let ps = periods.read();
            picked
                .get()
                .filter(|l| ps.iter().any(|p| &p.label == l))
                .or_else(|| {
                    ps.len()
                        .checked_sub(back)
                        .and_then(|i| ps.get(i))
                        .or(ps.first())
                        .map(|p| p.label.clone())
                })
        })
    };
    let a = label_of(picked_a, 2);
    let b = label_of(picked_b, 1);
    let report_of = move |label: Memo<Option<String>>| {
        Memo::new(move |_| {
            let label = label.get()?;
            let loaded = data.loaded.get()?;
            let analysis = data.analysis.get()?.ok()?;
            let contacts = periods.with(|ps| {
                ps.iter()
                    .find(|p| p.label == label)
                    .map(|p| p.contacts.clone())
            })?;
            open.with_map(|m| Arc::new(report(analysis.input(m, &loaded.dataset), &contacts)))
        })
    };
    let report_a = report_of(a);
    let report_b = report_of(b);
    let options = move |chosen: Memo<Option<String>>| {
        let chosen = chosen.get();
        periods
            .get()
            .into_iter()
            .map(|p| {
                let selected = chosen.as_ref() == Some(&p.label);
                view! { <option value=p.label.clone() selected=selected>{p.label.clone()}</option> }
            })
            .collect_view()
    };
    let reached = move || {
        let (ra, rb) = (report_a.get()?, report_b.get()?);
        let lang = lang.get();
        let names = names.get();
        Some(
            ra.stages
                .iter()
                .zip(&rb.stages)
                .enumerate()
                .map(|(i, (sa, sb))| {
                    let name = names.get(i).map(|(_, n)| n.clone()).unwrap_or_default();
                    view! {
                        <tr data-testid=format!("period-stage-{}", sa.stage)>
                            <th scope="row">{name}</th>
                            <td class="n">{format::count(sa.reached, lang)}<span class="muted">{format!(" ({})", format::ratio(sa.cumulative, lang))}</span></td>
                            <td class="n">{format::count(sb.reached, lang)}<span class="muted">{format!(" ({})", format::ratio(sb.cumulative, lang))}</span></td>
                        </tr>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="periods" aria-labelledby="m-periods-h">
            <h3 id="m-periods-h">{t!(i18n, metrics_periods_heading)}</h3>
            <Show
                when=move || !periods.read().is_empty()
                fallback=move || view! { <p class="hint">{t!(i18n, metrics_no_periods)}</p> }
            >
                <div class="inline-form">
                    <label>
                        <span>{t!(i18n, metrics_granularity)}</span>
                        <select data-testid="period-granularity" on:change=move |ev| quarters.set(event_target_value(&ev) == "quarter")>
                            <option value="month" selected=move || !quarters.get()>{t!(i18n, metrics_month)}</option>
                            <option value="quarter" selected=move || quarters.get()>{t!(i18n, metrics_quarter)}</option>
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, metrics_period_a)}</span>
                        <select data-testid="period-a" on:change=move |ev| picked_a.set(Some(event_target_value(&ev)))>
                            {move || options(a)}
                        </select>
                    </label>
                    <label>
                        <span>{t!(i18n, metrics_period_b)}</span>
                        <select data-testid="period-b" on:change=move |ev| picked_b.set(Some(event_target_value(&ev)))>
                            {move || options(b)}
                        </select>
                    </label>
                    <MetricTerm term=Term::Period />
                </div>
                <div class="side-by-side">
                    <div>
                        <h4>{move || a.get().unwrap_or_default()}</h4>
                        <MetricsHeadline report=Signal::derive(move || report_a.get()) test_id="period-a-headline" />
                    </div>
                    <div>
                        <h4>{move || b.get().unwrap_or_default()}</h4>
                        <MetricsHeadline report=Signal::derive(move || report_b.get()) test_id="period-b-headline" />
                    </div>
                </div>
                <table class="metrics-table" data-testid="period-reached">
                    <caption>{t!(i18n, metrics_period_reached_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, stage_col)}</th>
                            <th scope="col">{move || a.get().unwrap_or_default()}</th>
                            <th scope="col">{move || b.get().unwrap_or_default()}</th>
                        </tr>
                    </thead>
                    <tbody>{reached}</tbody>
                </table>
                <PeriodChart
                                        report_a=Signal::derive(move || report_a.get())
                    report_b=Signal::derive(move || report_b.get())
                    a_name=Signal::derive(move || a.get().unwrap_or_default())
                    b_name=Signal::derive(move || b.get().unwrap_or_default())
                />
            </Show>
        </section>
    }
}
