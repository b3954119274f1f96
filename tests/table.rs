//! `draftdiff table` (issue 14): the official EU tables of the corpus reproduced and
//! checked, the labels in three languages, each format, bad input, `diff --hints` and
//! `redline --table`.

mod common;

use std::path::{Path, PathBuf};

use common::draftdiff;
use draftdiff::table::{published, score, Correspondence};
use draftdiff::{compare, load};

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

const BRUSSELS: &str = "eu-brussels2a_2201-2003_2019-1111";
const IMPORTS: &str = "eu-imports_260-2009_2015-478";

/// Paragraph-level and article-level figures of the table, and the diff's article F1.
fn figures(name: &str) -> (score::Figures, f64, f64) {
    let dir = case(name);
    let base = load::load_path(&dir.join("old.txt")).expect("old");
    let head = load::load_path(&dir.join("new.txt")).expect("new");
    let cmp = compare::compare(&base, &head, &compare::Options::default());
    let corr = Correspondence::build(&base, &head, &cmp);
    let truth = published::read(&dir.join("truth_raw.tsv")).expect("official table");
    let para = score::paragraphs(&truth, &corr, &corr.table(true));
    let table = score::articles(&truth, &score::table_articles(&corr.table(false)));
    let diff_rows: Vec<_> = cmp
        .changes
        .iter()
        .filter(|c| {
            !c.base
                .iter()
                .chain(&c.head)
                .any(|n| n == draftdiff::model::PREAMBLE)
        })
        .map(|c| (c.base.clone(), c.head.clone()))
        .collect();
    let diff = score::articles(&truth, &diff_rows);
    (para, table.f1(), diff.f1())
}

#[test]
fn official_tables_are_reproduced_at_article_level_as_diff_links_them() {
    for name in [BRUSSELS, IMPORTS] {
        let (_, table, diff) = figures(name);
        assert!(
            table >= diff - 1e-9,
            "{name}: table {table:.3} < diff {diff:.3}"
        );
    }
    assert!((figures(IMPORTS).1 - 1.0).abs() < 1e-9);
}

/// The floor of today's figure (docs/table.md): the target of issue 14 is 0.9.
#[test]
fn brussels_paragraph_rows_stay_at_their_floor() {
    let (para, _, _) = figures(BRUSSELS);
    assert_eq!(para.truth, 50, "paragraph links in the official table");
    assert!(para.f1() >= 0.79, "paragraph F1 {:.3}", para.f1());
}

fn check(name: &str, table: &Path) -> assert_cmd::assert::Assert {
    let dir = case(name);
    draftdiff()
        .arg("table")
        .arg(dir.join("old.txt"))
        .arg(dir.join("new.txt"))
        .arg("--check")
        .arg(table)
        .assert()
}

#[test]
fn official_tables_pass_the_check() {
    for name in [BRUSSELS, IMPORTS] {
        let out = check(name, &case(name).join("truth_raw.tsv")).success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(
            text.contains(" 0 contradicted; 0 articles omitted"),
            "{name}: {text}"
        );
        assert!(!text.contains("contradicted:"), "{name}: {text}");
    }
}

#[test]
fn a_corrupted_row_and_an_omitted_article_are_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let official = std::fs::read_to_string(case(BRUSSELS).join("truth_raw.tsv")).expect("read");
    let corrupted: String = official
        .lines()
        .filter(|l| *l != "Article 38\tArticle 32")
        .map(|l| {
            if l == "Article 8(1)\tArticle 7(1)" {
                "Article 8(1)\tArticle 90".to_owned()
            } else {
                l.to_owned()
            }
        })
        .map(|l| l + "\n")
        .collect();
    let path = dir.path().join("bad.tsv");
    std::fs::write(&path, corrupted).expect("write");
    let out = check(BRUSSELS, &path).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let contradicted: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("contradicted:"))
        .collect();
    assert_eq!(contradicted.len(), 1, "{text}");
    assert!(
        contradicted[0].contains("bad.tsv:10: `Article 8(1) | Article 90`"),
        "{text}"
    );
    assert!(
        contradicted[0].contains("draftdiff finds it in Article 7"),
        "{text}"
    );
    assert!(
        text.contains("omitted: Article 38 of old is in no row"),
        "{text}"
    );
    assert!(
        text.contains("omitted: Article 32 of new is in no row"),
        "{text}"
    );
}

