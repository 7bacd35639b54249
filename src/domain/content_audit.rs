//! The content audit: how a map's content assets cover its stages × personas.
//!
//! Rows are the map's stages and columns its personas (both in map order), plus a last column
//! "All personas" for assets written for everyone (no persona). Each cell counts the assets of
//! that stage and persona. [`Coverage::heatmap`] hands the counts to the shared heatmap layout
//! (which hatches the gaps and marks the excesses with "▲"); [`Coverage::gaps`] lists the empty
//! cells for the text summary; [`kind_counts`] counts the assets of each kind.
//!
//! An asset whose stage or persona is not in the map (which the edits and the file check do not
//! allow) is counted nowhere rather than in a wrong cell.

use super::charts::heatmap::Heatmap;
use super::model::{ContentKind, Id, JourneyMap};
use super::text::Lang;
use crate::domain::model::Stage;
use crate::domain::Persona;

/// A column of the coverage: one persona, or the assets written for everyone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The assets written for this persona.
    Persona(Id<Persona>),
    /// The assets with no persona (for every member of the buying group).
    Everyone,
}

impl Audience {
    /// The persona of an asset as its column.
    pub fn of(persona: Option<&Id<Persona>>) -> Audience {
        match persona {
            Some(p) => Audience::Persona(p.clone()),
            None => Audience::Everyone,
        }
    }
}

/// The asset counts of one map, stage × audience.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// The stages (rows), in map order.
    pub stages: Vec<Id<Stage>>,
    /// The columns: the personas in map order, then [`Audience::Everyone`].
    pub audiences: Vec<Audience>,
    /// `cells[r][c]`: the assets of stage `r` for audience `c`.
    pub cells: Vec<Vec<u32>>,
}

/// An empty cell of the coverage: no asset for this audience in this stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Its row (index into [`Coverage::stages`]).
    pub row: usize,
    /// Its column (index into [`Coverage::audiences`]).
    pub column: usize,
    /// The stage.
    pub stage: Id<Stage>,
    /// Who has nothing to read there.
    pub audience: Audience,
}

/// The coverage of `map`'s content assets.
pub fn coverage(map: &JourneyMap) -> Coverage {
    let stages: Vec<Id<Stage>> = map.stages.iter().map(|s| s.id.clone()).collect();
    let audiences: Vec<Audience> = map
        .personas
        .iter()
        .map(|p| Audience::Persona(p.id.clone()))
        .chain(std::iter::once(Audience::Everyone))
        .collect();
    let mut cells = vec![vec![0u32; audiences.len()]; stages.len()];
    for asset in &map.content {
        let Some(r) = stages.iter().position(|s| s == &asset.stage) else {
            continue;
        };
        let audience = Audience::of(asset.persona.as_ref());
        let Some(c) = audiences.iter().position(|a| a == &audience) else {
            continue;
        };
        cells[r][c] += 1;
    }
    Coverage {
        stages,
        audiences,
        cells,
    }
}

impl Coverage {
    /// The count of stage `row` for audience `column` (0 when out of range).
    pub fn count(&self, row: usize, column: usize) -> u32 {
        self.cells
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .unwrap_or(0)
    }

    /// Every empty cell, row by row (stage order), left to right within a row.
    pub fn gaps(&self) -> Vec<Gap> {
        let mut gaps = Vec::new();
        for (r, stage) in self.stages.iter().enumerate() {
            for (c, audience) in self.audiences.iter().enumerate() {
                if self.count(r, c) == 0 {
                    gaps.push(Gap {
                        row: r,
                        column: c,
                        stage: stage.clone(),
                        audience: audience.clone(),
                    });
                }
            }
        }
        gaps
    }

    /// The gaps grouped by column: for each audience with a gap (in column order), the rows
    /// (stage order) where it has nothing.
    pub fn gaps_by_audience(&self) -> Vec<(usize, Vec<usize>)> {
        (0..self.audiences.len())
            .filter_map(|c| {
                let rows: Vec<usize> = (0..self.stages.len())
                    .filter(|&r| self.count(r, c) == 0)
                    .collect();
                (!rows.is_empty()).then_some((c, rows))
            })
            .collect()
    }

