//! The blank template: no stages and no cards, only the standard lanes, for a map drawn from
//! scratch. Unlike the model templates it has no buying group either.

use jiff::Timestamp;

use crate::domain::model::*;

use super::t;

/// Blank: the untitled map with the standard lanes.
pub(super) fn blank(now: Timestamp) -> JourneyMap {
    JourneyMap::new(
        t("Untitled map", "제목 없는 지도", "Карта без названия"),
        SourceModel::Blank,
        now,
    )
}

#[cfg(test)]
mod tests {
    use crate::domain::model::*;

    use super::super::build;
    use super::super::test_support::*;

    #[test]
    fn blank_has_no_stages_but_the_standard_lanes() {
        let map = build(SourceModel::Blank, now());
        assert!(map.stages.is_empty());
        assert!(map.cards.is_empty());
        assert!(map.departments.is_empty());
        assert_eq!(map.lanes, Lane::standard_set());
        assert_eq!(en(&map.name), "Untitled map");
    }
}
