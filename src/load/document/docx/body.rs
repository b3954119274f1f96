//! `word/document.xml`: the paragraphs of the body, with tracked changes accepted.
//!
//! A small state machine over quick-xml events. Paragraphs are numbered in document order
//! (table cells included) and those numbers are the lines' `at`. A table's row is one
//! line, a pipe row of its cells (`crate::pipe`), each cell its paragraphs joined with
//! spaces; a row whose insertion was deleted (`w:trPr/w:del`) is gone once accepted, so
//! it is not read. A table inside a cell is read into that cell's text. Elements whose content is
//! not accepted text (deletions, moved-from text, field codes, formatting-change history)
//! are skipped whole; drawings and symbols are skipped and counted. A note reference is
//! kept as a mark at its place (the note's text is read from its own part, `super::notes`).

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::numbering::Numbering;
use super::styles::{outline_role, Role, Styles};
use super::{attr, val, xml_error};
use crate::error::Result;
use crate::load::document::notes;
use crate::load::document::{Line, Style};

/// Elements whose whole content is not part of the accepted text.
const SKIPPED: [&str; 16] = [
    "del",
    "delInstrText",
    "moveFrom",
    "delText",
    "instrText",
    "sdtPr",
    "sdtEndPr",
    "pPrChange",
    "rPrChange",
    "sectPr",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
    "fldData",
];
/// Drawings, text boxes and embedded objects: skipped and reported.
const DRAWINGS: [&str; 4] = ["drawing", "pict", "object", "AlternateContent"];

/// How many times something was met, and the paragraph of the first time.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    count: usize,
    first: usize,
}

impl Tally {
    fn add(&mut self, at: usize) {
        if self.count == 0 {
            self.first = at;
        }
        self.count += 1;
    }
}

#[derive(Debug, Default)]
struct Para {
    text: String,
    at: usize,
    style: Option<String>,
    outline: Option<u8>,
    /// Automatic numbering set on the paragraph itself (list id, level).
    num_id: Option<String>,
    ilvl: Option<usize>,
    /// The paragraph mark itself is a tracked deletion: the text runs on into the next
    /// paragraph once the change is accepted.
    mark_deleted: bool,
}

/// The row of a table being read.
#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    /// The text of the open cell.
    cell: Option<String>,
    /// The paragraph number of its first paragraph.
    at: usize,
    /// The row is a tracked deletion (`w:trPr/w:del`).
    deleted: bool,
}

#[derive(Default)]
struct Walker<'s> {
    styles: Option<&'s Styles>,
    numbering: Option<Numbering>,
    depth: usize,
    /// Depth of the element whose content is being skipped.
    skip_from: Option<usize>,
    /// Depth of the open `w:pPr` of the innermost paragraph.
    ppr_at: Option<usize>,
    in_text: bool,
    /// The current run is hidden text (`w:vanish`), which Word does not display.
    hidden_run: bool,
    open: Vec<Para>,
    count: usize,
    /// How many tables are open around the current element.
    tables: usize,
    /// The open row of the outermost table.
    row: Option<Row>,
    /// Depth of the open `w:trPr` of that row.
    trpr_at: Option<usize>,
    /// Text (and first paragraph number) of paragraphs whose marks were deleted.
    carry: Option<(String, usize)>,
    out: Vec<Line>,
    drawings: Tally,
    symbols: Tally,
    hidden: Tally,
    numbered: Tally,
    contents: Tally,
}

/// Reads the body of `word/document.xml` (`label` names it in errors).
pub(crate) fn read(
    xml: &str,
    label: &str,
    styles: &Styles,
    numbering: Option<Numbering>,
    warnings: &mut Vec<String>,
) -> Result<Vec<Line>> {
    let mut reader = Reader::from_str(xml);
    let mut w = Walker {
        styles: Some(styles),
        numbering,
        ..Walker::default()
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error(label, xml, reader.error_position(), e))?;
        match event {
            Event::Start(e) => {
                w.start(&e, false);
                w.depth += 1;
            }
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => {
                w.depth = w.depth.saturating_sub(1);
                w.end(e.local_name().as_ref());
            }
            Event::Text(t) => w.text(&t.xml10_content()),
            Event::CData(t) => w.text(&t),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(&r)
                        .ok_or_else(|| {
                            xml_error(
                                label,
                                xml,
                                reader.buffer_position(),
                                format!("unknown entity &{};", &*r),
                            )
                        })?
                        .to_owned(),
                    Err(e) => return Err(xml_error(label, xml, reader.buffer_position(), e)),
                };
                w.text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if w.depth > 0 {
        return Err(xml_error(
            label,
            xml,
            reader.buffer_position(),
            "the part ends inside an element (the file is cut short?)",
        ));
    }
    if let Some((text, at)) = w.carry.take() {
        w.emit(&text, at, Style::Body);
    }
    w.warn(warnings);
    Ok(w.out)
}

