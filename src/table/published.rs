//! Reading a correlation table someone published: two columns, old and new, as a `.tsv`,
//! a `.csv` (quoted fields as RFC 4180 has them) or a Markdown pipe table, each cell in
//! the notation of the EU's tables: `Article 3(2)`, `Articles 24 to 27`,
//! `Article 15(1), (2)(a) and (b) and (4)`, `Articles 33 (a) and 44 (a)`,
//! `Article 6, first paragraph`, `§ 12`, `—`.
//!
//! Rows whose cells name no article (a header, `Annex I`, `This Regulation`) are kept
//! as [`Side::Other`] and not checked. A row that cannot be read — one column, a keyword
//! without a number — is an input error with its file and line.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Draft;

/// One row of a published table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line in the file.
    pub line: usize,
    /// The old cell as written.
    pub old_text: String,
    /// The new cell as written.
    pub new_text: String,
    /// What the old cell names.
    pub old: Side,
    /// What the new cell names.
    pub new: Side,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Side {
    /// `—`: no counterpart.
    None,
    /// Articles, each whole or some of its paragraphs.
    Refs(Vec<Ref>),
    /// Text that names no article (a header, an annex, the act itself).
    Other,
}

/// An article named in a cell, with the paragraphs named (each a chain from the top
/// level down: `(2)(a)` is `["2", "a"]`; an unmarked paragraph is `¶2`). No paragraphs:
/// the whole article.
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    /// The article's number.
    pub article: String,
    /// The paragraphs named, each a chain from the top level down.
    pub paragraphs: Vec<Vec<String>>,
    /// Named as one of a range (`Articles 19 to 22`), not by its own number: the row
    /// speaks of the group.
    pub in_range: bool,
}

/// Reads the table in `path`; the format is told by the extension.
pub fn read(path: &Path) -> Result<Vec<Row>> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io(&shown, e))?;
    let source = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        Error::at_offset(&shown, &text, at, "the table is not UTF-8 text")
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        Some("tsv" | "tab") => Format::Tsv,
        Some("csv") => Format::Csv,
        Some("md" | "markdown") => Format::Markdown,
        _ => {
            return Err(Error::Invalid(format!(
                "cannot tell the format of the table `{shown}`: use a .tsv, .csv or .md file"
            )))
        }
    };
    parse(&shown, &source, format)
}

/// `Articles 19-22`: a hyphen between two numbers joins the parts of a French code's
/// number (`Article 515-14`) or the two ends of a range, and only the texts tell which. A
/// number the version does not have, whose two ends it has, is the range.
pub fn ranges_against(rows: &mut [Row], base: &Draft, head: &Draft) {
    for row in rows {
        expand_ranges(&mut row.old, base);
        expand_ranges(&mut row.new, head);
    }
}

fn expand_ranges(side: &mut Side, version: &Draft) {
    let Side::Refs(refs) = side else {
        return;
    };
    let has = |n: &str| version.find(n).is_some();
    let mut out = Vec::with_capacity(refs.len());
    for r in refs.drain(..) {
        let ends = r
            .article
            .split_once('-')
            .and_then(|(a, z)| Some((a.parse::<u32>().ok()?, z.parse::<u32>().ok()?)));
        match ends {
            Some((a, z))
                if z > a
                    && z - a <= 500
                    && !has(&r.article)
                    && has(&a.to_string())
                    && has(&z.to_string()) =>
            {
                out.extend((a..=z).map(|k| Ref {
                    article: k.to_string(),
                    paragraphs: Vec::new(),
                    in_range: true,
                }));
            }
            _ => out.push(r),
        }
    }
    *refs = out;
}

/// The file formats a published table can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated values (`.tsv`).
    Tsv,
    /// Comma-separated values (`.csv`).
    Csv,
    /// A Markdown pipe table (`.md`).
    Markdown,
}

