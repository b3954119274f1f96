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

mod labels;
mod paragraphs;
mod tables;

pub use labels::*;
pub(crate) use paragraphs::lone_break;
pub use paragraphs::{paragraphs, Paragraph};
pub(crate) use tables::Row;
pub use tables::{parts, Part};

use std::collections::{HashMap, HashSet};

use crate::change::{Change, ChangeKind, Comparison, ImpactRow};

/// One change as a report shows it: the change and its anchors.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The change.
    pub change: &'a Change,
    /// The anchor of the change itself (`a-63`).
    pub anchor: String,
    /// Anchors of further head articles of a split (`a-64`), so each number can be linked.
    pub extra_anchors: Vec<String>,
    /// For an article moved from another chapter: the anchor of the place it left
    /// (`from-a-23`), listed under its base chapter as a [`MovedOut`].
    pub from: Option<String>,
}

/// The place an article moved to another chapter left: shown in its base chapter,
/// linked to where it went.
#[derive(Debug, Clone)]
pub struct MovedOut<'a> {
    /// The change of the article that moved.
    pub change: &'a Change,
    /// The anchor of this place: `from-` + the anchor of the change (`from-a-23`).
    pub anchor: String,
    /// The anchor of the change in its new chapter (`a-23`).
    pub to: String,
}

/// The changes of one chapter, in the order the engine listed them.
#[derive(Debug, Clone)]
pub struct Section<'a> {
    /// The impact-table row of the chapter, when the engine produced one.
    pub row: Option<&'a ImpactRow>,
    /// Chapter number in the head version (or the base version when only it has one).
    pub number: Option<String>,
    /// The anchor of the section (`ch-IV`).
    pub anchor: String,
    /// The heading readers see: `Chapter IV — Migrant Workers`.
    pub heading: String,
    /// Changes other than `unchanged`.
    pub changes: Vec<Item<'a>>,
    /// Changes of kind `unchanged`.
    pub unchanged: Vec<Item<'a>>,
    /// Articles of this chapter moved to another one: the places they left.
    pub moved_out: Vec<MovedOut<'a>>,
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

/// "Recital 5 → Recital 7", "Citation 2", "Recitals 3 + 4 → Recital 6".
pub(crate) fn recital_numbers(change: &Change) -> String {
    unit_numbers(change, crate::compare::units::label)
}

/// "Disposición adicional primera → Disposición adicional segunda".
pub(crate) fn provision_numbers(change: &Change) -> String {
    let numbers = unit_numbers(change, crate::compare::units::provision_label);
    match change
        .title
        .head
        .as_deref()
        .or(change.title.base.as_deref())
    {
        Some(t) if !t.is_empty() => format!("{numbers} — {t}"),
        _ => numbers,
    }
}

fn unit_numbers(change: &Change, label: fn(&str) -> String) -> String {
    let side = |ns: &[String]| ns.iter().map(|n| label(n)).collect::<Vec<_>>().join(" + ");
    match (change.base.as_slice(), change.head.as_slice()) {
        ([], h) => side(h),
        (b, []) => side(b),
        (b, h) if b == h => side(b),
        (b, h) => format!("{} → {}", side(b), side(h)),
    }
}

/// The recitals of a preamble change as reports list them: the ones with edited words
/// (or added, removed, split, merged), each with its redline, and the ones only
/// renumbered with the same words, which one line names.
pub(crate) fn recital_entries(c: &Change) -> (Vec<&Change>, Vec<&Change>) {
    unit_entries(&c.recitals)
}

/// Units (recitals, provisions) with edited words, and those only renumbered.
pub(crate) fn unit_entries(units: &[Change]) -> (Vec<&Change>, Vec<&Change>) {
    let same_words = |r: &&Change| {
        r.redline
            .as_deref()
            .is_none_or(|red| red.iter().all(|s| s.op == crate::change::Op::Equal))
    };
    units
        .iter()
        .filter(|r| r.kind != ChangeKind::Unchanged)
        .partition(|r| !(r.kind == ChangeKind::Renumbered && same_words(r)))
}

