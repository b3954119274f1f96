//! Alignment: which articles of the base draft became which articles of the head draft.
//!
//! The stages run from cheap and certain to costly and uncertain (docs/alignment.md; the thresholds
//! and their reasons are in `docs/alignment.md`), one private module each:
//!
//! 1. the preambles pair with each other;
//! 2. explicit `from` hints (`hints`); repeal placeholders by number (`placeholders`);
//! 3. identical text, by a hash of the normalised text, wherever the article went
//!    (`identical`);
//! 4. similarity of the rest, with candidates from an inverted index (`index`) and a
//!    greedy one-to-one assignment (`assign`);
//! 5. splits and merges by containment (`splitmerge`);
//! 6. paragraph evidence: the uncertain articles cut into paragraphs, and links, split
//!    parts and merged sources decided by where the paragraphs went (`paragraphs`); then
//!    leftovers with equal titles (`titles`);
//! 7. order-based gap filling for heavily reworded articles that stayed in place; then,
//!    in a text rewritten throughout, leftovers by the clear lead of a favourite
//!    (`rewrites`); in a text amended in place, leftovers and their namesakes
//!    (`numbers`);
//! 8. chapters, by the votes of the article links (`chapters`);
//! 9. a confidence for every link (`confidence`).
//!
//! Nothing here reads article numbers except the hints, repeal placeholders and, in a
//! text whose numbers demonstrably stayed, the namesakes of leftovers: renumbering never
//! breaks a link. And no stage compares all pairs of articles.

mod assign;
mod chapters;
mod confidence;
mod hints;
mod identical;
pub(crate) mod index;
mod links;
mod mutual;
mod neighbours;
pub(crate) mod norm;
mod numbers;
pub(crate) mod paragraphs;
mod placeholders;
mod rewrites;
mod similarity;
mod splitmerge;
mod titles;

use crate::model::{ArticleRef, Draft};
pub use confidence::WEAK;
use links::Linker;

/// How a link was found, strongest evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// A `from` hint in the head draft named the base article(s).
    Hint,
    /// The normalised texts are the same, or differ only in the numbers of the articles
    /// they cite (which renumbering changes everywhere).
    Identical,
    /// The texts are similar enough (weighted word and bigram overlap).
    Similar,
    /// Moderately similar articles in the same place between two anchored links (and the
    /// two preambles when their texts differ).
    Order,
    /// One base article's text is spread over several head articles.
    Split,
    /// Several base articles' texts are gathered in one head article.
    Merge,
    /// Paragraphs of one went to the other, though the articles as wholes differ.
    Paragraphs,
    /// Leftover articles with the same title, unique on both sides: the subject stayed,
    /// the words did not.
    Title,
    /// In a text rewritten throughout, the clear favourite of a leftover article among
    /// the other side's leftovers; in any text, two leftovers that are each other's clear
    /// favourite among all candidates: weak evidence, and marked so.
    Lead,
    /// In a text amended in place (its articles keep their numbers), a leftover article
    /// and its namesake, when a quarter of the old text is still there.
    Number,
}

/// One correspondence: 1:1, 1:n (split) or n:1 (merge). Indices are positions in
/// `draft.articles().collect::<Vec<_>>()` (the preamble first when present).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The base articles: one, or several merged into one head article.
    pub base: Vec<usize>,
    /// The head articles: one, or several a base article was split into.
    pub head: Vec<usize>,
    /// Weighted similarity of the two sides' texts (joined when several), 0.0–1.0.
    pub score: f64,
    /// The stage that found the link, which says what evidence it rests on.
    pub method: Method,
    /// How far to trust the link, 0.0–1.0 (how it is computed: `docs/alignment.md`);
    /// under [`WEAK`] reports mark it for checking.
    pub confidence: f64,
    /// The paragraphs of the base articles found again in the head articles.
    pub paragraphs: Vec<ParagraphLink>,
}

