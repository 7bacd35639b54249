//! A form that adds one rule: pick its kind, its stage or outcome, and one field test (or the
//! points of an event type, or a threshold). Mistakes are named under the form; nothing is added
//! until the rule is whole.

use leptos::prelude::*;

use crate::domain::document::limits::RULES_CHARS;
use crate::domain::rule_form::{FormError, RuleForm, RuleKind, TestKind};
use crate::domain::rules::{Level, Rule, Sentiment};
use crate::i18n::*;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

#[component]
pub fn RuleBuilder(
    /// Called with the finished rule.
    on_add: impl Fn(Rule) + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let form = RwSignal::new(RuleForm::default());
    let error = RwSignal::new(None::<FormError>);
    // (id, name) of the stages, or of the decision outcomes.
    let targets = open.select(move |m| -> Vec<(String, String)> {
        let lang = lang.get();
        match form.read().kind {
            RuleKind::Stage => m
                .stages
                .iter()
                .map(|s| (s.id.0.clone(), s.name.get(lang).to_owned()))
                .collect(),
            RuleKind::Outcome => m
                .outcomes()
                .map(|o| (o.id.0.clone(), o.name.get(lang).to_owned()))
                .collect(),
            _ => Vec::new(),
        }
    });
    let kind = Memo::new(move |_| form.read().kind);
    let kind_label = move |k: RuleKind| match k {
        RuleKind::Stage => t_string!(i18n, kind_stage).to_string(),
        RuleKind::Fit => t_string!(i18n, kind_fit).to_string(),
        RuleKind::Engage => t_string!(i18n, kind_engage).to_string(),
        RuleKind::Threshold => t_string!(i18n, kind_threshold).to_string(),
        RuleKind::Outcome => t_string!(i18n, kind_outcome).to_string(),
        RuleKind::Sentiment => t_string!(i18n, kind_sentiment).to_string(),
    };
    let test_label = move |t: TestKind| match t {
        TestKind::Equals => t_string!(i18n, test_equals).to_string(),
        TestKind::In => t_string!(i18n, test_in).to_string(),
        TestKind::Contains => t_string!(i18n, test_contains).to_string(),
        TestKind::Range => t_string!(i18n, test_range).to_string(),
        TestKind::Missing => t_string!(i18n, test_missing).to_string(),
        TestKind::Present => t_string!(i18n, test_present).to_string(),
    };
    let levels = [Level::Warm, Level::Hot, Level::Mql, Level::Sql];
    let level_label = move |l: Level| match l {
        Level::Warm => t_string!(i18n, level_warm).to_string(),
        Level::Hot => t_string!(i18n, level_hot).to_string(),
        Level::Mql => t_string!(i18n, level_mql).to_string(),
        Level::Sql => t_string!(i18n, level_sql).to_string(),
    };
    let error_text = move |e: FormError| match e {
        FormError::NoTarget => t_string!(i18n, form_err_no_target).to_string(),
        FormError::BadPoints => t_string!(i18n, form_err_bad_points).to_string(),
        FormError::BadScore => t_string!(i18n, form_err_bad_score).to_string(),
        FormError::BadDays => t_string!(i18n, form_err_bad_days).to_string(),
        FormError::NoField => t_string!(i18n, form_err_no_field).to_string(),
        FormError::BadField => t_string!(i18n, form_err_bad_field).to_string(),
        FormError::NoValue => t_string!(i18n, form_err_no_value).to_string(),
    };
    let text_input = move |label: String,
                           get: fn(&RuleForm) -> String,
                           set: fn(&mut RuleForm, String),
                           test: &'static str| {
        view! {
            <label>
                {label}
                <input
                    data-testid=test
                    maxlength=RULES_CHARS.to_string()
                    prop:value=move || get(&form.read())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
            </label>
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.get_untracked().to_rule() {
            Ok(rule) => {
                error.set(None);
                on_add(rule);
                form.update(|f| f.value.clear());
            }
            Err(e) => error.set(Some(e)),
        }
    };

    view! {
        <form class="rule-builder" on:submit=add aria-labelledby="add-rule-h" data-testid="rule-builder">
            <h4 id="add-rule-h">{t!(i18n, add_rule)}</h4>
            <div class="builder-fields">
                <label>
                    {t!(i18n, rule_kind)}
                    <select
                        data-testid="rule-kind"
                        on:change=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            form.update(|f| {
                                f.kind = RuleKind::ALL[i.min(RuleKind::ALL.len() - 1)];
                                f.target.clear();
                            });
                        }
                    >
                        {RuleKind::ALL.iter().enumerate().map(|(i, k)| view! {
                            <option value=i.to_string() selected=move || kind.get() == *k>{kind_label(*k)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || matches!(kind.get(), RuleKind::Stage | RuleKind::Outcome)>
                    <label>
                        {move || if kind.get() == RuleKind::Stage { t_string!(i18n, rule_stage).to_string() } else { t_string!(i18n, rule_outcome).to_string() }}
                        <select
                            data-testid="rule-target"
                            prop:value=move || form.read().target.clone()
                            on:change=move |ev| form.update(|f| f.target = event_target_value(&ev))
                        >
                            <option value="">"—"</option>
                            {move || targets.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
                <Show when=move || kind.get() == RuleKind::Sentiment>
                    <label>
                        {t!(i18n, rule_sentiment)}
                        <select on:change=move |ev| form.update(|f| f.sentiment = if event_target_value(&ev) == "detractor" { Sentiment::Detractor } else { Sentiment::Advocate })>
                            <option value="advocate">{t!(i18n, sentiment_advocate_one)}</option>
                            <option value="detractor">{t!(i18n, sentiment_detractor_one)}</option>
                        </select>
                    </label>
                </Show>
                <Show when=move || kind.get() == RuleKind::Threshold>
                    <label>
                        {t!(i18n, rule_level)}
                        <select on:change=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            form.update(|f| f.level = levels[i.min(3)]);
                        }>
                            {levels.into_iter().enumerate().map(|(i, l)| view! {
                                <option value=i.to_string() selected=move || form.read().level == l>{level_label(l)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {text_input(t_string!(i18n, rule_at).to_string(), |f| f.at.clone(), |f, v| f.at = v, "rule-at")}
                </Show>
                <Show when=move || matches!(kind.get(), RuleKind::Fit | RuleKind::Engage)>
                    {text_input(t_string!(i18n, rule_points).to_string(), |f| f.points.clone(), |f, v| f.points = v, "rule-points")}
                </Show>
                <Show when=move || kind.get() == RuleKind::Engage>
                    {text_input(t_string!(i18n, rule_event).to_string(), |f| f.event.clone(), |f, v| f.event = v, "rule-event")}
                    {text_input(t_string!(i18n, rule_half_life).to_string(), |f| f.half_life.clone(), |f, v| f.half_life = v, "rule-half-life")}
                </Show>
                <Show when=move || kind.get().has_condition()>
                    {text_input(t_string!(i18n, rule_field).to_string(), |f| f.field.clone(), |f, v| f.field = v, "rule-field")}
                    <label>
                        {t!(i18n, rule_test)}
                        <select data-testid="rule-test" on:change=move |ev| {
                            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                            form.update(|f| f.test = TestKind::ALL[i.min(TestKind::ALL.len() - 1)]);
                        }>
                            {TestKind::ALL.iter().enumerate().map(|(i, t)| view! {
                                <option value=i.to_string() selected=move || form.read().test == *t>{test_label(*t)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || form.read().test.needs_value()>
                        {text_input(t_string!(i18n, rule_value).to_string(), |f| f.value.clone(), |f, v| f.value = v, "rule-value")}
                    </Show>
                </Show>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="rule-form-error">{error_text(e)}</p> })}
            <button type="submit" data-testid="add-rule">{t!(i18n, add_this_rule)}</button>
        </form>
    }
}
