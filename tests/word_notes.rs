//! Issue 16, notes: footnotes of `.docx` drafts read with their article, compared, and
//! written back as Word footnotes with revisions. Builds an old and a new `.docx` whose
//! footnotes change (one reworded, one added, one removed, one unchanged), and checks
//! that `diff` reports the change in the right articles, that the redline's
//! `word/footnotes.xml` carries the note's edit as `w:ins`/`w:del`, that accepting every
//! revision gives the new document's text and rejecting every revision (computed from
//! the XML of the body and the footnotes) the old one's, and that LibreOffice reads the
//! footnotes' revisions (when it is installed; with `CI` set it must be).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use regex::Regex;

mod common;
use common::word::{self, attrs, changed, draftdiff, escape, part, reject_all, with_parts, W};

fn run(text: &str) -> String {
    format!(
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

/// An article: heading, then its text with a footnote reference after `before` when
/// `note` is given.
struct Article<'a> {
    heading: &'a str,
    before: &'a str,
    note: Option<&'a str>,
    after: &'a str,
}

fn docx(articles: &[Article<'_>]) -> Vec<u8> {
    let mut body = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>{}</w:p>",
        run("Lake Treaty")
    );
    let mut notes = String::new();
    for (i, a) in articles.iter().enumerate() {
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>{}</w:p>",
            run(a.heading)
        ));
        let reference = match a.note {
            Some(text) => {
                let id = i + 1;
                notes.push_str(&format!(
                    "<w:footnote w:id=\"{id}\"><w:p><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteRef/></w:r>{}</w:p></w:footnote>",
                    run(&format!(" {text}"))
                ));
                format!("<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>")
            }
            None => String::new(),
        };
        body.push_str(&format!(
            "<w:p>{}{reference}{}</w:p>",
            run(a.before),
            run(a.after)
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    );
    let footnotes = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"{W}\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"
    );
    word::package(
        &document,
        word::PLAIN_STYLES,
        &[word::Part {
            name: "footnotes.xml",
            kind: "footnotes",
            id: "rIdNotes",
            xml: footnotes,
        }],
    )
}

const FISH: &str = "Fishing is allowed in the whole lake";
const PORTS: &str = "Boats may call at the ports of every Party";
const DATA: &str = "Catch data are exchanged every year";
const FEES: &str = "Licence fees are set by the Commission";

fn article<'a>(heading: &'a str, before: &'a str, note: Option<&'a str>) -> Article<'a> {
    Article {
        heading,
        before,
        note,
        after: ".",
    }
}

/// Article 1's note reworded, Article 2 gains a note, Article 3 loses its note, Article
/// 4's note unchanged.
fn old() -> Vec<u8> {
    docx(&[
        article(
            "Article 1 – Fishing",
            FISH,
            Some("As defined by the Treaty of 1990."),
        ),
        article("Article 2 – Ports", PORTS, None),
        article("Article 3 – Data", DATA, Some("By species and by month.")),
        article("Article 4 – Fees", FEES, Some("Fees are paid in euros.")),
    ])
}

fn new() -> Vec<u8> {
    docx(&[
        article(
            "Article 1 – Fishing",
            FISH,
            Some("As defined by the Treaty of 1995, as amended."),
        ),
        article(
            "Article 2 – Ports",
            PORTS,
            Some("The ports are listed in Annex I."),
        ),
        article("Article 3 – Data", DATA, None),
        article("Article 4 – Fees", FEES, Some("Fees are paid in euros.")),
    ])
}

fn workdir(name: &str) -> PathBuf {
    word::workdir(
        "word-notes",
        name,
        &[("old.docx", old()), ("new.docx", new())],
    )
}

