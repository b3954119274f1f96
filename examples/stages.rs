//! In-process timings of the stages of `draftdiff diff BASE HEAD --format json`: the
//! minimum of N runs of each, which is steadier than a mean on a shared machine.
//!
//! ```text
//! cargo run --release --example stages -- BASE HEAD [RUNS] [DRAFTS_DIR]
//! ```
//!
//! BASE and HEAD are anything `diff` takes (version ids, draft directories, documents).
//! Stages: reading both versions, the fatal lints, the alignment alone, the word counts
//! of both, the whole comparison (alignment, counts, redline, classification) and the
//! JSON written to a sink.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use draftdiff::compare::{compare, Options};
use draftdiff::model::WordCounts;
use draftdiff::{align, validate, Catalog};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut min = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        min = min.min(t.elapsed());
    }
    min
}

fn main() -> draftdiff::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [base_name, head_name, ..] = args.as_slice() else {
        eprintln!("usage: stages BASE HEAD [RUNS] [DRAFTS_DIR]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
    let drafts = args.get(3).map(PathBuf::from);
    let catalog = Catalog::discover(drafts.as_deref())?;
    let read = || {
        rayon::join(
            || catalog.resolve(base_name).unwrap(),
            || catalog.resolve(head_name).unwrap(),
        )
    };
    let (base, head) = read();
    let load = best(runs, read);
    let lints = best(runs, || {
        (validate::fatal(&base).len(), validate::fatal(&head).len())
    });
    let alignment = best(runs, || align::align(&base, &head));
    let counts = best(runs, || (WordCounts::of(&base), WordCounts::of(&head)));
    let options = Options::default();
    let whole = best(runs, || compare(&base, &head, &options));
    let result = compare(&base, &head, &options);
    let json = best(runs, || {
        draftdiff::render::json::write_diff(&result, std::io::sink()).unwrap()
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{base_name} → {head_name}, minimum of {runs} runs:");
    println!("  read both        {:9.3} ms", ms(load));
    println!("  fatal lints      {:9.3} ms", ms(lints));
    println!("  align            {:9.3} ms", ms(alignment));
    println!("  word counts      {:9.3} ms", ms(counts));
    println!("  compare (whole)  {:9.3} ms", ms(whole));
    println!("  json             {:9.3} ms", ms(json));
    Ok(())
}
