//! Body lines into article text: one paragraph per line, ending with a newline.
//!
//! Plain text is often hard-wrapped (PDF output always is), so consecutive lines are
//! joined into one paragraph. A new paragraph starts at a blank line, at a paragraph
//! marker (`1.`, `(a)`, `2)`, `- `), at a table row, or after a line that ends a sentence
//! well short of the wrap width. Whether a document is hard-wrapped at all is judged once:
//! in a file with one paragraph per line, long lines end sentences, and then no lines are
//! joined. Word paragraphs are never joined.

use std::sync::LazyLock;

use regex::Regex;

use super::Line;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,3}[.)](?:\s|$)|\d{1,3}(?:\.\d{1,3})+\.?(?:\s|$)|\(\d{1,3}[a-z]?\)|\([a-z]{1,2}\)|\([ivxlc]{1,6}\)|\([A-Z]\)|[a-zA-Z][.)]\s|[ivx]{1,5}[.)]\s|[-*+•·–]\s|\[\d{1,3}\]\s)",
    )
    .expect("the paragraph-marker pattern is valid")
});

/// Whether `s` opens with a numbered or lettered paragraph marker or a list bullet.
pub(crate) fn starts_with_marker(s: &str) -> bool {
    MARKER.is_match(s)
}

/// Whether `s` ends a sentence (`.`, `;`, `:`, `!`, `?`, before any closing quotes or
/// brackets).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches([')', ']', '"', '\'', '”', '’', '»', ' ']);
    s.ends_with(['.', ';', ':', '!', '?'])
}

/// How a document's lines were wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Wrap {
    /// The wrap width: the 90th percentile of the lengths of wrapped lines.
    pub width: usize,
    /// Whether paragraphs run over several lines at all.
    pub hard: bool,
}

/// Lines at least this long (or 60 % of the width, if less) are the evidence for hard
/// wrapping; shorter ones are mostly headings and titles.
const LONG_LINE: usize = 40;

/// Judges how `lines` were wrapped: hard-wrapped when at least a fifth of the long lines
/// stop mid-sentence (or mid-word, `protec-`) with more text right under them.
pub(crate) fn wrap(lines: &[Line]) -> Wrap {
    let body: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.wrapped && !l.is_blank())
        .collect();
    let mut lengths: Vec<usize> = body.iter().map(|(_, l)| l.text.chars().count()).collect();
    if lengths.is_empty() {
        return Wrap::default();
    }
    lengths.sort_unstable();
    let width = lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)];
    let threshold = LONG_LINE.min(width * 6 / 10);
    let (mut long, mut open) = (0usize, 0usize);
    for (i, l) in body {
        let continued = lines.get(i + 1).is_some_and(|n| n.wrapped && !n.is_blank());
        if hyphenated(&l.text) && continued {
            open += 1;
            long += 1;
        } else if l.text.chars().count() >= threshold {
            long += 1;
            open += usize::from(continued && !ends_sentence(&l.text));
        }
    }
    Wrap {
        width,
        hard: open > 0 && open * 5 >= long,
    }
}

/// Joins body lines into paragraphs, one per output line, ending with `\n` (or empty).
pub(crate) fn join<'a>(lines: impl IntoIterator<Item = &'a Line>, wrap: Wrap) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    let mut prev: Option<&Line> = None;
    for line in lines {
        if line.is_blank() {
            open = false;
            prev = None;
            continue;
        }
        let text = line.text.as_str();
        let continues = open && prev.is_some_and(|p| continues_paragraph(p, line, wrap));
        match paragraphs.last_mut() {
            Some(last) if continues => {
                if hyphenated(last) {
                    last.push_str(text);
                } else {
                    last.push(' ');
                    last.push_str(text);
                }
            }
            _ => paragraphs.push(text.to_owned()),
        }
        open = true;
        prev = Some(line);
    }
    let mut out = String::new();
    for p in paragraphs {
        out.push_str(p.trim_end());
        out.push('\n');
    }
    out
}

fn continues_paragraph(prev: &Line, line: &Line, wrap: Wrap) -> bool {
    let short = prev.text.chars().count() * 10 < wrap.width * 7;
    wrap.hard
        && prev.wrapped
        && line.wrapped
        && !starts_with_marker(&line.text)
        && !prev.text.starts_with('|')
        && !line.text.starts_with('|')
        && !(short && ends_sentence(&prev.text))
}

/// `protec-` or `non-` at the end of a line: the next line's first word is joined
/// without a space (the hyphen is kept as written).
fn hyphenated(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::document::Style;

    fn lines(text: &str, wrapped: bool) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                text: t.trim().to_owned(),
                at: i + 1,
                style: Style::Body,
                wrapped,
            })
            .collect()
    }

    fn joined(text: &str) -> String {
        let l = lines(text, true);
        join(&l, wrap(&l))
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "1. States Parties shall take measures to protect\n   the fish stocks of the lake and its tributaries\n   for present and future generations.\n2. Each State Party shall report\n   every year.\n";
        assert_eq!(
            joined(text),
            "1. States Parties shall take measures to protect the fish stocks of the lake and its tributaries for present and future generations.\n2. Each State Party shall report every year.\n"
        );
    }

    #[test]
    fn blank_lines_and_markers_start_paragraphs() {
        let text = "The Parties agree that the following gear may be used on\nthe lake:\n(a) nets with a mesh of at least five centimetres;\n(b) lines;\nb) hooks; and\n- traps.\n\nNothing in this article limits the power of the Parties to\nregulate other gear.\n";
        assert_eq!(
            joined(text),
            "The Parties agree that the following gear may be used on the lake:\n(a) nets with a mesh of at least five centimetres;\n(b) lines;\nb) hooks; and\n- traps.\nNothing in this article limits the power of the Parties to regulate other gear.\n"
        );
    }

    #[test]
    fn unwrapped_files_keep_one_paragraph_per_line() {
        let text = "States Parties shall cooperate in good faith on every matter that this Convention governs.\nEach State Party shall designate a contact point.\nThe contact points shall meet every year to exchange information and experience.\n";
        assert_eq!(joined(text), text);
    }

    #[test]
    fn hyphenation_across_lines_is_kept_without_a_space() {
        assert_eq!(
            joined("the protec-\ntion of non-\nState actors and the lake\n"),
            "the protec-tion of non-State actors and the lake\n"
        );
    }

    #[test]
    fn whole_paragraphs_are_never_joined() {
        let l = lines("First line without a stop\nsecond paragraph", false);
        let hard = Wrap {
            width: 80,
            hard: true,
        };
        assert_eq!(
            join(&l, hard),
            "First line without a stop\nsecond paragraph\n"
        );
        assert_eq!(join(&[], hard), "");
    }

    #[test]
    fn markers_and_sentence_ends() {
        for m in [
            "1. A", "12) b", "(a) c", "(iv) d", "(2) e", "a) f", "- g", "* h", "2.1 i", "[3] j",
        ] {
            assert!(starts_with_marker(m), "{m}");
        }
        for not in ["1990 was", "a bit", "Article 3", "(see below)", "12.5%"] {
            assert!(!starts_with_marker(not), "{not}");
        }
        assert!(ends_sentence("It ends.\")"));
        assert!(!ends_sentence("(see article 5)"));
    }
}
