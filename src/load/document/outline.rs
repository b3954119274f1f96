//! The structure of a document: which lines are headings, their titles, the chapters, the
//! articles, the preamble and the document's title.
//!
//! A line shaped like a heading (see `headings`) counts only where a heading can stand:
//! after a blank line, a finished sentence, another heading or a short title line — never
//! in the middle of a wrapped sentence ("… the rights set out in / Article 6 apply …").
//! Container keywords nest in the order they first appear: the outermost becomes the
//! chapter, the inner ones the article's section (`Part A` inside `Chapter IV` → section
//! `A`). A run of bare headings whose numbers all come back later is a table of contents
//! and is skipped.

use std::borrow::Cow;
use std::collections::HashMap;

use super::headings::{self, Heading, Keyword, ARTICLE_TITLE_WORDS, CONTAINER_TITLE_WORDS};
use super::paragraphs::{self, ends_sentence, starts_with_marker, Wrap};
use super::{Line, Style, Unit};
use crate::error::{Error, Result};
use crate::model::{word_count, Article, Chapter, Draft, DraftMeta, Origin, PREAMBLE};

/// Where the lines came from, for origins and messages.
pub(crate) struct Context<'a> {
    pub path: &'a str,
    pub stem: &'a str,
    pub unit: Unit,
}

/// Fewest words the text before the first article needs to be kept as the preamble; less
/// is a label such as a date or "Working draft" (reported, not kept).
const PREAMBLE_MIN_WORDS: usize = 8;
/// Most words of a first paragraph read as the document's title.
const DOCUMENT_TITLE_WORDS: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Container(Keyword),
    Article,
}

/// A heading and the lines under it, up to the next heading.
#[derive(Debug)]
struct Event {
    kind: Kind,
    number: String,
    title: String,
    /// Index of the heading line.
    line: usize,
    /// Text on the heading line itself (`Article 6. States Parties shall …`).
    inline: Option<Line>,
    /// Indices of the lines under the heading (blank lines included).
    body: Vec<usize>,
}

impl Event {
    fn has_text(&self, lines: &[Line]) -> bool {
        self.inline.is_some() || self.body.iter().any(|&i| !lines[i].is_blank())
    }
}

/// Reads the structure of `lines` into a draft.
pub(crate) fn build(lines: &[Line], cx: &Context, warnings: &mut Vec<String>) -> Result<Draft> {
    let wrap = paragraphs::wrap(lines);
    let found = headings_in(lines, wrap.width);
    let statute = !found.values().any(|h| h.keyword == Keyword::Article);
    let is_article = |k: Keyword| {
        if statute {
            k == Keyword::Section
        } else {
            k == Keyword::Article
        }
    };
    if !found.values().any(|h| is_article(h.keyword)) {
        return Err(Error::Invalid(format!(
            "{}: found no article headings such as 'Article 1' (or 'Section 1' / '§ 1' in a statute)",
            cx.path
        )));
    }
    let (mut pre, mut events) = events(lines, &found, is_article, wrap.width);
    drop_table_of_contents(lines, &mut pre, &mut events, cx, warnings);
    check_duplicates(lines, &events, cx)?;
    let chapters = chapters(lines, &events, &mut pre, cx, wrap, warnings);
    let (title, preamble) = front(lines, &pre, cx, wrap, warnings);
    Ok(Draft {
        meta: DraftMeta {
            id: cx.stem.to_owned(),
            title: title.unwrap_or_else(|| cx.stem.to_owned()),
            status: Default::default(),
            date: None,
            parent: None,
            themes: Vec::new(),
        },
        preamble,
        chapters,
        annotations: Vec::new(),
        source: cx.path.to_owned(),
    })
}

fn origin(cx: &Context, at: usize) -> Origin {
    Origin {
        file: cx.path.to_owned(),
        line: at,
        column: 1,
    }
}

/// `**Article 3**` → `Article 3`: Markdown emphasis around a heading is a heading marker.
fn unemphasised(s: &str) -> Cow<'_, str> {
    let mut t = Cow::Borrowed(s);
    if s.starts_with("**") || s.starts_with("__") {
        t = Cow::Owned(s.replace("**", "").replace("__", "").trim().to_owned());
    }
    for mark in ['*', '_'] {
        let inner = t
            .strip_prefix(mark)
            .and_then(|r| r.strip_suffix(mark))
            .filter(|r| r.starts_with(|c: char| !c.is_whitespace()));
        if let Some(inner) = inner {
            t = Cow::Owned(inner.to_owned());
        }
    }
    t
}

