//! The terminal reports of `history`, `blame` and `proposals` (`crate::versions`). Each
//! change is shown as `diff` shows it (`text::change_text`), indented under its step.

use comfy_table::CellAlignment;

use crate::change::{Change, ChangeKind, Severity};
use crate::render::listing::table;
use crate::render::style::Style;
use crate::render::text;
use crate::versions::blame::Blame;
use crate::versions::history::History;
use crate::versions::proposals::{change_label, into_label, Entry, Proposals};

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("{by}{l}\n")
            }
        })
        .collect()
}

/// `history`: the versions that have the article, then each step with its changes.
pub fn history_text(h: &History, style: Style) -> String {
    let mut out = style.bold(&format!(
        "History of article {} of {}",
        h.article, h.version
    ));
    out.push('\n');
    for v in &h.versions {
        let articles: Vec<String> = v
            .articles
            .iter()
            .map(|a| {
                let chapter = a
                    .chapter
                    .as_deref()
                    .filter(|c| !c.is_empty())
                    .map(|c| format!(", chapter {c}"))
                    .unwrap_or_default();
                format!("{} {}{chapter}", a.number, a.title)
            })
            .collect();
        let articles = if articles.is_empty() {
            "—".to_owned()
        } else {
            articles.join("; ")
        };
        out.push_str(&format!(
            "  {:<18} {}\n",
            v.id,
            style.dim(&format!("{} · {articles}", v.status))
        ));
    }
    for step in &h.steps {
        let via = match step.via {
            crate::versions::Via::Parent => "revises its parent",
            crate::versions::Via::Hints => "derived by `from` hints",
            crate::versions::Via::Proposal => "proposal into the consolidated draft",
        };
        out.push('\n');
        out.push_str(&style.bold(&format!("{} → {}", step.from, step.to)));
        out.push_str(&style.dim(&format!("  ({via})")));
        out.push('\n');
        for c in &step.changes {
            out.push_str(&indent(&text::change_text(c, style), "  "));
        }
    }
    out
}

/// `blame`: each sentence under the version that worded it, with numbered notes for
/// the changes and their rationale.
pub fn blame_text(b: &Blame, style: Style) -> String {
    let mut out = style.bold(&format!(
        "Blame of article {} of {}{}",
        b.article,
        b.version,
        if b.title.is_empty() {
            String::new()
        } else {
            format!(" — {}", b.title)
        }
    ));
    out.push('\n');
    out.push_str(&style.dim(&format!("versions walked: {}", b.chain.join(" ← "))));
    out.push('\n');
    let width = b
        .sentences
        .iter()
        .map(|s| s.version.chars().count())
        .max()
        .unwrap_or(0);
    let mut notes: Vec<String> = Vec::new();
    let mut paragraph = 0;
    for s in &b.sentences {
        if s.paragraph != paragraph && paragraph != 0 {
            out.push('\n');
        }
        paragraph = s.paragraph;
        let note = note_of(s);
        let mark = match note {
            Some(n) => {
                let i = match notes.iter().position(|x| *x == n) {
                    Some(i) => i,
                    None => {
                        notes.push(n);
                        notes.len() - 1
                    }
                };
                format!("[{}]", i + 1)
            }
            None => String::new(),
        };
        out.push_str(&format!(
            "{:<width$} {:<4} {}\n",
            s.version,
            mark,
            s.text,
            width = width
        ));
    }
    if !notes.is_empty() {
        out.push('\n');
        for (i, n) in notes.iter().enumerate() {
            out.push_str(&format!("[{}] {n}\n", i + 1));
        }
    }
    out
}

fn note_of(s: &crate::versions::blame::BlameLine) -> Option<String> {
    let kind = s.kind?;
    let mut note = format!(
        "{} article {}: {kind} · {}",
        s.version,
        s.articles.join(" + "),
        s.severity.unwrap_or(Severity::None)
    );
    for a in &s.annotations {
        note.push_str(&format!("\n    rationale [{}]: {}", a.theme, a.rationale));
    }
    for p in &s.proposed_in {
        note.push_str(&format!(
            "\n    proposed in {} article {}",
            p.version,
            p.articles.join(" + ")
        ));
        for a in &p.annotations {
            note.push_str(&format!(" — [{}] {}", a.theme, a.rationale));
        }
    }
    Some(note)
}

