//! `redline` run as a user would: the binary writes HTML, Markdown and Word reports of a
//! small draft pair (`tests/fixtures/drafts-escape`) whose titles, texts, themes and
//! rationales are full of characters that mean something in HTML, Markdown and XML.
//! Each format must show them literally, and the Word report's tracked changes must
//! resolve to exactly the head text (accept all) and the base text (reject all).

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::{draftdiff, fixtures};
use quick_xml::events::Event;
use quick_xml::Reader;

fn drafts() -> PathBuf {
    fixtures().join("drafts-escape")
}

/// `draftdiff --drafts drafts-escape redline esc-1 esc-2 -o <name>` run in `dir`.
fn redline(dir: &Path, output: &str) -> assert_cmd::assert::Assert {
    draftdiff()
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1790000000")
        .arg("--drafts")
        .arg(drafts())
        .args(["redline", "esc-1", "esc-2", "-o", output])
        .assert()
}

/// Writes the report into a fresh empty directory and returns its bytes; the directory
/// must then hold that one file and nothing else (no temporary left behind).
fn report(name: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = redline(dir.path(), name).success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains(&format!("wrote {name}")), "{stderr}");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [name]);
    std::fs::read(dir.path().join(name)).unwrap()
}

/// An article's text as the loader reads it, through `show --format json`.
fn article_text(version: &str, number: &str) -> String {
    let out = draftdiff()
        .arg("--drafts")
        .arg(drafts())
        .args(["show", version, number, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["text"].as_str().expect("text").to_owned()
}

#[test]
fn html_report_escapes_draft_text() {
    let page = String::from_utf8(report("r.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<script").count(), 1, "only our own script");
    assert!(
        !page.contains("<script>alert"),
        "draft script became markup"
    );
    for raw in [
        "<b>that</b>",
        "<i>article</i>",
        "<w:t>",
        "<safety>",
        "<markup>",
    ] {
        assert!(!page.contains(raw), "raw {raw}");
    }
    for shown in [
        "&lt;script&gt;alert(",
        "&lt;w:t&gt;",
        "]]&gt;",
        "Text &lt;b&gt;that&lt;/b&gt; looks like markup",
        "New &lt;i&gt;article&lt;/i&gt;",
        "markup &amp; &lt;safety&gt;",
        "Markup &amp; Symbols &lt;Test&gt; Protocol",
    ] {
        assert!(page.contains(shown), "missing {shown}");
    }
    for id in ["a-1", "a-2", "a-3", "ch-I"] {
        assert!(page.contains(&format!("id=\"{id}\"")), "anchor {id}");
    }
    assert!(page.contains("<del>"), "deletions marked");
    assert!(page.contains("<ins>"), "insertions marked");
}

#[test]
fn markdown_report_escapes_draft_text() {
    let md = String::from_utf8(report("r.md")).unwrap();
    for raw in [
        "<script",
        "<b>",
        "<i>",
        "<w:t>",
        "<safety>",
        "**binding**",
        "]]>",
    ] {
        assert!(!md.contains(raw), "raw {raw} in\n{md}");
    }
    for shown in [
        "&lt;script&gt;alert\\(",
        "new\\_name",
        "\\*\\*binding\\*\\*",
        "\\_emphasis\\_",
        "\\]\\]&gt;",
        "&lt;w:t&gt;",
        "\\[links\\]\\(x\\)",
        "Text &lt;b&gt;that&lt;/b&gt; looks like markup",
    ] {
        assert!(md.contains(shown), "missing {shown} in\n{md}");
    }
    // What GitHub would show: no element from the draft text, the text itself literal.
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.render.r#unsafe = true;
    let page = comrak::markdown_to_html(&md, &options);
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<strong>binding"), "{page}");
    assert!(!page.contains("<em>emphasis"), "{page}");
    assert!(!page.contains("href=\"x\""), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(3)&lt;/script&gt; &amp; _emphasis_ and ]]&gt; inside.")
    );
    assert!(!page.contains("~~"), "every strike mark was understood");
    assert!(
        page.contains("<del>old_name</del><ins>new_name</ins>"),
        "{page}"
    );
    assert!(
        page.contains("*<del>official*</del><ins>*binding**</ins>"),
        "{page}"
    );
    assert_eq!(page.matches("<table>").count(), 2, "versions and impact");
}