/// "Recitals and citations renumbered with the same words: 5 → 7, 6 → 8".
pub(crate) fn plain_units_line(what: &str, plain: &[&Change]) -> Option<String> {
    let pairs: Vec<String> = plain
        .iter()
        .map(|r| format!("{} → {}", r.base.join("+"), r.head.join("+")))
        .collect();
    (!pairs.is_empty()).then(|| {
        format!(
            "{what} renumbered with the same words: {}",
            pairs.join(", ")
        )
    })
}

/// Replaces every character that is awkward in a URL fragment by `-`.
pub(crate) fn slug(text: &str) -> String {
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
/// not list. A removal goes to the section of its base chapter's row (which may be
/// renumbered in the head), or, when no row names its chapter, to the head chapter of the
/// same number. Anchors follow the scheme in the module documentation.
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

    let head_chapters: HashSet<&str> = cmp
        .changes
        .iter()
        .filter(|c| !c.head.is_empty())
        .filter_map(|c| c.head_chapter.as_deref())
        .collect();

    let mut grouped: HashMap<Home, Vec<Item<'_>>> = HashMap::new();
    for item in items {
        let mut key = home(item.change);
        if let Home::Base(Some(b)) = &key {
            // Without a table row, a removal joins the head chapter of the same number.
            let same_number = Home::Head(Some(b.clone()));
            key = match head_of_base.get(b.as_str()) {
                Some(mapped) => mapped.clone(),
                None if head_chapters.contains(b.as_str()) => same_number,
                None => key,
            };
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
            moved_out: Vec::new(),
        });
    }
    link_moves(&mut out);
    out
}

/// Gives each article moved between chapters a second place: the section of its base
/// chapter lists it as [`MovedOut`], and the change records that place's anchor. A move
/// whose base chapter has no section of its own (a report cut to one chapter) keeps only
/// its new place.
fn link_moves(sections: &mut [Section<'_>]) {
    let mut links = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        for (k, item) in s.changes.iter().enumerate() {
            let c = item.change;
            if c.kind != ChangeKind::Moved || c.base_chapter == c.head_chapter {
                continue;
            }
            let base = c.base_chapter.as_deref();
            let from = sections
                .iter()
                .position(|t| t.row.is_some_and(|r| r.base.as_deref() == base))
                .or_else(|| sections.iter().position(|t| t.number.as_deref() == base));
            if let Some(j) = from.filter(|j| *j != i) {
                links.push((i, k, j));
            }
        }
    }
    for (i, k, j) in links {
        let item = &mut sections[i].changes[k];
        let anchor = format!("from-{}", item.anchor);
        item.from = Some(anchor.clone());
        let moved = MovedOut {
            change: item.change,
            anchor,
            to: item.anchor.clone(),
        };
        sections[j].moved_out.push(moved);
    }
}

fn chapter_anchor(key: &Home, anchors: &mut Anchors, base_id: &str) -> (Option<String>, String) {
    match key {
        // The one unnamed chapter of a document without chapter headings.
        Home::Head(Some(n)) | Home::Base(Some(n)) if n.is_empty() => {
            (Some(String::new()), anchors.claim("ch-articles".to_owned()))
        }
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
    if number.is_empty() {
        return "Articles".to_owned();
    }
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
            from: None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixture::sample;

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
                "Chapter IV (new) — Health | welfare",
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
    fn chapters_missing_from_the_impact_table_still_get_sections() {
        let mut cmp = sample();
        cmp.chapters.clear();
        let s = sections(&cmp);
        let headings: Vec<&str> = s.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Outside any chapter",
                "Chapter I",
                "Chapter III",
                "Chapter IV"
            ]
        );
        let removal = s[1]
            .changes
            .iter()
            .find(|i| i.change.kind == ChangeKind::Removed);
        assert!(
            removal.is_some(),
            "a removal from chapter I lands in chapter I"
        );
        let total: usize = s.iter().map(|s| s.changes.len() + s.unchanged.len()).sum();
        assert_eq!(total, cmp.changes.len());
    }
}
