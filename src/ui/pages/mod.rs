//! The two screens: the list of maps and one map.

mod map_list;
mod map_page;

pub use map_list::MapList;
pub use map_page::MapPage;
