//! The responsibility matrix of a map: which department owns or contributes to each stage, the
//! stages whose ownership is unclear, and the hand-offs between departments with their SLA text
//! (Act-On's 3-way service-level agreement between marketing, sales and service).
//!
//! A hand-off happens wherever the owning department changes from one stage to the next (and from
//! the last stage back to the first on a circular map). Stages with no owner or several owners are
//! flagged and skipped: the hand-off is drawn between the nearest clearly owned stages around them.

use super::model::{Department, Id, JourneyMap, Responsibility};
use super::text::{Lang, Text};
use crate::domain::model::Stage;

/// Why a stage's ownership is unclear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageFlag {
    /// No department owns the stage.
    NoOwner,
    /// This many departments (two or more) own the stage.
    SeveralOwners(usize),
}

/// One column of the matrix: a stage, who owns it and who contributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageResponsibility {
    pub stage: Id<Stage>,
    /// The departments owning the stage, in department order.
    pub owners: Vec<Id<Department>>,
    /// The departments contributing to the stage without owning it, in department order.
    pub contributors: Vec<Id<Department>>,
}

impl StageResponsibility {
    /// `None` when exactly one department owns the stage.
    pub fn flag(&self) -> Option<StageFlag> {
        match self.owners.len() {
            0 => Some(StageFlag::NoOwner),
            1 => None,
            n => Some(StageFlag::SeveralOwners(n)),
        }
    }

    /// The single owner, when the stage is not flagged.
    pub fn owner(&self) -> Option<&Id<Department>> {
        match self.owners.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// A hand-off from one department to another, with its SLA text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoffRow {
    pub from: Id<Department>,
    pub to: Id<Department>,
    /// The stages after which `from` hands over to `to`, in stage order. Empty when the two
    /// departments no longer meet on the journey but an SLA was written for them.
    pub after: Vec<Id<Stage>>,
    /// The SLA text; `None` when none has been written yet.
    pub sla: Option<String>,
}

impl HandoffRow {
    /// Whether the hand-off happens on the current journey.
    pub fn on_journey(&self) -> bool {
        !self.after.is_empty()
    }
}

/// The whole matrix of a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matrix {
    /// One entry per stage, in stage order.
    pub stages: Vec<StageResponsibility>,
    /// The hand-offs on the journey in the order they first happen, then the SLAs written for
    /// department pairs that no longer meet on the journey, in the order they were written.
    pub handoffs: Vec<HandoffRow>,
}

impl Matrix {
    /// The stages no department owns, in stage order.
    pub fn no_owner(&self) -> Vec<&Id<Stage>> {
        self.stages
            .iter()
            .filter(|s| s.flag() == Some(StageFlag::NoOwner))
            .map(|s| &s.stage)
            .collect()
    }

    /// The stages owned by several departments, with their number of owners, in stage order.
    pub fn several_owners(&self) -> Vec<(&Id<Stage>, usize)> {
        self.stages
            .iter()
            .filter_map(|s| match s.flag() {
                Some(StageFlag::SeveralOwners(n)) => Some((&s.stage, n)),
                _ => None,
            })
            .collect()
    }

    /// The hand-offs on the journey that have no SLA text yet.
    pub fn missing_sla(&self) -> usize {
        self.handoffs
            .iter()
            .filter(|h| h.on_journey() && h.sla.is_none())
            .count()
    }
}

