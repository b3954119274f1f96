//! The site as a workshop participant opens it (issue 19): `draftdiff site` builds the
//! site of the shipped drafts, then `tests/site/browser.cjs` drives headless Chromium
//! through it — home page, a matrix link to a pair, an impact-table link to an article,
//! that article's history link, a search with filters — checks keyboard focus, phone
//! width, print and the struck/underlined marks, runs axe-core on the home, pair,
//! article and search pages (no serious or critical violation), and crawls every local
//! link and every search result (no broken link or anchor, no request leaving the
//! folder).
//!
//! Needs Chromium, Node, and puppeteer-core and axe-core from npm, which
//! `.ci/install-report-tools` installs into `$DRAFTDIFF_NODE_TOOLS` (default
//! `~/.cache/draftdiff/node-tools`). Without them the test prints `SKIPPED: …` and passes,
//! unless `CI` is set. With `UPDATE_SCREENSHOTS=1` it copies its screenshots to
//! `docs/site/` (the ones docs/site.md shows).

use std::path::{Path, PathBuf};
use std::process::Command;

fn find_tool(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// `found`, or `None` after saying the test is skipped; a failure when `CI` is set.
fn require<T>(found: Option<T>, what: &str) -> Option<T> {
    if found.is_some() {
        return found;
    }
    assert!(
        !ci(),
        "{what} is required when CI is set: run .ci/install-report-tools"
    );
    eprintln!("SKIPPED: {what} not installed");
    None
}

fn node_tools() -> Option<PathBuf> {
    let dir = match std::env::var_os("DRAFTDIFF_NODE_TOOLS") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache/draftdiff/node-tools"),
    };
    let has = |p: &str| dir.join("node_modules").join(p).is_file();
    (has("puppeteer-core/package.json") && has("axe-core/axe.min.js")).then_some(dir)
}

#[test]
fn the_site_works_in_headless_chromium() {
    let Some(chromium) = require(
        find_tool(&["chromium", "chromium-browser", "google-chrome"]),
        "chromium",
    ) else {
        return;
    };
    let Some(node) = require(find_tool(&["node", "nodejs"]), "node") else {
        return;
    };
    let Some(tools) = require(node_tools(), "puppeteer-core and axe-core (npm)") else {
        return;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site-browser");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("output folder");
    let site = out.join("site");

    let built = assert_cmd::Command::cargo_bin("draftdiff")
        .expect("binary")
        .env_remove("DRAFTDIFF_DRAFTS")
        .arg("--drafts")
        .arg(manifest.join("drafts"))
        .arg("site")
        .arg("-o")
        .arg(&site)
        .output()
        .expect("run draftdiff site");
    assert!(built.status.success(), "{built:?}");

    let run = Command::new(node)
        .arg(manifest.join("tests/site/browser.cjs"))
        .arg(&site)
        .arg(&chromium)
        .arg(&tools)
        .arg(&out)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "the browser walk failed:\n{stderr}\n{stdout}"
    );
    let seen: serde_json::Value = serde_json::from_str(&stdout).expect("the walk's JSON");

    // What each page showed.
    assert_eq!(seen["pair_heading"], "Redline: 1.0 → 3.0");
    assert_eq!(
        seen["article_heading"],
        "Article 26 — Freedom of opinion and expression"
    );
    assert_eq!(seen["first_tab"]["text"], "Skip to content");
    assert!(seen["search_results"][0]
        .as_str()
        .is_some_and(|r| r.contains("Article 26")));
    // The crawl reached every page and left the folder for nothing.
    let pages = seen["crawled_pages"].as_u64().expect("pages");
    assert!(pages >= 190, "only {pages} pages reached");
    assert_eq!(seen["broken"], serde_json::json!([]));
    assert_eq!(seen["outside"], serde_json::json!([]));
    for page in ["home", "pair", "article", "search"] {
        let serious: Vec<_> = seen[format!("axe_{page}")]
            .as_array()
            .expect("axe ran")
            .iter()
            .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
            .collect();
        assert!(serious.is_empty(), "axe on {page}: {serious:?}");
    }

    let docs = manifest.join("docs/site");
    let update = std::env::var_os("UPDATE_SCREENSHOTS").is_some_and(|v| v == "1");
    for name in ["home", "home-phone", "pair", "article"] {
        let shot = out.join(format!("{name}.png"));
        let bytes = std::fs::read(&shot).expect("screenshot taken");
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{name}.png is a PNG"
        );
        if update {
            std::fs::create_dir_all(&docs).expect("docs/site");
            std::fs::copy(&shot, docs.join(format!("{name}.png"))).expect("copy screenshot");
        }
    }
    println!("{stdout}");
}
