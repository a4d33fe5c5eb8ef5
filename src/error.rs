//! Real failures: input that cannot be read as an article at all. Markup
//! problems are never errors; they are [`crate::Diagnostic`]s.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {}", IoReason(source))]
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
    #[error("{path}: cannot write: {}", IoReason(source))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// An I/O error as a user reads it: what is wrong with the path in words
/// ("no such file or directory"), without the operating system's error
/// number; other errors as the system words them.
pub struct IoReason<'a>(pub &'a std::io::Error);

impl std::fmt::Display for IoReason<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::io::ErrorKind::*;
        let words = match self.0.kind() {
            NotFound => "no such file or directory",
            PermissionDenied => "permission denied",
            IsADirectory => "is a directory, expected a file",
            NotADirectory => "a part of the path is a file, not a folder",
            AlreadyExists => "already exists",
            StorageFull => "no space left on the device",
            ReadOnlyFilesystem => "the file system is read-only",
            _ => {
                let text = self.0.to_string();
                // "Broken pipe (os error 32)" → "broken pipe".
                let text = match text.rfind(" (os error ") {
                    Some(i) if text.ends_with(')') => text[..i].to_string(),
                    _ => text,
                };
                return f.write_str(&text);
            }
        };
        f.write_str(words)
    }
}
