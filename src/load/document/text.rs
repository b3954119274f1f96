//! Plain text and Markdown into [`Line`]s.
//!
//! Decoding is strict (UTF-8 only, located errors for anything else). Markdown heading
//! markers (`## `, underlines) become [`Style::Heading`]; front matter gives the title.
//! Plain text is often PDF output, so page numbers ("12", "- 12 -", "Page 3 of 40"), form
//! feeds and running headers repeated at page breaks are dropped (and counted in a
//! warning), and a paragraph cut by a page break is put back together. A boxed block
//! (`*  6. Disclaimer of Warranty  *` between rows of asterisks, as licences set off their
//! disclaimers) loses its frame, so its headings and text read like the rest.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Line, Style};
use crate::error::{Error, Result};
use crate::load::toml::text_of;
use crate::load::SourceFile;

static ATX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(#{1,6})(?:\s*([^#\s].*?))?(?:\s+#+)?\s*$").expect("the ATX pattern is valid")
});
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?i:of|/)\s*\d{1,4})?$")
        .expect("the page-number pattern is valid")
});

/// A numbered section's heading without a keyword (`1.0 Definitions`, `2. Grant`).
static SECTION_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?\d{1,3}(?:\.0)?[.)]?\s+\p{Lu}").expect("the section-number pattern is valid")
});

/// Whether a `.txt` file is Markdown in fact: at least two `#` heading lines that read as
/// headings (`### Article  1`, `###Artikel 5`, `### 1.0 Definitions`). A file's content,
/// not its name, says how to read it.
pub(crate) fn looks_like_markdown(file: &SourceFile) -> bool {
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        return false;
    };
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .filter_map(|l| ATX.captures(l))
        .filter(|c| {
            c.get(2).is_some_and(|t| {
                super::headings::parse(t.as_str()).is_some() || SECTION_NUMBER.is_match(t.as_str())
            })
        })
        .take(2)
        .count()
        == 2
}

/// Reads a text file into lines; `markdown` enables heading markers and front matter.
pub(crate) fn lines(
    file: &SourceFile,
    markdown: bool,
    warnings: &mut Vec<String>,
) -> Result<Vec<Line>> {
    let text = decode(file)?;
    // Old Mac files end lines with a bare carriage return.
    let split: Vec<&str> = if text.contains('\n') {
        text.lines().collect()
    } else {
        text.split('\r').collect()
    };
    let mut raw: Vec<(usize, Cow<str>)> = split
        .into_iter()
        .enumerate()
        .map(|(i, l)| (i + 1, Cow::Borrowed(l)))
        .collect();
    unframe(&mut raw);
    unmark_consolidation(&mut raw, warnings);
    let mut out = Vec::with_capacity(raw.len());
    if markdown {
        if let Some((title, skip)) = front_matter(&raw) {
            if let Some((at, title)) = title {
                out.push(line(title, at, Style::Title, false));
            }
            raw.drain(..skip);
        }
    }
    for (at, raw_line) in raw {
        let page_break = raw_line.contains('\u{c}');
        let cleaned = raw_line.replace('\u{c}', "");
        let trimmed = cleaned.trim();
        if is_rule(trimmed) {
            // An underline makes the line above a heading (`===` level 1, `---` level 2);
            // on its own it is decoration.
            match out.last_mut() {
                Some(
                    prev @ Line {
                        style: Style::Body, ..
                    },
                ) if !prev.text.is_empty() => {
                    prev.style = Style::Heading(if trimmed.starts_with('=') { 1 } else { 2 });
                    prev.wrapped = false;
                }
                _ => out.push(line(String::new(), at, Style::Body, true)),
            }
            continue;
        }
        if markdown && is_html_tag(trimmed) {
            // `<meta http-equiv='Content-Type' … />` atop the Dutch laws' export: a lone
            // HTML tag renders as nothing, so it is neither the title nor text.
            out.push(line(String::new(), at, Style::Body, true));
            continue;
        }
        if markdown {
            // The pattern opens with `#`.
            if let Some(c) = trimmed
                .starts_with('#')
                .then(|| ATX.captures(trimmed))
                .flatten()
            {
                let level = c.get(1).map_or(1, |m| m.as_str().len()) as u8;
                let title = c.get(2).map_or("", |m| m.as_str()).to_owned();
                out.push(line(title, at, Style::Heading(level), false));
                continue;
            }
        }
        if page_break && !markdown {
            // pdftotext starts each new page with a form feed.
            out.push(page_marker());
        }
        let mut body = line(trimmed.to_owned(), at, Style::Body, true);
        body.indent = indent_of(&cleaned);
        out.push(body);
    }
    if markdown {
        out = pipe_tables(out);
    } else {
        out = drop_page_furniture(out, warnings);
    }
    out.retain(|l| l.at != 0);
    Ok(out)
}

