//! `redline -o PATH` when PATH cannot be written: exit 2 with a message naming the path,
//! and nothing on disk changed — no partial report, no temporary file, no existing file
//! clobbered. (The tests run as root, so a read-only directory would not stop them: they
//! use a missing parent directory and a path that is a directory instead.)

mod common;

use std::path::Path;

use common::on_fixtures;

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `redline accord-1 accord-2 -o output` in `dir`, expecting exit 2; returns stderr.
fn fails(dir: &Path, output: &str, versions: [&str; 2]) -> String {
    let out = on_fixtures()
        .current_dir(dir)
        .arg("redline")
        .args(versions)
        .args(["-o", output])
        .assert()
        .failure()
        .code(2);
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn a_missing_parent_directory_is_exit_2_and_nothing_is_created() {
    for name in ["r.html", "r.md", "r.docx"] {
        let dir = tempfile::tempdir().unwrap();
        let output = format!("no-such-dir/{name}");
        let stderr = fails(dir.path(), &output, ["accord-1", "accord-2"]);
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains(&output), "message names the path: {stderr}");
        assert!(stderr.contains("no directory no-such-dir"), "{stderr}");
        assert!(
            !stderr.contains(".draftdiff-"),
            "a temporary's name: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }
}

#[test]
fn a_directory_as_output_is_exit_2_and_left_alone() {
    for name in ["out.html", "out.md", "out.docx"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(name)).unwrap();
        std::fs::write(dir.path().join(name).join("keep.txt"), "kept").unwrap();
        let stderr = fails(dir.path(), name, ["accord-1", "accord-2"]);
        assert!(stderr.contains(name), "message names the path: {stderr}");
        assert!(stderr.contains("is a directory"), "{stderr}");
        assert_eq!(names(dir.path()), [name], "a temporary file was left");
        assert_eq!(names(&dir.path().join(name)), ["keep.txt"]);
    }
}

#[test]
fn a_failed_run_does_not_clobber_an_existing_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.html");
    std::fs::write(&path, "previous report").unwrap();
    let stderr = fails(dir.path(), "r.html", ["accord-1", "no-such-version"]);
    assert!(stderr.contains("no-such-version"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "previous report");
    assert_eq!(names(dir.path()), ["r.html"]);
}

#[test]
fn a_successful_run_replaces_an_existing_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    std::fs::write(&path, "previous report").unwrap();
    on_fixtures()
        .current_dir(dir.path())
        .args(["redline", "accord-1", "accord-2", "-o", "r.md"])
        .assert()
        .success();
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("# Redline: accord-1 → accord-2"), "{md}");
    assert!(md.ends_with("insertions underlined.*\n"), "{md}");
    assert_eq!(names(dir.path()), ["r.md"]);
}

#[test]
fn an_unknown_extension_is_exit_2_and_names_the_formats() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = fails(dir.path(), "r.odt", ["accord-1", "accord-2"]);
    assert!(stderr.contains("--format html|md|docx|pdf"), "{stderr}");
    assert!(names(dir.path()).is_empty());
}
