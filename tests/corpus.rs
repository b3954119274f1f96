//! The vendored corpus of real legal texts (`tests/corpus/`, see its README): every case is
//! read without error, every article id of its truth table is found on its side, and the
//! alignment scores at least the floor recorded for the case in `tests/corpus/floors.tsv`.
//!
//! Scoring follows the corpus's own `score.py`: a change with base ids B and head ids H
//! stands for the links B × H, an addition for (-, h), a removal for (b, -); ids compare
//! loosely (case, keyword prefixes, inner spaces and trailing ordinal marks ignored).

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The corpus's loose id: `Artículo 2 bis.` = `2bis`, `§ 12` = `12`.
fn norm(id: &str) -> String {
    let mut a = id.trim().to_lowercase();
    for prefix in ["article", "artikel", "artículo", "art.", "art", "§"] {
        if let Some(rest) = a.strip_prefix(prefix) {
            a = rest.trim_start().to_owned();
            break;
        }
    }
    let a = a.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | 'º' | '°'));
    a.chars().filter(|c| !c.is_whitespace()).collect()
}

type Links = BTreeSet<(String, String)>;

fn truth(case: &Path) -> Links {
    std::fs::read_to_string(case.join("truth.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (old, new) = l.split_once('\t').expect("old<TAB>new");
            let side = |s: &str| if s == "-" { "-".to_owned() } else { norm(s) };
            (side(old), side(new))
        })
        .collect()
}

fn predicted(diff: &Value) -> Links {
    let ids = |c: &Value, key: &str| -> Vec<String> {
        c[key]
            .as_array()
            .map(|a| a.iter().map(|v| norm(v.as_str().unwrap())).collect())
            .unwrap_or_default()
    };
    let mut links = Links::new();
    for c in diff["changes"].as_array().expect("changes") {
        let (base, head) = (ids(c, "base"), ids(c, "head"));
        match (base.is_empty(), head.is_empty()) {
            (false, false) => {
                for b in &base {
                    for h in &head {
                        links.insert((b.clone(), h.clone()));
                    }
                }
            }
            (true, false) => links.extend(head.into_iter().map(|h| ("-".to_owned(), h))),
            (false, true) => links.extend(base.into_iter().map(|b| (b, "-".to_owned()))),
            (true, true) => {}
        }
    }
    links.retain(|(b, h)| b != "preamble" && h != "preamble");
    links
}

fn f1(truth: &Links, predicted: &Links) -> f64 {
    let tp = truth.intersection(predicted).count() as f64;
    if tp == 0.0 {
        return 0.0;
    }
    let (p, r) = (tp / predicted.len() as f64, tp / truth.len() as f64);
    2.0 * p * r / (p + r)
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("truth.tsv").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 9, "the corpus is vendored whole");
    cases
}

fn floors() -> HashMap<String, f64> {
    std::fs::read_to_string(corpus().join("floors.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (case, floor) = l.split_once('\t').expect("case<TAB>floor");
            (case.to_owned(), floor.trim().parse().expect("a number"))
        })
        .collect()
}

fn version(case: &Path, side: &str) -> PathBuf {
    ["md", "txt"]
        .iter()
        .map(|ext| case.join(format!("{side}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no {side} text in {}", case.display()))
}

fn diff(case: &Path) -> Value {
    let out = common::draftdiff()
        .arg("diff")
        .arg(version(case, "old"))
        .arg(version(case, "new"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {}",
        case.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_case_is_read_whole_and_aligned_above_its_floor() {
    let floors = floors();
    let mut failures = Vec::new();
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let truth = truth(&case);
        let json = diff(&case);
        let predicted = predicted(&json);
        let found = |old: bool| -> BTreeSet<&String> {
            predicted
                .iter()
                .map(|(b, h)| if old { b } else { h })
                .filter(|id| *id != "-")
                .collect()
        };
        for (old, side) in [(true, "old"), (false, "new")] {
            let have = found(old);
            let missing: Vec<&String> = truth
                .iter()
                .map(|(b, h)| if old { b } else { h })
                .filter(|id| *id != "-" && !have.contains(id))
                .collect();
            if !missing.is_empty() {
                failures.push(format!("{name}: {side} articles not found: {missing:?}"));
            }
        }
        let score = f1(&truth, &predicted);
        let floor = floors
            .get(&name)
            .unwrap_or_else(|| panic!("no floor for {name} in floors.tsv"));
        if score + 1e-9 < *floor {
            failures.push(format!(
                "{name}: link F1 {score:.3} below its floor {floor:.3}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn loose_ids_match_the_corpus_scorer() {
    assert_eq!(norm("2 bis"), "2bis");
    assert_eq!(norm("Artículo 35 quáter."), "35quáter");
    assert_eq!(norm("§ 12"), "12");
    assert_eq!(norm("83.0a"), "83.0a");
}
