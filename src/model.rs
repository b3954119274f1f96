//! The data model: a draft is metadata, an optional preamble and chapters of articles.
//!
//! Everything downstream (alignment, redlines, reports) reads these types; nothing here
//! knows where a draft came from beyond the [`Origin`] kept for diagnostics.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// The number under which the preamble is compared, as docs/format.md names it.
pub const PREAMBLE: &str = "Preamble";

/// An article number reduced to what identifies it across versions and spellings:
/// `2.º`, `2.` and `2` are one article, as are `12 bis`, `12bis` and `12 BIS`, and
/// `treinta y uno` and `31`.
pub(crate) fn number_key(number: &str) -> String {
    let lower = number.trim().to_lowercase();
    let lower = lower.trim_end_matches(['.', 'º', '°', 'ª', ' ']);
    if let Some(value) = spelled_number(lower).or_else(|| english_number(lower)) {
        return value.to_string();
    }
    // `12-bis` is `12 bis`; a hyphen between figures (`515-14`) is part of the number.
    let mut key = String::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        let suffix_dash = c == '-'
            && key.ends_with(|p: char| p.is_ascii_digit())
            && chars.peek().is_some_and(|n| n.is_alphabetic());
        if !c.is_whitespace() && !suffix_dash {
            key.push(c);
        }
    }
    code_prefix_stop(&mut key);
    key
}

/// `l.313-11` → `l313-11`: a French code's letter prefix set off by a full stop (`L. 313-11`,
/// the older printed style) names the same article as the prefix written close (`L313-11`,
/// as Légifrance writes it now).
fn code_prefix_stop(key: &mut String) {
    let prefix = ["lo", "l", "r", "d", "a"]
        .into_iter()
        .find(|p| key.starts_with(p))
        .map_or(0, str::len);
    let star = usize::from(key[prefix..].starts_with('*'));
    let stop = prefix + star;
    let digit_after = key[stop..]
        .strip_prefix('.')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    if prefix > 0 && digit_after {
        key.remove(stop);
    }
}

/// Whether two article numbers name the same article ([`number_key`]).
pub(crate) fn same_number(a: &str, b: &str) -> bool {
    if plain_numbers(a, b) {
        return a == b;
    }
    a.eq_ignore_ascii_case(b) || number_key(a) == number_key(b)
}

/// Whether both numbers are ASCII digits only, as most article numbers are: such a number
/// is its own [`number_key`] and no Roman numeral, so two of them name the same article
/// exactly when they are equal. Every renumbered pair compares its numbers, and keying
/// them (lower-cased copies, the Spanish words) was a percent of the 10k diff.
fn plain_numbers(a: &str, b: &str) -> bool {
    let plain = |n: &str| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit());
    plain(a) && plain(b)
}

/// [`same_number`] across two versions, where a Roman numeral also equals its value: a
/// new version may change its numbering style (`ARTICLE XII` → `Article 12`, `I. Teil` →
/// `Teil 1`) without renumbering. Within one document `I` and `1` stay apart (an amending
/// act's `ARTIKEL I` quotes an `Artikel 1`).
pub(crate) fn same_number_across(a: &str, b: &str) -> bool {
    if plain_numbers(a, b) {
        return a == b;
    }
    let value = |n: &str| {
        crate::roman::value(n.trim().trim_end_matches('.'))
            .map_or_else(|| number_key(n), |v| v.to_string())
    };
    same_number(a, b) || value(a) == value(b)
}

/// The value of an English number or ordinal written in words, up to the fifties
/// (`One`, `twenty-first`, `Thirty Two`), as contracts and some treaties number their
/// articles and parts.
pub(crate) fn english_number(s: &str) -> Option<u32> {
    const UNITS: &str = "one two three four five six seven eight nine ten eleven twelve \
        thirteen fourteen fifteen sixteen seventeen eighteen nineteen";
    const ORDINALS: &str = "first second third fourth fifth sixth seventh eighth ninth \
        tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth \
        eighteenth nineteenth";
    const TENS: [(&str, &str, u32); 4] = [
        ("twenty", "twentieth", 20),
        ("thirty", "thirtieth", 30),
        ("forty", "fortieth", 40),
        ("fifty", "fiftieth", 50),
    ];
    // Most numbers open with a figure: no word to look up, nothing to lower-case.
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let s = s.to_lowercase();
    let unit = |w: &str| {
        let place = |list: &str| list.split_whitespace().position(|u| u == w);
        place(UNITS)
            .or_else(|| place(ORDINALS))
            .map(|i| i as u32 + 1)
    };
    if let Some(v) = unit(&s) {
        return Some(v);
    }
    for (word, ordinal, value) in TENS {
        if s == word || s == ordinal {
            return Some(value);
        }
        if let Some(rest) = s.strip_prefix(word) {
            let unit = unit(rest.strip_prefix(['-', ' '])?)?;
            return (unit < 10).then_some(value + unit);
        }
    }
    None
}

