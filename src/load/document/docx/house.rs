//! The paragraph styles a Word document gives its title, chapter and article headings
//! and body text, so that a redline written into a copy of the document
//! (`render::docx` with a head `.docx`) can use the document's own styles.

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::styles::{Role, Styles};
use super::val;

/// The paragraph styles of a document's parts; `None` is the default paragraph style.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HouseStyles {
    pub title: Option<String>,
    pub chapter: Option<String>,
    pub article: Option<String>,
    pub text: Option<String>,
    /// Those of the styles above that apply automatic numbering: a paragraph that
    /// spells out its number must switch it off.
    pub numbered: Vec<String>,
}

/// Finds the styles of `document` (`word/document.xml`): the article headings' style is
/// the most used heading style, the chapters' a heading style of a higher level, the
/// text's the most used style of the other paragraphs with text.
pub(crate) fn scan(document: &str, styles: &Styles) -> HouseStyles {
    let mut reader = Reader::from_str(document);
    let mut headings: HashMap<(u8, String), usize> = HashMap::new();
    let mut bodies: HashMap<Option<String>, usize> = HashMap::new();
    let mut title = None;
    let (mut style, mut has_text, mut in_ppr) = (None::<String>, false, false);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "p" => (style, has_text) = (None, false),
                "pPr" => in_ppr = true,
                "pStyle" if in_ppr => style = val(&e),
                "t" => has_text = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "pPr" => in_ppr = false,
                "p" if has_text => {
                    let role = style.as_deref().map_or(Role::Body, |s| styles.role(s));
                    match (role, style.take()) {
                        (Role::Heading(level), Some(id)) => {
                            *headings.entry((level, id)).or_default() += 1
                        }
                        (Role::Title, id) => title = title.or(id),
                        (Role::Body, id) => *bodies.entry(id).or_default() += 1,
                        _ => {}
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    fn most<K: Ord + Clone>(m: &HashMap<K, usize>) -> Option<K> {
        let mut v: Vec<(&K, &usize)> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        v.first().map(|(k, _)| (*k).clone())
    }
    let article: Option<(u8, String)> = most(&headings);
    let chapter = article.as_ref().and_then(|(level, _)| {
        let mut higher: Vec<&(u8, String)> = headings.keys().filter(|(l, _)| l < level).collect();
        higher.sort();
        higher.first().map(|(_, id)| id.clone())
    });
    let mut house = HouseStyles {
        title,
        chapter,
        article: article.map(|(_, id)| id),
        text: most(&bodies).flatten(),
        numbered: Vec::new(),
    };
    let used = [&house.title, &house.chapter, &house.article, &house.text];
    house.numbered = used
        .into_iter()
        .flatten()
        .filter(|id| styles.numbering(id).0.is_some_and(|n| n != "0"))
        .cloned()
        .collect();
    house
}
