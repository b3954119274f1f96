//! A synthetic revision of a draft, with the true correspondence of its articles.
//!
//! Each base article meets at most one structural fate, each with probability `rate`:
//! removed, split in two (text divided at a paragraph or sentence), or merged with the
//! next article of its chapter; and, each with probability `rate / 2`, the two fates of
//! real recasts: rewritten heavily in place (more than half its words replaced, so it is
//! under 40 % similar and only its place ties it to its successor), or its paragraphs
//! distributed over two to four new articles that each gain a new paragraph of their
//! own; otherwise it survives whole. A new article follows each
//! base article with probability `rate`. Surviving whole articles are then reworded
//! (10–40 % of their words replaced, deleted or inserted) with probability `rate` and
//! moved to another chapter with probability `rate`; any article may get editorial edits
//! (punctuation, letter case) with probability `rate`. Half the time a new chapter is
//! inserted and the chapters renumbered; finally every article is renumbered 1…n in
//! order and cross-references follow their articles, so numbers carry no information.

use rustc_hash::FxHashMap;

use super::{article, capitalise, paragraphs, render, vocab, Writer};
use crate::model::{Chapter, Draft, Origin};

/// The true correspondence: for each group, base article numbers → head article numbers
/// (one side empty for a removal or an addition).
pub type Truth = Vec<(Vec<String>, Vec<String>)>;

/// One head article in the making, with the base articles it comes from.
struct Item {
    origin: Vec<String>,
    title: String,
    section: Option<String>,
    text: String,
    /// A 1:1 descendant, which may also be reworded or moved.
    whole: bool,
}

impl Item {
    fn new_article(w: &mut Writer) -> Item {
        Item {
            origin: Vec::new(),
            title: w.title(),
            section: None,
            text: w.article_text(None),
            whole: false,
        }
    }
}

/// Revises `base`: returns the head draft and, for every article of both drafts, the
/// base numbers → head numbers it belongs to (`[]` on one side for removed or added).
/// `rate` is the chance of each kind of change per article (clamped to 0.0–0.3).
pub fn revise(base: &Draft, seed: u64, rate: f64) -> (Draft, Truth) {
    let mut w = Writer::new(seed ^ 0x5eed_0fd1_ff00);
    let rate = rate.clamp(0.0, 0.3);
    let mut removed: Vec<String> = Vec::new();
    let mut chapters: Vec<(Chapter, Vec<Item>)> = Vec::with_capacity(base.chapters.len());
    for ch in &base.chapters {
        w.new_topic();
        let arts = &ch.articles;
        let mut items = Vec::with_capacity(arts.len() + 4);
        let mut k = 0;
        while k < arts.len() {
            let a = &arts[k];
            let r = w.rng().f64();
            let item = |text: String, title: String, whole: bool| Item {
                origin: vec![a.number.clone()],
                title,
                section: a.section.clone(),
                text,
                whole,
            };
            if r < rate {
                removed.push(a.number.clone());
            } else if let Some((first, second)) = (r < 2.0 * rate)
                .then(|| split_text(&a.text, w.rng()))
                .flatten()
            {
                items.push(item(first, a.title.clone(), false));
                let title = w.title();
                items.push(item(second, title, false));
            } else if (3.0 * rate..3.5 * rate).contains(&r) {
                let share = 0.55 + 0.15 * w.rng().f64();
                items.push(item(reword(&a.text, share, &mut w), a.title.clone(), false));
            } else if let Some(parts) = (3.5 * rate..4.0 * rate)
                .contains(&r)
                .then(|| redistribute(&a.text, &mut w))
                .flatten()
            {
                for (n, text) in parts.into_iter().enumerate() {
                    let title = if n == 0 { a.title.clone() } else { w.title() };
                    items.push(item(text, title, false));
                }
            } else if (2.0 * rate..3.0 * rate).contains(&r) && k + 1 < arts.len() {
                let next = &arts[k + 1];
                let mut paras = paragraphs(&a.text);
                paras.extend(paragraphs(&next.text));
                let mut merged = item(render(&paras), a.title.clone(), false);
                merged.origin.push(next.number.clone());
                items.push(merged);
                k += 1;
            } else {
                items.push(item(a.text.clone(), a.title.clone(), true));
            }
            k += 1;
            if w.rng().f64() < rate {
                items.push(Item::new_article(&mut w));
            }
        }
        let head = Chapter {
            articles: Vec::new(),
            origin: Origin::default(),
            ..ch.clone()
        };
        chapters.push((head, items));
    }

    for (_, items) in &mut chapters {
        for item in items.iter_mut() {
            if item.whole && w.rng().f64() < rate {
                let share = 0.1 + 0.3 * w.rng().f64();
                item.text = reword(&item.text, share, &mut w);
            }
            if w.rng().f64() < rate {
                item.text = editorial(&item.text, w.rng());
            }
        }
    }
    move_articles(&mut chapters, rate, &mut w);
    if !chapters.is_empty() && w.rng().bool() {
        let at = w.rng().usize(..=chapters.len());
        let items: Vec<Item> = (0..w.rng().usize(1..=3))
            .map(|_| Item::new_article(&mut w))
            .collect();
        let chapter = Chapter {
            number: String::new(),
            title: w.title(),
            articles: Vec::new(),
            origin: Origin::default(),
        };
        chapters.insert(at, (chapter, items));
        for (i, (c, _)) in chapters.iter_mut().enumerate() {
            c.number = crate::roman::to_roman(i as u32 + 1);
        }
    }
    finish(base, seed, rate, chapters, removed, &mut w)
}

