//! Tokens of a redline: Unicode words, with whitespace and punctuation as tokens of their
//! own, each with a 64-bit hash as its id so the diff compares integers, not strings.
//!
//! Tokens tile the text exactly (UAX #29 word boundaries cover every byte), which is what
//! makes the redline's round-trip guarantee hold: any run of consecutive tokens is a
//! contiguous slice of the original text. Ids are hashes rather than interned numbers
//! because hashing is several times cheaper than a hash-map lookup per token; a collision
//! cannot corrupt a redline, because the clean-up checks the text of every equal run
//! before trusting it (see [`super::cleanup`]).

use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxBuildHasher;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is, as far as the clean-up and the word counts care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Anything with a letter or digit: a word as [`crate::model::word_count`] counts it.
    Word,
    /// Whitespace without a line break.
    Space,
    /// Whitespace containing a line break: a paragraph boundary, never absorbed.
    Break,
    /// Punctuation, symbols, emoji: anything else.
    Punct,
}

/// One token: its bytes in the text and its class.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// A text split into tokens, with their ids and prefix counts so that the number of words
/// and line breaks in any token range is a subtraction. A table cell's delimiter (a lone
/// `|`, [`crate::pipe`]) counts as a break: the clean-up never absorbs an unchanged
/// delimiter into the change around it, so a change stays inside its cell.
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub ids: Vec<u64>,
    /// Words, then breaks, before each position (0 to the number of tokens).
    counts: Vec<[u32; 2]>,
}

impl<'a> Tokens<'a> {
    /// Split `text` at Unicode word boundaries.
    ///
    /// The scan only records the tokens and their ids; the prefix counts are then filled
    /// in a pass of their own, a loop without a capacity check per token (the scan's four
    /// pushes a token were a tenth of the MIMC diff), and exactly as long as needed.
    pub(crate) fn new(text: &'a str) -> Self {
        let guess = text.len() / 3 + 1;
        let (mut tokens, mut ids) = (Vec::with_capacity(guess), Vec::with_capacity(guess));
        for_each_bound(text, |start, piece, class| {
            ids.push(match *piece.as_bytes() {
                [b] if b.is_ascii() => ONE_BYTE_IDS[usize::from(b)],
                _ => FxBuildHasher.hash_one(piece),
            });
            tokens.push(Token {
                start,
                end: start + piece.len(),
                class,
            });
        });
        let bytes = text.as_bytes();
        let (mut words, mut breaks) = (0, 0);
        let counts = std::iter::once([0, 0])
            .chain(tokens.iter().map(|t| {
                words += u32::from(t.class == Class::Word);
                breaks += u32::from(match t.class {
                    Class::Break => true,
                    Class::Punct => t.end - t.start == 1 && bytes[t.start] == b'|',
                    Class::Word | Class::Space => false,
                });
                [words, breaks]
            }))
            .collect();
        Tokens {
            text,
            tokens,
            ids,
            counts,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of one token.
    pub(crate) fn piece(&self, index: usize) -> &'a str {
        let t = self.tokens[index];
        &self.text[t.start..t.end]
    }

    /// The text covered by a token range (empty for an empty range).
    pub(crate) fn slice(&self, range: &Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        let start = self.tokens[range.start].start;
        let end = self.tokens[range.end - 1].end;
        &self.text[start..end]
    }

    /// Words in a token range.
    pub(crate) fn words(&self, range: &Range<usize>) -> usize {
        (self.counts[range.end][0] - self.counts[range.start][0]) as usize
    }

    /// Meaning-bearing words (words that are not function words) in a token range.
    pub(crate) fn content_words(&self, range: &Range<usize>) -> usize {
        range
            .clone()
            .filter(|&i| self.tokens[i].class == Class::Word && !is_function_word(self.piece(i)))
            .count()
    }

    /// Whether a token range contains a line break.
    pub(crate) fn has_break(&self, range: &Range<usize>) -> bool {
        self.counts[range.end][1] > self.counts[range.start][1]
    }
}

/// The id of each one-byte ASCII token, hashed once: most spaces and punctuation marks
/// are one byte, and hashing them was a tenth of tokenising.
static ONE_BYTE_IDS: LazyLock<[u64; 128]> = LazyLock::new(|| {
    std::array::from_fn(|b| {
        FxBuildHasher.hash_one(char::from(b as u8).encode_utf8(&mut [0; 4]) as &str)
    })
});

/// Call `f` with every token of `text`: each note reference (`[^12]`, see
/// [`note_reference`]) as one word, each escaped pipe of a table cell (`\|`,
/// [`crate::pipe`]) as one punctuation token, and every UAX #29 word-bound piece of the
/// text around them, with its byte offset and its class.
///
/// A note reference is one token so that a redline never cuts it (`[^` kept, `1`
/// replaced by `2`, `]` kept): the Word report turns each whole reference back into a
/// footnote mark. Its label is letters and digits, which UAX #29 reads as one word, so
/// the token counts as the one word [`crate::model::word_count`] counts in it. An escaped
/// pipe is one token for the same reason: a lone `|` in a redline is always a cell
/// delimiter.
pub(crate) fn for_each_bound<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str, Class)) {
    // One vectorised byte search first: most texts have neither a `[` nor a `\\`.
    let special = memchr::memchr2(b'[', b'\\', text.as_bytes()).is_some()
        && (text.contains("[^") || text.contains("\\|"));
    if !special {
        return for_each_uax29(text, f);
    }
    let mut pos = 0;
    let mut from = 0;
    while let Some(i) = next_special(text, from) {
        let len = if text[i..].starts_with("\\|") {
            Some((2, Class::Punct))
        } else {
            note_reference(&text[i..]).map(|len| (len, Class::Word))
        };
        match len {
            Some((len, class)) => {
                for_each_uax29(&text[pos..i], |s, p, c| f(pos + s, p, c));
                f(i, &text[i..i + len], class);
                pos = i + len;
                from = pos;
            }
            None => from = i + 2,
        }
    }
    for_each_uax29(&text[pos..], |s, p, c| f(pos + s, p, c));
}