/// The lines that are headings, by index.
fn headings_in(lines: &[Line], width: usize) -> HashMap<usize, Heading> {
    let mut out = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.style == Style::Title {
            continue;
        }
        let Some(h) = headings::parse(&unemphasised(&line.text)) else {
            continue;
        };
        let styled = matches!(line.style, Style::Heading(_));
        let stands = h.dashed || boundary_before(lines, i, width);
        if styled || (stands && !sentence_continues(lines, i, &h)) {
            out.insert(i, h);
        }
    }
    out
}

/// Whether a heading may start at line `i`: not in the middle of a wrapped sentence.
fn boundary_before(lines: &[Line], i: usize, width: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| &lines[j]) else {
        return true;
    };
    prev.is_blank()
        || !prev.wrapped
        || !lines[i].wrapped
        || ends_sentence(&prev.text)
        || headings::parse(&unemphasised(&prev.text)).is_some()
        || ends_early(prev, &lines[i], width)
}

/// Whether `prev` stopped well before the wrap width although the first word of `next`
/// would have fitted: then `prev` ended its paragraph (a title, a table row, a list item)
/// rather than being cut by wrapping.
fn ends_early(prev: &Line, next: &Line, width: usize) -> bool {
    let first_word = next
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    (prev.text.chars().count() + 1 + first_word) * 4 < width * 3
}

/// "Article 6" followed on the next wrapped line by "shall apply …": a sentence.
fn sentence_continues(lines: &[Line], i: usize, h: &Heading) -> bool {
    h.text.is_none()
        && lines.get(i + 1).is_some_and(|next| {
            lines[i].wrapped && next.wrapped && next.text.starts_with(char::is_lowercase)
        })
}

/// Splits the lines into what precedes the first heading and one event per heading.
fn events(
    lines: &[Line],
    found: &HashMap<usize, Heading>,
    is_article: impl Fn(Keyword) -> bool,
    width: usize,
) -> (Vec<usize>, Vec<Event>) {
    let mut pre = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(h) = found.get(&i) else {
            match events.last_mut() {
                Some(e) => e.body.push(i),
                None => pre.push(i),
            }
            i += 1;
            continue;
        };
        let (kind, max_words) = if is_article(h.keyword) {
            (Kind::Article, ARTICLE_TITLE_WORDS)
        } else {
            (Kind::Container(h.keyword), CONTAINER_TITLE_WORDS)
        };
        let mut title = h.title.clone();
        let mut next = i + 1;
        if title.is_empty() && h.text.is_none() {
            if let Some((below, after)) = title_below(lines, i, found, max_words, width) {
                title = below;
                next = after;
            }
        }
        let inline = h.text.as_ref().map(|text| Line {
            text: text.clone(),
            ..lines[i].clone()
        });
        events.push(Event {
            kind,
            number: h.number.clone(),
            title,
            line: i,
            inline,
            body: Vec::new(),
        });
        i = next;
    }
    (pre, events)
}

/// The title on the line(s) under a bare heading at `i`, and the index after it.
fn title_below(
    lines: &[Line],
    i: usize,
    found: &HashMap<usize, Heading>,
    max_words: usize,
    width: usize,
) -> Option<(String, usize)> {
    let j = (i + 1..lines.len().min(i + 4)).find(|&j| !lines[j].is_blank())?;
    let first = &lines[j];
    if found.contains_key(&j) || first.style == Style::Title {
        return None;
    }
    let text = unemphasised(&first.text);
    if matches!(first.style, Style::Heading(_)) {
        // A heading-styled line right under a bare heading is its title, whatever its shape.
        return (text.split_whitespace().count() <= CONTAINER_TITLE_WORDS)
            .then(|| (text.trim().to_owned(), j + 1));
    }
    if starts_with_marker(&text) || !headings::title_like(&text, max_words) {
        return None;
    }
    let mut title = text.into_owned();
    let mut k = j + 1;
    // A long title wrapped over up to three lines of plain text.
    while k < lines.len().min(j + 3)
        && lines[k - 1].wrapped
        && lines[k].wrapped
        && !lines[k].is_blank()
        && !found.contains_key(&k)
    {
        let next = lines[k].text.as_str();
        let continues = next.starts_with(char::is_lowercase) || ends_with_connector(&title);
        if !continues || starts_with_marker(next) || next.ends_with(['.', ',', ';', ':']) {
            break;
        }
        title.push(' ');
        title.push_str(next);
        k += 1;
    }
    if !headings::title_like(&title, max_words) {
        return None;
    }
    // The text under a title starts a sentence; a lower-case line means the "title" was
    // the first line of a wrapped paragraph.
    let after_continues = lines.get(k).is_some_and(|after| {
        lines[k - 1].wrapped && after.wrapped && after.text.starts_with(char::is_lowercase)
    });
    // A "title" as wide as the text with more text right under it is a paragraph's first line.
    let full_line = width > 0
        && title.chars().count() * 10 > width * 8
        && lines.get(k).is_some_and(|a| !a.is_blank() && a.wrapped);
    (!after_continues && !full_line).then_some((title, k))
}

