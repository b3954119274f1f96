//! Shared helpers for the integration tests: run the real binary on fixture drafts.
#![allow(dead_code)]

pub mod word;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The binary, with colour off and no drafts directory inherited from the environment.
pub fn draftdiff() -> Command {
    let mut cmd = Command::cargo_bin("draftdiff").expect("binary builds");
    cmd.env_remove("DRAFTDIFF_DRAFTS").env("NO_COLOR", "1");
    cmd
}

/// The binary pointed at the small fixture drafts (`accord-1`, `accord-2`).
pub fn on_fixtures() -> Command {
    let mut cmd = draftdiff();
    cmd.arg("--drafts").arg(fixtures().join("drafts"));
    cmd
}

/// Copies a directory tree, so a test can break a draft without touching the fixtures.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A correspondence as the set of (base, head) article pairs it implies: a split or merge
/// group links each of its base articles with each of its head articles.
pub fn pairs<'a>(
    groups: impl Iterator<Item = (&'a [String], &'a [String])>,
) -> std::collections::BTreeSet<(String, String)> {
    groups
        .flat_map(|(b, h)| {
            b.iter()
                .flat_map(move |x| h.iter().map(move |y| (x.clone(), y.clone())))
        })
        .collect()
}