/// The offset of the next `[^` or `\|` in `text` from `from`.
fn next_special(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    [rest.find("[^"), rest.find("\\|")]
        .into_iter()
        .flatten()
        .min()
        .map(|i| i + from)
}

/// The length in bytes of the note reference `[^label]` that `s` starts with, if it does:
/// a label of one to sixteen ASCII letters and digits.
pub(crate) fn note_reference(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("[^")?;
    let label = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    ((1..=16).contains(&label) && rest.as_bytes().get(label) == Some(&b']')).then_some(label + 3)
}

/// Call `f` with every UAX #29 word-bound piece of `text`, its byte offset and its class.
///
/// ASCII texts take a fast path: their words come from a byte scanner
/// ([`crate::model::for_each_ascii_word`], the word rules of UAX #29 as they apply to
/// ASCII), many times faster than `split_word_bound_indices`, and the gaps between the
/// words hold no letter or digit, so only the rules for ASCII whitespace and punctuation can apply there: CR LF
/// stay together (WB3), runs of spaces stay together (WB3d), runs of underscores stay
/// together (WB13a), and every other character stands alone (WB999).
///
/// A text with non-ASCII characters is taken line by line (UAX #29 always breaks before
/// and after a line break, and keeps CR LF together, WB3–WB3b), so that only its
/// non-ASCII lines need more: a line of Latin letters and common marks is scanned as its
/// ASCII proxy ([`crate::model::latin_proxy`]), any other takes the full segmentation.
fn for_each_uax29<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str, Class)) {
    if text.is_ascii() {
        return for_each_ascii(text, f);
    }
    let (mut proxy, mut starts) = (Vec::new(), Vec::new());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.is_ascii() {
            for_each_ascii(line, |i, piece, class| f(at + i, piece, class));
        } else if crate::model::latin_proxy(line, &mut proxy, Some(&mut starts)) {
            // The proxy is ASCII by construction; its pieces are the line's, a byte for a
            // character. A piece with a non-ASCII character is classed from its own text.
            let proxy = std::str::from_utf8(&proxy).expect("a proxy is ASCII");
            for_each_ascii(proxy, |i, p, class| {
                let (start, end) = (starts[i] as usize, starts[i + p.len()] as usize);
                let piece = &line[start..end];
                let class = if piece.len() == p.len() {
                    class
                } else {
                    classify(piece)
                };
                f(at + start, piece, class);
            });
        } else {
            for (i, piece) in line.split_word_bound_indices() {
                f(at + i, piece, classify(piece));
            }
        }
        at += line.len();
    }
}

