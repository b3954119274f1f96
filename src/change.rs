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
    /// `unchanged`: same text after normalisation, same number, same chapter.
    Unchanged,
    /// `reworded`: same number and chapter, the text differs.
    Reworded,
    /// `renumbered`: a matched article under another number, in the same chapter.
    Renumbered,
    /// `moved`: a matched article now in another chapter.
    Moved,
    /// `split`: one base article became several head articles.
    Split,
    /// `merged`: several base articles became one head article.
    Merged,
    /// `added`: a head article with no base counterpart.
    Added,
    /// `removed`: a base article with no head counterpart.
    Removed,
}

impl ChangeKind {
    /// Every kind, in the order of the summary and the impact table.
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

    /// The kind as the JSON writes it (`"reworded"`).
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
    /// `none`: the texts are the same (a renumbering or a move of unchanged text).
    None,
    /// `editorial`: only whitespace, punctuation, letter case, quote style or the numbers
    /// in cross-references differ.
    Editorial,
    /// `minor`: a change of wording under the threshold of `docs/severity.md`.
    Minor,
    /// `substantive`: a change of meaning (`docs/severity.md`); additions and removals.
    Substantive,
}

impl Severity {
    /// The severity as the JSON writes it (`"editorial"`).
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

/// The `op` of a redline segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// `equal`: text both versions have.
    Equal,
    /// `delete`: text only the base has.
    Delete,
    /// `insert`: text only the head has.
    Insert,
}

/// One run of a redline. Joining `equal`+`delete` texts rebuilds the base text exactly,
/// and `equal`+`insert` the head text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Whether the text is common, deleted or inserted.
    pub op: Op,
    /// The text of the run, whitespace included.
    pub text: String,
}

impl Segment {
    /// A segment of `text`.
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

/// The `title` of a change: the article titles on each side.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Titles {
    /// The base article's title (several joined by `; `); `null` for `added`.
    pub base: Option<String>,
    /// The head article's title (several joined by `; `); `null` for `removed`.
    pub head: Option<String>,
}

/// The `words` of a change: its size on each side and what its redline changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeWords {
    /// Words of the base article(s).
    pub base: usize,
    /// Words of the head article(s).
    pub head: usize,
    /// Words the redline inserts (all the words of an added article).
    pub inserted: usize,
    /// Words the redline deletes (all the words of a removed article).
    pub deleted: usize,
}

/// An annotation as attached to a change in reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeAnnotation {
    /// The annotation's theme (`environment`, `public-health` …), a free label.
    pub theme: String,
    /// Why the change was made, as the drafters wrote it.
    pub rationale: String,
}

/// A paragraph of a base article found again in a head article. Paragraphs are counted
/// from 1 in each article, as the alignment cuts them (numbered paragraphs `1.`, `(1)`,
/// else blocks between blank lines).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParagraphPair {
    /// The base article's number.
    pub base: String,
    /// The paragraph's place in the base article, from 1.
    pub base_paragraph: usize,
    /// The head article's number.
    pub head: String,
    /// The paragraph's place in the head article, from 1.
    pub head_paragraph: usize,
    /// Word similarity of the two paragraphs, 0.0–1.0.
    pub similarity: f64,
}

impl Change {
    /// A change of `kind` between the numbered articles, with nothing found yet: no
    /// severity, chapters, titles, words or redline, and no notes. The comparison fills
    /// in what it learns.
    pub fn new(kind: ChangeKind, base: Vec<String>, head: Vec<String>) -> Change {
        Change {
            kind,
            severity: Severity::None,
            base,
            head,
            base_chapter: None,
            head_chapter: None,
            title: Titles::default(),
            similarity: 0.0,
            confidence: None,
            words: ChangeWords::default(),
            paragraphs: Vec::new(),
            redline: None,
            reasons: Vec::new(),
            coarse: false,
            annotations: Vec::new(),
            recitals: Vec::new(),
        }
    }

    /// Whether the pairing is weak enough that a reader should check it.
    pub fn weak(&self) -> bool {
        self.confidence.is_some_and(|c| c < crate::align::WEAK)
    }
}

