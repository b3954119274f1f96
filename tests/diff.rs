//! `diff` and `impact` run as a user would, on the small accord fixture pair whose
//! revision exercises every change kind.

mod common;

use std::collections::HashMap;

use common::{fixtures, on_fixtures};
use draftdiff::load::load_dir;
use predicates::prelude::*;
use serde_json::Value;

fn diff_json(args: &[&str]) -> Value {
    let out = on_fixtures()
        .args(["diff", "accord-1", "accord-2", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn json_follows_the_schema_and_counts_add_up() {
    let v = diff_json(&[]);
    assert_eq!(v["schema"], "draftdiff/diff/1");
    assert_eq!(v["base"]["id"], "accord-1");
    assert_eq!(v["head"]["articles"], 11);
    for key in ["chapters", "articles", "words", "title"] {
        assert!(!v["base"][key].is_null(), "base.{key}");
    }
    let changes = v["changes"].as_array().unwrap();
    let mut by_kind: HashMap<String, u64> = HashMap::new();
    for c in changes {
        *by_kind
            .entry(c["kind"].as_str().unwrap().to_owned())
            .or_default() += 1;
        for key in [
            "severity",
            "base",
            "head",
            "base_chapter",
            "head_chapter",
            "title",
            "similarity",
            "words",
            "annotations",
        ] {
            assert!(c.get(key).is_some(), "change lacks {key}: {c}");
        }
    }
    for (kind, n) in v["summary"].as_object().unwrap() {
        assert_eq!(
            by_kind.get(kind).copied().unwrap_or(0),
            n.as_u64().unwrap(),
            "{kind}"
        );
    }
    let row = &v["chapters"].as_array().unwrap()[1];
    for key in [
        "base",
        "head",
        "title",
        "articles",
        "unchanged",
        "reworded",
        "renumbered",
        "moved_in",
        "moved_out",
        "split",
        "merged",
        "added",
        "removed",
        "words",
        "changed_share",
        "impact",
    ] {
        assert!(row.get(key).is_some(), "impact row lacks {key}");
    }
}

#[test]
fn every_article_appears_exactly_once_and_redlines_rebuild_both_texts() {
    let base = load_dir(&fixtures().join("drafts/accord-1")).unwrap();
    let head = load_dir(&fixtures().join("drafts/accord-2")).unwrap();
    let v = diff_json(&["--unchanged"]);
    let mut seen_base = Vec::new();
    let mut seen_head = Vec::new();
    for c in v["changes"].as_array().unwrap() {
        let b = strings(&c["base"]);
        let h = strings(&c["head"]);
        let redline = c["redline"].as_array().expect("redline with --unchanged");
        let side = |keep: &str| -> String {
            redline
                .iter()
                .filter(|s| s["op"] == "equal" || s["op"] == keep)
                .map(|s| s["text"].as_str().unwrap())
                .collect()
        };
        let text = |d: &draftdiff::Draft, ns: &[String]| -> String {
            draftdiff::compare::join_texts(
                ns.iter().map(|n| d.find(n).unwrap().article.text.as_str()),
            )
        };
        assert_eq!(side("delete"), text(&base, &b), "base side of {c}");
        assert_eq!(side("insert"), text(&head, &h), "head side of {c}");
        seen_base.extend(b);
        seen_head.extend(h);
    }
    seen_base.sort();
    seen_head.sort();
    let mut all_base: Vec<String> = base.articles().map(|a| a.article.number.clone()).collect();
    let mut all_head: Vec<String> = head.articles().map(|a| a.article.number.clone()).collect();
    all_base.sort();
    all_head.sort();
    assert_eq!(seen_base, all_base);
    assert_eq!(seen_head, all_head);
}

#[test]
fn each_change_kind_is_recognised() {
    let v = diff_json(&[]);
    let kinds: Vec<(String, Vec<String>, Vec<String>, String)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_owned(),
                strings(&c["base"]),
                strings(&c["head"]),
                c["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let find = |b: &[&str], h: &[&str]| {
        kinds
            .iter()
            .find(|(_, kb, kh, _)| kb == b && kh == h)
            .map(|(k, _, _, s)| (k.as_str(), s.as_str()))
            .unwrap_or_else(|| panic!("no change {b:?} → {h:?} in {kinds:?}"))
    };
    assert_eq!(
        find(&["Preamble"], &["Preamble"]),
        ("reworded", "editorial")
    );
    assert_eq!(find(&["2"], &["2"]), ("reworded", "editorial"));
    assert_eq!(find(&["3"], &["3"]), ("unchanged", "none"));
    assert_eq!(find(&[], &["4"]).0, "added");
    assert_eq!(find(&["4"], &["5"]), ("renumbered", "none"));
    assert_eq!(find(&["5"], &["6", "7"]).0, "split");
    assert_eq!(find(&["6", "7"], &["8"]).0, "merged");
    assert_eq!(find(&["9"], &["9"]).0, "moved");
    assert_eq!(find(&["8"], &["10"]), ("renumbered", "substantive"));
    assert_eq!(find(&["10"], &[]).0, "removed");
    assert_eq!(find(&["11"], &["11"]), ("unchanged", "none"));
}

#[test]
fn annotations_travel_with_their_changes() {
    let v = diff_json(&[]);
    let added = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "added")
        .unwrap();
    assert_eq!(added["annotations"][0]["theme"], "ecosystem");
}

#[test]
fn text_report_has_summary_table_and_marked_redlines() {
    on_fixtures()
        .args(["diff", "accord-1", "accord-2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("accord-1"))
        .stdout(predicate::str::contains("Conservation Measures"))
        .stdout(predicate::str::contains("[-30-]{+60+}"))
        .stdout(predicate::str::contains("Articles 5 → 6 + 7"));
}

#[test]
fn colour_is_opt_in_and_never_alone() {
    let out = on_fixtures()
        .env_remove("NO_COLOR")
        .args(["--color", "always", "diff", "accord-1", "accord-2"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\x1b[9;31m[-"),
        "deletions struck, red and bracketed"
    );
    let plain = on_fixtures()
        .args(["diff", "accord-1", "accord-2"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(plain.stdout).unwrap().contains('\x1b'));
}

#[test]
fn exit_code_reports_differences() {
    on_fixtures()
        .args(["diff", "accord-1", "accord-2", "--exit-code"])
        .assert()
        .code(1);
    on_fixtures()
        .args(["diff", "accord-1", "accord-1", "--exit-code"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no changes"));
}

#[test]
fn chapter_filter_keeps_one_chapter() {
    let v = diff_json(&["--chapter", "III"]);
    assert_eq!(v["chapters"].as_array().unwrap().len(), 1);
    for c in v["changes"].as_array().unwrap() {
        assert!(
            c["base_chapter"] == "III" || c["head_chapter"] == "III",
            "{c}"
        );
    }
    on_fixtures()
        .args(["diff", "accord-1", "accord-2", "--chapter", "XL"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no chapter `XL`"));
}

#[test]
fn impact_prints_only_the_table() {
    on_fixtures()
        .args(["impact", "accord-1", "accord-2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("impact"))
        .stdout(predicate::str::contains("Total"))
        .stdout(predicate::str::contains("[-").not());
    let out = on_fixtures()
        .args(["impact", "accord-1", "accord-2", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["chapters"].as_array().unwrap().len() >= 3);
    assert!(v.get("changes").is_none());
}

#[test]
fn directories_can_be_compared_directly() {
    let dir = fixtures().join("drafts");
    common::draftdiff()
        .arg("diff")
        .arg(dir.join("accord-1"))
        .arg(dir.join("accord-2"))
        .assert()
        .success();
}

#[test]
fn reports_are_stable() {
    let text = on_fixtures()
        .args(["diff", "accord-1", "accord-2"])
        .output()
        .unwrap();
    insta::assert_snapshot!("accord_diff_text", String::from_utf8(text.stdout).unwrap());
    let impact = on_fixtures()
        .args(["impact", "accord-1", "accord-2"])
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "accord_impact_text",
        String::from_utf8(impact.stdout).unwrap()
    );
}

/// A citation left at its old number after a renumbering is pointed out; the fixture
/// revision, which updated it, has no such note.
#[test]
fn citations_left_at_an_old_number_are_noted() {
    let notes = diff_json(&[])["notes"].to_string();
    assert!(
        !notes.contains("still cites"),
        "the fixtures cite correctly: {notes}"
    );
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures().join("drafts"), dir.path());
    let general = dir.path().join("accord-2/01-general.toml");
    let text = std::fs::read_to_string(&general).unwrap();
    let stale = text.replace(
        "approach described in article 5.",
        "approach described in article 4.",
    );
    assert_ne!(text, stale);
    std::fs::write(&general, stale).unwrap();
    common::draftdiff()
        .arg("--drafts")
        .arg(dir.path())
        .args(["diff", "accord-1", "accord-2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "note: article 2 still cites article 4, but accord-1 article 4 is now article 5\n",
        ));
}

/// Two articles with one number cannot be aligned or cited: `diff` refuses the draft
/// with both places, as `validate` would, and exits 2.
#[test]
fn a_draft_with_duplicate_numbers_is_refused_with_its_places() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&fixtures().join("drafts"), dir.path());
    let general = dir.path().join("accord-2/01-general.toml");
    let text = std::fs::read_to_string(&general).unwrap();
    std::fs::write(
        &general,
        text.replacen("number = \"2\"", "number = \"1\"", 1),
    )
    .unwrap();
    common::draftdiff()
        .arg("--drafts")
        .arg(dir.path())
        .args(["diff", "accord-1", "accord-2"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("accord-2 cannot be compared until these are fixed")
                .and(predicate::str::contains("01-general.toml:"))
                .and(predicate::str::contains(
                    "duplicate article number `1` (first defined at",
                )),
        );
}

/// The fixture revision widens the definition of "shared stock": every article that uses
/// the term (or its plural) is named, since its meaning changed with it.
#[test]
fn a_changed_definition_names_the_articles_using_the_term() {
    assert_eq!(
        diff_json(&[])["notes"],
        serde_json::json!([
            "the definition of 'shared stock' changed (accord-1 article 1 → article 1); articles using the term: 2, 3, 5, 6, 9"
        ])
    );
}

#[test]
fn matched_changes_carry_a_confidence_and_name_their_paragraphs() {
    let v = diff_json(&[]);
    for c in v["changes"].as_array().unwrap() {
        let (base, head) = (strings(&c["base"]), strings(&c["head"]));
        if base.is_empty() || head.is_empty() {
            assert!(c.get("confidence").is_none(), "{c}");
            assert!(c.get("paragraphs").is_none(), "{c}");
            continue;
        }
        let confidence = c["confidence"].as_f64().expect("a matched change has one");
        assert!((0.0..=1.0).contains(&confidence), "{c}");
        for p in c["paragraphs"].as_array().into_iter().flatten() {
            assert!(
                base.contains(&p["base"].as_str().unwrap().to_owned()),
                "{c}"
            );
            assert!(
                head.contains(&p["head"].as_str().unwrap().to_owned()),
                "{c}"
            );
            assert!(p["base_paragraph"].as_u64().unwrap() >= 1, "{c}");
            assert!(p["head_paragraph"].as_u64().unwrap() >= 1, "{c}");
            let s = p["similarity"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&s), "{c}");
        }
    }
    // The fixture's split names the paragraphs each part took.
    let split = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "split")
        .expect("the fixture has a split");
    assert!(split["paragraphs"]
        .as_array()
        .is_some_and(|p| !p.is_empty()));
}

/// The two versions are read side by side, but their warnings come out in order, the
/// base's first, the same on every run.
#[test]
fn the_readers_warnings_come_base_first_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |name: &str, extra: &str| {
        let path = dir.path().join(name);
        let text = format!(
            "1. Scope. This licence applies to the work.\n\n2. Grant. You may copy the work{extra}.\n\n\
             3. Warranty. The work comes as it is.\n"
        );
        std::fs::write(&path, text).unwrap();
        path
    };
    let (old, new) = (doc("old.txt", ""), doc("new.txt", " and share it"));
    for _ in 0..20 {
        let out = common::draftdiff()
            .arg("diff")
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let warned: Vec<&str> = stderr
            .lines()
            .filter_map(|l| l.strip_prefix("warning: "))
            .collect();
        assert_eq!(warned.len(), 2, "{stderr}");
        assert!(warned[0].contains("old.txt"), "{stderr}");
        assert!(warned[1].contains("new.txt"), "{stderr}");
    }
}
