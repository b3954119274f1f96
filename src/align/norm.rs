//! Text normalisation for alignment: one canonical form of an article's text, used both
//! for the identity hash (stage 3) and as the source of the word tokens (stage 4).
//!
//! The canonical form is NFKD without combining marks (accents), lower-cased, with every run of whitespace collapsed to one
//! space and the leading paragraph number of each line ("1.", "2)", "(3)") dropped, so that
//! re-flowing a paragraph, changing letter case or renumbering paragraphs after an
//! insertion does not make an article look different.

use std::hash::{DefaultHasher, Hasher};
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// Drops a leading paragraph number: `1.`, `12)`, `(3)`, followed by a space or the end.
/// A number that runs on (`1.5 million`) is text, not a paragraph number, and stays.
pub(crate) fn strip_paragraph_number(line: &str) -> &str {
    let t = line.trim_start();
    let b = t.as_bytes();
    let open = b.first() == Some(&b'(');
    let start = usize::from(open);
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() && i - start < 4 {
        i += 1;
    }
    if i == start {
        return t;
    }
    match (b.get(i), open) {
        (Some(b')'), _) | (Some(b'.'), false) => i += 1,
        _ => return t,
    }
    match b.get(i) {
        None => "",
        Some(c) if c.is_ascii_whitespace() => t[i..].trim_start(),
        Some(_) => t,
    }
}

/// Writes the canonical form of `text` into `out` (cleared first). `out` is always valid
/// UTF-8; it is a byte buffer so that ASCII lines, the usual case, are lower-cased and
/// squeezed byte by byte without branches.
pub(crate) fn normalise_into(text: &str, out: &mut Vec<u8>) {
    normalise_marked(text, out, |_| {});
}

/// [`normalise_into`], also writing into `lines` where the canonical form of each line of
/// `text` (as [`str::lines`] cuts it) starts in `out`: the paragraphs of an article are
/// runs of its lines, so their words can be taken from the article's without normalising
/// them again. A line's start may lie one past the end of `out` (the trailing space is
/// dropped last).
pub(crate) fn normalise_lines_into(text: &str, out: &mut Vec<u8>, lines: &mut Vec<u32>) {
    lines.clear();
    normalise_marked(text, out, |at| lines.push(at as u32));
}

fn normalise_marked(text: &str, out: &mut Vec<u8>, mut mark: impl FnMut(usize)) {
    out.clear();
    out.reserve(text.len() + 1);
    for line in text.lines() {
        mark(out.len());
        let line = strip_paragraph_number(line);
        if line.is_ascii() {
            push_ascii(line.as_bytes(), out);
        } else {
            push_unicode(line, out);
        }
        if out.last().is_some_and(|&c| c != b' ') {
            out.push(b' ');
        }
    }
    if out.last() == Some(&b' ') {
        out.pop();
    }
}

/// Appends an ASCII line lower-cased, each whitespace run written as one space (none at
/// the start of the output).
fn push_ascii(line: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    let after_space = out.last().is_none_or(|&c| c == b' ');
    // Folding byte by byte without looking back lets the compiler vectorise it; most lines
    // have no run of whitespace to squeeze, and those that do are squeezed after.
    out.extend(line.iter().map(|&b| fold(b)));
    let new = &out[start..];
    if (after_space && new.first() == Some(&b' ')) || memchr::memmem::find(new, b"  ").is_some() {
        squeeze(out, start, after_space);
    }
}

