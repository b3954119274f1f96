//! The reports as people open them: headless Chromium loads the HTML report (with and
//! without JavaScript, as a screenshot and printed to PDF) and LibreOffice converts the
//! Word report to PDF and to ODT, whose tracked-changes list proves it read the
//! revisions as revisions — and, resolved both ways, that accepting every change gives
//! the head text and rejecting every change the base text.
//!
//! When a tool is missing the test prints `SKIPPED: <tool> not installed` and passes,
//! unless `CI` is set, where it fails: CI runs `.ci/install-report-tools` first. The
//! files are left in `target/tmp/report-tools/` for a human look.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use draftdiff::render::{docx, fixture, html};

/// The first of `names` found on `PATH`.
fn find_tool(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The tool, or `None` after saying the test is skipped; a failure when `CI` is set.
fn require(names: &[&str], what: &str) -> Option<PathBuf> {
    if let Some(p) = find_tool(names) {
        return Some(p);
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    assert!(
        !ci,
        "{what} is required when CI is set: run .ci/install-report-tools"
    );
    // Straight to stderr, past the test harness's capture, so the skip is visible.
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what} not installed");
    None
}

/// A fresh directory for one test's files.
fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("report-tools")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create output directory");
    dir
}

/// Runs `cmd` with a time limit; returns its stdout, panicking with its stderr on failure.
fn run(cmd: &mut Command, dir: &Path, label: &str, limit: Duration) -> String {
    let out_path = dir.join(format!("{label}.stdout"));
    let err_path = dir.join(format!("{label}.stderr"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).expect("stdout file"))
        .stderr(File::create(&err_path).expect("stderr file"))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {label}: {e}"));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{label} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = fs::read_to_string(&err_path).unwrap_or_default();
    assert!(status.success(), "{label} failed ({status}):\n{stderr}");
    fs::read_to_string(&out_path).expect("utf-8 output")
}

fn chromium(exe: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(exe);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = fs::read(path).expect("png written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

fn assert_pdf(path: &Path) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"%PDF-"),
        "{} is not a PDF",
        path.display()
    );
    assert!(
        bytes.len() > 2_000,
        "{} is suspiciously small",
        path.display()
    );
}

