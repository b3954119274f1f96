//! `table --check`: a published correlation table against the texts.
//!
//! Each row of the published table is read as links between articles (`Article 40 |
//! Articles 42 and 47(1)` is 40 → 42 and 40 → 47) and held against draftdiff's own
//! correspondence:
//! - **confirmed**: draftdiff links the two articles too (or, for `Article 12 | —`,
//!   finds no successor either);
//! - **contradicted**: the two articles share almost nothing (`CONTRADICTED_DICE`,
//!   `CONTRADICTED_HELD`) and draftdiff does not link them, or the row names an
//!   article the text does not have — a wrong target, a typo;
//! - **unconfirmed**: draftdiff cannot confirm the row (it links the article elsewhere,
//!   or finds a successor the table does not name), but the texts do not rule it out;
//! - **omitted**: an article of either text that no row names.
//!
//! Each finding carries its evidence: the similarity of the two texts, the share of the
//! smaller inside the larger, and where draftdiff finds the text went.

use serde::Serialize;

use super::published::{Ref, Row as PublishedRow, Side};
use super::{Correspondence, Table};

/// A row contradicts the texts when its two articles are less similar than this
/// (weighted Dice) ...
pub(crate) const CONTRADICTED_DICE: f64 = 0.08;
/// ... and less than this share of the smaller lies in the larger. Of the official
/// Brussels rows draftdiff does not confirm, none is under both bars (the lowest: 0.03
/// similar but 57 % contained; 14 % contained but 0.11 similar; `docs/table.md`).
pub(crate) const CONTRADICTED_HELD: f64 = 0.17;

/// What `table --check` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always `draftdiff/table-check/1`.
    pub schema: &'static str,
    /// The published table, as named on the command line.
    pub table: String,
    /// The base version's id.
    pub base: String,
    /// The head version's id.
    pub head: String,
    /// No row contradicted and no article omitted.
    pub ok: bool,
    /// How many rows of each verdict.
    pub counts: Counts,
    /// Every row contradicted or unconfirmed, and every article omitted.
    pub findings: Vec<Finding>,
}

/// The rows of a published table, by verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Rows that name an article on either side.
    pub rows: usize,
    /// Rows the texts confirm.
    pub confirmed: usize,
    /// Rows the texts neither confirm nor contradict.
    pub unconfirmed: usize,
    /// Rows the texts contradict.
    pub contradicted: usize,
    /// Articles the table leaves out.
    pub omitted: usize,
    /// Rows naming no article (headers, annexes): not checked.
    pub skipped: usize,
}

/// One disagreement between the published table and the texts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What is wrong with the row.
    pub verdict: Verdict,
    /// The published row's line (absent for an omitted article).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The published row as written, `Article 40 | Article 42`.
    pub row: String,
    /// What is wrong, in the reader's words.
    pub message: String,
    /// Weighted similarity of the two articles' texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The share of the smaller text inside the larger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contained: Option<f64>,
    /// Where draftdiff finds the text went (or came from), as table cells.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub draftdiff: Vec<String>,
}

/// How a published row (or an article it leaves out) fares against the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The texts say otherwise.
    Contradicted,
    /// An article the table does not mention.
    Omitted,
    /// The texts neither confirm nor contradict the row.
    Unconfirmed,
}

impl Verdict {
    /// The verdict as reports write it (`contradicted`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Contradicted => "contradicted",
            Verdict::Omitted => "omitted",
            Verdict::Unconfirmed => "unconfirmed",
        }
    }
}

