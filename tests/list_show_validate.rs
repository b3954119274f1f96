//! `list`, `show` and `validate` run as a user would, and the bad input they refuse.

mod common;

use assert_cmd::Command;
use common::{copy_tree, draftdiff, fixtures, on_fixtures};
use predicates::prelude::*;

/// A copy of the fixture drafts whose `file` (a path inside the drafts folder) `edit`
/// rewrites, and the binary pointed at that copy.
fn edited(file: &str, edit: impl FnOnce(Vec<u8>) -> Vec<u8>) -> (tempfile::TempDir, Command) {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    let path = tmp.path().join(file);
    std::fs::write(&path, edit(std::fs::read(&path).unwrap())).unwrap();
    let mut cmd = draftdiff();
    cmd.arg("--drafts").arg(tmp.path());
    (tmp, cmd)
}

/// [`edited`] for an edit of the file's text.
fn edited_text(file: &str, edit: impl FnOnce(&str) -> String) -> (tempfile::TempDir, Command) {
    edited(file, |bytes| {
        edit(&String::from_utf8(bytes).unwrap()).into_bytes()
    })
}

#[test]
fn list_from_an_empty_folder_uses_the_built_in_drafts() {
    let empty = tempfile::tempdir().unwrap();
    draftdiff()
        .current_dir(empty.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("1.0"))
        .stdout(predicate::str::contains("165"));
}

#[test]
fn list_reads_the_drafts_option_and_the_environment() {
    on_fixtures()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("accord-1").and(predicate::str::contains("accord-2")));
    draftdiff()
        .env("DRAFTDIFF_DRAFTS", fixtures().join("drafts"))
        .args(["list", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"accord-2\""))
        .stdout(predicate::str::contains("\"articles\": 11"));
}

#[test]
fn show_prints_contents_and_one_article() {
    on_fixtures()
        .args(["show", "accord-1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Chapter II — Conservation Measures",
        ))
        .stdout(predicate::str::contains("Catch limits"));
    on_fixtures()
        .args(["show", "accord-1", "5"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Article 5 — Catch limits"))
        .stdout(predicate::str::contains("within 30 days"));
    on_fixtures()
        .args(["show", "accord-1", "99"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article `99`"));
}

#[test]
fn show_accepts_a_draft_directory_and_a_single_toml_file() {
    let dir = fixtures().join("drafts/accord-2");
    draftdiff()
        .arg("show")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("accord-2"));
    draftdiff()
        .arg("show")
        .arg(dir.join("03-institutions.toml"))
        .arg("10")
        .assert()
        .success()
        .stdout(predicate::str::contains("two-thirds majority"));
}

#[test]
fn unknown_version_lists_the_known_ids() {
    on_fixtures()
        .args(["show", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown version `nope`"))
        .stderr(predicate::str::contains("accord-1, accord-2"));
}

#[test]
fn broken_toml_names_file_line_and_column() {
    let (_tmp, mut cmd) = edited_text("accord-1/02-conservation.toml", |text| {
        text.replacen("title = \"Catch limits\"", "title = \"Catch limits", 1)
    });
    cmd.args(["show", "accord-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"02-conservation\.toml:15:22: invalid TOML").unwrap());
}

#[test]
fn unknown_keys_are_refused_with_their_place() {
    let (_tmp, mut cmd) = edited_text("accord-2/draft.toml", |text| {
        format!("{text}author = \"x\"\n")
    });
    cmd.arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("accord-2/draft.toml:7:1"))
        .stderr(predicate::str::contains("unknown field `author`"));
}

#[test]
fn duplicate_numbers_fail_validation_naming_both_places() {
    let (_tmp, mut cmd) = edited_text("accord-1/03-institutions.toml", |text| {
        text.replace("number = \"10\"", "number = \"9\"")
    });
    cmd.args(["validate", "accord-1"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(
            r"03-institutions\.toml:\d+:\d+: duplicate article number `9` \(first defined at .*03-institutions\.toml:\d+:\d+\)",
        ).unwrap());
}

#[test]
fn validate_reports_unknown_parents_and_cycles() {
    let (_cycle, mut cmd) = edited_text("accord-1/draft.toml", |text| {
        format!("parent = \"accord-2\"\n{text}")
    });
    cmd.arg("validate")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "parent cycle: accord-1 → accord-2 → accord-1",
        ));
    let (_unknown, mut cmd) = edited_text("accord-1/draft.toml", |text| {
        format!("parent = \"0.9\"\n{text}")
    });
    cmd.args(["validate", "accord-1"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("unknown parent `0.9`"));
}

#[test]
fn missing_draft_toml_and_bad_usage_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    std::fs::remove_file(tmp.path().join("accord-1/draft.toml")).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing draft.toml"));
    draftdiff().arg("frobnicate").assert().code(2);
    draftdiff()
        .args(["list", "--format", "yaml"])
        .assert()
        .code(2);
}

#[test]
fn non_utf8_chapter_is_located() {
    let (_tmp, mut cmd) = edited("accord-1/01-general.toml", |mut bytes| {
        bytes.extend_from_slice(b"# \xff\n");
        bytes
    });
    cmd.args(["show", "accord-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("01-general.toml:"))
        .stderr(predicate::str::contains("not valid UTF-8"));
}

#[test]
fn the_shipped_drafts_validate() {
    draftdiff()
        .arg("--drafts")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/drafts"))
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok:"));
}
