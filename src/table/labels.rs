//! The notation of published correlation tables: `Article 3(2)`, `Article 4(1) to (5)`,
//! `Article 6, first paragraph`, `§ 12(1) and (2)`, `Artículo 7`, `—`. The keyword is the
//! document's own, read from its article headings.

use crate::model::Draft;

/// What a cell shows when a side has no counterpart.
pub(crate) const NONE: &str = "—";

/// Keywords that open an article heading, as a reader writes them in a table.
const KEYWORDS: [&str; 9] = [
    "Article",
    "Artikel",
    "Artículo",
    "Articolo",
    "Artigo",
    "Art.",
    "§",
    "Section",
    "Rule",
];

/// The keyword of `draft`'s article headings: the word most of its articles' heading lines
/// begin with (read from the file each article came from, when it is a text file),
/// `Article` when nothing can be read (a Word document, a TOML article set, git).
pub fn keyword(draft: &Draft) -> String {
    let mut files: Vec<(String, Option<Vec<String>>)> = Vec::new();
    let mut votes: Vec<(&'static str, usize)> = Vec::new();
    for a in draft.chapters.iter().flat_map(|c| &c.articles) {
        let file = &a.origin.file;
        if !files.iter().any(|(f, _)| f == file) {
            let lines = std::fs::read(file)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .map(|s| s.lines().map(str::to_owned).collect());
            files.push((file.clone(), lines));
        }
        let lines = files
            .iter()
            .find(|(f, _)| f == file)
            .and_then(|(_, l)| l.as_ref());
        let line = lines.and_then(|l| l.get(a.origin.line.saturating_sub(1)));
        if let Some(k) = line.and_then(|l| heading_keyword(l, &a.number)) {
            match votes.iter_mut().find(|(w, _)| *w == k) {
                Some((_, n)) => *n += 1,
                None => votes.push((k, 1)),
            }
        }
    }
    votes
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or("Article", |(k, _)| k)
        .to_owned()
}

/// The keyword opening a heading line that names article `number`: `### § 4 Title`,
/// `Artículo 5. Title`, `**Article 3**`.
fn heading_keyword(line: &str, number: &str) -> Option<&'static str> {
    let t =
        line.trim_start_matches(|c: char| c == '#' || c == '*' || c == '_' || c.is_whitespace());
    let k = KEYWORDS.iter().find(|k| {
        t.len() >= k.len() && t.is_char_boundary(k.len()) && t[..k.len()].eq_ignore_ascii_case(k)
    })?;
    let rest = t[k.len()..].trim_start();
    let named = rest
        .get(..number.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(number));
    named.then_some(*k)
}

/// `Article 12`, or with paragraphs `Article 12(1)`, `Article 12(1) and (2)`,
/// `Article 12(1) to (3)`, `Article 12(1), (3) and (5)`, `Article 12, first paragraph`.
/// `ids` are paragraph ids as `super::paragraphs::Paragraph` names them; a run of
/// three or more consecutive markers is written as a range.
pub fn cell(keyword: &str, article: &str, ids: &[&str]) -> String {
    let mut out = format!("{keyword} {article}");
    if ids.is_empty() {
        return out;
    }
    if ids.iter().all(|i| i.starts_with('¶')) {
        let words: Vec<String> = ids.iter().map(|i| ordinal(&i['¶'.len_utf8()..])).collect();
        out.push_str(", ");
        out.push_str(&join(&words));
        out.push_str(if ids.len() == 1 {
            " paragraph"
        } else {
            " paragraphs"
        });
        return out;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut k = 0;
    while k < ids.len() {
        let mut end = k;
        while end + 1 < ids.len() && follows(ids[end], ids[end + 1]) {
            end += 1;
        }
        if end >= k + 2 {
            parts.push(format!("{} to {}", show(ids[k]), show(ids[end])));
            k = end + 1;
        } else {
            parts.push(show(ids[k]));
            k += 1;
        }
    }
    out.push_str(&join(&parts));
    out
}

/// `(2)`, or `first paragraph` for an unmarked one when mixed with marked ones.
fn show(id: &str) -> String {
    match id.strip_prefix('¶') {
        Some(n) => format!(", {} paragraph", ordinal(n)),
        None => format!("({id})"),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Whether marker `b` comes right after marker `a`: `1`→`2`, `a`→`b`.
pub fn follows(a: &str, b: &str) -> bool {
    if let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) {
        return y == x + 1;
    }
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    ab.len() == 1 && bb.len() == 1 && ab[0].is_ascii_lowercase() && bb[0] == ab[0] + 1
}

/// `first` … `tenth`, then `11th`.
fn ordinal(n: &str) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    match n.parse::<usize>() {
        Ok(k @ 1..=10) => WORDS[k - 1].to_owned(),
        Ok(k) if k % 10 == 1 && k % 100 != 11 => format!("{k}st"),
        Ok(k) if k % 10 == 2 && k % 100 != 12 => format!("{k}nd"),
        Ok(k) if k % 10 == 3 && k % 100 != 13 => format!("{k}rd"),
        _ => format!("{n}th"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_published_tables_write_them() {
        assert_eq!(cell("Article", "12", &[]), "Article 12");
        assert_eq!(cell("Article", "3", &["2"]), "Article 3(2)");
        assert_eq!(cell("Article", "29", &["1", "2"]), "Article 29(1) and (2)");
        assert_eq!(
            cell("Article", "4", &["1", "2", "3", "4", "5"]),
            "Article 4(1) to (5)"
        );
        assert_eq!(
            cell("Article", "82", &["2", "3", "4", "6"]),
            "Article 82(2) to (4) and (6)"
        );
        assert_eq!(
            cell("Article", "60", &["a", "b", "c", "e"]),
            "Article 60(a) to (c) and (e)"
        );
        assert_eq!(cell("§", "16a", &["1", "3"]), "§ 16a(1) and (3)");
        assert_eq!(
            cell("Artículo", "5", &["¶2"]),
            "Artículo 5, second paragraph"
        );
        assert_eq!(
            cell("Article", "6", &["¶1", "¶3"]),
            "Article 6, first and third paragraphs"
        );
    }

    #[test]
    fn heading_lines_give_their_keyword() {
        assert_eq!(heading_keyword("### § 4 Title", "4"), Some("§"));
        assert_eq!(
            heading_keyword("##### Artículo 5. Delimitación", "5"),
            Some("Artículo")
        );
        assert_eq!(heading_keyword("Article 12", "12"), Some("Article"));
        assert_eq!(heading_keyword("Article 12", "13"), None);
        assert_eq!(heading_keyword("Chapter 2", "2"), None);
    }
}