/// [`for_each_uax29`] for an ASCII text, in one scan: each word's run as
/// [`crate::model::for_each_ascii_word`] reads it, each gap token by the rules above.
/// A run of underscores alone is not a word and is the gap's underscore run.
fn for_each_ascii<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str, Class)) {
    use crate::model::{ascii_word_end, is_word_byte};
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let (start, first) = (i, bytes[i]);
        i += 1;
        let class = match first {
            _ if is_word_byte(first) => {
                i = ascii_word_end(bytes, start);
                if first != b'_' || bytes[start..i].iter().any(|&b| b != b'_') {
                    Class::Word
                } else {
                    Class::Punct
                }
            }
            b' ' => {
                while i < n && bytes[i] == b' ' {
                    i += 1;
                }
                Class::Space
            }
            b'\t' => Class::Space,
            b'\r' => {
                if i < n && bytes[i] == b'\n' {
                    i += 1;
                }
                Class::Break
            }
            b'\n' | 0x0b | 0x0c => Class::Break,
            _ => Class::Punct,
        };
        f(start, &text[start..i], class);
    }
}

fn classify(piece: &str) -> Class {
    if piece.chars().any(char::is_alphanumeric) {
        Class::Word
    } else if piece.chars().all(char::is_whitespace) {
        if piece.contains([
            '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
        ]) {
            Class::Break
        } else {
            Class::Space
        }
    } else {
        Class::Punct
    }
}

/// Articles, prepositions, conjunctions and pronouns of the languages treaties are most often
/// drafted in (English, French, Spanish, German). Modals, negations and numbers are
/// deliberately absent: they carry meaning and are never absorbed for free.
const FUNCTION_WORDS: &[&str] = &[
    "a", "al", "als", "an", "and", "any", "are", "as", "at", "au", "aux", "be", "by", "con", "d",
    "dans", "das", "de", "del", "dem", "den", "der", "des", "die", "du", "e", "ein", "eine",
    "einer", "el", "en", "et", "for", "from", "für", "has", "have", "her", "his", "im", "in",
    "into", "is", "it", "its", "l", "la", "las", "le", "les", "los", "mit", "o", "of", "on",
    "onto", "or", "ou", "par", "para", "por", "pour", "que", "qui", "sur", "than", "that", "the",
    "their", "them", "these", "they", "this", "those", "to", "u", "un", "una", "und", "une",
    "upon", "von", "was", "were", "which", "who", "whom", "whose", "with", "y", "zu", "à",
];

