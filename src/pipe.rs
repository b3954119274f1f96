//! Tables inside an article's text, carried as Markdown pipe rows (docs/documents.md).
//!
//! A table row is one line of the article text: `| cell | cell |` — a `|`, then each cell
//! between one space on either side, then a `|`. Inside a cell a `|` is written `\|`, and
//! nothing else is escaped: a cell never touches a delimiter (the spaces are there), so a
//! `|` is a delimiter exactly when no `\` stands right before it. A cell is one line: the
//! paragraphs and line breaks of a Word cell are joined with single spaces. Markdown's
//! delimiter row (`|---|:--:|`) is not part of the text, so a `.md` and a `.docx` of the
//! same table read alike.
//!
//! The redline reads `\|` as one token (`redline::tokens`), so a change never cuts an
//! escape in two and any lone `|` in a redline piece is a delimiter.

/// A cell's text escaped for a pipe row: `|` becomes `\|`.
pub fn escape(cell: &str) -> String {
    cell.replace('|', "\\|")
}

/// The text of an escaped cell: `\|` becomes `|`, everything else stays.
pub fn unescape(cell: &str) -> String {
    cell.replace("\\|", "|")
}

/// The pipe row of `cells` (plain text, not escaped): each cell's runs of whitespace
/// (line breaks included) become single spaces, and the cell is trimmed and escaped.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let escaped: Vec<String> = cells
        .iter()
        .map(|c| escape(&c.as_ref().split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    join(&escaped)
}

/// The pipe row of cells already escaped (and trimmed).
fn join<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::from("|");
    for c in cells {
        out.push(' ');
        out.push_str(c.as_ref());
        out.push_str(" |");
    }
    out
}

/// Byte offsets of the delimiters (`|` not right after `\`) in `line`.
pub(crate) fn delimiters(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
        .map(|(i, _)| i)
        .collect()
}

/// The cells of a pipe row, trimmed and still escaped; `None` when `line` is not one (it
/// must start and end with a delimiter and have at least one cell).
pub fn cells(line: &str) -> Option<Vec<&str>> {
    let line = line.trim();
    let at = delimiters(line);
    if at.len() < 2 || at[0] != 0 || at[at.len() - 1] != line.len() - 1 {
        return None;
    }
    Some(at.windows(2).map(|w| line[w[0] + 1..w[1]].trim()).collect())
}

/// Whether `line` is a pipe row.
pub(crate) fn is_row(line: &str) -> bool {
    cells(line).is_some()
}

/// Whether `line` is a Markdown delimiter row (`| --- | :-: |`).
pub(crate) fn is_delimiter_row(line: &str) -> bool {
    cells(line).is_some_and(|cells| {
        cells.iter().all(|c| {
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
    })
}

/// A pipe row as draftdiff writes it (`|a|b|` → `| a | b |`, runs of whitespace inside a
/// cell as one space), or `None` when `line` is
/// not a pipe row.
pub(crate) fn canonical(line: &str) -> Option<String> {
    cells(line).map(|c| {
        let c: Vec<String> = c
            .iter()
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        join(&c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rows_are_written_and_read() {
        let r = row(&["Zone", "a | b", "", "two\nlines"]);
        assert_eq!(r, "| Zone | a \\| b |  | two lines |");
        assert_eq!(cells(&r).unwrap(), ["Zone", "a \\| b", "", "two lines"]);
        assert_eq!(canonical("|a|b\\|c|"), Some("| a | b\\|c |".to_owned()));
        assert_eq!(canonical("| a | b"), None);
        assert_eq!(canonical("|"), None);
        assert!(!is_row("a | b"));
        assert!(is_delimiter_row("|---|:--:| ---: |"));
        assert!(!is_delimiter_row("| - | x |"));
        assert!(!is_delimiter_row("| | --- |"));
    }

    proptest! {
        #[test]
        fn escaping_round_trips(cell in "[a-z \\\\|]{0,12}") {
            prop_assert_eq!(unescape(&escape(&cell)), cell.clone());
            let e = escape(&cell);
            // Every `|` of an escaped cell is escaped: none is a delimiter.
            let padded = format!(" {e} ");
            prop_assert!(delimiters(&padded).is_empty());
        }

        #[test]
        fn rows_round_trip(list in proptest::collection::vec("[a-z\\\\|]{1,3}( [a-z\\\\|]{1,3}){0,2}", 1..5)) {
            let line = row(&list);
            let back: Vec<String> = cells(&line).unwrap().into_iter().map(unescape).collect();
            prop_assert_eq!(&back, &list);
            prop_assert_eq!(canonical(&line), Some(line.clone()));
        }
    }
}
