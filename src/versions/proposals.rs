//! `proposals BASE P1 P2 … [--into C]`: parallel proposals against one base.
//!
//! Each proposal is compared with the base; per base article, the report lists which
//! proposals change it. An article changed by two or more is *contested*; their edits
//! *conflict* when a three-way merge of the texts ([`super::merge`]) cannot combine them.
//! With `--into`, each proposed change is classified as taken, modified or dropped by the
//! consolidated draft (`super::adoption`), and the consolidated draft's changes that
//! take no proposal are listed as its own. The proposals view of the impact table counts,
//! per chapter of the base, the articles each proposal touches and how many are contested.

use std::collections::BTreeSet;

use serde::Serialize;

use super::adoption::{hunks_kept, Hunks, Verdict};
use super::merge::{conflicts, ConflictRegion};
use super::{is_change, joined_text, touches, Lineage};
use crate::change::{Change, ChangeAnnotation, ChangeKind, Comparison, Op, Segment, VersionInfo};
use crate::compare;
use crate::error::{Error, Result};
use crate::model::{Draft, PREAMBLE};
use crate::redline;

/// `proposals --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct Proposals {
    /// Always `draftdiff/proposals/1`.
    pub schema: &'static str,
    /// The version every proposal revises.
    pub base: VersionInfo,
    /// The proposals, in the order given.
    pub proposals: Vec<VersionInfo>,
    /// The consolidated draft (`--into`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<VersionInfo>,
    /// The counts of the report.
    pub summary: Totals,
    /// The proposals view of the change-impact table, one row per chapter of the base.
    pub chapters: Vec<ChapterRow>,
    /// Every article some proposal changes, removes or adds, in base order (added
    /// articles where the proposal puts them).
    pub articles: Vec<Entry>,
    /// The consolidated draft's changes against the base that take no proposal (with
    /// `--into`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unproposed: Vec<Change>,
    /// Numbers two proposals both add; consolidated annotations that disagree with what was
    /// taken.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The counts of a proposals report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Changes per proposal, in the order given.
    pub changes: Vec<usize>,
    /// Entries changed by two or more proposals.
    pub contested: usize,
    /// Contested entries whose edits conflict.
    pub conflicting: usize,
    /// Proposed changes the consolidated draft took as proposed (with `--into`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken: Option<usize>,
    /// Proposed changes it took modified (with `--into`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<usize>,
    /// Proposed changes it dropped (with `--into`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped: Option<usize>,
    /// Changes of the consolidated draft that take no proposal (with `--into`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unproposed: Option<usize>,
}

/// One row of the proposals view: a chapter of the base.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterRow {
    /// The chapter's number in the base (absent for the preamble).
    pub chapter: Option<String>,
    /// The chapter's title.
    pub title: String,
    /// Articles of the chapter in the base.
    pub articles: usize,
    /// Articles each proposal changes, removes or adds here, in the order given.
    pub touched: Vec<usize>,
    /// Articles changed by two or more proposals.
    pub contested: usize,
    /// Contested articles whose edits conflict.
    pub conflicting: usize,
}

/// A base article (or an article a proposal adds) and what each proposal does with it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The base article; absent for an article a proposal adds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// The base chapter (absent for the preamble).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    /// The article's title.
    pub title: String,
    /// Each proposal's change of it, in the order given.
    pub proposed: Vec<Proposed>,
    /// Changed by two or more proposals.
    pub contested: bool,
    /// Pairs of proposals whose edits of the article cannot be merged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// One proposal's change of the article, and with `--into` what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct Proposed {
    /// The proposal's id.
    pub proposal: String,
    /// The change, as `diff` of the base and the proposal has it.
    pub change: Change,
    /// What the consolidated draft made of it (with `--into`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

/// What the consolidated draft made of a proposed change.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Taken, modified or dropped.
    pub verdict: Verdict,
    /// The consolidated articles that carry the article now (empty when it is gone).
    pub into: Vec<String>,
    /// How many of the change's edits survived whole, in part or not at all.
    pub hunks: Hunks,
    /// For a modified change: the proposal's text redlined against the consolidated one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<Vec<Segment>>,
    /// The consolidated draft's annotations of those articles that name this proposal.
    pub credited: Vec<ChangeAnnotation>,
}

/// Two proposals whose edits of one article cannot be merged.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    /// The first proposal.
    pub ours: String,
    /// The second proposal.
    pub theirs: String,
    /// Where their edits clash.
    pub regions: Vec<ConflictRegion>,
}

