//! The article keyword of a language the grammar does not know, read off the document:
//! the word that heads a run of standalone lines numbered 1, 2, 3 … (`Erthygl 1`,
//! `Pasal 2`, `Madde 3`). Only a document that would otherwise be refused for having no
//! article headings is read this way, so no document the grammar reads changes.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::super::headings::{Heading, Keyword};
use super::super::{Line, Style};
use super::{boundary_before, unemphasised};

/// A word, a number, and at most a title after a separator: `Erthygl 1`, `Pasal 2.`,
/// `Madde 3 – Amaç`.
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<word>\p{L}[\p{L}\p{M}'’-]{1,20})\.?\s+(?P<n>\d{1,3})\s*[.:]?\s*(?:[-–—:.]\s*(?P<title>\S.{0,80}))?$")
        .expect("the keyed-heading pattern is a valid regex")
});

/// A keyword as first written, and its headings so far: (line, number, title).
type Run = (String, Vec<(usize, u32, String)>);

/// Fewer headings than this in a run are no evidence of a keyword.
const MIN_RUN: usize = 3;

/// The inferred keyword and its article headings by line index, or `None`.
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
        let Some(c) = KEYED.captures(text.trim()) else {
            continue;
        };
        let Ok(n) = c["n"].parse::<u32>() else {
            continue;
        };
        let word = c["word"].to_owned();
        let (_, run) = runs
            .entry(word.to_lowercase())
            .or_insert_with(|| (word.clone(), Vec::new()));
        let expected = run.last().map_or(1, |&(_, last, _)| last + 1);
        if n == expected {
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
                "Erthygl".to_owned(),
                vec![
                    ("1".into(), String::new()),
                    ("2".into(), "Cydraddoldeb".into()),
                    ("3".into(), String::new())
                ]
            ))
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
