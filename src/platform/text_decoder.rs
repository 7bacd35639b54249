//! The browser's `TextDecoder` as a [`ChunkDecoder`]: the WHATWG decoders the browser
//! already ships, instead of `encoding_rs`'s tables in the wasm file.
//!
//! The domain reaches this module through one function,
//! [`decode::legacy_decoder`](crate::domain::import::decode::legacy_decoder), for the
//! encodings that need tables (Windows-1251, EUC-KR as CP949, Windows-1252). Each chunk is
//! decoded with `stream: true`, so the browser keeps the bytes of a character cut at the
//! end of a chunk for the next one; the last chunk is decoded with `stream: false`, which
//! flushes them (as U+FFFD if incomplete). `fatal: false`: bad bytes become U+FFFD.
//!
//! Every browser has these decoders (the Encoding Standard requires them), so creating or
//! calling one does not fail in practice. If it ever does, the import goes on rather than
//! stopping: ASCII is kept and every other byte becomes U+FFFD, which the column-mapping
//! preview shows, and the user can pick another encoding.

use web_sys::{TextDecodeOptions, TextDecoder, TextDecoderOptions};

use crate::domain::import::{ChunkDecoder, TextEncoding};

/// A streaming decoder for `encoding` backed by the browser's `TextDecoder`.
pub fn new(encoding: TextEncoding) -> Box<dyn ChunkDecoder> {
    let options = TextDecoderOptions::new();
    options.set_fatal(false);
    let decoder = TextDecoder::new_with_label_and_options(encoding.label(), &options).ok();
    let streaming = TextDecodeOptions::new();
    streaming.set_stream(true);
    let flushing = TextDecodeOptions::new();
    flushing.set_stream(false);
    Box::new(BrowserDecoder {
        decoder,
        streaming,
        flushing,
    })
}

struct BrowserDecoder {
    /// `None` once the browser failed: from then on, only ASCII is kept.
    decoder: Option<TextDecoder>,
    streaming: TextDecodeOptions,
    flushing: TextDecodeOptions,
}

impl ChunkDecoder for BrowserDecoder {
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let options = if last {
            &self.flushing
        } else {
            &self.streaming
        };
        let decoded = self
            .decoder
            .as_ref()
            .and_then(|d| d.decode_with_u8_array_and_options(bytes, options).ok());
        match decoded {
            Some(text) => out.extend_from_slice(text.as_bytes()),
            None => {
                self.decoder = None;
                for &b in bytes {
                    if b.is_ascii() {
                        out.push(b);
                    } else {
                        out.extend_from_slice("\u{FFFD}".as_bytes());
                    }
                }
            }
        }
    }
}
