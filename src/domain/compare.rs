//! Two versions of a map side by side: what changed per stage, and on the whole map.
//!
//! Map A is the "as-is" version and map B the "to-be" version (made with
//! [`crate::domain::Action::NewVersion`], which keeps stage, card and outcome ids). Stages, cards,
//! outcomes, lanes, personas, departments and content assets are matched by id. Text is compared in
//! one [`Lang`], so a built-in (translated) name and a user text that reads the same in that
//! language are equal, and every name in the result is already in that language: the UI only shows
//! it.
//!
//! Stages come in B's order; a stage only A has is put right after the stage that preceded it in
//! A. A stage counts as *moved* only when its order relative to the other stages changed (the
//! stages outside a longest run kept in the same order), so inserting one stage does not mark all
//! the following ones as moved.

use std::collections::HashMap;

use super::model::{
    Card, ContentAsset, Destination, Id, JourneyMap, Outcome, Responsibility, Stage, Touchpoint,
};
use super::text::Lang;

/// Everything that differs between map A (as-is) and map B (to-be).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Changes to the whole map (name, circularity, lanes, personas, departments).
    pub map: Vec<MapChange>,
    /// One entry per stage of either map, in B's order with A-only stages where they were.
    pub stages: Vec<StageDiff>,
}

/// A change to the whole map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MapChange {
    /// The map's own name. Not counted as a change: a version always has its own name.
    Renamed {
        from: String,
        to: String,
    },
    Circular {
        now: bool,
    },
    LaneAdded {
        name: String,
    },
    LaneRemoved {
        name: String,
    },
    LaneRenamed {
        from: String,
        to: String,
    },
    /// The lane was hidden (`hidden: true`) or shown again.
    LaneHidden {
        name: String,
        hidden: bool,
    },
    PersonaAdded {
        name: String,
    },
    PersonaRemoved {
        name: String,
    },
    PersonaRenamed {
        from: String,
        to: String,
    },
    DepartmentAdded {
        name: String,
    },
    DepartmentRemoved {
        name: String,
    },
    DepartmentRenamed {
        from: String,
        to: String,
    },
}

impl MapChange {
    /// Whether the change counts in [`Comparison::change_count`].
    pub fn counts(&self) -> bool {
        !matches!(self, MapChange::Renamed { .. })
    }
}

/// Whether a stage is in both maps or only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    Both,
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
}

/// One stage of either map, with what changed in it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageDiff {
    pub id: Id<Stage>,
    /// The stage's name in B (in A when it was removed).
    pub name: String,
    pub status: StageStatus,
    /// Changes to the stage itself (name, position, decision, emotions, responsibility, content).
    pub changes: Vec<StageChange>,
    /// The stage's cards in A (empty when the stage was added).
    pub as_is: Vec<CardRow>,
    /// The stage's cards in B (empty when the stage was removed).
    pub to_be: Vec<CardRow>,
}

/// Where a decision outcome leads, named in its own map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Stage(String),
    Exit,
}

/// A change to one stage, other than its cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageChange {
    Renamed {
        from: String,
        to: String,
    },
    DescriptionChanged {
        from: String,
        to: String,
    },
    /// Its place among the stages changed (1-based positions in A and B).
    Moved {
        from: usize,
        to: usize,
    },
    DecisionAdded {
        question: String,
    },
    DecisionRemoved {
        question: String,
    },
    QuestionChanged {
        from: String,
        to: String,
    },
    OutcomeAdded {
        name: String,
        leads_to: Route,
    },
    OutcomeRemoved {
        name: String,
    },
    OutcomeRenamed {
        from: String,
        to: String,
    },
    OutcomeRerouted {
        name: String,
        from: Route,
        to: Route,
    },
    /// A persona's feeling in this stage (`None`: not set).
    EmotionChanged {
        persona: String,
        from: Option<i8>,
        to: Option<i8>,
    },
    ResponsibilityChanged {
        department: String,
        from: Responsibility,
        to: Responsibility,
    },
    AssetAdded {
        title: String,
    },
    AssetRemoved {
        title: String,
    },
    AssetChanged {
        title: String,
        fields: Vec<AssetField>,
    },
    /// The asset now serves this stage; in A it served `from`.
    AssetMovedIn {
        title: String,
        from: String,
    },
    /// The asset served this stage in A and serves `to` in B (counted where it moved in).
    AssetMovedOut {
        title: String,
        to: String,
    },
}

impl StageChange {
    /// Whether the change counts in the totals (a move counts once, where it arrives).
    pub fn counts(&self) -> bool {
        !matches!(self, StageChange::AssetMovedOut { .. })
    }
}

/// A field of a content asset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssetField {
    Title,
    Kind,
    Persona,
    Question,
}

/// A field of a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CardField {
    Title,
    Detail,
    Lane,
    Span,
    Evidence,
    Persona,
    Severity,
    Owner,
    Status,
    Expects,
    Method,
    Channel,
    Presence,
    Department,
    Content,
    Asset,
}

/// One card in one column of a stage row.
#[derive(Clone, Debug, PartialEq)]
pub struct CardRow {
    pub id: Id<Card>,
    /// Its title in this column's map.
    pub title: String,
    /// Its lane's name in this column's map.
    pub lane: String,
    pub mark: CardMark,
}

/// What happened to a card between A and B.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CardMark {
    Same,
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
    /// In the same stage in both, with these fields different.
    Changed(Vec<CardField>),
    /// In this stage in B, in stage `from` in A (and these fields different).
    MovedIn {
        from: String,
        fields: Vec<CardField>,
    },
    /// In this stage in A, in stage `to` in B. Counted where it moved in.
    MovedOut {
        to: String,
        fields: Vec<CardField>,
    },
}

impl CardMark {
    pub fn is_same(&self) -> bool {
        *self == CardMark::Same
    }
}