/// Parses `source` (read from `file`) as a table in `format`.
pub fn parse(file: &str, source: &str, format: Format) -> Result<Vec<Row>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut rows = Vec::new();
    let mut offset = 0;
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    let mut k = 0;
    while k < lines.len() {
        let line_no = k + 1;
        let at = offset;
        let mut raw = lines[k].trim_end_matches(['\n', '\r']).to_owned();
        offset += lines[k].len();
        k += 1;
        let cells: Vec<String> = match format {
            Format::Tsv => {
                if raw.trim().is_empty() || raw.starts_with('#') {
                    continue;
                }
                raw.split('\t').map(str::to_owned).collect()
            }
            Format::Csv => {
                if raw.trim().is_empty() {
                    continue;
                }
                // A quoted field may run over several lines.
                while raw.matches('"').count() % 2 == 1 && k < lines.len() {
                    raw.push('\n');
                    raw.push_str(lines[k].trim_end_matches(['\n', '\r']));
                    offset += lines[k].len();
                    k += 1;
                }
                csv_fields(&raw).ok_or_else(|| {
                    Error::at_offset(file, source, at, "a quoted field is not closed")
                })?
            }
            Format::Markdown => {
                let t = raw.trim();
                if !t.starts_with('|') {
                    continue;
                }
                let cells = pipe_cells(t);
                if cells.iter().all(|c| {
                    let c = c.trim();
                    !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
                }) {
                    continue;
                }
                cells
            }
        };
        if cells.len() < 2 {
            return Err(Error::at_offset(
                file,
                source,
                at,
                match format {
                    Format::Tsv => "expected two columns, old and new, separated by a tab",
                    Format::Csv => "expected two columns, old and new, separated by a comma",
                    Format::Markdown => "expected two columns, old and new",
                },
            ));
        }
        let (old_text, new_text) = (cells[0].trim().to_owned(), cells[1].trim().to_owned());
        let cell_at = |text: &str| at + lines[line_no - 1].find(text).unwrap_or(0);
        let old =
            cell(&old_text).map_err(|m| Error::at_offset(file, source, cell_at(&old_text), m))?;
        let new =
            cell(&new_text).map_err(|m| Error::at_offset(file, source, cell_at(&new_text), m))?;
        rows.push(Row {
            line: line_no,
            old_text,
            new_text,
            old,
            new,
        });
    }
    if !rows
        .iter()
        .any(|r| matches!(r.old, Side::Refs(_)) || matches!(r.new, Side::Refs(_)))
    {
        return Err(Error::at_offset(
            file,
            source,
            0,
            "no row of the table names an article (`Article 3(2)`, `§ 12`, `—`)",
        ));
    }
    Ok(rows)
}

/// The fields of one CSV record; `None` when a quote is not closed.
fn csv_fields(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                out.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    out.push(field);
    Some(out)
}

/// The cells of a Markdown table row (`| a | b |`); `\|` is a literal bar.
fn pipe_cells(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = vec![String::new()];
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                out.last_mut().expect("one cell").push('|');
            }
            '|' => out.push(String::new()),
            c => out.last_mut().expect("one cell").push(c),
        }
    }
    out.into_iter()
        .map(|c| c.trim().replace("**", ""))
        .collect()
}

/// Keywords a cell may open with, longest first.
const KEYWORDS: [&str; 16] = [
    "articles",
    "article",
    "artikelen",
    "artikel",
    "artículos",
    "artículo",
    "articoli",
    "articolo",
    "artigos",
    "artigo",
    "sections",
    "section",
    "arts.",
    "art.",
    "§§",
    "§",
];

/// Ordinal words of unmarked paragraphs: `Article 6, first paragraph`.
const ORDINALS: [&str; 10] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Reads one cell; `Err` with a message when it opens with an article keyword but cannot
/// be read.
pub fn cell(text: &str) -> std::result::Result<Side, String> {
    let t = text.trim();
    if t.is_empty() || matches!(t, "—" | "–" | "-" | "--" | "n/a" | "None") {
        return Ok(Side::None);
    }
    // `–Article 7(1)`: a dash typed against the keyword, in a cell that names an article.
    let t = t
        .strip_prefix(['–', '-', '—'])
        .filter(|rest| rest.starts_with(char::is_alphabetic))
        .unwrap_or(t);
    let lower = t.to_lowercase();
    let Some(k) = KEYWORDS.iter().find(|k| {
        lower.starts_with(*k)
            && lower[k.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c.is_ascii_digit())
    }) else {
        return Ok(Side::Other);
    };
    let rest = &t[k.len()..];
    let refs = refs(rest).map_err(|m| format!("cannot read `{t}`: {m}"))?;
    Ok(Side::Refs(refs))
}

