//! Issue 16, tables: a table inside an article read as a table from `.docx` and Markdown,
//! compared, and written back as a Word table whose cells carry the redline. Builds an
//! old and a new `.docx` whose table has one cell changed, one row removed and one added,
//! and checks that `diff` reports the article, that the redline's `w:tbl` has the cell's
//! edit as `w:del`/`w:ins` and the rows marked inserted and deleted (`w:trPr`), that
//! accepting every revision gives the new text and rejecting every revision (computed
//! from the XML) the old one, that the HTML report shows the table with its marks, that
//! a Markdown pipe table reads the same as the Word table, and that LibreOffice keeps the
//! table and its revisions (when it is installed; with `CI` set it must be).

use std::path::{Path, PathBuf};

use regex::Regex;

mod common;
use common::word::{self, changed, draftdiff, escape, part, reject_all, with_parts, W};

fn para(style: Option<&str>, text: &str) -> String {
    let style = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!(
        "<w:p>{style}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    )
}

fn table(rows: &[&[&str]]) -> String {
    let mut t = String::from("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>");
    for row in rows {
        t.push_str("<w:tr>");
        for cell in *row {
            t.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                para(None, cell)
            ));
        }
        t.push_str("</w:tr>");
    }
    t.push_str("</w:tbl>");
    t
}

fn docx(rows: &[&[&str]]) -> Vec<u8> {
    let body = [
        para(Some("Title"), "Lake Treaty"),
        para(Some("Heading2"), "Article 1 – Catch limits"),
        para(None, "The catch limits per zone are:"),
        table(rows),
        para(None, "The Commission reviews the limits every year."),
        para(Some("Heading2"), "Article 2 – Ports"),
        para(None, "Boats may call at the ports of every Party."),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    );
    word::package(&document, word::PLAIN_STYLES, &[])
}

const HEADER: &[&str] = &["Zone", "Limit"];

/// North's limit changes, West's row is removed, South's added; East's stays.
fn old() -> Vec<u8> {
    docx(&[
        HEADER,
        &["North", "10 tonnes"],
        &["West", "4 tonnes"],
        &["East", "3 tonnes"],
    ])
}

fn new() -> Vec<u8> {
    docx(&[
        HEADER,
        &["North", "12 tonnes"],
        &["East", "3 tonnes"],
        &["South", "6 tonnes"],
    ])
}

/// The old version as Markdown: the same table as a pipe table.
const OLD_MD: &str = "# Lake Treaty\n\n## Article 1 – Catch limits\n\nThe catch limits per zone are:\n\n|Zone|Limit|\n|:---|---:|\n| North | 10 tonnes |\n|West|4 tonnes|\n| East | 3 tonnes |\n\nThe Commission reviews the limits every year.\n\n## Article 2 – Ports\n\nBoats may call at the ports of every Party.\n";

fn workdir(name: &str) -> PathBuf {
    word::workdir(
        "word-tables",
        name,
        &[("old.docx", old()), ("new.docx", new())],
    )
}

/// The text of a Word `w:tbl`'s rows, each `[mark] cell | cell` with `-`/`+` around
/// deleted and inserted text and the row's own mark (`del`, `ins`) first.
fn rows(xml: &str) -> Vec<String> {
    let rows = Regex::new(r"(?s)<w:tr(?: [^>]*)?>(.*?)</w:tr>").unwrap();
    let cell = Regex::new(r"(?s)<w:tc>(.*?)</w:tc>").unwrap();
    let piece = Regex::new(
        r#"(?s)<w:(ins|del) [^>]*>(.*?)</w:(?:ins|del)>|<w:t xml:space="preserve">([^<]*)</w:t>"#,
    )
    .unwrap();
    let text = Regex::new(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)</w:(?:t|delText)>").unwrap();
    let mark = Regex::new(r"(?s)<w:trPr>.*?<w:(ins|del) [^>]*/>.*?</w:trPr>").unwrap();
    rows.captures_iter(xml)
        .map(|r| {
            let row = &r[1];
            let lead = mark
                .captures(row)
                .map(|m| format!("{} ", &m[1]))
                .unwrap_or_default();
            let cells: Vec<String> = cell
                .captures_iter(row)
                .map(|c| {
                    piece
                        .captures_iter(&c[1])
                        .map(|p| match (p.get(1), p.get(3)) {
                            (Some(op), _) => {
                                let t: String =
                                    text.captures_iter(&p[2]).map(|t| t[1].to_owned()).collect();
                                if op.as_str() == "ins" {
                                    format!("+{t}+")
                                } else {
                                    format!("-{t}-")
                                }
                            }
                            (_, Some(t)) => t.as_str().to_owned(),
                            _ => String::new(),
                        })
                        .collect()
                })
                .collect();
            format!("{lead}{}", cells.join(" | "))
        })
        .collect()
}

