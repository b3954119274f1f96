//! Paragraphs for the correlation table: every article cut as the alignment cuts it
//! ([`crate::align::paragraphs::split`]), each paragraph named by the document's own
//! marker (`(2)`, `2.`, `(a)`, `a)`) or, without one, by its place, and the paragraphs of
//! every linked pair of articles put in correspondence.
//!
//! The alignment only looks inside articles it is unsure of; a table needs the
//! paragraphs of every link. Inside one link the candidates are few (the paragraphs of a
//! handful of articles), so every pair is scored with the alignment's weighted Dice and
//! containment. Pairs that are the same paragraph (or one holds the other) are taken one
//! to one, most similar first, so two neighbouring paragraphs resembling the same two new
//! ones do not cross; a paragraph still unpaired then keeps its most similar partner (a
//! paragraph cut in two, or two joined). What is left between two anchors of the same
//! pair of articles pairs in order when it still shares something (a paragraph rewritten
//! in place).

use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::align::index::{dice, tokens, Features, Weights};
use crate::align::paragraphs::split;

/// Two paragraphs of linked articles are the same paragraph from this weighted Dice:
/// inside a link the candidates are few, so a lower bar than between any two articles.
pub(crate) const SAME: f64 = 0.30;

/// ... or when this share of the smaller lies in the larger (a paragraph cut in two, or
/// two joined).
pub(crate) const HELD: f64 = 0.60;

/// A pair must share at least this weight (IDF units; a word weighs 1–5): a clause of
/// common words ("Paragraph 1 shall apply") ties nothing.
pub(crate) const MIN_SHARED: f64 = 6.0;

/// Paragraphs left between two anchors of the same two articles pair in order from this
/// Dice: rewritten in place, still recognisably the same provision.
pub(crate) const IN_PLACE: f64 = 0.12;

/// One paragraph of an article.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    /// The marker without brackets or dot (`2`, `2a`, `b`), or `¶3` for the third
    /// paragraph of an article whose paragraph has no marker.
    pub id: String,
    pub range: Range<usize>,
    pub features: Features,
}

/// The marker opening a paragraph, without its brackets or dot: `(2)` → `2`, `2.` → `2`,
/// `(1a)` → `1a`, `b)` → `b`.
pub(crate) fn marker(text: &str) -> Option<String> {
    let t = crate::align::paragraphs::unbulleted(text);
    if let Some(rest) = t.strip_prefix('(') {
        let close = rest.find(')')?;
        let inner = &rest[..close];
        let ok = !inner.is_empty()
            && inner.len() <= 5
            && inner.chars().all(|c| c.is_ascii_alphanumeric())
            && (inner.chars().next()?.is_ascii_digit()
                || inner.chars().all(|c| c.is_ascii_lowercase()));
        return ok.then(|| inner.to_owned());
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &t.as_bytes()[digits..];
        if rest.first() == Some(&b'.')
            && crate::align::paragraphs::text_follows_stop(&t[digits + 1..])
        {
            return Some(t[..digits].to_owned());
        }
        return None;
    }
    let letters = t.bytes().take_while(u8::is_ascii_lowercase).count();
    (letters == 1 && t.as_bytes().get(1) == Some(&b')')).then(|| t[..1].to_owned())
}

/// Cuts an article into its paragraphs and names them. A marker used twice in the
/// article (a sub-item read as a paragraph) names only its first paragraph; the others
/// are named by place.
pub(crate) fn cut(text: &str, weights: &Weights, buf: &mut Vec<u8>) -> Vec<Paragraph> {
    let mut seen: Vec<String> = Vec::new();
    split(text)
        .into_iter()
        .enumerate()
        .map(|(k, range)| {
            let own = marker(&text[range.clone()]).filter(|m| !seen.contains(m));
            let id = match own {
                Some(m) => {
                    seen.push(m.clone());
                    m
                }
                None => format!("¶{}", k + 1),
            };
            let features = Features::new(&tokens(&text[range.clone()], buf), weights);
            Paragraph {
                id,
                range,
                features,
            }
        })
        .collect()
}

/// A paragraph of a base article continued in a paragraph of a head article: (article,
/// paragraph) on each side, articles as positions in the table's lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ParaPair {
    pub base: (usize, usize),
    pub head: (usize, usize),
    pub dice: f64,
}

