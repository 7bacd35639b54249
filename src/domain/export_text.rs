//! A map written out as text: a Markdown document and a Mermaid `journey` diagram.
//!
//! The words around the map's own texts ("Decision", "Outcomes", "Exit", "Emotions") come from
//! [`Labels`], which the caller fills in the reader's language. The map's texts are escaped so
//! that they cannot break either format: no newline survives, a Markdown line never starts with
//! a character that would make it a heading, quote, list or table, and Mermaid's separators
//! (`:` between a task and its score, `#` and `;` that end a statement, `,` between actors) are
//! replaced by look-alike characters.

use crate::domain::model::{Lane, Stage};
use std::collections::{HashMap, HashSet};

use super::model::{Card, CardKind, Destination, Id, JourneyMap};
use super::text::Lang;

/// The words of the export, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// Before a stage's decision question.
    pub decision: String,
    /// Before the list of a decision's outcomes.
    pub outcomes: String,
    /// Where an outcome that leaves the journey leads.
    pub exit: String,
    /// The heading of a stage's emotions.
    pub emotions: String,
}

/// One line of text: runs of whitespace (newlines included) become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` on one line, safe inside a Markdown paragraph, heading or list item.
pub fn markdown_text(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // A line starting with these would become a heading, list item or rule.
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    // "1. text" would start a numbered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// `text` on one line, safe as a Mermaid title, section or task name.
pub fn mermaid_text(text: &str) -> String {
    let out: String = one_line(text)
        .chars()
        .map(|c| match c {
            ':' => '∶',
            '#' => '＃',
            ';' => '；',
            c => c,
        })
        .collect();
    if out.is_empty() {
        "—".to_owned()
    } else {
        out
    }
}

/// A persona's name as a Mermaid actor (commas separate actors).
fn mermaid_actor(text: &str) -> String {
    mermaid_text(text).replace(',', "‚")
}

/// An emotion of −2..+2 as a Mermaid score of 1..5.
pub fn mermaid_score(emotion: i8) -> i8 {
    emotion.clamp(-2, 2) + 3
}

/// The map as a Markdown document: its name as the heading, one section per stage (its
/// description, decision and outcomes, its cards per visible lane, and its emotions).
///
/// The cards are grouped by cell and the emotions indexed once, so the export costs about the
/// size of the map (not stages × lanes × cards, nor stages × personas × emotions).
pub fn to_markdown(map: &JourneyMap, lang: Lang, labels: &Labels) -> String {
    let stages = first_by_id(map.stages.iter().map(|s| (&s.id, s)));
    let emotions = map.emotions_by_persona_and_stage();
    let mut cells: HashMap<(&Id<Stage>, &Id<Lane>), Vec<&Card>> = HashMap::new();
    for c in &map.cards {
        cells.entry((&c.stage, &c.lane)).or_default().push(c);
    }
    let mut out = format!("# {}\n", markdown_text(map.name.get(lang)));
    for (i, stage) in map.stages.iter().enumerate() {
        out.push_str(&format!(
            "\n## {}. {}\n",
            i + 1,
            markdown_text(stage.name.get(lang))
        ));
        let description = stage.description.get(lang);
        if !description.trim().is_empty() {
            out.push_str(&format!("\n{}\n", markdown_text(description)));
        }
        if let Some(decision) = &stage.decision {
            out.push_str(&format!(
                "\n**{}:** {}\n\n{}:\n\n",
                markdown_text(&labels.decision),
                markdown_text(decision.question.get(lang)),
                markdown_text(&labels.outcomes)
            ));
            for o in &decision.outcomes {
                let to = match &o.leads_to {
                    Destination::Exit => labels.exit.clone(),
                    Destination::Stage(id) => stages
                        .get(id)
                        .map_or_else(|| id.to_string(), |s| s.name.get(lang).to_owned()),
                };
                out.push_str(&format!(
                    "- {} → {}\n",
                    markdown_text(o.name.get(lang)),
                    markdown_text(&to)
                ));
            }
        }
        for lane in map.lanes.iter().filter(|l| !l.hidden) {
            let Some(cards) = cells.get(&(&stage.id, &lane.id)) else {
                continue;
            };
            out.push_str(&format!("\n### {}\n\n", markdown_text(lane.name.get(lang))));
            for c in cards {
                out.push_str(&format!("- {}\n", markdown_text(c.title.get(lang))));
            }
        }
        let feelings: Vec<String> = map
            .personas
            .iter()
            .filter_map(|p| {
                let e = emotions.get(&(&p.id, &stage.id))?;
                let note = if e.note.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", markdown_text(&e.note))
                };
                Some(format!(
                    "- {}: {}{note}\n",
                    markdown_text(p.name.get(lang)),
                    super::charts::journey::score_text(e.score)
                ))
            })
            .collect();
        if !feelings.is_empty() {
            out.push_str(&format!("\n### {}\n\n", markdown_text(&labels.emotions)));
            out.push_str(&feelings.concat());
        }
    }
    out
}

