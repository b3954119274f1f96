//! The result of comparing two drafts: what every renderer and the CI gate consume.
//!
//! These types serialise directly to the `draftdiff/diff/1` JSON schema (docs/json.md), so the
//! JSON renderer adds nothing of its own and the other renderers read the same values.

use serde::Serialize;

/// The schema id of every JSON output, in one place; each output's fields are in
/// docs/json.md.
pub mod schema {
    /// `diff --format json`: [`Comparison`](super::Comparison).
    pub const DIFF: &str = "draftdiff/diff/1";
    /// `impact --format json`: the version objects, summary and chapters of a diff.
    pub const IMPACT: &str = "draftdiff/impact/1";
    /// `validate --format json`.
    pub const VALIDATE: &str = "draftdiff/validate/1";
    /// `check --format json`.
    pub const CHECK: &str = "draftdiff/check/1";
    /// `table --format json`.
    pub const TABLE: &str = "draftdiff/table/1";
    /// `table --check … --format json`.
    pub const TABLE_CHECK: &str = "draftdiff/table-check/1";
    /// `history --format json`.
    pub const HISTORY: &str = "draftdiff/history/1";
    /// `blame --format json`.
    pub const BLAME: &str = "draftdiff/blame/1";
    /// `proposals --format json`.
    pub const PROPOSALS: &str = "draftdiff/proposals/1";
}

/// What happened to an article between two versions (docs/alignment.md, "Kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Unchanged,
    Reworded,
    Renumbered,
    Moved,
    Split,
    Merged,
    Added,
    Removed,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::Unchanged,
        ChangeKind::Reworded,
        ChangeKind::Renumbered,
        ChangeKind::Moved,
        ChangeKind::Split,
        ChangeKind::Merged,
        ChangeKind::Added,
        ChangeKind::Removed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Reworded => "reworded",
            ChangeKind::Renumbered => "renumbered",
            ChangeKind::Moved => "moved",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
        }
    }
}

impl std::fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much review a change needs, independent of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    None,
    Editorial,
    Minor,
    Substantive,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::None => "none",
            Severity::Editorial => "editorial",
            Severity::Minor => "minor",
            Severity::Substantive => "substantive",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// One run of a redline. Joining `equal`+`delete` texts rebuilds the base text exactly,
/// and `equal`+`insert` the head text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

impl Segment {
    pub fn new(op: Op, text: impl Into<String>) -> Self {
        Segment {
            op,
            text: text.into(),
        }
    }
}

/// Rebuild the base (`Op::Delete`) or head (`Op::Insert`) side of a redline.
pub fn side(redline: &[Segment], keep: Op) -> String {
    redline
        .iter()
        .filter(|s| s.op == Op::Equal || s.op == keep)
        .map(|s| s.text.as_str())
        .collect()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Titles {
    pub base: Option<String>,
    pub head: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeWords {
    pub base: usize,
    pub head: usize,
    pub inserted: usize,
    pub deleted: usize,
}

/// An annotation as attached to a change in reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeAnnotation {
    pub theme: String,
    pub rationale: String,
}

/// A paragraph of a base article found again in a head article. Paragraphs are counted
/// from 1 in each article, as the alignment cuts them (numbered paragraphs `1.`, `(1)`,
/// else blocks between blank lines).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphPair {
    pub base: String,
    pub base_paragraph: usize,
    pub head: String,
    pub head_paragraph: usize,
    pub similarity: f64,
}

impl Change {
    /// Whether the pairing is weak enough that a reader should check it.
    pub fn weak(&self) -> bool {
        self.confidence.is_some_and(|c| c < crate::align::WEAK)
    }
}

