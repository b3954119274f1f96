//! `import`: a document becomes a draft directory (docs/format.md) in the drafts directory.
//!
//! The directory is built whole in a temporary directory inside the drafts directory, read
//! back to check that every article survives the trip, and only then renamed into place,
//! so nobody ever sees half a draft and a failure leaves nothing behind. Replacing a draft
//! (`--force`) renames the old one aside first and deletes it only once the new one is in
//! place; if anything fails in between, the old draft is put back.

use std::io;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::load::document::{self, Reading};
use crate::load::{self, Catalog, SourceFile};
use crate::model::{Draft, DraftMeta, Status};

/// Reads the file to import: a document (`.md`, `.txt`, `.docx`, with warnings about
/// anything it could not carry over) or a single `.toml` article set.
pub(crate) fn read_source(path: &Path, rules: &document::Rules) -> Result<Reading> {
    let file = SourceFile::read(path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match load::file_kind(path) {
        Some(load::FileKind::Toml) => Ok(Reading {
            draft: load::load_file(&file)?,
            warnings: Vec::new(),
        }),
        Some(load::FileKind::Document) => {
            let mut reading = document::read_with(&file, &stem, rules)?;
            let provisions = std::mem::take(&mut reading.draft.provisions);
            if !provisions.is_empty() {
                reading.warnings.push(format!(
                    "the {} additional, transitional, repealing and final provisions (Disposición …) are not imported: a draft directory has no place for them; diff the document itself to compare them",
                    provisions.len()
                ));
            }
            Ok(reading)
        }
        None => Err(Error::file(
            &file.path,
            "unsupported file type (expected .md, .txt, .docx or a .toml article set)",
        )),
    }
}

/// What `import` was asked for.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The document to import.
    pub file: &'a Path,
    /// The drafts directory (`--drafts`), else `./drafts`.
    pub drafts: Option<&'a Path>,
    /// The new draft's id.
    pub id: &'a str,
    /// `--parent`: the version the draft revises.
    pub parent: Option<&'a str>,
    /// `--title`: replaces the document's title.
    pub title: Option<&'a str>,
    /// `--force`: replace the draft with this id.
    pub force: bool,
}

/// `import`: reads the document, writes the draft directory, says where and what.
pub fn run(
    request: &Request<'_>,
    rules: &document::Rules,
    warn: crate::output::Warn<'_>,
) -> Result<String> {
    let reading = read_source(request.file, rules)?;
    warn(&request.file.display().to_string(), &reading.warnings);
    let summary = summary(&reading.draft);
    let written = import(
        reading.draft,
        request.drafts.unwrap_or(Path::new("drafts")),
        request.id,
        request.parent,
        request.title,
        request.force,
    )?;
    Ok(format!(
        "imported {} as `{}` into {}\n{summary}\n",
        request.file.display(),
        request.id,
        written.display()
    ))
}

/// One line saying what a draft holds: `3 chapters, 12 articles and a preamble, 1234 words`.
pub fn summary(draft: &Draft) -> String {
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}{}, {}",
        plural(draft.chapters.len(), "chapter"),
        plural(draft.article_count(), "article"),
        if draft.preamble.is_some() {
            " and a preamble"
        } else {
            ""
        },
        plural(draft.word_count(), "word")
    )
}

