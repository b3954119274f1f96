//! The `history`, `blame` and `proposals` commands: the lineage of the versions named
//! (by id or by path), the walk through it, and the output in the format asked for.

use std::path::Path;

use crate::error::Result;
use crate::inputs::{lineage, resolved_id};
use crate::load::Catalog;
use crate::output::{Output, Warn};
use crate::render::{self, style::Style};

/// The formats of the versions commands (`html` for `proposals` only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text for the terminal.
    Text,
    /// JSON (`docs/json.md`).
    Json,
    /// A standalone HTML page.
    Html,
}

/// `history ARTICLE [--in VERSION]`.
pub fn history(
    catalog: &Catalog,
    article: &str,
    version: Option<&String>,
    format: Format,
    style: Style,
    warn: Warn<'_>,
) -> Result<Output> {
    let lineage = lineage(catalog, version, warn)?;
    let version = version.map(|v| resolved_id(&lineage, v));
    let history = super::history::history(&lineage, article, version)?;
    match format {
        Format::Json => Output::json(&history),
        _ => Ok(Output::Text(render::versions::history_text(
            &history, style,
        ))),
    }
}

/// `blame VERSION ARTICLE`.
pub fn blame(
    catalog: &Catalog,
    version: &String,
    article: &str,
    format: Format,
    style: Style,
    warn: Warn<'_>,
) -> Result<Output> {
    let lineage = lineage(catalog, [version], warn)?;
    let version = resolved_id(&lineage, version);
    let blame = super::blame::blame(&lineage, version, article)?;
    match format {
        Format::Json => Output::json(&blame),
        _ => Ok(Output::Text(render::versions::blame_text(&blame, style))),
    }
}

/// What `proposals` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct ProposalsRequest<'a> {
    /// The version every proposal revises.
    pub base: &'a String,
    /// The proposals.
    pub proposals: &'a [String],
    /// `--into`: the consolidated draft.
    pub into: Option<&'a String>,
    /// `--format` (default: text, or html for an .html output).
    pub format: Option<Format>,
    /// `--output`: the file to write instead of stdout.
    pub output: Option<&'a Path>,
}

/// `proposals BASE P1 P2 … [--into CONSOLIDATED]`: the report in the chosen format, to
/// stdout or written whole to a file.
pub fn proposals(
    catalog: &Catalog,
    request: &ProposalsRequest<'_>,
    style: Style,
    warn: Warn<'_>,
) -> Result<Output> {
    let mut named: Vec<&String> = vec![request.base];
    named.extend(request.proposals);
    named.extend(request.into);
    let lineage = lineage(catalog, named, warn)?;
    let ids: Vec<String> = request
        .proposals
        .iter()
        .map(|p| resolved_id(&lineage, p).to_owned())
        .collect();
    let report = super::proposals::proposals(
        &lineage,
        resolved_id(&lineage, request.base),
        &ids,
        request.into.map(|c| resolved_id(&lineage, c)),
    )?;
    let html_output = request.output.is_some_and(|o| {
        o.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    });
    let format = request.format.unwrap_or(if html_output {
        Format::Html
    } else {
        Format::Text
    });
    let rendered = match format {
        Format::Json => {
            let mut v = Vec::new();
            render::json::write(&report, &mut v)?;
            String::from_utf8_lossy(&v).into_owned()
        }
        Format::Text => render::versions::proposals_text(&report, style),
        Format::Html => render::versions_html::render(&report),
    };
    match request.output {
        None if format == Format::Text => Ok(Output::Text(rendered)),
        None => Ok(Output::Raw(rendered.into_bytes())),
        Some(path) => {
            render::write_atomic(path, rendered.as_bytes())?;
            Ok(Output::Wrote(format!("wrote {}", path.display())))
        }
    }
}
