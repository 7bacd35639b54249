//! What the canvas shares with its columns, cells and cards: the open map's grid, the names
//! they show, the card being edited and one signal per card. Made by [`super::Canvas`]; read by
//! the components inside it through [`expect_canvas`], so none of them needs the canvas itself.

use crate::domain::{ContentAsset, Department, Persona};
use crate::domain::{Lane, Stage};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use leptos::prelude::*;

use crate::domain::canvas::{CurvePiece, Grid};
use crate::domain::{Card, CardKind, Id, Lang};
use crate::ui::open_map::OpenMap;

/// What the canvas shares with its columns, cells and cards.
///
/// Thousands of cards must not each subscribe to the workspace: every edit would re-run them all,
/// and the reactive graph pays for each re-subscription in proportion to the number of
/// subscribers. So each card reads its own signal (set only when that card changes), and the
/// names cards show come from one memo of lookups that changes only when a name does.
#[derive(Clone, Copy)]
pub struct CanvasCtx {
    /// The open map (the page's [`OpenMap`], kept here so that no card looks it up).
    pub open: OpenMap,
    /// Where every card sits.
    pub grid: Memo<Grid>,
    /// Names and kinds the cells and cards show.
    pub lookups: Memo<Lookups>,
    /// Personas in map order: (id, name).
    pub personas: Memo<Vec<(Id<Persona>, String)>>,
    /// Each persona's emotion curve, one piece per stage.
    pub curves: Memo<HashMap<Id<Persona>, Vec<Option<CurvePiece>>>>,
    /// The card being edited in place, if any (Enter on a card opens it).
    pub editing: RwSignal<Option<Id<Card>>>,
    /// The stage columns drawn in full (first, last); the others show their heading only.
    pub drawn: RwSignal<(usize, usize)>,
    /// Whether a card is the one being edited (one subscription per card, not one for all).
    pub is_editing: StoredValue<Selector<Option<Id<Card>>>>,
    pub(super) cards: StoredValue<CardSignals>,
}

impl CanvasCtx {
    /// The card's own signal (`None` once the card is gone).
    pub fn card(&self, id: &Id<Card>) -> ArcRwSignal<Option<Card>> {
        self.cards.with_value(|c| c.get(id))
    }
}

/// The canvas context, for the components inside it.
pub fn expect_canvas() -> CanvasCtx {
    expect_context::<CanvasCtx>()
}

/// Names and kinds by id, in the UI language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lookups {
    pub lanes: HashMap<Id<Lane>, (String, CardKind)>,
    pub stages: HashMap<Id<Stage>, (usize, String)>,
    pub stage_count: usize,
    pub departments: HashMap<Id<Department>, String>,
    pub personas: HashMap<Id<Persona>, String>,
    pub assets: HashMap<Id<ContentAsset>, String>,
}

/// The card with an id in the map now (read without tracking).
type CurrentCard = Arc<dyn Fn(&Id<Card>) -> Option<Card> + Send + Sync>;

/// The signal of each card, by id.
type Signals = Arc<RwLock<HashMap<Id<Card>, ArcRwSignal<Option<Card>>>>>;

/// One signal per card of the map, kept in step by one render effect on the workspace.
#[derive(Clone)]
pub(super) struct CardSignals {
    signals: Signals,
    current: CurrentCard,
    _effect: Arc<RenderEffect<()>>,
}

impl CardSignals {
    pub(super) fn new(open: OpenMap) -> Self {
        let signals: Signals = Default::default();
        let effect = RenderEffect::new({
            let signals = Arc::clone(&signals);
            move |_| {
                let sync = |cards: &[Card]| {
                    let Ok(mut sigs) = signals.write() else {
                        return;
                    };
                    let mut live = HashSet::with_capacity(cards.len());
                    for c in cards {
                        live.insert(&c.id);
                        if let Some(s) = sigs.get(&c.id) {
                            if s.with_untracked(|v| v.as_ref() != Some(c)) {
                                s.set(Some(c.clone()));
                            }
                        }
                    }
                    sigs.retain(|id, s| {
                        let keep = live.contains(id);
                        if !keep {
                            s.set(None);
                        }
                        keep
                    });
                };
                if open.with_map(|m| sync(&m.cards)).is_none() {
                    sync(&[]);
                }
            }
        });
        let current = Arc::new(move |id: &Id<Card>| {
            open.with_map_untracked(|m| m.card(id).cloned()).flatten()
        });
        CardSignals {
            signals,
            current,
            _effect: Arc::new(effect),
        }
    }

    fn get(&self, id: &Id<Card>) -> ArcRwSignal<Option<Card>> {
        if let Some(s) = self.signals.read().ok().and_then(|s| s.get(id).cloned()) {
            return s;
        }
        let s = ArcRwSignal::new((self.current)(id));
        if let Ok(mut sigs) = self.signals.write() {
            sigs.insert(id.clone(), s.clone());
        }
        s
    }
}

pub(super) fn lookups(m: &crate::domain::JourneyMap, l: Lang) -> Lookups {
    let name = |t: &crate::domain::Text| t.get(l).to_owned();
    Lookups {
        lanes: m
            .lanes
            .iter()
            .map(|x| (x.id.clone(), (name(&x.name), x.kind)))
            .collect(),
        stages: m
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), (i, name(&s.name))))
            .collect(),
        stage_count: m.stages.len(),
        departments: m
            .departments
            .iter()
            .map(|d| (d.id.clone(), name(&d.name)))
            .collect(),
        personas: m
            .personas
            .iter()
            .map(|p| (p.id.clone(), name(&p.name)))
            .collect(),
        assets: m
            .content
            .iter()
            .map(|a| (a.id.clone(), name(&a.title)))
            .collect(),
    }
}
