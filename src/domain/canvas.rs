//! The canvas grid: stages as columns, visible lanes as rows, and where each card sits.
//!
//! A card that spans several stages is drawn as a bar across their columns. Bars take *tracks* at
//! the top of their lane (like a Gantt chart): each track holds bars that do not overlap, and every
//! cell of the lane shows every track (the bar where it starts, a placeholder where a bar passes,
//! or an empty slot), so the bars line up across the columns. Cards of one stage come below.
//!
//! Also here: where the arrow keys lead from a card, how Alt+arrow moves it, and the emotion curve.

use crate::domain::model::{Card, Lane, Stage};
use crate::domain::Persona;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::edit::Edit;
use super::model::{Emotion, Id, JourneyMap};

/// One slot of a track in one cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// A spanning card starts here; it covers `span` columns.
    Start { card: Id<Card>, span: usize },
    /// A spanning card that started in an earlier column passes here.
    Covered(Id<Card>),
    /// Nothing in this track here.
    Empty,
}

/// The content of one cell (stage × lane), as [`Grid::cell`] puts it together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cell {
    /// One slot per track of the lane, top to bottom.
    pub tracks: Vec<Slot>,
    /// The cards of this stage only, in map order.
    pub cards: Vec<Id<Card>>,
}

/// A piece of a cell's tracks as the canvas draws it: a bar that starts in this cell, or a run
/// of tracks where none starts (a bar from an earlier column passes, or nothing is there),
/// drawn as one spacer `tracks` tall. A lane with thousands of overlapping bars drew one
/// placeholder per track in every cell; a cell now draws about twice the bars starting in it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Drawn {
    /// A bar starting here, on track `track`, covering `span` columns.
    Bar {
        track: usize,
        card: Id<Card>,
        span: usize,
    },
    /// `tracks` tracks from `track` down where no bar starts.
    Gap { track: usize, tracks: usize },
}

/// A cell as the canvas draws it: see [`Drawn`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct DrawnCell {
    /// The lane's tracks, top to bottom.
    pub tracks: Vec<Drawn>,
    /// The cards of this stage only, in map order.
    pub cards: Vec<Id<Card>>,
}

/// A spanning card's bar on its track: the columns `start..end` it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bar {
    start: usize,
    end: usize,
    card: Id<Card>,
}

/// One visible lane: its bars per track and the cards of one stage only.
///
/// Each card is stored once, whatever its span (a bar is one range, not one slot per column it
/// covers), so laying out a map costs about its cards and stages; the slots of a cell are
/// made when the cell is asked for, and only the drawn cells are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Row {
    /// The bars of each track, top to bottom; within a track they are left to right and do not
    /// overlap.
    tracks: Vec<Vec<Bar>>,
    /// (stage column, card) of the cards that do not span, by column, then in map order.
    cards: Vec<(usize, Id<Card>)>,
}

impl Row {
    /// The cards of one stage only, in map order.
    fn cards_at(&self, stage: usize) -> &[(usize, Id<Card>)] {
        let from = self.cards.partition_point(|c| c.0 < stage);
        let to = self.cards.partition_point(|c| c.0 <= stage);
        &self.cards[from..to]
    }

    /// The bar of `track` at `stage`, if one starts or passes there.
    fn bar_at(&self, track: usize, stage: usize) -> Option<&Bar> {
        let bars = &self.tracks[track];
        let i = bars.partition_point(|b| b.start <= stage);
        bars[..i].last().filter(|b| b.end > stage)
    }
}

/// The visible lanes of a map and where each card sits in them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// Visible lane ids, top to bottom.
    pub lanes: Vec<Id<Lane>>,
    /// One row per visible lane.
    rows: Vec<Row>,
    /// The number of stage columns.
    columns: usize,
}

