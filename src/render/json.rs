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

/// From this many changes on, [`write_diff`] serialises the changes on rayon's pool: the
/// JSON is the last step of a diff, with the other core idle, and a large diff's JSON
/// (24 MB at 10,000 articles) is a tenth of its work. Below, one thread is quicker.
const PARALLEL_CHANGES: usize = 1_000;

/// [`write`] for `diff --format json`, the same bytes: a large comparison's changes are
/// serialised in blocks on rayon's pool, a group of blocks at a time (so that no more
/// than a group is held in memory), and written in order.
pub fn write_diff(comparison: &Comparison, out: impl Write) -> Result<()> {
    if comparison.changes.len() < PARALLEL_CHANGES {
        return write(comparison, out);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = write_changes_beside(comparison, &mut out, 128).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(()),
    }
}

/// The comparison, its changes serialised `block` at a time on rayon's pool. The rest is
/// serialised with an empty list of changes, which the blocks then fill in: serde_json's
/// pretty printer writes each element of a list as a line break, the list's indentation
/// and the element, with a comma before all but the first, so a block written as the only
/// element of a list in a list (at the changes' depth) is its changes as the whole
/// comparison would have them.
fn write_changes_beside(
    comparison: &Comparison,
    out: &mut impl Write,
    block: usize,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let shell = Comparison {
        schema: comparison.schema,
        base: comparison.base.clone(),
        head: comparison.head.clone(),
        summary: comparison.summary,
        chapters: comparison.chapters.clone(),
        changes: Vec::new(),
        provisions: comparison.provisions.clone(),
        notes: comparison.notes.clone(),
    };
    let shell = serde_json::to_vec_pretty(&shell)?;
    // Only the top level's keys are indented by two spaces: line breaks inside strings
    // are escaped.
    const HOLE: &[u8] = b"\n  \"changes\": []";
    let at = memchr::memmem::find(&shell, HOLE).expect("the changes' key") + HOLE.len() - 1;
    out.write_all(&shell[..at])?;
    let (open, close): (&[u8], &[u8]) = (b"[\n  [", b"\n  ]\n]");
    for (g, group) in comparison.changes.chunks(block * 16).enumerate() {
        let blocks: Vec<Vec<u8>> = group
            .par_chunks(block)
            .map(|changes| serde_json::to_vec_pretty(&[changes]))
            .collect::<serde_json::Result<_>>()?;
        for (i, bytes) in blocks.iter().enumerate() {
            if g > 0 || i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(&bytes[open.len()..bytes.len() - close.len()])?;
        }
    }
    out.write_all(b"\n  ")?;
    out.write_all(&shell[at..])?;
    out.write_all(b"\n")
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
    fn changes_serialised_in_blocks_are_the_comparison_as_serde_writes_it() {
        let mut comparison = crate::render::fixture::sample();
        let one = comparison.changes.clone();
        for _ in 0..40 {
            comparison.changes.extend(one.iter().cloned());
        }
        assert!(
            comparison.changes.len() > 3 * 4 * 16,
            "several groups of blocks"
        );
        let mut whole = Vec::new();
        write(&comparison, &mut whole).unwrap();
        for block in [1, 2, 3, 4, 1000] {
            let mut blocks = Vec::new();
            write_changes_beside(&comparison, &mut blocks, block).unwrap();
            assert!(blocks == whole, "blocks of {block}");
        }
    }

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
