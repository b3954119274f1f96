//! Generates a benchmark corpus: a synthetic draft of N articles and a revision of it
//! with a share of its articles reworded, moved, split, merged, added and removed, then
//! renumbered. Writes both as draft directories and as flat text files (for
//! `git diff --word-diff` on the same words).
//!
//! `cargo run --release --example gen_corpus -- OUT_DIR [ARTICLES] [RATE] [SEED]`

use std::path::PathBuf;

use draftdiff::model::Draft;
use draftdiff::synth;

/// The draft as one plain text: headings and article texts, as a person would paste it.
fn flatten(d: &Draft) -> String {
    let mut out = String::new();
    for c in &d.chapters {
        out.push_str(&format!("Chapter {} {}\n\n", c.number, c.title));
        for a in &c.articles {
            out.push_str(&format!("Article {} {}\n{}\n", a.number, a.title, a.text));
        }
    }
    out
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(args.first().map_or("target/corpus", String::as_str));
    let articles: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let rate: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0.05);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(7);
    let chapters = (articles / 50).max(1);
    let base = synth::corpus(articles, chapters, seed);
    let (head, truth) = synth::revise(&base, seed + 1, rate);
    std::fs::create_dir_all(&out)?;
    for (name, draft) in [("base", &base), ("head", &head)] {
        let dir = out.join(name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        draftdiff::load::write_dir(draft, &dir).map_err(std::io::Error::other)?;
        std::fs::write(out.join(format!("{name}.txt")), flatten(draft))?;
    }
    eprintln!(
        "{}: base {} articles / {} words, head {} articles / {} words, {} true links",
        out.display(),
        base.article_count(),
        base.word_count(),
        head.article_count(),
        head.word_count(),
        truth.len()
    );
    Ok(())
}