impl Grid {
    /// Lays out the map's cards (hidden lanes are left out).
    pub fn of(map: &JourneyMap) -> Grid {
        let stages: HashMap<&Id<Stage>, usize> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (&s.id, i))
            .collect();
        let n = map.stages.len();
        let lanes: Vec<&Id<Lane>> = map
            .lanes
            .iter()
            .filter(|l| !l.hidden)
            .map(|l| &l.id)
            .collect();
        let lane_row: HashMap<&Id<Lane>, usize> =
            lanes.iter().enumerate().map(|(i, l)| (*l, i)).collect();
        let mut rows = vec![Row::default(); lanes.len()];
        // Bars per lane: (start, end exclusive, card).
        let mut bars: Vec<Vec<(usize, usize, &Id<Card>)>> = vec![Vec::new(); lanes.len()];
        for card in &map.cards {
            let (Some(&row), Some(&start)) = (lane_row.get(&card.lane), stages.get(&card.stage))
            else {
                continue;
            };
            let end = (start + usize::from(card.span.max(1))).min(n);
            if end - start > 1 {
                bars[row].push((start, end, &card.id));
            } else {
                rows[row].cards.push((start, card.id.clone()));
            }
        }
        for (row, mut lane_bars) in rows.iter_mut().zip(bars) {
            // Stable: a stage's cards stay in map order.
            row.cards.sort_by_key(|c| c.0);
            // Greedy interval colouring by start column: the fewest tracks, stable by map order.
            // Each bar takes the lowest track free at its start. Starts only grow, so a track
            // that is free stays free until taken: the free tracks wait in a min-heap, the busy
            // ones in a heap by the column they end at.
            lane_bars.sort_by_key(|b| b.0);
            let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
            let mut busy: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
            for (start, end, card) in lane_bars {
                while let Some(&Reverse((e, t))) = busy.peek() {
                    if e > start {
                        break;
                    }
                    busy.pop();
                    free.push(Reverse(t));
                }
                let t = match free.pop() {
                    Some(Reverse(t)) => t,
                    None => {
                        row.tracks.push(Vec::new());
                        row.tracks.len() - 1
                    }
                };
                row.tracks[t].push(Bar {
                    start,
                    end,
                    card: card.clone(),
                });
                busy.push(Reverse((end, t)));
            }
        }
        Grid {
            lanes: lanes.into_iter().cloned().collect(),
            rows,
            columns: n,
        }
    }

    /// The cell of a lane and stage: every track of the lane (the bar starting or passing
    /// there, or nothing) and the stage's own cards.
    pub fn cell(&self, lane: usize, stage: usize) -> Option<Cell> {
        let row = self.rows.get(lane).filter(|_| stage < self.columns)?;
        let tracks = (0..row.tracks.len())
            .map(|t| match row.bar_at(t, stage) {
                Some(b) if b.start == stage => Slot::Start {
                    card: b.card.clone(),
                    span: b.end - b.start,
                },
                Some(b) => Slot::Covered(b.card.clone()),
                None => Slot::Empty,
            })
            .collect();
        let cards = row.cards_at(stage).iter().map(|c| c.1.clone()).collect();
        Some(Cell { tracks, cards })
    }

    /// The cell of a lane and stage as the canvas draws it: the same tracks as [`Grid::cell`],
    /// with each run of tracks where no bar starts made one [`Drawn::Gap`].
    pub fn drawn_cell(&self, lane: usize, stage: usize) -> Option<DrawnCell> {
        let row = self.rows.get(lane).filter(|_| stage < self.columns)?;
        let mut tracks = Vec::new();
        let mut gap: Option<(usize, usize)> = None;
        for t in 0..row.tracks.len() {
            match row.bar_at(t, stage).filter(|b| b.start == stage) {
                Some(b) => {
                    if let Some((track, n)) = gap.take() {
                        tracks.push(Drawn::Gap { track, tracks: n });
                    }
                    tracks.push(Drawn::Bar {
                        track: t,
                        card: b.card.clone(),
                        span: b.end - b.start,
                    });
                }
                None => gap = Some(gap.map_or((t, 1), |(track, n)| (track, n + 1))),
            }
        }
        if let Some((track, n)) = gap {
            tracks.push(Drawn::Gap { track, tracks: n });
        }
        let cards = row.cards_at(stage).iter().map(|c| c.1.clone()).collect();
        Some(DrawnCell { tracks, cards })
    }

    /// The cards of a cell as the keyboard visits them: bars starting here, then the stage's own.
    fn visit_order(&self, lane: usize, stage: usize) -> Vec<&Id<Card>> {
        let Some(row) = self.rows.get(lane).filter(|_| stage < self.columns) else {
            return Vec::new();
        };
        (0..row.tracks.len())
            .filter_map(|t| row.bar_at(t, stage).filter(|b| b.start == stage))
            .map(|b| &b.card)
            .chain(row.cards_at(stage).iter().map(|c| &c.1))
            .collect()
    }

    /// Where a card is: (lane row, stage column, position in the cell's visit order). The first
    /// lane that has it, the first column there (as if reading the cells in order).
    fn find(&self, card: &Id<Card>) -> Option<(usize, usize, usize)> {
        for (l, row) in self.rows.iter().enumerate() {
            let starts = row.tracks.iter().flatten().map(|b| (b.start, &b.card));
            let singles = row.cards.iter().map(|(s, c)| (*s, c));
            let first = starts
                .chain(singles)
                .filter(|(_, c)| *c == card)
                .map(|(s, _)| s)
                .min();
            if let Some(s) = first {
                let p = self.visit_order(l, s).iter().position(|c| *c == card)?;
                return Some((l, s, p));
            }
        }
        None
    }

    /// The stage column a card starts in.
    pub fn column_of(&self, card: &Id<Card>) -> Option<usize> {
        self.find(card).map(|(_, s, _)| s)
    }

    /// Where an arrow key leads from a card: the next card that way, or the (empty) cell there.
    /// Up and down go through the cards of a cell, then to the cell above or below in the same
    /// stage; left and right go to the first card of the same lane in the stage before or after.
    pub fn step(&self, card: &Id<Card>, dir: Direction) -> Option<Target> {
        let (l, s, p) = self.find(card)?;
        let first_or_cell = |l: usize, s: usize| -> Target {
            match self.visit_order(l, s).first() {
                Some(c) => Target::Card((*c).clone()),
                None => Target::Cell {
                    lane: self.lanes[l].clone(),
                    stage: s,
                },
            }
        };
        match dir {
            Direction::Left => s.checked_sub(1).map(|s| first_or_cell(l, s)),
            Direction::Right => (s + 1 < self.columns).then(|| first_or_cell(l, s + 1)),
            Direction::Up => {
                if p > 0 {
                    return Some(Target::Card(self.visit_order(l, s)[p - 1].clone()));
                }
                let l = l.checked_sub(1)?;
                Some(match self.visit_order(l, s).last() {
                    Some(c) => Target::Card((*c).clone()),
                    None => Target::Cell {
                        lane: self.lanes[l].clone(),
                        stage: s,
                    },
                })
            }
            Direction::Down => {
                let here = self.visit_order(l, s);
                if p + 1 < here.len() {
                    return Some(Target::Card(here[p + 1].clone()));
                }
                (l + 1 < self.lanes.len()).then(|| first_or_cell(l + 1, s))
            }
        }
    }
}

/// An arrow key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key` value, if it is an arrow.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            _ => None,
        }
    }
}

/// Where keyboard focus goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Card(Id<Card>),
    /// An empty cell: its "add a card" button.
    Cell {
        lane: Id<Lane>,
        stage: usize,
    },
}

/// The stage columns drawn before the canvas has been measured (a wide screen shows about ten).
pub const INITIAL_COLUMNS: (usize, usize) = (0, 11);
/// Every stage column: what printing draws.
pub const EVERY_COLUMN: (usize, usize) = (0, usize::MAX);
/// Columns drawn on each side of those in view (overscan), so a short scroll or a keyboard step
/// finds them drawn already.
pub const OVERSCAN: usize = 3;
/// The gap between two stage columns, in pixels (a column's measured width leaves it out).
pub const COLUMN_GAP: f64 = 10.0;

/// What the canvas measures of itself to know which columns are in view, in pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Viewport {
    /// How far the canvas is scrolled to the right.
    pub scroll_left: f64,
    /// The width of its view.
    pub width: f64,
    /// The width of the lane headings at its left.
    pub heads: f64,
    /// The width of one stage column, the gap after it left out.
    pub column: f64,
}

impl Viewport {
    /// The stage columns to draw in full, out of `count`: those in view and [`OVERSCAN`] more
    /// on each side.
    pub fn drawn_columns(&self, count: usize) -> (usize, usize) {
        let (first, last) = columns_in_view(
            self.scroll_left,
            self.width,
            self.heads,
            self.column + COLUMN_GAP,
        );
        drawn_columns(first, last, OVERSCAN, count)
    }
}

/// The stage columns to draw so that `column` is among them (keyboard focus moving past the
/// `drawn` ones): it and [`OVERSCAN`] more on each side, out of `count`. `None` when it is drawn
/// already.
pub fn reveal_column(drawn: (usize, usize), column: usize, count: usize) -> Option<(usize, usize)> {
    let (first, last) = drawn;
    (column < first || column > last).then(|| drawn_columns(column, column, OVERSCAN, count))
}

/// The stage columns to draw: those in view (`first..=last`) and `buffer` more on each side,
/// clamped to the `count` stages. Columns outside are drawn as headings only, so a map with
/// many stages keeps a small page.
pub fn drawn_columns(first: usize, last: usize, buffer: usize, count: usize) -> (usize, usize) {
    if count == 0 {
        return (0, 0);
    }
    let last = last.min(count - 1);
    (
        first.saturating_sub(buffer).min(last),
        (last + buffer).min(count - 1),
    )
}