/// The responsibility matrix of `map`.
pub fn matrix(map: &JourneyMap) -> Matrix {
    let stages: Vec<StageResponsibility> = map
        .stages
        .iter()
        .map(|s| {
            let with = |level: Responsibility| -> Vec<Id<Department>> {
                map.departments
                    .iter()
                    .filter(|d| d.responsibility(&s.id) == level)
                    .map(|d| d.id.clone())
                    .collect()
            };
            StageResponsibility {
                stage: s.id.clone(),
                owners: with(Responsibility::Owns),
                contributors: with(Responsibility::Contributes),
            }
        })
        .collect();

    // The clearly owned stages in order: (stage, owner).
    let owned: Vec<(&Id<Stage>, &Id<Department>)> = stages
        .iter()
        .filter_map(|s| s.owner().map(|o| (&s.stage, o)))
        .collect();
    let mut boundaries: Vec<(&Id<Stage>, &Id<Stage>)> =
        owned.windows(2).map(|w| (w[0].0, w[1].0)).collect();
    if map.circular && owned.len() > 1 {
        boundaries.push((owned[owned.len() - 1].0, owned[0].0));
    }
    let owner_of = |stage: &Id<Stage>| owned.iter().find(|(s, _)| *s == stage).map(|(_, o)| *o);

    let mut handoffs: Vec<HandoffRow> = Vec::new();
    for (after, before) in boundaries {
        let (Some(from), Some(to)) = (owner_of(after), owner_of(before)) else {
            continue;
        };
        if from == to {
            continue;
        }
        match handoffs.iter_mut().find(|h| &h.from == from && &h.to == to) {
            Some(h) => {
                if !h.after.contains(after) {
                    h.after.push(after.clone());
                }
            }
            None => handoffs.push(HandoffRow {
                from: from.clone(),
                to: to.clone(),
                after: vec![after.clone()],
                sla: map.handoff(from, to).map(|h| h.sla.clone()),
            }),
        }
    }
    for h in &map.handoffs {
        if !handoffs.iter().any(|r| r.from == h.from && r.to == h.to) {
            handoffs.push(HandoffRow {
                from: h.from.clone(),
                to: h.to.clone(),
                after: Vec::new(),
                sla: Some(h.sla.clone()),
            });
        }
    }
    Matrix { stages, handoffs }
}

/// A new custom department called `name` (trimmed) with no part in any stage; `None` when the
/// name is blank.
pub fn new_department(name: &str) -> Option<Department> {
    let name = name.trim();
    (!name.is_empty()).then(|| Department {
        id: Id::random(),
        name: Text::User(name.to_owned()),
        owns: Vec::new(),
        contributes: Vec::new(),
    })
}

