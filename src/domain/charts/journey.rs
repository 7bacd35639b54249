//! The journey map as a diagram: a linear grid (stages as columns, lanes and emotions as rows)
//! or a circle (stages clockwise from the top), with the decision points' outcomes as arrows.
//!
//! Both layouts read the map directly and return positions, path strings and shortened labels
//! that `ui::diagram` only draws. Moves are kept apart by their direction:
//!
//! * **forward** (to a later stage) — an arc *above* the stages, from the decision's diamond to
//!   the top of the target stage;
//! * **backward** or to the same stage (a loop) — a line down from the diamond into a lane of its
//!   own *below* the stages, left along it and up into the target, marked "↺";
//! * **exit** (out of the journey) — a branch off the same line into an exit marker (⊗) under the
//!   decision's stage, labelled with the outcome and the word "exit";
//! * on a circular map, the last stage's link back to the first is a backward move too
//!   ([`ArrowKind::Closing`]), unless one of its outcomes already leads there.
//!
//! In the circular layout the stage-to-stage links are arcs of the circle, outcomes to a stage
//! are chords bent towards the centre (a loop on the same stage is a small loop inside), and
//! exits run to one exit marker in the centre.

use crate::domain::model::Lane;
use crate::domain::model::Stage;
use crate::domain::Persona;
use std::f64::consts::PI;
use std::fmt::Write as _;
use std::ops::Range;

use super::text::{fit_text, text_width};
use super::Anchor;
use crate::domain::model::{Card, Destination, Id, JourneyMap, Outcome};
use crate::domain::text::Lang;

/// The width of the left gutter holding lane and persona names.
pub const GUTTER: f64 = 150.0;
/// The width of one stage column.
pub const COLUMN: f64 = 180.0;
/// The gap between a stage box and its column's edges.
pub const BOX_INSET: f64 = 14.0;
/// The height of a stage box.
pub const BOX_HEIGHT: f64 = 48.0;
/// Half the diagonal of a decision diamond.
pub const DIAMOND: f64 = 9.0;
/// The vertical room of one exit branch.
pub const EXIT_STEP: f64 = 22.0;
/// The vertical room of one backward lane (its label sits above its line).
pub const BACK_STEP: f64 = 24.0;
/// The height of a forward arc to the next stage; each further stage adds [`FORWARD_STEP`].
pub const FORWARD_BASE: f64 = 28.0;
/// See [`FORWARD_BASE`].
pub const FORWARD_STEP: f64 = 16.0;
/// The height of a card.
pub const CARD_HEIGHT: f64 = 22.0;
/// The vertical room of one card slot in a lane.
pub const CARD_STEP: f64 = 26.0;
/// The height of one persona's emotion row.
pub const EMOTION_ROW: f64 = 80.0;
/// Units per emotion point (−2..+2 spans ±2 × this from the row's middle).
pub const EMOTION_UNIT: f64 = 12.0;
/// The font size of stage names.
pub const STAGE_FONT: f64 = 13.0;
/// The font size of card titles, lane names and arrow labels.
pub const FONT: f64 = 11.0;
/// The radius of an exit marker.
pub const EXIT_R: f64 = 6.0;
/// The mark written before the label of a backward move.
pub const BACK_MARK: &str = "↺";
/// The mark of an exit.
pub const EXIT_MARK: &str = "⊗";

/// What an arrow of the diagram stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrowKind {
    /// From a stage without a decision to the next one.
    Next,
    /// An outcome leading to a later stage.
    Forward,
    /// An outcome leading to an earlier stage.
    Backward,
    /// An outcome leading back into its own stage.
    SelfLoop,
    /// An outcome leading out of the journey.
    Exit,
    /// A circular map's link from its last stage back to its first.
    Closing,
}

impl ArrowKind {
    /// The CSS classes of the kind (`backward` for every move back).
    pub fn class(self) -> &'static str {
        match self {
            ArrowKind::Next => "next",
            ArrowKind::Forward => "forward",
            ArrowKind::Backward => "backward",
            ArrowKind::SelfLoop => "backward self",
            ArrowKind::Exit => "exit",
            ArrowKind::Closing => "backward closing",
        }
    }

    /// Whether the arrow is a move back (drawn with [`BACK_MARK`]).
    pub fn is_back(self) -> bool {
        matches!(
            self,
            ArrowKind::Backward | ArrowKind::SelfLoop | ArrowKind::Closing
        )
    }
}

/// An arrow: a stage link or a decision outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// What it stands for.
    pub kind: ArrowKind,
    /// The index of the stage it starts from.
    pub from: usize,
    /// The index of the stage it leads to (`None` for an exit).
    pub to: Option<usize>,
    /// The outcome it draws, if it is one.
    pub outcome: Option<Id<Outcome>>,
    /// The path (drawn with an arrow head at its end).
    pub d: String,
    /// The visible label, shortened to its room (may be empty).
    pub label: String,
    /// The whole move in words: "From → To: Outcome".
    pub title: String,
    /// Where the label goes.
    pub label_x: f64,
    /// The label's baseline.
    pub label_y: f64,
    /// How the label is anchored at `label_x`.
    pub label_anchor: Anchor,
}

/// A stage box of the linear layout.
#[derive(Clone, Debug, PartialEq)]
pub struct StageBox {
    pub id: Id<Stage>,
    /// The name, shortened to the box.
    pub label: String,
    pub full_label: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The centre of the name.
    pub text_x: f64,
    /// The baseline of the name.
    pub text_y: f64,
    /// The decision's diamond (its `points`), if the stage ends in one.
    pub diamond: Option<String>,
    /// The decision's question, if any.
    pub question: Option<String>,
}

/// An exit marker.
#[derive(Clone, Debug, PartialEq)]
pub struct ExitMarker {
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
}

/// A lane row of the linear layout.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneRow {
    pub id: Id<Lane>,
    /// The lane's name, shortened to the gutter.
    pub label: String,
    pub full_label: String,
    /// The top of the row.
    pub y: f64,
    pub height: f64,
    /// The baseline of the name.
    pub label_y: f64,
}

/// A card drawn across the columns it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct CardBox {
    pub id: Id<Card>,
    /// The title, shortened to the box.
    pub label: String,
    pub full_label: String,
    /// How many columns it covers.
    pub columns: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Where the title starts.
    pub text_x: f64,
    /// The baseline of the title.
    pub text_y: f64,
}

/// One persona's emotion in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionPoint {
    pub stage: usize,
    pub score: i8,
    pub x: f64,
    pub y: f64,
    /// The score as text: "+2", "+1", "0", "−1", "−2".
    pub text: String,
    /// The baseline of the score text (above the point).
    pub text_y: f64,
}

/// One persona's emotion curve.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionRow {
    pub persona: Id<Persona>,
    pub label: String,
    pub full_label: String,
    /// The top of the row.
    pub y: f64,
    pub height: f64,
    /// The y of a score of 0.
    pub zero_y: f64,
    /// The baseline of the persona's name.
    pub label_y: f64,
    /// The points in stage order (stages without a score are left out).
    pub points: Vec<EmotionPoint>,
    /// The `points` attribute of the polyline through them.
    pub polyline: String,
}

/// The linear diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct LinearLayout {
    pub width: f64,
    pub height: f64,
    /// The left edge of each stage column.
    pub columns: Vec<f64>,
    /// The top of the lane rows (column separators run from here to `height`).
    pub grid_top: f64,
    pub stages: Vec<StageBox>,
    pub arrows: Vec<Arrow>,
    pub exits: Vec<ExitMarker>,
    pub lanes: Vec<LaneRow>,
    pub cards: Vec<CardBox>,
    pub emotions: Vec<EmotionRow>,
}