/// Moves whole articles, each with probability `rate`, to a random place in another
/// chapter.
fn move_articles(chapters: &mut [(Chapter, Vec<Item>)], rate: f64, w: &mut Writer) {
    if chapters.len() < 2 {
        return;
    }
    let mut moving: Vec<(usize, Item)> = Vec::new();
    for (c, (_, items)) in chapters.iter_mut().enumerate() {
        let mut keep = Vec::with_capacity(items.len());
        for item in items.drain(..) {
            if item.whole && w.rng().f64() < rate {
                moving.push((c, item));
            } else {
                keep.push(item);
            }
        }
        *items = keep;
    }
    for (from, item) in moving {
        let mut to = w.rng().usize(..chapters.len() - 1);
        if to >= from {
            to += 1;
        }
        let items = &mut chapters[to].1;
        let at = w.rng().usize(..=items.len());
        items.insert(at, item);
    }
}

/// Renumbers, updates cross-references, and builds the head draft and the truth.
fn finish(
    base: &Draft,
    seed: u64,
    rate: f64,
    chapters: Vec<(Chapter, Vec<Item>)>,
    removed: Vec<String>,
    w: &mut Writer,
) -> (Draft, Truth) {
    let mut renumber: FxHashMap<String, String> = FxHashMap::default();
    let mut next = 0;
    for (_, items) in &chapters {
        for item in items {
            next += 1;
            for o in &item.origin {
                renumber
                    .entry(o.clone())
                    .or_insert_with(|| next.to_string());
            }
        }
    }
    let mut truth: Truth = Vec::new();
    let mut group: FxHashMap<Vec<String>, usize> = FxHashMap::default();
    if base.preamble.is_some() {
        truth.push((vec!["Preamble".into()], vec!["Preamble".into()]));
    }
    let mut number = 0;
    let mut out = Vec::with_capacity(chapters.len());
    for (mut chapter, items) in chapters {
        for item in items {
            number += 1;
            let n = number.to_string();
            if item.origin.is_empty() {
                truth.push((Vec::new(), vec![n.clone()]));
            } else if let Some(&g) = group.get(&item.origin) {
                truth[g].1.push(n.clone());
            } else {
                group.insert(item.origin.clone(), truth.len());
                truth.push((item.origin.clone(), vec![n.clone()]));
            }
            let mut a = article(n, item.title, cite_new_numbers(&item.text, &renumber));
            a.section = item.section;
            chapter.articles.push(a);
        }
        out.push(chapter);
    }
    truth.extend(removed.into_iter().map(|r| (vec![r], Vec::new())));
    let preamble = base.preamble.clone().map(|mut p| {
        if w.rng().f64() < rate {
            p.text = editorial(&p.text, w.rng());
        }
        p
    });
    let mut meta = base.meta.clone();
    meta.id = format!("{}-r{seed}", base.meta.id);
    meta.title = format!("{} (revision {seed})", base.meta.title);
    meta.parent = Some(base.meta.id.clone());
    let head = Draft {
        meta,
        preamble,
        chapters: out,
        provisions: Vec::new(),
        annotations: Vec::new(),
        source: format!("<synthetic revision {seed} of {}>", base.meta.id),
    };
    (head, truth)
}

