//! Why rules' text does not parse: the line, the column and what was expected, in the user's words.

use leptos::prelude::*;

use crate::domain::rules::{Expected, RuleError, RuleErrorKind};
use crate::i18n::*;

#[component]
pub fn RuleErrorText(error: RuleError) -> impl IntoView {
    let i18n = use_i18n();
    let expected = move |e: Expected| -> String {
        match e {
            Expected::Points => t_string!(i18n, exp_points).to_string(),
            Expected::Number => t_string!(i18n, exp_number).to_string(),
            Expected::WholeNumber => t_string!(i18n, exp_whole_number).to_string(),
            Expected::Days => t_string!(i18n, exp_days).to_string(),
            Expected::EventType => t_string!(i18n, exp_event_type).to_string(),
            Expected::Id => t_string!(i18n, exp_id).to_string(),
            Expected::Text => t_string!(i18n, exp_text).to_string(),
            Expected::Field => t_string!(i18n, exp_field).to_string(),
            Expected::Comparison => "= != < <= > >=".to_string(),
            Expected::Value => t_string!(i18n, exp_value).to_string(),
            Expected::Date => t_string!(i18n, exp_date).to_string(),
            Expected::Condition => t_string!(i18n, exp_condition).to_string(),
            Expected::FieldTest => t_string!(i18n, exp_field_test).to_string(),
            Expected::EventTime => "within / before / after".to_string(),
            Expected::Keyword(k) => format!("“{k}”"),
            Expected::CommaOrParen => "“,” / “)”".to_string(),
            Expected::CloseParen => "“)”".to_string(),
            Expected::EndOfLine => t_string!(i18n, exp_end_of_line).to_string(),
        }
    };
    let message = match error.kind {
        RuleErrorKind::UnexpectedChar(c) => {
            t_string!(i18n, rerr_unexpected_char, ch = c.to_string()).to_string()
        }
        RuleErrorKind::UnterminatedString => t_string!(i18n, rerr_unterminated).to_string(),
        RuleErrorKind::NumberTooLarge(n) => {
            t_string!(i18n, rerr_number_too_large, n = n).to_string()
        }
        RuleErrorKind::BadDate(d) => t_string!(i18n, rerr_bad_date, date = d).to_string(),
        RuleErrorKind::UnknownRule(w) => t_string!(i18n, rerr_unknown_rule, word = w).to_string(),
        RuleErrorKind::Expected {
            expected: e,
            found: Some(f),
        } => t_string!(i18n, rerr_expected_found, what = expected(e), found = f).to_string(),
        RuleErrorKind::Expected {
            expected: e,
            found: None,
        } => t_string!(i18n, rerr_expected_end, what = expected(e)).to_string(),
        RuleErrorKind::RangeKinds => t_string!(i18n, rerr_range_kinds).to_string(),
        RuleErrorKind::EmptyRange => t_string!(i18n, rerr_empty_range).to_string(),
        RuleErrorKind::OrderOnText => t_string!(i18n, rerr_order_on_text).to_string(),
        RuleErrorKind::TooDeep { limit } => {
            t_string!(i18n, rerr_too_deep, limit = limit).to_string()
        }
    };
    view! {
        <span>
            {t_string!(i18n, rule_error, line = error.line, column = error.column, message = message).to_string()}
        </span>
    }
}
