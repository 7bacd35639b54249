//! The map's classification rules: as text (edited freely, applied only when they parse, so a
//! typo never loses the user's text), as a list whose rules move and go, and a form that adds one.

use leptos::prelude::*;

use super::{RuleBuilder, RuleErrorText};
use crate::domain::classified::{rules_of, rules_text};
use crate::domain::document::limits::RULES_CHARS;
use crate::domain::import::Role;
use crate::domain::rule_form::{add_rule, move_rule};
use crate::domain::rules::sql::{to_sql, SqlSource};
use crate::domain::rules::{unknown_fields, ColumnFate, Rule, RuleError, RuleSet};
use crate::domain::Edit;
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::file_io::download;
use crate::ui::labels::Choice;
use crate::ui::open_map::expect_open_map;

#[component]
pub fn RulesEditor() -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let data = expect_data();
    let saved_text = open.select(rules_text);
    let is_default = open.select(|m| m.rules.is_none());
    let set = open.select(|m| rules_of(m).ok());
    // Fields the map's rules name that the imported file has not: their conditions never hold.
    // The template's default rules read optional fields (industry, NPS…) that many exports
    // lack; for them only a field the file has a column for (ignored, or read as something
    // else) is worth saying.
    let unknown = Memo::new(move |_| {
        let rules = set.get()?;
        let loaded = data.loaded.get()?;
        let columns = loaded.report.columns();
        let default = is_default.get();
        let unknown: Vec<_> = unknown_fields(&rules, &loaded.dataset.fields, &columns)
            .into_iter()
            .filter(|u| !default || u.column.is_some())
            .collect();
        (!unknown.is_empty()).then_some(unknown)
    });
    let unknown_view = move || {
        unknown.get().map(|list| {
            let items = list
                .into_iter()
                .map(|u| {
                    let numbers = u
                        .rules
                        .iter()
                        .map(|r| (r + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let field = u.field.clone();
                    let column = u.column;
                    let fate = move || match column.clone() {
                        Some(ColumnFate::ReadAs { role, field }) => t_string!(
                            i18n,
                            rules_field_read_as,
                            role = role.label(i18n),
                            builtin = field
                        )
                        .to_string(),
                        Some(ColumnFate::Events { role }) => {
                            t_string!(i18n, rules_field_events, role = role.label(i18n)).to_string()
                        }
                        Some(ColumnFate::Ignored) => {
                            t_string!(i18n, rules_field_ignored, keep = Role::Keep.label(i18n))
                                .to_string()
                        }
                        Some(ColumnFate::KeptAs { field }) => {
                            t_string!(i18n, rules_field_kept_as, field = field).to_string()
                        }
                        None => String::new(),
                    };
                    view! {
                        <li>
                            {move || t_string!(i18n, rules_unknown_field, field = field.clone(), rules = numbers.clone()).to_string()}
                            " "
                            {fate}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="rules-warning" role="status" data-testid="rules-unknown-fields">
                    <ul>{items}</ul>
                </div>
            }
        })
    };
    // What the user is typing; `None` shows the map's rules.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<RuleError>);
    let applied = RwSignal::new(false);

    let save = move |rules: Option<String>| {
        open.edit(Edit::SetRules { rules });
        draft.set(None);
        error.set(None);
        applied.set(true);
    };
    let apply = move |_| {
        let text = draft
            .get_untracked()
            .unwrap_or_else(|| saved_text.get_untracked());
        match RuleSet::parse(&text) {
            Ok(_) => save(Some(text)),
            Err(e) => {
                applied.set(false);
                error.set(Some(e));
            }
        }
    };
    let change = move |f: &dyn Fn(&mut RuleSet)| {
        if let Some(mut rules) = set.get_untracked() {
            f(&mut rules);
            save(Some(rules.to_string()));
        }
    };
    let on_add = move |rule: Rule| change(&|s| add_rule(s, rule.clone()));
    let rows = move || {
        let rules = set.get()?;
        let n = rules.rules.len();
        Some(
            rules
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let number = i + 1;
                    let text = r.to_string();
                    view! {
                        <li class="rule-row">
                            <code>{text}</code>
                            <span class="rule-actions">
                                <button
                                    type="button"
                                    class="small icon"
                                    disabled=i == 0
                                    aria-label=t_string!(i18n, move_rule_up, n = number).to_string()
                                    on:click=move |_| change(&|s| { move_rule(s, i, true); })
                                >"▲"</button>
                                <button
                                    type="button"
                                    class="small icon"
                                    disabled=i + 1 == n
                                    aria-label=t_string!(i18n, move_rule_down, n = number).to_string()
                                    on:click=move |_| change(&|s| { move_rule(s, i, false); })
                                >"▼"</button>
                                <button
                                    type="button"
                                    class="small icon danger"
                                    aria-label=t_string!(i18n, remove_rule, n = number).to_string()
                                    on:click=move |_| change(&|s| { s.rules.remove(i); })
                                >"✕"</button>
                            </span>
                        </li>
                    }
                })
                .collect_view(),
        )
    };

    // The rules as one DuckDB query over the imported file, for a team's warehouse.
    let sql_failed = RwSignal::new(None::<String>);
    let export_sql = move |_| {
        let Some(rules) = set.get_untracked() else {
            return;
        };
        let text = data.loaded.with_untracked(|loaded| {
            loaded.as_ref().map(|l| {
                let source = SqlSource::of_import(
                    &l.meta.file_name,
                    &l.report,
                    &l.meta.options.lookups,
                    None,
                );
                to_sql(&rules, &source)
            })
        });
        if let Some(text) = text {
            sql_failed.set(download("rules.sql", "application/sql;charset=utf-8", &text).err());
        }
    };
    let no_data = move || data.loaded.with(|l| l.is_none());

    view! {
        <section class="rules" aria-labelledby="rules-h">
            <h3 id="rules-h">{t!(i18n, rules_heading)}</h3>
            <p class="hint">{t!(i18n, rules_intro)}</p>
            <Show when=move || is_default.get()>
                <p class="hint">{t!(i18n, rules_default_note)}</p>
            </Show>
            <label for="rules-text">{t!(i18n, rules_text)}</label>
            <textarea
                id="rules-text"
                class="rules-text"
                rows="12"
                spellcheck="false"
                maxlength=RULES_CHARS.to_string()
                data-testid="rules-text"
                prop:value=move || draft.get().unwrap_or_else(|| saved_text.get())
                on:input=move |ev| {
                    applied.set(false);
                    draft.set(Some(event_target_value(&ev)));
                }
            ></textarea>
            {move || error.get().map(|e| view! {
                <p class="error" role="alert" data-testid="rules-error">
                    <RuleErrorText error=e />
                    <br />
                    {t!(i18n, rules_not_applied)}
                </p>
            })}
            {unknown_view}
            <div class="actions">
                <button type="button" class="primary" data-testid="apply-rules" on:click=apply>
                    {t!(i18n, apply_rules)}
                </button>
                <button type="button" disabled=move || is_default.get() on:click=move |_| save(None)>
                    {t!(i18n, reset_rules)}
                </button>
                <button
                    type="button"
                    data-testid="rules-sql"
                    disabled=no_data
                    aria-describedby="rules-sql-hint"
                    on:click=export_sql
                >
                    {t!(i18n, rules_export_sql)}
                </button>
                <span role="status">{move || applied.get().then(|| t_string!(i18n, rules_applied).to_string())}</span>
            </div>
            <p class="hint" id="rules-sql-hint">
                {move || if no_data() { t_string!(i18n, rules_sql_needs_data) } else { t_string!(i18n, rules_sql_hint) }}
            </p>
            {move || sql_failed.get().map(|e| view! {
                <p class="error" role="alert">{t_string!(i18n, metrics_export_failed, error = e).to_string()}</p>
            })}
            <ol class="rule-list" aria-label=move || t_string!(i18n, rules_heading).to_string()>{rows}</ol>
            <RuleBuilder on_add />
        </section>
    }
}
