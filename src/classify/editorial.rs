//! Editorial changes: two texts that say the same thing once presentation is set aside.
//!
//! Each [`Aspect`] is one kind of presentation a drafter may change without changing the
//! meaning. Both texts are normalised with every aspect switched on; if they still differ,
//! the change is not editorial. If they agree, aspects are switched off one at a time
//! (the broadest first, so the most specific explanation survives) as long as the texts
//! still agree; the aspects left are the reason: "only punctuation", "only whitespace and
//! letter case".
//!
//! Normalisation is one pass over the characters and one tokenisation (the redline's, with
//! its fast path for ASCII), so the check costs little more than reading both texts.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::redline::tokens::{for_each_bound, Class};

/// One kind of presentation that does not change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Aspect {
    /// Any whitespace, line breaks included.
    Whitespace,
    /// Unicode compatibility forms: ligatures, full-width letters, composed accents (NFKC).
    UnicodeForm,
    /// Straight or typographic quotes and apostrophes, guillemets.
    QuoteStyle,
    /// Upper or lower case.
    LetterCase,
    /// Punctuation marks other than square brackets (which mark text under negotiation).
    Punctuation,
    /// The number or letter that opens a paragraph: `1.`, `(a)`, `iv)`.
    ParagraphNumbering,
    /// The article numbers cited in cross-references (`article 7` → `article 8`).
    CrossReferences,
}

impl Aspect {
    /// The order in which aspects are switched off: broad ones first, so that a curly quote
    /// is explained as "quote style" rather than "punctuation", and a non-breaking space as
    /// "whitespace" rather than a Unicode form.
    const TRY_OFF: [Aspect; 7] = [
        Aspect::Punctuation,
        Aspect::UnicodeForm,
        Aspect::Whitespace,
        Aspect::LetterCase,
        Aspect::QuoteStyle,
        Aspect::ParagraphNumbering,
        Aspect::CrossReferences,
    ];

    /// The order in which reasons are listed, and their names in the reader's words.
    const REPORT: [(Aspect, &'static str); 7] = [
        (Aspect::Whitespace, "whitespace"),
        (Aspect::Punctuation, "punctuation"),
        (Aspect::LetterCase, "letter case"),
        (Aspect::QuoteStyle, "quote style"),
        (Aspect::UnicodeForm, "Unicode character forms"),
        (Aspect::ParagraphNumbering, "paragraph numbering"),
        (Aspect::CrossReferences, "cross-reference numbers"),
    ];

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of aspects, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Aspects(u8);

impl Aspects {
    const ALL: Aspects = Aspects(0x7f);
    const NONE: Aspects = Aspects(0);
    /// The aspects that change the characters of a text (and which text is normalised:
    /// references masked or not); the others only drop some of its tokens.
    const CHARACTERS: Aspects = Aspects(
        Aspect::UnicodeForm.bit()
            | Aspect::QuoteStyle.bit()
            | Aspect::LetterCase.bit()
            | Aspect::ParagraphNumbering.bit()
            | Aspect::CrossReferences.bit(),
    );

    fn has(self, a: Aspect) -> bool {
        self.0 & a.bit() != 0
    }

    fn without(self, a: Aspect) -> Aspects {
        Aspects(self.0 & !a.bit())
    }
}

/// `Some("only …")` when `base` and `head` differ only in editorial aspects, naming the
/// fewest aspects that explain the difference; `None` when the wording itself differs.
pub(crate) fn explain(base: &str, head: &str) -> Option<String> {
    let on = explanation(&Prepared::new(base), &Prepared::new(head))?;
    let names: Vec<&str> = Aspect::REPORT
        .iter()
        .filter(|(a, _)| on.has(*a))
        .map(|(_, name)| *name)
        .collect();
    Some(match names.as_slice() {
        [] => "no difference".to_owned(),
        [one] => format!("only {one}"),
        [rest @ .., last] => format!("only {} and {last}", rest.join(", ")),
    })
}

/// The fewest aspects that make the texts agree, switched off in [`Aspect::TRY_OFF`]'s
/// order; `None` when even all of them do not.
fn explanation(b: &Prepared<'_>, h: &Prepared<'_>) -> Option<Aspects> {
    let mut passes = Passes::default();
    let mut on = Aspects::ALL;
    if !passes.same(b, h, on) {
        return None;
    }
    for aspect in Aspect::TRY_OFF {
        let fewer = on.without(aspect);
        // `on` always makes the texts agree; an aspect that changes neither text's
        // normalisation leaves them agreeing without a pass (splits and merges are
        // normalised whole, once per aspect, and most are ASCII without references).
        if inert(aspect, b, h) || passes.same(b, h, fewer) {
            on = fewer;
        }
    }
    Some(on)
}

/// Whether switching `aspect` off changes neither text's normalisation, whatever else is
/// on: an ASCII line is normalised without NFKC and folds only the backtick as a quote
/// ([`Normalised::new`]), and a text without references is its own masked text.
fn inert(aspect: Aspect, a: &Prepared<'_>, b: &Prepared<'_>) -> bool {
    let ascii = || a.raw.is_ascii() && b.raw.is_ascii();
    match aspect {
        Aspect::UnicodeForm => ascii(),
        Aspect::QuoteStyle => ascii() && !a.raw.contains('`') && !b.raw.contains('`'),
        Aspect::CrossReferences => !a.references && !b.references,
        _ => false,
    }
}

/// What a cross-reference number is replaced with: a word, so that the punctuation aspect
/// does not drop it (a reference added to a list is not editorial).
const REFERENCE_MASK: &str = "xref";

/// A text with its cross-reference numbers masked, computed once for every comparison.
struct Prepared<'a> {
    raw: &'a str,
    masked: String,
    /// Whether any reference was masked (else `masked` is `raw`).
    references: bool,
}

impl<'a> Prepared<'a> {
    fn new(raw: &'a str) -> Self {
        let mut masked = String::with_capacity(raw.len());
        let mut at = 0;
        let mut references = false;
        for r in crate::citations::references(raw) {
            masked.push_str(&raw[at..r.range.start]);
            masked.push_str(REFERENCE_MASK);
            at = r.range.end;
            references = true;
        }
        masked.push_str(&raw[at..]);
        Prepared {
            raw,
            masked,
            references,
        }
    }