fn ends_with_connector(s: &str) -> bool {
    const CONNECTORS: [&str; 14] = [
        "and", "or", "of", "the", "to", "for", "in", "on", "with", "by", "a", "an", "from",
        "between",
    ];
    s.split_whitespace()
        .last()
        .is_some_and(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
}

/// Skips a table of contents: a leading run of (at least two) article headings without
/// text whose numbers all come again later. Text under its last entry (the preamble,
/// when the contents precede it) is kept as text before the first article.
fn drop_table_of_contents(
    lines: &[Line],
    pre: &mut Vec<usize>,
    events: &mut Vec<Event>,
    cx: &Context,
    warnings: &mut Vec<String>,
) {
    let articles: Vec<usize> = (0..events.len())
        .filter(|&k| events[k].kind == Kind::Article)
        .collect();
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

fn check_duplicates(lines: &[Line], events: &[Event], cx: &Context) -> Result<()> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for e in events.iter().filter(|e| e.kind == Kind::Article) {
        let at = lines[e.line].at;
        if let Some(first) = seen.insert(e.number.to_lowercase(), at) {
            return Err(match cx.unit {
                Unit::Line => Error::Input {
                    origin: origin(cx, at),
                    message: format!(
                        "duplicate article number `{}` (first at line {first})",
                        e.number
                    ),
                    snippet: Some(lines[e.line].text.clone()),
                },
                Unit::Paragraph => Error::Invalid(format!(
                    "{}: duplicate article number `{}` in paragraphs {first} and {at}",
                    cx.path, e.number
                )),
            });
        }
    }
    Ok(())
}

/// Groups the articles into chapters. Text under a container heading before any article
/// goes to the preamble; later it belongs to no article and is reported.
fn chapters(
    lines: &[Line],
    events: &[Event],
    pre: &mut Vec<usize>,
    cx: &Context,
    wrap: Wrap,
    warnings: &mut Vec<String>,
) -> Vec<Chapter> {
    let mut order: Vec<Keyword> = Vec::new();
    for e in events {
        if let Kind::Container(k) = e.kind {
            if !order.contains(&k) {
                order.push(k);
            }
        }
    }
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
        let level = order.iter().position(|k| *k == keyword).unwrap_or(0);
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

/// A line that only labels what follows: "Preamble", "Contents", "Table of contents".
fn is_label(text: &str) -> bool {
    let text = unemphasised(text);
    let label = text.trim().trim_end_matches([':', '.']);
    [PREAMBLE, "Contents", "Table of contents"]
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
}

/// The document's title and preamble, from the lines before the first article.
fn front(
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
        title = Some(lines[rest.remove(pos)].text.clone());
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
        let line_alone = || {
            // No blank line under the title (PDF output): the first line, if it ends early.
            let (first_line, next) = (&lines[rest[pos]], &lines[rest[pos + 1]]);
            let text = unemphasised(&first_line.text);
            (headings::title_like(&text, DOCUMENT_TITLE_WORDS)
                && !starts_with_marker(&text)
                && next.text.starts_with(|c: char| c.is_uppercase())
                && ends_early(first_line, next, wrap.width))
            .then(|| text.into_owned())
        };
        if headings::title_like(&text, DOCUMENT_TITLE_WORDS) && !starts_with_marker(&text) {
            title = Some(text);
            rest.drain(pos..pos + len);
        } else if let Some(text) = (len > 1).then(line_alone).flatten() {
            title = Some(text);
            rest.remove(pos);
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
