//! A hand-built comparison for the report renderers' tests: every change kind, a renamed
//! and a new chapter, annotations, multi-paragraph redlines whose edits span newlines,
//! and draft text full of characters that are special in HTML, Markdown and XML.
//!
//! Public (but hidden from the docs) so that the integration tests that drive Chromium
//! and LibreOffice render exactly what the unit tests check.

use crate::change::{
    Change, ChangeAnnotation, ChangeKind, ChangeWords, Comparison, Impact, ImpactRow, Op, Segment,
    Severity, SideCounts, Summary, Titles, VersionInfo, WordDelta,
};

/// Text that must come out literally in every format.
pub const NASTY: &str =
    "<script>alert(1)</script> &amp; *bold* _under_ ]]> <w:t> `tick` a|b [x](y) ~z~ #1 \\";

fn seg(op: Op, text: &str) -> Segment {
    Segment::new(op, text)
}

#[allow(clippy::too_many_arguments)]
fn change(
    kind: ChangeKind,
    severity: Severity,
    base: &[&str],
    head: &[&str],
    chapters: (Option<&str>, Option<&str>),
    titles: (Option<&str>, Option<&str>),
    redline: Option<Vec<Segment>>,
) -> Change {
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let words = |op: Op| {
        redline.as_ref().map_or(0, |r| {
            r.iter()
                .filter(|s| s.op == op)
                .map(|s| s.text.split_whitespace().count())
                .sum()
        })
    };
    Change {
        severity,
        base_chapter: chapters.0.map(str::to_owned),
        head_chapter: chapters.1.map(str::to_owned),
        title: Titles {
            base: titles.0.map(str::to_owned),
            head: titles.1.map(str::to_owned),
        },
        similarity: if kind == ChangeKind::Unchanged {
            1.0
        } else {
            0.75
        },
        words: ChangeWords {
            base: 20,
            head: 22,
            inserted: words(Op::Insert),
            deleted: words(Op::Delete),
        },
        redline,
        ..Change::new(kind, owned(base), owned(head))
    }
}

#[allow(clippy::too_many_arguments)]
fn row(
    base: Option<&str>,
    head: Option<&str>,
    title: &str,
    articles: (usize, usize),
    kinds: [usize; 9],
    words: (usize, usize),
    share: f64,
    impact: Impact,
) -> ImpactRow {
    let [unchanged, reworded, renumbered, moved_in, moved_out, split, merged, added, removed] =
        kinds;
    ImpactRow {
        base: base.map(str::to_owned),
        head: head.map(str::to_owned),
        title: title.to_owned(),
        articles: SideCounts {
            base: articles.0,
            head: articles.1,
        },
        unchanged,
        reworded,
        renumbered,
        moved_in,
        moved_out,
        split,
        merged,
        added,
        removed,
        words: WordDelta {
            inserted: words.0,
            deleted: words.1,
        },
        changed_share: share,
        impact,
    }
}

