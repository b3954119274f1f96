//! Stage 3: identical texts, wherever the articles went.
//!
//! Cheap first: byte-equal texts pair by a fast hash (confirmed byte for byte, as FxHash
//! is not collision-proof), which settles most articles of a small revision without
//! normalising them. The rest are normalised once ([`Canon`], reused by the word model);
//! equal canonical texts pair next, then texts equal but for the numbers they cite
//! (renumbering updates cross-references in articles nobody touched). Several equal
//! texts (boilerplate) pair in document order: the i-th such base article with the i-th
//! such head article.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::links::Linker;
use super::{norm, on_both, placeholders, Method, Side};

/// Canonical texts of the articles left free by the byte-equality pass, by index.
#[derive(Default)]
pub(crate) struct Canon {
    pub(crate) base: Vec<Option<Canonical>>,
    pub(crate) head: Vec<Option<Canonical>>,
}

/// One article's canonical text, and where each of its lines starts in it (for the
/// paragraphs' words, `index::Tokenised`).
pub(crate) struct Canonical {
    pub(crate) text: Vec<u8>,
    pub(crate) lines: Vec<u32>,
}

impl Canon {
    fn side(&self, base: bool) -> &[Option<Canonical>] {
        if base {
            &self.base
        } else {
            &self.head
        }
    }
}

/// Links identical articles and returns the canonical texts of those still free.
pub(super) fn apply(b: &Side, h: &Side, links: &mut Linker) -> Canon {
    let side = |base: bool| if base { b } else { h };
    // Empty texts are all equal: placeholders pair by number only (`placeholders`).
    let free = |base: bool, i: usize| {
        let free = if base {
            links.base_free(i)
        } else {
            links.head_free(i)
        };
        free && !placeholders::is_placeholder(side(base), i)
    };
    let (rb, rh) = on_both(|base| {
        let s = side(base);
        (0..s.len())
            .map(|i| {
                free(base, i).then(|| {
                    let mut hasher = FxHasher::default();
                    hasher.write(s.articles[i].article.text.as_bytes());
                    hasher.finish()
                })
            })
            .collect::<Vec<_>>()
    });
    pair(&rb, &rh, links, |i, j| {
        b.articles[i].article.text == h.articles[j].article.text
    });

    let (cb, ch) = on_both(|base| {
        let s = side(base);
        (0..s.len())
            .map(|i| {
                let free = if base {
                    links.base_free(i)
                } else {
                    links.head_free(i)
                };
                (free && !placeholders::is_placeholder(s, i)).then(|| {
                    let (mut text, mut lines) = (Vec::new(), Vec::new());
                    norm::normalise_lines_into(&s.articles[i].article.text, &mut text, &mut lines);
                    Canonical { text, lines }
                })
            })
            .collect::<Vec<_>>()
    });
    let canon = Canon { base: cb, head: ch };

    let hashes = |f: fn(&[u8]) -> Option<u64>| {
        on_both(|base| {
            canon
                .side(base)
                .iter()
                .map(|c| c.as_ref().and_then(|c| f(&c.text)))
                .collect::<Vec<_>>()
        })
    };
    let (nb, nh) = hashes(|c| Some(norm::identity_hash_of(c)));
    pair(&nb, &nh, links, |_, _| true);
    let (mb, mh) = hashes(norm::citation_blind_hash);
    let still = |v: Vec<Option<u64>>, free: &dyn Fn(usize) -> bool| -> Vec<Option<u64>> {
        v.into_iter()
            .enumerate()
            .map(|(i, x)| x.filter(|_| free(i)))
            .collect()
    };
    let mb = still(mb, &|i| links.base_free(i));
    let mh = still(mh, &|j| links.head_free(j));
    pair(&mb, &mh, links, |_, _| true);
    canon
}

/// Pairs articles with equal hashes (that pass `confirm`), in document order.
fn pair(
    hb: &[Option<u64>],
    hh: &[Option<u64>],
    links: &mut Linker,
    confirm: impl Fn(usize, usize) -> bool,
) {
    let mut by_hash: FxHashMap<u64, (Vec<usize>, usize)> = FxHashMap::default();
    for (i, hash) in hb.iter().enumerate() {
        if let Some(hash) = hash {
            by_hash.entry(*hash).or_default().0.push(i);
        }
    }
    for (j, hash) in hh.iter().enumerate() {
        let Some(hash) = hash else { continue };
        let Some((bases, next)) = by_hash.get_mut(hash) else {
            continue;
        };
        if let Some(&i) = bases.get(*next) {
            *next += 1;
            if confirm(i, j) && links.base_free(i) && links.head_free(j) {
                links.add(vec![i], vec![j], 1.0, Method::Identical);
            }
        }
    }
}