/// The value of a Spanish number or ordinal written in words (`treinta y uno`,
/// `primero`, `único`), as Spanish laws number their articles.
fn spelled_number(s: &str) -> Option<u32> {
    const UNITS: [&str; 10] = [
        "", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
    ];
    const TEENS: [&str; 10] = [
        "diez",
        "once",
        "doce",
        "trece",
        "catorce",
        "quince",
        "dieciséis",
        "diecisiete",
        "dieciocho",
        "diecinueve",
    ];
    const TENS: [&str; 7] = [
        "",
        "",
        "veinte",
        "treinta",
        "cuarenta",
        "cincuenta",
        "sesenta",
    ];
    const ORDINALS: [&str; 12] = [
        "primer",
        "segund",
        "tercer",
        "cuart",
        "quint",
        "sext",
        "séptim",
        "octav",
        "noven",
        "décim",
        "undécim",
        "duodécim",
    ];
    if s == "único" || s == "única" {
        return Some(1);
    }
    if let Some(n) = ORDINALS.iter().position(|o| {
        s.strip_prefix(o)
            .is_some_and(|r| matches!(r, "o" | "a" | ""))
    }) {
        return Some(n as u32 + 1);
    }
    if s == "una" {
        return Some(1);
    }
    if let Some(n) = UNITS.iter().skip(1).position(|u| *u == s) {
        return Some(n as u32 + 1);
    }
    if let Some(n) = TEENS.iter().position(|t| *t == s) {
        return Some(n as u32 + 10);
    }
    if let Some(r) = s.strip_prefix("veinti") {
        let unit = UNITS.iter().skip(1).position(|u| *u == r)?;
        return Some(21 + unit as u32);
    }
    for (t, word) in TENS.iter().enumerate().skip(2) {
        if s == *word {
            return Some(t as u32 * 10);
        }
        if let Some(r) = s.strip_prefix(word).and_then(|r| r.strip_prefix(" y ")) {
            let unit = UNITS.iter().skip(1).position(|u| *u == r)?;
            return Some(t as u32 * 10 + unit as u32 + 1);
        }
    }
    None
}

/// A place in a source file, 1-based, for messages that point at the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The path, as messages show it.
    pub file: String,
    /// Line, from 1; 0 when the place is the whole file.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// Where a draft stands in the drafting process.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A text adopted and published (MIMC 1.0).
    Published,
    /// A declaration condensing another text (MIMC 2.0).
    Declaration,
    /// A proposal circulated against its parent.
    Proposal,
    /// A working draft (the default).
    #[default]
    Working,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Status::Published => "published",
            Status::Declaration => "declaration",
            Status::Proposal => "proposal",
            Status::Working => "working",
        })
    }
}

/// The contents of `draft.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftMeta {
    /// What the CLI calls the version; unique in the drafts directory.
    pub id: String,
    /// The title shown in lists and reports.
    pub title: String,
    /// Where the draft stands in the drafting process.
    #[serde(default)]
    pub status: Status,
    /// When the draft was made (`2026-11`); dates the Word report's tracked changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The version this one revises: `check` requires a rationale for each change against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The draft's themes, the usual labels of its annotations.
    #[serde(default)]
    pub themes: Vec<String>,
}

/// One article (or the preamble, numbered [`PREAMBLE`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The number as written (`63`, `63bis`, `12a`); unique in the draft.
    pub number: String,
    /// The title; empty when the article has none.
    pub title: String,
    /// The sub-division of the chapter the article stands in, if any.
    pub section: Option<String>,
    /// The text, paragraphs separated by newlines.
    pub text: String,
    /// Lineage hints such as `"1.0:63"`: the version and article this one derives from.
    pub from: Vec<String>,
    /// Where the article is defined, for messages and `check`.
    pub origin: Origin,
}

