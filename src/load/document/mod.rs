//! Documents (`.md`, `.txt`, `.docx`) read into article sets (docs/documents.md).
//!
//! Reading is two steps. Each format first becomes a list of `Line`s: `text` for plain
//! text and Markdown (decoding, heading markers, page numbers), `docx` for Word (tracked
//! changes accepted, heading styles, tables). Then `outline` finds the article and chapter
//! headings, titles, the preamble and any table of contents in those lines, and
//! `paragraphs` joins hard-wrapped body lines — the same way for every format, so a
//! `.docx` and a `.txt` of the same text read alike.

mod docx;
pub(crate) mod former;
mod headings;
mod notes;
mod outline;
mod paragraphs;
#[cfg(test)]
pub(crate) mod testdocx;
mod text;

use std::path::Path;

use super::SourceFile;
use crate::error::{Error, Result};
use crate::model::Draft;

/// A document read into a draft, with what the reader could not represent.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The article set, with id and title from the document (or its file name).
    pub draft: Draft,
    /// Content that was skipped or approximated (drawings, hidden text,
    /// page numbers…): the user must hear about anything not carried over (docs/documents.md).
    pub warnings: Vec<String>,
}

/// Whether `path` names a document (`.md`, `.txt`, `.docx`) by its extension.
pub(crate) fn is_document(path: &Path) -> bool {
    crate::load::file_kind(path) == Some(crate::load::FileKind::Document)
}

/// How the user steers the reader when its grammar guesses wrong.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// `--article-pattern`: the lines matching it, and only those, are article headings.
    /// The number is its group `number` (or its first group), the title its group `title`
    /// (or what follows the match on the line).
    pub article_pattern: Option<regex::Regex>,
}

/// What the reader made of one line that could be a heading, for `show FILE --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Line (text) or paragraph (Word) number.
    pub at: usize,
    /// The line (or paragraph) as written.
    pub line: String,
    /// Taken as a heading.
    pub taken: bool,
    /// What it was taken as, or why it was not.
    pub why: String,
}

pub(crate) use docx::HouseStyles;

/// The paragraph styles a `.docx` gives its title, chapter and article headings and
/// text (for a redline written into a copy of it).
pub(crate) fn house_styles(file: &SourceFile) -> Result<HouseStyles> {
    docx::house_styles(file)
}

/// Reads a document into a draft whose id and title default to `stem`. Warnings are
/// dropped; use [`read_with_warnings`] to show them.
pub fn read(file: &SourceFile, stem: &str) -> Result<Draft> {
    read_with_warnings(file, stem).map(|r| r.draft)
}

/// Reads a document into a draft, keeping the list of skipped or approximated content.
pub fn read_with_warnings(file: &SourceFile, stem: &str) -> Result<Reading> {
    read_with(file, stem, &Rules::default())
}

/// Reads a document with the user's [`Rules`].
pub(crate) fn read_with(file: &SourceFile, stem: &str, rules: &Rules) -> Result<Reading> {
    read_explained(file, stem, rules, None)
}

/// The lines taken as headings and the candidates refused, with why, and the outcome of
/// reading: what `show FILE --explain` prints, also (and above all) when reading fails.
pub fn explain(file: &SourceFile, stem: &str, rules: &Rules) -> (Vec<Verdict>, Result<Reading>) {
    let mut verdicts = Vec::new();
    let reading = read_explained(file, stem, rules, Some(&mut verdicts));
    verdicts.sort_by_key(|v| v.at);
    (verdicts, reading)
}

fn read_explained(
    file: &SourceFile,
    stem: &str,
    rules: &Rules,
    verdicts: Option<&mut Vec<Verdict>>,
) -> Result<Reading> {
    let ext = Path::new(&file.name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let mut notes = notes::Notes::default();
    let markdown = match ext.as_str() {
        "md" | "markdown" => true,
        "txt" | "text" => text::looks_like_markdown(file),
        _ => false,
    };
    let (lines, unit) = match ext.as_str() {
        "docx" => (
            docx::lines(file, &mut notes, &mut warnings)?,
            Unit::Paragraph,
        ),
        "md" | "markdown" | "txt" | "text" => {
            let mut lines = text::lines(file, markdown, &mut warnings)?;
            if markdown {
                notes::markdown(&mut lines, &mut notes);
            }
            (lines, Unit::Line)
        }
        _ => {
            return Err(Error::file(
                &file.path,
                "not a document (expected .md, .txt or .docx)",
            ))
        }
    };
    if lines.iter().all(Line::is_blank) {
        return Err(Error::file(&file.path, "the document is empty"));
    }
    let context = outline::Context {
        path: &file.path,
        stem,
        unit,
        markdown,
        rules,
    };
    let mut draft = outline::build(&lines, &context, &mut warnings, verdicts)?;
    notes::attach(&mut draft, &notes, &mut warnings);
    former::read(&mut draft, &mut warnings);
    Ok(Reading { draft, warnings })
}

/// How a document's [`Line::at`] is counted, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Lines of a text file.
    Line,
    /// Paragraphs of a Word document.
    Paragraph,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Line => "line",
            Unit::Paragraph => "paragraph",
        }
    }
}

/// What a line's formatting says about it, where the format says anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Body,
    /// A Markdown `#` heading, an underlined text heading or a Word heading style.
    Heading(u8),
    /// The document's title (Word's Title style, Markdown front matter).
    Title,
}

/// One line of a document, as every format is reduced to before its structure is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// The text, without heading markers or surrounding whitespace; empty for a blank.
    pub text: String,
    /// 1-based line number (text) or paragraph number (Word), for origins and messages.
    pub at: usize,
    pub style: Style,
    /// Columns of whitespace before the text (a tab counts four); 0 for Word paragraphs.
    /// Numbered sections are told from their nested items by it.
    pub indent: usize,
    /// The line may be a hard-wrapped piece of a longer paragraph (plain text bodies);
    /// Word paragraphs and headings are whole.
    pub wrapped: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Plain-text lines for the reader's unit tests: each trimmed, its indentation kept, read
/// as a body line, hard-wrapped or not.
#[cfg(test)]
fn test_lines(text: &str, wrapped: bool) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Line {
            text: t.trim().to_owned(),
            at: i + 1,
            style: Style::Body,
            indent: t.len() - t.trim_start().len(),
            wrapped,
        })
        .collect()
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
