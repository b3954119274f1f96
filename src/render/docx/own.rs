//! The redline written into a copy of the head version's own Word file, as Word's
//! Compare does: its styles, numbering definitions, settings, headers, footers and page
//! setup (the last section's properties) are kept, and its body is replaced by the
//! compared text in its own paragraph styles — title, chapter headings, then each
//! article in head order with its revisions, a removed article where it was, an article
//! moved to another chapter at both places as a Word move. Rationales and reasons are
//! comments on the article headings. The head's own comments are not kept (their
//! anchors are gone with its body).

use std::collections::HashMap;
use std::io::{self, Cursor, Read, Write};
use std::sync::LazyLock;

use regex::Regex;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::body::{self, ArticleStyles, Block, Doc, Parts, Place, Track};
use super::comments;
use super::{package_error, Revision, Template};
use crate::change::{Change, ChangeKind, Comparison, Op};
use crate::error::{Error, Result};
use crate::model::PREAMBLE;
use crate::render::report::{self, Section};

/// Parts of the head's comments, left out with its comments.
const COMMENT_PARTS: [&str; 4] = [
    "word/comments.xml",
    "word/commentsExtended.xml",
    "word/commentsIds.xml",
    "word/commentsExtensible.xml",
];

static COMMENT_REL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<Relationship\s[^>]*Target="/?(?:word/)?comments[A-Za-z]*\.xml"[^>]*/>"#)
        .expect("valid pattern")
});
static FOOTNOTES_REL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<Relationship\s[^>]*Target="/?(?:word/)?footnotes\.xml"[^>]*/>"#)
        .expect("valid pattern")
});
static FOOTNOTES_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<Override\s[^>]*PartName="/word/footnotes\.xml"[^>]*/>"#).expect("valid pattern")
});
static COMMENT_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<Override\s[^>]*PartName="/word/comments[A-Za-z]*\.xml"[^>]*/>"#)
        .expect("valid pattern")
});

/// The report as a copy of `template` with its body replaced.
pub fn render(
    cmp: &Comparison,
    revision: &Revision,
    comments_on: bool,
    template: &Template,
) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(template.bytes.as_slice()))
        .map_err(|e| Error::Invalid(format!("the head .docx is not a zip archive: {e}")))?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(package_error)?;
        if entry.is_dir() {
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(package_error)?;
        let name = entry.name().map_err(package_error)?.into_owned();
        parts.push((name, bytes));
    }
    let document = parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .ok_or_else(|| Error::Invalid("the head .docx has no word/document.xml".into()))?;
    let (root, sect) = frame(&document);
    let (xml, notes, footnotes) =
        document_xml(cmp, revision, comments_on, template, root, sect).map_err(package_error)?;

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut put = |name: &str, bytes: &[u8]| -> Result<()> {
        zip.start_file(name, options).map_err(package_error)?;
        zip.write_all(bytes).map_err(package_error)
    };
    for (name, bytes) in &parts {
        // The head's own footnotes went with its body; the compared text's are ours.
        if COMMENT_PARTS.contains(&name.as_str()) || name == "word/footnotes.xml" {
            continue;
        }
        match name.as_str() {
            "word/document.xml" => put(name, &xml)?,
            "[Content_Types].xml" => {
                let text = String::from_utf8_lossy(bytes);
                let mut text = COMMENT_TYPE.replace_all(&text, "").into_owned();
                text = FOOTNOTES_TYPE.replace_all(&text, "").into_owned();
                if footnotes.is_some() {
                    text = text.replacen(
                        "</Types>",
                        &format!("{}</Types>", super::parts::FOOTNOTES_TYPE),
                        1,
                    );
                }
                if !notes.is_empty() {
                    text = text.replacen(
                        "</Types>",
                        &format!("{}</Types>", super::parts::COMMENTS_TYPE),
                        1,
                    );
                }
                put(name, text.as_bytes())?
            }
            "word/_rels/document.xml.rels" => {
                let text = String::from_utf8_lossy(bytes);
                let mut text = COMMENT_REL.replace_all(&text, "").into_owned();
                text = FOOTNOTES_REL.replace_all(&text, "").into_owned();
                if footnotes.is_some() {
                    let rel = super::parts::footnotes_rel(&text);
                    text = text.replacen("</Relationships>", &format!("{rel}</Relationships>"), 1);
                }
                if !notes.is_empty() {
                    let rel = super::parts::comments_rel(&text);
                    text = text.replacen("</Relationships>", &format!("{rel}</Relationships>"), 1);
                }
                put(name, text.as_bytes())?
            }
            _ => put(name, bytes)?,
        }
    }
    if !notes.is_empty() {
        let xml = comments::part(&notes, revision).map_err(package_error)?;
        put("word/comments.xml", &xml)?;
    }
    if let Some(xml) = &footnotes {
        put("word/footnotes.xml", xml)?;
    }
    let cursor = zip.finish().map_err(package_error)?;
    Ok(cursor.into_inner())
}

