//! Real failures: input that cannot be read as an article at all. Markup
//! problems are never errors; they are [`crate::Diagnostic`]s.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not valid UTF-8: invalid byte sequence at byte {offset} (line {line}, column {column})"
    )]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("{path}: looks like a binary file (NUL byte at byte {offset}), expected article text")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: empty file, expected article text")]
    Empty { path: PathBuf },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}