fn redline(dir: &Path) -> Vec<u8> {
    let out = draftdiff(dir, &["redline", "old.docx", "new.docx", "-o", "r.docx"]);
    assert!(out.status.success(), "{out:?}");
    std::fs::read(dir.join("r.docx")).unwrap()
}

#[test]
fn diff_reports_the_table_change_in_its_article_without_warnings() {
    let dir = workdir("diff");
    assert_eq!(
        changed(&dir, "old.docx", "new.docx"),
        ["\"reworded\" [\"1\"] → [\"1\"]"]
    );
    let out = draftdiff(&dir, &["show", "new.docx", "1"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("| North | 12 tonnes |"), "{text}");
    assert!(text.contains("| South | 6 tonnes |"), "{text}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("table"), "{stderr}");
}

#[test]
fn a_markdown_pipe_table_reads_as_the_word_table() {
    let dir = workdir("markdown");
    std::fs::write(dir.join("old.md"), OLD_MD).unwrap();
    assert_eq!(changed(&dir, "old.md", "old.docx"), Vec::<String>::new());
    assert_eq!(
        changed(&dir, "old.md", "new.docx"),
        ["\"reworded\" [\"1\"] → [\"1\"]"]
    );
}

#[test]
fn the_word_redline_has_a_table_with_cell_and_row_revisions() {
    let dir = workdir("redline");
    let r = redline(&dir);
    let document = part(&r, "word/document.xml").unwrap();
    assert_eq!(document.matches("<w:tbl>").count(), 1, "{document}");
    let table = &document[document.find("<w:tbl>").unwrap()..document.find("</w:tbl>").unwrap()];
    assert_eq!(
        rows(table),
        [
            "Zone | Limit",
            "North | -10-+12+ tonnes",
            "del -West- | -4 tonnes-",
            "East | 3 tonnes",
            "ins +South+ | +6 tonnes+",
        ]
    );
    // Nothing of the table is left as a paragraph of pipes.
    assert!(!document.contains("| North"), "{document}");
    // Revision ids are unique.
    let ids = Regex::new(r#"<w:(?:ins|del) w:id="(\d+)""#).unwrap();
    let all: Vec<&str> = ids
        .captures_iter(&document)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let unique: std::collections::BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(all.len(), unique.len());
    // Accept all: draftdiff reads revisions accepted.
    assert_eq!(changed(&dir, "new.docx", "r.docx"), Vec::<String>::new());
    // Reject all, computed from the XML.
    let rejected = with_parts(&r, &[("word/document.xml", reject_all(&document))]);
    std::fs::write(dir.join("rejected.docx"), rejected).unwrap();
    assert_eq!(
        changed(&dir, "old.docx", "rejected.docx"),
        Vec::<String>::new()
    );
}

#[test]
fn the_html_report_shows_the_table_with_its_marks() {
    let dir = workdir("html");
    let out = draftdiff(&dir, &["redline", "old.docx", "new.docx", "-o", "r.html"]);
    assert!(out.status.success(), "{out:?}");
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    let start = html
        .find("<table class=\"cells\">")
        .expect("a table of cells");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    assert!(
        table.contains("<td>North</td><td><del>10</del><ins>12</ins> tonnes</td>"),
        "{table}"
    );
    assert!(
        table.contains("<tr class=\"row-del\"><td><del>West</del></td>"),
        "{table}"
    );
    assert!(
        table.contains("<tr class=\"row-ins\"><td><ins>South</ins></td>"),
        "{table}"
    );
    assert!(!html.contains("| North"), "{html}");
}

#[test]
fn libreoffice_keeps_the_table_and_its_revisions() {
    let Some(exe) = word::libreoffice() else {
        return;
    };
    let dir = workdir("libreoffice");
    redline(&dir);
    let lo = dir.join("lo");
    word::convert(&exe, &dir, "r.docx", "docx:MS Word 2007 XML", "lo");
    let saved = std::fs::read(lo.join("r.docx")).unwrap();
    let document = part(&saved, "word/document.xml").unwrap();
    assert!(document.contains("<w:tbl>"), "{document}");
    assert_eq!(changed(&dir, "new.docx", "lo/r.docx"), Vec::<String>::new());
    let rejected = with_parts(&saved, &[("word/document.xml", reject_all(&document))]);
    std::fs::write(dir.join("lo-rejected.docx"), rejected).unwrap();
    assert_eq!(
        changed(&dir, "old.docx", "lo-rejected.docx"),
        Vec::<String>::new()
    );
}