/// The paragraph correspondence inside one link of `bases` and `heads` (each article
/// given as its position and its paragraphs).
pub(crate) fn correspond(
    bases: &[(usize, &[Paragraph])],
    heads: &[(usize, &[Paragraph])],
) -> Vec<ParaPair> {
    struct Cand {
        b: (usize, usize),
        h: (usize, usize),
        shared: f64,
        dice: f64,
        held: f64,
    }
    let mut cands: Vec<Cand> = Vec::new();
    for &(bi, bps) in bases {
        for (p, bp) in bps.iter().enumerate() {
            for &(hi, hps) in heads {
                for (q, hp) in hps.iter().enumerate() {
                    let shared = bp.features.shared(&hp.features);
                    let smaller = bp.features.total.min(hp.features.total);
                    cands.push(Cand {
                        b: (bi, p),
                        h: (hi, q),
                        shared,
                        dice: dice(shared, bp.features.total, hp.features.total),
                        held: if smaller > 0.0 { shared / smaller } else { 0.0 },
                    });
                }
            }
        }
    }
    let same = |c: &Cand| c.shared >= MIN_SHARED && (c.dice >= SAME || c.held >= HELD);
    // One to one first, most similar first, so that two neighbouring paragraphs that
    // both resemble the same two new ones do not cross; then a paragraph still unpaired
    // keeps its most similar partner (a paragraph cut in two, or two joined in one).
    let mut order: Vec<usize> = (0..cands.len()).filter(|&k| same(&cands[k])).collect();
    order.sort_by(|&x, &y| cands[y].dice.total_cmp(&cands[x].dice).then(x.cmp(&y)));
    let mut keep = vec![false; cands.len()];
    let mut paired_b: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut paired_h: FxHashSet<(usize, usize)> = FxHashSet::default();
    for &k in &order {
        let c = &cands[k];
        if !paired_b.contains(&c.b) && !paired_h.contains(&c.h) {
            keep[k] = true;
            paired_b.insert(c.b);
            paired_h.insert(c.h);
        }
    }
    let (mut extra_b, mut extra_h) = (paired_b.clone(), paired_h.clone());
    for &k in &order {
        let c = &cands[k];
        if !keep[k] && (extra_b.insert(c.b) | extra_h.insert(c.h)) {
            keep[k] = true;
        }
    }
    let mut out: Vec<ParaPair> = cands
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| ParaPair {
            base: c.b,
            head: c.h,
            dice: c.dice,
        })
        .collect();
    // In place: between two anchors of the same two articles, the unpaired paragraphs of
    // both pair in order while they share something.
    for &(bi, bps) in bases {
        for &(hi, hps) in heads {
            let taken_b = |out: &[ParaPair], p| out.iter().any(|x| x.base == (bi, p));
            let taken_h = |out: &[ParaPair], q| out.iter().any(|x| x.head == (hi, q));
            let mut anchors: Vec<(usize, usize)> = out
                .iter()
                .filter(|x| x.base.0 == bi && x.head.0 == hi)
                .map(|x| (x.base.1, x.head.1))
                .collect();
            anchors.sort_unstable();
            let mut gaps = Vec::new();
            let (mut p0, mut q0) = (0, 0);
            for (p, q) in anchors.iter().copied().chain([(bps.len(), hps.len())]) {
                if p >= p0 && q >= q0 {
                    gaps.push((p0..p, q0..q));
                    (p0, q0) = (p + 1, q + 1);
                }
            }
            for (ps, qs) in gaps {
                let free_p: Vec<usize> = ps.filter(|&p| !taken_b(&out, p)).collect();
                let free_q: Vec<usize> = qs.filter(|&q| !taken_h(&out, q)).collect();
                let found = in_order(&free_p, &free_q, |p, q| {
                    let (x, y) = (&bps[p].features, &hps[q].features);
                    dice(x.shared(y), x.total, y.total)
                });
                out.extend(found.into_iter().map(|(p, q, d)| ParaPair {
                    base: (bi, p),
                    head: (hi, q),
                    dice: d,
                }));
            }
        }
    }
    absorbed(bases, heads, &mut out);
    out.sort_by_key(|x| (x.base, x.head));
    out.dedup_by_key(|x| (x.base, x.head));
    out
}

/// Points too short to pair on their own (`(c) sex;`, a word or two under
/// [`MIN_SHARED`]) that went with their neighbours: an unpaired paragraph whose paired
/// neighbours on both sides (or its one neighbour, at the start or end of its article)
/// went to the same paragraph, which holds at least [`HELD`] of its words, went there
/// too. A recast that turns a list of points into a paragraph's list does this to every
/// point; the long ones pair by themselves, the short ones only by where they stand.
/// Both directions: a short new point between two that came from one old paragraph.
fn absorbed(
    bases: &[(usize, &[Paragraph])],
    heads: &[(usize, &[Paragraph])],
    out: &mut Vec<ParaPair>,
) {
    let mut found = Vec::new();
    for from_base in [true, false] {
        let (mine, theirs) = if from_base {
            (bases, heads)
        } else {
            (heads, bases)
        };
        let ends = |x: &ParaPair| {
            if from_base {
                (x.base, x.head)
            } else {
                (x.head, x.base)
            }
        };
        for &(ai, ps) in mine {
            // Where each paragraph of this article went: one pass over the pairs.
            let mut to: Vec<Vec<(usize, usize)>> = vec![Vec::new(); ps.len()];
            for (m, t) in out.iter().map(ends).filter(|(m, _)| m.0 == ai) {
                to[m.1].push(t);
            }
            let paired = |k: usize| !to[k].is_empty();
            // ... when it went to one place only.
            let went = |k: usize| match to[k].as_slice() {
                [t] => Some(*t),
                _ => None,
            };
            for k in (0..ps.len()).filter(|&k| !paired(k)) {
                let before = (0..k).rev().find(|&j| paired(j));
                let after = (k + 1..ps.len()).find(|&j| paired(j));
                let target = match (before.map(went), after.map(went)) {
                    (Some(Some(x)), Some(Some(y))) if x == y => Some(x),
                    (Some(Some(x)), None) | (None, Some(Some(x))) => Some(x),
                    _ => None,
                };
                let Some((ti, tq)) = target else { continue };
                let Some(&(_, tps)) = theirs.iter().find(|(i, _)| *i == ti) else {
                    continue;
                };
                let (x, y) = (&ps[k].features, &tps[tq].features);
                if x.total > 0.0 && x.shared(y) / x.total >= HELD {
                    let d = dice(x.shared(y), x.total, y.total);
                    found.push(if from_base {
                        ParaPair {
                            base: (ai, k),
                            head: (ti, tq),
                            dice: d,
                        }
                    } else {
                        ParaPair {
                            base: (ti, tq),
                            head: (ai, k),
                            dice: d,
                        }
                    });
                }
            }
        }
    }
    out.extend(found);
}