/// The report for `base` and its `proposals`, consolidated into `into` when given.
pub fn proposals(
    lineage: &Lineage,
    base: &str,
    names: &[String],
    into: Option<&str>,
) -> Result<Proposals> {
    let b = lineage.find(base)?;
    let mut ps = Vec::new();
    for name in names {
        let p = lineage.find(name)?;
        if p == b {
            return Err(Error::Invalid(format!(
                "{name} is the base itself, not a proposal against it"
            )));
        }
        if ps.contains(&p) {
            return Err(Error::Invalid(format!("{name} is named twice")));
        }
        lineage_to(lineage, p, b)?;
        ps.push(p);
    }
    let c = into.map(|n| lineage.find(n)).transpose()?;
    if let Some(c) = c {
        lineage_to(lineage, c, b)?;
    }
    let drafts = &lineage.drafts;
    let base_draft = &drafts[b];
    let with = |p: usize| {
        crate::validate::refuse_fatal(&drafts[p])?;
        Ok::<_, Error>(compare::compare(
            base_draft,
            &drafts[p],
            &compare::Options::default(),
        ))
    };
    crate::validate::refuse_fatal(base_draft)?;
    let to_proposals: Vec<Comparison> = ps.iter().map(|&p| with(p)).collect::<Result<_>>()?;
    let consolidated = c.map(with).transpose()?;
    let onward: Vec<Option<Comparison>> = ps
        .iter()
        .map(|&p| c.map(|c| compare::compare(&drafts[p], &drafts[c], &compare::Options::default())))
        .collect();

    let mut entries = entries(base_draft, &ps, drafts, &to_proposals);
    for entry in &mut entries {
        if let Some(c) = c {
            for prop in &mut entry.proposed {
                let i = ps
                    .iter()
                    .position(|&p| drafts[p].meta.id == prop.proposal)
                    .expect("a proposal of the report");
                let ctx = Adoption {
                    proposal: &drafts[ps[i]],
                    consolidated: &drafts[c],
                    to_consolidated: consolidated.as_ref().expect("with --into"),
                    onward: onward[i].as_ref().expect("with --into"),
                    proposal_changes: &to_proposals[i].changes,
                };
                prop.outcome = Some(ctx.outcome(&prop.change));
            }
        }
        entry.conflicts = entry_conflicts(base_draft, drafts, &ps, entry);
    }

    let mut notes = number_clashes(&entries);
    let unproposed = match (c, &consolidated) {
        (Some(c), Some(cmp)) => {
            notes.extend(credit_notes(&drafts[c], &entries));
            unproposed(cmp, &entries)
        }
        _ => Vec::new(),
    };
    let chapters = chapter_rows(base_draft, &entries, &ps, drafts);
    let mut summary = Totals {
        changes: to_proposals
            .iter()
            .map(|cmp| cmp.changes.iter().filter(|c| is_change(c)).count())
            .collect(),
        contested: entries.iter().filter(|e| e.contested).count(),
        conflicting: entries.iter().filter(|e| !e.conflicts.is_empty()).count(),
        ..Totals::default()
    };
    if c.is_some() {
        let count = |v: Verdict| {
            entries
                .iter()
                .flat_map(|e| &e.proposed)
                .filter(|p| p.outcome.as_ref().is_some_and(|o| o.verdict == v))
                .count()
        };
        summary.taken = Some(count(Verdict::Taken));
        summary.modified = Some(count(Verdict::Modified));
        summary.dropped = Some(count(Verdict::Dropped));
        summary.unproposed = Some(unproposed.len());
    }
    Ok(Proposals {
        schema: crate::change::schema::PROPOSALS,
        base: to_proposals
            .first()
            .map(|c| c.base.clone())
            .unwrap_or_else(|| info(base_draft)),
        proposals: to_proposals.iter().map(|c| c.head.clone()).collect(),
        into: consolidated.as_ref().map(|c| c.head.clone()),
        summary,
        chapters,
        articles: entries,
        unproposed,
        notes,
    })
}

fn info(d: &Draft) -> VersionInfo {
    compare::version_info(d, &crate::model::WordCounts::of(d))
}