/// A stage of the circular layout.
#[derive(Clone, Debug, PartialEq)]
pub struct CircleStage {
    pub id: Id<Stage>,
    /// Its number on the circle (1 = the top).
    pub number: String,
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    pub label: String,
    pub full_label: String,
    pub label_x: f64,
    pub label_y: f64,
    pub label_anchor: Anchor,
    /// Whether the stage ends in a decision (drawn as a diamond on the node).
    pub decision: bool,
}

/// The circular diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct CircularLayout {
    pub width: f64,
    pub height: f64,
    pub cx: f64,
    pub cy: f64,
    pub radius: f64,
    pub stages: Vec<CircleStage>,
    pub arrows: Vec<Arrow>,
    /// The exit marker in the centre, if any outcome leads out.
    pub exit: Option<ExitMarker>,
}

/// A coordinate in a path (one decimal is finer than a pixel).
fn p(v: f64) -> String {
    let s = format!("{v:.1}");
    if s == "-0.0" {
        "0.0".to_owned()
    } else {
        s
    }
}

/// An emotion score as text, with a real minus sign.
pub fn score_text(score: i8) -> String {
    match score {
        s if s > 0 => format!("+{s}"),
        0 => "0".to_owned(),
        s => format!("−{}", -i16::from(s)),
    }
}

/// How an outcome is drawn: (index of its stage, the outcome, kind, index of the target stage;
/// `None` for an exit).
type Move<'a> = (usize, &'a Outcome, ArrowKind, Option<usize>);

/// How each outcome of the map is drawn, in stage and outcome order.
fn outcome_moves(map: &JourneyMap) -> Vec<Move<'_>> {
    let mut out = Vec::new();
    for (i, stage) in map.stages.iter().enumerate() {
        let Some(decision) = &stage.decision else {
            continue;
        };
        for o in &decision.outcomes {
            match &o.leads_to {
                Destination::Exit => out.push((i, o, ArrowKind::Exit, None)),
                Destination::Stage(id) => {
                    let Some(t) = map.stage_index(id) else {
                        continue;
                    };
                    let kind = match t.cmp(&i) {
                        std::cmp::Ordering::Greater => ArrowKind::Forward,
                        std::cmp::Ordering::Equal => ArrowKind::SelfLoop,
                        std::cmp::Ordering::Less => ArrowKind::Backward,
                    };
                    out.push((i, o, kind, Some(t)));
                }
            }
        }
    }
    out
}

/// "{name} → {exit}" in `room` (bold labels run wider than the estimate, so with some slack),
/// the name shortened first so that the word for leaving always shows.
fn exit_text(name: &str, exit: &str, room: f64) -> String {
    let suffix = format!(" → {exit}");
    let room = room - 20.0 - text_width(&suffix, FONT);
    format!("{}{suffix}", fit_text(name, room, FONT))
}

/// Whether a circular map needs its own closing link (no outcome of the last stage already
/// leads to the first).
fn needs_closing(map: &JourneyMap) -> bool {
    let n = map.stages.len();
    if !map.circular || n < 2 {
        return false;
    }
    let first = &map.stages[0].id;
    !map.stages[n - 1].decision.as_ref().is_some_and(|d| {
        d.outcomes
            .iter()
            .any(|o| o.leads_to == Destination::Stage(first.clone()))
    })
}

fn arrow_title(
    map: &JourneyMap,
    lang: Lang,
    from: usize,
    to: Option<usize>,
    outcome: &str,
    exit: &str,
) -> String {
    let from = map.stages[from].name.get(lang);
    let to = to.map_or(exit, |t| map.stages[t].name.get(lang));
    if outcome.is_empty() {
        format!("{from} → {to}")
    } else {
        format!("{from} → {to}: {outcome}")
    }
}

/// Lays out `map` as a linear grid, in `lang`, with `exit` as the word for leaving the journey.
///
/// From the top: room for the forward arcs ([`stage_band`]), the stage boxes
/// ([`stage_boxes`], linked by [`next_links`]), one row per exit branch ([`exit_branches`]), one
/// lane per backward move ([`backward_lanes`]), then the lanes with their cards ([`lane_rows`])
/// and one row per persona's emotions ([`emotion_rows`]).
pub fn layout_linear(map: &JourneyMap, lang: Lang, exit: &str) -> LinearLayout {
    let n = map.stages.len();
    let moves = outcome_moves(map);
    let band = stage_band(&moves);
    let stages = stage_boxes(map, lang, band);

    let mut arrows = next_links(map, lang, exit, band);
    let exits = exit_branches(map, lang, exit, &moves, band);
    arrows.extend(exits.arrows);
    let back_top = band.bottom() + EXIT_STEP * exits.rows as f64;
    let backs = backward_lanes(map, lang, exit, &moves, band, back_top);
    let back_count = backs.len();
    arrows.extend(backs);
    arrows.extend(forward_arcs(map, lang, exit, &moves, band));

    let grid_top = back_top + BACK_STEP * back_count as f64 + 14.0;
    let (lanes, cards) = lane_rows(map, lang, grid_top);
    let emotion_top = lanes.last().map_or(grid_top, |l| l.y + l.height);
    let emotions = emotion_rows(map, lang, emotion_top);
    let bottom = emotions.last().map_or(emotion_top, |e| e.y + e.height);

    LinearLayout {
        width: GUTTER + n as f64 * COLUMN + 20.0,
        height: bottom + 10.0,
        columns: (0..n).map(column_left).collect(),
        grid_top,
        stages,
        arrows,
        exits: exits.markers,
        lanes,
        cards,
        emotions,
    }
}

/// The left edge of stage column `i` in the linear layout.
pub fn column_left(i: usize) -> f64 {
    GUTTER + i as f64 * COLUMN
}

/// The right edge of stage column `i`, where the stage's decision diamond sits.
fn column_edge(i: usize) -> f64 {
    column_left(i) + COLUMN
}

/// The height of a forward arc from stage `from` to stage `to`: [`FORWARD_BASE`] to the next
/// stage, [`FORWARD_STEP`] more for each stage skipped, up to six.
fn forward_height(from: usize, to: usize) -> f64 {
    FORWARD_BASE + FORWARD_STEP * (to.saturating_sub(from + 1)).min(6) as f64
}

/// Where the stage boxes of the linear layout sit, from the top.
#[derive(Clone, Copy, Debug, PartialEq)]
struct StageBand {
    /// The top of the boxes.
    top: f64,
}

impl StageBand {
    /// The boxes' middle: where stage links run and diamonds are centred.
    fn mid(self) -> f64 {
        self.top + BOX_HEIGHT / 2.0
    }

    /// The bottom of the boxes.
    fn bottom(self) -> f64 {
        self.top + BOX_HEIGHT
    }
}

/// The stage boxes' band, below room for the tallest forward arc of `moves` and its label (a
/// small margin when nothing moves forward).
fn stage_band(moves: &[Move<'_>]) -> StageBand {
    let max_h = moves
        .iter()
        .filter(|m| m.2 == ArrowKind::Forward)
        .filter_map(|m| m.3.map(|t| forward_height(m.0, t)))
        .fold(0.0, f64::max);
    let top = if max_h > 0.0 {
        0.75 * max_h + 24.0
    } else {
        12.0
    };
    StageBand { top }
}

/// One box per stage, inset in its column, with its name shortened to the box and a diamond at
/// the column's right edge when the stage ends in a decision.
fn stage_boxes(map: &JourneyMap, lang: Lang, band: StageBand) -> Vec<StageBox> {
    let mid = band.mid();
    map.stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let full = s.name.get(lang).to_owned();
            let w = COLUMN - 2.0 * BOX_INSET;
            let x_d = column_edge(i);
            StageBox {
                id: s.id.clone(),
                label: fit_text(&full, w - 32.0, STAGE_FONT),
                full_label: full,
                x: column_left(i) + BOX_INSET,
                y: band.top,
                width: w,
                height: BOX_HEIGHT,
                text_x: column_left(i) + COLUMN / 2.0,
                text_y: mid + STAGE_FONT * 0.35,
                diamond: s.decision.as_ref().map(|_| {
                    format!(
                        "{},{} {},{} {},{} {},{}",
                        p(x_d),
                        p(mid - DIAMOND),
                        p(x_d + DIAMOND),
                        p(mid),
                        p(x_d),
                        p(mid + DIAMOND),
                        p(x_d - DIAMOND),
                        p(mid)
                    )
                }),
                question: s.decision.as_ref().map(|d| d.question.get(lang).to_owned()),
            }
        })
        .collect()
}

