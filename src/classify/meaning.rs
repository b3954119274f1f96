//! Meaning-bearing words: the changes that make a reworded article substantive whatever
//! their size.
//!
//! The redline is walked hunk by hunk (a deletion and the insertion that replaces it). In
//! each hunk the words of a few kinds are counted on both sides, and only the difference
//! counts: the clean-up may absorb an unchanged "shall" into a rewritten phrase, and that
//! "shall" is then on both sides and cancels out.
//!
//! * modal verbs: `shall`, `may`, `must`, `should`… — "'shall' became 'may'";
//! * negations: `not`, `no`, `never`, `nor`, `without`… — "negation added: 'not'";
//! * numbers (digits or number words) other than cross-reference numbers and paragraph
//!   numbers — "number changed: 30 → 60" — and units of time — "period changed: months →
//!   years";
//! * cross-references added or removed (not merely renumbered) — "reference added: article
//!   18";
//! * square brackets added or removed, which in treaty practice open or settle a
//!   negotiation — "square brackets removed".

use std::ops::Range;

use crate::change::{Op, Segment};

/// Modal verbs of obligation and permission. "would", "could" and "might" are left out:
/// in legal drafting they are conditional ("where entry would be refused"), not deontic.
const MODALS: &[&str] = &["can", "may", "must", "ought", "shall", "should", "will"];

const NEGATIONS: &[&str] = &[
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
    "without",
];

/// Cardinal number words. "one" is left out: it is far more often a pronoun ("one that
/// results from…") than a count.
const NUMBER_WORDS: &[&str] = &[
    "billion",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "hundred",
    "million",
    "nine",
    "nineteen",
    "ninety",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "thousand",
    "three",
    "twelve",
    "twenty",
    "two",
    "zero",
];

/// Units of time, singular (a trailing "s" is dropped before the lookup).
const PERIODS: &[&str] = &["day", "hour", "minute", "month", "week", "year"];

/// The reasons a redline is substantive regardless of its size; empty if there are none.
pub(crate) fn triggers(base: &str, head: &str, segments: &[Segment]) -> Vec<String> {
    let base_refs: Vec<Range<usize>> = crate::citations::references(base)
        .into_iter()
        .map(|r| r.range)
        .collect();
    let head_refs: Vec<Range<usize>> = crate::citations::references(head)
        .into_iter()
        .map(|r| r.range)
        .collect();
    let mut reasons = Vec::new();
    let mut brackets = (0, 0);
    let (mut b_at, mut h_at) = (0, 0);
    let mut i = 0;
    while i < segments.len() {
        if segments[i].op == Op::Equal {
            b_at += segments[i].text.len();
            h_at += segments[i].text.len();
            i += 1;
            continue;
        }
        let mut deleted = Side::default();
        let mut inserted = Side::default();
        while let Some(s) = segments.get(i).filter(|s| s.op != Op::Equal) {
            if s.op == Op::Delete {
                deleted.read(base, b_at..b_at + s.text.len(), &base_refs);
                b_at += s.text.len();
            } else {
                inserted.read(head, h_at..h_at + s.text.len(), &head_refs);
                h_at += s.text.len();
            }
            i += 1;
        }
        compare(&deleted, &inserted, &mut reasons);
        brackets.0 += deleted.brackets;
        brackets.1 += inserted.brackets;
    }
    // Brackets come in pairs, often in two hunks: one reason for the whole text.
    match brackets.1.cmp(&brackets.0) {
        std::cmp::Ordering::Greater => reasons.push("square brackets added".to_owned()),
        std::cmp::Ordering::Less => reasons.push("square brackets removed".to_owned()),
        std::cmp::Ordering::Equal => {}
    }
    summarise(reasons)
}

/// At most this many distinct reasons are listed; the rest are counted.
pub(crate) const MAX_REASONS: usize = 5;

/// Merge repeated reasons ("'shall' became 'should' (3 times)") and cap the list.
fn summarise(reasons: Vec<String>) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for reason in reasons {
        match counted.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += 1,
            None => counted.push((reason, 1)),
        }
    }
    let more: usize = counted.iter().skip(MAX_REASONS).map(|(_, n)| n).sum();
    let mut out: Vec<String> = counted
        .into_iter()
        .take(MAX_REASONS)
        .map(|(r, n)| {
            if n == 1 {
                r
            } else {
                format!("{r} ({n} times)")
            }
        })
        .collect();
    match more {
        0 => {}
        1 => out.push("1 more such change".to_owned()),
        n => out.push(format!("{n} more such changes")),
    }
    out
}

