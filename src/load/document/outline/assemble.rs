//! The second half of reading a document's structure: from the headings and the lines
//! under them to the draft — a table of contents skipped, duplicate numbers refused, the
//! chapters with their sections, and the title and preamble from what precedes the first
//! article.

use std::collections::HashMap;

use super::{article_events, origin, unemphasised, Context, Event, Kind};
use crate::load::document::headings::{self, Keyword};
use crate::load::document::paragraphs::{self, ends_early, starts_with_marker, Wrap};
use crate::load::document::{Line, Style};
use crate::model::{word_count, Article, Chapter, PREAMBLE};

/// Fewest words the text before the first article needs to be kept as the preamble; less
/// is a label such as a date or "Working draft" (reported, not kept).
const PREAMBLE_MIN_WORDS: usize = 8;
/// Most words of a first paragraph read as the document's title.
const DOCUMENT_TITLE_WORDS: usize = 25;

/// Skips a table of contents: a leading run of (at least two) article headings without
/// text whose numbers all come again later. Text under its last entry (the preamble,
/// when the contents precede it) is kept as text before the first article.
pub(super) fn drop_table_of_contents(
    lines: &[Line],
    pre: &mut Vec<usize>,
    events: &mut Vec<Event>,
    cx: &Context,
    warnings: &mut Vec<String>,
) {
    let articles = article_events(events);
    let mut latest: HashMap<String, usize> = HashMap::new();
    for (n, &k) in articles.iter().enumerate() {
        latest.insert(events[k].number.to_lowercase(), n);
    }
    let mut last = None;
    for (n, &k) in articles.iter().enumerate() {
        let again = latest.get(&events[k].number.to_lowercase()) > Some(&n);
        if !again {
            break;
        }
        last = Some((n, k));
        if events[k].has_text(lines) {
            break;
        }
    }
    let Some((n, k)) = last.filter(|(n, _)| *n >= 1) else {
        return;
    };
    let first_at = lines[events[0].line].at;
    let last_at = lines[events[k].line].at;
    for e in events.drain(..=k) {
        pre.extend(e.body);
    }
    warnings.push(format!(
        "skipped a table of contents ({} entries, {}s {first_at}–{last_at})",
        n + 1,
        cx.unit.name()
    ));
}

/// Groups the articles into chapters. Text under a container heading before any article
/// goes to the preamble; later it belongs to no article and is reported.
pub(super) fn chapters(
    lines: &[Line],
    events: &[Event],
    pre: &mut Vec<usize>,
    cx: &Context,
    wrap: Wrap,
    warnings: &mut Vec<String>,
) -> Vec<Chapter> {
    let order = container_order(events);
    // Containers met before the first of the outermost kind (`TÍTULO PRELIMINAR` above
    // `LIBRO I`) open chapters of their own.
    let mut outermost_seen = false;
    let mut chapters: Vec<Chapter> = Vec::new();
    let mut sections: Vec<Option<String>> = Vec::new();
    let mut seen_article = false;
    let mut section_titles = false;
    for e in events {
        let at = lines[e.line].at;
        let Kind::Container(keyword) = e.kind else {
            seen_article = true;
            if chapters.is_empty() {
                chapters.push(Chapter {
                    number: String::new(),
                    title: String::new(),
                    articles: Vec::new(),
                    origin: origin(cx, at),
                });
            }
            let parts: Vec<&str> = sections.iter().flatten().map(String::as_str).collect();
            let body = e.body.iter().map(|&i| &lines[i]);
            let article = Article {
                number: e.number.clone(),
                title: e.title.clone(),
                section: (!parts.is_empty()).then(|| parts.join(".")),
                text: paragraphs::join(e.inline.iter().chain(body), wrap),
                from: Vec::new(),
                origin: origin(cx, at),
            };
            if let Some(c) = chapters.last_mut() {
                c.articles.push(article);
            }
            continue;
        };
        if let Some(&stray) = e.body.iter().find(|&&i| !lines[i].is_blank()) {
            if seen_article {
                warnings.push(format!(
                    "text under {} {} ({} {}) is not inside any article and was not kept",
                    keyword.name(),
                    e.number,
                    cx.unit.name(),
                    lines[stray].at
                ));
            } else {
                pre.extend(&e.body);
            }
        }
        let mut level = order.iter().position(|k| *k == keyword).unwrap_or(0);
        outermost_seen |= level == 0;
        if !outermost_seen {
            level = 0;
        }
        if level == 0 {
            // A chapter heading repeated (a running header) continues the chapter.
            if let Some(c) = chapters.last_mut().filter(|c| c.number == e.number) {
                if c.title.is_empty() {
                    c.title.clone_from(&e.title);
                }
                continue;
            }
            chapters.push(Chapter {
                number: e.number.clone(),
                title: e.title.clone(),
                articles: Vec::new(),
                origin: origin(cx, at),
            });
            sections.clear();
        } else {
            sections.resize(level - 1, None);
            sections.push(Some(e.number.clone()));
            section_titles |= !e.title.is_empty();
        }
    }
    if section_titles {
        warnings.push(
            "titles of the divisions inside chapters are not kept: an article records only \
             its section's number"
                .to_owned(),
        );
    }
    chapters
}

