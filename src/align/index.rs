//! Word features, their weights, and the inverted index that proposes candidate pairs.
//!
//! An article becomes a multiset of features: its words and its word bigrams. A word
//! weighs its inverse document frequency (rare words say more about which article this
//! is than "States Parties shall" does); a bigram weighs the mean of its two words. Two
//! articles share the weight of the features they have in common (counted with
//! multiplicity), from which come their similarity (weighted Dice) and the containment of
//! one in the other.
//!
//! Candidates never come from all pairs: each article looks up only its
//! [`QUERY_FEATURES`] rarest features in an index of the other side, skipping features
//! found in more than a few articles, and keeps its best [`CANDIDATES`] hits.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use super::norm;

/// How many of an article's rarest features are looked up in the index.
pub(crate) const QUERY_FEATURES: usize = 48;

/// How many candidates each article keeps from the index, per direction.
pub(crate) const CANDIDATES: usize = 10;

/// A candidate must share at least this share of the weight of the features looked up
/// (one or two chance hits out of [`QUERY_FEATURES`] are not a candidate).
pub(crate) const MIN_HITS: f32 = 0.08;

/// The words of a text as 64-bit hashes of their canonical form. Words are compared by
/// hash and never interned, so tokenising needs no shared state and runs in parallel.
pub(crate) fn tokens(text: &str, buf: &mut Vec<u8>) -> Vec<u64> {
    norm::normalise_into(text, buf);
    tokens_of(buf)
}

/// The words of a text already in canonical form, as [`tokens`] gives them.
pub(crate) fn tokens_of(canonical: &[u8]) -> Vec<u64> {
    // Legal prose averages under five bytes a word with its separator: sized so that
    // the vector is not grown while it is filled.
    let mut out = Vec::with_capacity(canonical.len() / 4 + 1);
    if canonical.is_ascii() {
        ascii_tokens(canonical, &mut out);
    } else {
        norm::for_each_word(canonical, |w| out.push(word_hash(w)));
    }
    out
}

/// The tokens of a canonical text, and where each of its lines starts among them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokenised {
    pub(crate) tokens: Vec<u64>,
    /// The index of the first token of each line, then the number of tokens.
    lines: Vec<u32>,
}

impl Tokenised {
    /// Tokenises `canonical` line by line, the lines starting at `marks`
    /// ([`norm::normalise_lines_into`]). Lines are joined by a space in the canonical
    /// form, so no word spans two of them and the tokens are those of [`tokens_of`].
    pub(crate) fn new(canonical: &[u8], marks: &[u32]) -> Self {
        let mut tokens = Vec::with_capacity(canonical.len() / 4 + 1);
        let mut lines = Vec::with_capacity(marks.len() + 1);
        let ascii = canonical.is_ascii();
        let end = canonical.len();
        for (k, &from) in marks.iter().enumerate() {
            lines.push(tokens.len() as u32);
            let from = (from as usize).min(end);
            let to = marks.get(k + 1).map_or(end, |&m| (m as usize).min(end));
            let line = &canonical[from..to];
            if ascii {
                ascii_tokens(line, &mut tokens);
            } else {
                norm::for_each_word(line, |w| tokens.push(word_hash(w)));
            }
        }
        lines.push(tokens.len() as u32);
        Tokenised { tokens, lines }
    }

    /// The tokens of lines `lines` (by index, as [`str::lines`] counts them).
    pub(crate) fn of_lines(&self, lines: Range<usize>) -> &[u64] {
        let at = |k: usize| self.lines.get(k).map_or(self.tokens.len(), |&t| t as usize);
        &self.tokens[at(lines.start)..at(lines.end)]
    }
}

/// [`norm::for_each_word`] and [`word_hash`] of an ASCII text in one scan: a short word
/// is packed as it is read, with no slice iterator or copy per word (the alignment
/// tokenises every article it models, and this was a tenth of its instructions).
fn ascii_tokens(text: &[u8], out: &mut Vec<u64>) {
    let n = text.len();
    let mut i = 0;
    while i < n {
        while i < n && !ALNUM[usize::from(text[i])] {
            i += 1;
        }
        let start = i;
        while i < n && ALNUM[usize::from(text[i])] {
            i += 1;
        }
        match i - start {
            0 => {}
            len @ 1..=8 => out.push(pack(text, start, len).wrapping_mul(PACK)),
            _ => out.push(long_word_hash(&text[start..i])),
        }
    }
}

