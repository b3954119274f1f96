//! Hostile but fair input: every probe ends in exit 0, 1 or 2 with a short message naming
//! the file — no panic, no runaway read, no flood, no terminal escape obeyed.

mod common;

use std::path::Path;

use common::{copy_tree, draftdiff, fixtures, on_fixtures};
use predicates::prelude::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn source_date_epoch_out_of_range_or_garbage_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    for value in ["253402300800", "garbage", "-5"] {
        let out = dir.path().join("y.docx");
        on_fixtures()
            .env("SOURCE_DATE_EPOCH", value)
            .args(["redline", "accord-1", "accord-2", "-o"])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "SOURCE_DATE_EPOCH must be whole seconds",
            ));
        assert!(!out.exists());
    }
}

#[test]
fn word_reports_are_reproducible_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.docx"), dir.path().join("b.docx"));
    for out in [&a, &b] {
        on_fixtures()
            .env_remove("SOURCE_DATE_EPOCH")
            .args(["redline", "accord-1", "accord-2", "-o"])
            .arg(out)
            .assert()
            .success();
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[cfg(unix)]
#[test]
fn an_endless_input_is_refused_at_the_limit() {
    draftdiff()
        .env("DRAFTDIFF_MAX_INPUT_MB", "1")
        .args(["diff", "/dev/zero", "1.0"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/dev/zero: larger than the input limit of 1 MiB",
        ));
}

#[test]
fn a_bad_byte_in_a_long_line_gives_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Article 1\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 1_000_000));
    bytes.push(0xff);
    bytes.extend(std::iter::repeat_n(b'b', 1_000_000));
    let file = write(dir.path(), "long.txt", &bytes);
    let out = draftdiff().arg("show").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stderr.len() < 1024, "{} bytes", out.stderr.len());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("long.txt:2:1000001: file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn terminal_escapes_in_a_document_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(
        dir.path(),
        "old.txt",
        b"Article 1 \xe2\x80\x93 Scope\nThe lake.\n",
    );
    let new = write(
        dir.path(),
        "new.txt",
        b"Article 1 \xe2\x80\x93 Scope\x1b]0;pwned\x07\nThe lake\x1b[2J is shared.\n",
    );
    let out = draftdiff()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--color", "always"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("\\u{1b}[2J"), "{stdout}");
    assert!(
        !stdout.contains("\x1b[2J") && !stdout.contains("\x1b]0"),
        "{stdout}"
    );
    // Colour still works.
    assert!(stdout.contains("\x1b["), "{stdout}");
}

#[test]
fn check_refuses_what_diff_refuses_with_the_same_message() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    copy_tree(&fixtures().join("drafts"), &drafts);
    // A duplicate number in the head draft.
    let path = drafts.join("accord-2/01-general.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let first = text.find("[[article]]\nnumber = \"").unwrap() + "[[article]]\n".len();
    let end = first + text[first..].find('\n').unwrap();
    let line = text[first..end].to_owned();
    let doubled = text.clone() + "\n[[article]]\n" + &line + "\ntext = \"Again.\"\n";
    std::fs::write(&path, doubled).unwrap();
    let run = |args: &[&str]| {
        let out = draftdiff()
            .arg("--drafts")
            .arg(&drafts)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (diff_code, diff_err) = run(&["diff", "accord-1", "accord-2"]);
    let (check_code, check_err) = run(&["check", "accord-2"]);
    assert_eq!(diff_code, Some(2), "{diff_err}");
    assert_eq!(check_code, Some(2), "{check_err}");
    assert!(diff_err.contains("duplicate article number"), "{diff_err}");
    assert_eq!(diff_err, check_err);
}

#[test]
fn a_title_with_a_line_break_cannot_forge_a_ci_log_line() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    copy_tree(&fixtures().join("drafts"), &drafts);
    let path = drafts.join("accord-2/01-general.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let article = text.find("[[article]]").unwrap();
    let at = article + text[article..].find("title = \"").unwrap() + "title = \"".len();
    let forged = format!(
        "{}Scope\\n::error file=x::forged {}",
        &text[..at],
        &text[at..]
    );
    std::fs::write(&path, forged).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(&drafts)
        .args(["check", "accord-2"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("::error").not())
        .stderr(predicate::str::contains("holds a line break"));
}

#[test]
fn a_report_never_replaces_a_version_it_compares() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.md", b"# Old\n\n## Article 1\n\nText.\n");
    let new = write(
        dir.path(),
        "new.md",
        b"# New\n\n## Article 1\n\nText changed.\n",
    );
    draftdiff()
        .arg("redline")
        .arg(&old)
        .arg(&new)
        .arg("-o")
        .arg(&new)
        .args(["--format", "md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is one of the versions compared"));
    assert_eq!(
        std::fs::read(&new).unwrap(),
        b"# New\n\n## Article 1\n\nText changed.\n"
    );
}

#[cfg(unix)]
#[test]
fn a_replaced_report_keeps_its_mode_and_a_symlink_stays_a_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "real.html", b"old report");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    on_fixtures()
        .args(["redline", "accord-1", "accord-2", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let report = std::fs::read_to_string(&target).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"), "{}", &report[..40]);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn paths_that_are_not_there_or_not_directories_say_so() {
    draftdiff()
        .args(["diff", "nope.txt", "1.0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt: no such file"));
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "plain", b"x");
    draftdiff()
        .arg("--drafts")
        .arg(&file)
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a file, not a directory"));
}

#[test]
fn import_into_a_file_says_it_is_not_a_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "drafts", b"x");
    draftdiff()
        .arg("import")
        .arg(fixtures().join("documents/lake-convention.txt"))
        .args(["--id", "x", "--drafts"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a file, not a directory"));
}

#[test]
fn an_annotations_directory_is_bad_input_not_ignored() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    copy_tree(&fixtures().join("drafts"), &drafts);
    let annotations = drafts.join("accord-2/annotations.toml");
    std::fs::remove_file(&annotations).unwrap();
    std::fs::create_dir(&annotations).unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(&drafts)
        .args(["check", "accord-2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a directory where a TOML file was expected",
        ));
}

#[test]
fn annotations_that_explain_nothing_are_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    copy_tree(&fixtures().join("drafts"), &drafts);
    // An annotation naming no article, in the head…
    let path = drafts.join("accord-2/annotations.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[[annotation]]\narticles = []\ntheme = \"editorial\"\nrationale = \"Nothing in particular.\"\n");
    std::fs::write(&path, text).unwrap();
    // …and annotations in the draft that has no parent.
    std::fs::write(
        drafts.join("accord-1/annotations.toml"),
        "[[annotation]]\narticles = [\"1\"]\ntheme = \"editorial\"\nrationale = \"First version.\"\n",
    )
    .unwrap();
    draftdiff()
        .arg("--drafts")
        .arg(&drafts)
        .args(["check", "--strict"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("names no article"))
        .stdout(predicate::str::contains("accord-1 has no parent"));
}
