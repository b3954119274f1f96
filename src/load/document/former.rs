//! `(ex Article 81 TEC)`: the note under an article heading by which a consolidated
//! treaty (the Treaty on European Union and the Treaty on the Functioning of the European
//! Union, as EUR-Lex prints them since Lisbon) says which article of the treaty before it
//! the article was. It is the authors' own correspondence, so it is not the article's
//! title or text: it becomes a lineage hint, `from = ["ex TEC:81"]`, whose version is the
//! treaty named (`TEC`; none when the note names none). The alignment decides what such a
//! hint is worth against the base it is given (`align::hints`): the base may be that
//! treaty, or another consolidation carrying the same notes.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Article, Draft};

/// The version prefix of a hint read from a note: `ex TEC`, or `ex` alone.
pub(crate) const EX: &str = "ex";

/// A note's treaty (`ex TEC`) and former number, if `hint` was read from a note.
pub(crate) fn note(hint: &str) -> Option<(&str, &str)> {
    let (version, number) = hint.rsplit_once(':')?;
    let treaty = version.strip_prefix(EX)?;
    (treaty.is_empty() || treaty.starts_with(' ')).then_some((version, number))
}

/// The words that open each group of a note, in the languages of the EU's treaties:
/// `ex Article(s)`, `ex-article`, `ex-Artikel`, `ex articolo`, `ex artikel`, `ex-artigo`,
/// Spanish `antiguo artículo`.
const OPENING: &str =
    r"(?i:(?:ex|antiguos?)[-\s]+(?:articles?|art\.|artikel|artículos?|articolo|articoli|artigos?))";

/// A whole note, its footnote mark taken off, in brackets or not (a reader may have taken
/// the brackets for a title's): one or more groups of opening words, article numbers and
/// the treaty's abbreviation, and nothing else.
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"\d{1,4}[a-z]?(?:\(\d+\))*";
    let join = r"(?:,\s*|\s+(?i:and|et|und|y|e|en|to|à|a|bis)\s+)";
    let group = format!(
        r"{OPENING}\s+{number}(?:{join}{number})*(?:\s+(?:del\s+|of\s+the\s+)?\p{{Lu}}[\p{{Lu}}-]{{1,8}})?"
    );
    Regex::new(&format!(r"^\(?\s*{group}(?:{join}{group})*\s*\)?$"))
        .expect("the former-number note pattern is a valid regex")
});

/// Where each group of a note opens.
static OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b{OPENING}\s+"))
        .expect("the former-number opening pattern is a valid regex")
});

/// The end of a group: the treaty's abbreviation (`TEC`, `TUE`, `EGV`),
/// then any joining word before the next group.
static TREATY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s(?:del\s|of\sthe\s)?(?P<treaty>\p{Lu}[\p{Lu}-]{1,8}))?[\s,]*(?:and|et|und|y|e|en)?[\s)]*$")
        .expect("the former-number treaty pattern is a valid regex")
});

/// A footnote mark after a note (`(ex Article 1 TEU) (2)`: the treaties' note that the
/// references are indicative).
static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\)\s*(?:\(\d{1,3}\)|\[\^?\w+\])$").expect("the footnote pattern is a valid regex")
});

/// An article number in a group: `81`, `11a`, `64(1)` (the paragraph is dropped).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<n>\d{1,4}[a-z]?)\b(?:\(\d+\))*")
        .expect("the former-number pattern is a valid regex")
});

/// The hints a note gives (`ex TEC:4`, `ex TEC:5`, `ex TEU:2`), or `None` when `line` is
/// no such note.
pub(crate) fn hints(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    // The mark goes with its bracket, which the note's pattern lets stand or not.
    let line = FOOTNOTE.find(line).map_or(line, |m| &line[..m.start()]);
    if !NOTE.is_match(line) {
        return None;
    }
    let opens: Vec<regex::Match> = OPEN.find_iter(line).collect();
    let mut out = Vec::new();
    for (k, open) in opens.iter().enumerate() {
        let body = &line[open.end()..opens.get(k + 1).map_or(line.len(), |next| next.start())];
        let tail = TREATY
            .captures(body)
            .expect("the treaty pattern matches any end");
        let version = match tail.name("treaty") {
            Some(t) => format!("{EX} {}", t.as_str()),
            None => EX.to_owned(),
        };
        let refs = &body[..tail.get(0).map_or(body.len(), |m| m.start())];
        for n in NUMBER.captures_iter(refs) {
            out.push(format!("{version}:{}", &n["n"]));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Moves every article's note, read as its title or as its first paragraph, into its
/// hints, and says how many were read.
pub(super) fn read(draft: &mut Draft, warnings: &mut Vec<String>) {
    let mut read = 0;
    let mut article = |a: &mut Article| {
        if let Some(hints) = hints(&a.title) {
            a.title.clear();
            a.from.extend(hints);
            read += 1;
        } else if let Some((first, rest)) = a.text.split_once('\n') {
            if let Some(hints) = hints(first) {
                a.text = rest.to_owned();
                a.from.extend(hints);
                read += 1;
            }
        }
    };
    for c in &mut draft.chapters {
        c.articles.iter_mut().for_each(&mut article);
    }
    if read > 0 {
        warnings.push(format!(
            "read {read} notes such as '(ex Article 81 TEC)' under article headings as the articles' former numbers, not as their titles or text"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_give_the_former_numbers_of_each_treaty() {
        let hint = |s: &str| hints(s).unwrap_or_default();
        assert_eq!(hint("(ex Article 81 TEC)"), ["ex TEC:81"]);
        assert_eq!(
            hint("(ex Articles 11 and 11a TEC)"),
            ["ex TEC:11", "ex TEC:11a"]
        );
        assert_eq!(
            hint("(ex Articles 61 and 64(1) TEC and ex Article 29 TEU)"),
            ["ex TEC:61", "ex TEC:64", "ex TEU:29"]
        );
        assert_eq!(hint("(ex-article 2 TCE)"), ["ex TCE:2"]);
        assert_eq!(hint("(ex-Artikel 5 EGV)"), ["ex EGV:5"]);
        assert_eq!(hint("(antiguo artículo 3 TCE)"), ["ex TCE:3"]);
        assert_eq!(hint("(ex Article 7)"), ["ex:7"]);
        assert_eq!(hint("(ex Article 1 TEU) (2)"), ["ex TEU:1"]);
        // A bracketed line under a heading may have become its title without them.
        assert_eq!(hint("ex Article 5 TEC"), ["ex TEC:5"]);
        assert_eq!(note("ex TEC:81"), Some(("ex TEC", "81")));
        assert_eq!(note("ex:7"), Some(("ex", "7")));
        assert_eq!(note("1.0:63"), None);
        assert_eq!(note("exodus:3"), None);
        // Text that mentions a former article is no note.
        assert_eq!(hints("The former Article 7 TEC shall apply."), None);
        assert_eq!(hints("(see Article 7 TEC)"), None);
        assert_eq!(hints("Ex article 7 of the treaty applies"), None);
    }
}
