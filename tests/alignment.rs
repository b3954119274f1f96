//! Alignment quality on synthetic revisions with known ground truth: link F1 per seed and
//! rate, renumbering invariance, self-alignment, and a timing print for 10,000 articles.

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use draftdiff::align::{align, Alignment, Method};
use draftdiff::synth;
use draftdiff::Draft;
use proptest::prelude::*;

/// (base index, head index) pairs, from the ground truth by article number.
fn truth_pairs(
    base: &Draft,
    head: &Draft,
    truth: &[(Vec<String>, Vec<String>)],
) -> BTreeSet<(usize, usize)> {
    let index = |d: &Draft| -> HashMap<String, usize> {
        d.articles()
            .enumerate()
            .map(|(i, a)| (a.article.number.clone(), i))
            .collect()
    };
    let (ib, ih) = (index(base), index(head));
    let mut out = BTreeSet::new();
    for (bs, hs) in truth {
        for b in bs {
            for h in hs {
                out.insert((ib[b], ih[h]));
            }
        }
    }
    out
}

fn predicted_pairs(a: &Alignment) -> BTreeSet<(usize, usize)> {
    a.links
        .iter()
        .flat_map(|l| {
            l.base
                .iter()
                .flat_map(|&b| l.head.iter().map(move |&h| (b, h)))
        })
        .collect()
}

/// Link F1 of an alignment against the truth, with the counts behind it.
struct Score {
    f1: f64,
    missed: usize,
    wrong: usize,
    pairs: usize,
}

fn score(base: &Draft, head: &Draft, truth: &[(Vec<String>, Vec<String>)], a: &Alignment) -> Score {
    let want = truth_pairs(base, head, truth);
    let got = predicted_pairs(a);
    let hit = want.intersection(&got).count() as f64;
    let precision = if got.is_empty() {
        1.0
    } else {
        hit / got.len() as f64
    };
    let recall = if want.is_empty() {
        1.0
    } else {
        hit / want.len() as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Score {
        f1,
        missed: want.difference(&got).count(),
        wrong: got.difference(&want).count(),
        pairs: want.len(),
    }
}

fn case(articles: usize, chapters: usize, seed: u64, rate: f64) -> f64 {
    let base = synth::corpus(articles, chapters, seed);
    let (head, truth) = synth::revise(&base, seed * 7 + 1, rate);
    let a = align(&base, &head);
    let s = score(&base, &head, &truth, &a);
    println!(
        "articles {articles:>5} seed {seed} rate {rate:.2}: F1 {:.4} ({} true pairs, {} missed, {} wrong)",
        s.f1, s.pairs, s.missed, s.wrong
    );
    s.f1
}

#[test]
fn f1_on_synthetic_revisions_is_at_least_099() {
    let mut worst = 1.0f64;
    for rate in [0.05, 0.15] {
        for seed in 1..=8 {
            worst = worst.min(case(300, 8, seed, rate));
        }
    }
    assert!(worst >= 0.99, "worst F1 {worst:.4}");
}

#[test]
fn f1_on_thousand_article_corpora_is_at_least_099() {
    let mut worst = 1.0f64;
    for (seed, rate) in [(21, 0.05), (22, 0.15), (23, 0.15)] {
        worst = worst.min(case(1000, 20, seed, rate));
    }
    assert!(worst >= 0.99, "worst F1 {worst:.4}");
}

#[test]
fn a_draft_against_itself_is_all_identical() {
    let d = synth::corpus(200, 6, 5);
    let a = align(&d, &d);
    let n = d.articles().count();
    assert_eq!(a.links.len(), n);
    for (i, l) in a.links.iter().enumerate() {
        assert_eq!((l.base.as_slice(), l.head.as_slice()), (&[i][..], &[i][..]));
        assert_eq!(l.method, Method::Identical);
    }
    assert!(a.removed.is_empty() && a.added.is_empty());
    assert_eq!(a.chapter_map, (0..6).map(Some).collect::<Vec<_>>());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn renumbering_the_head_changes_no_link(seed in 0u64..1000, salt in any::<u64>()) {
        let base = synth::corpus(60, 4, seed);
        let (head, _) = synth::revise(&base, seed + 1, 0.15);
        let before = align(&base, &head);
        let mut renumbered = head.clone();
        let mut rng = fastrand::Rng::with_seed(salt);
        let total = renumbered.article_count();
        let mut numbers: Vec<usize> = (0..total).collect();
        rng.shuffle(&mut numbers);
        let mut k = 0;
        for c in &mut renumbered.chapters {
            for a in &mut c.articles {
                a.number = format!("{}{}", numbers[k] * 3 + 100, ["", "bis", "a"][k % 3]);
                k += 1;
            }
        }
        prop_assert_eq!(align(&base, &renumbered), before);
    }

    #[test]
    fn any_corpus_aligns_with_itself(seed in 0u64..10_000, n in 1usize..80, chapters in 1usize..6) {
        let d = synth::corpus(n, chapters, seed);
        let a = align(&d, &d);
        prop_assert!(a.links.iter().enumerate().all(|(i, l)| l.base == [i] && l.head == [i] && l.method == Method::Identical));
    }
}

/// Prints how long aligning 10,000 articles takes (run with `--release -- --ignored
/// --nocapture`); the budget is checked by the benchmark, never by a test.
#[test]
#[ignore]
fn timing_10k() {
    let base = synth::corpus(10_000, 40, 99);
    let (head, truth) = synth::revise(&base, 100, 0.05);
    println!("{} + {} words", base.word_count(), head.word_count());
    for _ in 0..3 {
        let t = Instant::now();
        let a = align(&base, &head);
        let elapsed = t.elapsed();
        let s = score(&base, &head, &truth, &a);
        println!(
            "10,000 articles at 5 %: aligned in {:.1} ms, F1 {:.4}",
            elapsed.as_secs_f64() * 1e3,
            s.f1
        );
    }
}
