//! `REV:PATH` versions, read straight from git so CI can compare a branch with its base
//! without checking anything out.

use std::process::Command;

use super::{load_file, toml::draft_from_files, SourceFile};
use crate::error::{Error, Result};
use crate::model::Draft;

/// Splits `REV:PATH` when it looks like one (and is not a Windows drive letter).
pub(crate) fn split_rev_path(name: &str) -> Option<(&str, &str)> {
    let (rev, path) = name.split_once(':')?;
    (rev.len() > 1 && !path.is_empty()).then_some((rev, path))
}

fn git(args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| Error::io("git", e))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(Error::Invalid(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// Reads a draft directory or a file at a git revision; a document is read by `rules`, and
/// its reader's warnings come back with it.
pub(crate) fn load(
    rev: &str,
    path: &str,
    rules: &super::document::Rules,
) -> Result<(Draft, Vec<String>)> {
    let spec = format!("{rev}:{path}");
    let kind = git(&["cat-file", "-t", &spec])?;
    let label = format!("{rev}:{}", path.trim_end_matches('/'));
    if kind.starts_with(b"tree") {
        let names = git(&["ls-tree", "--name-only", &spec])?;
        let mut files = Vec::new();
        for name in String::from_utf8_lossy(&names).lines() {
            if name.ends_with(".toml") {
                let blob = format!("{label}/{name}");
                files.push(SourceFile::new(blob.clone(), name, git(&["show", &blob])?));
            }
        }
        draft_from_files(&label, files).map(|d| (d, Vec::new()))
    } else {
        let name = path.rsplit('/').next().unwrap_or(path);
        let file = SourceFile::new(label, name, git(&["show", &spec])?);
        if super::document::is_document(std::path::Path::new(name)) {
            let stem = super::stem_of(std::path::Path::new(name));
            let reading = super::document::read_with(&file, &stem, rules)?;
            return Ok((reading.draft, reading.warnings));
        }
        load_file(&file).map(|d| (d, Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_rev_paths_but_not_drive_letters() {
        assert_eq!(split_rev_path("HEAD:drafts/x"), Some(("HEAD", "drafts/x")));
        assert_eq!(split_rev_path("C:\\x"), None);
        assert_eq!(split_rev_path("3.0"), None);
    }
}
