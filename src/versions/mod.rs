//! Versions over time: one article's [`history`] through every version that has it, the
//! [`blame`] of its sentences, and parallel [`proposals`] against one base.
//!
//! These commands read many comparisons at once. [`Lineage`] is the graph they walk: one
//! node per draft of the catalog, and an edge from each version to the versions that
//! revise it — its `parent`, else the version its articles' `from` hints name (the 2.0
//! Declaration has no parent but says which 1.0 articles each principle condenses), and
//! from each proposal to the consolidated draft that shares its parent. Every edge is
//! compared once, by [`crate::compare`], when a command first needs it; nothing here
//! aligns or redlines on its own (`docs/versions.md`).

pub(crate) mod adoption;
pub mod blame;
pub mod command;
pub mod history;
pub mod merge;
pub mod proposals;
pub mod sentences;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::change::{Change, Comparison};
use crate::compare;
use crate::error::{Error, Result};
use crate::load::Catalog;
use crate::model::{same_number, Draft, Status};
use crate::validate::refuse_fatal;

/// How one version came to revise another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The head's `parent` in its `draft.toml`.
    Parent,
    /// The head has no parent; its articles' `from` hints name this version.
    Hints,
    /// The base is a proposal and the head the consolidated draft of the same parent.
    Proposal,
}

impl Via {
    /// How the JSON writes it (`parent`).
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Parent => "parent",
            Via::Hints => "hints",
            Via::Proposal => "proposal",
        }
    }
}

/// One edge of the lineage: `from` is the older version, `to` the one revising it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// Index of the older version in [`Lineage::drafts`].
    pub from: usize,
    /// Index of the version revising it.
    pub to: usize,
    /// How the two are related.
    pub via: Via,
}

/// The drafts of a catalog and how they descend from each other.
pub struct Lineage {
    /// Every draft of the catalog, and the versions named by path.
    pub drafts: Vec<Draft>,
    /// Who revises whom.
    pub edges: Vec<Edge>,
    /// Draft indices in an order where every version comes after those it revises:
    /// older dates first, proposals before the drafts that consolidate them.
    pub order: Vec<usize>,
    comparisons: Vec<OnceLock<Comparison>>,
}

impl Lineage {
    /// Reads every draft of `catalog`, plus `extra` (versions named by path) whose ids
    /// are not already there.
    pub fn of(catalog: &Catalog, extra: Vec<Draft>) -> Result<Lineage> {
        let mut drafts = catalog.load_all()?;
        for d in extra {
            if !drafts.iter().any(|o| o.meta.id == d.meta.id) {
                drafts.push(d);
            }
        }
        Lineage::new(drafts)
    }

    /// The lineage of these drafts; an unknown parent or a parent cycle is bad input.
    pub fn new(drafts: Vec<Draft>) -> Result<Lineage> {
        let index = |id: &str| drafts.iter().position(|d| d.meta.id == id);
        let mut edges = Vec::new();
        for (to, d) in drafts.iter().enumerate() {
            if let Some(parent) = &d.meta.parent {
                let from = index(parent).ok_or_else(|| {
                    Error::Invalid(format!(
                        "{}: its parent `{parent}` is not in the drafts directory",
                        d.meta.id
                    ))
                })?;
                edges.push(Edge {
                    from,
                    to,
                    via: Via::Parent,
                });
            } else if let Some(from) = hinted(d).and_then(|id| index(&id)) {
                edges.push(Edge {
                    from,
                    to,
                    via: Via::Hints,
                });
            }
        }
        let parents: Vec<Edge> = edges.clone();
        for p in &parents {
            for c in &parents {
                let (pd, cd) = (&drafts[p.to], &drafts[c.to]);
                let consolidates = p.via == Via::Parent
                    && c.via == Via::Parent
                    && p.from == c.from
                    && pd.meta.status == Status::Proposal
                    && cd.meta.status != Status::Proposal
                    && !matches!((&pd.meta.date, &cd.meta.date), (Some(a), Some(b)) if b < a);
                if consolidates {
                    edges.push(Edge {
                        from: p.to,
                        to: c.to,
                        via: Via::Proposal,
                    });
                }
            }
        }
        let order = topological(&drafts, &edges)?;
        let comparisons = edges.iter().map(|_| OnceLock::new()).collect();
        Ok(Lineage {
            drafts,
            edges,
            order,
            comparisons,
        })
    }

    /// The index of the version with this id.
    pub fn find(&self, id: &str) -> Result<usize> {
        self.drafts
            .iter()
            .position(|d| d.meta.id == id)
            .ok_or_else(|| Error::UnknownVersion {
                name: id.to_owned(),
                known: self.drafts.iter().map(|d| d.meta.id.clone()).collect(),
            })
    }

    /// The id of draft `i`.
    pub fn id(&self, i: usize) -> &str {
        &self.drafts[i].meta.id
    }

