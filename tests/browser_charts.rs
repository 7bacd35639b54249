//! Browser tests of the SVG charts, in headless Chromium (wasm-bindgen-test): each chart is
//! mounted with small data, and the test asserts on the drawn DOM.
#![cfg(target_arch = "wasm32")]

use journey_mapper::domain::charts::{
    bin_durations, ComparisonRow, FunnelStep, Heatmap, NodeKind, SankeyLink, SankeyNode,
};
use journey_mapper::i18n::I18nContextProvider;
use journey_mapper::ui::charts::export::{png_blob, svg_markup};
use journey_mapper::ui::charts::{
    ComparisonChart, FunnelChart, HeatmapChart, HistogramChart, SankeyChart,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the body, where a chart is mounted.
fn container(id: &str) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    if let Some(old) = document.get_element_by_id(id) {
        old.remove();
    }
    let div: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    div.set_id(id);
    div.style().set_property("width", "720px").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// The common checks: an image named by its title, described, and scaled by its viewBox.
fn check_accessible(svg: &Element, title: &str) {
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    let id = svg.id();
    assert_eq!(
        svg.get_attribute("aria-labelledby"),
        Some(format!("{id}-title {id}-desc"))
    );
    assert_eq!(text(&one(svg, "title")), title);
    assert_eq!(one(svg, "title").id(), format!("{id}-title"));
    assert!(!text(&one(svg, "desc")).is_empty());
    let view_box = svg.get_attribute("viewBox").unwrap();
    assert!(
        view_box.starts_with("0 0 ") && !view_box.contains("NaN"),
        "{view_box}"
    );
}

fn step(label: &str, value: f64, note: Option<&str>) -> FunnelStep {
    FunnelStep {
        label: label.into(),
        value,
        value_text: format!("{value}"),
        note: note.map(str::to_owned),
    }
}

#[wasm_bindgen_test]
async fn funnel_draws_one_bar_per_step_and_user_text_as_text() {
    let root = container("t-funnel");
    let steps = RwSignal::new(vec![
        step("<b>Lead</b>", 200.0, Some("25 % → next")),
        step("MQL", 50.0, None),
        step("Won", 10.0, None),
    ]);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <FunnelChart steps title="Funnel" id="funnel-svg" />
            </I18nContextProvider>
        }
    });
    leptos::task::tick().await;
    let svg = one(&root, "svg#funnel-svg");
    check_accessible(&svg, "Funnel");
    assert_eq!(all(&svg, "rect").len(), 3);
    let widths: Vec<f64> = all(&svg, "rect.funnel-bar")
        .iter()
        .map(|r| r.get_attribute("width").unwrap().parse().unwrap())
        .collect();
    assert!((widths[0] / widths[1] - 4.0).abs() < 0.01, "{widths:?}");
    // The label with markup is text, not an element.
    assert!(svg.query_selector("b").unwrap().is_none());
    let labels: Vec<String> = all(&svg, "text.label").iter().map(text).collect();
    assert_eq!(labels, vec!["<b>Lead</b>", "MQL", "Won"]);
    assert_eq!(text(&one(&svg, "text.note")), "25 % → next");
    assert!(text(&one(&svg, "desc")).contains("MQL: 50"));
    // The chart follows its signal.
    steps.update(|s| s.push(step("Renewed", 5.0, None)));
    leptos::task::tick().await;
    assert_eq!(all(&svg, "rect.funnel-bar").len(), 4);
    drop(handle);
}

#[wasm_bindgen_test]
async fn sankey_marks_a_loop_back_as_backward() {
    let root = container("t-sankey");
    let node = |label: &str, column: u32, kind: NodeKind| SankeyNode {
        label: label.into(),
        column: Some(column),
        kind,
    };
    let nodes = vec![
        node("Trigger", 0, NodeKind::Stage),
        node("Consider", 1, NodeKind::Stage),
        node("Loyalty", 2, NodeKind::Stage),
        node("Lost", 2, NodeKind::Exit),
    ];
    let link = |from: usize, to: usize, value: f64| SankeyLink {
        from,
        to,
        value,
        value_text: format!("{value}"),
    };
    let links = vec![
        link(0, 1, 10.0),
        link(1, 2, 6.0),
        link(1, 3, 4.0),
        link(2, 0, 3.0),
    ];
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <SankeyChart nodes=nodes.clone() links=links.clone() title="Flows" id="sankey-svg" />
            </I18nContextProvider>
        }
    });
    leptos::task::tick().await;
    let svg = one(&root, "svg#sankey-svg");
    check_accessible(&svg, "Flows");
    assert_eq!(all(&svg, ".nodes rect.node").len(), 4);
    assert_eq!(all(&svg, ".nodes rect.node.exit").len(), 1);
    assert_eq!(all(&svg, "path.link").len(), 4);
    let backward = all(&svg, "path.link.backward");
    assert_eq!(backward.len(), 1);
    assert_eq!(text(&one(&backward[0], "title")), "Loyalty → Trigger: 3");
    assert!(text(&one(&svg, ".link-group.backward text")).contains("↺ 3"));
    assert!(text(&one(&svg, "desc")).contains("Loyalty → Trigger: 3 ("));
    // The legend names the kinds present and the loop back.
    let legend: Vec<String> = all(&svg, ".chart-legend text").iter().map(text).collect();
    assert_eq!(legend.len(), 3, "{legend:?}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn histogram_draws_hand_counted_bins() {
    let root = container("t-histogram");
    let bins = bin_durations(&[0.0, 1.0, 3.0, 6.9, 7.0, 13.0, 14.0, 20.0], 3);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <HistogramChart bins=bins.clone() title="Time to close" id="hist-svg" />
            </I18nContextProvider>
        }
    });
    leptos::task::tick().await;
    let svg = one(&root, "svg#hist-svg");
    check_accessible(&svg, "Time to close");
    assert_eq!(all(&svg, "rect.histogram-bar").len(), 3);
    let counts: Vec<String> = all(&svg, "text.count").iter().map(text).collect();
    assert_eq!(counts, vec!["4", "2", "2"]);
    let edges: Vec<String> = all(&svg, ".axes text[text-anchor=middle]")
        .iter()
        .map(text)
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(edges, vec!["0", "7", "14", "21"]);
    drop(handle);
}