/// The word of `len` (1–8) bytes at `start`, packed little-endian into the low bytes: one
/// 8-byte load, masked, where the text reaches that far.
fn pack(text: &[u8], start: usize, len: usize) -> u64 {
    let mask = u64::MAX >> (64 - 8 * len);
    match text.get(start..start + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()) & mask,
        None => {
            let mut packed = [0u8; 8];
            packed[..len].copy_from_slice(&text[start..start + len]);
            u64::from_le_bytes(packed)
        }
    }
}

/// ASCII letters and digits: what [`norm::for_each_word`] joins into a word.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The multiplier that mixes a packed short word.
const PACK: u64 = 0xA24B_AED4_963E_E407;

/// A word's 64-bit key: words of up to 8 bytes are packed exactly (then mixed by an
/// invertible multiplication), longer ones hashed.
fn word_hash(w: &[u8]) -> u64 {
    if w.len() <= 8 {
        let mut packed = [0u8; 8];
        packed[..w.len()].copy_from_slice(w);
        u64::from_le_bytes(packed).wrapping_mul(PACK)
    } else {
        long_word_hash(w)
    }
}

fn long_word_hash(w: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(w);
    h.finish()
}

/// The key of the bigram (a, b): order matters.
fn bigram(a: u64, b: u64) -> u64 {
    a.rotate_left(29).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b
}

/// Document frequencies of words over the articles counted.
#[derive(Default)]
pub(crate) struct Rarity {
    /// Word → (documents it is in, the last document counted that has it, from 1). The
    /// stamp counts a word once per document without sorting each document's words.
    df: FxHashMap<u64, (u32, u32)>,
    docs: u32,
}

impl Rarity {
    /// Counts one document towards the document frequencies of its words.
    pub(crate) fn count(&mut self, tokens: &[u64]) {
        self.docs += 1;
        let doc = self.docs;
        for &t in tokens {
            let (df, last) = self.df.entry(t).or_default();
            if *last != doc {
                *df += 1;
                *last = doc;
            }
        }
    }

    /// Adds the counts of another table (the other side's articles).
    pub(crate) fn merge(&mut self, other: Rarity) {
        self.docs += other.docs;
        for (t, (n, _)) in other.df {
            self.df.entry(t).or_default().0 += n;
        }
    }

    /// The weight of every word counted: its inverse document frequency.
    pub(crate) fn weights(self) -> Weights {
        let n = self.docs.max(1) as f32;
        let idf = |df: u32| (1.0 + n / df.max(1) as f32).ln();
        Weights {
            unseen: idf(1),
            idf: self
                .df
                .into_iter()
                .map(|(w, (df, _))| (w, idf(df)))
                .collect(),
        }
    }
}

/// Word weights: inverse document frequency, `ln(1 + N / df)`, so a word in every
/// document still weighs a little (ln 2) and a word seen once weighs most.
pub(crate) struct Weights {
    idf: FxHashMap<u64, f32>,
    unseen: f32,
}

impl Weights {
    pub(crate) fn idf(&self, word: u64) -> f32 {
        self.idf.get(&word).copied().unwrap_or(self.unseen)
    }
}

#[derive(Debug, Clone, Copy)]
struct Feature {
    key: u64,
    count: u32,
    weight: f32,
}

/// The weighted feature multiset of one article, sorted by key.
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    items: Vec<Feature>,
    /// Sum of count × weight: the article's size in the same units as [`Features::shared`].
    pub(crate) total: f64,
}

impl Features {
    pub(crate) fn new(tokens: &[u64], idf: &Weights) -> Self {
        // Built, sorted and merged in one vector, then shrunk to its distinct features:
        // the alignment keeps every modelled article's and paragraph's features at once,
        // and a vector sized for every word and bigram was a third empty (at 10,000
        // articles, 25 MB of the peak, and each fresh page is a fault on this VM).
        let feature = |key, weight| Feature {
            key,
            count: 1,
            weight,
        };
        let words = tokens.len();
        let all = (2 * words).saturating_sub(1);
        let mut items: Vec<Feature> = Vec::with_capacity(all);
        items.extend(tokens.iter().map(|&t| feature(t, idf.idf(t))));
        items.resize(all, feature(0, 0.0));
        let (unigrams, bigrams) = items.split_at_mut(words);
        for (slot, pair) in bigrams.iter_mut().zip(unigrams.windows(2)) {
            *slot = feature(
                bigram(pair[0].key, pair[1].key),
                (pair[0].weight + pair[1].weight) / 2.0,
            );
        }
        // Equal keys have equal weights (a word's idf, or the mean of the same two), so
        // which of them the sort puts first does not matter.
        let mut items = sorted_by_key(items);
        items.dedup_by(|next, kept| {
            let same = next.key == kept.key;
            kept.count += u32::from(same);
            same
        });
        items.shrink_to_fit();
        let total = items
            .iter()
            .map(|f| f64::from(f.count) * f64::from(f.weight))
            .sum();
        Features { items, total }
    }