/// The meaning-bearing words on one side of a hunk, in order.
#[derive(Default)]
struct Side {
    modals: Vec<String>,
    negations: Vec<String>,
    numbers: Vec<String>,
    periods: Vec<String>,
    references: Vec<String>,
    brackets: usize,
}

impl Side {
    fn read(&mut self, text: &str, range: Range<usize>, refs: &[Range<usize>]) {
        let piece = &text[range.clone()];
        self.brackets += piece.matches(['[', ']']).count();
        for r in refs
            .iter()
            .filter(|r| r.start >= range.start && r.end <= range.end)
        {
            self.references.push(text[r.clone()].to_owned());
        }
        // Each word lower-cased into one buffer, copied only when it is kept: most changed
        // words are none of the kinds looked for.
        let mut buf = String::new();
        crate::model::for_each_word_index(piece, |offset, word| {
            let start = range.start + offset;
            if word.is_ascii() {
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
            } else {
                let lower = word.to_lowercase();
                buf = match lower.contains('\u{2019}') {
                    true => lower.replace('\u{2019}', "'"),
                    false => lower,
                };
            }
            let lower = buf.as_str();
            if let Some(stem) = lower.strip_suffix("n't") {
                if let Some(modal) = contraction(stem) {
                    self.modals.push(modal.to_owned());
                }
                self.negations.push(lower.to_owned());
            } else if MODALS.contains(&lower) {
                self.modals.push(lower.to_owned());
            } else if NEGATIONS.contains(&lower) {
                if lower == "cannot" {
                    self.modals.push("can".to_owned());
                }
                self.negations.push(lower.to_owned());
            } else if word.chars().any(|c| c.is_ascii_digit()) {
                let cited = refs.iter().any(|r| r.start <= start && start < r.end);
                if !cited && !is_paragraph_number(text, start, start + word.len()) {
                    self.numbers.push(word.to_owned());
                }
            } else if NUMBER_WORDS.contains(&lower) {
                self.numbers.push(lower.to_owned());
            } else if PERIODS.contains(&lower.strip_suffix('s').unwrap_or(lower)) {
                self.periods.push(lower.trim_end_matches('s').to_owned());
            }
        });
    }
}

/// The modal in a negative contraction's stem: `ca(n't)` → `can`, `wo(n't)` → `will`,
/// `should(n't)` → `should`; `None` for `does(n't)`, `would(n't)`.
fn contraction(stem: &str) -> Option<&'static str> {
    match stem {
        "ca" => Some("can"),
        "wo" => Some("will"),
        "sha" => Some("shall"),
        other => MODALS.iter().find(|m| **m == other).copied(),
    }
}

/// A number at the start of a line followed by `.` or `)`: a paragraph number.
fn is_paragraph_number(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].trim_start();
    let after = &text[end..];
    (before.is_empty() || before == "(") && (after.starts_with('.') || after.starts_with(')'))
}

/// Words of `deleted` not matched in `inserted` and the other way round, each in order.
fn difference(deleted: &[String], inserted: &[String]) -> (Vec<String>, Vec<String>) {
    let mut added: Vec<Option<&String>> = inserted.iter().map(Some).collect();
    let mut removed = Vec::new();
    for word in deleted {
        match added.iter_mut().find(|w| w.is_some_and(|w| w == word)) {
            Some(slot) => *slot = None,
            None => removed.push(word.clone()),
        }
    }
    (removed, added.into_iter().flatten().cloned().collect())
}

fn compare(deleted: &Side, inserted: &Side, reasons: &mut Vec<String>) {
    let (gone, new) = difference(&deleted.modals, &inserted.modals);
    pair_up(
        &gone,
        &new,
        reasons,
        |from, to| format!("'{from}' became '{to}'"),
        |w| format!("modal '{w}' removed"),
        |w| format!("modal '{w}' added"),
    );
    let (gone, new) = difference(&deleted.negations, &inserted.negations);
    reasons.extend(new.iter().map(|w| format!("negation added: '{w}'")));
    reasons.extend(gone.iter().map(|w| format!("negation removed: '{w}'")));
    let (gone, new) = difference(&deleted.numbers, &inserted.numbers);
    pair_up(
        &gone,
        &new,
        reasons,
        |from, to| format!("number changed: {from} → {to}"),
        |w| format!("number removed: {w}"),
        |w| format!("number added: {w}"),
    );
    let (gone, new) = difference(&deleted.periods, &inserted.periods);
    pair_up(
        &gone,
        &new,
        reasons,
        |from, to| format!("period changed: {from}s → {to}s"),
        |w| format!("period removed: {w}s"),
        |w| format!("period added: {w}s"),
    );
    // A reference whose number changed is renumbering; only a change in how many
    // references there are adds or drops one.
    let (gone, new) = difference(&deleted.references, &inserted.references);
    if new.len() > gone.len() {
        let added = &new[gone.len()..];
        reasons.extend(
            added
                .iter()
                .map(|n| format!("reference added: article {n}")),
        );
    } else if gone.len() > new.len() {
        let removed = &gone[new.len()..];
        reasons.extend(
            removed
                .iter()
                .map(|n| format!("reference removed: article {n}")),
        );
    }
}

