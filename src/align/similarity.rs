//! The word model of the articles that identical text did not settle, and the candidate
//! pairs between them.
//!
//! Only those articles are tokenised, so the cost of stages 4–6 follows the size of the
//! change, not of the drafts. Word rarity (IDF) is estimated on them plus an even sample
//! of at most [`DF_SAMPLE`] identical articles, so that "States Parties shall" counts as
//! common even when only a handful of articles changed.

use std::sync::Mutex;

use super::identical::{Canon, Canonical};
use super::index::{
    candidate_keys, dice, tokens, tokens_of, Features, Rarity, Tokenised, Weights, CANDIDATES,
    QUERY_FEATURES,
};
use super::links::Linker;
use super::{norm, on_both, Method, Side};

/// At most this many identical (already linked) base articles inform word rarity.
pub(crate) const DF_SAMPLE: usize = 1000;

/// A candidate pair of free articles with their similarity and containments.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    pub(crate) b: usize,
    pub(crate) h: usize,
    pub(crate) dice: f64,
    /// Share of the base article's weight found in the head article.
    pub(crate) base_in_head: f64,
    /// Share of the head article's weight found in the base article.
    pub(crate) head_in_base: f64,
}

/// Features of the articles still in play, by article index on each side.
pub(crate) struct Model {
    base: Vec<Option<Features>>,
    head: Vec<Option<Features>>,
    /// Word rarity, kept for the paragraphs of the same articles.
    pub(crate) weights: Weights,
    /// The modelled articles' words with their lines, base and head, kept for their
    /// paragraphs ([`Model::take_tokens`]): tokenising them again cost a tenth of that
    /// stage.
    tokens: Mutex<Tokens>,
}

/// The words of each modelled article of the base and head sides, by article index.
pub(crate) type Tokens = (Vec<Option<Tokenised>>, Vec<Option<Tokenised>>);

/// Whether an article needs a word model: free, or linked by something other than equal
/// text (its link score is a similarity to compute).
fn needed(link: Option<&super::Link>) -> bool {
    link.is_none_or(|l| l.method != Method::Identical)
}

impl Model {
    pub(crate) fn build(b: &Side, h: &Side, links: &Linker, canon: &Canon) -> Model {
        let want_b: Vec<bool> = (0..b.len())
            .map(|i| needed(links.of_base(i).and_then(|id| links.get(id))))
            .collect();
        let want_h: Vec<bool> = (0..h.len())
            .map(|j| needed(links.of_head(j).and_then(|id| links.get(id))))
            .collect();
        // Word rarity also from an even sample of the identical articles.
        let settled: Vec<usize> = (0..b.len()).filter(|&i| !want_b[i]).collect();
        let step = settled.len().div_ceil(DF_SAMPLE).max(1);
        let sample: Vec<usize> = settled.iter().step_by(step).copied().collect();
        // The sample is of base articles, but either side may count it (the two tables
        // are summed): split so that both sides read about as many articles. Given all to
        // the base side, it was most of the work when most articles were renumbered, and
        // the head side waited.
        let wanted = |want: &[bool]| want.iter().filter(|&&w| w).count();
        let to_base = ((wanted(&want_h) + sample.len()).saturating_sub(wanted(&want_b)) / 2)
            .min(sample.len());
        let (sample_b, sample_h) = sample.split_at(to_base);
        let ((tb, mut rarity), (th, rh)) = on_both(|base| {
            let (side, want, side_canon, extra) = if base {
                (b, &want_b, &canon.base, sample_b)
            } else {
                (h, &want_h, &canon.head, sample_h)
            };
            let (mut buf, mut marks) = (Vec::new(), Vec::new());
            let mut rarity = Rarity::default();
            let toks: Vec<Option<Tokenised>> = (0..side.len())
                .map(|i| {
                    want[i].then(|| {
                        let t = read_lines(side, side_canon, i, &mut buf, &mut marks);
                        rarity.count(&t.tokens);
                        t
                    })
                })
                .collect();
            for &i in extra {
                rarity.count(&read(b, &canon.base, i, &mut buf));
            }
            (toks, rarity)
        });
        rarity.merge(rh);
        let weights = rarity.weights();
        let (base, head) = on_both(|base| {
            let toks = if base { &tb } else { &th };
            toks.iter()
                .map(|t| t.as_ref().map(|t| Features::new(&t.tokens, &weights)))
                .collect::<Vec<_>>()
        });
        Model {
            base,
            head,
            weights,
            tokens: Mutex::new((tb, th)),
        }
    }

