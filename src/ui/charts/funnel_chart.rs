//! A funnel: one horizontal bar per step, with the step's name, its value and its note as text.

use leptos::prelude::*;

use super::{n, ChartShell};
use crate::domain::charts::funnel::{layout_funnel, FunnelLayout, FunnelStep};
use crate::domain::charts::text::describe_list;
use crate::i18n::*;

/// The width of the drawing in SVG units (it scales to its container).
const WIDTH: f64 = 640.0;

/// The `<desc>`: the steps with their values and notes, in words.
fn describe(intro: &str, empty: &str, steps: &[FunnelStep]) -> String {
    let items: Vec<String> = steps
        .iter()
        .map(|s| match &s.note {
            Some(note) => format!("{}: {} ({note})", s.label, s.value_text),
            None => format!("{}: {}", s.label, s.value_text),
        })
        .collect();
    describe_list(intro, empty, &items)
}

/// Draws a funnel of `steps` as an accessible SVG.
#[component]
pub fn FunnelChart(
    /// The steps, first to last, with their texts formatted for the reader's language.
    #[prop(into)]
    steps: Signal<Vec<FunnelStep>>,
    /// The chart's title: its accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The id of the `<svg>` (used by [`super::ChartDownloads`]); must be unique on the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let layout: Memo<FunnelLayout> = Memo::new(move |_| steps.with(|s| layout_funnel(s, WIDTH)));
    let desc = move || {
        steps.with(|s| {
            describe(
                t_string!(i18n, chart_funnel_desc),
                t_string!(i18n, chart_no_data),
                s,
            )
        })
    };
    let rows = move || {
        layout.with(|l| {
            l.rows
                .iter()
                .map(|r| {
                    let tooltip = (r.label != r.full_label).then(|| r.full_label.clone());
                    let note = r.note.clone().map(|(text, y)| {
                        view! { <text class="note" x=n(r.label_x) y=n(y)>{text}</text> }
                    });
                    view! {
                        <g class="funnel-step">
                            <text class="label" x=n(r.label_x) y=n(r.label_y)>
                                {r.label.clone()}
                                {tooltip.map(|t| view! { <title>{t}</title> })}
                            </text>
                            <rect class="funnel-bar" x=n(r.bar_x) y=n(r.bar_y) width=n(r.bar_width) height=n(r.bar_height) />
                            <text class="value" x=n(r.value_x) y=n(r.value_y)>{r.value_text.clone()}</text>
                            {note}
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ChartShell id class="funnel-chart" title desc=Signal::derive(desc) size=Signal::derive(move || layout.with(|l| (l.width, l.height)))>
            {rows}
        </ChartShell>
    }
}