/// Replaces cited article numbers by their new numbers (citations of removed articles
/// keep the old number, as a careless drafter would leave them).
fn cite_new_numbers(text: &str, renumber: &FxHashMap<String, String>) -> String {
    let mut out = text.to_owned();
    for r in crate::citations::references(text).into_iter().rev() {
        if let Some(new) = renumber.get(&r.number) {
            out.replace_range(r.range, new);
        }
    }
    out
}

/// Divides a text in two at a paragraph, else at a sentence end in its middle, else in
/// the middle of a sentence. Texts under 16 words are not split.
fn split_text(text: &str, rng: &mut fastrand::Rng) -> Option<(String, String)> {
    let paras = paragraphs(text);
    if paras.len() >= 2 {
        let cut = rng.usize(1..paras.len());
        return Some((render(&paras[..cut]), render(&paras[cut..])));
    }
    let words = paras.into_iter().next()?;
    if words.len() < 16 {
        return None;
    }
    let (lo, hi) = (words.len() * 3 / 10, words.len() * 7 / 10);
    let ends: Vec<usize> = (lo..hi).filter(|&i| words[i].ends_with('.')).collect();
    let (mut first, mut second) = match ends.is_empty() {
        false => {
            let at = ends[rng.usize(..ends.len())] + 1;
            (words[..at].to_vec(), words[at..].to_vec())
        }
        true => {
            let at = rng.usize(lo..hi);
            (words[..at].to_vec(), words[at..].to_vec())
        }
    };
    if let Some(last) = first.last_mut().filter(|l| !l.ends_with('.')) {
        last.push('.');
    }
    if let Some(head) = second.first_mut() {
        *head = capitalise(head);
    }
    Some((first.join(" "), second.join(" ")))
}

/// Deals the paragraphs of a text with at least two of them over two to four new
/// texts, in order, each with a new paragraph added after its share: one article's
/// paragraphs distributed over several, with new text around them.
fn redistribute(text: &str, w: &mut Writer) -> Option<Vec<String>> {
    let paras = paragraphs(text);
    if paras.len() < 2 {
        return None;
    }
    let parts = w.rng().usize(2..=paras.len().min(4));
    let mut cuts: Vec<usize> = (1..paras.len()).collect();
    w.rng().shuffle(&mut cuts);
    cuts.truncate(parts - 1);
    cuts.sort_unstable();
    let mut out = Vec::with_capacity(parts);
    let mut from = 0;
    for to in cuts.into_iter().chain([paras.len()]) {
        let mut share = paras[from..to].to_vec();
        let words = w.rng().usize(15..=40);
        share.push(w.paragraph(words, vocab::OPENINGS));
        out.push(render(&share));
        from = to;
    }
    Some(out)
}

/// Replaces, deletes or inserts about `share` of the words.
fn reword(text: &str, share: f64, w: &mut Writer) -> String {
    let paras: Vec<Vec<String>> = paragraphs(text)
        .into_iter()
        .map(|para| {
            let mut out = Vec::with_capacity(para.len() + 8);
            for word in para {
                if w.rng().f64() >= share {
                    out.push(word);
                    continue;
                }
                match w.rng().usize(..3) {
                    0 => out.push(w.word().to_owned()),
                    1 => {}
                    _ => {
                        out.push(word);
                        out.push(w.word().to_owned());
                    }
                }
            }
            if out.is_empty() {
                out.push(w.word().to_owned());
            }
            out
        })
        .collect();
    render(&paras)
}

/// One to three edits of punctuation or letter case.
fn editorial(text: &str, rng: &mut fastrand::Rng) -> String {
    let mut paras = paragraphs(text);
    if paras.is_empty() {
        return text.to_owned();
    }
    for _ in 0..rng.usize(1..=3) {
        let p = rng.usize(..paras.len());
        let para = &mut paras[p];
        let i = rng.usize(..para.len());
        let word = &mut para[i];
        match rng.usize(..3) {
            0 => *word = toggle_case(word),
            1 if word.ends_with(',') => {
                word.pop();
                word.push(';');
            }
            _ if word.ends_with(|c: char| c.is_ascii_punctuation()) => {
                word.pop();
            }
            _ => word.push(','),
        }
    }
    render(&paras)
}

