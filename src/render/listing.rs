//! `list` and `show`: what versions exist and what one of them contains.

use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, Table};
use serde::Serialize;

use crate::model::{Article, Draft};
use crate::render::style::Style;

/// One row of `list`.
#[derive(Debug, Clone, Serialize)]
pub struct VersionRow {
    /// The version's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `published`, `declaration`, `proposal` or `working`.
    pub status: String,
    /// The version it revises.
    pub parent: Option<String>,
    /// Its date.
    pub date: Option<String>,
    /// Number of chapters.
    pub chapters: usize,
    /// Number of articles, the preamble not counted.
    pub articles: usize,
    /// Words of every article, the preamble included.
    pub words: usize,
}

impl VersionRow {
    /// The row of draft `d`.
    pub fn of(d: &Draft) -> Self {
        VersionRow {
            id: d.meta.id.clone(),
            title: d.meta.title.clone(),
            status: d.meta.status.to_string(),
            parent: d.meta.parent.clone(),
            date: d.meta.date.clone(),
            chapters: d.chapters.len(),
            articles: d.article_count(),
            words: d.word_count(),
        }
    }
}

/// An empty terminal table in the style of every table draftdiff prints.
pub fn table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t
}

/// `list`: one row per version.
pub fn list_text(rows: &[VersionRow]) -> String {
    let mut t = table();
    t.set_header([
        "id", "title", "status", "parent", "chapters", "articles", "words",
    ]);
    for r in rows {
        t.add_row([
            r.id.clone(),
            r.title.clone(),
            r.status.clone(),
            r.parent.clone().unwrap_or_else(|| "—".into()),
            r.chapters.to_string(),
            r.articles.to_string(),
            r.words.to_string(),
        ]);
    }
    for col in 4..7 {
        if let Some(c) = t.column_mut(col) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    format!("{t}\n")
}

/// A draft's table of contents.
pub(crate) fn contents_text(d: &Draft, style: Style) -> String {
    let mut out = format!("{} — {}\n", style.bold(&d.meta.id), d.meta.title);
    let mut facts = vec![d.meta.status.to_string()];
    facts.extend(d.meta.date.clone());
    if let Some(p) = &d.meta.parent {
        facts.push(format!("parent {p}"));
    }
    if !d.meta.themes.is_empty() {
        facts.push(format!("themes: {}", d.meta.themes.join(", ")));
    }
    facts.push(format!(
        "{} articles, {} words",
        d.article_count(),
        d.word_count()
    ));
    out.push_str(&style.dim(&facts.join(" · ")));
    out.push_str("\n\n");
    if let Some(p) = &d.preamble {
        out.push_str(&format!("  {}\n", p.title));
    }
    for c in &d.chapters {
        // A document without chapters is read as one unnamed chapter: no heading for it.
        if !(c.number.is_empty() && c.title.is_empty()) {
            let heading = format!("Chapter {} — {}", c.number, c.title);
            out.push_str(&format!(
                "{}\n",
                style.bold(heading.trim_end_matches(" — "))
            ));
        }
        let mut section: Option<&str> = None;
        for a in &c.articles {
            if a.section.as_deref() != section {
                section = a.section.as_deref();
                if let Some(s) = section {
                    out.push_str(&format!("  Part {s}\n"));
                }
            }
            out.push_str(&format!("    {:>6}  {}\n", a.number, a.title));
        }
    }
    if !d.provisions.is_empty() {
        out.push_str(&format!("{}\n", style.bold("Provisions")));
        for p in &d.provisions {
            out.push_str(&format!(
                "    {}  {}\n",
                crate::compare::units::provision_label(&p.number),
                p.title
            ));
        }
    }
    out
}

/// One article, as a reader would cite it.
pub fn article_text(
    d: &Draft,
    chapter: Option<&crate::model::Chapter>,
    a: &Article,
    style: Style,
) -> String {
    let mut heading = if a.number == crate::model::PREAMBLE {
        a.title.clone()
    } else if a.title.is_empty() {
        format!("Article {}", a.number)
    } else {
        format!("Article {} — {}", a.number, a.title)
    };
    heading = style.bold(&heading);
    let mut place = vec![d.meta.id.clone()];
    if let Some(c) = chapter.filter(|c| !(c.number.is_empty() && c.title.is_empty())) {
        place.push(
            format!("Chapter {} {}", c.number, c.title)
                .trim_end()
                .to_owned(),
        );
    }
    if let Some(s) = &a.section {
        place.push(format!("Part {s}"));
    }
    if !a.from.is_empty() {
        place.push(format!("from {}", a.from.join(", ")));
    }
    format!(
        "{heading}\n{}\n\n{}\n",
        style.dim(&place.join(" · ")),
        a.text.trim_end()
    )
}

/// `show FILE --explain`: one line per heading candidate, taken or refused, with why.
pub(crate) fn explain_text(verdicts: &[crate::load::document::Verdict]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for v in verdicts {
        let mark = if v.taken { "heading" } else { "text   " };
        let mut line: String = v.line.chars().take(60).collect();
        if v.line.chars().count() > 60 {
            line.push('…');
        }
        let _ = writeln!(out, "{:>6}  {mark}  {line:<61}  {}", v.at, v.why);
    }
    if verdicts.is_empty() {
        out.push_str("no line of this document is shaped like a heading\n");
    }
    out
}

/// `show FILE --explain`: what the reader took for headings and what it refused, and
/// why; then the reader's warnings, or the error when the document cannot be read, which
/// comes after the explanation.
pub fn explain(
    version: &str,
    rules: &crate::load::document::Rules,
) -> crate::error::Result<(String, crate::error::Result<String>)> {
    use crate::load::{self, document};
    let path = std::path::Path::new(version);
    if !path.is_file() || !document::is_document(path) {
        return Err(crate::error::Error::Usage(format!(
            "--explain reads a document (.md, .txt, .docx); `{version}` is not one"
        )));
    }
    let file = load::SourceFile::read(path)?;
    let stem = load::stem_of(path);
    let (verdicts, reading) = document::explain(&file, &stem, rules);
    let warnings = reading.map(|reading| {
        reading
            .warnings
            .iter()
            .map(|w| format!("warning: {w}\n"))
            .collect()
    });
    Ok((explain_text(&verdicts), warnings))
}

/// `show VERSION [ARTICLE]`: the table of contents, or one article; as text or (`json`)
/// as JSON (`docs/json.md`).
pub fn show(
    draft: &Draft,
    article: Option<&str>,
    json: bool,
    style: Style,
) -> crate::error::Result<crate::output::Output> {
    use crate::output::Output;
    let Some(number) = article else {
        return if json {
            Output::json(&VersionRow::of(draft))
        } else {
            Ok(Output::Text(contents_text(draft, style)))
        };
    };
    let found = draft.find(number).ok_or_else(|| {
        crate::error::Error::Invalid(format!("{} has no article `{number}`", draft.meta.id))
    })?;
    let chapter = found.chapter.map(|i| &draft.chapters[i]);
    if json {
        Output::json(&crate::render::json::ShownArticle::of(
            &draft.meta.id,
            chapter,
            found.article,
        ))
    } else {
        Ok(Output::Text(article_text(
            draft,
            chapter,
            found.article,
            style,
        )))
    }
}
