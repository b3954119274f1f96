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

/// One to three words, a number (in any script's digits, perhaps in brackets, after `№`,
/// or glued to the word), perhaps an ordinal ending (`1aad`, `1º`), and then one word
/// (`Sariya 2 nan`) or a title after a separator: `Erthygl 1`, `Pasal 2.`, `Madde 3 –
/// Amaç`, `Kifungu cha 4.`, `Doka ta 5:-`, `المادة (6)`, `BAB : 7`, `دفعہ ۸۔`, `條9：`.
/// Joiners (U+200C, U+200D) are part of a word in the Indic scripts (`വകുപ്പ്‌ 1.`).
static KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<word>['’]?\p{L}[\p{L}\p{M}\x{200C}\x{200D}'’-]{0,20}(?:\s+\p{L}[\p{L}\p{M}\x{200C}\x{200D}'’-]{0,20}){0,2})(?:\s*[.:,]\s*|\s+|[-‐]?)(?:№\s*)?\(?(?P<n>\d{1,3})\)?(?:[-‐]?\p{L}{1,4}\b|[ºª°])?(?:\s+(?P<after>\p{L}[\p{L}\p{M}'’]{0,12})\.?|\s*[.:：۔]?[-–—]?\s*(?:[-–—:.]\s*(?P<title>\S.{0,80}))?)$")
        .expect("the keyed-heading pattern is a valid regex")
});

/// The number first, perhaps with an ordinal ending, then one word: `1 бап`, `2‐modda`,
/// `3 статья.`, `4‐чи тизим`, `5-nci madde`.
static NUMBER_KEYED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>\d{1,3})(?:(?:\s*[-‐]\s*\p{L}{1,4}|\p{L}{1,5})\.?\s+)?\.?\s*[-‐]?\s*(?P<word>\p{L}[\p{L}\p{M}\x{200C}\x{200D}'’-]{1,20})\s*[.:]?$")
        .expect("the number-first heading pattern is a valid regex")
});

/// A few words and the number in brackets at the end: the heading numbered in words with
/// the figure beside it (`Mellad unan (1)`, `Mataki na biyu (2)`), whose words differ from
/// heading to heading, so only the bracketed figure makes the run.
static BRACKETED_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{L}[\p{L}\p{M}\x{200C}\x{200D}'’: -]{0,80}?\.?\s*\((?P<n>\d{1,3})\)\.?$")
        .expect("the bracketed-number pattern is a valid regex")
});

/// The form of a heading whose words change with its number (`… (#)`).
const WORDS_THEN_NUMBER: &str = "… (#)";

/// At most this many words in a heading numbered in words.
const MAX_WORDS: usize = 8;

/// A keyword as first written (with `#` where the number stands), and its headings so
/// far: (line, number, title).
type Run = (String, Vec<(usize, u32, String)>);

/// Fewer headings than this in a run are no evidence of a keyword.
const MIN_RUN: usize = 3;

/// Numbers a run may skip between two headings: an article repealed without a trace, or
/// a heading mistyped, costs one article its heading, not the rest of the document theirs.
const MAX_SKIPPED: u32 = 2;

/// The forms a line could be a heading of, each with its number and title.
fn readings(text: &str) -> Vec<(String, u32, String)> {
    let mut found = Vec::new();
    let mut read = |form: String, n: &str, title: &str| {
        if let Ok(n) = ascii_digits(n).parse::<u32>() {
            found.push((form, n, title.trim().trim_end_matches('.').to_owned()));
        }
    };
    if let Some(c) = KEYED.captures(text) {
        // A word after the number is an ordinal particle (`Sariya 2 nan`) or a title
        // (`Madde 3 Amaç`): the title either way, and no part of the form.
        let title = c
            .name("title")
            .or(c.name("after"))
            .map_or("", |t| t.as_str());
        let form = format!("{} #", collapse(&c["word"]).trim_end_matches(['-', '‐']));
        read(form, &c["n"], title);
    } else if let Some(c) = NUMBER_KEYED.captures(text) {
        read(format!("# {}", &c["word"]), &c["n"], "");
    }
    if let Some(c) = BRACKETED_LAST.captures(text) {
        if text.split_whitespace().count() <= MAX_WORDS {
            read(WORDS_THEN_NUMBER.to_owned(), &c["n"], "");
        }
    }
    found
}

