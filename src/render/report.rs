//! What the three report formats (HTML, Markdown, Word) share: how changes are grouped
//! into chapter sections, the anchor of every article, the wording of headings and fact
//! lines, and a redline cut into paragraphs at its newlines.
//!
//! Everything here only reads the [`Comparison`] the engine produced; nothing is diffed
//! again. Keeping these decisions in one place means the three reports agree on what a
//! section, an anchor or a heading is.
//!
//! # Anchors
//!
//! Every change gets an anchor that depends only on the article numbers, so links such as
//! `redline.html#a-63` keep working when a report is regenerated:
//!
//! * a change with head articles is anchored at its first head number: `a-63`; each
//!   further head number of a split gets an anchor of its own (`a-64`);
//! * a removed article is anchored at its base number (`a-12`) unless a head article
//!   already uses that anchor, in which case the base version's id is added: `a-1.0-12`;
//! * characters other than letters, digits, `.`, `-` and `_` become `-`; an anchor that
//!   would still clash gets `-2`, `-3`, … appended.
//!
//! Chapter sections are anchored the same way with the prefix `ch-` (`ch-IV`, `ch-1.0-IX`
//! for a chapter that only the base version has, `ch-none` for articles outside chapters).

use std::collections::{HashMap, HashSet};

use crate::change::{Change, ChangeKind, Comparison, ImpactRow, Op, Segment, Summary, VersionInfo};
use crate::model::PREAMBLE;

/// One change as a report shows it: the change and its anchors.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub change: &'a Change,
    /// The anchor of the change itself (`a-63`).
    pub anchor: String,
    /// Anchors of further head articles of a split (`a-64`), so each number can be linked.
    pub extra_anchors: Vec<String>,
}

/// The changes of one chapter, in the order the engine listed them.
#[derive(Debug, Clone)]
pub struct Section<'a> {
    /// The impact-table row of the chapter, when the engine produced one.
    pub row: Option<&'a ImpactRow>,
    /// Chapter number in the head version (or the base version when only it has one).
    pub number: Option<String>,
    pub anchor: String,
    /// The heading readers see: `Chapter IV — Migrant Workers`.
    pub heading: String,
    /// Changes other than `unchanged`.
    pub changes: Vec<Item<'a>>,
    pub unchanged: Vec<Item<'a>>,
}

/// A redline paragraph: the runs between two newlines, and the operation of the newline
/// that ends it (`None` for the article's last paragraph).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph<'a> {
    pub pieces: Vec<(Op, &'a str)>,
    pub end: Option<Op>,
}

/// Which chapter a change belongs to in the report: the head chapter, or the base
/// chapter for removals.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Home {
    Head(Option<String>),
    Base(Option<String>),
}

fn home(change: &Change) -> Home {
    if change.head.is_empty() && !change.base.is_empty() {
        Home::Base(change.base_chapter.clone())
    } else {
        Home::Head(change.head_chapter.clone())
    }
}

/// Replaces every character that is awkward in a URL fragment by `-`.
pub fn slug(text: &str) -> String {
    let s: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "x".to_owned()
    } else {
        s
    }
}

/// Hands out anchors, never the same one twice.
#[derive(Default)]
struct Anchors(HashSet<String>);

impl Anchors {
    fn claim(&mut self, wanted: String) -> String {
        let mut candidate = wanted.clone();
        let mut n = 2;
        while self.0.contains(&candidate) {
            candidate = format!("{wanted}-{n}");
            n += 1;
        }
        self.0.insert(candidate.clone());
        candidate
    }

    fn claim_preferring(&mut self, first: String, fallback: String) -> String {
        if self.0.contains(&first) {
            self.claim(fallback)
        } else {
            self.claim(first)
        }
    }
}

