//! Two buttons that download a chart as SVG or PNG, and the reason if that fails.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::export::{download_png, download_svg, ChartExportError};
use crate::i18n::*;

/// "Download SVG" and "Download PNG" for the chart `<svg id=svg_id>`.
#[component]
pub fn ChartDownloads(
    /// The id of the chart's `<svg>`.
    #[prop(into)]
    svg_id: String,
    /// The file name without its extension (such as "funnel-2025-q1").
    #[prop(into)]
    file_name: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ChartExportError>);
    let svg_id = StoredValue::new(svg_id);
    let on_svg = move |_| {
        error.set(download_svg(&svg_id.get_value(), &file_name.get_untracked()).err());
    };
    let on_png = move |_| {
        let (id, name) = (svg_id.get_value(), file_name.get_untracked());
        spawn_local(async move {
            error.try_set(download_png(&id, &name).await.err());
        });
    };
    view! {
        <div class="chart-downloads" role="group" aria-label=move || t_string!(i18n, chart_downloads).to_string()>
            <button type="button" class="small" on:click=on_svg>{t!(i18n, chart_download_svg)}</button>
            <button type="button" class="small" on:click=on_png>{t!(i18n, chart_download_png)}</button>
            {move || error.get().map(|e| view! {
                <p class="chart-error" role="alert">
                    {t!(i18n, chart_export_failed)} " " {e.to_string()}
                </p>
            })}
        </div>
    }
}