/// The inferred heading form (`Erthygl #`, `# бап`) and its article headings by line
/// index, or `None`.
pub(super) fn headings(lines: &[Line], width: usize) -> Option<(String, HashMap<usize, Heading>)> {
    // Per keyword (lower-cased) and first number, the lines numbered on from it in
    // document order. A run may open at 2 when its first heading is numbered in words
    // (`Tonte fana`, then `Tonte 2`); that heading is looked for once the run is chosen.
    let mut runs: HashMap<(String, u32), Run> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if !heading_place(lines, i, width) {
            continue;
        }
        let text = unemphasised(&line.text);
        for (form, n, title) in readings(text.trim()) {
            for first in [1, 2] {
                let (_, run) = runs
                    .entry((form.to_lowercase(), first))
                    .or_insert_with(|| (form.clone(), Vec::new()));
                let accepted = match run.last() {
                    None => n == first,
                    Some(&(_, last, _)) => (last + 1..=last + 1 + MAX_SKIPPED).contains(&n),
                };
                if accepted {
                    run.push((i, n, title.clone()));
                }
            }
        }
    }
    let (word, run) = runs
        .into_iter()
        .filter_map(|((_, first), (word, mut run))| {
            if first == 2 {
                let opening = worded_first(lines, width, &word, run.first()?.0)?;
                run.insert(0, (opening, 1, String::new()));
            }
            (run.len() >= MIN_RUN).then_some((first, word, run))
        })
        // The longest run; of equal ones, the one read from its first heading, in a form
        // with a keyword; then the first form in order, so the choice never depends on
        // the map's order.
        .max_by_key(|(first, word, run)| {
            (
                run.len(),
                std::cmp::Reverse(*first),
                word != WORDS_THEN_NUMBER,
                std::cmp::Reverse(word.clone()),
            )
        })
        .map(|(_, word, run)| (word, run))?;
    let run = continued(lines, width, run);
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

/// The run carried on past its last heading by lines that open with the same word and
/// number on, in another form: a translation that numbers its first articles in words
/// and brackets (`SARTI ARANO (1)`) and the later ones in figures (`SARTI 7`), or that
/// glues the ordinal ending on from some heading (`Qodobka 2 aad`, `Qodobka 29aad`).
fn continued(
    lines: &[Line],
    width: usize,
    mut run: Vec<(usize, u32, String)>,
) -> Vec<(usize, u32, String)> {
    let first_word = |i: usize| {
        let text = unemphasised(&lines[i].text);
        text.split_whitespace()
            .next()
            .filter(|w| !w.starts_with(|c: char| c.is_numeric()))
            .map(str::to_lowercase)
    };
    let Some(&(last, _, _)) = run.last() else {
        return run;
    };
    let Some(word) = first_word(last) else {
        return run;
    };
    for i in last + 1..lines.len() {
        if !heading_place(lines, i, width) || first_word(i).as_deref() != Some(word.as_str()) {
            continue;
        }
        let next = run.last().map_or(1, |&(_, n, _)| n + 1);
        let text = unemphasised(&lines[i].text);
        let reading = readings(text.trim())
            .into_iter()
            .find(|&(_, n, _)| (next..=next + MAX_SKIPPED).contains(&n));
        if let Some((_, n, title)) = reading {
            run.push((i, n, title));
        }
    }
    run
}

/// The last article of a run holds this many times the median article's lines, and at
/// least [`LONG_LAST_LINES`], before a warning says so.
const LONG_LAST: usize = 4;
const LONG_LAST_LINES: usize = 12;

/// A warning when the last heading of a run holds much more than the articles before it:
/// the run stopped early, and the headings after it, in a form not read as one (`Qodobka
/// 11 naad` after `Qodobka 7 baad`), are text of the last article.
pub(super) fn long_last(lines: &[Line], headings: &HashMap<usize, Heading>) -> Option<String> {
    let mut at: Vec<usize> = headings.keys().copied().collect();
    at.sort_unstable();
    let filled =
        |from: usize, to: usize| lines[from + 1..to].iter().filter(|l| !l.is_blank()).count();
    let mut spans: Vec<usize> = at.windows(2).map(|w| filled(w[0], w[1])).collect();
    let &last = at.last()?;
    let tail = filled(last, lines.len());
    if spans.len() < 2 {
        return None;
    }
    spans.sort_unstable();
    let median = spans[spans.len() / 2].max(1);
    (tail >= LONG_LAST_LINES && tail >= LONG_LAST * median).then(|| {
        format!(
            "the last of them, article {} at line {}, runs on for {tail} lines where an article has {median}: headings after it may be in a form not read as one (see `draftdiff show FILE --explain`)",
            headings[&last].number, lines[last].at
        )
    })
}

/// Whether line `i` stands where a heading can: on its own, or styled as a heading.
fn heading_place(lines: &[Line], i: usize, width: usize) -> bool {
    let line = &lines[i];
    if line.is_blank() || line.style == Style::Title {
        return false;
    }
    matches!(line.style, Style::Heading(_)) || boundary_before(lines, i, width)
}

