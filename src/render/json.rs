//! JSON: the writer every `--format json` goes through, and the shapes of the outputs a
//! command assembles from several values (`impact`, `validate`, one article of `show`).
//! The other outputs serialise their own result types — [`Comparison`] for `diff`,
//! `check::CheckReport`, `table::Table`, `versions::history::History` … — each carrying
//! its id from [`crate::change::schema`]. The fields of every output: docs/json.md.

use std::io::Write;

use serde::Serialize;

use crate::change::{schema, Comparison, ImpactRow, Summary, VersionInfo};
use crate::error::{Error, Result};
use crate::model::{Article, Chapter};
use crate::validate::Problem;

/// Streams `value` as pretty JSON to `out`, ending with a newline. A large diff is tens of
/// megabytes, so it is never built in memory first; a closed pipe (`… | head`) is not an
/// error.
pub fn write(value: &impl Serialize, out: impl Write) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(()),
    }
}

/// `impact --format json` (`draftdiff/impact/1`): a diff without its changes.
#[derive(Debug, Serialize)]
pub struct Impact<'a> {
    /// Always `draftdiff/impact/1`.
    pub schema: &'static str,
    /// As in `draftdiff/diff/1`.
    pub base: &'a VersionInfo,
    /// As in `draftdiff/diff/1`.
    pub head: &'a VersionInfo,
    /// As in `draftdiff/diff/1`.
    pub summary: &'a Summary,
    /// As in `draftdiff/diff/1`.
    pub chapters: &'a [ImpactRow],
}

impl<'a> Impact<'a> {
    /// The impact part of a comparison.
    pub fn of(result: &'a Comparison) -> Self {
        Impact {
            schema: schema::IMPACT,
            base: &result.base,
            head: &result.head,
            summary: &result.summary,
            chapters: &result.chapters,
        }
    }
}

/// `validate --format json` (`draftdiff/validate/1`).
#[derive(Debug, Serialize)]
pub struct Validation<'a> {
    /// Always `draftdiff/validate/1`.
    pub schema: &'static str,
    /// No problem found.
    pub ok: bool,
    /// Every problem found.
    pub problems: &'a [Problem],
}

impl<'a> Validation<'a> {
    /// The report of `problems`.
    pub fn of(problems: &'a [Problem]) -> Self {
        Validation {
            schema: schema::VALIDATE,
            ok: problems.is_empty(),
            problems,
        }
    }
}

/// `show VERSION ARTICLE --format json`: the article as its draft holds it.
#[derive(Debug, Serialize)]
pub(crate) struct ShownArticle<'a> {
    pub version: &'a str,
    pub chapter: Option<&'a str>,
    pub number: &'a str,
    pub title: &'a str,
    pub section: Option<&'a str>,
    pub text: &'a str,
    pub from: &'a [String],
}

impl<'a> ShownArticle<'a> {
    pub fn of(version: &'a str, chapter: Option<&'a Chapter>, article: &'a Article) -> Self {
        ShownArticle {
            version,
            chapter: chapter.map(|c| c.number.as_str()),
            number: &article.number,
            title: &article.title,
            section: article.section.as_deref(),
            text: &article.text,
            from: &article.from,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_is_ok_exactly_when_there_is_no_problem() {
        let mut out = Vec::new();
        write(&Validation::of(&[]), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["schema"], "draftdiff/validate/1");
        assert_eq!(v["ok"], true);
        assert!(out.ends_with(b"}\n"));
    }
}
