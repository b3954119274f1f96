//! `word/styles.xml`: which paragraph styles are headings, the title or table-of-contents
//! entries.
//!
//! Word stores built-in style names in English (`heading 2`, `Title`, `toc 1`) whatever
//! the user's language, while style ids vary (`Heading2`, `berschrift2`, `Titre2`), so
//! names decide; `basedOn` chains and outline levels cover custom heading styles. Without
//! a styles part the ids are read the English way.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{val, xml_error};
use crate::error::Result;

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Body,
    Heading(u8),
    Title,
    /// An entry of a generated table of contents.
    Contents,
}

#[derive(Debug, Default)]
struct Def {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// The paragraph styles of a document, by id.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    defs: HashMap<String, Def>,
}

impl Styles {
    /// The role of the paragraph style `id`, following `basedOn` a few steps.
    pub(crate) fn role(&self, id: &str) -> Role {
        let mut current = Some(id);
        for _ in 0..8 {
            let Some(id) = current else { break };
            let Some(def) = self.defs.get(id) else {
                return role_of_name(id);
            };
            match role_of_name(&def.name) {
                Role::Body => {}
                role => return role,
            }
            if let Some(level) = def.outline {
                return outline_role(level);
            }
            current = def.based_on.as_deref();
        }
        Role::Body
    }

    /// The automatic numbering a paragraph style applies: its list id and level, each
    /// inherited through `basedOn` when the style does not set it.
    pub(crate) fn numbering(&self, id: &str) -> (Option<String>, Option<usize>) {
        let (mut num_id, mut ilvl) = (None, None);
        let mut current = Some(id);
        for _ in 0..8 {
            let Some(def) = current.and_then(|id| self.defs.get(id)) else {
                break;
            };
            num_id = num_id.or_else(|| def.num_id.clone());
            ilvl = ilvl.or(def.ilvl);
            current = def.based_on.as_deref();
        }
        (num_id, ilvl)
    }
}

/// Outline level 0–8 (heading 1–9); 9 is body text.
pub(crate) fn outline_role(level: u8) -> Role {
    if level < 9 {
        Role::Heading(level + 1)
    } else {
        Role::Body
    }
}

/// The role a built-in style name (or an English style id) stands for.
fn role_of_name(name: &str) -> Role {
    let n = name.to_ascii_lowercase().replace(' ', "");
    if n == "title" {
        return Role::Title;
    }
    if n == "tocheading" {
        return Role::Contents;
    }
    if n.starts_with("toc") && n[3..].chars().all(|c| c.is_ascii_digit()) && n.len() > 3 {
        return Role::Contents;
    }
    match n.strip_prefix("heading").map(str::parse::<u8>) {
        Some(Ok(level)) if (1..=9).contains(&level) => Role::Heading(level),
        _ => Role::Body,
    }
}

/// Reads the paragraph styles of `word/styles.xml` (`label` names it in errors).
pub(crate) fn read(xml: &str, label: &str) -> Result<Styles> {
    let mut reader = Reader::from_str(xml);
    let mut styles = Styles::default();
    let mut current: Option<(String, Def)> = None;
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(label, xml, reader.error_position(), e))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match (name.as_ref(), current.as_mut()) {
                    ("style", None) => {
                        let id = e.attributes().flatten().find_map(|a| {
                            (a.key.local_name().as_ref() == "styleId").then(|| a.value.into_owned())
                        });
                        let paragraph = e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == "type" && a.value == "paragraph"
                        });
                        if let (Some(id), true) = (id, paragraph) {
                            current = Some((id, Def::default()));
                        }
                    }
                    ("name", Some((_, def))) => def.name = val(e).unwrap_or_default(),
                    ("basedOn", Some((_, def))) => def.based_on = val(e),
                    ("outlineLvl", Some((_, def))) => {
                        def.outline = val(e).and_then(|v| v.parse().ok());
                    }
                    ("numId", Some((_, def))) => def.num_id = val(e),
                    ("ilvl", Some((_, def))) => def.ilvl = val(e).and_then(|v| v.parse().ok()),
                    _ => {}
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.local_name().as_ref() == "style" {
                    if let Some((id, def)) = current.take() {
                        styles.defs.insert(id, def);
                    }
                }
            }
            Event::Eof => {
                if depth > 0 {
                    return Err(xml_error(
                        label,
                        xml,
                        reader.buffer_position(),
                        "the part ends inside an element",
                    ));
                }
                return Ok(styles);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0"?>
<w:styles xmlns:w="w">
  <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="ArticleHead"><w:name w:val="Article Head"/><w:basedOn w:val="berschrift2"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ArticleSub"><w:name w:val="Article Sub"/><w:basedOn w:val="ArticleHead"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Chap"><w:name w:val="Chap"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Verz1"><w:name w:val="toc 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Inhaltsverzeichnisberschrift"><w:name w:val="TOC Heading"/></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
</w:styles>"#;

    #[test]
    fn names_decide_whatever_the_ids() {
        let s = read(XML, "styles.xml").unwrap();
        assert_eq!(s.role("berschrift2"), Role::Heading(2));
        assert_eq!(s.role("ArticleHead"), Role::Heading(2));
        assert_eq!(s.role("Chap"), Role::Heading(1));
        assert_eq!(s.role("Verz1"), Role::Contents);
        assert_eq!(s.role("Titel"), Role::Title);
        assert_eq!(s.role("Inhaltsverzeichnisberschrift"), Role::Contents);
        assert_eq!(s.role("Loop"), Role::Body);
        assert_eq!(s.role("Heading3"), Role::Heading(3));
        assert_eq!(s.role("Normal"), Role::Body);
        assert_eq!(Styles::default().role("TOC2"), Role::Contents);
        assert_eq!(s.numbering("ArticleSub"), (Some("7".to_owned()), Some(1)));
        assert_eq!(s.numbering("ArticleHead"), (Some("7".to_owned()), None));
        assert_eq!(s.numbering("Titel"), (None, None));
    }

    #[test]
    fn malformed_styles_are_errors() {
        let msg = read("<w:styles><w:style></w:styles>", "x.docx/word/styles.xml")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("x.docx/word/styles.xml:1:"), "{msg}");
    }
}
