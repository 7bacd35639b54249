//! Under a template question card: the answer the imported data gives, when a figure is linked
//! to the question (see `domain::metrics::questions`).

use crate::domain::Card;
use leptos::prelude::*;

use crate::domain::format;
use crate::domain::metrics::questions::{answer, Answer, Sources};
use crate::domain::{Id, Lang};
use crate::i18n::*;
use crate::ui::data::expect_data;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The data's answer to one question card, or nothing when no figure is linked to it or no
/// data is loaded.
#[component]
pub fn QuestionAnswer(
    /// The question card.
    card: Id<Card>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let data = expect_data();
    let lang = use_lang();
    let card = StoredValue::new(card);
    let found = Memo::new(move |_| {
        let loaded = data.loaded.get()?;
        let analysis = data.analysis.get()?.ok()?;
        let report = data.report.get()?;
        let l = lang.get();
        open.with_map(|m| {
            let c = m.card(&card.get_value())?;
            let sources = Sources {
                map: m,
                data: &loaded.dataset,
                classification: &analysis.classification,
                paths: &analysis.paths,
                report: &report,
            };
            let a = answer(sources, c)?;
            let temps = [
                t_string!(i18n, temp_cold).to_string(),
                t_string!(i18n, temp_warm).to_string(),
                t_string!(i18n, temp_hot).to_string(),
            ];
            Some(words(&a, m, l, &temps))
        })
        .flatten()
    });
    move || {
        found.get().map(|text| {
            let text = match text {
                Some(t) => t,
                None => t_string!(i18n, answer_no_data).to_string(),
            };
            view! {
                <p class="card-answer" data-testid="question-answer">
                    <span class="answer-label">{t!(i18n, answer_label)}" "</span>
                    {text}
                </p>
            }
        })
    }
}

/// The answer in words (numbers formatted in the UI language); `None` for "no data".
fn words(
    a: &Answer,
    map: &crate::domain::JourneyMap,
    l: Lang,
    temperatures: &[String; 3],
) -> Option<String> {
    let of = |num: u32, den: u32| {
        format!(
            "{} / {} ({})",
            format::count(num, l),
            format::count(den, l),
            format::percent((den > 0).then(|| f64::from(num) / f64::from(den)), l)
        )
    };
    Some(match a {
        Answer::NoData => return None,
        Answer::Shares { shares } => {
            let n = shares.first().map_or(0, |(_, r)| r.den);
            let parts: Vec<String> = shares
                .iter()
                .map(|(id, r)| {
                    let name = map
                        .outcome(id.as_str())
                        .map_or_else(|| id.to_string(), |o| o.name.get(l).to_owned());
                    format!("{name} {}", format::ratio(*r, l))
                })
                .collect();
            format!("{} (n = {})", parts.join(" · "), format::count(n, l))
        }
        Answer::Ratio { ratio } => of(ratio.num, ratio.den),
        Answer::Count { count } => format::count(*count, l),
        Answer::Temperatures { counts } => temperatures
            .iter()
            .zip(counts)
            .map(|(name, n)| format!("{name} {}", format::count(*n, l)))
            .collect::<Vec<_>>()
            .join(" · "),
        Answer::Money { value, share } => match share {
            Some(s) => format!(
                "{} ({})",
                format::money(Some(*value), l),
                format::percent(Some(*s), l)
            ),
            None => format::money(Some(*value), l),
        },
        Answer::Top { items } => items
            .iter()
            .map(|(name, n)| format!("{name} {}", format::count(*n, l)))
            .collect::<Vec<_>>()
            .join(" · "),
    })
}
