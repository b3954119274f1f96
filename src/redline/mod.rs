//! Word-level redlines: the `redline` stage of the pipeline (docs/architecture.md).
//!
//! Two texts are split into Unicode words, with whitespace and punctuation as tokens of
//! their own (`tokens`); a pair that shares a long start or end is tokenised only around
//! its changed middle (`trim`). The common prefix and suffix are split off, the changed
//! middle is diffed with `similar` (Patience), a lone insertion or deletion is slid to the
//! most readable of its equivalent positions (`slide`), and the result is cleaned up so it
//! reads like Word's compare (`cleanup`): whole words, a rewritten phrase as one deletion
//! followed by one insertion, small unchanged islands absorbed into the change around them.
//!
//! We diff our own tokens with [`similar::capture_diff_slices_deadline`] rather than
//! `TextDiff::diff_unicode_words`: the tokens are the same UAX #29 word bounds, but owning
//! them gives integer comparisons (each token carries a hash) instead of string hashing in
//! every algorithm step, the byte offsets the round-trip needs, the word classes the
//! clean-up needs, and lets the coarse fallback (`coarse`) cut the very same tokens into
//! sentences.
//!
//! **Bounded time.** The fallback triggers in two cases, and sets [`Redline::coarse`]:
//!
//! * the two texts together have more than `FINE_TOKEN_LIMIT` tokens (roughly 40,000
//!   words a side): sentences (units ending at `.`/`;`/`?`/`!` or a line break) are aligned
//!   first, and only the changed stretches between equal sentences are diffed word by word
//!   while `TIME_BUDGET` lasts; larger or later stretches are shown as one deletion and
//!   one insertion;
//! * a word diff runs past `TIME_BUDGET`: `similar` stops searching and returns an
//!   approximate script, which marks more text as changed than strictly needed.
//!
//! Either way the redline still round-trips exactly; only its granularity suffers.

mod cleanup;
mod coarse;
mod slide;
pub(crate) mod tokens;
mod trim;

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag};

use crate::change::{Op, Segment};
use cleanup::Run;
use tokens::Tokens;
use trim::Cut;

/// Above this many tokens (base and head together) the word diff is preceded by a
/// sentence-level alignment. A token is a word, a run of whitespace or a punctuation mark,
/// so this is roughly 40,000 words a side: hundreds of times the longest real article.
pub(crate) const FINE_TOKEN_LIMIT: usize = 160_000;

/// How long the diff itself may search before `similar` settles for an approximation.
pub(crate) const TIME_BUDGET: Duration = Duration::from_millis(300);

/// Patience anchors on tokens that occur once on each side (rare words, numbers), so the
/// many spaces and "the"s of prose do not pull the alignment into fragments; between
/// anchors it falls back to Myers, whose deadline handling is robust.
const ALGORITHM: Algorithm = Algorithm::Patience;

/// A word-level redline of two texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Redline {
    /// `Equal` / `Delete` / `Insert` runs: never empty, never two of the same op in a row,
    /// a replacement always as its `Delete` then its `Insert`. Joining `Equal`+`Delete`
    /// gives the base text and `Equal`+`Insert` the head text, byte for byte.
    pub segments: Vec<Segment>,
    /// Words (UAX #29 words with a letter or digit) in `Insert` segments.
    pub inserted: usize,
    /// Words in `Delete` segments.
    pub deleted: usize,
    /// True when the bounded fallback was used (sentence-level alignment or a diff that hit
    /// the time budget): the redline is exact but may mark more text than strictly changed.
    pub coarse: bool,
}

impl Redline {
    /// Share of words that survive unchanged, from 0.0 (nothing in common) to 1.0.
    ///
    /// `similarity = ((base_words − deleted) + (head_words − inserted)) / (base_words +
    /// head_words)`, i.e. the Dice coefficient of the kept words; 1.0 when both texts have no
    /// words. Words absorbed into a rewrite by the clean-up count as changed, so the figure
    /// matches the redline the reader sees.
    ///
    /// ```
    /// let r = draftdiff::redline::redline("States shall act", "States may act");
    /// assert!((r.similarity(3, 3) - 4.0 / 6.0).abs() < 1e-9);
    /// ```
    pub fn similarity(&self, base_words: usize, head_words: usize) -> f64 {
        let total = base_words + head_words;
        if total == 0 {
            return 1.0;
        }
        let kept =
            base_words.saturating_sub(self.deleted) + head_words.saturating_sub(self.inserted);
        (kept as f64 / total as f64).clamp(0.0, 1.0)
    }

    /// The base text, rebuilt from the segments.
    pub fn base(&self) -> String {
        crate::change::side(&self.segments, Op::Delete)
    }

    /// The head text, rebuilt from the segments.
    pub fn head(&self) -> String {
        crate::change::side(&self.segments, Op::Insert)
    }
}

