//! `history ARTICLE [--in VERSION]`: the life of one article through every version that
//! has it.
//!
//! The article is first followed *up* from the version named, edge by edge, to the
//! versions it comes from (through the changes whose head holds it: a split article leads
//! to the one it was split from, a merged one to all it merges). Then everything found is
//! followed *down* every edge in lineage order, through the changes whose base holds a
//! followed article, so renumberings, moves, splits and merges are each one step. An edge
//! from a proposal to the consolidated draft is followed only for the articles the
//! proposal changed or added: the others reach the consolidated draft from the parent
//! already.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{article_number, is_change, touches, Lineage, Via};
use crate::change::{Change, ChangeAnnotation, ChangeKind};
use crate::compare;
use crate::error::{Error, Result};
use crate::model::Draft;

/// An article's history, as `history --format json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// Always `draftdiff/history/1`.
    pub schema: &'static str,
    /// The article asked for, numbered as in `version`.
    pub article: String,
    /// The version whose numbering `article` follows.
    pub version: String,
    /// Every version that has the article (or what became of it), in lineage order.
    pub versions: Vec<Presence>,
    /// Each comparison of a version with one that revises it, in lineage order.
    pub steps: Vec<Step>,
}

/// The article as one version has it: one number, or several after a split.
#[derive(Debug, Clone, Serialize)]
pub struct Presence {
    /// The version's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `published`, `declaration`, `proposal` or `working`.
    pub status: String,
    /// Its date, when the draft has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The article's number(s) there.
    pub articles: Vec<ArticleAt>,
}

/// An article of one version.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleAt {
    /// Its number.
    pub number: String,
    /// Its title.
    pub title: String,
    /// Its chapter (absent for the preamble).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
}

/// One edge walked: the changes between `from` and `to` that concern the article.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// The older version.
    pub from: String,
    /// The newer version.
    pub to: String,
    /// How the two are related.
    pub via: Via,
    /// The changes of that comparison that concern the article.
    pub changes: Vec<Change>,
}

/// The history of `article` of version `version` (default: the first version in lineage
/// order that has an article so numbered).
pub fn history(lineage: &Lineage, article: &str, version: Option<&str>) -> Result<History> {
    let start = match version {
        Some(v) => lineage.find(v)?,
        None => *lineage
            .order
            .iter()
            .find(|&&i| lineage.drafts[i].find(article).is_some())
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "no version has an article `{article}` (versions: {})",
                    lineage
                        .order
                        .iter()
                        .map(|&i| lineage.id(i))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?,
    };
    let number = article_number(&lineage.drafts[start], article)?;
    let mut sets: Vec<BTreeSet<String>> = vec![BTreeSet::new(); lineage.drafts.len()];
    sets[start].insert(number.clone());
    let mut steps: Vec<(usize, Vec<Change>)> = Vec::new();

    // Up: where the article comes from.
    let mut pending = vec![start];
    while let Some(at) = pending.pop() {
        for e in lineage.incoming(at).collect::<Vec<_>>() {
            let cmp = lineage.comparison(e)?;
            let from = lineage.edges[e].from;
            let mut grew = false;
            let here = sets[at].clone();
            for c in cmp.changes.iter().filter(|c| touches(&c.head, &here)) {
                if c.kind == ChangeKind::Added && lineage.edges[e].via != Via::Proposal {
                    // Born here: the step that adds it is the first of its history.
                    steps.push((e, vec![c.clone()]));
                }
                for b in &c.base {
                    grew |= sets[from].insert(b.clone());
                }
            }
            if grew {
                pending.push(from);
            }
        }
    }

    // Down: what became of it, in lineage order.
    for &at in &lineage.order {
        if sets[at].is_empty() {
            continue;
        }
        for e in lineage.outgoing(at).collect::<Vec<_>>() {
            let edge = lineage.edges[e];
            let followed = if edge.via == Via::Proposal {
                proposed(lineage, at, &sets[at])?
            } else {
                sets[at].clone()
            };
            let cmp = lineage.comparison(e)?;
            let mut changes: Vec<Change> = cmp
                .changes
                .iter()
                .filter(|c| touches(&c.base, &followed))
                .cloned()
                .collect();
            if changes.is_empty() {
                continue;
            }
            if edge.via == Via::Proposal {
                let (proposal, head) = (&lineage.drafts[edge.from], &lineage.drafts[edge.to]);
                for c in &mut changes {
                    c.annotations = credited(head, &proposal.meta.id, c);
                }
            }
            for c in &changes {
                sets[edge.to].extend(c.head.iter().cloned());
            }
            match steps.iter_mut().find(|(s, _)| *s == e) {
                Some((_, known)) => {
                    for c in changes {
                        if !known.iter().any(|k| k.base == c.base && k.head == c.head) {
                            known.push(c);
                        }
                    }
                }
                None => steps.push((e, changes)),
            }
        }
    }
    steps.sort_by_key(|(e, _)| {
        let edge = lineage.edges[*e];
        (lineage.rank(edge.to), lineage.rank(edge.from))
    });

    let versions = lineage
        .order
        .iter()
        .filter(|&&i| !sets[i].is_empty())
        .map(|&i| presence(&lineage.drafts[i], &sets[i]))
        .collect();
    Ok(History {
        schema: crate::change::schema::HISTORY,
        article: number,
        version: lineage.id(start).to_owned(),
        versions,
        steps: steps
            .into_iter()
            .map(|(e, changes)| {
                let edge = lineage.edges[e];
                Step {
                    from: lineage.id(edge.from).to_owned(),
                    to: lineage.id(edge.to).to_owned(),
                    via: edge.via,
                    changes,
                }
            })
            .collect(),
    })
}

/// Of the articles `set` of proposal `at`, those it changed or added against the version
/// it revises.
fn proposed(lineage: &Lineage, at: usize, set: &BTreeSet<String>) -> Result<BTreeSet<String>> {
    let Some(e) = lineage.revises(at) else {
        return Ok(set.clone());
    };
    let cmp = lineage.comparison(e)?;
    Ok(cmp
        .changes
        .iter()
        .filter(|c| is_change(c))
        .flat_map(|c| c.head.iter())
        .filter(|h| set.contains(*h))
        .cloned()
        .collect())
}

/// The consolidated draft's annotations that credit `proposal` with a change.
pub(crate) fn credited(head: &Draft, proposal: &str, change: &Change) -> Vec<ChangeAnnotation> {
    head.annotations
        .iter()
        .filter(|a| a.proposals.iter().any(|p| p == proposal))
        .filter(|a| compare::covers(a, "", change))
        .map(|a| ChangeAnnotation {
            theme: a.theme.clone(),
            rationale: a.rationale.clone(),
        })
        .collect()
}

fn presence(d: &Draft, set: &BTreeSet<String>) -> Presence {
    let articles = d
        .articles()
        .filter(|a| set.contains(&a.article.number))
        .map(|a| ArticleAt {
            number: a.article.number.clone(),
            title: a.article.title.clone(),
            chapter: a.chapter.map(|c| d.chapters[c].number.clone()),
        })
        .collect();
    Presence {
        id: d.meta.id.clone(),
        title: d.meta.title.clone(),
        status: d.meta.status.to_string(),
        date: d.meta.date.clone(),
        articles,
    }
}