impl Walker<'_> {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        if self.skip_from.is_some() {
            return;
        }
        let local = e.local_name();
        let name = local.as_ref();
        let at = self.count.max(1);
        if SKIPPED.contains(&name) || DRAWINGS.contains(&name) {
            if DRAWINGS.contains(&name) {
                self.drawings.add(at);
            }
            if self.ppr_at.is_some() && matches!(name, "del" | "moveFrom") {
                if let Some(p) = self.open.last_mut() {
                    p.mark_deleted = true;
                }
            }
            if self.trpr_at.is_some() && matches!(name, "del" | "moveFrom") {
                if let Some(row) = &mut self.row {
                    row.deleted = true;
                }
            }
            if !empty {
                self.skip_from = Some(self.depth);
            }
            return;
        }
        if self.ppr_at.is_some() {
            if let Some(p) = self.open.last_mut() {
                match name {
                    "pStyle" => p.style = val(e),
                    "numId" => p.num_id = val(e),
                    "ilvl" => p.ilvl = val(e).and_then(|v| v.parse().ok()),
                    "outlineLvl" => p.outline = val(e).and_then(|v| v.parse().ok()),
                    _ => {}
                }
            }
            return;
        }
        if self.trpr_at.is_some() {
            return;
        }
        match name {
            "p" => {
                self.count += 1;
                self.open.push(Para {
                    at: self.count,
                    ..Para::default()
                });
                if empty {
                    self.end_paragraph();
                }
            }
            "pPr" if !empty && !self.open.is_empty() => self.ppr_at = Some(self.depth),
            "t" => self.in_text = !empty,
            "tab" | "ptab" => self.push(" "),
            "br" | "cr" => self.push("\n"),
            "noBreakHyphen" => self.push("-"),
            "tbl" if !empty => {
                self.tables += 1;
                if self.tables == 1 {
                    // Text whose paragraph mark was deleted runs on into the next
                    // paragraph, which is not in the table.
                    if let Some((text, at)) = self.carry.take() {
                        self.emit(&text, at, Style::Body);
                    }
                }
            }
            "tr" if !empty && self.tables == 1 => {
                self.row = Some(Row {
                    at: self.count + 1,
                    ..Row::default()
                });
            }
            "trPr" if !empty && self.tables == 1 && self.row.is_some() => {
                self.trpr_at = Some(self.depth);
            }
            "tc" if self.tables == 1 => {
                if let Some(row) = &mut self.row {
                    row.cell = Some(String::new());
                    if empty {
                        self.end_cell();
                    }
                }
            }
            "footnoteReference" | "endnoteReference" => {
                // A note is read with its article (`super::super::notes`): the reference
                // stays where it is, as a mark, until the outline says whose it is.
                let kind = if name == "footnoteReference" {
                    "f"
                } else {
                    "e"
                };
                if let Some(id) = attr(e, "id") {
                    self.push(&notes::mark(&format!("{kind}{id}")));
                }
            }
            "sym" => self.symbols.add(at),
            "r" => self.hidden_run = false,
            "vanish" if val(e).is_none_or(|v| v != "0" && v != "false") => {
                if !self.hidden_run {
                    self.hidden.add(at);
                }
                self.hidden_run = true;
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(from) = self.skip_from {
            if from == self.depth {
                self.skip_from = None;
            }
            return;
        }
        if self.ppr_at == Some(self.depth) {
            self.ppr_at = None;
            return;
        }
        if self.trpr_at == Some(self.depth) {
            self.trpr_at = None;
            return;
        }
        match name {
            "t" => self.in_text = false,
            "r" => self.hidden_run = false,
            "p" => self.end_paragraph(),
            "tc" if self.tables == 1 => self.end_cell(),
            "tr" if self.tables == 1 => self.end_row(),
            "tbl" => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }

    /// Closes the open cell of the open row.
    fn end_cell(&mut self) {
        if let Some(row) = &mut self.row {
            if let Some(cell) = row.cell.take() {
                row.cells.push(cell);
            }
        }
    }

    /// Closes the open row: one pipe line, unless the row is a deletion.
    fn end_row(&mut self) {
        let Some(row) = self.row.take() else { return };
        if row.deleted || row.cells.is_empty() {
            return;
        }
        self.emit(&crate::pipe::row(&row.cells), row.at, Style::Body);
    }

    fn text(&mut self, s: &str) {
        if self.in_text && self.skip_from.is_none() {
            self.push(s);
        }
    }

    fn push(&mut self, s: &str) {
        if self.hidden_run {
            return;
        }
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(s);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.open.pop() else { return };
        self.ppr_at = None;
        self.in_text = false;
        if p.mark_deleted && self.tables == 0 {
            let (mut text, at) = self.carry.take().unwrap_or((String::new(), p.at));
            text.push_str(&p.text);
            self.carry = Some((text, at));
            return;
        }
        let (text, at) = match self.carry.take() {
            Some((mut before, at)) => {
                before.push_str(&p.text);
                (before, at)
            }
            None => (std::mem::take(&mut p.text), p.at),
        };
        let role = match (p.outline, &p.style, self.styles) {
            (Some(level), _, _) => outline_role(level),
            (None, Some(id), Some(styles)) => styles.role(id),
            _ => Role::Body,
        };
        let style = match role {
            Role::Contents => {
                self.contents.add(at);
                return;
            }
            Role::Body => Style::Body,
            Role::Heading(level) => Style::Heading(level),
            Role::Title => Style::Title,
        };
        // A list level is an indentation: sections and their nested items are told
        // apart by it, as in plain text.
        let (text, indent) = match self.number(&p) {
            Some(Ok((number, level))) => (format!("{number}{text}"), level * 4),
            Some(Err(())) => {
                self.numbered.add(at);
                (text, 0)
            }
            None => (text, 0),
        };
        if self.tables > 0 {
            // A paragraph of a table cell: part of the cell's text.
            if let Some(cell) = self.row.as_mut().and_then(|r| r.cell.as_mut()) {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(text.trim());
            }
            return;
        }
        self.emit_indented(&text, at, style, indent);
    }

    /// The automatic number of paragraph `p` (from the paragraph or its style), `None`
    /// when it has none, `Err` when the document does not define the list it names.
    fn number(&mut self, p: &Para) -> Option<Result<(String, usize), ()>> {
        let (style_num, style_ilvl) = match (&p.style, self.styles) {
            (Some(id), Some(styles)) => styles.numbering(id),
            _ => (None, None),
        };
        let num_id = p.num_id.clone().or(style_num).filter(|id| id != "0")?;
        let ilvl = p.ilvl.or(style_ilvl).unwrap_or(0);
        Some(
            self.numbering
                .as_mut()
                .and_then(|n| n.next(&num_id, ilvl))
                .map(|number| (number, ilvl))
                .ok_or(()),
        )
    }

    fn emit(&mut self, text: &str, at: usize, style: Style) {
        self.emit_indented(text, at, style, 0);
    }

    fn emit_indented(&mut self, text: &str, at: usize, style: Style, indent: usize) {
        for piece in text.split('\n') {
            self.out.push(Line {
                text: piece.trim().to_owned(),
                at,
                style,
                indent,
                wrapped: false,
            });
        }
    }

    fn warn(&self, warnings: &mut Vec<String>) {
        let mut say = |t: Tally, what: &str| {
            if t.count > 0 {
                warnings.push(format!(
                    "{} {what} (first at paragraph {})",
                    t.count, t.first
                ));
            }
        };
        say(
            self.drawings,
            "drawing(s), text box(es) or embedded object(s) not read",
        );
        say(self.symbols, "inserted symbol(s) (w:sym) not read");
        say(
            self.hidden,
            "run(s) of hidden text (not displayed by Word) not read",
        );
        say(
            self.numbered,
            "paragraph(s) numbered by a list the document does not define: their numbers are missing",
        );
        say(self.contents, "table-of-contents entries skipped");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::document::testdocx::{document_xml, p, run};

    fn read_body(body: &str) -> (Vec<String>, Vec<String>) {
        let mut w = Vec::new();
        let lines = read(&document_xml(body), "x", &Styles::default(), None, &mut w).unwrap();
        (lines.into_iter().map(|l| l.text).collect(), w)
    }

    #[test]
    fn tracked_changes_are_read_accepted() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">Fishing is </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>forbidden</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>limited</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:moveFrom w:id="3" w:author="A"><w:r><w:t>Old place.</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="A"><w:r><w:t>New place.</w:t></w:r></w:moveTo></w:p>"#;
        let (l, w) = read_body(body);
        assert_eq!(l, ["Fishing is limited.", "New place."]);
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_the_next_paragraph() {
        let body = r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Boats may </w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>fish.</w:t></w:r></w:p>"#;
        assert_eq!(read_body(body).0, ["Boats may fish."]);
    }

    #[test]
    fn tabs_breaks_entities_and_fields() {
        let body = format!(
            "<w:p><w:r><w:t>1.</w:t><w:tab/><w:t>A &amp; B &#8211; C</w:t><w:br/><w:t>next</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
            run(" 7")
        );
        assert_eq!(read_body(&body).0, ["1. A & B – C", "next 7"]);
    }

    #[test]
    fn property_history_and_tab_stops_are_not_text() {
        let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:pPrChange w:id="1" w:author="A"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Body</w:t></w:r></w:p>"#;
        let mut w = Vec::new();
        let s = read(&document_xml(body), "x", &Styles::default(), None, &mut w).unwrap();
        assert_eq!(s[0].text, "Body");
        assert_eq!(s[0].style, Style::Body);
    }

    #[test]
    fn drawings_and_numbering_are_reported_notes_marked() {
        let body = format!(
            "{}<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Item</w:t><w:footnoteReference w:id=\"1\"/></w:r>\
             <w:r><w:drawing><wp:inline><a:t>Logo</a:t></wp:inline></w:drawing></w:r></w:p>",
            p(None, "Before"),
        );
        let (l, w) = read_body(&body);
        let item = format!("Item{}", notes::mark("f1"));
        assert_eq!(l, ["Before", item.as_str()]);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains("drawing"), "{w:?}");
        assert!(
            w[1].contains("numbered by a list the document does not define"),
            "{w:?}"
        );
    }

    #[test]
    fn a_table_is_read_row_by_row_as_pipe_rows() {
        let cell = |paras: &[&str]| {
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>{}</w:tc>",
                paras.iter().map(|t| p(None, t)).collect::<String>()
            )
        };
        let deleted = r#"<w:tr><w:trPr><w:del w:id="7" w:author="A"/></w:trPr><w:tc><w:p><w:del w:id="8" w:author="A"><w:r><w:delText>Gone</w:delText></w:r></w:del></w:p></w:tc></w:tr>"#;
        let inserted = r#"<w:tr><w:trPr><w:ins w:id="9" w:author="A"/></w:trPr><w:tc><w:p><w:ins w:id="10" w:author="A"><w:r><w:t>New</w:t></w:r></w:ins></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"#;
        let body = format!(
            "{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr>{deleted}{inserted}<w:tr>{}<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>{}",
            p(None, "Before"),
            cell(&["Zone"]),
            cell(&["a|b", "second"]),
            cell(&["North"]),
            cell(&["in"]),
            cell(&["ner"]),
            p(None, "After"),
        );
        let (l, w) = read_body(&body);
        assert_eq!(
            l,
            [
                "Before",
                "| Zone | a\\|b second |",
                "| New |  |",
                "| North | in ner |",
                "After"
            ]
        );
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn hidden_text_is_not_read() {
        let body = r#"<w:p><w:r><w:t xml:space="preserve">Shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t><w:tab/></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown too</w:t></w:r></w:p>"#;
        let (l, w) = read_body(body);
        assert_eq!(l, ["Shown shown too"]);
        assert_eq!(
            w,
            ["1 run(s) of hidden text (not displayed by Word) not read (first at paragraph 1)"]
        );
    }

    #[test]
    fn table_of_contents_entries_are_skipped() {
        let body = [p(Some("TOC1"), "Article 1 Scope\t2"), p(None, "Text")].concat();
        let (l, w) = read_body(&body);
        assert_eq!(l, ["Text"]);
        assert_eq!(
            w,
            ["1 table-of-contents entries skipped (first at paragraph 1)"]
        );
    }
}
