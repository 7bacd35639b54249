//! The browser half of shared links: deflate-raw through the browser's `CompressionStream`
//! (no compression code in the wasm), and copying text to the clipboard.
//!
//! web-sys has `CompressionStream` only behind `--cfg=web_sys_unstable_apis`, which would switch
//! on every unstable API for the whole build; so the few calls used are bound here instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::share::{self, ShareError};
use crate::domain::JourneyMap;

#[wasm_bindgen]
extern "C" {
    /// `Response`, to turn bytes into a stream and a stream back into bytes.
    #[wasm_bindgen(js_name = "Response")]
    type JsResponse;
    #[wasm_bindgen(catch, constructor, js_class = "Response")]
    fn new(body: &JsValue) -> Result<JsResponse, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn body(this: &JsResponse) -> Stream;
    #[wasm_bindgen(catch, method, js_name = "arrayBuffer")]
    fn array_buffer(this: &JsResponse) -> Result<js_sys::Promise, JsValue>;

    /// A `ReadableStream`.
    type Stream;
    #[wasm_bindgen(catch, method, js_name = "pipeThrough")]
    fn pipe_through(this: &Stream, transform: &JsValue) -> Result<Stream, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = "writeText")]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = document, js_name = "execCommand")]
    fn exec_command(command: &str) -> Result<bool, JsValue>;
}

/// `new CompressionStream("deflate-raw")` or `new DecompressionStream("deflate-raw")`.
fn transform(class: &str) -> Result<JsValue, JsValue> {
    let ctor = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(class))?;
    let ctor: js_sys::Function = ctor.dyn_into()?;
    let args = js_sys::Array::of1(&JsValue::from_str("deflate-raw"));
    js_sys::Reflect::construct(&ctor, &args).map(Into::into)
}

/// Runs `bytes` through a transform stream and collects what comes out.
async fn through(class: &str, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let input = JsResponse::new(&js_sys::Uint8Array::from(bytes).into())?;
    let out = input.body().pipe_through(&transform(class)?)?;
    let buffer = JsFuture::from(JsResponse::new(&out.into())?.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why a link could not be made.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The map is too big for a link.
    Share(ShareError),
    /// The browser could not compress (no `CompressionStream`).
    Browser,
}

/// The fragment (`#share=…`) that carries `map`.
pub async fn fragment_of(map: &JourneyMap) -> Result<String, LinkError> {
    let text = share::map_text(map, jiff::Timestamp::now());
    let compressed = through("CompressionStream", text.as_bytes())
        .await
        .map_err(|_| LinkError::Browser)?;
    share::fragment(&compressed).map_err(LinkError::Share)
}

/// The map a shared link's payload carries, checked as an imported file is.
pub async fn open(payload: &str) -> Result<JourneyMap, ShareError> {
    let compressed = share::compressed_of(payload)?;
    let text = through("DecompressionStream", &compressed)
        .await
        .map_err(|_| ShareError::Damaged)?;
    share::read_map(&text)
}

/// Copies `text` to the clipboard. Where the clipboard API is missing or refused (a page served
/// over plain http has none), selects `field` (showing the same text) and asks for a copy the
/// old way. `false` when neither worked; the text is then selected for Ctrl+C.
pub async fn copy(text: &str, field: Option<web_sys::Element>) -> bool {
    if let Ok(p) = clipboard_write_text(text) {
        if JsFuture::from(p).await.is_ok() {
            return true;
        }
    }
    if let Some(field) = field {
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            input.select();
        } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.select();
        }
        return exec_command("copy").unwrap_or(false);
    }
    false
}