/// The text of each footnote the body references, in order: what a reader sees.
fn referenced_notes(document: &str, footnotes: &str) -> Vec<String> {
    let note = Regex::new(r#"(?s)<w:footnote w:id="(\d+)">(.*?)</w:footnote>"#).unwrap();
    let text = Regex::new(r"(?s)<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    let notes: std::collections::HashMap<String, String> = note
        .captures_iter(footnotes)
        .map(|c| {
            let t: String = text.captures_iter(&c[2]).map(|t| t[1].to_owned()).collect();
            (c[1].to_owned(), t.trim().to_owned())
        })
        .collect();
    attrs(document, "w:footnoteReference", "w:id")
        .iter()
        .map(|id| notes.get(id).cloned().unwrap_or_default())
        .collect()
}

#[test]
fn diff_reports_note_changes_in_their_articles() {
    let dir = workdir("diff");
    let out = draftdiff(&dir, &["show", "new.docx", "1"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("[^1]: As defined by the Treaty of 1995, as amended."),
        "{text}"
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("footnote"),
        "{out:?}"
    );
    let kinds = changed(&dir, "old.docx", "new.docx");
    assert_eq!(
        kinds,
        [
            "\"reworded\" [\"1\"] → [\"1\"]",
            "\"reworded\" [\"2\"] → [\"2\"]",
            "\"reworded\" [\"3\"] → [\"3\"]"
        ],
        "{kinds:?}"
    );
    let out = draftdiff(&dir, &["diff", "old.docx", "new.docx", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v["changes"][0];
    let segments = first["redline"].as_array().unwrap();
    let deleted: Vec<&str> = segments
        .iter()
        .filter(|s| s["op"] == "delete")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(deleted, ["1990"], "{first}");
}

#[test]
fn the_word_redline_has_the_notes_as_revised_footnotes() {
    let dir = workdir("redline");
    let out = draftdiff(&dir, &["redline", "old.docx", "new.docx", "-o", "r.docx"]);
    assert!(out.status.success(), "{out:?}");
    let docx = std::fs::read(dir.join("r.docx")).unwrap();
    let document = part(&docx, "word/document.xml").unwrap();
    let footnotes = part(&docx, "word/footnotes.xml").expect("a footnotes part");
    let types = part(&docx, "[Content_Types].xml").unwrap();
    assert!(types.contains("/word/footnotes.xml"), "{types}");
    let rels = part(&docx, "word/_rels/document.xml.rels").unwrap();
    assert_eq!(rels.matches("relationships/footnotes").count(), 1, "{rels}");

    // Article 1's note: one footnote whose text carries the edit as revisions.
    let note = footnotes
        .split("</w:footnote>")
        .find(|n| n.contains("1995"))
        .expect("the reworded note");
    assert!(note.contains("<w:footnoteRef/>"), "{note}");
    assert!(
        note.contains("<w:delText xml:space=\"preserve\">1990</w:delText>"),
        "{note}"
    );
    assert!(
        Regex::new(r"<w:ins [^>]*><w:r><w:t xml:space=.preserve.>1995, as amended</w:t>")
            .unwrap()
            .is_match(note),
        "{note}"
    );
    // Article 2's added note: an inserted reference; Article 3's removed: a deleted one.
    let inserted_ref = Regex::new(r#"<w:ins [^>]*><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="\d+"/></w:r></w:ins>"#).unwrap();
    let deleted_ref = Regex::new(r#"<w:del [^>]*><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="\d+"/></w:r></w:del>"#).unwrap();
    assert_eq!(inserted_ref.find_iter(&document).count(), 1, "{document}");
    assert_eq!(deleted_ref.find_iter(&document).count(), 1, "{document}");
    // Every reference has its footnote, each footnote one reference; ids unique.
    let refs = attrs(&document, "w:footnoteReference", "w:id");
    let notes: Vec<String> = attrs(&footnotes, "w:footnote", "w:id")
        .into_iter()
        .filter(|id| !id.starts_with('-') && id != "0")
        .collect();
    assert_eq!(refs, notes);
    let ids: Vec<String> = [&document, &footnotes]
        .iter()
        .flat_map(|x| attrs(x, "w:(?:ins|del)", "w:id"))
        .collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate revision ids");
    assert!(!document.contains("[^"), "a note reference left as text");

    // Accept all: draftdiff's reader reads the revisions of body and notes accepted.
    assert_eq!(changed(&dir, "new.docx", "r.docx"), Vec::<String>::new());
    // Reject all, computed from the XML of body and footnotes.
    let rejected = with_parts(
        &docx,
        &[
            ("word/document.xml", reject_all(&document)),
            ("word/footnotes.xml", reject_all(&footnotes)),
        ],
    );
    std::fs::write(dir.join("rejected.docx"), &rejected).unwrap();
    assert_eq!(
        changed(&dir, "old.docx", "rejected.docx"),
        Vec::<String>::new()
    );
    assert_eq!(
        referenced_notes(&reject_all(&document), &reject_all(&footnotes)),
        [
            "As defined by the Treaty of 1990.",
            "By species and by month.",
            "Fees are paid in euros."
        ]
    );
}

#[test]
fn draftdiffs_own_report_has_the_footnotes_too() {
    let dir = workdir("own-report");
    for (file, id) in [("old.docx", "old"), ("new.docx", "new")] {
        let out = draftdiff(&dir, &["import", file, "--id", id, "--drafts", "drafts"]);
        assert!(out.status.success(), "{out:?}");
    }
    let out = draftdiff(
        &dir,
        &[
            "--drafts", "drafts", "redline", "old", "new", "-o", "r.docx",
        ],
    );
    let out = if out.status.success() {
        out
    } else {
        draftdiff(
            &dir,
            &[
                "redline", "old", "new", "--drafts", "drafts", "-o", "r.docx",
            ],
        )
    };
    assert!(out.status.success(), "{out:?}");
    let docx = std::fs::read(dir.join("r.docx")).unwrap();
    let footnotes = part(&docx, "word/footnotes.xml").expect("a footnotes part");
    assert!(footnotes.contains("<w:delText xml:space=\"preserve\">1990</w:delText>"));
    let document = part(&docx, "word/document.xml").unwrap();
    assert_eq!(
        attrs(&document, "w:footnoteReference", "w:id").len(),
        attrs(&footnotes, "w:footnote", "w:id").len() - 2
    );
}

/// LibreOffice reads the footnotes and their revisions back: it once showed one note's
/// text in every footnote, when comment ids equalled footnote ids (now kept apart).
#[test]
fn libreoffice_reads_the_footnotes_and_their_revisions() {
    let Some(exe) = word::libreoffice() else {
        return;
    };
    let dir = workdir("libreoffice");
    let out = draftdiff(&dir, &["redline", "old.docx", "new.docx", "-o", "r.docx"]);
    assert!(out.status.success(), "{out:?}");
    let lo = dir.join("lo");
    word::convert(&exe, &dir, "r.docx", "docx:MS Word 2007 XML", "lo");
    // LibreOffice kept the footnotes and their revisions: accepted, they give the new
    // text; rejected, the old.
    assert_eq!(changed(&dir, "new.docx", "lo/r.docx"), Vec::<String>::new());
    let saved = std::fs::read(lo.join("r.docx")).unwrap();
    let document = part(&saved, "word/document.xml").unwrap();
    let footnotes = part(&saved, "word/footnotes.xml").expect("LibreOffice kept the footnotes");
    assert!(
        footnotes.contains("<w:del ") && footnotes.contains("<w:ins "),
        "{footnotes}"
    );
    let rejected = with_parts(
        &saved,
        &[
            ("word/document.xml", reject_all(&document)),
            ("word/footnotes.xml", reject_all(&footnotes)),
        ],
    );
    std::fs::write(dir.join("lo-rejected.docx"), rejected).unwrap();
    assert_eq!(
        changed(&dir, "old.docx", "lo-rejected.docx"),
        Vec::<String>::new()
    );
}

#[test]
fn libreoffice_opens_the_redline_with_footnotes() {
    let Some(exe) = word::libreoffice() else {
        return;
    };
    let dir = workdir("libreoffice-pdf");
    let out = draftdiff(&dir, &["redline", "old.docx", "new.docx", "-o", "r.docx"]);
    assert!(out.status.success(), "{out:?}");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let status = Command::new(exe)
        .arg(&profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.join("pdf"))
        .arg(dir.join("r.docx"))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = std::fs::read(dir.join("pdf/r.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}
