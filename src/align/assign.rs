//! Stages 4 and 6: one-to-one assignment by similarity, then order-based gap filling.
//!
//! Stage 4 takes the candidate pairs at or above [`SIMILAR`] and links them greedily, best
//! first. Scores within the same hundredth count as tied; ties go to the pair in the same
//! chapter (as the identical articles map chapters), then to the pair whose relative
//! places in the two drafts are closest, so duplicated boilerplate pairs in order.
//!
//! Stage 6 looks between consecutive anchored links (the longest run of links in the same
//! order in both drafts) for articles left over on both sides, in chapters that map to
//! each other, and pairs them in order when their similarity reaches [`ORDER`]: a
//! heavily reworded article that stayed where it was.

use super::links::Linker;
use super::similarity::{Model, Pair};
use super::{Method, Side};

/// Weighted Dice at or above which two free articles may be linked on text alone.
pub(crate) const SIMILAR: f64 = 0.40;

/// Weighted Dice at or above which two leftover articles in the same place may be linked.
pub(crate) const ORDER: f64 = 0.30;

/// Between [`WEAK_ORDER`] and [`ORDER`] the place is most of the evidence: a leftover pair
/// is linked only when each is (nearly, [`NEAR_BEST`]) the other's most similar free
/// article anywhere, so an article replaced in place pairs with its successor, and an
/// unrelated addition beside an unrelated removal does not (it has a clearly better match
/// elsewhere, or none at all).
pub(crate) const WEAK_ORDER: f64 = 0.10;

/// How close to a leftover's best free match elsewhere its partner in place must come. At
/// these low scores a few shared words decide which is "best": a rewritten clause often
/// leaves a definition it used to carry in a new definitions article that scores a little
/// higher than its true successor in place (GPL 2 § 3 → GPL 3 § 6 beside § 1).
const NEAR_BEST: f64 = 0.85;

/// Gaps with more leftover pairs than this are not searched (the order is then no
/// evidence anyway).
const GAP_CELLS: usize = 4096;

/// Stage 4: greedy one-to-one links between candidate pairs, best score first.
pub(super) fn similar(
    b: &Side,
    h: &Side,
    pairs: &[Pair],
    chapters: &[Option<usize>],
    links: &mut Linker,
) {
    let same_chapter = |p: &Pair| match (b.chapter(p.b), h.chapter(p.h)) {
        (Some(cb), Some(ch)) => chapters.get(cb).copied().flatten() == Some(ch),
        _ => false,
    };
    let mut ranked: Vec<(i64, bool, f64, &Pair)> = pairs
        .iter()
        .filter(|p| p.dice >= SIMILAR)
        .map(|p| {
            let bucket = (p.dice * 100.0).round() as i64;
            let distance = (b.rank(p.b) - h.rank(p.h)).abs();
            (bucket, same_chapter(p), distance, p)
        })
        .collect();
    ranked.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then(x.2.total_cmp(&y.2))
            .then((x.3.b, x.3.h).cmp(&(y.3.b, y.3.h)))
    });
    for (_, _, _, p) in ranked {
        if links.base_free(p.b) && links.head_free(p.h) {
            links.add(vec![p.b], vec![p.h], p.dice, Method::Similar);
        }
    }
}

/// The links that keep their order in both drafts, as (first, last) index pairs, sorted.
fn anchors(links: &Linker) -> Vec<((usize, usize), (usize, usize))> {
    let mut spans: Vec<((usize, usize), (usize, usize))> = links
        .iter()
        .filter_map(|(_, l)| {
            let first = (*l.base.iter().min()?, *l.head.iter().min()?);
            let last = (*l.base.iter().max()?, *l.head.iter().max()?);
            Some((first, last))
        })
        .collect();
    spans.sort_unstable();
    // Longest increasing subsequence on the head side (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; spans.len()];
    for (k, s) in spans.iter().enumerate() {
        let pos = tails.partition_point(|&t| spans[t].0 .1 < s.0 .1);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        out.push(spans[k]);
        at = prev[k];
    }
    out.reverse();
    out
}

