//! Why one contact landed where it did: its stage, outcome and score, and every rule that was
//! checked for it with what it looked at.

use leptos::prelude::*;

use crate::domain::classified::{as_of, rules_of};
use crate::domain::dataset::format_date;
use crate::domain::rules::{explain, EventType, Measure, Qualification, Seen, Temperature, Which};
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

#[component]
pub fn ContactWhy(
    /// Index of the contact in the dataset.
    contact: u32,
    /// Closes the panel.
    on_close: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let open = expect_open_map();
    let lang = use_lang();
    // (explanation, printed rules, contact label, stage name, outcome name)
    let why = Memo::new(move |_| {
        let loaded = data.loaded.get()?;
        open.with_map(|m| {
            let rules = rules_of(m).ok()?;
            let set = &loaded.dataset;
            let e = explain(
                set,
                &rules,
                contact as usize,
                as_of(set, crate::platform::clock::now()),
            )?;
            let c = &set.contacts[contact as usize];
            let label = c.name.clone().unwrap_or_else(|| c.key.clone());
            let stage = e.stage.as_ref().map(|s| {
                m.stage(&Id::new(s.clone()))
                    .map_or_else(|| s.clone(), |st| st.name.get(lang.get()).to_owned())
            });
            let outcome = e.outcome.as_ref().map(|o| {
                m.outcome(o)
                    .map_or_else(|| o.clone(), |x| x.name.get(lang.get()).to_owned())
            });
            let texts: Vec<String> = rules.rules.iter().map(|r| r.to_string()).collect();
            Some((e, texts, label, stage, outcome))
        })
        .flatten()
    });
    let event_name = move |e: &EventType| match e {
        EventType::Any => t_string!(i18n, any_event).to_string(),
        EventType::Named(n) => n.clone(),
    };
    let measure_name = move |m: Measure| match m {
        Measure::Score => t_string!(i18n, score).to_string(),
        Measure::Fit => t_string!(i18n, fit).to_string(),
        Measure::Engagement => t_string!(i18n, engagement).to_string(),
    };
    let seen_text = move |s: &Seen| -> String {
        match s {
            Seen::Field {
                field,
                value: Some(v),
                ..
            } => t_string!(i18n, seen_field, field = field.clone(), value = v.clone()).to_string(),
            Seen::Field {
                field, value: None, ..
            } => t_string!(i18n, seen_field_empty, field = field.clone()).to_string(),
            Seen::Count { event, count, .. } => {
                t_string!(i18n, seen_count, count = *count, event = event_name(event)).to_string()
            }
            Seen::Event {
                which,
                event,
                time: Some(t),
                ..
            } => {
                let which = match which {
                    Which::First => t_string!(i18n, first).to_string(),
                    Which::Last => t_string!(i18n, last).to_string(),
                };
                t_string!(
                    i18n,
                    seen_event,
                    which = which,
                    event = event_name(event),
                    when = format_date(*t)
                )
                .to_string()
            }
            Seen::Event {
                event, time: None, ..
            } => t_string!(i18n, seen_no_event, event = event_name(event)).to_string(),
            Seen::Score { measure, value, .. } => t_string!(
                i18n,
                seen_score,
                measure = measure_name(*measure),
                value = format!("{value:.1}")
            )
            .to_string(),
            Seen::Stage { stage, .. } => t_string!(
                i18n,
                seen_stage,
                stage = stage
                    .clone()
                    .unwrap_or_else(|| t_string!(i18n, stage_none).to_string())
            )
            .to_string(),
            Seen::Engaged {
                event,
                events,
                points,
            } => t_string!(
                i18n,
                seen_engaged,
                events = *events,
                event = event_name(event),
                points = format!("{points:.1}")
            )
            .to_string(),
        }
    };
    let body = move || {
        let (e, texts, label, stage, outcome) = why.get()?;
        let p = &e.placement;
        let temperature = match p.temperature {
            Temperature::Cold => t_string!(i18n, temp_cold),
            Temperature::Warm => t_string!(i18n, temp_warm),
            Temperature::Hot => t_string!(i18n, temp_hot),
        }
        .to_string();
        let qualification = match p.qualification {
            Qualification::None => t_string!(i18n, qual_none),
            Qualification::Mql => t_string!(i18n, qual_mql),
            Qualification::Sql => t_string!(i18n, qual_sql),
        }
        .to_string();
        let steps = e
            .steps
            .iter()
            .map(|step| {
                let text = texts.get(step.rule as usize).cloned().unwrap_or_default();
                let verdict = if step.matched {
                    ("✓", t_string!(i18n, rule_matched).to_string(), "matched")
                } else {
                    ("✗", t_string!(i18n, rule_not_matched).to_string(), "not-matched")
                };
                let seen: Vec<String> = step.seen.iter().map(seen_text).collect();
                let points = (step.points != 0.0).then(|| {
                    t_string!(i18n, points_added, points = format!("{:+.1}", step.points)).to_string()
                });
                view! {
                    <li class=format!("step {}", verdict.2)>
                        <span class="verdict" aria-hidden="true">{verdict.0}</span>
                        <code>{text}</code>
                        <span class="visually-hidden">{verdict.1.clone()}</span>
                        <span class="seen">{seen.join(" · ")} {points.map(|p| format!(" · {p}"))}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h4 id="why-h">{t_string!(i18n, why_contact, name = label).to_string()}</h4>
            <dl class="why-facts">
                <dt>{t!(i18n, stage_col)}</dt>
                <dd data-testid="why-stage">{stage.unwrap_or_else(|| t_string!(i18n, stage_none).to_string())}</dd>
                <dt>{t!(i18n, outcomes_heading)}</dt>
                <dd>{outcome.unwrap_or_else(|| t_string!(i18n, no_outcome).to_string())}</dd>
                <dt>{t!(i18n, score)}</dt>
                <dd>{format!("{:.1} ({} {:.1} + {} {:.1})", p.score.total, t_string!(i18n, fit), p.score.fit, t_string!(i18n, engagement), p.score.engagement)}</dd>
                <dt>{t!(i18n, temperature)}</dt>
                <dd>{temperature}</dd>
                <dt>{t!(i18n, qualification)}</dt>
                <dd>{qualification}</dd>
            </dl>
            <ol class="steps" data-testid="why-steps">{steps}</ol>
        })
    };
    view! {
        <aside class="why" aria-labelledby="why-h" data-testid="why">
            <button type="button" class="small close" on:click=move |_| on_close()>{t!(i18n, close)}</button>
            {body}
        </aside>
    }
}
