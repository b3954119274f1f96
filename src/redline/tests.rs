//! Tests of the redline stage through its public API: edge cases of tokenisation, the
//! clean-up as a reader sees it, the round-trip invariant (property tests), the bounded
//! fallback and snapshots of readable redlines.

use proptest::prelude::*;

use super::*;
use crate::model::word_count;

/// `[-deleted-]{+inserted+}` rendering, as in `git diff --word-diff`.
fn show(r: &Redline) -> String {
    r.segments
        .iter()
        .map(|s| match s.op {
            Op::Equal => s.text.clone(),
            Op::Delete => format!("[-{}-]", s.text),
            Op::Insert => format!("{{+{}+}}", s.text),
        })
        .collect()
}

/// Every structural promise of [`Redline`], checked on one pair of texts.
fn check(base: &str, head: &str) -> Redline {
    let r = redline(base, head);
    assert_eq!(r.base(), base, "base side must round-trip");
    assert_eq!(r.head(), head, "head side must round-trip");
    assert!(
        r.segments.iter().all(|s| !s.text.is_empty()),
        "empty segment"
    );
    for pair in r.segments.windows(2) {
        assert_ne!(pair[0].op, pair[1].op, "two adjacent {:?} runs", pair[0].op);
        assert!(
            !(pair[0].op == Op::Insert && pair[1].op == Op::Delete),
            "insert before delete"
        );
    }
    let sim = r.similarity(word_count(base), word_count(head));
    assert!((0.0..=1.0).contains(&sim));
    r
}

#[test]
fn empty_and_identical_texts() {
    let r = check("", "");
    assert!(r.segments.is_empty());
    assert_eq!(r.similarity(0, 0), 1.0);
    let r = check("Same text.", "Same text.");
    assert_eq!(r.segments, [Segment::new(Op::Equal, "Same text.")]);
    assert_eq!((r.inserted, r.deleted, r.coarse), (0, 0, false));
}

#[test]
fn one_side_empty() {
    let r = check("", "New article text.");
    assert_eq!(r.segments, [Segment::new(Op::Insert, "New article text.")]);
    assert_eq!((r.inserted, r.deleted), (3, 0));
    let r = check("Old text", "");
    assert_eq!(r.segments, [Segment::new(Op::Delete, "Old text")]);
    assert_eq!(r.similarity(2, 0), 0.0);
}

#[test]
fn whitespace_only_texts_and_changes() {
    let r = check("   ", "\t\n");
    assert_eq!((r.inserted, r.deleted), (0, 0));
    let r = check("States  shall act", "States shall act");
    assert_eq!(show(&r), "States[-  -]{+ +}shall act");
    assert_eq!((r.inserted, r.deleted), (0, 0));
}

#[test]
fn crlf_and_tabs_are_kept_exactly() {
    let r = check("1. First.\r\n2. Second.", "1. First.\n2. Second.");
    assert_eq!(show(&r), "1. First.[-\r\n-]{+\n+}2. Second.");
    check("a\tb\tc", "a\tb c");
    check("line\r\n\r\nnext", "line\r\n\r\nnext one\r\n");
}

#[test]
fn unicode_words_are_whole() {
    let r = check("Les États parties", "Les Etats parties");
    assert_eq!(show(&r), "Les [-États-]{+Etats+} parties");
    let r = check("移民の権利を保護する", "移民の権利を尊重する");
    assert_eq!(
        (r.base(), r.head()),
        ("移民の権利を保護する".into(), "移民の権利を尊重する".into())
    );
    assert!(r.deleted >= 1 && r.inserted >= 1);
    let r = check("حقوق المهاجرين مكفولة", "حقوق اللاجئين مكفولة");
    assert_eq!(show(&r), "حقوق [-المهاجرين-]{+اللاجئين+} مكفولة");
    let r = check("Welcome 👋 all", "Welcome 👋🏽 all");
    assert_eq!((r.inserted, r.deleted), (0, 0));
    check("e\u{301}tat", "état");
}

#[test]
fn a_rewritten_phrase_is_one_deletion_then_one_insertion() {
    let r = check(
        "States Parties shall take appropriate measures to protect migrants.",
        "States Parties must adopt effective steps to protect migrants.",
    );
    assert_eq!(
        show(&r),
        "States Parties [-shall take appropriate measures-]{+must adopt effective steps+} \
         to protect migrants."
    );
    assert_eq!((r.deleted, r.inserted), (4, 4));
}

