//! Defined terms whose definition changed (USERS.md complaint 10): a new meaning of
//! "visitor" changes every article that uses the word, though none of their texts moved.
//!
//! A definition is a quoted term followed by `means`, `is`, `includes`, `has the meaning`…
//! and runs to the end of its clause (`;` or the end of the sentence). Definitions are
//! compared with the numbers taken out, so renumbered cross-references inside them do not
//! count as a change.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Draft;

/// How many articles using a term are named before "and N more".
const LISTED: usize = 12;

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"['‘"“](?P<term>[\p{L}][\p{L}\p{N} \-]{1,58}[\p{L}])['’"”]\s+(?:means|shall mean|is|are|includes|has the meaning|have the meanings?|refers to)\b(?P<rest>[^;.]*)"#,
    )
    .expect("the definition pattern is a valid regex")
});

/// Term (lower case) → (article number, the definition with digits and spacing dropped).
fn definitions(d: &Draft) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for a in d.articles() {
        for c in DEFINITION.captures_iter(&a.article.text) {
            let meaning: String = c["rest"]
                .split_whitespace()
                .map(|w| w.trim_matches(|ch: char| ch.is_ascii_digit() || ch == ','))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            out.entry(c["term"].to_lowercase())
                .or_insert((a.article.number.clone(), meaning));
        }
    }
    out
}

/// Whether `text` uses `term` as whole words (or their plural in `s`), in any letter case.
fn uses(text: &str, term: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices(term).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let rest = &lower[at + term.len()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        !before.is_some_and(char::is_alphanumeric)
            && !rest.chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// One note per term defined in both drafts whose definition changed, naming the head
/// articles that use it.
pub(super) fn changed_definitions(base: &Draft, head: &Draft) -> Vec<String> {
    let old = definitions(base);
    let new = definitions(head);
    let mut notes = Vec::new();
    for (term, (defined_in, meaning)) in &new {
        let Some((was_in, was)) = old.get(term) else {
            continue;
        };
        if was == meaning {
            continue;
        }
        let users: Vec<&str> = head
            .articles()
            .filter(|a| &a.article.number != defined_in && uses(&a.article.text, term))
            .map(|a| a.article.number.as_str())
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
    use crate::model::{Article, Chapter, DraftMeta};

    fn draft(id: &str, texts: &[(&str, &str)]) -> Draft {
        Draft {
            meta: DraftMeta {
                id: id.to_owned(),
                title: id.to_owned(),
                status: Default::default(),
                date: None,
                parent: None,
                themes: Vec::new(),
            },
            preamble: None,
            chapters: vec![Chapter {
                number: "I".to_owned(),
                title: String::new(),
                articles: texts
                    .iter()
                    .map(|(n, t)| Article {
                        number: (*n).to_owned(),
                        title: String::new(),
                        section: None,
                        text: (*t).to_owned(),
                        from: Vec::new(),
                        origin: Default::default(),
                    })
                    .collect(),
                origin: Default::default(),
            }],
            annotations: Vec::new(),
            source: id.to_owned(),
        }
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
            changed_definitions(&base, &head),
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
        assert!(changed_definitions(&base, &head).is_empty());
    }
}
