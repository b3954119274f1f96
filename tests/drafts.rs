//! The shipped MIMC drafts: their shape, their lineage, and that across them the engine
//! meets every change kind.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use draftdiff::compare::{compare, Options};
use draftdiff::load::{load_dir, Catalog};
use draftdiff::validate;
use draftdiff::{ChangeKind, Severity};

fn catalog() -> Catalog {
    Catalog::open(&Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts")).unwrap()
}

#[test]
fn every_shipped_draft_loads_and_lints_clean() {
    let catalog = catalog();
    let ids = catalog.ids();
    for id in [
        "1.0",
        "2.0",
        "3.0-environment",
        "3.0-health",
        "3.0-democracy",
        "3.0",
    ] {
        assert!(ids.contains(&id.to_owned()), "{id} missing from {ids:?}");
    }
    for draft in catalog.load_all().unwrap() {
        let mut problems = validate::lint(&draft);
        problems.extend(validate::lint_lineage(&draft, &catalog));
        assert!(problems.is_empty(), "{}: {problems:?}", draft.meta.id);
    }
}

#[test]
fn mimc_1_0_has_the_published_shape() {
    let d = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/mimc-1.0")).unwrap();
    assert_eq!(d.chapters.len(), 8);
    assert_eq!(d.article_count(), 165);
    assert!(d.preamble.is_some());
    let numbers: Vec<String> = d
        .chapters
        .iter()
        .flat_map(|c| c.articles.iter().map(|a| a.number.clone()))
        .collect();
    let expected: Vec<String> = (1..=165).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    let average = d
        .chapters
        .iter()
        .flat_map(|c| &c.articles)
        .map(|a| a.words())
        .sum::<usize>()
        / 165;
    assert!((40..=260).contains(&average), "average {average} words");
}

#[test]
fn proposals_revise_1_0_in_at_least_five_articles() {
    let catalog = catalog();
    let base = catalog.resolve("1.0").unwrap();
    for id in ["3.0-environment", "3.0-health", "3.0-democracy", "3.0"] {
        let head = catalog.resolve(id).unwrap();
        assert_eq!(head.meta.parent.as_deref(), Some("1.0"), "{id}");
        let c = compare(&base, &head, &Options::default());
        let changed = c
            .changes
            .iter()
            .filter(|c| c.kind != ChangeKind::Unchanged && c.severity > Severity::None)
            .count();
        assert!(changed >= 5, "{id} changes only {changed} articles");
    }
}

#[test]
fn every_change_kind_and_severity_occurs_across_the_versions() {
    let catalog = catalog();
    let base = catalog.resolve("1.0").unwrap();
    let mut kinds = BTreeSet::new();
    let mut severities = BTreeSet::new();
    for id in [
        "2.0",
        "3.0-environment",
        "3.0-health",
        "3.0-democracy",
        "3.0",
    ] {
        let head = catalog.resolve(id).unwrap();
        for c in compare(&base, &head, &Options::default()).changes {
            kinds.insert(c.kind);
            if c.kind == ChangeKind::Reworded {
                severities.insert(c.severity);
            }
        }
    }
    for k in ChangeKind::ALL {
        assert!(
            kinds.contains(&k),
            "no {k} change across the shipped drafts"
        );
    }
    for s in [Severity::Editorial, Severity::Minor, Severity::Substantive] {
        assert!(
            severities.contains(&s),
            "no {s} rewording across the shipped drafts"
        );
    }
}
