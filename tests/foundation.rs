//! The foundation commands run as a user would: list, show, validate, and bad input.

mod common;

use common::{copy_tree, draftdiff, fixtures, on_fixtures};
use predicates::prelude::*;

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
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    let chapter = tmp.path().join("accord-1/02-conservation.toml");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(
        &chapter,
        text.replacen("title = \"Catch limits\"", "title = \"Catch limits", 1),
    )
    .unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .args(["show", "accord-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"02-conservation\.toml:15:22: invalid TOML").unwrap());
}

#[test]
fn unknown_keys_are_refused_with_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    let meta = tmp.path().join("accord-2/draft.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, format!("{text}author = \"x\"\n")).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("accord-2/draft.toml:7:1"))
        .stderr(predicate::str::contains("unknown field `author`"));
}

#[test]
fn duplicate_numbers_fail_validation_naming_both_places() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    let chapter = tmp.path().join("accord-1/03-institutions.toml");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, text.replace("number = \"10\"", "number = \"9\"")).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .args(["validate", "accord-1"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(
            r"03-institutions\.toml:\d+:\d+: duplicate article number `9` \(first defined at .*03-institutions\.toml:\d+:\d+\)",
        ).unwrap());
}

#[test]
fn validate_reports_unknown_parents_and_cycles() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    let meta = tmp.path().join("accord-1/draft.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, format!("parent = \"accord-2\"\n{text}")).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .arg("validate")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "parent cycle: accord-1 → accord-2 → accord-1",
        ));
    std::fs::write(&meta, format!("parent = \"0.9\"\n{text}")).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .args(["validate", "accord-1"])
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
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("drafts"), tmp.path());
    let chapter = tmp.path().join("accord-1/01-general.toml");
    let mut bytes = std::fs::read(&chapter).unwrap();
    bytes.extend_from_slice(b"# \xff\n");
    std::fs::write(&chapter, bytes).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(tmp.path())
        .args(["show", "accord-1"])
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