/// The columns in view of a scrolled canvas: `left`/`width` of the view, the width of the lane
/// headings and of one column (gap included), all in pixels.
pub fn columns_in_view(left: f64, width: f64, heads: f64, column: f64) -> (usize, usize) {
    if column <= 0.0 || !column.is_finite() {
        return (0, 0);
    }
    let first = ((left - heads) / column).floor().max(0.0);
    let last = ((left + width - heads) / column).ceil().max(first + 1.0) - 1.0;
    (first as usize, last as usize)
}

/// The edit that moves a card one step (Alt+arrow, or its move buttons): up or down within its
/// cell, or to the end of the same lane's cell in the stage before or after. `None` at an edge.
pub fn move_card(map: &JourneyMap, card: &Id<Card>, dir: Direction) -> Option<Edit> {
    let c = map.card(card)?;
    let cell: Vec<&Id<Card>> = map.cards_in(&c.stage, &c.lane).map(|x| &x.id).collect();
    let pos = cell.iter().position(|x| *x == card)?;
    let si = map.stage_index(&c.stage)?;
    let (stage, before) = match dir {
        Direction::Up => (
            c.stage.clone(),
            Some(cell.get(pos.checked_sub(1)?)?.to_owned().clone()),
        ),
        Direction::Down => {
            if pos + 1 >= cell.len() {
                return None;
            }
            (c.stage.clone(), cell.get(pos + 2).map(|x| (*x).clone()))
        }
        Direction::Left => (map.stages.get(si.checked_sub(1)?)?.id.clone(), None),
        Direction::Right => (map.stages.get(si + 1)?.id.clone(), None),
    };
    Some(Edit::MoveCard {
        id: card.clone(),
        stage,
        lane: c.lane.clone(),
        before,
    })
}

/// The edit that drops a dragged card onto the map: just before card `before`, or at the end of
/// the cell (`stage`, `lane`) when `before` is `None`. `None` when nothing would change.
pub fn drop_card(
    map: &JourneyMap,
    card: &Id<Card>,
    stage: &Id<Stage>,
    lane: &Id<Lane>,
    before: Option<&Id<Card>>,
) -> Option<Edit> {
    let c = map.card(card)?;
    if before == Some(card) {
        return None;
    }
    if let Some(b) = before {
        let b = map.card(b)?;
        if &b.stage != stage || &b.lane != lane {
            return None;
        }
    } else if &c.stage == stage && &c.lane == lane {
        let last = map.cards_in(stage, lane).last().map(|x| &x.id);
        if last == Some(card) {
            return None;
        }
    }
    Some(Edit::MoveCard {
        id: card.clone(),
        stage: stage.clone(),
        lane: lane.clone(),
        before: before.cloned(),
    })
}

/// The edit that drops a dragged stage onto the place of stage `onto`. `None` if it is itself.
pub fn drop_stage(map: &JourneyMap, stage: &Id<Stage>, onto: &Id<Stage>) -> Option<Edit> {
    let from = map.stage_index(stage)?;
    let to = map.stage_index(onto)?;
    (from != to).then(|| Edit::MoveStage {
        id: stage.clone(),
        to,
    })
}

/// One stage's piece of a persona's emotion curve, in units of the score (−2..=+2): the curve
/// comes in at `left` (the middle between this score and the one before), passes `score` at the
/// centre and leaves at `right`. A stage without a score has no piece; the curve jumps over it to
/// the next stage that has one (the pieces around it end flat at the edge).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePiece {
    pub left: Option<f64>,
    pub score: i8,
    pub right: Option<f64>,
}

/// The curve of `persona` across the map's stages: one entry per stage.
pub fn emotion_curve(map: &JourneyMap, persona: &Id<Persona>) -> Vec<Option<CurvePiece>> {
    let emotions = map.emotions_by_persona_and_stage();
    curve_of(map, persona, &emotions)
}

/// The curves of all the map's personas, by persona (the emotions are indexed once, not read
/// in full for each persona and stage).
pub fn emotion_curves(map: &JourneyMap) -> HashMap<Id<Persona>, Vec<Option<CurvePiece>>> {
    let emotions = map.emotions_by_persona_and_stage();
    map.personas
        .iter()
        .map(|p| (p.id.clone(), curve_of(map, &p.id, &emotions)))
        .collect()
}