    /// The comparison of an edge's two versions, computed on first use.
    pub fn comparison(&self, edge: usize) -> Result<&Comparison> {
        if let Some(c) = self.comparisons[edge].get() {
            return Ok(c);
        }
        let Edge { from, to, .. } = self.edges[edge];
        refuse_fatal(&self.drafts[from])?;
        refuse_fatal(&self.drafts[to])?;
        let result = compare::compare(
            &self.drafts[from],
            &self.drafts[to],
            &compare::Options::default(),
        );
        Ok(self.comparisons[edge].get_or_init(|| result))
    }

    /// Hands the lineage the comparison of an edge computed elsewhere (the site compares
    /// many pairs in parallel); ignored when the edge was compared already.
    pub fn seed(&self, edge: usize, cmp: Comparison) {
        let _ = self.comparisons[edge].set(cmp);
    }

    /// Edges into version `i`, and out of it.
    pub(crate) fn incoming(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.edges.len()).filter(move |&e| self.edges[e].to == i)
    }

    pub(crate) fn outgoing(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.edges.len()).filter(move |&e| self.edges[e].from == i)
    }

    /// The edge to `i` from the version it revises (its parent, or by hints).
    pub fn revises(&self, i: usize) -> Option<usize> {
        self.incoming(i)
            .find(|&e| matches!(self.edges[e].via, Via::Parent | Via::Hints))
    }

    /// Whether `version` descends from `base` through parents or hints (or is it).
    pub fn descends(&self, version: usize, base: usize) -> bool {
        let mut at = version;
        let mut steps = 0;
        loop {
            if at == base {
                return true;
            }
            match self.revises(at) {
                Some(e) if steps <= self.drafts.len() => {
                    at = self.edges[e].from;
                    steps += 1;
                }
                _ => return false,
            }
        }
    }

    /// The position of version `i` in [`Lineage::order`].
    pub(crate) fn rank(&self, i: usize) -> usize {
        self.order
            .iter()
            .position(|&o| o == i)
            .unwrap_or(usize::MAX)
    }
}

/// The version most named by a draft's `from` hints, other than itself.
fn hinted(d: &Draft) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for a in d.articles() {
        for hint in &a.article.from {
            let Some((version, _)) = hint.split_once(':') else {
                continue;
            };
            if version == d.meta.id {
                continue;
            }
            match counts.iter_mut().find(|(v, _)| v == version) {
                Some((_, n)) => *n += 1,
                None => counts.push((version.to_owned(), 1)),
            }
        }
    }
    // The first most-named version wins a tie, so the choice is stable.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

/// Kahn's order over the edges, choosing among ready versions by date, then proposals
/// before other drafts, then id; a cycle is bad input.
fn topological(drafts: &[Draft], edges: &[Edge]) -> Result<Vec<usize>> {
    let key = |i: usize| {
        let m = &drafts[i].meta;
        (
            m.date.clone().unwrap_or_default(),
            m.status != Status::Proposal,
            m.id.clone(),
        )
    };
    let mut waiting: Vec<usize> = (0..drafts.len())
        .map(|i| edges.iter().filter(|e| e.to == i).count())
        .collect();
    let mut order = Vec::new();
    let mut done = vec![false; drafts.len()];
    while order.len() < drafts.len() {
        let next = (0..drafts.len())
            .filter(|&i| !done[i] && waiting[i] == 0)
            .min_by_key(|&i| key(i));
        let Some(next) = next else {
            let stuck: Vec<&str> = (0..drafts.len())
                .filter(|&i| !done[i])
                .map(|i| drafts[i].meta.id.as_str())
                .collect();
            return Err(Error::Invalid(format!(
                "the versions {} descend from each other in a cycle: fix their `parent`",
                stuck.join(", ")
            )));
        };
        done[next] = true;
        order.push(next);
        for e in edges.iter().filter(|e| e.from == next) {
            waiting[e.to] -= 1;
        }
    }
    Ok(order)
}

/// The article of `draft` numbered `number`, as written there, or a clear error.
pub(crate) fn article_number(draft: &Draft, number: &str) -> Result<String> {
    draft
        .find(number)
        .map(|a| a.article.number.clone())
        .ok_or_else(|| Error::Invalid(format!("{} has no article `{number}`", draft.meta.id)))
}

/// Whether any of `numbers` names one of `set`.
pub fn touches(numbers: &[String], set: &BTreeSet<String>) -> bool {
    numbers
        .iter()
        .any(|n| set.iter().any(|s| same_number(n, s)))
}

/// The text of articles of `draft`, joined as a split or merge is redlined.
pub(crate) fn joined_text(draft: &Draft, numbers: &[String]) -> String {
    compare::join_texts(
        numbers
            .iter()
            .filter_map(|n| draft.find(n))
            .map(|a| a.article.text.as_str()),
    )
}

/// Whether a change does anything (not `unchanged`).
pub(crate) fn is_change(c: &Change) -> bool {
    c.kind != crate::change::ChangeKind::Unchanged
}