/// Checks the published `rows` (read from `name`) against the correspondence `c` and
/// draftdiff's own folded table `ours`.
pub fn check(name: &str, rows: &[PublishedRow], c: &Correspondence, ours: &Table) -> Report {
    let mut counts = Counts::default();
    let mut findings = Vec::new();
    let mut named_base = vec![false; c.base.len()];
    let mut named_head = vec![false; c.head.len()];
    let went = |article: &str, old: bool| -> Vec<String> {
        ours.rows
            .iter()
            .filter(|r| {
                let (mine, other) = if old {
                    (&r.old, &r.new)
                } else {
                    (&r.new, &r.old)
                };
                mine.as_ref()
                    .is_some_and(|m| crate::model::same_number(&m.article, article))
                    && other.is_some()
            })
            .filter_map(|r| if old { r.new.as_ref() } else { r.old.as_ref() })
            .map(|cell| cell.label.clone())
            .fold(Vec::new(), |mut seen: Vec<String>, l| {
                if !seen.contains(&l) {
                    seen.push(l);
                }
                seen
            })
    };
    for row in rows {
        let shown = format!("{} | {}", row.old_text, row.new_text);
        let refs = |s: &Side| match s {
            Side::Refs(r) => r.clone(),
            _ => Vec::new(),
        };
        if matches!(row.old, Side::Other) && matches!(row.new, Side::Other)
            || matches!(
                (&row.old, &row.new),
                (Side::Other, Side::None) | (Side::None, Side::Other)
            )
        {
            counts.skipped += 1;
            continue;
        }
        counts.rows += 1;
        let (olds, news) = (refs(&row.old), refs(&row.new));
        let mut found: Vec<Finding> = Vec::new();
        let finding = |verdict, message: String| Finding {
            verdict,
            line: Some(row.line),
            row: shown.clone(),
            message,
            similarity: None,
            contained: None,
            draftdiff: Vec::new(),
        };
        // Articles the texts do not have.
        let resolve = |r: &Ref, base: bool| {
            if base {
                c.base_index(&r.article)
            } else {
                c.head_index(&r.article)
            }
        };
        let (bk, hk) = (&c.base_keyword, &c.head_keyword);
        for (list, base) in [(&olds, true), (&news, false)] {
            for r in list.iter() {
                match resolve(r, base) {
                    Some(i) if base => named_base[i] = true,
                    Some(i) => named_head[i] = true,
                    None => found.push(finding(
                        Verdict::Contradicted,
                        format!(
                            "{} has no {} {}",
                            if base { &c.base_id } else { &c.head_id },
                            if base { bk } else { hk },
                            r.article
                        ),
                    )),
                }
            }
        }
        if found.is_empty() {
            found = judge_row(c, &olds, &news, &finding, &went);
        }
        match found.iter().map(|f| f.verdict).min() {
            None => counts.confirmed += 1,
            Some(Verdict::Contradicted) => counts.contradicted += 1,
            Some(_) => counts.unconfirmed += 1,
        }
        findings.extend(found);
    }
    for (i, a) in c.base.iter().enumerate().filter(|(i, _)| !named_base[*i]) {
        counts.omitted += 1;
        findings.push(omitted(
            &format!("{} {}", c.base_keyword, a.number),
            &c.base_id,
            went(&c.base[i].number, true),
        ));
    }
    for (i, a) in c.head.iter().enumerate().filter(|(i, _)| !named_head[*i]) {
        counts.omitted += 1;
        findings.push(omitted(
            &format!("{} {}", c.head_keyword, a.number),
            &c.head_id,
            went(&c.head[i].number, false),
        ));
    }
    Report {
        schema: crate::change::schema::TABLE_CHECK,
        table: name.to_owned(),
        base: c.base_id.clone(),
        head: c.head_id.clone(),
        ok: counts.contradicted == 0 && counts.omitted == 0,
        counts,
        findings,
    }
}

fn omitted(label: &str, version: &str, went: Vec<String>) -> Finding {
    Finding {
        verdict: Verdict::Omitted,
        line: None,
        row: String::new(),
        message: format!("{label} of {version} is in no row of the table"),
        similarity: None,
        contained: None,
        draftdiff: went,
    }
}