/// The frame char of boxed text: a row of it above and below, and each line between
/// starting and ending with it.
const FRAME: char = '*';

/// Strips the frame of every boxed block: the rows of asterisks become blank lines, the
/// lines between them lose their first and last asterisk and the indentation they all
/// share, so a heading in the box (`*  6. Disclaimer of Warranty  *`) stands where the
/// others do. Only a run of framed lines with a border on both sides is a box: a line
/// that merely starts and ends with an asterisk (`*emphasis*`) is left alone.
fn unframe(raw: &mut [(usize, Cow<str>)]) {
    let border = |s: &str| {
        let t = s.trim();
        t.chars().count() >= 10 && t.chars().all(|c| c == FRAME)
    };
    let framed = |s: &str| {
        let t = s.trim();
        t.len() >= 2 && t.starts_with(FRAME) && t.ends_with(FRAME) && !border(s)
    };
    let mut i = 0;
    while i < raw.len() {
        if !border(&raw[i].1) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let end = (start..raw.len())
            .find(|&k| !framed(&raw[k].1))
            .unwrap_or(raw.len());
        if end == start || end == raw.len() || !border(&raw[end].1) {
            i = end.max(start);
            continue;
        }
        let inner: Vec<String> = raw[start..end]
            .iter()
            .map(|(_, l)| {
                let t = l.trim();
                t[FRAME.len_utf8()..t.len() - FRAME.len_utf8()]
                    .trim_end()
                    .to_owned()
            })
            .collect();
        let lead = |l: &str| l.len() - l.trim_start().len();
        let shared = inner
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| lead(l))
            .min()
            .unwrap_or(0);
        for (k, text) in (start..end).zip(inner) {
            let mut cut = shared.min(lead(&text));
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            raw[k].1 = Cow::Owned(text[cut..].to_owned());
        }
        raw[i].1 = Cow::Borrowed("");
        raw[end].1 = Cow::Borrowed("");
        i = end + 1;
    }
}

/// EUR-Lex's marks of provenance in a consolidated text: a line `▼B`, `▼M3` or `▼C1`
/// above the text that act brought in (`▼M5 —————` where it deleted some), and
/// `►M1 … ◄` around a word or phrase. They are the publisher's, not the law's: two
/// consolidations of one article carry different marks over the same words, so kept,
/// they would be changes, and a `▼B` above the first heading would be the title.
static CONSOLIDATION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:▼[A-Z]\d{0,3}\s*)+(?:[—–-]{3,})?$")
        .expect("the consolidation-mark pattern is valid")
});
static CONSOLIDATION_INLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"►[A-Z]\d{0,3} ?| ?◄").expect("the inline-mark pattern is valid"));

/// Blanks the lines that are only consolidation marks and takes the inline marks out of
/// the text, counting both in one warning.
fn unmark_consolidation(raw: &mut [(usize, Cow<str>)], warnings: &mut Vec<String>) {
    let mut marks = 0;
    for (_, l) in raw.iter_mut() {
        if !l.contains(['▼', '►', '◄']) {
            continue;
        }
        if CONSOLIDATION_LINE.is_match(l.trim()) {
            marks += 1;
            *l = Cow::Borrowed("");
        } else if l.contains('►') && CONSOLIDATION_INLINE.is_match(l) {
            marks += CONSOLIDATION_INLINE.find_iter(l).count();
            *l = Cow::Owned(CONSOLIDATION_INLINE.replace_all(l, "").into_owned());
        }
    }
    if marks > 0 {
        warnings.push(format!(
            "dropped {marks} consolidation mark(s) (▼B, ►M1 … ◄): they tell which act brought \
             the text in, and are not part of it"
        ));
    }
}

