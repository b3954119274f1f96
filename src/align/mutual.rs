//! Mutual favourites: two leftover articles that each prefer the other, clearly.
//!
//! A recast rewrites some provisions so far, and moves them, that neither similarity
//! (under 0.40), order (they moved), paragraphs (none survived) nor title can pair them:
//! an old "Committee" article, rewritten, became a "Committee procedure" placed after
//! provisions that used to follow it. What is left is the lead: of all the articles in
//! play, each is the other's most similar, by half again over any rival of either. A
//! leftover whose favourite prefers another, or which has two near-equal candidates,
//! stays an addition or a removal. Like the lead in a rewrite of everything
//! ([`super::rewrites`]), the link is weak: its confidence is capped, and reports mark it
//! for checking.

use super::links::Linker;
use super::similarity::Pair;
use super::{Method, Side};

/// Each must be the other's favourite by this factor over the best rival of either
/// (at 1.3 the Brussels recast pairs an abolished procedure with a new one).
pub(crate) const LEAD: f64 = 1.5;
/// ... at this similarity at least, the order stage's (7) threshold: a lead over little is
/// no evidence, and in generated revisions, whose articles share a small vocabulary, a
/// removed and an added article with a candidate or two each meet each other's lead at
/// 0.21, by chance.
pub(crate) const FLOOR: f64 = 0.30;
/// ... or at this similarity when each was compared with [`FIELD`] candidates at least: a
/// lead over a field of rivals is evidence (the service recast's "Implementing rules"
/// became "Amendment of Annex I", 0.22, twice as close as any rival of either).
pub(crate) const FIELD_FLOOR: f64 = 0.20;
pub(crate) const FIELD: usize = 3;

/// The best candidate of an article, the best rival's score, and how many candidates.
#[derive(Clone, Copy)]
struct Favourite {
    other: usize,
    score: f64,
    rival: f64,
    field: usize,
}

impl Favourite {
    const NONE: Favourite = Favourite {
        other: usize::MAX,
        score: 0.0,
        rival: 0.0,
        field: 0,
    };

    fn offer(&mut self, other: usize, score: f64) {
        self.field += 1;
        if score > self.score {
            *self = Favourite {
                other,
                score,
                rival: self.score,
                field: self.field,
            };
        } else if score > self.rival {
            self.rival = score;
        }
    }
}

/// Links free articles that are each other's clear favourite among all candidate pairs
/// (linked articles count as rivals).
pub(super) fn apply(b: &Side, h: &Side, pairs: &[Pair], links: &mut Linker) {
    let mut of_base = vec![Favourite::NONE; b.len()];
    let mut of_head = vec![Favourite::NONE; h.len()];
    for p in pairs {
        if b.is_preamble(p.b) || h.is_preamble(p.h) {
            continue;
        }
        of_base[p.b].offer(p.h, p.dice);
        of_head[p.h].offer(p.b, p.dice);
    }
    for (i, f) in of_base.iter().enumerate() {
        let j = f.other;
        if j == usize::MAX || !links.base_free(i) || !links.head_free(j) {
            continue;
        }
        let back = of_head[j];
        let field = f.field.min(back.field) >= FIELD;
        let high = f.score >= FLOOR || (field && f.score >= FIELD_FLOOR);
        if back.other == i && high && f.score >= LEAD * f.rival.max(back.rival) {
            links.add(vec![i], vec![j], f.score, Method::Lead);
        }
    }
}
