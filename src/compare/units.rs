//! Units that are not articles, compared one by one like articles: the recitals of a
//! preamble and the provisions after the articles of a Spanish law.
//!
//! In a recast the preamble is often the largest change — Brussels IIa's 33 recitals
//! became 94 — and one redline of ten thousand words is unreadable. A preamble written as
//! EU acts write them (citations `Having regard to …`, `Whereas:`, numbered recitals `(1)`,
//! `(2)` …, a closing `HAS ADOPTED THIS REGULATION:`) is cut into those units, the units
//! of the two versions are aligned and redlined by the same engine as articles, and the
//! preamble's change carries the result. The preamble's own redline is kept whole, so the
//! JSON stays exact; reports show the recitals instead of it.

use std::sync::LazyLock;

use regex::Regex;

use super::{compare, Options};
use crate::change::Change;
use crate::model::{Article, Chapter, Draft};

/// Fewest numbered recitals that make a preamble worth cutting into units.
const MIN_RECITALS: usize = 2;

/// `(12) The rules …`: a numbered recital's first paragraph.
static RECITAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?P<n>\d{1,3})\)\s+(?P<text>\S.*)$")
        .expect("the recital pattern is a valid regex")
});

/// Whether `p` is a numbered recital's first paragraph. The pattern is compiled only for
/// a paragraph that opens with a bracket: compiling it costs more than reading a preamble.
fn is_recital(p: &str) -> bool {
    p.starts_with('(') && RECITAL.is_match(p)
}

/// The label a recital unit carries as its number: `3` (recital 3), `citation 2`,
/// `closing`.
pub(crate) const CITATION: &str = "citation";
pub(crate) const CLOSING: &str = "closing";

/// The units of a preamble: citations, numbered recitals and the closing formula, or
/// `None` when it has fewer than [`MIN_RECITALS`] numbered recitals.
pub(crate) fn units(preamble: &Article) -> Option<Vec<Article>> {
    let paragraphs: Vec<&str> = preamble
        .text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let numbered = paragraphs.iter().filter(|p| is_recital(p)).count();
    if numbered < MIN_RECITALS {
        return None;
    }
    let unit = |number: String, text: &str| Article {
        number,
        title: String::new(),
        section: None,
        text: format!("{text}\n"),
        from: Vec::new(),
        origin: preamble.origin.clone(),
    };
    let mut out: Vec<Article> = Vec::new();
    let mut citations = 0;
    let mut in_recitals = false;
    let last_recital = paragraphs.iter().rposition(|p| is_recital(p));
    for (k, p) in paragraphs.iter().enumerate() {
        if let Some(c) = p.starts_with('(').then(|| RECITAL.captures(p)).flatten() {
            in_recitals = true;
            // The marker is the recital's number, as a heading is an article's.
            out.push(unit(c["n"].to_owned(), &c["text"]));
        } else if !in_recitals {
            citations += 1;
            out.push(unit(format!("{CITATION} {citations}"), p));
        } else if last_recital.is_some_and(|l| k > l) && closing_formula(p) {
            match out.last_mut().filter(|u| u.number == CLOSING) {
                Some(u) => u.text.push_str(&format!("{p}\n")),
                None => out.push(unit(CLOSING.to_owned(), p)),
            }
        } else if let Some(last) = out.last_mut() {
            // The points of a recital (`(a) …`) and its further paragraphs.
            last.text.push_str(p);
            last.text.push('\n');
        }
    }
    Some(out)
}

/// `HAS ADOPTED THIS REGULATION:`, `HAVE AGREED AS FOLLOWS:`: the line that ends a
/// preamble, in capitals or ending in a colon.
fn closing_formula(p: &str) -> bool {
    let letters: Vec<char> = p.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    (capitals || p.trim_end().ends_with(':')) && p.split_whitespace().count() <= 12
}

