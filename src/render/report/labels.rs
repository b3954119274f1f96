//! The wording the reports share: article and chapter labels, change headings, fact
//! lines, and the impact table's cells and totals.

use crate::change::{Change, ChangeKind, ImpactRow, Summary, VersionInfo};
use crate::model::PREAMBLE;

/// `Article 12`, `Articles 30, 31`, or `Preamble`.
pub(crate) fn side_label(numbers: &[String]) -> String {
    match numbers {
        [] => String::new(),
        [one] if one.eq_ignore_ascii_case(PREAMBLE) => PREAMBLE.to_owned(),
        [one] => format!("Article {one}"),
        many => format!("Articles {}", many.join(", ")),
    }
}

/// The article part of a change heading: `Article 63`, `Article 12 → 13`,
/// `Articles 30, 31 → 30`.
pub(crate) fn article_label(change: &Change) -> String {
    let base = side_label(&change.base);
    let head = side_label(&change.head);
    match (change.base.is_empty(), change.head.is_empty()) {
        (false, false) if change.base == change.head => head,
        (false, false) => {
            let numbers = change.head.join(", ");
            format!("{base} → {numbers}")
        }
        (true, _) => head,
        (false, true) => base,
    }
}

/// The title of one side of a change, unless it is empty or only repeats the label
/// (the preamble is titled "Preamble": its heading is `Preamble`, not
/// `Preamble — Preamble`).
pub(crate) fn side_title<'c>(numbers: &[String], title: Option<&'c str>) -> Option<&'c str> {
    title
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case(&side_label(numbers)))
}

/// The title part of a change heading: the head title, noting the old one when it
/// changed.
pub(crate) fn title_label(change: &Change) -> Option<String> {
    let base = side_title(&change.base, change.title.base.as_deref());
    let head = side_title(&change.head, change.title.head.as_deref());
    match (base, head) {
        (Some(b), Some(h)) if b != h => Some(format!("{h} (formerly “{b}”)")),
        (_, Some(h)) => Some(h.to_owned()),
        (Some(b), None) => Some(b.to_owned()),
        (None, None) => None,
    }
}

/// The full change heading: `Article 12 → 13 — Right to life`.
pub(crate) fn change_heading(change: &Change) -> String {
    let label = article_label(change);
    match title_label(change) {
        Some(title) => format!("{label} — {title}"),
        None => label,
    }
}

/// Where the change moved between chapters, when it did.
pub(crate) fn chapter_move(change: &Change) -> Option<String> {
    match (&change.base_chapter, &change.head_chapter) {
        (Some(b), Some(h)) if b != h => Some(format!("moved from chapter {b} to chapter {h}")),
        _ => None,
    }
}

/// The line a chapter shows for an article that moved out of it:
/// `Article 85 — Title moved to chapter I (now Article 23)`.
pub(crate) fn moved_out_line(change: &Change) -> String {
    let base = side_label(&change.base);
    let title = side_title(&change.base, change.title.base.as_deref())
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    let to = change.head_chapter.as_deref().unwrap_or("—");
    format!(
        "{base}{title} moved to chapter {to} (now {})",
        side_label(&change.head)
    )
}

/// Similarity and word counts of a change: `similarity 0.91 · words +14 / −3`, then the
/// warning of a weak pairing.
pub(crate) fn change_figures(change: &Change) -> String {
    let mut out = format!(
        "similarity {:.2} · words {}",
        change.similarity,
        words_delta(change.words.inserted, change.words.deleted)
    );
    if let Some(weak) = weak_link(change) {
        out.push_str(" · ");
        out.push_str(&weak);
    }
    out
}

/// `weak pairing (confidence 0.42): check it`, for a link the alignment is unsure of.
pub(crate) fn weak_link(change: &Change) -> Option<String> {
    let c = change.confidence.filter(|_| change.weak())?;
    Some(format!("weak pairing (confidence {c:.2}): check it"))
}

/// `+14 / −3`.
pub(crate) fn words_delta(inserted: usize, deleted: usize) -> String {
    format!("+{inserted} / −{deleted}")
}

/// A share between 0 and 1 as a whole percentage: `23 %`.
pub(crate) fn percent(share: f64) -> String {
    if share.is_finite() {
        format!("{:.0} %", (share * 100.0).clamp(0.0, 100.0))
    } else {
        "—".to_owned()
    }
}

/// `12 → 13` for the article counts of a chapter.
pub fn counts(base: usize, head: usize) -> String {
    if base == head {
        base.to_string()
    } else {
        format!("{base} → {head}")
    }
}

/// The chapter column of the impact table: `IV`, `III → IV`, `— → IX`, and `—` for
/// the articles outside any chapter (the preamble).
pub(crate) fn row_chapter(row: &ImpactRow) -> String {
    use crate::render::chapter_number;
    match (chapter_number(&row.base), chapter_number(&row.head)) {
        (Some(b), Some(h)) if b == h => h.to_owned(),
        (None, None) => "—".to_owned(),
        (b, h) => format!("{} → {}", b.unwrap_or("—"), h.unwrap_or("—")),
    }
}

/// The sums of the impact rows, for a total line. Shares and impact levels are not
/// summable and are left out.
pub(crate) fn totals(rows: &[ImpactRow]) -> ImpactRow {
    ImpactRow {
        changed_share: f64::NAN,
        ..crate::summary::sum_rows(rows)
    }
}