/// The links from each stage without a decision to the next one, across the gap between their
/// boxes (the last stage has none: a circular map closes in [`backward_lanes`]).
fn next_links(map: &JourneyMap, lang: Lang, exit: &str, band: StageBand) -> Vec<Arrow> {
    let n = map.stages.len();
    let mid = band.mid();
    (0..n.saturating_sub(1))
        .filter(|&i| map.stages[i].decision.is_none())
        .map(|i| {
            let x_d = column_edge(i);
            Arrow {
                kind: ArrowKind::Next,
                from: i,
                to: Some(i + 1),
                outcome: None,
                d: format!("M{} {}H{}", p(x_d - BOX_INSET), p(mid), p(x_d + BOX_INSET)),
                label: String::new(),
                title: arrow_title(map, lang, i, Some(i + 1), "", exit),
                label_x: x_d,
                label_y: mid,
                label_anchor: Anchor::Middle,
            }
        })
        .collect()
}

/// The exits of the linear layout: see [`exit_branches`].
#[derive(Clone, Debug, PartialEq)]
struct ExitBranches {
    /// One marker per exit.
    markers: Vec<ExitMarker>,
    /// One arrow per exit, in the order of `markers`.
    arrows: Vec<Arrow>,
    /// How many rows the branches take under the boxes (the most exits of one stage).
    rows: usize,
}

