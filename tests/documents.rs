//! The fixture documents read into the article sets they were written to be.
//!
//! Between them the fixtures use every heading form `docs/documents.md` lists; these tests
//! pin what each one reads as, so a change to the reader shows up as a precise diff.
//!
//! - `lake-convention.txt` (hard-wrapped, PDF-like): `ARTICLE 1` + next-line title,
//!   `Article 2 – …`, `Article 2bis - …`, `Art. 3 Catch limits`, `Article 4. …`,
//!   `Article 5: …`, `Article 5 bis`, `Article 5 ter` (title below a blank line), `Article 5a`,
//!   `CHAPTER I` + next-line title, `CHAPTER II – …`, `Chapter 3`, `Part A` sections, a
//!   table of contents, page numbers, running headers, references opening lines.
//! - `varn-commission-protocol.md`: front matter, `#### Article I`, `Article II – …`,
//!   `ARTICLE III`, `Art. IV — …`, `**Article IV bis – …**`, `Article V (Staff)`,
//!   `Article XII`, `Part One – …`, `Part Two` + next-line title, `Part Three. …`,
//!   `Title I: …`, `Title IV`, `Section 1: …` and `Section 2` as containers.
//! - `garden-act.txt` (one paragraph per line): `Section 1. …`, `§ 2 …`, `SECTION 3`,
//!   `Sec. 4 …`, `§ 4a …` as articles; `PART I – …`, `PART II` + next-line title.
//! - `lake-convention.docx`: heading styles, Title style, tracked changes, a table.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use draftdiff::load::document::{read_with_warnings, Reading};
use draftdiff::load::SourceFile;
use draftdiff::model::Draft;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

fn read(name: &str) -> Reading {
    let path = fixture(name);
    let file = SourceFile::read(&path).unwrap();
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    read_with_warnings(&file, &stem).unwrap_or_else(|e| panic!("{e}"))
}

/// `chapter | section | number: title` for every article.
fn outline(d: &Draft) -> Vec<String> {
    d.chapters
        .iter()
        .flat_map(|c| {
            c.articles.iter().map(move |a| {
                format!(
                    "{} {} | {} | {}: {}",
                    c.number,
                    c.title,
                    a.section.as_deref().unwrap_or("-"),
                    a.number,
                    a.title
                )
            })
        })
        .collect()
}

fn text<'a>(d: &'a Draft, number: &str) -> &'a str {
    &d.find(number).unwrap().article.text
}

#[test]
fn a_hard_wrapped_pdf_style_text() {
    let r = read("lake-convention.txt");
    let d = &r.draft;
    assert_eq!(
        d.meta.title,
        "CONVENTION ON THE SHARED FISHERIES OF LAKE VARN"
    );
    assert_eq!(
        outline(d),
        [
            "I GENERAL PROVISIONS | - | 1: Purpose",
            "I GENERAL PROVISIONS | - | 2: Definitions",
            "I GENERAL PROVISIONS | - | 2bis: Languages",
            "II FISHING | A | 3: Catch limits",
            "II FISHING | A | 4: Scope of the limits",
            "II FISHING | A | 5: Remedies",
            "II FISHING | B | 5 bis: Closed seasons",
            "II FISHING | B | 5 ter: Gear",
            "II FISHING | B | 5a: ",
            "3 INSTITUTIONS | - | 9: Commission",
        ]
    );
    let preamble = text(d, "Preamble");
    assert!(preamble.starts_with(
        "The Riparian States of Lake Varn, hereinafter the Parties,\nAware that the fish"
    ));
    assert!(preamble.ends_with("Have agreed as follows:\n"));
    assert!(text(d, "3").contains("set out in Article 4. The limits shall be published"));
    assert!(text(d, "4").contains("in accordance with Article 3 shall not apply"));
    assert!(text(d, "5bis").contains("for the protec-tion of young fish"));
    assert_eq!(
        text(d, "2"),
        "For the purposes of this Convention:\n\
         (a) \"lake\" means Lake Varn together with its tributaries up to the first weir or dam;\n\
         (b) \"fishing\" means catching, or attempting to catch, any fish in the lake by any means;\n\
         (c) \"Commission\" means the Lake Varn Fisheries Commission established by article 9.\n"
    );
    assert!(!text(d, "5").contains("Page"));
    assert!(!text(d, "5").contains("working draft"));
    assert_eq!(d.find("3").unwrap().article.origin.line, 60);
    assert_eq!(
        r.warnings,
        [
            "dropped 6 page-number or running-header line(s)",
            "1 line(s) shaped like article headings were read as text, as parts of sentences (line 66); `show FILE --explain` lists them",
            "skipped a table of contents (4 entries, lines 6–9)",
            "titles of the divisions inside chapters are not kept: an article records only its section's number",
        ]
    );
}