/// Redline `base` against `head` word by word, with the semantic clean-up applied.
///
/// ```
/// use draftdiff::{redline::redline, Op};
/// let r = redline("Migrant workers shall enjoy rights.", "Migrant workers shall be guaranteed rights.");
/// assert_eq!(r.segments[1].op, Op::Delete);
/// assert_eq!(r.segments[1].text, "enjoy");
/// assert_eq!(r.segments[2].text, "be guaranteed");
/// assert_eq!((r.deleted, r.inserted), (1, 2));
/// ```
pub fn redline(base: &str, head: &str) -> Redline {
    if base != head && has_rows(base) && has_rows(head) {
        return table_redline(base, head);
    }
    word_redline(base, head)
}

/// Whether a text has a table row (`crate::pipe`).
fn has_rows(text: &str) -> bool {
    memchr::memchr(b'|', text.as_bytes()).is_some() && text.lines().any(crate::pipe::is_row)
}

/// Texts with tables are diffed line by line first, so that a row removed next to a
/// changed one is not read as a change running from one row into the next: equal lines
/// stay equal; in a changed stretch, each base row is paired with the next head row of as
/// many cells that starts with the same cell or shares half its words, and each pair is
/// diffed word by word (a changed cell), as is the text between pairs (rows only one
/// version has are then deleted or inserted whole).
fn table_redline(base: &str, head: &str) -> Redline {
    let bl: Vec<&str> = base.split_inclusive('\n').collect();
    let hl: Vec<&str> = head.split_inclusive('\n').collect();
    let deadline = Some(Instant::now() + TIME_BUDGET);
    let mut out = Redline {
        segments: Vec::new(),
        inserted: 0,
        deleted: 0,
        coarse: false,
    };
    let mut add = |r: Redline| {
        for s in r.segments {
            push(&mut out.segments, s);
        }
        out.inserted += r.inserted;
        out.deleted += r.deleted;
        out.coarse |= r.coarse;
    };
    for op in similar::capture_diff_slices_deadline(ALGORITHM, &bl, &hl, deadline) {
        let (tag, b, h) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            let same = bl[b].concat();
            add(word_redline(&same, &same));
            continue;
        }
        let (bs, hs) = (&bl[b], &hl[h]);
        let (mut i0, mut j0) = (0, 0);
        for (i, row) in bs.iter().enumerate() {
            let Some(j) = (j0..hs.len()).find(|&j| same_row(row, hs[j])) else {
                continue;
            };
            add(word_redline(&bs[i0..i].concat(), &hs[j0..j].concat()));
            add(word_redline(row, hs[j]));
            (i0, j0) = (i + 1, j + 1);
        }
        add(word_redline(&bs[i0..].concat(), &hs[j0..].concat()));
    }
    out
}

/// Whether two lines are the same table row, changed: as many cells, and the same first
/// cell or half their words in common.
fn same_row(base: &str, head: &str) -> bool {
    let (Some(b), Some(h)) = (crate::pipe::cells(base), crate::pipe::cells(head)) else {
        return false;
    };
    if b.len() != h.len() {
        return false;
    }
    if b[0] == h[0] && !b[0].is_empty() {
        return true;
    }
    let r = word_redline(base, head);
    r.similarity(
        crate::model::word_count(base),
        crate::model::word_count(head),
    ) >= 0.5
}

/// Appends a segment, keeping the segments' form: no empty one, no two of one operation
/// in a row, a deletion before the insertion next to it.
fn push(segments: &mut Vec<Segment>, s: Segment) {
    if s.text.is_empty() {
        return;
    }
    let n = segments.len();
    match (s.op, segments.last().map(|l| l.op)) {
        (op, Some(last)) if op == last => segments[n - 1].text.push_str(&s.text),
        (Op::Delete, Some(Op::Insert)) => {
            if n >= 2 && segments[n - 2].op == Op::Delete {
                segments[n - 2].text.push_str(&s.text);
            } else {
                segments.insert(n - 1, s);
            }
        }
        _ => segments.push(s),
    }
}

/// The word-level redline of two texts (see [`redline`]).
///
/// A pair that differs only in its middle is tokenised around the middle (`trim`): the
/// redline of the two windows, with the text cut off added back to its first and last
/// equal segments, is the redline of the whole texts.
fn word_redline(base: &str, head: &str) -> Redline {
    if base == head {
        return Redline {
            segments: [Segment::new(Op::Equal, base)]
                .into_iter()
                .filter(|s| !s.text.is_empty())
                .collect(),
            inserted: 0,
            deleted: 0,
            coarse: false,
        };
    }
    // Texts this short never take the coarse fallback, whole or cut: a token is a byte
    // at least.
    if base.len() + head.len() <= FINE_TOKEN_LIMIT {
        let cut = Cut::of(base, head);
        if cut != Cut::NONE {
            let (bw, hw) = (cut.window(base), cut.window(head));
            let (b, h) = (Tokens::new(bw), Tokens::new(hw));
            let ends = common_ends(&b.ids, &h.ids);
            if cut.holds(ends.0, ends.1) {
                let mut r = fine_redline(&b, &h, ends);
                let after = &base[base.len() - cut.back..];
                restore(&mut r.segments, &base[..cut.front], after);
                return r;
            }
        }
    }
    whole_redline(base, head)
}