/// A DOM dump without the filter form, whose `hidden` attribute the script removes.
fn without_form(dom: &str) -> String {
    match (dom.find("<form"), dom.find("</form>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &dom[..a], &dom[b + "</form>".len()..]),
        _ => dom.to_owned(),
    }
}

/// Headless Chromium writing into `out_dir(name)`, each run given two minutes.
struct Browser {
    exe: PathBuf,
    dir: PathBuf,
    profile: PathBuf,
}

impl Browser {
    /// Chromium, when installed (else the test is skipped, saying so).
    fn open(name: &str) -> Option<Browser> {
        let exe = require(
            &["chromium", "chromium-browser", "google-chrome"],
            "chromium",
        )?;
        let dir = out_dir(name);
        let profile = dir.join("profile");
        Some(Browser { exe, dir, profile })
    }

    /// Runs Chromium with `args` on `page`.
    fn run(&self, args: &[String], page: &Path, label: &str) -> String {
        run(
            chromium(&self.exe, &self.profile)
                .args(args)
                .arg(format!("file://{}", page.display())),
            &self.dir,
            label,
            Duration::from_secs(120),
        )
    }

    /// The DOM Chromium builds from `page`.
    fn dom(&self, page: &Path, label: &str) -> String {
        self.run(&["--dump-dom".into()], page, label)
    }

    /// A `width`×`height` screenshot of `page`, checked for its size.
    fn screenshot(&self, page: &Path, (width, height): (u32, u32)) -> PathBuf {
        let shot = self.dir.join("screenshot.png");
        self.run(
            &[
                format!("--screenshot={}", shot.display()),
                format!("--window-size={width},{height}"),
            ],
            page,
            "screenshot",
        );
        assert_eq!(png_size(&shot), (width, height));
        shot
    }
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(browser) = Browser::open("html") else {
        return;
    };
    let dir = &browser.dir;
    let page = dir.join("redline.html");
    fs::write(&page, html::render(&fixture::sample())).expect("write html");

    let dom = browser.dom(&page, "dump-dom");
    assert!(dom.contains("<table class=\"impact\">"), "impact table");
    assert_eq!(
        dom.matches("<tr>").count(),
        1 + 6 + 1 + 3 + 1,
        "version + impact rows"
    );
    assert!(
        dom.contains("<del>may</del><ins>shall</ins>"),
        "ins/del marks"
    );
    for id in ["a-3", "a-2", "a-1.0-2", "a-5bis", "a-12", "ch-I", "ch-IV"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "anchor {id}");
    }
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "draft script shown as text"
    );
    assert!(
        !dom.contains("<script>alert"),
        "draft script became an element"
    );
    assert!(
        dom.contains("<form class=\"filters\" aria-label=\"Filter changes\">"),
        "the optional filter script ran and showed its form"
    );

    // The same page without its script: everything but the filter form is there.
    let source = fs::read_to_string(&page).expect("read html");
    let start = source.rfind("<script>").expect("our script");
    let end = source.rfind("</script>").expect("script end") + "</script>".len();
    let static_page = dir.join("redline-no-script.html");
    fs::write(
        &static_page,
        format!("{}{}", &source[..start], &source[end..]),
    )
    .expect("write html");
    let static_dom = browser.dom(&static_page, "dump-dom-no-script");
    assert!(!static_dom.contains("<script"), "script removed");
    assert!(
        static_dom.contains("<form class=\"filters\" hidden=\"\""),
        "form stays hidden"
    );
    assert_eq!(
        without_form(&static_dom),
        without_form(&dom).replace(&source[start..end], ""),
        "the script changes nothing but the form"
    );

    let shot = browser.screenshot(&page, (1200, 2000));

    let pdf = dir.join("printed.pdf");
    browser.run(
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
        &page,
        "print",
    );
    assert_pdf(&pdf);
    println!("screenshot: {}\nprinted: {}", shot.display(), pdf.display());
}

#[test]
fn correlation_table_renders_in_headless_chromium() {
    let Some(browser) = Browser::open("table") else {
        return;
    };
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/eu-brussels2a_2201-2003_2019-1111");
    let base = draftdiff::load::load_path(&corpus.join("old.txt")).expect("old");
    let head = draftdiff::load::load_path(&corpus.join("new.txt")).expect("new");
    let cmp = draftdiff::compare::compare(&base, &head, &Default::default());
    let table = draftdiff::table::table(&base, &head, &cmp, false);
    let page = browser.dir.join("table.html");
    fs::write(&page, draftdiff::render::table::html_page(&table)).expect("write html");
    let dom = browser.dom(&page, "dump-dom");
    assert!(dom.contains("<table class=\"correlation\">"), "the table");
    assert_eq!(
        dom.matches("<tr data-kind=").count(),
        table.rows.len(),
        "one row a table row"
    );
    assert!(
        dom.contains("<td>Article 11(1)</td><td>Article 22</td>"),
        "a moved paragraph"
    );
    browser.screenshot(&page, (900, 1400));
}