/// The first of each id, as a search from the start finds it.
fn first_by_id<'a, K, T>(items: impl Iterator<Item = (&'a Id<K>, T)>) -> HashMap<&'a Id<K>, T> {
    let mut by = HashMap::new();
    for (id, t) in items {
        by.entry(id).or_insert(t);
    }
    by
}

/// The map as a Mermaid `journey`: one section per stage, its touchpoints as tasks. A task's
/// score is the emotion of the card's persona in that stage, else the rounded mean of the
/// emotions set in the stage (3 when none is); its actors are the personas whose emotion is
/// set. A stage without touchpoints gets one task named after the stage.
pub fn to_mermaid(map: &JourneyMap, lang: Lang) -> String {
    let mut out = format!("journey\n  title {}\n", mermaid_text(map.name.get(lang)));
    let touchpoint_lanes: HashSet<&Id<Lane>> = map
        .lanes
        .iter()
        .filter(|l| l.kind == CardKind::Touchpoint)
        .map(|l| &l.id)
        .collect();
    let personas = first_by_id(map.personas.iter().map(|p| (&p.id, p)));
    let emotions = map.emotions_by_persona_and_stage();
    // The touchpoints of each stage, in map order.
    let mut touchpoints: HashMap<&Id<Stage>, Vec<&Card>> = HashMap::new();
    for c in map
        .cards
        .iter()
        .filter(|c| touchpoint_lanes.contains(&c.lane))
    {
        touchpoints.entry(&c.stage).or_default().push(c);
    }
    for stage in &map.stages {
        let set: Vec<(&str, i8)> = map
            .personas
            .iter()
            .filter_map(|p| {
                emotions
                    .get(&(&p.id, &stage.id))
                    .map(|e| (p.name.get(lang), e.score))
            })
            .collect();
        let mean = if set.is_empty() {
            0
        } else {
            let sum: i32 = set.iter().map(|(_, s)| i32::from(*s)).sum();
            (f64::from(sum) / set.len() as f64).round() as i8
        };
        let all_actors: Vec<String> = set.iter().map(|(n, _)| mermaid_actor(n)).collect();
        out.push_str(&format!(
            "  section {}\n",
            mermaid_text(stage.name.get(lang))
        ));
        let mut tasks = 0;
        for card in touchpoints.get(&stage.id).into_iter().flatten() {
            let own = card.persona.as_ref().and_then(|p| {
                let e = emotions.get(&(p, &stage.id))?;
                Some((e.score, mermaid_actor(personas.get(p)?.name.get(lang))))
            });
            let (score, actors) = match own {
                Some((score, actor)) => (score, vec![actor]),
                None => (mean, all_actors.clone()),
            };
            out.push_str(&task_line(card.title.get(lang), score, &actors));
            tasks += 1;
        }
        if tasks == 0 {
            out.push_str(&task_line(stage.name.get(lang), mean, &all_actors));
        }
    }
    out
}

