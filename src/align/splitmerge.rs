//! Stage 5: splits and merges, found by containment rather than similarity.
//!
//! A base article split in two is only half-similar to each half, but each half is almost
//! wholly *contained* in it, and the two halves together *cover* it. So for a base article
//! (the pivot) the parts are the head articles mostly contained in it ([`PART`]); they are
//! taken greedily, biggest cover first, while each adds at least [`STEP`] of cover; the
//! split stands when the union covers at least [`UNION`] of the pivot and clearly more
//! ([`GAIN`]) than the best single part — or, when the extra parts are small, when each of
//! them lies almost wholly ([`STRONG`]) inside the pivot. A part may be the pivot's own
//! 1:1 similarity link (12 → 12 + 12bis). A part that gained much new text is only
//! partly inside the pivot; it still counts when it carries a good share ([`REST`]) of
//! the pivot and is at least that much inside it — the remainder of a split whose second
//! half was also expanded — but then the split must bring [`GAIN`]. Merges are the same
//! with the sides swapped.

use rustc_hash::FxHashMap;

use super::index::Features;
use super::links::Linker;
use super::similarity::{Model, Pair};
use super::Method;

/// A part must have at least this share of its weight inside the pivot.
pub(crate) const PART: f64 = 0.60;
/// A part less inside the pivot than [`PART`] must carry at least this share of the
/// pivot and be at least this much inside it.
pub(crate) const REST: f64 = 0.30;
/// The parts together must cover at least this share of the pivot.
pub(crate) const UNION: f64 = 0.60;
/// ... and this much more than the best single part does.
pub(crate) const GAIN: f64 = 0.15;
/// Each further part must add at least this much cover.
pub(crate) const STEP: f64 = 0.05;
/// Extra parts this much inside the pivot need not bring [`GAIN`] (a short article
/// merged into a long one adds little cover, but is wholly contained).
pub(crate) const STRONG: f64 = 0.85;

/// A pivot and the parts that together cover it.
struct Proposal {
    pivot: usize,
    parts: Vec<usize>,
    cover: f64,
    split: bool,
}

/// Which articles a side's pivot may take, and how to read a pair from that side.
struct Orientation {
    split: bool,
}

impl Orientation {
    fn pivot(&self, p: &Pair) -> usize {
        if self.split {
            p.b
        } else {
            p.h
        }
    }
    fn part(&self, p: &Pair) -> usize {
        if self.split {
            p.h
        } else {
            p.b
        }
    }
    /// Share of the part inside the pivot.
    fn part_in_pivot(&self, p: &Pair) -> f64 {
        if self.split {
            p.head_in_base
        } else {
            p.base_in_head
        }
    }
    /// Share of the pivot covered by the part.
    fn pivot_in_part(&self, p: &Pair) -> f64 {
        if self.split {
            p.base_in_head
        } else {
            p.head_in_base
        }
    }
    fn pivot_features<'m>(&self, model: &'m Model, i: usize) -> Option<&'m Features> {
        if self.split {
            model.base(i)
        } else {
            model.head(i)
        }
    }
    fn part_features<'m>(&self, model: &'m Model, i: usize) -> Option<&'m Features> {
        if self.split {
            model.head(i)
        } else {
            model.base(i)
        }
    }
}

fn proposals(pairs: &[Pair], model: &Model, o: &Orientation, out: &mut Vec<Proposal>) {
    let mut by_pivot: FxHashMap<usize, Vec<&Pair>> = FxHashMap::default();
    let part = |p: &&Pair| {
        o.part_in_pivot(p) >= PART || (o.part_in_pivot(p) >= REST && o.pivot_in_part(p) >= REST)
    };
    for p in pairs.iter().filter(part) {
        by_pivot.entry(o.pivot(p)).or_default().push(p);
    }
    for (pivot, mut parts) in by_pivot {
        if parts.len() < 2 {
            continue;
        }
        let Some(whole) = o.pivot_features(model, pivot) else {
            continue;
        };
        parts.sort_by(|x, y| {
            o.pivot_in_part(y)
                .total_cmp(&o.pivot_in_part(x))
                .then(o.part(x).cmp(&o.part(y)))
        });
        let best = o.pivot_in_part(parts[0]);
        let mut chosen: Vec<usize> = vec![o.part(parts[0])];
        let mut feats: Vec<&Features> = o.part_features(model, chosen[0]).into_iter().collect();
        let mut cover = best;
        let mut all_strong = true;
        for p in &parts[1..] {
            let Some(f) = o.part_features(model, o.part(p)) else {
                continue;
            };
            feats.push(f);
            let c = whole.covered_by(&feats);
            if c - cover >= STEP {
                cover = c;
                chosen.push(o.part(p));
                all_strong &= o.part_in_pivot(p) >= STRONG;
            } else {
                feats.pop();
            }
        }
        if chosen.len() >= 2 && cover >= UNION && (cover - best >= GAIN || all_strong) {
            chosen.sort_unstable();
            out.push(Proposal {
                pivot,
                parts: chosen,
                cover,
                split: o.split,
            });
        }
    }
}

/// Whether an article may join a split or merge around `pivot`: free, or in a 1:1
/// similarity link with an article of the same proposal.
fn eligible(link: Option<usize>, links: &Linker, partners: &[usize], split_side: bool) -> bool {
    let Some(id) = link else { return true };
    let Some(l) = links.get(id) else { return true };
    let other = if split_side { &l.head } else { &l.base };
    l.method == Method::Similar
        && l.base.len() == 1
        && l.head.len() == 1
        && partners.contains(&other[0])
}

/// Finds splits and merges among the candidate pairs and replaces the weaker links.
pub(super) fn apply(pairs: &[Pair], model: &Model, links: &mut Linker) {
    // Splits and merges are proposed side by side; the sort below orders them all.
    let (mut all, merges) = super::on_both(|split| {
        let mut out = Vec::new();
        proposals(pairs, model, &Orientation { split }, &mut out);
        out
    });
    all.extend(merges);
    all.sort_by(|x, y| {
        y.cover
            .total_cmp(&x.cover)
            .then(x.split.cmp(&y.split).reverse())
            .then(x.pivot.cmp(&y.pivot))
    });
    for p in all {
        let (bases, heads) = if p.split {
            (vec![p.pivot], p.parts.clone())
        } else {
            (p.parts.clone(), vec![p.pivot])
        };
        let ok = bases
            .iter()
            .all(|&i| eligible(links.of_base(i), links, &heads, true))
            && heads
                .iter()
                .all(|&j| eligible(links.of_head(j), links, &bases, false));
        if !ok {
            continue;
        }
        let old: Vec<usize> = bases
            .iter()
            .filter_map(|&i| links.of_base(i))
            .chain(heads.iter().filter_map(|&j| links.of_head(j)))
            .collect();
        for id in old {
            links.remove(id);
        }
        let score = model.joined_similarity(&bases, &heads);
        let method = if p.split {
            Method::Split
        } else {
            Method::Merge
        };
        links.add(bases, heads, score, method);
    }
}
