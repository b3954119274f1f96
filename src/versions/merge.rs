//! Whether two proposals' edits of one article overlap: a three-way merge of the base
//! text and the two proposed texts on `similar`'s `TextMerge`, one sentence per line, so
//! that two proposals editing different sentences of a paragraph combine cleanly and two
//! editing the same sentence differently conflict. `TextMerge` reports edits of two
//! neighbouring sentences as one conflict, as diff3 does; those are checked again and kept
//! only when both sides edit a same sentence or insert at the same place.

use serde::Serialize;
use similar::TextMerge;

use super::sentences::as_lines;
use crate::change::Segment;
use crate::redline::redline;

/// Where two proposals edit the same sentences differently: the sentences of the base,
/// and what each proposal makes of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictRegion {
    /// The base sentences.
    pub base: Vec<String>,
    /// What the first proposal makes of them.
    pub ours: Vec<String>,
    /// What the second proposal makes of them.
    pub theirs: Vec<String>,
    /// The base sentences redlined into each proposal's, for reading the two side by side.
    pub ours_redline: Vec<Segment>,
    /// The base sentences redlined into the second proposal's.
    pub theirs_redline: Vec<Segment>,
}

impl ConflictRegion {
    fn new(base: Vec<String>, ours: Vec<String>, theirs: Vec<String>) -> Self {
        let words = |lines: &[String]| lines.join(" ");
        let (b, o, t) = (words(&base), words(&ours), words(&theirs));
        ConflictRegion {
            ours_redline: redline(&b, &o).segments,
            theirs_redline: redline(&b, &t).segments,
            base,
            ours,
            theirs,
        }
    }
}

/// The conflicting regions of a three-way merge of `base` with `ours` and `theirs`
/// (none when the edits combine). `None` for a text stands for an article the proposal
/// removes, which conflicts with any edit of it.
pub fn conflicts(base: &str, ours: Option<&str>, theirs: Option<&str>) -> Vec<ConflictRegion> {
    let lines = |t: &str| -> Vec<String> { as_lines(t).lines().map(str::to_owned).collect() };
    match (ours, theirs) {
        (None, None) => Vec::new(),
        (Some(o), None) | (None, Some(o)) if as_lines(o) == as_lines(base) => Vec::new(),
        (o, t @ None) | (o @ None, t) => vec![ConflictRegion::new(
            lines(base),
            o.map(lines).unwrap_or_default(),
            t.map(lines).unwrap_or_default(),
        )],
        (Some(o), Some(t)) => {
            let (b, o, t) = (as_lines(base), as_lines(o), as_lines(t));
            let merge = TextMerge::from_lines(b.as_str(), o.as_str(), t.as_str());
            let pick = |range: std::ops::Range<usize>, line: &dyn Fn(usize) -> Option<String>| {
                range.filter_map(line).collect::<Vec<_>>()
            };
            let trim = |s: &str| s.trim_end_matches('\n').to_owned();
            merge
                .conflicts()
                .filter(|r| {
                    let b: Vec<&str> = r.base_range().filter_map(|i| merge.base_line(i)).collect();
                    let o: Vec<&str> = r.ours_range().filter_map(|i| merge.ours_line(i)).collect();
                    let t: Vec<&str> = r
                        .theirs_range()
                        .filter_map(|i| merge.theirs_line(i))
                        .collect();
                    same_sentence(&b, &o, &t)
                })
                .map(|r| {
                    ConflictRegion::new(
                        pick(r.base_range(), &|i| merge.base_line(i).map(trim)),
                        pick(r.ours_range(), &|i| merge.ours_line(i).map(trim)),
                        pick(r.theirs_range(), &|i| merge.theirs_line(i).map(trim)),
                    )
                })
                .collect()
        }
    }
}

/// Whether the two sides of a conflict region really edit the same sentence, or insert
/// at the same place: `TextMerge`, like diff3, also calls edits of two neighbouring
/// lines a conflict, which for sentences they are not.
fn same_sentence(base: &[&str], ours: &[&str], theirs: &[&str]) -> bool {
    let (o_edits, o_points) = edits(base, ours);
    let (t_edits, t_points) = edits(base, theirs);
    o_edits.iter().any(|l| t_edits.contains(l))
        || o_points.iter().any(|p| t_points.contains(p))
        || base.is_empty()
}

/// The base lines a side deletes or replaces, and the places where it inserts lines.
fn edits(base: &[&str], side: &[&str]) -> (Vec<usize>, Vec<usize>) {
    let mut edited = Vec::new();
    let mut points = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, base, side) {
        match op {
            similar::DiffOp::Equal { .. } => {}
            similar::DiffOp::Insert { old_index, .. } => points.push(old_index),
            similar::DiffOp::Delete {
                old_index, old_len, ..
            }
            | similar::DiffOp::Replace {
                old_index, old_len, ..
            } => edited.extend(old_index..old_index + old_len),
        }
    }
    (edited, points)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "1. States shall admit visitors. They may refuse entry.\n2. Fees are low.";

    #[test]
    fn edits_of_different_sentences_combine() {
        let ours = "1. States shall admit all visitors. They may refuse entry.\n2. Fees are low.";
        let theirs = "1. States shall admit visitors. They may refuse entry.\n2. Fees are modest.";
        assert!(conflicts(BASE, Some(ours), Some(theirs)).is_empty());
    }

    #[test]
    fn different_edits_of_one_sentence_conflict() {
        let ours = "1. States shall admit visitors. They may refuse entry on health grounds.\n2. Fees are low.";
        let theirs =
            "1. States shall admit visitors. They shall not refuse entry.\n2. Fees are low.";
        let got = conflicts(BASE, Some(ours), Some(theirs));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].base, vec!["They may refuse entry."]);
        assert_eq!(
            got[0].ours,
            vec!["They may refuse entry on health grounds."]
        );
        assert_eq!(got[0].theirs, vec!["They shall not refuse entry."]);
    }

    #[test]
    fn edits_of_neighbouring_sentences_combine() {
        let ours = "1. States shall admit all visitors. They may refuse entry.\n2. Fees are low.";
        let theirs = "1. States shall admit visitors. They may refuse entry on health grounds.\n2. Fees are low.";
        assert!(conflicts(BASE, Some(ours), Some(theirs)).is_empty());
        let appended = "1. States shall admit visitors. They may refuse entry. Refusals are reviewed.\n2. Fees are low.";
        assert!(conflicts(BASE, Some(theirs), Some(appended)).is_empty());
    }

    #[test]
    fn the_same_edit_twice_is_no_conflict() {
        let both = "1. States shall admit visitors. They may not refuse entry.\n2. Fees are low.";
        assert!(conflicts(BASE, Some(both), Some(both)).is_empty());
    }

    #[test]
    fn removing_what_another_edits_conflicts() {
        let edited = "1. States shall admit visitors.\n2. Fees are low.";
        assert_eq!(conflicts(BASE, None, Some(edited)).len(), 1);
        assert!(conflicts(BASE, None, Some(BASE)).is_empty());
    }
}
