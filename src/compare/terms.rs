//! Defined terms whose definition changed (docs/severity.md, "Changed definitions"): a new meaning of
//! "visitor" changes every article that uses the word, though none of their texts moved.
//!
//! A definition is a quoted term followed by `means`, `is`, `includes`, `has the meaning`…
//! and runs to the end of its clause (`;` or the end of the sentence). Definitions are
//! compared with the numbers taken out, so renumbered cross-references inside them do not
//! count as a change.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use rustc_hash::FxHashMap;

use super::Texts;
use crate::change::{Change, Severity};
use crate::model::Draft;

/// How many articles using a term are named before "and N more".
const LISTED: usize = 12;

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    // Plain classes, not `\p{L}`: this runs on every changed article, and Unicode classes
    // cost more to build than the whole MIMC comparison. The term is checked afterwards.
    Regex::new(
        r#"['‘"“](?P<term>[^'‘’"“”\n.;,]{2,60})['’"”]\s+(?:means|shall mean|is|are|includes|has the meaning|have the meanings?|refers to)\b(?P<rest>[^;.]*)"#,
    )
    .expect("the definition pattern is a valid regex")
});

/// What follows a definition's closing quote and spacing, in the order [`DEFINITION`]
/// tries them.
const VERBS: [&str; 9] = [
    "means",
    "shall mean",
    "is",
    "are",
    "includes",
    "has the meaning",
    "have the meanings",
    "have the meaning",
    "refers to",
];

/// The `term` and `rest` groups of every match of [`DEFINITION`] in `text`, found by hand:
/// compiling the pattern cost more than the rest of a small comparison. `None` when the
/// answer depends on whether a non-ASCII character is a word character (the `\b` after
/// the verb); the caller then runs the pattern itself. A property test checks that both
/// agree.
fn definition_spans(text: &str) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    const TERM_STOP: [char; 9] = ['\'', '‘', '’', '"', '“', '”', '\n', '.', ';'];
    let is_term = |c: char| !TERM_STOP.contains(&c) && c != ',';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = next_open_quote(text, from) {
        let term_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        from = term_start;
        // The term: the whole run of term characters (a shorter one would be followed by a
        // term character, not a closing quote), 2 to 60 of them.
        let mut chars = 0;
        let mut term_end = text.len();
        for (i, c) in text[term_start..].char_indices() {
            if !is_term(c) {
                term_end = term_start + i;
                break;
            }
            chars += 1;
        }
        if !(2..=60).contains(&chars) {
            continue;
        }
        let after = &text[term_end..];
        let Some(close) = after
            .chars()
            .next()
            .filter(|c| ['\'', '’', '"', '”'].contains(c))
        else {
            continue;
        };
        let after = &after[close.len_utf8()..];
        let verb_at = after.len() - after.trim_start().len();
        if verb_at == 0 {
            continue;
        }
        let after = &after[verb_at..];
        let mut matched = None;
        for verb in VERBS {
            let Some(next) = after.strip_prefix(verb) else {
                continue;
            };
            match next.chars().next() {
                Some(c) if !c.is_ascii() => return None,
                Some(c) if c.is_ascii_alphanumeric() || c == '_' => continue,
                _ => {
                    matched = Some(verb.len());
                    break;
                }
            }
        }
        let Some(verb_len) = matched else {
            continue;
        };
        let rest_start = text.len() - after.len() + verb_len;
        let rest_end = text[rest_start..]
            .find([';', '.'])
            .map_or(text.len(), |i| rest_start + i);
        out.push((term_start..term_end, rest_start..rest_end));
        from = rest_end;
    }
    Some(out)
}

