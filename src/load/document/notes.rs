//! Footnotes and endnotes: carried in their article's text as Markdown footnotes.
//!
//! A note is part of the article whose text holds its reference. While a document is
//! read, each reference is a private mark (`U+E000 key U+E001`: `f12` for Word footnote
//! 12, `e3` for endnote 3, `m` + label for a Markdown footnote) and the notes' texts are
//! kept aside by key, because which article a reference belongs to is only known once
//! the outline is built. [`attach`] then writes, in each article, the references as
//! `[^1]`, `[^2]` … in order of first reference (numbered per article, so a note added in
//! one article does not renumber every later one) and the notes as `[^n]: text`
//! paragraphs at the end of the article. TOML drafts carry notes the same way, so a
//! `.docx`, a `.md` and a draft directory of the same text compare equal, the word
//! redline shows a change inside a note, and the Word report turns the notes back into
//! footnotes.

use std::collections::HashMap;

use crate::model::{Article, Draft};

/// Opens and closes the mark of a reference while a document is read.
pub(crate) const OPEN: char = '\u{e000}';
pub(crate) const CLOSE: char = '\u{e001}';

/// The notes of a document by key, with their order of appearance in the note parts.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    texts: HashMap<String, String>,
}

impl Notes {
    pub(crate) fn insert(&mut self, key: String, text: String) {
        self.texts.insert(key, text);
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    #[cfg(test)]
    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }
}

/// The mark of the reference to the note `key`.
pub(crate) fn mark(key: &str) -> String {
    format!("{OPEN}{key}{CLOSE}")
}

/// Writes the notes into the articles that reference them (see the module comment), and
/// removes reference marks from titles, where a note cannot be carried.
pub(crate) fn attach(draft: &mut Draft, notes: &Notes, warnings: &mut Vec<String>) {
    let mut used = 0usize;
    let mut dangling = 0usize;
    let mut in_titles = 0usize;
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut article = |a: &mut Article| {
        in_titles += strip(&mut a.title);
        let (text, keys) = number(&a.text, notes, &mut dangling);
        a.text = text;
        for (n, key) in keys.iter().enumerate() {
            if !a.text.is_empty() && !a.text.ends_with('\n') {
                a.text.push('\n');
            }
            let note = notes.texts.get(key).map(String::as_str).unwrap_or_default();
            let (note, _) = number(note, &Notes::default(), &mut 0);
            a.text.push_str(&format!("[^{}]: {}\n", n + 1, note.trim()));
            if seen.insert(key.clone()) {
                used += 1;
            }
        }
    };
    if let Some(p) = draft.preamble.as_mut() {
        article(p);
    }
    for c in &mut draft.chapters {
        for a in &mut c.articles {
            article(a);
        }
    }
    for a in &mut draft.provisions {
        article(a);
    }
    in_titles += strip(&mut draft.meta.title);
    for c in &mut draft.chapters {
        in_titles += strip(&mut c.title);
    }
    let mut say = |n: usize, what: &str| {
        if n > 0 {
            warnings.push(format!("{n} {what}"));
        }
    };
    say(
        in_titles,
        "note reference(s) in a heading or title: the note is not kept",
    );
    say(
        dangling,
        "note reference(s) to a note the document does not have: left out",
    );
    say(
        notes.texts.len().saturating_sub(used + in_titles),
        "note(s) not referenced from any article's text (before the first article, between chapters or in an annex): not kept",
    );
}

