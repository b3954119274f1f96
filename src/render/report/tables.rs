//! Tables in a redline: runs of pipe rows (`crate::pipe`) told apart from paragraphs, so
//! that HTML and Word can show them as tables with the redline inside their cells.
//!
//! A redline paragraph is a table row when, in every version that has it, its text is a
//! pipe row standing on a line of its own:
//!
//! * in both versions (its break kept, or the article's end): when every cell delimiter
//!   is unchanged, the cells line up and each cell carries its part of the redline;
//!   otherwise (a column added or removed, a change across cells) the row is the base's
//!   row deleted whole and the head's inserted whole;
//! * in one version only (all of it inserted, or all deleted, with its break): a row
//!   inserted or deleted whole.
//!
//! The break between a text paragraph and a table is the table's own (a table is never
//! joined to a paragraph), so when a row only one version has is attributed the break
//! before it rather than after it, the two are swapped first: the texts are the same.
//! Whatever is not a row stays a paragraph, so the table parts join to the same two texts.

use crate::change::Op;
use crate::pipe;

use super::Paragraph;

/// A row of a table in a redline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `Equal`: the row of both versions, its cells redlined; `Insert` / `Delete`: a row
    /// only the head / the base has.
    pub op: Op,
    /// Each cell's redline pieces, unescaped (`\|` is `|`), without the padding spaces.
    pub cells: Vec<Vec<(Op, String)>>,
}

/// A part of a redline: a paragraph, or a table of consecutive rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Part<'a> {
    /// Text between tables.
    Paragraph(Paragraph<'a>),
    /// Consecutive table rows.
    Table(Vec<Row>),
}

