//! Synthetic drafts with known ground truth, for alignment quality tests and benchmarks.
//!
//! [`corpus`] writes a legal-looking convention of any size from our own word list (Zipf
//! frequencies, formulaic openings, numbered paragraphs, cross-references); `revise`
//! changes it the way drafters do (rewording, editorial edits, additions, removals, moves,
//! splits, merges, renumbering) and says which article became which; [`crate::load::write_dir`] saves
//! a draft in the docs/format.md directory layout. Everything is seeded, so a failing case can be
//! replayed exactly.

mod revise;
mod vocab;

pub use revise::{revise, Truth};

use crate::model::{Article, Chapter, Draft, DraftMeta, Origin, Status, PREAMBLE};

/// Samples words by rank with Zipf-like frequencies, with a per-chapter topic.
pub(crate) struct Writer {
    rng: fastrand::Rng,
    cumulative: Vec<f64>,
    topic: Vec<&'static str>,
}

/// Share of words drawn from the chapter's topic words rather than the whole list.
const TOPIC_SHARE: f64 = 0.2;
/// Share of articles that cite another article.
const CROSS_REF_SHARE: f64 = 0.2;

impl Writer {
    pub(crate) fn new(seed: u64) -> Self {
        let mut total = 0.0;
        let cumulative = (0..vocab::WORDS.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 2.0);
                total
            })
            .collect();
        Writer {
            rng: fastrand::Rng::with_seed(seed),
            cumulative,
            topic: Vec::new(),
        }
    }

    pub(crate) fn rng(&mut self) -> &mut fastrand::Rng {
        &mut self.rng
    }

    /// Picks a dozen subject words that the next articles will favour.
    pub(crate) fn new_topic(&mut self) {
        let subject = &vocab::WORDS[60..];
        self.topic = (0..12)
            .map(|_| subject[self.rng.usize(..subject.len())])
            .collect();
    }

    pub(crate) fn word(&mut self) -> &'static str {
        if !self.topic.is_empty() && self.rng.f64() < TOPIC_SHARE {
            return self.topic[self.rng.usize(..self.topic.len())];
        }
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = self.rng.f64() * total;
        let rank = self.cumulative.partition_point(|&c| c < x);
        vocab::WORDS[rank.min(vocab::WORDS.len() - 1)]
    }

    /// One sentence of about `words` words, with an optional formulaic opening.
    fn sentence(&mut self, words: usize, openings: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(words + 4);
        if self.rng.f64() < 0.7 {
            let o = openings[self.rng.usize(..openings.len())];
            out.extend(o.split(' ').map(str::to_owned));
        } else {
            out.push(capitalise(self.word()));
        }
        while out.len() < words.max(4) {
            let w = self.word().to_owned();
            out.push(w);
            if self.rng.f64() < 0.06 {
                if let Some(last) = out.last_mut() {
                    last.push(',');
                }
            }
        }
        if let Some(last) = out.last_mut() {
            last.retain(|c| c != ',');
            last.push('.');
        }
        out
    }

    /// A paragraph of about `words` words in sentences of 6–24 words.
    pub(crate) fn paragraph(&mut self, words: usize, openings: &[&str]) -> Vec<String> {
        let mut out = Vec::with_capacity(words + 8);
        while out.len() < words {
            let n = self.rng.usize(6..=24).min(words - out.len()).max(6);
            out.extend(self.sentence(n, openings));
        }
        out
    }

    /// The text of an article of 40–250 words (about 200 on average, leaning long, so
    /// that 10,000 articles make the 2 million words of the docs/performance.md budget) in 1–4
    /// paragraphs; `cite` is a number it may refer to.
    pub(crate) fn article_text(&mut self, cite: Option<&str>) -> String {
        let words = 40 + (210.0 * self.rng.f64().cbrt()) as usize;
        let paragraphs = self.rng.usize(1..=4).min(words / 12).max(1);
        let mut paras: Vec<Vec<String>> = (0..paragraphs)
            .map(|_| self.paragraph(words / paragraphs, vocab::OPENINGS))
            .collect();
        if let Some(n) = cite.filter(|_| self.rng.f64() < CROSS_REF_SHARE) {
            let p = self.rng.usize(..paras.len());
            let para = &mut paras[p];
            let at = self.rng.usize(1..para.len().max(2)).min(para.len());
            let citation = ["in", "accordance", "with", "article", n];
            para.splice(at..at, citation.iter().map(|w| (*w).to_owned()));
        }
        render(&paras)
    }

    /// A title of 2–5 capitalised subject words.
    pub(crate) fn title(&mut self) -> String {
        let n = self.rng.usize(2..=5);
        let subject = &vocab::WORDS[40..];
        (0..n)
            .map(|_| capitalise(subject[self.rng.usize(..subject.len())]))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

pub(crate) fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Paragraphs back into article text: numbered "1. …" lines when there are several.
pub(crate) fn render(paras: &[Vec<String>]) -> String {
    let paras: Vec<&Vec<String>> = paras.iter().filter(|p| !p.is_empty()).collect();
    if paras.len() == 1 {
        return paras[0].join(" ");
    }
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}. {}", i + 1, p.join(" ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Article text back into paragraphs of words (paragraph numbers dropped).
pub(crate) fn paragraphs(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| {
            crate::align::norm::strip_paragraph_number(l)
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

pub(crate) fn article(number: String, title: String, text: String) -> Article {
    Article {
        number,
        title,
        section: None,
        text,
        from: Vec::new(),
        origin: Origin::default(),
    }
}

/// A synthetic convention of `articles` articles in `chapters` chapters, with a preamble,
/// numbered 1…n, about 200 words an article on average.
pub fn corpus(articles: usize, chapters: usize, seed: u64) -> Draft {
    let mut w = Writer::new(seed);
    let chapters = chapters.clamp(1, articles.max(1));
    // Chapter sizes: at least one article each, the rest spread at random.
    let mut sizes = vec![1usize; chapters];
    for _ in chapters..articles {
        let c = w.rng().usize(..chapters);
        sizes[c] += 1;
    }
    let preamble: Vec<Vec<String>> = (0..w.rng().usize(3..=6))
        .map(|_| {
            let n = w.rng().usize(15..=40);
            w.paragraph(n, vocab::PREAMBLE_OPENINGS)
        })
        .collect();
    let mut number = 0;
    let mut out = Vec::with_capacity(chapters);
    for (c, &size) in sizes.iter().enumerate() {
        w.new_topic();
        let title = w.title();
        let mut arts = Vec::with_capacity(size);
        for _ in 0..size {
            number += 1;
            let cite = (w.rng().usize(1..=articles.max(1))).to_string();
            let text = w.article_text(Some(&cite));
            let title = w.title();
            arts.push(article(number.to_string(), title, text));
        }
        out.push(Chapter {
            number: crate::roman::to_roman(c as u32 + 1),
            title,
            articles: arts,
            origin: Origin::default(),
        });
    }
    Draft {
        meta: DraftMeta {
            id: format!("synth-{seed}"),
            title: format!("Synthetic convention {seed}"),
            status: Status::Published,
            date: None,
            parent: None,
            themes: Vec::new(),
        },
        preamble: Some(article(
            PREAMBLE.to_owned(),
            PREAMBLE.to_owned(),
            preamble
                .iter()
                .map(|p| p.join(" "))
                .collect::<Vec<_>>()
                .join("\n"),
        )),
        chapters: out,
        provisions: Vec::new(),
        annotations: Vec::new(),
        source: format!("<synthetic corpus {seed}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_has_the_requested_shape() {
        let d = corpus(120, 6, 7);
        assert_eq!(d.article_count(), 120);
        assert_eq!(d.chapters.len(), 6);
        assert!(d.preamble.is_some());
        let numbers: Vec<&str> = d
            .articles()
            .skip(1)
            .map(|a| a.article.number.as_str())
            .collect();
        assert_eq!(numbers.first(), Some(&"1"));
        assert_eq!(numbers.last(), Some(&"120"));
        for a in d.articles().skip(1) {
            let n = a.article.words();
            assert!((40..=300).contains(&n), "article of {n} words");
        }
        assert!(d
            .articles()
            .any(|a| a.article.text.contains("in accordance with article")));
        assert!(d.articles().any(|a| a.article.text.starts_with("1. ")));
    }

    #[test]
    fn corpus_is_reproducible() {
        assert_eq!(corpus(30, 3, 1), corpus(30, 3, 1));
        assert_ne!(corpus(30, 3, 1), corpus(30, 3, 2));
    }

    #[test]
    fn paragraphs_round_trip_through_render() {
        let text = "1. States Parties shall act.\n2. Everyone has rights.";
        assert_eq!(render(&paragraphs(text)), text);
        assert_eq!(
            render(&paragraphs("One paragraph only.")),
            "One paragraph only."
        );
    }
}