/// `text` with its reference marks written `[^1]`, `[^2]` … (a note referenced twice
/// keeps its number; a mark without a note in `notes` is removed and counted in
/// `dangling`), and the keys of the notes in number order.
fn number(text: &str, notes: &Notes, dangling: &mut usize) -> (String, Vec<String>) {
    if !text.contains(OPEN) {
        return (text.to_owned(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut keys: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let after = &rest[i + OPEN.len_utf8()..];
        let Some(j) = after.find(CLOSE) else {
            rest = after;
            continue;
        };
        let key = &after[..j];
        rest = &after[j + CLOSE.len_utf8()..];
        if !notes.contains(key) {
            *dangling += 1;
            continue;
        }
        let n = match keys.iter().position(|k| k == key) {
            Some(n) => n,
            None => {
                keys.push(key.to_owned());
                keys.len() - 1
            }
        };
        out.push_str(&format!("[^{}]", n + 1));
    }
    out.push_str(rest);
    (out, keys)
}

/// `text` without its reference marks, and the marks; `None` when it has none.
pub(crate) fn split_marks(text: &str) -> Option<(String, String)> {
    if !text.contains(OPEN) {
        return None;
    }
    let (mut plain, mut marks) = (String::with_capacity(text.len()), String::new());
    let mut rest = text;
    while let Some(i) = rest.find(OPEN) {
        plain.push_str(&rest[..i]);
        let end = rest[i..]
            .find(CLOSE)
            .map_or(rest.len(), |j| i + j + CLOSE.len_utf8());
        marks.push_str(&rest[i..end]);
        rest = &rest[end..];
    }
    plain.push_str(rest);
    Some((plain, marks))
}

/// Removes reference marks from a title; how many there were.
fn strip(title: &mut String) -> usize {
    let Some((plain, marks)) = split_marks(title) else {
        return 0;
    };
    *title = plain.trim().to_owned();
    marks.matches(OPEN).count()
}

/// Markdown footnotes: definition lines (`[^label]: text`, continued by indented lines)
/// are taken out of `lines` into `notes`, and the references to defined labels become
/// marks. A reference to a label no definition gives stays text as written, and so does
/// a definition nothing refers to (a consolidation's note on the whole act, above its
/// first article): with no reference there is no article to carry it, and dropping it
/// would lose text.
pub(crate) fn markdown(lines: &mut Vec<super::Line>, notes: &mut Notes) {
    let referenced = referenced_labels(lines);
    let mut keep = Vec::with_capacity(lines.len());
    let mut open: Option<String> = None;
    let mut texts: Vec<(String, String)> = Vec::new();
    for line in lines.drain(..) {
        if let Some((label, text)) = definition(&line.text).filter(|(l, _)| referenced.contains(*l))
        {
            texts.push((label.to_owned(), text.trim().to_owned()));
            open = Some(label.to_owned());
            continue;
        }
        if definition(&line.text).is_some() {
            open = None;
        }
        if let (Some(_), true) = (&open, line.indent >= 4 && !line.text.is_empty()) {
            if let Some((_, t)) = texts.last_mut() {
                if !t.is_empty() {
                    t.push(' ');
                }
                t.push_str(&line.text);
            }
            continue;
        }
        if !line.text.is_empty() {
            open = None;
        }
        keep.push(line);
    }
    *lines = keep;
    if texts.is_empty() {
        return;
    }
    let labels: std::collections::HashSet<String> = texts.iter().map(|(l, _)| l.clone()).collect();
    for line in lines.iter_mut() {
        if line.text.contains("[^") {
            line.text = references(&line.text, &labels);
        }
    }
    for (label, text) in texts {
        notes.insert(format!("m{label}"), text);
    }
}

/// The labels that some line refers to as `[^label]` (a definition's own label at the
/// start of its line is not a reference).
fn referenced_labels(lines: &[super::Line]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for line in lines {
        let text = line.text.as_str();
        let body = match definition(text) {
            Some((label, _)) => &text[label.len() + 4..],
            None => text,
        };
        let mut rest = body;
        while let Some(i) = rest.find("[^") {
            let after = &rest[i + 2..];
            match after.find(']') {
                Some(j) => {
                    out.insert(after[..j].to_owned());
                    rest = &after[j + 1..];
                }
                None => break,
            }
        }
    }
    out
}

/// `[^label]: text` — the label (no spaces or brackets) and the text.
fn definition(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix("[^")?;
    let end = rest.find("]:")?;
    let label = &rest[..end];
    (!label.is_empty() && !label.contains(|c: char| c.is_whitespace() || c == '[' || c == ']'))
        .then(|| (label, &rest[end + 2..]))
}

/// The references `[^label]` to `labels` in `s` replaced by marks.
fn references(s: &str, labels: &std::collections::HashSet<String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[^") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(']') {
            Some(j) if labels.contains(&after[..j]) => {
                out.push_str(&mark(&format!("m{}", &after[..j])));
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str("[^");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn article(text: &str) -> Article {
        Article {
            number: "1".into(),
            title: String::new(),
            section: None,
            text: text.into(),
            from: Vec::new(),
            origin: Origin::default(),
        }
    }

    #[test]
    fn references_are_numbered_per_article_and_notes_appended() {
        let mut notes = Notes::default();
        notes.insert("f7".into(), "Since 1990.".into());
        notes.insert("f9".into(), " Of the Lake. ".into());
        let (text, keys) = number(
            &format!("A{} b{} c{}.\n", mark("f9"), mark("f7"), mark("f9")),
            &notes,
            &mut 0,
        );
        assert_eq!(text, "A[^1] b[^2] c[^1].\n");
        assert_eq!(keys, ["f9", "f7"]);
        let mut dangling = 0;
        let (text, _) = number(&format!("A{}.", mark("f1")), &notes, &mut dangling);
        assert_eq!((text.as_str(), dangling), ("A.", 1));
    }

    #[test]
    fn strip_removes_marks_from_titles() {
        let mut t = format!("Scope{}", mark("f1"));
        assert_eq!(strip(&mut t), 1);
        assert_eq!(t, "Scope");
    }

    #[test]
    fn attach_writes_definitions_at_the_end() {
        let mut draft = Draft {
            meta: crate::model::DraftMeta {
                id: "x".into(),
                title: "X".into(),
                status: Default::default(),
                date: None,
                parent: None,
                themes: Vec::new(),
            },
            preamble: None,
            chapters: vec![crate::model::Chapter {
                number: String::new(),
                title: String::new(),
                articles: vec![article(&format!("Text{}.\nMore.\n", mark("e2")))],
                origin: Origin::default(),
            }],
            provisions: Vec::new(),
            annotations: Vec::new(),
            source: String::new(),
        };
        let mut notes = Notes::default();
        notes.insert("e2".into(), "An endnote.".into());
        notes.insert("f1".into(), "Unused.".into());
        let mut w = Vec::new();
        attach(&mut draft, &notes, &mut w);
        assert_eq!(
            draft.chapters[0].articles[0].text,
            "Text[^1].\nMore.\n[^1]: An endnote.\n"
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("1 note(s) not referenced"), "{w:?}");
    }

    #[test]
    fn markdown_definitions_are_taken_out() {
        let line = |text: &str, indent| super::super::Line {
            text: text.into(),
            at: 1,
            style: super::super::Style::Body,
            indent,
            wrapped: true,
        };
        let mut lines = vec![
            line("Boats[^a] may fish[^nope].", 0),
            line("", 0),
            line("[^a]: Of any size", 0),
            line("and colour.", 4),
            line("Next.", 0),
        ];
        let mut notes = Notes::default();
        markdown(&mut lines, &mut notes);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                format!("Boats{} may fish[^nope].", mark("ma")).as_str(),
                "",
                "Next."
            ]
        );
        assert_eq!(notes.texts["ma"], "Of any size and colour.");
    }
}