/// `department` renamed to `name` (trimmed) as the user typed it in `lang`; `None` when the name
/// is blank or unchanged (a built-in, translated name stays translated until it really changes).
pub fn renamed(department: &Department, lang: Lang, name: &str) -> Option<Department> {
    let name = name.trim();
    if name.is_empty() || department.name.get(lang) == name {
        return None;
    }
    let mut d = department.clone();
    d.name = Text::User(name.to_owned());
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Handoff, SourceModel, Stage};
    use crate::domain::template::build;
    use jiff::Timestamp;

    fn stage(id: &str) -> Stage {
        Stage {
            id: Id::from(id),
            name: Text::from(id),
            description: Text::default(),
            decision: None,
        }
    }

    fn dept(id: &str, owns: &[&str], contributes: &[&str]) -> Department {
        Department {
            id: Id::from(id),
            name: Text::from(id),
            owns: owns.iter().map(|s| Id::from(*s)).collect(),
            contributes: contributes.iter().map(|s| Id::from(*s)).collect(),
        }
    }

    /// Stages a..e; departments m, s, v.
    fn sample(depts: Vec<Department>) -> JourneyMap {
        let mut map = JourneyMap::new(Text::from("m"), SourceModel::Blank, Timestamp::UNIX_EPOCH);
        map.stages = ["a", "b", "c", "d", "e"].into_iter().map(stage).collect();
        map.departments = depts;
        map
    }

    fn ids<T>(v: &[Id<T>]) -> Vec<&str> {
        v.iter().map(Id::as_str).collect()
    }

    /// (from, to, after, sla) of every hand-off.
    fn rows(m: &Matrix) -> Vec<(&str, &str, Vec<&str>, Option<&str>)> {
        m.handoffs
            .iter()
            .map(|h| {
                (
                    h.from.as_str(),
                    h.to.as_str(),
                    ids(&h.after),
                    h.sla.as_deref(),
                )
            })
            .collect()
    }

    #[test]
    fn owners_and_contributors_per_stage_in_department_order() {
        let map = sample(vec![
            dept("m", &["a", "b"], &["c"]),
            dept("s", &["c"], &["a", "b"]),
            dept("v", &["c"], &[]),
        ]);
        let m = matrix(&map);
        assert_eq!(m.stages.len(), 5);
        assert_eq!(ids(&m.stages[0].owners), ["m"]);
        assert_eq!(ids(&m.stages[0].contributors), ["s"]);
        assert_eq!(ids(&m.stages[2].owners), ["s", "v"]);
        assert_eq!(ids(&m.stages[2].contributors), ["m"]);
        assert!(m.stages[3].owners.is_empty());
        assert!(m.stages[3].contributors.is_empty());
    }

    #[test]
    fn a_stage_with_no_owner_or_two_owners_is_flagged() {
        let map = sample(vec![
            dept("m", &["a", "b"], &[]),
            dept("s", &["b", "c"], &[]),
            dept("v", &["b", "e"], &["d"]),
        ]);
        let m = matrix(&map);
        let flags: Vec<Option<StageFlag>> = m.stages.iter().map(|s| s.flag()).collect();
        assert_eq!(
            flags,
            [
                None,
                Some(StageFlag::SeveralOwners(3)),
                None,
                Some(StageFlag::NoOwner),
                None
            ]
        );
        assert_eq!(m.no_owner(), [&Id::from("d")]);
        assert_eq!(m.several_owners(), [(&Id::from("b"), 3)]);
        assert_eq!(m.stages[0].owner(), Some(&Id::from("m")));
        assert_eq!(m.stages[1].owner(), None);
    }

    #[test]
    fn a_department_both_owning_and_contributing_counts_as_owner_once() {
        let map = sample(vec![dept("m", &["a"], &["a"])]);
        let m = matrix(&map);
        assert_eq!(ids(&m.stages[0].owners), ["m"]);
        assert!(m.stages[0].contributors.is_empty());
    }

    #[test]
    fn a_handoff_wherever_the_owner_changes_with_its_sla_or_missing() {
        // a b → m, c d → s, e → v.
        let mut map = sample(vec![
            dept("m", &["a", "b"], &[]),
            dept("s", &["c", "d"], &[]),
            dept("v", &["e"], &[]),
        ]);
        map.handoffs = vec![Handoff {
            from: Id::from("m"),
            to: Id::from("s"),
            sla: "Sales calls an MQL within 24 h".into(),
        }];
        let m = matrix(&map);
        assert_eq!(
            rows(&m),
            [
                ("m", "s", vec!["b"], Some("Sales calls an MQL within 24 h")),
                ("s", "v", vec!["d"], None),
            ]
        );
        assert!(m.handoffs.iter().all(HandoffRow::on_journey));
        assert_eq!(m.missing_sla(), 1);
    }

    #[test]
    fn the_same_pair_meeting_twice_is_one_handoff_listing_both_stages() {
        // a → m, b → s, c → m, d → s, e → s.
        let map = sample(vec![
            dept("m", &["a", "c"], &[]),
            dept("s", &["b", "d", "e"], &[]),
        ]);
        let m = matrix(&map);
        assert_eq!(
            rows(&m),
            [
                ("m", "s", vec!["a", "c"], None),
                ("s", "m", vec!["b"], None)
            ]
        );
    }

    #[test]
    fn flagged_stages_are_skipped_between_clearly_owned_stages() {
        // a → m, b → m+s (flagged), c → nobody (flagged), d → s, e → s.
        let map = sample(vec![
            dept("m", &["a", "b"], &[]),
            dept("s", &["b", "d", "e"], &[]),
        ]);
        let m = matrix(&map);
        assert_eq!(rows(&m), [("m", "s", vec!["a"], None)]);
    }

    #[test]
    fn a_circular_map_hands_back_from_the_last_stage_to_the_first() {
        let mut map = sample(vec![
            dept("m", &["a", "b"], &[]),
            dept("s", &["c", "d", "e"], &[]),
        ]);
        let open = matrix(&map);
        assert_eq!(rows(&open), [("m", "s", vec!["b"], None)]);
        map.circular = true;
        let m = matrix(&map);
        assert_eq!(
            rows(&m),
            [("m", "s", vec!["b"], None), ("s", "m", vec!["e"], None)]
        );
    }

    #[test]
    fn a_circular_map_with_one_owner_everywhere_has_no_handoff() {
        let mut map = sample(vec![dept("m", &["a", "b", "c", "d", "e"], &[])]);
        map.circular = true;
        assert!(matrix(&map).handoffs.is_empty());
        // A single clearly owned stage does not hand off to itself either.
        let mut map = sample(vec![dept("m", &["c"], &[])]);
        map.circular = true;
        assert!(matrix(&map).handoffs.is_empty());
    }

    #[test]
    fn the_circular_boundary_joins_an_existing_pair() {
        // a → m, b c → s, d → m, e → s, circular: m→s after a and d, s→m after c and e (the wrap).
        let mut map = sample(vec![
            dept("m", &["a", "d"], &[]),
            dept("s", &["b", "c", "e"], &[]),
        ]);
        map.circular = true;
        let m = matrix(&map);
        assert_eq!(
            rows(&m),
            [
                ("m", "s", vec!["a", "d"], None),
                ("s", "m", vec!["c", "e"], None)
            ]
        );
    }

    #[test]
    fn the_circular_boundary_skips_a_flagged_last_stage() {
        // a b → m, c d → s, e → s and v (flagged): the wrap is d (s) → a (m).
        let mut map = sample(vec![
            dept("m", &["a", "b"], &[]),
            dept("s", &["c", "d", "e"], &[]),
            dept("v", &["e"], &[]),
        ]);
        map.circular = true;
        let m = matrix(&map);
        assert_eq!(
            rows(&m),
            [("m", "s", vec!["b"], None), ("s", "m", vec!["d"], None)]
        );
    }

    #[test]
    fn slas_of_pairs_no_longer_on_the_journey_are_still_listed() {
        let mut map = sample(vec![
            dept("m", &["a", "b", "c", "d", "e"], &[]),
            dept("s", &[], &[]),
        ]);
        map.handoffs = vec![
            Handoff {
                from: Id::from("s"),
                to: Id::from("m"),
                sla: "weekly review".into(),
            },
            Handoff {
                from: Id::from("m"),
                to: Id::from("s"),
                sla: "24 h".into(),
            },
        ];
        let m = matrix(&map);
        assert_eq!(
            rows(&m),
            [
                ("s", "m", vec![], Some("weekly review")),
                ("m", "s", vec![], Some("24 h")),
            ]
        );
        assert!(!m.handoffs[0].on_journey());
        assert_eq!(m.missing_sla(), 0);
    }

    #[test]
    fn a_map_without_stages_or_departments_has_an_empty_matrix() {
        let map = JourneyMap::new(Text::from("m"), SourceModel::Blank, Timestamp::UNIX_EPOCH);
        let m = matrix(&map);
        assert!(m.stages.is_empty() && m.handoffs.is_empty());
        let map = sample(Vec::new());
        let m = matrix(&map);
        assert_eq!(m.no_owner().len(), 5);
        assert!(m.handoffs.is_empty());
    }

    #[test]
    fn act_on_hands_off_from_marketing_to_sales_after_nurture_and_to_service_after_convert() {
        let map = build(SourceModel::ActOn, Timestamp::UNIX_EPOCH);
        let m = matrix(&map);
        assert!(m.no_owner().is_empty() && m.several_owners().is_empty());
        assert_eq!(
            rows(&m),
            [
                ("marketing", "sales", vec!["nurture"], None),
                ("sales", "service", vec!["convert"], None),
            ]
        );
        let expand = &m.stages[4];
        assert_eq!(expand.stage, Id::from("expand"));
        assert_eq!(ids(&expand.contributors), ["marketing", "sales"]);
    }

    #[test]
    fn a_new_department_has_a_fresh_id_and_the_trimmed_name() {
        let d = new_department("  Partners ").unwrap();
        assert_eq!(d.name, Text::from("Partners"));
        assert!(d.owns.is_empty() && d.contributes.is_empty());
        assert_ne!(new_department("Partners").unwrap().id, d.id);
        assert_eq!(new_department("   "), None);
    }

    #[test]
    fn renaming_keeps_parts_and_makes_the_name_the_users() {
        let d = Department {
            id: Id::from("sales"),
            name: Text::builtin("Sales", "영업", "Продажи"),
            owns: vec![Id::from("c")],
            contributes: vec![Id::from("d")],
        };
        let r = renamed(&d, Lang::Ru, " Отдел продаж ").unwrap();
        assert_eq!(r.name, Text::from("Отдел продаж"));
        assert_eq!(
            (r.id.as_str(), ids(&r.owns), ids(&r.contributes)),
            ("sales", vec!["c"], vec!["d"])
        );
        // Unchanged in the language shown, or blank: nothing to do.
        assert_eq!(renamed(&d, Lang::Ko, "영업"), None);
        assert_eq!(renamed(&d, Lang::En, " "), None);
    }
}
