//! Downloading a chart: as an SVG file that looks the same on its own (the chart rules of the
//! stylesheet are copied into it), or as a PNG drawn from that SVG at twice its size on white.
//!
//! Every browser failure becomes a [`ChartExportError`] that the caller shows.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ui::file_io::download_blob;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// The app's stylesheet; the chart rules sit between the two markers below.
const STYLESHEET: &str = include_str!("../../../style/main.css");
const CSS_START: &str = "/* charts:start */";
const CSS_END: &str = "/* charts:end */";
/// PNG pixels per SVG unit.
const PNG_SCALE: f64 = 2.0;

/// Why a chart could not be downloaded.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ChartExportError {
    /// There is no window or document (not in a browser page).
    #[error("there is no document")]
    NoDocument,
    /// No `<svg>` element has the id.
    #[error("there is no chart with the id {0:?}")]
    NotFound(String),
    /// The chart has no usable `viewBox` to size the file by.
    #[error("the chart has no size")]
    NoSize,
    /// Copying or serialising the chart failed.
    #[error("the chart could not be written out: {0}")]
    Serialize(String),
    /// The file's bytes could not be made.
    #[error("the file could not be made: {0}")]
    Blob(String),
    /// The browser could not draw the SVG as an image.
    #[error("the chart could not be drawn as an image: {0}")]
    Image(String),
    /// No 2D canvas to draw on.
    #[error("no canvas to draw on: {0}")]
    Canvas(String),
    /// The canvas could not be encoded as PNG.
    #[error("the image could not be encoded as PNG: {0}")]
    Encode(String),
    /// The download could not start.
    #[error("the download could not start: {0}")]
    Download(String),
}

fn js_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|err| String::from(err.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The chart rules of the app's stylesheet (between the `charts:start` and `charts:end`
/// markers), to embed in a downloaded SVG.
pub fn chart_css() -> &'static str {
    match (STYLESHEET.find(CSS_START), STYLESHEET.find(CSS_END)) {
        (Some(start), Some(end)) if start < end => &STYLESHEET[start + CSS_START.len()..end],
        _ => "",
    }
}

/// A standalone SVG document of the chart `<svg id=svg_id>`, with its size in SVG units: a copy
/// with the namespace, a width and height from its `viewBox`, and the chart CSS inside.
pub fn svg_markup(svg_id: &str) -> Result<(String, f64, f64), ChartExportError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ChartExportError::NoDocument)?;
    let svg = document
        .get_element_by_id(svg_id)
        .filter(|e| e.local_name() == "svg")
        .ok_or_else(|| ChartExportError::NotFound(svg_id.to_owned()))?;
    let (width, height) = svg
        .get_attribute("viewBox")
        .and_then(|v| {
            let parts: Vec<f64> = v
                .split([' ', ','])
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.parse().ok())
                .collect();
            match parts[..] {
                [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w, h)),
                _ => None,
            }
        })
        .ok_or(ChartExportError::NoSize)?;
    let copy: web_sys::Element = svg
        .clone_node_with_deep(true)
        .map_err(|e| ChartExportError::Serialize(js_text(&e)))?
        .dyn_into()
        .map_err(|_| ChartExportError::Serialize("the copy is not an element".into()))?;
    let set = |name: &str, value: &str| {
        copy.set_attribute(name, value)
            .map_err(|e| ChartExportError::Serialize(js_text(&e)))
    };
    set("width", &width.to_string())?;
    set("height", &height.to_string())?;
    let style = document
        .create_element_ns(Some(SVG_NS), "style")
        .map_err(|e| ChartExportError::Serialize(js_text(&e)))?;
    style.set_text_content(Some(chart_css()));
    copy.prepend_with_node_1(&style)
        .map_err(|e| ChartExportError::Serialize(js_text(&e)))?;
    let serializer =
        web_sys::XmlSerializer::new().map_err(|e| ChartExportError::Serialize(js_text(&e)))?;
    let mut markup = serializer
        .serialize_to_string(&copy)
        .map_err(|e| ChartExportError::Serialize(js_text(&e)))?;
    if !markup.contains("xmlns=") {
        markup = markup.replacen("<svg", &format!("<svg xmlns=\"{SVG_NS}\""), 1);
    }
    Ok((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}"),
        width,
        height,
    ))
}

fn blob_of(text: &str, mime: &str) -> Result<web_sys::Blob, ChartExportError> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options)
        .map_err(|e| ChartExportError::Blob(js_text(&e)))
}

/// Downloads the chart `<svg id=svg_id>` as `{base_name}.svg`.
pub fn download_svg(svg_id: &str, base_name: &str) -> Result<(), ChartExportError> {
    let (markup, _, _) = svg_markup(svg_id)?;
    let blob = blob_of(&markup, "image/svg+xml")?;
    download_blob(&format!("{base_name}.svg"), &blob).map_err(ChartExportError::Download)
}

/// The chart `<svg id=svg_id>` as a PNG at twice its size, on white.
pub async fn png_blob(svg_id: &str) -> Result<web_sys::Blob, ChartExportError> {
    let (markup, width, height) = svg_markup(svg_id)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ChartExportError::NoDocument)?;
    let svg_blob = blob_of(&markup, "image/svg+xml")?;
    let url = web_sys::Url::create_object_url_with_blob(&svg_blob)
        .map_err(|e| ChartExportError::Blob(js_text(&e)))?;
    let image =
        web_sys::HtmlImageElement::new().map_err(|e| ChartExportError::Image(js_text(&e)))?;
    let loaded = Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let drawn = JsFuture::from(loaded).await;
    image.set_onload(None);
    image.set_onerror(None);
    let _ = web_sys::Url::revoke_object_url(&url);
    drawn.map_err(|_| ChartExportError::Image("the browser could not load the SVG".into()))?;

    let (w, h) = (width * PNG_SCALE, height * PNG_SCALE);
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| ChartExportError::Canvas(js_text(&e)))?
        .dyn_into()
        .map_err(|_| ChartExportError::Canvas("not a canvas".into()))?;
    canvas.set_width(w.ceil() as u32);
    canvas.set_height(h.ceil() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| ChartExportError::Canvas(js_text(&e)))?
        .ok_or_else(|| ChartExportError::Canvas("no 2D context".into()))?
        .dyn_into()
        .map_err(|_| ChartExportError::Canvas("not a 2D context".into()))?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, w.ceil(), h.ceil());
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h)
        .map_err(|e| ChartExportError::Image(js_text(&e)))?;

    let encoded = Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob(&resolve) {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let png = JsFuture::from(encoded)
        .await
        .map_err(|e| ChartExportError::Encode(js_text(&e)))?;
    png.dyn_into::<web_sys::Blob>()
        .map_err(|_| ChartExportError::Encode("the canvas gave no image".into()))
}

/// Downloads the chart `<svg id=svg_id>` as `{base_name}.png`, at twice its size on white.
pub async fn download_png(svg_id: &str, base_name: &str) -> Result<(), ChartExportError> {
    let png = png_blob(svg_id).await?;
    download_blob(&format!("{base_name}.png"), &png).map_err(ChartExportError::Download)
}
