//! Property tests: no input makes the reader panic, and every draft it reads keeps its
//! promises (well-formed unique numbers, one trimmed paragraph per line).

use proptest::prelude::*;

use super::testdocx::{docx, p};
use super::*;
use crate::validate::is_well_formed_number;

fn read_bytes(name: &str, bytes: Vec<u8>) -> Result<Reading> {
    let file = SourceFile::new(format!("d/{name}"), name, bytes);
    read_with_warnings(&file, "doc")
}

fn read_str(name: &str, text: &str) -> Result<Reading> {
    read_bytes(name, text.as_bytes().to_vec())
}

/// Fragments of drafts, headings and page furniture, shuffled into documents.
const PIECES: [&str; 40] = [
    "Article ",
    "ARTICLE ",
    "Art. ",
    "Chapter ",
    "PART ",
    "Section ",
    "§ ",
    "Title ",
    "(a) ",
    "1. ",
    "2) ",
    "shall ",
    "apply ",
    "The ",
    "Parties ",
    "Scope",
    "3",
    "12",
    "IV",
    "XII",
    "bis",
    "ter",
    " – ",
    " - ",
    ": ",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "\u{c}",
    "  ",
    "## ",
    "**",
    "Page 2 of 9",
    "..... 3",
    "protec-\n",
    "é",
    "\t",
    "[",
    "5a",
];

/// What every successful read promises, whatever the input.
fn check(r: &Reading) {
    let mut seen = std::collections::HashSet::new();
    for a in r.draft.articles() {
        let a = a.article;
        assert!(is_well_formed_number(&a.number), "{:?}", a.number);
        assert!(
            seen.insert(a.number.to_lowercase()),
            "duplicate {}",
            a.number
        );
        assert!(a.text.is_empty() || a.text.ends_with('\n'), "{:?}", a.text);
        for line in a.text.lines() {
            assert!(!line.is_empty() && line.trim_end() == line, "{:?}", a.text);
        }
    }
    assert!(r.draft.article_count() > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn text_documents_never_panic(
        pieces in prop::collection::vec(prop::sample::select(&PIECES[..]), 0..160),
    ) {
        let text: String = pieces.concat();
        for name in ["x.txt", "x.md"] {
            if let Ok(r) = read_str(name, &text) {
                check(&r);
            }
        }
    }

    #[test]
    fn word_documents_never_panic(
        paras in prop::collection::vec(
            (0usize..5, prop::sample::select(&PIECES[..]), prop::sample::select(&PIECES[..])),
            0..40,
        ),
        cut in 0usize..4000,
    ) {
        let styles = [None, Some("Heading1"), Some("Heading2"), Some("Title"), Some("TOC1")];
        let body: String = paras
            .iter()
            .map(|(s, a, b)| p(styles[*s], &format!("{a}{b}")))
            .collect();
        let bytes = docx(&body);
        if let Ok(r) = read_bytes("x.docx", bytes.clone()) {
            check(&r);
        }
        let cut = cut.min(bytes.len());
        let _ = read_bytes("x.docx", bytes[..cut].to_vec());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for name in ["x.txt", "x.md", "x.docx"] {
            let _ = read_bytes(name, bytes.clone());
        }
    }
}