/// The line of the first heading of a run that opens at 2, when the keyword heads it with
/// the number in words (`Tonte fana`, `Articulu Prima`, `ETENI YA yambo (1)`): the last
/// heading-placed line before the run that is the keyword and one to three words more.
fn worded_first(lines: &[Line], width: usize, form: &str, before: usize) -> Option<usize> {
    let keyword = form.split('#').next()?.trim().to_lowercase();
    if keyword.is_empty() || form == WORDS_THEN_NUMBER {
        return None;
    }
    (0..before).rev().find(|&i| {
        if !heading_place(lines, i, width) {
            return false;
        }
        let text = unemphasised(&lines[i].text).trim().to_lowercase();
        let Some(rest) = text.strip_prefix(&keyword) else {
            return false;
        };
        let words = rest.split_whitespace().count();
        rest.starts_with(char::is_whitespace)
            && (1..=3).contains(&words)
            && rest.chars().filter(char::is_ascii_digit).all(|d| d == '1')
    })
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

    fn numbers(text: &str) -> Option<(String, Vec<String>)> {
        read(text).map(|(form, found)| (form, found.into_iter().map(|(n, _)| n).collect()))
    }

    fn one_two_three(headings: [&str; 3]) -> String {
        headings
            .iter()
            .map(|h| format!("{h}\n\nText.\n\n"))
            .collect()
    }

    #[test]
    fn ordinal_endings_joiners_and_glued_numbers_are_the_same_keyword() {
        for (headings, form) in [
            (
                ["Qodobka 1aad", "Qodobka 2aad", "Qodobka 3aad"],
                "Qodobka #",
            ),
            (
                ["SHIMBI YA 1º", "SHIMBI YA 2º", "SHIMBI YA 3º"],
                "SHIMBI YA #",
            ),
            (["1‐кы тизим", "2‐чи тизим", "3‐чы тизим"], "# тизим"),
            (["1-nci madde", "2 -nci madde", "3-nci madde"], "# madde"),
            (
                ["വകുപ്പ്\u{200C} 1.", "വകുപ്പ്\u{200C} 2.", "വകുപ്പ്\u{200C} 3."],
                "വകുപ്പ്\u{200C} #",
            ),
            (["條1：", "條2：", "條3："], "條 #"),
            (["Boel-1.", "Boel-2.", "Boel-3."], "Boel #"),
            (["Dit 1 tiaof", "Dit 2 tiaof", "Dit 3 tiaof"], "Dit #"),
        ] {
            let text = one_two_three(headings);
            assert_eq!(
                numbers(&text),
                Some((form.to_owned(), vec!["1".into(), "2".into(), "3".into()])),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_word_after_the_number_is_the_title_not_the_form() {
        let got = read(&one_two_three([
            "Madde 1 Amaç",
            "Madde 2",
            "Madde 3 – Tanımlar",
        ]));
        assert_eq!(
            got,
            Some((
                "Madde #".to_owned(),
                vec![
                    ("1".into(), "Amaç".into()),
                    ("2".into(), String::new()),
                    ("3".into(), "Tanımlar".into())
                ]
            ))
        );
    }

    #[test]
    fn headings_numbered_in_words_count_by_the_figure_in_brackets() {
        let text = one_two_three(["Mellad unan (1)", "Mellad daou (2)", "Mellad tri (3)"]);
        assert_eq!(
            numbers(&text),
            Some(("… (#)".to_owned(), vec!["1".into(), "2".into(), "3".into()]))
        );
        // From some heading on, the figures alone: the same run.
        let text = one_two_three([
            "SARTI ARANO (1)",
            "SARTI DHIDHABHO (2)",
            "SARTI TATABHO (3)",
        ]) + "SARTI 4\n\nText.\n\nSARTI 5\n\nText.\n";
        assert_eq!(
            numbers(&text).map(|(_, n)| n),
            Some(
                vec!["1", "2", "3", "4", "5"]
                    .into_iter()
                    .map(String::from)
                    .collect()
            )
        );
    }

    #[test]
    fn a_first_heading_numbered_in_words_opens_the_run_in_figures() {
        let text = "Preamble text.\n\nTonte fana\n\nA.\n\nTonte 2\n\nB.\n\nTonte 3\n\nC.\n";
        assert_eq!(
            numbers(text),
            Some((
                "Tonte #".to_owned(),
                vec!["1".into(), "2".into(), "3".into()]
            ))
        );
        // Without such a heading, a run from 2 is no run.
        assert_eq!(
            numbers("Tonte 2\n\nB.\n\nTonte 3\n\nC.\n\nTonte 4\n\nD.\n"),
            None
        );
        // A stray line numbered 2 before the real run does not hide it.
        assert_eq!(
            numbers(
                "See Tonte 2.\n\nTonte 2\n\nx\n\nTonte 1\n\nA.\n\nTonte 2\n\nB.\n\nTonte 3\n\nC.\n"
            )
            .map(|(_, n)| n),
            Some(vec!["1".into(), "2".into(), "3".into()])
        );
    }

    #[test]
    fn a_run_that_stops_early_is_reported() {
        let mut text = one_two_three(["Pasal 1", "Pasal 2", "Pasal 3"]);
        for n in 4..12 {
            text += &format!("Psl {n}\n\nText.\n\n");
        }
        let lines = doc(&text);
        let (_, found) = headings(&lines, 80).expect("a run");
        let warning = long_last(&lines, &found).expect("a warning");
        assert!(
            warning.starts_with("the last of them, article 3 at line 9"),
            "{warning}"
        );
        // A run read to the end says nothing.
        let lines = doc(&one_two_three(["Pasal 1", "Pasal 2", "Pasal 3"]));
        let (_, found) = headings(&lines, 80).expect("a run");
        assert_eq!(long_last(&lines, &found), None);
    }
}