impl Article {
    /// The article's words, as [`word_count`] counts them.
    pub fn words(&self) -> usize {
        word_count(&self.text)
    }
}

/// A chapter and its articles, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// The number as written (`IV`); empty for the one unnamed chapter of a document
    /// without chapter headings.
    pub number: String,
    /// The title.
    pub title: String,
    /// The articles of the chapter, in order.
    pub articles: Vec<Article>,
    /// Where the chapter is defined.
    pub origin: Origin,
}

/// The rationale for one or more changes against the parent version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    /// Head article numbers, or `version:N` for base articles (removals).
    pub articles: Vec<String>,
    /// A free label (`environment`, `public-health`).
    pub theme: String,
    /// Why the change was made.
    pub rationale: String,
    /// In a draft that consolidates parallel proposals: the proposals (version ids) the
    /// change comes from (`docs/versions.md`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<String>,
    /// Where the annotation is, for `check`'s messages.
    #[serde(skip)]
    pub origin: Origin,
}

/// A complete article set: every version is whole, never a patch.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The contents of `draft.toml`.
    pub meta: DraftMeta,
    /// The preamble, compared as the pseudo-article `Preamble`.
    pub preamble: Option<Article>,
    /// The chapters, in order.
    pub chapters: Vec<Chapter>,
    /// The additional, transitional, repealing and final provisions of a Spanish law
    /// (`Disposición adicional primera` …): article-like units after the articles, which
    /// correspondence tables of articles leave out. Compared on their own; numbered
    /// `adicional primera`, `transitoria`, `final quinta bis`. Only documents have them.
    pub provisions: Vec<Article>,
    /// The rationales of the changes against the parent (`annotations.toml`).
    pub annotations: Vec<Annotation>,
    /// The directory or file the draft was read from, for messages.
    pub source: String,
}

/// An article together with the index of its chapter (`None` for the preamble).
#[derive(Debug, Clone, Copy)]
pub struct ArticleRef<'a> {
    /// Index of the chapter in [`Draft::chapters`]; `None` for the preamble.
    pub chapter: Option<usize>,
    /// The article.
    pub article: &'a Article,
}

impl Draft {
    /// The preamble first, then every article in document order.
    pub fn articles(&self) -> impl Iterator<Item = ArticleRef<'_>> {
        let preamble = self.preamble.iter().map(|article| ArticleRef {
            chapter: None,
            article,
        });
        let body = self.chapters.iter().enumerate().flat_map(|(i, c)| {
            c.articles.iter().map(move |article| ArticleRef {
                chapter: Some(i),
                article,
            })
        });
        preamble.chain(body)
    }

    /// Articles proper, without the preamble.
    pub fn article_count(&self) -> usize {
        self.chapters.iter().map(|c| c.articles.len()).sum()
    }

    /// Words of every article, the preamble included.
    pub fn word_count(&self) -> usize {
        self.articles().map(|a| a.article.words()).sum()
    }

    /// The article numbered `number` (numbers compare as `same_number` says).
    pub fn find(&self, number: &str) -> Option<ArticleRef<'_>> {
        self.articles()
            .find(|a| same_number(&a.article.number, number))
    }
}

/// Words as a reader counts them: Unicode word boundaries, punctuation excluded.
///
/// Words never cross a line break (UAX #29 always breaks around CR, LF and the other
/// newlines), so each line is counted on its own: an ASCII line by `ascii_words`, a line
/// of Latin letters and common marks by `ascii_words` over its [`latin_proxy`], any other
/// by the full segmentation.
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    let mut proxy = Vec::new();
    text.split_inclusive('\n')
        .map(|line| {
            if line.is_ascii() {
                ascii_words(line.as_bytes())
            } else if latin_proxy(line, &mut proxy, None) {
                ascii_words(&proxy)
            } else {
                line.unicode_words().count()
            }
        })
        .sum()
}