/// Groups the changes into chapter sections: articles outside any chapter first (the
/// preamble), then the impact table's chapters in order, then any chapter the table does
/// not list. Anchors follow the scheme in the module documentation.
pub fn sections(cmp: &Comparison) -> Vec<Section<'_>> {
    let items = anchored_items(cmp);
    let mut order: Vec<Home> = Vec::new();
    let mut rows: HashMap<Home, &ImpactRow> = HashMap::new();
    let outside = Home::Head(None);
    order.push(outside.clone());
    for row in &cmp.chapters {
        let key = match (&row.head, &row.base) {
            (Some(h), _) => Home::Head(Some(h.clone())),
            (None, Some(b)) => Home::Base(Some(b.clone())),
            (None, None) => outside.clone(),
        };
        rows.entry(key.clone()).or_insert(row);
        if !order.contains(&key) {
            order.push(key);
        }
    }
    let head_of_base: HashMap<&str, Home> = cmp
        .chapters
        .iter()
        .filter_map(|r| {
            let key = match &r.head {
                Some(h) => Home::Head(Some(h.clone())),
                None => Home::Base(r.base.clone()),
            };
            r.base.as_deref().map(|b| (b, key))
        })
        .collect();

    let mut grouped: HashMap<Home, Vec<Item<'_>>> = HashMap::new();
    for item in items {
        let mut key = home(item.change);
        if let Home::Base(Some(b)) = &key {
            key = head_of_base.get(b.as_str()).cloned().unwrap_or(key);
        }
        if let Home::Base(None) = key {
            key = outside.clone();
        }
        if !order.contains(&key) {
            order.push(key.clone());
        }
        grouped.entry(key).or_default().push(item);
    }

    // Head chapters claim their anchors before chapters only the base version has.
    let mut anchors = Anchors::default();
    let mut claimed: HashMap<Home, (Option<String>, String)> = HashMap::new();
    for key in order.iter().filter(|k| matches!(k, Home::Head(_))) {
        claimed.insert(key.clone(), chapter_anchor(key, &mut anchors, &cmp.base.id));
    }
    for key in order.iter().filter(|k| matches!(k, Home::Base(_))) {
        claimed.insert(key.clone(), chapter_anchor(key, &mut anchors, &cmp.base.id));
    }
    let mut out = Vec::new();
    for key in order {
        let row = rows.get(&key).copied();
        let list = grouped.remove(&key).unwrap_or_default();
        if list.is_empty() && row.is_none() {
            continue;
        }
        let (number, anchor) = claimed.remove(&key).unwrap_or_default();
        let heading = chapter_heading(number.as_deref(), row);
        let (unchanged, changes) = list
            .into_iter()
            .partition(|i| i.change.kind == ChangeKind::Unchanged);
        out.push(Section {
            row,
            number,
            anchor,
            heading,
            changes,
            unchanged,
        });
    }
    out
}

fn chapter_anchor(key: &Home, anchors: &mut Anchors, base_id: &str) -> (Option<String>, String) {
    match key {
        Home::Head(Some(h)) => (Some(h.clone()), anchors.claim(format!("ch-{}", slug(h)))),
        Home::Base(Some(b)) => (
            Some(b.clone()),
            anchors.claim_preferring(
                format!("ch-{}", slug(b)),
                format!("ch-{}-{}", slug(base_id), slug(b)),
            ),
        ),
        _ => (None, anchors.claim("ch-none".to_owned())),
    }
}

fn chapter_heading(number: Option<&str>, row: Option<&ImpactRow>) -> String {
    let Some(number) = number else {
        return "Outside any chapter".to_owned();
    };
    let label = match row {
        Some(ImpactRow {
            base: Some(b),
            head: Some(h),
            ..
        }) if b != h => format!("Chapter {b} → {h}"),
        Some(ImpactRow {
            base: Some(_),
            head: None,
            ..
        }) => format!("Chapter {number} (removed)"),
        Some(ImpactRow {
            base: None,
            head: Some(_),
            ..
        }) => format!("Chapter {number} (new)"),
        _ => format!("Chapter {number}"),
    };
    match row.map(|r| r.title.trim()).filter(|t| !t.is_empty()) {
        Some(title) => format!("{label} — {title}"),
        None => label,
    }
}