#[wasm_bindgen_test]
async fn comparison_draws_two_bars_per_row_on_one_scale() {
    let root = container("t-comparison");
    let rows = vec![
        ComparisonRow {
            label: "Leads".into(),
            a: 80.0,
            b: 40.0,
            a_text: "80".into(),
            b_text: "40".into(),
        },
        ComparisonRow {
            label: "Won".into(),
            a: 10.0,
            b: 20.0,
            a_text: "10".into(),
            b_text: "20".into(),
        },
    ];
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <ComparisonChart rows=rows.clone() a_name="Q1" b_name="Q2" title="Q1 vs Q2" id="cmp-svg" />
            </I18nContextProvider>
        }
    });
    leptos::task::tick().await;
    let svg = one(&root, "svg#cmp-svg");
    check_accessible(&svg, "Q1 vs Q2");
    let bars = all(&svg, "rect.comparison-bar");
    assert_eq!(bars.len(), 4);
    let width = |e: &Element| -> f64 { e.get_attribute("width").unwrap().parse().unwrap() };
    assert!((width(&bars[0]) / width(&bars[1]) - 2.0).abs() < 0.01);
    assert!((width(&bars[3]) / width(&bars[2]) - 2.0).abs() < 0.01);
    assert!((width(&bars[0]) / width(&bars[2]) - 8.0).abs() < 0.05);
    // Period B is striped with this chart's own pattern.
    assert_eq!(
        bars[1].get_attribute("fill").as_deref(),
        Some("url(#cmp-svg-b)")
    );
    assert!(svg.query_selector("pattern#cmp-svg-b").unwrap().is_some());
    let legend: Vec<String> = all(&svg, ".chart-legend text").iter().map(text).collect();
    assert_eq!(legend, vec!["Q1", "Q2"]);
    drop(handle);
}

#[wasm_bindgen_test]
async fn heatmap_writes_numbers_and_marks_gaps_and_excesses() {
    let root = container("t-heatmap");
    let data = Heatmap {
        rows: vec!["Awareness".into(), "Decision".into()],
        columns: vec!["Jan".into(), "Feb".into(), "Mar".into()],
        cells: vec![vec![2, 0, 9], vec![3, 3, 3]],
    };
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <HeatmapChart data=data.clone() title="By month" id="heat-svg" />
            </I18nContextProvider>
        }
    });
    leptos::task::tick().await;
    let svg = one(&root, "svg#heat-svg");
    check_accessible(&svg, "By month");
    assert_eq!(all(&svg, "g.cell").len(), 6);
    let gap = one(&svg, "g.cell.gap");
    assert_eq!(text(&one(&gap, "text")), "0");
    assert_eq!(
        one(&gap, "rect").get_attribute("fill").as_deref(),
        Some("url(#heat-svg-gap)")
    );
    assert!(svg
        .query_selector("pattern#heat-svg-gap")
        .unwrap()
        .is_some());
    let excess = all(&svg, "g.cell.excess");
    assert_eq!(excess.len(), 1);
    assert_eq!(text(&one(&excess[0], "text")), "9 ▲");
    assert!(excess[0]
        .get_attribute("class")
        .unwrap()
        .contains("level-4"));
    let desc = text(&one(&svg, "desc"));
    assert!(desc.contains("Awareness / Feb"), "{desc}");
    assert!(desc.contains("Awareness / Mar (9)"), "{desc}");
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_chart_exports_as_standalone_svg_and_as_png() {
    let root = container("t-export");
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nContextProvider>
                <FunnelChart steps=vec![step("Lead", 3.0, None)] title="Export me" id="export-svg" />
            </I18nContextProvider>
        }
    });
    leptos::task::tick().await;
    let (markup, width, height) = svg_markup("export-svg").unwrap();
    assert_eq!(width, 640.0);
    assert!(height > 0.0);
    assert!(markup.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(markup.contains("<style>"));
    assert!(markup.contains(".funnel-chart .funnel-bar"));
    assert!(markup.contains("width=\"640\""), "{markup}");
    // The markup parses as SVG on its own, with its title.
    let parser = web_sys::DomParser::new().unwrap();
    let parsed = parser
        .parse_from_string(&markup, web_sys::SupportedType::ImageSvgXml)
        .unwrap();
    assert_eq!(parsed.get_elements_by_tag_name("parsererror").length(), 0);
    let root = parsed.document_element().unwrap();
    assert_eq!(root.local_name(), "svg");
    assert_eq!(text(&one(&root, "title")), "Export me");
    assert_eq!(all(&root, "rect.funnel-bar").len(), 1);
    let png = png_blob("export-svg").await.unwrap();
    assert_eq!(png.type_(), "image/png");
    assert!(png.size() > 100.0);
    assert!(matches!(
        svg_markup("no-such-chart"),
        Err(journey_mapper::ui::charts::ChartExportError::NotFound(_))
    ));
    drop(handle);
}
