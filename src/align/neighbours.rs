//! Stage 7d: a leftover article joins the link of its neighbour.
//!
//! Recasts merge consecutive articles and deal an article out over consecutive new ones:
//! old 67 and 68 (information the Member States send the Commission) become new 103; old
//! 15 (transfer to a better placed court) becomes new 12 and 13. The link of one of the
//! pair is found by text; the other is a short article whose words are mostly inside
//! the same successor but which shares too little with it as a whole to be linked, and
//! too little of it to be a part by containment ([`splitmerge::PART`]). Two facts
//! together say it belongs there: the successor holds a good share of it ([`NEIGHBOUR`]),
//! clearly more than any other article does ([`LEAD`]), and it stands right beside an
//! article of that link in its own text.
//!
//! [`splitmerge::PART`]: super::splitmerge::PART

use super::links::Linker;
use super::paragraphs::extendable;
use super::similarity::Pair;
use super::{placeholders, Link, Side};

/// Share of a leftover article's weighted words that the link of its neighbour must hold
/// on the other side ...
pub(crate) const NEIGHBOUR: f64 = 0.40;
/// ... and how much more than any other article holds: drafts share their vocabulary, so
/// an article may be two fifths inside several others, which then says nothing.
pub(crate) const LEAD: f64 = 1.25;

/// ... or, when it holds enough but a long article elsewhere holds nearly as much, how
/// clearly it must be the leftover's most similar article: a long article (the
/// information-sharing rules, the definitions) holds a little of everything, but is
/// similar to little.
pub(crate) const SIMILAR_LEAD: f64 = 1.5;

/// The largest of the scores offered, and the runner-up's score.
#[derive(Clone, Copy, Default)]
struct Top {
    first: Option<(f64, usize)>,
    second: f64,
}

impl Top {
    fn offer(&mut self, score: f64, other: usize) {
        match self.first {
            Some((s, o)) if score < s || (score == s && other > o) => {
                self.second = self.second.max(score)
            }
            Some((s, _)) => {
                self.second = s;
                self.first = Some((score, other));
            }
            None => self.first = Some((score, other)),
        }
    }

    /// The top article, when its score leads the runner-up's by `lead`.
    fn leads(&self, lead: f64) -> Option<(f64, usize)> {
        self.first.filter(|&(s, _)| s >= lead * self.second)
    }
}

/// The article holding the largest share of a leftover, and the one most similar to it.
#[derive(Clone, Copy, Default)]
struct Best {
    container: Top,
    similar: Top,
}

impl Best {
    fn offer(&mut self, share: f64, similarity: f64, other: usize) {
        self.container.offer(share, other);
        self.similar.offer(similarity, other);
    }

    /// The best container, when it holds enough and clearly more than the runner-up, or
    /// is clearly the most similar article as well.
    fn clear(&self) -> Option<usize> {
        let (share, other) = self.container.first?;
        let similar = self
            .similar
            .leads(SIMILAR_LEAD)
            .is_some_and(|(_, o)| o == other);
        (share >= NEIGHBOUR && (self.container.leads(LEAD).is_some() || similar)).then_some(other)
    }
}

/// Each free article of a side joins the link of an adjacent article when its best
/// container on the other side belongs to that link: a merged source (old side) or a
/// split part (new side).
pub(super) fn apply(b: &Side, h: &Side, pairs: &[Pair], links: &mut Linker) {
    // Best container of each free article (share, index; the lower index on ties) and the
    // runner-up's share.
    let mut in_head: Vec<Best> = vec![Best::default(); b.len()];
    let mut in_base: Vec<Best> = vec![Best::default(); h.len()];
    for p in pairs {
        if links.base_free(p.b) {
            in_head[p.b].offer(p.base_in_head, p.dice, p.h);
        }
        if links.head_free(p.h) {
            in_base[p.h].offer(p.head_in_base, p.dice, p.b);
        }
    }
    let base_joins = joins(b, &in_head, links, |j| links.of_head(j), |l| &l.base);
    let head_joins = joins(h, &in_base, links, |i| links.of_base(i), |l| &l.head);
    let joins = base_joins
        .into_iter()
        .map(|(i, id)| (true, i, id))
        .chain(head_joins.into_iter().map(|(j, id)| (false, j, id)));
    // A link stays 1:n or n:1: re-checked as the joins land.
    for (base, x, id) in joins {
        if extendable(links, id, base) {
            if base {
                links.extend(id, &[x], &[]);
            } else {
                links.extend(id, &[], &[x]);
            }
        }
    }
}

