//! The terminal report: a summary line, the impact table, then each change with its
//! inline redline. Insertions and deletions are marked by more than colour (see `style`).

use comfy_table::{CellAlignment, Table};

use crate::change::{Change, ChangeKind, Comparison, ImpactRow, Op};
use crate::render::listing::table;
use crate::render::report;
use crate::render::style::Style;
use crate::summary;

/// The one-line summary: "12 changes: 3 reworded, 1 moved … (150 unchanged)".
pub fn summary_line(c: &Comparison) -> String {
    let parts: Vec<String> = ChangeKind::ALL
        .iter()
        .filter(|k| **k != ChangeKind::Unchanged && c.summary.get(**k) > 0)
        .map(|k| format!("{} {}", c.summary.get(*k), k))
        .collect();
    let changed = c.summary.changed();
    let head = format!(
        "{} ({}, {} articles) → {} ({}, {} articles)",
        c.base.id, c.base.title, c.base.articles, c.head.id, c.head.title, c.head.articles
    );
    if changed == 0 {
        format!("{head}\nno changes ({} unchanged)\n", c.summary.unchanged)
    } else {
        format!(
            "{head}\n{changed} change{}: {} ({} unchanged)\n",
            if changed == 1 { "" } else { "s" },
            parts.join(", "),
            c.summary.unchanged
        )
    }
}

fn chapter_label(row: &ImpactRow) -> String {
    match (&row.base, &row.head) {
        (Some(b), Some(h)) if b == h => b.clone(),
        (Some(b), Some(h)) => format!("{b} → {h}"),
        (Some(b), None) => format!("{b} → —"),
        (None, Some(h)) => format!("— → {h}"),
        (None, None) => String::new(),
    }
}

fn count(n: usize) -> String {
    if n == 0 {
        "·".to_owned()
    } else {
        n.to_string()
    }
}

