//! Did the consolidated draft take a proposed edit? Decided hunk by hunk.
//!
//! A proposal's change is cut into *hunks*: the runs of its redline against the base that
//! are not equal. Its text is then redlined against the consolidated text of the same
//! article (the articles the alignment pairs with it). A hunk is *kept* when the words it
//! inserted are still there (at least 95 % of their letters, differences only in cited
//! numbers not counting) and the words it deleted did not come back at that place; it is
//! *lost* when under 20 % of its insertion is left and its deletion came back (or it had
//! none). Words the consolidation put inside a proposed insertion (other than cited
//! numbers) make that hunk kept only in part, and an insertion of two words or more found whole
//! elsewhere in the consolidated article counts as kept (moved within the article). Every hunk kept:
//! taken as proposed. Every hunk lost: dropped. Anything else:
//! taken modified. Other edits of the same article (another proposal's, the
//! consolidation's own) do not count against a proposal whose edits are all there.

use serde::Serialize;

use super::sentences::normal;
use crate::change::{Op, Segment};

/// What the consolidated draft did with one proposed change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Taken,
    Modified,
    Dropped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Taken => "taken",
            Verdict::Modified => "modified",
            Verdict::Dropped => "dropped",
        }
    }
}

/// How many hunks of a proposed change survived whole, in part, or not at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hunks {
    pub kept: usize,
    pub partly: usize,
    pub lost: usize,
}

impl Hunks {
    pub fn verdict(&self) -> Verdict {
        if self.partly == 0 && self.lost == 0 {
            Verdict::Taken
        } else if self.kept == 0 && self.partly == 0 {
            Verdict::Dropped
        } else {
            Verdict::Modified
        }
    }
}

/// One run of a proposal's redline that is not equal, in the proposal's text.
struct Hunk {
    /// Byte range of the inserted text in the proposal's text.
    inserted: std::ops::Range<usize>,
    deleted: String,
}

fn hunks(proposed: &[Segment]) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    let mut at = 0;
    let mut open = false;
    for s in proposed {
        match s.op {
            Op::Equal => {
                at += s.text.len();
                open = false;
            }
            Op::Insert | Op::Delete => {
                if !open {
                    out.push(Hunk {
                        inserted: at..at,
                        deleted: String::new(),
                    });
                    open = true;
                }
                let h = out.last_mut().expect("pushed");
                if s.op == Op::Insert {
                    at += s.text.len();
                    h.inserted.end = at;
                } else {
                    h.deleted.push_str(&s.text);
                }
            }
        }
    }
    out.retain(|h| h.inserted.start < h.inserted.end || !h.deleted.trim().is_empty());
    out
}

/// Whether a deleted run differs only in cited numbers (`18bis`, `(3)`, `and`).
fn numbers_only(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || "(),.;[]".contains(c))
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(w, "bis" | "ter" | "and" | "to" | "or")
                || (w.starts_with(|c: char| c.is_ascii_digit())
                    && w.chars().all(|c| c.is_ascii_alphanumeric()))
        })
}

