//! The annotations gate: every change between a version and its parent must carry a
//! written rationale, and every annotation must name something that changed.
//!
//! A pure renumbering (kind `renumbered`, severity `none`) needs no rationale of its own:
//! it is the mechanical consequence of the changes before it, and a recast would otherwise
//! need one annotation per article. Everything else — including a move with identical
//! text — is a drafting decision and must be explained. `docs/ci.md` states the rules.

use serde::Serialize;

use crate::change::{Change, ChangeKind, Comparison, Severity};
use crate::compare::{self, covers};
use crate::error::{Error, Result};
use crate::load::Catalog;
use crate::model::{Annotation, ArticleRef, Draft, Origin};
use crate::validate;

/// Rationales that say nothing: a gate that accepted them would be a formality.
const PLACEHOLDERS: &[&str] = &[
    "",
    "-",
    "--",
    "?",
    "...",
    "…",
    "n/a",
    "na",
    "none",
    "tbd",
    "tba",
    "todo",
    "fixme",
    "xxx",
    "placeholder",
    "rationale",
    "to do",
    "see above",
    "same",
    "idem",
];

/// A change no annotation explains, with the place to look at it.
#[derive(Debug, Clone, Serialize)]
pub struct Unannotated {
    /// The change, its fields flattened into the entry as in `diff`.
    #[serde(flatten)]
    pub change: Change,
    /// The version whose annotations.toml should explain it.
    pub version: String,
    /// The version it was compared against.
    pub parent: String,
    /// Where the article is defined (the head article, or the base one when removed).
    pub file: String,
    /// The line of that article's definition.
    pub line: usize,
}

/// An annotation that names nothing that changed, or says nothing.
#[derive(Debug, Clone, Serialize)]
pub struct Stale {
    /// The version whose `annotations.toml` holds the annotation.
    pub version: String,
    /// The article numbers the annotation names.
    pub articles: Vec<String>,
    /// Why it is stale, in the reader's words.
    pub reason: String,
    /// The annotations file.
    pub file: String,
    /// The annotation's line in it.
    pub line: usize,
    /// An error even without `--strict` (a placeholder rationale hides a missing one).
    pub error: bool,
}

impl Stale {
    /// "error" or "warning", as the report prints it.
    pub fn level(&self, strict: bool) -> &'static str {
        if self.error || strict {
            "error"
        } else {
            "warning"
        }
    }
}

/// The result of `check` over one or more versions.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// Always `draftdiff/check/1`.
    pub schema: &'static str,
    /// No unannotated change, and no stale annotation that counts as an error.
    pub ok: bool,
    /// "3.0-health (against 1.0)", in the order checked.
    pub checked: Vec<String>,
    /// Changes that need a rationale and have none.
    pub unannotated: Vec<Unannotated>,
    /// Annotations that name nothing that changed, or say nothing.
    pub stale: Vec<Stale>,
}

impl CheckReport {
    /// The report of what was found; `strict` makes every stale annotation an error.
    pub fn new(
        strict: bool,
        checked: Vec<String>,
        unannotated: Vec<Unannotated>,
        stale: Vec<Stale>,
    ) -> Self {
        let ok = unannotated.is_empty() && !stale.iter().any(|s| s.error || strict);
        Self {
            schema: crate::change::schema::CHECK,
            ok,
            checked,
            unannotated,
            stale,
        }
    }
}

/// Checks `versions` (default: every version of the catalog that has a parent) against
/// their parents: the report of what lacks a rationale and which annotations are stale.
/// Without `versions`, the annotations of drafts without a parent are stale too (they
/// have nothing to explain). A broken lineage or a draft that cannot be compared is bad
/// input, not a finding.
pub fn run(catalog: &Catalog, versions: &[String], strict: bool) -> Result<CheckReport> {
    let heads = if versions.is_empty() {
        catalog
            .entries()
            .iter()
            .filter(|e| e.meta.parent.is_some())
            .map(|e| catalog.load(e))
            .collect::<Result<Vec<_>>>()?
    } else {
        versions
            .iter()
            .map(|v| catalog.resolve(v))
            .collect::<Result<Vec<_>>>()?
    };
    let mut checked = Vec::new();
    let mut unannotated = Vec::new();
    let mut stale = Vec::new();
    if versions.is_empty() {
        for e in catalog.entries().iter().filter(|e| e.meta.parent.is_none()) {
            stale.extend(orphaned(&catalog.load(e)?));
        }
    }
    for head in &heads {
        if let Some(problem) = validate::lint_lineage(head, catalog).first() {
            return Err(Error::Invalid(problem.to_string()));
        }
        let Some(parent) = catalog.parent_of(head)? else {
            return Err(Error::Invalid(format!(
                "{} has no parent to check against (set `parent` in its draft.toml)",
                head.meta.id
            )));
        };
        validate::refuse_fatal(&parent)?;
        validate::refuse_fatal(head)?;
        let result = compare::compare(&parent, head, &compare::Options::default());
        let (u, s) = check_version(&parent, head, &result);
        checked.push(format!("{} (against {})", head.meta.id, parent.meta.id));
        unannotated.extend(u);
        stale.extend(s);
    }
    Ok(CheckReport::new(strict, checked, unannotated, stale))
}

