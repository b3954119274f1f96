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
    diff_of(&version(case, "old"), &version(case, "new"))
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

/// An article heading of a corpus text, as the case writes it.
struct Heading {
    line: usize,
    number: String,
    title: String,
    /// The line holding the title when it is not the heading's own (EU and Dutch texts).
    title_line: Option<usize>,
}

/// The article headings of one corpus text, by the form its source writes them in; `None`
/// for the licences, whose bare section numbers have no other spelling.
fn article_headings(case: &str, lines: &[&str]) -> Option<Vec<Heading>> {
    let (pattern, title_below) = match &case[..3] {
        "de-" => (r"^#+ §\s*(\d+\w*)(?:\s+(.*))?$", false),
        "es-" => (
            r"^#+ Artículo (\d+(?: (?:bis|ter|quáter|quater|quinquies|sexies))?)\.?(?:\s+(.*))?$",
            false,
        ),
        "eu-" => (r"^Article (\d+\w*)$", true),
        "fr-" => (r"^Article (\d+(?:-\d+)*)$", false),
        "nl-" => (r"^#+ ?Artikel\s+(\S+)\s*$", true),
        _ => return None,
    };
    let pattern = regex::Regex::new(pattern).unwrap();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = pattern.captures(line.trim_end()) else {
            continue;
        };
        let mut title = c.get(2).map_or("", |m| m.as_str()).to_owned();
        let mut title_line = None;
        if title_below {
            let j = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty());
            if let Some(j) = j {
                let t = lines[j].trim();
                let short =
                    t.len() < 120 && !t.starts_with(|c: char| c.is_ascii_digit() || c == '(');
                if let Some(dutch) = t.strip_prefix("####") {
                    (title, title_line) = (dutch.trim().to_owned(), Some(j));
                } else if case.starts_with("eu-") && short && !t.ends_with(['.', ':', ';', ',']) {
                    (title, title_line) = (t.to_owned(), Some(j));
                }
            }
        }
        out.push(Heading {
            line: i,
            number: c[1].to_owned(),
            title,
            title_line,
        });
    }
    Some(out)
}

/// A heading style: the lines one article heading becomes, from its number and title.
type Style = fn(&str, &str) -> Vec<String>;

/// Heading styles of real legislation (`headings-in-the-wild.md` of the corpus's reference
/// notes), each with whether it is Markdown. A plain style strips the `#` of every other
/// heading too, as a plain-text export does.
const STYLES: [(&str, bool, Style); 6] = [
    ("Article N - Title", false, |n, t| {
        vec![format!("Article {n} - {t}")]
    }),
    ("Artículo N Title.", false, |n, t| {
        let t = t.trim_end_matches('.');
        vec![if t.is_empty() {
            format!("Artículo {n}")
        } else {
            format!("Artículo {n} {t}.")
        }]
    }),
    ("ARTICLE N / TITLE", false, |n, t| {
        vec![format!("ARTICLE {n}"), String::new(), t.to_uppercase()]
    }),
    ("Art. N. Title", false, |n, t| {
        vec![format!("Art. {n}. {t}")]
    }),
    ("## Article N / **Title**", true, |n, t| {
        vec![format!("## Article {n}"), String::new(), format!("**{t}**")]
    }),
    ("### Artikel  N  / ####Title", true, |n, t| {
        vec![format!("### Artikel  {n}  "), format!("####{t}")]
    }),
];

fn restyle(text: &str, headings: &[Heading], style: Style, markdown: bool) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut next = headings.iter().peekable();
    let dropped: BTreeSet<usize> = headings.iter().filter_map(|h| h.title_line).collect();
    for (i, line) in lines.iter().enumerate() {
        if dropped.contains(&i) {
            continue;
        }
        match next.peek() {
            Some(h) if h.line == i => {
                out.extend(style(&h.number, &h.title));
                next.next();
            }
            _ if markdown => out.push(line.to_string()),
            _ => out.push(line.trim_start_matches('#').trim_start().to_owned()),
        }
    }
    out.join("\n") + "\n"
}

/// `text` as a PDF copy gives it: wrapped at 88 columns, a page break every 58 lines with
/// the Official Journal's header of four lines (`journal`) or a page number.
fn pdf_copy(text: &str, journal: bool) -> String {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > 88 {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    let mut out = String::new();
    for (k, chunk) in lines.chunks(58).enumerate() {
        if k > 0 {
            let page = k + 1;
            out.push_str(&if journal {
                let (date, place) = ("29.6.2013".to_owned(), format!("L 180/{page}"));
                let (first, last) = if page % 2 == 1 {
                    (date, place)
                } else {
                    (place, date)
                };
                format!("\x0c{first}\n\nEN\n\nOfficial Journal of the European Union\n\n{last}\n\n")
            } else {
                format!("\n{page}\n\x0c")
            });
        }
        for line in chunk {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn diff_of(old: &Path, new: &Path) -> Value {
    let out = common::draftdiff()
        .arg("diff")
        .arg(old)
        .arg(new)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}: {}",
        old.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Held-out texts come in every heading style of the wild: each case, its article headings
/// rewritten in another style (and its lines ended CRLF), aligns exactly as it does as
/// published. A style the reader misreads loses articles or titles and changes links.
#[test]
fn every_case_aligns_the_same_in_other_heading_styles() {
    let dir = tempfile::tempdir().unwrap();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let jobs: Vec<_> = cases()
            .into_iter()
            .map(|case| {
                let dir = dir.path();
                scope.spawn(move || restyled_failures(&case, dir))
            })
            .collect();
        jobs.into_iter().flat_map(|j| j.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn restyled_failures(case: &Path, dir: &Path) -> Vec<String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let (old, new) = (version(case, "old"), version(case, "new"));
    let published = predicted(&diff_of(&old, &new));
    let texts = [&old, &new].map(|p| std::fs::read_to_string(p).unwrap());
    let mut variants: Vec<(String, [String; 2], &str)> = vec![(
        "CRLF line ends".into(),
        texts.clone().map(|t| t.replace('\n', "\r\n")),
        old.extension().unwrap().to_str().unwrap(),
    )];
    let markdown_source = old.extension().is_some_and(|e| e == "md");
    if !markdown_source {
        let journal = name.starts_with("eu-");
        variants.push((
            "PDF copy".into(),
            texts.clone().map(|t| pdf_copy(&t, journal)),
            "txt",
        ));
    }
    for (label, markdown, style) in STYLES {
        if markdown && !markdown_source {
            continue;
        }
        let restyled = texts.clone().map(|t| {
            let lines: Vec<&str> = t.lines().collect();
            article_headings(&name, &lines).map(|h| restyle(&t, &h, style, markdown))
        });
        if let [Some(o), Some(n)] = restyled {
            let ext = if markdown { "md" } else { "txt" };
            variants.push((label.into(), [o, n], ext));
        }
    }
    let mut failures = Vec::new();
    for (k, (label, [o, n], ext)) in variants.into_iter().enumerate() {
        let at = dir.join(format!("{name}-{k}"));
        std::fs::create_dir_all(&at).unwrap();
        let (po, pn) = (at.join(format!("old.{ext}")), at.join(format!("new.{ext}")));
        std::fs::write(&po, o).unwrap();
        std::fs::write(&pn, n).unwrap();
        let links = predicted(&diff_of(&po, &pn));
        if links != published {
            let lost: Vec<_> = published.difference(&links).take(5).collect();
            let gained: Vec<_> = links.difference(&published).take(5).collect();
            failures.push(format!(
                "{name} in style {label:?}: links lost {lost:?}, gained {gained:?}"
            ));
        }
    }
    failures
}
