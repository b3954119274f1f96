//! Reads the generated package back: the parts exist, revisions carry author and date,
//! and accepting or rejecting every revision yields exactly the head or base texts.

use std::collections::HashSet;
use std::io::Read;
use std::time::{Duration, SystemTime};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::*;
use crate::change::{side, Op};
use crate::render::fixture::{sample, NASTY};
use crate::render::report;

fn revision() -> Revision {
    Revision::at(SystemTime::UNIX_EPOCH + Duration::from_secs(1_790_000_000))
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut file = zip.by_name(name).expect("part present");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8 part");
    text
}

/// A paragraph as Word would see it: style, revision on its mark, runs with their
/// revision.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    mark: Option<Op>,
    runs: Vec<(Op, String)>,
}

/// Every `w:ins`/`w:del` as (name, id, author, date).
type Revisions = Vec<(String, String, String, String)>;

fn parse(xml: &str) -> (Vec<Para>, Revisions) {
    let mut reader = Reader::from_str(xml);
    let mut paras = Vec::new();
    let mut revisions = Vec::new();
    let mut current = Para::default();
    let (mut in_ppr, mut in_text) = (false, false);
    let mut context = Op::Equal;
    let mut moved = false;
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        e.try_get_attribute(name)
            .expect("attribute")
            .map(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("value")
                    .into_owned()
            })
            .unwrap_or_default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                current.style = attr(&e, "w:val");
            }
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => current = Para::default(),
                "w:pPr" => in_ppr = true,
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => {
                    let name = e.name().as_ref().to_owned();
                    moved = name.starts_with("w:move");
                    context = if name == "w:ins" || name == "w:moveTo" {
                        Op::Insert
                    } else {
                        Op::Delete
                    };
                    revisions.push((
                        name,
                        attr(&e, "w:id"),
                        attr(&e, "w:author"),
                        attr(&e, "w:date"),
                    ));
                }
                "w:t" => {
                    assert!(
                        moved || context != Op::Delete,
                        "deleted text must be in w:delText"
                    );
                    in_text = true;
                }
                "w:delText" => {
                    assert_eq!(context, Op::Delete, "w:delText outside w:del");
                    in_text = true;
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" if in_ppr => {
                    let name = e.name().as_ref().to_owned();
                    current.mark = Some(if name == "w:ins" || name == "w:moveTo" {
                        Op::Insert
                    } else {
                        Op::Delete
                    });
                    revisions.push((
                        name,
                        attr(&e, "w:id"),
                        attr(&e, "w:author"),
                        attr(&e, "w:date"),
                    ));
                }
                "w:tab" => current.runs.push((context, "\t".to_owned())),
                _ => {}
            },
            Event::Text(t) if in_text => {
                let raw = t.to_string();
                current.runs.push((context, raw));
            }
            Event::GeneralRef(r) if in_text => {
                let name: &str = &r;
                let text = quick_xml::escape::unescape(&format!("&{name};"))
                    .expect("known entity")
                    .into_owned();
                current.runs.push((context, text));
            }
            Event::End(e) => match e.name().as_ref() {
                "w:p" => paras.push(std::mem::take(&mut current)),
                "w:pPr" => in_ppr = false,
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => {
                    context = Op::Equal;
                    moved = false;
                }
                "w:t" | "w:delText" => in_text = false,
                _ => {}
            },
            _ => {}
        }
    }
    (paras, revisions)
}

/// The text left after accepting (`drop` = Delete) or rejecting (`drop` = Insert) every
/// revision in a run of paragraphs.
fn resolve(paras: &[Para], drop: Op) -> String {
    let mut out = String::new();
    for (i, p) in paras.iter().enumerate() {
        for (op, text) in &p.runs {
            if *op != drop {
                out.push_str(text);
            }
        }
        if i + 1 < paras.len() && p.mark != Some(drop) {
            out.push('\n');
        }
    }
    out
}