fn curve_of(
    map: &JourneyMap,
    persona: &Id<Persona>,
    emotions: &HashMap<(&Id<Persona>, &Id<Stage>), &Emotion>,
) -> Vec<Option<CurvePiece>> {
    let scores: Vec<Option<i8>> = map
        .stages
        .iter()
        .map(|s| emotions.get(&(persona, &s.id)).map(|e| e.score))
        .collect();
    let n = scores.len();
    let prev = |i: usize| (0..i).rev().find_map(|j| scores[j]);
    let next = |i: usize| (i + 1..n).find_map(|j| scores[j]);
    // On a circular map the curve runs on from the last stage into the first.
    let wrap = map.circular && n > 1;
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let score = (*s)?;
            let before = if i > 0 {
                prev(i)
            } else if wrap {
                prev(n)
            } else {
                None
            };
            let after = if i + 1 < n {
                next(i)
            } else if wrap {
                scores[0].or_else(|| next(0))
            } else {
                None
            };
            let mid = |o: i8| (f64::from(o) + f64::from(score)) / 2.0;
            Some(CurvePiece {
                left: before.map(mid),
                score,
                right: after.map(mid),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Card, Emotion, Lane, Persona, SourceModel, Stage};
    use crate::domain::text::Text;

    /// The layout as it was before bars were stored once per card: one slot per track per cell,
    /// the bar's id copied into every column it covers. The reference the new layout must match.
    mod reference {
        use std::collections::HashMap;

        use super::super::{Cell, CurvePiece, Direction, Slot, Target};
        use crate::domain::model::{Card, Id, JourneyMap, Lane, Persona, Stage};

        /// The visible lanes of a map, each with one cell per stage.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct OldGrid {
            /// Visible lane ids, top to bottom.
            pub lanes: Vec<Id<Lane>>,
            /// `cells[lane][stage]`.
            pub cells: Vec<Vec<Cell>>,
        }

        impl OldGrid {
            /// Lays out the map's cards (hidden lanes are left out).
            pub fn of(map: &JourneyMap) -> OldGrid {
                let stages: HashMap<&Id<Stage>, usize> = map
                    .stages
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (&s.id, i))
                    .collect();
                let n = map.stages.len();
                let lanes: Vec<&Id<Lane>> = map
                    .lanes
                    .iter()
                    .filter(|l| !l.hidden)
                    .map(|l| &l.id)
                    .collect();
                let lane_row: HashMap<&Id<Lane>, usize> =
                    lanes.iter().enumerate().map(|(i, l)| (*l, i)).collect();
                let mut cells = vec![vec![Cell::default(); n]; lanes.len()];
                // Bars per lane: (start, end exclusive, card).
                let mut bars: Vec<Vec<(usize, usize, &Id<Card>)>> = vec![Vec::new(); lanes.len()];
                for card in &map.cards {
                    let (Some(&row), Some(&start)) =
                        (lane_row.get(&card.lane), stages.get(&card.stage))
                    else {
                        continue;
                    };
                    let end = (start + usize::from(card.span.max(1))).min(n);
                    if end - start > 1 {
                        bars[row].push((start, end, &card.id));
                    } else {
                        cells[row][start].cards.push(card.id.clone());
                    }
                }
                for (row, mut lane_bars) in bars.into_iter().enumerate() {
                    // Greedy interval colouring by start column: the fewest tracks, stable by map order.
                    lane_bars.sort_by_key(|b| b.0);
                    let mut track_end: Vec<usize> = Vec::new();
                    let mut placed = Vec::with_capacity(lane_bars.len());
                    for (start, end, id) in lane_bars {
                        let t = match track_end.iter().position(|&e| e <= start) {
                            Some(t) => t,
                            None => {
                                track_end.push(0);
                                track_end.len() - 1
                            }
                        };
                        track_end[t] = end;
                        placed.push((t, start, end, id));
                    }
                    for cell in &mut cells[row] {
                        cell.tracks = vec![Slot::Empty; track_end.len()];
                    }
                    for (t, start, end, id) in placed {
                        cells[row][start].tracks[t] = Slot::Start {
                            card: id.clone(),
                            span: end - start,
                        };
                        for cell in &mut cells[row][start + 1..end] {
                            cell.tracks[t] = Slot::Covered(id.clone());
                        }
                    }
                }
                OldGrid {
                    lanes: lanes.into_iter().cloned().collect(),
                    cells,
                }
            }

            /// The cell of a lane and stage.
            pub fn cell(&self, lane: usize, stage: usize) -> Option<&Cell> {
                self.cells.get(lane)?.get(stage)
            }

            /// The cards of a cell as the keyboard visits them: bars starting here, then the stage's own.
            pub fn visit_order(&self, lane: usize, stage: usize) -> Vec<&Id<Card>> {
                let Some(cell) = self.cell(lane, stage) else {
                    return Vec::new();
                };
                cell.tracks
                    .iter()
                    .filter_map(|s| match s {
                        Slot::Start { card, .. } => Some(card),
                        _ => None,
                    })
                    .chain(&cell.cards)
                    .collect()
            }

            /// Where a card is: (lane row, stage column, position in the cell's visit order).
            pub fn find(&self, card: &Id<Card>) -> Option<(usize, usize, usize)> {
                for (l, row) in self.cells.iter().enumerate() {
                    for s in 0..row.len() {
                        if let Some(p) = self.visit_order(l, s).iter().position(|c| *c == card) {
                            return Some((l, s, p));
                        }
                    }
                }
                None
            }

            /// The stage column a card starts in.
            pub fn column_of(&self, card: &Id<Card>) -> Option<usize> {
                self.find(card).map(|(_, s, _)| s)
            }

            /// Where an arrow key leads from a card: the next card that way, or the (empty) cell there.
            /// Up and down go through the cards of a cell, then to the cell above or below in the same
            /// stage; left and right go to the first card of the same lane in the stage before or after.
            pub fn step(&self, card: &Id<Card>, dir: Direction) -> Option<Target> {
                let (l, s, p) = self.find(card)?;
                let first_or_cell = |l: usize, s: usize| -> Target {
                    match self.visit_order(l, s).first() {
                        Some(c) => Target::Card((*c).clone()),
                        None => Target::Cell {
                            lane: self.lanes[l].clone(),
                            stage: s,
                        },
                    }
                };
                match dir {
                    Direction::Left => s.checked_sub(1).map(|s| first_or_cell(l, s)),
                    Direction::Right => {
                        (s + 1 < self.cells[l].len()).then(|| first_or_cell(l, s + 1))
                    }
                    Direction::Up => {
                        if p > 0 {
                            return Some(Target::Card(self.visit_order(l, s)[p - 1].clone()));
                        }
                        let l = l.checked_sub(1)?;
                        Some(match self.visit_order(l, s).last() {
                            Some(c) => Target::Card((*c).clone()),
                            None => Target::Cell {
                                lane: self.lanes[l].clone(),
                                stage: s,
                            },
                        })
                    }
                    Direction::Down => {
                        let here = self.visit_order(l, s);
                        if p + 1 < here.len() {
                            return Some(Target::Card(here[p + 1].clone()));
                        }
                        (l + 1 < self.lanes.len()).then(|| first_or_cell(l + 1, s))
                    }
                }
            }
        }

        /// The curve as it was: each stage's emotion found by reading the whole list.
        pub fn emotion_curve(map: &JourneyMap, persona: &Id<Persona>) -> Vec<Option<CurvePiece>> {
            let scores: Vec<Option<i8>> = map
                .stages
                .iter()
                .map(|s| map.emotion(persona, &s.id).map(|e| e.score))
                .collect();
            let n = scores.len();
            let prev = |i: usize| (0..i).rev().find_map(|j| scores[j]);
            let next = |i: usize| (i + 1..n).find_map(|j| scores[j]);
            // On a circular map the curve runs on from the last stage into the first.
            let wrap = map.circular && n > 1;
            scores
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let score = (*s)?;
                    let before = if i > 0 {
                        prev(i)
                    } else if wrap {
                        prev(n)
                    } else {
                        None
                    };
                    let after = if i + 1 < n {
                        next(i)
                    } else if wrap {
                        scores[0].or_else(|| next(0))
                    } else {
                        None
                    };
                    let mid = |o: i8| (f64::from(o) + f64::from(score)) / 2.0;
                    Some(CurvePiece {
                        left: before.map(mid),
                        score,
                        right: after.map(mid),
                    })
                })
                .collect()
        }
    }

    fn map() -> JourneyMap {
        let mut m = JourneyMap::new(
            Text::from("m"),
            SourceModel::Blank,
            jiff::Timestamp::UNIX_EPOCH,
        );
        m.stages = ["a", "b", "c", "d"]
            .iter()
            .map(|id| Stage {
                id: Id::from(*id),
                name: Text::from(*id),
                description: Text::default(),
                decision: None,
            })
            .collect();
        m.lanes.truncate(2); // touchpoint, buying_role
        m
    }

    fn card(m: &mut JourneyMap, id: &str, stage: &str, lane: usize, span: u16) {
        let lane: Lane = m.lanes[lane].clone();
        let mut c = Card::plain(Id::from(id), Id::from(stage), lane.id, Text::from(id));
        c.span = span;
        m.cards.push(c);
    }

    /// The cells of one lane, left to right.
    fn cells(g: &Grid, lane: usize) -> Vec<Cell> {
        (0..).map_while(|s| g.cell(lane, s)).collect()
    }

    fn start(id: &str, span: usize) -> Slot {
        Slot::Start {
            card: Id::from(id),
            span,
        }
    }

    #[test]
    fn bars_take_the_fewest_tracks_and_show_in_every_column_they_cross() {
        let mut m = map();
        card(&mut m, "x", "a", 0, 1);
        card(&mut m, "long", "a", 0, 3); // a..c
        card(&mut m, "late", "c", 0, 2); // c..d overlaps long at c → second track
        card(&mut m, "after", "d", 0, 9); // past the end: ends at d, a plain card
        card(&mut m, "role", "b", 1, 1);
        let g = Grid::of(&m);
        assert_eq!(
            g.lanes,
            vec![Id::from("touchpoint"), Id::from("buying_role")]
        );
        let row = cells(&g, 0);
        assert_eq!(row[0].tracks, vec![start("long", 3), Slot::Empty]);
        assert_eq!(row[0].cards, vec![Id::from("x")]);
        assert_eq!(
            row[1].tracks,
            vec![Slot::Covered(Id::from("long")), Slot::Empty]
        );
        assert_eq!(
            row[2].tracks,
            vec![Slot::Covered(Id::from("long")), start("late", 2)]
        );
        assert_eq!(
            row[3].tracks,
            vec![Slot::Empty, Slot::Covered(Id::from("late"))]
        );
        assert_eq!(row[3].cards, vec![Id::from("after")]);
        // The other lane has no bars, so no tracks.
        assert!(cells(&g, 1).iter().all(|c| c.tracks.is_empty()));
        assert_eq!(cells(&g, 1)[1].cards, vec![Id::from("role")]);
    }

    #[test]
    fn a_bar_that_ends_frees_its_track_for_the_next() {
        let mut m = map();
        card(&mut m, "p", "a", 0, 2); // a..b
        card(&mut m, "q", "c", 0, 2); // c..d: fits in track 0 again
        let g = Grid::of(&m);
        assert_eq!(cells(&g, 0)[2].tracks, vec![start("q", 2)]);
        assert_eq!(cells(&g, 0)[1].tracks, vec![Slot::Covered(Id::from("p"))]);
    }

    #[test]
    fn hidden_lanes_are_left_out() {
        let mut m = map();
        card(&mut m, "x", "a", 0, 1);
        m.lanes[0].hidden = true;
        let g = Grid::of(&m);
        assert_eq!(g.lanes, vec![Id::from("buying_role")]);
        assert!(cells(&g, 0).iter().all(|c| c.cards.is_empty()));
    }

    #[test]
    fn arrow_keys_walk_cells_lanes_and_stages() {
        let mut m = map();
        card(&mut m, "a1", "a", 0, 1);
        card(&mut m, "a2", "a", 0, 1);
        card(&mut m, "bar", "a", 0, 2);
        card(&mut m, "r", "a", 1, 1);
        card(&mut m, "c1", "c", 0, 1);
        let g = Grid::of(&m);
        let card = |s: &str| Some(Target::Card(Id::from(s)));
        // Visit order in cell (touchpoint, a): the bar, then a1, a2.
        assert_eq!(g.step(&Id::from("bar"), Direction::Down), card("a1"));
        assert_eq!(g.step(&Id::from("a1"), Direction::Up), card("bar"));
        assert_eq!(g.step(&Id::from("a2"), Direction::Down), card("r"));
        assert_eq!(g.step(&Id::from("r"), Direction::Up), card("a2"));
        assert_eq!(g.step(&Id::from("r"), Direction::Down), None);
        assert_eq!(g.step(&Id::from("bar"), Direction::Up), None);
        assert_eq!(
            g.step(&Id::from("a1"), Direction::Right),
            Some(Target::Cell {
                lane: Id::from("touchpoint"),
                stage: 1
            })
        );
        assert_eq!(
            g.step(&Id::from("c1"), Direction::Left),
            Some(Target::Cell {
                lane: Id::from("touchpoint"),
                stage: 1
            })
        );
        assert_eq!(g.step(&Id::from("a1"), Direction::Left), None);
        assert_eq!(g.column_of(&Id::from("c1")), Some(2));
        assert_eq!(g.column_of(&Id::from("bar")), Some(0));
        assert_eq!(g.step(&Id::from("nobody"), Direction::Left), None);
    }

    #[test]
    fn the_columns_in_view_and_the_ones_drawn() {
        // 160 px of headings, 266 px columns, a 1400 px view scrolled by 0 and by 2000.
        assert_eq!(columns_in_view(0.0, 1400.0, 160.0, 266.0), (0, 4));
        // The view's right edge, 3240 px past the headings' end, falls inside column 12 (3192..3458).
        assert_eq!(columns_in_view(2000.0, 1400.0, 160.0, 266.0), (6, 12));
        assert_eq!(drawn_columns(6, 12, 4, 50), (2, 16));
        assert_eq!(drawn_columns(0, 4, 4, 3), (0, 2));
        assert_eq!(drawn_columns(48, 52, 4, 50), (44, 49));
        assert_eq!(drawn_columns(0, 0, 4, 0), (0, 0));
        assert_eq!(columns_in_view(0.0, 100.0, 0.0, 0.0), (0, 0));
    }

    #[test]
    fn a_viewport_draws_the_columns_in_view_and_the_overscan() {
        // 160 px of headings, 256 px columns plus the 10 px gap, a 1400 px view: columns 0–4 in
        // view and 3 more, then scrolled by 2000: 6–12 in view, 3–15 drawn.
        let mut view = Viewport {
            scroll_left: 0.0,
            width: 1400.0,
            heads: 160.0,
            column: 256.0,
        };
        assert_eq!(view.drawn_columns(50), (0, 7));
        view.scroll_left = 2000.0;
        assert_eq!(view.drawn_columns(50), (3, 15));
        // Scrolled to the end of 14 stages: no column past the last.
        assert_eq!(view.drawn_columns(14), (3, 13));
        assert_eq!(view.drawn_columns(0), (0, 0));
        // Not measured yet (nothing drawn, so widths of 0): one column a gap wide, no panic.
        let blank = Viewport::default();
        assert_eq!(blank.drawn_columns(50), (0, 3));
    }

    #[test]
    fn revealing_a_column_outside_the_drawn_ones_centres_the_overscan_on_it() {
        assert_eq!(reveal_column((3, 15), 3, 50), None);
        assert_eq!(reveal_column((3, 15), 15, 50), None);
        assert_eq!(reveal_column((3, 15), 16, 50), Some((13, 19)));
        assert_eq!(reveal_column((3, 15), 1, 50), Some((0, 4)));
        assert_eq!(reveal_column((0, 11), 49, 50), Some((46, 49)));
        // Printing draws every column: nothing to reveal.
        assert_eq!(reveal_column(EVERY_COLUMN, 400, 500), None);
    }

    #[test]
    fn alt_arrows_move_a_card_within_its_cell_and_across_stages() {
        let mut m = map();
        card(&mut m, "a1", "a", 0, 1);
        card(&mut m, "a2", "a", 0, 1);
        card(&mut m, "a3", "a", 0, 1);
        let mv = |id: &str, d| move_card(&m, &Id::from(id), d);
        let to = |stage: &str, before: Option<&str>| {
            Some(Edit::MoveCard {
                id: Id::from("a2"),
                stage: Id::from(stage),
                lane: Id::from("touchpoint"),
                before: before.map(Id::from),
            })
        };
        assert_eq!(mv("a2", Direction::Up), to("a", Some("a1")));
        assert_eq!(mv("a2", Direction::Down), to("a", None));
        assert_eq!(mv("a2", Direction::Right), to("b", None));
        assert_eq!(mv("a2", Direction::Left), None);
        assert_eq!(mv("a1", Direction::Up), None);
        assert_eq!(mv("a3", Direction::Down), None);
        // Moving down past one card lands before the card after it.
        assert_eq!(
            mv("a1", Direction::Down),
            Some(Edit::MoveCard {
                id: Id::from("a1"),
                stage: Id::from("a"),
                lane: Id::from("touchpoint"),
                before: Some(Id::from("a3")),
            })
        );
    }

    #[test]
    fn drops_of_cards_and_stages() {
        let mut m = map();
        card(&mut m, "a1", "a", 0, 1);
        card(&mut m, "a2", "a", 0, 1);
        card(&mut m, "r", "b", 1, 1);
        let (a, b) = (Id::from("a"), Id::from("b"));
        let (tp, role) = (Id::from("touchpoint"), Id::from("buying_role"));
        assert_eq!(
            drop_card(&m, &Id::from("a2"), &a, &tp, Some(&Id::from("a1"))),
            Some(Edit::MoveCard {
                id: Id::from("a2"),
                stage: a.clone(),
                lane: tp.clone(),
                before: Some(Id::from("a1")),
            })
        );
        assert_eq!(
            drop_card(&m, &Id::from("a2"), &a, &tp, None),
            None,
            "already last"
        );
        assert_eq!(
            drop_card(&m, &Id::from("a1"), &a, &tp, Some(&Id::from("a1"))),
            None
        );
        // "before" must be in the cell dropped on.
        assert_eq!(
            drop_card(&m, &Id::from("a1"), &b, &role, Some(&Id::from("a2"))),
            None
        );
        assert!(drop_card(&m, &Id::from("a1"), &b, &role, None).is_some());
        assert_eq!(
            drop_stage(&m, &Id::from("a"), &Id::from("c")),
            Some(Edit::MoveStage {
                id: a.clone(),
                to: 2
            })
        );
        assert_eq!(drop_stage(&m, &a, &a), None);
    }

    /// Small maps of varied shape, odd things included, for comparing layouts seed by seed.
    fn varied_size(seed: u64) -> super::test_maps::Size {
        super::test_maps::Size {
            stages: (seed % 13) as usize,
            extra_lanes: (seed % 3) as usize,
            cards: (seed % 90) as usize,
            spanning: 2,
            max_span: 1 + (seed % 16) as usize,
            personas: 3,
            emotions: 0,
            odd: true,
        }
    }

    /// One slot per track: the card that starts there and its span.
    type Starts = Vec<Option<(Id<Card>, usize)>>;

    /// A drawn cell, its gaps expanded back into one slot per track (starts only).
    fn expand(d: &DrawnCell) -> (Starts, Vec<Id<Card>>) {
        let mut out = Vec::new();
        for t in &d.tracks {
            match t {
                Drawn::Bar { track, card, span } => {
                    assert_eq!(*track, out.len());
                    out.push(Some((card.clone(), *span)));
                }
                Drawn::Gap { track, tracks } => {
                    assert_eq!(*track, out.len());
                    assert!(*tracks > 0);
                    out.extend(std::iter::repeat_n(None, *tracks));
                }
            }
        }
        // Two gaps never follow each other.
        assert!(!d
            .tracks
            .windows(2)
            .any(|w| matches!(w, [Drawn::Gap { .. }, Drawn::Gap { .. }])));
        (out, d.cards.clone())
    }

    #[test]
    fn a_drawn_cell_has_the_cells_bars_on_their_tracks_with_runs_of_the_rest_merged() {
        use super::test_maps::random_map;
        for seed in 0..300 {
            let m = random_map(seed, varied_size(seed));
            let g = Grid::of(&m);
            for l in 0..=g.lanes.len() {
                for s in 0..=m.stages.len() {
                    let (cell, drawn) = (g.cell(l, s), g.drawn_cell(l, s));
                    assert_eq!(cell.is_some(), drawn.is_some(), "seed {seed} {l} {s}");
                    let (Some(cell), Some(drawn)) = (cell, drawn) else {
                        continue;
                    };
                    let starts: Vec<_> = cell
                        .tracks
                        .iter()
                        .map(|t| match t {
                            Slot::Start { card, span } => Some((card.clone(), *span)),
                            _ => None,
                        })
                        .collect();
                    assert_eq!(expand(&drawn), (starts, cell.cards), "seed {seed} {l} {s}");
                }
            }
        }
    }

    #[test]
    fn a_lane_of_thousands_of_overlapping_bars_draws_a_few_pieces_per_cell() {
        use super::test_maps::{random_map, WIDE};
        let m = random_map(1, WIDE);
        let g = Grid::of(&m);
        let (mut slots, mut drawn, mut starts, mut cell_starts) = (0, 0, 0, 0);
        let mut bars = std::collections::HashSet::new();
        for l in 0..g.lanes.len() {
            for s in 0..m.stages.len() {
                let cell = g.cell(l, s).unwrap();
                let d = g.drawn_cell(l, s).unwrap();
                slots += cell.tracks.len();
                cell_starts += cell
                    .tracks
                    .iter()
                    .filter(|t| matches!(t, Slot::Start { .. }))
                    .count();
                drawn += d.tracks.len();
                let mut here = 0;
                for t in &d.tracks {
                    if let Drawn::Bar { card, .. } = t {
                        here += 1;
                        // Every bar is drawn once, where it starts.
                        assert!(bars.insert(card.clone()), "{card} drawn twice");
                    }
                }
                assert!(d.tracks.len() <= 2 * here + 1);
                starts += here;
            }
        }
        assert_eq!(starts, cell_starts);
        assert!(starts > 15_000, "{starts} bars");
        assert!(slots > 100 * drawn, "{slots} slots, {drawn} drawn");
    }

    #[test]
    fn the_layout_and_the_arrow_keys_match_the_reference_on_varied_maps() {
        use super::test_maps::random_map;
        use reference::OldGrid;
        for seed in 0..300 {
            let m = random_map(seed, varied_size(seed));
            let (new, old) = (Grid::of(&m), OldGrid::of(&m));
            assert_eq!(new.lanes, old.lanes, "seed {seed}");
            for l in 0..=new.lanes.len() {
                for s in 0..=m.stages.len() {
                    assert_eq!(
                        new.cell(l, s),
                        old.cell(l, s).cloned(),
                        "seed {seed} {l} {s}"
                    );
                    assert_eq!(new.visit_order(l, s), old.visit_order(l, s));
                }
            }
            let ids = m
                .cards
                .iter()
                .map(|c| c.id.clone())
                .chain([Id::from("nobody")]);
            for id in ids {
                assert_eq!(new.find(&id), old.find(&id), "seed {seed} {id}");
                assert_eq!(new.column_of(&id), old.column_of(&id));
                for dir in [
                    Direction::Up,
                    Direction::Down,
                    Direction::Left,
                    Direction::Right,
                ] {
                    assert_eq!(new.step(&id, dir), old.step(&id, dir), "seed {seed} {id}");
                }
            }
        }
    }

    #[test]
    fn the_emotion_curves_match_the_reference_on_varied_maps() {
        use super::test_maps::{random_map, Size};
        for seed in 0..100 {
            let size = Size {
                stages: (seed % 9) as usize,
                extra_lanes: 0,
                cards: 0,
                spanning: 0,
                max_span: 1,
                personas: 1 + (seed % 5) as usize,
                emotions: (seed % 40) as usize,
                odd: true,
            };
            let m = random_map(seed, size);
            for p in m.personas.iter().map(|p| &p.id).chain([&Id::from("gone")]) {
                let old = reference::emotion_curve(&m, p);
                assert_eq!(emotion_curve(&m, p), old, "seed {seed} {p}");
            }
            // As the canvas collected them before.
            let old: HashMap<_, _> = m
                .personas
                .iter()
                .map(|p| (p.id.clone(), reference::emotion_curve(&m, &p.id)))
                .collect();
            assert_eq!(emotion_curves(&m), old, "seed {seed}");
        }
    }

    /// Timing harness: `cargo test --release --lib -- --ignored --nocapture big_map`.
    #[test]
    #[ignore = "timing harness"]
    fn big_map_canvas_timing() {
        use super::test_maps::{random_map, BIG, WIDE};
        // The emotions do not depend on the cards: their curves are timed on the first map only.
        for (name, size, curves) in [("BIG", BIG, true), ("WIDE", WIDE, false)] {
            let m = random_map(1, size);
            print!("{name} ");
            canvas_timing(&m, curves);
        }
    }

    fn canvas_timing(m: &JourneyMap, curves: bool) {
        use super::test_maps::millis;
        let spanned: usize = m.cards.iter().map(|c| m.card_stages(c).len()).sum();
        println!(
            "map: {} stages, {} lanes, {} cards (covering {spanned} stage cells), {} personas, {} emotions",
            m.stages.len(),
            m.lanes.len(),
            m.cards.len(),
            m.personas.len(),
            m.emotions.len()
        );
        let (old, before) = millis(|| reference::OldGrid::of(m));
        let (g, after) = millis(|| Grid::of(m));
        println!("Grid::of: before {before:.1} ms, after {after:.1} ms");
        let steps = |g: &dyn Fn(&Id<Card>) -> Option<Target>| {
            millis(|| m.cards.iter().take(200).filter_map(|c| g(&c.id)).count()).1
        };
        let before = steps(&|c| old.step(c, Direction::Down));
        let after = steps(&|c| g.step(c, Direction::Down));
        println!("Grid::step of 200 cards: before {before:.1} ms, after {after:.1} ms");
        drop(old);
        // What the canvas draws: the cells of about 17 columns (in view and on each side).
        let g = &g;
        let (slots, ms) = millis(|| {
            (0..g.lanes.len())
                .flat_map(|l| (0..17).filter_map(move |s| g.cell(l, s)))
                .map(|c| c.tracks.len() + c.cards.len())
                .sum::<usize>()
        });
        println!("Grid::cell of 17 columns × every lane ({slots} slots and cards): {ms:.1} ms");
        if !curves {
            return;
        }
        let (old, before) = millis(|| {
            m.personas
                .iter()
                .map(|p| (p.id.clone(), reference::emotion_curve(m, &p.id)))
                .collect::<HashMap<_, _>>()
        });
        let (new, after) = millis(|| emotion_curves(m));
        assert_eq!(new, old);
        println!("emotion curves of all personas: before {before:.1} ms, after {after:.1} ms");
    }

    #[test]
    fn the_emotion_curve_meets_halfway_and_skips_stages_without_a_score() {
        let mut m = map();
        m.personas.push(Persona {
            id: Id::from("cfo"),
            name: Text::from("CFO"),
            description: Text::default(),
        });
        for (stage, score) in [("a", -2), ("b", 1), ("d", 2)] {
            m.emotions.push(Emotion {
                persona: Id::from("cfo"),
                stage: Id::from(stage),
                score,
                note: String::new(),
            });
        }
        let c = emotion_curve(&m, &Id::from("cfo"));
        assert_eq!(
            c,
            vec![
                Some(CurvePiece {
                    left: None,
                    score: -2,
                    right: Some(-0.5)
                }),
                Some(CurvePiece {
                    left: Some(-0.5),
                    score: 1,
                    right: Some(1.5)
                }),
                None,
                Some(CurvePiece {
                    left: Some(1.5),
                    score: 2,
                    right: None
                }),
            ]
        );
        m.circular = true;
        let c = emotion_curve(&m, &Id::from("cfo"));
        assert_eq!(c[0].unwrap().left, Some(0.0), "from d (+2) into a (−2)");
        assert_eq!(c[3].unwrap().right, Some(0.0));
        assert!(emotion_curve(&m, &Id::from("nobody"))
            .iter()
            .all(Option::is_none));
    }
}

