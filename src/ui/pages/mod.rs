//! The screens: the list of maps, one map, and one map's data and metrics.

mod data_page;
mod map_list;
mod map_page;
mod metrics_page;

pub use data_page::DataPage;
pub use map_list::MapList;
pub use map_page::MapPage;
pub use metrics_page::MetricsPage;