impl StageDiff {
    /// How many changes this stage holds, each counted once: the stage added or removed, its own
    /// changes, cards added, changed or moved in (to-be column) and cards removed (as-is column).
    pub fn change_count(&self) -> usize {
        let status = usize::from(self.status != StageStatus::Both);
        let own = self.changes.iter().filter(|c| c.counts()).count();
        let to_be = self.to_be.iter().filter(|c| !c.mark.is_same()).count();
        let removed = self
            .as_is
            .iter()
            .filter(|c| c.mark == CardMark::Removed)
            .count();
        status + own + to_be + removed
    }

    /// Whether anything is marked in this stage (including cards or assets that moved out).
    pub fn has_changes(&self) -> bool {
        self.status != StageStatus::Both
            || !self.changes.is_empty()
            || self
                .as_is
                .iter()
                .chain(&self.to_be)
                .any(|c| !c.mark.is_same())
    }
}

/// One line of a stage's side-by-side table: a card as-is, as it is to-be, or both.
pub type CardPair<'a> = (Option<&'a CardRow>, Option<&'a CardRow>);

impl StageDiff {
    /// The stage's cards side by side: each to-be card in order, next to its as-is self when the
    /// card was in this stage before; an as-is card that is not in the to-be column (removed or
    /// moved out) on its own line right after the as-is card that preceded it.
    pub fn pairs(&self) -> Vec<CardPair<'_>> {
        let in_b = |r: &CardRow| self.to_be.iter().any(|b| b.id == r.id);
        let mut after: HashMap<Option<&Id<Card>>, Vec<&CardRow>> = HashMap::new();
        let mut anchor: Option<&Id<Card>> = None;
        for r in &self.as_is {
            if in_b(r) {
                anchor = Some(&r.id);
            } else {
                after.entry(anchor).or_default().push(r);
            }
        }
        fn alone(rows: Option<Vec<&CardRow>>) -> impl Iterator<Item = CardPair<'_>> {
            rows.unwrap_or_default()
                .into_iter()
                .map(|r| (Some(r), None))
        }
        let mut out: Vec<CardPair<'_>> = alone(after.remove(&None)).collect();
        for b in &self.to_be {
            let a = self.as_is.iter().find(|a| a.id == b.id);
            out.push((a, Some(b)));
            if let Some(a) = a {
                out.extend(alone(after.remove(&Some(&a.id))));
            }
        }
        out
    }
}

impl Comparison {
    /// The changes to the stages, each counted once.
    pub fn stage_change_count(&self) -> usize {
        self.stages.iter().map(StageDiff::change_count).sum()
    }

    /// How many stages have something marked.
    pub fn changed_stage_count(&self) -> usize {
        self.stages.iter().filter(|s| s.has_changes()).count()
    }

    /// The changes to the whole map that count (not its name).
    pub fn map_change_count(&self) -> usize {
        self.map.iter().filter(|c| c.counts()).count()
    }

    /// Every change, each counted once (the map's name is not a change).
    pub fn change_count(&self) -> usize {
        self.stage_change_count() + self.map_change_count()
    }
}

/// Compares map `a` (as-is) with map `b` (to-be), naming everything in `lang`.
pub fn compare(a: &JourneyMap, b: &JourneyMap, lang: Lang) -> Comparison {
    Comparison {
        map: map_changes(a, b, lang),
        stages: stage_order(a, b)
            .into_iter()
            .map(|id| stage_diff(a, b, &id, lang))
            .collect(),
    }
}

fn map_changes(a: &JourneyMap, b: &JourneyMap, lang: Lang) -> Vec<MapChange> {
    let mut out = Vec::new();
    let (na, nb) = (a.name.get(lang), b.name.get(lang));
    if na != nb {
        out.push(MapChange::Renamed {
            from: na.to_owned(),
            to: nb.to_owned(),
        });
    }
    if a.circular != b.circular {
        out.push(MapChange::Circular { now: b.circular });
    }
    for lb in &b.lanes {
        let name = lb.name.get(lang).to_owned();
        match a.lane(&lb.id) {
            None => out.push(MapChange::LaneAdded { name }),
            Some(la) => {
                let from = la.name.get(lang);
                if from != name {
                    out.push(MapChange::LaneRenamed {
                        from: from.to_owned(),
                        to: name.clone(),
                    });
                }
                if la.hidden != lb.hidden {
                    out.push(MapChange::LaneHidden {
                        name,
                        hidden: lb.hidden,
                    });
                }
            }
        }
    }
    for la in a.lanes.iter().filter(|l| b.lane(&l.id).is_none()) {
        out.push(MapChange::LaneRemoved {
            name: la.name.get(lang).to_owned(),
        });
    }
    for pb in &b.personas {
        let name = pb.name.get(lang).to_owned();
        match a.persona(&pb.id) {
            None => out.push(MapChange::PersonaAdded { name }),
            Some(pa) if pa.name.get(lang) != name => out.push(MapChange::PersonaRenamed {
                from: pa.name.get(lang).to_owned(),
                to: name,
            }),
            Some(_) => {}
        }
    }
    for pa in a.personas.iter().filter(|p| b.persona(&p.id).is_none()) {
        out.push(MapChange::PersonaRemoved {
            name: pa.name.get(lang).to_owned(),
        });
    }
    for db in &b.departments {
        let name = db.name.get(lang).to_owned();
        match a.department(&db.id) {
            None => out.push(MapChange::DepartmentAdded { name }),
            Some(da) if da.name.get(lang) != name => out.push(MapChange::DepartmentRenamed {
                from: da.name.get(lang).to_owned(),
                to: name,
            }),
            Some(_) => {}
        }
    }
    for da in a
        .departments
        .iter()
        .filter(|d| b.department(&d.id).is_none())
    {
        out.push(MapChange::DepartmentRemoved {
            name: da.name.get(lang).to_owned(),
        });
    }
    out
}

