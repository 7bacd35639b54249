//! What-if: change one stage's conversion or days and compare the next 12 months' clients,
//! revenue, lifetime value and time to convert with today's figures.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::domain::metrics::whatif::{baseline, project, Projection, WhatIf};
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// A stage, a conversion and days to try, and the projection they give
/// (`data-testid="whatif-result"`).
#[component]
pub fn WhatIfForm() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let stage = RwSignal::new(0u32);
    let conversion = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    // `None` for an empty field, `Some(Err)` for one that is not a number in range.
    let parse = |text: String, max: f64| -> Option<Result<f64, ()>> {
        let t = text.trim().replace(',', ".");
        (!t.is_empty()).then(|| {
            t.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0 && *v <= max)
                .ok_or(())
        })
    };
    let change = Memo::new(move |_| {
        let c = parse(conversion.get(), 100.0).transpose()?;
        let d = parse(days.get(), f64::MAX).transpose()?;
        Ok::<_, ()>(WhatIf {
            stage: stage.get(),
            conversion: c.map(|c| c / 100.0),
            days: d,
            return_rate: None,
        })
    });
    let projections = Memo::new(move |_| {
        let loaded = data.loaded.get()?;
        let analysis = data.analysis.get()?.ok()?;
        let r = data.report.get()?;
        let base = baseline(&r, &loaded.dataset, &analysis.paths);
        let projected = change
            .get()
            .ok()
            .map(|w| project(&r, &loaded.dataset, &analysis.paths, &w));
        Some((base, projected))
    });
    let rows = move || {
        let (base, projected) = projections.get()?;
        let lang = lang.get();
        let line = |label: String,
                    test: &'static str,
                    f: fn(&Projection) -> Option<f64>,
                    decimals: usize| {
            let show = |p: &Projection| {
                f(p).map_or_else(
                    || format::NONE.to_owned(),
                    |v| format::number(v, decimals, lang),
                )
            };
            view! {
                <tr data-testid=format!("whatif-{test}")>
                    <th scope="row">{label}</th>
                    <td class="n baseline">{show(&base)}</td>
                    <td class="n projected">{projected.as_ref().map_or_else(|| format::NONE.to_owned(), show)}</td>
                </tr>
            }
        };
        Some(view! {
            {line(t_string!(i18n, metrics_whatif_arrivals).to_string(), "arrivals", |p| Some(p.arrivals_per_year), 0)}
            {line(t_string!(i18n, metrics_whatif_clients).to_string(), "clients", |p| Some(p.clients), 1)}
            {line(t_string!(i18n, metrics_whatif_revenue).to_string(), "revenue", |p| Some(p.revenue), 0)}
            {line(t_string!(i18n, metrics_whatif_clv).to_string(), "clv", |p| p.clv, 0)}
            {line(t_string!(i18n, metrics_whatif_ttc).to_string(), "ttc", |p| p.time_to_convert, 1)}
        })
    };
    let options = move || {
        let chosen = stage.get();
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (_, name))| {
                view! { <option value=i.to_string() selected=chosen as usize == i>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="whatif" aria-labelledby="m-whatif-h">
            <h3 id="m-whatif-h">{t!(i18n, metrics_whatif_heading)}</h3>
            <p class="hint">{t!(i18n, metrics_whatif_hint)}" "<MetricTerm term=Term::Projection /></p>
            <form class="inline-form" on:submit=|ev| ev.prevent_default()>
                <label>
                    <span>{t!(i18n, metrics_whatif_stage)}</span>
                    <select data-testid="whatif-stage"
                        on:change=move |ev| stage.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {options}
                    </select>
                </label>
                <label>
                    <span>{t!(i18n, metrics_whatif_conversion)}</span>
                    <input type="text" inputmode="decimal" class="short" data-testid="whatif-conversion"
                        prop:value=move || conversion.get()
                        on:input=move |ev| conversion.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t!(i18n, metrics_whatif_days)}</span>
                    <input type="text" inputmode="decimal" class="short" data-testid="whatif-days"
                        prop:value=move || days.get()
                        on:input=move |ev| days.set(event_target_value(&ev)) />
                </label>
            </form>
            <Show when=move || change.get().is_err()>
                <p class="error" role="alert">{t!(i18n, metrics_whatif_invalid)}</p>
            </Show>
            <table class="metrics-table" data-testid="whatif-result" aria-live="polite">
                <caption>{t!(i18n, metrics_whatif_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, metrics_outcome_col)}</span></th>
                        <th scope="col">{t!(i18n, metrics_whatif_baseline)}</th>
                        <th scope="col">{t!(i18n, metrics_whatif_projected)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
