//! `word/footnotes.xml` and `word/endnotes.xml`: the text of each note, with tracked
//! changes accepted, by key (`f` or `e` and the note's `w:id`).
//!
//! Each `w:footnote`/`w:endnote` element is cut out of the part and read by the body
//! reader, so a note's text is read exactly as body text is (revisions, tabs, fields);
//! its paragraphs are joined with a space, since a note is one paragraph of its
//! article's text. Word's separator notes (`w:type="separator"` …) are not notes.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::styles::Styles;
use super::{attr, body, xml_error};
use crate::error::Result;
use crate::load::document::notes::Notes;

/// Reads the notes of one part into `notes`.
pub(crate) fn read(
    xml: &str,
    label: &str,
    kind: char,
    styles: &Styles,
    notes: &mut Notes,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let element = if kind == 'f' { "footnote" } else { "endnote" };
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    let mut open: Option<(usize, String)> = None;
    let mut inner = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| xml_error(label, xml, reader.error_position(), e))?;
        match event {
            Event::Start(e) => {
                if depth == 1 && e.local_name().as_ref() == element {
                    let special = attr(&e, "type").is_some_and(|t| t != "normal");
                    if let (false, Some(id)) = (special, attr(&e, "id")) {
                        open = Some((before, format!("{kind}{id}")));
                    }
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    if let Some((start, key)) = open.take() {
                        let end = reader.buffer_position() as usize;
                        let lines = body::read(&xml[start..end], label, styles, None, &mut inner)?;
                        let text: Vec<&str> = lines
                            .iter()
                            .map(|l| l.text.as_str())
                            .filter(|t| !t.is_empty())
                            .collect();
                        notes.insert(key, text.join(" "));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let what = if kind == 'f' { "footnotes" } else { "endnotes" };
    warnings.extend(inner.into_iter().map(|w| format!("in the {what}: {w}")));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_read_by_id_with_changes_accepted() {
        let xml = r#"<?xml version="1.0"?><w:footnotes xmlns:w="x"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Since </w:t></w:r><w:del w:id="9" w:author="A"><w:r><w:delText>1990</w:delText></w:r></w:del><w:ins w:id="10" w:author="A"><w:r><w:t>1995</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let mut notes = Notes::default();
        let mut w = Vec::new();
        read(xml, "x", 'f', &Styles::default(), &mut notes, &mut w).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert!(notes.contains("f2") && !notes.contains("f-1"));
        assert_eq!(notes.text("f2"), Some("Since 1995. Second paragraph."));
    }
}
