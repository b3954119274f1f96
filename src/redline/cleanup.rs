//! Semantic clean-up: turn a raw token diff into a redline that reads like Word's compare.
//!
//! A raw diff of prose matches every space and every "the", so a rewritten phrase comes out
//! as alternating fragments (`-shall+must take -appropriate+suitable measures`). The
//! clean-up groups consecutive deletions and insertions into *hunks* and absorbs the small
//! equal runs trapped between two hunks, so the phrase becomes one deletion followed by
//! one insertion. An equal run is absorbed when it sits between two hunks, contains no line
//! break, and either
//!
//! * holds no meaning-bearing word and at most one function word (whitespace, punctuation,
//!   "the", "of"), or
//! * holds at most [`MAX_ABSORBED_WORDS`] words and both neighbouring hunks change at least
//!   twice as many words as it holds (a short unchanged island inside a rewrite).
//!
//! Absorption is done with a stack in one left-to-right pass: after each merge the new,
//! larger hunk is tested against the equal run before it, so the result is the fixpoint of
//! the rule in linear time. Each hunk is emitted as one `Delete` (its whole base text) then
//! one `Insert` (its whole head text); runs are never empty and never repeat an op.

use std::ops::Range;

use super::tokens::Tokens;
use crate::change::{Op, Segment};

/// The largest unchanged island (in words) a rewrite may swallow.
pub(crate) const MAX_ABSORBED_WORDS: usize = 3;

/// One run of a raw diff, as token ranges of the base and head texts. `Equal` runs have
/// ranges of the same length; `Delete` has an empty head range, `Insert` an empty base one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    pub op: Op,
    pub base: Range<usize>,
    pub head: Range<usize>,
}

/// An equal run (with its count of meaning-bearing words, once known) or a hunk (every
/// change between two equal runs), during absorption.
#[derive(Debug, Clone)]
enum Item {
    Equal(Range<usize>, Range<usize>, Option<usize>),
    Hunk(Range<usize>, Range<usize>),
}

/// The cleaned redline with its word counts.
pub(crate) struct Cleaned {
    pub segments: Vec<Segment>,
    pub inserted: usize,
    pub deleted: usize,
}

/// Clean up `runs` (which must cover both token streams in order) and build the segments.
///
/// Token ids are hashes, so an `Equal` run is trusted only if its base and head texts are
/// identical; otherwise (a hash collision) it is split token by token.
pub(crate) fn clean(base: &Tokens<'_>, head: &Tokens<'_>, runs: Vec<Run>) -> Cleaned {
    let mut stack: Vec<Item> = Vec::with_capacity(runs.len());
    for run in runs {
        if run.op == Op::Equal && base.slice(&run.base) != head.slice(&run.head) {
            for (b, h) in run.base.zip(run.head) {
                let op = if base.piece(b) == head.piece(h) {
                    Op::Equal
                } else {
                    Op::Delete
                };
                add(&mut stack, base, head, op, b..b + 1, h..h + 1);
            }
        } else {
            add(&mut stack, base, head, run.op, run.base, run.head);
        }
    }
    absorb(&mut stack, base, head);
    emit(stack, base, head)
}

/// Push one run; `Delete` and `Insert` runs (a `Delete` may carry head tokens too, for a
/// replacement) join the hunk on top of the stack.
fn add(
    stack: &mut Vec<Item>,
    base: &Tokens<'_>,
    head: &Tokens<'_>,
    op: Op,
    b: Range<usize>,
    h: Range<usize>,
) {
    if b.is_empty() && h.is_empty() {
        return;
    }
    match (op, stack.last_mut()) {
        (Op::Equal, Some(Item::Equal(eb, eh, content))) => {
            eb.end = b.end;
            eh.end = h.end;
            *content = None;
        }
        (Op::Equal, _) => {
            // The hunk on top is complete: settle it before the next equal run.
            absorb(stack, base, head);
            stack.push(Item::Equal(b, h, None));
        }
        (_, Some(Item::Hunk(hb, hh))) => {
            hb.end = b.end;
            hh.end = h.end;
        }
        (_, _) => stack.push(Item::Hunk(b, h)),
    }
}

/// While the top of the stack is `hunk, equal, hunk` and the equal run is absorbable, merge
/// the three into one hunk.
fn absorb(stack: &mut Vec<Item>, base: &Tokens<'_>, head: &Tokens<'_>) {
    while let [.., Item::Hunk(lb, lh), Item::Equal(eb, _, memo), Item::Hunk(rb, rh)] =
        &mut stack[..]
    {
        let left = base.words(lb).max(head.words(lh));
        let right = base.words(rb).max(head.words(rh));
        if !absorbable(base, eb, memo, left, right) {
            return;
        }
        let (rb_end, rh_end) = (rb.end, rh.end);
        lb.end = rb_end;
        lh.end = rh_end;
        stack.truncate(stack.len() - 2);
    }
}