/// The ASCII byte that plays the part of a non-ASCII character in UAX #29's word rules,
/// for the characters of Latin-script texts: the letters of Latin-1 and Latin Extended-A
/// (ALetter, as `a`), the curly apostrophes (MidNumLet, as `'`), and signs that stand
/// alone (WB999, as `#`: none is a letter, digit or whitespace to `char`, except the
/// no-break space, which UAX #29 does not join to spaces). `None` for any other
/// character. `latin_proxy_matches_the_unicode_segmentation` checks each one against the
/// full segmentation in every context of two characters.
pub(crate) fn latin_proxy_byte(c: char) -> Option<u8> {
    match c {
        '\u{aa}'
        | '\u{b5}'
        | '\u{ba}'
        | '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{17f}' => Some(b'a'),
        '\u{2018}' | '\u{2019}' => Some(b'\''),
        '\u{a0}' | '\u{a7}' | '\u{ab}' | '\u{b0}' | '\u{bb}' | '\u{d7}' | '\u{f7}' | '\u{2013}'
        | '\u{2014}' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2026}' | '\u{20ac}' => Some(b'#'),
        _ => None,
    }
}

/// Writes into `proxy` (cleared first) one ASCII byte for each character of `line`: the
/// character itself if it is ASCII, else its [`latin_proxy_byte`]; `false` if a character
/// has none (`proxy` then holds a prefix). The ASCII scanners read the proxy as UAX #29
/// reads the line, a byte for a character. With `starts`, also writes the byte offset in
/// `line` of each character, then `line.len()`.
pub(crate) fn latin_proxy(
    line: &str,
    proxy: &mut Vec<u8>,
    mut starts: Option<&mut Vec<u32>>,
) -> bool {
    proxy.clear();
    proxy.reserve(line.len());
    if let Some(starts) = starts.as_deref_mut() {
        starts.clear();
        starts.reserve(line.len() + 1);
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII is its own proxy, copied at once.
        let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
        proxy.extend_from_slice(&bytes[i..i + run]);
        if let Some(starts) = starts.as_deref_mut() {
            starts.extend((i..i + run).map(|k| k as u32));
        }
        i += run;
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        let Some(b) = latin_proxy_byte(c) else {
            return false;
        };
        proxy.push(b);
        if let Some(starts) = starts.as_deref_mut() {
            starts.push(i as u32);
        }
        i += c.len_utf8();
    }
    if let Some(starts) = starts {
        starts.push(line.len() as u32);
    }
    true
}

/// Calls `f` with the byte offset and the text of each word of `text`, as
/// `unicode_word_indices` finds them: line by line (words never cross a line break), an
/// ASCII line by [`for_each_ascii_word`], a line of Latin letters and common marks by the
/// same scanner over its [`latin_proxy`], any other by the full segmentation.
pub(crate) fn for_each_word_index<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    if text.is_ascii() {
        return for_each_ascii_word(text.as_bytes(), |r| f(r.start, &text[r]));
    }
    let (mut proxy, mut starts) = (Vec::new(), Vec::new());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.is_ascii() {
            for_each_ascii_word(line.as_bytes(), |r| f(at + r.start, &line[r]));
        } else if latin_proxy(line, &mut proxy, Some(&mut starts)) {
            for_each_ascii_word(&proxy, |r| {
                let (start, end) = (starts[r.start] as usize, starts[r.end] as usize);
                f(at + start, &line[start..end]);
            });
        } else {
            for (i, word) in line.unicode_word_indices() {
                f(at + i, word);
            }
        }
        at += line.len();
    }
}

/// What a byte is to UAX #29's word rules, for ASCII text.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const UNDERSCORE: u8 = 4;
/// Joins two letters (`a:b`, `a.b`, `a'b`: WB6, WB7).
const MID_LETTER: u8 = 8;
/// Joins two digits (`1,5`, `1;5`, `1.5`, `1'5`: WB11, WB12).
const MID_NUM: u8 = 16;

const fn ascii_classes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            match c {
                b'_' => UNDERSCORE,
                b':' => MID_LETTER,
                b',' | b';' => MID_NUM,
                b'.' | b'\'' => MID_LETTER | MID_NUM,
                _ => 0,
            }
        };
        b += 1;
    }
    t
}

static ASCII_CLASSES: [u8; 128] = ascii_classes();

