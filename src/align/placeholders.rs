//! Repeal placeholders: `§ 6 (weggefallen)`, `Article 12 [Repealed]` — an article kept for
//! its number, with no text.
//!
//! Empty texts are all identical, so text says nothing about where a placeholder went: a
//! placeholder pairs only with the placeholder of the same number, and never by text or
//! by order (`identical` skips empty articles). An article repealed to a placeholder is a
//! removal and the placeholder an addition, as the correspondence tables of consolidated
//! statutes record it.

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::{Method, Side};
use crate::model::number_key;

/// Whether article `i` of `s` has no text.
pub(super) fn is_placeholder(s: &Side, i: usize) -> bool {
    s.articles[i].article.text.trim().is_empty()
}

/// Links each base placeholder to the head placeholder of the same number.
pub(super) fn apply(b: &Side, h: &Side, links: &mut Linker) {
    let head: FxHashMap<String, usize> = (0..h.len())
        .filter(|&j| links.head_free(j) && is_placeholder(h, j))
        .map(|j| (number_key(&h.articles[j].article.number), j))
        .collect();
    for i in 0..b.len() {
        if !links.base_free(i) || !is_placeholder(b, i) {
            continue;
        }
        if let Some(&j) = head.get(&number_key(&b.articles[i].article.number)) {
            if links.head_free(j) {
                links.add(vec![i], vec![j], 1.0, Method::Identical);
            }
        }
    }
}
