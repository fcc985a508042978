//! Arbitrary bytes through the pipeline. The first byte picks the settings
//! (default or every rule, language, paragraph style); the rest is decoded
//! the way a lenient caller would, replacing invalid UTF-8 with U+FFFD, so
//! byte-level garbage (stray continuation bytes, truncated sequences, NULs,
//! lone CRs) reaches the rules. The same invariants as `fix_utf8` hold.
#![no_main]

use std::sync::LazyLock;

use copyedit::{Pipeline, invariant};
use libfuzzer_sys::fuzz_target;

static PIPELINES: LazyLock<Vec<Pipeline>> = LazyLock::new(invariant::every_setting);

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let pipeline = &PIPELINES[usize::from(pick) % PIPELINES.len()];
    let text = String::from_utf8_lossy(rest);
    if let Err(e) = invariant::check_fix(pipeline, &text) {
        panic!("{e}\nsettings: {:?}\ninput: {text:?}", pipeline.config());
    }
});