/// A `word/document.xml` paragraph: style, revision of its mark, runs with their revision.
#[derive(Debug, Default, Clone)]
struct Para {
    style: String,
    mark: Option<&'static str>,
    runs: Vec<(&'static str, String)>,
}

/// Parses `word/document.xml` strictly: any malformed XML fails the test.
fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    let mut p = Para::default();
    let (mut in_ppr, mut in_text) = (false, false);
    let mut context = "";
    loop {
        let event = reader.read_event().expect("well-formed XML");
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                let v = e.try_get_attribute("w:val").unwrap().expect("w:val");
                p.style = v
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned();
            }
            Event::Empty(e) if in_ppr && matches!(e.name().as_ref(), "w:ins" | "w:del") => {
                p.mark = Some(if e.name().as_ref() == "w:ins" {
                    "ins"
                } else {
                    "del"
                });
            }
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => p = Para::default(),
                "w:pPr" => in_ppr = true,
                "w:ins" => context = "ins",
                "w:del" => context = "del",
                "w:t" => {
                    assert_ne!(context, "del", "deleted text outside w:delText");
                    in_text = true;
                }
                "w:delText" => {
                    assert_eq!(context, "del", "w:delText outside w:del");
                    in_text = true;
                }
                _ => {}
            },
            Event::Text(t) if in_text => p.runs.push((context, t.to_string())),
            Event::GeneralRef(r) if in_text => {
                let name: &str = &r;
                let entity = format!("&{name};");
                let text = quick_xml::escape::unescape(&entity).expect("known entity");
                p.runs.push((context, text.into_owned()));
            }
            Event::End(e) => match e.name().as_ref() {
                "w:p" => out.push(std::mem::take(&mut p)),
                "w:pPr" => in_ppr = false,
                "w:ins" | "w:del" => context = "",
                "w:t" | "w:delText" => in_text = false,
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// The text of `paras` with every revision accepted (`drop` = "del") or rejected
/// (`drop` = "ins"); a revised paragraph mark joins its paragraph to the next.
fn resolve(paras: &[Para], drop: &str) -> String {
    let mut text = String::new();
    for (i, p) in paras.iter().enumerate() {
        for (op, t) in &p.runs {
            if *op != drop {
                text.push_str(t);
            }
        }
        if i + 1 < paras.len() && p.mark != Some(drop) {
            text.push('\n');
        }
    }
    text
}

/// The article-text paragraphs under the article heading that starts with `heading`.
fn article_body(paras: &[Para], heading: &str) -> (Para, Vec<Para>) {
    let start = paras
        .iter()
        .position(|p| {
            p.style == "Heading2" && resolve(std::slice::from_ref(p), "del").starts_with(heading)
        })
        .unwrap_or_else(|| panic!("no heading {heading}"));
    let body = paras[start + 1..]
        .iter()
        .take_while(|p| !p.style.starts_with("Heading"))
        .filter(|p| p.style == "ArticleText")
        .cloned()
        .collect();
    (paras[start].clone(), body)
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part present")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

#[test]
fn word_report_is_well_formed_and_its_revisions_resolve_exactly() {
    let bytes = report("r.docx");
    let xml = docx_part(&bytes, "word/document.xml");
    assert!(!xml.contains("<script"), "raw script in the XML");
    assert!(!xml.contains("<w:t>raw"), "draft <w:t> became a tag");
    assert!(xml.contains("w:author=\"draftdiff\""));
    assert!(xml.contains("w:date=\"2026-09-21T14:13:20Z\""));
    assert!(xml.contains("<w:tbl>"), "impact table as a Word table");
    let paras = paragraphs(&xml);
    for style in ["Title", "Heading1", "Heading2", "ArticleText"] {
        assert!(paras.iter().any(|p| p.style == style), "no {style}");
    }

    // Accept all / reject all on a changed article give its head / base text exactly.
    let (heading, body) = article_body(&paras, "Article 1");
    assert!(body.iter().any(|p| p.runs.iter().any(|r| r.0 == "ins")));
    assert!(body.iter().any(|p| p.runs.iter().any(|r| r.0 == "del")));
    let head = article_text("esc-2", "1");
    let base = article_text("esc-1", "1");
    assert!(head.contains("<script>alert(\"head\")</script>") && head.contains("]]>"));
    assert_eq!(resolve(&body, "del"), head.trim_end_matches('\n'));
    assert_eq!(resolve(&body, "ins"), base.trim_end_matches('\n'));
    assert_eq!(
        resolve(std::slice::from_ref(&heading), "del"),
        "Article 1 — Scripts & <script>"
    );

    // An added article: all inserted, nothing left when rejected.
    let (heading, body) = article_body(&paras, "Article 3");
    assert_eq!(heading.mark, Some("ins"));
    assert_eq!(
        resolve(&body, "del"),
        article_text("esc-2", "3").trim_end_matches('\n')
    );
    assert_eq!(resolve(&body, "ins"), "");

    // Report text outside the articles round-trips literally too.
    // Rationales are comments (`word/comments.xml`), the rest body text.
    let comments = paragraphs(&docx_part(&bytes, "word/comments.xml"));
    let all: String = paras
        .iter()
        .chain(&comments)
        .flat_map(|p| p.runs.iter().map(|(_, t)| t.as_str()))
        .collect();
    for literal in [
        "Text <b>that</b> looks like markup",
        "Replaces <script> with **binding** & escapes ]]> and <w:t>.",
        "markup & <safety>",
    ] {
        assert!(all.contains(literal), "missing {literal}");
    }
}

/// The page between `<body>` and our script: what a reader sees.
fn html_body(page: &str) -> &str {
    let start = page.find("<body>").expect("body") + "<body>".len();
    let end = page.rfind("<script>").expect("our script");
    &page[start..end]
}

#[test]
fn markdown_snapshot_of_the_fixture_pair() {
    let md = String::from_utf8(report("r.md")).unwrap();
    insta::assert_snapshot!(md);
}

#[test]
fn html_body_snapshot_of_the_fixture_pair() {
    let page = String::from_utf8(report("r.html")).unwrap();
    insta::assert_snapshot!(html_body(&page).replace("><", ">\n<"));
}

#[test]
fn format_flag_and_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = redline(dir.path(), "-").failure().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("--format"), "{stderr}");
    let out = draftdiff()
        .current_dir(dir.path())
        .arg("--drafts")
        .arg(drafts())
        .args(["redline", "esc-1", "esc-2", "-o", "-", "--format", "md"])
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(md.starts_with("# Redline: esc-1 → esc-2"), "{md}");
    let out = draftdiff()
        .current_dir(dir.path())
        .arg("--drafts")
        .arg(drafts())
        .args(["redline", "esc-1", "esc-2", "-o", "-", "--format", "docx"])
        .assert()
        .failure()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains(".docx"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