/// The opening tag of the head's `w:document` (with every namespace it declares) and
/// its last section's properties (page setup, headers and footers).
fn frame(document: &str) -> (&str, Option<&str>) {
    const PLAIN: &str = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
    let root = document
        .find("<w:document")
        .and_then(|s| document[s..].find('>').map(|e| &document[s..=s + e]))
        .filter(|r| !r.ends_with("/>"))
        .unwrap_or(PLAIN);
    let body_end = document.rfind("</w:body>").unwrap_or(document.len());
    let body = document[..body_end].trim_end();
    // The body's own section properties are its last child; a section break inside the
    // last paragraph is not.
    let sect = body
        .rfind("<w:sectPr")
        .map(|s| &body[s..])
        .filter(|s| s.ends_with("</w:sectPr>") || (s.ends_with("/>") && !s.contains("><")));
    (root, sect)
}

fn document_xml(
    cmp: &Comparison,
    revision: &Revision,
    comments_on: bool,
    template: &Template,
    root: &str,
    sect: Option<&str>,
) -> io::Result<Parts> {
    let house = &template.styles;
    let numbered = |s: &Option<String>| s.as_ref().is_some_and(|s| house.numbered.contains(s));
    let styles = ArticleStyles {
        heading: house.article.as_deref(),
        text: house.text.as_deref(),
        unnumber_heading: numbered(&house.article),
        unnumber_text: numbered(&house.text),
    };
    let mut doc = Doc::new(revision, comments_on);
    let raw = |doc: &mut Doc<'_>, s: &str| doc.w.get_mut().extend_from_slice(s.as_bytes());
    raw(
        &mut doc,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    );
    raw(&mut doc, root);
    raw(&mut doc, "<w:body>");
    if house.title.is_some() && !cmp.head.title.trim().is_empty() {
        let title = Block {
            style: house.title.clone(),
            unnumber: numbered(&house.title),
            mark: None,
            runs: vec![(None, cmp.head.title.clone())],
            notes: None,
            table: None,
        };
        doc.block(&title, None, None, &[])?;
    }
    let order: HashMap<usize, usize> = cmp
        .changes
        .iter()
        .enumerate()
        .map(|(i, c)| (c as *const Change as usize, i))
        .collect();
    let index = |c: &Change| order.get(&(c as *const Change as usize)).copied();
    for s in report::sections(cmp) {
        if let Some(b) = chapter_heading(&s, house, numbered(&house.chapter)) {
            doc.block(&b, None, None, &[])?;
        }
        let mut items: Vec<_> = s.changes.iter().chain(&s.unchanged).collect();
        items.sort_by_key(|i| index(i.change));
        // Where each article that left this chapter stood: after the last article
        // before it in the base numbering, else first.
        let mut after: HashMap<Option<usize>, Vec<&report::MovedOut<'_>>> = HashMap::new();
        for m in &s.moved_out {
            let n = m.change.base.first().and_then(|b| leading_number(b));
            let at = items.iter().rposition(|i| {
                let c = i.change;
                c.kind != ChangeKind::Moved
                    && c.base_chapter == m.change.base_chapter
                    && n.is_some()
                    && c.base.last().and_then(|b| leading_number(b)) < n
            });
            after.entry(at).or_default().push(m);
        }
        let moved_out = |doc: &mut Doc<'_>, list: Option<&Vec<&report::MovedOut<'_>>>| {
            for m in list.into_iter().flatten() {
                body::moved_out(doc, m, styles, |_| Ok(()))?;
            }
            io::Result::Ok(())
        };
        moved_out(&mut doc, after.get(&None))?;
        for (k, item) in items.iter().enumerate() {
            let c = item.change;
            let name = item.from.as_ref().map(|_| body::move_name(&item.anchor));
            let place = match &name {
                Some(n) => Place::To(n),
                None => Place::Only,
            };
            let comments = if c.kind == ChangeKind::Unchanged {
                Vec::new()
            } else {
                let lead = format!("{}, {}", c.kind, c.severity);
                body::change_comments(&mut doc, c, Some(lead))
            };
            let heading = !is_preamble(c);
            let texts = body::text_blocks(c, place, styles);
            body::article(
                &mut doc,
                c,
                place,
                styles,
                heading,
                &comments,
                texts,
                |_| Ok(()),
            )?;
            moved_out(&mut doc, after.get(&Some(k)))?;
        }
    }
    for c in &cmp.provisions {
        let texts = body::text_blocks(c, Place::Only, styles);
        body::article(&mut doc, c, Place::Only, styles, true, &[], texts, |_| {
            Ok(())
        })?;
    }
    if let Some(sect) = sect {
        raw(&mut doc, sect);
    }
    raw(&mut doc, "</w:body></w:document>");
    let footnotes = doc.footnotes_part()?;
    Ok((doc.w.into_inner(), doc.comments, footnotes))
}