/// One paragraph of a base article found again in a head article: (article index,
/// paragraph index) on each side, paragraphs counted from 0 as the alignment cuts them
/// (numbered paragraphs, else blocks between blank lines).
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphLink {
    /// (article, paragraph) in the base draft.
    pub base: (usize, usize),
    /// (article, paragraph) in the head draft.
    pub head: (usize, usize),
    /// Weighted similarity of the two paragraphs.
    pub similarity: f64,
}

/// The result of aligning two drafts: every article is in at most one link, and every
/// article in no link is listed as removed (base) or added (head).
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Sorted by first head index, then first base index.
    pub links: Vec<Link>,
    /// Base articles in no link, in document order.
    pub removed: Vec<usize>,
    /// Head articles in no link, in document order.
    pub added: Vec<usize>,
    /// Base chapter index → the head chapter it became, if any (one-to-one).
    pub chapter_map: Vec<Option<usize>>,
}

/// One draft's articles in document order, with what the stages need to know about them.
pub(crate) struct Side<'a> {
    pub(crate) draft: &'a Draft,
    pub(crate) articles: Vec<ArticleRef<'a>>,
}

impl<'a> Side<'a> {
    fn new(draft: &'a Draft) -> Self {
        Side {
            draft,
            articles: draft.articles().collect(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.articles.len()
    }

    /// The chapter index of article `i` (`None` for the preamble).
    pub(crate) fn chapter(&self, i: usize) -> Option<usize> {
        self.articles.get(i).and_then(|a| a.chapter)
    }

    /// Position of article `i` as a share of the draft, 0.0–1.0, to compare places across
    /// drafts of different lengths.
    pub(crate) fn rank(&self, i: usize) -> f64 {
        i as f64 / self.len().max(1) as f64
    }

    pub(crate) fn is_preamble(&self, i: usize) -> bool {
        self.articles.get(i).is_some_and(|a| a.chapter.is_none())
    }
}

/// Aligns the articles and chapters of `base` and `head`.
pub fn align(base: &Draft, head: &Draft) -> Alignment {
    align_beside(base, head, |_| ()).0
}

/// [`align`], with `beside` run on rayon's pool while the later, mostly sequential stages
/// work: first with the one-to-one links of identical text (stage 3), then with the other
/// links found by similarity, splits and merges (stages 4–5), as `(base, head)` indices.
/// The caller can put the other core to work on those pairs; later stages may still
/// extend such a link, or drop it.
pub fn align_beside<T: Send>(
    base: &Draft,
    head: &Draft,
    beside: impl Fn(Vec<(Vec<usize>, Vec<usize>)>) -> T + Sync,
) -> (Alignment, [T; 2]) {
    let b = Side::new(base);
    let h = Side::new(head);
    let mut links = Linker::new(b.len(), h.len());

    preambles(&b, &h, &mut links);
    hints::apply(&b, &h, &mut links);
    placeholders::apply(&b, &h, &mut links);
    let canon = identical::apply(&b, &h, &mut links);
    let identical: Vec<(Vec<usize>, Vec<usize>)> = links
        .iter()
        .filter(|(_, l)| is_identical_pair(l))
        .map(|(_, l)| (l.base.clone(), l.head.clone()))
        .collect();
    let ((alignment, similar), identical) = rayon::join(
        || after_identical(b, h, links, canon, &beside),
        || beside(identical),
    );
    (alignment, [identical, similar])
}

/// A one-to-one link of identical text: what `align_beside` offers first.
fn is_identical_pair(l: &Link) -> bool {
    l.method == Method::Identical && l.base.len() == 1 && l.head.len() == 1
}

/// Stages 4–9, and the alignment they leave; `beside` runs with the links of stages 4–5
/// while stages 6–9 work.
fn after_identical<T: Send>(
    b: Side,
    h: Side,
    mut links: Linker,
    canon: identical::Canon,
    beside: &(impl Fn(Vec<(Vec<usize>, Vec<usize>)>) -> T + Sync),
) -> (Alignment, T) {
    let model = similarity::Model::build(&b, &h, &links, &canon);
    model.rescore(&mut links);
    let provisional = chapters::map(&b, &h, &links);
    let pairs = model.candidate_pairs(&links);
    assign::similar(&b, &h, &pairs, &provisional, &mut links);
    splitmerge::apply(&pairs, &model, &mut links);
    let similar: Vec<(Vec<usize>, Vec<usize>)> = links
        .iter()
        .filter(|(_, l)| !is_identical_pair(l))
        .map(|(_, l)| (l.base.clone(), l.head.clone()))
        .collect();
    rayon::join(
        move || after_similar(b, h, links, canon, model, pairs),
        move || beside(similar),
    )
}

/// Stages 6–9, and the alignment they leave.
fn after_similar(
    b: Side,
    h: Side,
    mut links: Linker,
    canon: identical::Canon,
    model: similarity::Model,
    pairs: Vec<similarity::Pair>,
) -> Alignment {
    let evidence = paragraphs::Evidence::build(
        &b,
        &h,
        &in_play(&b, &model, &links, true),
        &in_play(&h, &model, &links, false),
        &model,
        &canon,
    );
    paragraphs::apply(&evidence, &model, &mut links);
    titles::apply(&b, &h, &model, &pairs, &mut links);
    let chapter_map = chapters::map(&b, &h, &links);
    assign::fill_gaps(&b, &h, &model, &pairs, &chapter_map, &mut links);
    rewrites::apply(&b, &model, &evidence, &mut links);
    mutual::apply(&b, &h, &pairs, &mut links);
    numbers::apply(&b, &h, &model, &mut links);
    neighbours::apply(&b, &h, &pairs, &mut links);
    let chapter_map = chapters::map(&b, &h, &links);
    confidence::apply(&pairs, &evidence, &mut links);

    let (mut links, removed, added) = links.finish();
    // Equal texts keep their paragraphs one for one: nothing to name.
    for l in links.iter_mut().filter(|l| l.method != Method::Identical) {
        l.paragraphs = evidence.paragraph_links(&l.base, &l.head);
    }
    Alignment {
        links,
        removed,
        added,
        chapter_map,
    }
}

/// The articles of one side whose paragraphs may have gone elsewhere: those with a word
/// model (identical text did not settle them), less the preamble and those nearly equal
/// to their partner ([`paragraphs::SETTLED`]), which kept their paragraphs.
fn in_play(s: &Side, model: &similarity::Model, links: &Linker, base: bool) -> Vec<usize> {
    let settled = |i: usize| {
        let id = if base {
            links.of_base(i)
        } else {
            links.of_head(i)
        };
        id.and_then(|id| links.get(id))
            .is_some_and(|l| l.method == Method::Similar && l.score >= paragraphs::SETTLED)
    };
    (0..s.len())
        .filter(|&i| !s.is_preamble(i) && !settled(i))
        .filter(|&i| {
            if base {
                model.base(i).is_some()
            } else {
                model.head(i).is_some()
            }
        })
        .collect()
}

/// Stage 1: a preamble stays a preamble, however much it changed.
fn preambles(b: &Side, h: &Side, links: &mut Linker) {
    if b.is_preamble(0) && h.is_preamble(0) {
        let mut buf = Vec::new();
        let same = norm::identity_hash(&b.articles[0].article.text, &mut buf)
            == norm::identity_hash(&h.articles[0].article.text, &mut buf);
        let (score, method) = if same {
            (1.0, Method::Identical)
        } else {
            (0.0, Method::Order)
        };
        links.add(vec![0], vec![0], score, method);
    }
}

/// Runs `f` for the base side (`true`) and the head side (`false`) in parallel on rayon's
/// pool: the two drafts are prepared side by side on two cores, without starting a
/// thread per stage.
pub(crate) fn on_both<T: Send>(f: impl Fn(bool) -> T + Sync) -> (T, T) {
    rayon::join(|| f(true), || f(false))
}

#[cfg(test)]
mod tests;