#[test]
fn trapped_punctuation_is_absorbed_into_the_change() {
    let r = check(
        "the rights, duties and powers",
        "the freedoms; obligations and powers",
    );
    assert_eq!(
        show(&r),
        "the [-rights, duties-]{+freedoms; obligations+} and powers"
    );
}

#[test]
fn separate_edits_stay_separate() {
    let r = check(
        "within 30 days of receipt, and 60 days of appeal",
        "within 45 days of receipt, and 90 days of appeal",
    );
    assert_eq!(
        show(&r),
        "within [-30-]{+45+} days of receipt, and [-60-]{+90+} days of appeal"
    );
}

#[test]
fn edits_in_different_paragraphs_stay_apart() {
    let r = check("1. Alpha\n2. Beta", "1. Gamma\n2. Delta");
    assert_eq!(show(&r), "1. [-Alpha-]{+Gamma+}\n2. [-Beta-]{+Delta+}");
}

#[test]
fn similarity_is_the_dice_share_of_kept_words() {
    let r = check("a b c d", "a b x d");
    assert_eq!((r.deleted, r.inserted), (1, 1));
    assert!((r.similarity(4, 4) - 0.75).abs() < 1e-12);
    assert_eq!(r.similarity(0, 0), 1.0);
    // Counts larger than the texts' own never push it out of range.
    assert_eq!(r.similarity(0, 1), 0.0);
}

