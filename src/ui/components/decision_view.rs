//! The decision point at the end of a stage: its outcomes and where each leads; editable.

use crate::domain::Stage;
use leptos::prelude::*;

use crate::domain::document::limits::TEXT_CHARS;
use crate::domain::{DecisionPoint, Destination, Edit, Id, Outcome, Text};
use crate::i18n::*;
use crate::ui::embed::use_read_only;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

#[component]
pub fn DecisionView(
    /// The stage whose decision point this is.
    stage: Id<Stage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let stage = StoredValue::new(stage);
    // (decision, stage names by id with their index, this stage's index)
    let data = open.select(move |m| {
        let here = m.stage_index(&stage.get_value())?;
        let names: Vec<(Id<Stage>, String, usize)> = m
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), s.name.get(lang.get()).to_owned(), i))
            .collect();
        Some((m.stages[here].decision.clone(), names, here))
    });
    let read_only = use_read_only();
    let editing = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let new_target = RwSignal::new(String::new());
    let set = move |d: Option<DecisionPoint>| {
        open.edit(Edit::SetDecision {
            stage: stage.get_value(),
            decision: d,
        })
    };
    let mark = move |_| {
        set(Some(DecisionPoint {
            question: Text::User(t_string!(i18n, default_decision_question).to_string()),
            outcomes: Vec::new(),
        }))
    };
    let add_outcome = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let Some((Some(mut d), _, _)) = data.get_untracked() else {
            return;
        };
        let t = new_target.get_untracked();
        d.outcomes.push(Outcome {
            id: Id::random(),
            name: Text::User(name),
            leads_to: if t.is_empty() {
                Destination::Exit
            } else {
                Destination::Stage(Id::new(t))
            },
        });
        set(Some(d));
        new_name.set(String::new());
    };
    let remove_outcome = move |oid: Id<Outcome>| {
        let Some((Some(mut d), _, _)) = data.get_untracked() else {
            return;
        };
        d.outcomes.retain(|o| o.id != oid);
        set(Some(d));
    };

    move || {
        let Some((decision, names, here)) = data.get() else {
            return ().into_any();
        };
        let Some(d) = decision else {
            if read_only.get() {
                return ().into_any();
            }
            return view! {
                <button type="button" class="small mark-decision" on:click=mark>
                    <span aria-hidden="true">"◆ "</span>{t!(i18n, mark_decision)}
                </button>
            }
            .into_any();
        };
        let l = lang.get();
        let outcomes = d
            .outcomes
            .iter()
            .map(|o| {
                let (arrow, target, class) = match &o.leads_to {
                    Destination::Exit => ("⇥", t_string!(i18n, leaves_journey).to_string(), "outcome exit"),
                    Destination::Stage(s) => {
                        let (name, idx) = names
                            .iter()
                            .find(|(id, _, _)| id == s)
                            .map(|(_, n, i)| (n.clone(), *i))
                            .unwrap_or_default();
                        if idx <= here {
                            ("↺", name, "outcome loop")
                        } else {
                            ("→", name, "outcome forward")
                        }
                    }
                };
                let oid = o.id.clone();
                let oname = o.name.get(l).to_owned();
                let label = oname.clone();
                view! {
                    <li class=class data-outcome=o.id.0.clone()>
                        <span class="outcome-name">{oname}</span>
                        <span class="outcome-arrow" aria-hidden="true">{arrow}</span>
                        <span class="visually-hidden">{t!(i18n, leads_to)}</span>
                        <span class="outcome-target">{target}</span>
                        <Show when=move || editing.get()>
                            <button type="button" class="small icon" on:click={let oid = oid.clone(); move |_| remove_outcome(oid.clone())}
                                aria-label={let label = label.clone(); move || t_string!(i18n, remove_outcome_named, name = label.clone()).to_string()}>
                                <span aria-hidden="true">"×"</span>
                            </button>
                        </Show>
                    </li>
                }
            })
            .collect_view();
        let targets: Vec<(Id<Stage>, String)> = names
            .iter()
            .map(|(id, n, _)| (id.clone(), n.clone()))
            .collect();
        let options = move || {
            targets
                .iter()
                .map(|(id, n)| view! { <option value=id.0.clone()>{n.clone()}</option> })
                .collect_view()
        };
        let fid = format!("outcome-{}", stage.get_value());
        let fid = StoredValue::new(fid);
        view! {
            <section class="decision" aria-label=move || t_string!(i18n, decision_point).to_string()>
                <h3><span aria-hidden="true">"◆ "</span>{d.question.get(l).to_owned()}</h3>
                <ul class="outcomes">{outcomes}</ul>
                <Show when=move || !read_only.get()>
                <button type="button" class="small" aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { t!(i18n, done).into_any() } else { t!(i18n, edit_outcomes).into_any() }}
                </button>
                </Show>
                <Show when=move || editing.get() && !read_only.get()>
                <form class="outcome-form" on:submit=add_outcome>
                    <label for=fid.with_value(|f| format!("{f}-name"))>{t!(i18n, outcome_name)}</label>
                    <input id=fid.with_value(|f| format!("{f}-name")) bind:value=new_name maxlength=TEXT_CHARS.to_string() />
                    <label for=fid.with_value(|f| format!("{f}-to"))>{t!(i18n, leads_to)}</label>
                    <select id=fid.with_value(|f| format!("{f}-to")) prop:value=move || new_target.get()
                        on:change=move |ev| new_target.set(event_target_value(&ev))>
                        <option value="">{t!(i18n, leaves_journey)}</option>
                        {options.clone()}
                    </select>
                    <button type="submit" class="small">{t!(i18n, add_outcome)}</button>
                </form>
                <button type="button" class="small danger" on:click=move |_| set(None)>{t!(i18n, remove_decision)}</button>
                </Show>
            </section>
        }
        .into_any()
    }
}
