//! The bounded fallback for very large texts: align sentences first, then words.
//!
//! Each text is cut into *units*: a unit ends at a line break, after a sentence-ending mark
//! (`.`, `!`, `?`, `;`, `。`…) followed by whitespace, or — so that a text without
//! punctuation still has units — at a space after a word chosen by its hash once a unit has
//! [`MIN_CHUNK`] tokens (content-defined, so an insertion does not shift every later
//! boundary), and in any case after [`MAX_UNIT`] tokens. Units are compared whole with
//! `similar` (Myers, with the deadline); each changed stretch between equal units is then
//! diffed word by word if it is at most [`REFINE_LIMIT`] tokens and time remains, and
//! otherwise shown as one deletion and one insertion.
//!
//! The cost is linear in the text for tokenising and cutting, plus a unit-level diff over
//! roughly a twentieth as many items as the word diff would see, plus word diffs bounded in
//! size and by the shared deadline.

use std::hash::BuildHasher;
use std::ops::Range;
use std::time::{Duration, Instant};

use rustc_hash::FxBuildHasher;
use similar::{Algorithm, DiffTag};

use super::cleanup::Run;
use super::tokens::{Class, Tokens};
use crate::change::Op;

/// Tokens a unit must have before a content-defined cut is allowed.
pub(crate) const MIN_CHUNK: usize = 24;
/// Tokens after which a unit is always cut.
pub(crate) const MAX_UNIT: usize = 512;
/// The largest changed stretch (tokens, both sides) that is still diffed word by word.
pub(crate) const REFINE_LIMIT: usize = 20_000;

/// Raw runs for two large texts: units aligned first, changed stretches refined. The
/// `budget` starts once the (linear) cutting and hashing of units is done.
pub(crate) fn runs(base: &Tokens<'_>, head: &Tokens<'_>, budget: Duration) -> Vec<Run> {
    let bu = units(base);
    let hu = units(head);
    let bid: Vec<u64> = bu
        .iter()
        .map(|r| FxBuildHasher.hash_one(base.slice(r)))
        .collect();
    let hid: Vec<u64> = hu
        .iter()
        .map(|r| FxBuildHasher.hash_one(head.slice(r)))
        .collect();
    let deadline = Instant::now() + budget;

    let mut out = Vec::new();
    let mut pending: Option<(Range<usize>, Range<usize>)> = None;
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, &bid, &hid, Some(deadline));
    for op in ops {
        let (tag, ub, uh) = op.as_tag_tuple();
        let tb = span(&bu, &ub, base.len());
        let th = span(&hu, &uh, head.len());
        if tag == DiffTag::Equal {
            if let Some((pb, ph)) = pending.take() {
                stretch(base, head, pb, ph, deadline, &mut out);
            }
            out.push(Run {
                op: Op::Equal,
                base: tb,
                head: th,
            });
        } else {
            pending = Some(match pending.take() {
                Some((pb, ph)) => (pb.start..tb.end, ph.start..th.end),
                None => (tb, th),
            });
        }
    }
    if let Some((pb, ph)) = pending {
        stretch(base, head, pb, ph, deadline, &mut out);
    }
    out
}

/// A changed stretch: word-diffed when small enough and in time, else replaced whole.
fn stretch(
    base: &Tokens<'_>,
    head: &Tokens<'_>,
    b: Range<usize>,
    h: Range<usize>,
    deadline: Instant,
    out: &mut Vec<Run>,
) {
    let refine = !b.is_empty()
        && !h.is_empty()
        && b.len() + h.len() <= REFINE_LIMIT
        && Instant::now() < deadline;
    if refine {
        let offset = (b.start, h.start);
        let (b, h) = (&base.ids[b], &head.ids[h]);
        super::word_runs(b, h, super::common_ends(b, h), offset, deadline, out);
    } else {
        super::replaced(b, h, out);
    }
}

/// The token range covered by a range of units.
fn span(units: &[Range<usize>], range: &Range<usize>, total: usize) -> Range<usize> {
    if range.is_empty() {
        let at = units.get(range.start).map_or(total, |u| u.start);
        return at..at;
    }
    units[range.start].start..units[range.end - 1].end
}

/// Cut a token stream into units (see the module documentation).
fn units(t: &Tokens<'_>) -> Vec<Range<usize>> {
    let bytes = t.text.as_bytes();
    let mut out = Vec::with_capacity(t.len() / 16 + 1);
    let mut start = 0;
    for (i, tok) in t.tokens.iter().enumerate() {
        let len = i + 1 - start;
        let cut = match tok.class {
            Class::Break => true,
            Class::Space if i > 0 => {
                let prev = t.tokens[i - 1];
                matches!(bytes[prev.end - 1], b'.' | b'!' | b'?' | b';')
                    || (len >= MIN_CHUNK && prev.class == Class::Word && chosen(t.ids[i - 1]))
            }
            Class::Punct => matches!(t.piece(i), "。" | "！" | "？" | "；"),
            _ => false,
        };
        if cut || len >= MAX_UNIT {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < t.len() {
        out.push(start..t.len());
    }
    out
}

/// One word in eight ends a content-defined chunk; the same word does so on both sides.
fn chosen(id: u64) -> bool {
    id.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 61 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit_texts(text: &str) -> Vec<String> {
        let t = Tokens::new(text);
        units(&t).iter().map(|r| t.slice(r).to_owned()).collect()
    }

    #[test]
    fn units_end_at_sentences_and_lines() {
        assert_eq!(
            unit_texts("One. Two; three\nfour? 五。六"),
            ["One. ", "Two; ", "three\n", "four? ", "五。", "六"]
        );
    }

    #[test]
    fn units_tile_the_text_and_are_bounded() {
        let text = "word ".repeat(5000);
        let t = Tokens::new(&text);
        let u = units(&t);
        assert!(u.iter().all(|r| r.len() <= MAX_UNIT));
        assert!(u.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(u.last().map(|r| r.end), Some(t.len()));
    }

    #[test]
    fn span_of_an_empty_unit_range_sits_at_the_next_unit() {
        let units = vec![0..3, 3..5];
        assert_eq!(span(&units, &(1..1), 5), 3..3);
        assert_eq!(span(&units, &(2..2), 5), 5..5);
        assert_eq!(span(&units, &(0..2), 5), 0..5);
    }
}
