//! Where the contacts are: contacts and accounts per stage of the map (with their share shown as
//! a bar and as a number), rule stages the map lacks, the unplaced, outcomes and lead scoring.

use leptos::prelude::*;

use crate::domain::classified::{warnings, StageTally, Warning};
use crate::domain::Id;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

#[component]
pub fn StageTallyTable() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let data = expect_data();
    let lang = use_lang();
    let result = Memo::new(move |_| data.classified.get().and_then(Result::ok));
    let row = move |name: String, t: &StageTally, total: u32, test: String| {
        let share = if total > 0 {
            f64::from(t.contacts) / f64::from(total)
        } else {
            0.0
        };
        let percent = format!("{:.0} %", share * 100.0);
        let width = format!("width: {:.1}%", share * 100.0);
        view! {
            <tr data-testid=test>
                <th scope="row">{name}</th>
                <td class="n">{t.contacts}</td>
                <td class="n">{t.accounts}</td>
                <td class="share">
                    <span class="bar" aria-hidden="true"><span style=width></span></span>
                    <span class="n">{percent}</span>
                </td>
            </tr>
        }
    };
    let body = move || {
        let r = result.get()?;
        let tally = &r.tally;
        let total = tally.contacts;
        let mut rows = Vec::new();
        for t in &tally.stages {
            let name = open
                .stage_name(&Id::new(t.stage.clone()))
                .unwrap_or_else(|| t.stage.clone());
            rows.push(row(name, t, total, format!("tally-{}", t.stage)).into_any());
        }
        for t in &tally.unknown {
            let name = t_string!(i18n, unknown_stage, stage = t.stage.clone()).to_string();
            rows.push(row(name, t, total, format!("tally-{}", t.stage)).into_any());
        }
        let unplaced = StageTally {
            stage: String::new(),
            contacts: tally.unplaced_contacts,
            accounts: tally.unplaced_accounts,
        };
        rows.push(
            row(
                t_string!(i18n, unplaced).to_string(),
                &unplaced,
                total,
                "tally-unplaced".into(),
            )
            .into_any(),
        );
        Some(rows)
    };
    // What most likely needs fixing before these figures mean anything.
    let warned = move || {
        let r = result.get()?;
        let list = data.loaded.with(|l| {
            l.as_ref()
                .map(|l| warnings(&l.report, r.tally.contacts, r.tally.unplaced_contacts))
        })?;
        if list.is_empty() {
            return None;
        }
        let items = list
            .into_iter()
            .map(|w| {
                let text = match w {
                    Warning::NoIdColumn => t_string!(i18n, warn_no_id_column).to_string(),
                    Warning::NothingPlaced { contacts } => t_string!(
                        i18n,
                        warn_nothing_placed,
                        count = crate::domain::format::count(contacts, lang.get())
                    )
                    .to_string(),
                };
                view! { <li>{text}</li> }
            })
            .collect_view();
        Some(view! {
            <div class="rules-warning" role="status" data-testid="data-warnings">
                <ul>{items}</ul>
            </div>
        })
    };
    let outcomes = move || {
        let r = result.get()?;
        let c = r.classification();
        if c.outcomes.is_empty() {
            return None;
        }
        let total = c.placements.len().max(1) as f64;
        let mut items: Vec<(String, String, u32)> = c
            .outcomes
            .iter()
            .zip(&c.outcome_contacts)
            .map(|(id, n)| {
                (
                    id.clone(),
                    open.outcome_name(id).unwrap_or_else(|| id.clone()),
                    *n,
                )
            })
            .collect();
        items.push((
            "none".into(),
            t_string!(i18n, no_outcome).to_string(),
            c.no_outcome,
        ));
        Some(view! {
            <h3>{t!(i18n, outcomes_heading)}</h3>
            <ul class="figures" data-testid="outcomes">
                {items.into_iter().map(|(id, name, n)| view! {
                    <li data-testid=format!("outcome-{id}")>
                        <span>{name}</span>
                        <strong class="n">{n}</strong>
                        <span class="n muted">{format!("{:.0} %", f64::from(n) * 100.0 / total)}</span>
                    </li>
                }).collect_view()}
            </ul>
        })
    };
    let scoring = move || {
        let r = result.get()?;
        let c = r.classification();
        let figures = [
            (
                t_string!(i18n, temp_cold).to_string(),
                c.temperatures[0],
                "cold",
            ),
            (
                t_string!(i18n, temp_warm).to_string(),
                c.temperatures[1],
                "warm",
            ),
            (
                t_string!(i18n, temp_hot).to_string(),
                c.temperatures[2],
                "hot",
            ),
            (
                t_string!(i18n, qual_mql).to_string(),
                c.qualifications[1],
                "mql",
            ),
            (
                t_string!(i18n, qual_sql).to_string(),
                c.qualifications[2],
                "sql",
            ),
            (
                t_string!(i18n, sentiment_advocate).to_string(),
                c.sentiments[1],
                "advocates",
            ),
            (
                t_string!(i18n, sentiment_detractor).to_string(),
                c.sentiments[2],
                "detractors",
            ),
        ];
        Some(view! {
            <h3>{t!(i18n, lead_heading)}</h3>
            <ul class="figures" data-testid="scoring">
                {figures.into_iter().map(|(name, n, id)| view! {
                    <li data-testid=format!("figure-{id}")><span>{name}</span><strong class="n">{n}</strong></li>
                }).collect_view()}
            </ul>
        })
    };

    view! {
        <section class="stage-tally" aria-labelledby="where-h">
            <h3 id="where-h">{t!(i18n, where_heading)}</h3>
            {warned}
            <table data-testid="stage-tally">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, stage_col)}</th>
                        <th scope="col">{t!(i18n, contacts_col)}</th>
                        <th scope="col">{t!(i18n, accounts_col)}</th>
                        <th scope="col">{t!(i18n, share_col)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            {outcomes}
            {scoring}
        </section>
    }
}
