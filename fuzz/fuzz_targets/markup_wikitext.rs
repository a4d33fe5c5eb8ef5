//! The wikitext's parser on any text: no panic, and the document's
//! invariants hold (spans on the source's characters, children inside
//! parents, siblings in order, pieces tiling their text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wikistruct::{Dialect, stages};

fuzz_target!(|text: &str| {
    let doc = stages::parse(text, Dialect::Wikitext);
    let problems = doc.check();
    assert!(problems.is_empty(), "{problems:?}");
});