/// An ASCII byte as the canonical form writes it: whitespace as a space, letters
/// lower-cased.
fn fold(b: u8) -> u8 {
    let space = matches!(b, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r');
    let upper = b.wrapping_sub(b'A') < 26;
    if space {
        b' '
    } else {
        b | (u8::from(upper) << 5)
    }
}

/// Collapses each run of spaces in `out[start..]` to one, and drops a leading one when
/// the text before ends with a space (`after_space`).
fn squeeze(out: &mut Vec<u8>, start: usize, after_space: bool) {
    let mut last_space = after_space;
    let mut w = start;
    for r in start..out.len() {
        let b = out[r];
        let space = b == b' ';
        out[w] = b;
        w += usize::from(!(space && last_space));
        last_space = space;
    }
    out.truncate(w);
}

/// The same for a line with non-ASCII characters, after NFKD and without combining marks:
/// a version that changed only its accents (Greek monotonic for polytonic, Romanian
/// `ș` for `ş`, `ARTICULO` for `ARTÍCULO`) still says the same thing, and the redline
/// shows what changed.
fn push_unicode(line: &str, out: &mut Vec<u8>) {
    let start = out.len();
    if !push_latin(line, out) {
        out.truncate(start);
        push_unicode_whole(line, out);
    }
}

/// The canonical form of each character of Latin-1, Latin Extended-A and -B and General
/// Punctuation, alone: what [`push_unicode_whole`] writes for it (`" "` for whitespace),
/// or `None` where it would not be the character's own (a character whose decomposition
/// holds a mark that canonical ordering could move and that is kept, or whitespace beside
/// other text).
static LATIN: LazyLock<Vec<Option<Box<str>>>> = LazyLock::new(|| {
    use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
    let fold = |c: char| {
        let decomposed: Vec<char> = std::iter::once(c).nfkd().collect();
        if decomposed
            .iter()
            .any(|&d| canonical_combining_class(d) != 0 && !is_combining_mark(d))
        {
            return None;
        }
        let mut out = Vec::new();
        push_unicode_whole(&c.to_string(), &mut out);
        let out = String::from_utf8(out).ok()?;
        let lowered: String = decomposed
            .into_iter()
            .filter(|&d| !is_combining_mark(d))
            .flat_map(char::to_lowercase)
            .collect();
        match lowered.chars().filter(|d| d.is_whitespace()).count() {
            0 => Some(out.into_boxed_str()),
            1 if lowered.chars().count() == 1 => Some(" ".into()),
            _ => None,
        }
    };
    LATIN_RANGES
        .iter()
        .flat_map(|r| r.clone())
        .map(|c| char::from_u32(c).and_then(fold))
        .collect()
});

/// The characters of [`LATIN`], in order.
const LATIN_RANGES: [std::ops::Range<u32>; 2] = [0x80..0x250, 0x2000..0x2070];

/// The entry of `c` in [`LATIN`].
fn latin_fold(c: char) -> Option<&'static str> {
    let c = c as u32;
    let [low, punct] = &LATIN_RANGES;
    let i = if low.contains(&c) {
        c - low.start
    } else if punct.contains(&c) {
        c - punct.start + low.len() as u32
    } else {
        return None;
    };
    LATIN[i as usize].as_deref()
}

/// [`push_unicode_whole`] for a line of ASCII and [`LATIN`] characters, a character at a
/// time: NFKD decomposes each character on its own, canonical ordering only moves marks
/// (which are dropped, and [`LATIN`] holds no character with another mark), and lower
/// casing is per character, so the line's form is its characters' forms one after the
/// other, with whitespace squeezed as the whole line's would be. `false` (with `out`
/// partly written) at the first character of no such form.
fn push_latin(line: &str, out: &mut Vec<u8>) -> bool {
    let mut last_space = out.last().is_none_or(|&c| c == b' ');
    for c in line.chars() {
        let (space, bytes) = if c.is_ascii() {
            let b = c as u8;
            (c.is_whitespace(), b.to_ascii_lowercase())
        } else {
            match latin_fold(c) {
                Some(" ") => (true, 0),
                Some(s) => {
                    out.extend_from_slice(s.as_bytes());
                    last_space &= s.is_empty();
                    continue;
                }
                None => return false,
            }
        };
        if space {
            if !last_space {
                out.push(b' ');
            }
            last_space = true;
        } else {
            out.push(bytes);
            last_space = false;
        }
    }
    true
}

/// [`push_unicode`] for any line, through the full normalisation.
fn push_unicode_whole(line: &str, out: &mut Vec<u8>) {
    let mut last_space = out.last().is_none_or(|&c| c == b' ');
    let mut utf8 = [0u8; 4];
    let base = line
        .nfkd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c));
    for c in base.flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            if !last_space {
                out.push(b' ');
            }
            last_space = true;
        } else {
            out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            last_space = false;
        }
    }
}

/// The canonical form of `text` as a new string.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    normalise_into(text, &mut out);
    // Only whole characters are ever written, so this never needs the lossy path.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A 64-bit SipHash of the canonical form: equal texts (after normalisation) hash equal.
/// The hasher's keys are fixed, so hashes are the same from run to run.
pub(crate) fn identity_hash(text: &str, buf: &mut Vec<u8>) -> u64 {
    normalise_into(text, buf);
    identity_hash_of(buf)
}

/// The identity hash of a text already in canonical form.
pub(crate) fn identity_hash_of(canonical: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(canonical);
    h.finish()
}

