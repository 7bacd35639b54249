//! The coverage of a map's content: a stage × persona heatmap (gaps hatched and marked 0,
//! excesses marked ▲), downloadable as SVG or PNG, the gaps in words, and the assets per kind.

use leptos::prelude::*;

use crate::domain::content_audit::{coverage, kind_counts, Audience};
use crate::i18n::*;
use crate::ui::charts::{ChartFigure, HeatmapChart};
use crate::ui::labels::Choice;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The id of the heatmap's `<svg>`.
const SVG_ID: &str = "content-coverage";

/// The coverage section of the content page (`data-testid="content-coverage"`).
#[component]
pub fn ContentCoverage() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let everyone = move || t_string!(i18n, content_all_personas).to_string();
    // The heatmap and the gap sentences, from one pass over the map.
    let audit = open.select(move |m| {
        let l = lang.get();
        let everyone = everyone();
        let c = coverage(m);
        let heatmap = c.heatmap(m, l, &everyone);
        let gaps: Vec<String> = c
            .gaps_by_audience()
            .into_iter()
            .map(|(column, rows)| {
                let stages = rows
                    .iter()
                    .map(|&r| heatmap.rows[r].clone())
                    .collect::<Vec<_>>()
                    .join(", ");
                match &c.audiences[column] {
                    Audience::Persona(_) => t_string!(
                        i18n,
                        content_gap_persona,
                        persona = heatmap.columns[column].clone(),
                        stages = stages
                    )
                    .to_string(),
                    Audience::Everyone => {
                        t_string!(i18n, content_gap_everyone, stages = stages).to_string()
                    }
                }
            })
            .collect();
        let kinds: Vec<(String, u32)> = kind_counts(m)
            .into_iter()
            .map(|(k, n)| (k.label(i18n), n))
            .collect();
        (heatmap, gaps, kinds)
    });
    let heatmap = Memo::new(move |_| audit.with(|a| a.0.clone()));
    let gaps = move || {
        audit.with(|a| {
            if a.1.is_empty() {
                view! { <p data-testid="content-no-gaps">{t!(i18n, content_no_gaps)}</p> }
                    .into_any()
            } else {
                let items =
                    a.1.iter()
                        .map(|g| view! { <li data-testid="content-gap">{g.clone()}</li> })
                        .collect_view();
                view! { <ul class="content-gap-list">{items}</ul> }.into_any()
            }
        })
    };
    let kinds = move || {
        audit.with(|a| {
            a.2.iter()
                .map(|(name, n)| {
                    let class = if *n == 0 {
                        "kind-count none"
                    } else {
                        "kind-count"
                    };
                    view! {
                        <li class=class data-testid="content-kind">
                            <span>{name.clone()}</span>
                            " "
                            <strong>{*n}</strong>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="content-section content-coverage" data-testid="content-coverage" aria-labelledby="content-coverage-heading">
            <h3 id="content-coverage-heading">{t!(i18n, content_coverage_title)}</h3>
            <ChartFigure
                testid="content-heatmap"
                svg_id=SVG_ID
                file_name=Signal::derive(|| "content-coverage".to_owned())
                caption=Signal::derive(move || t_string!(i18n, content_heatmap_caption).to_string())
            >
                <HeatmapChart
                    data=heatmap
                    title=Signal::derive(move || t_string!(i18n, content_heatmap_title).to_string())
                    id=SVG_ID
                />
            </ChartFigure>
            <div class="content-gaps" data-testid="content-gaps">
                <h4>{t!(i18n, content_gaps_title)}</h4>
                {gaps}
            </div>
            <div class="content-kinds">
                <h4>{t!(i18n, content_kinds_title)}</h4>
                <ul class="inline-list">{kinds}</ul>
            </div>
        </section>
    }
}
