//! Scores `draftdiff table` against the official correlation tables of the corpus's EU
//! cases: paragraph-level F1 (rows where both sides name paragraphs) and article-level
//! F1, beside the article F1 of `diff` on the same truth (`docs/table.md`).
//!
//! ```sh
//! cargo run --release --example table_score [CASE_DIR ...]   # default: tests/corpus/eu-*
//! ```

use std::path::{Path, PathBuf};

use draftdiff::table::{published, score, Correspondence};
use draftdiff::{compare, load};

fn main() {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&corpus)
            .expect("tests/corpus")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("truth_raw.tsv").is_file())
            .collect();
        found.sort();
        dirs = found;
    }
    println!(
        "| case | paragraph rows | paragraph P / R / F1 | table article F1 | diff article F1 |"
    );
    println!("| --- | --- | --- | --- | --- |");
    for dir in dirs {
        let line = case(&dir).unwrap_or_else(|e| format!("error: {e}"));
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("| {name} | {line} |");
    }
}

fn case(dir: &Path) -> draftdiff::Result<String> {
    let old = std::fs::read_dir(dir)
        .map_err(|e| draftdiff::Error::io(dir.display(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_stem().is_some_and(|s| s == "old"))
        .ok_or_else(|| draftdiff::Error::Invalid(format!("no old.* in {}", dir.display())))?;
    let new = old.with_file_name(format!(
        "new.{}",
        old.extension().and_then(|e| e.to_str()).unwrap_or("txt")
    ));
    let (base, head) = (load::load_path(&old)?, load::load_path(&new)?);
    let cmp = compare::compare(&base, &head, &compare::Options::default());
    let corr = Correspondence::build(&base, &head, &cmp);
    let mut truth = published::read(&dir.join("truth_raw.tsv"))?;
    published::ranges_against(&mut truth, &base, &head);
    let para = score::paragraphs(&truth, &corr, &corr.table(true));
    if std::env::var_os("VERBOSE").is_some() {
        let (t, p) = score::paragraph_links(&truth, &corr, &corr.table(true));
        let mut missed: Vec<_> = t.difference(&p).collect();
        let mut wrong: Vec<_> = p.difference(&t).collect();
        missed.sort();
        wrong.sort();
        eprintln!("missed: {missed:?}\nwrong: {wrong:?}");
    }
    let table = score::articles(&truth, &score::table_articles(&corr.table(false)));
    let diff_rows: Vec<(Vec<String>, Vec<String>)> = cmp
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
    Ok(format!(
        "{} | {:.3} / {:.3} / **{:.3}** | {:.3} | {:.3}",
        para.truth,
        para.precision(),
        para.recall(),
        para.f1(),
        table.f1(),
        diff.f1()
    ))
}
