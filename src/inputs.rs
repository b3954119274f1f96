//! The versions a command names, read for it: the reader's warnings reported, drafts
//! whose articles cannot be told apart refused, `--chapter` applied to a comparison, and
//! the lineage of the many versions `history`, `blame`, `proposals` and `site` walk.

use crate::change::Comparison;
use crate::compare;
use crate::error::{Error, Result};
use crate::load::Catalog;
use crate::model::Draft;
use crate::output::Warn;
use crate::validate;
use crate::versions::Lineage;

/// Reads a version and refuses it when its articles cannot be told apart.
pub(crate) fn usable(catalog: &Catalog, name: &str, warn: Warn<'_>) -> Result<Draft> {
    reported(name, read(catalog, name), warn)
}

/// The two versions, read and linted side by side; their warnings reported in order, base
/// first, and the base's error winning, as when they were read one after the other.
pub fn pair(catalog: &Catalog, base: &str, head: &str, warn: Warn<'_>) -> Result<(Draft, Draft)> {
    let (b, h) = rayon::join(|| read(catalog, base), || read(catalog, head));
    Ok((reported(base, b, warn)?, reported(head, h, warn)?))
}

/// A version read and linted, its warnings held back: two versions read side by side
/// would otherwise print theirs interleaved, in a different order on every run.
fn read(catalog: &Catalog, name: &str) -> Result<(Vec<String>, Result<Draft>)> {
    let (draft, warnings) = catalog.resolve_reading(name)?;
    let checked = validate::refuse_fatal(&draft).map(|()| draft);
    Ok((warnings, checked))
}

/// Reports what [`read`] held back, then gives the draft or the reason it is refused.
fn reported(
    name: &str,
    read: Result<(Vec<String>, Result<Draft>)>,
    warn: Warn<'_>,
) -> Result<Draft> {
    let (warnings, draft) = read?;
    warn(name, &warnings);
    draft
}

/// Compares two versions read already, keeping only `chapter` when given.
pub fn compared(
    base: &Draft,
    head: &Draft,
    chapter: Option<&str>,
    options: &compare::Options,
) -> Result<Comparison> {
    let mut result = compare::compare(base, head, options);
    if let Some(chapter) = chapter {
        if !compare::filter_chapter(&mut result, chapter) {
            return Err(Error::Invalid(format!(
                "no chapter `{chapter}` in {} or {}",
                base.meta.id, head.meta.id
            )));
        }
    }
    Ok(result)
}

/// The lineage of the catalog's drafts and of the versions named by path.
pub fn lineage<'a>(
    catalog: &Catalog,
    named: impl IntoIterator<Item = &'a String>,
    warn: Warn<'_>,
) -> Result<Lineage> {
    let mut extra = Vec::new();
    for name in named {
        if catalog.entry(name).is_none() {
            extra.push(usable(catalog, name, warn)?);
        }
    }
    Lineage::of(catalog, extra)
}

/// The id a version the user named has in the lineage (a path becomes its draft's id).
pub(crate) fn resolved_id<'a>(lineage: &'a Lineage, name: &'a str) -> &'a str {
    match lineage.find(name) {
        Ok(_) => name,
        Err(_) => lineage
            .drafts
            .iter()
            .find(|d| {
                d.source == name || std::path::Path::new(&d.source) == std::path::Path::new(name)
            })
            .map_or(name, |d| d.meta.id.as_str()),
    }
}