/// One entry of a diff: a matched pair, a split, a merge, or an unmatched article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub severity: Severity,
    /// Base article numbers as written in the drafts (empty for `added`).
    pub base: Vec<String>,
    /// Head article numbers (empty for `removed`).
    pub head: Vec<String>,
    pub base_chapter: Option<String>,
    pub head_chapter: Option<String>,
    pub title: Titles,
    /// Word-level similarity of the two texts, 0.0–1.0.
    pub similarity: f64,
    /// How far to trust the pairing of the articles, 0.0–1.0; absent for added and
    /// removed articles. Under [`crate::align::WEAK`] the reports mark it for checking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    pub words: ChangeWords,
    /// The paragraphs of the base article(s) found again in the head article(s).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<ParagraphPair>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redline: Option<Vec<Segment>>,
    /// Why the severity is what it is, in the reader's words ("only punctuation").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// Set when the article was too large for a word diff and a coarser one was used.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub coarse: bool,
    pub annotations: Vec<ChangeAnnotation>,
    /// For the preamble of an act with numbered recitals: its citations, recitals and
    /// closing formula aligned and redlined one by one (numbers `citation 1`, `3`,
    /// `closing`). The preamble's own redline stays whole.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recitals: Vec<Change>,
}

/// The headline figures of one version.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VersionInfo {
    pub id: String,
    pub title: String,
    pub chapters: usize,
    pub articles: usize,
    pub words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
}

/// Count of changes per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub unchanged: usize,
    pub reworded: usize,
    pub renumbered: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub added: usize,
    pub removed: usize,
}

impl Summary {
    pub fn of(changes: &[Change]) -> Self {
        let mut s = Summary::default();
        for c in changes {
            *s.slot(c.kind) += 1;
        }
        s
    }

    fn slot(&mut self, kind: ChangeKind) -> &mut usize {
        match kind {
            ChangeKind::Unchanged => &mut self.unchanged,
            ChangeKind::Reworded => &mut self.reworded,
            ChangeKind::Renumbered => &mut self.renumbered,
            ChangeKind::Moved => &mut self.moved,
            ChangeKind::Split => &mut self.split,
            ChangeKind::Merged => &mut self.merged,
            ChangeKind::Added => &mut self.added,
            ChangeKind::Removed => &mut self.removed,
        }
    }

    pub fn get(&self, kind: ChangeKind) -> usize {
        let mut copy = *self;
        *copy.slot(kind)
    }

    /// Changes other than `unchanged`.
    pub fn changed(&self) -> usize {
        ChangeKind::ALL
            .iter()
            .filter(|k| **k != ChangeKind::Unchanged)
            .map(|k| self.get(*k))
            .sum()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SideCounts {
    pub base: usize,
    pub head: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WordDelta {
    pub inserted: usize,
    pub deleted: usize,
}

/// How much a chapter changed, as a reviewer would triage it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    None,
    Low,
    Medium,
    High,
}

impl std::fmt::Display for Impact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Impact::None => "none",
            Impact::Low => "low",
            Impact::Medium => "medium",
            Impact::High => "high",
        })
    }
}

/// One row of the change-impact table: a chapter as aligned across the two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactRow {
    pub base: Option<String>,
    pub head: Option<String>,
    pub title: String,
    pub articles: SideCounts,
    pub unchanged: usize,
    pub reworded: usize,
    pub renumbered: usize,
    pub moved_in: usize,
    pub moved_out: usize,
    pub split: usize,
    pub merged: usize,
    pub added: usize,
    pub removed: usize,
    pub words: WordDelta,
    pub changed_share: f64,
    pub impact: Impact,
}

/// A whole comparison, as `diff --format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub schema: &'static str,
    pub base: VersionInfo,
    pub head: VersionInfo,
    pub summary: Summary,
    pub chapters: Vec<ImpactRow>,
    pub changes: Vec<Change>,
    /// The additional, transitional, repealing and final provisions of a Spanish law
    /// (`Disposición …`), aligned and redlined like articles but apart from them: they
    /// are not articles, and correspondence tables of articles leave them out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<Change>,
    /// What the reader should know beyond the changes: coarse fallbacks, citations left at
    /// an old number, changed definitions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}
