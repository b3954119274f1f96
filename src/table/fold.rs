//! From paragraph pairs to rows.
//!
//! *Units* first: every paragraph of every old article, in the order of the old text,
//! with each place it went (or none); an article linked without any paragraph pair is
//! one article-level unit; a new paragraph without a source follows the last unit that
//! went into its article; new articles without a predecessor come last.
//!
//! `--paragraphs` writes one row per unit. Otherwise:
//! - a pair of articles where the old one went wholly to the new one, or the new one
//!   came wholly from the old one, is one row (`Article 7 | Article 6(1) and (3)`,
//!   `Article 11(1) | Article 22`, `Article 5 | Article 4`);
//! - other units fold into the row before them while both sides run on by one paragraph
//!   (`Article 4(1) to (5) | Article 20(1) to (5)`), or one side stays and the other runs
//!   on (`Article 21(3) | Article 30(3) and (4)`), or they share one empty side
//!   (`Article 64(2) to (4) | —`);
//! - a side that lists all its article's paragraphs is written as the article.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{labels, Cell, Correspondence, Row, RowKind};
use crate::change::ChangeKind;
use crate::model::same_number;

/// An article and one of its paragraphs, or the whole article (`None`).
type Place = (usize, Option<usize>);

#[derive(Debug, Clone, Copy)]
struct Unit {
    old: Option<Place>,
    new: Option<Place>,
}

/// The units in table order.
fn units(c: &Correspondence) -> Vec<Unit> {
    let mut dest: FxHashMap<(usize, usize), Vec<(usize, usize)>> = FxHashMap::default();
    let mut sourced: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut paired: FxHashSet<(usize, usize)> = FxHashSet::default();
    for p in &c.pairs {
        dest.entry(p.base).or_default().push(p.head);
        sourced.insert(p.head);
        paired.insert((p.base.0, p.head.0));
    }
    for d in dest.values_mut() {
        d.sort_unstable();
    }
    let mut out: Vec<Unit> = Vec::new();
    for (b, art) in c.base.iter().enumerate() {
        let link = c.link_of_base(b);
        for p in 0..art.paras.len() {
            match dest.get(&(b, p)) {
                Some(to) => out.extend(to.iter().map(|&(h, q)| Unit {
                    old: Some((b, Some(p))),
                    new: Some((h, Some(q))),
                })),
                None => out.push(Unit {
                    old: Some((b, Some(p))),
                    new: None,
                }),
            }
        }
        match link {
            Some(l) => {
                for &h in l.head.iter().filter(|&&h| !paired.contains(&(b, h))) {
                    out.push(Unit {
                        old: Some((b, None)),
                        new: Some((h, None)),
                    });
                }
            }
            None if art.paras.is_empty() => out.push(Unit {
                old: Some((b, None)),
                new: None,
            }),
            None => {}
        }
    }
    // New paragraphs of linked articles follow the last unit that went into the article.
    let mut after: FxHashMap<usize, Vec<Unit>> = FxHashMap::default();
    let mut tail: Vec<Unit> = Vec::new();
    for (h, art) in c.head.iter().enumerate() {
        let fresh: Vec<Unit> = (0..art.paras.len())
            .filter(|&q| !sourced.contains(&(h, q)))
            .map(|q| Unit {
                old: None,
                new: Some((h, Some(q))),
            })
            .collect();
        let last = out.iter().rposition(|u| u.new.is_some_and(|(x, _)| x == h));
        match (c.link_of_head(h), last) {
            (Some(_), Some(at)) => after.entry(at).or_default().extend(fresh),
            (None, _) if art.paras.is_empty() => tail.push(Unit {
                old: None,
                new: Some((h, None)),
            }),
            _ => tail.extend(fresh),
        }
    }
    let mut ordered = Vec::with_capacity(out.len() + tail.len());
    for (k, u) in out.into_iter().enumerate() {
        ordered.push(u);
        if let Some(more) = after.remove(&k) {
            ordered.extend(more);
        }
    }
    ordered.extend(tail);
    ordered
}