    /// The text the aspects in `on` are normalised from.
    fn source(&self, on: Aspects) -> &str {
        if on.has(Aspect::CrossReferences) {
            &self.masked
        } else {
            self.raw
        }
    }
}

/// The normalised texts of one comparison, by the aspects that shaped their characters
/// ([`Aspects::CHARACTERS`]): switching off whitespace or punctuation keeps more of the
/// same tokens and needs no pass of its own (splits and merges were normalised whole once
/// per aspect tried).
#[derive(Default)]
struct Passes<'t> {
    done: Vec<(Aspects, Normalised, Normalised)>,
    /// The texts' differing lines, with references masked (`[1]`) or not (`[0]`): every
    /// pass reads one of the two, and cutting them again for each of the seven aspects
    /// tried was most of the check for a renumbered article.
    cut: [Option<(&'t str, &'t str)>; 2],
}

impl<'t> Passes<'t> {
    /// Whether the texts agree with the aspects in `on`.
    fn same(&mut self, a: &'t Prepared<'_>, b: &'t Prepared<'_>, on: Aspects) -> bool {
        // Only the lines that differ need normalising. Texts that agree still agree once
        // normalised (most renumbered articles differ only in their cross-references and
        // need no pass at all); with no aspect on, normalising changes nothing and the
        // tokens tile the text, so texts that differ still differ.
        let masked = usize::from(on.has(Aspect::CrossReferences));
        let (x, y) =
            *self.cut[masked].get_or_insert_with(|| differing_lines(a.source(on), b.source(on)));
        if x == y || on == Aspects::NONE {
            return x == y;
        }
        let mut key = Aspects(on.0 & Aspects::CHARACTERS.0);
        if x.is_ascii() && y.is_ascii() {
            // Never looked at on an ASCII line.
            key = key.without(Aspect::UnicodeForm);
        }
        let at = match self.done.iter().position(|(k, _, _)| *k == key) {
            Some(at) => at,
            None => {
                // A pass of ASCII lines that differs from one done only in letter case has
                // its tokens: lower-casing ASCII moves no token boundary. (A split or merge
                // tries letter case between two passes that must tokenise.)
                let case = |k: Aspects| k.0 | Aspect::LetterCase.bit();
                let twin = (x.is_ascii() && y.is_ascii())
                    .then(|| self.done.iter().find(|(k, _, _)| case(*k) == case(key)))
                    .flatten();
                let pass = match twin {
                    Some((_, p, q)) => (key, p.recased(x, key), q.recased(y, key)),
                    None => (key, Normalised::new(x, key), Normalised::new(y, key)),
                };
                self.done.push(pass);
                self.done.len() - 1
            }
        };
        let (_, p, q) = &self.done[at];
        p.agrees(q, on)
    }
}