/// The words of an ASCII text, as `unicode_words().count()` counts them (see
/// [`for_each_ascii_word`]).
///
/// Without an underscore every run of letters and digits holds a letter or digit, so the
/// words are the runs' first bytes less the joins (`a.b`, `1,5`) that merge two runs into
/// one. Both are tested at every byte without a branch, sixteen bytes at a time into byte
/// counters that the compiler vectorises: a quarter of the scanner's instructions, and
/// this count covers every article of both versions.
fn ascii_words(bytes: &[u8]) -> usize {
    if memchr::memchr(b'_', bytes).is_some() {
        let mut count = 0;
        for_each_ascii_word(bytes, |_| count += 1);
        return count;
    }
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let n = bytes.len();
    // +1 where a word starts at byte k, −1 where byte k joins two runs.
    let delta = |before: u8, at: u8, after: u8| {
        u8::from(at.is_ascii_alphanumeric() & !before.is_ascii_alphanumeric())
            .wrapping_sub(u8::from(joins(before, at, after)))
    };
    let mut words = isize::from(first.is_ascii_alphanumeric());
    let mut k = 1;
    while k + 17 <= n {
        // Lane l sums the deltas of bytes k + l, k + 16 + l, …: at most 127 rounds, so
        // that each lane stays within an i8.
        let mut lanes = [0u8; 16];
        for _ in 0..127 {
            if k + 17 > n {
                break;
            }
            let block =
                |from: usize| -> &[u8; 16] { bytes[from..from + 16].try_into().expect("16 bytes") };
            let (before, at, after) = (block(k - 1), block(k), block(k + 1));
            for (((lane, &before), &at), &after) in lanes.iter_mut().zip(before).zip(at).zip(after)
            {
                *lane = lane.wrapping_add(delta(before, at, after));
            }
            k += 16;
        }
        words += lanes.iter().map(|&d| isize::from(d as i8)).sum::<isize>();
    }
    for k in k..n {
        let after = bytes.get(k + 1).copied().unwrap_or(b' ');
        words += isize::from(delta(bytes[k - 1], bytes[k], after) as i8);
    }
    words as usize
}

/// Whether `mid` joins the letters or digits either side of it into one word (WB6, WB7,
/// WB11, WB12), as the table of [`for_each_ascii_word`] says, written with comparisons so
/// that a loop over it vectorises.
fn joins(before: u8, mid: u8, after: u8) -> bool {
    let letters = before.is_ascii_alphabetic() & after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() & after.is_ascii_digit();
    let mid_letter = (mid == b':') | (mid == b'.') | (mid == b'\'');
    let mid_num = (mid == b',') | (mid == b';') | (mid == b'.') | (mid == b'\'');
    (letters & mid_letter) | (digits & mid_num)
}

/// Calls `f` with the byte range of each word of an ASCII text, as `unicode_word_indices`
/// finds them: a word is a run of letters, digits and underscores (WB5, WB8–WB10, WB13a,
/// WB13b) that may go on across one `:`, `.` or `'` between two letters, or one `,`, `;`,
/// `.` or `'` between two digits (WB6, WB7, WB11, WB12), and that holds a letter or
/// digit (a run of underscores is not a word). `ascii_words_match_the_unicode_segmentation`
/// checks it against the full segmentation.
pub(crate) fn for_each_ascii_word(bytes: &[u8], mut f: impl FnMut(std::ops::Range<usize>)) {
    let mut i = 0;
    while i < bytes.len() {
        if !is_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i = ascii_word_end(bytes, start);
        // A run that starts with a letter or digit holds one; a join needs one before it.
        if bytes[start] != b'_' || bytes[start..i].iter().any(|&b| b != b'_') {
            f(start..i);
        }
    }
}

/// Whether an ASCII byte is a letter, a digit or an underscore: part of a word's run.
pub(crate) fn is_word_byte(b: u8) -> bool {
    ASCII_CLASSES[usize::from(b & 0x7f)] & (LETTER | DIGIT | UNDERSCORE) != 0
}