/// Deterministic prose: `n` words from a small legal vocabulary, with sentences and
/// paragraphs, varied by `seed`.
fn prose(n: usize, seed: u64) -> String {
    const VOCAB: &[&str] = &[
        "States",
        "Parties",
        "shall",
        "may",
        "migrant",
        "workers",
        "the",
        "of",
        "rights",
        "protection",
        "in",
        "accordance",
        "with",
        "article",
        "their",
        "families",
        "and",
        "ensure",
        "access",
        "to",
        "health",
        "care",
        "education",
        "without",
        "discrimination",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::with_capacity(n * 7);
    for i in 0..n {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let word = VOCAB[(state >> 33) as usize % VOCAB.len()];
        out.push_str(word);
        out.push_str(match i % 97 {
            96 => ".\n",
            n if n % 13 == 12 => ". ",
            n if n % 7 == 6 => ", ",
            _ => " ",
        });
    }
    out
}

#[test]
fn a_million_word_article_falls_back_and_still_round_trips() {
    let base = prose(1_000_000, 1);
    let mut head = base.clone();
    head.insert_str(base.len() / 2, "newly inserted clause ");
    head.replace_range(10..10, "amended ");
    let r = check(&base, &head);
    assert!(r.coarse);
}

#[test]
fn the_fallback_still_finds_word_edits_between_equal_sentences() {
    let base = prose(40_000, 5);
    let word_start_after = |at: usize| base[at..].find(' ').map_or(at, |i| at + i + 1);
    let mut head = base.clone();
    head.insert_str(word_start_after(base.len() / 2), "newly inserted clause ");
    head.insert_str(word_start_after(0), "amended ");
    let (b, h) = (Tokens::new(&base), Tokens::new(&head));
    // A budget no test machine will exhaust keeps this test independent of timing.
    let runs = coarse::runs(&b, &h, Duration::from_secs(600));
    let cleaned = cleanup::clean(&b, &h, runs);
    assert_eq!(crate::change::side(&cleaned.segments, Op::Insert), head);
    assert_eq!((cleaned.inserted, cleaned.deleted), (4, 0));
}

#[test]
fn two_unrelated_large_texts_fall_back_and_round_trip() {
    let base = prose(100_000, 2);
    let head = prose(100_000, 3);
    let r = check(&base, &head);
    assert!(r.coarse);
}

#[test]
fn texts_just_under_the_limit_stay_fine() {
    let base = prose(2_000, 4);
    let head = base.replacen("shall", "must", 3);
    let r = check(&base, &head);
    assert!(!r.coarse);
    assert_eq!((r.deleted, r.inserted), (3, 3));
}

#[test]
fn snapshot_rewritten_clause() {
    let r = check(
        "1. Every migrant worker has the right to pay and conditions of work no less \
         favourable than those enjoyed by nationals.\n2. Neither nationality nor \
         immigration status may be invoked to justify lower pay.",
        "1. Every migrant worker, whatever their status, has the right to pay and \
         conditions of work equal to those enjoyed by nationals.\n2. Neither nationality \
         nor immigration status shall be invoked to justify lower pay or worse conditions.",
    );
    insta::assert_snapshot!(show(&r));
}

#[test]
fn snapshot_added_sentence_and_renumbered_reference() {
    let r = check(
        "3. Temporary protection shall not last longer than three years without a review. \
         It shall end only when a durable solution has been found under article 109.",
        "3. Temporary protection shall not last longer than two years without a review. \
         It shall be without prejudice to the right to apply for refugee status. \
         It shall end only when a durable solution has been found under article 110.",
    );
    insta::assert_snapshot!(show(&r));
}

#[test]
fn snapshot_heavy_rewrite() {
    let r = check(
        "States Parties shall take all appropriate measures to facilitate the return of \
         migrants in safety and dignity.",
        "Each State shall ensure that any return is voluntary, safe and dignified.",
    );
    insta::assert_snapshot!(show(&r));
}

/// Words, spaces, punctuation, line breaks and non-Latin pieces to build texts from.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,8}",
        2 => Just(" ".to_owned()),
        1 => prop::sample::select(vec![
            ", ", ". ", "\n", "\r\n", "\t", "  ", "(a) ", "30", "1.5", "É", "権利", "مكفولة",
            "👋🏽", "’", "\"", "the", "shall", "not", "[^1]", "[^2]", "\n[^1]: ", "[^",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A text and an edited copy: random word inserts, deletions and replacements.
fn edited() -> impl Strategy<Value = (String, String)> {
    let words = prop::collection::vec(piece(), 0..80);
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, piece()), 0..12);
    (words, edits).prop_map(|(words, edits)| {
        let mut head = words.clone();
        for (at, kind, word) in edits {
            let len = head.len();
            match kind {
                0 => head.insert(at.index(len + 1), word),
                1 if len > 0 => {
                    head.remove(at.index(len));
                }
                _ if len > 0 => head[at.index(len)] = word,
                _ => head.push(word),
            }
        }
        (words.concat(), head.concat())
    })
}

proptest! {
    #[test]
    fn round_trip_on_arbitrary_unicode(base in "\\PC{0,60}", head in "\\PC{0,60}") {
        check(&base, &head);
    }

    #[test]
    fn round_trip_on_arbitrary_strings_with_controls(base in ".{0,40}", head in ".{0,40}") {
        check(&base, &head);
    }

    #[test]
    fn round_trip_on_edited_texts((base, head) in edited()) {
        let r = check(&base, &head);
        let count = |op| -> usize {
            r.segments.iter().filter(|s| s.op == op).map(|s| word_count(&s.text)).sum()
        };
        prop_assert_eq!(r.inserted, count(Op::Insert));
        prop_assert_eq!(r.deleted, count(Op::Delete));
        prop_assert!(!r.coarse);
    }
}

/// Pieces for long texts where a slide has room: a few words repeated often, spaces,
/// line breaks, and the pieces the tokeniser treats specially.
fn repetitive_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec!["a", "b", "the", "12", "13", "Article"]).prop_map(str::to_owned),
        6 => Just(" ".to_owned()),
        1 => Just("\n".to_owned()),
        1 => piece(),
        1 => prop::sample::select(vec![
            "\n", "\n\n", "\r\n", "  ", ". ", "a b ", "12(3)", "can't", "_", "|", "\\|",
            "\u{301}", "é", "\u{a0}", "\u{200d}",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A long text and a copy with one to three small edits (up to three pieces replaced by up
/// to three others, or a stretch of the text around the edit repeated, which slides), at
/// random places or within a few pieces of either end.
fn near_equal() -> impl Strategy<Value = (String, String)> {
    let words = prop::collection::vec(repetitive_piece(), 100..700);
    let edit = (
        any::<prop::sample::Index>(),
        0..6u8,
        0..4usize,
        prop::collection::vec(repetitive_piece(), 0..4),
        1..12usize,
    );
    let edits = prop::collection::vec(edit, 1..3);
    (words, edits).prop_map(|(words, edits)| {
        let mut head = words.clone();
        for (at, place, drop, insert, repeat) in edits {
            let len = head.len();
            let at = match place {
                0 => at.index(len.min(6) + 1),
                1 => len - at.index(len.min(6) + 1),
                _ => at.index(len + 1),
            };
            let end = (at + drop).min(len);
            let new = if place >= 4 {
                head[at.saturating_sub(repeat)..at].to_vec()
            } else {
                insert
            };
            head.splice(at..end, new);
        }
        (words.concat(), head.concat())
    })
}

/// A long text with a periodic stretch (`a a a …`, `the\nthe\n…`) that the copy has a
/// few periods more or fewer of: the edit can slide up to the whole stretch, so these pairs
/// test the margin a cut leaves for the slide.
fn periodic() -> impl Strategy<Value = (String, String)> {
    let text = || prop::collection::vec(repetitive_piece(), 0..250);
    let unit = prop::sample::select(vec![
        "a ", " a", "the ", "a b ", "12 ", "\n", "a\n", " ", ". ", "a, ", "(a) ", "\r\n",
    ]);
    (text(), unit, 1..100usize, 1..4usize, any::<bool>(), text()).prop_map(
        |(pre, unit, periods, change, more, post)| {
            let (pre, post) = (pre.concat(), post.concat());
            let other = if more {
                periods + change
            } else {
                periods.saturating_sub(change)
            };
            let side = |n: usize| format!("{pre}{}{post}", unit.repeat(n));
            (side(periods), side(other))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]
    /// Tokenising only around the changed middle (`trim`) gives the redline of the whole
    /// texts: segments, word counts and all.
    #[test]
    fn the_trimmed_redline_is_the_whole_redline(
        (base, head) in prop_oneof![near_equal(), periodic()]
    ) {
        prop_assume!(base != head);
        prop_assert_eq!(word_redline(&base, &head), whole_redline(&base, &head));
    }
}

/// The trimmed path is taken on texts like the property test's, so that the test above
/// tests it.
#[test]
fn near_equal_texts_are_trimmed() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut trimmed = [0; 3];
    for _ in 0..300 {
        let (base, head) = near_equal().new_tree(&mut runner).unwrap().current();
        let cut = trim::Cut::of(&base, &head);
        trimmed[usize::from(cut.front > 0) + usize::from(cut.back > 0)] += 1;
    }
    assert!(
        trimmed[1] > 60 && trimmed[2] > 30,
        "of 300 pairs, {trimmed:?} cut on no, one and both sides"
    );
}

/// Found by the fuzzer: an insertion that repeats the whole base text slides to the start,
/// and the text it passes must reappear after it.
#[test]
fn an_insertion_repeating_the_whole_base_keeps_the_base() {
    let a = "The rent for a plot shall not exceed the cost of upkeep.\n";
    let r = check(a, &format!("{a}.\n§ 4a Rent\n{a}"));
    assert_eq!(r.deleted, 0);
    let r = check(a, &format!("{a}{a}"));
    assert_eq!(r.deleted, 0);
    let r = check(&format!("{a}{a}"), a);
    assert_eq!(r.inserted, 0);
}

/// A note reference is replaced whole, never cut inside its brackets, and a changed note
/// definition shows its word edit.
#[test]
fn note_references_are_whole_in_a_redline() {
    let r = check(
        "Fishing is allowed[^1].\n[^1]: Since 1990.\n",
        "Fishing is allowed[^2].\n[^2]: Since 1995.\n",
    );
    for s in &r.segments {
        if s.op != Op::Equal {
            assert!(
                !s.text.starts_with(']') && !s.text.ends_with("[^"),
                "{}",
                show(&r)
            );
        }
    }
    assert!(show(&r).contains("[-[^1]-]{+[^2]+}"), "{}", show(&r));
    let r = check(
        "Text[^1].\n[^1]: Old note.\n",
        "Text[^1].\n[^1]: New note.\n",
    );
    assert_eq!(show(&r), "Text[^1].\n[^1]: [-Old-]{+New+} note.\n");
}

/// Texts with tables: lines of words and pipe rows of escaped cells.
fn tabled() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[a-d .]{1,10}",
        proptest::collection::vec("[a-d|\\\\ ]{0,5}", 1..4).prop_map(|c| crate::pipe::row(&c)),
    ];
    (proptest::collection::vec(line, 0..7), proptest::bool::ANY).prop_map(|(l, end)| {
        let mut s = l.join("\n");
        if end {
            s.push('\n');
        }
        s
    })
}

proptest! {
    #[test]
    fn round_trip_on_texts_with_tables(base in tabled(), head in tabled()) {
        let r = check(&base, &head);
        let count = |op| -> usize {
            r.segments.iter().filter(|s| s.op == op).map(|s| word_count(&s.text)).sum()
        };
        prop_assert_eq!(r.inserted, count(Op::Insert));
        prop_assert_eq!(r.deleted, count(Op::Delete));
    }
}

#[test]
fn a_removed_row_next_to_a_changed_one_stays_a_row() {
    let base = "| Zone | Limit |\n| North | 10 t |\n| West | 4 t |\n| East | 3 t |\n";
    let head = "| Zone | Limit |\n| North | 12 t |\n| East | 3 t |\n";
    let r = check(base, head);
    assert_eq!(
        show(&r),
        "| Zone | Limit |\n| North | [-10-]{+12+} t |\n[-| West | 4 t |\n-]| East | 3 t |\n"
    );
}
