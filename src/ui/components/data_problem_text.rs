//! What went wrong with imported data, in the user's words.

use leptos::prelude::*;

use super::MappingErrorText;
use crate::domain::import::ImportError;
use crate::i18n::*;
use crate::storage::datasets::DatasetStoreError;
use crate::ui::data::DataProblem;
use crate::ui::file_io::FileReadError;

#[component]
pub fn DataProblemText(problem: DataProblem) -> impl IntoView {
    let i18n = use_i18n();
    match problem {
        DataProblem::File(ImportError::Mapping(e)) => {
            view! { <MappingErrorText error=e headers=Vec::new() /> }.into_any()
        }
        DataProblem::File(e) => {
            let text = match e {
                ImportError::Mapping(_) => String::new(), // shown by the arm above
                ImportError::Empty => t_string!(i18n, file_err_empty).to_string(),
                ImportError::NoHeader => t_string!(i18n, file_err_no_header).to_string(),
                ImportError::NotText => t_string!(i18n, file_err_not_text).to_string(),
                ImportError::HeaderTooLong {
                    quote_line: Some(quote),
                } => t_string!(i18n, file_err_header_too_long_quote, quote = quote).to_string(),
                ImportError::HeaderTooLong { quote_line: None } => {
                    t_string!(i18n, file_err_header_too_long).to_string()
                }
                ImportError::DuplicateHeader {
                    name,
                    first,
                    second,
                } => t_string!(
                    i18n,
                    file_err_duplicate_header,
                    name = name,
                    first = first + 1,
                    second = second + 1
                )
                .to_string(),
                ImportError::MappingColumns { mapping, header } => t_string!(
                    i18n,
                    file_err_mapping_columns,
                    mapping = mapping,
                    header = header
                )
                .to_string(),
            };
            view! { <span>{text}</span> }.into_any()
        }
        DataProblem::Read(FileReadError::Changed) => {
            view! { <span>{t_string!(i18n, file_err_changed).to_string()}</span> }.into_any()
        }
        DataProblem::Read(FileReadError::Failed(detail)) => {
            view! { <span>{t_string!(i18n, file_err_read, detail = detail).to_string()}</span> }
                .into_any()
        }
        DataProblem::Worker(detail) => {
            view! { <span>{t_string!(i18n, file_err_worker, detail = detail).to_string()}</span> }
                .into_any()
        }
        DataProblem::Store(e) => {
            let text = match e {
                DatasetStoreError::Unavailable => {
                    t_string!(i18n, store_err_unavailable).to_string()
                }
                DatasetStoreError::QuotaExceeded => t_string!(i18n, store_err_quota).to_string(),
                other => t_string!(i18n, store_err_failed, detail = other.to_string()).to_string(),
            };
            view! { <span>{text}</span> }.into_any()
        }
    }
}
