//! The whole pipeline on any text, in the dialect it is detected as and in
//! the other: no panic, the document passes the full JSON Schema and the
//! checks it cannot express, and every record's span holds its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wikistruct::{Config, Dialect, process_article, schema};

fuzz_target!(|text: &str| {
    for dialect in [None, Some(Dialect::Plain), Some(Dialect::Wikitext)] {
        let config = Config {
            dialect,
            // Small enough that the size limit's cut is exercised too.
            max_bytes: Some(4096),
            ..Config::default()
        };
        let article = process_article(text, &config);
        let problems = schema::check_article(&article, Some(text));
        assert!(problems.is_empty(), "{dialect:?}: {problems:?}");
    }
});
