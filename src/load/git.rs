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

pub(crate) fn load(rev: &str, path: &str) -> Result<Draft> {
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
        draft_from_files(&label, files)
    } else {
        let name = path.rsplit('/').next().unwrap_or(path);
        load_file(&SourceFile::new(label, name, git(&["show", &spec])?))
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