/// B's stages in order, each A-only stage right after the stage that preceded it in A.
fn stage_order(a: &JourneyMap, b: &JourneyMap) -> Vec<Id<Stage>> {
    let mut after: HashMap<Option<Id<Stage>>, Vec<Id<Stage>>> = HashMap::new();
    let mut anchor: Option<Id<Stage>> = None;
    for s in &a.stages {
        if b.stage(&s.id).is_some() {
            anchor = Some(s.id.clone());
        } else {
            after.entry(anchor.clone()).or_default().push(s.id.clone());
        }
    }
    let mut out = after.remove(&None).unwrap_or_default();
    for s in &b.stages {
        out.push(s.id.clone());
        out.extend(after.remove(&Some(s.id.clone())).unwrap_or_default());
    }
    out
}

/// The stages in both maps whose order relative to the others changed: those outside a longest
/// increasing run of A positions taken in B's order (the earliest such run).
fn moved_stages(a: &JourneyMap, b: &JourneyMap) -> Vec<Id<Stage>> {
    let common: Vec<(Id<Stage>, usize)> = b
        .stages
        .iter()
        .filter_map(|s| a.stage_index(&s.id).map(|i| (s.id.clone(), i)))
        .collect();
    let n = common.len();
    let mut len = vec![1usize; n];
    let mut prev: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        for j in 0..i {
            if common[j].1 < common[i].1 && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = Some(j);
            }
        }
    }
    let mut kept = vec![false; n];
    let best = len.iter().max().copied().unwrap_or(0);
    let mut at = len.iter().position(|&l| l == best);
    while let Some(i) = at {
        kept[i] = true;
        at = prev[i];
    }
    common
        .into_iter()
        .zip(kept)
        .filter(|(_, k)| !k)
        .map(|((id, _), _)| id)
        .collect()
}

fn stage_diff(a: &JourneyMap, b: &JourneyMap, id: &Id<Stage>, lang: Lang) -> StageDiff {
    let (sa, sb) = (a.stage(id), b.stage(id));
    let status = match (sa, sb) {
        (Some(_), Some(_)) => StageStatus::Both,
        (None, _) => StageStatus::Added,
        (_, None) => StageStatus::Removed,
    };
    let name = sb
        .or(sa)
        .map(|s| s.name.get(lang).to_owned())
        .unwrap_or_default();
    let mut changes = Vec::new();
    if let (Some(sa), Some(sb)) = (sa, sb) {
        stage_changes(sa, sb, lang, &mut changes);
        if moved_stages(a, b).contains(id) {
            changes.push(StageChange::Moved {
                from: a.stage_index(id).unwrap_or(0) + 1,
                to: b.stage_index(id).unwrap_or(0) + 1,
            });
        }
        decision_changes(sa, sb, a, b, lang, &mut changes);
    } else if let (None, Some(sb)) = (sa, sb) {
        if let Some(d) = &sb.decision {
            changes.push(StageChange::DecisionAdded {
                question: d.question.get(lang).to_owned(),
            });
        }
    }
    if sb.is_some() {
        emotion_changes(a, b, id, lang, &mut changes);
        responsibility_changes(a, b, id, lang, &mut changes);
    }
    asset_changes(a, b, id, lang, &mut changes);
    StageDiff {
        id: id.clone(),
        name,
        status,
        changes,
        as_is: sa.map_or_else(Vec::new, |_| column(a, b, id, lang, true)),
        to_be: sb.map_or_else(Vec::new, |_| column(b, a, id, lang, false)),
    }
}

fn stage_changes(sa: &Stage, sb: &Stage, lang: Lang, out: &mut Vec<StageChange>) {
    let (na, nb) = (sa.name.get(lang), sb.name.get(lang));
    if na != nb {
        out.push(StageChange::Renamed {
            from: na.to_owned(),
            to: nb.to_owned(),
        });
    }
    let (da, db) = (sa.description.get(lang), sb.description.get(lang));
    if da != db {
        out.push(StageChange::DescriptionChanged {
            from: da.to_owned(),
            to: db.to_owned(),
        });
    }
}

fn route(map: &JourneyMap, to: &Destination, lang: Lang) -> Route {
    match to {
        Destination::Exit => Route::Exit,
        Destination::Stage(id) => Route::Stage(
            map.stage(id)
                .map(|s| s.name.get(lang).to_owned())
                .unwrap_or_default(),
        ),
    }
}

fn decision_changes(
    sa: &Stage,
    sb: &Stage,
    a: &JourneyMap,
    b: &JourneyMap,
    lang: Lang,
    out: &mut Vec<StageChange>,
) {
    match (&sa.decision, &sb.decision) {
        (None, None) => {}
        (None, Some(d)) => out.push(StageChange::DecisionAdded {
            question: d.question.get(lang).to_owned(),
        }),
        (Some(d), None) => out.push(StageChange::DecisionRemoved {
            question: d.question.get(lang).to_owned(),
        }),
        (Some(da), Some(db)) => {
            let (qa, qb) = (da.question.get(lang), db.question.get(lang));
            if qa != qb {
                out.push(StageChange::QuestionChanged {
                    from: qa.to_owned(),
                    to: qb.to_owned(),
                });
            }
            let find =
                |os: &'_ [Outcome], id: &Id<Outcome>| os.iter().find(|o| &o.id == id).cloned();
            for ob in &db.outcomes {
                let name = ob.name.get(lang).to_owned();
                match find(&da.outcomes, &ob.id) {
                    None => out.push(StageChange::OutcomeAdded {
                        name,
                        leads_to: route(b, &ob.leads_to, lang),
                    }),
                    Some(oa) => {
                        if oa.name.get(lang) != name {
                            out.push(StageChange::OutcomeRenamed {
                                from: oa.name.get(lang).to_owned(),
                                to: name.clone(),
                            });
                        }
                        if oa.leads_to != ob.leads_to {
                            out.push(StageChange::OutcomeRerouted {
                                name,
                                from: route(a, &oa.leads_to, lang),
                                to: route(b, &ob.leads_to, lang),
                            });
                        }
                    }
                }
            }
            for oa in &da.outcomes {
                if find(&db.outcomes, &oa.id).is_none() {
                    out.push(StageChange::OutcomeRemoved {
                        name: oa.name.get(lang).to_owned(),
                    });
                }
            }
        }
    }
}

