//! What the metrics are measured against: the client stage, the least records a stage needs
//! and the days after which its data is stale.

use leptos::prelude::*;

use crate::domain::Id;
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;

/// The map's metric settings as a small form; every change is one edit.
#[component]
pub fn MetricSettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let names = open.stage_names();
    let settings = open.settings();
    let client_options = move || {
        let chosen = settings.read().client_stage.clone();
        names
            .get()
            .into_iter()
            .map(|(id, name)| {
                let selected = chosen.as_ref().map(Id::as_str) == Some(id.as_str());
                view! { <option value=id.0.clone() selected=selected>{name}</option> }
            })
            .collect_view()
    };
    let number = move |ev: &leptos::ev::Event| event_target_value(ev).trim().parse::<u32>().ok();
    view! {
        <form class="inline-form metric-settings" on:submit=|ev| ev.prevent_default()>
            <label>
                <span>{t!(i18n, metrics_client_stage)}</span>
                <select
                    data-testid="client-stage"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let stage = if v.is_empty() { None } else { Some(Id::new(v)) };
                        open.change_settings(|s| s.client_stage = stage);
                    }
                >
                    <option value="" selected=move || settings.read().client_stage.is_none()>
                        {t!(i18n, metrics_client_stage_auto)}
                    </option>
                    {client_options}
                </select>
            </label>
            <label>
                <span>{t!(i18n, metrics_min_records)}</span>
                <input type="number" min="0" step="1" class="short" data-testid="min-records"
                    prop:value=move || settings.read().min_records.to_string()
                    on:change=move |ev| {
                        if let Some(n) = number(&ev) {
                            open.change_settings(|s| s.min_records = n);
                        }
                    } />
            </label>
            <label>
                <span>{t!(i18n, metrics_stale_days)}</span>
                <input type="number" min="0" step="1" class="short" data-testid="stale-days"
                    prop:value=move || settings.read().stale_days.to_string()
                    on:change=move |ev| {
                        if let Some(n) = number(&ev) {
                            open.change_settings(|s| s.stale_days = n);
                        }
                    } />
            </label>
        </form>
    }
}
