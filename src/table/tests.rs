//! The table on small documents written to disk (the keyword is read from the file).

use super::*;
use crate::load::{document, SourceFile};

fn draft(dir: &std::path::Path, name: &str, text: &str) -> Draft {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let file = SourceFile::read(&path).expect("read");
    document::read(&file, name).expect("parse")
}

fn labels(t: &Table) -> Vec<String> {
    t.rows
        .iter()
        .map(|r| {
            let side = |c: &Option<Cell>| c.as_ref().map_or("—".to_owned(), |c| c.label.clone());
            format!("{} | {}", side(&r.old), side(&r.new))
        })
        .collect()
}

const OLD: &str = "Article 1\n\nScope\n\nThis Regulation governs the carriage of dangerous goods by inland waterway vessels.\n\nArticle 2\n\nObligations\n\n(1) Carriers shall keep a register of every consignment of explosives loaded on board.\n\n(2) The register shall be kept for five years after the end of the voyage concerned.\n\n(3) Inspectors may consult the register at any port of call without prior notice.\n\n(4) Masters shall report accidents involving toxic substances within twenty-four hours.\n\nArticle 3\n\nPenalties\n\nMember States shall lay down effective, proportionate and dissuasive penalties for infringements.\n\nArticle 4\n\nRepeal\n\nRegulation 99/1 on lighthouses and buoys is repealed with immediate effect.\n";

const NEW: &str = "Article 1\n\nScope\n\nThis Regulation governs the carriage of dangerous goods by inland waterway vessels.\n\nArticle 2\n\nRegister\n\n(1) Carriers shall keep a register of every consignment of explosives loaded on board.\n\n(2) The register shall be kept for five years after the end of the voyage concerned.\n\n(3) Inspectors may consult the register at any port of call without prior notice.\n\n(4) The register may be kept in electronic form approved by the flag State authority.\n\nArticle 3\n\nAccidents\n\n(1) Masters shall report accidents involving toxic substances within twenty-four hours.\n\n(2) The report shall name the cargo, the crew on board and the position of the vessel.\n\nArticle 4\n\nPenalties\n\nMember States shall lay down effective, proportionate and dissuasive penalties for infringements.\n\nArticle 5\n\nTraining\n\nCrews shall be trained in the handling of hazardous cargo every second year.\n";

fn sample(per_paragraph: bool) -> Table {
    let dir = tempfile::tempdir().expect("tempdir");
    let (b, h) = (
        draft(dir.path(), "old.txt", OLD),
        draft(dir.path(), "new.txt", NEW),
    );
    let cmp = crate::compare::compare(&b, &h, &crate::compare::Options::default());
    table(&b, &h, &cmp, per_paragraph)
}

#[test]
fn rows_fold_into_ranges_and_whole_articles() {
    let t = sample(false);
    assert_eq!(
        labels(&t),
        vec![
            "Article 1 | Article 1",
            "Article 2(1) to (3) | Article 2(1) to (3)",
            "— | Article 2(4)",
            // Old 2's last paragraph went to new 3, which stands beside new 2: a split,
            // written paragraph by paragraph where the paragraphs went apart.
            "Article 2(4) | Article 3(1)",
            "— | Article 3(2)",
            "Article 3 | Article 4",
            "Article 4 | —",
            "— | Article 5",
        ]
    );
    assert_eq!(t.rows[0].kind, RowKind::Kept);
    assert_eq!(t.rows[1].kind, RowKind::Kept);
    assert_eq!(t.rows[3].kind, RowKind::Moved);
    assert_eq!(t.rows[5].kind, RowKind::Moved);
    assert_eq!(t.rows[6].kind, RowKind::Removed);
    assert_eq!(t.rows[7].kind, RowKind::Added);
    assert_eq!(
        t.rows[1].old.as_ref().map(|c| c.paragraphs.clone()),
        Some(vec!["1".into(), "2".into(), "3".into()])
    );
}

#[test]
fn one_row_per_paragraph_folds_nothing() {
    let t = sample(true);
    let l = labels(&t);
    assert!(
        l.contains(&"Article 2(2) | Article 2(2)".to_owned()),
        "{l:?}"
    );
    assert!(l.contains(&"— | Article 3(2)".to_owned()), "{l:?}");
    assert!(
        l.contains(&"Article 1, first paragraph | Article 1, first paragraph".to_owned()),
        "{l:?}"
    );
    assert!(t.rows.iter().all(|r| [&r.old, &r.new]
        .iter()
        .all(|c| c.as_ref().is_none_or(|c| c.paragraphs.len() == 1))));
}

/// Old 3 (penalties) became new 4; new 5 (training) shares nothing with it. A range that
/// holds new 4 speaks of a group; a list names each article on purpose.
#[test]
fn a_range_confirmed_in_part_is_not_contradicted_but_a_listed_stranger_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (b, h) = (
        draft(dir.path(), "old.txt", OLD),
        draft(dir.path(), "new.txt", NEW),
    );
    let cmp = crate::compare::compare(&b, &h, &crate::compare::Options::default());
    let corr = Correspondence::build(&b, &h, &cmp);
    let ours = corr.table(false);
    let verdicts = |cell: &str| {
        let rows = published::parse(
            "t.tsv",
            &format!("Article 3\t{cell}\n"),
            published::Format::Tsv,
        )
        .expect("tsv");
        let report = check::check("t.tsv", &rows, &corr, &ours);
        (report.counts.contradicted, report.counts.unconfirmed)
    };
    assert_eq!(verdicts("Articles 4 to 5"), (0, 1));
    assert_eq!(verdicts("Articles 4 and 5"), (1, 0));
}