/// The per-kind count columns of the impact table, with their headers, in table order.
pub(crate) fn row_counts(row: &ImpactRow) -> [(&'static str, usize); 9] {
    [
        ("unchanged", row.unchanged),
        ("reworded", row.reworded),
        ("renumbered", row.renumbered),
        ("moved in", row.moved_in),
        ("moved out", row.moved_out),
        ("split", row.split),
        ("merged", row.merged),
        ("added", row.added),
        ("removed", row.removed),
    ]
}

/// The non-zero kinds of a summary: `3 reworded, 1 added, 140 unchanged`.
pub fn summary_line(summary: &Summary) -> String {
    let parts: Vec<String> = ChangeKind::ALL
        .iter()
        .filter(|k| **k != ChangeKind::Unchanged)
        .chain(std::iter::once(&ChangeKind::Unchanged))
        .filter(|k| summary.get(**k) > 0)
        .map(|k| format!("{} {k}", summary.get(*k)))
        .collect();
    if parts.is_empty() {
        "no articles".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The facts of a version after its id and title:
/// `proposal · 2026-11 · themes: environment · 8 chapters, 171 articles, 40123 words`.
pub(crate) fn version_facts(v: &VersionInfo) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(v.status.iter().cloned());
    parts.extend(v.date.iter().cloned());
    if !v.themes.is_empty() {
        parts.push(format!("themes: {}", v.themes.join(", ")));
    }
    parts.push(version_size(v));
    parts.join(" · ")
}

/// The themes of a version for a table cell: `environment, public-health`, or `none`.
pub(crate) fn themes_label(v: &VersionInfo) -> String {
    if v.themes.is_empty() {
        "none".to_owned()
    } else {
        v.themes.join(", ")
    }
}

/// The size of a version: `8 chapters, 165 articles, 18547 words` (`1 chapter`, …).
pub(crate) fn version_size(v: &VersionInfo) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    format!(
        "{}, {}, {}",
        count(v.chapters, "chapter", "chapters"),
        count(v.articles, "article", "articles"),
        count(v.words, "word", "words")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture::sample;
    use crate::render::report::slug;

    #[test]
    fn labels_read_naturally() {
        assert_eq!(side_label(&["preamble".into()]), "Preamble");
        assert_eq!(side_label(&["1".into(), "2".into()]), "Articles 1, 2");
        assert_eq!(slug("12 bis/\"x\""), "12-bis--x-");
        assert_eq!(percent(0.234), "23 %");
        assert_eq!(percent(f64::NAN), "—");
        assert_eq!(counts(3, 4), "3 → 4");
    }

    #[test]
    fn a_title_that_repeats_the_label_is_left_out() {
        let preamble = ["Preamble".to_owned()];
        assert_eq!(side_title(&preamble, Some("Preamble")), None);
        assert_eq!(side_title(&preamble, Some(" ")), None);
        assert_eq!(side_title(&["4".into()], Some("Scope")), Some("Scope"));
        let mut change = sample().changes[0].clone();
        change.base = preamble.to_vec();
        change.head = preamble.to_vec();
        change.title = crate::change::Titles {
            base: Some("Preamble".into()),
            head: Some("Preamble".into()),
        };
        assert_eq!(change_heading(&change), "Preamble");
    }

    #[test]
    fn impact_rows_and_versions_read_naturally() {
        let mut cmp = sample();
        let mut row = cmp.chapters[0].clone();
        (row.base, row.head) = (None, None);
        assert_eq!(row_chapter(&row), "—");
        (row.base, row.head) = (None, Some("IX".into()));
        assert_eq!(row_chapter(&row), "— → IX");
        (cmp.base.chapters, cmp.base.articles, cmp.base.words) = (1, 1, 1);
        cmp.base.themes.clear();
        assert_eq!(version_size(&cmp.base), "1 chapter, 1 article, 1 word");
        assert_eq!(themes_label(&cmp.base), "none");
        cmp.base.chapters = 8;
        assert!(version_size(&cmp.base).starts_with("8 chapters, "));
    }

    #[test]
    fn totals_sum_the_rows() {
        let cmp = sample();
        let t = totals(&cmp.chapters);
        let by_rows: usize = cmp.chapters.iter().map(|r| r.reworded).sum();
        assert_eq!(t.reworded, by_rows);
        assert_eq!(
            t.articles.head,
            cmp.chapters.iter().map(|r| r.articles.head).sum::<usize>()
        );
    }
}

#[cfg(test)]
mod weak_tests {
    use crate::change::{ChangeKind, Comparison};
    use crate::render::fixture::sample;
    use crate::render::style::Style;
    use crate::render::{html, markdown, text};

    /// The sample with its renumbered change marked as a weak pairing.
    fn weak_sample() -> Comparison {
        let mut cmp = sample();
        let c = cmp
            .changes
            .iter_mut()
            .find(|c| c.kind == ChangeKind::Renumbered)
            .expect("the sample has a renumbering");
        c.confidence = Some(0.31);
        cmp
    }

    #[test]
    fn weak_pairings_are_marked_in_every_text_report() {
        let cmp = weak_sample();
        let mark = "weak pairing (confidence 0.31)";
        assert!(markdown::render(&cmp).contains(mark));
        assert!(html::render(&cmp).contains(mark));
        assert!(text::diff_text(&cmp, Style::PLAIN).contains(mark));
        // Sure pairings carry no mark.
        assert!(!markdown::render(&sample()).contains("weak pairing"));
    }
}
