//! The map drawn in SVG (linear or circular), with SVG, PNG, Markdown and Mermaid export and print.

use leptos::prelude::*;

use crate::domain::charts::journey::{layout_circular, layout_linear, ArrowKind};
use crate::i18n::*;
use crate::ui::charts::{JourneyCircular, JourneyLinear, LegendEntry, Swatch};
use crate::ui::components::DiagramExports;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The id of the drawn `<svg>`.
const SVG_ID: &str = "journey-diagram";

#[component]
pub fn DiagramPage() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let journey = Memo::new(move |_| open.with_map(Clone::clone));
    let has_stages =
        Memo::new(move |_| journey.with(|m| m.as_ref().is_some_and(|m| !m.stages.is_empty())));
    // Circular is offered for every map and chosen first for a circular one.
    let circular =
        RwSignal::new(journey.with_untracked(|m| m.as_ref().is_some_and(|m| m.circular)));
    let exit = Signal::derive(move || t_string!(i18n, diagram_exit).to_string());
    let linear = Memo::new(move |_| {
        journey.with(|m| layout_linear(m.as_ref().unwrap_or(&empty_map()), lang.get(), &exit.get()))
    });
    let round = Memo::new(move |_| {
        journey
            .with(|m| layout_circular(m.as_ref().unwrap_or(&empty_map()), lang.get(), &exit.get()))
    });
    let title = Signal::derive(move || {
        let name = journey.with(|m| {
            m.as_ref()
                .map(|m| m.name.get(lang.get()).to_owned())
                .unwrap_or_default()
        });
        format!("{}: {name}", t_string!(i18n, diagram_title))
    });
    let moves_text = move |titles: Vec<String>| titles.join("; ");
    let linear_desc = Signal::derive(move || {
        let titles = linear.with(|l| l.arrows.iter().map(|a| a.title.clone()).collect());
        format!(
            "{} {}.",
            t_string!(i18n, diagram_desc_linear),
            moves_text(titles)
        )
    });
    let circular_desc = Signal::derive(move || {
        let titles = round.with(|l| l.arrows.iter().map(|a| a.title.clone()).collect());
        format!(
            "{} {}.",
            t_string!(i18n, diagram_desc_circular),
            moves_text(titles)
        )
    });
    let legend = move |kinds: Vec<ArrowKind>, decisions: bool| {
        let mut entries = vec![LegendEntry {
            swatch: Swatch::Line("move next".into()),
            label: t_string!(i18n, diagram_legend_next).to_string(),
        }];
        if kinds.contains(&ArrowKind::Forward) {
            entries.push(LegendEntry {
                swatch: Swatch::Line("move forward".into()),
                label: t_string!(i18n, diagram_legend_forward).to_string(),
            });
        }
        if kinds.iter().any(|k| k.is_back()) {
            entries.push(LegendEntry {
                swatch: Swatch::Line("move backward".into()),
                label: t_string!(i18n, diagram_legend_back).to_string(),
            });
        }
        if kinds.contains(&ArrowKind::Exit) {
            entries.push(LegendEntry {
                swatch: Swatch::Line("move exit".into()),
                label: t_string!(i18n, diagram_legend_exit).to_string(),
            });
        }
        if decisions {
            entries.push(LegendEntry {
                swatch: Swatch::Glyph("◆".into()),
                label: t_string!(i18n, diagram_legend_decision).to_string(),
            });
        }
        entries
    };
    let decisions = move || {
        journey.with(|m| {
            m.as_ref()
                .is_some_and(|m| m.stages.iter().any(|s| s.decision.is_some()))
        })
    };
    let linear_legend = Signal::derive(move || {
        let kinds = linear.with(|l| l.arrows.iter().map(|a| a.kind).collect());
        legend(kinds, decisions())
    });
    let circular_legend = Signal::derive(move || {
        let kinds = round.with(|l| l.arrows.iter().map(|a| a.kind).collect());
        legend(kinds, decisions())
    });
    let drawing = move || {
        if circular.get() {
            view! {
                <JourneyCircular
                    layout=round
                    legend=circular_legend
                    exit_label=exit
                    title
                    desc=circular_desc
                    id=SVG_ID.to_owned()
                />
            }
            .into_any()
        } else {
            view! {
                <JourneyLinear
                    layout=linear
                    legend=linear_legend
                    title
                    desc=linear_desc
                    id=SVG_ID.to_owned()
                />
            }
            .into_any()
        }
    };
    let view_switch = move || {
        let option = move |value: bool, test_id: &'static str| {
            view! {
                <label class="view-choice">
                    <input
                        type="radio"
                        name="diagram-view"
                        data-testid=test_id
                        prop:checked=move || circular.get() == value
                        on:change=move |_| circular.set(value)
                    />
                    {move || if value { t_string!(i18n, diagram_view_circular).to_string() } else { t_string!(i18n, diagram_view_linear).to_string() }}
                </label>
            }
        };
        view! {
            <fieldset class="diagram-view-switch">
                <legend>{t!(i18n, diagram_view_label)}</legend>
                {option(false, "diagram-view-linear")}
                {option(true, "diagram-view-circular")}
            </fieldset>
        }
    };
    view! {
        <section class="view-page diagram-page" data-testid="diagram-page" aria-labelledby="diagram-h">
            <h2 id="diagram-h">{t!(i18n, diagram_title)}</h2>
            <Show
                when=move || has_stages.get()
                fallback=move || view! { <p class="empty" data-testid="diagram-empty">{t!(i18n, diagram_no_stages)}</p> }
            >
                <div class="diagram-controls">
                    <p class="hint">{t!(i18n, diagram_intro)}</p>
                    {view_switch}
                    <DiagramExports svg_id=SVG_ID />
                </div>
                <div class="diagram-scroll" data-testid="diagram-scroll" data-view=move || if circular.get() { "circular" } else { "linear" }>
                    {drawing}
                </div>
            </Show>
        </section>
    }
}

/// A map with nothing in it, to lay out while the open map is missing.
fn empty_map() -> crate::domain::JourneyMap {
    crate::domain::JourneyMap::new(
        crate::domain::Text::default(),
        crate::domain::SourceModel::Blank,
        jiff::Timestamp::UNIX_EPOCH,
    )
}
