//! The per-chapter change-impact table: how much each chapter changed, for triage.
//!
//! Chapters are rows as the alignment paired them (a renamed or renumbered chapter is one
//! row); a chapter with no counterpart gets a row of its own. The impact level formula
//! is documented in `docs/impact.md`.

use crate::align::Alignment;
use crate::change::{Change, ChangeKind, Impact, ImpactRow, Severity, SideCounts, WordDelta};
use crate::model::{Draft, WordCounts, PREAMBLE};

/// Changed share at or above which a chapter's impact is high, and medium.
pub(crate) const HIGH_SHARE: f64 = 0.20;
pub(crate) const MEDIUM_SHARE: f64 = 0.05;
/// Number of substantive changes at or above which a chapter's impact is high.
pub(crate) const HIGH_SUBSTANTIVE: usize = 3;

struct Row {
    base: Option<usize>,
    head: Option<usize>,
    preamble: bool,
    value: ImpactRow,
    base_words: usize,
    head_words: usize,
    substantive: usize,
    any_change: bool,
}

fn empty_row(title: String, base: Option<String>, head: Option<String>) -> ImpactRow {
    ImpactRow {
        base,
        head,
        title,
        articles: SideCounts::default(),
        unchanged: 0,
        reworded: 0,
        renumbered: 0,
        moved_in: 0,
        moved_out: 0,
        split: 0,
        merged: 0,
        added: 0,
        removed: 0,
        words: WordDelta::default(),
        changed_share: 0.0,
        impact: Impact::None,
    }
}

/// Builds the impact rows in head order, with chapters that only the base has placed
/// after the row of the chapter that preceded them.
pub(crate) fn impact_rows(
    base: &Draft,
    head: &Draft,
    alignment: &Alignment,
    changes: &[Change],
    base_words: &WordCounts,
    head_words: &WordCounts,
) -> Vec<ImpactRow> {
    let words = (base_words, head_words);
    let mut rows: Vec<Row> = Vec::new();
    if base.preamble.is_some() || head.preamble.is_some() {
        rows.push(Row {
            base: None,
            head: None,
            preamble: true,
            value: empty_row(PREAMBLE.to_owned(), None, None),
            base_words: base_words.preamble(),
            head_words: head_words.preamble(),
            substantive: 0,
            any_change: false,
        });
        let r = &mut rows[0].value;
        r.articles = SideCounts {
            base: usize::from(base.preamble.is_some()),
            head: usize::from(head.preamble.is_some()),
        };
    }
    let mut head_to_base = vec![None; head.chapters.len()];
    for (b, h) in alignment.chapter_map.iter().enumerate() {
        if let Some(h) = *h {
            if h < head_to_base.len() {
                head_to_base[h] = Some(b);
            }
        }
    }
    let mut placed = vec![false; base.chapters.len()];
    let push_base_only = |rows: &mut Vec<Row>, placed: &mut Vec<bool>, upto: usize| {
        for (b, done) in placed.iter_mut().enumerate().take(upto) {
            if !*done && alignment.chapter_map.get(b).copied().flatten().is_none() {
                *done = true;
                rows.push(chapter_row(base, head, words, Some(b), None));
            }
        }
    };
    for (h, base_of) in head_to_base.iter().enumerate() {
        if let Some(b) = base_of {
            push_base_only(&mut rows, &mut placed, *b);
            placed[*b] = true;
        }
        rows.push(chapter_row(base, head, words, *base_of, Some(h)));
    }
    push_base_only(&mut rows, &mut placed, base.chapters.len());

    for change in changes {
        tally(&mut rows, base, head, change);
    }
    rows.into_iter().map(finish).collect()
}

fn chapter_row(
    base: &Draft,
    head: &Draft,
    words: (&WordCounts, &WordCounts),
    b: Option<usize>,
    h: Option<usize>,
) -> Row {
    let bc = b.map(|i| &base.chapters[i]);
    let hc = h.map(|i| &head.chapters[i]);
    let title = hc.or(bc).map(|c| c.title.clone()).unwrap_or_default();
    let mut value = empty_row(
        title,
        bc.map(|c| c.number.clone()),
        hc.map(|c| c.number.clone()),
    );
    value.articles = SideCounts {
        base: bc.map_or(0, |c| c.articles.len()),
        head: hc.map_or(0, |c| c.articles.len()),
    };
    Row {
        base: b,
        head: h,
        preamble: false,
        value,
        base_words: b.map_or(0, |c| words.0.chapter(c)),
        head_words: h.map_or(0, |c| words.1.chapter(c)),
        substantive: 0,
        any_change: false,
    }
}

fn row_index(
    rows: &[Row],
    draft: &Draft,
    chapter: &Option<String>,
    is_base: bool,
) -> Option<usize> {
    match chapter {
        None => rows.iter().position(|r| r.preamble),
        Some(number) => {
            let ci = draft.chapters.iter().position(|c| &c.number == number)?;
            rows.iter().position(|r| {
                if is_base {
                    r.base == Some(ci)
                } else {
                    r.head == Some(ci)
                }
            })
        }
    }
}

