//! Word documents (`.docx`) into [`Line`]s, one per paragraph.
//!
//! Only `word/document.xml` is read (with `word/styles.xml` to know which styles are
//! headings), with quick-xml, paragraph by paragraph. The text read is the text with all
//! tracked changes *accepted*: insertions and moved-to text are kept, deletions and
//! moved-from text dropped, and a paragraph whose mark was deleted runs on into the next.
//! Tabs become spaces and line breaks new lines, and Word's automatic numbers ("Article
//! %1", "%2.") are written out as Word displays them (`word/numbering.xml`). Anything not
//! carried over (footnotes, drawings and text boxes) or approximated (tables, read cell by
//! cell) is counted in a warning; headers, footers and comments are not draft text.

mod body;
mod house;
mod notes;
mod numbering;
mod styles;

use std::io::{Cursor, Read};

use super::notes::Notes;
use super::paragraphs::ends_sentence;
use super::{Line, Style};
use crate::error::{origin_at, Error, Result};
use crate::load::SourceFile;

/// Largest XML part read (the text of a very long treaty is a few megabytes).
const MAX_PART_BYTES: u64 = 256 << 20;

/// Reads a `.docx` file into lines, and its footnotes and endnotes into `notes`.
pub(crate) fn lines(
    file: &SourceFile,
    notes: &mut Notes,
    warnings: &mut Vec<String>,
) -> Result<Vec<Line>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(file.bytes.as_slice())).map_err(|e| {
        Error::file(
            &file.path,
            format!("not a valid .docx file (it is not a zip archive: {e})"),
        )
    })?;
    let document = part(&mut archive, file, "word/document.xml")?.ok_or_else(|| {
        Error::file(
            &file.path,
            "not a Word document (the archive has no word/document.xml)",
        )
    })?;
    let styles = match part(&mut archive, file, "word/styles.xml")? {
        Some(xml) => styles::read(&xml, &part_label(file, "word/styles.xml"))?,
        None => styles::Styles::default(),
    };
    let numbering = match part(&mut archive, file, "word/numbering.xml")? {
        Some(xml) => Some(numbering::read(
            &xml,
            &part_label(file, "word/numbering.xml"),
        )?),
        None => None,
    };
    for (name, kind) in [("word/footnotes.xml", 'f'), ("word/endnotes.xml", 'e')] {
        if let Some(xml) = part(&mut archive, file, name)? {
            notes::read(
                &xml,
                &part_label(file, name),
                kind,
                &styles,
                notes,
                warnings,
            )?;
        }
    }
    let label = part_label(file, "word/document.xml");
    let mut lines = body::read(&document, &label, &styles, numbering, warnings)?;
    if printed_lines(&lines) {
        warnings.push(
            "its paragraphs are printed lines (a PDF made into Word?): read as hard-wrapped text"
                .to_owned(),
        );
        for line in lines.iter_mut().filter(|l| l.style == Style::Body) {
            line.wrapped = true;
        }
    }
    Ok(lines)
}

/// Whether a Word document keeps one paragraph a printed line, as a PDF converted to
/// Word does: many paragraphs stop mid-sentence and the next goes on in lower case. Such
/// a document is read like a hard-wrapped text file, so that a line which happens to
/// start with `Article 22.` or `Annex IX.` is not taken for a heading. In a document
/// typed in Word, a sentence never runs on into the next paragraph but by accident.
fn printed_lines(lines: &[Line]) -> bool {
    let body: Vec<&Line> = lines.iter().filter(|l| l.style == Style::Body).collect();
    let texts = body.iter().filter(|l| !l.is_blank()).count();
    let runs_on = body
        .windows(2)
        .filter(|w| {
            !w[0].is_blank()
                && !ends_sentence(&w[0].text)
                && w[1].text.starts_with(char::is_lowercase)
        })
        .count();
    runs_on >= PRINTED_MIN && runs_on * PRINTED_SHARE >= texts
}

/// At least this many paragraphs run on in lower case ...
const PRINTED_MIN: usize = 5;
/// ... and at least one paragraph in this many does.
const PRINTED_SHARE: usize = 5;

pub(crate) use house::HouseStyles;

