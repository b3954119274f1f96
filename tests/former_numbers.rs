//! Consolidated treaties that note each article's former number (`(ex Article 5 LT)`, as
//! EUR-Lex prints the Treaty on the Functioning of the European Union): the notes are the
//! authors' own correspondence, followed whatever the texts say, and never a title.

mod common;

use common::draftdiff;
use serde_json::Value;

/// The old treaty: five articles, no notes.
const OLD: &str = "LAKE TREATY\n\nArticle 1\n\nThe Parties found the Lake Council.\n\n\
    Article 2\n\nThe Council shall keep the water clean for fish and people.\n\n\
    Article 3\n\nNo Party shall levy tolls on boats crossing the lake.\n\n\
    Article 4\n\nEach Party shall publish its fishing quotas every spring.\n\n\
    Article 5\n\nThe Council acts only within the powers this Treaty gives it.\n";

/// The new treaty, rewritten and renumbered, each article noting where it came from;
/// article 3 also notes an article of another treaty.
const NEW: &str = "LAKE UNION TREATY\n\nArticle 1\n\n1. This Treaty sets out how the Union works.\n\n\
    Article 2\n\n(ex Article 5 LT)\n\nPowers not given to the Union stay with its members.\n\n\
    Article 3\n\n(ex Articles 3 and 4 LT and ex Article 9 SA)\n\nThe Union alone decides on tolls and quotas.\n\n\
    Article 4\n\n(ex Article 2 LT)\n\nThe Union works for a living lake.\n";

/// `diff --format json` of the two texts, with a correlation table as `--hints` if given.
fn diff_json(old: &str, new: &str, table: Option<&str>) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, t) = (
        dir.path().join("old.txt"),
        dir.path().join("new.txt"),
        dir.path().join("table.tsv"),
    );
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let mut cmd = draftdiff();
    cmd.args(["diff", "--format", "json"]);
    if let Some(table) = table {
        std::fs::write(&t, table).unwrap();
        cmd.arg("--hints").arg(&t);
    }
    let out = cmd.arg(&a).arg(&b).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn links(old: &str, new: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let json = diff_json(old, new, None);
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (ids(&c["base"]), ids(&c["head"])))
        .collect()
}

fn has(links: &[(Vec<String>, Vec<String>)], base: &[&str], head: &[&str]) -> bool {
    links.iter().any(|(b, h)| b == base && h == head)
}

#[test]
fn notes_of_former_numbers_link_a_rewritten_treaty_to_the_one_before() {
    let got = links(OLD, NEW);
    assert!(has(&got, &["5"], &["2"]), "{got:?}");
    assert!(has(&got, &["3", "4"], &["3"]), "{got:?}");
    assert!(has(&got, &["2"], &["4"]), "{got:?}");
}

#[test]
fn two_consolidations_with_the_same_notes_pair_by_them() {
    // A later consolidation inserts an article, so every number after it moves.
    let later = NEW
        .replace("Article 4\n", "Article 5\n")
        .replace("Article 3\n", "Article 4\n")
        .replace("Article 2\n", "Article 3\n")
        .replace(
            "Article 3\n\n(ex Article 5",
            "Article 2\n\nThe Union respects the shore.\n\nArticle 3\n\n(ex Article 5",
        )
        .replace("a living lake", "clear water and calm shores");
    let got = links(NEW, &later);
    assert!(has(&got, &["2"], &["3"]), "{got:?}");
    assert!(has(&got, &["3"], &["4"]), "{got:?}");
    assert!(has(&got, &["4"], &["5"]), "{got:?}");
    assert!(has(&got, &[], &["2"]), "{got:?}");
}

#[test]
fn a_note_is_neither_title_nor_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.txt");
    std::fs::write(&path, NEW).unwrap();
    let out = draftdiff()
        .arg("show")
        .arg(&path)
        .arg("3")
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.starts_with("Article 3\n"), "{shown}");
    assert!(shown.contains("from ex LT:3, ex LT:4, ex SA:9"), "{shown}");
    assert!(!shown.contains("(ex Article"), "{shown}");
    let warned = String::from_utf8(out.stderr).unwrap();
    assert!(warned.contains("read 3 notes"), "{warned}");
}

#[test]
fn a_merge_of_untitled_articles_has_no_title() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&a, OLD).unwrap();
    std::fs::write(&b, NEW).unwrap();
    let out = draftdiff().arg("diff").arg(&a).arg(&b).output().unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("\nArticles 3 + 4 → 3\nmerged"), "{report}");
    assert!(!report.contains("→ 3 ;"), "{report}");
}

#[test]
fn a_users_table_outranks_the_notes() {
    let json = diff_json(OLD, NEW, Some("Article 1\tArticle 2\n"));
    let change = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["head"] == serde_json::json!(["2"]))
        .unwrap();
    assert_eq!(change["base"], serde_json::json!(["1"]), "{change}");
}