/// The redline's paragraphs with its tables gathered (see the module's documentation).
pub fn parts(mut paragraphs: Vec<Paragraph<'_>>) -> Vec<Part<'_>> {
    if !paragraphs
        .iter()
        .any(|p| p.pieces.iter().any(|(_, t)| t.contains('|')))
    {
        return paragraphs.into_iter().map(Part::Paragraph).collect();
    }
    give_breaks_to_rows(&mut paragraphs);
    let mut out = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut after_row = false;
    for p in paragraphs {
        let on_its_line = after_row || out.is_empty() && rows.is_empty() || {
            matches!(
                out.last(),
                Some(Part::Paragraph(Paragraph {
                    end: Some(Op::Equal),
                    ..
                }))
            )
        };
        match on_its_line.then(|| rows_of(&p)).flatten() {
            Some(r) => {
                rows.extend(r);
                after_row = true;
            }
            None => {
                if !rows.is_empty() {
                    out.push(Part::Table(std::mem::take(&mut rows)));
                }
                out.push(Part::Paragraph(p));
                after_row = false;
            }
        }
    }
    if !rows.is_empty() {
        out.push(Part::Table(rows));
    }
    out
}

/// The one operation of every piece of `p`, when it has one.
fn only_op(p: &Paragraph<'_>) -> Option<Op> {
    let first = p.pieces.first()?.0;
    p.pieces.iter().all(|(o, _)| *o == first).then_some(first)
}

fn side_text(p: &Paragraph<'_>, hidden: Op) -> String {
    p.pieces
        .iter()
        .filter(|(o, _)| *o != hidden)
        .map(|(_, t)| *t)
        .collect()
}

/// A row only one version has takes the break after it, not the one before it.
fn give_breaks_to_rows(paragraphs: &mut [Paragraph<'_>]) {
    for i in 1..paragraphs.len() {
        let Some(op @ (Op::Insert | Op::Delete)) = only_op(&paragraphs[i]) else {
            continue;
        };
        if paragraphs[i - 1].end != Some(op) || !pipe::is_row(&side_text(&paragraphs[i], Op::Equal))
        {
            continue;
        }
        match paragraphs[i].end {
            Some(Op::Equal) => {
                paragraphs[i - 1].end = Some(Op::Equal);
                paragraphs[i].end = Some(op);
            }
            // The article's last row: the break before it is a trailing newline of the
            // other version.
            None if only_op(&paragraphs[i - 1]) != Some(op) => {
                paragraphs[i - 1].end = Some(Op::Equal);
            }
            _ => {}
        }
    }
}

/// The rows paragraph `p` is, if it is a row (the paragraph before it has ended).
fn rows_of(p: &Paragraph<'_>) -> Option<Vec<Row>> {
    if let Some(op @ (Op::Insert | Op::Delete)) = only_op(p) {
        if p.end.is_some() && p.end != Some(op) {
            return None;
        }
        return whole_row(&side_text(p, Op::Equal), op).map(|r| vec![r]);
    }
    if !matches!(p.end, None | Some(Op::Equal)) || p.pieces.is_empty() {
        return None;
    }
    let base = side_text(p, Op::Insert);
    let head = side_text(p, Op::Delete);
    if !pipe::is_row(&base) || !pipe::is_row(&head) {
        return None;
    }
    match aligned(p) {
        Some(cells) => Some(vec![Row {
            op: Op::Equal,
            cells,
        }]),
        None => Some(vec![
            whole_row(&base, Op::Delete)?,
            whole_row(&head, Op::Insert)?,
        ]),
    }
}

/// A row inserted or deleted whole.
fn whole_row(text: &str, op: Op) -> Option<Row> {
    let cells = pipe::cells(text)?
        .into_iter()
        .map(|c| {
            if c.is_empty() {
                Vec::new()
            } else {
                vec![(op, pipe::unescape(c))]
            }
        })
        .collect();
    Some(Row { op, cells })
}

/// The cells of a row both versions have, when every delimiter is unchanged text.
fn aligned(p: &Paragraph<'_>) -> Option<Vec<Vec<(Op, String)>>> {
    // The pieces cut at every delimiter: `None` marks a delimiter.
    let mut cut: Vec<Option<(Op, &str)>> = Vec::new();
    for &(op, text) in &p.pieces {
        let mut from = 0;
        for at in pipe::delimiters(text) {
            if op != Op::Equal {
                return None;
            }
            if at > from {
                cut.push(Some((op, &text[from..at])));
            }
            cut.push(None);
            from = at + 1;
        }
        if from < text.len() {
            cut.push(Some((op, &text[from..])));
        }
    }
    if cut.first() != Some(&None) || cut.last() != Some(&None) {
        return None;
    }
    let mut cells = Vec::new();
    for cell in cut[1..cut.len() - 1].split(Option::is_none) {
        let mut pieces: Vec<(Op, String)> = cell
            .iter()
            .flatten()
            .map(|(op, t)| (*op, pipe::unescape(t)))
            .collect();
        if let Some((Op::Equal, t)) = pieces.first_mut() {
            if t.starts_with(' ') {
                t.remove(0);
            }
        }
        if let Some((Op::Equal, t)) = pieces.last_mut() {
            if t.ends_with(' ') {
                t.pop();
            }
        }
        pieces.retain(|(_, t)| !t.is_empty());
        cells.push(pieces);
    }
    Some(cells)
}

/// The text of one version of a table's rows, as pipe rows — the inverse of the layout,
/// for tests.
#[cfg(test)]
fn side_rows(rows: &[Row], hidden: Op) -> Vec<String> {
    rows.iter()
        .filter(|r| r.op != hidden)
        .map(|r| {
            let cells: Vec<String> = r
                .cells
                .iter()
                .map(|c| {
                    c.iter()
                        .filter(|(o, _)| *o != hidden)
                        .map(|(_, t)| t.as_str())
                        .collect()
                })
                .collect();
            pipe::row(&cells)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::report::paragraphs;
    use proptest::prelude::*;

    fn layout(base: &str, head: &str) -> (Vec<String>, Vec<Row>) {
        let r = crate::redline::redline(base, head);
        let mut text = Vec::new();
        let mut rows = Vec::new();
        for part in parts(paragraphs(&r.segments)) {
            match part {
                Part::Paragraph(p) => text.push(p.pieces.iter().map(|(_, t)| *t).collect()),
                Part::Table(r) => rows.extend(r),
            }
        }
        (text, rows)
    }

    #[test]
    fn a_changed_cell_an_added_row_and_a_removed_row() {
        let base = "Limits:\n| Zone | Limit |\n| North | 10 tonnes |\n| West | 4 tonnes |\n| East | 3 tonnes |\nEnd.\n";
        let head = "Limits:\n| Zone | Limit |\n| North | 12 tonnes |\n| East | 3 tonnes |\n| South | 6 tonnes |\nEnd.\n";
        let (text, rows) = layout(base, head);
        assert_eq!(text, ["Limits:", "End."]);
        let ops: Vec<Op> = rows.iter().map(|r| r.op).collect();
        assert_eq!(
            ops,
            [Op::Equal, Op::Equal, Op::Delete, Op::Equal, Op::Insert]
        );
        assert_eq!(
            rows[1].cells[1],
            [
                (Op::Delete, "10".to_owned()),
                (Op::Insert, "12".to_owned()),
                (Op::Equal, " tonnes".to_owned())
            ]
        );
        assert_eq!(rows[2].cells[0], [(Op::Delete, "West".to_owned())]);
        assert_eq!(rows[4].cells[1], [(Op::Insert, "6 tonnes".to_owned())]);
    }

    #[test]
    fn a_column_added_is_a_row_deleted_and_inserted() {
        let (_, rows) = layout("| a | b |\n", "| a | b | c \\| d |\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].op, Op::Delete);
        assert_eq!(rows[1].op, Op::Insert);
        assert_eq!(rows[1].cells[2], [(Op::Insert, "c | d".to_owned())]);
    }

    #[test]
    fn pipe_lines_joined_to_text_stay_paragraphs() {
        let (text, rows) = layout("Limits: | a |\n", "Limits:\n| a |\n");
        assert!(rows.is_empty() || text.is_empty() || text[0].starts_with("Limits"));
        let (text, rows) = layout("No table | here\n", "No table | there\n");
        assert!(rows.is_empty());
        assert_eq!(text.len(), 1);
    }

    fn texts() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            "[a-c ]{1,8}",
            proptest::collection::vec("[a-c|\\\\ ]{0,4}", 1..4).prop_map(|c| pipe::row(&c)),
        ];
        proptest::collection::vec(line, 0..6).prop_map(|l| {
            let mut s = l.join("\n");
            s.push('\n');
            s
        })
    }

    proptest! {
        /// The parts give back both texts: paragraphs and rows in order, each version's
        /// lines (trailing and blank lines aside).
        #[test]
        fn parts_rebuild_both_versions(base in texts(), head in texts()) {
            let r = crate::redline::redline(&base, &head);
            for (hidden, want) in [(Op::Insert, &base), (Op::Delete, &head)] {
                let mut lines: Vec<String> = Vec::new();
                let mut open = String::new();
                for part in parts(paragraphs(&r.segments)) {
                    match part {
                        Part::Paragraph(p) => {
                            open.push_str(&side_text(&p, hidden));
                            let visible = match p.end {
                                Some(op) => op != hidden,
                                None => true,
                            };
                            if visible {
                                lines.push(std::mem::take(&mut open));
                            }
                        }
                        Part::Table(rows) => {
                            prop_assert!(open.is_empty(), "a table joined to a paragraph");
                            lines.extend(side_rows(&rows, hidden));
                        }
                    }
                }
                lines.push(open);
                let got: Vec<&str> = lines.iter().map(|l| l.as_str()).filter(|l| !l.is_empty()).collect();
                let expected: Vec<&str> = want.lines().filter(|l| !l.is_empty()).collect();
                prop_assert_eq!(got, expected);
            }
        }
    }
}