/// Report removed and added words pairwise ("x became y"), then the rest on their own.
fn pair_up(
    gone: &[String],
    new: &[String],
    reasons: &mut Vec<String>,
    became: impl Fn(&str, &str) -> String,
    removed: impl Fn(&str) -> String,
    added: impl Fn(&str) -> String,
) {
    for (from, to) in gone.iter().zip(new) {
        reasons.push(became(from, to));
    }
    reasons.extend(gone.iter().skip(new.len()).map(|w| removed(w)));
    reasons.extend(new.iter().skip(gone.len()).map(|w| added(w)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redline::redline;

    fn why(base: &str, head: &str) -> Vec<String> {
        triggers(base, head, &redline(base, head).segments)
    }

    #[test]
    fn modal_changes() {
        assert_eq!(
            why("States shall act", "States may act"),
            ["'shall' became 'may'"]
        );
        assert_eq!(
            why("States shall act", "States act"),
            ["modal 'shall' removed"]
        );
        assert_eq!(why("States act", "States must act"), ["modal 'must' added"]);
        assert!(why("States shall adopt rules", "States shall enact rules").is_empty());
    }

    #[test]
    fn negations() {
        assert_eq!(
            why("States shall act", "States shall not act"),
            ["negation added: 'not'"]
        );
        assert_eq!(
            why("with delay", "without delay"),
            ["negation added: 'without'"]
        );
        assert_eq!(
            why("never detained", "rarely detained"),
            ["negation removed: 'never'"]
        );
        assert_eq!(
            why("States can act", "States can't act"),
            ["negation added: 'can't'"]
        );
        assert_eq!(
            why("States may act", "States cannot act"),
            ["'may' became 'can'", "negation added: 'cannot'"]
        );
    }

    #[test]
    fn numbers_and_periods() {
        assert_eq!(
            why("within 30 days", "within 60 days"),
            ["number changed: 30 → 60"]
        );
        assert_eq!(
            why("three months", "three years"),
            ["period changed: months → years"]
        );
        assert_eq!(
            why("within two years", "within five years"),
            ["number changed: two → five"]
        );
        assert_eq!(why("30 days", "30 days or more"), Vec::<String>::new());
        assert_eq!(
            why("rate of 1.5", "rate of 2.5"),
            ["number changed: 1.5 → 2.5"]
        );
    }

    #[test]
    fn cross_reference_and_paragraph_numbers_do_not_count_as_numbers() {
        assert!(why("under article 7", "under article 8").is_empty());
        assert!(why("1. Text\n2. More", "1. Text\n3. More").is_empty());
        assert_eq!(
            why("articles 5, 7 and 25", "articles 5, 7, 18 and 25"),
            ["reference added: article 18"]
        );
    }

    #[test]
    fn brackets() {
        assert_eq!(
            why("[to the extent possible]", "to the extent possible"),
            ["square brackets removed"]
        );
        assert_eq!(
            why("shall act", "shall [promptly] act"),
            ["square brackets added"]
        );
    }

    #[test]
    fn repeated_reasons_are_counted_and_the_list_is_capped() {
        let base = "A shall x. B shall y. C shall z.";
        let head = "A should x. B should y. C should z.";
        assert_eq!(why(base, head), ["'shall' became 'should' (3 times)"]);
        let base = "1 2 3 4 5 6 7";
        let head = "10 20 30 40 50 60 70";
        let r = why(base, head);
        assert_eq!(r.len(), MAX_REASONS + 1);
        assert_eq!(r[MAX_REASONS], "2 more such changes");
    }

    #[test]
    fn conditional_verbs_are_not_modals() {
        assert!(why("where entry is refused", "where entry would be refused").is_empty());
        assert_eq!(
            why("it could apply", "it couldn't apply"),
            ["negation added: 'couldn't'"]
        );
    }

    #[test]
    fn absorbed_unchanged_words_cancel_out() {
        // "shall" is absorbed into the rewritten phrase but is on both sides.
        let r = why(
            "States Parties shall take appropriate measures",
            "Each State shall adopt effective steps",
        );
        assert!(r.is_empty(), "{r:?}");
    }
}
