//! Stage 2: the drafters' own lineage hints, `from = ["1.0:63", "1.0:64"]` on a head
//! article. They outrank any text evidence: a drafter who says where an article came
//! from knows.
//!
//! A hint applies when its version prefix is the base draft's id, or when it has none.
//! Several hints on one head article make a merge; several head articles naming the same
//! base article make a split; otherwise the hint is a 1:1 link. Hints naming an unknown
//! article, or another version, are ignored (validate reports unknown numbers).
//!
//! A document's notes of former numbers (`(ex Article 81 TEC)`, read as `ex TEC:81` by
//! `load::document::former`) name a version the reader cannot know the base to be. When
//! the base carries notes of the same treaty too, it is another consolidation of the same
//! text, and a note names the base article carrying the same note; when it carries none,
//! it is taken for the treaty named, and the note names its article by number — for the
//! treaty the head's notes name most, only (the TFEU's few `ex Article 29 TEU` beside
//! its `ex … TEC` name another treaty than a base TEC).

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::{Method, Side};
use crate::load::document::former::note;

/// Where the notes of one side point: (treaty, former number) → its articles.
type Notes<'a> = FxHashMap<(&'a str, String), Vec<usize>>;

fn notes<'a>(side: &'a Side) -> Notes<'a> {
    let mut out: Notes = FxHashMap::default();
    for (i, a) in side.articles.iter().enumerate() {
        for (version, number) in a.article.from.iter().filter_map(|h| note(h)) {
            out.entry((version, number.to_lowercase()))
                .or_default()
                .push(i);
        }
    }
    out
}

/// How the head's notes resolve against this base.
struct Resolver<'a> {
    base: Notes<'a>,
    /// The treaties the base's own notes name.
    base_treaties: rustc_hash::FxHashSet<&'a str>,
    /// The treaty the head's notes name most, read as the base's own numbers when the
    /// base has no notes of it.
    numbered: Option<&'a str>,
}

/// The base articles a hint names, if the hint is about this base draft.
fn targets(
    hint: &str,
    base_id: &str,
    numbers: &FxHashMap<String, usize>,
    resolver: &Resolver,
) -> Vec<usize> {
    if let Some((version, number)) = note(hint) {
        let number = number.trim().to_lowercase();
        if resolver.base_treaties.contains(version) {
            return resolver
                .base
                .get(&(version, number))
                .cloned()
                .unwrap_or_default();
        }
        if resolver.numbered != Some(version) {
            return Vec::new();
        }
        return numbers.get(&number).copied().into_iter().collect();
    }
    let number = match hint.rsplit_once(':') {
        Some((version, number)) if version.trim() == base_id => number,
        Some(_) => return Vec::new(),
        None => hint,
    };
    numbers
        .get(&number.trim().to_lowercase())
        .copied()
        .into_iter()
        .collect()
}

/// Links every head article that carries applicable hints to the base articles named.
pub(super) fn apply(b: &Side, h: &Side, links: &mut Linker) {
    let mut numbers: FxHashMap<String, usize> = FxHashMap::default();
    for (i, a) in b.articles.iter().enumerate() {
        numbers.entry(a.article.number.to_lowercase()).or_insert(i);
    }
    let base_id = b.draft.meta.id.as_str();
    let head_notes = notes(h);
    let mut named_most: FxHashMap<&str, usize> = FxHashMap::default();
    for ((version, _), at) in &head_notes {
        *named_most.entry(version).or_default() += at.len();
    }
    let base = notes(b);
    let resolver = Resolver {
        base_treaties: base.keys().map(|&(treaty, _)| treaty).collect(),
        base,
        numbered: named_most
            .into_iter()
            .max_by_key(|&(version, n)| (n, std::cmp::Reverse(version)))
            .map(|(version, _)| version),
    };
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
            .flat_map(|hint| targets(hint, base_id, &numbers, &resolver))
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
        let none = Resolver {
            base: FxHashMap::default(),
            base_treaties: Default::default(),
            numbered: None,
        };
        let target = |hint: &str| targets(hint, "1.0", &numbers, &none);
        assert_eq!(target("1.0:63"), [4]);
        assert_eq!(target("63"), [4]);
        assert_eq!(target("12BIS"), [7]);
        assert!(target("2.0:63").is_empty());
        assert!(target("1.0:99").is_empty());
        // A note's treaty is not a version id.
        assert!(target("ex TEC:63").is_empty());
    }

    #[test]
    fn notes_name_the_base_by_number_or_by_its_own_notes() {
        let numbers: FxHashMap<String, usize> = [("81".to_owned(), 0), ("29".to_owned(), 1)]
            .into_iter()
            .collect();
        // A base without notes is the treaty the head's notes name most.
        let bare = Resolver {
            base: FxHashMap::default(),
            base_treaties: Default::default(),
            numbered: Some("ex TEC"),
        };
        assert_eq!(targets("ex TEC:81", "tec", &numbers, &bare), [0]);
        assert!(targets("ex TEU:29", "tec", &numbers, &bare).is_empty());
        // A base with the same notes is another consolidation: the note names the base
        // article noted alike, whatever its number.
        let consolidated = Resolver {
            base: [(("ex TEC", "81".to_owned()), vec![5])]
                .into_iter()
                .collect(),
            base_treaties: ["ex TEC"].into_iter().collect(),
            numbered: Some("ex TEC"),
        };
        assert_eq!(targets("ex TEC:81", "tfeu", &numbers, &consolidated), [5]);
        assert!(targets("ex TEC:29", "tfeu", &numbers, &consolidated).is_empty());
    }
}