/// A piece of a cell after its keyword.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Number(String),
    Paren(String),
    Ordinal(usize),
    And,
    To,
    Comma,
    /// `point`, `indent`, `subparagraph`: the numbers after it are parts of the article
    /// (`Article 2, point 1`), not articles.
    Part,
    /// `Article` inside a cell (`Article 12(6), and Article 23(1)`): numbers are articles
    /// again.
    Keyword,
    Word,
}

/// Words after which a number names a part of the article, not another article, in the
/// languages of the keywords (`Artikel 5 Absatz 2`, `artikel 3 lid 1`, `artículo 4,
/// apartado 2`, `articolo 6, comma 1`).
const PARTS: [&str; 30] = [
    "paragraph",
    "paragraphs",
    "point",
    "points",
    "indent",
    "indents",
    "subparagraph",
    "subparagraphs",
    "sentence",
    "sentences",
    "item",
    "items",
    "absatz",
    "abs",
    "unterabsatz",
    "satz",
    "nummer",
    "nr",
    "lid",
    "leden",
    "onderdeel",
    "apartado",
    "apartados",
    "párrafo",
    "letra",
    "alinéa",
    "paragraphe",
    "comma",
    "punto",
    "lettera",
];

fn tokenize(s: &str) -> std::result::Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_whitespace() || c == ';' || c == '.' && out.last() != Some(&Tok::Word) {
            i += 1;
        } else if c == ',' {
            out.push(Tok::Comma);
            i += 1;
        } else if matches!(c, '-' | '–' | '—')
            && (matches!(out.last(), Some(Tok::Paren(_))) || c != '-')
        {
            // `Article 3(6)-(28)`, `Articles 19–22`: a dash between two paragraphs, or an
            // en dash anywhere, is a range (a hyphen between digits joins the numbers of
            // French codes, `515-14`; see [`ranges_against`]).
            out.push(Tok::To);
            i += 1;
        } else if c == '(' {
            let close = b[i..]
                .iter()
                .position(|&x| x == ')')
                .ok_or("a bracket is not closed")?;
            let inner: String = b[i + 1..i + close].iter().collect();
            let inner = inner.trim().to_lowercase();
            if inner.contains(char::is_whitespace) {
                // `Article 24 (3 and following)`, `Article 5 (2 et seq.)`, `Article 7 (3
                // and 4)`: paragraphs, and the words that stretch them; the paragraphs
                // are what can be checked.
                let inside = tokenize(&inner)?;
                if matches!(inside.first(), Some(Tok::Number(_))) {
                    let mut kept: Vec<Tok> = Vec::new();
                    for t in inside {
                        match t {
                            Tok::Number(n) => kept.push(Tok::Paren(n)),
                            Tok::And | Tok::To | Tok::Comma => kept.push(t),
                            _ => {}
                        }
                    }
                    while matches!(kept.last(), Some(Tok::And | Tok::To | Tok::Comma)) {
                        kept.pop();
                    }
                    out.extend(kept);
                    i += close + 1;
                    continue;
                }
                // `Article 8(2) (first sentence)`: words in brackets say which part, as
                // `, first sentence` does.
                out.push(Tok::Comma);
                out.extend(inside);
                i += close + 1;
                continue;
            }
            if inner.is_empty() || !inner.chars().all(|c| c.is_alphanumeric()) {
                return Err(format!("`({inner})` is not a paragraph"));
            }
            out.push(Tok::Paren(inner));
            i += close + 1;
        } else if c.is_ascii_digit() {
            let mut j = i;
            while j < b.len()
                && (b[j].is_ascii_digit()
                    || b[j] == '-' && b.get(j + 1).is_some_and(char::is_ascii_digit))
            {
                j += 1;
            }
            // A letter suffix (`16a`), or a Latin one (`2 bis`).
            while j < b.len() && b[j].is_alphabetic() && b[j].is_lowercase() {
                j += 1;
            }
            let mut number: String = b[i..j].iter().collect();
            let after: String = b[j..].iter().take(12).collect::<String>().to_lowercase();
            for latin in [
                " bis",
                " ter",
                " quater",
                " quáter",
                " quinquies",
                " sexies",
            ] {
                if after.starts_with(latin)
                    && after[latin.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphabetic())
                {
                    number.push_str(latin);
                    j += latin.chars().count();
                }
            }
            out.push(Tok::Number(number));
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i;
            while j < b.len() && b[j].is_alphabetic() {
                j += 1;
            }
            let word: String = b[i..j].iter().collect::<String>().to_lowercase();
            out.push(match word.as_str() {
                "and" | "y" | "und" | "en" | "et" | "e" => Tok::And,
                "to" | "a" | "bis" | "tot" | "à" => Tok::To,
                w if PARTS.contains(&w) => Tok::Part,
                w if KEYWORDS.contains(&w) => Tok::Keyword,
                w => match ORDINALS.iter().position(|o| *o == w) {
                    Some(n) => Tok::Ordinal(n + 1),
                    None => Tok::Word,
                },
            });
            i = j;
        } else {
            i += 1;
        }
    }
    Ok(out)
}

