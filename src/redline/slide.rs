//! Slide a lone insertion or deletion to where a reader would put it.
//!
//! When inserted text repeats the words around it, a diff may place the insertion at any of
//! several equivalent positions: adding "It shall be … status. " before "It shall end" can
//! come out as `It shall {+be … status. It shall +}end`. Like diff-match-patch's lossless
//! semantic clean-up, we try every equivalent position (up to [`MAX_SLIDE`] tokens either
//! way) and keep the one whose two edges fall on the best boundaries: the edge of the text
//! or a line break, then the start of a sentence, then a space, then punctuation. Ties go
//! to an edit that starts with a word (`a {+new +}b`, not `a{+ new+} b`).

use super::cleanup::Run;
use super::tokens::{Class, Tokens};
use crate::change::Op;

/// How far (in tokens) an edit is slid looking for a better position.
pub(crate) const MAX_SLIDE: usize = 64;

/// Drop empty runs and merge neighbours of the same op, then slide every edit that has no
/// other edit next to it.
pub(crate) fn slide(base: &Tokens<'_>, head: &Tokens<'_>, runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        if run.base.is_empty() && run.head.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.op == run.op => {
                last.base.end = run.base.end;
                last.head.end = run.head.end;
            }
            _ => out.push(run),
        }
    }
    // Equal runs, empty if need be, at both ends: an edit slid towards an end pushes the
    // text it passes into the equal run on its other side, which must exist (an insertion
    // that repeats the whole base, slid to the start, would otherwise lose it).
    if out.first().is_none_or(|r| r.op != Op::Equal) {
        out.insert(
            0,
            Run {
                op: Op::Equal,
                base: 0..0,
                head: 0..0,
            },
        );
    }
    if out.last().is_some_and(|r| r.op != Op::Equal) {
        let (b, h) = (base.len(), head.len());
        out.push(Run {
            op: Op::Equal,
            base: b..b,
            head: h..h,
        });
    }
    for i in 0..out.len() {
        let lone = out[i].op != Op::Equal
            && (i == 0 || out[i - 1].op == Op::Equal)
            && out.get(i + 1).is_none_or(|r| r.op == Op::Equal);
        if lone {
            slide_one(&mut out, i, base, head);
        }
    }
    out.retain(|r| !(r.base.is_empty() && r.head.is_empty()));
    out
}

fn slide_one(runs: &mut [Run], i: usize, base: &Tokens<'_>, head: &Tokens<'_>) {
    let (side, insert) = match runs[i].op {
        Op::Insert => (head, true),
        _ => (base, false),
    };
    let range = |r: &Run| {
        if insert {
            r.head.clone()
        } else {
            r.base.clone()
        }
    };
    let edit = range(&runs[i]);
    // How far the edit may move: it moves left while its last token repeats the token
    // before it, right while its first token repeats the token after it.
    let room_left = i.checked_sub(1).map_or(0, |p| range(&runs[p]).len());
    let room_right = runs.get(i + 1).map_or(0, |n| range(n).len());
    let mut left = 0;
    while left < room_left.min(MAX_SLIDE)
        && side.piece(edit.start - left - 1) == side.piece(edit.end - left - 1)
    {
        left += 1;
    }
    let mut right = 0;
    while right < room_right.min(MAX_SLIDE)
        && side.piece(edit.start + right) == side.piece(edit.end + right)
    {
        right += 1;
    }
    if left == 0 && right == 0 {
        return;
    }
    let best = (edit.start - left..=edit.start + right)
        .max_by_key(|&start| score(side, start, start + edit.len()))
        .unwrap_or(edit.start);
    if best == edit.start {
        return;
    }
    // Moving the edit by `shift` tokens moves both its ranges (the empty one marks its
    // position on the other side) and the boundaries with its equal neighbours.
    let shift = best as isize - edit.start as isize;
    let by = |x: usize| x.saturating_add_signed(shift);
    let run = &mut runs[i];
    run.base = by(run.base.start)..by(run.base.end);
    run.head = by(run.head.start)..by(run.head.end);
    if let Some(p) = i.checked_sub(1) {
        runs[p].base.end = by(runs[p].base.end);
        runs[p].head.end = by(runs[p].head.end);
    }
    if let Some(n) = runs.get_mut(i + 1) {
        n.base.start = by(n.base.start);
        n.head.start = by(n.head.start);
    }
}

/// How good a place `start..end` of `side` is for an edit: its two edges, plus one if it
/// starts with a word.
fn score(side: &Tokens<'_>, start: usize, end: usize) -> usize {
    let starts_with_word = side
        .tokens
        .get(start)
        .is_some_and(|t| t.class == Class::Word);
    2 * (edge(side, start) + edge(side, end)) + usize::from(starts_with_word)
}

/// The quality of the boundary just before token `at`.
fn edge(side: &Tokens<'_>, at: usize) -> usize {
    let (Some(before), Some(after)) = (at.checked_sub(1), side.tokens.get(at)) else {
        return 6;
    };
    let b = side.tokens[before];
    if b.class == Class::Break || after.class == Class::Break {
        5
    } else if b.class == Class::Space && before > 0 && ends_sentence(side.piece(before - 1)) {
        4
    } else if b.class == Class::Space || after.class == Class::Space {
        2
    } else if b.class == Class::Punct || after.class == Class::Punct {
        1
    } else {
        0
    }
}

fn ends_sentence(piece: &str) -> bool {
    piece.ends_with(['.', '!', '?', ';', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(op: Op, base: std::ops::Range<usize>, head: std::ops::Range<usize>) -> Run {
        Run { op, base, head }
    }

    #[test]
    fn an_inserted_sentence_slides_to_the_sentence_start() {
        // base: "Go. It ends."  head: "Go. It waits. It ends."
        let b = Tokens::new("Go. It ends.");
        let h = Tokens::new("Go. It waits. It ends.");
        // The diff put the insertion after "Go. It ": `{+waits. It +}ends.`
        let runs = vec![
            run(Op::Equal, 0..5, 0..5),
            run(Op::Insert, 5..5, 5..10),
            run(Op::Equal, 5..7, 10..12),
        ];
        let slid = slide(&b, &h, runs);
        assert_eq!(slid[1], run(Op::Insert, 3..3, 3..8));
        assert_eq!(h.slice(&slid[1].head), "It waits. ");
        assert_eq!((slid[0].head.end, slid[2].head.start), (3, 8));
        assert_eq!((slid[0].base.end, slid[2].base.start), (3, 3));
    }

    #[test]
    fn an_inserted_word_takes_its_trailing_space() {
        let b = Tokens::new("a b");
        let h = Tokens::new("a new b");
        let runs = vec![
            run(Op::Equal, 0..1, 0..1),
            run(Op::Insert, 1..1, 1..3),
            run(Op::Equal, 1..3, 3..5),
        ];
        let slid = slide(&b, &h, runs);
        assert_eq!(h.slice(&slid[1].head), "new ");
    }

    #[test]
    fn edits_next_to_other_edits_do_not_move() {
        let b = Tokens::new("a x b");
        let h = Tokens::new("a y y b");
        let runs = vec![
            run(Op::Equal, 0..2, 0..2),
            run(Op::Delete, 2..3, 2..2),
            run(Op::Insert, 3..3, 2..5),
            run(Op::Equal, 3..5, 5..7),
        ];
        assert_eq!(slide(&b, &h, runs.clone()), runs);
    }
}