/// Writes `draft` as the draft directory of version `id` in `drafts_dir` (created if
/// missing) and returns the directory. The draft is a working draft revising `parent`,
/// which must be a version in `drafts_dir`; `title` overrides the document's title. An
/// existing draft with this id, or an existing directory of that name, is an error unless
/// `force`, which replaces the draft with this id (never another draft's directory).
pub fn import(
    draft: Draft,
    drafts_dir: &Path,
    id: &str,
    parent: Option<&str>,
    title: Option<&str>,
    force: bool,
) -> Result<PathBuf> {
    if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
        return Err(Error::Invalid(format!(
            "draft id `{id}` must be non-empty and contain no spaces"
        )));
    }
    let slug = load::slug(id);
    if slug.is_empty() {
        return Err(Error::Invalid(format!(
            "draft id `{id}` has no letters or digits to name its directory after"
        )));
    }
    if drafts_dir.exists() && !drafts_dir.is_dir() {
        return Err(Error::DraftsDirectory {
            path: drafts_dir.display().to_string(),
            message: "is a file, not a directory",
        });
    }
    std::fs::create_dir_all(drafts_dir).map_err(|e| Error::io(drafts_dir.display(), e))?;
    let catalog = Catalog::open(drafts_dir)?;
    if let Some(p) = parent {
        if p == id {
            return Err(Error::Invalid(format!(
                "draft `{id}` cannot be its own parent"
            )));
        }
        if catalog.entry(p).is_none() {
            return Err(Error::Invalid(format!(
                "unknown parent `{p}`: {} has no draft with that id (known: {})",
                drafts_dir.display(),
                known(&catalog)
            )));
        }
    }
    let existing = catalog.entries().iter().find(|e| e.meta.id == id);
    let dir_name = existing.map_or(slug, |e| e.dir.clone());
    let target = drafts_dir.join(&dir_name);
    match existing {
        Some(_) if !force => {
            return Err(Error::Invalid(format!(
                "draft `{id}` already exists in {}; use --force to replace it",
                target.display()
            )))
        }
        None if target.exists() => {
            return Err(Error::Invalid(format!(
                "{} already exists and is not the draft `{id}`; choose another id or move it away",
                target.display()
            )))
        }
        _ => {}
    }
    let meta = DraftMeta {
        id: id.to_owned(),
        title: title.unwrap_or(&draft.meta.title).to_owned(),
        status: Status::Working,
        date: None,
        parent: parent.map(str::to_owned),
        themes: Vec::new(),
    };
    let staging = tempfile::Builder::new()
        .prefix(".import-")
        .tempdir_in(drafts_dir)
        .map_err(|e| Error::io(drafts_dir.display(), e))?;
    let built = staging.path().join(&dir_name);
    let draft = Draft { meta, ..draft };
    load::write_dir(&draft, &built)?;
    check_round_trip(&built, &draft)?;
    if existing.is_some() {
        replace(&built, &target, drafts_dir, &|from, to| {
            std::fs::rename(from, to)
        })?;
    } else {
        std::fs::rename(&built, &target).map_err(|e| Error::io(target.display(), e))?;
    }
    Ok(target)
}

fn known(catalog: &Catalog) -> String {
    let ids = catalog.ids();
    if ids.is_empty() {
        "none yet".to_owned()
    } else {
        ids.join(", ")
    }
}

/// Reads the written directory back and checks it holds exactly what was imported.
fn check_round_trip(dir: &Path, draft: &Draft) -> Result<()> {
    let back = load::load_dir(dir)?;
    let shape = |d: &Draft| -> Vec<(String, String, Option<String>, String)> {
        d.articles()
            .map(|a| {
                let a = a.article;
                (
                    a.number.clone(),
                    a.title.clone(),
                    a.section.clone(),
                    a.text.clone(),
                )
            })
            .collect()
    };
    let chapters = |d: &Draft| -> Vec<(String, String)> {
        d.chapters
            .iter()
            .map(|c| (c.number.clone(), c.title.clone()))
            .collect()
    };
    if shape(&back) != shape(draft) || chapters(&back) != chapters(draft) {
        return Err(Error::file(
            dir.display(),
            "the written draft does not read back as imported; nothing was changed",
        ));
    }
    Ok(())
}

/// Puts the directory `built` in the place of the existing draft `target`: the old draft
/// goes aside, the new one in, then the old one is deleted. `rename` is a parameter so a
/// test can make it fail.
fn replace(
    built: &Path,
    target: &Path,
    drafts_dir: &Path,
    rename: &dyn Fn(&Path, &Path) -> io::Result<()>,
) -> Result<()> {
    let aside_dir = tempfile::Builder::new()
        .prefix(".import-old-")
        .tempdir_in(drafts_dir)
        .map_err(|e| Error::io(drafts_dir.display(), e))?;
    let aside = aside_dir.path().join("previous");
    rename(target, &aside).map_err(|e| Error::io(target.display(), e))?;
    if let Err(e) = rename(built, target) {
        if let Err(back) = rename(&aside, target) {
            let kept = aside_dir.keep().join("previous");
            return Err(Error::Invalid(format!(
                "{}: could not put the new draft in place ({e}) nor restore the previous one ({back}); the previous draft is safe in {}",
                target.display(),
                kept.display()
            )));
        }
        return Err(Error::io(target.display(), e));
    }
    // The old draft is deleted with `aside_dir`; failing to delete it loses nothing.
    drop(aside_dir);
    Ok(())
}

#[cfg(test)]
mod tests;