/// The findings of one row whose articles all exist.
fn judge_row(
    c: &Correspondence,
    olds: &[Ref],
    news: &[Ref],
    finding: &dyn Fn(Verdict, String) -> Finding,
    went: &dyn Fn(&str, bool) -> Vec<String>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let index = |r: &Ref, base: bool| {
        if base {
            c.base_index(&r.article).expect("resolved")
        } else {
            c.head_index(&r.article).expect("resolved")
        }
    };
    let (bk, hk) = (&c.base_keyword, &c.head_keyword);
    match (olds.is_empty(), news.is_empty()) {
        (false, false) => {
            // `Articles 24 to 27 | Articles 24 to 27`: one to one, in order.
            let pairs: Vec<(&Ref, &Ref)> = if olds.len() == news.len() && olds.len() > 1 {
                olds.iter().zip(news).collect()
            } else {
                olds.iter()
                    .flat_map(|o| news.iter().map(move |n| (o, n)))
                    .collect()
            };
            let linked = |o: &Ref, n: &Ref| {
                let (b, h) = (index(o, true), index(n, false));
                c.link_of_base(b).is_some_and(|l| l.head.contains(&h))
            };
            // `Article 7 | Articles 19 to 22`: a range speaks of a group; once draftdiff
            // links the row to one of its members, the others are not contradicted.
            let group_confirmed = |o: &Ref, n: &Ref| {
                n.in_range && news.iter().any(|m| m.in_range && linked(o, m))
                    || o.in_range && olds.iter().any(|m| m.in_range && linked(m, n))
            };
            {
                for (o, n) in pairs {
                    if linked(o, n) {
                        continue;
                    }
                    let (b, h) = (index(o, true), index(n, false));
                    let (dice, held) = c.similarity(&c.base[b].text, &c.head[h].text);
                    let contradicted = dice < CONTRADICTED_DICE
                        && held < CONTRADICTED_HELD
                        && !group_confirmed(o, n);
                    let to = went(&c.base[b].number, true);
                    let where_ = if to.is_empty() {
                        "draftdiff finds no successor".to_owned()
                    } else {
                        format!("draftdiff finds it in {}", to.join("; "))
                    };
                    let message = if contradicted {
                        format!(
                            "{bk} {} and {hk} {} share almost nothing (similarity {dice:.2}, {:.0} % contained); {where_}",
                            c.base[b].number,
                            c.head[h].number,
                            held * 100.0
                        )
                    } else {
                        format!(
                            "draftdiff does not link {bk} {} to {hk} {} (similarity {dice:.2}, {:.0} % contained); {where_}",
                            c.base[b].number,
                            c.head[h].number,
                            held * 100.0
                        )
                    };
                    let mut f = finding(
                        if contradicted {
                            Verdict::Contradicted
                        } else {
                            Verdict::Unconfirmed
                        },
                        message,
                    );
                    f.similarity = Some(round(dice));
                    f.contained = Some(round(held));
                    f.draftdiff = to;
                    out.push(f);
                }
            }
        }
        (false, true) => {
            for o in olds {
                let b = index(o, true);
                if c.link_of_base(b).is_some() && o.paragraphs.is_empty() {
                    let to = went(&c.base[b].number, true);
                    let mut f = finding(
                        Verdict::Unconfirmed,
                        format!(
                            "the table gives {bk} {} no successor; draftdiff finds it in {}",
                            c.base[b].number,
                            to.join("; ")
                        ),
                    );
                    f.draftdiff = to;
                    out.push(f);
                }
            }
        }
        (true, false) => {
            for n in news {
                let h = index(n, false);
                if c.link_of_head(h).is_some() && n.paragraphs.is_empty() {
                    let from = went(&c.head[h].number, false);
                    let mut f = finding(
                        Verdict::Unconfirmed,
                        format!(
                            "the table gives {hk} {} no predecessor; draftdiff finds it comes from {}",
                            c.head[h].number,
                            from.join("; ")
                        ),
                    );
                    f.draftdiff = from;
                    out.push(f);
                }
            }
        }
        (true, true) => {}
    }
    out
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