/// The change-impact table with a totals row.
pub fn impact_table(c: &Comparison) -> String {
    let mut t: Table = table();
    t.set_header([
        "chapter",
        "title",
        "articles",
        "unch",
        "reword",
        "renum",
        "moved",
        "split",
        "merged",
        "added",
        "removed",
        "words +/−",
        "changed",
        "impact",
    ]);
    let totals = summary::totals(&c.chapters, &c.changes, c.base.words, c.head.words);
    for row in c.chapters.iter().chain(std::iter::once(&totals)) {
        let moved = match (row.moved_in, row.moved_out) {
            (0, 0) => "·".to_owned(),
            (i, 0) => format!("+{i}"),
            (0, o) => format!("−{o}"),
            (i, o) => format!("+{i}/−{o}"),
        };
        t.add_row([
            chapter_label(row),
            row.title.clone(),
            format!("{} → {}", row.articles.base, row.articles.head),
            count(row.unchanged),
            count(row.reworded),
            count(row.renumbered),
            moved,
            count(row.split),
            count(row.merged),
            count(row.added),
            count(row.removed),
            format!("+{}/−{}", row.words.inserted, row.words.deleted),
            format!("{:.1}%", row.changed_share * 100.0),
            row.impact.to_string(),
        ]);
    }
    for col in 2..13 {
        if let Some(column) = t.column_mut(col) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    format!("{t}\n")
}

/// "Article 5 → 6", "Articles 6, 7 → 8", "Article 10 (removed)".
pub fn numbers(change: &Change) -> String {
    let preamble = |ns: &[String]| ns.len() == 1 && ns[0] == crate::model::PREAMBLE;
    if preamble(&change.base) || preamble(&change.head) {
        return crate::model::PREAMBLE.to_owned();
    }
    let side = |ns: &[String]| match ns.len() {
        0 => String::new(),
        1 => ns[0].clone(),
        _ => ns.join(" + "),
    };
    let plural = change.base.len() > 1 || change.head.len() > 1;
    let word = if plural { "Articles" } else { "Article" };
    match (change.base.as_slice(), change.head.as_slice()) {
        ([], h) => format!("{word} {}", side(h)),
        (b, []) => format!("{word} {}", side(b)),
        (b, h) if b == h => format!("{word} {}", side(b)),
        (b, h) => format!("{word} {} → {}", side(b), side(h)),
    }
}

fn chapters(change: &Change) -> String {
    use crate::render::chapter_number;
    match (
        chapter_number(&change.base_chapter),
        chapter_number(&change.head_chapter),
    ) {
        (Some(b), Some(h)) if b != h => format!("chapter {b} → {h}"),
        (_, Some(h)) => format!("chapter {h}"),
        (Some(b), None) => format!("chapter {b}"),
        (None, None) => String::new(),
    }
}

fn title(change: &Change) -> String {
    match (&change.title.base, &change.title.head) {
        (Some(b), Some(h)) if b != h && !b.is_empty() => format!("{b} → {h}"),
        (_, Some(h)) => h.clone(),
        (Some(b), None) => b.clone(),
        (None, None) => String::new(),
    }
}

/// The fact line of a change: kind, severity, chapters, similarity, a weak pairing.
fn facts(change: &Change) -> Vec<String> {
    let mut facts = vec![change.kind.to_string(), change.severity.to_string()];
    let place = chapters(change);
    if !place.is_empty() {
        facts.push(place);
    }
    if !matches!(change.kind, ChangeKind::Added | ChangeKind::Removed) {
        facts.push(format!("similarity {:.2}", change.similarity));
    }
    if let Some(weak) = report::weak_link(change) {
        facts.push(weak);
    }
    facts
}

/// One change: a heading line, reasons and annotations, then the redline.
pub(crate) fn change_text(change: &Change, style: Style) -> String {
    let facts = facts(change);
    let heading = numbers(change);
    let title = title(change);
    let heading = if title.is_empty() || title == heading {
        heading
    } else {
        format!("{heading} {title}")
    };
    let mut out = format!(
        "{}\n{}\n",
        style.bold(&heading),
        style.dim(&facts.join(" · "))
    );
    if !change.reasons.is_empty() {
        out.push_str(&style.dim(&format!("why: {}", change.reasons.join("; "))));
        out.push('\n');
    }
    if change.coarse {
        out.push_str(
            &style.dim("note: too large for a word diff; compared paragraph by paragraph"),
        );
        out.push('\n');
    }
    for a in &change.annotations {
        out.push_str(&format!("rationale [{}]: {}\n", a.theme, a.rationale));
    }
    if !change.recitals.is_empty() {
        // The preamble of an act with recitals: one entry per changed recital.
        let (edited, plain) = report::recital_entries(change);
        if let Some(line) = report::plain_units_line("Recitals and citations", &plain) {
            out.push_str(&format!("\n  {}\n", style.dim(&line)));
        }
        for r in edited {
            unit_entry(&mut out, r, &report::recital_numbers(r), "  ", style);
        }
        return out;
    }
    redline_body(&mut out, change, "    ", style);
    out
}

/// One recital or provision: its label, facts and redline, indented under its parent.
fn unit_entry(out: &mut String, r: &Change, label: &str, indent: &str, style: Style) {
    let facts = facts(r);
    out.push_str(&format!(
        "\n{indent}{}\n{indent}{}\n",
        style.bold(label),
        style.dim(&facts.join(" · "))
    ));
    redline_body(out, r, &format!("{indent}    "), style);
}

/// The redline of `change`, indented, after a blank line; nothing when no word changed
/// (a renumbering or move with the same words: the heading says it all).
fn redline_body(out: &mut String, change: &Change, indent: &str, style: Style) {
    let edited = |r: &[crate::change::Segment]| r.iter().any(|s| s.op != Op::Equal);
    let Some(redline) = change.redline.as_deref().filter(|r| edited(r)) else {
        return;
    };
    out.push('\n');
    let mut body = String::new();
    for seg in redline {
        match seg.op {
            Op::Equal => body.push_str(&seg.text),
            Op::Delete => body.push_str(&style.deleted(&seg.text)),
            Op::Insert => body.push_str(&style.inserted(&seg.text)),
        }
    }
    for line in body.trim_end().lines() {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}

/// The whole `diff` report.
pub fn diff_text(c: &Comparison, style: Style) -> String {
    let mut out = summary_line(c);
    out.push('\n');
    out.push_str(&impact_table(c));
    for note in &c.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    let (plain, detailed): (Vec<&Change>, Vec<&Change>) = c
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Unchanged)
        .partition(|c| is_plain_renumbering(c));
    if !plain.is_empty() {
        out.push('\n');
        out.push_str(&renumbering_table(&plain, style));
    }
    for change in detailed {
        out.push('\n');
        out.push_str(&change_text(change, style));
    }
    let (edited, plain) = report::unit_entries(&c.provisions);
    if !edited.is_empty() || !plain.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            style.bold("Provisions (additional, transitional, repealing, final)")
        ));
        if let Some(line) = report::plain_units_line("Provisions", &plain) {
            out.push_str(&style.dim(&line));
            out.push('\n');
        }
        for p in edited {
            unit_entry(&mut out, p, &report::provision_numbers(p), "", style);
        }
    }
    out
}

/// Same text under a new number in the same chapter, with no rationale of its own: the
/// consequence of another change, listed once as old → new rather than one entry each
/// (docs/alignment.md, "Citations left behind").
fn is_plain_renumbering(c: &Change) -> bool {
    c.kind == ChangeKind::Renumbered
        && c.severity == crate::change::Severity::None
        && c.annotations.is_empty()
}

