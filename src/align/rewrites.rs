//! Rewrites of everything: when a text was redrafted from end to end, a clear lead is the
//! only evidence left.
//!
//! In a revision that keeps most of its text (a statute amended, a regulation recast), an
//! article no earlier stage could place is most likely new or gone: its nearest rival is
//! a neighbour sharing the act's vocabulary, and pairing it would be a guess. In a
//! redraft of everything (a licence's new version, a declaration condensing a treaty)
//! the old provisions still live on — under new words, with new ones around them — and
//! every pair is weakly similar, so no absolute threshold separates successors from
//! strangers. What does is the *lead*: an old condition that shares a sixth of its
//! weighted words with one new section and a twentieth with every other has one
//! successor. So when most of the base text was rewritten ([`REWRITTEN`]), each free
//! article whose best free partner leads its runner-up by [`LEAD`] is linked to it, as a
//! weak link (its confidence stays low and reports mark it for checking). Several bases
//! choosing one head make a merge, one base chosen by several heads a split.

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::similarity::Model;
use super::{Method, Side};

/// The text counts as rewritten throughout when at least this share of the base articles
/// (the preamble aside) is free or linked at under [`KEPT`] similarity. Amended statutes
/// and recasts of the development corpus stay under 0.6, redrafted licences are at 0.9
/// and over (docs/alignment.md).
pub(crate) const REWRITTEN: f64 = 0.75;
/// A link at this similarity kept half of its words: not a rewrite.
pub(crate) const KEPT: f64 = 0.50;
/// The best free partner must lead the runner-up by this factor ...
pub(crate) const LEAD: f64 = 2.0;
/// ... and share at least this much (weighted Dice): a lead over nothing is no evidence.
pub(crate) const FLOOR: f64 = 0.08;
/// Beyond this many free pairs the text is too large to be a rewrite of a short
/// instrument, and comparing all of them would cost more than the rest of the alignment.
pub(crate) const MAX_PAIRS: usize = 250_000;

/// Links the free articles of a text rewritten throughout by the clear lead of their
/// best free partner.
pub(super) fn apply(b: &Side, model: &Model, links: &mut Linker) {
    let articles: Vec<usize> = (0..b.len()).filter(|&i| !b.is_preamble(i)).collect();
    let rewritten = articles
        .iter()
        .filter(|&&i| {
            links
                .of_base(i)
                .and_then(|id| links.get(id))
                .is_none_or(|l| l.score < KEPT)
        })
        .count();
    if articles.is_empty() || (rewritten as f64) < REWRITTEN * articles.len() as f64 {
        return;
    }
    let free_b: Vec<usize> = articles
        .into_iter()
        .filter(|&i| links.base_free(i) && model.base(i).is_some())
        .collect();
    let free_h: Vec<usize> = (0..links.heads())
        .filter(|&j| links.head_free(j) && model.head(j).is_some())
        .collect();
    if free_b.is_empty() || free_h.is_empty() || free_b.len() * free_h.len() > MAX_PAIRS {
        return;
    }
    let sim: Vec<Vec<f64>> = free_b
        .iter()
        .map(|&i| free_h.iter().map(|&j| model.similarity(i, j)).collect())
        .collect();
    // The chosen edges, as (row, column) of `sim`: each base's clear favourite, and each
    // head's. Similarity, not containment: a long new section (the definitions) contains
    // a little of every old condition, and would be everyone's favourite.
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (r, row) in sim.iter().enumerate() {
        if let Some(c) = leader(row.iter().copied()) {
            edges.push((r, c));
        }
    }
    for c in 0..free_h.len() {
        if let Some(r) = leader(sim.iter().map(|row| row[c])) {
            edges.push((r, c));
        }
    }
    edges.sort_unstable();
    edges.dedup();
    for (base, head) in stars(&edges) {
        let base: Vec<usize> = base.into_iter().map(|r| free_b[r]).collect();
        let head: Vec<usize> = head.into_iter().map(|c| free_h[c]).collect();
        let score = model.joined_similarity(&base, &head);
        links.add(base, head, score, Method::Lead);
    }
}

/// The position of the clear favourite among `scores`, if there is one.
fn leader(scores: impl Iterator<Item = f64>) -> Option<usize> {
    let (mut best, mut first, mut second) = (None, 0.0_f64, 0.0_f64);
    for (k, s) in scores.enumerate() {
        if s > first {
            (best, first, second) = (Some(k), s, first);
        } else if s > second {
            second = s;
        }
    }
    (first >= FLOOR && first >= LEAD * second)
        .then_some(best)
        .flatten()
}

/// The connected groups of `edges` that are 1:1, 1:n or n:1, as (bases, heads); a group
/// where several bases and several heads are tangled says no one thing and is left out.
fn stars(edges: &[(usize, usize)]) -> Vec<(Vec<usize>, Vec<usize>)> {
    // Union-find over bases (even keys) and heads (odd keys).
    let mut parent: FxHashMap<usize, usize> = FxHashMap::default();
    fn root(parent: &mut FxHashMap<usize, usize>, x: usize) -> usize {
        let p = *parent.entry(x).or_insert(x);
        if p == x {
            return x;
        }
        let r = root(parent, p);
        parent.insert(x, r);
        r
    }
    for &(r, c) in edges {
        let (a, b) = (root(&mut parent, 2 * r), root(&mut parent, 2 * c + 1));
        if a != b {
            parent.insert(a.max(b), a.min(b));
        }
    }
    let mut groups: FxHashMap<usize, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for &(r, c) in edges {
        let g = groups.entry(root(&mut parent, 2 * r)).or_default();
        g.0.push(r);
        g.1.push(c);
    }
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = groups
        .into_values()
        .map(|(mut bs, mut hs)| {
            bs.sort_unstable();
            bs.dedup();
            hs.sort_unstable();
            hs.dedup();
            (bs, hs)
        })
        .filter(|(bs, hs)| bs.len() == 1 || hs.len() == 1)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_favourite_must_lead_clearly_and_share_something() {
        assert_eq!(leader([0.05, 0.20, 0.09].into_iter()), Some(1));
        assert_eq!(leader([0.15, 0.20, 0.09].into_iter()), None);
        assert_eq!(leader([0.01, 0.07, 0.0].into_iter()), None);
        assert_eq!(leader([0.3].into_iter()), Some(0));
        assert_eq!(leader(std::iter::empty()), None);
    }

    #[test]
    fn tangled_groups_are_left_out_and_stars_kept() {
        // 0→0 and 1→0: a merge; 2→1, 2→2: a split; 3→3, 4→3, 4→4: tangled.
        let edges = [(0, 0), (1, 0), (2, 1), (2, 2), (3, 3), (4, 3), (4, 4)];
        assert_eq!(
            stars(&edges),
            vec![(vec![0, 1], vec![0]), (vec![2], vec![1, 2])]
        );
    }
}