/// Generated maps for the tests of the canvas and of the text export: big ones at the file
/// format's limits for the timing harnesses, small varied ones (hidden lanes, cards and
/// emotions pointing at missing stages, lanes or personas, duplicates, spans past the end) for
/// comparing the layout and the exports with their straightforward reference versions.
#[cfg(test)]
pub(crate) mod test_maps {
    use crate::domain::model::{
        Card, CardKind, DecisionPoint, Destination, Emotion, Id, JourneyMap, Lane, Outcome,
        Persona, SourceModel, Stage,
    };
    use crate::domain::text::Text;

    /// A small deterministic random source (xorshift64*).
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Rng {
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// A number in `0..n` (`n` > 0).
        pub fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n as u64) as usize
        }

        /// True one time in `n`.
        pub fn one_in(&mut self, n: usize) -> bool {
            self.below(n) == 0
        }
    }

    /// How big a generated map is.
    #[derive(Clone, Copy, Debug)]
    pub struct Size {
        pub stages: usize,
        /// Lanes besides the standard ones.
        pub extra_lanes: usize,
        pub cards: usize,
        /// One card in `spanning` spans several stages (0: none does).
        pub spanning: usize,
        /// The longest span.
        pub max_span: usize,
        pub personas: usize,
        pub emotions: usize,
        /// Whether to put in the odd things the loader would refuse (missing references,
        /// duplicate ids) and that the layout and exports must still handle as before.
        pub odd: bool,
    }

    /// The file format's limits (`document::limits`): 500 stages, 20 000 cards (a third of them
    /// spanning up to 500 stages), 500 personas, 20 000 emotions.
    pub const BIG: Size = Size {
        stages: 500,
        extra_lanes: 13,
        cards: 20_000,
        spanning: 3,
        max_span: 500,
        personas: 500,
        emotions: 20_000,
        odd: false,
    };

    /// As [`BIG`], but every card spans up to 500 stages and there are only the standard lanes:
    /// thousands of bars overlap in each lane.
    pub const WIDE: Size = Size {
        extra_lanes: 0,
        spanning: 1,
        ..BIG
    };

    const WORDS: [&str; 12] = [
        "call",
        "demo",
        "# heading",
        "1. list",
        "web*site*",
        "a|b",
        "line\nbreak",
        "price: high",
        "CFO, CEO",
        "trial; day #3",
        "",
        "— ok",
    ];

    fn text(rng: &mut Rng, words: usize) -> Text {
        let n = 1 + rng.below(words);
        let t: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        Text::from(t.join(" ").as_str())
    }

    /// A random map of the given size.
    pub fn random_map(seed: u64, size: Size) -> JourneyMap {
        let mut rng = Rng::new(seed);
        let mut m = JourneyMap::new(
            Text::from("Big # map"),
            SourceModel::Blank,
            jiff::Timestamp::UNIX_EPOCH,
        );
        m.circular = rng.one_in(2);
        m.stages = (0..size.stages)
            .map(|i| Stage {
                id: Id::new(format!("s{i}")),
                name: text(&mut rng, 3),
                description: if rng.one_in(3) {
                    text(&mut rng, 6)
                } else {
                    Text::default()
                },
                decision: None,
            })
            .collect();
        // Ids given twice: searches find the first.
        for i in 1..size.stages {
            if size.odd && rng.one_in(8) {
                m.stages[i].id = Id::new(format!("s{}", rng.below(i)));
            }
        }
        for i in 0..size.stages {
            if !rng.one_in(10) {
                continue;
            }
            let outcomes = (0..1 + rng.below(4))
                .map(|o| Outcome {
                    id: Id::new(format!("o{i}-{o}")),
                    name: text(&mut rng, 2),
                    leads_to: match rng.below(if size.odd { 3 } else { 2 }) {
                        0 => Destination::Exit,
                        1 => Destination::Stage(Id::new(format!("s{}", rng.below(size.stages)))),
                        _ => Destination::Stage(Id::from("gone")),
                    },
                })
                .collect();
            m.stages[i].decision = Some(DecisionPoint {
                question: text(&mut rng, 3),
                outcomes,
            });
        }
        for i in 0..size.extra_lanes {
            m.lanes.push(Lane {
                id: Id::new(format!("lane{i}")),
                name: text(&mut rng, 2),
                kind: CardKind::ALL[rng.below(CardKind::ALL.len())],
                hidden: false,
            });
        }
        for l in &mut m.lanes {
            l.hidden = size.odd && rng.one_in(4);
        }
        m.personas = (0..size.personas)
            .map(|i| Persona {
                id: Id::new(format!("p{i}")),
                name: text(&mut rng, 2),
                description: Text::default(),
            })
            .collect();
        for i in 1..size.personas {
            if size.odd && rng.one_in(8) {
                m.personas[i].id = Id::new(format!("p{}", rng.below(i)));
            }
        }
        let pick = |rng: &mut Rng, n: usize, prefix: &str| {
            if size.odd && rng.one_in(20) {
                Id::from("gone")
            } else {
                Id::new(format!("{prefix}{}", rng.below(n.max(1))))
            }
        };
        for i in 0..size.cards {
            let stage = pick(&mut rng, size.stages, "s").cast();
            let lane = if size.odd && rng.one_in(20) {
                Id::from("gone")
            } else {
                m.lanes[rng.below(m.lanes.len())].id.clone()
            };
            let id = if size.odd && rng.one_in(15) && i > 0 {
                Id::new(format!("c{}", rng.below(i)))
            } else {
                Id::new(format!("c{i}"))
            };
            let mut c = Card::plain(id, stage, lane, text(&mut rng, 5));
            if size.spanning > 0 && rng.one_in(size.spanning) {
                c.span = (2 + rng.below(size.max_span.max(2) - 1)) as u16;
            } else if size.odd && rng.one_in(10) {
                c.span = 0;
            }
            if size.personas > 0 && rng.one_in(3) {
                c.persona = Some(pick(&mut rng, size.personas, "p"));
            }
            m.cards.push(c);
        }
        for _ in 0..size.emotions {
            m.emotions.push(Emotion {
                persona: pick(&mut rng, size.personas, "p"),
                stage: pick(&mut rng, size.stages, "s").cast(),
                score: rng.below(5) as i8 - 2,
                note: if rng.one_in(3) {
                    text(&mut rng, 3)
                        .get(crate::domain::text::Lang::En)
                        .to_owned()
                } else {
                    String::new()
                },
            });
        }
        m
    }

    /// Milliseconds `f` takes.
    pub fn millis<T>(f: impl FnOnce() -> T) -> (T, f64) {
        let t = std::time::Instant::now();
        let out = f();
        (out, t.elapsed().as_secs_f64() * 1000.0)
    }
}