    /// The counts as a heatmap with the names of `map` in `lang`; `everyone` names the last
    /// column (such as "All personas").
    pub fn heatmap(&self, map: &JourneyMap, lang: Lang, everyone: &str) -> Heatmap {
        let rows = self
            .stages
            .iter()
            .map(|id| {
                map.stage(id)
                    .map(|s| s.name.get(lang).to_owned())
                    .unwrap_or_else(|| id.to_string())
            })
            .collect();
        let columns = self
            .audiences
            .iter()
            .map(|a| match a {
                Audience::Persona(id) => map
                    .persona(id)
                    .map(|p| p.name.get(lang).to_owned())
                    .unwrap_or_else(|| id.to_string()),
                Audience::Everyone => everyone.to_owned(),
            })
            .collect();
        Heatmap {
            rows,
            columns,
            cells: self.cells.clone(),
        }
    }
}

/// How many assets of each kind the map has, for every kind in [`ContentKind::ALL`] order.
pub fn kind_counts(map: &JourneyMap) -> Vec<(ContentKind, u32)> {
    ContentKind::ALL
        .iter()
        .map(|&kind| {
            let n = map.content.iter().filter(|a| a.kind == kind).count();
            (kind, n as u32)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::charts::heatmap::layout_heatmap;
    use crate::domain::edit::{apply, Edit};
    use crate::domain::model::{ContentAsset, Persona, SourceModel, Stage};
    use crate::domain::text::Text;
    use jiff::Timestamp;

    fn stage(id: &str, name: &str) -> Stage {
        Stage {
            id: Id::from(id),
            name: Text::from(name),
            description: Text::default(),
            decision: None,
        }
    }

    fn persona(id: &str, name: &str) -> Persona {
        Persona {
            id: Id::from(id),
            name: Text::from(name),
            description: Text::default(),
        }
    }

    fn asset(id: &str, kind: ContentKind, stage: &str, persona: Option<&str>) -> ContentAsset {
        ContentAsset {
            id: Id::from(id),
            title: Text::from(id),
            kind,
            stage: Id::from(stage),
            persona: persona.map(Id::from),
            question: String::new(),
        }
    }

    /// Stages aware → consider → decide; personas CFO, CTO; five assets:
    ///
    /// | stage    | CFO | CTO | All |
    /// |----------|-----|-----|-----|
    /// | aware    |  2  |  0  |  1  |
    /// | consider |  0  |  1  |  0  |
    /// | decide   |  0  |  0  |  0  |
    fn audit_map() -> JourneyMap {
        let mut m = JourneyMap::new(Text::from("m"), SourceModel::Blank, Timestamp::UNIX_EPOCH);
        m.stages = vec![
            stage("aware", "Awareness"),
            stage("consider", "Consideration"),
            stage("decide", "Decision"),
        ];
        m.personas = vec![persona("cfo", "CFO"), persona("cto", "CTO")];
        m.content = vec![
            asset("a1", ContentKind::WhitePaper, "aware", Some("cfo")),
            asset("a2", ContentKind::CaseStudy, "aware", Some("cfo")),
            asset("a3", ContentKind::Video, "aware", None),
            asset("a4", ContentKind::Demo, "consider", Some("cto")),
            asset("a5", ContentKind::CaseStudy, "consider", Some("gone")),
        ];
        m
    }

    #[test]
    fn counts_each_stage_by_persona_with_a_column_for_everyone() {
        let c = coverage(&audit_map());
        assert_eq!(
            c.stages,
            vec![Id::from("aware"), Id::from("consider"), Id::from("decide")]
        );
        assert_eq!(
            c.audiences,
            vec![
                Audience::Persona(Id::from("cfo")),
                Audience::Persona(Id::from("cto")),
                Audience::Everyone
            ]
        );
        // a5's persona "gone" is not in the map: counted nowhere.
        assert_eq!(c.cells, vec![vec![2, 0, 1], vec![0, 1, 0], vec![0, 0, 0]]);
        assert_eq!(c.count(0, 0), 2);
        assert_eq!(c.count(9, 9), 0);
    }

    #[test]
    fn gaps_are_the_empty_cells_in_stage_order() {
        let gaps = coverage(&audit_map()).gaps();
        let cells: Vec<(usize, usize)> = gaps.iter().map(|g| (g.row, g.column)).collect();
        // Row 0: CTO; row 1: CFO and everyone; row 2: all three.
        assert_eq!(cells, vec![(0, 1), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)]);
        assert_eq!(gaps[0].stage, Id::from("aware"));
        assert_eq!(gaps[0].audience, Audience::Persona(Id::from("cto")));
        assert_eq!(gaps[2].audience, Audience::Everyone);
    }

    #[test]
    fn gaps_group_by_persona_in_column_order() {
        let c = coverage(&audit_map());
        // CFO: consider, decide; CTO: aware, decide; everyone: consider, decide.
        assert_eq!(
            c.gaps_by_audience(),
            vec![(0, vec![1, 2]), (1, vec![0, 2]), (2, vec![1, 2])]
        );
        let mut full = audit_map();
        full.stages.truncate(1);
        full.personas.truncate(1);
        full.content.retain(|a| a.stage == Id::from("aware"));
        // Aware: CFO 2, everyone 1: no gap at all.
        assert!(coverage(&full).gaps_by_audience().is_empty());
        assert!(coverage(&full).gaps().is_empty());
    }

    #[test]
    fn a_map_without_personas_has_one_column_for_everyone() {
        let mut m = audit_map();
        m.personas.clear();
        m.content.retain(|a| a.persona.is_none());
        let c = coverage(&m);
        assert_eq!(c.audiences, vec![Audience::Everyone]);
        assert_eq!(c.cells, vec![vec![1], vec![0], vec![0]]);
        assert_eq!(c.gaps().len(), 2);
    }

    #[test]
    fn an_asset_of_a_missing_stage_is_counted_nowhere() {
        let mut m = audit_map();
        m.content
            .push(asset("x", ContentKind::Tool, "nowhere", None));
        assert_eq!(coverage(&m).cells, coverage(&audit_map()).cells);
    }

    #[test]
    fn the_heatmap_names_rows_and_columns_and_marks_gaps_and_excess() {
        let m = audit_map();
        let h = coverage(&m).heatmap(&m, Lang::En, "All personas");
        assert_eq!(h.rows, vec!["Awareness", "Consideration", "Decision"]);
        assert_eq!(h.columns, vec!["CFO", "CTO", "All personas"]);
        let l = layout_heatmap(&h, 720.0);
        // Row aware: 2, 0, 1 → average 1; 2 ≥ 2 × 1 is an excess, 1 is not, 0 is a gap.
        // Row consider: 0, 1, 0 → average 1/3; 1 ≥ 2/3 is an excess.
        let marks: Vec<(u32, bool, bool)> =
            l.cells.iter().map(|c| (c.count, c.gap, c.excess)).collect();
        assert_eq!(
            &marks[..6],
            &[
                (2, false, true),
                (0, true, false),
                (1, false, false),
                (0, true, false),
                (1, false, true),
                (0, true, false)
            ]
        );
        assert_eq!(l.cells[0].text, "2 ▲");
        assert_eq!(l.cells[1].text, "0");
        assert!(l.cells[6..].iter().all(|c| c.gap));
    }

    #[test]
    fn kinds_are_counted_in_their_list_order() {
        let counts = kind_counts(&audit_map());
        assert_eq!(counts.len(), ContentKind::ALL.len());
        assert_eq!(counts[0], (ContentKind::CaseStudy, 2));
        assert_eq!(counts[1], (ContentKind::WhitePaper, 1));
        assert_eq!(counts[2], (ContentKind::Video, 1));
        assert_eq!(counts[3], (ContentKind::Demo, 1));
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<u32>(), 5);
        assert!(counts[4..].iter().all(|(_, n)| *n == 0));
    }

    #[test]
    fn edits_move_the_counts() {
        let mut m = audit_map();
        m.content.retain(|a| a.id != Id::from("a5"));
        // Move a2 (CFO, aware) to consider: aware/CFO 2 → 1, consider/CFO 0 → 1.
        let mut moved = m.asset(&Id::from("a2")).unwrap().clone();
        moved.stage = Id::from("consider");
        apply(&mut m, Edit::UpdateAsset { asset: moved }).unwrap();
        assert_eq!(
            coverage(&m).cells,
            vec![vec![1, 0, 1], vec![1, 1, 0], vec![0, 0, 0]]
        );
        // Removing CFO makes its assets everyone's: aware/All 1 + 1 = 2, consider/All 0 + 1 = 1.
        let undo = apply(
            &mut m,
            Edit::RemovePersona {
                id: Id::from("cfo"),
            },
        )
        .unwrap();
        let c = coverage(&m);
        assert_eq!(c.audiences.len(), 2);
        assert_eq!(c.cells, vec![vec![0, 2], vec![1, 1], vec![0, 0]]);
        // Undo puts the persona and its assets back.
        apply(&mut m, undo).unwrap();
        assert_eq!(
            coverage(&m).cells,
            vec![vec![1, 0, 1], vec![1, 1, 0], vec![0, 0, 0]]
        );
    }
}