/// Refuses a version that does not descend from the base.
fn lineage_to(lineage: &Lineage, version: usize, base: usize) -> Result<()> {
    if lineage.descends(version, base) {
        return Ok(());
    }
    let mut chain = vec![lineage.id(version).to_owned()];
    let mut at = version;
    while let Some(e) = lineage.revises(at) {
        at = lineage.edges[e].from;
        if chain.iter().any(|c| c == lineage.id(at)) {
            break;
        }
        chain.push(lineage.id(at).to_owned());
    }
    Err(Error::Invalid(format!(
        "{} has no lineage to {}: it descends {} (set `parent = \"{}\"` in its draft.toml to compare it as a proposal)",
        lineage.id(version),
        lineage.id(base),
        if chain.len() == 1 {
            "from no version".to_owned()
        } else {
            format!("along {}", chain.join(" → "))
        },
        lineage.id(base),
    )))
}

/// One entry per base article some proposal changes (in base order), then one per added
/// article, each with the proposals' changes.
fn entries(
    base: &Draft,
    ps: &[usize],
    drafts: &[Draft],
    to_proposals: &[Comparison],
) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for a in base.articles() {
        let number = &a.article.number;
        let set = BTreeSet::from([number.clone()]);
        let proposed: Vec<Proposed> = ps
            .iter()
            .zip(to_proposals)
            .filter_map(|(&p, cmp)| {
                cmp.changes
                    .iter()
                    .find(|c| is_change(c) && touches(&c.base, &set))
                    .map(|c| Proposed {
                        proposal: drafts[p].meta.id.clone(),
                        change: c.clone(),
                        outcome: None,
                    })
            })
            .collect();
        if proposed.is_empty() {
            continue;
        }
        out.push(Entry {
            base: Some(number.clone()),
            chapter: a.chapter.map(|c| base.chapters[c].number.clone()),
            title: a.article.title.clone(),
            contested: proposed.len() > 1,
            proposed,
            conflicts: Vec::new(),
        });
    }
    for (&p, cmp) in ps.iter().zip(to_proposals) {
        for c in cmp.changes.iter().filter(|c| c.kind == ChangeKind::Added) {
            out.push(Entry {
                base: None,
                chapter: c.head_chapter.clone(),
                title: c.title.head.clone().unwrap_or_default(),
                proposed: vec![Proposed {
                    proposal: drafts[p].meta.id.clone(),
                    change: c.clone(),
                    outcome: None,
                }],
                contested: false,
                conflicts: Vec::new(),
            });
        }
    }
    out
}

/// Each pair of proposals whose edits of a contested base article conflict.
fn entry_conflicts(base: &Draft, drafts: &[Draft], ps: &[usize], entry: &Entry) -> Vec<Conflict> {
    let Some(number) = entry.base.as_deref().filter(|_| entry.contested) else {
        return Vec::new();
    };
    let base_text = joined_text(base, &[number.to_owned()]);
    let text = |p: &Proposed| {
        let d = ps
            .iter()
            .map(|&i| &drafts[i])
            .find(|d| d.meta.id == p.proposal)
            .expect("a proposal of the report");
        (!p.change.head.is_empty()).then(|| joined_text(d, &p.change.head))
    };
    let mut out = Vec::new();
    for (i, a) in entry.proposed.iter().enumerate() {
        for b in &entry.proposed[i + 1..] {
            let regions = conflicts(&base_text, text(a).as_deref(), text(b).as_deref());
            if !regions.is_empty() {
                out.push(Conflict {
                    ours: a.proposal.clone(),
                    theirs: b.proposal.clone(),
                    regions,
                });
            }
        }
    }
    out
}

/// What one proposal and the consolidated draft are, for classifying its changes.
struct Adoption<'a> {
    proposal: &'a Draft,
    consolidated: &'a Draft,
    /// Base → consolidated.
    to_consolidated: &'a Comparison,
    /// Proposal → consolidated.
    onward: &'a Comparison,
    /// Base → proposal.
    proposal_changes: &'a [Change],
}