/// Whether a marker is a number (`2`, `2a`) rather than a letter (`b`).
fn numeric(m: &str) -> bool {
    m.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The article references of a cell, after its keyword.
fn refs(s: &str) -> std::result::Result<Vec<Ref>, String> {
    let toks = tokenize(s)?;
    let mut out: Vec<Ref> = Vec::new();
    let mut pending_to = false;
    let mut i = 0;
    let mut last_was_article = false;
    let mut in_parts = false;
    while i < toks.len() {
        match &toks[i] {
            Tok::Number(n) if in_parts => {
                let Some(current) = out.last_mut() else {
                    return Err("a point before any article number".into());
                };
                current.add_paragraph(vec![n.clone()], pending_to);
                pending_to = false;
                last_was_article = false;
                i += 1;
            }
            Tok::Number(n) => {
                let mut in_range = false;
                if pending_to && last_was_article {
                    let from = out.last().map(|r| r.article.clone()).unwrap_or_default();
                    if let (Ok(a), Ok(z)) = (from.parse::<u32>(), n.parse::<u32>()) {
                        if z > a && z - a <= 500 {
                            in_range = true;
                            if let Some(start) = out.last_mut() {
                                start.in_range = true;
                            }
                            for k in a + 1..z {
                                out.push(Ref {
                                    article: k.to_string(),
                                    paragraphs: Vec::new(),
                                    in_range,
                                });
                            }
                        }
                    }
                }
                out.push(Ref {
                    article: n.clone(),
                    paragraphs: Vec::new(),
                    in_range,
                });
                pending_to = false;
                last_was_article = true;
                i += 1;
            }
            Tok::Paren(_) => {
                let Some(current) = out.last_mut() else {
                    return Err("a paragraph before any article number".into());
                };
                let mut chain = Vec::new();
                while let Some(Tok::Paren(m)) = toks.get(i) {
                    chain.push(m.clone());
                    i += 1;
                }
                // `(2)(a) and (b)`: a chain that starts at a deeper level continues the
                // one before it.
                if let Some(prev) = current.paragraphs.last() {
                    if numeric(&chain[0]) != numeric(&prev[0]) {
                        if let Some(j) = prev.iter().position(|m| numeric(m) == numeric(&chain[0]))
                        {
                            let mut full = prev[..j].to_vec();
                            full.extend(chain);
                            chain = full;
                        }
                    }
                }
                current.add_paragraph(chain, pending_to && !last_was_article);
                pending_to = false;
                last_was_article = false;
            }
            Tok::Ordinal(n) => {
                let Some(current) = out.last_mut() else {
                    return Err("a paragraph before any article number".into());
                };
                // `first paragraph`, `first subparagraph`, `first sentence`: only the first
                // of these names a paragraph of the article.
                if matches!(toks.get(i + 1), Some(Tok::Word | Tok::Part))
                    && current.paragraphs.is_empty()
                {
                    current.paragraphs.push(vec![format!("¶{n}")]);
                }
                i += 1;
            }
            Tok::To => {
                pending_to = true;
                i += 1;
            }
            Tok::Part => {
                in_parts = true;
                i += 1;
            }
            Tok::Keyword => {
                in_parts = false;
                i += 1;
            }
            Tok::And | Tok::Comma | Tok::Word => i += 1,
        }
    }
    if out.is_empty() {
        return Err("no article number".into());
    }
    Ok(out)
}

impl Ref {
    /// Names one more paragraph; `to`: the end of a range from the one named before
    /// (`(1) to (5)`, `points 3 to 5`), whose inner paragraphs are named too.
    fn add_paragraph(&mut self, chain: Vec<String>, to: bool) {
        if let Some(prev) = self.paragraphs.last().filter(|_| to) {
            let inner = range_between(prev, &chain);
            self.paragraphs.extend(inner);
        }
        self.paragraphs.push(chain);
    }
}

/// The markers strictly between two chains of the same depth and kind: `(1)` to `(5)`
/// gives 2, 3, 4; `(a)` to `(d)` gives b, c.
fn range_between(from: &[String], to: &[String]) -> Vec<Vec<String>> {
    if from.len() != to.len() || from[..from.len() - 1] != to[..to.len() - 1] {
        return Vec::new();
    }
    let prefix = &from[..from.len() - 1];
    let (a, z) = (&from[from.len() - 1], &to[to.len() - 1]);
    let inner: Vec<String> = match (a.parse::<u32>(), z.parse::<u32>()) {
        (Ok(x), Ok(y)) if y > x && y - x <= 100 => (x + 1..y).map(|k| k.to_string()).collect(),
        _ => match (a.as_bytes(), z.as_bytes()) {
            ([x], [y]) if x.is_ascii_lowercase() && y > x => {
                (x + 1..*y).map(|c| (c as char).to_string()).collect()
            }
            _ => Vec::new(),
        },
    };
    inner
        .into_iter()
        .map(|m| {
            let mut c = prefix.to_vec();
            c.push(m);
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(article: &str, paras: &[&[&str]]) -> Ref {
        Ref {
            article: article.into(),
            paragraphs: paras
                .iter()
                .map(|c| c.iter().map(|s| s.to_string()).collect())
                .collect(),
            in_range: false,
        }
    }

    #[test]
    fn cells_of_the_eu_tables_are_read() {
        let refs = |t: &str| match cell(t).expect(t) {
            Side::Refs(r) => r,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(refs("Article 3"), vec![r("3", &[])]);
        assert_eq!(refs("Article 8(1)"), vec![r("8", &[&["1"]])]);
        assert_eq!(
            refs("Article 4(1) to (5)"),
            vec![r("4", &[&["1"], &["2"], &["3"], &["4"], &["5"]])]
        );
        assert_eq!(
            refs("Article 15(1), (2)(a) and (b) and (4)"),
            vec![r("15", &[&["1"], &["2", "a"], &["2", "b"], &["4"]])]
        );
        assert_eq!(
            refs("Articles 33 (a) and 44 (a)"),
            vec![r("33", &[&["a"]]), r("44", &[&["a"]])]
        );
        let range = |from: u32, to: u32| -> Vec<Ref> {
            (from..=to)
                .map(|k| Ref {
                    in_range: true,
                    ..r(&k.to_string(), &[])
                })
                .collect()
        };
        assert_eq!(refs("Articles 24 to 27"), range(24, 27));
        assert_eq!(refs("Articles 19–22"), range(19, 22));
        assert_eq!(
            refs("Article 3(6)-(9)"),
            vec![r("3", &[&["6"], &["7"], &["8"], &["9"]])]
        );
        // A hyphen joins a French code's number; the texts tell a range (below).
        assert_eq!(refs("Article 515-14"), vec![r("515-14", &[])]);
        // The numbers after `point` are the article's points, not articles.
        assert_eq!(refs("Article 2, point 1"), vec![r("2", &[&["1"]])]);
        assert_eq!(
            refs("Article 2, points 3 to 5"),
            vec![r("2", &[&["3"], &["4"], &["5"]])]
        );
        assert_eq!(
            refs("Article 12(6), fourth subparagraph, and Article 23(1)"),
            vec![r("12", &[&["6"]]), r("23", &[&["1"]])]
        );
        assert_eq!(refs("Artikel 5 Absatz 2"), vec![r("5", &[&["2"]])]);
        assert_eq!(refs("artikel 3 lid 1"), vec![r("3", &[&["1"]])]);
        assert_eq!(
            refs("Article 9, first subparagraph"),
            vec![r("9", &[&["¶1"]])]
        );
        assert_eq!(
            refs("Article 8(2) (first sentence)"),
            refs("Article 8(2), first sentence")
        );
        assert_eq!(
            refs("Article 8(2) (first sentence)"),
            vec![r("8", &[&["2"]])]
        );
        assert_eq!(
            refs("Articles 42 and 47(1)"),
            vec![r("42", &[]), r("47", &[&["1"]])]
        );
        assert_eq!(refs("Article 55(1) (a)"), vec![r("55", &[&["1", "a"]])]);
        assert_eq!(
            refs("Article 24 (3 and following)"),
            vec![r("24", &[&["3"]])]
        );
        assert_eq!(refs("Article 5 (2 et seq.)"), vec![r("5", &[&["2"]])]);
        assert_eq!(refs("Article 7 (3 and 4)"), refs("Article 7(3) and (4)"));
        assert_eq!(refs("Article 6, first paragraph"), vec![r("6", &[&["¶1"]])]);
        assert_eq!(refs("§ 16a"), vec![r("16a", &[])]);
        assert_eq!(refs("–Article 7(1)"), vec![r("7", &[&["1"]])]);
        assert_eq!(refs("Artículo 2 bis"), vec![r("2 bis", &[])]);
        assert_eq!(cell("—"), Ok(Side::None));
        assert_eq!(cell("Annex I"), Ok(Side::Other));
        assert_eq!(cell("Regulation (EC) No 2201/2003"), Ok(Side::Other));
        assert!(cell("Article (3)").is_err());
        assert!(cell("Article").is_err());
    }

    #[test]
    fn a_hyphen_between_numbers_is_a_range_when_the_text_has_both_ends_and_not_the_number() {
        use crate::model::testing::{art, draft};
        let version = |numbers: &[&str]| {
            let arts = numbers.iter().map(|n| art(n, "Text.")).collect();
            draft("v", vec![("I", "", arts)])
        };
        let numbers = |side: &Side| match side {
            Side::Refs(r) => r.iter().map(|r| r.article.clone()).collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        let mut rows = parse(
            "t.tsv",
            "Article 7	Articles 19-21
Article 515-14	—
",
            Format::Tsv,
        )
        .expect("tsv");
        let base = version(&["7", "515-14", "515"]);
        let head = version(&["19", "20", "21"]);
        ranges_against(&mut rows, &base, &head);
        assert_eq!(numbers(&rows[0].new), ["19", "20", "21"]);
        assert_eq!(numbers(&rows[1].old), ["515-14"]);
    }

    #[test]
    fn each_format_is_read_and_bad_rows_name_their_line() {
        let tsv = "Old\tNew\nArticle 1\tArticle 2\n—\tArticle 3\n";
        let rows = parse("t.tsv", tsv, Format::Tsv).expect("tsv");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].old, Side::Other);
        assert_eq!(rows[2].line, 3);
        let csv = "old,new\n\"Article 15(1), (2)\",Article 12(1)\n";
        let rows = parse("t.csv", csv, Format::Csv).expect("csv");
        assert_eq!(rows[1].old_text, "Article 15(1), (2)");
        let md = "# Table\n\n| Old | New |\n| --- | --- |\n| Article 1 | — |\n";
        let rows = parse("t.md", md, Format::Markdown).expect("md");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 5);
        let err = parse("t.tsv", "Article 1\tArticle 1\nArticle 2\n", Format::Tsv).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.tsv:2:1: expected two columns"),
            "{err}"
        );
        let err = parse("t.tsv", "Article 1\tArticle (x\n", Format::Tsv).unwrap_err();
        assert!(
            err.to_string().starts_with("t.tsv:1:11: cannot read"),
            "{err}"
        );
        let err = parse("t.csv", "Article 1,\"Article 2\n", Format::Csv).unwrap_err();
        assert!(
            err.to_string().starts_with("t.csv:1:1: a quoted field"),
            "{err}"
        );
    }
}