fn toggle_case(word: &str) -> String {
    match word.chars().next() {
        Some(c) if c.is_uppercase() => c.to_lowercase().chain(word.chars().skip(1)).collect(),
        _ => capitalise(word),
    }
}

#[cfg(test)]
mod tests {
    use super::super::corpus;
    use super::*;

    #[test]
    fn truth_covers_every_article_once() {
        let base = corpus(200, 8, 3);
        let (head, truth) = revise(&base, 9, 0.15);
        let mut b: Vec<&str> = truth
            .iter()
            .flat_map(|t| t.0.iter().map(String::as_str))
            .collect();
        let mut h: Vec<&str> = truth
            .iter()
            .flat_map(|t| t.1.iter().map(String::as_str))
            .collect();
        b.sort_unstable();
        h.sort_unstable();
        let mut want_b: Vec<&str> = base.articles().map(|a| a.article.number.as_str()).collect();
        let mut want_h: Vec<&str> = head.articles().map(|a| a.article.number.as_str()).collect();
        want_b.sort_unstable();
        want_h.sort_unstable();
        assert_eq!(b, want_b);
        assert_eq!(h, want_h);
        // Every kind of change happened.
        assert!(
            truth.iter().any(|t| t.0.len() == 1 && t.1.len() == 2),
            "a split"
        );
        assert!(
            truth.iter().any(|t| t.0.len() == 2 && t.1.len() == 1),
            "a merge"
        );
        assert!(truth.iter().any(|t| t.0.is_empty()), "an addition");
        assert!(truth.iter().any(|t| t.1.is_empty()), "a removal");
    }

    #[test]
    fn redistribution_keeps_every_paragraph_in_order_and_adds_text() {
        let mut w = Writer::new(4);
        let text = "1. Alpha beta gamma.\n2. Delta epsilon zeta.\n3. Eta theta iota.";
        let parts = redistribute(text, &mut w).unwrap();
        assert!((2..=3).contains(&parts.len()));
        let kept: Vec<Vec<String>> = parts
            .iter()
            .flat_map(|p| {
                let mut ps = paragraphs(p);
                ps.pop();
                ps
            })
            .collect();
        assert_eq!(kept, paragraphs(text));
        assert!(redistribute("One paragraph only.", &mut w).is_none());
    }

    #[test]
    fn head_is_renumbered_in_order() {
        let base = corpus(50, 4, 1);
        let (head, _) = revise(&base, 2, 0.1);
        let numbers: Vec<String> = head
            .articles()
            .skip(1)
            .map(|a| a.article.number.clone())
            .collect();
        let expected: Vec<String> = (1..=numbers.len()).map(|n| n.to_string()).collect();
        assert_eq!(numbers, expected);
        assert_eq!(head.meta.parent.as_deref(), Some("synth-1"));
    }

    #[test]
    fn split_text_divides_without_losing_words() {
        let mut rng = fastrand::Rng::with_seed(1);
        let text = "1. States Parties shall act now.\n2. Everyone has rights here.";
        let (a, b) = split_text(text, &mut rng).unwrap();
        assert_eq!(
            (a.as_str(), b.as_str()),
            ("States Parties shall act now.", "Everyone has rights here.")
        );
        let long = "word ".repeat(30);
        let (a, b) = split_text(&long, &mut rng).unwrap();
        assert_eq!(
            a.split_whitespace().count() + b.split_whitespace().count(),
            30
        );
        assert!(split_text("too short to split.", &mut rng).is_none());
    }

    #[test]
    fn cross_references_follow_renumbering() {
        let map: FxHashMap<String, String> =
            [("7".to_owned(), "9".to_owned())].into_iter().collect();
        assert_eq!(
            cite_new_numbers("see article 7 and article 8.", &map),
            "see article 9 and article 8."
        );
    }

    #[test]
    fn editorial_edits_change_only_punctuation_or_case() {
        let mut rng = fastrand::Rng::with_seed(5);
        let text = "States Parties shall act, now.";
        for _ in 0..20 {
            let edited = editorial(text, &mut rng);
            let letters = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            };
            assert_eq!(letters(&edited), letters(text));
        }
    }
}
