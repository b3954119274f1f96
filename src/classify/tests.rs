//! Tests of severity classification through [`assess`]: one case per rule and reason, the
//! thresholds at their edges, and robustness on arbitrary input.

use proptest::prelude::*;

use super::*;
use crate::redline::redline;

fn judge(base: &str, head: &str) -> Assessment {
    assess(base, head, &redline(base, head))
}

fn verdict(base: &str, head: &str) -> (Severity, Vec<String>) {
    let a = judge(base, head);
    (a.severity, a.reasons)
}

/// `n` distinct filler words: no modal, negation or number among them.
fn filler(n: usize) -> String {
    (0..n)
        .map(|i| format!("w{}", char::from(b'a' + (i % 26) as u8)).repeat(1 + i / 26))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn identical_texts_are_none_without_reasons() {
    assert_eq!(verdict("Same.", "Same."), (Severity::None, vec![]));
    assert_eq!(verdict("", ""), (Severity::None, vec![]));
}

#[test]
fn editorial_changes_name_what_changed() {
    let cases = [
        ("States shall act.", "States shall act;", "only punctuation"),
        ("In Part B", "In part B", "only letter case"),
        (
            "under article 7",
            "under article 9",
            "only cross-reference numbers",
        ),
        ("States  shall act", "States shall act", "only whitespace"),
        (
            "the \"visitor\"",
            "the \u{201C}visitor\u{201D}",
            "only quote style",
        ),
        ("1. Text", "2. Text", "only paragraph numbering"),
    ];
    for (base, head, reason) in cases {
        assert_eq!(
            verdict(base, head),
            (Severity::Editorial, vec![reason.to_owned()]),
            "{base:?} → {head:?}"
        );
    }
}

#[test]
fn modal_negation_and_number_changes_are_substantive_whatever_their_size() {
    let long = filler(200);
    let cases = [
        ("shall", "may", "'shall' became 'may'"),
        ("shall", "shall not", "negation added: 'not'"),
        (
            "within 30 days",
            "within 60 days",
            "number changed: 30 → 60",
        ),
        (
            "for three months",
            "for three years",
            "period changed: months → years",
        ),
    ];
    for (old, new, reason) in cases {
        let base = format!("States {old} act. {long}");
        let head = format!("States {new} act. {long}");
        assert_eq!(
            verdict(&base, &head),
            (Severity::Substantive, vec![reason.to_owned()]),
            "{old} → {new}"
        );
    }
}

#[test]
fn a_large_share_of_changed_words_is_substantive() {
    let (severity, reasons) = verdict(
        "The Committee meets in Geneva each spring.",
        "The Committee convenes wherever members decide.",
    );
    assert_eq!(severity, Severity::Substantive);
    assert_eq!(reasons, ["69 % of words changed"]);
}

#[test]
fn a_long_insertion_is_substantive_even_in_a_long_article() {
    let long = filler(300);
    let clause = filler(13);
    let base = format!("{long}.");
    let head = format!("{long} {clause}.");
    assert_eq!(
        verdict(&base, &head),
        (Severity::Substantive, vec!["13 words inserted".to_owned()])
    );
}

#[test]
fn a_small_rewording_is_minor() {
    let long = filler(100);
    let base = format!("States take appropriate measures. {long}");
    let head = format!("States take all appropriate measures. {long}");
    assert_eq!(
        verdict(&base, &head),
        (
            Severity::Minor,
            vec!["wording only: 1 word changed (under 1 %)".to_owned()]
        )
    );
}

#[test]
fn the_thresholds_are_strict() {
    // 12 words inserted into 300: neither rule fires (12 is not more than 12, and the
    // share is 12 / 612 = 2 %).
    let long = filler(300);
    let base = format!("{long}.");
    let head = format!("{long} {}.", filler(12));
    assert_eq!(judge(&base, &head).severity, Severity::Minor);
    // 10 words replaced in 100: share exactly 10 % is not more than 10 %.
    let kept = filler(90);
    let base = format!("{kept} {}", filler(10).replace('w', "q"));
    let head = format!("{kept} {}", filler(10).replace('w', "v"));
    let r = redline(&base, &head);
    assert_eq!((r.deleted, r.inserted), (10, 10));
    assert_eq!(assess(&base, &head, &r).severity, Severity::Minor);
}

#[test]
fn a_new_article_is_substantive() {
    let (severity, reasons) = verdict("", "Every person has the right to leave.");
    assert_eq!(severity, Severity::Substantive);
    assert!(
        reasons.contains(&"100 % of words changed".to_owned()),
        "{reasons:?}"
    );
}

#[test]
fn triggers_and_size_are_reported_together() {
    let (severity, reasons) = verdict("States may act.", "Each State shall act at once.");
    assert_eq!(severity, Severity::Substantive);
    assert_eq!(reasons, ["100 % of words changed", "'may' became 'shall'"]);
    let long = filler(100);
    let (severity, reasons) = verdict(
        &format!("States may act. {long}"),
        &format!("States shall act. {long} {}", filler(20).replace('w', "z")),
    );
    assert_eq!(severity, Severity::Substantive);
    assert_eq!(reasons, ["'may' became 'shall'", "21 words inserted"]);
}

proptest! {
    #[test]
    fn never_panics_and_agrees_with_identity(base in "\\PC{0,80}", head in "\\PC{0,80}") {
        let a = judge(&base, &head);
        prop_assert_eq!(a.severity == Severity::None, base == head);
        prop_assert_eq!(a.reasons.is_empty(), base == head);
    }
}
