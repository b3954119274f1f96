//! The recitals of an EU-style preamble are aligned and reported one by one.

mod common;

use common::draftdiff;
use predicates::prelude::*;

const OLD: &str = "REGULATION ON LAKE FISHERIES\n\nTHE COUNCIL OF THE LAKE UNION,\n\nHaving regard to the Treaty on the Lake,\n\nWhereas:\n\n(1) The lake is shared by three States and its fish move freely between their waters.\n\n(2) Fishing licences should be recognised in every riparian State without formality.\n\n(3) The Commission should publish catch figures every season.\n\nHAS ADOPTED THIS REGULATION:\n\nArticle 1\nSubject matter\nThis Regulation lays down rules on lake fisheries.\n\nArticle 2\nLicences\nA licence issued in one State is valid in all.\n";

const NEW: &str = "REGULATION ON LAKE FISHERIES (recast)\n\nTHE COUNCIL OF THE LAKE UNION,\n\nHaving regard to the Treaty on the Lake,\n\nWhereas:\n\n(1) The lake is shared by three States and its fish move freely between their waters.\n\n(2) Protecting young fish in spawning grounds requires closed seasons agreed by all three States.\n\n(3) Fishing licences should be recognised in every riparian State without any formality.\n\n(4) The Commission should publish catch figures every season.\n\nHAS ADOPTED THIS REGULATION:\n\nArticle 1\nSubject matter\nThis Regulation lays down rules on lake fisheries.\n\nArticle 2\nLicences\nA licence issued in one State is valid in all.\n";

fn files() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, OLD).unwrap();
    std::fs::write(&new, NEW).unwrap();
    (dir, old, new)
}

#[test]
fn recitals_are_aligned_one_by_one_in_the_json() {
    let (_dir, old, new) = files();
    let out = draftdiff()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let preamble = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["base"][0] == "Preamble")
        .expect("a preamble change");
    let pairs: Vec<(String, String, String)> = preamble["recitals"]
        .as_array()
        .expect("recitals")
        .iter()
        .map(|r| {
            let side = |k: &str| {
                r[k].as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            (
                r["kind"].as_str().unwrap().to_owned(),
                side("base"),
                side("head"),
            )
        })
        .collect();
    let pair = |k: &str, b: &str, h: &str| (k.to_owned(), b.to_owned(), h.to_owned());
    assert!(pairs.contains(&pair("unchanged", "1", "1")), "{pairs:?}");
    assert!(pairs.contains(&pair("added", "", "2")), "{pairs:?}");
    assert!(pairs.contains(&pair("renumbered", "2", "3")), "{pairs:?}");
    assert!(pairs.contains(&pair("renumbered", "3", "4")), "{pairs:?}");
    assert!(
        pairs.contains(&pair("unchanged", "closing", "closing")),
        "{pairs:?}"
    );
    // The preamble's own redline stays whole and exact.
    let redline = preamble["redline"].as_array().unwrap();
    let side = |keep: &str| -> String {
        redline
            .iter()
            .filter(|s| s["op"] == "equal" || s["op"] == keep)
            .map(|s| s["text"].as_str().unwrap())
            .collect()
    };
    assert!(side("insert").contains("(4) The Commission"));
    assert!(side("delete").contains("(3) The Commission"));
}

#[test]
fn reports_show_each_changed_recital() {
    let (dir, old, new) = files();
    draftdiff()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains("Recital 2 → Recital 3"))
        .stdout(predicate::str::contains("Recital 2\n  added"))
        .stdout(predicate::str::contains(
            "renumbered with the same words: 3 → 4",
        ));
    for ext in ["html", "md"] {
        let out = dir.path().join(format!("r.{ext}"));
        draftdiff()
            .arg("redline")
            .arg(&old)
            .arg(&new)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let report = std::fs::read_to_string(&out).unwrap();
        assert!(report.contains("Recital 2 → Recital 3"), "{ext}");
    }
}

#[test]
fn spanish_provisions_are_compared_apart_from_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.md");
    let new = dir.path().join("new.md");
    std::fs::write(&old, "# Ley\n\n##### Artículo 1. Objeto.\n\nTexto.\n\n##### Disposición adicional única. Plazos.\n\nEl plazo es de tres meses.\n\n##### Disposición final primera. Entrada en vigor.\n\nEsta ley entra en vigor mañana.\n").unwrap();
    std::fs::write(&new, "# Ley\n\n##### Artículo 1. Objeto.\n\nTexto.\n\n##### Disposición adicional única. Plazos.\n\nEl plazo es de seis meses.\n\n##### Disposición final primera. Entrada en vigor.\n\nEsta ley entra en vigor mañana.\n").unwrap();
    let out = draftdiff()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The articles' list holds articles only; the provisions have their own.
    assert_eq!(json["changes"].as_array().unwrap().len(), 1);
    let provisions = json["provisions"].as_array().unwrap();
    assert_eq!(provisions.len(), 2);
    assert_eq!(provisions[0]["kind"], "reworded");
    assert_eq!(provisions[0]["head"][0], "adicional única");
    assert_eq!(provisions[1]["kind"], "unchanged");
    draftdiff()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Disposición adicional única — Plazos\nreworded",
        ))
        .stdout(predicate::str::contains("[-tres-]{+seis+}"));
}
