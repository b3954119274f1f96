//! `word/comments.xml`: the rationales and reasons of the changes as Word comments by
//! draftdiff, anchored in the document by `w:commentRangeStart`/`End` around the article
//! heading and a `w:commentReference` run after it.

use std::io;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::Revision;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// One comment: its id (unique among the comments) and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    pub id: u32,
    pub paragraphs: Vec<String>,
}

/// Writes the comments part.
pub fn part(comments: &[Comment], revision: &Revision) -> io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    w.write_event(Event::Start(
        BytesStart::new("w:comments").with_attributes([("xmlns:w", W_NS)]),
    ))?;
    for c in comments {
        let id = c.id.to_string();
        w.write_event(Event::Start(BytesStart::new("w:comment").with_attributes(
            [
                ("w:id", id.as_str()),
                ("w:author", revision.author.as_str()),
                ("w:date", revision.date.as_str()),
                ("w:initials", "dd"),
            ],
        )))?;
        for text in &c.paragraphs {
            w.write_event(Event::Start(BytesStart::new("w:p")))?;
            w.write_event(Event::Start(BytesStart::new("w:r")))?;
            w.write_event(Event::Start(
                BytesStart::new("w:t").with_attributes([("xml:space", "preserve")]),
            ))?;
            w.write_event(Event::Text(BytesText::new(&super::body::xml_safe(text))))?;
            w.write_event(Event::End(BytesEnd::new("w:t")))?;
            w.write_event(Event::End(BytesEnd::new("w:r")))?;
            w.write_event(Event::End(BytesEnd::new("w:p")))?;
        }
        w.write_event(Event::End(BytesEnd::new("w:comment")))?;
    }
    w.write_event(Event::End(BytesEnd::new("w:comments")))?;
    Ok(w.into_inner())
}