    /// The words of the modelled articles, handed over once to their last user (the
    /// paragraph stage), which frees them as it goes: kept to the end of the alignment,
    /// they raised the peak memory by a seventh.
    pub(crate) fn take_tokens(&self) -> Tokens {
        std::mem::take(&mut *self.tokens.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub(crate) fn base(&self, i: usize) -> Option<&Features> {
        self.base.get(i).and_then(Option::as_ref)
    }

    pub(crate) fn head(&self, j: usize) -> Option<&Features> {
        self.head.get(j).and_then(Option::as_ref)
    }

    /// Weighted Dice similarity of base article `i` and head article `j`.
    pub(crate) fn similarity(&self, i: usize, j: usize) -> f64 {
        match (self.base(i), self.head(j)) {
            (Some(a), Some(b)) => dice(a.shared(b), a.total, b.total),
            _ => 0.0,
        }
    }

    /// Similarity of the joined texts of each side (for splits, merges and hints).
    pub(crate) fn joined_similarity(&self, base: &[usize], head: &[usize]) -> f64 {
        let a: Option<Vec<&Features>> = base.iter().map(|&i| self.base(i)).collect();
        let b: Option<Vec<&Features>> = head.iter().map(|&j| self.head(j)).collect();
        match (a, b) {
            (Some(a), Some(b)) => {
                let (a, b) = (Features::join(&a), Features::join(&b));
                dice(a.shared(&b), a.total, b.total)
            }
            _ => 0.0,
        }
    }

    /// Gives hint and preamble links the similarity of their texts.
    pub(crate) fn rescore(&self, links: &mut Linker) {
        let ids: Vec<usize> = links
            .iter()
            .filter(|(_, l)| l.method != Method::Identical)
            .map(|(id, _)| id)
            .collect();
        for id in ids {
            let score = links
                .get(id)
                .map(|l| self.joined_similarity(&l.base, &l.head));
            if let (Some(score), Some(link)) = (score, links.get_mut(id)) {
                link.score = score;
            }
        }
    }

    /// Candidate pairs of free articles, from an index of each side queried by the other,
    /// with their exact shared weight. Sorted by (base, head).
    pub(crate) fn candidate_pairs(&self, links: &Linker) -> Vec<Pair> {
        let free_b: Vec<usize> = (0..self.base.len())
            .filter(|&i| links.base_free(i) && self.base(i).is_some())
            .collect();
        let free_h: Vec<usize> = (0..self.head.len())
            .filter(|&j| links.head_free(j) && self.head(j).is_some())
            .collect();
        let fb: Vec<&Features> = free_b.iter().filter_map(|&i| self.base(i)).collect();
        let fh: Vec<&Features> = free_h.iter().filter_map(|&j| self.head(j)).collect();
        let keys: Vec<(usize, usize)> = candidate_keys(&fb, &fh, QUERY_FEATURES, CANDIDATES)
            .into_iter()
            .map(|(q, t)| (free_b[q], free_h[t]))
            .collect();
        let exact = |keys: &[(usize, usize)]| -> Vec<Pair> {
            keys.iter()
                .filter_map(|&(b, h)| {
                    let (fa, fb) = (self.base(b)?, self.head(h)?);
                    let shared = fa.shared(fb);
                    Some(Pair {
                        b,
                        h,
                        dice: dice(shared, fa.total, fb.total),
                        base_in_head: ratio(shared, fa.total),
                        head_in_base: ratio(shared, fb.total),
                    })
                })
                .collect()
        };
        let (first, second) = keys.split_at(keys.len() / 2);
        let (mut pairs, rest) = on_both(|base| exact(if base { first } else { second }));
        pairs.extend(rest);
        pairs
    }
}

/// The words of article `i` of a side, from its canonical text when identical text made one.
fn read(side: &Side, canon: &[Option<Canonical>], i: usize, buf: &mut Vec<u8>) -> Vec<u64> {
    match canon.get(i).and_then(Option::as_ref) {
        Some(c) => tokens_of(&c.text),
        None => tokens(&side.articles[i].article.text, buf),
    }
}

/// [`read`]'s words, with where each line starts among them.
fn read_lines(
    side: &Side,
    canon: &[Option<Canonical>],
    i: usize,
    buf: &mut Vec<u8>,
    marks: &mut Vec<u32>,
) -> Tokenised {
    match canon.get(i).and_then(Option::as_ref) {
        Some(c) => Tokenised::new(&c.text, &c.lines),
        None => {
            norm::normalise_lines_into(&side.articles[i].article.text, buf, marks);
            Tokenised::new(buf, marks)
        }
    }
}

fn ratio(part: f64, whole: f64) -> f64 {
    if whole <= 0.0 {
        0.0
    } else {
        (part / whole).clamp(0.0, 1.0)
    }
}
