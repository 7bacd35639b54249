//! What the metrics components read from, and change in, the open map: its stage and outcome
//! names in the UI language, and its metric settings.

use leptos::prelude::*;

use crate::domain::metrics::MetricSettings;
use crate::domain::{Edit, Id};
use crate::ui::state::{expect_state, use_lang, AppState};

/// The map's stages as (id, name in the UI language), in map order.
pub fn use_stage_names(map: StoredValue<Id>) -> Memo<Vec<(Id, String)>> {
    let state = expect_state();
    let lang = use_lang();
    Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .map(|m| {
                    m.stages
                        .iter()
                        .map(|s| (s.id.clone(), s.name.get(lang).to_owned()))
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

/// The name of stage `index` (its id when the map has no such stage).
pub fn stage_name(names: &[(Id, String)], index: u32) -> String {
    names
        .get(index as usize)
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| format!("#{}", index + 1))
}

/// The name of an outcome in the UI language (its id when the map has none by that id).
pub fn outcome_name(map: StoredValue<Id>, id: &str) -> String {
    let state = expect_state();
    let lang = use_lang();
    let lang = lang.get();
    state.workspace.with(|ws| {
        ws.map(&map.get_value())
            .and_then(|m| m.outcome(id).map(|o| o.name.get(lang).to_owned()))
            .unwrap_or_else(|| id.to_owned())
    })
}

/// The map's metric settings.
pub fn use_settings(map: StoredValue<Id>) -> Memo<MetricSettings> {
    let state = expect_state();
    Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.map(&map.get_value())
                .map(|m| m.metrics.clone())
                .unwrap_or_default()
        })
    })
}

/// Changes the map's metric settings with `change` (one [`Edit::SetMetricSettings`]).
pub fn change_settings(
    state: AppState,
    map: StoredValue<Id>,
    change: impl FnOnce(&mut MetricSettings),
) {
    let Some(mut settings) = state
        .workspace
        .with_untracked(|ws| ws.map(&map.get_value()).map(|m| m.metrics.clone()))
    else {
        return;
    };
    change(&mut settings);
    state.edit(&map.get_value(), Edit::SetMetricSettings { settings });
}
