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

use super::index::{dice, Features};
use super::links::Linker;
use super::paragraphs::{Evidence, Paragraph};
use super::similarity::Model;
use super::{Method, Side};

/// The text counts as rewritten throughout when at least this share of the base articles
/// (the preamble aside) is free or linked at under [`KEPT`] similarity. Amended statutes
/// and recasts of the development corpus stay under 0.6, redrafted licences are at 0.9
/// and over (docs/alignment.md).
pub(crate) const REWRITTEN: f64 = 0.75;
/// A link at this similarity kept half of its words: not a rewrite.
pub(crate) const KEPT: f64 = 0.50;
/// An old article's best free partner must lead the runner-up by this factor ...
pub(crate) const LEAD: f64 = 1.5;
/// ... and a new article's by this one. A redraft keeps its old provisions' substance
/// (a licence's conditions live on in other words) and adds sections of its own (Apache
/// 2.0 doubled its length with patent and contribution terms): a new section has no
/// predecessor more often than an old one has no successor, so it must show more.
pub(crate) const HEAD_LEAD: f64 = 2.0;
/// ... and share at least this much (weighted Dice): a lead over nothing is no evidence.
pub(crate) const FLOOR: f64 = 0.08;
/// Beyond this many free pairs the text is too large to be a rewrite of a short
/// instrument, and comparing all of them would cost more than the rest of the alignment.
pub(crate) const MAX_PAIRS: usize = 250_000;

/// Links the free articles of a text rewritten throughout by the clear lead of their
/// best free partner.
pub(super) fn apply(b: &Side, model: &Model, ev: &Evidence, links: &mut Linker) {
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
        .map(|&i| free_h.iter().map(|&j| closeness(model, ev, i, j)).collect())
        .collect();
    // The chosen edges, as (row, column) of `sim`: each base's clear favourite, and each
    // head's. Similarity, not containment: a long new section (the definitions) contains
    // a little of every old condition, and would be everyone's favourite.
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (r, row) in sim.iter().enumerate() {
        if let Some(c) = leader(row.iter().copied(), LEAD) {
            edges.push((r, c));
        }
    }
    for c in 0..free_h.len() {
        if let Some(r) = leader(sim.iter().map(|row| row[c]), HEAD_LEAD) {
            edges.push((r, c));
        }
    }
    edges.sort_unstable();
    edges.dedup();
    // Strongest first, so that where a weak choice would tangle a group, it is the one
    // left out.
    edges.sort_by(|x, y| sim[y.0][y.1].total_cmp(&sim[x.0][x.1]));
    for (base, head) in stars(&edges) {
        let base: Vec<usize> = base.into_iter().map(|r| free_b[r]).collect();
        let head: Vec<usize> = head.into_iter().map(|c| free_h[c]).collect();
        let score = model.joined_similarity(&base, &head);
        links.add(base, head, score, Method::Lead);
    }
}

/// How close base article `i` is to head article `j`: as wholes, or one of them to a
/// paragraph of the other. A redraft turns a short old condition into one point of a long
/// new section (or the reverse); as wholes the two share a tenth of their words, as much
/// as any stranger of that length.
fn closeness(model: &Model, ev: &Evidence, i: usize, j: usize) -> f64 {
    let whole = model.similarity(i, j);
    let (Some(fi), Some(fj)) = (model.base(i), model.head(j)) else {
        return whole;
    };
    let against = |whole: &Features, paras: &[Paragraph]| {
        paras
            .iter()
            .map(|p| dice(whole.shared(&p.features), whole.total, p.features.total))
            .fold(0.0, f64::max)
    };
    whole
        .max(against(fi, ev.of_article(false, j)))
        .max(against(fj, ev.of_article(true, i)))
}

/// The position of the clear favourite among `scores`, if there is one.
fn leader(scores: impl Iterator<Item = f64>, lead: f64) -> Option<usize> {
    let (mut best, mut first, mut second) = (None, 0.0_f64, 0.0_f64);
    for (k, s) in scores.enumerate() {
        if s > first {
            (best, first, second) = (Some(k), s, first);
        } else if s > second {
            second = s;
        }
    }
    (first >= FLOOR && first >= lead * second)
        .then_some(best)
        .flatten()
}

/// Groups `edges` (strongest first) into links that are 1:1, 1:n or n:1, as (bases,
/// heads): an edge that would join several bases and several heads in one group says no
/// one thing, and is left out.
fn stars(edges: &[(usize, usize)]) -> Vec<(Vec<usize>, Vec<usize>)> {
    // Each base and head article's group, by index into `groups`.
    let mut group_of_base: FxHashMap<usize, usize> = FxHashMap::default();
    let mut group_of_head: FxHashMap<usize, usize> = FxHashMap::default();
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for &(r, c) in edges {
        match (
            group_of_base.get(&r).copied(),
            group_of_head.get(&c).copied(),
        ) {
            // Both already placed: together they would hold several of each.
            (Some(_), Some(_)) => {}
            (Some(x), None) => {
                if groups[x].0.len() == 1 {
                    groups[x].1.push(c);
                    group_of_head.insert(c, x);
                }
            }
            (None, Some(y)) => {
                if groups[y].1.len() == 1 {
                    groups[y].0.push(r);
                    group_of_base.insert(r, y);
                }
            }
            (None, None) => {
                group_of_base.insert(r, groups.len());
                group_of_head.insert(c, groups.len());
                groups.push((vec![r], vec![c]));
            }
        }
    }
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = groups
        .into_iter()
        .filter(|(bs, _)| !bs.is_empty())
        .map(|(mut bs, mut hs)| {
            bs.sort_unstable();
            hs.sort_unstable();
            (bs, hs)
        })
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_favourite_must_lead_clearly_and_share_something() {
        assert_eq!(leader([0.05, 0.20, 0.09].into_iter(), LEAD), Some(1));
        assert_eq!(leader([0.15, 0.20, 0.09].into_iter(), LEAD), None);
        assert_eq!(leader([0.01, 0.07, 0.0].into_iter(), LEAD), None);
        assert_eq!(leader([0.3].into_iter(), LEAD), Some(0));
        assert_eq!(leader(std::iter::empty(), LEAD), None);
        // A new section must lead by more than an old one.
        assert_eq!(leader([0.12, 0.07].into_iter(), LEAD), Some(0));
        assert_eq!(leader([0.12, 0.07].into_iter(), HEAD_LEAD), None);
    }

    #[test]
    fn stars_are_kept_and_the_weaker_edge_that_would_tangle_them_left_out() {
        // 0→0 and 1→0: a merge; 2→1, 2→2: a split; 3→3, 4→3, then 4→4, which would
        // make 3 and 4 → 3 and 4; 5→5 after 3→5 would join two groups.
        let edges = [
            (0, 0),
            (1, 0),
            (2, 1),
            (2, 2),
            (3, 3),
            (4, 3),
            (4, 4),
            (5, 5),
            (3, 5),
        ];
        assert_eq!(
            stars(&edges),
            vec![
                (vec![0, 1], vec![0]),
                (vec![2], vec![1, 2]),
                (vec![3, 4], vec![3]),
                (vec![5], vec![5]),
            ]
        );
    }
}