/// `proposals`: the headline, the proposals view per chapter, the contested articles
/// with their conflicts, every proposed change with its outcome, then the consolidated
/// draft's own changes.
pub fn proposals_text(r: &Proposals, style: Style) -> String {
    let names: Vec<&str> = r.proposals.iter().map(|p| p.id.as_str()).collect();
    let mut out = style.bold(&format!(
        "Proposals against {}: {}{}",
        r.base.id,
        names.join(", "),
        r.into
            .as_ref()
            .map(|c| format!("; consolidated into {}", c.id))
            .unwrap_or_default()
    ));
    out.push('\n');
    out.push_str(&summary_lines(r));
    out.push('\n');
    out.push_str(&chapter_table(r));
    for note in &r.notes {
        out.push_str(&format!("note: {note}\n"));
    }

    let contested: Vec<&Entry> = r.articles.iter().filter(|e| e.contested).collect();
    out.push('\n');
    out.push_str(&style.bold(&format!(
        "Articles changed by two or more proposals ({})",
        contested.len()
    )));
    out.push('\n');
    for e in &contested {
        out.push('\n');
        out.push_str(&style.bold(&entry_heading(e)));
        out.push('\n');
        for p in &e.proposed {
            out.push_str(&format!("  {}:\n", style.bold(&p.proposal)));
            out.push_str(&indent(&text::change_text(&p.change, style), "    "));
        }
        if e.conflicts.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                style.dim("the edits combine: no sentence is edited differently by two proposals")
            ));
        }
        for c in &e.conflicts {
            out.push_str(&format!(
                "  CONFLICT: {} and {} edit the same sentence differently\n",
                c.ours, c.theirs
            ));
            for region in &c.regions {
                let w = [r.base.id.len(), c.ours.len(), c.theirs.len()]
                    .into_iter()
                    .max()
                    .unwrap_or(0);
                out.push_str(&format!(
                    "    {:<w$} │ {}\n",
                    r.base.id,
                    region.base.join(" ")
                ));
                for (who, lines, marked) in [
                    (&c.ours, &region.ours, &region.ours_redline),
                    (&c.theirs, &region.theirs, &region.theirs_redline),
                ] {
                    let text = if lines.is_empty() {
                        "(removes the article)".to_owned()
                    } else {
                        segments(marked, style)
                    };
                    out.push_str(&format!("    {who:<w$} │ {text}\n"));
                }
            }
        }
    }

    if r.into.is_some() {
        out.push('\n');
        out.push_str(&style.bold("What the consolidated draft did with each proposed change"));
        out.push('\n');
        for (i, p) in r.proposals.iter().enumerate() {
            out.push_str(&format!(
                "\n{} ({} change{})\n",
                style.bold(&p.id),
                r.summary.changes[i],
                if r.summary.changes[i] == 1 { "" } else { "s" }
            ));
            for e in &r.articles {
                for prop in e.proposed.iter().filter(|x| x.proposal == p.id) {
                    let Some(o) = &prop.outcome else { continue };
                    out.push_str(&format!(
                        "  {:<9} {} ({} · {}) → {}{}\n",
                        o.verdict.as_str(),
                        change_label(&prop.change),
                        prop.change.kind,
                        prop.change.severity,
                        into_label(&o.into),
                        if o.credited.is_empty() {
                            String::new()
                        } else {
                            style.dim(" · annotated as from this proposal")
                        }
                    ));
                    if let Some(diff) = &o.difference {
                        let body = segments(diff, style);
                        out.push_str(&format!(
                            "            {}\n",
                            style.dim("proposed → consolidated:")
                        ));
                        out.push_str(&indent(body.trim_end(), "              "));
                    }
                }
            }
        }
        out.push('\n');
        out.push_str(&own_changes(r, style));
    }
    out
}