/// The word-level redline of two different texts, tokenised whole.
fn whole_redline(base: &str, head: &str) -> Redline {
    let b = Tokens::new(base);
    let h = Tokens::new(head);
    if b.len() + h.len() > FINE_TOKEN_LIMIT {
        let runs = coarse::runs(&b, &h, TIME_BUDGET);
        return finish(&b, &h, runs, true);
    }
    let ends = common_ends(&b.ids, &h.ids);
    fine_redline(&b, &h, ends)
}

/// The word diff of two token streams whose common prefix and suffix (`ends`, the suffix
/// counted after the prefix) are known, slid and cleaned up.
fn fine_redline(b: &Tokens<'_>, h: &Tokens<'_>, ends: (usize, usize)) -> Redline {
    // The budget covers the diff; tokenising is linear and comes first.
    let deadline = Instant::now() + TIME_BUDGET;
    let mut runs = Vec::new();
    word_runs(&b.ids, &h.ids, ends, (0, 0), deadline, &mut runs);
    finish(b, h, runs, Instant::now() > deadline)
}

fn finish(b: &Tokens<'_>, h: &Tokens<'_>, runs: Vec<Run>, coarse: bool) -> Redline {
    let runs = slide::slide(b, h, runs);
    let cleaned = cleanup::clean(b, h, runs);
    Redline {
        segments: cleaned.segments,
        inserted: cleaned.inserted,
        deleted: cleaned.deleted,
        coarse,
    }
}

/// Adds the text cut off before and after the windows back to the segments, as the whole
/// texts' first and last equal runs would hold it.
fn restore(segments: &mut Vec<Segment>, before: &str, after: &str) {
    if !before.is_empty() {
        match segments.first_mut() {
            Some(first) if first.op == Op::Equal => first.text.insert_str(0, before),
            _ => segments.insert(0, Segment::new(Op::Equal, before)),
        }
    }
    if !after.is_empty() {
        match segments.last_mut() {
            Some(last) if last.op == Op::Equal => last.text.push_str(after),
            _ => segments.push(Segment::new(Op::Equal, after)),
        }
    }
}

/// The common prefix of two token-id slices, and the common suffix of what follows it.
fn common_ends(base: &[u64], head: &[u64]) -> (usize, usize) {
    let prefix = base.iter().zip(head).take_while(|(b, h)| b == h).count();
    let suffix = base[prefix..]
        .iter()
        .rev()
        .zip(head[prefix..].iter().rev())
        .take_while(|(b, h)| b == h)
        .count();
    (prefix, suffix)
}

/// Below this many tokens in the changed middle (both sides), the diff runs without a
/// deadline: its worst case is then a few milliseconds, and reading the clock is not free.
const NO_DEADLINE_BELOW: usize = 2_000;

/// Diff two token-id slices and append the raw runs, shifted by `offset` (the slices'
/// starting token indices in the whole texts). The common prefix and suffix (`ends`, from
/// [`common_ends`]) are split off first, so `similar` only sees the changed middle.
fn word_runs(
    base: &[u64],
    head: &[u64],
    (prefix, suffix): (usize, usize),
    offset: (usize, usize),
    deadline: Instant,
    out: &mut Vec<Run>,
) {
    let (b_rest, h_rest) = (&base[prefix..], &head[prefix..]);
    let b_mid = &b_rest[..b_rest.len() - suffix];
    let h_mid = &h_rest[..h_rest.len() - suffix];
    let (ob, oh) = offset;
    out.push(equal(ob..ob + prefix, oh..oh + prefix));
    let (ob, oh) = (ob + prefix, oh + prefix);
    let deadline = (b_mid.len() + h_mid.len() >= NO_DEADLINE_BELOW).then_some(deadline);
    for op in similar::capture_diff_slices_deadline(ALGORITHM, b_mid, h_mid, deadline) {
        let (tag, b, h) = op.as_tag_tuple();
        let (b, h) = (ob + b.start..ob + b.end, oh + h.start..oh + h.end);
        match tag {
            DiffTag::Equal => out.push(equal(b, h)),
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => replaced(b, h, out),
        }
    }
    let (eb, eh) = (ob + b_mid.len(), oh + h_mid.len());
    out.push(equal(eb..eb + suffix, eh..eh + suffix));
}

/// The base words `b` replaced by the head words `h`: a deletion, then an insertion (either
/// may be empty).
fn replaced(b: Range<usize>, h: Range<usize>, out: &mut Vec<Run>) {
    out.push(Run {
        op: Op::Delete,
        base: b.clone(),
        head: h.start..h.start,
    });
    out.push(Run {
        op: Op::Insert,
        base: b.end..b.end,
        head: h,
    });
}

fn equal(base: Range<usize>, head: Range<usize>) -> Run {
    Run {
        op: Op::Equal,
        base,
        head,
    }
}

#[cfg(test)]
mod tests;
