//! Stage 7: which base chapter became which head chapter.
//!
//! Chapters are aligned by where their articles went, not by their numbers: each article
//! link votes for the pair (base chapter, head chapter) of its articles (a split or merge
//! shares one vote among its pairs). A pair's vote share is its votes over the larger of
//! the two chapters' linked votes, so a chapter that lost one article to another chapter
//! still maps to itself, and a chapter renumbered because a new one was inserted before it
//! maps to its new number. Agreement of titles ([`TITLE`]) and numbers ([`NUMBER`]) adds
//! to the vote share; pairs are then taken greedily, best first, one-to-one, when the total
//! reaches [`ACCEPT`].

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::norm;
use super::Side;
use crate::model::Chapter;

/// Weight of title agreement (word Dice of the normalised titles, 1.0 when equal).
pub(crate) const TITLE: f64 = 0.30;
/// Weight of equal chapter numbers.
pub(crate) const NUMBER: f64 = 0.10;
/// A chapter pair is aligned when its score reaches this: a third of the votes, or an
/// identical title alone.
pub(crate) const ACCEPT: f64 = 0.30;

/// Word Dice of two normalised titles, 1.0 when equal, 0.0 when either is empty.
fn title_similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let wa = norm::words(a);
    let wb = norm::words(b);
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    2.0 * common as f64 / (wa.len() + wb.len()).max(1) as f64
}

fn same_number(a: &Chapter, b: &Chapter) -> bool {
    !a.number.is_empty() && crate::model::same_number_across(&a.number, &b.number)
}

/// The one-to-one chapter map (base chapter index → head chapter index) for the links
/// found so far.
pub(super) fn map(b: &Side, h: &Side, links: &Linker) -> Vec<Option<usize>> {
    let (cb, ch) = (&b.draft.chapters, &h.draft.chapters);
    let mut votes: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    let mut total_b = vec![0.0; cb.len()];
    let mut total_h = vec![0.0; ch.len()];
    for (_, l) in links.iter() {
        let w = l.score.max(0.1) / (l.base.len() * l.head.len()) as f64;
        for &i in &l.base {
            for &j in &l.head {
                if let (Some(x), Some(y)) = (b.chapter(i), h.chapter(j)) {
                    *votes.entry((x, y)).or_default() += w;
                    total_b[x] += w;
                    total_h[y] += w;
                }
            }
        }
    }
    // Candidates: pairs with votes, and pairs with equal titles (never all pairs).
    let tb: Vec<String> = cb.iter().map(|c| norm::normalise(&c.title)).collect();
    let th: Vec<String> = ch.iter().map(|c| norm::normalise(&c.title)).collect();
    let mut by_title: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (y, t) in th.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        by_title.entry(t.as_str()).or_default().push(y);
    }
    let mut pairs: Vec<(usize, usize)> = votes.keys().copied().collect();
    for (x, t) in tb.iter().enumerate() {
        if let Some(ys) = by_title.get(t.as_str()) {
            pairs.extend(ys.iter().map(|&y| (x, y)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (x, y) in pairs {
        let v = votes.get(&(x, y)).copied().unwrap_or(0.0);
        let share = if v > 0.0 {
            v / f64::max(total_b[x], total_h[y])
        } else {
            0.0
        };
        let score = share
            + TITLE * title_similarity(&tb[x], &th[y])
            + NUMBER * f64::from(u8::from(same_number(&cb[x], &ch[y])));
        if score >= ACCEPT {
            scored.push((score, x, y));
        }
    }
    scored.sort_by(|p, q| {
        q.0.total_cmp(&p.0)
            .then(p.1.abs_diff(p.2).cmp(&q.1.abs_diff(q.2)))
            .then((p.1, p.2).cmp(&(q.1, q.2)))
    });
    let mut map = vec![None; cb.len()];
    let mut taken = vec![false; ch.len()];
    for (_, x, y) in scored {
        if map[x].is_none() && !taken[y] {
            map[x] = Some(y);
            taken[y] = true;
        }
    }
    map
}
