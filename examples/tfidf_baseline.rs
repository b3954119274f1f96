//! The baseline the alignment engine must beat: a plain TF-IDF cosine aligner with greedy
//! one-to-one matching, the textbook method. Not part of the binary; it exists so that
//! every corpus case is scored side by side with the engine (docs/alignment.md).
//!
//! `cargo run --release --example tfidf_baseline -- OLD NEW > links.json`
//!
//! Both documents are read by the same reader as `draftdiff diff`. Every article is a
//! bag of lower-cased words weighted tf × ln(N / df) over the articles of both sides;
//! all pairs are scored by cosine and taken best first, one-to-one, down to [`ACCEPT`].
//! What is left is added or removed. The output is the `changes` array of the diff JSON
//! (`base` and `head` numbers only), so `tests/corpus/score.py` reads it unchanged.

use std::collections::HashMap;
use std::path::Path;

/// The usual cut-off of a cosine aligner: below it, shared words are mostly boilerplate.
/// Fixed in advance, not tuned on the corpus.
const ACCEPT: f64 = 0.3;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Unit-length TF-IDF vectors of the texts.
fn vectors(texts: &[&str]) -> Vec<HashMap<String, f64>> {
    let bags: Vec<HashMap<String, f64>> = texts
        .iter()
        .map(|t| {
            let mut bag = HashMap::new();
            for w in words(t) {
                *bag.entry(w).or_insert(0.0) += 1.0;
            }
            bag
        })
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for bag in &bags {
        for w in bag.keys() {
            *df.entry(w.as_str()).or_insert(0.0) += 1.0;
        }
    }
    let n = bags.len() as f64;
    bags.iter()
        .map(|bag| {
            let mut v: HashMap<String, f64> = bag
                .iter()
                .map(|(w, tf)| (w.clone(), tf * (n / df[w.as_str()]).ln()))
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(w, x)| Some(x * large.get(w)?))
        .sum()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [old, new] = args.as_slice() else {
        return Err("usage: tfidf_baseline OLD NEW".into());
    };
    let base = draftdiff::load::load_path(Path::new(old))?;
    let head = draftdiff::load::load_path(Path::new(new))?;
    // Articles only: the preamble is not an article of the correlation tables.
    let b: Vec<&draftdiff::Article> = base.chapters.iter().flat_map(|c| &c.articles).collect();
    let h: Vec<&draftdiff::Article> = head.chapters.iter().flat_map(|c| &c.articles).collect();
    let texts: Vec<&str> = b.iter().chain(&h).map(|a| a.text.as_str()).collect();
    let v = vectors(&texts);
    let (vb, vh) = v.split_at(b.len());
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in vb.iter().enumerate() {
        for (j, y) in vh.iter().enumerate() {
            let s = cosine(x, y);
            if s >= ACCEPT {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let (mut used_b, mut used_h) = (vec![false; b.len()], vec![false; h.len()]);
    let mut changes = Vec::new();
    for (s, i, j) in pairs {
        if !used_b[i] && !used_h[j] {
            used_b[i] = true;
            used_h[j] = true;
            changes.push(serde_json::json!({
                "base": [b[i].number], "head": [h[j].number], "similarity": s,
            }));
        }
    }
    for (a, _) in b.iter().zip(&used_b).filter(|(_, used)| !**used) {
        changes.push(serde_json::json!({"base": [a.number], "head": []}));
    }
    for (a, _) in h.iter().zip(&used_h).filter(|(_, used)| !**used) {
        changes.push(serde_json::json!({"base": [], "head": [a.number]}));
    }
    let out = serde_json::json!({"schema": "tfidf-baseline", "changes": changes});
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
