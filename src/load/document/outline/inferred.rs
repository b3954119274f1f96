//! The article keyword of a language the grammar does not know, read off the document:
//! the words that head a run of standalone lines numbered 1, 2, 3 … (`Erthygl 1`,
//! `Pasal 2`, `Kifungu cha 3.`, `المادة (4)`, `अनुच्छेद ५`), or that follow the number
//! (`1 бап`, `2-modda`). Only a document that would otherwise be refused for having no
//! article headings is read this way, so no document the grammar reads changes.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::super::headings::{ascii_digits, collapse, Heading, Keyword};
use super::super::{Line, Style};
use super::{boundary_before, unemphasised};

/// One to three words, a number (in any script's digits, perhaps in brackets or after
/// `№`), and at most a title after a separator: `Erthygl 1`, `Pasal 2.`, `Madde 3 –
/// Amaç`, `Kifungu cha 4.`, `Doka ta 5:-`, `المادة (6)`, `BAB : 7`, `دفعہ ۸۔`.
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<word>\p{L}[\p{L}\p{M}'’-]{1,20}(?:\s+\p{L}[\p{L}\p{M}'’-]{0,20}){0,2})(?:\s*[.:]\s*|\s+)(?:№\s*)?\(?(?P<n>\d{1,3})\)?\s*[.:：۔]?[-–—]?\s*(?:[-–—:.]\s*(?P<title>\S.{0,80}))?$")
        .expect("the keyed-heading pattern is a valid regex")
});

/// The number first, then one word: `1 бап`, `2‐modda`, `3 статья.`.
static NUMBER_KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>\d{1,3})\.?\s*[-‐]?\s*(?P<word>\p{L}[\p{L}\p{M}'’-]{1,20})\.?$")
        .expect("the number-first heading pattern is a valid regex")
});

/// A keyword as first written (with `#` where the number stands), and its headings so
/// far: (line, number, title).
type Run = (String, Vec<(usize, u32, String)>);

/// Fewer headings than this in a run are no evidence of a keyword.
const MIN_RUN: usize = 3;

/// Numbers a run may skip between two headings: an article repealed without a trace, or
/// a heading mistyped, costs one article its heading, not the rest of the document theirs.
const MAX_SKIPPED: u32 = 2;