/// A row being built: each side an article and the paragraph positions it lists
/// (`None`: the whole article, not cut into paragraphs).
#[derive(Debug, Clone)]
struct Draft {
    old: Option<(usize, Option<Vec<usize>>)>,
    new: Option<(usize, Option<Vec<usize>>)>,
    /// Formed as one row for a whole pair of articles: never extended.
    closed: bool,
}

impl Draft {
    fn of(u: Unit) -> Draft {
        let side = |p: Option<Place>| p.map(|(a, k)| (a, k.map(|k| vec![k])));
        Draft {
            old: side(u.old),
            new: side(u.new),
            closed: u.old.is_some_and(|p| p.1.is_none()) || u.new.is_some_and(|p| p.1.is_none()),
        }
    }

    /// Folds `u` into this row when it continues it (see the module doc).
    fn absorb(&mut self, u: Unit) -> bool {
        if self.closed {
            return false;
        }
        let step =
            |side: &Option<(usize, Option<Vec<usize>>)>, place: Option<Place>| -> Option<i64> {
                match (side, place) {
                    (Some((a, Some(ps))), Some((b, Some(p)))) if *a == b => {
                        Some(p as i64 - *ps.last().expect("a listed side has a paragraph") as i64)
                    }
                    (None, None) => Some(0),
                    _ => None,
                }
            };
        let (Some(so), Some(sn)) = (step(&self.old, u.old), step(&self.new, u.new)) else {
            return false;
        };
        let len = |s: &Option<(usize, Option<Vec<usize>>)>| {
            s.as_ref().and_then(|(_, p)| p.as_ref()).map_or(0, Vec::len)
        };
        let (lo, ln) = (len(&self.old), len(&self.new));
        let one_sided = self.old.is_none() || self.new.is_none();
        let ok = match (so, sn) {
            // Both run on together, in step.
            (1, 1) => lo == ln,
            // One side runs on beside an empty other side.
            (1, 0) if one_sided => true,
            (0, 1) if one_sided => true,
            // One old paragraph to consecutive new ones, or the reverse.
            (0, 1) => lo == 1,
            (1, 0) => ln == 1,
            _ => false,
        };
        if !ok {
            return false;
        }
        let push =
            |side: &mut Option<(usize, Option<Vec<usize>>)>, place: Option<Place>, s: i64| {
                if let (Some((_, Some(ps))), Some((_, Some(p))), 1) = (side, place, s) {
                    ps.push(p);
                }
            };
        push(&mut self.old, u.old, so);
        push(&mut self.new, u.new, sn);
        true
    }
}

/// The rows of the table.
pub(super) fn rows(c: &Correspondence, per_paragraph: bool) -> Vec<Row> {
    let units = units(c);
    let mut drafts: Vec<Draft> = Vec::new();
    if per_paragraph {
        drafts = units.into_iter().map(Draft::of).collect();
    } else {
        let whole = Wholes::of(c);
        let mut grouped: FxHashSet<(usize, usize)> = FxHashSet::default();
        for u in units {
            if let (Some((b, Some(_))), Some((h, Some(_)))) = (u.old, u.new) {
                if let Some(g) = whole.group(c, b, h) {
                    if grouped.insert((b, h)) {
                        drafts.push(g);
                    }
                    continue;
                }
            }
            if !drafts.last_mut().is_some_and(|d| d.absorb(u)) {
                drafts.push(Draft::of(u));
            }
        }
    }
    drafts.iter().map(|d| row(c, d, per_paragraph)).collect()
}

/// A paragraph pair → (the paragraph on one side, the article on the other).
type Key = dyn Fn(&super::paragraphs::ParaPair) -> ((usize, usize), usize);

/// Article → the articles of the other side its paragraphs went to, `None` when one of
/// them went nowhere.
type Spread = FxHashMap<usize, Option<FxHashSet<usize>>>;

/// Which pairs of articles map whole on either side.
struct Wholes {
    /// Base article → the head articles its paragraphs went to (`None` when one of its
    /// paragraphs went nowhere).
    base_to: Spread,
    head_from: Spread,
}