/// The exits: each branches off its stage's diamond into a marker under the stage, one row per
/// exit of that stage, labelled with the outcome (shortened first, so that the word for leaving
/// always shows) and `exit`.
fn exit_branches(
    map: &JourneyMap,
    lang: Lang,
    exit: &str,
    moves: &[Move<'_>],
    band: StageBand,
) -> ExitBranches {
    let mut branches = ExitBranches {
        markers: Vec::new(),
        arrows: Vec::new(),
        rows: 0,
    };
    let mut exit_index = vec![0usize; map.stages.len()];
    for &(i, o, kind, _) in moves {
        if kind != ArrowKind::Exit {
            continue;
        }
        let row = exit_index[i];
        exit_index[i] += 1;
        branches.rows = branches.rows.max(row + 1);
        let x_d = column_edge(i);
        let y = band.bottom() + EXIT_STEP * (row + 1) as f64;
        let marker_x = column_left(i) + 40.0 + EXIT_R;
        let name = o.name.get(lang).to_owned();
        let text = exit_text(&name, exit, x_d - 4.0 - (marker_x + EXIT_R + 4.0));
        branches.markers.push(ExitMarker {
            cx: marker_x,
            cy: y,
            r: EXIT_R,
        });
        branches.arrows.push(Arrow {
            kind,
            from: i,
            to: None,
            outcome: Some(o.id.clone()),
            d: format!(
                "M{} {}V{}H{}",
                p(x_d),
                p(band.mid() + DIAMOND),
                p(y),
                p(marker_x + EXIT_R)
            ),
            label: text,
            title: arrow_title(map, lang, i, None, &name, exit),
            label_x: x_d - 4.0,
            label_y: y - 4.0,
            label_anchor: Anchor::End,
        });
    }
    branches
}

/// The backward moves, self-loops and a circular map's closing link: one lane each below `top`
/// (the exit rows), shorter spans nearer the stages. Each runs down from its diamond (the
/// closing link: out of the last box), along its lane and up into the target's box.
fn backward_lanes(
    map: &JourneyMap,
    lang: Lang,
    exit: &str,
    moves: &[Move<'_>],
    band: StageBand,
    top: f64,
) -> Vec<Arrow> {
    let mid = band.mid();
    let mut backs: Vec<(usize, Option<&Outcome>, ArrowKind, usize)> = moves
        .iter()
        .filter(|m| m.2.is_back())
        .map(|&(i, o, kind, t)| (i, Some(o), kind, t.unwrap_or(i)))
        .collect();
    if needs_closing(map) {
        backs.push((map.stages.len() - 1, None, ArrowKind::Closing, 0));
    }
    backs.sort_by_key(|&(i, _, _, t)| (i - t, i));
    backs
        .iter()
        .enumerate()
        .map(|(j, &(i, k, kind, t))| {
            let y = top + BACK_STEP * (j + 1) as f64;
            let x_d = column_edge(i);
            let x_t = column_left(t) + BOX_INSET + 10.0;
            let start = match k {
                Some(_) => format!("M{} {}", p(x_d), p(mid + DIAMOND)),
                None => format!("M{} {}H{}", p(x_d - BOX_INSET), p(mid), p(x_d)),
            };
            let d = format!(
                "{start}V{}Q{} {} {} {}H{}Q{} {} {} {}V{}",
                p(y - 8.0),
                p(x_d),
                p(y),
                p(x_d - 8.0),
                p(y),
                p(x_t + 8.0),
                p(x_t),
                p(y),
                p(x_t),
                p(y - 8.0),
                p(band.bottom())
            );
            let (name, outcome) = match k {
                Some(o) => (o.name.get(lang).to_owned(), Some(o.id.clone())),
                None => (String::new(), None),
            };
            let text = if name.is_empty() {
                BACK_MARK.to_owned()
            } else {
                format!("{BACK_MARK} {name}")
            };
            Arrow {
                kind,
                from: i,
                to: Some(t),
                outcome,
                d,
                label: fit_text(&text, (x_d - x_t - 24.0).max(COLUMN / 2.0), FONT),
                title: arrow_title(map, lang, i, Some(t), &name, exit),
                label_x: (x_d + x_t) / 2.0,
                label_y: y - 5.0,
                label_anchor: Anchor::Middle,
            }
        })
        .collect()
}

/// The forward moves: arcs above the stages from the decision's diamond to the middle of the
/// target's box top, higher the further they go ([`forward_height`]).
fn forward_arcs(
    map: &JourneyMap,
    lang: Lang,
    exit: &str,
    moves: &[Move<'_>],
    band: StageBand,
) -> Vec<Arrow> {
    let top = band.top;
    moves
        .iter()
        .filter(|m| m.2 == ArrowKind::Forward)
        .map(|&(i, o, kind, t)| {
            let t = t.unwrap_or(i);
            let h = forward_height(i, t);
            let x_d = column_edge(i);
            let x_t = column_left(t) + COLUMN / 2.0;
            let name = o.name.get(lang).to_owned();
            Arrow {
                kind,
                from: i,
                to: Some(t),
                outcome: Some(o.id.clone()),
                d: format!(
                    "M{} {}V{}C{} {} {} {} {} {}",
                    p(x_d),
                    p(band.mid() - DIAMOND),
                    p(top),
                    p(x_d),
                    p(top - h),
                    p(x_t),
                    p(top - h),
                    p(x_t),
                    p(top)
                ),
                label: fit_text(&name, (x_t - x_d).max(COLUMN * 0.8), FONT),
                title: arrow_title(map, lang, i, Some(t), &name, exit),
                label_x: (x_d + x_t) / 2.0,
                label_y: top - 0.75 * h - 5.0,
                label_anchor: Anchor::Middle,
            }
        })
        .collect()
}

/// A card of a lane with the stages it covers and its slot (row) in the lane.
#[derive(Clone, Debug, PartialEq)]
struct SlottedCard<'a> {
    card: &'a Card,
    stages: Range<usize>,
    slot: usize,
}

/// The cards of `lane` in their slots: each card takes the first slot free over all the columns
/// it spans. Cards whose stage is gone are left out. Also returns how many slots the lane needs.
fn card_slots<'a>(map: &'a JourneyMap, lane: &Id<Lane>) -> (Vec<SlottedCard<'a>>, usize) {
    let mut slots: Vec<Vec<bool>> = Vec::new();
    let mut placed = Vec::new();
    for card in map.cards.iter().filter(|c| &c.lane == lane) {
        let range = map.card_stages(card);
        if range.is_empty() {
            continue;
        }
        let slot = (0..)
            .find(|&s| {
                slots
                    .get(s)
                    .is_none_or(|row: &Vec<bool>| range.clone().all(|c| !row[c]))
            })
            .unwrap_or(0);
        if slot == slots.len() {
            slots.push(vec![false; map.stages.len()]);
        }
        for c in range.clone() {
            slots[slot][c] = true;
        }
        placed.push(SlottedCard {
            card,
            stages: range,
            slot,
        });
    }
    (placed, slots.len())
}

/// The visible lanes from `top` down, each as tall as its slots ([`card_slots`], at least one),
/// and their cards drawn across the columns they span.
fn lane_rows(map: &JourneyMap, lang: Lang, top: f64) -> (Vec<LaneRow>, Vec<CardBox>) {
    let mut y = top;
    let mut lanes = Vec::new();
    let mut cards = Vec::new();
    for lane in map.lanes.iter().filter(|l| !l.hidden) {
        let (placed, slots) = card_slots(map, &lane.id);
        let height = 12.0 + CARD_STEP * slots.max(1) as f64;
        let full = lane.name.get(lang).to_owned();
        lanes.push(LaneRow {
            id: lane.id.clone(),
            label: fit_text(&full, GUTTER - 28.0, FONT),
            full_label: full,
            y,
            height,
            label_y: y + 20.0,
        });
        for SlottedCard {
            card,
            stages: range,
            slot,
        } in placed
        {
            let x = column_left(range.start) + 6.0;
            let w = range.len() as f64 * COLUMN - 12.0;
            let cy = y + 6.0 + CARD_STEP * slot as f64;
            let full = card.title.get(lang).to_owned();
            cards.push(CardBox {
                id: card.id.clone(),
                label: fit_text(&full, w - 12.0, FONT),
                full_label: full,
                columns: range.len(),
                x,
                y: cy,
                width: w,
                height: CARD_HEIGHT,
                text_x: x + 6.0,
                text_y: cy + 15.0,
            });
        }
        y += height;
    }
    (lanes, cards)
}

/// One row per persona with at least one score, from `top` down: a point per scored stage
/// (the score clamped to −2..=+2, above the row's middle when positive) and the line through
/// them.
fn emotion_rows(map: &JourneyMap, lang: Lang, top: f64) -> Vec<EmotionRow> {
    let mut y = top;
    let mut emotions = Vec::new();
    for persona in &map.personas {
        let zero_y = y + EMOTION_ROW / 2.0;
        let points: Vec<EmotionPoint> = map
            .stages
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let e = map.emotion(&persona.id, &s.id)?;
                let score = e.score.clamp(-2, 2);
                let py = zero_y - f64::from(score) * EMOTION_UNIT;
                Some(EmotionPoint {
                    stage: i,
                    score,
                    x: column_left(i) + COLUMN / 2.0,
                    y: py,
                    text: score_text(score),
                    text_y: py - 7.0,
                })
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let mut polyline = String::new();
        for pt in &points {
            if !polyline.is_empty() {
                polyline.push(' ');
            }
            let _ = write!(polyline, "{},{}", p(pt.x), p(pt.y));
        }
        let full = persona.name.get(lang).to_owned();
        emotions.push(EmotionRow {
            persona: persona.id.clone(),
            label: fit_text(&full, GUTTER - 28.0, FONT),
            full_label: full,
            y,
            height: EMOTION_ROW,
            zero_y,
            label_y: zero_y + FONT * 0.35,
            points,
            polyline,
        });
        y += EMOTION_ROW;
    }
    emotions
}

/// The radius of a stage node on the circle.
pub const NODE_R: f64 = 22.0;
/// The widest a stage name outside the circle may be.
pub const CIRCLE_LABEL: f64 = 170.0;
/// The vertical room of one stage name outside the circle.
const LABEL_LINE: f64 = 18.0;

/// A point at `angle` (radians, 0 = right, clockwise on screen) and `radius` from (`cx`, `cy`).
fn polar(cx: f64, cy: f64, radius: f64, angle: f64) -> (f64, f64) {
    (cx + radius * angle.cos(), cy + radius * angle.sin())
}

/// Lays out `map` as a circle of stages, clockwise from the top.
pub fn layout_circular(map: &JourneyMap, lang: Lang, exit: &str) -> CircularLayout {
    let n = map.stages.len();
    // Room along the circle for a node and a gap between neighbours, and for the names at the sides.
    let radius = (n as f64 * (2.0 * NODE_R + 40.0) / (2.0 * PI))
        .max(n as f64 * LABEL_LINE / (2.0 * PI) * 1.6)
        .max(150.0);
    let label_r = radius + NODE_R + 12.0;
    let cx = label_r + CIRCLE_LABEL + 16.0;
    let cy = label_r + 30.0;
    let angle = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64;

    let mut stages: Vec<CircleStage> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let a = angle(i);
            let (x, y) = polar(cx, cy, radius, a);
            let (lx, ly) = polar(cx, cy, label_r, a);
            let cos = a.cos();
            let anchor = if cos > 0.05 {
                Anchor::Start
            } else if cos < -0.05 {
                Anchor::End
            } else {
                Anchor::Middle
            };
            let full = s.name.get(lang).to_owned();
            let label_y = if anchor == Anchor::Middle && a.sin() > 0.0 {
                ly + 13.0 * 0.8
            } else if anchor == Anchor::Middle {
                ly
            } else {
                ly + 13.0 * 0.35
            };
            CircleStage {
                id: s.id.clone(),
                number: (i + 1).to_string(),
                cx: x,
                cy: y,
                r: NODE_R,
                label: fit_text(&full, CIRCLE_LABEL, STAGE_FONT),
                full_label: full,
                label_x: lx,
                label_y,
                label_anchor: anchor,
                decision: s.decision.is_some(),
            }
        })
        .collect();

    // Names on one side never overlap: going down a side, each is at least a line below the one
    // above it (the names at the top and bottom count on both sides).
    for side in [Anchor::Start, Anchor::End] {
        let mut order: Vec<usize> = (0..n)
            .filter(|&i| stages[i].label_anchor == side || stages[i].label_anchor == Anchor::Middle)
            .collect();
        order.sort_by(|&a, &b| stages[a].label_y.total_cmp(&stages[b].label_y));
        let mut last: Option<f64> = None;
        for i in order {
            if let Some(prev) = last {
                if stages[i].label_y < prev + LABEL_LINE {
                    stages[i].label_y = prev + LABEL_LINE;
                }
            }
            last = Some(stages[i].label_y);
        }
    }

    let mut arrows = Vec::new();
    let gap = (NODE_R + 6.0) / radius;
    // Arcs of the circle from each stage to the next (and, on a circular map, last → first).
    let closing = needs_closing(map);
    for i in 0..n {
        let last = i + 1 == n;
        if last && !closing {
            continue;
        }
        let j = (i + 1) % n;
        let (a0, a1) = (angle(i) + gap, angle(i) + 2.0 * PI / n as f64 - gap);
        let (x0, y0) = polar(cx, cy, radius, a0);
        let (x1, y1) = polar(cx, cy, radius, a1);
        let (lx, ly) = polar(cx, cy, radius - 14.0, (a0 + a1) / 2.0);
        let kind = if last {
            ArrowKind::Closing
        } else {
            ArrowKind::Next
        };
        arrows.push(Arrow {
            kind,
            from: i,
            to: Some(j),
            outcome: None,
            d: format!(
                "M{} {}A{} {} 0 0 1 {} {}",
                p(x0),
                p(y0),
                p(radius),
                p(radius),
                p(x1),
                p(y1)
            ),
            label: if last {
                BACK_MARK.to_owned()
            } else {
                String::new()
            },
            title: arrow_title(map, lang, i, Some(j), "", exit),
            label_x: lx,
            label_y: ly + FONT * 0.35,
            label_anchor: Anchor::Middle,
        });
    }

    // Outcomes: chords bent towards the centre, loops inside, exits to the centre.
    let moves = outcome_moves(map);
    let exit_count = |i: usize| {
        moves
            .iter()
            .filter(|m| m.0 == i && m.2 == ArrowKind::Exit)
            .count()
    };
    let mut exit_seen = vec![0usize; n];
    let mut any_exit = false;
    for &(i, o, kind, t) in &moves {
        let name = o.name.get(lang).to_owned();
        let (sx, sy) = (stages[i].cx, stages[i].cy);
        let inward = angle(i) + PI;
        let (d, label_x, label_y, text) = match kind {
            ArrowKind::Exit => {
                any_exit = true;
                let m = exit_count(i) as f64;
                let e = exit_seen[i] as f64;
                exit_seen[i] += 1;
                let a = inward + (e - (m - 1.0) / 2.0) * 0.35;
                let (x0, y0) = polar(sx, sy, NODE_R + 2.0, a);
                // Towards the centre marker, along the line from the start to the centre.
                let dir = (cy - y0).atan2(cx - x0);
                let (x1, y1) = (
                    cx - (EXIT_R + 14.0) * dir.cos(),
                    cy - (EXIT_R + 14.0) * dir.sin(),
                );
                let (lx, ly) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                (
                    format!("M{} {}L{} {}", p(x0), p(y0), p(x1), p(y1)),
                    lx,
                    ly,
                    exit_text(&name, exit, CIRCLE_LABEL + 20.0),
                )
            }
            ArrowKind::SelfLoop => {
                let (x0, y0) = polar(sx, sy, NODE_R, inward - 0.5);
                let (x1, y1) = polar(sx, sy, NODE_R, inward + 0.5);
                let (c0x, c0y) = polar(sx, sy, NODE_R * 3.2, inward - 0.6);
                let (c1x, c1y) = polar(sx, sy, NODE_R * 3.2, inward + 0.6);
                let (lx, ly) = polar(sx, sy, NODE_R * 3.1, inward);
                (
                    format!(
                        "M{} {}C{} {} {} {} {} {}",
                        p(x0),
                        p(y0),
                        p(c0x),
                        p(c0y),
                        p(c1x),
                        p(c1y),
                        p(x1),
                        p(y1)
                    ),
                    lx,
                    ly,
                    format!("{BACK_MARK} {name}"),
                )
            }
            _ => {
                let t = t.unwrap_or(i);
                let (tx, ty) = (stages[t].cx, stages[t].cy);
                let (mx, my) = ((sx + tx) / 2.0, (sy + ty) / 2.0);
                let (qx, qy) = (cx + (mx - cx) * 0.3, cy + (my - cy) * 0.3);
                // Leave and enter at the nodes' edges, towards the control point.
                let a0 = (qy - sy).atan2(qx - sx);
                let a1 = (qy - ty).atan2(qx - tx);
                let (x0, y0) = polar(sx, sy, NODE_R + 2.0, a0);
                let (x1, y1) = polar(tx, ty, NODE_R + 4.0, a1);
                let lx = 0.25 * x0 + 0.5 * qx + 0.25 * x1;
                let ly = 0.25 * y0 + 0.5 * qy + 0.25 * y1;
                let text = if kind.is_back() {
                    format!("{BACK_MARK} {name}")
                } else {
                    name.clone()
                };
                (
                    format!(
                        "M{} {}Q{} {} {} {}",
                        p(x0),
                        p(y0),
                        p(qx),
                        p(qy),
                        p(x1),
                        p(y1)
                    ),
                    lx,
                    ly,
                    text,
                )
            }
        };
        arrows.push(Arrow {
            kind,
            from: i,
            to: t,
            outcome: Some(o.id.clone()),
            d,
            label: if kind == ArrowKind::Exit {
                text
            } else {
                fit_text(&text, CIRCLE_LABEL * 0.8, FONT)
            },
            title: arrow_title(map, lang, i, t, &name, exit),
            label_x,
            label_y: label_y + FONT * 0.35,
            label_anchor: Anchor::Middle,
        });
    }

    let bottom = stages
        .iter()
        .map(|s| s.label_y + 10.0)
        .fold(cy + label_r + 24.0, f64::max);
    let right = stages
        .iter()
        .map(|s| match s.label_anchor {
            Anchor::Start => s.label_x + text_width(&s.label, STAGE_FONT),
            Anchor::Middle => s.label_x + text_width(&s.label, STAGE_FONT) / 2.0,
            Anchor::End => s.label_x,
        })
        .fold(cx * 2.0, f64::max);
    CircularLayout {
        width: right + 8.0,
        height: bottom,
        cx,
        cy,
        radius,
        stages,
        arrows,
        exit: any_exit.then_some(ExitMarker {
            cx,
            cy,
            r: EXIT_R + 8.0,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Card, CardKind, DecisionPoint, Emotion, Lane, Outcome, Persona, SourceModel, Stage,
    };
    use crate::domain::text::Text;

    fn stage(id: &str, name: &str) -> Stage {
        Stage {
            id: Id::from(id),
            name: Text::from(name),
            description: Text::default(),
            decision: None,
        }
    }

    fn outcome(id: &str, to: Destination) -> Outcome {
        Outcome {
            id: Id::from(id),
            name: Text::from(id),
            leads_to: to,
        }
    }

    /// Three stages A, B, C. B decides: "fwd" → C, "back" → A, "stay" → B, "out" → exit.
    /// One lane "tp" with a card on A spanning two stages and one on B; persona P feels +2 in
    /// A and −1 in C.
    fn three() -> JourneyMap {
        let mut m = JourneyMap::new(
            Text::from("m"),
            SourceModel::Blank,
            jiff::Timestamp::UNIX_EPOCH,
        );
        m.stages = vec![stage("a", "A"), stage("b", "B"), stage("c", "C")];
        m.stages[1].decision = Some(DecisionPoint {
            question: Text::from("Q?"),
            outcomes: vec![
                outcome("fwd", Destination::Stage(Id::from("c"))),
                outcome("back", Destination::Stage(Id::from("a"))),
                outcome("stay", Destination::Stage(Id::from("b"))),
                outcome("out", Destination::Exit),
            ],
        });
        m.lanes = vec![Lane {
            id: Id::from("tp"),
            name: Text::from("Touchpoints"),
            kind: CardKind::Touchpoint,
            hidden: false,
        }];
        let mut wide = Card::plain(
            Id::from("w"),
            Id::from("a"),
            Id::from("tp"),
            Text::from("Wide"),
        );
        wide.span = 2;
        let narrow = Card::plain(
            Id::from("n"),
            Id::from("b"),
            Id::from("tp"),
            Text::from("Narrow"),
        );
        m.cards = vec![wide, narrow];
        m.personas = vec![Persona {
            id: Id::from("p"),
            name: Text::from("P"),
            description: Text::default(),
        }];
        m.emotions = vec![
            Emotion {
                persona: Id::from("p"),
                stage: Id::from("a"),
                score: 2,
                note: String::new(),
            },
            Emotion {
                persona: Id::from("p"),
                stage: Id::from("c"),
                score: -1,
                note: String::new(),
            },
        ];
        m
    }

    fn arrow<'a>(l: &'a [Arrow], outcome: &str) -> &'a Arrow {
        l.iter()
            .find(|a| a.outcome.as_ref().is_some_and(|o| o.as_str() == outcome))
            .unwrap()
    }

    #[test]
    fn linear_places_columns_and_draws_each_outcome_kind() {
        let l = layout_linear(&three(), Lang::En, "Exit");
        // Columns: 150, 330, 510; width 150 + 3 × 180 + 20.
        assert_eq!(l.columns, vec![150.0, 330.0, 510.0]);
        assert_eq!(l.width, 710.0);
        // One forward arc, B → C (next stage): height 28, so top = 0.75 × 28 + 24 = 45.
        let top = 45.0;
        assert_eq!(l.stages[0].y, top);
        assert_eq!(l.stages[0].x, 164.0);
        assert_eq!(l.stages[0].width, 152.0);
        // B's diamond at its column's end (510), around the box's middle (45 + 24 = 69).
        assert_eq!(
            l.stages[1].diamond.as_deref(),
            Some("510.0,60.0 519.0,69.0 510.0,78.0 501.0,69.0")
        );
        assert!(l.stages[0].diamond.is_none());

        let fwd = arrow(&l.arrows, "fwd");
        assert_eq!(fwd.kind, ArrowKind::Forward);
        assert_eq!((fwd.from, fwd.to), (1, Some(2)));
        // Up from the diamond's top (60) to the box top (45), over to C's middle (510 + 90).
        assert_eq!(fwd.d, "M510.0 60.0V45.0C510.0 17.0 600.0 17.0 600.0 45.0");
        assert_eq!((fwd.label_x, fwd.label_y), (555.0, 45.0 - 21.0 - 5.0));
        assert_eq!(fwd.title, "B → C: fwd");

        // The exit: one branch row under the boxes (box bottom 93, row at 93 + 22 = 115), marker at
        // 330 + 40 + 6 = 376.
        let out = arrow(&l.arrows, "out");
        assert_eq!(out.kind, ArrowKind::Exit);
        assert_eq!(out.to, None);
        assert_eq!(out.d, "M510.0 78.0V115.0H382.0");
        assert_eq!(out.label, "out → Exit");
        assert_eq!(
            l.exits,
            vec![ExitMarker {
                cx: 376.0,
                cy: 115.0,
                r: 6.0
            }]
        );

        // Backward lanes below the exit row (115): the self-loop (span 0) first at 139, then
        // B → A at 163; both go down from the diamond's bottom (78) and up into the target's
        // left (column + 14 + 10) to the box bottom (93).
        let stay = arrow(&l.arrows, "stay");
        assert_eq!(stay.kind, ArrowKind::SelfLoop);
        assert_eq!(
            stay.d,
            "M510.0 78.0V131.0Q510.0 139.0 502.0 139.0H362.0Q354.0 139.0 354.0 131.0V93.0"
        );
        assert_eq!(stay.label, "↺ stay");
        let back = arrow(&l.arrows, "back");
        assert_eq!(back.kind, ArrowKind::Backward);
        assert_eq!(
            back.d,
            "M510.0 78.0V155.0Q510.0 163.0 502.0 163.0H182.0Q174.0 163.0 174.0 155.0V93.0"
        );
        assert_eq!((back.label_x, back.label_y), ((510.0 + 174.0) / 2.0, 158.0));
        // A has no decision: a plain link to B across the gap; C is last and the map is not
        // circular, so nothing leaves it.
        let next: Vec<&Arrow> = l
            .arrows
            .iter()
            .filter(|a| a.kind == ArrowKind::Next)
            .collect();
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].d, "M316.0 69.0H344.0");
        assert!(!l.arrows.iter().any(|a| a.kind == ArrowKind::Closing));
    }

    #[test]
    fn linear_cards_span_their_columns_and_emotions_sit_by_score() {
        let l = layout_linear(&three(), Lang::En, "Exit");
        // The grid starts under the last backward lane: 163 + 14.
        assert_eq!(l.grid_top, 177.0);
        assert_eq!(l.lanes.len(), 1);
        // Wide (A–B) takes slot 0; Narrow (B) overlaps it, so it takes slot 1.
        let wide = &l.cards[0];
        assert_eq!(
            (wide.x, wide.width, wide.columns),
            (156.0, 2.0 * 180.0 - 12.0, 2)
        );
        assert_eq!(wide.y, 177.0 + 6.0);
        let narrow = &l.cards[1];
        assert_eq!((narrow.x, narrow.width), (336.0, 168.0));
        assert_eq!(narrow.y, 177.0 + 6.0 + 26.0);
        assert_eq!(l.lanes[0].height, 12.0 + 2.0 * 26.0);
        // The emotion row below the lane: top 177 + 64 = 241, zero at 241 + 40 = 281; +2 → 257, −1 → 293.
        let e = &l.emotions[0];
        assert_eq!(e.zero_y, 281.0);
        let pts: Vec<(f64, f64, &str)> = e
            .points
            .iter()
            .map(|p| (p.x, p.y, p.text.as_str()))
            .collect();
        assert_eq!(pts, vec![(240.0, 257.0, "+2"), (600.0, 293.0, "−1")]);
        assert_eq!(e.polyline, "240.0,257.0 600.0,293.0");
        assert_eq!(l.height, 241.0 + 80.0 + 10.0);
    }

    #[test]
    fn hidden_lanes_are_not_drawn_and_long_titles_are_shortened() {
        let mut m = three();
        m.lanes[0].hidden = true;
        assert!(layout_linear(&m, Lang::En, "Exit").lanes.is_empty());
        let mut m = three();
        m.cards[1].title = Text::from("A very long touchpoint title that cannot fit one column");
        let l = layout_linear(&m, Lang::En, "Exit");
        assert!(l.cards[1].label.ends_with('…'));
        assert!(text_width(&l.cards[1].label, FONT) <= 168.0 - 12.0);
    }

    #[test]
    fn a_long_exit_name_is_shortened_before_the_exit_word() {
        let mut m = three();
        if let Some(d) = m.stages[1].decision.as_mut() {
            d.outcomes[3].name = Text::from("Chose another supplier for good");
        }
        let l = layout_linear(&m, Lang::En, "Exit");
        let out = arrow(&l.arrows, "out");
        assert!(out.label.ends_with("… → Exit"), "{}", out.label);
        // Room: from the marker's edge + 4 (386) to the diamond − 4 (506).
        assert!(text_width(&out.label, FONT) <= 120.0);
        assert_eq!(out.title, "B → Exit: Chose another supplier for good");
    }

    #[test]
    fn a_circular_map_closes_with_a_backward_arc() {
        let mut m = three();
        m.stages[1].decision = None;
        m.circular = true;
        let l = layout_linear(&m, Lang::En, "Exit");
        let closing: Vec<&Arrow> = l
            .arrows
            .iter()
            .filter(|a| a.kind == ArrowKind::Closing)
            .collect();
        assert_eq!(closing.len(), 1);
        let c = closing[0];
        assert_eq!((c.from, c.to), (2, Some(0)));
        // No forward arc: top 12; middle 36, box bottom 60; lane at 60 + 24 = 84; out of C's
        // box (510 + 180 − 14 = 676) to its column's end (690).
        assert_eq!(
            c.d,
            "M676.0 36.0H690.0V76.0Q690.0 84.0 682.0 84.0H182.0Q174.0 84.0 174.0 76.0V60.0"
        );
        assert_eq!(c.title, "C → A");
        // A circular map whose last stage already leads to the first needs no extra link.
        m.stages[2].decision = Some(DecisionPoint {
            question: Text::default(),
            outcomes: vec![outcome("again", Destination::Stage(Id::from("a")))],
        });
        let l = layout_linear(&m, Lang::En, "Exit");
        assert!(!l.arrows.iter().any(|a| a.kind == ArrowKind::Closing));
        assert_eq!(arrow(&l.arrows, "again").kind, ArrowKind::Backward);
    }

    #[test]
    fn fifty_stages_widen_the_drawing() {
        let mut m = three();
        m.stages = (0..50)
            .map(|i| stage(&format!("s{i}"), &format!("Stage {i}")))
            .collect();
        m.cards.clear();
        let l = layout_linear(&m, Lang::En, "Exit");
        assert_eq!(l.width, 150.0 + 50.0 * 180.0 + 20.0);
        assert_eq!(l.arrows.len(), 49);
    }

    #[test]
    fn circular_places_stages_clockwise_from_the_top() {
        let mut m = three();
        m.circular = true;
        let l = layout_circular(&m, Lang::En, "Exit");
        // 3 stages: radius 150 (the minimum); names at 150 + 22 + 12 = 184; centre (370, 214).
        assert_eq!(l.radius, 150.0);
        assert_eq!((l.cx, l.cy), (184.0 + 170.0 + 16.0, 184.0 + 30.0));
        let s = &l.stages;
        assert!((s[0].cx - 370.0).abs() < 1e-9 && (s[0].cy - 64.0).abs() < 1e-9);
        // 120° further (30° below the right): (370 + 150 cos 30°, 214 + 150 sin 30°).
        assert!((s[1].cx - (370.0 + 150.0 * 3f64.sqrt() / 2.0)).abs() < 1e-9);
        assert!((s[1].cy - 289.0).abs() < 1e-9);
        assert!((s[2].cx - (370.0 - 150.0 * 3f64.sqrt() / 2.0)).abs() < 1e-9);
        assert_eq!(
            s.iter().map(|s| s.label_anchor).collect::<Vec<_>>(),
            vec![Anchor::Middle, Anchor::Start, Anchor::End]
        );
        assert_eq!(s[0].label_y, 214.0 - 184.0);
        // Two arcs along the circle plus the closing one, C → A, clockwise (sweep flag 1).
        let closing: Vec<&Arrow> = l
            .arrows
            .iter()
            .filter(|a| a.kind == ArrowKind::Closing)
            .collect();
        assert_eq!(closing.len(), 1);
        assert_eq!((closing[0].from, closing[0].to), (2, Some(0)));
        assert!(closing[0].d.contains("A150.0 150.0 0 0 1"));
        assert_eq!(
            l.arrows
                .iter()
                .filter(|a| a.kind == ArrowKind::Next)
                .count(),
            2
        );
        // The exit runs to the centre marker; the loop and the chords are there too.
        assert_eq!(arrow(&l.arrows, "out").kind, ArrowKind::Exit);
        assert_eq!(l.exit.as_ref().map(|e| (e.cx, e.cy)), Some((370.0, 214.0)));
        assert_eq!(arrow(&l.arrows, "stay").kind, ArrowKind::SelfLoop);
        assert_eq!(arrow(&l.arrows, "back").to, Some(0));
        assert!(arrow(&l.arrows, "fwd").d.contains('Q'));
    }

    #[test]
    fn circle_names_on_one_side_do_not_overlap() {
        let mut m = three();
        m.stages = (0..24)
            .map(|i| stage(&format!("s{i}"), &format!("Stage number {i}")))
            .collect();
        let l = layout_circular(&m, Lang::En, "Exit");
        for side in [Anchor::Start, Anchor::End] {
            let mut ys: Vec<f64> = l
                .stages
                .iter()
                .filter(|s| s.label_anchor == side || s.label_anchor == Anchor::Middle)
                .map(|s| s.label_y)
                .collect();
            ys.sort_by(f64::total_cmp);
            assert!(
                ys.windows(2).all(|w| w[1] - w[0] >= LABEL_LINE - 1e-9),
                "{ys:?}"
            );
        }
        assert!(l.stages.iter().all(|s| s.label_y < l.height));
    }

    #[test]
    fn scores_are_written_with_a_sign() {
        assert_eq!(score_text(2), "+2");
        assert_eq!(score_text(0), "0");
        assert_eq!(score_text(-2), "−2");
    }

    /// `three()` with a fourth stage D, and A deciding "far" → D (two stages skipped).
    fn four() -> JourneyMap {
        let mut m = three();
        m.stages.push(stage("d", "D"));
        m.stages[0].decision = Some(DecisionPoint {
            question: Text::default(),
            outcomes: vec![outcome("far", Destination::Stage(Id::from("d")))],
        });
        m
    }

    fn outcomes_of(arrows: &[Arrow]) -> Vec<&str> {
        arrows
            .iter()
            .map(|a| a.outcome.as_ref().map_or("", |o| o.as_str()))
            .collect()
    }

    #[test]
    fn columns_start_after_the_gutter_one_column_apart() {
        let lefts: Vec<f64> = (0..5).map(column_left).collect();
        assert_eq!(lefts, vec![150.0, 330.0, 510.0, 690.0, 870.0]);
        assert_eq!(column_edge(4), 870.0 + 180.0);
    }

    #[test]
    fn forward_arcs_rise_with_the_stages_they_skip_up_to_six() {
        assert_eq!(forward_height(1, 2), 28.0);
        assert_eq!(forward_height(1, 4), 28.0 + 2.0 * 16.0);
        assert_eq!(forward_height(0, 7), 28.0 + 6.0 * 16.0);
        assert_eq!(forward_height(0, 40), forward_height(0, 7));
    }

    #[test]
    fn the_stage_band_leaves_room_for_the_tallest_forward_arc() {
        // B → C only: height 28, top 0.75 × 28 + 24.
        assert_eq!(stage_band(&outcome_moves(&three())).top, 45.0);
        // A → D as well (height 60) raises it to 0.75 × 60 + 24; middle and bottom follow.
        let band = stage_band(&outcome_moves(&four()));
        assert_eq!((band.top, band.mid(), band.bottom()), (69.0, 93.0, 117.0));
        // Nothing moves forward: a small margin only.
        let mut m = three();
        m.stages[1].decision = None;
        assert_eq!(stage_band(&outcome_moves(&m)), StageBand { top: 12.0 });
    }

    #[test]
    fn stage_boxes_sit_in_their_columns_with_a_diamond_where_a_decision_is() {
        let boxes = stage_boxes(&three(), Lang::En, StageBand { top: 12.0 });
        let places: Vec<(f64, f64, f64)> = boxes.iter().map(|b| (b.x, b.y, b.text_x)).collect();
        assert_eq!(
            places,
            vec![
                (164.0, 12.0, 240.0),
                (344.0, 12.0, 420.0),
                (524.0, 12.0, 600.0)
            ]
        );
        assert_eq!(boxes[0].diamond, None);
        // B's diamond at its column's right edge (510), around the middle (12 + 24 = 36).
        assert_eq!(
            boxes[1].diamond.as_deref(),
            Some("510.0,27.0 519.0,36.0 510.0,45.0 501.0,36.0")
        );
        assert_eq!(boxes[1].question.as_deref(), Some("Q?"));
        assert_eq!(boxes[2].text_y, 36.0 + 13.0 * 0.35);
    }

    #[test]
    fn next_links_join_stages_without_a_decision_and_none_leaves_the_last() {
        let band = StageBand { top: 12.0 };
        let links = next_links(&three(), Lang::En, "Exit", band);
        let pairs: Vec<(usize, Option<usize>)> = links.iter().map(|a| (a.from, a.to)).collect();
        assert_eq!(pairs, vec![(0, Some(1))]);
        let mut m = three();
        m.stages[1].decision = None;
        let links = next_links(&m, Lang::En, "Exit", band);
        let pairs: Vec<(usize, Option<usize>)> = links.iter().map(|a| (a.from, a.to)).collect();
        assert_eq!(pairs, vec![(0, Some(1)), (1, Some(2))]);
        assert_eq!(links[1].d, "M496.0 36.0H524.0");
        assert_eq!(links[1].title, "B → C");
        assert!(next_links(&m, Lang::En, "Exit", band)
            .iter()
            .all(|a| a.kind == ArrowKind::Next && a.label.is_empty()));
    }

    #[test]
    fn exits_take_one_row_each_under_their_stage() {
        let mut m = three();
        if let Some(d) = m.stages[1].decision.as_mut() {
            d.outcomes.push(outcome("gone", Destination::Exit));
        }
        m.stages[0].decision = Some(DecisionPoint {
            question: Text::default(),
            outcomes: vec![outcome("early", Destination::Exit)],
        });
        // Box bottom 60: rows at 82 and 104. B has two exits, A one: two rows in all.
        let e = exit_branches(
            &m,
            Lang::En,
            "Exit",
            &outcome_moves(&m),
            StageBand { top: 12.0 },
        );
        assert_eq!(e.rows, 2);
        let markers: Vec<(f64, f64)> = e.markers.iter().map(|x| (x.cx, x.cy)).collect();
        assert_eq!(markers, vec![(196.0, 82.0), (376.0, 82.0), (376.0, 104.0)]);
        assert_eq!(outcomes_of(&e.arrows), vec!["early", "out", "gone"]);
        // B's second exit: down from the diamond's bottom (45) to its row, left to the marker.
        assert_eq!(e.arrows[2].d, "M510.0 45.0V104.0H382.0");
        assert_eq!(e.arrows[2].label, "gone → Exit");
        assert!(e.arrows.iter().all(|a| a.to.is_none()));
    }

    #[test]
    fn backward_lanes_put_shorter_spans_nearer_the_stages() {
        let mut m = three();
        m.stages[2].decision = Some(DecisionPoint {
            question: Text::default(),
            outcomes: vec![
                outcome("again", Destination::Stage(Id::from("a"))),
                outcome("loop", Destination::Stage(Id::from("c"))),
            ],
        });
        let lanes = backward_lanes(
            &m,
            Lang::En,
            "Exit",
            &outcome_moves(&m),
            StageBand { top: 12.0 },
            100.0,
        );
        // Span 0 (B, then C), span 1 (B → A), span 2 (C → A); one lane each from 100 + 24.
        assert_eq!(outcomes_of(&lanes), vec!["stay", "loop", "back", "again"]);
        let label_ys: Vec<f64> = lanes.iter().map(|a| a.label_y).collect();
        assert_eq!(label_ys, vec![119.0, 143.0, 167.0, 191.0]);
        assert_eq!(
            lanes[3].d,
            "M690.0 45.0V188.0Q690.0 196.0 682.0 196.0H182.0Q174.0 196.0 174.0 188.0V60.0"
        );
        assert!(lanes.iter().all(|a| a.kind.is_back()));
        // C already leads back to A: a circular map needs no closing link of its own.
        m.circular = true;
        let moves = outcome_moves(&m);
        let band = StageBand { top: 12.0 };
        assert_eq!(
            backward_lanes(&m, Lang::En, "Exit", &moves, band, 100.0).len(),
            4
        );
    }

    #[test]
    fn forward_arcs_go_higher_the_further_they_lead() {
        let m = four();
        let band = StageBand { top: 69.0 };
        let arcs = forward_arcs(&m, Lang::En, "Exit", &outcome_moves(&m), band);
        assert_eq!(outcomes_of(&arcs), vec!["far", "fwd"]);
        // A → D: height 60, from A's diamond (330, 93 − 9) to D's middle (690 + 90).
        assert_eq!(arcs[0].d, "M330.0 84.0V69.0C330.0 9.0 780.0 9.0 780.0 69.0");
        // Labels above each arc's top: 69 − 0.75 × h − 5.
        assert_eq!((arcs[0].label_y, arcs[1].label_y), (19.0, 43.0));
        assert_eq!(arcs[0].label_x, (330.0 + 780.0) / 2.0);
    }

    #[test]
    fn cards_take_the_first_slot_free_over_their_columns() {
        let mut m = three();
        m.cards.push(Card::plain(
            Id::from("l"),
            Id::from("c"),
            Id::from("tp"),
            Text::from("Late"),
        ));
        m.cards.push(Card::plain(
            Id::from("lost"),
            Id::from("nowhere"),
            Id::from("tp"),
            Text::from("Lost"),
        ));
        let (placed, slots) = card_slots(&m, &Id::from("tp"));
        let got: Vec<(&str, Range<usize>, usize)> = placed
            .iter()
            .map(|p| (p.card.id.as_str(), p.stages.clone(), p.slot))
            .collect();
        // Wide (A–B) in slot 0, Narrow (B) under it, Late (C) back in slot 0; Lost has no stage.
        assert_eq!(got, vec![("w", 0..2, 0), ("n", 1..2, 1), ("l", 2..3, 0)]);
        assert_eq!(slots, 2);
        assert_eq!(card_slots(&m, &Id::from("none")), (vec![], 0));
    }

    #[test]
    fn lane_rows_are_as_tall_as_their_slots_and_stack_down() {
        let mut m = three();
        for (id, hidden) in [("secret", true), ("empty", false)] {
            m.lanes.push(Lane {
                id: Id::from(id),
                name: Text::from(id),
                kind: CardKind::Note,
                hidden,
            });
        }
        m.cards.push(Card::plain(
            Id::from("s"),
            Id::from("a"),
            Id::from("secret"),
            Text::from("Hidden"),
        ));
        let (lanes, cards) = lane_rows(&m, Lang::En, 100.0);
        // Two slots: 12 + 2 × 26; an empty lane still has one: 12 + 26.
        let rows: Vec<(&str, f64, f64)> = lanes
            .iter()
            .map(|l| (l.id.as_str(), l.y, l.height))
            .collect();
        assert_eq!(rows, vec![("tp", 100.0, 64.0), ("empty", 164.0, 38.0)]);
        assert_eq!(lanes[1].label_y, 184.0);
        // Only the visible lane's cards; Narrow in the second slot of its row.
        let boxes: Vec<(&str, f64, f64)> =
            cards.iter().map(|c| (c.id.as_str(), c.x, c.y)).collect();
        assert_eq!(boxes, vec![("w", 156.0, 106.0), ("n", 336.0, 132.0)]);
    }

    #[test]
    fn emotion_rows_skip_personas_without_scores_and_clamp_the_rest() {
        let mut m = three();
        for id in ["q", "r"] {
            m.personas.push(Persona {
                id: Id::from(id),
                name: Text::from(id),
                description: Text::default(),
            });
        }
        m.emotions.push(Emotion {
            persona: Id::from("r"),
            stage: Id::from("b"),
            score: 5,
            note: String::new(),
        });
        let rows = emotion_rows(&m, Lang::En, 200.0);
        // Q has no score: no row. P at 200, R right under it.
        let tops: Vec<(&str, f64, f64)> = rows
            .iter()
            .map(|r| (r.persona.as_str(), r.y, r.zero_y))
            .collect();
        assert_eq!(tops, vec![("p", 200.0, 240.0), ("r", 280.0, 320.0)]);
        // +5 is drawn as +2: 2 × 12 above R's zero line, in B's column.
        let pt = &rows[1].points[0];
        assert_eq!((pt.stage, pt.score, pt.x, pt.y), (1, 2, 420.0, 296.0));
        assert_eq!(pt.text, "+2");
        assert_eq!(rows[1].polyline, "420.0,296.0");
    }
}