/// The leftovers of one side (`best`: their best containers on the other) that stand beside
/// an article of their container's link (`link_of`; `own`: the link's articles on the
/// leftover's side), with that link.
fn joins<'l>(
    side: &Side,
    best: &[Best],
    links: &'l Linker,
    link_of: impl Fn(usize) -> Option<usize>,
    own: impl Fn(&'l Link) -> &'l [usize],
) -> Vec<(usize, usize)> {
    let adjacent = |xs: &[usize], x: usize| xs.iter().any(|&k| k + 1 == x || x + 1 == k);
    best.iter()
        .enumerate()
        .filter(|&(x, _)| !side.is_preamble(x) && !placeholders::is_placeholder(side, x))
        .filter_map(|(x, best)| {
            let id = link_of(best.clear()?)?;
            links
                .get(id)
                .is_some_and(|l| adjacent(own(l), x))
                .then_some((x, id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::align::align;
    use crate::model::testing::{art, draft};

    const FILLER: [&str; 4] = [
        "Each State Party shall designate a national focal point for cooperation with the secretariat.",
        "The Conference of the Parties shall meet every two years and adopt its rules of procedure.",
        "Any dispute concerning the interpretation of this Convention shall be settled by negotiation.",
        "This Convention shall be open for signature by all States at the headquarters of the depositary.",
    ];
    const CENTRAL: &str = "Each Member State shall designate a central authority to assist with the application of this Regulation and shall communicate to the Commission its name, address and means of communication, and any change to them.";
    const LANGUAGES: &str = "Member States shall notify the Commission of the languages they accept for translations, and of any reservation made to them under the Hague Convention on service abroad.";
    const MERGED: &str = "1. Each Member State shall designate a central authority to assist with the application of this Regulation and shall communicate to the Commission its name, address and means of communication, and any change to them.\n2. The Member States shall communicate to the Commission the languages they accept for translations of the documents, and the courts competent for appeals.";

    /// Old 3 and 4 merged into new 3; old 4 stands beside old 3, or at the end.
    fn versions(beside: bool) -> (crate::model::Draft, crate::model::Draft) {
        let mut old = vec![art("1", FILLER[0]), art("2", FILLER[1]), art("3", CENTRAL)];
        if beside {
            old.push(art("4", LANGUAGES));
        }
        old.extend([art("5", FILLER[2]), art("6", FILLER[3])]);
        if !beside {
            old.push(art("4", LANGUAGES));
        }
        let new = vec![
            art("1", FILLER[0]),
            art("2", FILLER[1]),
            art("3", MERGED),
            art("4", FILLER[2]),
            art("5", FILLER[3]),
        ];
        (
            draft("a", vec![("I", "", old)]),
            draft("b", vec![("I", "", new)]),
        )
    }

    /// The old articles linked to new 3, and the old articles removed.
    fn sources_of_new_3(beside: bool) -> (Vec<usize>, Vec<usize>) {
        let (base, head) = versions(beside);
        let a = align(&base, &head);
        let link = a
            .links
            .iter()
            .find(|l| l.head == [2])
            .expect("new 3 is linked");
        (link.base.clone(), a.removed)
    }

    #[test]
    fn a_short_article_beside_its_merged_neighbour_joins_the_merge() {
        assert_eq!(sources_of_new_3(true), (vec![2, 3], vec![]));
    }

    #[test]
    fn a_long_article_holding_as_much_of_it_does_not_keep_it_out_of_the_merge() {
        // The publication article holds nearly as much of old 4 as new 3 does, but is
        // four times as long: new 3 is clearly old 4's most similar article.
        const PUBLICATION: &str = "1. The Commission shall make public, through the European e-Justice Portal, all the information the Member States notify under this Regulation, including the names of their central authorities, of any reservation under the Hague Convention, of the receiving agencies and of the courts competent for appeals.\n2. The Commission shall keep that information up to date, shall publish a manual containing it in every official language, and shall adopt the standard forms by means of implementing acts.\n3. The Member States shall notify any change to that information without delay, and the Commission shall publish the change within a month of receiving it.";
        let (base, head) = versions(true);
        let mut new: Vec<_> = head.articles().map(|a| a.article.clone()).collect();
        new.push(art("6", PUBLICATION));
        let a = align(&base, &draft("b", vec![("I", "", new)]));
        let link = a.links.iter().find(|l| l.head == [2]).expect("new 3");
        assert_eq!(
            (link.base.clone(), a.removed, a.added),
            (vec![2, 3], vec![], vec![5])
        );
    }

    #[test]
    fn the_same_article_far_from_it_is_left_alone() {
        assert_eq!(sources_of_new_3(false), (vec![2], vec![5]));
    }
}
