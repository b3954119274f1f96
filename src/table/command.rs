//! The `table` command: the correlation table of two versions in the format asked for, or
//! `--check` of a published table against them (`docs/table.md`).

use std::path::Path;

use crate::compare;
use crate::error::{Error, Result};
use crate::inputs;
use crate::model::Draft;
use crate::output::{self, Outcome, Output};
use crate::render::{self, docx, table as render_table};

/// The formats of `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for the terminal.
    Text,
    /// Schema `draftdiff/table/1` (or `draftdiff/table-check/1` for `--check`).
    Json,
    /// A Markdown pipe table.
    Md,
    /// Comma-separated values, one row a line.
    Csv,
    /// A standalone HTML page.
    Html,
    /// A Word document.
    Docx,
}

impl Format {
    /// `format` if given, else the one the extension of `output` names, else text.
    pub fn of(output: Option<&Path>, format: Option<Format>) -> Result<Format> {
        if let Some(f) = format {
            return Ok(f);
        }
        let Some(output) = output.filter(|o| o.as_os_str() != "-") else {
            return Ok(Format::Text);
        };
        match output::extension(output).as_deref() {
            Some("html" | "htm") => Ok(Format::Html),
            Some("md" | "markdown") => Ok(Format::Md),
            Some("docx") => Ok(Format::Docx),
            Some("csv") => Ok(Format::Csv),
            Some("json") => Ok(Format::Json),
            Some("txt") => Ok(Format::Text),
            _ => Err(Error::Usage(format!(
                "cannot tell the table format from `{}`: use a .docx, .html, .md, .csv or .json name, or --format",
                output.display()
            ))),
        }
    }
}

/// What `table` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The versions as the user named them: the output must not replace either.
    pub names: [&'a str; 2],
    /// `--chapter`.
    pub chapter: Option<&'a str>,
    /// `--format`.
    pub format: Option<Format>,
    /// `--paragraphs`: one row per paragraph.
    pub paragraphs: bool,
    /// `--output` (`-` or none for stdout).
    pub output: Option<&'a Path>,
    /// `--check`: the published table to verify.
    pub check: Option<&'a Path>,
}

/// Runs `table` on two versions read already.
pub fn run(base: &Draft, head: &Draft, request: &Request<'_>) -> Result<(Output, Outcome)> {
    // A published table that cannot be read is bad input before any work is done.
    let mut published = request.check.map(super::published::read).transpose()?;
    if let Some(rows) = published.as_mut() {
        super::published::ranges_against(rows, base, head);
    }
    let result = inputs::compared(base, head, request.chapter, &compare::Options::default())?;
    let corr = super::Correspondence::build(base, head, &result);
    if let (Some(path), Some(rows)) = (request.check, published) {
        let ours = corr.table(false);
        let report = super::check::check(&path.display().to_string(), &rows, &corr, &ours);
        let output = match request.format {
            Some(Format::Json) => Output::json(&report)?,
            None | Some(Format::Text) => Output::Text(render_table::check_text(&report)),
            Some(other) => {
                return Err(Error::Usage(format!(
                    "--check reports as text or json, not {other:?}"
                )))
            }
        };
        let outcome = if report.ok {
            Outcome::Success
        } else {
            Outcome::Found
        };
        return Ok((output, outcome));
    }
    let t = corr.table(request.paragraphs);
    let format = Format::of(request.output, request.format)?;
    let to_stdout = request.output.is_none_or(|o| o.as_os_str() == "-");
    let bytes = match format {
        Format::Text => render_table::text(&t).into_bytes(),
        Format::Json => {
            let mut v = Vec::new();
            render::json::write(&t, &mut v)?;
            v
        }
        Format::Md => render_table::markdown(&t).into_bytes(),
        Format::Csv => render_table::csv(&t).into_bytes(),
        Format::Html => render_table::html_page(&t).into_bytes(),
        Format::Docx => {
            if to_stdout {
                return Err(Error::Usage(
                    "a Word document cannot be written to the terminal: give -o FILE.docx".into(),
                ));
            }
            let revision = docx::Revision::resolve(None, result.head.date.as_deref())?;
            docx::render_table(&t, &revision)?
        }
    };
    let output = match request.output.filter(|_| !to_stdout) {
        None if format == Format::Text => Output::Text(String::from_utf8_lossy(&bytes).into()),
        None => Output::Raw(bytes),
        Some(output) => {
            output::refuse_input(&request.names, output)?;
            render::write_atomic(output, &bytes)?;
            Output::Wrote(format!(
                "wrote {} ({} row{}, {} → {})",
                output.display(),
                t.rows.len(),
                if t.rows.len() == 1 { "" } else { "s" },
                t.base.id,
                t.head.id
            ))
        }
    };
    Ok((output, Outcome::Success))
}
