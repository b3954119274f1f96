//! How far to trust each link: a number from 0 to 1 that reports show so a reader knows
//! which pairings to check.
//!
//! A link is as sure as its evidence is strong *and* unrivalled. The drafters' hints and
//! equal texts are certain. A link found by text is scored by its similarity, up to
//! [`FULL`], times how clearly it beats the best rival pairing of either of its articles
//! ([`CLEAR`]): two articles 0.5 similar are a sure pair when nothing else comes near,
//! and a guess when a third article is as close. Order and paragraph evidence lift a weak
//! text score part of the way ([`ORDER_LIFT`], [`PARAGRAPH_LIFT`]). The constants were
//! calibrated on the development corpus (docs/alignment.md): links above 0.9 were right
//! at least 95 % of the time.

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::paragraphs::Evidence;
use super::similarity::Pair;
use super::Method;

/// A similarity at which the text alone is full evidence.
pub(crate) const FULL: f64 = 0.60;
/// A lead over the best rival at which the pairing is unambiguous.
pub(crate) const CLEAR: f64 = 0.30;
/// Share of the missing text evidence that an in-order place between anchors supplies.
pub(crate) const ORDER_LIFT: f64 = 0.30;
/// Share of the missing text evidence that an equal title, unique on both sides, supplies.
pub(crate) const TITLE_LIFT: f64 = 0.50;
/// Share of the missing text evidence that a moved paragraph supplies.
pub(crate) const PARAGRAPH_LIFT: f64 = 0.50;
/// Below this a link is *weak*: reports mark it for checking.
pub const WEAK: f64 = 0.50;
/// A link found only by its lead in a text rewritten throughout stays under [`WEAK`]
/// whatever its score: its evidence is relative, and a reader should check it.
pub(crate) const LEAD_CAP: f64 = 0.45;
/// Certain evidence is still reported below 1: equal boilerplate can pair the wrong copy.
const CERTAIN: f64 = 0.99;

/// Sets the confidence of every link.
pub(super) fn apply(pairs: &[Pair], evidence: &Evidence, links: &mut Linker) {
    // Candidate pairs by article, so each link looks only at its own articles' rivals.
    let mut by_base: FxHashMap<usize, Vec<&Pair>> = FxHashMap::default();
    let mut by_head: FxHashMap<usize, Vec<&Pair>> = FxHashMap::default();
    for p in pairs {
        by_base.entry(p.b).or_default().push(p);
        by_head.entry(p.h).or_default().push(p);
    }
    let ids: Vec<usize> = links.iter().map(|(id, _)| id).collect();
    for id in ids {
        let Some(l) = links.get(id) else { continue };
        let c = match l.method {
            Method::Hint => 1.0,
            Method::Identical => CERTAIN,
            _ => {
                let of = |map: &FxHashMap<usize, Vec<&Pair>>, ids: &[usize]| {
                    ids.iter()
                        .filter_map(|i| map.get(i))
                        .flatten()
                        .filter(|p| !(l.base.contains(&p.b) && l.head.contains(&p.h)))
                        .map(|p| p.dice)
                        .fold(0.0, f64::max)
                };
                let rival = of(&by_base, &l.base).max(of(&by_head, &l.head));
                let text = (l.score / FULL).min(1.0);
                let lead = ((l.score - rival) / CLEAR).clamp(0.0, 1.0);
                let mut c = text * (0.5 + 0.5 * lead);
                if matches!(l.method, Method::Order | Method::Number) {
                    c += (1.0 - c) * ORDER_LIFT;
                }
                if l.method == Method::Title {
                    c += (1.0 - c) * TITLE_LIFT;
                }
                if evidence.supports(&l.base, &l.head) {
                    c += (1.0 - c) * PARAGRAPH_LIFT;
                }
                if l.method == Method::Lead {
                    c = c.min(LEAD_CAP);
                }
                c.min(CERTAIN)
            }
        };
        if let Some(l) = links.get_mut(id) {
            l.confidence = (c * 100.0).round() / 100.0;
        }
    }
}