impl Adoption<'_> {
    fn outcome(&self, change: &Change) -> Outcome {
        let (verdict, into, hunks, difference) = if change.head.is_empty() {
            self.removal(change)
        } else {
            self.edit(change)
        };
        let credited = self.credited(change, &into);
        Outcome {
            verdict,
            into,
            hunks,
            difference: (verdict == Verdict::Modified)
                .then_some(difference)
                .flatten(),
            credited,
        }
    }

    /// A proposal removes a base article: taken when the consolidated draft removes it
    /// too, or carries it only in articles it takes from ones the proposal added or
    /// changed (the proposal moved the text, and so did the consolidation).
    fn removal(&self, change: &Change) -> (Verdict, Vec<String>, Hunks, Option<Vec<Segment>>) {
        let set: BTreeSet<String> = change.base.iter().cloned().collect();
        let heads: Vec<String> = self
            .to_consolidated
            .changes
            .iter()
            .filter(|c| touches(&c.base, &set))
            .flat_map(|c| c.head.clone())
            .collect();
        let changed_here: BTreeSet<String> = self
            .proposal_changes
            .iter()
            .filter(|c| is_change(c))
            .flat_map(|c| c.head.clone())
            .collect();
        let head_set: BTreeSet<String> = heads.iter().cloned().collect();
        let moved = !heads.is_empty()
            && self
                .onward
                .changes
                .iter()
                .filter(|c| touches(&c.head, &head_set))
                .all(|c| touches(&c.base, &changed_here));
        let one = |kept| Hunks {
            kept,
            partly: 0,
            lost: 1 - kept,
        };
        if heads.is_empty() || moved {
            (Verdict::Taken, heads, one(1), None)
        } else {
            (Verdict::Dropped, heads, one(0), None)
        }
    }

    /// A proposal changes or adds articles: its hunks against the consolidated text of
    /// the articles paired with them.
    fn edit(&self, change: &Change) -> (Verdict, Vec<String>, Hunks, Option<Vec<Segment>>) {
        let set: BTreeSet<String> = change.head.iter().cloned().collect();
        let into: Vec<String> = self
            .onward
            .changes
            .iter()
            .filter(|c| touches(&c.base, &set))
            .flat_map(|c| c.head.clone())
            .collect();
        let proposed_text = joined_text(self.proposal, &change.head);
        let consolidated_text = joined_text(self.consolidated, &into);
        if into.is_empty() {
            let lost = Hunks {
                kept: 0,
                partly: 0,
                lost: 1,
            };
            return (Verdict::Dropped, into, lost, None);
        }
        let onward = redline::redline(&proposed_text, &consolidated_text).segments;
        let proposed = change
            .redline
            .clone()
            .unwrap_or_else(|| vec![Segment::new(Op::Equal, proposed_text.clone())]);
        let mut hunks = hunks_kept(&proposed, &onward);
        if hunks == Hunks::default() {
            // Nothing but a new number or place: taken when the consolidation changed
            // the article the same way.
            let same = self
                .to_consolidated
                .changes
                .iter()
                .any(|c| c.base == change.base && c.kind == change.kind);
            hunks = Hunks {
                kept: usize::from(same),
                partly: 0,
                lost: usize::from(!same),
            };
        }
        (hunks.verdict(), into, hunks, Some(onward))
    }

    /// The consolidated draft's annotations that name the proposal, on the articles
    /// `into` or, for a removal, on the base article (`1.0:113`).
    fn credited(&self, change: &Change, into: &[String]) -> Vec<ChangeAnnotation> {
        let id = &self.proposal.meta.id;
        let base = &self.to_consolidated.base.id;
        let names = |n: &str| match n.split_once(':') {
            Some((v, number)) => {
                v == base && change.base.iter().any(|b| b.eq_ignore_ascii_case(number))
            }
            None => into.iter().any(|i| i.eq_ignore_ascii_case(n)),
        };
        self.consolidated
            .annotations
            .iter()
            .filter(|a| a.proposals.iter().any(|p| p == id))
            .filter(|a| a.articles.iter().any(|n| names(n)))
            .map(|a| ChangeAnnotation {
                theme: a.theme.clone(),
                rationale: a.rationale.clone(),
            })
            .collect()
    }
}

/// The consolidated changes that no proposal's change (taken or modified) leads to.
fn unproposed(consolidated: &Comparison, entries: &[Entry]) -> Vec<Change> {
    let from_proposals: BTreeSet<String> = entries
        .iter()
        .flat_map(|e| &e.proposed)
        .filter_map(|p| p.outcome.as_ref())
        .filter(|o| o.verdict != Verdict::Dropped)
        .flat_map(|o| o.into.iter().cloned())
        .collect();
    let removed_by_proposals: BTreeSet<String> = entries
        .iter()
        .flat_map(|e| &e.proposed)
        .filter(|p| p.change.kind == ChangeKind::Removed)
        .filter(|p| {
            p.outcome
                .as_ref()
                .is_some_and(|o| o.verdict != Verdict::Dropped)
        })
        .flat_map(|p| p.change.base.iter().cloned())
        .collect();
    consolidated
        .changes
        .iter()
        .filter(|c| is_change(c))
        .filter(|c| {
            if c.kind == ChangeKind::Removed {
                !touches(&c.base, &removed_by_proposals)
            } else {
                !touches(&c.head, &from_proposals)
            }
        })
        .cloned()
        .collect()
}

