//! The Word redline report: a `.docx` whose article headings and texts are real tracked
//! changes (`w:ins` / `w:del` by author "draftdiff" with an ISO 8601 date), so Word and
//! LibreOffice show them as revisions and Accept all / Reject all yield the head / base
//! text. Chapters are `Heading 1`, articles `Heading 2`, and the impact table is a Word
//! table.
//!
//! The package is written directly with `zip` and `quick-xml` rather than `docx-rs`:
//! the report needs revised paragraph marks (a paragraph break only one version has),
//! revision ids that are unique and deterministic within the document, and filtering of
//! characters XML cannot carry, and this keeps to the `zip`/`quick-xml` versions the
//! crate already uses.

mod body;
mod comments;
mod notes;
mod own;
mod parts;
mod pdf;

pub(crate) use pdf::to_pdf;

use std::io::{Cursor, Write};
use std::time::{Duration, SystemTime};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::change::Comparison;
use crate::error::{Error, Result};

/// Who and when the tracked changes are attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The author Word shows for each tracked change.
    pub author: String,
    /// ISO 8601 in UTC, as Word writes it: `2026-11-05T14:03:00Z`.
    pub date: String,
}

/// The author every revision carries.
pub(crate) const AUTHOR: &str = "draftdiff";

impl Revision {
    /// Revisions by draftdiff at `time`.
    pub fn at(time: SystemTime) -> Self {
        Revision {
            author: AUTHOR.to_owned(),
            date: humantime::format_rfc3339_seconds(time).to_string(),
        }
    }

    /// The revision date of a report: `$SOURCE_DATE_EPOCH` when it is set, else `date`
    /// (`--date`: `now`, `YYYY-MM-DD` or an RFC 3339 time), else `fallback` (the head
    /// version's date), else 1970-01-01. A report is thus the same file byte for byte
    /// whenever it is made from the same inputs, unless the user asks for `now`.
    pub fn resolve(date: Option<&str>, fallback: Option<&str>) -> Result<Self> {
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
        if let Some(epoch) = epoch.filter(|e| !e.trim().is_empty()) {
            let secs = epoch
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|s| *s <= LAST_SECOND)
                .ok_or_else(|| {
                    Error::Invalid(format!(
                        "SOURCE_DATE_EPOCH must be whole seconds since 1970 up to {LAST_SECOND} (the end of year 9999); got `{}`",
                        crate::render::sanitize::line(&epoch, 40)
                    ))
                })?;
            return Ok(Revision::at(
                SystemTime::UNIX_EPOCH + Duration::from_secs(secs),
            ));
        }
        match date {
            Some("now") => Ok(Revision::at(SystemTime::now())),
            Some(d) => parse_date(d).map(Revision::at).ok_or_else(|| {
                Error::Usage(format!(
                    "--date must be `now`, a day such as 2026-11-30 or a time such as 2026-11-30T14:03:00Z; got `{}`",
                    crate::render::sanitize::line(d, 40)
                ))
            }),
            None => Ok(Revision::at(
                fallback
                    .and_then(parse_date)
                    .unwrap_or(SystemTime::UNIX_EPOCH),
            )),
        }
    }
}

/// 9999-12-31T23:59:59Z, the last second an ISO 8601 year of four digits can name.
const LAST_SECOND: u64 = 253_402_300_799;

/// `2026-11-30` (midnight UTC) or an RFC 3339 time, within years 1970–9999.
fn parse_date(s: &str) -> Option<SystemTime> {
    let s = s.trim();
    let time = if s.len() == 7 {
        // `2024-03`, as drafts date themselves: the first of the month.
        humantime::parse_rfc3339(&format!("{s}-01T00:00:00Z")).ok()?
    } else if s.len() == 10 {
        humantime::parse_rfc3339(&format!("{s}T00:00:00Z")).ok()?
    } else {
        humantime::parse_rfc3339_weak(s).ok()?
    };
    let secs = time.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs();
    (secs <= LAST_SECOND).then_some(time)
}