/// The pairs of `ps` and `qs` in order (neither side crossing) whose total Dice is
/// largest, each at least [`IN_PLACE`]: a dynamic programme over the few paragraphs
/// between two anchors.
fn in_order(
    ps: &[usize],
    qs: &[usize],
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize, f64)> {
    let (n, m) = (ps.len(), qs.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let s: Vec<Vec<f64>> = ps
        .iter()
        .map(|&p| qs.iter().map(|&q| score(p, q)).collect())
        .collect();
    // best[i][j]: the best total over ps[i..] and qs[j..].
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let take = if s[i][j] >= IN_PLACE {
                s[i][j] + best[i + 1][j + 1]
            } else {
                f64::MIN
            };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if s[i][j] >= IN_PLACE && best[i][j] == s[i][j] + best[i + 1][j + 1] {
            out.push((ps[i], qs[j], s[i][j]));
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_lose_their_brackets() {
        assert_eq!(marker("(2) text").as_deref(), Some("2"));
        assert_eq!(marker("(1a) text").as_deref(), Some("1a"));
        assert_eq!(marker("3. text").as_deref(), Some("3"));
        assert_eq!(marker("(b) text").as_deref(), Some("b"));
        assert_eq!(marker("c) text").as_deref(), Some("c"));
        assert_eq!(marker("- (d) text").as_deref(), Some("d"));
        assert_eq!(marker("1.5 million"), None);
        assert_eq!(marker("(EU) No 2019/1111"), None);
        assert_eq!(marker("Plain text."), None);
    }

    #[test]
    fn neighbouring_paragraphs_do_not_cross() {
        let weights = crate::align::index::Rarity::default().weights();
        let mut buf = Vec::new();
        // Old (1) shares most with new (1), but also more with new (2) than old (2) does:
        // taken alone, new (2)'s best partner would be old (1), beside old (1) → new (1).
        let old = "(1) alpha able bravo baker charlie cast delta dog echo easy foxtrot fox\n\
                   (2) alpha able bravo baker charlie cast golf george hotel how\n";
        let new = "(1) alpha able bravo baker charlie cast delta dog echo easy foxtrot fox \
                   xray xeno\n\
                   (2) alpha able bravo baker charlie cast delta dog echo easy golf george\n";
        let (b, h) = (cut(old, &weights, &mut buf), cut(new, &weights, &mut buf));
        let pairs: Vec<((usize, usize), (usize, usize))> = correspond(&[(0, &b)], &[(0, &h)])
            .iter()
            .map(|p| (p.base, p.head))
            .collect();
        assert_eq!(pairs, vec![((0, 0), (0, 0)), ((0, 1), (0, 1))]);
    }

    /// Old points (a)–(c) became new paragraph 1's list: (a) and (c) are long enough to
    /// pair, (b) `sex;` is not, yet it stands between them and its word is in the list.
    #[test]
    fn a_short_point_goes_where_its_neighbours_went() {
        let weights = crate::align::index::Rarity::default().weights();
        let mut buf = Vec::new();
        let old = "(a) fingerprint data taken of every finger by the national authority;\n\
                   (b) sex;\n\
                   (c) reference number used by the member state of origin of the data;\n\
                   (d) nothing of this kind survives anywhere at all.\n";
        let new = "1. The following data:\n(a) fingerprint data taken of every finger by the \
                   national authority;\n(b) sex;\n(c) reference number used by the member \
                   state of origin of the data;\n\
                   2. A new rule on facial images stored in the system.\n";
        let (b, h) = (cut(old, &weights, &mut buf), cut(new, &weights, &mut buf));
        let pairs: Vec<((usize, usize), (usize, usize))> = correspond(&[(0, &b)], &[(0, &h)])
            .iter()
            .map(|p| (p.base, p.head))
            .collect();
        assert_eq!(
            pairs,
            vec![((0, 0), (0, 0)), ((0, 1), (0, 0)), ((0, 2), (0, 0))]
        );
    }
}
