//! One component per file.

pub mod banners;
pub mod card_form;
pub mod card_view;
pub mod decision_view;
pub mod header;
pub mod import_button;
pub mod import_error;
pub mod lang_switch;
pub mod map_row;
pub mod map_toolbar;
pub mod save_status;
pub mod stage_column;
pub mod stage_form;
pub mod template_picker;
pub mod unreadable_list;

pub use banners::Banners;
pub use card_form::CardForm;
pub use card_view::CardView;
pub use decision_view::DecisionView;
pub use header::Header;
pub use import_button::ImportButton;
pub use import_error::ImportErrorText;
pub use lang_switch::LangSwitch;
pub use map_row::MapRow;
pub use map_toolbar::MapToolbar;
pub use save_status::SaveIndicator;
pub use stage_column::StageColumn;
pub use stage_form::StageForm;
pub use template_picker::TemplatePicker;
pub use unreadable_list::UnreadableList;
