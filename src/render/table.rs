//! The correlation table in each format: the terminal (comfy-table), Markdown, CSV (two
//! columns in the published notation), HTML (a page of its own, or an annex section of
//! the redline report). The Word table is written by [`super::docx`]; the JSON is the
//! [`Table`] itself. Renderers only format: the rows come from [`crate::table`].

use std::fmt::Write as _;

use comfy_table::Table as Grid;
use maud::{html, Markup, DOCTYPE};

use crate::table::check::Report;
use crate::table::labels::NONE;
use crate::table::{Row, Table};

/// `Correlation table: 2201/2003 → 2019/1111`.
pub fn heading(t: &Table) -> String {
    format!("Correlation table: {} → {}", t.base.id, t.head.id)
}

/// The header cells: the two versions.
pub(crate) fn column_heads(t: &Table) -> (String, String) {
    (t.base.id.clone(), t.head.id.clone())
}

/// The old cell of a row as published tables write it (`—` for none).
pub fn old(r: &Row) -> String {
    r.old.as_ref().map_or(NONE.to_owned(), |c| c.label.clone())
}

/// The new cell of a row.
pub fn new(r: &Row) -> String {
    r.new.as_ref().map_or(NONE.to_owned(), |c| c.label.clone())
}

/// The terminal table: old, new, kind, confidence.
pub fn text(t: &Table) -> String {
    let mut g: Grid = super::listing::table();
    let (b, h) = column_heads(t);
    g.set_header([b.as_str(), h.as_str(), "kind", "confidence"]);
    for r in &t.rows {
        let confidence = r.confidence.map_or(String::new(), |c| format!("{c:.2}"));
        g.add_row([old(r), new(r), r.kind.as_str().to_owned(), confidence]);
    }
    format!("{}\n{g}\n{}\n", heading(t), counts(t))
}