#[test]
fn markdown_with_roman_numbers_parts_and_titles() {
    let r = read("varn-commission-protocol.md");
    let d = &r.draft;
    assert_eq!(
        d.meta.title,
        "Protocol on the Lake Varn Fisheries Commission"
    );
    assert_eq!(
        outline(d),
        [
            "One The Commission | I | I: Legal personality",
            "One The Commission | I | II: Seat",
            "One The Commission | I | III: ",
            "Two Finance and staff | IV.1 | IV: Budget",
            "Two Finance and staff | IV.2 | IV bis: Audit",
            "Two Finance and staff | IV.2 | V: Staff",
            "Three Final provisions | - | XII: ",
        ]
    );
    assert_eq!(
        text(d, "IV"),
        "1. The Commission shall adopt a budget every two years.\n\
         2. The contributions of the Parties shall be shared as follows:\n\
         - one half in equal parts;\n\
         - one half in proportion to the catch of each Party.\n"
    );
    assert!(text(d, "XII")
        .contains("Article XII of the Convention applies to this Protocol *mutatis mutandis*."));
    assert!(
        text(d, "Preamble").starts_with("The Parties to the Convention on the Shared Fisheries")
    );
}

#[test]
fn a_statute_numbered_by_sections() {
    let r = read("garden-act.txt");
    let d = &r.draft;
    assert_eq!(d.meta.title, "COMMUNITY GARDENS ACT 2026");
    assert_eq!(
        outline(d),
        [
            "I PRELIMINARY | - | 1: Short title",
            "I PRELIMINARY | - | 2: Definitions",
            "II PLOTS AND RENT | - | 3: ",
            "II PLOTS AND RENT | - | 4: Letting plots",
            "II PLOTS AND RENT | - | 4a: Rent",
        ]
    );
    assert_eq!(text(d, "3").lines().count(), 2);
    assert!(text(d, "4")
        .ends_with("(3) Section 3 does not prevent a council from reserving plots for schools.\n"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn by_laws_numbered_in_english_words() {
    let d = read("ferry-association-bylaws.txt").draft;
    assert_eq!(
        outline(&d),
        [
            "ONE THE ASSOCIATION | - | ONE: NAME AND SEAT",
            "ONE THE ASSOCIATION | - | TWO: PURPOSES",
            "ONE THE ASSOCIATION | - | THREE: MEMBERS",
            "TWO THE MEETING | - | FOUR: GENERAL MEETING",
            "TWO THE MEETING | - | FIVE: AMENDMENTS",
        ]
    );
    // A reference that opens a wrapped line stays in its sentence.
    assert!(text(&d, "THREE").contains("set out in Article Three of the rules"));
}

/// The same by-laws renumbered in figures: `ARTICLE ONE` and `Article 1` are one article,
/// so only what was reworded, inserted or pushed down is reported.
#[test]
fn articles_numbered_in_words_and_in_figures_are_the_same() {
    let out = assert_cmd::cargo::cargo_bin_cmd!("draftdiff")
        .args(["diff", "--format", "json"])
        .arg(fixture("ferry-association-bylaws.txt"))
        .arg(fixture("ferry-association-bylaws-2024.md"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let kinds: Vec<String> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {} {}", c["kind"], c["base"], c["head"]))
        .collect();
    assert_eq!(
        kinds,
        [
            r#""unchanged" ["ONE"] ["1"]"#,
            r#""reworded" ["TWO"] ["2"]"#,
            r#""unchanged" ["THREE"] ["3"]"#,
            r#""unchanged" ["FOUR"] ["4"]"#,
            r#""added" [] ["5"]"#,
            r#""renumbered" ["FIVE"] ["6"]"#,
        ]
    );
}

#[test]
fn a_word_document_with_tracked_changes_and_a_table() {
    let r = read("lake-convention.docx");
    let d = &r.draft;
    assert_eq!(
        outline(d),
        [
            "I General provisions | - | 1: Purpose",
            "I General provisions | - | 2: Definitions",
            "II Fishing | - | 3: Register of boats",
            "II Fishing | - | 4: Catch limits",
            "II Fishing | - | 4bis: Review",
        ]
    );
    assert!(text(d, "3").contains("register of fishing boats longer than five metres"));
    assert!(text(d, "4").contains("| Species | Limit |\n| Varn trout | 40 tonnes |\n"));
    assert_eq!(d.find("4bis").unwrap().article.origin.line, 23);
    // The table is read as a table: no warning.
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn the_document_pair_and_its_expected_links_agree() {
    let old = read("pair/old.md").draft;
    let new = read("pair/new.md").draft;
    let expected: toml::Table =
        toml::from_str(&std::fs::read_to_string(fixture("pair/expected.toml")).unwrap()).unwrap();
    let links = expected["link"].as_array().unwrap();
    let mut uses: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for link in links {
        for side in ["base", "head"] {
            for n in link[side].as_array().unwrap() {
                *uses
                    .entry((side, n.as_str().unwrap().to_owned()))
                    .or_default() += 1;
            }
        }
    }
    for (side, draft) in [("base", &old), ("head", &new)] {
        let numbers: Vec<String> = draft.articles().map(|a| a.article.number.clone()).collect();
        for n in &numbers {
            assert_eq!(uses.get(&(side, n.clone())), Some(&1), "{side} article {n}");
        }
        let listed = uses.keys().filter(|(s, _)| *s == side).count();
        assert_eq!(listed, numbers.len(), "{side}: links name unknown articles");
    }
    assert_eq!(old.article_count(), 12);
    assert_eq!(new.article_count(), 13);
}

/// Greedy wrapping at `width` columns, as a word processor's plain-text export does.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out
}

/// A draft written out as a Markdown document and as hard-wrapped plain text.
fn render(d: &Draft) -> (String, String) {
    let (mut md, mut txt) = (
        format!("# {}\n\n", d.meta.title),
        format!("{}\n\n", d.meta.title),
    );
    if let Some(p) = &d.preamble {
        md.push_str("## Preamble\n\n");
        txt.push_str("PREAMBLE\n\n");
        for para in p.text.lines() {
            md.push_str(&format!("{para}\n\n"));
            txt.push_str(&format!("{}\n\n", wrap(para, 72).join("\n")));
        }
    }
    for c in &d.chapters {
        md.push_str(&format!("## Chapter {} – {}\n\n", c.number, c.title));
        txt.push_str(&format!(
            "CHAPTER {}\n{}\n\n",
            c.number,
            c.title.to_uppercase()
        ));
        let mut section = None;
        for a in &c.articles {
            if a.section != section {
                section.clone_from(&a.section);
                if let Some(s) = &section {
                    md.push_str(&format!("### Part {s}\n\n"));
                    txt.push_str(&format!("Part {s}\n\n"));
                }
            }
            md.push_str(&format!("#### Article {} – {}\n\n", a.number, a.title));
            txt.push_str(&format!("Article {}\n{}\n\n", a.number, a.title));
            for para in a.text.lines() {
                md.push_str(&format!("{para}\n\n"));
                txt.push_str(&format!("{}\n", wrap(para, 72).join("\n")));
            }
            txt.push('\n');
        }
    }
    (md, txt)
}

/// Number, title, section and text of every article (the preamble's title aside).
fn articles(d: &Draft) -> Vec<(String, String, Option<String>, String)> {
    d.articles()
        .map(|a| {
            let a = a.article;
            let title = if a.number == "Preamble" {
                String::new()
            } else {
                a.title.clone()
            };
            (a.number.clone(), title, a.section.clone(), a.text.clone())
        })
        .collect()
}

#[test]
fn every_built_in_draft_reads_back_from_markdown_and_wrapped_text() {
    let catalog = draftdiff::load::Catalog::built_in().unwrap();
    for entry in catalog.entries() {
        let draft = catalog.load(entry).unwrap();
        let (md, txt) = render(&draft);
        for (name, text) in [("draft.md", md), ("draft.txt", txt)] {
            let file = SourceFile::new(name.to_owned(), name, text.into_bytes());
            let back = read_with_warnings(&file, "draft")
                .unwrap_or_else(|e| panic!("{} as {name}: {e}", entry.meta.id))
                .draft;
            let chapters = |d: &Draft| -> Vec<(String, String)> {
                d.chapters
                    .iter()
                    .map(|c| (c.number.clone(), c.title.to_lowercase()))
                    .collect()
            };
            assert_eq!(
                chapters(&back),
                chapters(&draft),
                "{} as {name}",
                entry.meta.id
            );
            let (want, got) = (articles(&draft), articles(&back));
            for (w, g) in want.iter().zip(&got) {
                assert_eq!(w, g, "{} as {name}", entry.meta.id);
            }
            assert_eq!(want.len(), got.len(), "{} as {name}", entry.meta.id);
        }
    }
}