/// What a Word report is made of besides the comparison.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// Rationales and reasons as body text rather than comments (`--no-comments`).
    pub no_comments: bool,
    /// The head version's own Word file: the redline is written into a copy of it.
    pub template: Option<Template>,
    /// The correlation table to append as an annex (`redline --table`).
    pub annex: Option<&'a crate::table::Table>,
}

/// The head version's Word file and the styles it gives its parts.
#[derive(Debug, Clone)]
pub struct Template {
    /// The `.docx` file as read.
    pub bytes: Vec<u8>,
    /// The styles the document gives its headings and body text.
    pub styles: crate::load::document::HouseStyles,
}

impl Template {
    /// Reads the Word file at `path` as the frame of a redline.
    pub fn read(path: &std::path::Path) -> Result<Self> {
        let bytes = std::fs::read(path)
            .map_err(|e| Error::file(path.display(), format!("cannot read: {e}")))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = crate::load::SourceFile::new(path.display().to_string(), &name, bytes.clone());
        let styles = crate::load::document::house_styles(&file)?;
        Ok(Template { bytes, styles })
    }
}

/// Renders the report as the bytes of a `.docx` file, with rationales and reasons as
/// comments.
pub fn render(cmp: &Comparison, revision: &Revision) -> Result<Vec<u8>> {
    render_with(cmp, revision, &Options::default())
}

/// Renders the report as the bytes of a `.docx` file: draftdiff's own report, or the
/// head version's Word file with its body redlined (`options.template`); with the
/// correlation table as an annex of draftdiff's own report when `options.annex` holds one.
pub(crate) fn render_with(
    cmp: &Comparison,
    revision: &Revision,
    options: &Options,
) -> Result<Vec<u8>> {
    let comments_on = !options.no_comments;
    if let Some(template) = &options.template {
        return own::render(cmp, revision, comments_on, template);
    }
    let (document, notes, footnotes) =
        body::document(cmp, revision, comments_on, options.annex).map_err(package_error)?;
    let comments = if notes.is_empty() {
        None
    } else {
        Some(comments::part(&notes, revision).map_err(package_error)?)
    };
    package(&document, comments.as_deref(), footnotes.as_deref())
}

/// A Word document holding only the correlation table (`table -o table.docx`).
pub(crate) fn render_table(table: &crate::table::Table, revision: &Revision) -> Result<Vec<u8>> {
    let document = body::table_document(table, revision).map_err(package_error)?;
    package(&document, None, None)
}

fn package_error(e: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("cannot build the Word document: {e}"))
}

fn package(document: &[u8], comments: Option<&[u8]>, footnotes: Option<&[u8]>) -> Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let (mut types, mut rels) = (
        parts::CONTENT_TYPES.to_owned(),
        parts::DOCUMENT_RELS.to_owned(),
    );
    if comments.is_some() {
        types = types.replacen(
            "</Types>",
            &format!("{}\n</Types>", parts::COMMENTS_TYPE),
            1,
        );
        let rel = parts::comments_rel(&rels);
        rels = rels.replacen("</Relationships>", &format!("{rel}\n</Relationships>"), 1);
    }
    if footnotes.is_some() {
        types = types.replacen(
            "</Types>",
            &format!("{}\n</Types>", parts::FOOTNOTES_TYPE),
            1,
        );
        let rel = parts::footnotes_rel(&rels);
        rels = rels.replacen("</Relationships>", &format!("{rel}\n</Relationships>"), 1);
    }
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", parts::ROOT_RELS.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/styles.xml", parts::STYLES.as_bytes()),
        ("word/settings.xml", parts::SETTINGS.as_bytes()),
        ("word/document.xml", document),
    ];
    if let Some(comments) = comments {
        files.push(("word/comments.xml", comments));
    }
    if let Some(footnotes) = footnotes {
        files.push(("word/footnotes.xml", footnotes));
    }
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(package_error)?;
        zip.write_all(bytes).map_err(package_error)?;
    }
    let cursor = zip.finish().map_err(package_error)?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests;