/// Two versions of a small act in one heading style: article 2's second paragraph moves
/// to a new article 3, article 4 is repealed, article 5 is new.
fn act(keyword: &str, old: bool) -> String {
    let art = |n: u32, title: &str, body: &str| format!("## {keyword} {n}. {title}\n\n{body}\n\n");
    let mut s = String::from("# Act\n\n");
    s += &art(
        1,
        "Scope",
        "This act governs the carriage of dangerous goods by inland waterway vessels.",
    );
    if old {
        s += &art(2, "Register", "1. Carriers shall keep a register of every consignment of explosives loaded on board.\n\n2. Masters shall report accidents involving toxic substances within twenty-four hours.");
        s += &art(3, "Penalties", "Member States shall lay down effective, proportionate and dissuasive penalties for infringements.");
        s += &art(
            4,
            "Repeal",
            "The act on lighthouses and buoys is repealed with immediate effect.",
        );
    } else {
        s += &art(
            2,
            "Register",
            "1. Carriers shall keep a register of every consignment of explosives loaded on board.",
        );
        s += &art(3, "Accidents", "1. Masters shall report accidents involving toxic substances within twenty-four hours.\n\n2. The report shall name the cargo, the crew on board and the position of the vessel.");
        s += &art(4, "Penalties", "Member States shall lay down effective, proportionate and dissuasive penalties for infringements.");
        s += &art(
            5,
            "Training",
            "Crews shall be trained in the handling of hazardous cargo every second year.",
        );
    }
    s
}

fn act_pair(dir: &Path, keyword: &str) -> (PathBuf, PathBuf) {
    let (o, n) = (dir.join("old.md"), dir.join("new.md"));
    std::fs::write(&o, act(keyword, true)).expect("write");
    std::fs::write(&n, act(keyword, false)).expect("write");
    (o, n)
}

fn table_out(args: &[&std::ffi::OsStr]) -> String {
    let out = draftdiff().arg("table").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8")
}

#[test]
fn labels_follow_the_documents_keyword_in_three_languages() {
    for (keyword, shown) in [("Article", "Article"), ("§", "§"), ("Artículo", "Artículo")] {
        let dir = tempfile::tempdir().expect("tempdir");
        let (o, n) = act_pair(dir.path(), keyword);
        let csv = table_out(&[
            o.as_os_str(),
            n.as_os_str(),
            "--format".as_ref(),
            "csv".as_ref(),
        ]);
        let rows: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(
            rows,
            vec![
                format!("{shown} 1,{shown} 1"),
                format!("{shown} 2(1),{shown} 2"),
                format!("{shown} 2(2),{shown} 3(1)"),
                format!("—,{shown} 3(2)"),
                format!("{shown} 3,{shown} 4"),
                format!("{shown} 4,—"),
                format!("—,{shown} 5"),
            ],
            "{keyword}: {csv}"
        );
    }
}

