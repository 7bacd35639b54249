//! The diagram's exports: the drawing as SVG or PNG, the map as Markdown or a Mermaid
//! `journey`, and print with a page size (A4 or A3 landscape, a named `@page` of the style sheet).

use leptos::prelude::*;

use crate::domain::document::export_file_name;
use crate::domain::export_text::{to_markdown, to_mermaid, Labels};
use crate::i18n::*;
use crate::ui::charts::ChartDownloads;
use crate::ui::components::ChoiceSelect;
use crate::ui::file_io::download;
use crate::ui::labels::Choice;
use crate::ui::open_map::expect_open_map;
use crate::ui::state::use_lang;

/// The paper the diagram is printed on, always landscape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSize {
    #[default]
    A4,
    A3,
}

impl PageSize {
    /// The name of its `@page` rule in the style sheet (`@page a3 { size: A3 landscape }`); a
    /// named page rather than a `<style>` element, so a strict Content-Security-Policy holds.
    pub fn page_name(self) -> &'static str {
        match self {
            PageSize::A4 => "a4",
            PageSize::A3 => "a3",
        }
    }
}

impl Choice for PageSize {
    fn all() -> Vec<Self> {
        vec![PageSize::A4, PageSize::A3]
    }
    fn slug(self) -> String {
        self.page_name().to_owned()
    }
    fn label(self, i18n: leptos_i18n::I18nContext<Locale>) -> String {
        match self {
            PageSize::A4 => t_string!(i18n, diagram_page_a4).to_string(),
            PageSize::A3 => t_string!(i18n, diagram_page_a3).to_string(),
        }
    }
}

/// Download buttons for the drawing `<svg id=svg_id>` and the map, a page-size select and Print.
#[component]
pub fn DiagramExports(
    /// The id of the drawn `<svg>`.
    #[prop(into)]
    svg_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = expect_open_map();
    let lang = use_lang();
    let page = RwSignal::new(PageSize::default());
    let error = RwSignal::new(None::<String>);
    let stem = Signal::derive(move || {
        let name = open
            .with_map(|m| m.name.get(lang.get()).to_owned())
            .unwrap_or_default();
        let file = export_file_name(&name);
        format!("{}-diagram", file.trim_end_matches(".journey.json"))
    });
    let save_text = move |markdown: bool| {
        let lang = lang.get_untracked();
        let labels = Labels {
            decision: t_string!(i18n, diagram_decision).to_string(),
            outcomes: t_string!(i18n, diagram_outcomes).to_string(),
            exit: t_string!(i18n, diagram_exit).to_string(),
            emotions: t_string!(i18n, diagram_emotions).to_string(),
        };
        let text = open.with_map_untracked(|m| {
            if markdown {
                to_markdown(m, lang, &labels)
            } else {
                to_mermaid(m, lang)
            }
        });
        let Some(text) = text else { return };
        let stem = stem.get_untracked();
        let result = if markdown {
            download(&format!("{stem}.md"), "text/markdown;charset=utf-8", &text)
        } else {
            download(&format!("{stem}.mmd"), "text/plain;charset=utf-8", &text)
        };
        error.set(result.err());
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            if let Err(e) = w.print() {
                error.set(Some(format!("{e:?}")));
            }
        }
    };
    view! {
        <div class="diagram-exports" role="group" data-page-size=move || page.get().page_name()
            aria-label=move || t_string!(i18n, diagram_exports).to_string()>
            <ChartDownloads svg_id=svg_id file_name=stem />
            <button type="button" class="small" data-testid="diagram-markdown" on:click=move |_| save_text(true)>
                {t!(i18n, diagram_download_markdown)}
            </button>
            <button type="button" class="small" data-testid="diagram-mermaid" on:click=move |_| save_text(false)>
                {t!(i18n, diagram_download_mermaid)}
            </button>
            <ChoiceSelect
                label=Signal::derive(move || t_string!(i18n, diagram_page_size).to_string())
                value=page
                on_pick=move |p| page.set(p)
                test_id="diagram-page-size"
            />
            <button type="button" class="small" data-testid="diagram-print" on:click=print>
                {t!(i18n, diagram_print)}
            </button>
            {move || error.get().map(|e| view! {
                <p class="chart-error" role="alert">{t!(i18n, diagram_text_failed)} " " {e}</p>
            })}
        </div>
    }
}