/// The end of the run of letters, digits and underscores of an ASCII text that starts at
/// `start` (a byte for which [`is_word_byte`] holds), going on across the joins of
/// [`for_each_ascii_word`].
#[inline]
pub(crate) fn ascii_word_end(bytes: &[u8], start: usize) -> usize {
    let class = |b: u8| ASCII_CLASSES[usize::from(b & 0x7f)];
    let n = bytes.len();
    let mut i = start + 1;
    loop {
        while i < n && is_word_byte(bytes[i]) {
            i += 1;
        }
        if i + 1 >= n {
            return i;
        }
        let (c, before, after) = (class(bytes[i]), class(bytes[i - 1]), class(bytes[i + 1]));
        let joined = (c & MID_LETTER != 0 && before == LETTER && after == LETTER)
            || (c & MID_NUM != 0 && before == DIGIT && after == DIGIT);
        if !joined {
            return i;
        }
        // The byte after a join is a letter or digit: part of the run.
        i += 2;
    }
}

/// The words of every article of a draft, counted once and in parallel: counting is a
/// full Unicode segmentation of the text, and the changes, the impact table and the
/// version header all report it.
#[derive(Debug, Clone)]
pub struct WordCounts {
    /// By position in [`Draft::articles`].
    articles: Vec<usize>,
    /// Position in `articles` of each chapter's first article, then one past the last.
    chapter_starts: Vec<usize>,
}

impl WordCounts {
    /// Counts the words of `draft`'s articles.
    pub fn of(draft: &Draft) -> Self {
        let texts: Vec<&str> = draft.articles().map(|a| a.article.text.as_str()).collect();
        Self::with(draft, texts.par_iter().map(|t| word_count(t)).collect())
    }

    /// [`WordCounts::of`] both drafts of a comparison. A head article whose text is byte
    /// for byte a base article's takes that article's count: most articles of a revision
    /// are unchanged, and counting them again was a quarter of the counting at 10,000
    /// articles.
    pub fn of_both(base: &Draft, head: &Draft) -> (Self, Self) {
        fn texts(d: &Draft) -> Vec<&str> {
            d.articles().map(|a| a.article.text.as_str()).collect()
        }
        // Texts are looked up by their length and first bytes, and confirmed whole: a
        // hash of every whole text would read it all once more.
        fn key(t: &str) -> (usize, &[u8]) {
            (t.len(), &t.as_bytes()[..t.len().min(32)])
        }
        let (b, h) = (texts(base), texts(head));
        let mut first: rustc_hash::FxHashMap<(usize, &[u8]), usize> = Default::default();
        for (i, t) in b.iter().enumerate() {
            first.entry(key(t)).or_insert(i);
        }
        let twin: Vec<Option<usize>> = h
            .iter()
            .map(|t| first.get(&key(t)).copied().filter(|&i| b[i] == *t))
            .collect();
        let (b_counts, h_counts): (Vec<usize>, Vec<Option<usize>>) = rayon::join(
            || b.par_iter().map(|t| word_count(t)).collect(),
            || {
                h.par_iter()
                    .zip(&twin)
                    .map(|(t, twin)| twin.is_none().then(|| word_count(t)))
                    .collect()
            },
        );
        let h_counts = h_counts
            .into_iter()
            .zip(twin)
            .map(|(own, twin)| own.or(twin.map(|i| b_counts[i])).unwrap_or_default())
            .collect();
        (Self::with(base, b_counts), Self::with(head, h_counts))
    }

    /// The counts of `draft`'s articles, by position in [`Draft::articles`].
    fn with(draft: &Draft, articles: Vec<usize>) -> Self {
        let mut at = usize::from(draft.preamble.is_some());
        let mut chapter_starts = vec![at];
        for c in &draft.chapters {
            at += c.articles.len();
            chapter_starts.push(at);
        }
        WordCounts {
            articles,
            chapter_starts,
        }
    }

    /// Words of the article at position `i` of [`Draft::articles`].
    pub fn article(&self, i: usize) -> usize {
        self.articles[i]
    }

    /// Words of the preamble (0 without one).
    pub fn preamble(&self) -> usize {
        self.articles[..self.chapter_starts[0]].iter().sum()
    }

    /// Words of chapter `c`'s articles.
    pub fn chapter(&self, c: usize) -> usize {
        self.articles[self.chapter_starts[c]..self.chapter_starts[c + 1]]
            .iter()
            .sum()
    }

    /// Words of the whole draft.
    pub fn total(&self) -> usize {
        self.articles.iter().sum()
    }
}

