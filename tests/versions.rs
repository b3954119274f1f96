//! `history`, `blame` and `proposals` (issue 17), run as a user runs them: on the shipped
//! MIMC drafts, on the small fixture in `tests/fixtures/versions/` (a base, two proposals
//! and their consolidation), and on drafts a test builds in a temporary directory.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, draftdiff};
use serde_json::Value;

/// The binary run from the repository, so it reads the shipped drafts in `./drafts`.
fn on_mimc() -> assert_cmd::Command {
    let mut cmd = draftdiff();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn on_dir(dir: &Path) -> assert_cmd::Command {
    let mut cmd = draftdiff();
    cmd.arg("--drafts").arg(dir);
    cmd
}

fn versions_fixture() -> PathBuf {
    common::fixtures().join("versions")
}

fn json_of(cmd: &mut assert_cmd::Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

fn text_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("utf-8")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect()
}

/// The step from `from` to `to`, which must be there.
fn step<'a>(h: &'a Value, from: &str, to: &str) -> &'a Value {
    h["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["from"] == from && s["to"] == to)
        .unwrap_or_else(|| panic!("no step {from} → {to}"))
}

/// The one change of a step: (kind, base numbers, head numbers).
fn only_change(step: &Value) -> (String, Vec<String>, Vec<String>) {
    let changes = step["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1, "{step:#}");
    let c = &changes[0];
    (
        c["kind"].as_str().expect("kind").to_owned(),
        strings(&c["base"]),
        strings(&c["head"]),
    )
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn history_of_an_article_renumbered_in_3_0() {
    let h = json_of(on_mimc().args(["history", "2", "--format", "json"]));
    assert_eq!(h["schema"], "draftdiff/history/1");
    assert_eq!(
        (h["article"].as_str(), h["version"].as_str()),
        (Some("2"), Some("1.0"))
    );
    let (kind, base, head) = only_change(step(&h, "1.0", "3.0"));
    assert_eq!(
        (kind.as_str(), base, head),
        ("renumbered", v(&["2"]), v(&["3"]))
    );
    // No proposal touches it: each keeps it as it was.
    for p in ["3.0-environment", "3.0-health", "3.0-democracy"] {
        let (kind, base, head) = only_change(step(&h, "1.0", p));
        assert_eq!(
            (kind.as_str(), base, head),
            ("unchanged", v(&["2"]), v(&["2"]))
        );
    }
    // The Declaration condenses it with others into its first principle.
    let (kind, base, head) = only_change(step(&h, "1.0", "2.0"));
    assert_eq!(kind, "merged");
    assert!(base.contains(&"2".to_owned()) && base.len() > 1, "{base:?}");
    assert_eq!(head, v(&["1"]));
    assert_eq!(step(&h, "1.0", "2.0")["via"], "hints");
    assert_eq!(step(&h, "1.0", "3.0")["via"], "parent");
    // Nothing changed it in a proposal, so no proposal → 3.0 step.
    assert!(!h["steps"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["via"] == "proposal"));
}

#[test]
fn history_of_an_article_split_in_3_0_follows_the_proposal_that_edited_it() {
    let h = json_of(on_mimc().args(["history", "17", "--in", "1.0", "--format", "json"]));
    let (kind, base, head) = only_change(step(&h, "1.0", "3.0"));
    assert_eq!(
        (kind.as_str(), base, head),
        ("split", v(&["17"]), v(&["19", "20"]))
    );
    let (kind, _, _) = only_change(step(&h, "1.0", "3.0-environment"));
    assert_eq!(kind, "reworded");
    let env = &step(&h, "1.0", "3.0-environment")["changes"][0];
    assert_eq!(env["annotations"][0]["theme"], "environment");
    // The environment proposal's article 17 became 3.0's 19 and 20.
    let onward = step(&h, "3.0-environment", "3.0");
    assert_eq!(onward["via"], "proposal");
    let (kind, base, head) = only_change(onward);
    assert_eq!(
        (kind.as_str(), base, head),
        ("split", v(&["17"]), v(&["19", "20"]))
    );
    assert_eq!(
        onward["changes"][0]["annotations"][0]["theme"], "environment",
        "3.0's annotation credits the environment proposal"
    );
    for p in ["3.0-health", "3.0-democracy"] {
        assert_eq!(only_change(step(&h, "1.0", p)).0, "unchanged");
        assert!(
            h["steps"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["from"] != p),
            "{p} did not edit it: no step from it"
        );
    }
    let last = h["versions"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["id"], "3.0");
    let numbers: Vec<&str> = last["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["19", "20"]);
}

#[test]
fn history_of_an_article_the_declaration_merges() {
    let h = json_of(on_mimc().args(["history", "70", "--format", "json"]));
    let (kind, base, head) = only_change(step(&h, "1.0", "2.0"));
    assert_eq!(kind, "merged");
    assert!(base.contains(&"70".to_owned()), "{base:?}");
    assert_eq!(head.len(), 1);
    // 3.0 merges it with article 71 into article 83.
    let (kind, base, head) = only_change(step(&h, "1.0", "3.0"));
    assert_eq!(
        (kind.as_str(), base, head),
        ("merged", v(&["70", "71"]), v(&["83"]))
    );
    // Steps come in lineage order: the Declaration (2019) before the 3.0 drafts.
    let tos: Vec<&str> = h["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["to"].as_str().unwrap())
        .collect();
    assert_eq!(tos.first(), Some(&"2.0"));
    assert_eq!(tos.last(), Some(&"3.0"));
}

#[test]
fn history_from_the_consolidated_draft_goes_back_through_the_proposal() {
    let h = json_of(on_mimc().args(["history", "23", "--in", "3.0", "--format", "json"]));
    let (kind, base, head) = only_change(step(&h, "1.0", "3.0"));
    assert_eq!(
        (kind.as_str(), base, head),
        ("moved", v(&["85"]), v(&["23"]))
    );
    let (kind, base, head) = only_change(step(&h, "1.0", "3.0-health"));
    assert_eq!(
        (kind.as_str(), base, head),
        ("moved", v(&["85"]), v(&["18ter"]))
    );
    let (_, base, head) = only_change(step(&h, "3.0-health", "3.0"));
    assert_eq!((base, head), (v(&["18ter"]), v(&["23"])));
}

#[test]
fn history_text_names_each_step_and_its_rationale() {
    let out = text_of(on_mimc().args(["history", "17"]));
    assert!(out.starts_with("History of article 17 of 1.0\n"), "{out}");
    assert!(out.contains("1.0 → 3.0  (revises its parent)"));
    assert!(out.contains("3.0-environment → 3.0  (proposal into the consolidated draft)"));
    assert!(out.contains("split · substantive"));
    assert!(out.contains("rationale [environment]: Location data"));
}

#[test]
fn blame_names_the_version_and_proposal_of_each_sentence() {
    let b = json_of(on_mimc().args(["blame", "3.0", "20", "--format", "json"]));
    assert_eq!(b["schema"], "draftdiff/blame/1");
    assert_eq!(strings(&b["chain"]), v(&["3.0", "1.0"]));
    let sentences = b["sentences"].as_array().unwrap();
    let line = |needle: &str| {
        sentences
            .iter()
            .find(|s| s["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no sentence with {needle}"))
    };
    // 1.0's wording, kept.
    let old = line("Personal data, including biometric data");
    assert_eq!(old["version"], "1.0");
    assert_eq!(strings(&old["articles"]), v(&["17"]));
    // The environment proposal's new sentence, taken by 3.0.
    let new = line("Data on the location and movement");
    assert_eq!(new["version"], "3.0");
    assert_eq!(new["kind"], "split");
    assert_eq!(new["proposed_in"][0]["version"], "3.0-environment");
    assert_eq!(strings(&new["proposed_in"][0]["articles"]), v(&["17"]));
    assert_eq!(
        new["proposed_in"][0]["annotations"][0]["theme"],
        "environment"
    );
}

#[test]
fn proposals_into_3_0_lists_the_contested_articles_and_classifies_every_change() {
    let r = json_of(on_mimc().args([
        "proposals",
        "1.0",
        "3.0-environment",
        "3.0-health",
        "3.0-democracy",
        "--into",
        "3.0",
        "--format",
        "json",
    ]));
    assert_eq!(r["schema"], "draftdiff/proposals/1");
    let articles = r["articles"].as_array().unwrap();
    let contested: Vec<&str> = articles
        .iter()
        .filter(|e| e["contested"] == true)
        .map(|e| e["base"].as_str().unwrap())
        .collect();
    assert_eq!(contested, ["Preamble", "33", "140", "156"]);
    for e in articles {
        let n = e["proposed"].as_array().unwrap().len();
        assert_eq!(e["contested"] == true, n > 1, "{e:#}");
    }
    // Every proposed change is classified; the counts add up.
    let mut counts = std::collections::BTreeMap::new();
    let mut total = 0;
    for p in articles
        .iter()
        .flat_map(|e| e["proposed"].as_array().unwrap())
    {
        let verdict = p["outcome"]["verdict"].as_str().expect("a verdict");
        assert!(["taken", "modified", "dropped"].contains(&verdict));
        *counts.entry(verdict.to_owned()).or_insert(0) += 1;
        total += 1;
    }
    let per_proposal: u64 = r["summary"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(total as u64, per_proposal);
    for verdict in ["taken", "modified", "dropped"] {
        assert_eq!(
            r["summary"][verdict].as_u64(),
            Some(*counts.get(verdict).unwrap_or(&0) as u64),
            "{verdict}"
        );
    }
    let verdict = |proposal: &str, label: &str| -> String {
        articles
            .iter()
            .flat_map(|e| e["proposed"].as_array().unwrap())
            .find(|p| {
                p["proposal"] == proposal
                    && (p["change"]["base"] == serde_json::json!([label])
                        || p["change"]["head"] == serde_json::json!([label])
                            && p["change"]["kind"] == "added")
            })
            .unwrap_or_else(|| panic!("{proposal} {label}"))["outcome"]["verdict"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // The democracy proposal's capital "Part" in article 110 was not taken (3.0 says so).
    assert_eq!(verdict("3.0-democracy", "110"), "dropped");
    // The health proposal's epidemic, merged with the environment's wording in 152.
    assert_eq!(verdict("3.0-health", "140"), "modified");
    // 3.0 article 136 adds a reference to the environment proposal's 99bis.
    assert_eq!(verdict("3.0-environment", "99bis"), "modified");
    assert_eq!(verdict("3.0-health", "12"), "taken");
    assert_eq!(verdict("3.0-democracy", "113"), "taken");
    // The consolidation's own split of article 1 comes from no proposal.
    assert!(r["unproposed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["kind"] == "split" && c["base"] == serde_json::json!(["1"])));
    // 3.0's annotations credit every change it took: no note says otherwise.
    let notes = strings(&r["notes"]);
    assert!(
        notes.iter().all(|n| !n.contains("no annotation")),
        "{notes:#?}"
    );
    // The environment and health proposals edit the same sentence of article 140.
    let e140 = articles.iter().find(|e| e["base"] == "140").unwrap();
    assert_eq!(e140["conflicts"][0]["ours"], "3.0-environment");
    assert_eq!(e140["conflicts"][0]["theirs"], "3.0-health");
    // The proposals view: per chapter, touched and contested articles.
    let ch7 = r["chapters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["chapter"] == "VII")
        .unwrap();
    assert_eq!(ch7["contested"], 1);
    assert_eq!(ch7["conflicting"], 1);
}

#[test]
fn proposals_text_lists_contested_articles_and_the_chapter_view() {
    let out = text_of(on_mimc().args([
        "proposals",
        "1.0",
        "3.0-environment",
        "3.0-health",
        "3.0-democracy",
        "--into",
        "3.0",
    ]));
    assert!(out.contains("Articles changed by two or more proposals (4)"));
    assert!(
        out.contains("CONFLICT: 3.0-environment and 3.0-health edit the same sentence differently")
    );
    assert!(out.contains("┆ contested ┆ conflicting │"));
    assert!(out.contains("dropped   article 110 (reworded · editorial) → article 120"));
}

/// A drafts directory with 1.0, the health proposal and a fourth proposal whose article
/// 33 is edited by `edit`.
fn with_fourth_proposal(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    let tmp = tempfile::tempdir().expect("tempdir");
    for d in ["mimc-1.0", "mimc-3.0-health"] {
        copy_tree(&root.join(d), &tmp.path().join(d));
    }
    let fourth = tmp.path().join("mimc-3.0-borders");
    copy_tree(&root.join("mimc-1.0"), &fourth);
    std::fs::write(
        fourth.join("draft.toml"),
        "id = \"3.0-borders\"\ntitle = \"MIMC 3.0 — borders proposal\"\nstatus = \"proposal\"\ndate = \"2026-11\"\nparent = \"1.0\"\n",
    )
    .unwrap();
    let chapter = fourth.join("01-visitors.toml");
    let text = std::fs::read_to_string(&chapter).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit applies");
    std::fs::write(&chapter, edited).unwrap();
    tmp
}

/// `proposals 1.0 3.0-health 3.0-borders --format json` in `dir`: the report, and its
/// entry for base article 33, which both proposals edit.
fn health_and_borders(dir: &Path) -> (Value, Value) {
    let r = json_of(on_dir(dir).args([
        "proposals",
        "1.0",
        "3.0-health",
        "3.0-borders",
        "--format",
        "json",
    ]));
    let e33 = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["base"] == "33")
        .expect("article 33 is changed")
        .clone();
    (r, e33)
}

#[test]
fn a_fourth_proposal_editing_the_same_sentence_as_health_is_a_conflict() {
    // Health adds "whatever the ground on which entry was refused" to this sentence of
    // article 33(3); the fourth proposal ends the same sentence differently.
    let tmp = with_fourth_proposal(|t| {
        t.replace(
            "before the claim has been examined",
            "before an independent authority has examined the claim",
        )
    });
    let (r, e33) = health_and_borders(tmp.path());
    assert_eq!(e33["contested"], true);
    let conflict = &e33["conflicts"][0];
    assert_eq!(
        (conflict["ours"].as_str(), conflict["theirs"].as_str()),
        (Some("3.0-health"), Some("3.0-borders"))
    );
    let region = &conflict["regions"][0];
    assert!(region["base"][0]
        .as_str()
        .unwrap()
        .contains("before the claim has been examined"));
    assert!(region["ours"][0]
        .as_str()
        .unwrap()
        .contains("whatever the ground"));
    assert!(region["theirs"][0]
        .as_str()
        .unwrap()
        .contains("independent authority"));
    assert_eq!(r["summary"]["conflicting"], 1);

    let out = text_of(on_dir(tmp.path()).args(["proposals", "1.0", "3.0-health", "3.0-borders"]));
    assert!(
        out.contains("CONFLICT: 3.0-health and 3.0-borders edit the same sentence differently"),
        "{out}"
    );
}

#[test]
fn a_fourth_proposal_editing_another_sentence_of_the_article_combines() {
    let tmp = with_fourth_proposal(|t| {
        t.replace(
            "Such checks shall respect human dignity",
            "Such checks shall fully respect human dignity",
        )
    });
    let (r, e33) = health_and_borders(tmp.path());
    assert_eq!(e33["contested"], true);
    assert!(e33.get("conflicts").is_none(), "{e33:#}");
    assert_eq!(r["summary"]["conflicting"], 0);
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let cases: [(&[&str], &str); 6] = [
        (&["history", "999"], "no version has an article `999`"),
        (
            &["history", "999", "--in", "3.0"],
            "3.0 has no article `999`",
        ),
        (&["history", "1", "--in", "9.9"], "unknown version `9.9`"),
        (&["blame", "3.0", "999"], "3.0 has no article `999`"),
        (
            &["proposals", "3.0-health", "3.0-environment"],
            "3.0-environment has no lineage to 3.0-health",
        ),
        (
            &["proposals", "1.0", "3.0-health", "--into", "2.0x"],
            "unknown version `2.0x`",
        ),
    ];
    for (args, message) in cases {
        let out = on_mimc().args(args).assert().code(2).get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // A draft that descends from nothing the base is related to.
    let out = on_mimc()
        .args(["proposals", "3.0", "3.0-health"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("3.0-health has no lineage to 3.0: it descends along 3.0-health → 1.0"));
}

#[test]
fn the_fixture_reports_match_their_snapshots() {
    let dir = versions_fixture();
    insta::assert_snapshot!("history_text", text_of(on_dir(&dir).args(["history", "3"])));
    insta::assert_snapshot!(
        "blame_text",
        text_of(on_dir(&dir).args(["blame", "b-2", "4"]))
    );
    insta::assert_snapshot!(
        "proposals_text",
        text_of(on_dir(&dir).args(["proposals", "b", "b-green", "b-fair", "--into", "b-2"]))
    );
}

#[test]
fn the_fixture_outcomes_are_each_kind() {
    let r = json_of(on_dir(&versions_fixture()).args([
        "proposals",
        "b",
        "b-green",
        "b-fair",
        "--into",
        "b-2",
        "--format",
        "json",
    ]));
    assert_eq!(
        (
            r["summary"]["taken"].as_u64(),
            r["summary"]["modified"].as_u64(),
            r["summary"]["dropped"].as_u64()
        ),
        (Some(3), Some(1), Some(2))
    );
    let unproposed: Vec<(&str, Vec<String>)> = r["unproposed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap(), strings(&c["head"])))
        .collect();
    assert_eq!(
        unproposed,
        [("renumbered", v(&["5"])), ("added", v(&["6"]))]
    );
}

#[test]
fn the_html_report_is_written_whole_and_escapes_draft_text() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&versions_fixture(), tmp.path());
    let green = tmp.path().join("green/01-general.toml");
    let text = std::fs::read_to_string(&green).unwrap();
    std::fs::write(
        &green,
        text.replace(
            "that serves them.",
            "that serves them <script>alert(1)</script>.",
        ),
    )
    .unwrap();
    let page = tmp.path().join("proposals.html");
    on_dir(tmp.path())
        .args(["proposals", "b", "b-green", "b-fair", "--into", "b-2", "-o"])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !html.contains("<script>"),
        "no script at all, and none from the drafts"
    );
    for needle in ["http://", "https://", "<link", " src="] {
        assert!(!html.contains(needle), "found {needle}");
    }
    assert!(html.contains("<table class=\"conflict\">"));
    assert!(html.contains("id=\"p-3\""));
    assert!(html.contains("Proposals by chapter"));
    assert!(html.contains("<tfoot><tr><td colspan=\"2\">Total</td><td class=\"num\">4</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">1</td>"), "{html}");
}

/// The first of `names` on `PATH`, or `None` after saying the test is skipped (a failure
/// when `CI` is set, as in `tests/report_tools.rs`).
fn browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"]
                .into_iter()
                .map(move |n| dir.join(n))
        })
        .find(|p| p.is_file());
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(
            !ci,
            "chromium is required when CI is set: run .ci/install-report-tools"
        );
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "SKIPPED: chromium not installed");
    }
    found
}

#[test]
fn the_html_report_renders_in_headless_chromium() {
    let Some(exe) = browser() else {
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("versions-html");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("proposals.html");
    on_mimc()
        .args([
            "proposals",
            "1.0",
            "3.0-environment",
            "3.0-health",
            "3.0-democracy",
            "--into",
            "3.0",
            "-o",
        ])
        .arg(&page)
        .assert()
        .success();
    let out = std::process::Command::new(&exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8(out.stdout).expect("utf-8 DOM");
    assert!(
        dom.contains("<table class=\"impact\">"),
        "the proposals view"
    );
    // Preamble and eight chapters, between a header row and a total row.
    let impact = &dom[dom.find("<table class=\"impact\">").unwrap()..];
    let impact = &impact[..impact.find("</table>").unwrap()];
    assert_eq!(impact.matches("<tr").count(), 1 + 9 + 1);
    assert_eq!(
        dom.matches("<table class=\"conflict\">").count(),
        1,
        "article 140"
    );
    for id in ["p-140", "p-156", "p-33", "p-Preamble", "ch-VII"] {
        assert!(dom.contains(&format!("id=\"{id}\"")), "anchor {id}");
    }
    assert!(
        dom.contains("<ins>an epidemic, </ins>"),
        "{}",
        &dom[..2000.min(dom.len())]
    );
    assert!(dom.contains("verdict-dropped"));
}
