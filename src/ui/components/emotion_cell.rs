//! How one persona feels in one stage: a −2..+2 choice, and this stage's piece of the persona's
//! emotion curve (drawn in SVG; the score is also written as a number, so colour and position are
//! not the only signal).

use crate::domain::Persona;
use crate::domain::Stage;
use leptos::prelude::*;

use super::expect_canvas;
use crate::domain::{Edit, Emotion, Id};
use crate::i18n::*;
use crate::ui::embed::use_read_only;

/// Height of the drawing, in its own units; a score of +2 is at the top.
const H: f64 = 40.0;

fn y(score: f64) -> f64 {
    (H / 2.0) - score * (H / 2.0 - 4.0) / 2.0
}

#[component]
pub fn EmotionCell(
    /// The persona.
    persona: Id<Persona>,
    /// The persona's name, for the accessible name of the choice.
    persona_name: String,
    /// The stage.
    stage: Id<Stage>,
    /// The stage's column.
    index: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = expect_canvas();
    let open = canvas.open;
    let read_only = use_read_only();
    let (persona, stage) = (StoredValue::new(persona), StoredValue::new(stage));
    let piece = Memo::new(move |_| {
        canvas
            .curves
            .with(|c| c.get(&persona.get_value())?.get(index).copied().flatten())
    });
    let stage_name = Memo::new(move |_| {
        canvas
            .lookups
            .with(|lk| lk.stages.get(&stage.get_value()).map(|s| s.1.clone()))
            .unwrap_or_default()
    });
    let note = move || {
        open.with_map_untracked(|m| {
            m.emotion(&persona.get_value(), &stage.get_value())
                .map(|e| e.note.clone())
        })
        .flatten()
        .unwrap_or_default()
    };
    let set = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let emotion = v.parse::<i8>().ok().map(|s| (s, note()));
        open.edit(Edit::SetEmotion {
            persona: persona.get_value(),
            stage: stage.get_value(),
            emotion,
        });
    };
    let label = {
        let persona_name = persona_name.clone();
        move || {
            t_string!(
                i18n,
                emotion_of,
                persona = persona_name.clone(),
                stage = stage_name.get()
            )
            .to_string()
        }
    };
    let value = move || piece.get().map(|p| p.score.to_string()).unwrap_or_default();
    let word = move |s: i8| {
        let word = match s {
            2 => t_string!(i18n, emotion_very_positive),
            1 => t_string!(i18n, emotion_positive),
            0 => t_string!(i18n, emotion_neutral),
            -1 => t_string!(i18n, emotion_negative),
            _ => t_string!(i18n, emotion_very_negative),
        };
        format!("{} {}", signed(s), word)
    };
    // A closure, not a view: the `<Show>` may draw its children more than once.
    let options = move || {
        (Emotion::MIN..=Emotion::MAX)
            .rev()
            .map(|s| view! { <option value=s.to_string()>{move || word(s)}</option> })
            .collect_view()
    };
    // Read-only: the score in words instead of the choice ("Emotion of …: +1 positive").
    let read_text = {
        let label = label.clone();
        move || {
            format!(
                "{}: {}",
                label(),
                piece
                    .get()
                    .map_or_else(|| "—".to_owned(), |p| word(p.score))
            )
        }
    };
    let drawing = move || {
        piece.get().map(|p| {
            let c = y(f64::from(p.score));
            let mut d = String::new();
            match p.left {
                Some(l) => d.push_str(&format!("M0,{:.1} L50,{c:.1}", y(l))),
                None => d.push_str(&format!("M50,{c:.1}")),
            }
            if let Some(r) = p.right {
                d.push_str(&format!(" L100,{:.1}", y(r)));
            }
            let top = format!("{:.1}%", c / H * 100.0);
            view! {
                <svg class="curve" viewBox=format!("0 0 100 {H}") preserveAspectRatio="none" aria-hidden="true">
                    <line class="zero" x1="0" x2="100" y1=y(0.0) y2=y(0.0) />
                    <path d=d />
                </svg>
                <span class=format!("dot score{}", p.score) style=format!("top: {top}") aria-hidden="true">
                    {signed(p.score)}
                </span>
            }
        })
    };
    view! {
        <div class="emotion-cell">
            <div class="curve-box">{drawing}</div>
            <Show
                when=move || !read_only.get()
                fallback=move || view! { <span class="visually-hidden">{read_text.clone()}</span> }
            >
                <select class="emotion-pick" aria-label=label.clone() prop:value=value on:change=set>
                    <option value="">"—"</option>
                    {options}
                </select>
            </Show>
        </div>
    }
}

/// "+2", "+1", "0", "−1", "−2".
fn signed(s: i8) -> String {
    match s {
        s if s > 0 => format!("+{s}"),
        0 => "0".to_owned(),
        s => format!("−{}", -s),
    }
}