/// Markdown pipe tables (a row, a delimiter row, more rows) as draftdiff carries tables
/// (`crate::pipe`): each row written the one way (`|a|b|` → `| a | b |`), the delimiter
/// row dropped. A run of pipe lines without a delimiter row is not a table in Markdown
/// and stays as written.
fn pipe_tables(lines: Vec<Line>) -> Vec<Line> {
    let body_row = |l: &Line| l.style == Style::Body && crate::pipe::is_row(&l.text);
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut in_table = false;
    let mut lines = lines.into_iter().peekable();
    while let Some(mut l) = lines.next() {
        if !body_row(&l) {
            in_table = false;
            out.push(l);
            continue;
        }
        if !in_table {
            in_table = lines
                .peek()
                .is_some_and(|next| body_row(next) && crate::pipe::is_delimiter_row(&next.text));
            if in_table {
                lines.next();
            }
        }
        if in_table {
            if let Some(row) = crate::pipe::canonical(&l.text) {
                l.text = row;
            }
        }
        out.push(l);
    }
    out
}

fn line(text: String, at: usize, style: Style, wrapped: bool) -> Line {
    Line {
        text,
        at,
        style,
        indent: 0,
        wrapped,
    }
}

/// Columns of leading whitespace, a tab counting four.
fn indent_of(s: &str) -> usize {
    s.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// A form feed, kept as a marker line (numbered 0) until page furniture is removed.
fn page_marker() -> Line {
    line("\u{c}".to_owned(), 0, Style::Body, true)
}

/// The file as UTF-8 text, or a clear error for binary, UTF-16, zip or empty input.
fn decode(file: &SourceFile) -> Result<&str> {
    let bytes = &file.bytes;
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::file(
            &file.path,
            "this is a zip archive (a Word file?), not text; name it .docx to read it as Word",
        ));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Error::file(
            &file.path,
            "the file is UTF-16 text; save it as UTF-8",
        ));
    }
    let text = text_of(file)?;
    if let Some(nul) = text.find('\0') {
        return Err(Error::at_offset(
            &file.path,
            text,
            nul,
            "binary data (a NUL byte) in a text file",
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::file(&file.path, "the document is empty"));
    }
    Ok(text)
}

/// Markdown front matter (`---` … `---` at the top): its `title:` and the lines it spans.
fn front_matter(raw: &[(usize, Cow<str>)]) -> Option<(Option<(usize, String)>, usize)> {
    if raw.first()?.1.trim() != "---" {
        return None;
    }
    let end = raw
        .iter()
        .take(40)
        .skip(1)
        .position(|(_, l)| l.trim() == "---")?
        + 1;
    let title = (1..end).find_map(|k| {
        let (at, line) = &raw[k];
        let mut value = line.strip_prefix("title:")?.trim().to_owned();
        // A quoted title folded over several lines (`title: "Gesetz zur Änderung des` /
        // `  Anspruchs- … gesetzes"`): YAML joins the lines with a space.
        if let Some(quote) = value.chars().next().filter(|q| *q == '"' || *q == '\'') {
            let closed = |v: &str| v.len() > 1 && v.ends_with(quote);
            for (_, more) in &raw[k + 1..end] {
                if closed(&value) {
                    break;
                }
                value.push(' ');
                value.push_str(more.trim());
            }
        }
        let value = value.trim_matches(['"', '\'']).trim();
        (!value.is_empty()).then(|| (*at, value.to_owned()))
    });
    Some((title, end + 1))
}

/// A line of only `=`, `-`, `*` or `_` (three or more): an underline or a rule.
/// A line that is one HTML tag and nothing else (`<meta … />`, `<br>`, `</div>`).
fn is_html_tag(s: &str) -> bool {
    s.strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .is_some_and(|inner| {
            inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
                && !inner.contains(['<', '>'])
        })
}

fn is_rule(s: &str) -> bool {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    s.len() >= 3
        && ['=', '-', '*', '_']
            .iter()
            .any(|m| s.chars().all(|c| c == *m))
}