/// The comparison every report test renders.
pub fn sample() -> Comparison {
    use ChangeKind::*;
    let one = Some("I");
    let mut changes = vec![
        change(
            Reworded,
            Severity::Editorial,
            &["Preamble"],
            &["Preamble"],
            (None, None),
            (None, None),
            Some(vec![
                seg(Op::Equal, "The States Parties, "),
                seg(Op::Delete, "recalling"),
                seg(Op::Insert, "Recalling"),
                seg(Op::Equal, " the Charter,\n"),
            ]),
        ),
        change(
            Unchanged,
            Severity::None,
            &["1"],
            &["1"],
            (one, one),
            (Some("Purpose"), Some("Purpose")),
            None,
        ),
        change(
            Reworded,
            Severity::Substantive,
            &["3"],
            &["3"],
            (one, one),
            (
                Some("Equality <of> treatment"),
                Some("Equality <of> treatment"),
            ),
            Some(vec![
                seg(Op::Equal, "1. Everyone "),
                seg(Op::Delete, "may"),
                seg(Op::Insert, "shall"),
                seg(Op::Equal, " enjoy "),
                seg(Op::Insert, NASTY),
                seg(Op::Equal, ".\n2. States"),
                seg(Op::Delete, ", where possible,\n3. Moreover, they"),
                seg(Op::Equal, " shall act.\n"),
                seg(Op::Insert, "4. A new <b>paragraph</b> & more.\n"),
            ]),
        ),
        change(
            Renumbered,
            Severity::Minor,
            &["4"],
            &["2"],
            (one, one),
            (Some("Definitions"), Some("Terms")),
            Some(vec![
                seg(Op::Equal, "For the purposes of this Convention"),
                seg(Op::Delete, ":"),
                seg(Op::Insert, ", "),
                seg(Op::Equal, "\"migrant\" means a person.\n"),
            ]),
        ),
        change(
            Removed,
            Severity::Substantive,
            &["2"],
            &[],
            (one, None),
            (Some("Old rule"), None),
            Some(vec![seg(
                Op::Delete,
                "1. The old rule *applied*.\n2. It had <two> paragraphs.\n",
            )]),
        ),
        change(
            Moved,
            Severity::None,
            &["6"],
            &["8"],
            (one, Some("III")),
            (Some("Work permits"), Some("Work permits")),
            Some(vec![seg(Op::Equal, "Permits are issued promptly.\n")]),
        ),
        change(
            Split,
            Severity::Substantive,
            &["5"],
            &["5", "5bis"],
            (Some("II"), Some("III")),
            (Some("Wages"), Some("Wages")),
            Some(vec![
                seg(Op::Equal, "1. Wages are paid monthly."),
                seg(Op::Insert, "\n"),
                seg(Op::Delete, " "),
                seg(Op::Equal, "2. Deductions are limited.\n"),
            ]),
        ),
        change(
            Merged,
            Severity::Minor,
            &["10", "11"],
            &["10"],
            (Some("II"), Some("III")),
            (Some("Hours"), Some("Hours and rest")),
            Some(vec![
                seg(Op::Equal, "Working hours are reasonable."),
                seg(Op::Delete, "\n"),
                seg(Op::Insert, " "),
                seg(Op::Equal, "Rest is guaranteed.\n"),
            ]),
        ),
        change(
            Added,
            Severity::Substantive,
            &[],
            &["12"],
            (None, Some("IV")),
            (None, Some("Health | care")),
            Some(vec![seg(
                Op::Insert,
                "1. Everyone has access to care_*now*.\n2. Second `paragraph` # here.\n",
            )]),
        ),
        change(
            Unchanged,
            Severity::None,
            &["13"],
            &["13"],
            (Some("IV"), Some("IV")),
            (Some("Review"), Some("Review")),
            None,
        ),
    ];
    changes[2].reasons = vec!["changes an obligation (may → shall)".into()];
    changes[2].annotations = vec![ChangeAnnotation {
        theme: "public-health".into(),
        rationale: "Makes equality <b>binding</b> & adds `paragraph 4`.".into(),
    }];
    changes[8].annotations = vec![ChangeAnnotation {
        theme: "democracy".into(),
        rationale: "New right to care.".into(),
    }];
    changes[0].reasons = vec!["only letter case".into()];
    changes[6].coarse = true;

    let chapters = vec![
        row(
            one,
            one,
            "General <provisions> & scope",
            (5, 4),
            [1, 1, 1, 0, 1, 0, 0, 0, 1],
            (12, 9),
            0.8,
            Impact::High,
        ),
        row(
            Some("II"),
            Some("III"),
            "Workers",
            (3, 4),
            [0, 0, 0, 1, 0, 1, 1, 0, 0],
            (2, 2),
            0.67,
            Impact::Medium,
        ),
        row(
            None,
            Some("IV"),
            "Health | welfare",
            (0, 2),
            [1, 0, 0, 0, 0, 0, 0, 1, 0],
            (13, 0),
            0.5,
            Impact::Low,
        ),
    ];
    let info = |id: &str, title: &str, status: &str, themes: &[&str]| VersionInfo {
        id: id.into(),
        title: title.into(),
        chapters: 2,
        articles: 9,
        words: 180,
        status: Some(status.into()),
        date: Some("2026-11".into()),
        themes: themes.iter().map(|t| t.to_string()).collect(),
    };
    Comparison {
        schema: crate::change::schema::DIFF,
        base: info("1.0", "Model <Convention> & co", "published", &[]),
        head: info(
            "3.0-test",
            "Proposal *three*",
            "proposal",
            &["public-health", "democracy"],
        ),
        summary: Summary::of(&changes),
        provisions: Vec::new(),
        chapters,
        changes,
        notes: vec!["Article 5 was too large for a word diff; a line diff is shown.".into()],
    }
}
