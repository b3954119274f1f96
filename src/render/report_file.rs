//! The `redline` command: a standalone report of two versions, its format told by the
//! output's name or `--format`, rendered whole in memory and then written whole or not
//! at all.

use std::path::Path;

use crate::change::Comparison;
use crate::compare;
use crate::error::{Error, Result};
use crate::inputs;
use crate::load::Catalog;
use crate::output::{self, Output, Warn};

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A standalone HTML page.
    Html,
    /// Markdown.
    Md,
    /// Word with tracked changes.
    Docx,
    /// The Word report converted to PDF by LibreOffice.
    Pdf,
}

impl Format {
    /// `format` if given, else the one the extension of `output` names.
    pub fn of(output: &Path, format: Option<Format>) -> Result<Format> {
        if let Some(f) = format {
            return Ok(f);
        }
        match output::extension(output).as_deref() {
            Some("html" | "htm") => Ok(Format::Html),
            Some("md" | "markdown") => Ok(Format::Md),
            Some("docx") => Ok(Format::Docx),
            Some("pdf") => Ok(Format::Pdf),
            _ => Err(Error::Usage(format!(
                "cannot tell the report format from `{}`: use a .html, .md, .docx or .pdf name, or --format html|md|docx|pdf",
                output.display()
            ))),
        }
    }
}

/// What `redline` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The base version, as the user named it.
    pub base: &'a str,
    /// The head version, as the user named it: a Word head is the frame of a Word report.
    pub head: &'a str,
    /// `--chapter`.
    pub chapter: Option<&'a str>,
    /// The file to write; `-` for stdout.
    pub output: &'a Path,
    /// `--format`.
    pub format: Option<Format>,
    /// `--date`: the date of Word's tracked changes.
    pub date: Option<&'a str>,
    /// `--table`: the correlation table as an annex.
    pub with_table: bool,
    /// `--no-comments`: rationales as body text, not Word comments.
    pub no_comments: bool,
}

/// Runs `redline`: reads and compares the versions, renders the report, writes it.
pub fn run(catalog: &Catalog, request: &Request<'_>, warn: Warn<'_>) -> Result<Output> {
    let output = request.output;
    let format = Format::of(output, request.format)?;
    let to_stdout = output.as_os_str() == "-";
    let word = matches!(format, Format::Docx | Format::Pdf);
    if to_stdout && word {
        return Err(Error::Usage(
            "a Word document cannot be written to the terminal: give -o FILE.docx".into(),
        ));
    }
    // The report must never replace a version it compares.
    if !to_stdout {
        output::refuse_input(&[request.base, request.head], output)?;
    }
    // A Word head is the frame of a Word report: its body is redlined in a copy.
    let head_path = Path::new(request.head);
    let own = word
        && head_path.is_file()
        && head_path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let template = own
        .then(|| super::docx::Template::read(head_path))
        .transpose()?;
    let options = compare::Options {
        redline_unchanged: template.is_some(),
    };
    let (base, head) = inputs::pair(catalog, request.base, request.head, warn)?;
    let result = inputs::compared(&base, &head, request.chapter, &options)?;
    let annex = request
        .with_table
        .then(|| crate::table::table(&base, &head, &result, false));
    let bytes = match format {
        Format::Html => super::html::render_with_table(&result, annex.as_ref()).into_bytes(),
        Format::Md => super::markdown::render_with_table(&result, annex.as_ref()).into_bytes(),
        Format::Docx | Format::Pdf => {
            use super::docx;
            let revision = docx::Revision::resolve(request.date, result.head.date.as_deref())?;
            let options = docx::Options {
                no_comments: request.no_comments,
                template,
                annex: annex.as_ref(),
            };
            let bytes = docx::render_with(&result, &revision, &options)?;
            if format == Format::Pdf {
                docx::to_pdf(&bytes)?
            } else {
                bytes
            }
        }
    };
    if to_stdout {
        Ok(Output::Raw(bytes))
    } else {
        super::write_atomic(output, &bytes)?;
        Ok(Output::Wrote(wrote(output, &result)))
    }
}

/// The line that says a report was written.
fn wrote(output: &Path, result: &Comparison) -> String {
    let changed = result.summary.changed();
    format!(
        "wrote {} ({changed} change{}, {} → {})",
        output.display(),
        if changed == 1 { "" } else { "s" },
        result.base.id,
        result.head.id
    )
}