#[test]
fn docx_report_opens_in_libreoffice_with_tracked_changes() {
    let Some(exe) = require(&["libreoffice", "soffice"], "libreoffice") else {
        return;
    };
    let dir = out_dir("docx");
    let doc = dir.join("redline.docx");
    let revision = docx::Revision::at(std::time::SystemTime::now());
    let bytes = docx::render(&fixture::sample(), &revision).expect("render docx");
    fs::write(&doc, bytes).expect("write docx");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let convert = |to: &str| {
        run(
            Command::new(&exe)
                .arg(&profile)
                .args(["--headless", "--convert-to", to, "--outdir"])
                .arg(&dir)
                .arg(&doc),
            &dir,
            &format!("convert-{to}"),
            Duration::from_secs(180),
        )
    };

    convert("pdf");
    assert_pdf(&dir.join("redline.pdf"));

    convert("odt");
    let odt = File::open(dir.join("redline.odt")).expect("odt written");
    let mut zip = zip::ZipArchive::new(odt).expect("odt is a zip");
    let mut content = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut content)
        .expect("utf-8");
    assert!(
        content.contains("<text:tracked-changes"),
        "no tracked changes"
    );
    assert!(content.contains("<text:insertion>"), "no insertion");
    assert!(content.contains("<text:deletion>"), "no deletion");
    assert!(
        content.contains("<dc:creator>draftdiff</dc:creator>"),
        "author lost"
    );
    let regions = content.matches("<text:changed-region").count();
    assert!(regions >= 10, "only {regions} changed regions");
    println!("pdf: {}", dir.join("redline.pdf").display());
}

/// Runs the built `draftdiff` on the escape fixture pair with `args`; returns stdout.
fn draftdiff(args: &[&str]) -> Vec<u8> {
    let drafts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts-escape");
    let out = assert_cmd::Command::cargo_bin("draftdiff")
        .expect("binary")
        .env_remove("DRAFTDIFF_DRAFTS")
        .arg("--drafts")
        .arg(drafts)
        .args(args)
        .output()
        .expect("run draftdiff");
    assert!(out.status.success(), "{out:?}");
    out.stdout
}

