//! `draftdiff import` and documents named directly as versions, through the real binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

fn draftdiff() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("draftdiff");
    cmd.env_remove("DRAFTDIFF_DRAFTS").env("NO_COLOR", "1");
    cmd
}

/// Every file under `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn show_json(version: &str, article: &str, drafts: &Path) -> serde_json::Value {
    let out = draftdiff()
        .args(["show", version, article, "--format", "json", "--drafts"])
        .arg(drafts)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn import(file: &Path, id: &str, drafts: &Path) -> assert_cmd::assert::Assert {
    draftdiff()
        .arg("import")
        .arg(file)
        .args(["--id", id, "--drafts"])
        .arg(drafts)
        .assert()
}

#[test]
fn an_imported_document_shows_the_same_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let doc = fixture("lake-convention.txt");
    import(&doc, "lake", &drafts)
        .success()
        .stdout(predicate::str::contains("as `lake` into"))
        .stdout(predicate::str::contains(
            "3 chapters, 10 articles and a preamble",
        ))
        .stderr(predicate::str::contains("skipped a table of contents"));
    let doc_path = doc.to_str().unwrap();
    for article in ["Preamble", "1", "2bis", "3", "5ter", "9"] {
        let imported = show_json("lake", article, &drafts);
        let direct = show_json(doc_path, article, &drafts);
        for key in ["number", "title", "section", "text", "chapter"] {
            assert_eq!(imported[key], direct[key], "article {article}, {key}");
        }
    }
    let three = show_json("lake", "3", &drafts);
    assert!(three["text"]
        .as_str()
        .unwrap()
        .starts_with("1. The Commission shall set every year"));
    let meta = std::fs::read_to_string(drafts.join("lake/draft.toml")).unwrap();
    assert!(meta.contains("status = \"working\""), "{meta}");
}

#[test]
fn importing_onto_an_existing_id_needs_force() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    import(&fixture("lake-convention.txt"), "lake", drafts).success();
    let before = snapshot(drafts);
    import(&fixture("lake-convention.docx"), "lake", drafts)
        .code(2)
        .stderr(predicate::str::contains(
            "error: draft `lake` already exists",
        ))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(snapshot(drafts), before);
    draftdiff()
        .arg("import")
        .arg(fixture("lake-convention.docx"))
        .args([
            "--id",
            "lake",
            "--title",
            "Lake, Word version",
            "--force",
            "--drafts",
        ])
        .arg(drafts)
        .assert()
        .success()
        .stdout(predicate::str::contains("2 chapters, 5 articles"));
    draftdiff()
        .args(["show", "lake", "--drafts"])
        .arg(drafts)
        .assert()
        .success()
        .stdout(predicate::str::contains("Lake, Word version"))
        .stdout(predicate::str::contains("4bis"))
        .stdout(predicate::str::contains("5ter").not());
}

#[test]
fn parents_must_exist_in_the_drafts_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    draftdiff()
        .arg("import")
        .arg(fixture("pair/new.md"))
        .args(["--id", "new", "--parent", "old", "--drafts"])
        .arg(drafts)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown parent `old`"));
    import(&fixture("pair/old.md"), "old", drafts).success();
    draftdiff()
        .arg("import")
        .arg(fixture("pair/new.md"))
        .args(["--id", "new", "--parent", "old", "--drafts"])
        .arg(drafts)
        .assert()
        .success();
    draftdiff()
        .args(["validate", "--drafts"])
        .arg(drafts)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: new, old valid"));
}

#[test]
fn the_drafts_directory_comes_from_the_environment_or_defaults_to_drafts() {
    let tmp = tempfile::tempdir().unwrap();
    draftdiff()
        .current_dir(tmp.path())
        .arg("import")
        .arg(fixture("garden-act.txt"))
        .args(["--id", "gardens"])
        .assert()
        .success()
        .stdout(predicate::str::contains("into drafts/gardens"));
    assert!(tmp.path().join("drafts/gardens/draft.toml").is_file());
    let env_dir = tmp.path().join("elsewhere");
    draftdiff()
        .env("DRAFTDIFF_DRAFTS", &env_dir)
        .arg("import")
        .arg(fixture("garden-act.txt"))
        .args(["--id", "gardens"])
        .assert()
        .success();
    assert!(env_dir.join("gardens/draft.toml").is_file());
}

#[test]
fn bad_documents_exit_2_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let cases: [(PathBuf, &str); 5] = [
        (
            write("latin1.txt", b"Article 1\nCaf\xe9 rules.\n"),
            "latin1.txt:2:4: file is not valid UTF-8",
        ),
        (write("empty.md", b"\n  \n"), "the document is empty"),
        (
            write("notes.txt", b"Minutes\n\nWe discussed article 5.\n"),
            "found no article headings such as 'Article 1'",
        ),
        (
            write("broken.docx", b"PK\x03\x04 this is not really a zip"),
            "not a valid .docx file",
        ),
        (write("image.png", b"\x89PNG\r\n"), "unsupported file type"),
    ];
    let drafts = tmp.path().join("drafts");
    for (file, message) in cases {
        import(&file, "x", &drafts)
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    assert!(!drafts.exists());
    // One odd line does not stop a document: it is text, and the user hears of it.
    let twice = write("twice.txt", b"Article 1\nA.\n\nArticle 1\nB.\n");
    import(&twice, "x", &drafts)
        .success()
        .stderr(predicate::str::contains(
            "twice.txt: line 4: a second heading for article 1 (first at line 1) was read as text",
        ));
}

#[test]
fn documents_are_versions_without_importing() {
    draftdiff()
        .arg("show")
        .arg(fixture("lake-convention.docx"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Convention on the Shared Fisheries of Lake Varn",
        ))
        .stdout(predicate::str::contains("4bis  Review"));
    draftdiff()
        .arg("show")
        .arg(fixture("lake-convention.docx"))
        .arg("3")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "register of fishing boats longer than five metres",
        ))
        .stdout(predicate::str::contains("all boats").not());
    draftdiff()
        .arg("show")
        .arg(fixture("varn-commission-protocol.md"))
        .arg("IVbis")
        .assert()
        .success()
        .stdout(predicate::str::contains("Article IV bis — Audit"));
}

/// A statute with no chapter headings reads as one unnamed chapter, which no output
/// names as "Chapter " with nothing after it.
#[test]
fn documents_without_chapters_show_and_diff_without_an_empty_chapter() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(
        &old,
        "§ 1 Scope\nThis law applies to ports.\n\n§ 2 Dues\nDues are payable under § 1.\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "§ 1 Scope\nThis law applies to ports.\n\n§ 2 Dues\nDues are due under § 1.\n",
    )
    .unwrap();
    draftdiff()
        .arg("show")
        .arg(&old)
        .assert()
        .success()
        .stdout(predicate::str::contains("2  Dues").and(predicate::str::contains("Chapter").not()));
    draftdiff()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Dues are [-payable-]{+due+} under § 1.")
                .and(predicate::str::contains("chapter  ").not()),
        );
    draftdiff()
        .args(["redline", "--format", "md", "-o", "-"])
        .arg(&old)
        .arg(&new)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("## <a id=\"ch-articles\"></a>Articles\n")
                .and(predicate::str::contains("[—](#ch-articles)"))
                .and(predicate::str::contains("Chapter \n").not()),
        );
}