fn absorbable(
    tokens: &Tokens<'_>,
    equal: &Range<usize>,
    content: &mut Option<usize>,
    left: usize,
    right: usize,
) -> bool {
    let words = tokens.words(equal);
    if words > MAX_ABSORBED_WORDS || tokens.has_break(equal) {
        return false;
    }
    let content = *content.get_or_insert_with(|| tokens.content_words(equal));
    (content == 0 && words <= 1) || 2 * words <= left.min(right)
}

fn emit(items: Vec<Item>, base: &Tokens<'_>, head: &Tokens<'_>) -> Cleaned {
    let mut segments = Vec::with_capacity(items.len() * 2);
    let (mut inserted, mut deleted) = (0, 0);
    for item in items {
        match item {
            Item::Equal(b, _, _) => push(&mut segments, Op::Equal, base.slice(&b)),
            Item::Hunk(b, h) => {
                deleted += base.words(&b);
                inserted += head.words(&h);
                push(&mut segments, Op::Delete, base.slice(&b));
                push(&mut segments, Op::Insert, head.slice(&h));
            }
        }
    }
    Cleaned {
        segments,
        inserted,
        deleted,
    }
}

fn push(segments: &mut Vec<Segment>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    match segments.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => segments.push(Segment::new(op, text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(op: Op, base: Range<usize>, head: Range<usize>) -> Run {
        Run { op, base, head }
    }

    fn ops(segments: &[Segment]) -> Vec<(Op, &str)> {
        segments.iter().map(|s| (s.op, s.text.as_str())).collect()
    }

    #[test]
    fn trapped_spaces_and_function_words_are_absorbed() {
        // tokens: shall _ take _ the _ measures  /  may _ adopt _ the _ steps
        let b = Tokens::new("shall take the measures");
        let h = Tokens::new("may adopt the steps");
        let runs = vec![
            run(Op::Delete, 0..1, 0..0),
            run(Op::Insert, 1..1, 0..1),
            run(Op::Equal, 1..2, 1..2),
            run(Op::Delete, 2..3, 2..2),
            run(Op::Insert, 3..3, 2..3),
            run(Op::Equal, 3..6, 3..6),
            run(Op::Delete, 6..7, 6..6),
            run(Op::Insert, 7..7, 6..7),
        ];
        let c = clean(&b, &h, runs);
        assert_eq!(
            ops(&c.segments),
            [
                (Op::Delete, "shall take the measures"),
                (Op::Insert, "may adopt the steps")
            ]
        );
        assert_eq!((c.deleted, c.inserted), (4, 4));
    }

    #[test]
    fn meaningful_islands_between_single_word_changes_stay() {
        let b = Tokens::new("shall respect rights");
        let h = Tokens::new("must respect freedoms");
        let runs = vec![
            run(Op::Delete, 0..1, 0..0),
            run(Op::Insert, 1..1, 0..1),
            run(Op::Equal, 1..4, 1..4),
            run(Op::Delete, 4..5, 4..4),
            run(Op::Insert, 5..5, 4..5),
        ];
        let c = clean(&b, &h, runs);
        assert_eq!(c.segments.len(), 5);
        assert_eq!(c.segments[2], Segment::new(Op::Equal, " respect "));
    }

    #[test]
    fn line_breaks_are_never_absorbed() {
        let b = Tokens::new("a\nb");
        let h = Tokens::new("c\nd");
        let runs = vec![
            run(Op::Delete, 0..1, 0..0),
            run(Op::Insert, 1..1, 0..1),
            run(Op::Equal, 1..2, 1..2),
            run(Op::Delete, 2..3, 2..2),
            run(Op::Insert, 3..3, 2..3),
        ];
        assert_eq!(clean(&b, &h, runs).segments.len(), 5);
    }

    #[test]
    fn empty_runs_vanish_and_equal_runs_coalesce() {
        let b = Tokens::new("a b");
        let h = Tokens::new("a b");
        let runs = vec![
            run(Op::Equal, 0..1, 0..1),
            run(Op::Delete, 1..1, 1..1),
            run(Op::Equal, 1..3, 1..3),
        ];
        assert_eq!(ops(&clean(&b, &h, runs).segments), [(Op::Equal, "a b")]);
    }
}
