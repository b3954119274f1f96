//! Stage 7c: the same number in a text amended in place.
//!
//! A statute amended over the years keeps its numbers: a new section is inserted as `16a`,
//! a repealed one stays as a placeholder, and `§ 29` is still the provision on the same
//! matter however its words changed. There the number is evidence — in a recast, which
//! renumbers throughout, it is none, and the stages before never read numbers. So only
//! when nearly every confident link kept its number ([`IN_PLACE`]) does an article still
//! unlinked look at its namesake on the other side, and it is linked to it when a quarter
//! of the old article's text is still found there ([`STILL_THERE`]): old 29 merged into the
//! new 29 with the old 27a it absorbed, old 18 continuing in new 18 beside the new 19c it
//! was split into.

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::paragraphs::extendable;
use super::similarity::Model;
use super::{Method, Side};
use crate::model::{number_key, same_number_across};

/// The text is amended in place when at least this share of its confident one-to-one
/// links (equal or similar text) keeps the article's number ...
pub(crate) const IN_PLACE: f64 = 0.90;
/// ... out of at least this many: a handful of links says nothing about a numbering.
pub(crate) const MIN_LINKS: usize = 10;
/// Share of the old article's weighted words found in its namesake for the two to be one
/// provision.
pub(crate) const STILL_THERE: f64 = 0.25;

/// Links unlinked articles to their namesakes in a text amended in place: a free pair
/// becomes a link, a free old article joins its namesake's link as a merged source, a
/// free new article joins its namesake's link as a split part.
pub(super) fn apply(b: &Side, h: &Side, model: &Model, links: &mut Linker) {
    fn number<'a>(s: &'a Side, i: usize) -> &'a str {
        &s.articles[i].article.number
    }
    let confident: Vec<(usize, usize)> = links
        .iter()
        .map(|(_, l)| l)
        .filter(|l| matches!(l.method, Method::Identical | Method::Similar))
        .filter(|l| l.base.len() == 1 && l.head.len() == 1 && !b.is_preamble(l.base[0]))
        .map(|l| (l.base[0], l.head[0]))
        .collect();
    let kept = confident
        .iter()
        .filter(|&&(i, j)| same_number_across(number(b, i), number(h, j)))
        .count();
    if confident.len() < MIN_LINKS || (kept as f64) < IN_PLACE * confident.len() as f64 {
        return;
    }
    // Each number's article on one side, or `None` when the number is used twice there
    // (articles numbered per chapter): a shared number names no one article.
    let unique = |s: &Side| {
        let mut by: FxHashMap<String, Option<usize>> = FxHashMap::default();
        for i in (0..s.len()).filter(|&i| !s.is_preamble(i)) {
            by.entry(number_key(number(s, i)))
                .and_modify(|slot| *slot = None)
                .or_insert(Some(i));
        }
        by
    };
    let (bases, heads) = (unique(b), unique(h));
    let mut namesakes: Vec<(usize, usize)> = bases
        .iter()
        .filter_map(|(key, &i)| Some((i?, (*heads.get(key)?)?)))
        .filter(|&(i, j)| links.base_free(i) || links.head_free(j))
        .collect();
    namesakes.sort_unstable();
    for (i, j) in namesakes {
        let (Some(old), Some(new)) = (model.base(i), model.head(j)) else {
            continue;
        };
        if old.total <= 0.0 || old.shared(new) / old.total < STILL_THERE {
            continue;
        }
        match (links.of_base(i), links.of_head(j)) {
            (None, None) => links.add(vec![i], vec![j], model.similarity(i, j), Method::Number),
            (None, Some(id)) if extendable(links, id, true) => links.extend(id, &[i], &[]),
            (Some(id), None) if extendable(links, id, false) => links.extend(id, &[], &[j]),
            _ => {}
        }
    }
}
