//! Lints for drafts: what `validate` reports and what other commands refuse to compare.

use std::collections::hash_map::Entry;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::citations;
use crate::load::Catalog;
use crate::model::{ArticleRef, Draft, Origin, PREAMBLE};

/// One problem in a draft, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The id of the draft.
    pub draft: String,
    /// Where to fix it (line 0 when the problem has no place).
    pub origin: Origin,
    /// What is wrong.
    pub message: String,
    /// Fatal problems make the draft unusable for comparison (duplicate numbers).
    pub fatal: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// The shape of a number: runs of letters and digits joined by one of `.:-–*` (a space
/// may follow it) or by a space. Every number of every article is checked when a draft
/// loads, so an ASCII number is matched by hand; compiling the pattern would cost a
/// short run more than all its numbers (the pattern stays for the rest).
static FORM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^[\p{L}\p{N}]+(?:(?:[.:\-–*] ?| )[\p{L}\p{N}]+)*$")
        .expect("the number pattern is a valid regex")
});

/// [`FORM`] for an ASCII number.
fn ascii_form(n: &[u8]) -> bool {
    let mut i = 0;
    loop {
        let start = i;
        while i < n.len() && n[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i == start {
            return false;
        }
        match n.get(i) {
            None => return true,
            Some(b'.' | b':' | b'-' | b'*') => {
                i += 1;
                if n.get(i) == Some(&b' ') {
                    i += 1;
                }
            }
            Some(b' ') => i += 1,
            Some(_) => return false,
        }
    }
}

/// An article number as drafters write them: `63`, `63bis`, `12a`, `XII`, `2.1`, `4-1`.
pub(crate) fn is_well_formed_number(n: &str) -> bool {
    // Words may follow a number after a space (`12 bis`, `treinta y uno`, `L. 313-11`),
    // another number may not (`1 2`).
    let digit_after_space = n.split(' ').zip(n.split(' ').skip(1)).any(|(a, b)| {
        !a.ends_with(['.', '-', ':', '–']) && b.starts_with(|c: char| c.is_ascii_digit())
    });
    let form = if n.is_ascii() {
        ascii_form(n.as_bytes())
    } else {
        FORM.is_match(n)
    };
    form && !digit_after_space
}

/// Lints one draft on its own.
pub fn lint(draft: &Draft) -> Vec<Problem> {
    lint_with(draft, true)
}

/// Only the problems that make a draft unusable (malformed, reserved or duplicate
/// numbers): what `diff` and the reports refuse, without the cost of finding every
/// cross-reference.
pub fn fatal(draft: &Draft) -> Vec<Problem> {
    lint_with(draft, false)
        .into_iter()
        .filter(|p| p.fatal)
        .collect()
}

/// Refuses a draft whose articles cannot be told apart (malformed, reserved or duplicate
/// numbers, titles of more than one line): what `diff` refuses, `check` refuses too, with
/// the same message.
pub(crate) fn refuse_fatal(draft: &Draft) -> crate::error::Result<()> {
    let fatal: Vec<String> = fatal(draft).iter().map(|p| p.to_string()).collect();
    if fatal.is_empty() {
        Ok(())
    } else {
        Err(crate::error::Error::Invalid(format!(
            "{} cannot be compared until these are fixed:\n  {}",
            draft.meta.id,
            fatal.join("\n  ")
        )))
    }
}

fn lint_with(draft: &Draft, all: bool) -> Vec<Problem> {
    let mut out = Vec::new();
    let id = &draft.meta.id;
    let mut problem = |origin: &Origin, message: String, fatal: bool| {
        out.push(Problem {
            draft: id.clone(),
            origin: origin.clone(),
            message,
            fatal,
        })
    };
    // Every article of both drafts is looked up here before a diff: Fx-hashed, and
    // lower-cased once (this lint was 0.9 % of the 10k diff).
    let mut seen: FxHashMap<String, &Origin> = FxHashMap::default();
    for a in draft.articles() {
        let article = a.article;
        let n = &article.number;
        if !is_well_formed_number(n) {
            problem(
                &article.origin,
                format!("malformed article number `{n}`"),
                true,
            );
        }
        if a.chapter.is_some() && n.eq_ignore_ascii_case(PREAMBLE) {
            problem(
                &article.origin,
                format!("article number `{n}` is reserved for the preamble"),
                true,
            );
        }
        match seen.entry(n.to_lowercase()) {
            Entry::Occupied(first) => problem(
                &article.origin,
                format!(
                    "duplicate article number `{n}` (first defined at {})",
                    first.get()
                ),
                true,
            ),
            Entry::Vacant(slot) => {
                slot.insert(&article.origin);
            }
        }
        if article.title.chars().any(char::is_control) {
            // A title is one line: a line break in it could forge lines of a CI log.
            problem(
                &article.origin,
                format!("the title of article {n} holds a line break or control character"),
                true,
            );
        }
        if all && article.text.trim().is_empty() {
            problem(&article.origin, format!("article {n} has no text"), false);
        }
    }
    for c in &draft.chapters {
        if c.title.chars().any(char::is_control) {
            problem(
                &c.origin,
                format!(
                    "the title of chapter {} holds a line break or control character",
                    c.number
                ),
                true,
            );
        }
    }
    if !all {
        return out;
    }
    let mut chapters: FxHashMap<String, &Origin> = FxHashMap::default();
    for c in &draft.chapters {
        if let Some(first) = chapters
            .get(&c.number.to_lowercase())
            .filter(|_| !c.number.is_empty())
        {
            problem(
                &c.origin,
                format!(
                    "duplicate chapter number `{}` (first defined at {first})",
                    c.number
                ),
                false,
            );
        }
        chapters.insert(c.number.to_lowercase(), &c.origin);
        if c.articles.is_empty() {
            problem(
                &c.origin,
                format!("chapter {} has no articles", c.number),
                false,
            );
        }
    }
    // Finding the references is most of the lint's work, and each article's are its own.
    let articles: Vec<ArticleRef> = draft.articles().collect();
    let dangling: Vec<Vec<String>> = articles
        .par_iter()
        .map(|a| {
            citations::references(&a.article.text)
                .into_iter()
                .filter(|r| !seen.contains_key(&r.number.to_lowercase()))
                .map(|r| r.number)
                .collect()
        })
        .collect();
    for (a, numbers) in articles.iter().zip(dangling) {
        for number in numbers {
            problem(
                &a.article.origin,
                format!(
                    "article {} refers to article {number}, which this draft does not have",
                    a.article.number
                ),
                false,
            );
        }
    }
    out
}

/// `validate [V...]`: the drafts linted (every draft of the catalog when none is named)
/// and the problems found in them and in their lineage.
pub fn run(
    catalog: &Catalog,
    versions: &[String],
) -> crate::error::Result<(Vec<Draft>, Vec<Problem>)> {
    let drafts = if versions.is_empty() {
        catalog.load_all()?
    } else {
        versions
            .iter()
            .map(|v| catalog.resolve(v))
            .collect::<crate::error::Result<_>>()?
    };
    let problems: Vec<Problem> = drafts
        .iter()
        .flat_map(|d| {
            let mut p = lint(d);
            p.extend(lint_lineage(d, catalog));
            p
        })
        .collect();
    Ok((drafts, problems))
}

/// Lints what only the catalog can tell: unknown parents and parent cycles.
pub fn lint_lineage(draft: &Draft, catalog: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let origin = Origin {
        file: format!("{}/draft.toml", draft.source),
        line: 0,
        column: 0,
    };
    let mut chain = vec![draft.meta.id.clone()];
    let mut parent = draft.meta.parent.clone();
    while let Some(p) = parent {
        let Some(entry) = catalog.entry(&p) else {
            out.push(Problem {
                draft: draft.meta.id.clone(),
                origin: origin.clone(),
                message: format!(
                    "unknown parent `{p}` (known versions: {})",
                    catalog.ids().join(", ")
                ),
                fatal: false,
            });
            break;
        };
        if chain.contains(&entry.meta.id) {
            chain.push(entry.meta.id.clone());
            out.push(Problem {
                draft: draft.meta.id.clone(),
                origin: origin.clone(),
                message: format!("parent cycle: {}", chain.join(" → ")),
                fatal: false,
            });
            break;
        }
        chain.push(entry.meta.id.clone());
        parent = entry.meta.parent.clone();
    }
    // An annotation crediting a proposal names a draft revising the same parent.
    for a in &draft.annotations {
        for p in &a.proposals {
            let sibling = catalog
                .entry(p)
                .is_some_and(|e| e.meta.parent.is_some() && e.meta.parent == draft.meta.parent);
            if !sibling {
                out.push(Problem {
                    draft: draft.meta.id.clone(),
                    origin: a.origin.clone(),
                    message: format!(
                        "annotation names proposal `{p}`, which is not a version revising {}",
                        draft.meta.parent.as_deref().unwrap_or("the same parent")
                    ),
                    fatal: false,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Chapter, DraftMeta};

    #[test]
    fn the_ascii_matcher_is_the_pattern() {
        // Every string of up to five characters over an alphabet of each kind of byte.
        let alphabet = [b'1', b'a', b'Z', b'.', b':', b'-', b'*', b' ', b'/', b'_'];
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = strings.clone();
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|s| {
                    alphabet.iter().map(move |&c| {
                        let mut t = s.clone();
                        t.push(c);
                        t
                    })
                })
                .collect();
            strings.extend(last.iter().cloned());
        }
        for s in &strings {
            let text = std::str::from_utf8(s).expect("ASCII");
            assert_eq!(ascii_form(s), FORM.is_match(text), "{text:?}");
        }
    }

    fn art(n: &str, text: &str, line: usize) -> Article {
        Article {
            number: n.into(),
            title: String::new(),
            section: None,
            text: text.into(),
            from: vec![],
            origin: Origin {
                file: "f.toml".into(),
                line,
                column: 1,
            },
        }
    }

    fn draft(articles: Vec<Article>) -> Draft {
        Draft {
            meta: DraftMeta {
                id: "t".into(),
                title: "T".into(),
                status: Default::default(),
                date: None,
                parent: None,
                themes: vec![],
            },
            preamble: None,
            chapters: vec![Chapter {
                number: "I".into(),
                title: "One".into(),
                articles,
                origin: Origin::default(),
            }],
            provisions: Vec::new(),
            annotations: vec![],
            source: "d".into(),
        }
    }

    #[test]
    fn well_formed_numbers() {
        for ok in [
            "63",
            "63bis",
            "12a",
            "XII",
            "2.1",
            "4-1",
            "2 bis",
            "35 quáter",
            "1:1",
            "L. 313-11",
            "16-1-1",
            "53–58",
            "treinta y uno",
            "83.0a",
        ] {
            assert!(is_well_formed_number(ok), "{ok}");
        }
        for bad in ["", " 1", "1 2", "1..2", "§3", "-1", "2  bis", "2 ", "1 - 2"] {
            assert!(!is_well_formed_number(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_title_is_one_line() {
        let mut a = art("1", "A.", 3);
        a.title = "Scope\n::error file=x::forged".into();
        let p = fatal(&draft(vec![a]));
        assert_eq!(p.len(), 1);
        assert!(p[0].to_string().contains("holds a line break"), "{}", p[0]);
    }

    #[test]
    fn duplicates_name_both_places() {
        let p = lint(&draft(vec![art("1", "A.", 3), art("1", "B.", 9)]));
        assert_eq!(p.len(), 1);
        assert!(p[0].fatal);
        assert_eq!(
            p[0].to_string(),
            "f.toml:9:1: duplicate article number `1` (first defined at f.toml:3:1)"
        );
    }

    #[test]
    fn empty_articles_and_dangling_references() {
        let p = lint(&draft(vec![
            art("1", "  ", 3),
            art("2", "See article 1 and article 7.", 5),
        ]));
        let messages: Vec<_> = p.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "article 1 has no text",
                "article 2 refers to article 7, which this draft does not have"
            ]
        );
    }
}
