//! Measure the redline stage, and print a few redlines before (raw word diff) and after
//! the semantic clean-up.
//!
//! ```text
//! cargo run --release --example redline_timing -- [DRAFTS_DIR] [BASE] [HEAD] [SHOW]
//! ```
//!
//! Times `redline` on every article whose text differs between the two drafts (defaults:
//! `drafts`, `1.0`, `3.0-environment`, show 6), then on two pathological inputs of the
//! bounded fallback the `redline` module describes: a million-word article with two small
//! edits, and two unrelated 100,000-word texts.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use draftdiff::redline::{redline, Redline};
use draftdiff::{Catalog, Op, Segment};
use similar::{Algorithm, ChangeTag, TextDiff};

fn main() -> draftdiff::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.into());
    let catalog = Catalog::open(&PathBuf::from(arg(0, "drafts")))?;
    let base = catalog.resolve(&arg(1, "1.0"))?;
    let head = catalog.resolve(&arg(2, "3.0-environment"))?;
    let show: usize = arg(3, "6").parse().unwrap_or(6);

    let mut pairs = Vec::new();
    for h in head.articles() {
        if let Some(b) = base.find(&h.article.number) {
            if b.article.text != h.article.text {
                let texts = (b.article.text.clone(), h.article.text.clone());
                pairs.push((h.article.number.clone(), texts));
            }
        }
    }
    let mut times: Vec<(Duration, usize, &str)> = pairs
        .iter()
        .map(|(number, (b, h))| {
            let words = draftdiff::model::word_count(b) + draftdiff::model::word_count(h);
            (best_of(200, || redline(b, h)), words, number.as_str())
        })
        .collect();
    times.sort();
    if let (Some(first), Some(last)) = (times.first(), times.last()) {
        let (median, words, _) = times[times.len() / 2];
        let total: Duration = times.iter().map(|t| t.0).sum();
        println!(
            "{} changed articles: min {:?}, median {:?} ({words} words both sides), \
             max {:?} (article {}, {} words), all together {:?}",
            times.len(),
            first.0,
            median,
            last.0,
            last.2,
            last.1,
            total
        );
    }
    for (number, (b, h)) in pairs.iter().take(show) {
        let r = redline(b, h);
        println!("\n== Article {number}\n-- raw word diff:\n{}", raw(b, h));
        println!(
            "-- redline ({} deleted, {} inserted words):\n{}",
            r.deleted,
            r.inserted,
            render(&r.segments)
        );
    }

    let big = prose(1_000_000, 1);
    let mut edited = big.clone();
    edited.insert_str(big.len() / 2, "newly inserted clause ");
    edited.insert_str(0, "Amended. ");
    report("a 1,000,000-word article with two edits", &big, &edited);
    report(
        "two unrelated 100,000-word texts",
        &prose(100_000, 2),
        &prose(100_000, 3),
    );
    report(
        "two unrelated 35,000-word texts (just under the fallback threshold)",
        &prose(35_000, 2),
        &prose(35_000, 3),
    );
    Ok(())
}

fn report(what: &str, base: &str, head: &str) {
    let start = Instant::now();
    let r: Redline = redline(base, head);
    println!(
        "\n{what}: {:?}, coarse = {}, {} segments, {} deleted / {} inserted words",
        start.elapsed(),
        r.coarse,
        r.segments.len(),
        r.deleted,
        r.inserted
    );
}

/// The fastest of `rounds` runs: on a shared machine the minimum is the stable figure.
fn best_of<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The raw word diff, before clean-up: what `similar` gives on the same word tokens.
fn raw(base: &str, head: &str) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(base, head);
    let segments: Vec<Segment> = diff
        .iter_all_changes()
        .map(|c| {
            let op = match c.tag() {
                ChangeTag::Equal => Op::Equal,
                ChangeTag::Delete => Op::Delete,
                ChangeTag::Insert => Op::Insert,
            };
            Segment::new(op, c.value())
        })
        .collect();
    render(&segments)
}

/// `[-deleted-]{+inserted+}`, as `git diff --word-diff` shows it.
fn render(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s.op {
            Op::Equal => s.text.clone(),
            Op::Delete => format!("[-{}-]", s.text),
            Op::Insert => format!("{{+{}+}}", s.text),
        })
        .collect()
}

/// Deterministic prose of `n` words with sentences and paragraphs, varied by `seed`.
fn prose(n: usize, seed: u64) -> String {
    const VOCAB: &[&str] = &[
        "States",
        "Parties",
        "shall",
        "may",
        "migrant",
        "workers",
        "the",
        "of",
        "rights",
        "protection",
        "in",
        "accordance",
        "with",
        "article",
        "their",
        "families",
        "and",
        "ensure",
        "access",
        "to",
        "health",
        "care",
        "education",
        "without",
        "discrimination",
    ];
    let mut state = seed;
    let mut out = String::with_capacity(n * 7);
    for i in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        out.push_str(VOCAB[(state >> 33) as usize % VOCAB.len()]);
        out.push_str(match i % 97 {
            96 => ".\n",
            k if k % 13 == 12 => ". ",
            k if k % 7 == 6 => ", ",
            _ => " ",
        });
    }
    out
}