fn tally(rows: &mut [Row], base: &Draft, head: &Draft, c: &Change) {
    let b = (!c.base.is_empty())
        .then(|| row_index(rows, base, &c.base_chapter, true))
        .flatten();
    let h = (!c.head.is_empty())
        .then(|| row_index(rows, head, &c.head_chapter, false))
        .flatten();
    let Some(home) = h.or(b) else { return };
    {
        let r = &mut rows[home];
        r.value.words.inserted += c.words.inserted;
        r.value.words.deleted += c.words.deleted;
        if c.kind != ChangeKind::Unchanged && c.severity > Severity::None {
            r.any_change = true;
        }
        if c.severity == Severity::Substantive {
            r.substantive += 1;
        }
    }
    match c.kind {
        ChangeKind::Unchanged => rows[home].value.unchanged += 1,
        ChangeKind::Reworded => rows[home].value.reworded += 1,
        ChangeKind::Renumbered => rows[home].value.renumbered += 1,
        ChangeKind::Added => rows[home].value.added += 1,
        ChangeKind::Removed => rows[home].value.removed += 1,
        ChangeKind::Merged => rows[home].value.merged += 1,
        ChangeKind::Split => rows[b.unwrap_or(home)].value.split += 1,
        ChangeKind::Moved => {
            rows[home].value.moved_in += 1;
            rows[home].any_change = true;
            if let Some(b) = b {
                rows[b].value.moved_out += 1;
                rows[b].any_change = true;
            }
        }
    }
    if matches!(
        c.kind,
        ChangeKind::Added | ChangeKind::Removed | ChangeKind::Split | ChangeKind::Merged
    ) {
        rows[home].any_change = true;
    }
}

fn finish(row: Row) -> ImpactRow {
    let mut v = row.value;
    let churn = (v.words.inserted + v.words.deleted) as f64;
    let total = (row.base_words + row.head_words) as f64;
    v.changed_share = if total > 0.0 {
        ((churn / total).min(1.0) * 1000.0).round() / 1000.0
    } else {
        0.0
    };
    v.impact = impact(v.changed_share, row.substantive, row.any_change);
    v
}

/// The impact level of a chapter (see `docs/impact.md`).
pub fn impact(changed_share: f64, substantive: usize, any_change: bool) -> Impact {
    if !any_change && changed_share == 0.0 {
        Impact::None
    } else if changed_share >= HIGH_SHARE || substantive >= HIGH_SUBSTANTIVE {
        Impact::High
    } else if changed_share >= MEDIUM_SHARE || substantive >= 1 {
        Impact::Medium
    } else {
        Impact::Low
    }
}

/// A "Total" row with the sums of the count columns; share and impact left at zero.
pub(crate) fn sum_rows(rows: &[ImpactRow]) -> ImpactRow {
    let mut t = empty_row("Total".to_owned(), None, None);
    for r in rows {
        t.articles.base += r.articles.base;
        t.articles.head += r.articles.head;
        t.unchanged += r.unchanged;
        t.reworded += r.reworded;
        t.renumbered += r.renumbered;
        t.moved_in += r.moved_in;
        t.moved_out += r.moved_out;
        t.split += r.split;
        t.merged += r.merged;
        t.added += r.added;
        t.removed += r.removed;
        t.words.inserted += r.words.inserted;
        t.words.deleted += r.words.deleted;
    }
    t
}

/// The totals row: sums of every column, and the impact of the whole text.
pub(crate) fn totals(
    rows: &[ImpactRow],
    changes: &[Change],
    base_words: usize,
    head_words: usize,
) -> ImpactRow {
    let mut t = sum_rows(rows);
    let total = (base_words + head_words) as f64;
    let churn = (t.words.inserted + t.words.deleted) as f64;
    t.changed_share = if total > 0.0 {
        ((churn / total).min(1.0) * 1000.0).round() / 1000.0
    } else {
        0.0
    };
    let substantive = changes
        .iter()
        .filter(|c| c.severity == Severity::Substantive)
        .count();
    let any = changes.iter().any(|c| {
        c.kind != ChangeKind::Unchanged
            && (c.severity > Severity::None || c.kind != ChangeKind::Renumbered)
    });
    t.impact = impact(t.changed_share, substantive, any);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impact_levels_follow_the_documented_thresholds() {
        assert_eq!(impact(0.0, 0, false), Impact::None);
        assert_eq!(impact(0.01, 0, true), Impact::Low);
        assert_eq!(impact(0.01, 1, true), Impact::Medium);
        assert_eq!(impact(0.06, 0, true), Impact::Medium);
        assert_eq!(impact(0.01, 3, true), Impact::High);
        assert_eq!(impact(0.25, 0, true), Impact::High);
    }
}
