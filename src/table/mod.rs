//! The correlation table of two versions, as every recast publishes one: `Article 3(1) |
//! Article 3(1)`, `Article 4(1) to (5) | Article 20(1) to (5)`, `— | Article 5`,
//! `Article 12 | —`.
//!
//! Built on a [`Comparison`]: its links say which articles became which; here every
//! linked pair is cut into paragraphs and the paragraphs put in correspondence
//! (`paragraphs`). Rows are then written at article level where an article maps whole
//! and at paragraph level where its paragraphs went to different places, consecutive
//! rows folded into ranges (`fold`); `--paragraphs` keeps one row per paragraph.
//! [`published`] reads a table someone published and [`check`] compares it with ours.
//! The rules are in `docs/table.md`.

pub mod check;
pub mod command;
mod fold;
pub mod hints;
pub mod labels;
pub(crate) mod paragraphs;
pub mod published;
pub mod score;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::align::index::{tokens, Rarity, Weights};
use crate::change::{ChangeKind, Comparison};
use crate::model::{same_number, Draft};
use paragraphs::{ParaPair, Paragraph};

/// A correlation table, as `table --format json` writes it (`docs/json.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Always `draftdiff/table/1`.
    pub schema: &'static str,
    /// The old side.
    pub base: Version,
    /// The new side.
    pub head: Version,
    /// One row per paragraph (`--paragraphs`) rather than folded rows.
    pub paragraphs: bool,
    /// The rows of the table, each an old cell and a new cell.
    pub rows: Vec<Row>,
}

/// One side of the table: the version and the keyword its articles are headed with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// The version's id.
    pub id: String,
    /// The word its article headings use (`Article`, `§`, `Artículo`).
    pub keyword: String,
}

/// One row: what of the old text continues where in the new one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// `None`: the new side has no predecessor (`— | Article 5`).
    pub old: Option<Cell>,
    /// `None`: the old side has no successor (`Article 12 | —`).
    pub new: Option<Cell>,
    /// What the row says: kept, moved, added or removed.
    pub kind: RowKind,
    /// The kind of the article change the row belongs to, as `diff` reports it.
    pub change: ChangeKind,
    /// How far to trust the pairing of the two articles (the diff's link confidence);
    /// absent when one side is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Weighted word similarity of the two sides' texts; absent when one side is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

/// One cell: an article, or some of its paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The article's number as written in the document.
    pub article: String,
    /// Paragraph ids: the document's marker (`2`, `2a`, `b`) or `¶3` for an unmarked
    /// third paragraph. Empty: the whole article.
    pub paragraphs: Vec<String>,
    /// The cell as published tables write it: `Article 4(1) to (5)`.
    pub label: String,
}

/// What a row says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// Same article number and same paragraphs on both sides.
    Kept,
    /// The text continues under another number or in other paragraphs.
    Moved,
    /// New text without a predecessor.
    Added,
    /// Old text without a successor.
    Removed,
}

impl RowKind {
    /// The kind as the JSON writes it (`kept`).
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Kept => "kept",
            RowKind::Moved => "moved",
            RowKind::Added => "added",
            RowKind::Removed => "removed",
        }
    }
}

/// One article of either side, cut into paragraphs.
pub(crate) struct Art {
    pub(crate) number: String,
    pub(crate) paras: Vec<Paragraph>,
    pub(crate) text: String,
}

/// A link of the comparison, by positions in [`Correspondence`]'s lists.
pub(crate) struct LinkInfo {
    pub(crate) base: Vec<usize>,
    pub(crate) head: Vec<usize>,
    pub(crate) confidence: Option<f64>,
    pub(crate) kind: ChangeKind,
}

/// Everything the rows are made from: the articles of both sides (preambles left out),
/// the links, and the paragraph pairs inside each link.
pub struct Correspondence {
    pub(crate) base: Vec<Art>,
    pub(crate) head: Vec<Art>,
    pub(crate) links: Vec<LinkInfo>,
    pub(crate) pairs: Vec<ParaPair>,
    pub(crate) weights: Weights,
    pub(crate) base_id: String,
    pub(crate) head_id: String,
    pub(crate) base_keyword: String,
    pub(crate) head_keyword: String,
}

