//! Citations of articles inside article text ("in accordance with article 7"): where they
//! are and which numbers they cite.
//!
//! Used by `validate` (dangling references), by severity classification (a change that
//! only renumbers references is editorial) and by `compare` (citations a renumbering left
//! at an old number).

use std::ops::Range;
use std::sync::LazyLock;

/// One article number cited in a text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    pub number: String,
    pub range: Range<usize>,
}

/// Every article number cited as `article N`, `articles N and M`, `articles N to M`,
/// `Art. N`, skipping citations of other instruments (`article 1 of the 1951 Convention`).
pub fn references(text: &str) -> Vec<Reference> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = next_keyword(&lower, from) {
        let (start, end) = found;
        from = end;
        if start > 0 && lower.as_bytes()[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let mut cited = Vec::new();
        let mut pos = end;
        loop {
            let rest = &text[pos..];
            let trimmed = rest.trim_start();
            pos += rest.len() - trimmed.len();
            let n = number_len(trimmed);
            if n == 0 {
                break;
            }
            cited.push(Reference {
                number: trimmed[..n].to_owned(),
                range: pos..pos + n,
            });
            pos += n;
            // Skip a paragraph pointer such as `(2)` or `(2)(b)`.
            while text[pos..].starts_with('(') {
                match text[pos..].find(')') {
                    Some(close) if close < 8 => pos += close + 1,
                    _ => break,
                }
            }
            let after = lower[pos..].trim_start();
            let skipped = lower.len() - pos - after.len();
            let joiner = [", ", "and ", "or ", "to ", "- ", "– "]
                .iter()
                .find(|j| after.starts_with(**j) || after.starts_with(j.trim_end()));
            match joiner {
                Some(j)
                    if after
                        .get(j.len()..)
                        .is_some_and(|rest| number_len(rest.trim_start()) > 0) =>
                {
                    pos += skipped + j.len();
                }
                Some(j) if j.trim_end() == "," => {
                    pos += skipped + 1;
                    let a = lower[pos..].trim_start();
                    if a.starts_with("and ") || a.starts_with("or ") {
                        pos += lower[pos..].len() - a.len() + a.find(' ').unwrap_or(0);
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        from = from.max(pos);
        if !cites_other_instrument(&lower[pos.min(lower.len())..]) {
            out.extend(cited);
        }
    }
    out
}

/// The next `articles `, `article ` or `art. ` at or after `from`, as a byte range. All
/// three start with `art`, and no two can start at the same place, so one scan for `art`
/// finds the first of them (searching for each keyword to the end of the text instead
/// made long texts with many citations quadratic).
///
/// The scan is memchr's `memmem`, with its searcher built once: `str::find` set up a new
/// searcher at every `art`, 2 % of the instructions of `diff 1.0 3.0`. `art` cannot
/// overlap itself, so its non-overlapping matches are all of them.
fn next_keyword(lower: &str, from: usize) -> Option<(usize, usize)> {
    static ART: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("art"));
    ART.find_iter(&lower.as_bytes()[from..]).find_map(|i| {
        let start = from + i;
        let rest = &lower[start..];
        ["articles ", "article ", "art. "]
            .iter()
            .find(|k| rest.starts_with(**k))
            .map(|k| (start, start + k.len()))
    })
}

/// Length of an article number at the start of `s`: digits, then an optional letter
/// suffix (`12a`, `12bis`), never running into a following word.
fn number_len(s: &str) -> usize {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return 0;
    }
    let rest = &s[digits..];
    for suffix in ["bis", "ter", "quater", "quinquies", "sexies"] {
        let head = rest.as_bytes().get(..suffix.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(suffix.as_bytes()))
            && !continues_word(&rest[suffix.len()..])
        {
            return digits + suffix.len();
        }
    }
    let letter = rest.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    if letter && !continues_word(&rest[1..]) {
        return digits + 1;
    }
    if continues_word(rest) {
        return 0;
    }
    digits
}

fn continues_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

fn cites_other_instrument(after: &str) -> bool {
    let after = after.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    after.starts_with("of the ") && !after.starts_with("of the present")
        || after.starts_with("of that ")
        || after.starts_with("of its ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        references(text).into_iter().map(|r| r.number).collect()
    }

    #[test]
    fn finds_single_and_listed_references() {
        assert_eq!(numbers("as set out in article 7, States"), ["7"]);
        assert_eq!(numbers("under articles 12 and 13bis"), ["12", "13bis"]);
        assert_eq!(numbers("Articles 3, 4 and 5 apply"), ["3", "4", "5"]);
        assert_eq!(numbers("see Art. 9(2)(b) and article 10a."), ["9", "10a"]);
        assert_eq!(numbers("articles 20 to 24"), ["20", "24"]);
    }

    #[test]
    fn ignores_other_instruments_and_non_numbers() {
        assert!(numbers("article 33 of the 1951 Convention").is_empty());
        assert!(numbers("this article applies").is_empty());
        assert!(numbers("particle 5").is_empty());
        assert!(numbers("article 12 of this Convention").len() == 1);
    }

    #[test]
    fn a_joiner_before_a_non_ascii_letter_is_no_panic() {
        assert_eq!(numbers("article 7,é"), ["7"]);
        assert_eq!(numbers("articles 7–é"), ["7"]);
    }

    #[test]
    fn ranges_point_at_the_number() {
        let text = "see article 42.";
        let r = &references(text)[0];
        assert_eq!(&text[r.range.clone()], "42");
    }

    proptest::proptest! {
        #[test]
        fn the_next_keyword_is_the_first_of_the_three(
            text in "(art|article|articles|icle|s| |\\.|é|5)*", from in 0usize..40,
        ) {
            let from = from.min(text.len());
            proptest::prop_assume!(text.is_char_boundary(from));
            let naive = ["articles ", "article ", "art. "]
                .iter()
                .filter_map(|k| text[from..].find(k).map(|i| (from + i, from + i + k.len())))
                .min_by_key(|(s, e)| (*s, std::cmp::Reverse(*e)));
            proptest::prop_assert_eq!(next_keyword(&text, from), naive);
        }
    }
}