/// The container kinds from the outermost in, in the order they first appear — except
/// that a book holds titles wherever both are found (Spanish, French and Italian codes open
/// with a `TÍTULO PRELIMINAR` or `Titre préliminaire` before `LIBRO PRIMERO`).
fn container_order(events: &[Event]) -> Vec<Keyword> {
    let mut order: Vec<Keyword> = Vec::new();
    for e in events {
        if let Kind::Container(k) = e.kind {
            if !order.contains(&k) {
                order.push(k);
            }
        }
    }
    let at = |k: Keyword, order: &[Keyword]| order.iter().position(|o| *o == k);
    if let (Some(title), Some(book)) = (at(Keyword::Title, &order), at(Keyword::Book, &order)) {
        if title < book {
            order.remove(book);
            order.insert(title, Keyword::Book);
        }
    }
    order
}

/// Whether a line repeats the document's title, emphasis, case, spacing and a closing
/// full stop aside.
fn same_title(line: &str, title: &str) -> bool {
    let key = |s: &str| {
        unemphasised(s)
            .trim()
            .trim_end_matches('.')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    !title.trim().is_empty() && key(line) == key(title)
}

/// A line that only labels what follows: "Preamble", "Contents", "Table of contents".
fn is_label(text: &str) -> bool {
    let text = unemphasised(text);
    let label = text.trim().trim_end_matches([':', '.']);
    [PREAMBLE, "Contents", "Table of contents"]
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
}

/// A title run straight into the text under it (PDF output has no blank lines): the
/// first lines (at most three) while together they read as a title and each ended early,
/// with a capital opening the line after them. Returns the title and its line count.
fn leading_title(lines: &[Line], paragraph: &[usize], wrap: Wrap) -> Option<(String, usize)> {
    let mut title = String::new();
    let mut taken = 0;
    for (k, &i) in paragraph.iter().enumerate().take(3) {
        let Some(&next) = paragraph.get(k + 1) else {
            break;
        };
        let (line, next) = (&lines[i], &lines[next]);
        let joined = format!("{title} {}", unemphasised(&line.text))
            .trim()
            .to_owned();
        if !headings::title_like(&joined, DOCUMENT_TITLE_WORDS)
            || starts_with_marker(&joined)
            || !ends_early(line, next, wrap.width)
            || !next.text.starts_with(char::is_uppercase)
        {
            break;
        }
        title = joined;
        taken = k + 1;
    }
    (taken > 0).then_some((title, taken))
}

/// The document's title and preamble, from the lines before the first article.
pub(super) fn front(
    lines: &[Line],
    pre: &[usize],
    cx: &Context,
    wrap: Wrap,
    warnings: &mut Vec<String>,
) -> (Option<String>, Option<Article>) {
    let mut rest: Vec<usize> = pre
        .iter()
        .copied()
        .filter(|&i| !is_label(&lines[i].text))
        .collect();
    let mut title = None;
    if let Some(pos) = rest.iter().position(|&i| lines[i].style == Style::Title) {
        let named = lines[rest.remove(pos)].text.clone();
        // `title: "Ley 7/2007 …"` in the front matter, then `# Ley 7/2007 …` (every
        // legalize export): the heading repeats the title and is no preamble.
        let first = rest.iter().position(|&i| !lines[i].is_blank());
        if let Some(first) = first.filter(|&k| same_title(&lines[rest[k]].text, &named)) {
            rest.remove(first);
        }
        title = Some(named);
    } else if let Some(pos) = rest.iter().position(|&i| !lines[i].is_blank()) {
        let first = rest[pos];
        let len = if lines[first].wrapped {
            rest[pos..]
                .iter()
                .take_while(|&&i| !lines[i].is_blank() && lines[i].wrapped)
                .count()
        } else {
            1
        };
        let text = rest[pos..pos + len]
            .iter()
            .map(|&i| unemphasised(&lines[i].text).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        if headings::title_like(&text, DOCUMENT_TITLE_WORDS) && !starts_with_marker(&text) {
            title = Some(text);
            rest.drain(pos..pos + len);
        } else if let Some((text, taken)) = leading_title(lines, &rest[pos..pos + len], wrap) {
            title = Some(text);
            rest.drain(pos..pos + taken);
        }
    }
    let text = paragraphs::join(rest.iter().map(|&i| &lines[i]), wrap);
    let words = word_count(&text);
    if words < PREAMBLE_MIN_WORDS {
        if words > 0 {
            warnings.push(format!(
                "text before the first article is too short for a preamble and was not kept: \"{}\"",
                text.trim().replace('\n', " / ")
            ));
        }
        return (title, None);
    }
    let at = rest
        .iter()
        .find(|&&i| !lines[i].is_blank())
        .map_or(0, |&i| lines[i].at);
    let preamble = Article {
        number: PREAMBLE.to_owned(),
        title: PREAMBLE.to_owned(),
        section: None,
        text,
        from: Vec::new(),
        origin: origin(cx, at),
    };
    (title, Some(preamble))
}
