//! Sentences of an article, the unit of `blame` and of the three-way merge of proposals.
//!
//! A line is a paragraph; a paragraph is cut after `.`, `?` or `!` followed by a space and
//! a capital letter (or an opening bracket or quote), except after a paragraph marker
//! (`1.`, `(a)`) or a common abbreviation (`Art.`, `No.`, `e.g.`). Drafting text is regular
//! enough for this; a missed cut only makes a unit longer, never loses text.

/// One sentence: its paragraph (counted from 1, blank lines skipped) and its text,
/// trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The paragraph, counted from 1.
    pub paragraph: usize,
    /// The sentence, trimmed.
    pub text: String,
}

const ABBREVIATIONS: [&str; 10] = [
    "art", "arts", "no", "nos", "para", "paras", "e.g", "i.e", "cf", "etc",
];

/// The sentences of `text`, in order; joining them with spaces and line breaks gives the
/// text back up to whitespace.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        paragraph += 1;
        let marker = marker_len(line);
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        for (k, &(i, c)) in chars.iter().enumerate() {
            if !matches!(c, '.' | '?' | '!') || i < marker {
                continue;
            }
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let after = chars[k + 1..]
                .iter()
                .map(|&(_, c)| c)
                .find(|c| !c.is_whitespace());
            let ends = next.is_some_and(char::is_whitespace)
                && after.is_some_and(|c| c.is_uppercase() || c == '(' || c == '\'');
            if !ends || (c == '.' && abbreviation(&line[start..i])) {
                continue;
            }
            let end = i + c.len_utf8();
            push(&mut out, paragraph, &line[start..end]);
            start = end;
        }
        push(&mut out, paragraph, &line[start..]);
    }
    out
}

fn push(out: &mut Vec<Sentence>, paragraph: usize, text: &str) {
    let text = text.trim();
    if !text.is_empty() {
        out.push(Sentence {
            paragraph,
            text: text.to_owned(),
        });
    }
}

/// Bytes of a paragraph marker at the start of a line (`1. `, `(2) `, `(a) `), which
/// never ends a sentence.
fn marker_len(line: &str) -> usize {
    let word = line.split_whitespace().next().unwrap_or("");
    let numbered = word.len() <= 4
        && (word.ends_with('.') && word[..word.len() - 1].chars().all(|c| c.is_alphanumeric())
            || word.starts_with('(') && word.ends_with(')'));
    if numbered {
        word.len()
    } else {
        0
    }
}

fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&word.as_str()) || (word.len() == 1 && word != "i")
}

/// A sentence without the paragraph marker it may start with (`1.`, `(a)`): a paragraph
/// renumbered keeps its wording.
pub(crate) fn without_marker(sentence: &str) -> &str {
    let sentence = sentence.trim_start();
    sentence[marker_len(sentence)..].trim_start()
}

/// A text with its whitespace runs made single spaces: what "the same wording" compares.
pub(crate) fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text with the numbers it cites reduced to `#`: two wordings that differ only in the
/// article numbers they cite (a renumbering) have the same shape.
pub fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for word in normal(text).split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !in_number {
                    out.push('#');
                }
                in_number = true;
            } else {
                in_number = false;
                out.push(c);
            }
        }
        in_number = false;
    }
    out.replace("#bis", "#").replace("#ter", "#")
}

/// The sentences of `text` as one line each, for a line-oriented three-way merge.
pub(crate) fn as_lines(text: &str) -> String {
    split(text)
        .into_iter()
        .map(|s| format!("{}\n", normal(&s.text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_sentences_are_cut_but_not_markers_or_abbreviations() {
        let text = "1. Every visitor has rights. They include art. 5 (see No. 3) rights.\n\n(a) A point. Another one? Yes!\n2. Last";
        let got: Vec<(usize, String)> = split(text)
            .into_iter()
            .map(|s| (s.paragraph, s.text))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "1. Every visitor has rights.".to_owned()),
                (1, "They include art. 5 (see No. 3) rights.".to_owned()),
                (2, "(a) A point.".to_owned()),
                (2, "Another one?".to_owned()),
                (2, "Yes!".to_owned()),
                (3, "2. Last".to_owned()),
            ]
        );
    }

    #[test]
    fn shapes_ignore_cited_numbers() {
        assert_eq!(
            shape("under article 18bis and  article 12(3)"),
            shape("under article 22 and article 14(3)")
        );
        assert_ne!(shape("within 30 days"), shape("within thirty days"));
    }

    #[test]
    fn sentences_become_lines() {
        assert_eq!(
            as_lines("Alpha beta.  Gamma  delta.\nEpsilon."),
            "Alpha beta.\nGamma delta.\nEpsilon.\n"
        );
    }
}
