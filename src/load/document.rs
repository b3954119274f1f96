//! Documents (`.md`, `.txt`, `.docx`) read into article sets.

use super::SourceFile;
use crate::error::{Error, Result};
use crate::model::Draft;

pub fn read(file: &SourceFile, _stem: &str) -> Result<Draft> {
    Err(Error::Invalid(format!(
        "{}: documents are not readable yet",
        file.path
    )))
}
