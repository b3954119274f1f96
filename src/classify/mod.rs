//! Severity: how much review a change needs (docs/severity.md), with the reasons in the reader's
//! words. The kind of a change is decided by alignment; this stage
//! only weighs the texts.
//!
//! * `none` — the texts are identical;
//! * `editorial` — they differ only in whitespace, punctuation, letter case, quote style,
//!   Unicode form, paragraph numbering or cross-reference numbers (`editorial`);
//! * `substantive` — a modal verb, a negation, a number, a period, a cross-reference or a
//!   square bracket changed (`meaning`), or more than `SUBSTANTIVE_SHARE` of the words
//!   changed, or more than `SUBSTANTIVE_WORDS` words were inserted or deleted;
//! * `minor` — any other change of wording.
//!
//! `docs/severity.md` explains the rules and the thresholds with examples.

mod editorial;
mod meaning;

use crate::change::Severity;
use crate::model::word_count;
use crate::redline::Redline;

/// A change of more than this share of the words (deleted + inserted over base + head,
/// i.e. `1 − similarity`) is substantive: a tenth of an article rewritten is more than a
/// drafting touch.
pub(crate) const SUBSTANTIVE_SHARE: f64 = 0.10;

/// From this share on the text counts as rewritten, and the share is the first reason.
const REWRITTEN_SHARE: f64 = 0.5;

/// Inserting or deleting more than this many words is substantive however long the
/// article: it is a clause of its own (a new condition, exception or duty).
pub(crate) const SUBSTANTIVE_WORDS: usize = 12;

/// The severity of a change and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// How much review the change needs.
    pub severity: Severity,
    /// In the reader's words: "only punctuation", "'shall' became 'may'", "38 % of words
    /// changed". Empty for identical texts.
    pub reasons: Vec<String>,
}

/// Weigh the change from `base` to `head`, whose word redline is `redline`.
///
/// ```
/// use draftdiff::{classify::assess, redline::redline, Severity};
/// let a = "States Parties shall act promptly and in good faith to protect every visitor.";
/// let b = "States Parties may act promptly and in good faith to protect every visitor.";
/// let verdict = assess(a, b, &redline(a, b));
/// assert_eq!(verdict.severity, Severity::Substantive);
/// assert_eq!(verdict.reasons, ["'shall' became 'may'"]);
/// ```
pub fn assess(base: &str, head: &str, redline: &Redline) -> Assessment {
    assess_counted(base, head, redline, (word_count(base), word_count(head)))
}

/// [`assess`] for a caller that has already counted the words of `base` and `head` (as
/// [`crate::model::word_count`] counts them): counting is a full segmentation of both texts.
pub(crate) fn assess_counted(
    base: &str,
    head: &str,
    redline: &Redline,
    words: (usize, usize),
) -> Assessment {
    assess_with(base, head, redline, || words)
}

/// [`assess`] with the word counts of `base` and `head` asked for only when needed: an
/// editorial change needs none.
pub(crate) fn assess_with(
    base: &str,
    head: &str,
    redline: &Redline,
    words: impl FnOnce() -> (usize, usize),
) -> Assessment {
    if base == head {
        return Assessment {
            severity: Severity::None,
            reasons: Vec::new(),
        };
    }
    if let Some(reason) = editorial::explain(base, head) {
        return Assessment {
            severity: Severity::Editorial,
            reasons: vec![reason],
        };
    }
    let mut reasons = meaning::triggers(base, head, &redline.segments);
    let (base_words, head_words) = words();
    let share = 1.0 - redline.similarity(base_words, head_words);
    let (ins, del) = (redline.inserted, redline.deleted);
    if share > SUBSTANTIVE_SHARE {
        let extent = format!("{} of words changed", percent(share));
        // When most of the text is rewritten, that is the headline; the words that changed
        // meaning follow.
        let at = if share >= REWRITTEN_SHARE {
            0
        } else {
            reasons.len()
        };
        reasons.insert(at, extent);
    } else if ins.max(del) > SUBSTANTIVE_WORDS {
        reasons.push(match (ins > SUBSTANTIVE_WORDS, del > SUBSTANTIVE_WORDS) {
            (true, true) => format!("{ins} words inserted and {del} deleted"),
            (true, false) => format!("{ins} words inserted"),
            _ => format!("{del} words deleted"),
        });
    }
    if reasons.is_empty() {
        let words = if ins + del == 1 { "word" } else { "words" };
        return Assessment {
            severity: Severity::Minor,
            reasons: vec![format!(
                "wording only: {} {words} changed ({})",
                ins + del,
                percent(share)
            )],
        };
    }
    Assessment {
        severity: Severity::Substantive,
        reasons,
    }
}

/// A share as a whole percentage, "under 1 %" rather than a misleading "0 %".
fn percent(share: f64) -> String {
    let rounded = (share * 100.0).round();
    if share > 0.0 && rounded < 1.0 {
        "under 1 %".to_owned()
    } else {
        format!("{rounded} %")
    }
}

#[cfg(test)]
mod tests;