/// The recital-by-recital changes of two preambles, or nothing when neither is cut into
/// recitals.
pub(super) fn compare_recitals(base: &Draft, head: &Draft, options: &Options) -> Vec<Change> {
    let (Some(b), Some(h)) = (&base.preamble, &head.preamble) else {
        return Vec::new();
    };
    let (bu, hu) = match (units(b), units(h)) {
        (None, None) => return Vec::new(),
        (bu, hu) => (
            bu.unwrap_or_else(|| whole(b)),
            hu.unwrap_or_else(|| whole(h)),
        ),
    };
    compare_units(base, head, &bu, &hu, options)
}

/// The changes between two lists of units that are not articles (recitals, provisions),
/// by the same engine, as if each list were the one chapter of a draft.
pub(super) fn compare_units(
    base: &Draft,
    head: &Draft,
    bu: &[Article],
    hu: &[Article],
    options: &Options,
) -> Vec<Change> {
    if bu.is_empty() && hu.is_empty() {
        return Vec::new();
    }
    let as_draft = |draft: &Draft, units: &[Article]| Draft {
        meta: draft.meta.clone(),
        preamble: None,
        chapters: vec![Chapter {
            number: String::new(),
            title: String::new(),
            articles: units.to_vec(),
            origin: draft
                .preamble
                .as_ref()
                .map(|p| p.origin.clone())
                .unwrap_or_default(),
        }],
        provisions: Vec::new(),
        annotations: Vec::new(),
        source: draft.source.clone(),
    };
    let mut changes = compare(&as_draft(base, bu), &as_draft(head, hu), options).changes;
    for c in &mut changes {
        c.base_chapter = None;
        c.head_chapter = None;
    }
    changes
}

/// A preamble without numbered recitals, as one unit: its citations.
fn whole(preamble: &Article) -> Vec<Article> {
    vec![Article {
        number: format!("{CITATION} 1"),
        ..preamble.clone()
    }]
}

/// How a provision is named in reports: `Disposición adicional primera`.
pub(crate) fn provision_label(number: &str) -> String {
    format!("Disposición {number}")
}

/// How a recital unit is named in reports: `Recital 3`, `Citation 2`, `Closing formula`.
pub fn label(number: &str) -> String {
    if number == CLOSING {
        "Closing formula".to_owned()
    } else if let Some(n) = number.strip_prefix(CITATION) {
        format!("Citation{n}")
    } else {
        format!("Recital {number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn preamble(text: &str) -> Article {
        Article {
            number: crate::model::PREAMBLE.to_owned(),
            title: String::new(),
            section: None,
            text: text.to_owned(),
            from: Vec::new(),
            origin: Origin::default(),
        }
    }

    fn numbers(units: &[Article]) -> Vec<&str> {
        units.iter().map(|u| u.number.as_str()).collect()
    }

    #[test]
    fn citations_recitals_and_the_closing_formula() {
        let p = preamble("THE COUNCIL OF THE LAKE UNION,\nHaving regard to the Treaty,\nWhereas:\n(1) The lake is shared.\n(2) Fish move:\n(a) upstream;\n(b) downstream.\n(3) Rules are needed.\nHAS ADOPTED THIS REGULATION:\n");
        let u = units(&p).unwrap();
        assert_eq!(
            numbers(&u),
            [
                "citation 1",
                "citation 2",
                "citation 3",
                "1",
                "2",
                "3",
                "closing"
            ]
        );
        assert_eq!(u[4].text, "Fish move:\n(a) upstream;\n(b) downstream.\n");
        assert_eq!(u[6].text, "HAS ADOPTED THIS REGULATION:\n");
    }

    #[test]
    fn a_preamble_without_numbered_recitals_stays_whole() {
        assert!(units(&preamble(
            "The Parties,\nRecognising the lake,\nHave agreed:\n"
        ))
        .is_none());
        assert!(units(&preamble("(1) Only one recital.\n")).is_none());
    }

    #[test]
    fn labels() {
        assert_eq!(label("3"), "Recital 3");
        assert_eq!(label("citation 2"), "Citation 2");
        assert_eq!(label("closing"), "Closing formula");
    }
}