/// Stage 6: pairs leftover articles between consecutive anchors, in order, in chapters
/// that map to each other or that the anchors beside the gap link.
pub(super) fn fill_gaps(
    b: &Side,
    h: &Side,
    model: &Model,
    pairs: &[Pair],
    chapters: &[Option<usize>],
    links: &mut Linker,
) {
    // Each free article's most similar free counterpart, among the candidates.
    let mut best_b: rustc_hash::FxHashMap<usize, (f64, usize)> = Default::default();
    let mut best_h: rustc_hash::FxHashMap<usize, (f64, usize)> = Default::default();
    for p in pairs
        .iter()
        .filter(|p| links.base_free(p.b) && links.head_free(p.h))
    {
        let better = |slot: Option<&(f64, usize)>| slot.is_none_or(|s| p.dice > s.0);
        if better(best_b.get(&p.b)) {
            best_b.insert(p.b, (p.dice, p.h));
        }
        if better(best_h.get(&p.h)) {
            best_h.insert(p.h, (p.dice, p.b));
        }
    }
    let nearly_mutual = |i: usize, j: usize, s: f64| {
        best_b.get(&i).is_some_and(|x| s >= NEAR_BEST * x.0)
            && best_h.get(&j).is_some_and(|x| s >= NEAR_BEST * x.0)
    };
    let anchors = anchors(links);
    // Each gap with the articles of the anchors on either side of it.
    type Bound = (
        usize,
        usize,
        usize,
        usize,
        Option<(usize, usize)>,
        Option<(usize, usize)>,
    );
    let mut bounds: Vec<Bound> = Vec::with_capacity(anchors.len() + 1);
    let (mut from_b, mut from_h) = (0, 0);
    let mut before = None;
    for (first, last) in &anchors {
        bounds.push((from_b, first.0, from_h, first.1, before, Some(*first)));
        from_b = from_b.max(last.0 + 1);
        from_h = from_h.max(last.1 + 1);
        before = Some(*last);
    }
    bounds.push((from_b, b.len(), from_h, h.len(), before, None));
    for (b0, b1, h0, h1, before, after) in bounds {
        // A pair may cross chapters as its neighbours did: the chapters of an anchor
        // beside the gap are a mapping too (a run of articles moved together).
        let beside = |i: usize, j: usize| {
            [before, after]
                .iter()
                .flatten()
                .any(|&(x, y)| b.chapter(x) == b.chapter(i) && h.chapter(y) == h.chapter(j))
        };
        let bases: Vec<usize> = (b0..b1.max(b0))
            .filter(|&i| links.base_free(i) && !b.is_preamble(i))
            .collect();
        let heads: Vec<usize> = (h0..h1.max(h0))
            .filter(|&j| links.head_free(j) && !h.is_preamble(j))
            .collect();
        if bases.is_empty() || heads.is_empty() || bases.len() * heads.len() > GAP_CELLS {
            continue;
        }
        let score = |i: usize, j: usize| -> f64 {
            let mapped = b
                .chapter(i)
                .and_then(|c| chapters.get(c).copied().flatten());
            if (mapped.is_none() || mapped != h.chapter(j)) && !beside(i, j) {
                return 0.0;
            }
            let s = model.similarity(i, j);
            if s >= ORDER || (s >= WEAK_ORDER && nearly_mutual(i, j, s)) {
                s
            } else {
                0.0
            }
        };
        for (i, j, s) in monotone_matching(&bases, &heads, score) {
            links.add(vec![i], vec![j], s, Method::Order);
        }
    }
}

/// The order-preserving matching of `xs` to `ys` with the greatest total score (pairs
/// scoring 0 are never matched), by dynamic programming over the small gap.
fn monotone_matching(
    xs: &[usize],
    ys: &[usize],
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize, f64)> {
    let (n, m) = (xs.len(), ys.len());
    let s: Vec<f64> = xs
        .iter()
        .flat_map(|&x| ys.iter().map(move |&y| (x, y)))
        .map(|(x, y)| score(x, y))
        .collect();
    let mut dp = vec![0.0f64; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 1..=n {
        for j in 1..=m {
            let mut best = dp[at(i - 1, j)].max(dp[at(i, j - 1)]);
            let pair = s[(i - 1) * m + (j - 1)];
            if pair > 0.0 {
                best = best.max(dp[at(i - 1, j - 1)] + pair);
            }
            dp[at(i, j)] = best;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let pair = s[(i - 1) * m + (j - 1)];
        if pair > 0.0 && dp[at(i, j)] == dp[at(i - 1, j - 1)] + pair {
            out.push((xs[i - 1], ys[j - 1], pair));
            i -= 1;
            j -= 1;
        } else if dp[at(i, j)] == dp[at(i - 1, j)] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotone_matching_keeps_order_and_skips_zeros() {
        // x0–y1 and x1–y0 cross; only one of them can be kept, the better one.
        let score = |x: usize, y: usize| match (x, y) {
            (0, 1) => 0.5,
            (1, 0) => 0.9,
            (2, 2) => 0.3,
            _ => 0.0,
        };
        let m = monotone_matching(&[0, 1, 2], &[0, 1, 2], score);
        assert_eq!(m, vec![(1, 0, 0.9), (2, 2, 0.3)]);
    }

    #[test]
    fn monotone_matching_of_nothing_is_empty() {
        assert!(monotone_matching(&[0, 1], &[0], |_, _| 0.0).is_empty());
    }
}