impl Wholes {
    fn of(c: &Correspondence) -> Wholes {
        let spread = |arts: &[super::Art], key: &Key| {
            let mut to: FxHashMap<(usize, usize), FxHashSet<usize>> = FxHashMap::default();
            for p in &c.pairs {
                let (at, other) = key(p);
                to.entry(at).or_default().insert(other);
            }
            let mut out: Spread = FxHashMap::default();
            for (a, art) in arts.iter().enumerate() {
                let mut all = FxHashSet::default();
                let mut complete = !art.paras.is_empty();
                for p in 0..art.paras.len() {
                    match to.get(&(a, p)) {
                        Some(s) => all.extend(s.iter().copied()),
                        None => complete = false,
                    }
                }
                out.insert(a, complete.then_some(all));
            }
            out
        };
        Wholes {
            base_to: spread(&c.base, &|p| (p.base, p.head.0)),
            head_from: spread(&c.head, &|p| (p.head, p.base.0)),
        }
    }

    /// The one row for base `b` and head `h` when one of them maps whole to the other.
    fn group(&self, c: &Correspondence, b: usize, h: usize) -> Option<Draft> {
        let only = |m: &Spread, a: usize, o: usize| {
            m.get(&a)
                .and_then(Option::as_ref)
                .is_some_and(|s| s.len() == 1 && s.contains(&o))
        };
        let (old_whole, new_whole) = (only(&self.base_to, b, h), only(&self.head_from, h, b));
        if !old_whole && !new_whole {
            return None;
        }
        let mut ps: Vec<usize> = c
            .pairs
            .iter()
            .filter(|p| p.base.0 == b && p.head.0 == h)
            .map(|p| p.base.1)
            .collect();
        let mut qs: Vec<usize> = c
            .pairs
            .iter()
            .filter(|p| p.base.0 == b && p.head.0 == h)
            .map(|p| p.head.1)
            .collect();
        for v in [&mut ps, &mut qs] {
            v.sort_unstable();
            v.dedup();
        }
        Some(Draft {
            old: Some((b, Some(ps))),
            new: Some((h, Some(qs))),
            closed: true,
        })
    }
}

/// The finished row of a draft row.
fn row(c: &Correspondence, d: &Draft, per_paragraph: bool) -> Row {
    let cell = |arts: &[super::Art], keyword: &str, side: &Option<(usize, Option<Vec<usize>>)>| {
        side.as_ref().map(|(a, ps)| {
            let art = &arts[*a];
            let listed: Vec<usize> = ps.clone().unwrap_or_default();
            let all = !per_paragraph && listed.len() == art.paras.len();
            let ids: Vec<String> = if all {
                Vec::new()
            } else {
                listed.iter().map(|&p| art.paras[p].id.clone()).collect()
            };
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            Cell {
                label: labels::cell(keyword, &art.number, &refs),
                article: art.number.clone(),
                paragraphs: ids,
            }
        })
    };
    let old = cell(&c.base, &c.base_keyword, &d.old);
    let new = cell(&c.head, &c.head_keyword, &d.new);
    let link = d
        .old
        .as_ref()
        .and_then(|(b, _)| c.link_of_base(*b))
        .or_else(|| d.new.as_ref().and_then(|(h, _)| c.link_of_head(*h)));
    let (kind, change, confidence, similarity) = match (&old, &new) {
        (Some(o), Some(n)) => {
            let kept = same_number(&o.article, &n.article) && o.paragraphs == n.paragraphs;
            let texts = (
                c.text_of(&c.base[d.old.as_ref().map_or(0, |x| x.0)], &o.paragraphs),
                c.text_of(&c.head[d.new.as_ref().map_or(0, |x| x.0)], &n.paragraphs),
            );
            let (sim, _) = c.similarity(&texts.0, &texts.1);
            (
                if kept { RowKind::Kept } else { RowKind::Moved },
                link.map_or(ChangeKind::Reworded, |l| l.kind),
                link.and_then(|l| l.confidence),
                Some((sim * 1000.0).round() / 1000.0),
            )
        }
        (None, _) => (
            RowKind::Added,
            link.map_or(ChangeKind::Added, |l| l.kind),
            None,
            None,
        ),
        (_, None) => (
            RowKind::Removed,
            link.map_or(ChangeKind::Removed, |l| l.kind),
            None,
            None,
        ),
    };
    Row {
        old,
        new,
        kind,
        change,
        confidence,
        similarity,
    }
}