pub(crate) fn is_function_word(piece: &str) -> bool {
    let mut buf = [0u8; 8];
    let Some(lower) = buf.get_mut(..piece.len()) else {
        return false;
    };
    lower.copy_from_slice(piece.as_bytes());
    lower.make_ascii_lowercase();
    let folded = std::str::from_utf8(lower).unwrap_or(piece);
    FUNCTION_WORDS.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, Class)> {
        let t = Tokens::new(text);
        t.tokens
            .iter()
            .map(|k| (&text[k.start..k.end], k.class))
            .collect()
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_whitespace_and_punctuation_are_separate_tokens() {
        use Class::*;
        assert_eq!(
            pieces("The State, \tshall."),
            [
                ("The", Word),
                (" ", Space),
                ("State", Word),
                (",", Punct),
                (" ", Space),
                ("\t", Space),
                ("shall", Word),
                (".", Punct)
            ]
        );
    }

    #[test]
    fn crlf_is_one_line_break() {
        let p = pieces("a\r\nb");
        assert_eq!(p[1], ("\r\n", Class::Break));
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn unicode_words_count_like_the_model() {
        for text in [
            "Les États parties s'engagent à… 😀 fin",
            "移民の権利を保護する",
            "حقوق المهاجرين مكفولة",
            "1.5 % of 30 days; art. 7(2)",
            "",
            "   \n\t",
        ] {
            let t = Tokens::new(text);
            assert_eq!(
                t.words(&(0..t.len())),
                crate::model::word_count(text),
                "{text}"
            );
            let joined: String = t.tokens.iter().map(|k| &text[k.start..k.end]).collect();
            assert_eq!(joined, text);
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_matches_uax29(text in r#"[a-c0-9 _.,'"!?%&@\-\r\n\t:;()\[\]]{0,40}"#) {
            let mut fast = Vec::new();
            for_each_bound(&text, |i, p, class| fast.push((i, p, class)));
            let slow: Vec<_> = text
                .split_word_bound_indices()
                .map(|(i, p)| (i, p, classify(p)))
                .collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn a_note_reference_is_one_word_token() {
        use Class::*;
        assert_eq!(
            pieces("law[^1], see [^12b]. [^x] [^] [^a-b]"),
            [
                ("law", Word),
                ("[^1]", Word),
                (",", Punct),
                (" ", Space),
                ("see", Word),
                (" ", Space),
                ("[^12b]", Word),
                (".", Punct),
                (" ", Space),
                ("[^x]", Word),
                (" ", Space),
                ("[", Punct),
                ("^", Punct),
                ("]", Punct),
                (" ", Space),
                ("[", Punct),
                ("^", Punct),
                ("a", Word),
                ("-", Punct),
                ("b", Word),
                ("]", Punct),
            ]
        );
        assert_eq!(pieces("É[^1]é").len(), 3);
        assert_eq!(note_reference("[^1]: note"), Some(4));
        assert_eq!(note_reference("[^12345678901234567]"), None);
    }

    #[test]
    fn an_escaped_pipe_is_one_token() {
        use Class::*;
        assert_eq!(
            pieces(r"| a\|b | c\\| |"),
            [
                ("|", Punct),
                (" ", Space),
                ("a", Word),
                (r"\|", Punct),
                ("b", Word),
                (" ", Space),
                ("|", Punct),
                (" ", Space),
                ("c", Word),
                (r"\", Punct),
                (r"\|", Punct),
                (" ", Space),
                ("|", Punct),
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn tokens_with_note_references_tile_the_text_and_count_like_the_model(
            text in r#"([a-cÉ0-9 .\[\]^\n]|\[\^[a-z0-9]{1,3}\]){0,30}"#
        ) {
            let t = Tokens::new(&text);
            let joined: String = t.tokens.iter().map(|k| &text[k.start..k.end]).collect();
            proptest::prop_assert_eq!(&joined, &text);
            proptest::prop_assert_eq!(t.words(&(0..t.len())), crate::model::word_count(&text));
            for k in &t.tokens {
                let piece = &text[k.start..k.end];
                if piece.starts_with("[^") && piece.len() > 2 {
                    proptest::prop_assert_eq!(note_reference(piece), Some(piece.len()));
                }
            }
            let mut from = 0;
            while let Some(i) = text[from..].find("[^").map(|i| i + from) {
                if let Some(len) = note_reference(&text[i..]) {
                    proptest::prop_assert!(
                        t.tokens.iter().any(|k| k.start == i && k.end == i + len),
                        "reference at {} is not one token", i
                    );
                    from = i + len;
                } else {
                    from = i + 2;
                }
            }
        }
    }

    /// The pieces and classes of `text` by the line-by-line path, then by the full
    /// segmentation of the whole text.
    #[allow(clippy::type_complexity)]
    fn segmented_both_ways(text: &str) -> (Vec<(usize, &str, Class)>, Vec<(usize, &str, Class)>) {
        let mut got = Vec::new();
        for_each_uax29(text, |i, p, c| got.push((i, p, c)));
        let want = text
            .split_word_bound_indices()
            .map(|(i, p)| (i, p, classify(p)))
            .collect();
        (got, want)
    }

    /// Taking a mixed text line by line, with the ASCII lines on the fast path, gives the
    /// pieces and classes of the full segmentation of the whole text.
    #[test]
    fn line_by_line_segmentation_matches_the_whole_text() {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "a", "Z", "0", "_", ":", ".", "'", ",", " ", "  ", "\n", "\r\n", "\r", "\t", "-", "\"",
            "é", "\u{301}", "\u{200d}", "\u{a0}", "٣", "…", "’", "ः", "日本", "\u{b}", "\u{85}",
            "\u{2028}", "👍", "|", "9", ";", "__", "\u{c}", "~", "ä", "ß", "§", "–", "‘", "«", "Ü",
            "\u{17f}", "\u{202f}", "\u{b7}", "²",
        ]);
        fn same_as_whole(text: &str) -> Result<(), TestCaseError> {
            let (got, want) = segmented_both_ways(text);
            prop_assert_eq!(got, want, "{:?}", text);
            Ok(())
        }
        proptest!(ProptestConfig::with_cases(20_000), |(parts in prop::collection::vec(pieces, 0..40))| {
            let text = parts.concat();
            same_as_whole(&text)?;
            let mut words = Vec::new();
            crate::model::for_each_word_index(&text, |i, w| words.push((i, w)));
            prop_assert_eq!(words, text.unicode_word_indices().collect::<Vec<_>>(), "{:?}", text);
        });
        let ascii =
            prop::collection::vec(0u8..128, 0..80).prop_map(|b| String::from_utf8(b).unwrap());
        proptest!(ProptestConfig::with_cases(20_000), |(text in ascii)| {
            same_as_whole(&text)?;
        });
    }

    /// Every character with a Latin proxy, in every context of two characters drawn from
    /// the ASCII classes and the proxies' own kinds, is segmented, classed and counted as
    /// the full segmentation does it.
    #[test]
    fn latin_proxy_matches_the_unicode_segmentation() {
        use crate::model::{latin_proxy_byte, word_count};
        let table: Vec<char> = ('\u{80}'..='\u{2fff}')
            .filter(|&c| latin_proxy_byte(c).is_some())
            .collect();
        assert!(table.len() > 200);
        for &c in &table {
            let b = latin_proxy_byte(c).expect("in the table");
            // Only letters stand for letters; nothing else is a word to `unicode_words`.
            assert_eq!(c.is_alphanumeric(), b == b'a', "{c:?}");
            assert!(!c.is_whitespace() || c == '\u{a0}', "{c:?}");
        }
        let mut contexts: Vec<String> = [
            "a", "Z", "0", "9", "_", ":", ".", "'", ",", ";", " ", "\t", "\n", "\r", "-", "#",
            "\"", "é", "ß", "’", "‘", "§", "\u{a0}", "–", "\u{301}", "\u{b7}", "٣",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        contexts.push(String::new());
        let check = |text: &str| {
            let (got, want) = segmented_both_ways(text);
            assert_eq!(got, want, "{text:?}");
            assert_eq!(word_count(text), text.unicode_words().count(), "{text:?}");
            let mut words = Vec::new();
            crate::model::for_each_word_index(text, |i, w| words.push((i, w)));
            let want: Vec<_> = text.unicode_word_indices().collect();
            assert_eq!(words, want, "{text:?}");
        };
        for &c in &table {
            let c = c.to_string();
            for x in &contexts {
                for y in &contexts {
                    for text in [
                        format!("{x}{c}{y}"),
                        format!("{c}{x}{c}"),
                        format!("{x}{y}{c}"),
                        format!("{c}{x}{y}"),
                        format!("{x}{c}{c}{y}"),
                    ] {
                        check(&text);
                    }
                }
            }
        }
    }

    #[test]
    fn one_byte_ids_are_the_hashes_of_their_text() {
        for b in 0..128u8 {
            let text = char::from(b).to_string();
            assert_eq!(
                ONE_BYTE_IDS[usize::from(b)],
                FxBuildHasher.hash_one(text.as_str())
            );
            let t = Tokens::new(&text);
            assert_eq!(t.ids, [FxBuildHasher.hash_one(text.as_str())]);
        }
    }

    #[test]
    fn equal_texts_get_equal_ids_across_sides() {
        let a = Tokens::new("shall respect");
        let b = Tokens::new("may respect");
        assert_eq!(a.ids[2], b.ids[2]);
        assert_ne!(a.ids[0], b.ids[0]);
    }

    #[test]
    fn function_words_fold_case_and_skip_long_words() {
        assert!(is_function_word("The"));
        assert!(is_function_word("für"));
        assert!(!is_function_word("shall"));
        assert!(!is_function_word("notwithstanding"));
        let t = Tokens::new("the State of emergency");
        assert_eq!(
            (t.words(&(0..t.len())), t.content_words(&(0..t.len()))),
            (4, 2)
        );
    }
}