/// Small hand-made drafts for the unit tests of every stage.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// An untitled article.
    pub(crate) fn art(number: &str, text: &str) -> Article {
        Article {
            number: number.to_owned(),
            title: String::new(),
            section: None,
            text: text.to_owned(),
            from: Vec::new(),
            origin: Origin::default(),
        }
    }

    /// A working draft of (number, title, articles) chapters, without a preamble.
    pub(crate) fn draft(id: &str, chapters: Vec<(&str, &str, Vec<Article>)>) -> Draft {
        Draft {
            meta: DraftMeta {
                id: id.to_owned(),
                title: id.to_owned(),
                status: Status::Working,
                date: None,
                parent: None,
                themes: Vec::new(),
            },
            preamble: None,
            chapters: chapters
                .into_iter()
                .map(|(number, title, articles)| Chapter {
                    number: number.to_owned(),
                    title: title.to_owned(),
                    articles,
                    origin: Origin::default(),
                })
                .collect(),
            provisions: Vec::new(),
            annotations: Vec::new(),
            source: id.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{art, draft};
    use super::*;

    #[test]
    fn a_roman_numeral_is_its_value_across_versions_only() {
        assert!(same_number_across("XII", "12"));
        assert!(same_number_across("IV.", "4"));
        assert!(same_number_across("12 bis", "12bis"));
        assert!(same_number_across("12-bis", "12 bis"));
        assert!(same_number_across("L. 313-11", "L313-11"));
        assert!(same_number("LO. 111", "LO111") && same_number("R*. 2", "R*2"));
        assert!(!same_number("L. 313-11", "R313-11"));
        assert!(!same_number_across("515-14", "51514"));
        assert!(!same_number_across("XII", "13"));
        assert!(!same_number_across("IIII", "4"));
        assert!(!same_number("I", "1"));
    }

    #[test]
    fn english_number_words_are_their_values() {
        for (word, value) in [
            ("One", 1),
            ("nineteen", 19),
            ("Twenty-One", 21),
            ("thirty two", 32),
            ("FIRST", 1),
            ("twelfth", 12),
            ("twentieth", 20),
            ("forty-third", 43),
            ("fifty", 50),
        ] {
            assert_eq!(english_number(word), Some(value), "{word}");
        }
        for word in [
            "",
            "twenty-",
            "twenty-ten",
            "thirty-twelfth",
            "oneteen",
            "sixty",
        ] {
            assert_eq!(english_number(word), None, "{word}");
        }
        assert_eq!(number_key("Twenty-One"), number_key("21"));
        assert!(same_number_across("ONE", "1") && same_number_across("Second", "II"));
    }

    /// Digits-only numbers take the shortcut; it agrees with the keys on any pair of
    /// numbers, plain or not.
    #[test]
    fn plain_numbers_compare_as_their_keys() {
        use proptest::prelude::*;
        let slow = |a: &str, b: &str| a.eq_ignore_ascii_case(b) || number_key(a) == number_key(b);
        let slow_across = |a: &str, b: &str| {
            let value = |n: &str| {
                crate::roman::value(n.trim().trim_end_matches('.'))
                    .map_or_else(|| number_key(n), |v| v.to_string())
            };
            slow(a, b) || value(a) == value(b)
        };
        let number = "[0-9]{1,4}|0[0-9]{0,2}|[0-9 .]{0,5}|[IVXLC]{1,4}|[0-9]{1,3} ?(bis|BIS)|uno|[a-z0-9º.]{0,4}";
        proptest!(ProptestConfig::with_cases(20_000), |(a in number, b in number)| {
            prop_assert_eq!(same_number(&a, &b), slow(&a, &b), "{:?} {:?}", a, b);
            prop_assert_eq!(same_number_across(&a, &b), slow_across(&a, &b), "{:?} {:?}", a, b);
        });
        assert!(same_number_across("12", "12") && !same_number_across("12", "012"));
    }

    /// A head article with a base article's text takes its count; the others are counted,
    /// also when a base text of the same length and opening differs further on.
    #[test]
    fn counts_of_both_drafts_are_each_drafts_counts() {
        let long = |end: &str| format!("{} {end}", "word ".repeat(10));
        let base = draft(
            "a",
            vec![(
                "I",
                "",
                vec![
                    art("1", "One two three."),
                    art("2", &long("alpha")),
                    art("3", &long("gamma delta")),
                    art("4", ""),
                ],
            )],
        );
        let head = draft(
            "b",
            vec![
                (
                    "I",
                    "",
                    // The length and opening of base article 2, not its text.
                    vec![art("1", &long("al ha")), art("2", "One two three.")],
                ),
                (
                    "II",
                    "",
                    vec![art("3", &long("gamma, delta")), art("4", "x"), art("5", "")],
                ),
            ],
        );
        let (b, h) = WordCounts::of_both(&base, &head);
        let (eb, eh) = (WordCounts::of(&base), WordCounts::of(&head));
        assert_eq!(
            (b.articles, b.chapter_starts),
            (eb.articles, eb.chapter_starts)
        );
        assert_eq!(
            (&h.articles, &h.chapter_starts),
            (&eh.articles, &eh.chapter_starts)
        );
        assert_eq!(h.articles, [12, 3, 12, 1, 0]);
    }

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(
            word_count("1. States Parties shall, in good faith, act."),
            8
        );
        assert_eq!(word_count(""), 0);
    }

    /// The ASCII counter agrees with the full UAX #29 segmentation on any ASCII text, and
    /// so does the line-by-line count on mixed text.
    #[test]
    fn ascii_words_match_the_unicode_segmentation() {
        use proptest::prelude::*;
        let ascii =
            prop::collection::vec(0u8..128, 0..60).prop_map(|b| String::from_utf8(b).unwrap());
        proptest!(ProptestConfig::with_cases(20_000), |(text in ascii)| {
            prop_assert_eq!(ascii_words(text.as_bytes()), text.unicode_words().count(), "{:?}", text);
        });
        let pieces = prop::sample::select(vec![
            "a", "Z", "0", "9", "_", ":", ".", "'", ",", ";", " ", "  ", "\n", "\r\n", "\r", "\t",
            "-", "\"", "é", "\u{301}", "\u{200d}", "\u{a0}", "٣", "…", "’", "ः", "日本", "\u{b}",
            "\u{85}", "ä", "ß", "§", "–", "‘", "«", "\u{17f}", "\u{202f}", "\u{b7}", "²", "ª",
        ]);
        proptest!(ProptestConfig::with_cases(20_000), |(parts in prop::collection::vec(pieces, 0..40))| {
            let text: String = parts.concat();
            prop_assert_eq!(word_count(&text), text.unicode_words().count(), "{:?}", text);
        });
        for text in [
            "a:b", "a.b", "a'b", "1,5", "1;5", "1.5", "1'5", "a.1", "1.a", "a_.b", "__", "_a_",
        ] {
            assert_eq!(
                ascii_words(text.as_bytes()),
                text.unicode_words().count(),
                "{text:?}"
            );
        }
    }

    /// The counting of long texts without underscores (sixteen bytes at a time, flushed
    /// every 127 rounds) agrees with the scanner and with the full segmentation.
    #[test]
    fn long_ascii_counts_match_the_scanner() {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "a", "Zb", "0", "95", ":", ".", "'", ",", ";", " ", "\n", "-", "a.b", "1,5", "(", "\"",
        ]);
        proptest!(ProptestConfig::with_cases(300), |(parts in prop::collection::vec(pieces, 0..2500))| {
            let text = parts.concat();
            let mut scanned = 0;
            for_each_ascii_word(text.as_bytes(), |_| scanned += 1);
            prop_assert_eq!(ascii_words(text.as_bytes()), scanned);
            prop_assert_eq!(scanned, text.unicode_words().count());
        });
    }

    #[test]
    fn word_counts_add_up_by_chapter_and_preamble() {
        let mut draft = draft(
            "t",
            vec![
                ("", "", vec![art("1", "One two three."), art("2", "Four.")]),
                ("", "", Vec::new()),
                ("", "", vec![art("3", "Five six.")]),
            ],
        );
        draft.preamble = Some(art(PREAMBLE, "We agree."));
        let w = WordCounts::of(&draft);
        assert_eq!((w.preamble(), w.article(1), w.article(3)), (2, 3, 2));
        assert_eq!((w.chapter(0), w.chapter(1), w.chapter(2)), (4, 0, 2));
        assert_eq!(w.total(), draft.word_count());
    }
}
