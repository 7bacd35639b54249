//! Downloads every figure of the metrics view as a spreadsheet-safe CSV file.

use leptos::prelude::*;

use crate::domain::metrics::export::metrics_csv;
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::file_io::download;
use crate::ui::state::{expect_state, use_lang};

/// A button that downloads the report of all contacts as `metrics.csv`.
#[component]
pub fn MetricsExportButton(
    /// The open map.
    map: Id,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let state = expect_state();
    let lang = use_lang();
    let map = StoredValue::new(map);
    let failed = RwSignal::new(None::<String>);
    let export = move |_| {
        let Some(r) = data.report.get_untracked() else {
            return;
        };
        let text = state.workspace.with_untracked(|ws| {
            ws.map(&map.get_value())
                .map(|m| metrics_csv(m, &r, lang.get_untracked()))
        });
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