fn anchored_items(cmp: &Comparison) -> Vec<Item<'_>> {
    let mut anchors = Anchors::default();
    let mut items: Vec<Item<'_>> = cmp
        .changes
        .iter()
        .map(|change| Item {
            change,
            anchor: String::new(),
            extra_anchors: Vec::new(),
        })
        .collect();
    // Head numbers first, so that removals never take an anchor a head article needs.
    for item in items.iter_mut() {
        if let Some((first, rest)) = item.change.head.split_first() {
            item.anchor = anchors.claim(format!("a-{}", slug(first)));
            item.extra_anchors = rest
                .iter()
                .map(|n| anchors.claim(format!("a-{}", slug(n))))
                .collect();
        }
    }
    for (index, item) in items.iter_mut().enumerate() {
        if !item.anchor.is_empty() {
            continue;
        }
        item.anchor = match item.change.base.first() {
            Some(first) => anchors.claim_preferring(
                format!("a-{}", slug(first)),
                format!("a-{}-{}", slug(&cmp.base.id), slug(first)),
            ),
            None => anchors.claim(format!("a-change-{}", index + 1)),
        };
    }
    items
}

/// `Article 12`, `Articles 30, 31`, or `Preamble`.
pub fn side_label(numbers: &[String]) -> String {
    match numbers {
        [] => String::new(),
        [one] if one.eq_ignore_ascii_case(PREAMBLE) => PREAMBLE.to_owned(),
        [one] => format!("Article {one}"),
        many => format!("Articles {}", many.join(", ")),
    }
}