/// Two proposals adding articles under the same number: the consolidation must renumber.
fn number_clashes(entries: &[Entry]) -> Vec<String> {
    let mut added: Vec<(&str, &str)> = entries
        .iter()
        .filter(|e| e.base.is_none())
        .flat_map(|e| &e.proposed)
        .flat_map(|p| {
            p.change
                .head
                .iter()
                .map(|h| (h.as_str(), p.proposal.as_str()))
        })
        .collect();
    added.sort();
    let mut notes = Vec::new();
    for (i, (number, p)) in added.iter().enumerate() {
        let others: Vec<&str> = added[i + 1..]
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(number))
            .map(|(_, q)| *q)
            .collect();
        let first = !added[..i]
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(number));
        if first && !others.is_empty() {
            notes.push(format!(
                "article {number} is added by {p} and {} with different texts: the consolidation must number them apart",
                others.join(" and ")
            ));
        }
    }
    notes
}

/// Where the consolidated draft's annotations and the changes it took disagree.
fn credit_notes(consolidated: &Draft, entries: &[Entry]) -> Vec<String> {
    let mut notes = Vec::new();
    for p in entries.iter().flat_map(|e| &e.proposed) {
        let Some(o) = &p.outcome else { continue };
        if o.verdict != Verdict::Dropped && o.credited.is_empty() {
            notes.push(format!(
                "{}: {}'s change of {} is {} ({}), but no annotation of {} names {}",
                consolidated.meta.id,
                p.proposal,
                change_label(&p.change),
                o.verdict.as_str(),
                match o.into.as_slice() {
                    [] => "removed".to_owned(),
                    into => format!("into {}", into_label(into)),
                },
                consolidated.meta.id,
                p.proposal
            ));
        } else if o.verdict == Verdict::Dropped && !o.credited.is_empty() {
            notes.push(format!(
                "{}: an annotation names {} for {}, but its change of {} was dropped",
                consolidated.meta.id,
                p.proposal,
                into_label(&o.into),
                change_label(&p.change),
            ));
        }
    }
    notes
}

/// "article 17", "articles 70 + 71", "new article 33bis".
pub(crate) fn change_label(c: &Change) -> String {
    let side = |ns: &[String]| ns.join(" + ");
    if c.base.is_empty() {
        format!("new article {}", side(&c.head))
    } else if c.base.len() == 1 && c.base[0] == PREAMBLE {
        "the preamble".to_owned()
    } else if c.base.len() == 1 {
        format!("article {}", c.base[0])
    } else {
        format!("articles {}", side(&c.base))
    }
}

/// "article 23", "articles 19 + 20", "no article".
pub(crate) fn into_label(into: &[String]) -> String {
    match into {
        [] => "no article".to_owned(),
        [one] if one == PREAMBLE => "the preamble".to_owned(),
        [one] => format!("article {one}"),
        many => format!("articles {}", many.join(" + ")),
    }
}

/// The proposals view of the impact table.
fn chapter_rows(
    base: &Draft,
    entries: &[Entry],
    ps: &[usize],
    drafts: &[Draft],
) -> Vec<ChapterRow> {
    let mut rows: Vec<ChapterRow> = Vec::new();
    if base.preamble.is_some() {
        rows.push(row(None, PREAMBLE.to_owned(), 1, ps.len()));
    }
    for ch in &base.chapters {
        rows.push(row(
            Some(ch.number.clone()),
            ch.title.clone(),
            ch.articles.len(),
            ps.len(),
        ));
    }
    for e in entries {
        let chapter = if e.base.as_deref() == Some(PREAMBLE) {
            None
        } else {
            e.chapter.clone()
        };
        let Some(r) = rows.iter_mut().find(|r| r.chapter == chapter) else {
            continue;
        };
        for p in &e.proposed {
            if let Some(i) = ps.iter().position(|&i| drafts[i].meta.id == p.proposal) {
                r.touched[i] += 1;
            }
        }
        r.contested += usize::from(e.contested);
        r.conflicting += usize::from(!e.conflicts.is_empty());
    }
    rows
}

fn row(chapter: Option<String>, title: String, articles: usize, n: usize) -> ChapterRow {
    ChapterRow {
        chapter,
        title,
        articles,
        touched: vec![0; n],
        contested: 0,
        conflicting: 0,
    }
}