fn emotion_changes(
    a: &JourneyMap,
    b: &JourneyMap,
    stage: &Id<Stage>,
    lang: Lang,
    out: &mut Vec<StageChange>,
) {
    // Personas of B first, then those only A has.
    let personas = b
        .personas
        .iter()
        .chain(a.personas.iter().filter(|p| b.persona(&p.id).is_none()));
    for p in personas {
        let from = a.emotion(&p.id, stage).map(|e| e.score);
        let to = b.emotion(&p.id, stage).map(|e| e.score);
        if from != to {
            out.push(StageChange::EmotionChanged {
                persona: p.name.get(lang).to_owned(),
                from,
                to,
            });
        }
    }
}

fn responsibility_changes(
    a: &JourneyMap,
    b: &JourneyMap,
    stage: &Id<Stage>,
    lang: Lang,
    out: &mut Vec<StageChange>,
) {
    let departments = b.departments.iter().chain(
        a.departments
            .iter()
            .filter(|d| b.department(&d.id).is_none()),
    );
    for d in departments {
        let level = |m: &JourneyMap| {
            m.department(&d.id)
                .map_or(Responsibility::None, |d| d.responsibility(stage))
        };
        let (from, to) = (level(a), level(b));
        if from != to {
            out.push(StageChange::ResponsibilityChanged {
                department: d.name.get(lang).to_owned(),
                from,
                to,
            });
        }
    }
}

fn asset_fields(a: &ContentAsset, b: &ContentAsset, lang: Lang) -> Vec<AssetField> {
    let mut f = Vec::new();
    if a.title.get(lang) != b.title.get(lang) {
        f.push(AssetField::Title);
    }
    if a.kind != b.kind {
        f.push(AssetField::Kind);
    }
    if a.persona != b.persona {
        f.push(AssetField::Persona);
    }
    if a.question != b.question {
        f.push(AssetField::Question);
    }
    f
}

fn stage_name(map: &JourneyMap, id: &Id<Stage>, lang: Lang) -> String {
    map.stage(id)
        .map(|s| s.name.get(lang).to_owned())
        .unwrap_or_default()
}

fn asset_changes(
    a: &JourneyMap,
    b: &JourneyMap,
    stage: &Id<Stage>,
    lang: Lang,
    out: &mut Vec<StageChange>,
) {
    for ab in b.content.iter().filter(|x| &x.stage == stage) {
        let title = ab.title.get(lang).to_owned();
        match a.asset(&ab.id) {
            None => out.push(StageChange::AssetAdded { title }),
            Some(aa) => {
                if &aa.stage != stage {
                    out.push(StageChange::AssetMovedIn {
                        title: title.clone(),
                        from: stage_name(a, &aa.stage, lang),
                    });
                }
                let fields = asset_fields(aa, ab, lang);
                if !fields.is_empty() {
                    out.push(StageChange::AssetChanged { title, fields });
                }
            }
        }
    }
    for aa in a.content.iter().filter(|x| &x.stage == stage) {
        let title = aa.title.get(lang).to_owned();
        match b.asset(&aa.id) {
            None => out.push(StageChange::AssetRemoved { title }),
            Some(ab) if &ab.stage != stage => out.push(StageChange::AssetMovedOut {
                title,
                to: stage_name(b, &ab.stage, lang),
            }),
            Some(_) => {}
        }
    }
}

/// The fields that differ between two versions of a card.
pub fn card_fields(a: &Card, b: &Card, lang: Lang) -> Vec<CardField> {
    let mut f = Vec::new();
    let mut check = |differs: bool, field| {
        if differs {
            f.push(field);
        }
    };
    check(a.title.get(lang) != b.title.get(lang), CardField::Title);
    check(a.detail != b.detail, CardField::Detail);
    check(a.lane != b.lane, CardField::Lane);
    check(a.span.max(1) != b.span.max(1), CardField::Span);
    check(a.evidence != b.evidence, CardField::Evidence);
    check(a.persona != b.persona, CardField::Persona);
    check(a.severity != b.severity, CardField::Severity);
    check(a.owner != b.owner, CardField::Owner);
    check(a.status != b.status, CardField::Status);
    check(a.expects != b.expects, CardField::Expects);
    check(a.method != b.method, CardField::Method);
    let none = Touchpoint::default();
    let (ta, tb) = (
        a.touchpoint.as_ref().unwrap_or(&none),
        b.touchpoint.as_ref().unwrap_or(&none),
    );
    check(ta.channel != tb.channel, CardField::Channel);
    check(ta.presence != tb.presence, CardField::Presence);
    check(ta.department != tb.department, CardField::Department);
    check(ta.content != tb.content, CardField::Content);
    check(ta.asset != tb.asset, CardField::Asset);
    f
}

/// The cards of `stage` in `this` map, in lane order then card order, each marked against
/// `other`. `as_is` says which side `this` is (A when true).
fn column(
    this: &JourneyMap,
    other: &JourneyMap,
    stage: &Id<Stage>,
    lang: Lang,
    as_is: bool,
) -> Vec<CardRow> {
    let lane_pos = |c: &Card| {
        this.lanes
            .iter()
            .position(|l| l.id == c.lane)
            .unwrap_or(usize::MAX)
    };
    let mut cards: Vec<&Card> = this.cards.iter().filter(|c| &c.stage == stage).collect();
    cards.sort_by_key(|c| lane_pos(c));
    cards
        .into_iter()
        .map(|c| {
            let mark = match other.card(&c.id) {
                None if as_is => CardMark::Removed,
                None => CardMark::Added,
                Some(o) => {
                    let fields = if as_is {
                        card_fields(c, o, lang)
                    } else {
                        card_fields(o, c, lang)
                    };
                    if &o.stage == stage {
                        if fields.is_empty() {
                            CardMark::Same
                        } else {
                            CardMark::Changed(fields)
                        }
                    } else if as_is {
                        CardMark::MovedOut {
                            to: stage_name(other, &o.stage, lang),
                            fields,
                        }
                    } else {
                        CardMark::MovedIn {
                            from: stage_name(other, &o.stage, lang),
                            fields,
                        }
                    }
                }
            };
            CardRow {
                id: c.id.clone(),
                title: c.title.get(lang).to_owned(),
                lane: this
                    .lane(&c.lane)
                    .map(|l| l.name.get(lang).to_owned())
                    .unwrap_or_default(),
                mark,
            }
        })
        .collect()
}

