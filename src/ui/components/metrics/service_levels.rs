//! Service levels between stages ("an MQL reaches sales within 2 days"): how often each was met,
//! breached or is still pending, with a form to add one and a button to remove each.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::domain::metrics::ServiceLevel;
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::{expect_open_map, stage_name};
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// The map's service levels and their record in the data.
#[component]
pub fn ServiceLevels() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let names = open.stage_names();
    let settings = open.settings();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let days = RwSignal::new("14".to_owned());
    let invalid = RwSignal::new(false);

    let remove = move |k: usize| {
        open.change_settings(|s| {
            if k < s.service_levels.len() {
                s.service_levels.remove(k);
            }
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let stages = names.get_untracked();
        let pick = |v: String, fallback: usize| {
            if v.is_empty() {
                stages.get(fallback).map(|(id, _)| id.clone())
            } else {
                Some(Id::new(v))
            }
        };
        let (Some(f), Some(t), Ok(d)) = (
            pick(from.get_untracked(), 0),
            pick(to.get_untracked(), 1),
            days.get_untracked().trim().parse::<u32>(),
        ) else {
            invalid.set(true);
            return;
        };
        invalid.set(false);
        open.change_settings(|s| {
            s.service_levels.push(ServiceLevel {
                from: f.cast(),
                to: t.cast(),
                days: d,
            })
        });
    };
    let rows = move || {
        let r = data.report.get();
        let lang = lang.get();
        let names = names.get();
        let levels = settings.get().service_levels;
        levels
            .into_iter()
            .enumerate()
            .map(|(k, level)| {
                let index = |id: &Id| {
                    names
                        .iter()
                        .position(|(s, _)| s.as_str() == id.as_str())
                        .map(|i| i as u32)
                };
                let (Some(fi), Some(ti)) = (index(&level.from), index(&level.to)) else {
                    return ().into_any();
                };
                let label = t_string!(
                    i18n,
                    metrics_sla_label,
                    from = stage_name(&names, fi),
                    to = stage_name(&names, ti),
                    count = level.days
                )
                .to_string();
                let figures = r.as_ref().and_then(|r| {
                    r.service_levels
                        .iter()
                        .find(|f| f.from == fi && f.to == ti && f.days == level.days)
                        .cloned()
                });
                let n = |f: Option<u32>| {
                    f.map_or_else(|| format::NONE.to_owned(), |v| format::count(v, lang))
                };
                let remove_label =
                    t_string!(i18n, metrics_sla_remove, sla = label.clone()).to_string();
                view! {
                    <tr data-testid=format!("sla-{}-{}", level.from, level.to)>
                        <th scope="row">{label}</th>
                        <td class="n met">{n(figures.as_ref().map(|f| f.met))}</td>
                        <td class="n breached">{n(figures.as_ref().map(|f| f.breached))}</td>
                        <td class="n pending">{n(figures.as_ref().map(|f| f.pending))}</td>
                        <td>
                            <button type="button" class="small icon danger" aria-label=remove_label
                                on:click=move |_| remove(k)>
                                <span aria-hidden="true">"✕"</span>
                            </button>
                        </td>
                    </tr>
                }
                .into_any()
            })
            .collect_view()
    };
    let options = move |selected: RwSignal<String>, fallback: usize| {
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (id, name))| {
                let value = id.0.clone();
                let v2 = value.clone();
                view! {
                    <option value=value selected=move || {
                        let s = selected.get();
                        if s.is_empty() { i == fallback } else { s == v2 }
                    }>{name}</option>
                }
            })
            .collect_view()
    };
    view! {
        <section class="service-levels" aria-labelledby="sla-h">
            <h3 id="sla-h"><MetricTerm term=Term::ServiceLevel /></h3>
            <Show
                when=move || !settings.read().service_levels.is_empty()
                fallback=move || view! { <p class="hint">{t!(i18n, metrics_sla_none)}</p> }
            >
                <table class="metrics-table" data-testid="sla-table">
                    <caption class="visually-hidden">{t!(i18n, metrics_sla_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, metrics_sla_col)}</th>
                            <th scope="col">{t!(i18n, metrics_sla_met)}</th>
                            <th scope="col">{t!(i18n, metrics_sla_breached)}</th>
                            <th scope="col">{t!(i18n, metrics_sla_pending)}</th>
                            <th scope="col"><span class="visually-hidden">{t!(i18n, metrics_actions_col)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
            <form class="inline-form" on:submit=add data-testid="sla-form">
                <label>
                    <span>{t!(i18n, metrics_sla_from)}</span>
                    <select data-testid="sla-from" on:change=move |ev| from.set(event_target_value(&ev))>
                        {move || options(from, 0)}
                    </select>
                </label>
                <label>
                    <span>{t!(i18n, metrics_sla_to)}</span>
                    <select data-testid="sla-to" on:change=move |ev| to.set(event_target_value(&ev))>
                        {move || options(to, 1)}
                    </select>
                </label>
                <label>
                    <span>{t!(i18n, metrics_sla_days)}</span>
                    <input type="number" min="0" step="1" class="short" data-testid="sla-days"
                        prop:value=move || days.get()
                        on:input=move |ev| days.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="sla-add">{t!(i18n, metrics_sla_add)}</button>
                <Show when=move || invalid.get()>
                    <p class="error" role="alert">{t!(i18n, metrics_sla_invalid)}</p>
                </Show>
            </form>
        </section>
    }
}
