//! `blame VERSION ARTICLE`: each sentence of an article with the version that gave it its
//! present wording, and the rationale of that change.
//!
//! A sentence is followed back along the versions each one revises (parent, or `from`
//! hints) through the change that holds the article: as long as the article(s) it came
//! from contain the same sentence (whitespace and a paragraph number aside), the wording
//! is older. The first
//! version back whose predecessor lacks it introduced it. When that version consolidates
//! parallel proposals, the proposals whose article (as paired with the consolidated one)
//! has the sentence, cited numbers aside, are named too.

use std::collections::BTreeSet;

use serde::Serialize;

use super::sentences::{self, normal, shape, without_marker};
use super::{article_number, joined_text, touches, Lineage, Via};
use crate::change::{ChangeAnnotation, ChangeKind, Severity};
use crate::error::Result;

/// `blame --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Blame {
    /// Always `draftdiff/blame/1`.
    pub schema: &'static str,
    /// The version the article is read in.
    pub version: String,
    /// The article's number in that version.
    pub article: String,
    /// The article's title.
    pub title: String,
    /// The versions walked back, newest first.
    pub chain: Vec<String>,
    /// The article's sentences, in order.
    pub sentences: Vec<BlameLine>,
}

/// One sentence and where its wording comes from.
#[derive(Debug, Clone, Serialize)]
pub struct BlameLine {
    /// The paragraph of the article it stands in, counted from 1.
    pub paragraph: usize,
    /// The sentence as written.
    pub text: String,
    /// The version that introduced this wording.
    pub version: String,
    /// The article(s) it stood in there.
    pub articles: Vec<String>,
    /// The change that introduced it (absent when the wording is as old as the chain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ChangeKind>,
    /// The severity of that change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// The rationales of that change.
    pub annotations: Vec<ChangeAnnotation>,
    /// Proposals that had this sentence (cited numbers aside) before the consolidated
    /// draft took it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposed_in: Vec<Proposed>,
}

/// A proposal that had the sentence before the consolidated draft took it.
#[derive(Debug, Clone, Serialize)]
pub struct Proposed {
    /// The proposal's id.
    pub version: String,
    /// The article(s) the sentence stood in there.
    pub articles: Vec<String>,
    /// The proposal's own rationales.
    pub annotations: Vec<ChangeAnnotation>,
}

/// The blame of `article` in `version`.
pub fn blame(lineage: &Lineage, version: &str, article: &str) -> Result<Blame> {
    let start = lineage.find(version)?;
    let draft = &lineage.drafts[start];
    let number = article_number(draft, article)?;
    let found = draft.find(&number).expect("article_number found it");
    let mut chain = vec![start];
    while let Some(e) = lineage.revises(*chain.last().expect("non-empty")) {
        let from = lineage.edges[e].from;
        if chain.contains(&from) {
            break;
        }
        chain.push(from);
    }
    let mut lines = Vec::new();
    for s in sentences::split(&found.article.text) {
        lines.push(line(lineage, start, &number, s)?);
    }
    Ok(Blame {
        schema: crate::change::schema::BLAME,
        version: draft.meta.id.clone(),
        article: number,
        title: found.article.title.clone(),
        chain: chain.iter().map(|&i| lineage.id(i).to_owned()).collect(),
        sentences: lines,
    })
}

fn line(
    lineage: &Lineage,
    start: usize,
    number: &str,
    sentence: sentences::Sentence,
) -> Result<BlameLine> {
    let wording = normal(without_marker(&sentence.text));
    let mut at = start;
    let mut set: BTreeSet<String> = BTreeSet::from([number.to_owned()]);
    let mut blamed = BlameLine {
        paragraph: sentence.paragraph,
        text: sentence.text,
        version: String::new(),
        articles: Vec::new(),
        kind: None,
        severity: None,
        annotations: Vec::new(),
        proposed_in: Vec::new(),
    };
    while let Some(e) = lineage.revises(at) {
        let from = lineage.edges[e].from;
        let cmp = lineage.comparison(e)?;
        let holding: Vec<_> = cmp
            .changes
            .iter()
            .filter(|c| touches(&c.head, &set))
            .collect();
        let bases: Vec<String> = holding.iter().flat_map(|c| c.base.clone()).collect();
        let before = normal(&joined_text(&lineage.drafts[from], &bases));
        if !bases.is_empty() && before.contains(&wording) {
            at = from;
            set = bases.into_iter().collect();
            continue;
        }
        // Introduced at `at`, by the change(s) holding the article.
        let worst = holding.iter().max_by_key(|c| c.severity);
        blamed.kind = worst.map(|c| c.kind);
        blamed.severity = worst.map(|c| c.severity);
        blamed.annotations = holding
            .iter()
            .flat_map(|c| c.annotations.iter().cloned())
            .collect();
        // Only a wording new in substance can come from a proposal; a cited number
        // renumbered by the consolidation is its own.
        if !shape(&before).contains(&shape(without_marker(&blamed.text))) {
            blamed.proposed_in = proposals_with(lineage, at, &set, &blamed.text)?;
        }
        break;
    }
    let d = &lineage.drafts[at];
    blamed.version = d.meta.id.clone();
    blamed.articles = d
        .articles()
        .map(|a| a.article.number.clone())
        .filter(|n| set.contains(n))
        .collect();
    Ok(blamed)
}

/// The proposals consolidated into `at` whose articles paired with `set` have `sentence`,
/// cited numbers aside, with their rationale for it.
fn proposals_with(
    lineage: &Lineage,
    at: usize,
    set: &BTreeSet<String>,
    sentence: &str,
) -> Result<Vec<Proposed>> {
    let wanted = shape(without_marker(sentence));
    let mut out = Vec::new();
    for e in lineage.incoming(at).collect::<Vec<_>>() {
        if lineage.edges[e].via != Via::Proposal {
            continue;
        }
        let proposal = lineage.edges[e].from;
        let cmp = lineage.comparison(e)?;
        let bases: Vec<String> = cmp
            .changes
            .iter()
            .filter(|c| touches(&c.head, set))
            .flat_map(|c| c.base.clone())
            .collect();
        let text = joined_text(&lineage.drafts[proposal], &bases);
        if bases.is_empty() || !shape(&text).contains(&wanted) {
            continue;
        }
        // The proposal's own rationale, from its change against its parent.
        let mut annotations = Vec::new();
        if let Some(p) = lineage.revises(proposal) {
            let base_set: BTreeSet<String> = bases.iter().cloned().collect();
            for c in &lineage.comparison(p)?.changes {
                if touches(&c.head, &base_set) {
                    annotations.extend(c.annotations.iter().cloned());
                }
            }
        }
        out.push(Proposed {
            version: lineage.id(proposal).to_owned(),
            articles: bases,
            annotations,
        });
    }
    Ok(out)
}