/// The page references of the EU's Official Journal (`L 180/31`, `C 202/1`) and the
/// footers of the Commission's documents (`EN 3 EN`), which PDF copies keep at every page
/// break: page numbers with letters around them.
static JOURNAL_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]{1,2} ?\d{1,4}/\d{1,4}|(?P<a>[A-Z]{2}) \d{1,4} (?P<b>[A-Z]{2}))$")
        .expect("the journal page pattern is valid")
});

fn is_page_number(text: &str) -> bool {
    let text = text.trim();
    PAGE_NUMBER.is_match(text)
        || JOURNAL_PAGE
            .captures(text)
            .is_some_and(|c| match (c.name("a"), c.name("b")) {
                (Some(a), Some(b)) => a.as_str() == b.as_str(),
                _ => true,
            })
}

/// Drops page numbers, form feeds and running headers, and rejoins a paragraph that a
/// page break cut in two.
fn drop_page_furniture(lines: Vec<Line>, warnings: &mut Vec<String>) -> Vec<Line> {
    let is_page = |l: &Line| l.text == "\u{c}" || is_page_number(&l.text);
    let mut furniture: Vec<bool> = lines.iter().map(is_page).collect();
    // A running header of several lines (`29.6.2013` / `EN` / `Official Journal of the
    // European Union` / `L 180/33`) is found a line at a time, each beside the last.
    loop {
        let more = running_headers(&lines, &furniture);
        if more.is_empty() {
            break;
        }
        for i in more {
            furniture[i] = true;
        }
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut dropped = 0;
    let mut pending_blanks: Vec<Line> = Vec::new();
    let mut after_break = false;
    for (i, l) in lines.into_iter().enumerate() {
        if furniture[i] {
            dropped += usize::from(l.text != "\u{c}");
            after_break = true;
            continue;
        }
        if l.is_blank() {
            if after_break {
                pending_blanks.push(l);
            } else {
                out.push(l);
            }
            continue;
        }
        if after_break {
            // A page break in mid-sentence: the blank lines around it are not a
            // paragraph break. A heading opens its own paragraph, whatever the line before
            // the break (a division's title, `SHIPMENTS WITHIN THE COMMUNITY`, ends no
            // sentence).
            let mid_sentence = out
                .iter()
                .rev()
                .find(|p| !p.is_blank())
                .is_some_and(|p| !super::paragraphs::ends_sentence(&p.text))
                && super::headings::parse(l.text.trim()).is_none();
            if mid_sentence {
                while out.last().is_some_and(Line::is_blank) {
                    out.pop();
                }
            } else {
                out.append(&mut pending_blanks);
            }
            pending_blanks.clear();
            after_break = false;
        }
        out.push(l);
    }
    out.append(&mut pending_blanks);
    if dropped > 0 {
        warnings.push(format!(
            "dropped {dropped} page-number or running-header line(s)"
        ));
    }
    out
}

/// Indices of lines repeated at least three times next to a page break (page number or
/// form feed), and more often there than elsewhere — running headers and footers. Lines
/// shaped like headings are kept.
fn running_headers(lines: &[Line], furniture: &[bool]) -> Vec<usize> {
    let near_break = |i: usize| {
        let before = lines[..i]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, l)| !l.is_blank())
            .take(2)
            .any(|(j, _)| furniture[j]);
        let after = lines[i + 1..]
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .take(2)
            .any(|(j, _)| furniture[i + 1 + j]);
        before || after
    };
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() && !furniture[i] && l.text.chars().count() <= 80 {
            groups.entry(l.text.as_str()).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (text, indices) in groups {
        if super::headings::parse(text).is_some() {
            continue;
        }
        let all = indices.len();
        let at_breaks: Vec<usize> = indices.into_iter().filter(|&i| near_break(i)).collect();
        // Most of a header's lines stand at page breaks; a short line of the text (`and`
        // between two points, repeated nine times) only happens to now and then.
        if at_breaks.len() >= 3 && at_breaks.len() * 2 > all {
            out.extend(at_breaks);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_admits_every_atx_heading() {
        super::super::headings::assert_admits_every_match(
            &ATX,
            |l| l.starts_with('#'),
            &["# Title", "###### Deep ##", "##", "#Artikel 5"],
        );
    }

    fn read(text: &[u8], markdown: bool) -> (Vec<Line>, Vec<String>) {
        let f = SourceFile::new("d/x.txt".into(), "x.txt", text.to_vec());
        let mut w = Vec::new();
        let l = lines(&f, markdown, &mut w).unwrap();
        (l, w)
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    fn error(bytes: &[u8]) -> String {
        let f = SourceFile::new("d/x.txt".into(), "x.txt", bytes.to_vec());
        lines(&f, false, &mut Vec::new()).unwrap_err().to_string()
    }

    #[test]
    fn consolidation_marks_are_not_text() {
        let (l, w) = read(
            "▼B\n\nArticle 1\n\n1.   Rules ►M1 of origin ◄ apply.\n\n▼M2 —————\n\n▼M3\n\n2.   More.\n"
                .as_bytes(),
            false,
        );
        assert_eq!(
            texts(&l),
            [
                "",
                "",
                "Article 1",
                "",
                "1.   Rules of origin apply.",
                "",
                "",
                "",
                "",
                "",
                "2.   More."
            ]
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("dropped 5 consolidation mark(s)"), "{w:?}");
        // An arrow in ordinary text is text.
        let (l, w) = read("Article 1\nPress ► to play.\n".as_bytes(), false);
        assert_eq!(texts(&l), ["Article 1", "Press ► to play."]);
        assert!(w.is_empty());
    }

    #[test]
    fn markdown_headings_lose_their_markers() {
        let (l, _) = read(
            b"# Lake Treaty\n\n## Article 3 ##\nText *kept*.\nScope\n-----\n",
            true,
        );
        assert_eq!(
            texts(&l),
            ["Lake Treaty", "", "Article 3", "Text *kept*.", "Scope"]
        );
        assert_eq!(l[0].style, Style::Heading(1));
        assert_eq!(l[2].style, Style::Heading(2));
        assert_eq!(l[3].style, Style::Body);
        assert_eq!(l[4].style, Style::Heading(2));
        assert_eq!(l[3].at, 4);
    }

    #[test]
    fn markdown_pipe_tables_are_written_the_one_way() {
        let md = b"Text\n\n|Zone|Limit|\n| :--- | ---: |\n| North |a \\| b|\n\n| not | a table |\n";
        let (l, _) = read(md, true);
        assert_eq!(
            texts(&l),
            [
                "Text",
                "",
                "| Zone | Limit |",
                "| North | a \\| b |",
                "",
                "| not | a table |"
            ]
        );
        let (l, _) = read(b"|a|b|\n|---|---|\n", false);
        assert_eq!(texts(&l), ["|a|b|", "|---|---|"]);
    }

    #[test]
    fn any_line_ending_is_read() {
        for text in [&b"A\r\nB\r\n"[..], b"A\rB\r", b"A\nB"] {
            let (l, _) = read(text, false);
            assert_eq!(&texts(&l)[..2], ["A", "B"]);
            assert_eq!(l[1].at, 2);
        }
    }

    #[test]
    fn front_matter_gives_the_title() {
        let (l, _) = read(
            b"---\ntitle: \"Lake Treaty\"\nversion: 2\n---\nArticle 1\n",
            true,
        );
        assert_eq!(texts(&l), ["Lake Treaty", "Article 1"]);
        assert_eq!(l[0].style, Style::Title);
        assert_eq!((l[0].at, l[1].at), (2, 5));
        // A quoted title folded over two lines is one title.
        let (l, _) = read(
            b"---\ntitle: \"Gesetz zur \xc3\x84nderung des\nAnspruchsgesetzes\"\nid: \"X\"\n---\nArt 1\n",
            true,
        );
        assert_eq!(
            texts(&l),
            ["Gesetz zur Änderung des Anspruchsgesetzes", "Art 1"]
        );
    }

    #[test]
    fn page_furniture_is_dropped_and_cut_paragraphs_rejoined() {
        let text = b"Lake Treaty draft\n\nThe Parties shall share the\n\n- 2 -\n\x0cLake Treaty draft\n\nfish of the lake.\n\nPage 3 of 9\n\x0cLake Treaty draft\nA new paragraph.\n\n4\n\x0cLake Treaty draft\nEnd.\n";
        let (l, w) = read(text, false);
        assert_eq!(
            texts(&l),
            [
                "",
                "The Parties shall share the",
                "fish of the lake.",
                "",
                "A new paragraph.",
                "",
                "End."
            ]
        );
        assert_eq!(w, ["dropped 7 page-number or running-header line(s)"]);
    }

    /// A regulation copied from the Official Journal's PDF: a header of four lines at
    /// every page break, its page reference (`L 180/32`) the only line that changes.
    #[test]
    fn the_official_journal_header_is_dropped_whole() {
        let header = |page: u32, odd: bool| {
            let (first, last) = ("29.6.2013".to_owned(), format!("L 180/{page}"));
            let (first, last) = if odd { (first, last) } else { (last, first) };
            format!("{first}\n\nEN\n\nOfficial Journal of the European Union\n\n{last}\n\n")
        };
        let text = format!(
            "{}Article 1\n\nMember States shall examine the\n\x0c{}application lodged.\n\n\
             TITLE II\nSHIPMENTS WITHIN THE UNION\n\x0c{}Article 2\n\nIt applies.\n\x0c{}End.\n",
            header(31, true),
            header(32, false),
            header(33, true),
            header(34, false)
        );
        let (l, w) = read(text.as_bytes(), false);
        let kept: Vec<&str> = texts(&l).into_iter().filter(|t| !t.is_empty()).collect();
        assert_eq!(
            kept,
            [
                "Article 1",
                "Member States shall examine the",
                "application lodged.",
                "TITLE II",
                "SHIPMENTS WITHIN THE UNION",
                "Article 2",
                "It applies.",
                "End."
            ]
        );
        assert_eq!(w, ["dropped 16 page-number or running-header line(s)"]);
        // The heading after the break opens its own paragraph: the division title above it
        // ends no sentence, yet the two are not one line cut by the page.
        let at = texts(&l).iter().position(|t| *t == "Article 2").unwrap();
        assert_eq!(texts(&l)[at - 1], "");
    }

    #[test]
    fn commission_footers_are_page_numbers() {
        assert!(is_page_number("EN 3 EN") && is_page_number("L 180/31"));
        assert!(is_page_number("C 202/1") && is_page_number("- 4 -"));
        for text in ["EN 3 FR", "(3)", "Article 3", "L 180", "ANNEX 3"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn bad_bytes_are_located() {
        let msg = error(b"Article 1\nFees \xff here\n");
        assert!(
            msg.starts_with("d/x.txt:2:6: file is not valid UTF-8"),
            "{msg}"
        );
        let msg = error(b"Article 1\nab\0cd\n");
        assert!(msg.starts_with("d/x.txt:2:3: binary data"), "{msg}");
        assert!(error(b"PK\x03\x04rest").contains("zip archive"));
        assert!(error(b"\xff\xfeA\0").contains("UTF-16"));
        assert!(error(b"\xef\xbb\xbf \n\n\t\n").contains("the document is empty"));
    }

    #[test]
    fn a_boxed_block_loses_its_frame() {
        let text = b"4. Notices\n\nKeep them.\n\n****************\n*              *\n*  5. Warranty *\n*  ----------- *\n*              *\n*  None given. *\n****************\n\n*emphasis*\n*kept*\n";
        let (l, _) = read(text, false);
        assert_eq!(
            texts(&l),
            [
                "4. Notices",
                "",
                "Keep them.",
                "",
                "",
                "",
                "5. Warranty",
                "",
                "None given.",
                "",
                "",
                "*emphasis*",
                "*kept*"
            ]
        );
        assert_eq!(l[6].style, Style::Heading(2));
        assert_eq!(l[6].indent, 0);
        assert_eq!((l[6].at, l[8].at), (7, 10));
        // A box never closed is not a box.
        let (l, _) = read(b"****************\n*  5. Warranty *\nText\n", false);
        assert_eq!(texts(&l)[1], "*  5. Warranty *");
    }

    #[test]
    fn a_txt_file_with_numbered_hash_headings_is_markdown() {
        let md = |t: &str| looks_like_markdown(&SourceFile::new("x.txt".into(), "x.txt", t.into()));
        assert!(md(
            "## Database Licence\n\n### 1.0 Definitions\nText.\n\n### 2.0 What it covers\nText.\n"
        ));
        assert!(!md("# 1 comment\nText.\n# not a heading\n"));
    }
}