fn summary_lines(r: &Proposals) -> String {
    let per: Vec<String> = r
        .proposals
        .iter()
        .zip(&r.summary.changes)
        .map(|(p, n)| format!("{} {n}", p.id))
        .collect();
    let mut out = format!(
        "changes: {}; {} article{} changed by two or more proposals, {} with conflicting edits\n",
        per.join(", "),
        r.summary.contested,
        if r.summary.contested == 1 { "" } else { "s" },
        r.summary.conflicting
    );
    if let (Some(into), Some(t), Some(m), Some(d), Some(u)) = (
        &r.into,
        r.summary.taken,
        r.summary.modified,
        r.summary.dropped,
        r.summary.unproposed,
    ) {
        out.push_str(&format!(
            "{}: {t} taken as proposed, {m} taken modified, {d} dropped; {u} change{} from no proposal\n",
            into.id,
            if u == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The proposals view of the change-impact table.
pub(crate) fn chapter_table(r: &Proposals) -> String {
    let mut t = table();
    let mut header = vec![
        "chapter".to_owned(),
        "title".to_owned(),
        "articles".to_owned(),
    ];
    header.extend(r.proposals.iter().map(|p| p.id.clone()));
    header.extend(["contested".to_owned(), "conflicting".to_owned()]);
    t.set_header(header);
    let dot = |n: usize| {
        if n == 0 {
            "·".to_owned()
        } else {
            n.to_string()
        }
    };
    let mut totals = vec![0; r.proposals.len() + 3];
    for row in &r.chapters {
        let mut cells = vec![
            row.chapter.clone().unwrap_or_default(),
            row.title.clone(),
            row.articles.to_string(),
        ];
        let counts: Vec<usize> = std::iter::once(row.articles)
            .chain(row.touched.iter().copied())
            .chain([row.contested, row.conflicting])
            .collect();
        for (total, n) in totals.iter_mut().zip(&counts) {
            *total += n;
        }
        cells.extend(counts[1..].iter().map(|&n| dot(n)));
        t.add_row(cells);
    }
    let mut cells = vec![String::new(), "Total".to_owned(), totals[0].to_string()];
    cells.extend(totals[1..].iter().map(|&n| dot(n)));
    t.add_row(cells);
    for col in 2..(5 + r.proposals.len()) {
        if let Some(column) = t.column_mut(col) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    format!("{t}\n")
}

fn entry_heading(e: &Entry) -> String {
    let what = match &e.base {
        Some(n) if n == crate::model::PREAMBLE => n.clone(),
        Some(n) => format!("Article {n}"),
        None => "New article".to_owned(),
    };
    let chapter = e
        .chapter
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(|c| format!(" (chapter {c})"))
        .unwrap_or_default();
    if e.title.is_empty() {
        format!("{what}{chapter}")
    } else {
        format!("{what}{chapter} — {}", e.title)
    }
}

/// The consolidated draft's own changes: each listed, plain renumberings counted.
fn own_changes(r: &Proposals, style: Style) -> String {
    let Some(into) = &r.into else {
        return String::new();
    };
    let plain =
        |c: &&Change| matches!(c.kind, ChangeKind::Renumbered) && c.severity <= Severity::Editorial;
    let listed: Vec<&Change> = r.unproposed.iter().filter(|c| !plain(c)).collect();
    let renumbered = r.unproposed.len() - listed.len();
    let mut out = style.bold(&format!(
        "Changes of {} from no proposal ({})",
        into.id,
        r.unproposed.len()
    ));
    out.push('\n');
    for c in listed {
        out.push_str(&format!(
            "  {} ({} · {}){}\n",
            text::numbers(c),
            c.kind,
            c.severity,
            c.annotations
                .first()
                .map(|a| style.dim(&format!(" — [{}] {}", a.theme, a.rationale)))
                .unwrap_or_default()
        ));
    }
    if renumbered > 0 {
        out.push_str(&format!(
            "  and {renumbered} article{} renumbered with no other change than cited numbers\n",
            if renumbered == 1 { "" } else { "s" }
        ));
    }
    out
}

/// A redline inline, insertions and deletions marked as `diff` marks them.
fn segments(redline: &[crate::change::Segment], style: Style) -> String {
    redline
        .iter()
        .map(|seg| match seg.op {
            crate::change::Op::Equal => seg.text.clone(),
            crate::change::Op::Delete => style.deleted(&seg.text),
            crate::change::Op::Insert => style.inserted(&seg.text),
        })
        .collect()
}