/// The offset of the next quotation mark that can open a term (`'`, `‘`, `"`, `“`) from
/// `from`: a byte search (memchr) for `'`, `"` and the first byte of `‘` and `“`, many
/// times faster than `find` with a set of characters, which decodes every character.
fn next_open_quote(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(i) = memchr::memchr3(b'\'', b'"', 0xE2, &bytes[at..]) {
        let i = at + i;
        // 0xE2 starts a three-byte character, so `i` is a character boundary.
        if bytes[i] != 0xE2 || text[i..].starts_with(['‘', '“']) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Term (lower case) → (article number, the definition with digits and spacing dropped),
/// from the given articles.
fn definitions<'a>(
    articles: impl Iterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for (number, text) in articles {
        if next_open_quote(text, 0).is_none() {
            continue;
        }
        let found = definition_spans(text).unwrap_or_else(|| {
            DEFINITION
                .captures_iter(text)
                .map(|c| {
                    (
                        c.name("term").unwrap().range(),
                        c.name("rest").unwrap().range(),
                    )
                })
                .collect()
        });
        for (term, rest) in found {
            let (term, rest) = (text[term].trim(), &text[rest]);
            if !term.starts_with(char::is_alphabetic) || !term.ends_with(char::is_alphabetic) {
                continue;
            }
            let meaning: String = rest
                .split_whitespace()
                .map(|w| w.trim_matches(|ch: char| ch.is_ascii_digit() || ch == ','))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            out.entry(term.to_lowercase())
                .or_insert((number.to_owned(), meaning));
        }
    }
    out
}

/// Whether the lower-cased `lower` uses `term` as whole words (or their plural in `s`).
/// `finder` searches for `term`: built once per term, it is faster than `match_indices`
/// over every article, and finds the same non-overlapping matches.
fn uses(lower: &str, term: &str, finder: &memchr::memmem::Finder) -> bool {
    finder.find_iter(lower.as_bytes()).any(|at| {
        let before = lower[..at].chars().next_back();
        let rest = &lower[at + term.len()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        !before.is_some_and(char::is_alphanumeric)
            && !rest.chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// One note per term whose definition changed between the two drafts, naming the head
/// articles that use it. A definition can only change where its article's text did, so
/// only those articles are searched for definitions.
pub(super) fn changed_definitions(
    base: &Draft,
    head: &Draft,
    texts: &Texts,
    changes: &[Change],
) -> Vec<String> {
    let edited: Vec<&Change> = changes
        .iter()
        .filter(|c| c.severity != Severity::None)
        .collect();
    let side = |numbers: fn(&Change) -> &[String], texts: &FxHashMap<String, &'_ str>| {
        let articles = edited.iter().flat_map(|c| numbers(c)).filter_map(|n| {
            let text = texts.get(&n.to_lowercase())?;
            Some((n.as_str(), *text))
        });
        definitions(articles)
    };
    let old = side(|c| &c.base, &texts.base);
    let new = side(|c| &c.head, &texts.head);
    let mut notes = Vec::new();
    let mut lower: Option<Vec<(&str, String)>> = None;
    for (term, (defined_in, meaning)) in &new {
        let Some((was_in, was)) = old.get(term) else {
            continue;
        };
        if was == meaning {
            continue;
        }
        let lower = lower.get_or_insert_with(|| {
            head.articles()
                .map(|a| (a.article.number.as_str(), a.article.text.to_lowercase()))
                .collect()
        });
        let finder = memchr::memmem::Finder::new(term);
        let users: Vec<&str> = lower
            .iter()
            .filter(|(n, text)| n != defined_in && uses(text, term, &finder))
            .map(|(n, _)| *n)
            .collect();
        if users.is_empty() {
            continue;
        }
        let mut named = users[..users.len().min(LISTED)].join(", ");
        if users.len() > LISTED {
            named.push_str(&format!(" and {} more", users.len() - LISTED));
        }
        notes.push(format!(
            "the definition of '{term}' changed ({} article {was_in} → article {defined_in}); \
             articles using the term: {named}",
            base.meta.id
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, Options};
    use crate::model::testing::{self, art};

    fn notes(base: &Draft, head: &Draft) -> Vec<String> {
        let changes = compare(base, head, &Options::default()).changes;
        let texts = Texts {
            base: crate::compare::texts(base),
            head: crate::compare::texts(head),
        };
        changed_definitions(base, head, &texts, &changes)
    }

    /// The hand-written search finds what the pattern finds, wherever it answers.
    #[test]
    fn definition_spans_agree_with_the_pattern() {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "'",
            "‘",
            "’",
            "\"",
            "“",
            "”",
            " ",
            "  ",
            "\n",
            "\t",
            ".",
            ";",
            ",",
            "a",
            "visitor",
            "State Party",
            "x",
            "1",
            "_",
            "é",
            "…",
            "means",
            "shall mean",
            "is",
            "are",
            "includes",
            "has the meaning",
            "have the meaning",
            "have the meanings",
            "refers to",
            "mean",
            "isn",
            "s",
            "\u{a0}",
            "Ⅻ",
            "٣",
        ]);
        proptest!(ProptestConfig::with_cases(4000), |(parts in prop::collection::vec(pieces, 0..40))| {
            let text: String = parts.concat();
            if let Some(spans) = definition_spans(&text) {
                let by_pattern: Vec<_> = DEFINITION
                    .captures_iter(&text)
                    .map(|c| (c.name("term").unwrap().range(), c.name("rest").unwrap().range()))
                    .collect();
                prop_assert_eq!(spans, by_pattern, "{:?}", text);
            }
        });
        let long = format!("'{}' means x", "a".repeat(60));
        assert_eq!(definition_spans(&long).unwrap().len(), 1);
        let longer = format!("'{}' means x", "a".repeat(61));
        assert!(definition_spans(&longer).unwrap().is_empty());
        assert!(DEFINITION.captures(&longer).is_none());
        assert!(definition_spans("'visitor' meansé").is_none());
    }

    /// One chapter of untitled articles.
    fn draft(id: &str, texts: &[(&str, &str)]) -> Draft {
        let articles = texts.iter().map(|(n, t)| art(n, t)).collect();
        testing::draft(id, vec![("I", "", articles)])
    }

    #[test]
    fn a_changed_definition_names_the_articles_that_use_the_term() {
        let base = draft(
            "1.0",
            &[
                ("1", "In this Convention, 'visitor' means any person on a short stay; 'State Party' means a State bound by it."),
                ("2", "Every visitor has the right to life."),
                ("3", "States Parties shall report every two years."),
                ("4", "No Visitors shall be expelled collectively."),
            ],
        );
        let head = draft(
            "2.0",
            &[
                ("1", "In this Convention, 'visitor' means any person outside his or her State of origin; 'State Party' means a State bound by it."),
                ("2", "Every visitor has the right to life."),
                ("3", "States Parties shall report every two years."),
                ("4", "No Visitors shall be expelled collectively."),
                ("5", "Visitorship is not a use of the term."),
            ],
        );
        assert_eq!(
            notes(&base, &head),
            ["the definition of 'visitor' changed (1.0 article 1 → article 1); articles using the term: 2, 4"]
        );
    }

    #[test]
    fn renumbered_references_inside_a_definition_are_no_change() {
        let base = draft(
            "1.0",
            &[
                ("1", "'refugee' has the meaning given in article 98."),
                ("2", "A refugee may not be returned."),
            ],
        );
        let head = draft(
            "2.0",
            &[
                ("1", "'refugee' has the meaning given in article 108."),
                ("2", "A refugee may not be returned."),
            ],
        );
        assert!(notes(&base, &head).is_empty());
    }
}