fn is_preamble(c: &Change) -> bool {
    let only = |n: &[String]| n.is_empty() || (n.len() == 1 && n[0].eq_ignore_ascii_case(PREAMBLE));
    only(&c.base) && only(&c.head)
}

/// The number an article number starts with (`12` of `12bis`), to place a moved-out
/// article among the others.
fn leading_number(number: &str) -> Option<u64> {
    let digits: String = number
        .trim()
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A chapter heading, its number tracked when it changed; none for the articles
/// outside chapters or the one chapter of a document without chapters.
fn chapter_heading(
    s: &Section<'_>,
    house: &crate::load::document::HouseStyles,
    unnumber: bool,
) -> Option<Block> {
    let number = s.number.as_deref().filter(|n| !n.is_empty())?;
    let title = s
        .row
        .map(|r| r.title.trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    let label = |n: &str| format!("Chapter {n}{title}");
    let (base, head) = match s.row {
        Some(r) => (r.base.as_deref().map(label), r.head.as_deref().map(label)),
        None => (Some(label(number)), Some(label(number))),
    };
    let (mark, runs) = match (base, head) {
        (Some(b), Some(h)) => {
            let mut pieces = Vec::new();
            body::replace(&mut pieces, &b, &h);
            (
                None,
                pieces.into_iter().map(|(op, t)| (track(op), t)).collect(),
            )
        }
        (None, Some(h)) => (Some(Track::Ins), vec![(Some(Track::Ins), h)]),
        (Some(b), None) => (Some(Track::Del), vec![(Some(Track::Del), b)]),
        (None, None) => return None,
    };
    Some(Block {
        style: house.chapter.clone().or_else(|| house.article.clone()),
        unnumber,
        mark,
        runs,
        notes: None,
        table: None,
    })
}

fn track(op: Op) -> Option<Track> {
    match op {
        Op::Equal => None,
        Op::Insert => Some(Track::Ins),
        Op::Delete => Some(Track::Del),
    }
}
