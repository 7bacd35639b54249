//! Arbitrary bytes into the CSV importer: no panic, and the same result whether the file
//! comes in one chunk or two (split at a point chosen by the first input byte).

#![no_main]

use journey_mapper::domain::import::{import_bytes, preview, Importer, Options, Overrides};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&cut, body)) = data.split_first() else {
        return;
    };
    let options = match preview(body, &Overrides::default()) {
        Ok(p) => p.options(),
        Err(_) => Options::default(),
    };
    let split = usize::from(cut) * body.len() / 255;
    let mut imp = Importer::new(options.clone());
    let _ = imp.push(&body[..split]);
    let _ = imp.push(&body[split..]);
    let chunked = imp.finish();
    let whole = import_bytes(body, options);
    assert_eq!(chunked, whole);
});
