//! Terra incognita: the stages where the map has no data, too little or stale data, and what
//! data would fill each gap.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::metrics::terra::{gaps, GapKind};
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::{expect_open_map, stage_name};
use crate::ui::terms::Term;

/// The gaps of every stage (`data-testid="terra-list"`, items `terra-<stage id>`).
#[component]
pub fn TerraList() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let open = expect_open_map();
    let names = open.stage_names();
    let found = Memo::new(move |_| {
        let loaded = data.loaded.get()?;
        let r = data.report.get()?;
        open.with_map(|m| gaps(m, &loaded.dataset, &r))
    });
    let kind_text = move |k: &GapKind| match k {
        GapKind::NoData => t_string!(i18n, metrics_gap_no_data).to_string(),
        GapKind::Thin { visits, min } => {
            t_string!(i18n, metrics_gap_thin, count = *visits, min = *min).to_string()
        }
        GapKind::Stale { days } => t_string!(i18n, metrics_gap_stale, count = *days).to_string(),
        GapKind::NoTimes => t_string!(i18n, metrics_gap_no_times).to_string(),
        GapKind::ChannelUnseen { channel } => {
            t_string!(i18n, metrics_gap_channel, channel = channel.clone()).to_string()
        }
    };
    let items = move || {
        let gaps = found.get()?;
        let names = names.get();
        if gaps.is_empty() {
            return Some(view! { <p class="hint" data-testid="terra-none">{t!(i18n, metrics_terra_none)}</p> }.into_any());
        }
        Some(
            view! {
                <ul class="terra-list" data-testid="terra-list">
                    {gaps
                        .into_iter()
                        .map(|g| {
                            let id = names.get(g.stage as usize).map(|(id, _)| id.0.clone()).unwrap_or_default();
                            let mut fill = Vec::new();
                            if !g.fill.fields.is_empty() {
                                fill.push(t_string!(i18n, metrics_fill_fields, fields = g.fill.fields.join(", ")).to_string());
                            }
                            if !g.fill.events.is_empty() {
                                fill.push(t_string!(i18n, metrics_fill_events, events = g.fill.events.join(", ")).to_string());
                            }
                            if fill.is_empty() {
                                fill.push(t_string!(i18n, metrics_fill_nothing).to_string());
                            }
                            view! {
                                <li data-testid=format!("terra-{id}") data-kind=gap_slug(&g.kind)>
                                    <strong>{stage_name(&names, g.stage)}</strong>
                                    <span aria-hidden="true">" ⚠ "</span>
                                    <span class="gap-kind">{kind_text(&g.kind)}</span>
                                    <br />
                                    <span class="muted">{t!(i18n, metrics_fill_by)}": "{fill.join(" · ")}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        )
    };
    view! {
        <section class="terra" aria-labelledby="m-terra-h">
            <h3 id="m-terra-h">{t!(i18n, metrics_terra_heading)}</h3>
            <p class="hint"><MetricTerm term=Term::Gap /></p>
            {items}
        </section>
    }
}

/// A gap's kind as a stable slug (for tests and styling).
fn gap_slug(k: &GapKind) -> &'static str {
    match k {
        GapKind::NoData => "no-data",
        GapKind::Thin { .. } => "thin",
        GapKind::Stale { .. } => "stale",
        GapKind::NoTimes => "no-times",
        GapKind::ChannelUnseen { .. } => "channel-unseen",
    }
}