/// "Renumbered, text unchanged (71): 2–3 → 3–4, 5 → 6, …", consecutive numbers shifted
/// together shown as one range, wrapped for the terminal.
fn renumbering_table(plain: &[&Change], style: Style) -> String {
    let mut runs: Vec<(String, String, String, String)> = Vec::new();
    for c in plain {
        let (b, h) = (c.base[0].clone(), c.head[0].clone());
        if let Some(last) = runs.last_mut() {
            let next = |prev: &str, this: &str| matches!((prev.parse::<u64>(), this.parse::<u64>()), (Ok(p), Ok(t)) if t == p + 1);
            if next(&last.1, &b) && next(&last.3, &h) {
                last.1 = b;
                last.3 = h;
                continue;
            }
        }
        runs.push((b.clone(), b, h.clone(), h));
    }
    let items: Vec<String> = runs
        .into_iter()
        .map(|(b0, b1, h0, h1)| {
            if b0 == b1 {
                format!("{b0} → {h0}")
            } else {
                format!("{b0}–{b1} → {h0}–{h1}")
            }
        })
        .collect();
    let mut out = style.bold(&format!(
        "Renumbered, text unchanged ({} article{})",
        plain.len(),
        if plain.len() == 1 { "" } else { "s" }
    ));
    out.push('\n');
    let mut line = String::from("   ");
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!(" {item},")
        } else {
            format!(" {item}")
        };
        if line.chars().count() + piece.chars().count() > 88 && line.len() > 3 {
            out.push_str(&line);
            out.push('\n');
            line = String::from("   ");
        }
        line.push_str(&piece);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The `check` report: each unannotated change with the place to annotate it.
pub fn check_text(report: &crate::check::CheckReport, strict: bool, style: Style) -> String {
    let mut out = String::new();
    for u in &report.unannotated {
        let c = &u.change;
        out.push_str(&format!(
            "{}:{}: {} {} ({}, {}) has no annotation — {} {}\n",
            u.file,
            u.line,
            style.bold(&u.version),
            numbers(c).to_lowercase(),
            c.kind,
            c.severity,
            title(c),
            style.dim(&format!("[add it to annotations.toml of {}]", u.version)),
        ));
    }
    for s in &report.stale {
        let level = s.level(strict);
        out.push_str(&format!(
            "{}:{}: {level}: {} annotation for {}: {}\n",
            s.file,
            s.line,
            s.version,
            s.articles.join(", "),
            s.reason
        ));
    }
    let checked = report.checked.join(", ");
    if report.ok {
        out.push_str(&format!("ok: every change is annotated in {checked}\n"));
    } else {
        out.push_str(&format!(
            "check failed: {} unannotated change(s), {} stale annotation(s) in {checked}\n",
            report.unannotated.len(),
            report.stale.len()
        ));
    }
    out
}

/// `validate`'s text: one line per problem, then what was found in which versions.
pub fn validation_text(
    drafts: &[crate::model::Draft],
    problems: &[crate::validate::Problem],
) -> String {
    let mut text: String = problems.iter().map(|p| format!("{p}\n")).collect();
    let ids: Vec<_> = drafts.iter().map(|d| d.meta.id.as_str()).collect();
    text.push_str(&match problems.len() {
        0 => format!("ok: {} valid\n", ids.join(", ")),
        n => format!("{n} problem(s) in {}\n", ids.join(", ")),
    });
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::Severity;
    use crate::render::fixture;

    fn renumbered(base: &str, head: &str) -> Change {
        let mut c = fixture::sample()
            .changes
            .into_iter()
            .find(|c| c.kind == ChangeKind::Renumbered)
            .expect("the sample has a renumbering");
        c.severity = Severity::None;
        c.annotations.clear();
        c.base = vec![base.to_owned()];
        c.head = vec![head.to_owned()];
        c
    }

    #[test]
    fn consecutive_renumberings_collapse_into_ranges() {
        let cs = [
            renumbered("2", "3"),
            renumbered("3", "4"),
            renumbered("4", "6"),
            renumbered("12bis", "13"),
            renumbered("14", "15"),
        ];
        let refs: Vec<&Change> = cs.iter().collect();
        assert_eq!(
            renumbering_table(&refs, Style::PLAIN),
            "Renumbered, text unchanged (5 articles)\n    2–3 → 3–4, 4 → 6, 12bis → 13, 14 → 15\n"
        );
    }

    #[test]
    fn only_unannotated_same_text_renumberings_are_plain() {
        let mut c = renumbered("2", "3");
        assert!(is_plain_renumbering(&c));
        c.severity = Severity::Editorial;
        assert!(
            !is_plain_renumbering(&c),
            "an edited article keeps its own entry"
        );
    }
}
