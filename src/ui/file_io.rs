//! Files in and out of the browser: download a text as a file, read a picked file as text, read a
//! file (or any `Blob`, such as a dataset kept in IndexedDB) in chunks.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| js_error_text(&e))?;
    download_blob(name, &blob)
}

/// Offers `map` as its map file (the export format), named after the map in `lang`.
pub fn download_map(
    map: &crate::domain::JourneyMap,
    lang: crate::domain::Lang,
) -> Result<(), String> {
    let text = crate::domain::document::export_json(map, crate::platform::clock::now());
    download(
        &crate::domain::document::export_file_name(map.name.get(lang)),
        "application/json",
        &text,
    )
}

/// The first file picked in `input`, with its size in bytes.
pub fn picked(input: &web_sys::HtmlInputElement) -> Option<(web_sys::File, usize)> {
    let file = input.files()?.get(0)?;
    let size = file.size() as usize;
    Some((file, size))
}

/// Reads a file as UTF-8 text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}

/// Why a file (or any `Blob`) could not be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FileReadError {
    /// The file changed or was removed since it was picked (`NotReadableError`, `NotFoundError`).
    #[error("the file changed or was removed since it was picked")]
    Changed,
    /// Any other failure; the detail is for logs, not for the user.
    #[error("reading the file failed: {0}")]
    Failed(String),
}

impl FileReadError {
    fn from_js(e: JsValue) -> Self {
        match e.dyn_ref::<web_sys::DomException>().map(|ex| ex.name()) {
            Some(name) if name == "NotReadableError" || name == "NotFoundError" => Self::Changed,
            Some(name) => Self::Failed(name),
            None => Self::Failed(format!("{e:?}")),
        }
    }
}

/// Reads `blob` in slices of `chunk_bytes` bytes (the last may be shorter), in order.
///
/// Each slice is copied into one reused buffer and passed to `on_chunk`, which returns `false`
/// to stop early; so no more than one chunk of the file is in wasm memory at a time. After each
/// chunk `on_chunk` took, `on_progress(bytes_read, total_bytes)` is called. A `chunk_bytes` of 0 is taken as 1.
pub async fn read_blob_chunks(
    blob: &web_sys::Blob,
    chunk_bytes: u32,
    mut on_chunk: impl FnMut(&[u8]) -> bool,
    mut on_progress: impl FnMut(f64, f64),
) -> Result<(), FileReadError> {
    let total = blob.size();
    let step = f64::from(chunk_bytes.max(1));
    let mut buf: Vec<u8> = Vec::new();
    let mut start = 0.0;
    while start < total {
        let end = (start + step).min(total);
        let slice = blob
            .slice_with_f64_and_f64(start, end)
            .map_err(FileReadError::from_js)?;
        let array = JsFuture::from(slice.array_buffer())
            .await
            .map_err(FileReadError::from_js)?;
        let bytes = js_sys::Uint8Array::new(&array);
        // At most `chunk_bytes`, so the length fits in usize on wasm32.
        buf.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut buf);
        start = end;
        let go_on = on_chunk(&buf);
        on_progress(start, total);
        if !go_on {
            return Ok(());
        }
    }
    Ok(())
}

/// Offers `blob` as a download named `name` (its type is the blob's own).
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| js_error_text(&e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke after the click has been handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// The message of a thrown JS value (an `Error` or `DOMException`: its name and message).
pub fn js_error_text(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        format!(
            "{}: {}",
            String::from(err.name()),
            String::from(err.message())
        )
    } else if let Some(s) = e.as_string() {
        s
    } else {
        format!("{e:?}")
    }
}