/// One entry of a diff: a matched pair, a split, a merge, or an unmatched article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What happened to the article(s).
    pub kind: ChangeKind,
    /// How much review the change needs, independent of its kind.
    pub severity: Severity,
    /// Base article numbers as written in the drafts (empty for `added`).
    pub base: Vec<String>,
    /// Head article numbers (empty for `removed`).
    pub head: Vec<String>,
    /// The chapter of the base article(s); `null` for `added` and for the preamble.
    pub base_chapter: Option<String>,
    /// The chapter of the head article(s); `null` for `removed` and for the preamble.
    pub head_chapter: Option<String>,
    /// The article titles on each side.
    pub title: Titles,
    /// Word-level similarity of the two texts, 0.0–1.0.
    pub similarity: f64,
    /// How far to trust the pairing of the articles, 0.0–1.0; absent for added and
    /// removed articles. Under [`crate::align::WEAK`] the reports mark it for checking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The size of each side and the words the redline inserts and deletes.
    pub words: ChangeWords,
    /// The paragraphs of the base article(s) found again in the head article(s).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<ParagraphPair>,
    /// The word redline: `equal`+`delete` rebuilds the base text, `equal`+`insert` the
    /// head text, exactly. Absent for unchanged articles unless `--unchanged`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redline: Option<Vec<Segment>>,
    /// Why the severity is what it is, in the reader's words ("only punctuation").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// Set when the article was too large for a word diff and a coarser one was used.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub coarse: bool,
    /// The head version's annotations that explain this change.
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
    /// The version's id (`1.0`), or the document's name when read from a file.
    pub id: String,
    /// The draft's title.
    pub title: String,
    /// Number of chapters.
    pub chapters: usize,
    /// Number of articles, the preamble included.
    pub articles: usize,
    /// Words of every article.
    pub words: usize,
    /// `published`, `declaration`, `proposal` or `working`, from `draft.toml`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The draft's date, from `draft.toml`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The draft's themes, from `draft.toml`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
}

/// Count of changes per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Changes of kind `unchanged`.
    pub unchanged: usize,
    /// Changes of kind `reworded`.
    pub reworded: usize,
    /// Changes of kind `renumbered`.
    pub renumbered: usize,
    /// Changes of kind `moved`.
    pub moved: usize,
    /// Changes of kind `split`.
    pub split: usize,
    /// Changes of kind `merged`.
    pub merged: usize,
    /// Changes of kind `added`.
    pub added: usize,
    /// Changes of kind `removed`.
    pub removed: usize,
}

impl Summary {
    /// The counts of `changes`.
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

    /// The count of one kind.
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

/// The `articles` of an impact row: how many the chapter has in each version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SideCounts {
    /// Articles of the chapter in the base version.
    pub base: usize,
    /// Articles of the chapter in the head version.
    pub head: usize,
}

/// The `words` of an impact row: what the redlines landing in the chapter changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WordDelta {
    /// Words inserted (an added article counts all its words).
    pub inserted: usize,
    /// Words deleted (a removed article counts all its words).
    pub deleted: usize,
}

/// How much a chapter changed, as a reviewer would triage it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Nothing changed but whitespace and consequential renumbering.
    None,
    /// Editorial and minor changes, moves of unchanged text.
    Low,
    /// Changed share of 5 % or more, or a substantive change.
    Medium,
    /// Changed share of 20 % or more, or three substantive changes.
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
    /// The chapter's number in the base version; `null` for a new chapter and for the
    /// preamble's row.
    pub base: Option<String>,
    /// The chapter's number in the head version; `null` for a chapter that disappeared and
    /// for the preamble's row.
    pub head: Option<String>,
    /// The chapter's title (the head's, else the base's); `Preamble` for the preamble's row.
    pub title: String,
    /// Articles of the chapter in each version.
    pub articles: SideCounts,
    /// Matched articles that stayed in the chapter, unchanged.
    pub unchanged: usize,
    /// Matched articles that stayed in the chapter, reworded.
    pub reworded: usize,
    /// Matched articles that stayed in the chapter, renumbered.
    pub renumbered: usize,
    /// Articles moved into this chapter from another.
    pub moved_in: usize,
    /// Articles moved out of this chapter into another.
    pub moved_out: usize,
    /// Base articles of this chapter that became several articles.
    pub split: usize,
    /// Head articles of this chapter that absorbed several base articles.
    pub merged: usize,
    /// Articles with no base counterpart.
    pub added: usize,
    /// Articles with no head counterpart.
    pub removed: usize,
    /// Words inserted and deleted by the changes that land in the chapter.
    pub words: WordDelta,
    /// (inserted + deleted) ÷ (the chapter's words in base + in head), at most 1.0.
    pub changed_share: f64,
    /// How much the chapter changed, as a reviewer would triage it (`docs/impact.md`).
    pub impact: Impact,
}

/// A whole comparison, as `diff --format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Always [`schema::DIFF`].
    pub schema: &'static str,
    /// The base (older) version.
    pub base: VersionInfo,
    /// The head (newer) version.
    pub head: VersionInfo,
    /// The count of `changes` by kind.
    pub summary: Summary,
    /// The change-impact table: one row per chapter as aligned across the versions.
    pub chapters: Vec<ImpactRow>,
    /// Every article of both versions, exactly once.
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
