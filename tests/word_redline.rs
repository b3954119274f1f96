//! Issue 16: Word redlines as drafters use them. Builds an old and a new `.docx` with
//! custom styles, a header, an article moved to another chapter unchanged and one moved
//! and edited, runs `redline old.docx new.docx -o r.docx`, and checks that the move
//! revisions pair up, that accepting every revision gives the new document's text and
//! rejecting every revision the old one's (read back by draftdiff's own reader, and by
//! LibreOffice when it is installed), that comments exist and are anchored, that
//! revision ids are unique, and that the head's styles, header and page setup are kept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use regex::Regex;

mod common;
use common::word::{self, attrs, changed, draftdiff, escape, part, reject_all, with_parts, W};

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Custom styles: articles in "Legal Article" (based on heading 2), chapters in
/// heading 1, text in "Legal Body".
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="LegalArticle"><w:name w:val="Legal Article"/><w:basedOn w:val="Heading2"/><w:rPr><w:b/><w:smallCaps/><w:color w:val="7030A0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="LegalBody"><w:name w:val="Legal Body"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="567"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/></w:rPr></w:style>
</w:styles>
"#;

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>LAKE TREATY — CONFIDENTIAL DRAFT</w:t></w:r></w:p></w:hdr>
"#;

fn para(style: &str, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    )
}