impl Correspondence {
    /// Cuts the articles of `base` and `head` and matches the paragraphs of every link of
    /// `cmp` (the comparison of the two).
    pub fn build(base: &Draft, head: &Draft, cmp: &Comparison) -> Correspondence {
        let mut rarity = Rarity::default();
        let mut buf = Vec::new();
        let bodies = |d: &Draft| -> Vec<(String, String)> {
            d.chapters
                .iter()
                .flat_map(|c| &c.articles)
                .map(|a| (a.number.clone(), a.text.clone()))
                .collect()
        };
        let (b_arts, h_arts) = (bodies(base), bodies(head));
        for (_, text) in b_arts.iter().chain(&h_arts) {
            rarity.count(&tokens(text, &mut buf));
        }
        let weights = rarity.weights();
        let mut cut = |arts: Vec<(String, String)>| -> Vec<Art> {
            arts.into_iter()
                .map(|(number, text)| Art {
                    paras: paragraphs::cut(&text, &weights, &mut buf),
                    number,
                    text,
                })
                .collect()
        };
        let (b, h) = (cut(b_arts), cut(h_arts));
        let index = |arts: &[Art]| -> FxHashMap<String, usize> {
            arts.iter()
                .enumerate()
                .map(|(i, a)| (crate::model::number_key(&a.number), i))
                .collect()
        };
        let (bi, hi) = (index(&b), index(&h));
        let find = |map: &FxHashMap<String, usize>, arts: &[Art], n: &str| {
            map.get(&crate::model::number_key(n))
                .copied()
                .filter(|&i| same_number(&arts[i].number, n))
        };
        let mut links = Vec::new();
        let mut pairs = Vec::new();
        for c in &cmp.changes {
            let bs: Vec<usize> = c.base.iter().filter_map(|n| find(&bi, &b, n)).collect();
            let hs: Vec<usize> = c.head.iter().filter_map(|n| find(&hi, &h, n)).collect();
            if bs.is_empty() || hs.is_empty() {
                continue;
            }
            let rb: Vec<(usize, &[Paragraph])> =
                bs.iter().map(|&i| (i, b[i].paras.as_slice())).collect();
            let rh: Vec<(usize, &[Paragraph])> =
                hs.iter().map(|&i| (i, h[i].paras.as_slice())).collect();
            pairs.extend(paragraphs::correspond(&rb, &rh));
            links.push(LinkInfo {
                base: bs,
                head: hs,
                confidence: c.confidence,
                kind: c.kind,
            });
        }
        Correspondence {
            base: b,
            head: h,
            links,
            pairs,
            weights,
            base_id: base.meta.id.clone(),
            head_id: head.meta.id.clone(),
            base_keyword: labels::keyword(base),
            head_keyword: labels::keyword(head),
        }
    }

    /// The table: folded rows, or one row per paragraph.
    pub fn table(&self, per_paragraph: bool) -> Table {
        Table {
            schema: crate::change::schema::TABLE,
            base: Version {
                id: self.base_id.clone(),
                keyword: self.base_keyword.clone(),
            },
            head: Version {
                id: self.head_id.clone(),
                keyword: self.head_keyword.clone(),
            },
            paragraphs: per_paragraph,
            rows: fold::rows(self, per_paragraph),
        }
    }

    /// The position of base article `number`.
    pub(crate) fn base_index(&self, number: &str) -> Option<usize> {
        self.base
            .iter()
            .position(|a| same_number(&a.number, number))
    }

    /// The position of head article `number`.
    pub(crate) fn head_index(&self, number: &str) -> Option<usize> {
        self.head
            .iter()
            .position(|a| same_number(&a.number, number))
    }

    /// The link holding base article `b`.
    pub(crate) fn link_of_base(&self, b: usize) -> Option<&LinkInfo> {
        self.links.iter().find(|l| l.base.contains(&b))
    }

    /// The link holding head article `h`.
    pub(crate) fn link_of_head(&self, h: usize) -> Option<&LinkInfo> {
        self.links.iter().find(|l| l.head.contains(&h))
    }

    /// Weighted Dice of two texts, and the share of the smaller inside the larger.
    pub(crate) fn similarity(&self, a: &str, b: &str) -> (f64, f64) {
        let mut buf = Vec::new();
        let x = crate::align::index::Features::new(&tokens(a, &mut buf), &self.weights);
        let y = crate::align::index::Features::new(&tokens(b, &mut buf), &self.weights);
        let shared = x.shared(&y);
        let smaller = x.total.min(y.total);
        let held = if smaller > 0.0 { shared / smaller } else { 0.0 };
        (crate::align::index::dice(shared, x.total, y.total), held)
    }

    /// The text of some paragraphs of an article (all of it when `ids` is empty); ids the
    /// article does not have are skipped.
    pub(crate) fn text_of(&self, art: &Art, ids: &[String]) -> String {
        if ids.is_empty() {
            return art.text.clone();
        }
        art.paras
            .iter()
            .filter(|p| ids.contains(&p.id))
            .map(|p| &art.text[p.range.clone()])
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The table of two drafts from their comparison.
pub fn table(base: &Draft, head: &Draft, cmp: &Comparison, per_paragraph: bool) -> Table {
    Correspondence::build(base, head, cmp).table(per_paragraph)
}

#[cfg(test)]
mod tests;
