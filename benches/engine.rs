//! Engine benchmarks (divan): the whole comparison and its stages on generated corpora,
//! and the MIMC 1.0 → 3.0 comparison. Run with `cargo bench --bench engine` (a few
//! minutes on two cores). Whole-process timings against `git diff --word-diff` are in
//! `scripts/bench-vs-git.sh`; the figures are in `docs/performance.md`.

use std::path::Path;

use divan::Bencher;
use draftdiff::compare::{compare, Options};
use draftdiff::model::{Draft, WordCounts};
use draftdiff::{align, load, redline, synth};

fn main() {
    divan::main();
}

fn pair(articles: usize) -> (Draft, Draft) {
    let base = synth::corpus(articles, (articles / 50).max(1), 7);
    let (head, _) = synth::revise(&base, 8, 0.05);
    (base, head)
}

#[divan::bench(args = [5_000, 10_000, 20_000], sample_count = 5)]
fn compare_corpus(bencher: Bencher, articles: usize) {
    let (base, head) = pair(articles);
    bencher.bench_local(|| compare(&base, &head, &Options::default()));
}

#[divan::bench(args = [5_000, 10_000, 20_000], sample_count = 5)]
fn align_corpus(bencher: Bencher, articles: usize) {
    let (base, head) = pair(articles);
    bencher.bench_local(|| align::align(&base, &head));
}

/// Reading a draft directory of TOML chapter files from disk.
#[divan::bench(args = [10_000], sample_count = 5)]
fn load_corpus(bencher: Bencher, articles: usize) {
    let (base, _) = pair(articles);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("base");
    load::write_dir(&base, &path).unwrap();
    bencher.bench_local(|| load::load_dir(&path).unwrap());
}

#[divan::bench(args = [10_000], sample_count = 5)]
fn word_counts(bencher: Bencher, articles: usize) {
    let (base, _) = pair(articles);
    bencher.bench_local(|| WordCounts::of(&base));
}

#[divan::bench(sample_count = 50)]
fn load_and_compare_mimc_1_0_to_3_0(bencher: Bencher) {
    let drafts = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts");
    bencher.bench_local(|| {
        let base = load::load_dir(&drafts.join("mimc-1.0")).unwrap();
        let head = load::load_dir(&drafts.join("mimc-3.0")).unwrap();
        compare(&base, &head, &Options::default())
    });
}

#[divan::bench(sample_count = 100)]
fn redline_one_article(bencher: Bencher) {
    let (base, head) = pair(200);
    let a = &base.chapters[0].articles[0].text;
    let b = &head.chapters[0].articles[0].text;
    bencher.bench_local(|| redline::redline(a, b));
}