/// The inferred heading form (`Erthygl #`, `# бап`) and its article headings by line
/// index, or `None`.
pub(super) fn headings(lines: &[Line], width: usize) -> Option<(String, HashMap<usize, Heading>)> {
    // Per keyword (lower-cased), the lines numbered 1, 2, 3 … in document order.
    let mut runs: HashMap<String, Run> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.style == Style::Title {
            continue;
        }
        let styled = matches!(line.style, Style::Heading(_));
        if !styled && !boundary_before(lines, i, width) {
            continue;
        }
        let text = unemphasised(&line.text);
        let text = text.trim();
        let (form, c) = match KEYED.captures(text) {
            Some(c) => (format!("{} #", collapse(&c["word"])), c),
            None => match NUMBER_KEYED.captures(text) {
                Some(c) => (format!("# {}", &c["word"]), c),
                None => continue,
            },
        };
        let Ok(n) = ascii_digits(&c["n"]).parse::<u32>() else {
            continue;
        };
        let (_, run) = runs
            .entry(form.to_lowercase())
            .or_insert_with(|| (form.clone(), Vec::new()));
        let next = run.last().map_or(1, |&(_, last, _)| last + 1);
        let skipped = if run.is_empty() { 0 } else { MAX_SKIPPED };
        if (next..=next + skipped).contains(&n) {
            let title = c.name("title").map_or("", |t| t.as_str()).trim();
            run.push((i, n, title.trim_end_matches('.').to_owned()));
        }
    }
    let (word, run) = runs
        .into_values()
        .filter(|(_, run)| run.len() >= MIN_RUN)
        .max_by_key(|(word, run)| (run.len(), std::cmp::Reverse(word.clone())))?;
    let headings = run
        .into_iter()
        .map(|(i, n, title)| {
            (
                i,
                Heading::bare(Keyword::Article, n.to_string(), title, None),
            )
        })
        .collect();
    Some((word, headings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Vec<Line> {
        crate::load::document::test_lines(text, true)
    }

    fn read(text: &str) -> Option<(String, Vec<(String, String)>)> {
        let lines = doc(text);
        let (word, found) = headings(&lines, 80)?;
        let mut at: Vec<usize> = found.keys().copied().collect();
        at.sort_unstable();
        Some((
            word,
            at.iter()
                .map(|i| (found[i].number.clone(), found[i].title.clone()))
                .collect(),
        ))
    }

    #[test]
    fn the_word_that_numbers_a_run_of_headings_is_the_keyword() {
        let got = read(
            "Rhagymadrodd.\n\nErthygl 1\n\nTestun un.\n\nErthygl 2 – Cydraddoldeb\n\nTestun dau, gweler Erthygl 7.\n\nErthygl 3.\n\nTestun tri.\n",
        );
        assert_eq!(
            got,
            Some((
                "Erthygl #".to_owned(),
                vec![
                    ("1".into(), String::new()),
                    ("2".into(), "Cydraddoldeb".into()),
                    ("3".into(), String::new())
                ]
            ))
        );
    }

    #[test]
    fn several_words_other_digits_brackets_or_the_number_first_are_keywords_too() {
        let arabic = ["1", "2", "3"];
        for (heading, form, digits) in [
            ("Kifungu cha #.", "Kifungu cha #", arabic),
            ("Doka ta #:-", "Doka ta #", arabic),
            ("अनुच्छेद #.", "अनुच्छेद #", ["१", "२", "३"]),
            ("المادة (#)", "المادة #", arabic),
            ("# бап", "# бап", arabic),
        ] {
            let text: String = digits
                .iter()
                .map(|n| format!("{}\n\nText.\n\n", heading.replace('#', n)))
                .collect();
            let (got, found) = read(&text).unwrap_or_else(|| panic!("no keyword in {text:?}"));
            let numbers: Vec<String> = found.into_iter().map(|(n, _)| n).collect();
            assert_eq!(
                (got.as_str(), numbers),
                (form, vec!["1".into(), "2".into(), "3".into()])
            );
        }
    }

    #[test]
    fn a_missing_heading_costs_one_article_not_the_rest() {
        let numbers = |text: &str| {
            read(text).map(|(_, found)| found.into_iter().map(|(n, _)| n).collect::<Vec<_>>())
        };
        assert_eq!(
            numbers("Pasal 1\n\nA.\n\nPasal 2\n\nB.\n\nPsal 3\n\nC.\n\nPasal 4\n\nD.\n\nPasal 5\n\nE.\n"),
            Some(vec!["1".into(), "2".into(), "4".into(), "5".into()])
        );
        // Too far a jump is a number in the text, not the next heading.
        assert_eq!(
            numbers("Pasal 1\n\nA.\n\nPasal 2\n\nB.\n\nPasal 3\n\nC.\n\nPasal 9\n\nD.\n"),
            Some(vec!["1".into(), "2".into(), "3".into()])
        );
    }

    #[test]
    fn too_short_a_run_or_a_broken_count_is_no_keyword() {
        assert_eq!(read("Pasal 1\n\nTeks.\n\nPasal 2\n\nTeks.\n"), None);
        // A word inside a wrapped sentence is not a heading, so the count breaks at 2.
        assert_eq!(
            read("Madde 1\n\nMetin.\n\nMadde 2\n\nBu metin uzun bir cümlenin parçasıdır ve satırın sonuna kadar sürüp gider, ta ki\nMadde 3\nokunana dek.\n"),
            None
        );
    }
}