/// Counts the hunks of `proposed` (base → proposal) kept in `onward` (proposal →
/// consolidated, over the same proposal text).
pub(crate) fn hunks_kept(proposed: &[Segment], onward: &[Segment]) -> Hunks {
    let p_len: usize = onward
        .iter()
        .filter(|s| s.op != Op::Insert)
        .map(|s| s.text.len())
        .sum();
    let mut kept = vec![false; p_len];
    let mut inserts: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for s in onward {
        match s.op {
            Op::Equal => {
                kept[at..at + s.text.len()].fill(true);
                at += s.text.len();
            }
            Op::Delete => {
                kept[at..at + s.text.len()].fill(numbers_only(&s.text));
                at += s.text.len();
            }
            Op::Insert => inserts.push((at, &s.text)),
        }
    }
    let text = crate::change::side(proposed, Op::Insert);
    let consolidated = normal(&crate::change::side(onward, Op::Insert));
    let letter =
        |i: usize| i < p_len && i < text.len() && !text.as_bytes()[i].is_ascii_whitespace();
    let mut counts = Hunks::default();
    for h in hunks(proposed) {
        let letters: Vec<usize> = h.inserted.clone().filter(|&i| letter(i)).collect();
        let inserted = normal(&text[h.inserted.clone()]);
        let share = if letters.is_empty() {
            None
        } else if inserted.split(' ').count() >= 2 && consolidated.contains(&inserted) {
            // Kept whole, if not in the same place (moved within the article).
            Some(1.0)
        } else {
            Some(letters.iter().filter(|&&i| kept[i]).count() as f64 / letters.len() as f64)
        };
        let reverted = !h.deleted.trim().is_empty() && {
            let back: String = inserts
                .iter()
                .filter(|(p, _)| *p >= h.inserted.start && *p <= h.inserted.end)
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
                .join(" ");
            let back: Vec<&str> = back.split_whitespace().collect();
            let gone: Vec<&str> = h.deleted.split_whitespace().collect();
            let returned = gone.iter().filter(|w| back.contains(w)).count();
            returned * 2 >= gone.len()
        };
        // Words put inside the proposed insertion: the consolidation reworded it.
        let amended = inserts
            .iter()
            .any(|(p, t)| *p > h.inserted.start && *p < h.inserted.end && !numbers_only(t));
        let deletion_kept = h.deleted.trim().is_empty() || !reverted;
        let whole = share.is_none_or(|s| s >= 0.95) && deletion_kept && !amended;
        let none = share.is_none_or(|s| s < 0.2) && (h.deleted.trim().is_empty() || reverted);
        if whole {
            counts.kept += 1;
        } else if none {
            counts.lost += 1;
        } else {
            counts.partly += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::redline;

    fn verdict(base: &str, proposal: &str, consolidated: &str) -> Verdict {
        let p = redline(base, proposal).segments;
        let c = redline(proposal, consolidated).segments;
        hunks_kept(&p, &c).verdict()
    }

    const BASE: &str = "Visitors may enter. States may refuse entry on grounds of public order.";
    const PROPOSAL: &str =
        "Visitors may enter. States may refuse entry on grounds of public order or public health. Refusal is reviewed.";

    #[test]
    fn all_edits_kept_is_taken_even_beside_other_edits() {
        assert_eq!(verdict(BASE, PROPOSAL, PROPOSAL), Verdict::Taken);
        let more = "All visitors may enter. States may refuse entry on grounds of public order or public health. Refusal is reviewed.";
        assert_eq!(verdict(BASE, PROPOSAL, more), Verdict::Taken);
    }

    #[test]
    fn no_edit_kept_is_dropped() {
        assert_eq!(verdict(BASE, PROPOSAL, BASE), Verdict::Dropped);
    }

    #[test]
    fn some_edits_kept_is_modified() {
        let part = "Visitors may enter. States may refuse entry on grounds of public order or public health.";
        assert_eq!(verdict(BASE, PROPOSAL, part), Verdict::Modified);
    }

    #[test]
    fn renumbered_citations_do_not_modify() {
        let base = "Care under article 18 applies.";
        let proposal = "Care under article 18 applies, as article 18bis provides.";
        let consolidated = "Care under article 21 applies, as article 22 provides.";
        assert_eq!(verdict(base, proposal, consolidated), Verdict::Taken);
    }

    #[test]
    fn words_put_inside_an_insertion_modify_it_and_a_moved_one_is_kept() {
        let amended = "Visitors may enter. States may refuse entry on grounds of public order or urgent public health. Refusal is reviewed.";
        assert_eq!(verdict(BASE, PROPOSAL, amended), Verdict::Modified);
        let base = "A crisis is a conflict, a disaster or another event.";
        let proposal = "A crisis is a conflict, a disaster, an epidemic, or another event.";
        let moved = "A crisis is a conflict, an epidemic, a disaster or another event.";
        assert_eq!(verdict(base, proposal, moved), Verdict::Taken);
    }

    #[test]
    fn a_deletion_undone_is_dropped() {
        let proposal = "Visitors may enter.";
        assert_eq!(verdict(BASE, proposal, proposal), Verdict::Taken);
        assert_eq!(verdict(BASE, proposal, BASE), Verdict::Dropped);
    }
}
