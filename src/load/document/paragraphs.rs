//! Body lines into article text: one paragraph per line, ending with a newline.
//!
//! Plain text is often hard-wrapped (PDF output always is), so consecutive lines are
//! joined into one paragraph. A new paragraph starts at a blank line, at a paragraph
//! marker (`1.`, `(a)`, `2)`, `- `) — but not at `15.` continuing "… subject to article" —
//! at a table row, or, in plain text, after a line that ended early: one the next word
//! would have fitted on, or a sentence ending well short of the wrap width. Markdown
//! paragraphs run on until a blank line or marker, as Markdown has it. Whether a document
//! is hard-wrapped at all is judged once: in a file with one paragraph per line, long lines
//! end sentences, and then no lines are joined. Word paragraphs are never joined.

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
    // `(25), require the …`: a note reference that wrapping brought to the start of a
    // line; a marker is never followed by a comma or a full stop.
    MARKER
        .find(s)
        .is_some_and(|m| !s[m.end()..].starts_with([',', ';', '.', ':']))
}

/// Whether `s` ends a sentence (`.`, `;`, `:`, `!`, `?`, or their full-width forms in
/// Chinese and Japanese, before any closing quotes or brackets).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches([')', ']', '"', '\'', '”', '’', '»', ' ', '」', '』', '）']);
    s.ends_with(['.', ';', ':', '!', '?', '。', '；', '：', '！', '？'])
}

/// How a document's lines were wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Wrap {
    /// The wrap width: the 90th percentile of the lengths of wrapped lines.
    pub width: usize,
    /// Whether paragraphs run over several lines at all.
    pub hard: bool,
    /// Markdown: lines of a paragraph run on until a blank line or a marker.
    pub markdown: bool,
}

/// Lines at least this long (or 60 % of the width, if less) are the evidence for hard
/// wrapping; shorter ones are mostly headings and titles.
const LONG_LINE: usize = 40;

/// Judges how `lines` were wrapped: hard-wrapped when at least a fifth of the long lines
/// stop mid-sentence (or mid-word, `protec-`) with more text right under them.
pub(crate) fn wrap(lines: &[Line], markdown: bool) -> Wrap {
    let body: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.wrapped && !l.is_blank())
        .collect();
    let mut lengths: Vec<usize> = body.iter().map(|(_, l)| l.text.chars().count()).collect();
    if lengths.is_empty() {
        return Wrap {
            markdown,
            ..Wrap::default()
        };
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
        markdown,
    }
}

/// Whether `prev` stopped well before the wrap width although the first word of `next`
/// would have fitted: then `prev` ended its paragraph (a title, a table row, the last line
/// of a paragraph) rather than being cut by wrapping.
pub(crate) fn ends_early(prev: &Line, next: &Line, width: usize) -> bool {
    let first_word = next
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    (prev.text.chars().count() + 1 + first_word) * 4 < width * 3
}

/// Words after which a number opening the next line continues a cross-reference
/// ("… subject to article / 15. Absences …") rather than numbering a paragraph.
const REFERENCE_WORDS: [&str; 24] = [
    "article",
    "articles",
    "art.",
    "arts.",
    "paragraph",
    "paragraphs",
    "para.",
    "paras.",
    "subparagraph",
    "subparagraphs",
    "section",
    "sections",
    "sec.",
    "chapter",
    "chapters",
    "part",
    "parts",
    "annex",
    "rule",
    "rules",
    "no.",
    "nos.",
    "§",
    "§§",
];

/// Whether `line` opens a new paragraph with a marker, `prev` being the line above.
fn opens_with_marker(prev: &Line, line: &Line) -> bool {
    if !starts_with_marker(&line.text) {
        return false;
    }
    let numeric = line.text.starts_with(|c: char| c.is_ascii_digit())
        || line.text.starts_with("(") && line.text[1..].starts_with(|c: char| c.is_ascii_digit());
    // `… referred to in point` / `(a) of Article 42(1) …`: a point cited across the wrap.
    let bracketed = line.text.starts_with('(');
    let cited = prev
        .text
        .split_whitespace()
        .last()
        .is_some_and(|w| POINT_WORDS.contains(&w.to_lowercase().as_str()));
    !(numeric && ends_with_reference_word(prev) || bracketed && cited)
}

