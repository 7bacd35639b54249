//! Downloads every figure of the metrics view as a spreadsheet-safe CSV file.

use leptos::prelude::*;

use crate::domain::metrics::export::metrics_csv;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::file_io::download;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// A button that downloads the report of all contacts as `metrics.csv`.
#[component]
pub fn MetricsExportButton() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let open = expect_open_map();
    let failed = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some(r) = data.report.get_untracked() else {
            return;
        };
        let text = open.with_map_untracked(|m| metrics_csv(m, &r, lang.get_untracked()));
        if let Some(text) = text {
            failed.set(download("metrics.csv", "text/csv;charset=utf-8", &text).err());
        }
    };
    view! {
        <button type="button" data-testid="metrics-export" on:click=export>
            {t!(i18n, metrics_export_csv)}
        </button>
        {move || failed.get().map(|e| view! {
            <p class="error" role="alert">{t_string!(i18n, metrics_export_failed, error = e).to_string()}</p>
        })}
    }
}
