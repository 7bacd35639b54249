//! The screens: the list of maps, one map, and its views.

mod compare_page;
mod content_page;
mod data_page;
mod diagram_page;
mod map_list;
mod map_page;
mod metrics_page;
mod responsibility_page;
mod share_gate;
mod shared_map;
mod shared_view;

pub use compare_page::ComparePage;
pub use content_page::ContentPage;
pub use data_page::DataPage;
pub use diagram_page::DiagramPage;
pub use map_list::MapList;
pub use map_page::MapPage;
pub use metrics_page::MetricsPage;
pub use responsibility_page::ResponsibilityPage;
pub use share_gate::{provide_embed_read_only, use_share_payload};
pub use shared_map::SharedMap;
pub use shared_view::SharedView;