/// A draft as (chapter heading, [(article heading, [paragraphs])]).
type Outline<'a> = &'a [(&'a str, &'a [(&'a str, &'a [&'a str])])];

fn docx(outline: Outline<'_>) -> Vec<u8> {
    let mut body = para("Title", "Lake Treaty");
    for (chapter, articles) in outline {
        body.push_str(&para("Heading1", chapter));
        for (heading, paragraphs) in *articles {
            body.push_str(&para("LegalArticle", heading));
            for p in *paragraphs {
                body.push_str(&para("LegalBody", p));
            }
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"12240\" w:h=\"15840\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    word::package(
        &document,
        STYLES,
        &[word::Part {
            name: "header1.xml",
            kind: "header",
            id: "rIdHeader",
            xml: HEADER.to_owned(),
        }],
    )
}

const FISH: &str = "Each Party shall regulate fishing in its waters so that the stocks of the lake recover within ten years of the entry into force of this Treaty.";
const BOATS: &str = "Boats registered in one Party may sail the whole lake and call at any port of the other Parties without a permit.";
const DATA: &str = "The Parties shall exchange every year the catch data of their fleets, by species and by month, through the Commission.";
const COMMISSION: &str = "A Lake Commission is established, composed of two delegates of each Party, which shall meet at least once a year.";
const BUDGET: &str = "The Commission shall adopt its budget by consensus; each Party contributes in proportion to the length of its shore.";
const DISPUTES: &str = "Disputes between the Parties about this Treaty shall be settled by negotiation or, failing that, by arbitration.";

fn old() -> Vec<u8> {
    docx(&[
        (
            "Chapter I – Fishing",
            &[
                ("Article 1 – Stocks", &[FISH]),
                ("Article 2 – Navigation", &[BOATS]),
                ("Article 3 – Catch data", &[DATA, "Data are public."]),
            ],
        ),
        (
            "Chapter II – Institutions",
            &[
                ("Article 4 – Commission", &[COMMISSION]),
                ("Article 5 – Budget", &[BUDGET]),
                ("Article 6 – Disputes", &[DISPUTES]),
            ],
        ),
    ])
}

/// Article 2 moved to chapter II unchanged; Article 3 moved and edited; Article 1
/// reworded; Article 6 removed.
fn new() -> Vec<u8> {
    let data = DATA.replace("every year", "every six months");
    docx(&[
        (
            "Chapter I – Fishing",
            &[(
                "Article 1 – Stocks",
                &[&FISH.replace("ten years", "eight years")],
            )],
        ),
        (
            "Chapter II – Institutions",
            &[
                ("Article 2 – Navigation", &[BOATS]),
                (
                    "Article 3 – Catch data",
                    &[&data, "Data are public and free of charge."],
                ),
                ("Article 4 – Commission", &[COMMISSION]),
                ("Article 5 – Budget", &[BUDGET]),
            ],
        ),
    ])
}

fn workdir(name: &str) -> PathBuf {
    word::workdir("word-redline", name, &[])
}

struct Run {
    dir: PathBuf,
    docx: Vec<u8>,
    xml: String,
}

fn redline(name: &str, extra: &[&str]) -> Run {
    let dir = workdir(name);
    std::fs::write(dir.join("old.docx"), old()).unwrap();
    std::fs::write(dir.join("new.docx"), new()).unwrap();
    let mut args = vec!["redline", "old.docx", "new.docx", "-o", "r.docx"];
    args.extend(extra);
    let out = draftdiff(&dir, &args);
    assert!(out.status.success(), "{out:?}");
    let docx = std::fs::read(dir.join("r.docx")).unwrap();
    let xml = part(&docx, "word/document.xml").unwrap();
    Run { dir, docx, xml }
}

#[test]
fn the_pair_has_the_moves_the_test_needs() {
    let dir = workdir("pair");
    std::fs::write(dir.join("old.docx"), old()).unwrap();
    std::fs::write(dir.join("new.docx"), new()).unwrap();
    let kinds = changed(&dir, "old.docx", "new.docx");
    assert!(
        kinds.contains(&"\"moved\" [\"2\"] → [\"2\"]".to_owned()),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&"\"moved\" [\"3\"] → [\"3\"]".to_owned()),
        "{kinds:?}"
    );
}

#[test]
fn moves_pair_up_and_accept_and_reject_give_the_two_texts() {
    let run = redline("moves", &[]);
    // Each move has one moved-from range and one moved-to range of the same name.
    let from: BTreeSet<String> = attrs(&run.xml, "w:moveFromRangeStart", "w:name")
        .into_iter()
        .collect();
    let to: BTreeSet<String> = attrs(&run.xml, "w:moveToRangeStart", "w:name")
        .into_iter()
        .collect();
    assert_eq!(from.len(), 2, "{from:?}");
    assert_eq!(from, to);
    for element in ["w:moveFromRange", "w:moveToRange"] {
        let starts = attrs(&run.xml, &format!("{element}Start"), "w:id");
        let ends = attrs(&run.xml, &format!("{element}End"), "w:id");
        assert_eq!(starts, ends, "{element} ranges do not close");
    }
    assert!(run.xml.contains("<w:moveFrom "), "no moved-from text");
    assert!(run.xml.contains("<w:moveTo "), "no moved-to text");
    // The moved-and-edited article: its edits inside its move ranges.
    let to_range =
        Regex::new(r"(?s)<w:moveToRangeStart [^>]*w:name=.(draftdiff-a-3).*?<w:moveToRangeEnd")
            .unwrap();
    let inside = &to_range.captures(&run.xml).expect("the move of article 3")[0];
    assert!(inside.contains("six months"), "{inside}");
    assert!(
        inside.contains("<w:ins "),
        "no insertion inside the moved-to range"
    );
    let from_range =
        Regex::new(r"(?s)<w:moveFromRangeStart [^>]*w:name=.draftdiff-a-3.*?<w:moveFromRangeEnd")
            .unwrap();
    let inside = &from_range.captures(&run.xml).unwrap()[0];
    assert!(
        inside.contains("<w:del "),
        "no deletion inside the moved-from range"
    );
    assert!(
        inside.contains("<w:delText xml:space=\"preserve\">year</w:delText>"),
        "{inside}"
    );

    // Revision ids are unique.
    let ids = attrs(
        &run.xml,
        "w:(?:ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart)",
        "w:id",
    );
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate revision ids");

    // Accept all: draftdiff's reader reads tracked changes accepted.
    assert_eq!(
        changed(&run.dir, "new.docx", "r.docx"),
        Vec::<String>::new()
    );
    // Reject all, computed from the XML.
    let rejected = with_parts(&run.docx, &[("word/document.xml", reject_all(&run.xml))]);
    std::fs::write(run.dir.join("rejected.docx"), rejected).unwrap();
    assert_eq!(
        changed(&run.dir, "old.docx", "rejected.docx"),
        Vec::<String>::new()
    );
}

#[test]
fn comments_are_anchored_on_the_changed_articles() {
    let run = redline("comments", &[]);
    let comments = part(&run.docx, "word/comments.xml").expect("comments part");
    let ids = attrs(&comments, "w:comment", "w:id");
    assert!(!ids.is_empty());
    assert!(attrs(&comments, "w:comment", "w:author")
        .iter()
        .all(|a| a == "draftdiff"));
    for id in &ids {
        for element in [
            "w:commentRangeStart",
            "w:commentRangeEnd",
            "w:commentReference",
        ] {
            let n = attrs(&run.xml, element, "w:id")
                .iter()
                .filter(|i| *i == id)
                .count();
            assert_eq!(n, 1, "comment {id}: {n} {element}");
        }
    }
    assert!(comments.contains("moved, "), "{comments}");
    let types = part(&run.docx, "[Content_Types].xml").unwrap();
    assert!(types.contains("/word/comments.xml"));
    let rels = part(&run.docx, "word/_rels/document.xml.rels").unwrap();
    assert!(rels.contains("Target=\"comments.xml\""));

    let none = redline("no-comments", &["--no-comments"]);
    assert!(part(&none.docx, "word/comments.xml").is_none());
    assert!(!none.xml.contains("commentReference"));
}

#[test]
fn the_heads_styles_header_and_page_are_kept() {
    let run = redline("styles", &[]);
    let head = new();
    assert_eq!(
        part(&run.docx, "word/styles.xml"),
        part(&head, "word/styles.xml")
    );
    assert_eq!(
        part(&run.docx, "word/header1.xml"),
        part(&head, "word/header1.xml")
    );
    assert!(run.xml.contains("<w:pStyle w:val=\"LegalArticle\"/>"));
    assert!(run.xml.contains("<w:pStyle w:val=\"LegalBody\"/>"));
    assert!(run
        .xml
        .contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"));
    assert!(run.xml.contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"));
    let styles: BTreeMap<String, usize> =
        attrs(&run.xml, "w:pStyle", "w:val")
            .into_iter()
            .fold(BTreeMap::new(), |mut m, s| {
                *m.entry(s).or_default() += 1;
                m
            });
    assert!(!styles.contains_key("ChangeNote"), "{styles:?}");
}

#[test]
fn libreoffice_reads_the_moves_and_converts_to_pdf() {
    let Some(exe) = word::libreoffice() else {
        return;
    };
    let run = redline("libreoffice", &[]);
    // LibreOffice saves the redline again as Word: it must have read the revisions,
    // moves included, as revisions, so that accepting them still gives the new text.
    let lo = run.dir.join("lo");
    word::convert(&exe, &run.dir, "r.docx", "docx:MS Word 2007 XML", "lo");
    assert_eq!(
        changed(&run.dir, "new.docx", "lo/r.docx"),
        Vec::<String>::new()
    );
    let saved = std::fs::read(lo.join("r.docx")).unwrap();
    let xml = part(&saved, "word/document.xml").unwrap();
    assert!(
        xml.contains("<w:del ") || xml.contains("<w:moveFrom "),
        "revisions lost"
    );
    let rejected = with_parts(&saved, &[("word/document.xml", reject_all(&xml))]);
    std::fs::write(run.dir.join("lo-rejected.docx"), rejected).unwrap();
    assert_eq!(
        changed(&run.dir, "old.docx", "lo-rejected.docx"),
        Vec::<String>::new()
    );

    // `-o r.pdf` converts through LibreOffice.
    let out = draftdiff(
        &run.dir,
        &["redline", "old.docx", "new.docx", "-o", "r.pdf"],
    );
    assert!(out.status.success(), "{out:?}");
    let pdf = std::fs::read(run.dir.join("r.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn a_pdf_without_libreoffice_is_a_clear_error() {
    let dir = workdir("no-libreoffice");
    std::fs::write(dir.join("old.docx"), old()).unwrap();
    std::fs::write(dir.join("new.docx"), new()).unwrap();
    let out = assert_cmd::Command::cargo_bin("draftdiff")
        .unwrap()
        .current_dir(&dir)
        .env("PATH", "")
        .args(["redline", "old.docx", "new.docx", "-o", "r.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("LibreOffice is not installed"), "{err}");
    assert!(!dir.join("r.pdf").exists());
}

/// The texts of the `w:t` elements of a part, unescaped.
fn texts(xml: &str) -> String {
    let re = Regex::new(r"(?s)<w:t(?: [^>]*)?>(.*?)</w:t>").unwrap();
    re.captures_iter(xml)
        .map(|c| quick_xml::escape::unescape(&c[1]).unwrap().into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn mimc_report_has_its_moves_as_moves_and_every_rationale_as_a_comment() {
    let dir = workdir("mimc");
    let out = draftdiff(&dir, &["redline", "1.0", "3.0", "-o", "r.docx"]);
    assert!(out.status.success(), "{out:?}");
    let docx = std::fs::read(dir.join("r.docx")).unwrap();
    let xml = part(&docx, "word/document.xml").unwrap();
    let comments = texts(&part(&docx, "word/comments.xml").unwrap());

    let json = draftdiff(&dir, &["diff", "1.0", "3.0", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let changes = v["changes"].as_array().unwrap();
    let from: BTreeSet<String> = attrs(&xml, "w:moveFromRangeStart", "w:name")
        .into_iter()
        .collect();
    let to: BTreeSet<String> = attrs(&xml, "w:moveToRangeStart", "w:name")
        .into_iter()
        .collect();
    let mut moved = 0;
    for c in changes.iter().filter(|c| c["kind"] == "moved") {
        let name = format!("draftdiff-a-{}", c["head"][0].as_str().unwrap());
        assert!(
            from.contains(&name) && to.contains(&name),
            "{name} is not a Word move"
        );
        moved += 1;
    }
    assert!(moved >= 2, "1.0 → 3.0 moves {moved} articles");
    assert_eq!(from, to);
    let mut annotated = 0;
    for c in changes {
        for a in c["annotations"].as_array().unwrap() {
            let line = format!(
                "{}: {}",
                a["theme"].as_str().unwrap(),
                a["rationale"].as_str().unwrap()
            );
            assert!(comments.contains(&line), "no comment {line}");
            annotated += 1;
        }
    }
    assert!(annotated > 50, "{annotated}");
    let ids = attrs(
        &xml,
        "w:(?:ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart)",
        "w:id",
    );
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate revision ids");
}