/// The map to compare `this` with by default, among `maps` (in the order the list shows them):
/// the map it is a version of, else the newest map that is a version of it, else the first other
/// map; `None` when there is no other map.
pub fn default_partner(maps: &[&JourneyMap], this: &Id) -> Option<Id> {
    let me = maps.iter().find(|m| &m.id == this)?;
    let others = || maps.iter().filter(|m| &m.id != this);
    if let Some(of) = &me.version_of {
        if others().any(|m| &m.id == of) {
            return Some(of.clone());
        }
    }
    others()
        .filter(|m| m.version_of.as_ref() == Some(this))
        .max_by_key(|m| m.created)
        .or_else(|| others().next())
        .map(|m| m.id.clone())
}

/// Which of two maps is the as-is version and which the to-be: a version is the to-be of the map
/// it was made from; two unrelated maps go by age (the older one is as-is).
pub fn sides<'a>(x: &'a JourneyMap, y: &'a JourneyMap) -> (&'a JourneyMap, &'a JourneyMap) {
    if x.version_of.as_ref() == Some(&y.id) {
        (y, x)
    } else if y.version_of.as_ref() == Some(&x.id) || x.created <= y.created {
        (x, y)
    } else {
        (y, x)
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::domain::model::{
        CardKind, ContentKind, DecisionPoint, Department, Emotion, Persona, Severity, SourceModel,
    };
    use crate::domain::text::Text;
    use crate::domain::{template, Action, Done, Workspace};

    fn now() -> Timestamp {
        Timestamp::from_second(1_700_000_000).unwrap()
    }

    fn stage(id: &str, name: &str) -> Stage {
        Stage {
            id: Id::from(id),
            name: Text::from(name),
            description: Text::default(),
            decision: None,
        }
    }

    fn card(id: &str, stage: &str, lane: CardKind, title: &str) -> Card {
        Card::plain(
            Id::from(id),
            Id::from(stage),
            Id::from(lane.slug()),
            Text::from(title),
        )
    }

    /// Stages s1 "Aware", s2 "Consider", s3 "Buy"; cards c1 (s1), c2 (s1, pain), c3 (s2).
    fn base() -> JourneyMap {
        let mut m = JourneyMap::new(Text::from("Ours"), SourceModel::Blank, now());
        m.id = Id::from("a");
        m.stages = vec![
            stage("s1", "Aware"),
            stage("s2", "Consider"),
            stage("s3", "Buy"),
        ];
        m.cards = vec![
            card("c1", "s1", CardKind::Touchpoint, "Ad"),
            card("c2", "s1", CardKind::PainPoint, "Slow site"),
            card("c3", "s2", CardKind::Touchpoint, "Demo"),
        ];
        m
    }

    fn version(a: &JourneyMap) -> JourneyMap {
        let mut b = a.clone();
        b.id = Id::from("b");
        b.name = Text::from("Ours (to-be)");
        b.version_of = Some(a.id.clone());
        b
    }

    fn diff<'a>(c: &'a Comparison, id: &str) -> &'a StageDiff {
        c.stages.iter().find(|s| s.id.as_str() == id).unwrap()
    }

    fn marks(rows: &[CardRow]) -> Vec<(&str, CardMark)> {
        rows.iter()
            .map(|r| (r.id.as_str(), r.mark.clone()))
            .collect()
    }

    #[test]
    fn a_fresh_version_has_no_changes_but_its_name() {
        let mut ws = Workspace::default();
        let Done::Created(a) = ws
            .dispatch(
                Action::Create {
                    model: SourceModel::Hinge,
                },
                now(),
            )
            .unwrap()
        else {
            panic!()
        };
        let Done::Created(b) = ws
            .dispatch(
                Action::NewVersion {
                    map: a.clone(),
                    name: Text::from("Hinge (to-be)"),
                },
                now(),
            )
            .unwrap()
        else {
            panic!()
        };
        for lang in Lang::ALL {
            let c = compare(ws.map(&a).unwrap(), ws.map(&b).unwrap(), lang);
            assert_eq!(c.change_count(), 0);
            assert_eq!(c.changed_stage_count(), 0);
            assert_eq!(c.stages.len(), 4);
            assert!(c.stages.iter().all(|s| s.status == StageStatus::Both));
            assert_eq!(c.map.len(), 1);
            assert!(matches!(&c.map[0], MapChange::Renamed { to, .. } if to == "Hinge (to-be)"));
        }
        let c = compare(ws.map(&a).unwrap(), ws.map(&b).unwrap(), Lang::Ru);
        assert_eq!(c.stages[0].name, "Опыт перед покупкой");
        // Hinge's first stage has 3 questions, a touchpoint and research cards in both columns.
        assert_eq!(c.stages[0].as_is.len(), c.stages[0].to_be.len());
        assert!(c.stages[0].to_be.iter().all(|r| r.mark.is_same()));
    }

    #[test]
    fn builtin_text_equals_a_user_text_that_reads_the_same_in_the_language() {
        let a = template::build(SourceModel::Hinge, now());
        let mut b = version(&a);
        b.stages[0].name = Text::from("Pre-purchase experience");
        let en = compare(&a, &b, Lang::En);
        assert!(en.stages[0].changes.is_empty());
        let ko = compare(&a, &b, Lang::Ko);
        assert_eq!(
            ko.stages[0].changes,
            vec![StageChange::Renamed {
                from: "구매 전 경험".into(),
                to: "Pre-purchase experience".into()
            }]
        );
    }

    #[test]
    fn stage_renamed_described_added_and_removed_in_place() {
        let a = base();
        let mut b = version(&a);
        b.stages[0].name = Text::from("Awareness");
        b.stages[0].description = Text::from("They hear of us");
        // Remove "Consider" (with its card c3), add "Onboard" at the end.
        b.stages.remove(1);
        b.cards.retain(|c| c.id.as_str() != "c3");
        b.stages.push(stage("s4", "Onboard"));
        b.cards
            .push(card("c4", "s4", CardKind::Touchpoint, "Kick-off"));
        let c = compare(&a, &b, Lang::En);
        let ids: Vec<&str> = c.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3", "s4"]);
        assert_eq!(
            diff(&c, "s1").changes,
            vec![
                StageChange::Renamed {
                    from: "Aware".into(),
                    to: "Awareness".into()
                },
                StageChange::DescriptionChanged {
                    from: "".into(),
                    to: "They hear of us".into()
                },
            ]
        );
        let s2 = diff(&c, "s2");
        assert_eq!(s2.status, StageStatus::Removed);
        assert_eq!(s2.name, "Consider");
        assert_eq!(marks(&s2.as_is), [("c3", CardMark::Removed)]);
        assert!(s2.to_be.is_empty());
        assert_eq!(s2.change_count(), 2);
        let s4 = diff(&c, "s4");
        assert_eq!(s4.status, StageStatus::Added);
        assert_eq!(marks(&s4.to_be), [("c4", CardMark::Added)]);
        assert_eq!(s4.change_count(), 2);
        // "Buy" went from position 3 to 2 only because "Consider" was removed: not a move.
        assert!(diff(&c, "s3").changes.is_empty());
        // 2 (s1) + 2 (s2 removed, c3 removed) + 2 (s4 added, c4 added) = 6 in 3 stages.
        assert_eq!(c.change_count(), 6);
        assert_eq!(c.changed_stage_count(), 3);
    }

    #[test]
    fn a_removed_first_stage_comes_first() {
        let a = base();
        let mut b = version(&a);
        b.stages.remove(0);
        let c = compare(&a, &b, Lang::En);
        let ids: Vec<&str> = c.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2", "s3"]);
        assert_eq!(diff(&c, "s1").status, StageStatus::Removed);
    }

    #[test]
    fn only_the_stage_that_changed_order_is_moved() {
        let a = base();
        let mut b = version(&a);
        // Aware moved right: Consider, Aware, Buy.
        b.stages.swap(0, 1);
        let c = compare(&a, &b, Lang::En);
        let ids: Vec<&str> = c.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s2", "s1", "s3"]);
        assert_eq!(
            diff(&c, "s1").changes,
            vec![StageChange::Moved { from: 1, to: 2 }]
        );
        assert!(diff(&c, "s2").changes.is_empty());
        assert_eq!(c.change_count(), 1);

        // Buy moved to the front: Buy, Aware, Consider.
        let mut b = version(&a);
        let buy = b.stages.pop().unwrap();
        b.stages.insert(0, buy);
        let c = compare(&a, &b, Lang::En);
        assert_eq!(
            diff(&c, "s3").changes,
            vec![StageChange::Moved { from: 3, to: 1 }]
        );
        assert_eq!(c.change_count(), 1);
    }

    #[test]
    fn cards_added_removed_changed_and_moved() {
        let mut a = base();
        a.cards[0].touchpoint = Some(Touchpoint::default());
        let mut b = version(&a);
        // c1: new title, severity and channel; c2 moved to Consider; c3 removed; c5 added.
        b.cards[0].title = Text::from("Video ad");
        b.cards[0].detail = "30 s".into();
        b.cards[0].touchpoint.as_mut().unwrap().channel = "YouTube".into();
        b.cards[1].stage = Id::from("s2");
        b.cards[1].severity = Some(Severity::High);
        b.cards.remove(2);
        b.cards
            .push(card("c5", "s3", CardKind::Opportunity, "Free trial"));
        let c = compare(&a, &b, Lang::En);

        let s1 = diff(&c, "s1");
        let changed = CardMark::Changed(vec![
            CardField::Title,
            CardField::Detail,
            CardField::Channel,
        ]);
        assert_eq!(
            marks(&s1.as_is),
            [
                ("c1", changed.clone()),
                (
                    "c2",
                    CardMark::MovedOut {
                        to: "Consider".into(),
                        fields: vec![CardField::Severity]
                    }
                )
            ]
        );
        assert_eq!(s1.as_is[0].title, "Ad");
        assert_eq!(s1.as_is[1].lane, "Pain points");
        assert_eq!(marks(&s1.to_be), [("c1", changed)]);
        assert_eq!(s1.to_be[0].title, "Video ad");
        assert_eq!(s1.change_count(), 1);
        assert!(s1.has_changes());

        let s2 = diff(&c, "s2");
        // Lane order: touchpoints before pain points.
        assert_eq!(marks(&s2.as_is), [("c3", CardMark::Removed)]);
        assert_eq!(
            marks(&s2.to_be),
            [(
                "c2",
                CardMark::MovedIn {
                    from: "Aware".into(),
                    fields: vec![CardField::Severity]
                }
            )]
        );
        assert_eq!(s2.change_count(), 2);

        let s3 = diff(&c, "s3");
        assert_eq!(marks(&s3.to_be), [("c5", CardMark::Added)]);
        assert_eq!(s3.to_be[0].lane, "Opportunities");
        // c1 changed, c3 removed, c2 moved, c5 added: 4 changes in 3 stages.
        assert_eq!(c.change_count(), 4);
        assert_eq!(c.changed_stage_count(), 3);
    }

    #[test]
    fn every_card_field_is_named() {
        let a = card("c", "s1", CardKind::Touchpoint, "T");
        let mut b = a.clone();
        b.title = Text::from("U");
        b.detail = "d".into();
        b.lane = Id::from("note");
        b.span = 2;
        b.evidence = crate::domain::model::Evidence::Observed;
        b.persona = Some(Id::from("p"));
        b.severity = Some(Severity::Low);
        b.owner = "Ann".into();
        b.status = Some(crate::domain::model::OpportunityStatus::Done);
        b.expects = "fast".into();
        b.method = Some(crate::domain::model::ResearchMethod::Survey);
        b.touchpoint = Some(Touchpoint {
            channel: "Email".into(),
            presence: crate::domain::model::Presence::Offline,
            department: Some(Id::from("sales")),
            content: "Brochure".into(),
            asset: Some(Id::from("x")),
        });
        assert_eq!(card_fields(&a, &b, Lang::En).len(), 16);
        assert_eq!(card_fields(&a, &a.clone(), Lang::En), vec![]);
        // An empty touchpoint record equals none.
        let mut c = a.clone();
        c.touchpoint = Some(Touchpoint::default());
        assert_eq!(card_fields(&a, &c, Lang::En), vec![]);
    }

    #[test]
    fn decisions_and_outcomes() {
        let a = template::build(SourceModel::Hinge, now());
        let mut b = version(&a);
        let d = b.stages[0].decision.as_mut().unwrap();
        d.question = Text::from("Do they hire us?");
        // hired renamed, not_now re-routed out, no_way removed, maybe added.
        d.outcomes[0].name = Text::from("Signed");
        d.outcomes[1].leads_to = Destination::Exit;
        d.outcomes.remove(2);
        d.outcomes.push(Outcome {
            id: Id::from("maybe"),
            name: Text::from("Maybe"),
            leads_to: Destination::Stage(Id::from("pre_purchase")),
        });
        // A decision added to "Client experience", removed from "Former client".
        b.stages[1].decision = Some(DecisionPoint {
            question: Text::from("Renew?"),
            outcomes: vec![],
        });
        b.stages[3].decision = None;
        let c = compare(&a, &b, Lang::En);
        assert_eq!(
            c.stages[0].changes,
            vec![
                StageChange::QuestionChanged {
                    from: "Does the buyer hire the firm?".into(),
                    to: "Do they hire us?".into()
                },
                StageChange::OutcomeRenamed {
                    from: "Hired".into(),
                    to: "Signed".into()
                },
                StageChange::OutcomeRerouted {
                    name: "Not now".into(),
                    from: Route::Stage("Pre-purchase experience".into()),
                    to: Route::Exit
                },
                StageChange::OutcomeAdded {
                    name: "Maybe".into(),
                    leads_to: Route::Stage("Pre-purchase experience".into())
                },
                StageChange::OutcomeRemoved {
                    name: "No way".into()
                },
            ]
        );
        assert_eq!(
            c.stages[1].changes,
            vec![StageChange::DecisionAdded {
                question: "Renew?".into()
            }]
        );
        assert!(matches!(
            &c.stages[3].changes[..],
            [StageChange::DecisionRemoved { .. }]
        ));
        assert_eq!(c.change_count(), 7);
        assert_eq!(c.changed_stage_count(), 3);
    }

    #[test]
    fn emotions_and_responsibility_per_stage() {
        let mut a = base();
        a.personas = vec![Persona {
            id: Id::from("cfo"),
            name: Text::from("CFO"),
            description: Text::default(),
        }];
        a.emotions = vec![Emotion {
            persona: Id::from("cfo"),
            stage: Id::from("s1"),
            score: -1,
            note: String::new(),
        }];
        a.departments = vec![Department {
            id: Id::from("mkt"),
            name: Text::from("Marketing"),
            owns: vec![Id::from("s1")],
            contributes: vec![],
        }];
        let mut b = version(&a);
        b.emotions[0].score = 2;
        b.emotions.push(Emotion {
            persona: Id::from("cfo"),
            stage: Id::from("s2"),
            score: 0,
            note: String::new(),
        });
        b.departments[0].owns.clear();
        b.departments[0].contributes = vec![Id::from("s1"), Id::from("s3")];
        let c = compare(&a, &b, Lang::En);
        assert_eq!(
            diff(&c, "s1").changes,
            vec![
                StageChange::EmotionChanged {
                    persona: "CFO".into(),
                    from: Some(-1),
                    to: Some(2)
                },
                StageChange::ResponsibilityChanged {
                    department: "Marketing".into(),
                    from: Responsibility::Owns,
                    to: Responsibility::Contributes
                },
            ]
        );
        assert_eq!(
            diff(&c, "s2").changes,
            vec![StageChange::EmotionChanged {
                persona: "CFO".into(),
                from: None,
                to: Some(0)
            }]
        );
        assert_eq!(
            diff(&c, "s3").changes,
            vec![StageChange::ResponsibilityChanged {
                department: "Marketing".into(),
                from: Responsibility::None,
                to: Responsibility::Contributes
            }]
        );
        assert_eq!(c.change_count(), 4);
    }

    #[test]
    fn content_assets_added_removed_changed_and_moved() {
        let asset = |id: &str, stage: &str, title: &str| ContentAsset {
            id: Id::from(id),
            title: Text::from(title),
            kind: ContentKind::CaseStudy,
            stage: Id::from(stage),
            persona: None,
            question: String::new(),
        };
        let mut a = base();
        a.content = vec![
            asset("x1", "s1", "Case A"),
            asset("x2", "s1", "Guide"),
            asset("x3", "s2", "Old"),
        ];
        let mut b = version(&a);
        b.content[0].kind = ContentKind::Video;
        b.content[0].question = "Why us?".into();
        b.content[1].stage = Id::from("s3");
        b.content.remove(2);
        b.content.push(asset("x4", "s2", "New"));
        let c = compare(&a, &b, Lang::En);
        assert_eq!(
            diff(&c, "s1").changes,
            vec![
                StageChange::AssetChanged {
                    title: "Case A".into(),
                    fields: vec![AssetField::Kind, AssetField::Question]
                },
                StageChange::AssetMovedOut {
                    title: "Guide".into(),
                    to: "Buy".into()
                },
            ]
        );
        assert_eq!(
            diff(&c, "s2").changes,
            vec![
                StageChange::AssetAdded {
                    title: "New".into()
                },
                StageChange::AssetRemoved {
                    title: "Old".into()
                },
            ]
        );
        assert_eq!(
            diff(&c, "s3").changes,
            vec![StageChange::AssetMovedIn {
                title: "Guide".into(),
                from: "Aware".into()
            }]
        );
        // Changed, added, removed, moved (once): 4 in 3 stages.
        assert_eq!(c.change_count(), 4);
        assert_eq!(c.changed_stage_count(), 3);
    }

    #[test]
    fn map_level_changes() {
        let mut a = base();
        a.personas = vec![
            Persona {
                id: Id::from("cfo"),
                name: Text::from("CFO"),
                description: Text::default(),
            },
            Persona {
                id: Id::from("it"),
                name: Text::from("IT"),
                description: Text::default(),
            },
        ];
        a.departments = vec![Department {
            id: Id::from("mkt"),
            name: Text::from("Marketing"),
            owns: vec![],
            contributes: vec![],
        }];
        let mut b = version(&a);
        b.circular = true;
        b.lanes[0].name = Text::from("Moments");
        b.lanes[1].hidden = true;
        b.lanes.retain(|l| l.id.as_str() != "note");
        b.lanes.push(crate::domain::model::Lane {
            id: Id::from("ideas"),
            name: Text::from("Ideas"),
            kind: CardKind::Note,
            hidden: false,
        });
        b.personas[0].name = Text::from("Finance lead");
        b.personas.remove(1);
        b.personas.push(Persona {
            id: Id::from("ceo"),
            name: Text::from("CEO"),
            description: Text::default(),
        });
        b.departments.clear();
        b.departments.push(Department {
            id: Id::from("cs"),
            name: Text::from("Success"),
            owns: vec![],
            contributes: vec![],
        });
        let c = compare(&a, &b, Lang::En);
        assert_eq!(
            c.map,
            vec![
                MapChange::Renamed {
                    from: "Ours".into(),
                    to: "Ours (to-be)".into()
                },
                MapChange::Circular { now: true },
                MapChange::LaneRenamed {
                    from: "Touchpoints".into(),
                    to: "Moments".into()
                },
                MapChange::LaneHidden {
                    name: "Buying-group roles".into(),
                    hidden: true
                },
                MapChange::LaneAdded {
                    name: "Ideas".into()
                },
                MapChange::LaneRemoved {
                    name: "Notes".into()
                },
                MapChange::PersonaRenamed {
                    from: "CFO".into(),
                    to: "Finance lead".into()
                },
                MapChange::PersonaAdded { name: "CEO".into() },
                MapChange::PersonaRemoved { name: "IT".into() },
                MapChange::DepartmentAdded {
                    name: "Success".into()
                },
                MapChange::DepartmentRemoved {
                    name: "Marketing".into()
                },
            ]
        );
        // Everything but the name counts; no stage changed.
        assert_eq!(c.map_change_count(), 10);
        assert_eq!(c.change_count(), 10);
        assert_eq!(c.changed_stage_count(), 0);
    }

    fn at(id: &str, secs: i64, of: Option<&str>) -> JourneyMap {
        let mut m = JourneyMap::new(
            Text::from(id),
            SourceModel::Blank,
            Timestamp::from_second(secs).unwrap(),
        );
        m.id = Id::from(id);
        m.version_of = of.map(Id::from);
        m
    }

    #[test]
    fn the_default_partner_is_the_original_then_the_newest_version_then_the_first_other() {
        let (orig, v1, v2, other) = (
            at("orig", 1, None),
            at("v1", 2, Some("orig")),
            at("v2", 3, Some("orig")),
            at("other", 4, None),
        );
        let all = [&other, &v2, &v1, &orig];
        assert_eq!(
            default_partner(&all, &Id::from("v1")),
            Some(Id::from("orig"))
        );
        assert_eq!(
            default_partner(&all, &Id::from("orig")),
            Some(Id::from("v2"))
        );
        // No version either way: the first other map in list order.
        assert_eq!(
            default_partner(&all, &Id::from("other")),
            Some(Id::from("v2"))
        );
        // A version whose original was deleted: the first other map.
        assert_eq!(
            default_partner(&[&v1, &other], &Id::from("v1")),
            Some(Id::from("other"))
        );
        assert_eq!(default_partner(&[&orig], &Id::from("orig")), None);
        assert_eq!(default_partner(&all, &Id::from("gone")), None);
    }

    #[test]
    fn the_version_is_the_to_be_side_else_the_newer_map() {
        let (orig, v1, other) = (
            at("orig", 5, None),
            at("v1", 2, Some("orig")),
            at("other", 4, None),
        );
        // v1 is newer data-wise but older by its clock: the version link wins.
        assert_eq!(sides(&v1, &orig).0.id.as_str(), "orig");
        assert_eq!(sides(&orig, &v1).1.id.as_str(), "v1");
        assert_eq!(sides(&orig, &other).0.id.as_str(), "other");
        assert_eq!(sides(&other, &orig).0.id.as_str(), "other");
    }

    #[test]
    fn cards_pair_up_side_by_side() {
        let a = base();
        let mut b = version(&a);
        // Aware: c2 removed, c0 added before c1; c3 (Consider) moved into Aware after c1.
        b.cards.retain(|c| c.id.as_str() != "c2");
        b.cards
            .insert(0, card("c0", "s1", CardKind::Touchpoint, "Event"));
        b.cards[2].stage = Id::from("s1");
        let c = compare(&a, &b, Lang::En);
        let s1 = diff(&c, "s1");
        fn ids<'a>(p: &CardPair<'a>) -> (Option<&'a str>, Option<&'a str>) {
            (p.0.map(|r| r.id.as_str()), p.1.map(|r| r.id.as_str()))
        }
        assert_eq!(
            s1.pairs().iter().map(ids).collect::<Vec<_>>(),
            [
                (None, Some("c0")),
                (Some("c1"), Some("c1")),
                (Some("c2"), None),
                (None, Some("c3")),
            ]
        );
        // Consider: its only card moved out, alone on the as-is side.
        let s2 = diff(&c, "s2");
        assert_eq!(
            s2.pairs().iter().map(ids).collect::<Vec<_>>(),
            [(Some("c3"), None)]
        );
    }
}
