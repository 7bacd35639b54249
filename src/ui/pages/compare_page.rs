//! This map against another version of it, stage by stage: a select of the other map, a summary,
//! the changes to the whole map, then one row per stage with its cards as-is | to-be.

use leptos::prelude::*;

use crate::domain::compare::{compare, default_partner, sides, Comparison};
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::compare_text::map_change;
use crate::ui::components::{CompareStage, NewVersionButton};
use crate::ui::open_map::expect_open_map;
use crate::ui::state::{expect_state, use_lang};

/// The two maps compared (as-is name, to-be name) and what differs.
#[derive(Clone, PartialEq)]
struct Compared {
    as_is: String,
    to_be: String,
    result: Comparison,
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = expect_state();
    let lang = use_lang();
    // The open map against the others: this page reads the whole workspace, not one map.
    let me = StoredValue::new(expect_open_map().id());
    // The other maps, newest first: (id, name).
    let others = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.recent_first()
                .into_iter()
                .filter(|m| m.id != me.get_value())
                .map(|m| (m.id.clone(), m.name.get(lang.get()).to_owned()))
                .collect::<Vec<_>>()
        })
    });
    let picked = RwSignal::new(None::<Id>);
    let partner = Memo::new(move |_| {
        state.workspace.with(|ws| {
            picked
                .get()
                .filter(|id| ws.map(id).is_some())
                .or_else(|| default_partner(&ws.recent_first(), &me.get_value()))
        })
    });
    let compared = Memo::new(move |_| {
        let other = partner.get()?;
        let lang = lang.get();
        state.workspace.with(|ws| {
            let (a, b) = sides(ws.map(&me.get_value())?, ws.map(&other)?);
            Some(Compared {
                as_is: a.name.get(lang).to_owned(),
                to_be: b.name.get(lang).to_owned(),
                result: compare(a, b, lang),
            })
        })
    });
    let expanded = RwSignal::new(false);

    let select = move || {
        let options = others
            .get()
            .into_iter()
            .map(|(id, name)| {
                let selected = partner.get().as_ref() == Some(&id);
                view! { <option value=id.to_string() selected=selected>{name}</option> }
            })
            .collect_view();
        view! {
            <label class="choice compare-with">
                <span>{t!(i18n, compare_with)}</span>
                <select
                    data-testid="compare-with"
                    prop:value=move || partner.get().map(|id| id.to_string()).unwrap_or_default()
                    on:change=move |ev| picked.set(Some(Id::new(event_target_value(&ev))))
                >
                    {options}
                </select>
            </label>
        }
    };
    let summary = move || {
        compared.with(|c| {
            let c = &c.as_ref()?.result;
            let stage_changes = c.stage_change_count();
            let map_changes = c.map_change_count();
            let mut lines = Vec::new();
            if stage_changes > 0 {
                let changes = t_string!(i18n, compare_changes, count = stage_changes).to_string();
                let stages =
                    t_string!(i18n, compare_stages_in, count = c.changed_stage_count()).to_string();
                lines.push(
                    t_string!(i18n, compare_summary, changes = changes, stages = stages)
                        .to_string(),
                );
            }
            if map_changes > 0 {
                lines.push(t_string!(i18n, compare_map_changes, count = map_changes).to_string());
            }
            if lines.is_empty() {
                lines.push(t_string!(i18n, compare_no_changes).to_string());
            }
            Some(lines.join(" · "))
        })
    };
    let map_changes = move || {
        compared.with(|c| {
            let c = &c.as_ref()?.result;
            (!c.map.is_empty()).then(|| {
                let items = c
                    .map
                    .iter()
                    .map(|m| {
                        let (symbol, text) = map_change(i18n, m);
                        view! {
                            <li><span class="compare-symbol" aria-hidden="true">{symbol}</span>" "{text}</li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="compare-map" aria-labelledby="compare-map-heading">
                        <h3 id="compare-map-heading">{t!(i18n, compare_whole_map)}</h3>
                        <ul class="compare-changes" data-testid="map-changes">{items}</ul>
                    </section>
                }
            })
        })
    };
    let unchanged = Memo::new(move |_| {
        compared.with(|c| {
            c.as_ref().map_or(0, |c| {
                c.result.stages.iter().filter(|s| !s.has_changes()).count()
            })
        })
    });
    let stages = move || {
        compared.get().map(|c| {
            c.result
                .stages
                .into_iter()
                .map(|diff| view! { <CompareStage diff expanded /> })
                .collect_view()
        })
    };
    let names = move || compared.with(|c| c.as_ref().map(|c| (c.as_is.clone(), c.to_be.clone())));

    view! {
        <section class="view-page compare-page" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{t!(i18n, compare_title)}</h2>
            <Show
                when=move || !others.read().is_empty()
                fallback=move || view! {
                    <p class="empty" data-testid="compare-none">{t!(i18n, compare_no_other)}</p>
                    <NewVersionButton />
                }
            >
                {select}
                <p class="compare-summary" data-testid="compare-summary" aria-live="polite">{summary}</p>
                {move || names().map(|(a, b)| view! {
                    <div class="compare-sides" data-testid="compare-sides">
                        <p><strong>{t!(i18n, compare_as_is)}": "</strong><span data-testid="as-is-name">{a}</span></p>
                        <p><strong>{t!(i18n, compare_to_be)}": "</strong><span data-testid="to-be-name">{b}</span></p>
                    </div>
                })}
                {map_changes}
                <Show when=move || { unchanged.get() > 0 }>
                    <button
                        type="button"
                        class="compare-toggle"
                        data-testid="toggle-unchanged"
                        aria-pressed=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() {
                            t_string!(i18n, compare_hide_unchanged).to_string()
                        } else {
                            t_string!(i18n, compare_show_unchanged, count = unchanged.get()).to_string()
                        }}
                    </button>
                </Show>
                <ol class="compare-stages">{stages}</ol>
            </Show>
        </section>
    }
}
