//! Headings that are a number and no keyword: the Dutch export of decrees and regulations
//! writes `###1.1 `, `### 1.1.1  `, `###(1.)` and `###*1.2. De begrippen *` (about 30,000
//! such headings in `headings-in-the-wild.md`). Only styled headings (Markdown `#`,
//! underlined text, Word heading styles) are read so, and only in a document with no
//! article headings but these, or plain lines numbered `1.`, `2.` (their paragraphs).
//!
//! Every such heading is an article numbered as written (`1.1`), except one followed by a
//! deeper number it opens, with no text between them (`### 1` then `### 1.1`): that one is
//! the chapter of the articles under it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::super::headings::{Heading, Keyword};
use super::super::{Line, Style};
use super::unemphasised;

/// A number of one to four levels, bracketed or not, with an optional full stop, then at
/// most a title: `1.1`, `(1.)`, `2.3. Begrippen`.
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<open>\()?(?P<n>\d{1,3}(?:\.\d{1,3}){0,3})\.?(?P<close>\))?(?:\s+(?P<title>\D.{0,120}?))?\.?$",
    )
    .expect("the bare-number pattern is a valid regex")
});

/// Fewer headings than this are no evidence of a numbering.
const MIN_HEADINGS: usize = 2;

/// The article (and chapter) headings of a document whose styled headings are bare
/// numbers counting up, by line index; `None` when there are too few or they do not count
/// up in document order.
pub(super) fn headings(lines: &[Line]) -> Option<HashMap<usize, Heading>> {
    let mut found: Vec<(usize, Vec<u32>, String, String)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !matches!(line.style, Style::Heading(_)) {
            continue;
        }
        let text = unemphasised(&line.text);
        let Some(c) = BARE.captures(text.trim()) else {
            continue;
        };
        if c.name("open").is_some() != c.name("close").is_some() {
            continue;
        }
        let number = c["n"].to_owned();
        let Ok(parts) = number
            .split('.')
            .map(str::parse)
            .collect::<Result<Vec<u32>, _>>()
        else {
            continue;
        };
        let title = c.name("title").map_or("", |t| t.as_str()).trim().to_owned();
        found.push((i, parts, number, title));
    }
    let counts_up = found.windows(2).all(|w| w[0].1 < w[1].1);
    if found.len() < MIN_HEADINGS || !counts_up {
        return None;
    }
    let opens = |k: usize| {
        found.get(k + 1).is_some_and(|next| {
            let (i, parts) = (found[k].0, &found[k].1);
            next.1.len() > parts.len()
                && next.1.starts_with(parts)
                && lines[i + 1..next.0].iter().all(Line::is_blank)
        })
    };
    let headings: HashMap<usize, Heading> = (0..found.len())
        .map(|k| {
            let (i, _, number, title) = &found[k];
            let keyword = if opens(k) {
                Keyword::Chapter
            } else {
                Keyword::Article
            };
            (
                *i,
                Heading::bare(keyword, number.clone(), title.clone(), None),
            )
        })
        .collect();
    headings
        .values()
        .any(|h| h.keyword == Keyword::Article)
        .then_some(headings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Vec<(Keyword, String, String)>> {
        // Markdown's `#` headings, as the text reader styles them.
        let lines: Vec<Line> = crate::load::document::test_lines(text, false)
            .into_iter()
            .map(|mut l| {
                let hashes = l.text.bytes().take_while(|&b| b == b'#').count();
                if hashes > 0 {
                    l.style = Style::Heading(hashes as u8);
                    l.text = l.text[hashes..].trim().to_owned();
                }
                l
            })
            .collect();
        let found = headings(&lines)?;
        let mut at: Vec<usize> = found.keys().copied().collect();
        at.sort_unstable();
        Some(
            at.iter()
                .map(|i| {
                    let h = &found[i];
                    (h.keyword, h.number.clone(), h.title.clone())
                })
                .collect(),
        )
    }

    #[test]
    fn bare_numbered_headings_are_articles_and_their_openers_chapters() {
        let got = read(
            "# Besluit\n\n### 1\n\n###1.1 \n\nTekst.\n\n###*1.2. De begrippen *\n\nTekst.\n\n### 2 Slot\n\nTekst.\n",
        );
        assert_eq!(
            got,
            Some(vec![
                (Keyword::Chapter, "1".into(), String::new()),
                (Keyword::Article, "1.1".into(), String::new()),
                (Keyword::Article, "1.2".into(), "De begrippen".into()),
                (Keyword::Article, "2".into(), "Slot".into()),
            ])
        );
        let got = read("# Regeling\n\n###(1.)\n\nEen.\n\n###(2.)\n\nTwee.\n");
        assert_eq!(
            got.map(|v| v.into_iter().map(|(_, n, _)| n).collect::<Vec<_>>()),
            Some(vec!["1".to_owned(), "2".to_owned()])
        );
    }

    #[test]
    fn numbers_that_do_not_count_up_or_body_lines_are_no_headings() {
        assert_eq!(read("# A\n\n### 2\n\nTekst.\n\n### 1\n\nTekst.\n"), None);
        assert_eq!(read("# A\n\n1.1 Tekst.\n\n1.2 Tekst.\n"), None);
        assert_eq!(
            read("# A\n\n### 2020\n\nTekst.\n\n### 2021\n\nTekst.\n"),
            None
        );
    }
}