/// Words after which a bracketed number or letter opening the next line continues a
/// citation of a point (`… in point` / `(a) of Article 42(1)`), as EU acts cite them.
const POINT_WORDS: [&str; 6] = [
    "point",
    "points",
    "subpoint",
    "subpoints",
    "letter",
    "letters",
];

/// Whether `s` ends with a word that cannot end a sentence or a title (`and`, `of`, `with`…).
pub(crate) fn ends_with_connector(s: &str) -> bool {
    const CONNECTORS: [&str; 14] = [
        "and", "or", "of", "the", "to", "for", "in", "on", "with", "by", "a", "an", "from",
        "between",
    ];
    s.split_whitespace()
        .last()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
}

fn ends_with_reference_word(line: &Line) -> bool {
    line.text
        .split_whitespace()
        .last()
        .is_some_and(|w| REFERENCE_WORDS.contains(&w.to_lowercase().as_str()))
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
    if !(wrap.hard && prev.wrapped && line.wrapped)
        || prev.text.starts_with('|')
        || line.text.starts_with('|')
        || opens_with_marker(prev, line)
    {
        return false;
    }
    let short = prev.text.chars().count() * 10 < wrap.width * 7;
    // A line that ended early ends its paragraph, unless what follows plainly continues
    // it: a lower-case word, the rest of a hyphenated word, what a connecting word such
    // as "with" or "of" announces, the number of a reference.
    let ended = ends_early(prev, line, wrap.width)
        && !line.text.starts_with(char::is_lowercase)
        && !hyphenated(&prev.text)
        && !ends_with_connector(&prev.text)
        && !ends_with_reference_word(prev);
    wrap.markdown || !(short && ends_sentence(&prev.text) || ended)
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

    use super::super::test_lines as lines;

    fn joined(text: &str) -> String {
        let l = lines(text, true);
        join(&l, wrap(&l, false))
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
    fn numbers_continuing_a_reference_are_not_markers() {
        let text = "3. No visitor shall receive a heavier penalty than a national; removal\nordered on conviction is subject to article\n15. Absences of up to six months do not count, as set out in paragraphs\n2 and 3 of article 4.\n4. Next paragraph.\n";
        assert_eq!(
            joined(text),
            "3. No visitor shall receive a heavier penalty than a national; removal ordered on conviction is subject to article 15. Absences of up to six months do not count, as set out in paragraphs 2 and 3 of article 4.\n4. Next paragraph.\n"
        );
    }

    #[test]
    fn a_line_that_ended_early_ends_its_paragraph() {
        let text = "The States Parties to this Convention,\nRecalling the principles of the Charter of the United Nations and the rights\nof every person whatever his or her nationality,\nHave agreed as follows:\n";
        assert_eq!(
            joined(text),
            "The States Parties to this Convention,\nRecalling the principles of the Charter of the United Nations and the rights of every person whatever his or her nationality,\nHave agreed as follows:\n"
        );
        let l = lines(text, true);
        let soft = Wrap {
            markdown: true,
            ..wrap(&l, true)
        };
        assert_eq!(join(&l, soft).lines().count(), 1);
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
            markdown: false,
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
        assert!(starts_with_marker("(a)if destined for disposal"));
        for not in [
            "1990 was",
            "a bit",
            "Article 3",
            "(see below)",
            "12.5%",
            "(25), require the person",
            "(3). The",
        ] {
            assert!(!starts_with_marker(not), "{not}");
        }
        assert!(ends_sentence("It ends.\")"));
        assert!(!ends_sentence("(see article 5)"));
    }
}
