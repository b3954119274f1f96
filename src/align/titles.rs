//! Equal titles: two leftover articles with the same title, found nowhere else on either
//! side, are one provision rewritten.
//!
//! A title names what an article is about, and drafters keep it when the subject stays:
//! a recast that rewrites "Enforcement procedure" from end to end still calls it
//! "Enforcement procedure", wherever the article went. Text similarity cannot see that
//! (the words are new), the title can. Only articles no earlier stage linked take part,
//! only titles that occur once among them on at least one side (a title shared by two
//! free articles on both sides says nothing about which is which), and never placeholders
//! or empty titles.
//!
//! A recast that divides a provision by scope often keeps the title on every part: one
//! "Stay of proceedings" becomes one for recognition and one for enforcement. So a free
//! article whose title several free articles of the other side carry is split among them
//! (or they are merged into it), but only when each of them shares some of its text
//! ([`assign::WEAK_ORDER`]): a generic title repeated over unrelated provisions is no
//! such division.

use rustc_hash::FxHashMap;

use super::assign::WEAK_ORDER;
use super::links::Linker;
use super::similarity::{Model, Pair};
use super::{norm, placeholders, Method, Side};

/// Links free articles with equal (normalised) titles: one to one where the title is
/// unique among the free articles of each side, one to several where it is unique on one
/// side and the several share text with the one.
pub(super) fn apply(b: &Side, h: &Side, model: &Model, pairs: &[Pair], links: &mut Linker) {
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
    let shares = |i: usize, j: usize| dice.get(&(i, j)).is_some_and(|&d| d >= WEAK_ORDER);
    let mut found: Vec<(Vec<usize>, Vec<usize>)> = tb
        .iter()
        .filter_map(
            |(t, bs)| match (bs.as_slice(), th.get(t).map(Vec::as_slice)) {
                ([i], Some([j])) => Some((vec![*i], vec![*j])),
                ([i], Some(hs)) if hs.iter().all(|&j| shares(*i, j)) => {
                    Some((vec![*i], hs.to_vec()))
                }
                (bs, Some([j])) if bs.iter().all(|&i| shares(i, *j)) => {
                    Some((bs.to_vec(), vec![*j]))
                }
                _ => None,
            },
        )
        .collect();
    found.sort_unstable();
    for (bases, heads) in found {
        let score = match (bases.as_slice(), heads.as_slice()) {
            ([i], [j]) => dice.get(&(*i, *j)).copied().unwrap_or(0.0),
            _ => model.joined_similarity(&bases, &heads),
        };
        links.add(bases, heads, score, Method::Title);
    }
}

#[cfg(test)]
mod tests {
    use crate::align::{align, Alignment, Method};
    use crate::model::testing::{art, draft};
    use crate::model::{Article, Draft};

    fn titled(number: &str, title: &str, text: &str) -> Article {
        Article {
            title: title.to_owned(),
            ..art(number, text)
        }
    }

    /// The new articles old 2 is linked to, and how.
    fn successor_of_old_2(a: &Alignment) -> (Vec<usize>, Method) {
        let link = a
            .links
            .iter()
            .find(|l| l.base == [1])
            .expect("old 2 is linked");
        (link.head.clone(), link.method)
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
        assert_eq!(successor_of_old_2(&a), (vec![3], Method::Title));
        // A title two leftovers share says nothing about which is which.
        assert!(!a
            .links
            .iter()
            .any(|l| l.method == Method::Title && (l.base == [2] || l.base == [3])));
    }

    /// One "Stay of proceedings" in the old text; in the new, one for recognition and one
    /// for enforcement, and perhaps an unrelated article under the same title.
    fn divided(unrelated: bool) -> (Draft, Draft) {
        let scope = || {
            titled(
                "1",
                "Scope",
                "This Regulation applies to fishing on the lake by any vessel.",
            )
        };
        let fin = |n: &str| {
            titled(
                n,
                "Final provisions",
                "This Regulation enters into force on the twentieth day after publication.",
            )
        };
        let stay = |n: &str, text: &str| titled(n, "Stay of proceedings", text);
        let base = vec![
            scope(),
            stay("2", "A court asked to recognise or to enforce a judgment may stay the proceedings while an ordinary appeal against it is pending."),
            fin("3"),
        ];
        let mut head = vec![
            scope(),
            stay("2", "The court before which a decision is invoked for recognition may suspend its proceedings where an ordinary appeal is pending in the State of origin."),
            stay("3", "The authority competent for enforcement may suspend the enforcement where an ordinary appeal is pending or the time for it has not expired."),
            fin("4"),
        ];
        if unrelated {
            head.push(stay(
                "5",
                "Harbour dues are payable in advance for every berth.",
            ));
        }
        (
            draft("a", vec![("I", "", base)]),
            draft("b", vec![("I", "", head)]),
        )
    }

    #[test]
    fn an_article_divided_under_its_title_is_split_among_the_parts_that_share_its_text() {
        let (base, head) = divided(false);
        let a = align(&base, &head);
        assert_eq!(successor_of_old_2(&a), (vec![1, 2], Method::Title));
        // Old 2 shares text with new 2 and 3, nothing with new 5: no split over all three.
        let (base, head) = divided(true);
        let a = align(&base, &head);
        assert!(!a
            .links
            .iter()
            .any(|l| l.base == [1] && l.method == Method::Title));
    }
}