fn article_text(version: &str, number: &str) -> String {
    let json = draftdiff(&["show", version, number, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json).expect("json");
    v["text"]
        .as_str()
        .expect("text")
        .trim_end_matches('\n')
        .to_owned()
}

/// One paragraph of an ODT body as LibreOffice stored it: its style, its text with every
/// tracked change accepted, and with every change rejected.
#[derive(Debug, Default)]
struct OdtPara {
    style: String,
    accepted: String,
    rejected: String,
}

/// Reads `content.xml`: the deleted text of each changed region, then the body's
/// paragraphs resolved both ways (insertions are `text:change-start`…`text:change-end`
/// ranges in the body; a deletion is a `text:change` point whose text lives in the
/// region).
fn odt_paragraphs(content: &str) -> Vec<OdtPara> {
    use quick_xml::events::Event;
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
    let mut deleted: std::collections::HashMap<String, String> = Default::default();
    let mut paras = Vec::new();
    let mut reader = quick_xml::Reader::from_str(content);
    let (mut region, mut in_deletion, mut in_tracked) = (String::new(), false, false);
    // Author and date of a change: not document text.
    let mut in_info = false;
    // A comment (`office:annotation`, from Word's comments): not document text.
    let mut in_comment = false;
    let mut inserting: std::collections::HashSet<String> = Default::default();
    let mut current: Option<OdtPara> = None;
    // Text between paragraphs (indentation) belongs to none of them.
    let push = |p: &mut Option<OdtPara>, text: &str, ins: bool| {
        if let Some(p) = p.as_mut() {
            p.accepted.push_str(text);
            if !ins {
                p.rejected.push_str(text);
            }
        }
    };
    loop {
        let event = reader.read_event().expect("well-formed content.xml");
        let ins = !inserting.is_empty();
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e)
                if matches!(e.name().as_ref(), "text:s" | "text:tab") =>
            {
                let text = if e.name().as_ref() == "text:tab" {
                    "\t".to_owned()
                } else {
                    " ".repeat(attr(&e, "text:c").parse().unwrap_or(1))
                };
                if in_deletion {
                    deleted.entry(region.clone()).or_default().push_str(&text);
                } else {
                    push(&mut current, &text, ins);
                }
            }
            Event::Start(_) if in_comment => {}
            Event::End(e) if in_comment => {
                in_comment = e.name().as_ref() != "office:annotation";
            }
            Event::Text(_) | Event::GeneralRef(_) | Event::Empty(_) if in_comment => {}
            Event::Start(e) => match e.name().as_ref() {
                "office:annotation" => in_comment = true,
                "text:tracked-changes" => in_tracked = true,
                "text:changed-region" => region = attr(&e, "text:id"),
                "text:deletion" => in_deletion = true,
                "office:change-info" => in_info = true,
                "text:p" | "text:h" if in_deletion => {
                    let text = deleted.entry(region.clone()).or_default();
                    if !text.is_empty() {
                        text.push('\n');
                    }
                }
                "text:p" | "text:h" if !in_tracked => {
                    current = Some(OdtPara {
                        style: attr(&e, "text:style-name"),
                        ..Default::default()
                    });
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "text:change-start" => {
                    inserting.insert(attr(&e, "text:change-id"));
                }
                "text:change-end" => {
                    inserting.remove(&attr(&e, "text:change-id"));
                }
                "text:change" => {
                    let text = deleted
                        .get(&attr(&e, "text:change-id"))
                        .cloned()
                        .unwrap_or_default();
                    if let Some(p) = current.as_mut() {
                        p.rejected.push_str(&text);
                    }
                }
                _ => {}
            },
            Event::Text(_) | Event::GeneralRef(_) if in_info => {}
            Event::Text(t) => {
                let text = t.to_string();
                if in_deletion {
                    deleted.entry(region.clone()).or_default().push_str(&text);
                } else {
                    push(&mut current, &text, ins);
                }
            }
            Event::GeneralRef(r) => {
                let name: &str = &r;
                let entity = format!("&{name};");
                let text = quick_xml::escape::unescape(&entity).expect("entity");
                if in_deletion {
                    deleted.entry(region.clone()).or_default().push_str(&text);
                } else {
                    push(&mut current, &text, ins);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "text:tracked-changes" => in_tracked = false,
                "text:deletion" => in_deletion = false,
                "office:change-info" => in_info = false,
                "text:p" | "text:h" if !in_tracked => paras.extend(current.take()),
                _ => {}
            },
            _ => {}
        }
    }
    paras
}

#[test]
fn libreoffice_accept_all_gives_the_head_text_and_reject_all_the_base_text() {
    let Some(exe) = require(&["libreoffice", "soffice"], "libreoffice") else {
        return;
    };
    let dir = out_dir("docx-accept-reject");
    let doc = dir.join("escape.docx");
    draftdiff(&[
        "redline",
        "esc-1",
        "esc-2",
        "-o",
        doc.to_str().expect("utf-8 path"),
    ]);
    run(
        Command::new(&exe)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.join("profile").display()
            ))
            .args(["--headless", "--convert-to", "odt", "--outdir"])
            .arg(&dir)
            .arg(&doc),
        &dir,
        "convert-odt",
        Duration::from_secs(180),
    );
    let odt = File::open(dir.join("escape.odt")).expect("odt written");
    let mut zip = zip::ZipArchive::new(odt).expect("odt is a zip");
    let mut content = String::new();
    zip.by_name("content.xml")
        .expect("content.xml")
        .read_to_string(&mut content)
        .expect("utf-8");
    let paras = odt_paragraphs(&content);
    let article = |heading: &str| -> Vec<&OdtPara> {
        let start = paras
            .iter()
            .position(|p| p.style.starts_with("Heading_20_2") && p.accepted.starts_with(heading))
            .unwrap_or_else(|| panic!("LibreOffice lost the heading {heading}"));
        paras[start + 1..]
            .iter()
            .take_while(|p| !p.style.starts_with("Heading"))
            .filter(|p| p.style.starts_with("Article_20_Text"))
            .collect()
    };
    let joined = |ps: &[&OdtPara], accepted: bool| -> String {
        ps.iter()
            .map(|p| if accepted { &p.accepted } else { &p.rejected }.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let changed = article("Article 1 — Scripts & <script>");
    assert_eq!(joined(&changed, true), article_text("esc-2", "1"));
    assert_eq!(joined(&changed, false), article_text("esc-1", "1"));
    let added = article("Article 3");
    assert_eq!(joined(&added, true), article_text("esc-2", "3"));
    assert_eq!(joined(&added, false), "");
}