    /// The weight both articles have in common: Σ weight × min(count, count').
    pub(crate) fn shared(&self, other: &Features) -> f64 {
        let (a, b) = (&self.items, &other.items);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].key.cmp(&b[j].key) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += f64::from(a[i].count.min(b[j].count)) * f64::from(a[i].weight);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The share of this article's weight found in the union of `parts`.
    pub(crate) fn covered_by(&self, parts: &[&Features]) -> f64 {
        if self.total <= 0.0 {
            return 0.0;
        }
        // Both lists are sorted by key: one walk, summing in this article's order.
        let union = union(parts);
        let mut rest = union.iter().peekable();
        // From -0.0, as `Iterator::sum` starts, so that nothing covered is the same -0.0.
        let mut covered = -0.0;
        for f in &self.items {
            while rest.next_if(|u| u.key < f.key).is_some() {}
            if let Some(u) = rest.next_if(|u| u.key == f.key) {
                covered += f64::from(f.count.min(u.count)) * f64::from(f.weight);
            }
        }
        covered / self.total
    }

    /// The union (sum) of several articles' features, as if their texts were joined.
    pub(crate) fn join(parts: &[&Features]) -> Features {
        let total = parts.iter().map(|p| p.total).sum();
        Features {
            items: union(parts),
            total,
        }
    }
}

