//! Arbitrary UTF-8 through the pipeline, with the default rules and with
//! every rule selected: no panic, convergence, idempotence, and only the
//! changes copyedit declares (see `copyedit::invariant`).
#![no_main]

use std::sync::LazyLock;

use copyedit::{Config, Pipeline, invariant};
use libfuzzer_sys::fuzz_target;

static PIPELINES: LazyLock<[Pipeline; 2]> = LazyLock::new(|| {
    let every = copyedit::rules::all()
        .iter()
        .map(|r| r.id().to_string())
        .collect();
    [
        Pipeline::new(Config::default()).expect("default rules"),
        Pipeline::new(Config {
            select: Some(every),
            ..Config::default()
        })
        .expect("every rule"),
    ]
});

fuzz_target!(|text: &str| {
    for pipeline in PIPELINES.iter() {
        if let Err(e) = invariant::check_fix(pipeline, text) {
            panic!("{e}\nrules: {:?}\ninput: {text:?}", pipeline.rule_ids());
        }
    }
});
