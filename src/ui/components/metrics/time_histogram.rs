//! How long contacts took: a histogram of the days to convert, or of the days of the finished
//! visits to one stage, picked with a select; downloadable as SVG or PNG.

use leptos::prelude::*;

use crate::domain::charts::histogram::bin_durations;
use crate::i18n::*;
use crate::ui::charts::{ChartFigure, HistogramChart};
use crate::ui::data::expect_data;
use crate::ui::open_map::{expect_open_map, stage_name};

/// The most bins the histogram is split into.
const MAX_BINS: usize = 12;

/// The durations shown: the time to convert, or the time in one stage (by index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    ToConvert,
    InStage(u32),
}

impl Measure {
    /// The select's value.
    fn value(self) -> String {
        match self {
            Measure::ToConvert => "convert".to_owned(),
            Measure::InStage(i) => i.to_string(),
        }
    }

    /// The measure of a select value (the time to convert for anything else).
    fn parse(value: &str) -> Measure {
        value.parse().map_or(Measure::ToConvert, Measure::InStage)
    }
}

/// The histogram of durations with its picker (`data-testid="time-histogram"`).
#[component]
pub fn TimeHistogram() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let open = expect_open_map();
    let names = open.stage_names();
    let measure = RwSignal::new(Measure::ToConvert);
    let days = Memo::new(move |_| {
        let Some(r) = data.report.get() else {
            return Vec::new();
        };
        match measure.get() {
            Measure::ToConvert => r.time_to_convert.days.clone(),
            Measure::InStage(i) => r
                .stages
                .get(i as usize)
                .map(|s| s.time.days.clone())
                .unwrap_or_default(),
        }
    });
    let bins = Memo::new(move |_| days.with(|d| bin_durations(d, MAX_BINS)));
    let title = Signal::derive(move || {
        let n = days.with(Vec::len);
        match measure.get() {
            Measure::ToConvert => {
                t_string!(i18n, metrics_chart_time_convert_title, n = n).to_string()
            }
            Measure::InStage(i) => {
                let stage = names.with(|names| stage_name(names, i));
                t_string!(i18n, metrics_chart_time_stage_title, stage = stage, n = n).to_string()
            }
        }
    });
    let file_name = Signal::derive(move || match measure.get() {
        Measure::ToConvert => "time-to-convert".to_owned(),
        Measure::InStage(i) => format!("time-in-stage-{}", i + 1),
    });
    let options = move || {
        let chosen = measure.get();
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (_, name))| {
                let m = Measure::InStage(i as u32);
                view! { <option value=m.value() selected=chosen == m>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <ChartFigure testid="time-histogram" svg_id="metrics-time-histogram" file_name=file_name>
            <div class="inline-form">
                <label>
                    <span>{t!(i18n, metrics_chart_time_of)}</span>
                    <select
                        data-testid="time-histogram-measure"
                        on:change=move |ev| measure.set(Measure::parse(&event_target_value(&ev)))
                    >
                        <option value=Measure::ToConvert.value() selected=move || measure.get() == Measure::ToConvert>
                            {t!(i18n, metrics_chart_time_to_convert)}
                        </option>
                        {options}
                    </select>
                </label>
            </div>
            <HistogramChart bins=bins title=title id="metrics-time-histogram" />
        </ChartFigure>
    }
}
