//! Equal titles: two leftover articles with the same title, found nowhere else on either
//! side, are one provision rewritten.
//!
//! A title names what an article is about, and drafters keep it when the subject stays:
//! a recast that rewrites "Enforcement procedure" from end to end still calls it
//! "Enforcement procedure", wherever the article went. Text similarity cannot see that
//! (the words are new), the title can. Only articles no earlier stage linked take part,
//! only titles that occur once among them on each side (a title shared by two free
//! articles says nothing about which is which), and never placeholders or empty titles.

use rustc_hash::FxHashMap;

use super::links::Linker;
use super::similarity::Pair;
use super::{norm, placeholders, Method, Side};

/// Links free articles with equal (normalised) titles unique among the free articles of
/// each side.
pub(super) fn apply(b: &Side, h: &Side, pairs: &[Pair], links: &mut Linker) {
    let titles = |s: &Side, free: &dyn Fn(usize) -> bool| {
        let mut by_title: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for i in 0..s.len() {
            if !free(i) || s.is_preamble(i) || placeholders::is_placeholder(s, i) {
                continue;
            }
            let title = norm::normalise(&s.articles[i].article.title);
            if title.split_whitespace().next().is_some() {
                by_title.entry(title).or_default().push(i);
            }
        }
        by_title
    };
    let tb = titles(b, &|i| links.base_free(i));
    let th = titles(h, &|j| links.head_free(j));
    let dice: FxHashMap<(usize, usize), f64> = pairs.iter().map(|p| ((p.b, p.h), p.dice)).collect();
    let mut found: Vec<(usize, usize)> = tb
        .iter()
        .filter_map(
            |(t, bs)| match (bs.as_slice(), th.get(t).map(Vec::as_slice)) {
                ([i], Some([j])) => Some((*i, *j)),
                _ => None,
            },
        )
        .collect();
    found.sort_unstable();
    for (i, j) in found {
        let score = dice.get(&(i, j)).copied().unwrap_or(0.0);
        links.add(vec![i], vec![j], score, Method::Title);
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{align, Method};
    use crate::model::testing::{art, draft};
    use crate::model::Article;

    fn titled(number: &str, title: &str, text: &str) -> Article {
        Article {
            title: title.to_owned(),
            ..art(number, text)
        }
    }

    #[test]
    fn a_rewritten_article_that_kept_its_title_pairs_with_it() {
        let base = draft(
            "a",
            vec![(
                "I",
                "",
                vec![
                    titled("1", "Scope", "This Regulation applies to fishing on the lake by any vessel."),
                    titled("2", "Enforcement procedure", "The procedure for enforcement is governed by the law of the Member State of enforcement."),
                    titled("3", "Stay of proceedings", "A court may stay the proceedings."),
                    titled("4", "Stay of proceedings", "Another court may stay them too."),
                ],
            )],
        );
        let head = draft(
            "b",
            vec![(
                "I",
                "",
                vec![
                    titled("1", "Scope", "This Regulation applies to fishing on the lake by any vessel."),
                    titled("2", "Stay of proceedings", "Proceedings may be suspended at the request of a party."),
                    titled("3", "Other matters", "Unrelated words about harbour dues and nets."),
                    titled("9", "Enforcement procedure", "Decisions given in one State are carried out in another as if they were given there, without any declaration."),
                ],
            )],
        );
        let a = align(&base, &head);
        let link = a
            .links
            .iter()
            .find(|l| l.base == [1])
            .expect("old 2 is linked");
        assert_eq!(
            (link.head.as_slice(), link.method),
            (&[3][..], Method::Title)
        );
        // A title two leftovers share says nothing about which is which.
        assert!(!a
            .links
            .iter()
            .any(|l| l.method == Method::Title && (l.base == [2] || l.base == [3])));
    }
}
