//! What a command hands the binary: text for the terminal, bytes as they are, or the note
//! that a file was written — and whether a check found a problem. The library decides
//! what to say; only the binary writes to stdout and stderr and turns an [`Outcome`] into
//! an exit code.

use std::path::Path;

use crate::error::{Error, Result};

/// A command's output, for the binary to deliver.
#[derive(Debug)]
pub enum Output {
    /// Text for a terminal or a CI log: control characters from the documents are shown,
    /// not obeyed.
    Text(String),
    /// A report or JSON for stdout, as it is.
    Raw(Vec<u8>),
    /// A file was written whole; the line saying so, for stderr.
    Wrote(String),
}

impl Output {
    /// `value` as JSON for stdout (`docs/json.md`).
    pub fn json(value: &impl serde::Serialize) -> Result<Output> {
        let mut bytes = Vec::new();
        crate::render::json::write(value, &mut bytes)?;
        Ok(Output::Raw(bytes))
    }
}

/// What a command asks the process to exit with, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// The check found a problem (exit 1).
    Found,
}

/// Reports the reader's warnings about a document (its name, then the warnings): the
/// binary prints them on stderr as they come, so nothing is dropped or guessed without
/// the user hearing of it.
pub(crate) type Warn<'a> = &'a (dyn Fn(&str, &[String]) + Sync);

/// Refuses to write an output over one of the versions (`inputs`, as the user named them)
/// a command read.
pub(crate) fn refuse_input(inputs: &[&str], output: &Path) -> Result<()> {
    let same = |name: &str| {
        let (a, b) = (std::fs::canonicalize(name), std::fs::canonicalize(output));
        matches!((a, b), (Ok(a), Ok(b)) if a == b)
    };
    if inputs.iter().any(|name| same(name)) {
        return Err(Error::Usage(format!(
            "{} is one of the versions compared: give the output another name",
            output.display()
        )));
    }
    Ok(())
}

/// The lower-case extension of an output file's name, if it has one.
pub(crate) fn extension(output: &Path) -> Option<String> {
    output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}