/// The article part of a change heading: `Article 63`, `Article 12 → 13`,
/// `Articles 30, 31 → 30`.
pub fn article_label(change: &Change) -> String {
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

/// The title part of a change heading: the head title, noting the old one when it
/// changed.
pub fn title_label(change: &Change) -> Option<String> {
    let base = change
        .title
        .base
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let head = change
        .title
        .head
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match (base, head) {
        (Some(b), Some(h)) if b != h => Some(format!("{h} (formerly “{b}”)")),
        (_, Some(h)) => Some(h.to_owned()),
        (Some(b), None) => Some(b.to_owned()),
        (None, None) => None,
    }
}

/// The full change heading: `Article 12 → 13 — Right to life`.
pub fn change_heading(change: &Change) -> String {
    let label = article_label(change);
    match title_label(change) {
        Some(title) => format!("{label} — {title}"),
        None => label,
    }
}

/// Where the change moved between chapters, when it did.
pub fn chapter_move(change: &Change) -> Option<String> {
    match (&change.base_chapter, &change.head_chapter) {
        (Some(b), Some(h)) if b != h => Some(format!("moved from chapter {b} to chapter {h}")),
        _ => None,
    }
}

/// Similarity and word counts of a change: `similarity 0.91 · words +14 / −3`.
pub fn change_figures(change: &Change) -> String {
    format!(
        "similarity {:.2} · words {}",
        change.similarity,
        words_delta(change.words.inserted, change.words.deleted)
    )
}

/// `+14 / −3`.
pub fn words_delta(inserted: usize, deleted: usize) -> String {
    format!("+{inserted} / −{deleted}")
}

/// A share between 0 and 1 as a whole percentage: `23 %`.
pub fn percent(share: f64) -> String {
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

/// The chapter column of the impact table: `IV`, `III → IV`, `— → IX`.
pub fn row_chapter(row: &ImpactRow) -> String {
    match (&row.base, &row.head) {
        (Some(b), Some(h)) if b == h => h.clone(),
        (b, h) => format!(
            "{} → {}",
            b.as_deref().unwrap_or("—"),
            h.as_deref().unwrap_or("—")
        ),
    }
}

/// The sums of the impact rows, for a total line. Shares and impact levels are not
/// summable and are left out.
pub fn totals(rows: &[ImpactRow]) -> ImpactRow {
    let mut t = ImpactRow {
        base: None,
        head: None,
        title: "Total".to_owned(),
        articles: Default::default(),
        unchanged: 0,
        reworded: 0,
        renumbered: 0,
        moved_in: 0,
        moved_out: 0,
        split: 0,
        merged: 0,
        added: 0,
        removed: 0,
        words: Default::default(),
        changed_share: f64::NAN,
        impact: crate::change::Impact::None,
    };
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

/// The per-kind count columns of the impact table, with their headers, in table order.
pub fn row_counts(row: &ImpactRow) -> [(&'static str, usize); 9] {
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
pub fn version_facts(v: &VersionInfo) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(v.status.iter().cloned());
    parts.extend(v.date.iter().cloned());
    if !v.themes.is_empty() {
        parts.push(format!("themes: {}", v.themes.join(", ")));
    }
    parts.push(format!(
        "{} chapters, {} articles, {} words",
        v.chapters, v.articles, v.words
    ));
    parts.join(" · ")
}

/// Cuts a redline into paragraphs at its newlines (a `\r` before a newline belongs to
/// the break). Each paragraph records the operation of the newline that ends it, so a
/// paragraph break that only one version has can be tracked as such.
///
/// Trailing newlines end the article rather than separate paragraphs, so the last
/// paragraph has `end: None` — except when the whole redline is one insertion or one
/// deletion (an added or removed article), where it carries that operation so the
/// article disappears entirely when the change is rejected (or accepted). When an
/// article ends with paragraphs that only one version has, the break before them is
/// attributed to that version, so rejecting an appended paragraph leaves no empty one.
pub fn paragraphs(redline: &[Segment]) -> Vec<Paragraph<'_>> {
    let mut out: Vec<Paragraph<'_>> = Vec::new();
    let mut current = Paragraph::default();
    for segment in redline {
        let mut rest = segment.text.as_str();
        while let Some(i) = rest.find('\n') {
            let line = &rest[..i];
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.is_empty() {
                current.pieces.push((segment.op, line));
            }
            current.end = Some(segment.op);
            out.push(std::mem::take(&mut current));
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            current.pieces.push((segment.op, rest));
        }
    }
    if !current.pieces.is_empty() {
        out.push(current);
    }
    while out.last().is_some_and(|p| p.pieces.is_empty()) {
        out.pop();
    }
    let only = whole_op(redline);
    if let Some(last) = out.last_mut() {
        last.end = only;
    }
    if only.is_none() {
        attribute_trailing_breaks(&mut out);
    }
    out
}

/// The paragraph break ending `p` when only one version has it — shown as a struck or
/// underlined `¶` so that joined or split paragraphs are visible — unless the whole
/// paragraph is deleted or inserted anyway.
pub fn lone_break(p: &Paragraph<'_>) -> Option<Op> {
    match p.end {
        Some(op @ (Op::Insert | Op::Delete))
            if p.pieces.is_empty() || p.pieces.iter().any(|(o, _)| *o != op) =>
        {
            Some(op)
        }
        _ => None,
    }
}

/// The operation of a redline that is one insertion or one deletion throughout.
fn whole_op(redline: &[Segment]) -> Option<Op> {
    let mut ops = redline.iter().filter(|s| !s.text.is_empty()).map(|s| s.op);
    let first = ops.next()?;
    (first != Op::Equal && ops.all(|op| op == first)).then_some(first)
}

fn attribute_trailing_breaks(paragraphs: &mut [Paragraph<'_>]) {
    for op in [Op::Insert, Op::Delete] {
        let pure =
            |p: &Paragraph<'_>| !p.pieces.is_empty() && p.pieces.iter().all(|(o, _)| *o == op);
        let run = paragraphs.iter().rev().take_while(|p| pure(p)).count();
        if run == 0 || run == paragraphs.len() {
            continue;
        }
        let before = paragraphs.len() - run - 1;
        let breaks_in_run_are_own = paragraphs[before + 1..paragraphs.len() - 1]
            .iter()
            .all(|p| p.end == Some(op));
        if paragraphs[before].end == Some(Op::Equal) && breaks_in_run_are_own {
            paragraphs[before].end = Some(op);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture::sample;

    fn seg(op: Op, text: &str) -> Segment {
        Segment::new(op, text)
    }

    #[test]
    fn paragraphs_split_at_newlines_and_record_the_break() {
        let r = vec![
            seg(Op::Equal, "1. a"),
            seg(Op::Delete, " old\n2. b"),
            seg(Op::Insert, " new"),
            seg(Op::Equal, "\n"),
        ];
        let p = paragraphs(&r);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].pieces, vec![(Op::Equal, "1. a"), (Op::Delete, " old")]);
        assert_eq!(p[0].end, Some(Op::Delete));
        assert_eq!(
            p[1].pieces,
            vec![(Op::Delete, "2. b"), (Op::Insert, " new")]
        );
        assert_eq!(p[1].end, None);
    }

    #[test]
    fn only_breaks_one_version_has_are_marked() {
        let r = vec![
            seg(Op::Equal, "a"),
            seg(Op::Delete, "\nb\n"),
            seg(Op::Equal, "c\n"),
        ];
        let p = paragraphs(&r);
        let marks: Vec<Option<Op>> = p.iter().map(lone_break).collect();
        assert_eq!(marks, [Some(Op::Delete), None, None]);
    }

    #[test]
    fn an_added_article_keeps_its_operation_on_the_last_break() {
        let r = vec![seg(Op::Insert, "1. x\n2. y\n")];
        let p = paragraphs(&r);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].end, Some(Op::Insert));
        assert_eq!(p[1].end, Some(Op::Insert));
    }

    #[test]
    fn an_appended_paragraph_owns_the_break_before_it() {
        let r = vec![seg(Op::Equal, "1. x\n2. y\n"), seg(Op::Insert, "3. z\n")];
        let p = paragraphs(&r);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].end, Some(Op::Equal));
        assert_eq!(p[1].end, Some(Op::Insert));
        assert_eq!(p[2].end, None);
    }

    #[test]
    fn anchors_follow_head_numbers_and_avoid_clashes() {
        let cmp = sample();
        let all: Vec<(String, String)> = sections(&cmp)
            .iter()
            .flat_map(|s| s.changes.iter().chain(&s.unchanged))
            .map(|i| (article_label(i.change), i.anchor.clone()))
            .collect();
        let find = |label: &str| {
            all.iter()
                .find(|(l, _)| l == label)
                .map(|(_, a)| a.as_str())
                .unwrap_or_else(|| panic!("no {label} in {all:?}"))
        };
        assert_eq!(find("Article 3"), "a-3");
        // Base article 2 was removed while head article 2 exists (renumbered from 4).
        assert_eq!(find("Article 2"), "a-1.0-2");
        assert_eq!(find("Article 5 → 5, 5bis"), "a-5");
        let mut seen = HashSet::new();
        for (_, a) in &all {
            assert!(seen.insert(a.clone()), "duplicate anchor {a}");
        }
    }

    #[test]
    fn sections_follow_the_impact_table_and_place_removals_in_their_base_chapter() {
        let cmp = sample();
        let s = sections(&cmp);
        let headings: Vec<&str> = s.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Outside any chapter",
                "Chapter I — General <provisions> & scope",
                "Chapter II → III — Workers",
                "Chapter IV (new) — Health",
            ]
        );
        let removed = s
            .iter()
            .find(|s| {
                s.changes
                    .iter()
                    .any(|i| i.change.kind == ChangeKind::Removed)
            })
            .map(|s| s.anchor.as_str());
        assert_eq!(removed, Some("ch-I"));
        let total: usize = s.iter().map(|s| s.changes.len() + s.unchanged.len()).sum();
        assert_eq!(total, cmp.changes.len());
    }

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
