//! The headline figures broken down by a column (owner, source, first channel, a kept column):
//! one row per value, so segments can be compared.

use leptos::prelude::*;

use super::MetricTerm;
use crate::domain::format;
use crate::domain::metrics::segments::{segment_fields, SegmentLabel};
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::state::use_lang;
use crate::ui::terms::Term;

/// How many values get a row of their own; the rest are "Other".
const SHOWN: usize = 8;

/// A column picker and the figures of each of its values (`data-testid="segment-table"`).
#[component]
pub fn SegmentTable() -> impl IntoView {
    let i18n = use_i18n();
    let data = expect_data();
    let lang = use_lang();
    let fields = Memo::new(move |_| {
        data.loaded
            .get()
            .map(|l| segment_fields(&l.dataset))
            .unwrap_or_default()
    });
    let picked = RwSignal::new(None::<String>);
    let field = Memo::new(move |_| picked.get().or_else(|| fields.read().first().cloned()));
    // Worked out in the data worker (a pass over every event on a large file); shown only when
    // it is the answer for the field picked now.
    let segments = LocalResource::new(move || {
        let field = field.get();
        data.analysis.track();
        data.figures_map.track();
        async move {
            let field = field?;
            let reports = data.segment_reports(&field, SHOWN).await?;
            Some((field, reports))
        }
    });
    let rows = move || {
        let lang = lang.get();
        let now = field.get();
        let answered = segments
            .get()
            .flatten()
            .filter(|(f, _)| Some(f) == now.as_ref());
        answered.map(|(_, segments)| {
            segments
                .into_iter()
                .map(|(label, r)| {
                    let (name, test) = match label {
                        SegmentLabel::Value(v) => (v.clone(), v),
                        SegmentLabel::Empty => (t_string!(i18n, metrics_segment_empty).to_string(), "(empty)".to_owned()),
                        SegmentLabel::Other => (t_string!(i18n, metrics_segment_other).to_string(), "(other)".to_owned()),
                    };
                    let win = r.decisions.first().map(|d| d.win_rate);
                    view! {
                        <tr data-testid=format!("segment-{test}")>
                            <th scope="row">{name}</th>
                            <td class="n contacts">{format::count(r.contacts, lang)}</td>
                            <td class="n became">
                                {format::ratio(r.became_clients, lang)}
                                <span class="muted">{format!(" ({}/{})", r.became_clients.num, r.became_clients.den)}</span>
                            </td>
                            <td class="n ttc">
                                {format::days(r.time_to_convert.median(), lang)}
                                <span class="muted">{format!(" (n = {})", r.time_to_convert.n())}</span>
                            </td>
                            <td class="n win">{win.map_or_else(|| format::NONE.to_owned(), |w| format::ratio(w, lang))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let options = move || {
        let chosen = field.get();
        fields
            .get()
            .into_iter()
            .map(|f| {
                let selected = chosen.as_ref() == Some(&f);
                view! { <option value=f.clone() selected=selected>{f.clone()}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="segments" aria-labelledby="m-segments-h">
            <h3 id="m-segments-h">{t!(i18n, metrics_segments_heading)}</h3>
            <Show
                when=move || !fields.read().is_empty()
                fallback=move || view! { <p class="hint">{t!(i18n, metrics_segment_none)}</p> }
            >
                <label class="inline-field">
                    <span>{t!(i18n, metrics_segment_by)}</span>
                    <select data-testid="segment-field" on:change=move |ev| picked.set(Some(event_target_value(&ev)))>
                        {options}
                    </select>
                </label>
                <div class="table-scroll">
                    <table class="metrics-table" data-testid="segment-table">
                        <caption>
                            {move || t_string!(i18n, metrics_segment_caption, field = field.get().unwrap_or_default()).to_string()}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col"><MetricTerm term=Term::Segment /></th>
                                <th scope="col"><MetricTerm term=Term::Contacts /></th>
                                <th scope="col"><MetricTerm term=Term::BecameClients /></th>
                                <th scope="col"><MetricTerm term=Term::TimeToConvert /></th>
                                <th scope="col"><MetricTerm term=Term::WinRate /></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
