//! Stage 2: the drafters' own lineage hints, `from = ["1.0:63", "1.0:64"]` on a head
//! article. They outrank any text evidence: a drafter who says where an article came
//! from knows.
//!
//! A hint applies when its version prefix is the base draft's id, or when it has none.
//! Several hints on one head article make a merge; several head articles naming the same
//! base article make a split; otherwise the hint is a 1:1 link. Hints naming an unknown
//! article, or another version, are ignored (validate reports unknown numbers).

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::{Method, Side};

/// The base article a hint names, if the hint is about this base draft.
fn target(hint: &str, base_id: &str, numbers: &FxHashMap<String, usize>) -> Option<usize> {
    let number = match hint.rsplit_once(':') {
        Some((version, number)) if version.trim() == base_id => number,
        Some(_) => return None,
        None => hint,
    };
    numbers.get(&number.trim().to_lowercase()).copied()
}

/// Links every head article that carries applicable hints to the base articles named.
pub(super) fn apply(b: &Side, h: &Side, links: &mut Linker) {
    let mut numbers: FxHashMap<String, usize> = FxHashMap::default();
    for (i, a) in b.articles.iter().enumerate() {
        numbers.entry(a.article.number.to_lowercase()).or_insert(i);
    }
    let base_id = b.draft.meta.id.as_str();
    // head → named bases, base → naming heads (free articles only, deduplicated).
    let mut named: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut naming: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (j, a) in h.articles.iter().enumerate() {
        if a.article.from.is_empty() || !links.head_free(j) {
            continue;
        }
        let mut bases: Vec<usize> = a
            .article
            .from
            .iter()
            .filter_map(|hint| target(hint, base_id, &numbers))
            .filter(|&i| links.base_free(i))
            .collect();
        bases.sort_unstable();
        bases.dedup();
        if bases.is_empty() {
            continue;
        }
        for &i in &bases {
            naming.entry(i).or_default().push(j);
        }
        named.push((j, bases));
    }
    let mut single = vec![false; h.len()];
    for (j, bases) in &named {
        single[*j] = bases.len() == 1;
    }
    for (j, bases) in &named {
        if !links.head_free(*j) {
            continue;
        }
        let [i] = bases.as_slice() else {
            // A merge, unless one of its bases is also claimed by another head (n:m): then
            // the head takes the bases still free, in document order.
            let free: Vec<usize> = bases
                .iter()
                .copied()
                .filter(|&i| links.base_free(i))
                .collect();
            if !free.is_empty() {
                links.add(free, vec![*j], 0.0, Method::Hint);
            }
            continue;
        };
        if !links.base_free(*i) {
            continue;
        }
        let heads = naming.get(i).map_or(&[][..], Vec::as_slice);
        // A split takes the heads that name only this base; heads naming several bases
        // keep to their own merge.
        let only_here: Vec<usize> = heads
            .iter()
            .copied()
            .filter(|&k| links.head_free(k) && single[k])
            .collect();
        if only_here.len() > 1 {
            links.add(vec![*i], only_here, 0.0, Method::Hint);
        } else {
            links.add(vec![*i], vec![*j], 0.0, Method::Hint);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_prefix_must_name_the_base_version() {
        let numbers: FxHashMap<String, usize> = [("63".to_owned(), 4), ("12bis".to_owned(), 7)]
            .into_iter()
            .collect();
        assert_eq!(target("1.0:63", "1.0", &numbers), Some(4));
        assert_eq!(target("63", "1.0", &numbers), Some(4));
        assert_eq!(target("12BIS", "1.0", &numbers), Some(7));
        assert_eq!(target("2.0:63", "1.0", &numbers), None);
        assert_eq!(target("1.0:99", "1.0", &numbers), None);
    }
}
