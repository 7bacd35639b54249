//! One skipped (or partly read) row of an imported file: its line and what was wrong.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::import::{BadRow, RowProblem};
use crate::i18n::*;
use crate::ui::state::use_lang;

#[component]
pub fn BadRowText(
    row: BadRow,
    /// The header, to name columns by their names.
    headers: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let column = |i: usize| {
        headers
            .get(i)
            .cloned()
            .unwrap_or_else(|| (i + 1).to_string())
    };
    let reason = match &row.problem {
        RowProblem::WrongFieldCount { expected, found } => {
            t_string!(i18n, row_wrong_fields, found = *found, expected = *expected).to_string()
        }
        RowProblem::BadDate { column: c, value } => t_string!(
            i18n,
            row_bad_date,
            value = value.clone(),
            column = column(*c)
        )
        .to_string(),
        RowProblem::BadNumber { column: c, value } => t_string!(
            i18n,
            row_bad_number,
            value = value.clone(),
            column = column(*c)
        )
        .to_string(),
        RowProblem::MissingId => t_string!(i18n, row_missing_id).to_string(),
        RowProblem::MissingTime => t_string!(i18n, row_missing_time).to_string(),
        RowProblem::MissingType => t_string!(i18n, row_missing_type).to_string(),
        RowProblem::TooManyKinds { column: c, limit } => t_string!(
            i18n,
            row_too_many_kinds,
            column = column(*c),
            limit = format::count(*limit as u32, use_lang().get_untracked())
        )
        .to_string(),
        RowProblem::TooLong {
            quote_line: Some(quote),
            end_line,
        } => t_string!(i18n, row_too_long_quote, quote = *quote, end = *end_line).to_string(),
        RowProblem::TooLong {
            quote_line: None,
            end_line,
        } => t_string!(i18n, row_too_long, end = *end_line).to_string(),
    };
    let fate = if row.kept {
        t_string!(i18n, bad_row_kept).to_string()
    } else {
        t_string!(i18n, bad_row_dropped).to_string()
    };
    view! {
        <span class="bad-row">
            <strong>{t_string!(i18n, bad_row_line, line = row.line).to_string()}</strong>
            ": " {reason} " (" {fate} ")"
        </span>
    }
}
