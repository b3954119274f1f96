//! `redline … -o report.pdf`: the Word report converted by LibreOffice (`soffice` or
//! `libreoffice` on `PATH`), headless, in a private temporary profile so that a running
//! LibreOffice is not disturbed.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// The LibreOffice executable on `PATH`, if any.
fn libreoffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Converts a `.docx` (its bytes) to PDF with LibreOffice.
pub(crate) fn to_pdf(docx: &[u8]) -> Result<Vec<u8>> {
    let exe = libreoffice().ok_or_else(|| {
        Error::Invalid(
            "cannot write a PDF: LibreOffice is not installed (neither `soffice` nor `libreoffice` is on PATH); \
             install LibreOffice Writer, or write a .docx and convert it yourself"
                .into(),
        )
    })?;
    let dir = tempfile::tempdir()
        .map_err(|e| Error::Invalid(format!("cannot make a temporary directory: {e}")))?;
    let input = dir.path().join("redline.docx");
    std::fs::write(&input, docx).map_err(|e| Error::Output {
        path: input.display().to_string(),
        message: e.to_string(),
    })?;
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let out = Command::new(&exe)
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::Invalid(format!("cannot run {}: {e}", exe.display())))?;
    let pdf = dir.path().join("redline.pdf");
    std::fs::read(&pdf).map_err(|_| {
        Error::Invalid(format!(
            "LibreOffice ({}) did not convert the report to PDF: {}",
            exe.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    })
}
