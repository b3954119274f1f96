//! The whole engine (align → redline → classify) against known answers: the hand-written
//! MIMC 1.0 → 3.0 correspondence table, and synthetic revisions whose true
//! correspondence the generator records. On every case each redline must rebuild both
//! texts exactly.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::pairs;

use draftdiff::change::{side, Op};
use draftdiff::compare::{compare, join_texts, Options};
use draftdiff::load::Catalog;
use draftdiff::model::Draft;
use draftdiff::synth;
use draftdiff::{ChangeKind, Comparison};
use proptest::prelude::*;
use serde::Deserialize;

/// Every redline rebuilds its base text (equal + delete) and head text (equal + insert),
/// and every article of both drafts is reported exactly once.
fn assert_exact(base: &Draft, head: &Draft, cmp: &Comparison) {
    let text = |d: &Draft, ns: &[String]| {
        join_texts(
            ns.iter()
                .map(|n| d.find(n).expect("reported article").article.text.as_str()),
        )
    };
    let (mut seen_base, mut seen_head) = (Vec::new(), Vec::new());
    for c in &cmp.changes {
        let redline = c
            .redline
            .as_ref()
            .expect("redline requested for every change");
        assert_eq!(
            side(redline, Op::Delete),
            text(base, &c.base),
            "base of {:?}",
            c.base
        );
        assert_eq!(
            side(redline, Op::Insert),
            text(head, &c.head),
            "head of {:?}",
            c.head
        );
        seen_base.extend(c.base.iter().cloned());
        seen_head.extend(c.head.iter().cloned());
    }
    let all = |d: &Draft| -> Vec<String> {
        let mut v: Vec<String> = d.articles().map(|a| a.article.number.clone()).collect();
        v.sort();
        v
    };
    seen_base.sort();
    seen_head.sort();
    assert_eq!(seen_base, all(base), "each base article exactly once");
    assert_eq!(seen_head, all(head), "each head article exactly once");
}

fn everything() -> Options {
    Options {
        redline_unchanged: true,
    }
}

fn f1(truth: &BTreeSet<(String, String)>, found: &BTreeSet<(String, String)>) -> f64 {
    let hit = truth.intersection(found).count() as f64;
    if truth.is_empty() && found.is_empty() {
        return 1.0;
    }
    2.0 * hit / (truth.len() + found.len()) as f64
}

#[derive(Deserialize)]
struct Table {
    link: Vec<TrueLink>,
}

#[derive(Deserialize)]
struct TrueLink {
    base: Vec<String>,
    head: Vec<String>,
    kind: String,
}

#[test]
fn mimc_1_0_to_3_0_matches_the_hand_written_correspondence() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table: Table = toml::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/mimc-3.0-correspondence.toml")).unwrap(),
    )
    .unwrap();
    let catalog = Catalog::open(&root.join("drafts")).unwrap();
    let load = |id: &str| catalog.load(catalog.entry(id).unwrap()).unwrap();
    let (base, head) = (load("1.0"), load("3.0"));
    let cmp = compare(&base, &head, &everything());
    assert_exact(&base, &head, &cmp);

    let truth = pairs(table.link.iter().map(|l| (&l.base[..], &l.head[..])));
    let found = pairs(cmp.changes.iter().map(|c| (&c.base[..], &c.head[..])));
    let missed: Vec<_> = truth.difference(&found).collect();
    let wrong: Vec<_> = found.difference(&truth).collect();
    assert!(
        missed.is_empty() && wrong.is_empty(),
        "missed {missed:?}, wrong {wrong:?}"
    );

    let mut kinds_wrong = Vec::new();
    for l in &table.link {
        let change = cmp
            .changes
            .iter()
            .find(|c| c.base == l.base && c.head == l.head)
            .unwrap_or_else(|| panic!("no change {:?} → {:?}", l.base, l.head));
        if change.kind.as_str() != l.kind {
            kinds_wrong.push(format!(
                "{:?} → {:?}: {} not {}",
                l.base,
                l.head,
                change.kind.as_str(),
                l.kind
            ));
        }
    }
    assert!(kinds_wrong.is_empty(), "{kinds_wrong:#?}");
}

/// Generates a base of `n` articles and a revision of it at `rate`; returns the link F1.
fn synthetic(n: usize, chapters: usize, seed: u64, rate: f64) -> f64 {
    let base = synth::corpus(n, chapters, seed);
    let (head, truth) = synth::revise(&base, seed.wrapping_mul(31) + 3, rate);
    let cmp = compare(&base, &head, &everything());
    assert_exact(&base, &head, &cmp);
    let truth = pairs(truth.iter().map(|(b, h)| (&b[..], &h[..])));
    let found = pairs(cmp.changes.iter().map(|c| (&c.base[..], &c.head[..])));
    f1(&truth, &found)
}

#[test]
fn synthetic_revisions_align_with_f1_at_least_099_and_rebuild_exactly() {
    let mut worst = 1.0f64;
    for seed in 1..=6 {
        for rate in [0.05, 0.15, 0.3] {
            let score = synthetic(250, 8, seed, rate);
            eprintln!("seed {seed} rate {rate:.2}: link F1 {score:.4}");
            worst = worst.min(score);
        }
    }
    assert!(worst >= 0.99, "worst link F1 {worst:.4}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever the generator does, every redline is exact and every article is
    /// accounted for once.
    #[test]
    fn every_generated_revision_rebuilds_both_texts(
        seed in any::<u64>(), n in 1usize..60, chapters in 1usize..5, rate in 0.0f64..0.3,
    ) {
        let base = synth::corpus(n, chapters, seed);
        let (head, _) = synth::revise(&base, seed ^ 0xabcd, rate);
        assert_exact(&base, &head, &compare(&base, &head, &everything()));
    }

    /// A draft compared with itself: nothing but `unchanged`, with severity `none`.
    #[test]
    fn a_draft_against_itself_is_all_unchanged(seed in any::<u64>(), n in 1usize..80, chapters in 1usize..6) {
        let d = synth::corpus(n, chapters, seed);
        let cmp = compare(&d, &d, &everything());
        assert_exact(&d, &d, &cmp);
        prop_assert_eq!(cmp.changes.len(), d.articles().count());
        prop_assert!(cmp.changes.iter().all(|c| c.kind == ChangeKind::Unchanged));
        prop_assert_eq!(cmp.summary.changed(), 0);
    }
}
