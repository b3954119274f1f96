//! The site on the shipped drafts: the pages planned, the search index, and the
//! incremental build (a second build rewrites nothing; changing one draft rewrites only
//! the pages made from it).

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::*;
use crate::load::Catalog;

fn shipped() -> Lineage {
    let drafts = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    Lineage::of(&Catalog::open(&drafts).expect("drafts"), Vec::new()).expect("lineage")
}

/// Every file of the site with its inode and modification time.
fn files(dir: &Path) -> BTreeMap<String, (u64, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for e in std::fs::read_dir(&d).expect("list") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                pending.push(p);
            } else {
                let m = std::fs::metadata(&p).expect("stat");
                let name = p.strip_prefix(dir).expect("inside").display().to_string();
                out.insert(name, (m.ino(), m.modified().expect("mtime")));
            }
        }
    }
    out
}

#[test]
fn the_shipped_site_has_every_page() {
    let lineage = shipped();
    let dir = tempfile::tempdir().expect("tempdir");
    let built = build(&lineage, &[], dir.path(), false).expect("build");
    // 15 comparisons, the preamble and 180 articles of 3.0 and their contents page, home,
    // search and its index, the proposals page.
    assert_eq!(built.pages, 15 + 181 + 1 + 1 + 2 + 1, "{built:?}");
    assert_eq!(built.written.len(), built.pages);
    for url in [
        "index.html",
        "pair/1.0..3.0.html",
        "pair/3.0-health..3.0.html",
        "article/3.0/26.html",
        "article/3.0/Preamble.html",
        "article/3.0/index.html",
        "proposals/1.0.html",
        "search.html",
        "search-index.js",
    ] {
        assert!(dir.path().join(url).is_file(), "{url}");
    }
    let home = std::fs::read_to_string(dir.path().join("index.html")).expect("home");
    assert!(home.contains("href=\"pair/1.0..3.0.html\""));
    assert!(home.contains("href=\"proposals/1.0.html\""));
    let pair = std::fs::read_to_string(dir.path().join("pair/1.0..3.0.html")).expect("pair");
    assert!(pair.contains("<a href=\"../article/3.0/26.html\">History of Article 26</a>"));
    assert!(pair.contains("<td class=\"articles\"><a href=\"#a-Preamble\">"));
    // Only the three versions asked for, and their newest is the one with history pages.
    let some = tempfile::tempdir().expect("tempdir");
    let ids = ["2.0".to_owned(), "1.0".to_owned(), "3.0-health".to_owned()];
    let built = build(&lineage, &ids, some.path(), false).expect("build");
    assert!(some.path().join("pair/1.0..3.0-health.html").is_file());
    assert!(some.path().join("article/3.0-health/20.html").is_file());
    assert!(
        !some.path().join("proposals/1.0.html").exists(),
        "one proposal is no group"
    );
    assert_eq!(built.pages, 3 + 171 + 1 + 1 + 2, "{built:?}");
}

#[test]
fn the_search_index_covers_every_article_and_links_to_it() {
    let lineage = shipped();
    let dir = tempfile::tempdir().expect("tempdir");
    build(&lineage, &[], dir.path(), false).expect("build");
    let script = std::fs::read_to_string(dir.path().join("search-index.js")).expect("index");
    let json = script
        .strip_prefix("window.DRAFTDIFF_SEARCH = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("the script's shape");
    let index: serde_json::Value = serde_json::from_str(json).expect("JSON");
    let records = index["records"].as_array().expect("records");
    let articles: usize = lineage.drafts.iter().map(|d| d.articles().count()).sum();
    assert_eq!(records.len(), articles);
    let find = |v: &str, n: &str| {
        let pos = index["versions"]
            .as_array()
            .expect("versions")
            .iter()
            .position(|x| x == v)
            .expect("version");
        records
            .iter()
            .find(|r| r["v"] == pos && r["n"] == n)
            .expect("record")
    };
    let r = find("3.0", "26");
    assert_eq!(r["t"], "Freedom of opinion and expression");
    assert_eq!(r["u"], "article/3.0/26.html");
    assert_eq!(
        (r["k"].as_str(), r["s"].as_str()),
        (Some("renumbered"), Some("substantive"))
    );
    assert_eq!(r["th"], serde_json::json!(["democracy"]));
    assert!(r["c"].as_str().is_some_and(|c| c.starts_with("I — ")));
    let old = find("1.0", "20");
    assert_eq!(old["u"], "pair/1.0..3.0.html#a-26", "what 3.0 made of it");
}

#[test]
fn a_second_build_rewrites_nothing_and_a_changed_draft_only_its_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let drafts = dir.path().join("drafts");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    copy_dir(&source, &drafts);
    let out = dir.path().join("site");
    let lineage =
        |d: &Path| Lineage::of(&Catalog::open(d).expect("drafts"), Vec::new()).expect("lineage");

    build(&lineage(&drafts), &[], &out, false).expect("first build");
    let before = files(&out);
    let again = build(&lineage(&drafts), &[], &out, false).expect("second build");
    assert!(again.written.is_empty(), "{:?}", again.written);
    assert_eq!(again.kept, again.pages, "nothing rendered again");
    assert_eq!(files(&out), before, "no file touched");

    // Forced, every page is rendered again, and still none is rewritten.
    let forced = build(&lineage(&drafts), &[], &out, true).expect("forced build");
    assert!(forced.written.is_empty(), "{:?}", forced.written);
    assert_eq!(forced.identical, forced.pages);
    assert_eq!(files(&out), before);

    // Reword an article of the health proposal that no other version changes.
    let chapter = drafts.join("mimc-3.0-health/02-tourists.toml");
    let text = std::fs::read_to_string(&chapter).expect("chapter");
    let edited = text.replacen("tourist", "visiting tourist", 1);
    assert_ne!(text, edited);
    std::fs::write(&chapter, edited).expect("edit");
    let changed = build(&lineage(&drafts), &[], &out, false).expect("third build");
    let after = files(&out);
    let rewritten: Vec<&String> = before
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(!rewritten.is_empty());
    for url in &rewritten {
        let health_pair = url.starts_with("pair/") && url.contains("3.0-health");
        let shared = [
            "index.html",
            "search-index.js",
            ".draftdiff-site.json",
            "proposals/1.0.html",
        ]
        .contains(&url.as_str());
        let history = url.starts_with("article/3.0/");
        assert!(health_pair || shared || history, "{url} rewritten");
    }
    // The pairs without the health proposal were not even rendered again.
    for url in [
        "pair/1.0..3.0.html",
        "pair/1.0..2.0.html",
        "pair/3.0-democracy..3.0.html",
    ] {
        assert!(!rewritten.contains(&&url.to_owned()), "{url}");
    }
    assert!(rewritten
        .iter()
        .any(|u| u.as_str() == "pair/1.0..3.0-health.html"));
    let histories = rewritten
        .iter()
        .filter(|u| u.starts_with("article/"))
        .count();
    assert!(
        histories < 10,
        "{histories} history pages rewritten: only those of the edited article"
    );
    assert_eq!(
        changed.written.len() + 1,
        rewritten.len(),
        "the manifest is not a page"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("list") {
        let p = e.expect("entry").path();
        let target = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).expect("copy");
        }
    }
}
