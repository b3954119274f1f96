//! The last stage: each renderer is a separate sink over values the engine produced.
//! Renderers never recompute anything; they only format.
//!
//! The report renderers ([`html`], [`markdown`], [`docx`]) share their grouping, anchors
//! and headings through [`report`], and write files through `write_atomic` so that a
//! failed run never leaves half a report on disk.

pub mod docx;
pub mod github;
pub mod html;
pub mod json;
pub mod listing;
pub mod markdown;
pub mod report;
pub mod report_file;
pub mod sanitize;
pub mod style;
pub mod table;
pub mod text;
pub mod versions;
pub(crate) mod versions_html;

#[cfg(feature = "synth")]
#[doc(hidden)]
pub mod fixture;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// A chapter number worth printing: `None` for no chapter, and for the one unnamed chapter
/// (number `""`) of a document without chapter headings.
pub(crate) fn chapter_number(number: &Option<String>) -> Option<&str> {
    number.as_deref().filter(|n| !n.is_empty())
}

/// Writes `bytes` to `path` all at once: the bytes go to a temporary file in the same
/// directory, which is renamed over `path` only when complete, so an interrupted or
/// failed run leaves either the old file or the new one, never a partial file.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_replacing(path, bytes, true)
}

/// [`write_atomic`] without waiting for the disk (`fsync`): the file is still replaced
/// whole by a rename, so a failed run leaves the old file or the new one, but a power
/// cut may lose the newest bytes. For outputs that are rebuilt from their inputs anyway
/// (the hundreds of pages of `draftdiff site`), where an `fsync` per file would more
/// than double the build time.
pub(crate) fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    write_replacing(path, bytes, false)
}

fn write_replacing(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let shown = path.display();
    // A symbolic link at the output is followed: the file it names is replaced, the link
    // stays.
    let resolved = std::fs::canonicalize(path)
        .ok()
        .filter(|_| std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()));
    let path = resolved.as_deref().unwrap_or(path);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.file_name().is_none() {
        return Err(Error::file(shown, "not a file name"));
    }
    // Say what is wrong in the user's terms, before a temporary file's name can appear
    // in the message.
    if !dir.is_dir() {
        return Err(Error::Output {
            path: shown.to_string(),
            message: format!("there is no directory {}", dir.display()),
        });
    }
    if path.is_dir() {
        return Err(Error::Output {
            path: shown.to_string(),
            message: "it is a directory".into(),
        });
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".draftdiff-").suffix(".tmp");
    // An ordinary file's mode (0666 less the umask), not the temporary file's 0600.
    // A replaced report keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::io(&shown, without_temporary_name(e)))?;
    tmp.write_all(bytes)
        .and_then(|()| {
            if sync {
                tmp.as_file().sync_all()
            } else {
                Ok(())
            }
        })
        .map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e.error))?;
    Ok(())
}

/// tempfile's errors name the temporary file, which the user never asked for: keep only
/// the kind of failure (`permission denied`, `read-only filesystem …`).
fn without_temporary_name(e: std::io::Error) -> std::io::Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            std::io::Error::new(e.kind(), "a file cannot be created there")
        }
        kind => std::io::Error::from(kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.html");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.html")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
            assert_eq!(mode & 0o600, 0o600, "owner can read and write");
        }
    }

    #[test]
    fn an_unwritable_path_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("missing-dir").join("report.html");
        let err = write_atomic(&path, b"x").expect_err("must fail");
        assert!(err.to_string().contains("missing-dir"), "{err}");
        assert!(!err.to_string().contains(".draftdiff-"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn the_temporary_file_is_not_named_in_errors() {
        use std::io::{Error as IoError, ErrorKind};
        let from_tempfile = |kind| IoError::new(kind, "denied at path \"/d/.draftdiff-x.tmp\"");
        let e = without_temporary_name(from_tempfile(ErrorKind::PermissionDenied));
        assert_eq!(e.kind(), ErrorKind::PermissionDenied);
        assert_eq!(e.to_string(), "permission denied");
        let e = without_temporary_name(from_tempfile(ErrorKind::NotFound));
        assert_eq!(e.to_string(), "a file cannot be created there");
    }

    #[test]
    fn a_directory_is_not_replaced_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("sub");
        std::fs::create_dir(&target).expect("mkdir");
        let err = write_atomic(&target, b"x").expect_err("must fail");
        assert!(err.to_string().contains("sub"), "{err}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("sub")]);
        assert!(target.is_dir());
    }
}
