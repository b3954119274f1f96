//! `check`, the annotations gate, run as a drafts repository's CI would run it.

mod common;

use std::path::Path;

use common::{copy_tree, draftdiff, fixtures, on_fixtures};
use predicates::prelude::*;
use serde_json::Value;

/// A scratch copy of the fixture drafts, so tests can edit them.
fn scratch() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    tmp
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn check(dir: &Path) -> assert_cmd::Command {
    let mut cmd = draftdiff();
    cmd.arg("--drafts").arg(dir).arg("check");
    cmd
}

#[test]
fn fully_annotated_fixtures_pass() {
    on_fixtures()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok: every change is annotated in accord-2 (against accord-1)",
        ));
}

#[test]
fn an_unannotated_rewording_fails_in_every_format_until_annotated() {
    let tmp = scratch();
    let chapter = tmp.path().join("accord-2/01-general.toml");
    edit(
        &chapter,
        "to which it is a party.",
        "to which it is a party or which it has signed.",
    );

    check(tmp.path()).assert().code(1).stdout(
        predicate::str::is_match(
            r"01-general\.toml:\d+: accord-2 article 3 \(reworded, \w+\) has no annotation",
        )
        .unwrap(),
    );

    let out = check(tmp.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "draftdiff/check/1");
    assert_eq!(v["ok"], false);
    assert_eq!(v["unannotated"].as_array().unwrap().len(), 1);
    assert_eq!(v["unannotated"][0]["head"][0], "3");
    assert_eq!(v["unannotated"][0]["kind"], "reworded");
    assert!(v["unannotated"][0]["line"].as_u64().unwrap() > 0);

    check(tmp.path())
        .args(["--format", "github"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"(?m)^::error file=.*01-general\.toml,line=\d+,title=Unannotated change%3A accord-2 article 3::").unwrap());

    let annotations = tmp.path().join("accord-2/annotations.toml");
    let mut text = std::fs::read_to_string(&annotations).unwrap();
    text.push_str("\n[[annotation]]\narticles = [\"3\"]\ntheme = \"scope\"\nrationale = \"Signed but unratified agreements are also respected.\"\n");
    std::fs::write(&annotations, text).unwrap();
    check(tmp.path()).assert().success();
}

#[test]
fn placeholder_rationales_do_not_count() {
    let tmp = scratch();
    edit(
        &tmp.path().join("accord-2/annotations.toml"),
        "Adds the ecosystem approach that the review recommended.",
        "n/a",
    );
    check(tmp.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("article 4 (added"))
        .stdout(predicate::str::contains("placeholder rationale `n/a`"));
}

#[test]
fn stale_annotations_warn_and_fail_under_strict() {
    let tmp = scratch();
    let annotations = tmp.path().join("accord-2/annotations.toml");
    let mut text = std::fs::read_to_string(&annotations).unwrap();
    text.push_str("\n[[annotation]]\narticles = [\"11\"]\ntheme = \"final\"\nrationale = \"Entry into force clause revised.\"\n\n[[annotation]]\narticles = [\"42\"]\ntheme = \"final\"\nrationale = \"An article that does not exist.\"\n");
    std::fs::write(&annotations, text).unwrap();
    check(tmp.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning: accord-2 annotation for 11: names 11, which did not change",
        ))
        .stdout(predicate::str::contains(
            "names `42`, which is not an article of accord-2",
        ));
    check(tmp.path())
        .arg("--strict")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error: accord-2 annotation for 42",
        ));
}

#[test]
fn check_without_a_parent_is_bad_usage() {
    on_fixtures()
        .args(["check", "accord-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("accord-1 has no parent"));
}

/// A parent cycle leaves no lineage to explain changes against: bad input (`docs/robustness.md`),
/// not a finding.
#[test]
fn a_parent_cycle_is_bad_input() {
    let dir = scratch();
    let meta = dir.path().join("accord-1/draft.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, format!("{text}parent = \"accord-2\"\n")).unwrap();
    check(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("parent cycle: accord-"));
}

#[test]
fn the_shipped_drafts_are_fully_annotated() {
    draftdiff()
        .arg("--drafts")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/drafts"))
        .arg("check")
        .assert()
        .success();
}