fn task_line(name: &str, emotion: i8, actors: &[String]) -> String {
    if actors.is_empty() {
        format!("    {}: {}\n", mermaid_text(name), mermaid_score(emotion))
    } else {
        format!(
            "    {}: {}: {}\n",
            mermaid_text(name),
            mermaid_score(emotion),
            actors.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{
        Card, DecisionPoint, Emotion, Id, Lane, Outcome, Persona, SourceModel, Stage,
    };
    use crate::domain::text::Text;

    /// The exports as they were before cards were grouped by cell and emotions indexed: the
    /// references the new ones must match.
    mod reference {
        use super::super::{markdown_text, mermaid_actor, mermaid_text, task_line, Labels};
        use crate::domain::model::{CardKind, Destination, JourneyMap};
        use crate::domain::text::Lang;

        /// The map as a Markdown document: its name as the heading, one section per stage (its
        /// description, decision and outcomes, its cards per visible lane, and its emotions).
        pub fn to_markdown(map: &JourneyMap, lang: Lang, labels: &Labels) -> String {
            let mut out = format!("# {}\n", markdown_text(map.name.get(lang)));
            for (i, stage) in map.stages.iter().enumerate() {
                out.push_str(&format!(
                    "\n## {}. {}\n",
                    i + 1,
                    markdown_text(stage.name.get(lang))
                ));
                let description = stage.description.get(lang);
                if !description.trim().is_empty() {
                    out.push_str(&format!("\n{}\n", markdown_text(description)));
                }
                if let Some(decision) = &stage.decision {
                    out.push_str(&format!(
                        "\n**{}:** {}\n\n{}:\n\n",
                        markdown_text(&labels.decision),
                        markdown_text(decision.question.get(lang)),
                        markdown_text(&labels.outcomes)
                    ));
                    for o in &decision.outcomes {
                        let to = match &o.leads_to {
                            Destination::Exit => labels.exit.clone(),
                            Destination::Stage(id) => map
                                .stage(id)
                                .map_or_else(|| id.to_string(), |s| s.name.get(lang).to_owned()),
                        };
                        out.push_str(&format!(
                            "- {} → {}\n",
                            markdown_text(o.name.get(lang)),
                            markdown_text(&to)
                        ));
                    }
                }
                for lane in map.lanes.iter().filter(|l| !l.hidden) {
                    let cards: Vec<&str> = map
                        .cards_in(&stage.id, &lane.id)
                        .map(|c| c.title.get(lang))
                        .collect();
                    if cards.is_empty() {
                        continue;
                    }
                    out.push_str(&format!("\n### {}\n\n", markdown_text(lane.name.get(lang))));
                    for title in cards {
                        out.push_str(&format!("- {}\n", markdown_text(title)));
                    }
                }
                let feelings: Vec<String> = map
                    .personas
                    .iter()
                    .filter_map(|p| {
                        let e = map.emotion(&p.id, &stage.id)?;
                        let note = if e.note.trim().is_empty() {
                            String::new()
                        } else {
                            format!(" — {}", markdown_text(&e.note))
                        };
                        Some(format!(
                            "- {}: {}{note}\n",
                            markdown_text(p.name.get(lang)),
                            crate::domain::charts::journey::score_text(e.score)
                        ))
                    })
                    .collect();
                if !feelings.is_empty() {
                    out.push_str(&format!("\n### {}\n\n", markdown_text(&labels.emotions)));
                    out.push_str(&feelings.concat());
                }
            }
            out
        }

        /// The map as a Mermaid `journey`: one section per stage, its touchpoints as tasks. A task's
        /// score is the emotion of the card's persona in that stage, else the rounded mean of the
        /// emotions set in the stage (3 when none is); its actors are the personas whose emotion is
        /// set. A stage without touchpoints gets one task named after the stage.
        pub fn to_mermaid(map: &JourneyMap, lang: Lang) -> String {
            let mut out = format!("journey\n  title {}\n", mermaid_text(map.name.get(lang)));
            let touchpoint_lanes: Vec<_> = map
                .lanes
                .iter()
                .filter(|l| l.kind == CardKind::Touchpoint)
                .map(|l| &l.id)
                .collect();
            for stage in &map.stages {
                let set: Vec<(&str, i8)> = map
                    .personas
                    .iter()
                    .filter_map(|p| {
                        map.emotion(&p.id, &stage.id)
                            .map(|e| (p.name.get(lang), e.score))
                    })
                    .collect();
                let mean = if set.is_empty() {
                    0
                } else {
                    let sum: i32 = set.iter().map(|(_, s)| i32::from(*s)).sum();
                    (f64::from(sum) / set.len() as f64).round() as i8
                };
                let all_actors: Vec<String> = set.iter().map(|(n, _)| mermaid_actor(n)).collect();
                out.push_str(&format!(
                    "  section {}\n",
                    mermaid_text(stage.name.get(lang))
                ));
                let mut tasks = 0;
                for card in map
                    .cards
                    .iter()
                    .filter(|c| c.stage == stage.id && touchpoint_lanes.contains(&&c.lane))
                {
                    let own = card.persona.as_ref().and_then(|p| {
                        let e = map.emotion(p, &stage.id)?;
                        Some((e.score, mermaid_actor(map.persona(p)?.name.get(lang))))
                    });
                    let (score, actors) = match own {
                        Some((score, actor)) => (score, vec![actor]),
                        None => (mean, all_actors.clone()),
                    };
                    out.push_str(&task_line(card.title.get(lang), score, &actors));
                    tasks += 1;
                }
                if tasks == 0 {
                    out.push_str(&task_line(stage.name.get(lang), mean, &all_actors));
                }
            }
            out
        }
    }

    fn labels() -> Labels {
        Labels {
            decision: "Decision".into(),
            outcomes: "Outcomes".into(),
            exit: "Exit".into(),
            emotions: "Emotions".into(),
        }
    }

    /// Two stages; "Look" decides: "Buy" → "Use", "No" → exit. A touchpoint "Web: site" and a
    /// note in Look, nothing in Use; personas "CFO" (+2 in Look, −1 in Use) and "IT, ops"
    /// (−1 in Look).
    fn map() -> JourneyMap {
        let mut m = JourneyMap::new(
            Text::from("# Our journey"),
            SourceModel::Blank,
            jiff::Timestamp::UNIX_EPOCH,
        );
        let stage = |id: &str, name: &str| Stage {
            id: Id::from(id),
            name: Text::from(name),
            description: Text::default(),
            decision: None,
        };
        m.stages = vec![stage("look", "Look"), stage("use", "Use")];
        m.stages[0].description = Text::from("First\nline");
        m.stages[0].decision = Some(DecisionPoint {
            question: Text::from("Buy?"),
            outcomes: vec![
                Outcome {
                    id: Id::from("buy"),
                    name: Text::from("Buy"),
                    leads_to: Destination::Stage(Id::from("use")),
                },
                Outcome {
                    id: Id::from("no"),
                    name: Text::from("No"),
                    leads_to: Destination::Exit,
                },
            ],
        });
        m.lanes = vec![
            Lane {
                id: Id::from("tp"),
                name: Text::from("Touchpoints"),
                kind: CardKind::Touchpoint,
                hidden: false,
            },
            Lane {
                id: Id::from("notes"),
                name: Text::from("Notes"),
                kind: CardKind::Note,
                hidden: false,
            },
        ];
        m.cards = vec![
            Card::plain(
                Id::from("c1"),
                Id::from("look"),
                Id::from("tp"),
                Text::from("Web: site"),
            ),
            Card::plain(
                Id::from("c2"),
                Id::from("look"),
                Id::from("notes"),
                Text::from("| not a table"),
            ),
        ];
        let persona = |id: &str, name: &str| Persona {
            id: Id::from(id),
            name: Text::from(name),
            description: Text::default(),
        };
        m.personas = vec![persona("cfo", "CFO"), persona("it", "IT, ops")];
        let e = |p: &str, s: &str, score| Emotion {
            persona: Id::from(p),
            stage: Id::from(s),
            score,
            note: String::new(),
        };
        m.emotions = vec![
            e("cfo", "look", 2),
            e("it", "look", -1),
            e("cfo", "use", -1),
        ];
        m
    }

    #[test]
    fn markdown_has_a_section_per_stage_with_decision_cards_and_emotions() {
        let md = to_markdown(&map(), Lang::En, &labels());
        let expected = "\
# \\# Our journey

## 1. Look

First line

**Decision:** Buy?

Outcomes:

- Buy → Use
- No → Exit

### Touchpoints

- Web: site

### Notes

- \\| not a table

### Emotions

- CFO: +2
- IT, ops: −1

## 2. Use

### Emotions

- CFO: −1
";
        assert_eq!(md, expected);
    }

    #[test]
    fn mermaid_scores_touchpoints_by_the_stage_emotions() {
        let mm = to_mermaid(&map(), Lang::En);
        // Look: mean of +2 and −1 = 0.5 → rounds to 1 → score 4; actors CFO and "IT‚ ops".
        // Use: no touchpoint, so one task named after the stage, CFO −1 → 2.
        assert_eq!(
            mm,
            "journey\n  title ＃ Our journey\n  section Look\n    Web∶ site: 4: CFO, IT‚ ops\n  section Use\n    Use: 2: CFO\n"
        );
    }

    #[test]
    fn a_card_persona_gives_its_own_score() {
        let mut m = map();
        m.cards[0].persona = Some(Id::from("it"));
        let mm = to_mermaid(&m, Lang::En);
        assert!(mm.contains("    Web∶ site: 2: IT‚ ops\n"), "{mm}");
    }

    #[test]
    fn the_exports_match_the_reference_on_varied_maps() {
        use crate::domain::canvas::test_maps::{random_map, Size};
        for seed in 0..200 {
            let size = Size {
                stages: (seed % 11) as usize,
                extra_lanes: (seed % 4) as usize,
                cards: (seed % 70) as usize,
                spanning: 3,
                max_span: 5,
                personas: (seed % 6) as usize,
                emotions: (seed % 50) as usize,
                odd: true,
            };
            let m = random_map(seed, size);
            for lang in [Lang::En, Lang::Ko] {
                assert_eq!(
                    to_markdown(&m, lang, &labels()),
                    reference::to_markdown(&m, lang, &labels()),
                    "seed {seed}"
                );
                assert_eq!(
                    to_mermaid(&m, lang),
                    reference::to_mermaid(&m, lang),
                    "seed {seed}"
                );
            }
        }
    }

    /// Timing harness: `cargo test --release --lib -- --ignored --nocapture big_map`.
    #[test]
    #[ignore = "timing harness"]
    fn big_map_export_timing() {
        use crate::domain::canvas::test_maps::{millis, random_map, BIG};
        let m = random_map(1, BIG);
        println!(
            "map: {} stages, {} lanes, {} cards, {} personas, {} emotions",
            m.stages.len(),
            m.lanes.len(),
            m.cards.len(),
            m.personas.len(),
            m.emotions.len()
        );
        let (old, before) = millis(|| reference::to_markdown(&m, Lang::En, &labels()));
        let (md, after) = millis(|| to_markdown(&m, Lang::En, &labels()));
        assert!(md == old);
        println!(
            "to_markdown ({} bytes): before {before:.1} ms, after {after:.1} ms",
            md.len()
        );
        let (old, before) = millis(|| reference::to_mermaid(&m, Lang::En));
        let (mm, after) = millis(|| to_mermaid(&m, Lang::En));
        assert!(mm == old);
        println!(
            "to_mermaid ({} bytes): before {before:.1} ms, after {after:.1} ms",
            mm.len()
        );
    }

    #[test]
    fn escapes_keep_each_format_intact() {
        assert_eq!(markdown_text("# a\nb"), "\\# a b");
        assert_eq!(markdown_text("1. first"), "1\\. first");
        assert_eq!(markdown_text("a*b_c"), "a\\*b\\_c");
        assert_eq!(markdown_text("- item"), "\\- item");
        assert_eq!(mermaid_text("a: b; c # d\ne"), "a∶ b； c ＃ d e");
        assert_eq!(mermaid_text("\n"), "—");
        assert_eq!(mermaid_score(-2), 1);
        assert_eq!(mermaid_score(2), 5);
        assert_eq!(mermaid_score(0), 3);
    }
}
