//! How well a table of draftdiff's reproduces a published one: precision, recall and F1
//! over links, at paragraph level and at article level (`docs/table.md`, and
//! `examples/table_score.rs`, which prints the figures for the corpus).
//!
//! - **Paragraph level**: the published rows where both sides name paragraphs (`Article
//!   8(1) | Article 7(1)`), each side expanded (`(1) to (3)` is three paragraphs, `(2)(a)
//!   and (b)` two) and paired element by element when both sides name as many, else
//!   every old with every new. A published paragraph is matched to the deepest marker
//!   of its chain that the article's own cut has (`55(1)(a)` is `(a)` in an article cut
//!   at its points). Against them, draftdiff's one-row-per-paragraph table, less the
//!   rows that touch none of the paragraphs the published rows name.
//! - **Article level**: every row as links between its articles, `X | —` dropped when X
//!   has a counterpart elsewhere (likewise `— | Y`), as `tests/corpus/truth.tsv` was
//!   made from the published tables.

use rustc_hash::FxHashSet;

use super::published::{Ref, Row as PublishedRow, Side};
use super::{Correspondence, Table};
use crate::model::number_key;

/// Precision, recall and F1 of predicted links against true ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Links in the truth.
    pub truth: usize,
    /// Links predicted.
    pub predicted: usize,
    /// Links predicted that are in the truth.
    pub right: usize,
}

impl Figures {
    fn of<T: std::hash::Hash + Eq>(truth: &FxHashSet<T>, predicted: &FxHashSet<T>) -> Figures {
        Figures {
            truth: truth.len(),
            predicted: predicted.len(),
            right: truth.intersection(predicted).count(),
        }
    }

    /// Share of the predicted links that are right (1.0 when none is predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }

    /// Share of the true links that are predicted (1.0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.truth)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// An article and a paragraph id, keyed loosely.
pub type Unit = (String, String);

/// Paragraph-level figures of `per_paragraph` (a `--paragraphs` table) against the
/// published rows.
pub fn paragraphs(rows: &[PublishedRow], c: &Correspondence, per_paragraph: &Table) -> Figures {
    let (truth, predicted) = paragraph_links(rows, c, per_paragraph);
    Figures::of(&truth, &predicted)
}

/// A paragraph link: (article, paragraph id) on each side.
pub(crate) type ParagraphLink = (Unit, Unit);

/// The true and the predicted paragraph links that [`paragraphs`] compares.
pub fn paragraph_links(
    rows: &[PublishedRow],
    c: &Correspondence,
    per_paragraph: &Table,
) -> (FxHashSet<ParagraphLink>, FxHashSet<ParagraphLink>) {
    let mut truth: FxHashSet<(Unit, Unit)> = FxHashSet::default();
    for row in rows {
        let (Side::Refs(olds), Side::Refs(news)) = (&row.old, &row.new) else {
            continue;
        };
        let named = |refs: &[Ref]| refs.iter().all(|r| !r.paragraphs.is_empty());
        if !named(olds) || !named(news) {
            continue;
        }
        let units = |refs: &[Ref], base: bool| -> Vec<Unit> {
            refs.iter()
                .flat_map(|r| {
                    r.paragraphs.iter().map(move |chain| {
                        (number_key(&r.article), resolve(c, &r.article, chain, base))
                    })
                })
                .collect()
        };
        let (o, n) = (units(olds, true), units(news, false));
        if o.len() == n.len() {
            truth.extend(o.into_iter().zip(n));
        } else {
            for a in &o {
                truth.extend(n.iter().map(|b| (a.clone(), b.clone())));
            }
        }
    }
    let olds: FxHashSet<&Unit> = truth.iter().map(|(o, _)| o).collect();
    let news: FxHashSet<&Unit> = truth.iter().map(|(_, n)| n).collect();
    let predicted: FxHashSet<(Unit, Unit)> = per_paragraph
        .rows
        .iter()
        .filter_map(|r| {
            let unit = |cell: &super::Cell| {
                (
                    number_key(&cell.article),
                    cell.paragraphs.first().cloned().unwrap_or_default(),
                )
            };
            Some((unit(r.old.as_ref()?), unit(r.new.as_ref()?)))
        })
        .filter(|(o, n)| olds.contains(o) || news.contains(n))
        .collect();
    (truth, predicted)
}

/// The paragraph id of the article that a published chain names: its deepest marker
/// that the article's cut has; else the paragraph holding a line that opens with its
/// deepest marker (a point `(a)` inside paragraph 1); else the only paragraph of an
/// article that has one; else the chain's first marker (which then matches nothing).
fn resolve(c: &Correspondence, article: &str, chain: &[String], base: bool) -> String {
    let found = if base {
        c.base_index(article).map(|i| &c.base[i])
    } else {
        c.head_index(article).map(|i| &c.head[i])
    };
    let Some(art) = found else {
        return chain.first().cloned().unwrap_or_default();
    };
    if let Some(m) = chain
        .iter()
        .rev()
        .find(|m| art.paras.iter().any(|p| &p.id == *m))
    {
        return m.clone();
    }
    for m in chain.iter().rev() {
        let holder = art.paras.iter().find(|p| {
            art.text[p.range.clone()]
                .lines()
                .any(|l| super::paragraphs::marker(l).as_deref() == Some(m.as_str()))
        });
        if let Some(p) = holder {
            return p.id.clone();
        }
    }
    match art.paras.as_slice() {
        [only] => only.id.clone(),
        _ => chain.first().cloned().unwrap_or_default(),
    }
}

/// Article links of a list of (old articles, new articles) rows, `—` as `-`, with the
/// rows without a counterpart dropped where the article has one elsewhere.
pub(crate) fn article_links(rows: &[(Vec<String>, Vec<String>)]) -> FxHashSet<(String, String)> {
    let mut links: FxHashSet<(String, String)> = FxHashSet::default();
    for (olds, news) in rows {
        let olds: Vec<String> = olds.iter().map(|a| number_key(a)).collect();
        let news: Vec<String> = news.iter().map(|a| number_key(a)).collect();
        match (olds.is_empty(), news.is_empty()) {
            // `Articles 24 to 27 | Articles 24 to 27`: one to one, in order.
            (false, false) if olds.len() == news.len() && olds.len() > 1 => {
                links.extend(olds.into_iter().zip(news));
            }
            (false, false) => {
                for o in &olds {
                    links.extend(news.iter().map(|n| (o.clone(), n.clone())));
                }
            }
            (false, true) => links.extend(olds.iter().map(|o| (o.clone(), "-".to_owned()))),
            (true, false) => links.extend(news.iter().map(|n| ("-".to_owned(), n.clone()))),
            (true, true) => {}
        }
    }
    let paired_old: FxHashSet<String> = links
        .iter()
        .filter(|(_, n)| n != "-")
        .map(|(o, _)| o.clone())
        .collect();
    let paired_new: FxHashSet<String> = links
        .iter()
        .filter(|(o, _)| o != "-")
        .map(|(_, n)| n.clone())
        .collect();
    links.retain(|(o, n)| {
        !(n == "-" && paired_old.contains(o) || o == "-" && paired_new.contains(n))
    });
    links
}

/// The article rows of a published table.
pub(crate) fn published_articles(rows: &[PublishedRow]) -> Vec<(Vec<String>, Vec<String>)> {
    let articles = |s: &Side| match s {
        Side::Refs(r) => Some(r.iter().map(|r| r.article.clone()).collect()),
        Side::None => Some(Vec::new()),
        Side::Other => None,
    };
    rows.iter()
        .filter_map(|r| Some((articles(&r.old)?, articles(&r.new)?)))
        .filter(|(o, n)| !o.is_empty() || !n.is_empty())
        .collect()
}

/// The article rows of one of draftdiff's tables.
pub fn table_articles(t: &Table) -> Vec<(Vec<String>, Vec<String>)> {
    let side = |c: &Option<super::Cell>| c.iter().map(|c| c.article.clone()).collect();
    t.rows
        .iter()
        .map(|r| (side(&r.old), side(&r.new)))
        .collect()
}

/// Article-level figures of `ours` against the published rows.
pub fn articles(rows: &[PublishedRow], ours: &[(Vec<String>, Vec<String>)]) -> Figures {
    Figures::of(
        &article_links(&published_articles(rows)),
        &article_links(ours),
    )
}