/// Each article heading with the article-text paragraphs that follow it.
fn articles(paras: &[Para]) -> Vec<(Para, Vec<Para>)> {
    let mut out: Vec<(Para, Vec<Para>)> = Vec::new();
    for p in paras {
        match p.style.as_str() {
            "Heading2" => out.push((p.clone(), Vec::new())),
            "Heading1" => {}
            "ArticleText" => {
                if let Some(last) = out.last_mut() {
                    last.1.push(p.clone());
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_package_has_its_parts_and_heading_styles() {
    let bytes = render(&sample(), &revision()).expect("render");
    let styles = part(&bytes, "word/styles.xml");
    for id in [
        "Heading1",
        "Heading2",
        "Title",
        "ArticleText",
        "ImpactTable",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "style {id}"
        );
    }
    assert!(part(&bytes, "[Content_Types].xml").contains("/word/document.xml"));
    assert!(part(&bytes, "word/_rels/document.xml.rels").contains("styles.xml"));
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains("<w:tbl>"), "the impact table is a Word table");
    let (paras, _) = parse(&doc);
    let chapters: Vec<String> = paras
        .iter()
        .filter(|p| p.style == "Heading1")
        .map(|p| p.runs.iter().map(|(_, t)| t.as_str()).collect())
        .collect();
    assert!(
        chapters.contains(&"Chapter II → III — Workers".to_owned()),
        "{chapters:?}"
    );
}

#[test]
fn revisions_carry_author_date_and_unique_ids() {
    let bytes = render(&sample(), &revision()).expect("render");
    let (_, revisions) = parse(&part(&bytes, "word/document.xml"));
    assert!(revisions.iter().any(|r| r.0 == "w:ins"));
    assert!(revisions.iter().any(|r| r.0 == "w:del"));
    let mut ids = HashSet::new();
    for (name, id, author, date) in &revisions {
        assert_eq!(author, "draftdiff", "{name} {id}");
        assert_eq!(date, "2026-09-21T14:13:20Z", "{name} {id}");
        assert!(ids.insert(id.clone()), "duplicate revision id {id}");
    }
}

#[test]
fn accept_all_gives_the_head_text_and_reject_all_the_base_text() {
    let cmp = sample();
    let bytes = render(&cmp, &revision()).expect("render");
    let (paras, _) = parse(&part(&bytes, "word/document.xml"));
    let found = articles(&paras);
    // A moved article is at two places: the one it left (`Some(false)`: only its base
    // text, all of it revised away by Accept All) and its new one (`Some(true)`: only its
    // head text, all of it revised away by Reject All).
    let expected: Vec<(&crate::change::Change, Option<bool>)> = report::sections(&cmp)
        .iter()
        .flat_map(|s| {
            let out = s.moved_out.iter().map(|m| (m.change, Some(false)));
            let here = s
                .changes
                .iter()
                .map(|i| (i.change, i.from.as_ref().map(|_| true)));
            out.chain(here).collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(found.len(), expected.len());
    assert!(
        expected.iter().any(|(_, m)| m.is_some()),
        "the fixture has a move"
    );
    for ((heading, body), (change, moved)) in found.iter().zip(expected) {
        let keep = |text: String, side: bool| match moved {
            Some(place) if place != side => String::new(),
            _ => text,
        };
        let redline = change
            .redline
            .as_deref()
            .expect("fixture changes have redlines");
        let head = side(redline, Op::Insert);
        let base = side(redline, Op::Delete);
        let (head, base) = (
            keep(head.trim_end_matches('\n').to_owned(), true),
            keep(base.trim_end_matches('\n').to_owned(), false),
        );
        assert_eq!(resolve(body, Op::Delete), head);
        assert_eq!(resolve(body, Op::Insert), base);
        let pieces = body::heading_pieces(change);
        let want = |drop: Op| -> String {
            pieces
                .iter()
                .filter(|(op, _)| *op != drop)
                .map(|(_, t)| t.as_str())
                .collect()
        };
        assert_eq!(
            resolve(std::slice::from_ref(heading), Op::Delete),
            keep(want(Op::Delete), true)
        );
        assert_eq!(
            resolve(std::slice::from_ref(heading), Op::Insert),
            keep(want(Op::Insert), false)
        );
    }
}

#[test]
fn headings_are_tracked_for_renumbering_additions_and_removals() {
    let cmp = sample();
    let by_label = |label: &str| {
        cmp.changes
            .iter()
            .find(|c| report::article_label(c) == label)
            .map(body::heading_pieces)
            .expect("change present")
    };
    assert_eq!(
        by_label("Article 4 → 2"),
        vec![
            (Op::Equal, "Article ".to_owned()),
            (Op::Delete, "4".to_owned()),
            (Op::Insert, "2".to_owned()),
            (Op::Equal, " — ".to_owned()),
            (Op::Delete, "Definitions".to_owned()),
            (Op::Insert, "Terms".to_owned()),
        ]
    );
    assert_eq!(
        by_label("Articles 10, 11 → 10"),
        vec![
            (Op::Delete, "Articles 10, 11".to_owned()),
            (Op::Insert, "Article 10".to_owned()),
            (Op::Equal, " — ".to_owned()),
            (Op::Delete, "Hours".to_owned()),
            (Op::Insert, "Hours and rest".to_owned()),
        ]
    );
    assert_eq!(
        by_label("Article 3"),
        vec![(Op::Equal, "Article 3 — Equality <of> treatment".to_owned())]
    );
    assert_eq!(
        by_label("Article 12"),
        vec![(Op::Insert, "Article 12 — Health | care".to_owned())]
    );
    assert_eq!(
        by_label("Article 2"),
        vec![(Op::Delete, "Article 2 — Old rule".to_owned())]
    );
}

#[test]
fn draft_text_is_escaped_in_the_xml() {
    let bytes = render(&sample(), &revision()).expect("render");
    let doc = part(&bytes, "word/document.xml");
    assert!(!doc.contains("<script>"));
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(doc.contains("&amp;amp;"));
    assert!(!doc.contains("]]>"));
    assert_eq!(
        doc.matches("<w:t>").count(),
        0,
        "draft `<w:t>` must not become a tag"
    );
    let (paras, _) = parse(&doc);
    let all: String = paras
        .iter()
        .flat_map(|p| p.runs.iter().map(|(_, t)| t.as_str()))
        .collect();
    assert!(
        all.contains(NASTY),
        "the draft text survives the round trip literally"
    );
}

#[test]
fn characters_xml_cannot_carry_are_replaced() {
    let mut cmp = sample();
    if let Some(r) = cmp.changes[2].redline.as_mut() {
        r.push(crate::change::Segment::new(
            Op::Insert,
            "bell\u{7} cr\r tab\tend",
        ));
    }
    let bytes = render(&cmp, &revision()).expect("render");
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains("bell\u{fffd} cr\u{fffd} tab"));
    assert!(doc.contains("<w:tab/>"));
    parse(&doc);
}

#[test]
fn the_date_is_iso_8601_and_source_date_epoch_is_honoured() {
    assert_eq!(
        Revision::at(SystemTime::UNIX_EPOCH).date,
        "1970-01-01T00:00:00Z"
    );
    // Reproducible by default: the head version's date, else the epoch.
    std::env::remove_var("SOURCE_DATE_EPOCH");
    assert_eq!(
        Revision::resolve(None, Some("2019-12-10")).unwrap().date,
        "2019-12-10T00:00:00Z"
    );
    assert_eq!(
        Revision::resolve(None, None).unwrap().date,
        "1970-01-01T00:00:00Z"
    );
    assert_eq!(
        Revision::resolve(Some("2026-11-30T14:03:00Z"), None)
            .unwrap()
            .date,
        "2026-11-30T14:03:00Z"
    );
    assert_eq!(Revision::resolve(Some("now"), None).unwrap().author, AUTHOR);
    for bad in ["garbage", "10000-01-01", "1969-12-31"] {
        assert!(Revision::resolve(Some(bad), None).is_err(), "{bad}");
    }
}

#[test]
fn weak_pairings_are_marked_in_the_document() {
    let mut cmp = sample();
    let c = cmp
        .changes
        .iter_mut()
        .find(|c| c.kind == crate::change::ChangeKind::Renumbered)
        .expect("the sample has a renumbering");
    c.confidence = Some(0.31);
    let bytes = render(&cmp, &revision()).expect("rendered");
    assert!(part(&bytes, "word/document.xml").contains("weak pairing (confidence 0.31)"));
}