/// `183 rows: 120 moved, 3 kept, 40 added, 20 removed`.
fn counts(t: &Table) -> String {
    let n = |k: crate::table::RowKind| t.rows.iter().filter(|r| r.kind == k).count();
    use crate::table::RowKind::*;
    let parts: Vec<String> = [Kept, Moved, Added, Removed]
        .iter()
        .filter(|k| n(**k) > 0)
        .map(|k| format!("{} {}", n(*k), k.as_str()))
        .collect();
    format!(
        "{} row{}: {}",
        t.rows.len(),
        if t.rows.len() == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

/// Markdown text for one table cell: characters with a meaning in Markdown or HTML are
/// escaped (brackets are left as they are: `Article 3(2)` reads as written).
fn md_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '|' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The table as a Markdown pipe table (two columns), under a heading.
pub fn markdown(t: &Table) -> String {
    let mut out = format!("## {}\n\n", md_cell(&heading(t)));
    out.push_str(&markdown_rows(t));
    out
}

fn markdown_rows(t: &Table) -> String {
    let (b, h) = column_heads(t);
    let mut out = format!("| {} | {} |\n| --- | --- |\n", md_cell(&b), md_cell(&h));
    for r in &t.rows {
        let _ = writeln!(out, "| {} | {} |", md_cell(&old(r)), md_cell(&new(r)));
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Two columns, old and new, with the versions as the header row.
pub fn csv(t: &Table) -> String {
    let (b, h) = column_heads(t);
    let mut out = format!("{},{}\r\n", csv_field(&b), csv_field(&h));
    for r in &t.rows {
        let _ = write!(out, "{},{}\r\n", csv_field(&old(r)), csv_field(&new(r)));
    }
    out
}

/// The table as a section of an HTML page (also the annex of the redline report).
pub(crate) fn html_section(t: &Table) -> Markup {
    let (b, h) = column_heads(t);
    html! {
        section #correlation {
            h2 { (heading(t)) }
            div.table-scroll {
                table.correlation {
                    thead { tr { th scope="col" { (b) } th scope="col" { (h) } } }
                    tbody {
                        @for r in &t.rows {
                            tr data-kind=(r.kind.as_str()) {
                                td { (old(r)) }
                                td { (new(r)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A self-contained HTML page holding the table.
pub fn html_page(t: &Table) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            (super::html::head(&heading(t), &[super::html::CSS]))
            body {
                main { (html_section(t)) }
                footer { p { "Generated by draftdiff." } }
            }
        }
    }
    .into_string()
}

/// The report of `table --check` for the terminal.
pub fn check_text(r: &Report) -> String {
    let mut out = String::new();
    for f in &r.findings {
        let place = f
            .line
            .map_or(String::new(), |l| format!("{}:{l}: ", r.table));
        let row = if f.row.is_empty() {
            String::new()
        } else {
            format!("`{}`: ", f.row)
        };
        let _ = writeln!(out, "{}: {place}{row}{}", f.verdict.as_str(), f.message);
    }
    let c = &r.counts;
    let _ = writeln!(
        out,
        "{}: {} rows checked against {} → {}: {} confirmed, {} unconfirmed, {} contradicted; {} article{} omitted{}",
        if r.ok { "ok" } else { "problems" },
        c.rows,
        r.base,
        r.head,
        c.confirmed,
        c.unconfirmed,
        c.contradicted,
        c.omitted,
        if c.omitted == 1 { "" } else { "s" },
        if c.skipped > 0 {
            format!("; {} row{} naming no article not checked", c.skipped, if c.skipped == 1 { "" } else { "s" })
        } else {
            String::new()
        }
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::ChangeKind;
    use crate::table::{Cell, RowKind, Version};

    fn sample() -> Table {
        let cell = |a: &str, p: &[&str], label: &str| Cell {
            article: a.into(),
            paragraphs: p.iter().map(|s| s.to_string()).collect(),
            label: label.into(),
        };
        let row = |old: Option<Cell>, new: Option<Cell>, kind| Row {
            old,
            new,
            kind,
            change: ChangeKind::Moved,
            confidence: Some(0.9),
            similarity: Some(0.8),
        };
        Table {
            schema: crate::change::schema::TABLE,
            base: Version {
                id: "old".into(),
                keyword: "Article".into(),
            },
            head: Version {
                id: "new".into(),
                keyword: "Article".into(),
            },
            paragraphs: false,
            rows: vec![
                row(
                    Some(cell("4", &["1", "2", "3"], "Article 4(1) to (3)")),
                    Some(cell("20", &["1", "2", "3"], "Article 20(1) to (3)")),
                    RowKind::Moved,
                ),
                row(
                    Some(cell("15", &["1", "2"], "Article 15(1), (2)")),
                    Some(cell("12", &[], "Article 12 <b>")),
                    RowKind::Moved,
                ),
                row(None, Some(cell("5", &[], "Article 5")), RowKind::Added),
            ],
        }
    }

    #[test]
    fn csv_quotes_cells_with_commas_and_reads_back() {
        let csv = csv(&sample());
        assert!(
            csv.contains("\"Article 15(1), (2)\",Article 12 <b>\r\n"),
            "{csv}"
        );
        assert!(csv.contains("—,Article 5\r\n"), "{csv}");
        let rows =
            crate::table::published::parse("t.csv", &csv, crate::table::published::Format::Csv)
                .expect("our CSV reads back");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[2].old_text, "Article 15(1), (2)");
    }

    #[test]
    fn markdown_escapes_markup_and_keeps_brackets() {
        let md = markdown(&sample());
        assert!(
            md.contains("| Article 4(1) to (3) | Article 20(1) to (3) |"),
            "{md}"
        );
        assert!(md.contains("Article 12 &lt;b&gt;"), "{md}");
        let rows =
            crate::table::published::parse("t.md", &md, crate::table::published::Format::Markdown)
                .expect("our Markdown reads back");
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn text_and_html_show_every_row() {
        let t = sample();
        let text = text(&t);
        assert!(
            text.contains("Article 4(1) to (3)") && text.contains("—"),
            "{text}"
        );
        assert!(text.contains("3 rows: 2 moved, 1 added"), "{text}");
        let page = html_page(&t);
        assert!(page.contains("<table class=\"correlation\">"));
        assert!(page.contains("Article 12 &lt;b&gt;"), "escaped");
        assert_eq!(page.matches("<tr data-kind=").count(), 3);
    }
}