/// Like [`identity_hash_of`], but blind to the numbers cited in cross-references, which
/// renumbering changes in articles that are otherwise untouched: a word starting with a
/// digit is masked after "article", "articles" or "art", and after a masked number
/// followed by "and", "or" or "to" ("articles 12 and 13"). `None` for a text that cites
/// no article: [`identity_hash_of`] already decided about it.
pub(crate) fn citation_blind_hash(buf: &[u8]) -> Option<u64> {
    // Nothing is masked before a word starting with "art", and only such a word starts a
    // citation: outside one, the scan jumps from one to the next (a substring search)
    // instead of reading every word.
    let mut at = citation_start(buf, 0)?;
    let mut m = Masking::default();
    while at <= buf.len() {
        if !m.citing {
            match citation_start(buf, at) {
                Some(next) => at = next,
                None => break,
            }
        }
        let len = buf[at..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(buf.len() - at);
        m.word(buf, at, len);
        at += len + 1;
    }
    m.hash(buf)
}

/// The cited numbers masked so far in a canonical text, read word by word.
#[derive(Default)]
struct Masking {
    masked: Vec<u8>,
    citing: bool,
    copied: usize,
}

impl Masking {
    /// Reads the word `buf[at..at + len]`: masks it when it is a cited number.
    fn word(&mut self, buf: &[u8], at: usize, len: usize) {
        let word = &buf[at..at + len];
        let mask = self.citing && word.first().is_some_and(u8::is_ascii_digit);
        if mask {
            self.masked.extend_from_slice(&buf[self.copied..at]);
            self.masked.push(b'#');
            self.copied = at + len;
        }
        if !word.is_empty() {
            self.citing = mask
                || matches!(word, b"article" | b"articles" | b"art")
                || self.citing && matches!(word, b"and" | b"or" | b"to");
        }
    }

    /// The hash of `buf` with its cited numbers masked, `None` when none was.
    fn hash(mut self, buf: &[u8]) -> Option<u64> {
        if self.masked.is_empty() {
            return None;
        }
        self.masked
            .extend_from_slice(buf.get(self.copied..).unwrap_or_default());
        let mut h = DefaultHasher::new();
        h.write(&self.masked);
        Some(h.finish())
    }
}

/// Where the first word starting with `art` at or after `from` starts (a substring search,
/// not a scan of every byte window).
fn citation_start(buf: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find_iter(&buf[from..], b"art")
        .map(|i| from + i)
        .find(|&i| i == 0 || !buf[i - 1].is_ascii_alphanumeric())
}

/// Calls `f` with each word of a canonical text: maximal runs of letters and digits.
pub(crate) fn for_each_word(canonical: &[u8], mut f: impl FnMut(&[u8])) {
    if canonical.is_ascii() {
        for w in canonical.split(|b| !b.is_ascii_alphanumeric()) {
            if !w.is_empty() {
                f(w);
            }
        }
    } else {
        let text = String::from_utf8_lossy(canonical);
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                f(w.as_bytes());
            }
        }
    }
}

