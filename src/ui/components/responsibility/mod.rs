//! The responsibility view's parts, one component per file.

pub mod department_form;
pub mod department_row;
pub mod flag_summary;
pub mod handoff_item;
pub mod handoff_list;
pub mod responsibility_cell;
pub mod responsibility_table;

pub use department_form::DepartmentForm;
pub use department_row::DepartmentRow;
pub use flag_summary::FlagSummary;
pub use handoff_item::HandoffItem;
pub use handoff_list::HandoffList;
pub use responsibility_cell::ResponsibilityCell;
pub use responsibility_table::ResponsibilityTable;

use crate::domain::Id;
pub use crate::ui::open_map::Names;

/// The name shown for `id` (its id when it is gone).
pub fn name_of<T>(names: &Names<T>, id: &Id<T>) -> String {
    names
        .iter()
        .find(|(i, _)| i == id)
        .map_or_else(|| id.to_string(), |(_, n)| n.clone())
}

/// The names of `ids`, joined with commas.
pub fn names_of<'a, T: 'a>(names: &Names<T>, ids: impl IntoIterator<Item = &'a Id<T>>) -> String {
    ids.into_iter()
        .map(|id| name_of(names, id))
        .collect::<Vec<_>>()
        .join(", ")
}