/// Whether a change needs a rationale at all.
pub(crate) fn needs_rationale(change: &Change) -> bool {
    match change.kind {
        ChangeKind::Unchanged => false,
        ChangeKind::Renumbered => change.severity != Severity::None,
        _ => true,
    }
}

fn placeholder(rationale: &str) -> bool {
    let said = rationale.trim().trim_end_matches('.').trim().to_lowercase();
    PLACEHOLDERS.contains(&said.as_str())
}

/// Checks `head`'s annotations against `comparison`, the diff of `parent` → `head`.
pub(crate) fn check_version(
    parent: &Draft,
    head: &Draft,
    comparison: &Comparison,
) -> (Vec<Unannotated>, Vec<Stale>) {
    let version = head.meta.id.clone();
    let mut stale = Vec::new();
    for a in &head.annotations {
        if placeholder(&a.rationale) {
            stale.push(stale_at(
                &version,
                a,
                format!("placeholder rationale `{}`", a.rationale.trim()),
                true,
            ));
        }
        if a.articles.is_empty() {
            stale.push(stale_at(
                &version,
                a,
                "names no article (`articles = []`), so it explains nothing".to_owned(),
                false,
            ));
        }
        for name in &a.articles {
            if let Some(reason) = names_nothing(name, parent, head, comparison) {
                stale.push(stale_at(&version, a, reason, false));
            }
        }
    }

    let unannotated = comparison
        .changes
        .iter()
        .filter(|c| needs_rationale(c))
        .filter(|c| {
            !head
                .annotations
                .iter()
                .any(|a| !placeholder(&a.rationale) && covers(a, &parent.meta.id, c))
        })
        .map(|c| {
            let origin = defined_at(parent, head, c);
            Unannotated {
                change: Change {
                    redline: None,
                    ..c.clone()
                },
                version: version.clone(),
                parent: parent.meta.id.clone(),
                file: origin.file,
                line: origin.line,
            }
        })
        .collect();
    (unannotated, stale)
}

/// The annotations of a draft with no parent: they explain changes against nothing.
pub(crate) fn orphaned(draft: &Draft) -> Vec<Stale> {
    draft
        .annotations
        .iter()
        .map(|a| {
            stale_at(
                &draft.meta.id,
                a,
                format!(
                    "{} has no parent, so its annotations explain no change (set `parent` in draft.toml)",
                    draft.meta.id
                ),
                false,
            )
        })
        .collect()
}

fn stale_at(version: &str, a: &Annotation, reason: String, error: bool) -> Stale {
    Stale {
        version: version.to_owned(),
        articles: a.articles.clone(),
        reason,
        file: a.origin.file.clone(),
        line: a.origin.line,
        error,
    }
}

/// Why `name` in an annotation explains nothing, if it does not.
fn names_nothing(name: &str, parent: &Draft, head: &Draft, c: &Comparison) -> Option<String> {
    let changed = |on_base: bool, number: &str| {
        c.changes.iter().any(|ch| {
            let numbers = if on_base { &ch.base } else { &ch.head };
            numbers.iter().any(|n| n.eq_ignore_ascii_case(number)) && needs_rationale(ch)
        })
    };
    match name.split_once(':') {
        Some((v, _)) if v != parent.meta.id => Some(format!(
            "names `{name}`, but {v} is not the parent of {} ({})",
            head.meta.id, parent.meta.id
        )),
        Some((_, number)) if parent.find(number).is_none() => Some(format!(
            "names `{name}`, which is not an article of {}",
            parent.meta.id
        )),
        Some((_, number)) => {
            (!changed(true, number)).then(|| format!("names {name}, which did not change"))
        }
        None if head.find(name).is_none() => Some(format!(
            "names `{name}`, which is not an article of {}",
            head.meta.id
        )),
        None => (!changed(false, name)).then(|| format!("names {name}, which did not change")),
    }
}

fn defined_at(parent: &Draft, head: &Draft, change: &Change) -> Origin {
    let found = |draft: &Draft, numbers: &[String]| -> Option<Origin> {
        let n = numbers.first()?;
        draft.find(n).map(|a: ArticleRef| a.article.origin.clone())
    };
    found(head, &change.head)
        .or_else(|| found(parent, &change.base))
        .unwrap_or_else(|| Origin {
            file: head.source.clone(),
            line: 0,
            column: 0,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_recognised_whatever_their_case() {
        for p in ["n/a", "TBD", " todo. ", "", "…"] {
            assert!(placeholder(p), "{p:?}");
        }
        assert!(!placeholder("Adds emergency care."));
    }

    #[test]
    fn pure_renumbering_needs_no_rationale_but_a_reworded_renumbering_does() {
        let mut c = Change {
            kind: ChangeKind::Renumbered,
            severity: Severity::None,
            base: vec!["4".into()],
            head: vec!["5".into()],
            base_chapter: None,
            head_chapter: None,
            title: Default::default(),
            similarity: 1.0,
            words: Default::default(),
            redline: None,
            reasons: vec![],
            coarse: false,
            confidence: None,
            paragraphs: Vec::new(),
            annotations: vec![],
            recitals: vec![],
        };
        assert!(!needs_rationale(&c));
        c.severity = Severity::Minor;
        assert!(needs_rationale(&c));
        c.kind = ChangeKind::Unchanged;
        assert!(!needs_rationale(&c));
    }
}