/// The features of `parts` merged by key, counts summed. Each part is sorted already, so
/// they are merged two at a time rather than sorted again (splits and merges join two or
/// three articles, on the alignment's sequential path).
fn union(parts: &[&Features]) -> Vec<Feature> {
    let Some((first, rest)) = parts.split_first() else {
        return Vec::new();
    };
    let mut acc = first.items.clone();
    for p in rest {
        let (a, b) = (&acc, &p.items);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].key.cmp(&b[j].key) {
                std::cmp::Ordering::Less => {
                    out.push(a[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push(b[j]);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    // Equal keys have equal weights.
                    out.push(Feature {
                        count: a[i].count + b[j].count,
                        ..a[i]
                    });
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
        acc = out;
    }
    acc
}

/// `items` sorted by key. The keys are hashes, spread evenly over the 64 bits, so one
/// counting pass on the top bits leaves buckets of a few items each, to be sorted on
/// their own: a comparison sort of every article's and paragraph's features was an
/// eighth of the process at 10,000 articles. Equal keys may come out in any order, as
/// from the unstable sort this replaces.
fn sorted_by_key(mut items: Vec<Feature>) -> Vec<Feature> {
    let n = items.len();
    if n < 64 {
        items.sort_unstable_by_key(|f| f.key);
        return items;
    }
    // About two items a bucket.
    let bits = (n / 2).next_power_of_two().trailing_zeros();
    let shift = 64 - bits;
    let mut ends = vec![0u32; (1usize << bits) + 1];
    for f in &items {
        ends[(f.key >> shift) as usize + 1] += 1;
    }
    for b in 1..ends.len() {
        ends[b] += ends[b - 1];
    }
    let empty = Feature {
        key: 0,
        count: 0,
        weight: 0.0,
    };
    let mut out = vec![empty; n];
    // Each bucket's cursor runs from its start to its end, the next one's start.
    for f in items {
        let slot = &mut ends[(f.key >> shift) as usize];
        out[*slot as usize] = f;
        *slot += 1;
    }
    let mut from = 0;
    for &to in &ends[..ends.len() - 1] {
        let bucket = &mut out[from..to as usize];
        if bucket.len() > 1 {
            bucket.sort_unstable_by_key(|f| f.key);
        }
        from = to as usize;
    }
    out
}

/// Weighted Dice similarity from a shared weight and the two totals; two empty texts are
/// the same text.
pub(crate) fn dice(shared: f64, a: f64, b: f64) -> f64 {
    if a + b <= 0.0 {
        1.0
    } else {
        (2.0 * shared / (a + b)).clamp(0.0, 1.0)
    }
}

/// Candidate pairs between two lists of features, `(base position, head position)`,
/// sorted and without repeats: an index of each side queried by the other, so that a
/// short text contained in a long one is proposed from either end. The two directions
/// run on two cores.
pub(crate) fn candidate_keys(
    base: &[&Features],
    head: &[&Features],
    query_features: usize,
    keep: usize,
) -> Vec<(usize, usize)> {
    let query = |over: &[&Features], queries: &[&Features]| -> Vec<(usize, usize)> {
        let index = Index::with_limits(over, query_features, keep);
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for (q, f) in queries.iter().enumerate() {
            out.extend(
                index
                    .candidates(f, &mut scratch)
                    .into_iter()
                    .map(|t| (q, t as usize)),
            );
        }
        out
    };
    let (from_base, from_head) = super::on_both(|is_base| {
        if is_base {
            query(head, base)
        } else {
            query(base, head)
        }
    });
    let mut keys: Vec<(usize, usize)> = from_base
        .into_iter()
        .chain(from_head.into_iter().map(|(q, t)| (t, q)))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Features → the articles (of one side) that have them, as a hashed bucket table in
/// one flat array (a bucket may mix a few features: the exact rescoring sorts that out).
pub(crate) struct Index {
    starts: Vec<u32>,
    docs: Vec<u32>,
    shift: u32,
    targets: usize,
    /// How many rare features a query looks up, and how many hits it keeps.
    query_features: usize,
    keep: usize,
}

impl Index {
    /// Indexes `targets`, whose positions in the slice are what the index returns,
    /// looking up `query_features` rare features per query and keeping the
    /// best `keep` hits (paragraphs are short and need fewer of both).
    pub(crate) fn with_limits(targets: &[&Features], query_features: usize, keep: usize) -> Self {
        let total: usize = targets.iter().map(|t| t.items.len()).sum();
        let bits = total.max(1024).next_power_of_two().trailing_zeros();
        let shift = 64 - bits;
        // A counting sort that fills through `starts` itself, one slot ahead, instead of
        // a copy of it: counted at `b + 2`, summed, a bucket's cursor at `b + 1` ends at
        // its end, which is where the next bucket starts. No second table the size of
        // the first (at 10,000 articles, 8 MB for each side, touched at random).
        let mut starts = vec![0u32; (1usize << bits) + 2];
        for t in targets {
            for f in &t.items {
                starts[bucket(f.key, shift) + 2] += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut docs = vec![0u32; total];
        for (i, t) in targets.iter().enumerate() {
            for f in &t.items {
                let slot = &mut starts[bucket(f.key, shift) + 1];
                docs[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        starts.pop();
        Index {
            starts,
            docs,
            shift,
            targets: targets.len(),
            query_features,
            keep,
        }
    }

    fn postings(&self, key: u64) -> &[u32] {
        let b = bucket(key, self.shift);
        let (from, to) = (self.starts[b] as usize, self.starts[b + 1] as usize);
        self.docs.get(from..to).unwrap_or_default()
    }

    /// A feature found in more targets than this says little and costs much: skipped.
    fn max_posting(&self) -> usize {
        let root = (self.targets as f64).sqrt() as usize;
        (2 * root).max(8)
    }

    /// The best `keep` targets for `query`, by the weight of the rare features they
    /// share with it. `acc` is scratch space reused between calls.
    pub(crate) fn candidates(&self, query: &Features, acc: &mut Scratch) -> Vec<u32> {
        let cap = self.max_posting();
        let mut rare: Vec<(usize, u32, &[u32], f32)> = Vec::with_capacity(query.items.len());
        rare.extend(query.items.iter().filter_map(|f| {
            let list = self.postings(f.key);
            let keep = !list.is_empty() && list.len() <= cap;
            keep.then_some((list.len(), u32::MAX - f.weight.to_bits(), list, f.weight))
        }));
        if rare.len() > self.query_features {
            rare.select_nth_unstable_by_key(self.query_features, |r| (r.0, r.1));
            rare.truncate(self.query_features);
        }
        acc.ensure(self.targets);
        let mut looked_up = 0.0;
        for (_, _, list, w) in &rare {
            looked_up += w;
            for &t in list.iter() {
                acc.add(t, *w);
            }
        }
        acc.top(self.keep, looked_up * MIN_HITS)
    }
}

fn bucket(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// A dense accumulator with a list of touched slots, reused across queries.
#[derive(Default)]
pub(crate) struct Scratch {
    score: Vec<f32>,
    touched: Vec<u32>,
}

impl Scratch {
    fn ensure(&mut self, n: usize) {
        if self.score.len() < n {
            self.score.resize(n, 0.0);
        }
    }

    fn add(&mut self, t: u32, w: f32) {
        let slot = &mut self.score[t as usize];
        if *slot == 0.0 {
            self.touched.push(t);
        }
        *slot += w;
    }

    /// The `k` best slots reaching `min` (ties to the lower slot), resetting the
    /// accumulator.
    fn top(&mut self, k: usize, min: f32) -> Vec<u32> {
        let mut hits: Vec<(f32, u32)> = self
            .touched
            .drain(..)
            .map(|t| (std::mem::take(&mut self.score[t as usize]), t))
            .filter(|h| h.0 >= min)
            .collect();
        let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if hits.len() > k {
            hits.select_nth_unstable_by(k, order);
            hits.truncate(k);
        }
        hits.sort_unstable_by(order);
        hits.into_iter().map(|(_, t)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(texts: &[&str]) -> (Weights, Vec<Features>) {
        let mut buf = Vec::new();
        let toks: Vec<Vec<u64>> = texts.iter().map(|t| tokens(t, &mut buf)).collect();
        let mut rarity = Rarity::default();
        toks.iter().for_each(|t| rarity.count(t));
        let weights = rarity.weights();
        let f = toks.iter().map(|t| Features::new(t, &weights)).collect();
        (weights, f)
    }

    /// The one-scan tokeniser gives the tokens of the word splitter and hash it replaces.
    fn tokens_by_words(canonical: &[u8]) -> Vec<u64> {
        let mut out = Vec::new();
        norm::for_each_word(canonical, |w| out.push(word_hash(w)));
        out
    }

    #[test]
    fn one_scan_tokens_equal_split_words() {
        for text in [
            "",
            " ",
            "a",
            "states parties shall act. each state",
            "exactly8 exactly89 nine12345 x  y,,z 12bis (a) article 5(3)",
            "ends with a long word internationally",
            "états, über",
        ] {
            let c = norm::normalise(text);
            assert_eq!(
                tokens_of(c.as_bytes()),
                tokens_by_words(c.as_bytes()),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        /// The tokens of any run of lines, taken from the whole text's, are the tokens of
        /// those lines normalised on their own (how paragraphs were tokenised).
        #[test]
        fn tokens_of_lines_are_the_lines_tokenised_alone(
            text in "((1\\.|\\(2\\)| |\\t|word|Wörd|é|x9|,|\\r|\\n){0,30})",
            cut in 0usize..12,
            len in 0usize..12,
        ) {
            let mut buf = Vec::new();
            let mut marks = Vec::new();
            norm::normalise_lines_into(&text, &mut buf, &mut marks);
            proptest::prop_assert_eq!(&buf, &norm::normalise(&text).into_bytes());
            let t = Tokenised::new(&buf, &marks);
            proptest::prop_assert_eq!(&t.tokens, &tokens_of(&buf));
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let from = cut.min(lines.len());
            let to = (from + len).min(lines.len());
            let alone = tokens(&lines[from..to].concat(), &mut Vec::new());
            proptest::prop_assert_eq!(t.of_lines(from..to), &alone[..]);
        }

        #[test]
        fn one_scan_tokens_equal_split_words_on_any_text(text in "[a-zA-Z0-9 .,;'()\\n\\t-]{0,80}|.{0,40}") {
            let c = norm::normalise(&text);
            proptest::prop_assert_eq!(tokens_of(c.as_bytes()), tokens_by_words(c.as_bytes()));
            proptest::prop_assert_eq!(tokens_of(text.as_bytes()), tokens_by_words(text.as_bytes()));
        }
    }

    #[test]
    fn document_frequencies_count_a_word_once_per_document() {
        let docs: Vec<Vec<u64>> = vec![vec![1, 2, 1, 3], vec![2, 2], vec![], vec![3, 1, 4, 4, 4]];
        let (mut a, mut b) = (Rarity::default(), Rarity::default());
        docs[..2].iter().for_each(|d| a.count(d));
        docs[2..].iter().for_each(|d| b.count(d));
        a.merge(b);
        a.count(&[4, 5, 4]);
        assert_eq!(a.docs, 5);
        let df = |w: u64| a.df.get(&w).map(|e| e.0);
        assert_eq!(
            [df(1), df(2), df(3), df(4), df(5), df(6)],
            [Some(2), Some(2), Some(2), Some(2), Some(1), None]
        );
    }

    /// The features as they were first built: every (key, weight) pair collected, sorted
    /// and merged into a second vector.
    fn features_by_pairs(tokens: &[u64], idf: &Weights) -> Vec<(u64, u32, f32)> {
        let weights: Vec<f32> = tokens.iter().map(|&t| idf.idf(t)).collect();
        let mut keys: Vec<(u64, f32)> = tokens
            .iter()
            .copied()
            .zip(weights.iter().copied())
            .collect();
        keys.extend(
            tokens
                .windows(2)
                .zip(weights.windows(2))
                .map(|(t, w)| (bigram(t[0], t[1]), (w[0] + w[1]) / 2.0)),
        );
        keys.sort_by_key(|k| k.0);
        let mut out: Vec<(u64, u32, f32)> = Vec::new();
        for (key, weight) in keys {
            match out.last_mut() {
                Some(last) if last.0 == key => last.1 += 1,
                _ => out.push((key, 1, weight)),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn features_in_place_equal_the_pairs_sorted_and_merged(
            texts in proptest::collection::vec("((the|shall|state|parties|a|b|c|x9|ärt) ){0,40}", 1..6),
        ) {
            let mut buf = Vec::new();
            let toks: Vec<Vec<u64>> = texts.iter().map(|t| tokens(t, &mut buf)).collect();
            let mut rarity = Rarity::default();
            toks.iter().for_each(|t| rarity.count(t));
            let weights = rarity.weights();
            for t in &toks {
                let f = Features::new(t, &weights);
                let got: Vec<(u64, u32, f32)> =
                    f.items.iter().map(|i| (i.key, i.count, i.weight)).collect();
                let want = features_by_pairs(t, &weights);
                let total: f64 = want.iter().map(|w| f64::from(w.1) * f64::from(w.2)).sum();
                proptest::prop_assert_eq!(got, want);
                proptest::prop_assert_eq!(f.total.to_bits(), total.to_bits());
                proptest::prop_assert_eq!(f.items.capacity(), f.items.len());
            }
        }

        /// Every bucket of the index lists the targets with a feature in it, in target
        /// order, as a table filled through a copy of the bucket starts did.
        #[test]
        fn index_buckets_list_their_targets_in_order(
            texts in proptest::collection::vec("((the|shall|state|parties|a|b|c|x9) ){0,30}", 0..8),
        ) {
            let (_, f) = feats(&texts.iter().map(String::as_str).collect::<Vec<_>>());
            let targets: Vec<&Features> = f.iter().collect();
            let index = Index::with_limits(&targets, QUERY_FEATURES, CANDIDATES);
            let buckets = index.starts.len() - 1;
            let mut want: Vec<Vec<u32>> = vec![Vec::new(); buckets];
            for (i, t) in targets.iter().enumerate() {
                for item in &t.items {
                    want[bucket(item.key, index.shift)].push(i as u32);
                }
            }
            for (b, want) in want.iter().enumerate() {
                let got = &index.docs[index.starts[b] as usize..index.starts[b + 1] as usize];
                proptest::prop_assert_eq!(got, &want[..]);
            }
        }
    }

    proptest::proptest! {
        /// The bucketed sort orders any keys as the library's sort does: hashes, repeats
        /// and keys crowded into a few buckets alike, above and below its size cut-off.
        #[test]
        fn bucketed_sort_equals_the_library_sort(
            keys in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u64::ANY,
                    0u64..16,
                    (1u64 << 60)..(1u64 << 60) + 40,
                ],
                0..1500,
            ),
        ) {
            let items: Vec<Feature> = keys
                .iter()
                .map(|&key| Feature { key, count: 1, weight: (key % 97) as f32 })
                .collect();
            let got: Vec<(u64, f32)> =
                sorted_by_key(items).iter().map(|f| (f.key, f.weight)).collect();
            let mut want: Vec<(u64, f32)> =
                keys.iter().map(|&k| (k, (k % 97) as f32)).collect();
            want.sort_by_key(|w| w.0);
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Coverage and joins as first computed: a hash map of the parts' counts, and the
    /// parts' features concatenated, sorted and merged.
    fn covered_by_map(f: &Features, parts: &[&Features]) -> f64 {
        if f.total <= 0.0 {
            return 0.0;
        }
        let mut union: FxHashMap<u64, u32> = FxHashMap::default();
        for p in parts {
            for i in &p.items {
                *union.entry(i.key).or_default() += i.count;
            }
        }
        let covered: f64 = f
            .items
            .iter()
            .filter_map(|i| Some(f64::from(i.count.min(*union.get(&i.key)?)) * f64::from(i.weight)))
            .sum();
        covered / f.total
    }

    fn join_by_sorting(parts: &[&Features]) -> Vec<(u64, u32, f32)> {
        let mut items: Vec<Feature> = parts.iter().flat_map(|p| p.items.iter().copied()).collect();
        items.sort_by_key(|f| f.key);
        let mut out: Vec<(u64, u32, f32)> = Vec::new();
        for f in items {
            match out.last_mut() {
                Some(last) if last.0 == f.key => last.1 += f.count,
                _ => out.push((f.key, f.count, f.weight)),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn merged_unions_equal_the_sorted_and_hashed_ones(
            texts in proptest::collection::vec("((the|shall|state|parties|a|b|c|x9) ){0,60}", 1..6),
        ) {
            let (_, f) = feats(&texts.iter().map(String::as_str).collect::<Vec<_>>());
            let (whole, parts) = f.split_first().expect("one text at least");
            let parts: Vec<&Features> = parts.iter().collect();
            proptest::prop_assert_eq!(
                whole.covered_by(&parts).to_bits(),
                covered_by_map(whole, &parts).to_bits()
            );
            let joined = Features::join(&parts);
            let got: Vec<(u64, u32, f32)> =
                joined.items.iter().map(|i| (i.key, i.count, i.weight)).collect();
            proptest::prop_assert_eq!(got, join_by_sorting(&parts));
        }
    }

    #[test]
    fn rare_words_weigh_more_than_common_ones() {
        let (rarity, f) = feats(&[
            "states parties shall protect fisheries",
            "states parties shall protect forests",
            "states parties shall report",
        ]);
        let mut buf = Vec::new();
        let states = tokens("States", &mut buf)[0];
        let forests = tokens("forests", &mut buf)[0];
        assert!(rarity.idf(forests) > rarity.idf(states));
        // The two "protect" articles share more than either shares with "report".
        assert!(f[0].shared(&f[1]) > f[0].shared(&f[2]));
    }

    #[test]
    fn word_order_counts_through_bigrams() {
        let (_, f) = feats(&["a b c d", "d c b a", "a b c d"]);
        assert!(f[0].shared(&f[2]) > f[0].shared(&f[1]));
    }

    #[test]
    fn identical_texts_have_dice_one_and_full_containment() {
        let (_, f) = feats(&["a b c d", "a b c d", "a b"]);
        let s = f[0].shared(&f[1]);
        assert!((dice(s, f[0].total, f[1].total) - 1.0).abs() < 1e-9);
        // "a b" is wholly contained in "a b c d".
        assert!((f[0].shared(&f[2]) / f[2].total - 1.0).abs() < 1e-9);
        assert!((f[0].covered_by(&[&f[2]]) - f[2].total / f[0].total).abs() < 1e-9);
        let joined = Features::join(&[&f[2], &f[2]]);
        assert!((joined.total - 2.0 * f[2].total).abs() < 1e-9);
    }

    #[test]
    fn index_finds_the_article_sharing_rare_features() {
        let (_, f) = feats(&[
            "the right to water and sanitation for everyone",
            "the right to education for everyone",
            "the right to water and sanitation for all",
        ]);
        let index = Index::with_limits(&[&f[0], &f[1]], QUERY_FEATURES, CANDIDATES);
        let mut scratch = Scratch::default();
        assert_eq!(index.candidates(&f[2], &mut scratch).first(), Some(&0));
    }
}