/// The words of a canonical text, as strings.
pub(crate) fn words(canonical: &str) -> Vec<&str> {
    canonical
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_numbers_are_dropped_but_numbers_in_text_stay() {
        assert_eq!(
            strip_paragraph_number("1. States Parties"),
            "States Parties"
        );
        assert_eq!(strip_paragraph_number("  (2) Every person"), "Every person");
        assert_eq!(strip_paragraph_number("12) Item"), "Item");
        assert_eq!(strip_paragraph_number("1.5 million"), "1.5 million");
        assert_eq!(strip_paragraph_number("2018 was"), "2018 was");
        assert_eq!(strip_paragraph_number("(a) item"), "(a) item");
        assert_eq!(strip_paragraph_number("3."), "");
    }

    #[test]
    fn canonical_form_folds_case_space_width_and_numbering() {
        let a = "1. States  Parties SHALL\n   act.\n2. Each State";
        let b = "States parties shall act.\n\n7. each state";
        assert_eq!(normalise(a), "states parties shall act. each state");
        assert_eq!(normalise(a), normalise(b));
        // NFKD: the ligature and the full-width letters fold to plain ones.
        assert_eq!(normalise("ﬁnal ＡＢＣ"), "final abc");
    }

    fn same_as_whole(line: &str) {
        for before in [&b""[..], b"x", b"x "] {
            let (mut fast, mut whole) = (before.to_vec(), before.to_vec());
            push_unicode(line, &mut fast);
            push_unicode_whole(line, &mut whole);
            assert_eq!(fast, whole, "{line:?} after {before:?}");
        }
    }

    /// Every character of [`LATIN`]'s ranges, with or without a form of its own, in
    /// contexts of letters, marks, whitespace and other Latin characters, folds as the
    /// whole line's normalisation folds it.
    #[test]
    fn latin_lines_fold_like_the_whole_normalisation() {
        let chars: Vec<char> = LATIN_RANGES
            .iter()
            .flat_map(|r| r.clone())
            .filter_map(char::from_u32)
            .collect();
        let own = chars.iter().filter(|&&c| latin_fold(c).is_some()).count();
        assert!(own > 550, "{own}");
        assert_eq!(latin_fold('\u{a0}'), Some(" "));
        assert_eq!(latin_fold('Ä'), Some("a"));
        let contexts = [
            "", "a", "Q", " ", "  ", "\t", "\u{b}", "\u{1c}", "1", ".", "é", "\u{301}", "\u{a0}",
            "ß", "İ", "\u{2003}", "\u{308}x", "ǅ", "ﬁ", "Σ", "\u{345}", "\u{85}",
        ];
        for c in chars {
            for x in contexts {
                for y in contexts {
                    same_as_whole(&format!("{x}{c}{y}"));
                    same_as_whole(&format!("{c}{x}{c}{y}"));
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        #[test]
        fn latin_lines_fold_like_the_whole_normalisation_at_random(
            line in "[a-zA-Z0-9 \t\u{b}.,äöüßÄÖÜéÈçñ§–„“”’\u{a0}\u{2003}\u{202f}\u{301}İǅ¼¨ſŉ]{0,40}"
        ) {
            same_as_whole(&line);
        }
    }

    #[test]
    fn accents_do_not_count() {
        assert_eq!(
            normalise("ARTÍCULO único: la ţară"),
            normalise("ARTICULO unico: la țară")
        );
        // Monotonic and polytonic Greek spellings of the same words.
        assert_eq!(normalise("ἄρθρο ὅλοι"), normalise("άρθρο όλοι"));
        assert_ne!(normalise("article"), normalise("articles"));
    }

    #[test]
    fn identity_hash_tells_real_differences_apart() {
        let mut buf = Vec::new();
        let a = identity_hash("1. Everyone has the right.", &mut buf);
        let b = identity_hash("EVERYONE  has the right.", &mut buf);
        let c = identity_hash("Everyone has the right, always.", &mut buf);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn citation_blind_hash_ignores_only_cited_numbers() {
        let mut buf = Vec::new();
        let blind = |t: &str| citation_blind_hash(normalise(t).as_bytes());
        let a = blind("As set out in article 12, the Parties act.");
        let b = blind("As set out in Article 14, the Parties act.");
        let c = blind("As set out in article 14, the Parties act now.");
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(blind("No citation here."), None);
        assert_ne!(
            identity_hash("in article 12", &mut buf),
            identity_hash("in article 14", &mut buf)
        );
        assert_eq!(
            blind("under articles 3, 4 and 5."),
            blind("under articles 6, 7 and 9.")
        );
        assert_eq!(blind("within 30 days"), None);
        assert_ne!(blind("article 5 applies"), blind("article 5 applied"));
    }

    /// The citation-blind hash as it was computed before the scan jumped between
    /// citations: every word from the first "art" on.
    fn word_by_word(buf: &[u8]) -> Option<u64> {
        let start = citation_start(buf, 0)?;
        let mut m = Masking::default();
        let mut at = start;
        for word in buf[start..].split(|b| !b.is_ascii_alphanumeric()) {
            m.word(buf, at, word.len());
            at += word.len() + 1;
        }
        m.hash(buf)
    }

    #[test]
    fn fold_is_the_std_whitespace_test_and_case_fold() {
        for b in 0..=127u8 {
            let want = if b.is_ascii_whitespace() {
                b' '
            } else {
                b.to_ascii_lowercase()
            };
            assert_eq!(fold(b), want, "{b}");
        }
    }

    proptest::proptest! {
        /// An ASCII text's canonical form is its lines' words (paragraph numbers dropped)
        /// lower-cased and joined by single spaces: the table-driven fold writes that.
        #[test]
        fn ascii_canonical_form_is_lowered_words_joined(text in "[a-zA-Z0-9 .()\\n\\t\\r\x0c]{0,80}") {
            let words: Vec<String> = text
                .lines()
                .flat_map(|l| strip_paragraph_number(l).split_ascii_whitespace())
                .map(str::to_ascii_lowercase)
                .collect();
            proptest::prop_assert_eq!(normalise(&text), words.join(" "));
        }

        #[test]
        fn citation_search_starts_at_the_first_word_opening_with_art(text in "(art|part|article|12| |,|é){0,12}") {
            let b = text.as_bytes();
            let scan = b
                .windows(3)
                .enumerate()
                .find(|&(i, w)| w == b"art" && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
                .map(|(i, _)| i);
            proptest::prop_assert_eq!(citation_start(b, 0), scan);
        }

        /// The jumping scan masks what the word-by-word scan it replaced masks.
        #[test]
        fn citation_blind_hash_is_the_word_by_word_scan(
            text in "(art|part|article|articles|and|or|to|12|3a|x| |,|\\.|é){0,24}",
        ) {
            let c = normalise(&text);
            proptest::prop_assert_eq!(citation_blind_hash(c.as_bytes()), word_by_word(c.as_bytes()));
        }
    }

    #[test]
    fn words_split_on_punctuation() {
        let w = words("states' duty, under article 12bis.");
        assert_eq!(w, ["states", "duty", "under", "article", "12bis"]);
        let mut bytes = Vec::new();
        for_each_word("états, über".as_bytes(), |w| bytes.push(w.to_vec()));
        assert_eq!(bytes, ["états".as_bytes(), "über".as_bytes()]);
    }
}
