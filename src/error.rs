//! The library's one error type. Every error that concerns a file carries its path and,
//! where there is one, its place ([`Error::Input`]), so the binary can print
//! `file:line:column` and a caret under the offending text; a command line the command
//! cannot take is [`Error::Usage`]. Both exit with 2 (`docs/robustness.md`).

use crate::model::Origin;

/// A result whose error is the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in words for the user: the binary prints it after `error: ` and
/// exits with 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input in a file: malformed TOML, unknown keys, bad values at a line and column;
    /// or a whole file that cannot be read as what it should be (line 0: an empty document,
    /// a file of the wrong kind).
    #[error("{origin}: {message}{}", render_snippet(.origin, .snippet))]
    Input {
        /// The file, line and column.
        origin: Origin,
        /// What is wrong there.
        message: String,
        /// The offending source line, for a caret display.
        snippet: Option<String>,
    },
    /// A file or directory that cannot be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path, as messages show it.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A version that is neither a draft id nor a path to a draft or document.
    #[error("unknown version `{name}`; known versions: {}", .known.join(", "))]
    UnknownVersion {
        /// The version as the user named it.
        name: String,
        /// The ids the drafts directory has.
        known: Vec<String>,
    },
    /// An output file that cannot be written where it was asked for.
    #[error("cannot write {path}: {message}")]
    Output {
        /// The output's path, as given.
        path: String,
        /// Why not.
        message: String,
    },
    /// A drafts directory (`--drafts`, `$DRAFTDIFF_DRAFTS`) that cannot be used.
    #[error("drafts directory {path} {message}")]
    DraftsDirectory {
        /// The directory, as given.
        path: String,
        /// What is wrong with it.
        message: &'static str,
    },
    /// A command line the command cannot take: an option's value, a format that cannot
    /// be told, an output that would replace an input.
    #[error("{0}")]
    Usage(String),
    /// Anything else the user must fix in the drafts or the versions named: the message
    /// says what and where.
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl std::fmt::Display, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }

    /// An error at byte `offset` of `source`, which was read from `file`.
    pub(crate) fn at_offset(
        file: &str,
        source: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let origin = origin_at(file, source, offset);
        let snippet = source
            .lines()
            .nth(origin.line.saturating_sub(1))
            .map(str::to_owned);
        Error::Input {
            origin,
            message: message.into(),
            snippet,
        }
    }

    /// An error in the whole of file `path` (no line or column to point at).
    pub fn file(path: impl std::fmt::Display, message: impl Into<String>) -> Self {
        Error::at(
            Origin {
                file: path.to_string(),
                line: 0,
                column: 0,
            },
            message,
        )
    }

    /// An error at `origin`, without the quoted line.
    pub fn at(origin: Origin, message: impl Into<String>) -> Self {
        Error::Input {
            origin,
            message: message.into(),
            snippet: None,
        }
    }
}

/// Line and column (1-based, in characters) of byte `offset` in `source`.
pub(crate) fn origin_at(file: &str, source: &str, offset: usize) -> Origin {
    Locator::new(file, source).origin(offset)
}

/// Places many offsets of one source: the line starts are found once, so giving every
/// article of a file its origin costs a binary search each, not a scan from the top
/// (which made loading a long chapter file quadratic in its length).
pub(crate) struct Locator<'a> {
    file: &'a str,
    source: &'a str,
    /// Byte offset of every line's first character; the first line starts at 0.
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(file: &'a str, source: &'a str) -> Self {
        // memchr's vector search: a byte-by-byte scan was 2 % of `diff 1.0 3.0`.
        let breaks = memchr::memchr_iter(b'\n', source.as_bytes());
        let line_starts = std::iter::once(0).chain(breaks.map(|i| i + 1)).collect();
        Locator {
            file,
            source,
            line_starts,
        }
    }

    /// Line and column (1-based, in characters) of byte `offset`.
    pub fn origin(&self, offset: usize) -> Origin {
        let offset = floor_char_boundary(self.source, offset.min(self.source.len()));
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        Origin {
            file: self.file.to_owned(),
            line,
            column: self.source[line_start..offset].chars().count() + 1,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Characters of the quoted line shown on each side of the caret: a bad byte in a line of
/// ten megabytes quotes a window of it, not the line.
const SNIPPET_SIDE: usize = 40;

fn render_snippet(origin: &Origin, snippet: &Option<String>) -> String {
    match snippet {
        Some(line) if origin.line > 0 => {
            let gutter = origin.line.to_string();
            let pad = " ".repeat(gutter.len());
            let (shown, caret) = window(line, origin.column.saturating_sub(1));
            format!(
                "\n {pad} |\n {gutter} | {shown}\n {pad} | {}^",
                " ".repeat(caret)
            )
        }
        _ => String::new(),
    }
}

/// The part of `line` around character `column` (0-based), control characters shown
/// visibly, and the caret's place in it.
fn window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(SNIPPET_SIDE);
    let end = (column + SNIPPET_SIDE).min(chars.len());
    let mut shown = String::new();
    let mut caret = 0;
    if start > 0 {
        shown.push('…');
    }
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        if i == column {
            caret = shown.chars().count();
        }
        shown.push_str(&crate::render::sanitize::line(&c.to_string(), 16));
    }
    if column >= end {
        caret = shown.chars().count();
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_quoted_around_the_caret_and_controls_are_shown() {
        let long = format!("{}\u{1b}X{}", "a".repeat(5000), "b".repeat(5000));
        let e = Error::at_offset("f.txt", &long, 5000, "bad byte");
        let msg = e.to_string();
        assert!(msg.len() < 300, "{} bytes", msg.len());
        assert!(msg.contains("…aaaa"));
        assert!(msg.contains("\\u{1b}X"));
        let lines: Vec<&str> = msg.lines().collect();
        let quoted = lines[2].chars().position(|c| c == '\\').unwrap();
        let caret = lines[3].chars().position(|c| c == '^').unwrap();
        assert_eq!(quoted, caret);
    }

    #[test]
    fn an_error_in_a_whole_file_names_the_file_only() {
        let e = Error::file("old.md", "the document is empty");
        assert_eq!(e.to_string(), "old.md: the document is empty");
        assert!(matches!(e, Error::Input { ref origin, .. } if origin.line == 0));
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let src = "a = 1\nb = é2\n";
        let o = origin_at("f.toml", src, src.find('2').unwrap());
        assert_eq!((o.line, o.column), (2, 6));
        let at = |offset| {
            let o = origin_at("f.toml", src, offset);
            (o.line, o.column)
        };
        assert_eq!(
            [at(0), at(5), at(6), at(99)],
            [(1, 1), (1, 6), (2, 1), (3, 1)]
        );
    }

    #[test]
    fn input_errors_show_the_line_with_a_caret() {
        let src = "x = 1\ny = = 2\n";
        let e = Error::at_offset("f.toml", src, 10, "bad value");
        let text = e.to_string();
        assert!(text.starts_with("f.toml:2:5: bad value"), "{text}");
        assert!(text.contains("2 | y = = 2"), "{text}");
        assert!(text.ends_with("|     ^"), "{text}");
    }
}