/// The paragraph styles `file` (a `.docx`) uses for its title, headings and text.
pub(crate) fn house_styles(file: &SourceFile) -> Result<HouseStyles> {
    let mut archive = zip::ZipArchive::new(Cursor::new(file.bytes.as_slice())).map_err(|e| {
        Error::file(
            &file.path,
            format!("not a valid .docx file (it is not a zip archive: {e})"),
        )
    })?;
    let document = part(&mut archive, file, "word/document.xml")?.unwrap_or_default();
    let styles = match part(&mut archive, file, "word/styles.xml")? {
        Some(xml) => styles::read(&xml, &part_label(file, "word/styles.xml"))?,
        None => styles::Styles::default(),
    };
    Ok(house::scan(&document, &styles))
}

fn part_label(file: &SourceFile, name: &str) -> String {
    format!("{}/{name}", file.path)
}

/// One XML part of the archive as text, or `None` when the archive does not have it.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    file: &SourceFile,
    name: &str,
) -> Result<Option<String>> {
    let label = part_label(file, name);
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Error::file(
                label,
                format!("cannot read this part of the .docx: {e}"),
            ))
        }
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::file(&label, format!("the .docx is damaged: {e}")))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(Error::file(
            label,
            format!("larger than {} MB, not read", MAX_PART_BYTES >> 20),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::file(
            &label,
            format!(
                "not UTF-8 XML (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    Ok(Some(text.trim_start_matches('\u{feff}').to_owned()))
}

/// A malformed-XML error at byte `offset` of the part `label`. No source line is shown:
/// Word writes each part on one enormous line.
fn xml_error(label: &str, xml: &str, offset: u64, message: impl std::fmt::Display) -> Error {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    Error::at(
        origin_at(label, xml, offset),
        format!("malformed XML: {message}"),
    )
}

/// The value of an element's `w:val` (or any `…:val`) attribute.
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    attr(e, "val")
}

/// The value of an element's attribute `name` in any namespace (`w:id`, `w:type`).
fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(|v| v.into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::super::testdocx::{docx, docx_parts, p};
    use super::super::Style;
    use super::*;

    fn read(bytes: Vec<u8>) -> Result<(Vec<Line>, Vec<String>)> {
        let f = SourceFile::new("d/x.docx".into(), "x.docx", bytes);
        let mut w = Vec::new();
        lines(&f, &mut Notes::default(), &mut w).map(|l| (l, w))
    }

    #[test]
    fn heading_styles_and_paragraph_numbers() {
        let body = [
            p(Some("Title"), "Lake Treaty"),
            p(Some("Heading1"), "Chapter I"),
            p(None, "Text & more"),
        ]
        .concat();
        let (l, w) = read(docx(&body)).unwrap();
        assert!(w.is_empty(), "{w:?}");
        let got: Vec<_> = l.iter().map(|l| (l.text.as_str(), l.at, l.style)).collect();
        assert_eq!(
            got,
            [
                ("Lake Treaty", 1, Style::Title),
                ("Chapter I", 2, Style::Heading(1)),
                ("Text & more", 3, Style::Body)
            ]
        );
        assert!(l.iter().all(|l| !l.wrapped));
    }

    #[test]
    fn bad_archives_are_explained() {
        let msg = read(b"not a zip".to_vec()).unwrap_err().to_string();
        assert!(msg.starts_with("d/x.docx: not a valid .docx file"), "{msg}");
        let msg = read(docx_parts(&[("word/other.xml", "<a/>")]))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("no word/document.xml"), "{msg}");
    }

    #[test]
    fn malformed_xml_is_located() {
        let xml = "<w:document xmlns:w=\"x\">\n<w:body><w:p><w:r><w:t>A</w:x></w:r></w:p></w:body></w:document>";
        let msg = read(docx_parts(&[("word/document.xml", xml)]))
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("d/x.docx/word/document.xml:2:"), "{msg}");
        assert!(msg.contains("malformed XML"), "{msg}");
        let cut = "<w:document xmlns:w=\"x\"><w:body><w:p>";
        let msg = read(docx_parts(&[("word/document.xml", cut)]))
            .unwrap_err()
            .to_string();
        assert!(msg.contains("malformed XML"), "{msg}");
    }
}