#[cfg(test)]
fn same(a: &Prepared<'_>, b: &Prepared<'_>, on: Aspects) -> bool {
    Passes::default().same(a, b, on)
}

/// The two texts without the whole lines they share at the start and at the end.
/// Normalising works line by line and a line break always ends a token (UAX #29 breaks
/// after every line feed), so shared lines normalise to the same tokens on both sides and
/// leave the comparison to the rest.
fn differing_lines<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    // Bytes, not characters: the shared part may end inside a character, but a line feed
    // is always a character of its own, so the cuts fall on character boundaries.
    let prefix = common_prefix(a.as_bytes(), b.as_bytes());
    let start = a.as_bytes()[..prefix]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let (a, b) = (&a[start..], &b[start..]);
    let suffix = common_suffix(a.as_bytes(), b.as_bytes());
    let cut = a.as_bytes()[a.len() - suffix..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(0, |i| suffix - i - 1);
    (&a[..a.len() - cut], &b[..b.len() - cut])
}

/// How many bytes `a` and `b` share at their start: eight at a time, then one by one (a
/// pair is cut to its differing lines once per aspect tried, and renumbered articles
/// share all but a few bytes; byte by byte, this was a fifth of the editorial check).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let (ca, cb) = (a.as_chunks::<8>().0, b.as_chunks::<8>().0);
    let words = 8 * ca.iter().zip(cb).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[words..], &b[words..]);
    words + a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` share at their end, as [`common_prefix`] counts them.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let (ca, cb) = (a.as_rchunks::<8>().1, b.as_rchunks::<8>().1);
    let words = 8 * ca
        .iter()
        .rev()
        .zip(cb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - words], &b[..b.len() - words]);
    words
        + a.iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(x, y)| x == y)
            .count()
}

#[cfg(test)]
fn normalised_equal(x: &str, y: &str, on: Aspects) -> bool {
    Normalised::new(x, on).agrees(&Normalised::new(y, on), on)
}

/// A text with the character aspects in `on` normalised away, and where each of its
/// tokens ends, with its class.
struct Normalised {
    text: String,
    /// The tokens tile the text: each starts where the one before it ends.
    ends: Vec<(usize, Class)>,
}

impl Normalised {
    fn new(source: &str, on: Aspects) -> Self {
        let text = Self::text(source, on);
        let mut ends = Vec::with_capacity(text.len() / 3);
        for_each_bound(&text, |start, piece, class| {
            ends.push((start + piece.len(), class));
        });
        Normalised { text, ends }
    }

    /// [`Normalised::new`] of the ASCII `source` that `self` is the normalisation of with
    /// letter case switched the other way: the same tokens, as the tokeniser reads an
    /// upper-case ASCII letter as it reads a lower-case one.
    fn recased(&self, source: &str, on: Aspects) -> Self {
        Normalised {
            text: Self::text(source, on),
            ends: self.ends.clone(),
        }
    }

    /// The text of [`Normalised::new`].
    fn text(source: &str, on: Aspects) -> String {
        let mut text = String::with_capacity(source.len());
        for line in source.split_inclusive('\n') {
            let line = if on.has(Aspect::ParagraphNumbering) {
                strip_paragraph_number(line)
            } else {
                line
            };
            if line.is_ascii() {
                push_ascii(&mut text, line, on);
                continue;
            }
            // A line the quick check finds in NFKC already (most accented Latin text) is its
            // own NFKC, by the definition of the check.
            let composed: Cow<'_, str> = if on.has(Aspect::UnicodeForm)
                && is_nfkc_quick(line.chars()) != IsNormalized::Yes
            {
                Cow::Owned(line.nfkc().collect())
            } else {
                Cow::Borrowed(line)
            };
            let mut rest = composed.as_ref();
            while !rest.is_empty() {
                // Each run of ASCII as an ASCII line is taken: at once.
                let run = rest.bytes().take_while(u8::is_ascii).count();
                push_ascii(&mut text, &rest[..run], on);
                rest = &rest[run..];
                let Some(c) = rest.chars().next() else {
                    break;
                };
                rest = &rest[c.len_utf8()..];
                let c = if on.has(Aspect::QuoteStyle) {
                    fold_quote(c)
                } else {
                    c
                };
                if on.has(Aspect::LetterCase) {
                    text.extend(c.to_lowercase());
                } else {
                    text.push(c);
                }
            }
        }
        text
    }

    /// Whether the two texts have the same tokens that count with the aspects in `on`.
    /// The same characters are the same tokens.
    fn agrees(&self, other: &Normalised, on: Aspects) -> bool {
        self.text == other.text || self.significant(on).eq(other.significant(on))
    }

    /// The tokens that count with the aspects in `on`: whitespace and punctuation are
    /// left out when those aspects are on. (As bytes: a token is compared, never cut.)
    fn significant(&self, on: Aspects) -> impl Iterator<Item = &[u8]> {
        let mut start = 0;
        let bytes = self.text.as_bytes();
        self.ends.iter().filter_map(move |&(end, class)| {
            let piece = &bytes[start..end];
            start = end;
            let dropped = match class {
                Class::Space | Class::Break => on.has(Aspect::Whitespace),
                // Brackets are ASCII, never part of another character's bytes.
                Class::Punct => {
                    on.has(Aspect::Punctuation) && !piece.iter().any(|&b| b == b'[' || b == b']')
                }
                Class::Word => false,
            };
            (!dropped).then_some(piece)
        })
    }
}

/// Appends ASCII text with the character aspects in `on` normalised: NFKC is the identity
/// on it and only the backtick is a quote to fold.
fn push_ascii(text: &mut String, ascii: &str, on: Aspects) {
    let at = text.len();
    match on.has(Aspect::QuoteStyle) && ascii.contains('`') {
        true => text.push_str(&ascii.replace('`', "'")),
        false => text.push_str(ascii),
    }
    if on.has(Aspect::LetterCase) {
        if let Some(added) = text.get_mut(at..) {
            added.make_ascii_lowercase();
        }
    }
}

fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
        | '\u{203A}' | '`' | '\u{B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => '"',
        other => other,
    }
}

/// The line without the number or letter that opens it (`1.`, `(a)`, `iv)`, `B.`), or the
/// line unchanged when it opens with none.
pub(crate) fn strip_paragraph_number(line: &str) -> &str {
    let trimmed = line.trim_start();
    let (body, opened) = match trimmed.strip_prefix('(') {
        Some(rest) => (rest, true),
        None => (trimmed, false),
    };
    let n = marker_len(body);
    if n == 0 {
        return line;
    }
    let rest = &body[n..];
    let closed = match (rest.strip_prefix(')'), rest.strip_prefix('.')) {
        (Some(after), _) => Some(after),
        (None, Some(after)) if !opened => Some(after),
        _ => None,
    };
    match closed {
        Some(after) if after.is_empty() || after.starts_with(char::is_whitespace) => {
            after.trim_start()
        }
        _ => line,
    }
}

/// Length of a paragraph marker at the start of `s`: digits, one letter, or a short roman
/// numeral.
fn marker_len(s: &str) -> usize {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return digits;
    }
    let roman = s.bytes().take_while(|b| b"ivxlcIVXLC".contains(b)).count();
    if (1..=5).contains(&roman) {
        return roman;
    }
    usize::from(s.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn shared_lines_never_change_the_verdict(
            base in "(1\\. |\\(a\\) |A|a|é|e\u{301}|\u{2019}|'| |,|\n|article 7|article 8)*",
            head in "(1\\. |\\(a\\) |A|a|é|e\u{301}|\u{2019}|'| |,|\n|article 7|article 8)*",
        ) {
            let (b, h) = (Prepared::new(&base), Prepared::new(&head));
            for bits in 0..=Aspects::ALL.0 {
                let on = Aspects(bits);
                let whole = normalised_equal(b.source(on), h.source(on), on);
                proptest::prop_assert_eq!(same(&b, &h, on), whole, "{:?}", on);
            }
        }
    }

    proptest::proptest! {
        /// A line the quick check passes is its own NFKC, so skipping the composition
        /// changes no normalised text.
        #[test]
        fn a_line_in_nfkc_by_the_quick_check_is_its_own_nfkc(
            line in "[a-zA-Z .`'\"äöüßÄÖÜéèçñ§–„“’\u{a0}\u{2003}\u{301}\u{308}İǅ¼¨ſﬁＡ가\u{1100}\u{1161}]{0,30}",
        ) {
            if is_nfkc_quick(line.chars()) == IsNormalized::Yes {
                proptest::prop_assert_eq!(line.nfkc().collect::<String>(), line.clone());
            }
            for bits in 0..=Aspects::ALL.0 {
                let on = Aspects(bits).without(Aspect::ParagraphNumbering);
                let composed: String = match on.has(Aspect::UnicodeForm) {
                    true => line.nfkc().collect(),
                    false => line.clone(),
                };
                let quoted = composed.chars().map(|c| match on.has(Aspect::QuoteStyle) {
                    true => fold_quote(c),
                    false => c,
                });
                let whole: String = match on.has(Aspect::LetterCase) {
                    true => quoted.flat_map(char::to_lowercase).collect(),
                    false => quoted.collect(),
                };
                proptest::prop_assert_eq!(Normalised::new(&line, on).text, whole, "{:?}", on);
            }
        }
    }

    proptest::proptest! {
        /// An ASCII text normalised with letter case the other way has the same tokens.
        #[test]
        fn letter_case_moves_no_ascii_token(
            text in "(1\\. |\\(a\\) |\\(B\\) |IV\\. |iv\\) |A|a|Z|z|_|`|'|\"|:|\\.|,|;|-| |  |\t|\n|\r\n|9|\\[\\^N1\\]|\\[\\^n\\]|\\\\\\||\\[|article 7|Article 8|ARTICLE 9)*",
        ) {
            for bits in 0..=Aspects::ALL.0 {
                let on = Aspects(bits);
                let other = Aspects(bits ^ Aspect::LetterCase.bit());
                let (whole, recased) = (Normalised::new(&text, on), Normalised::new(&text, other).recased(&text, on));
                proptest::prop_assert_eq!(&recased.text, &whole.text, "{:?}", on);
                proptest::prop_assert_eq!(&recased.ends, &whole.ends, "{:?}", on);
            }
        }
    }

    /// The explanation as it was found before inert aspects were skipped: every aspect
    /// switched off and tried.
    fn explanation_trying_every_aspect(b: &Prepared<'_>, h: &Prepared<'_>) -> Option<Aspects> {
        let mut on = Aspects::ALL;
        if !same(b, h, on) {
            return None;
        }
        for aspect in Aspect::TRY_OFF {
            if same(b, h, on.without(aspect)) {
                on = on.without(aspect);
            }
        }
        Some(on)
    }

    proptest::proptest! {
        #[test]
        fn skipping_inert_aspects_keeps_the_explanation(
            base in "(1\\. |\\(a\\) |A|a|b|`|\"|\u{2019}|é|'| |  |,|;|\n|article 7|article 8|Article 9)*",
            edits in proptest::collection::vec((0usize..60, "(A|a|`|'|\"|\u{201C}| |\n|,|1\\. |article 8)"), 0..3),
        ) {
            let mut head = base.clone();
            for (at, piece) in edits {
                let at = (0..=at.min(head.len())).rev().find(|&i| head.is_char_boundary(i)).unwrap_or(0);
                head.insert_str(at, &piece);
            }
            let (b, h) = (Prepared::new(&base), Prepared::new(&head));
            proptest::prop_assert_eq!(explanation(&b, &h), explanation_trying_every_aspect(&b, &h));
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time, the shared start and end are those found byte by byte.
        #[test]
        fn shared_ends_are_counted_as_byte_by_byte(
            shared in proptest::collection::vec(0u8..4, 0..40),
            a in proptest::collection::vec(0u8..4, 0..20),
            b in proptest::collection::vec(0u8..4, 0..20),
        ) {
            let by_byte = |x: &mut dyn Iterator<Item = (&u8, &u8)>| x.take_while(|(p, q)| p == q).count();
            let (x, y) = ([&shared[..], &a].concat(), [&shared[..], &b].concat());
            proptest::prop_assert_eq!(common_prefix(&x, &y), by_byte(&mut x.iter().zip(&y)));
            let (x, y) = ([&a[..], &shared].concat(), [&b[..], &shared].concat());
            proptest::prop_assert_eq!(
                common_suffix(&x, &y),
                by_byte(&mut x.iter().rev().zip(y.iter().rev()))
            );
        }
    }

    #[test]
    fn differing_lines_keep_only_what_differs() {
        assert_eq!(differing_lines("a\nb\nc", "a\nB\nc"), ("b\n", "B\n"));
        assert_eq!(differing_lines("a\nb", "a\nb"), ("b", "b"));
        assert_eq!(differing_lines("x\ny", "zx\ny"), ("x\n", "zx\n"));
        assert_eq!(differing_lines("é\n", "ũ\n"), ("é\n", "ũ\n"));
    }

    fn why(base: &str, head: &str) -> Option<String> {
        explain(base, head)
    }

    #[test]
    fn each_aspect_is_named_alone() {
        let cases = [
            (
                "States  shall\nact.",
                "States shall act.",
                "only whitespace",
            ),
            ("States shall act.", "States shall act;", "only punctuation"),
            ("in Part B", "in part B", "only letter case"),
            (
                "a \"forced migrant\"",
                "a \u{201C}forced migrant\u{201D}",
                "only quote style",
            ),
            (
                "the State's duty",
                "the State\u{2019}s duty",
                "only quote style",
            ),
            ("ﬁnal act", "final act", "only Unicode character forms"),
            ("e\u{301}tat", "\u{E9}tat", "only Unicode character forms"),
            (
                "1. Text\n2. More",
                "(a) Text\n(b) More",
                "only paragraph numbering",
            ),
            ("2. Text", "3. Text", "only paragraph numbering"),
            (
                "as set out in article 7 and articles 9 to 11",
                "as set out in article 8 and articles 10 to 12",
                "only cross-reference numbers",
            ),
            ("no\u{A0}longer", "no longer", "only whitespace"),
        ];
        for (base, head, reason) in cases {
            assert_eq!(
                why(base, head).as_deref(),
                Some(reason),
                "{base:?} → {head:?}"
            );
        }
    }

    #[test]
    fn several_aspects_are_listed_together() {
        assert_eq!(
            why("States  Parties shall act", "States parties shall act").as_deref(),
            Some("only whitespace and letter case")
        );
        assert_eq!(
            why("Part B,  as amended", "part B as amended").as_deref(),
            Some("only whitespace, punctuation and letter case")
        );
    }

    #[test]
    fn wording_and_meaningful_marks_are_not_editorial() {
        assert_eq!(why("States shall act", "States may act"), None);
        assert_eq!(why("within 30 days", "within 60 days"), None);
        assert_eq!(why("1.5 per cent", "15 per cent"), None);
        assert_eq!(
            why("[to the extent possible]", "to the extent possible"),
            None
        );
        assert_eq!(why("well-being", "wellbeing"), None);
        assert_eq!(
            why(
                "article 7 of the 1951 Convention",
                "article 8 of the 1951 Convention"
            ),
            None
        );
        assert_eq!(why("articles 5 and 7", "articles 5, 7 and 9"), None);
    }

    #[test]
    fn paragraph_markers_are_recognised_only_at_line_starts() {
        assert_eq!(strip_paragraph_number("1. Text"), "Text");
        assert_eq!(strip_paragraph_number("  (iv) Text"), "Text");
        assert_eq!(strip_paragraph_number("b) Text"), "Text");
        assert_eq!(strip_paragraph_number("A State"), "A State");
        assert_eq!(strip_paragraph_number("i.e. this"), "i.e. this");
        assert_eq!(strip_paragraph_number("1.5 per cent"), "1.5 per cent");
        assert_eq!(strip_paragraph_number("(a Text"), "(a Text");
        assert_eq!(strip_paragraph_number("a. "), "");
    }
}