#[test]
fn each_format_writes_the_same_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, n) = act_pair(dir.path(), "Article");
    let (o, n) = (o.as_os_str(), n.as_os_str());
    let text = table_out(&[o, n]);
    assert!(
        text.contains("Article 2(2)") && text.contains("Article 3(1)"),
        "{text}"
    );
    assert!(text.contains("7 rows"), "{text}");

    let json: serde_json::Value =
        serde_json::from_str(&table_out(&[o, n, "--format".as_ref(), "json".as_ref()]))
            .expect("json");
    assert_eq!(json["schema"], "draftdiff/table/1");
    assert_eq!(json["base"]["keyword"], "Article");
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[2]["old"]["article"], "2");
    assert_eq!(rows[2]["old"]["paragraphs"], serde_json::json!(["2"]));
    assert_eq!(rows[2]["new"]["label"], "Article 3(1)");
    assert_eq!(rows[2]["kind"], "moved");
    assert!(rows[2]["confidence"].as_f64().is_some());
    assert_eq!(rows[5]["kind"], "removed");
    assert!(rows[5]["new"].is_null());

    let per: serde_json::Value = serde_json::from_str(&table_out(&[
        o,
        n,
        "--paragraphs".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]))
    .expect("json");
    assert_eq!(per["paragraphs"], true);
    assert!(per["rows"].as_array().expect("rows").iter().all(|r| {
        ["old", "new"]
            .iter()
            .all(|s| r[s].is_null() || r[s]["paragraphs"].as_array().is_some_and(|p| p.len() == 1))
    }));

    let md = table_out(&[o, n, "--format".as_ref(), "md".as_ref()]);
    assert!(md.contains("| Article 2(2) | Article 3(1) |"), "{md}");

    // The files: Word and HTML, written whole.
    let docx = dir.path().join("table.docx");
    draftdiff()
        .arg("table")
        .args([o, n])
        .arg("-o")
        .arg(&docx)
        .assert()
        .success();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).expect("docx")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document"),
        &mut xml,
    )
    .expect("xml");
    assert!(
        xml.contains("<w:tbl>") && xml.contains("Article 3(1)"),
        "word table"
    );
    assert_eq!(xml.matches("<w:tr>").count(), 8, "header and seven rows");

    let html = dir.path().join("table.html");
    draftdiff()
        .arg("table")
        .args([o, n])
        .arg("-o")
        .arg(&html)
        .assert()
        .success();
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("<table class=\"correlation\">"));
    assert_eq!(page.matches("<tr data-kind=").count(), 7);
}

#[test]
fn a_table_that_cannot_be_read_is_bad_input_with_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, n) = act_pair(dir.path(), "Article");
    for (name, body, place) in [
        (
            "t.tsv",
            "Article 1\tArticle 1\nArticle 2 only one column\n",
            "t.tsv:2:1:",
        ),
        (
            "t.csv",
            "Article 1,Article 1\nArticle 2,Article (x\n",
            "t.csv:2:11:",
        ),
        (
            "t.md",
            "| a | b |\n|---|---|\n| Article 1 | Article |\n",
            "t.md:3:",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("write");
        for args in [
            vec![
                "table".as_ref(),
                o.as_os_str(),
                n.as_os_str(),
                "--check".as_ref(),
                path.as_os_str(),
            ],
            vec![
                "diff".as_ref(),
                o.as_os_str(),
                n.as_os_str(),
                "--hints".as_ref(),
                path.as_os_str(),
            ],
        ] {
            let out = draftdiff().args(&args).assert().code(2);
            let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
            assert!(err.contains(place), "{name}: {err}");
        }
    }
}

#[test]
fn diff_hints_take_a_tables_rows_as_from_hints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, n) = act_pair(dir.path(), "Article");
    // The repealed article 4 said to continue in the new article 5: the hint wins.
    let hints = dir.path().join("hints.md");
    std::fs::write(
        &hints,
        "| old | new |\n| --- | --- |\n| Article 4 | Article 5 |\n",
    )
    .expect("write");
    let out = draftdiff()
        .arg("diff")
        .args([o.as_os_str(), n.as_os_str()])
        .args(["--format", "json", "--hints"])
        .arg(&hints)
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("json");
    let changes = json["changes"].as_array().expect("changes");
    assert!(
        changes.iter().any(|c| c["base"] == serde_json::json!(["4"]) && c["head"] == serde_json::json!(["5"])),
        "{changes:?}"
    );
}

#[test]
fn redline_appends_the_table_as_an_annex() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (o, n) = act_pair(dir.path(), "Article");
    let out = draftdiff()
        .arg("redline")
        .args([o.as_os_str(), n.as_os_str()])
        .args(["-o", "-", "--format", "md", "--table"])
        .assert()
        .success();
    let md = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let at = md.find("## Correlation table").expect("annex");
    assert!(md[at..].contains("| Article 2(2) | Article 3(1) |"), "{md}");
}
