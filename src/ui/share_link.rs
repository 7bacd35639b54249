//! The browser half of shared links: deflate-raw through the browser's `CompressionStream`
//! (no compression code in the wasm), and copying text to the clipboard.
//!
//! web-sys has `CompressionStream` only behind `--cfg=web_sys_unstable_apis`, which would switch
//! on every unstable API for the whole build (and rebuild it). So the few calls used are made
//! through `js_sys::Reflect`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::share::{self, ShareError};
use crate::domain::JourneyMap;

/// `obj[name](...args)`.
fn call(obj: &JsValue, name: &str, args: &js_sys::Array) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(obj, &JsValue::from_str(name))?.dyn_into()?;
    f.apply(obj, args)
}

/// `new globalThis[class](...args)`.
fn construct(class: &str, args: &js_sys::Array) -> Result<JsValue, JsValue> {
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(class))?.dyn_into()?;
    js_sys::Reflect::construct(&ctor, args)
}

/// Runs `bytes` through a `CompressionStream` or `DecompressionStream` (deflate-raw) and
/// collects what comes out: `new Response(new Response(bytes).body.pipeThrough(t)).arrayBuffer()`.
async fn through(class: &str, bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let transform = construct(class, &js_sys::Array::of1(&"deflate-raw".into()))?;
    let input = construct(
        "Response",
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
    )?;
    let body = js_sys::Reflect::get(&input, &"body".into())?;
    let out = call(&body, "pipeThrough", &js_sys::Array::of1(&transform))?;
    let response = construct("Response", &js_sys::Array::of1(&out))?;
    let promise: js_sys::Promise =
        call(&response, "arrayBuffer", &js_sys::Array::new())?.dyn_into()?;
    let buffer = JsFuture::from(promise).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Inflates deflate-raw `bytes` with the browser's `DecompressionStream`, reading its output
/// chunk by chunk and stopping (cancelling the stream) as soon as it passes `limit` bytes:
/// `Ok(Err(n))` then, with the `n` bytes seen so far. A small link cannot make the page inflate
/// hundreds of megabytes before the size is checked.
async fn inflate_capped(bytes: &[u8], limit: usize) -> Result<Result<Vec<u8>, usize>, JsValue> {
    let transform = construct(
        "DecompressionStream",
        &js_sys::Array::of1(&"deflate-raw".into()),
    )?;
    let input = construct(
        "Response",
        &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)),
    )?;
    let body = js_sys::Reflect::get(&input, &"body".into())?;
    let out = call(&body, "pipeThrough", &js_sys::Array::of1(&transform))?;
    let reader = call(&out, "getReader", &js_sys::Array::new())?;
    let mut inflated = Vec::new();
    loop {
        let next: js_sys::Promise = call(&reader, "read", &js_sys::Array::new())?.dyn_into()?;
        let chunk = JsFuture::from(next).await?;
        if js_sys::Reflect::get(&chunk, &"done".into())?.is_truthy() {
            return Ok(Ok(inflated));
        }
        let value: js_sys::Uint8Array =
            js_sys::Reflect::get(&chunk, &"value".into())?.dyn_into()?;
        let seen = inflated.len() + value.length() as usize;
        if seen > limit {
            // The rejected promise of cancel() is of no interest: the stream is dropped.
            let _ = call(&reader, "cancel", &js_sys::Array::new());
            return Ok(Err(seen));
        }
        inflated.extend_from_slice(&value.to_vec());
    }
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
    let text = share::map_text(map, crate::platform::clock::now());
    let compressed = through("CompressionStream", text.as_bytes())
        .await
        .map_err(|_| LinkError::Browser)?;
    share::fragment(&compressed).map_err(LinkError::Share)
}

/// The map a shared link's payload carries, checked as an imported file is.
pub async fn open(payload: &str) -> Result<JourneyMap, ShareError> {
    let compressed = share::compressed_of(payload)?;
    let limit = crate::domain::document::limits::FILE_BYTES;
    match inflate_capped(&compressed, limit).await {
        Ok(Ok(text)) => share::read_map(&text),
        Ok(Err(bytes)) => Err(ShareError::Map(
            crate::domain::document::ImportError::TooLarge { bytes, limit },
        )),
        Err(_) => Err(ShareError::Damaged),
    }
}

/// Copies `text` to the clipboard. Where the clipboard API is missing or refused (a page served
/// over plain http has none), selects `field` (showing the same text) and asks for a copy the
/// old way. `false` when neither worked; the text is then selected for Ctrl+C.
pub async fn copy(text: &str, field: Option<web_sys::Element>) -> bool {
    let written = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()))
        .and_then(|c| call(&c, "writeText", &js_sys::Array::of1(&text.into())))
        .and_then(|p| p.dyn_into::<js_sys::Promise>());
    if let Ok(p) = written {
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
        return js_sys::Reflect::get(&js_sys::global(), &"document".into())
            .and_then(|d| call(&d, "execCommand", &js_sys::Array::of1(&"copy".into())))
            .is_ok_and(|ok| ok.is_truthy());
    }
    false
}
