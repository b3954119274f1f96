//! A redline cut into paragraphs at its newlines, keeping track of paragraph breaks that
//! only one version has, so that every format can show them and Word can track them.

use crate::change::{Op, Segment};

/// A redline paragraph: the runs between two newlines, and the operation of the newline
/// that ends it (`None` for the article's last paragraph).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph<'a> {
    /// The runs of the paragraph, with their operation.
    pub pieces: Vec<(Op, &'a str)>,
    /// The operation of the newline that ends it.
    pub end: Option<Op>,
}

/// Cuts a redline into paragraphs at its newlines (a `\r` before a newline belongs to
/// the break). Each paragraph records the operation of the newline that ends it, so a
/// paragraph break that only one version has can be tracked as such.
///
/// Trailing newlines end the article rather than separate paragraphs, so the last
/// paragraph has `end: None` — except when the whole redline is one insertion or one
/// deletion (an added or removed article), where it carries that operation so the
/// article disappears entirely when the change is rejected (or accepted). When an
/// article ends with paragraphs that only one version has, the break before them is
/// attributed to that version, so rejecting an appended paragraph leaves no empty one.
pub fn paragraphs(redline: &[Segment]) -> Vec<Paragraph<'_>> {
    let mut out: Vec<Paragraph<'_>> = Vec::new();
    let mut current = Paragraph::default();
    for segment in redline {
        let mut rest = segment.text.as_str();
        while let Some(i) = rest.find('\n') {
            let line = &rest[..i];
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.is_empty() {
                current.pieces.push((segment.op, line));
            }
            current.end = Some(segment.op);
            out.push(std::mem::take(&mut current));
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            current.pieces.push((segment.op, rest));
        }
    }
    if !current.pieces.is_empty() {
        out.push(current);
    }
    while out.last().is_some_and(|p| p.pieces.is_empty()) {
        out.pop();
    }
    let only = whole_op(redline);
    if let Some(last) = out.last_mut() {
        last.end = only;
    }
    if only.is_none() {
        attribute_trailing_breaks(&mut out);
    }
    out
}

/// The paragraph break ending `p` when only one version has it — shown as a struck or
/// underlined `¶` so that joined or split paragraphs are visible — unless the whole
/// paragraph is deleted or inserted anyway.
pub(crate) fn lone_break(p: &Paragraph<'_>) -> Option<Op> {
    match p.end {
        Some(op @ (Op::Insert | Op::Delete))
            if p.pieces.is_empty() || p.pieces.iter().any(|(o, _)| *o != op) =>
        {
            Some(op)
        }
        _ => None,
    }
}

/// The operation of a redline that is one insertion or one deletion throughout.
fn whole_op(redline: &[Segment]) -> Option<Op> {
    let mut ops = redline.iter().filter(|s| !s.text.is_empty()).map(|s| s.op);
    let first = ops.next()?;
    (first != Op::Equal && ops.all(|op| op == first)).then_some(first)
}

fn attribute_trailing_breaks(paragraphs: &mut [Paragraph<'_>]) {
    for op in [Op::Insert, Op::Delete] {
        let pure =
            |p: &Paragraph<'_>| !p.pieces.is_empty() && p.pieces.iter().all(|(o, _)| *o == op);
        let run = paragraphs.iter().rev().take_while(|p| pure(p)).count();
        if run == 0 || run == paragraphs.len() {
            continue;
        }
        let before = paragraphs.len() - run - 1;
        let breaks_in_run_are_own = paragraphs[before + 1..paragraphs.len() - 1]
            .iter()
            .all(|p| p.end == Some(op));
        if paragraphs[before].end == Some(Op::Equal) && breaks_in_run_are_own {
            paragraphs[before].end = Some(op);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(op: Op, text: &str) -> Segment {
        Segment::new(op, text)
    }

    #[test]
    fn paragraphs_split_at_newlines_and_record_the_break() {
        let r = vec![
            seg(Op::Equal, "1. a"),
            seg(Op::Delete, " old\n2. b"),
            seg(Op::Insert, " new"),
            seg(Op::Equal, "\n"),
        ];
        let p = paragraphs(&r);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].pieces, vec![(Op::Equal, "1. a"), (Op::Delete, " old")]);
        assert_eq!(p[0].end, Some(Op::Delete));
        assert_eq!(
            p[1].pieces,
            vec![(Op::Delete, "2. b"), (Op::Insert, " new")]
        );
        assert_eq!(p[1].end, None);
    }

    #[test]
    fn only_breaks_one_version_has_are_marked() {
        let r = vec![
            seg(Op::Equal, "a"),
            seg(Op::Delete, "\nb\n"),
            seg(Op::Equal, "c\n"),
        ];
        let p = paragraphs(&r);
        let marks: Vec<Option<Op>> = p.iter().map(lone_break).collect();
        assert_eq!(marks, [Some(Op::Delete), None, None]);
    }

    #[test]
    fn an_added_article_keeps_its_operation_on_the_last_break() {
        let r = vec![seg(Op::Insert, "1. x\n2. y\n")];
        let p = paragraphs(&r);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].end, Some(Op::Insert));
        assert_eq!(p[1].end, Some(Op::Insert));
    }

    #[test]
    fn an_appended_paragraph_owns_the_break_before_it() {
        let r = vec![seg(Op::Equal, "1. x\n2. y\n"), seg(Op::Insert, "3. z\n")];
        let p = paragraphs(&r);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].end, Some(Op::Equal));
        assert_eq!(p[1].end, Some(Op::Insert));
        assert_eq!(p[2].end, None);
    }
}
