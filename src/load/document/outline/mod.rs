//! The structure of a document: which lines are headings, their titles, the chapters, the
//! articles, the preamble and the document's title.
//!
//! A line shaped like a heading (see `headings`) counts only where a heading can stand:
//! after a blank line, a finished sentence, another heading or a line that ended early —
//! never in the middle of a wrapped sentence ("… the rights set out in / Article 6 apply
//! …") — unless its title follows a dash or colon, or its format marks it a heading.
//! Container keywords nest in the order they first appear: the outermost becomes the
//! chapter, the inner ones the article's section (`Part A` inside `Chapter IV` → section
//! `A`). A run of bare headings whose numbers all come back later is a table of contents
//! and is skipped.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

mod assemble;
mod bare;
mod enacting;
mod inferred;
pub(super) mod numbered;

use super::headings::{self, Heading, Keyword, ARTICLE_TITLE_WORDS, CONTAINER_TITLE_WORDS};
use super::paragraphs::{self, ends_early, ends_sentence, ends_with_connector, starts_with_marker};
use super::{Line, Rules, Style, Unit, Verdict};
use crate::error::{Error, Result};
use crate::model::{Article, Draft, DraftMeta, Origin};
use assemble::{chapters, drop_table_of_contents, front};

/// Where the lines came from, for origins and messages.
pub(crate) struct Context<'a> {
    pub path: &'a str,
    pub stem: &'a str,
    pub unit: Unit,
    /// Markdown paragraphs run on until a blank line, whatever the line lengths.
    pub markdown: bool,
    pub rules: &'a Rules,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Container(Keyword),
    Article,
}

/// A heading and the lines under it, up to the next heading.
#[derive(Debug)]
pub(super) struct Event {
    pub kind: Kind,
    pub number: String,
    pub title: String,
    /// Index of the heading line.
    pub line: usize,
    /// Text on the heading line itself (`Article 6. States Parties shall …`).
    pub inline: Option<Line>,
    /// Indices of the lines under the heading (blank lines included).
    pub body: Vec<usize>,
}

/// The positions of the articles among `events`.
pub(super) fn article_events(events: &[Event]) -> Vec<usize> {
    (0..events.len())
        .filter(|&k| events[k].kind == Kind::Article)
        .collect()
}

impl Event {
    pub(super) fn has_text(&self, lines: &[Line]) -> bool {
        self.inline.is_some() || self.body.iter().any(|&i| !lines[i].is_blank())
    }
}

/// Reads the structure of `lines` into a draft.
pub(crate) fn build(
    lines: &[Line],
    cx: &Context,
    warnings: &mut Vec<String>,
    mut verdicts: Option<&mut Vec<Verdict>>,
) -> Result<Draft> {
    let wrap = paragraphs::wrap(lines, cx.markdown);
    // The decisions are written down only for `--explain`: a plain read copies no lines.
    let mut refuse = |i: usize, why: &str| {
        if let Some(v) = verdicts.as_deref_mut() {
            v.push(Verdict {
                at: lines[i].at,
                line: lines[i].text.clone(),
                taken: false,
                why: why.to_owned(),
            });
        }
    };
    let (mut found, in_sentences) = headings_in(lines, wrap.width, &mut refuse);
    if let Some(pattern) = &cx.rules.article_pattern {
        for i in found.keys().copied().collect::<Vec<_>>() {
            if found[&i].keyword.can_be_article() {
                found.remove(&i);
                refuse(i, "does not match --article-pattern");
            }
        }
        found.extend(by_pattern(lines, pattern));
    } else {
        prefer_styled(lines, &mut found, cx, warnings, &mut refuse);
    }
    let keyword_articles = found
        .values()
        .filter(|h| h.keyword.can_be_article())
        .count();
    let mut numbered = if cx.rules.article_pattern.is_some() {
        HashMap::new()
    } else {
        let headed = picked(&found, |_, h| h.keyword.can_be_article());
        numbered::sections(lines, wrap.width, &headed)
    };
    // A document that formats its headings as headings has shown which lines are: plain
    // lines numbered `1.`, `2.` under them are paragraphs and lists.
    let styled = |i: usize| matches!(lines[i].style, Style::Heading(_));
    let plain_numbers = !numbered.keys().any(|&i| styled(i));
    // `###1.1 ` headings over articles whose paragraphs are numbered `1.`, `2.`.
    if keyword_articles == 0
        && !numbered.is_empty()
        && plain_numbers
        && bare::headings(lines).is_some()
    {
        for &i in numbered.keys() {
            refuse(
                i,
                "a numbered paragraph: the document's headings are numbers formatted as headings",
            );
        }
        numbered.clear();
    }
    // `### Art 73` over the lists numbered `1.` to `33.` of its articles.
    let styled_articles = found
        .iter()
        .filter(|(&i, h)| h.keyword.can_be_article() && styled(i))
        .count();
    let lists = styled_articles >= 2 && plain_numbers;
    // `(1)` … `(35)`, an EU act's recitals, all before its fourteen `Article` headings: a
    // run that shares no stretch of the document with the keyword headings is a list of
    // its own (recitals, an annex), not sections the headings are references in.
    let apart = {
        let first = numbered.keys().min().copied().unwrap_or(0);
        let last = numbered.keys().max().copied().unwrap_or(0);
        keyword_articles >= 2
            && !found
                .iter()
                .any(|(&i, h)| h.keyword.can_be_article() && first < i && i < last)
    };
    if numbered.len() >= 2
        && (keyword_articles < 2 || numbered.len() > 2 * keyword_articles)
        && !lists
        && !apart
    {
        // A licence or contract: its "Section 2.1." lines are references, not headings.
        for (&i, h) in &found {
            if h.keyword.can_be_article() {
                refuse(
                    i,
                    "a reference: the document numbers its sections without a keyword",
                );
            }
        }
        found.retain(|_, h| !h.keyword.can_be_article());
        warnings.push(format!(
            "no 'Article' or 'Section' headings: read {} numbered sections (\"1.\", \"(1)\", \"1 Short title\") as the articles",
            numbered.len()
        ));
        if !found.values().any(|h| h.keyword == Keyword::Chapter) {
            found.extend(numbered::roman_divisions(lines, &numbered));
        }
        found.extend(numbered);
    }
    if cx.rules.article_pattern.is_none() && !found.values().any(|h| h.keyword.can_be_article()) {
        if let Some((form, inferred)) = inferred::headings(lines, wrap.width) {
            warnings.push(format!(
                "no known article keyword: read the {} headings '{}', '{}' … as the articles",
                inferred.len(),
                form.replacen('#', "1", 1),
                form.replacen('#', "2", 1)
            ));
            warnings.extend(inferred::long_last(lines, &inferred));
            found.extend(inferred);
        }
    }
    if cx.rules.article_pattern.is_none() && !found.values().any(|h| h.keyword.can_be_article()) {
        if let Some(bare) = bare::headings(lines) {
            warnings.push(format!(
                "no article keyword: read the {} headings that are only a number ('1.1', '(2.)' …) as the articles",
                bare.values().filter(|h| h.keyword == Keyword::Article).count()
            ));
            found.retain(|i, _| !bare.contains_key(i));
            found.extend(bare);
        }
    }
    let count = |k: Keyword| found.values().filter(|h| h.keyword == k).count();
    let (articles, sections) = (count(Keyword::Article), count(Keyword::Section));
    // Sections hold articles, so they are fewer; a statute numbered in sections that
    // quotes an `Article 318 bis.` of another code has many more sections than articles.
    // `## Art 12 - Übergangsvorschriften` over `## § 1` … with the text: where only the
    // sections carry text, they are the articles, however few (an act whose articles
    // hold sections).
    let carrying = |k: Keyword| {
        found
            .iter()
            .filter(|(&i, h)| h.keyword == k && carries_text(lines, &found, i))
            .count()
    };
    let statute = articles == 0
        || sections > 2 * articles
        || carrying(Keyword::Article) == 0 && carrying(Keyword::Section) > 0;
    if statute && articles > 0 {
        // `ARTICLE II` / `MEETINGS` over `Section 2.01. Place. …`: an `Article` heading
        // with no text of its own holds the sections, as a chapter does; one with text is
        // quoted in a section.
        let (quoted, holding): (Vec<usize>, Vec<usize>) =
            picked(&found, |_, h| h.keyword == Keyword::Article)
                .into_iter()
                .partition(|&i| carries_text(lines, &found, i));
        for &i in &holding {
            if let Some(h) = found.get_mut(&i) {
                h.keyword = Keyword::Chapter;
            }
        }
        unhead(
            &mut found,
            &quoted,
            "a quotation: the document's articles are its sections",
            &mut refuse,
        );
        let chapters = format!(
            "'Article' heading(s) without text of their own were read as chapters holding the document's {sections} sections"
        );
        warn_at(warnings, lines, cx.unit, &holding, &chapters);
        let text = format!(
            "line(s) shaped like 'Article' headings were read as text: the document's articles are its {sections} sections"
        );
        warn_at(warnings, lines, cx.unit, &quoted, &text);
    }
    if !statute {
        // `Art. 1º …` then `§ 1º Para os fins desta Lei, …`: where articles hold the
        // sections, a section sign that runs on into text numbers a paragraph of the
        // article (as Brazilian statutes write them); a section heading has a title at most.
        let paragraphs = picked(&found, |_, h| {
            h.keyword == Keyword::Section && h.text.is_some()
        });
        unhead(
            &mut found,
            &paragraphs,
            "a paragraph: text follows its number, in a document of articles",
            &mut refuse,
        );
        let what = "line(s) shaped like section headings were read as numbered paragraphs of the \
                    articles, since text follows their numbers";
        warn_at(warnings, lines, cx.unit, &paragraphs, what);
    }
    let is_article = |k: Keyword| {
        if statute {
            k == Keyword::Section
        } else {
            k == Keyword::Article
        }
    };
    if !found.values().any(|h| is_article(h.keyword)) {
        return Err(Error::file(
            cx.path,
            "found no article headings such as 'Article 1', 'Artículo 1', '§ 1' or numbered sections '1.', '2.' (see `draftdiff show FILE --explain`)",
        ));
    }
    quoted_articles(lines, &mut found, is_article, cx, warnings, &mut refuse);
    let (mut pre, mut events) = events(lines, &found, is_article, wrap.width);
    cut_back_matter(lines, &mut events, cx, wrap.width, warnings);
    cut_translation(lines, &mut events, cx, warnings);
    drop_cross_headings(lines, &mut events, cx, warnings);
    let end = events
        .last()
        .map_or(0, |e| e.body.last().copied().unwrap_or(e.line));
    // Never drop a would-be heading without a word (docs/robustness.md): the user can check the
    // lines (those of the back matter, which is not compared, aside).
    let in_sentences: Vec<usize> = in_sentences.into_iter().filter(|&i| i <= end).collect();
    if !in_sentences.is_empty() {
        warnings.push(format!(
            "{} line(s) shaped like article headings were read as text, as parts of sentences ({}); `show FILE --explain` lists them",
            in_sentences.len(),
            places(lines, &in_sentences, cx.unit)
        ));
    }
    enacting::skip_decree(lines, &mut pre, &mut events, cx, warnings);
    let provisions = split_provisions(lines, &mut events, cx, wrap);
    drop_table_of_contents(lines, &mut pre, &mut events, cx, warnings);
    qualify_restarts(&mut events, warnings);
    demote_duplicates(lines, &mut events, cx, warnings, &mut refuse);
    let explaining = verdicts.is_some();
    for e in events.iter().filter(|_| explaining) {
        let what = match e.kind {
            Kind::Article => format!("article {}", e.number),
            Kind::Container(k) => format!("{} {}", k.name(), e.number),
        };
        let title = if e.title.is_empty() {
            String::new()
        } else {
            format!(" — {}", e.title)
        };
        if let Some(v) = verdicts.as_deref_mut() {
            v.push(Verdict {
                at: lines[e.line].at,
                line: lines[e.line].text.clone(),
                taken: true,
                why: format!("{what}{title}"),
            });
        }
    }
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
        provisions,
        annotations: Vec::new(),
        source: cx.path.to_owned(),
    })
}

/// Most article headings a document needs in its own heading format (Markdown `#`,
/// underlines, Word heading styles) before plain lines shaped like headings are taken for
/// what they are in such a document: body text citing an article (`§ 39 Absatz 3d …`).
const STYLED_ARTICLES: usize = 3;

/// In a document whose articles are formatted as headings, a plain line shaped like an
/// article heading is body text.
fn prefer_styled(
    lines: &[Line],
    found: &mut HashMap<usize, Heading>,
    cx: &Context,
    warnings: &mut Vec<String>,
    refuse: &mut impl FnMut(usize, &str),
) {
    let styled = |i: &usize| matches!(lines[*i].style, Style::Heading(_));
    let styled_articles = found
        .iter()
        .filter(|(i, h)| h.keyword.can_be_article() && styled(i))
        .count();
    if styled_articles < STYLED_ARTICLES {
        return;
    }
    // Bold (`**Article IV bis – Audit**`) or a dashed title is a heading's form too.
    let marked = |i: &usize, h: &Heading| {
        h.dashed || unemphasised(&lines[*i].text).len() < lines[*i].text.len()
    };
    let mut plain: Vec<usize> = found
        .iter()
        .filter(|(i, h)| h.keyword.can_be_article() && !styled(i) && !marked(i, h))
        .map(|(i, _)| *i)
        .collect();
    if plain.is_empty() || plain.len() * 2 > styled_articles {
        return;
    }
    plain.sort_unstable();
    unhead(
        found,
        &plain,
        "not formatted as a heading, in a document whose article headings are",
        refuse,
    );
    warn_at(
        warnings,
        lines,
        cx.unit,
        &plain,
        "line(s) shaped like article headings but not formatted as headings were read as text",
    );
}

/// Takes the lines `at` out of the headings found, telling `refuse` why for each.
fn unhead(
    found: &mut HashMap<usize, Heading>,
    at: &[usize],
    why: &str,
    refuse: &mut impl FnMut(usize, &str),
) {
    for &i in at {
        found.remove(&i);
        refuse(i, why);
    }
}

/// One warning for the lines `at`, when there are any: how many, `what` befell them, and
/// where they are.
fn warn_at(warnings: &mut Vec<String>, lines: &[Line], unit: Unit, at: &[usize], what: &str) {
    if !at.is_empty() {
        warnings.push(format!("{} {what} ({})", at.len(), places(lines, at, unit)));
    }
}

/// "line 648", "lines 593, 941, 1758, 1867, 1869, …": where the lines a warning is about
/// are, the first five of them.
fn places(lines: &[Line], at: &[usize], unit: Unit) -> String {
    let shown: Vec<String> = at
        .iter()
        .take(5)
        .map(|&i| lines[i].at.to_string())
        .collect();
    let plural = if at.len() > 1 { "s" } else { "" };
    let more = if at.len() > 5 { ", …" } else { "" };
    format!("{}{plural} {}{more}", unit.name(), shown.join(", "))
}

/// The lines of the headings `pick` takes, in document order.
fn picked(found: &HashMap<usize, Heading>, pick: impl Fn(usize, &Heading) -> bool) -> Vec<usize> {
    let mut at: Vec<usize> = found
        .iter()
        .filter(|(&i, h)| pick(i, h))
        .map(|(&i, _)| i)
        .collect();
    at.sort_unstable();
    at
}

/// Whether the heading at line `at` carries text, not only a title: on its own line, or
/// before the next heading in a line that ends a sentence or is too long for a title.
fn carries_text(lines: &[Line], found: &HashMap<usize, Heading>, at: usize) -> bool {
    found.get(&at).is_some_and(|h| h.text.is_some())
        || lines[at + 1..]
            .iter()
            .enumerate()
            .take_while(|(k, _)| !found.contains_key(&(at + 1 + k)))
            .any(|(_, l)| {
                let t = l.text.trim();
                !t.is_empty()
                    && (ends_sentence(t) || t.split_whitespace().count() > CONTAINER_TITLE_WORDS)
            })
}

/// `1 kap.` … `1 §`, `2 §`, then `2 kap.` … `1 §` again: where every chapter numbers its
/// articles from 1 and numbers repeat, an article is known by its chapter and number,
/// `2:1`, as Swedish lawyers cite `2 kap. 1 §`. Without this, the repeated numbers would
/// be read as text of the articles before them.
fn qualify_restarts(events: &mut [Event], warnings: &mut Vec<String>) {
    let mut firsts: Vec<Option<&str>> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut repeats = false;
    for e in events.iter() {
        match e.kind {
            Kind::Container(Keyword::Chapter) => firsts.push(None),
            Kind::Article => {
                if let Some(first) = firsts.last_mut().filter(|f| f.is_none()) {
                    *first = Some(&e.number);
                }
                repeats |= !seen.insert(crate::model::number_key(&e.number));
            }
            Kind::Container(_) => {}
        }
    }
    let with_articles: Vec<&str> = firsts.iter().flatten().copied().collect();
    let restarts = with_articles.len() >= 2
        && with_articles
            .iter()
            .skip(1)
            .all(|n| crate::model::number_key(n) == "1");
    if !(repeats && restarts) {
        return;
    }
    let mut chapter = None;
    for e in events.iter_mut() {
        match e.kind {
            Kind::Container(Keyword::Chapter) => chapter = Some(e.number.clone()),
            Kind::Article => {
                if let Some(c) = &chapter {
                    e.number = format!("{c}:{}", e.number);
                }
            }
            Kind::Container(_) => {}
        }
    }
    warnings.push(
        "every chapter numbers its articles from 1: an article is known by its chapter and number ('2:1' for chapter 2, article 1)"
            .to_owned(),
    );
}

/// A second heading with an article number already used, or a plain heading line whose
/// number jumps far out of the order around it, is read as text of the article before it,
/// with a warning naming the line: one odd line must not stop a document. One pass, so a
/// document of thousands of such lines costs no more than one.
fn demote_duplicates(
    lines: &[Line],
    events: &mut Vec<Event>,
    cx: &Context,
    warnings: &mut Vec<String>,
    refuse: &mut impl FnMut(usize, &str),
) {
    let value = |e: &Event| leading_value(&e.number);
    // The number of the next article after each event (outer `None`: no article follows).
    let mut next: Vec<Option<Option<u64>>> = vec![None; events.len()];
    let mut upcoming = None;
    for k in (0..events.len()).rev() {
        next[k] = upcoming;
        if events[k].kind == Kind::Article {
            upcoming = Some(value(&events[k]));
        }
    }
    let unit = cx.unit.name();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut previous: Option<Option<u64>> = None;
    let mut demoted: Vec<String> = Vec::new();
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    for (k, e) in std::mem::take(events).into_iter().enumerate() {
        if e.kind != Kind::Article {
            kept.push(e);
            continue;
        }
        let at = lines[e.line].at;
        let key = crate::model::number_key(&e.number);
        let plain = !matches!(lines[e.line].style, Style::Heading(_));
        // Far above both neighbours, which are in order themselves: a citation cut short
        // (`Article 2019 of the Code …`).
        let far = plain
            && matches!(
                (previous, value(&e), next[k]),
                (Some(Some(p)), Some(v), Some(Some(n))) if p <= n && v > n.max(p) + FAR_OUT
            );
        let why = match (kept.is_empty(), far, seen.get(&key)) {
            (true, ..) => None,
            (false, true, _) => Some((
                format!(
                    "a heading for article {} far out of the order of the articles around it",
                    e.number
                ),
                "its number is far out of the order of the articles around it".to_owned(),
            )),
            (false, false, Some(&first)) => Some((
                format!(
                    "a second heading for article {} (first at {unit} {first})",
                    e.number
                ),
                format!("repeats the number of the article at {unit} {first}"),
            )),
            _ => None,
        };
        match (why, kept.last_mut()) {
            (Some((warning, reason)), Some(before)) => {
                refuse(e.line, &reason);
                demoted.push(format!("{unit} {at}: {warning} was read as text"));
                before.body.push(e.line);
                before.body.extend(e.body);
            }
            _ => {
                seen.entry(key).or_insert(at);
                previous = Some(value(&e));
                kept.push(e);
            }
        }
    }
    *events = kept;
    let more = demoted.len().saturating_sub(DEMOTED_SHOWN);
    demoted.truncate(DEMOTED_SHOWN);
    warnings.extend(demoted);
    if more > 0 {
        warnings.push(format!(
            "{more} more heading lines were read as text for the same reasons; `show FILE --explain` lists them"
        ));
    }
}

/// `Regulation (EU) No 411/2015 is amended as follows:` / `Article 27` / …: an amending act
/// quotes the articles it inserts or replaces, under the keyword of its own. A heading of
/// the keyword of the article before it, right after a line ending with a colon, whose
/// number is not the next of the act's own run but lies ahead of it (`5a`, `27` while the
/// act is at its Article 2), is the amending article's text — when the run goes on later
/// with that next number, so that a gap in an act's own numbering never swallows the rest.
/// Articles quoted one after the other (`Article 5a`, `Article 5b`) are one quotation, up
/// to the act's next article. Before, each became an article of the act.
fn quoted_articles(
    lines: &[Line],
    found: &mut HashMap<usize, Heading>,
    is_article: impl Fn(Keyword) -> bool,
    cx: &Context,
    warnings: &mut Vec<String>,
    refuse: &mut impl FnMut(usize, &str),
) {
    let at = picked(found, |_, h| is_article(h.keyword));
    let whole = |number: &str| -> Option<u64> {
        let n = number.trim();
        n.parse()
            .ok()
            .or_else(|| crate::roman::value(n).map(u64::from))
    };
    let lead = |number: &str| leading_value(number).or_else(|| whole(number));
    let after_colon = |i: usize| {
        (0..i)
            .rev()
            .find(|&p| !lines[p].is_blank())
            .is_some_and(|p| !found.contains_key(&p) && lines[p].text.trim_end().ends_with(':'))
    };
    let mut quoted = Vec::new();
    let mut own: Option<usize> = None;
    let mut quoting = false;
    for (n, &i) in at.iter().enumerate() {
        let Some(last) = own else {
            own = Some(i);
            continue;
        };
        let (Some(next), Some(ahead)) = (
            lead(&found[&last].number).map(|v| v + 1),
            lead(&found[&i].number),
        ) else {
            own = Some(i);
            quoting = false;
            continue;
        };
        let resumes = || {
            at[n + 1..]
                .iter()
                .any(|j| whole(&found[j].number) == Some(next))
        };
        let quote = whole(&found[&i].number) != Some(next)
            && ahead + 1 >= next
            && heading_word(&lines[i]) == heading_word(&lines[last])
            && (quoting || after_colon(i))
            && resumes();
        if quote {
            quoted.push(i);
        } else {
            own = Some(i);
        }
        quoting = quote;
    }
    if quoted.is_empty() {
        return;
    }
    unhead(
        found,
        &quoted,
        "a quotation: an amending article inserts or replaces it in another act",
        refuse,
    );
    let what = "line(s) shaped like article headings were read as text of the amending articles \
                that quote them";
    warn_at(warnings, lines, cx.unit, &quoted, what);
}

/// The value of the digits an article number starts with (`12a` → 12), to compare
/// neighbours in a sequence.
fn leading_value(number: &str) -> Option<u64> {
    let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Demoted headings named one by one in the warnings; the rest are counted.
const DEMOTED_SHOWN: usize = 5;

/// How far past both its neighbours a plain article number may jump before the line is
/// taken for text that starts with a citation (`Article 2019 of the Code …` cut short).
const FAR_OUT: u64 = 100;

pub(super) fn origin(cx: &Context, at: usize) -> Origin {
    Origin {
        file: cx.path.to_owned(),
        line: at,
        column: 1,
    }
}

/// `Art. 16*a*`, `III*b*.`, `Art. 16a<sup>bis</sup>`: Swiss consolidations set the letter
/// or Latin suffix of an inserted article or division in italics or superscript, right
/// after the number, in the heading's first two words.
static SET_OFF_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<head>(?:\S+\s+)?[0-9IVXLCDM]+(?:\p{Ll}{1,2})?)(?:\*{1,3}(?P<italic>\p{Ll}{1,10})\*{1,3}|<sup>(?P<sup>\p{Ll}{1,10})</sup>)",
    )
    .expect("the suffix pattern is a valid regex")
});

/// `**Art. 253** a`, `**Art. 44** b Verwarnung`: converters of Swiss consolidations may
/// leave an inserted article's letter outside the bold number, on its own.
static LETTER_OUTSIDE_BOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<head>\*\*(?:\S+\s+)?\d+)\*\*\s+(?P<letter>\p{Ll})(?P<rest>\s.*)?$")
        .expect("the letter pattern is a valid regex")
});

/// Whether [`SET_OFF_SUFFIX`] may match `s`: it needs `<sup>`, or an asterisk before a
/// lower-case letter (an ASCII one, or any character not ASCII, left to the pattern's
/// `\p{Ll}`). Few texts have either, and the pattern, with its twenty-three copies of
/// the lower-case letters, is the costliest of the reader's to compile.
fn may_set_off(s: &str) -> bool {
    s.contains("<sup>")
        || s.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'*' && (w[1].is_ascii_lowercase() || !w[1].is_ascii()))
}

/// The suffix joined to its number: `Art. 16*a*<sup>bis</sup> Zusatz` → `Art. 16a bis
/// Zusatz`.
fn joined_suffix(s: &str) -> Cow<'_, str> {
    let mut t = Cow::Borrowed(s);
    // A number has at most two suffixes (`16a`, then `bis`).
    for _ in 0..2 {
        if !may_set_off(&t) {
            break;
        }
        let Some(c) = SET_OFF_SUFFIX.captures(&t) else {
            break;
        };
        let suffix = c
            .name("italic")
            .or(c.name("sup"))
            .map_or("", |m| m.as_str());
        let head = &c["head"];
        // `16a bis`, as the grammar reads a Latin suffix after a letter.
        let space = if suffix.len() > 2 && head.ends_with(char::is_alphabetic) {
            " "
        } else {
            ""
        };
        let rest = &t[c.get(0).map_or(0, |m| m.end())..];
        let joined = format!("{head}{space}{suffix}{rest}");
        t = Cow::Owned(joined);
    }
    t
}

/// `**Article 3**` → `Article 3`: Markdown emphasis around a heading is a heading marker.
/// `*SECTION 1* ***Recognition***` (EUR-Lex in Markdown) is emphasis in pieces.
pub(super) fn unemphasised(s: &str) -> Cow<'_, str> {
    // The pattern opens with `**`.
    match s
        .starts_with("**")
        .then(|| LETTER_OUTSIDE_BOLD.captures(s))
        .flatten()
    {
        Some(c) => {
            let rest = c.name("rest").map_or("", |m| m.as_str());
            let joined = format!("{}{}**{rest}", &c["head"], &c["letter"]);
            Cow::Owned(plain_heading(&joined).into_owned())
        }
        None => plain_heading(s),
    }
}

/// [`unemphasised`] once a letter outside the bold is in.
fn plain_heading(s: &str) -> Cow<'_, str> {
    let mut t = Cow::Borrowed(s);
    let pieces = s.len() > 2
        && s.starts_with('*')
        && s.ends_with('*')
        && !s[1..].starts_with(char::is_whitespace);
    if pieces {
        let plain = s.replace('*', "");
        t = Cow::Owned(plain.split_whitespace().collect::<Vec<_>>().join(" "));
    } else if s.starts_with("**") || s.starts_with("__") {
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
    let joined = match joined_suffix(&t) {
        Cow::Owned(joined) => Some(joined),
        Cow::Borrowed(_) => None,
    };
    joined.map_or(t, Cow::Owned)
}

/// The lines that are headings, by index, and the lines shaped like article headings
/// that were refused as parts of sentences.
fn headings_in(
    lines: &[Line],
    width: usize,
    refuse: &mut impl FnMut(usize, &str),
) -> (HashMap<usize, Heading>, Vec<usize>) {
    let mut out = HashMap::new();
    let mut refused_articles = Vec::new();
    let mut closed = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.style == Style::Title {
            continue;
        }
        let styled = matches!(line.style, Style::Heading(_));
        let text = unemphasised(&line.text);
        // A heading line holds the heading only: `##### Artículo 3. Igualdad con los
        // españoles e interpretación de las normas.` is all title.
        let parse = |text: &str| {
            if styled {
                headings::parse_styled(text)
            } else {
                headings::parse(text).or_else(|| long_title(lines, i, text))
            }
        };
        // `**Art. 14**[^16]`: a note on a heading (Swiss consolidations mark every amended
        // article so) must not hide it. The reference moves to the title, where a note
        // cannot be carried and is dropped with a warning (`notes::attach`).
        let run_on = (line.style == Style::Body)
            .then(|| run_on_after_emphasis(lines, i))
            .flatten();
        let parsed = run_on.or_else(|| parse(&text)).or_else(|| {
            let (plain, marks) = super::notes::split_marks(&line.text)?;
            let mut h = parse(&unemphasised(&plain))?;
            h.title.push_str(&marks);
            Some(h)
        });
        let Some(mut h) = parsed else {
            if !styled {
                closed.extend(closed_title_line(lines, i, &text).map(|h| (i, h)));
            }
            continue;
        };
        // `Section 1. You are permitted to use the Standard Version and` / `create …`: a
        // title never runs on in lower case; what follows the number and its full stop
        // starts the text. (After a plain space it is a sentence: `§ 4 Absatz 2 gilt …`.)
        let cut = |h: &Heading| {
            let next = lines.get(i + 1);
            sentence_continues(lines, i, h)
                || ends_with_connector(&h.title)
                    && line.wrapped
                    && next.is_some_and(|n| n.wrapped && !n.is_blank())
        };
        if !styled && h.stopped && h.keyword.can_be_article() && !h.title.is_empty() && cut(&h) {
            h.text = Some(std::mem::take(&mut h.title));
        }
        // A dashed title (`Article 2 – Remedies`) is a heading whatever follows it: no
        // sentence has that shape.
        let stands = h.dashed || boundary_before(lines, i, width);
        if styled || h.dashed || (stands && !sentence_continues(lines, i, &h)) {
            out.insert(i, h);
        } else {
            if h.keyword.can_be_article() {
                refused_articles.push(i);
            }
            if !stands {
                refuse(
                    i,
                    "inside a wrapped sentence: the line before does not end one",
                );
            } else {
                refuse(i, "a sentence: it goes on in lower case on the next line");
            }
        }
    }
    keep_in_sequence(&mut out, closed);
    (out, refused_articles)
}

/// `**Article 3.** The Member States …`, `**Art. 3 –** Text …`, `_Article 3_ Text …`:
/// an emphasised article heading with text after the emphasis.
static EMPHASISED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\*\*(?P<bold>[^*]+)\*\*|__(?P<under>[^_]+)__|\*(?P<star>[^*]+)\*|_(?P<italic>[^_]+)_)\s+(?P<rest>[^\s*_].*)$",
    )
    .expect("the emphasised-heading pattern is a valid regex")
});

/// The emphasis closes the heading: a sentence after it on the same line is the article's
/// first paragraph. Read as one plain line, it was the title (`**Art. 3 –** The inspectors
/// shall report.` after a dash), or the line no heading at all (`_Article 4_ Reports …`,
/// `**Article 3** The Member States …` after a plain space), its article lost in the one
/// above. A title after the emphasis (`**Art. 5** Scope`, words that end no sentence and
/// do not run on) is left to the usual rules.
fn run_on_after_emphasis(lines: &[Line], i: usize) -> Option<Heading> {
    let text = lines[i].text.trim();
    if !text.starts_with(['*', '_']) {
        return None;
    }
    let c = EMPHASISED_HEAD.captures(text)?;
    let head = ["bold", "under", "star", "italic"]
        .iter()
        .find_map(|n| c.name(n))?
        .as_str();
    let rest = c["rest"].trim();
    let mut h = headings::parse(head)?;
    let runs_on = lines.get(i + 1).is_some_and(|next| {
        lines[i].wrapped && next.wrapped && next.text.starts_with(char::is_lowercase)
    });
    let sentence = !headings::title_like(rest, headings::SPACE_TITLE_WORDS) || runs_on;
    if !h.keyword.can_be_article()
        || h.text.is_some()
        || !sentence
        || rest.starts_with(char::is_lowercase)
    {
        return None;
    }
    h.text = Some(rest.to_owned());
    h.sentence_title = false;
    Some(h)
}

/// `§ 1 Delimitación del ámbito.`: a number, a plain space and one sentence, alone in
/// its paragraph. Such a line is a heading only where its neighbours are (see
/// [`keep_in_sequence`]); alone, it is a sentence (`Article 6 Applies to all vessels.`).
/// Titles written so run long (`§ 35 quáter Plan de respuesta solidaria …`) and may
/// cite an act (`Repeal of Regulation (EC) No 1347/2000.`); a sentence citing a part of
/// the section (`§ 4 Absatz 2 gilt entsprechend.`, `Article 6 Paragraph 2 …`) is none.
fn closed_title_line(lines: &[Line], i: usize, text: &str) -> Option<Heading> {
    const WORDS: usize = 2 * ARTICLE_TITLE_WORDS;
    let own_paragraph = i.checked_sub(1).is_none_or(|p| lines[p].is_blank())
        && lines.get(i + 1).is_none_or(Line::is_blank);
    if !own_paragraph || !text.trim_end().ends_with('.') {
        return None;
    }
    let h = headings::parse_styled(text)?;
    let sentence = headings::closed_sentence(&format!("{}.", h.title), WORDS).is_some();
    let cites_part = headings::cites_part(&h.title);
    (h.keyword.can_be_article() && h.text.is_none() && sentence && !cites_part).then_some(h)
}

/// Keeps the lines of [`closed_title_line`] whose numbers run on from another heading of
/// the same keyword (n − 1 or n + 1) and are not taken yet: a whole statute written so is
/// a sequence, while a stray sentence that starts with an article number is not, and a
/// paragraph citing the section before (`§ 4 Satz 2 gilt entsprechend.`) repeats a number.
fn keep_in_sequence(found: &mut HashMap<usize, Heading>, closed: Vec<(usize, Heading)>) {
    let value = |h: &Heading| leading_value(&h.number);
    let articles = |h: &&Heading| h.keyword.can_be_article();
    let numbers: HashSet<(Keyword, u64)> = found
        .values()
        .chain(closed.iter().map(|(_, h)| h))
        .filter(articles)
        .filter_map(|h| Some((h.keyword, value(h)?)))
        .collect();
    let mut taken: HashSet<(Keyword, String)> = found
        .values()
        .filter(articles)
        .map(|h| (h.keyword, h.number.clone()))
        .collect();
    for (i, h) in closed {
        let Some(n) = value(&h) else {
            continue;
        };
        let next_to = |m: u64| numbers.contains(&(h.keyword, m));
        let in_sequence = next_to(n + 1) || n.checked_sub(1).is_some_and(next_to);
        if in_sequence && taken.insert((h.keyword, h.number.clone())) {
            found.insert(i, h);
        }
    }
}

/// `Delimitación del ámbito.` under `Article 1`: a short title closed by a full stop, on a
/// line of its own with the article's text below it. A lone short sentence is the text of
/// a one-sentence article (`The Annexes form part of this Convention.`), not a title.
fn closed_title_below(
    lines: &[Line],
    j: usize,
    text: &str,
    found: &HashMap<usize, Heading>,
) -> Option<(String, usize)> {
    let title = headings::closed_title(text, headings::CLOSED_TITLE_WORDS)?;
    let alone = !lines[j].wrapped || lines.get(j + 1).is_none_or(|l| l.is_blank() || !l.wrapped);
    let below = (j + 1..lines.len()).find(|&k| !lines[k].is_blank());
    let text_follows = below.is_some_and(|k| {
        let line = &lines[k];
        !found.contains_key(&k)
            && line.style == Style::Body
            && headings::parse(&unemphasised(&line.text)).is_none()
    });
    (alone && text_follows).then(|| (title.to_owned(), j + 1))
}

/// An unstyled line that is a paragraph of its own, shaped like an article heading whose
/// title is too long for a line inside the text (`§ 73 Sonstige Beteiligungserfordernisse
/// im Visumverfahren, im Registrier- und Asylverfahren und bei der Erteilung von
/// Aufenthaltstiteln`, as a plain-text export of a German statute writes it): a
/// capitalised title without a closing stop, between blank lines, is no sentence.
fn long_title(lines: &[Line], i: usize, text: &str) -> Option<Heading> {
    let own_paragraph = i.checked_sub(1).is_none_or(|p| lines[p].is_blank())
        && lines.get(i + 1).is_none_or(Line::is_blank);
    let closed = text.trim_end().ends_with(['.', ',', ';', ':']);
    if !own_paragraph || closed {
        return None;
    }
    let h = headings::parse_styled(text)?;
    let titled = h.title.starts_with(|c: char| c.is_uppercase());
    (h.keyword.can_be_article() && h.text.is_none() && titled).then_some(h)
}

/// Article headings by the user's `--article-pattern`.
fn by_pattern(lines: &[Line], pattern: &regex::Regex) -> HashMap<usize, Heading> {
    let mut out = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        let text = unemphasised(&line.text);
        let Some(c) = pattern.captures(&text) else {
            continue;
        };
        let number = c
            .name("number")
            .or_else(|| c.get(1))
            .map_or("", |m| m.as_str())
            .trim();
        if number.is_empty() {
            continue;
        }
        let title = c
            .name("title")
            .map(|m| m.as_str())
            .unwrap_or_else(|| &text[c.get(0).map_or(0, |m| m.end())..]);
        let title = title
            .trim()
            .trim_start_matches(['.', ':', '–', '—', '-'])
            .trim();
        out.insert(
            i,
            // The user's pattern is sure of its lines, as a dashed title is.
            Heading {
                dashed: true,
                ..Heading::bare(
                    Keyword::Article,
                    headings::collapse(number),
                    title.to_owned(),
                    None,
                )
            },
        );
    }
    out
}

/// Whether a heading may start at line `i`: not in the middle of a wrapped sentence.
pub(super) fn boundary_before(lines: &[Line], i: usize, width: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| &lines[j]) else {
        return true;
    };
    // A bracketed title opening its paragraph (`(Scope)` over `Article 1`) ends no sentence
    // but is no part of one either.
    let title_above = i < 2 || lines[i - 2].is_blank();
    prev.is_blank()
        || !prev.wrapped
        || !lines[i].wrapped
        || ends_sentence(&prev.text)
        || title_above && bracketed_title(&prev.text).is_some()
        || headings::parse(&unemphasised(&prev.text)).is_some()
        || ends_early(prev, &lines[i], width)
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
    let notes = marginal_notes(lines, found, &is_article);
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
        let mut text = h.text.clone();
        if h.sentence_title && !has_body(lines, found, i) {
            // `Artículo 4. Texto del artículo cuarto.` and nothing under it: the sentence
            // was the text.
            text = Some(format!("{title}."));
            title.clear();
        }
        let mut next = i + 1;
        if title.is_empty() && text.is_none() {
            let below = title_below(lines, i, found, max_words, width).or_else(|| {
                matches!(kind, Kind::Container(_))
                    .then(|| long_container_title(lines, i, found))
                    .flatten()
            });
            if let Some((below, after)) = below {
                title = below;
                next = after;
            }
        }
        if title.is_empty() && kind == Kind::Article {
            let (before, bare_article) = match events.last_mut() {
                Some(e) => (&mut e.body, e.kind == Kind::Article && e.inline.is_none()),
                None => (&mut pre, false),
            };
            if let Some(above) = title_above(lines, i, before, bare_article) {
                before.pop();
                title = above;
            } else if let Some((above, at)) =
                notes.then(|| note_above(lines, found, i, before)).flatten()
            {
                before.truncate(at);
                title = above;
            } else if let Some((above, at)) = heading_above_number(lines, i, before) {
                before.truncate(at);
                title = above;
            }
        }
        let inline = text.as_ref().map(|text| Line {
            text: text.clone(),
            ..lines[i].clone()
        });
        events.push(Event {
            kind,
            number: h.number.clone(),
            // A title is one line of visible text: a control character in it is shown
            // as U+FFFD, never passed on to a terminal or a log.
            title: unemphasised(&title)
                .chars()
                .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                .collect(),
            line: i,
            inline,
            body: Vec::new(),
        });
        i = next;
    }
    (pre, events)
}

/// `（目的）` over `第一条　…`, `(Scope)` over `Article 1`: Japanese statutes, and some
/// others, set an article's title in brackets on the line above its heading. The line
/// must open its paragraph and close it against the heading, and must not be all there is
/// of the article above (`Article 5` / `(Repealed)` / `Article 6`: article 5's text).
fn title_above(lines: &[Line], i: usize, before: &[usize], bare_article: bool) -> Option<String> {
    let j = i.checked_sub(1)?;
    let line = lines.get(j)?;
    let opens = j.checked_sub(1).is_none_or(|k| lines[k].is_blank());
    let more = !bare_article || before.iter().rev().skip(1).any(|&k| !lines[k].is_blank());
    if before.last() != Some(&j) || line.style != Style::Body || !opens || !more {
        return None;
    }
    bracketed_title(&line.text).map(str::to_owned)
}

/// At most this many words in a marginal note.
const NOTE_WORDS: usize = 8;

/// Canadian statutes, and others drafted the same way, set each section's title as a
/// marginal note on the line above its number, the text running on after the number:
/// `Short title` / `1 This Act may be cited as …`. Read one by one, such a note is the
/// last line of the section before. The layout is the document's, so it is taken only
/// where most untitled sections with text on their heading line, and at least three, have
/// a title-shaped line right above them.
fn marginal_notes(
    lines: &[Line],
    found: &HashMap<usize, Heading>,
    is_article: impl Fn(Keyword) -> bool,
) -> bool {
    let (mut sections, mut noted) = (0, 0);
    for (&i, h) in found {
        if !is_article(h.keyword) || !h.title.is_empty() || h.text.is_none() {
            continue;
        }
        sections += 1;
        let above = i.checked_sub(1).map(|j| (j, &lines[j]));
        let above = match above {
            Some((j, l)) if l.is_blank() => j.checked_sub(1),
            Some((j, _)) => Some(j),
            None => None,
        };
        noted += usize::from(above.is_some_and(|j| note_shaped(lines, found, j)));
    }
    noted >= 3 && noted * 5 >= sections * 3
}

/// Whether line `j` could be a section's marginal note: a short line in the shape of a
/// title, heading nothing itself.
fn note_shaped(lines: &[Line], found: &HashMap<usize, Heading>, j: usize) -> bool {
    let line = &lines[j];
    !found.contains_key(&j)
        && line.style == Style::Body
        && headings::title_like(&unemphasised(&line.text), NOTE_WORDS)
}

/// The marginal note above heading `i` (see [`marginal_notes`]): the last line of
/// `before` but blanks, and where it stands there.
fn note_above(
    lines: &[Line],
    found: &HashMap<usize, Heading>,
    i: usize,
    before: &[usize],
) -> Option<(String, usize)> {
    let at = before.iter().rposition(|&k| !lines[k].is_blank())?;
    let j = before[at];
    // Right above the heading, or with one blank line between.
    let close = j + 1 == i || (j + 2 == i && lines[j + 1].is_blank());
    (close && note_shaped(lines, found, j))
        .then(|| (unemphasised(&lines[j].text).trim().to_owned(), at))
}

/// `#### The register` / `##### 3`: legislation.gov.uk heads each section with its title
/// formatted as a heading on the line above the number alone. Such a title is the last
/// line of `before` but blanks; the position it has there is returned with it.
fn heading_above_number(lines: &[Line], i: usize, before: &[usize]) -> Option<(String, usize)> {
    let number_alone = unemphasised(&lines[i].text)
        .trim()
        .chars()
        .all(|c| c.is_ascii_alphanumeric());
    let at = before.iter().rposition(|&k| !lines[k].is_blank())?;
    let line = &lines[before[at]];
    let text = unemphasised(&line.text);
    (number_alone
        && matches!(line.style, Style::Heading(_))
        && matches!(lines[i].style, Style::Heading(_))
        && headings::title_like(&text, ARTICLE_TITLE_WORDS))
    .then(|| (text.trim().to_owned(), at))
}

/// The title inside `(Scope)` or `（目的）`, a line that is all one bracketed title.
fn bracketed_title(text: &str) -> Option<&str> {
    let text = text.trim();
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .or_else(|| text.strip_prefix('（').and_then(|t| t.strip_suffix('）')))?;
    let title =
        !inner.contains(['(', ')', '（', '）']) && headings::title_like(inner, ARTICLE_TITLE_WORDS);
    title.then(|| inner.trim())
}

/// Whether a non-blank line follows heading `i` before the next heading.
fn has_body(lines: &[Line], found: &HashMap<usize, Heading>, i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .enumerate()
        .take_while(|(k, _)| !found.contains_key(&(i + 1 + k)))
        .any(|(_, l)| !l.is_blank())
}

/// Ends the articles at the first annex, appendix or schedule heading that follows an
/// article with text: annexes are no article's text, and the correlation tables of a
/// recast ("Article 1 | Article 1") would otherwise read as headings with duplicate
/// numbers. An annex entry in a table of contents, before any article text, is not the
/// start of the back matter.
fn cut_back_matter(
    lines: &[Line],
    events: &mut Vec<Event>,
    cx: &Context,
    width: usize,
    warnings: &mut Vec<String>,
) {
    let mut text_seen = false;
    let mut cut = None;
    'events: for (k, e) in events.iter().enumerate() {
        let article = e.kind == Kind::Article;
        text_seen |= article && e.inline.is_some();
        for (n, &j) in e.body.iter().enumerate() {
            let line = &lines[j];
            let styled = matches!(line.style, Style::Heading(_));
            let text = unemphasised(&line.text);
            if text_seen
                && !line.is_blank()
                && (headings::is_annex(&text) || (styled && headings::is_annex_styled(&text)))
                && (styled || boundary_before(lines, j, width))
                && !enacting::annex_enacts(events, k)
            {
                cut = Some((k, n));
                break 'events;
            }
            text_seen |= article && !line.is_blank();
        }
    }
    let Some((k, n)) = cut else {
        return;
    };
    let first = events[k].body[n];
    let annex = |j: usize| {
        let text = unemphasised(&lines[j].text);
        !lines[j].is_blank()
            && (headings::is_annex(&text)
                || (matches!(lines[j].style, Style::Heading(_))
                    && headings::is_annex_styled(&text)))
    };
    // An annex's title line ("ANNEX II" / "Correlation table") is not another annex.
    let names: Vec<String> = (first..lines.len())
        .filter(|&j| annex(j) && !(j > first && annex(j - 1)))
        .map(|j| unemphasised(&lines[j].text).trim().to_owned())
        .collect();
    events[k].body.truncate(n);
    events.truncate(k + 1);
    warnings.push(format!(
        "the back matter from {} {} on ({}) is not compared: an article set has no place for annexes",
        cx.unit.name(),
        lines[first].at,
        names.join(", ")
    ));
}

/// The word an article heading opens with: `Article`, `Artikel`, `Art.`.
fn heading_word(line: &Line) -> String {
    unemphasised(&line.text)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase()
}

/// A treaty published in two languages (`### Article  1` … then `### Artikel  1` …, as the
/// Dutch treaty series gives an English text and its translation one after the other):
/// the articles start again from the first number under another keyword, and from there
/// on at least two articles, nearly all with numbers already read. The first language is
/// read; the other version, from the heading above its first article, is not compared.
/// Before, each of its articles was a duplicate, and all of it the last article's text.
fn cut_translation(
    lines: &[Line],
    events: &mut Vec<Event>,
    cx: &Context,
    warnings: &mut Vec<String>,
) {
    let arts = article_events(events);
    let Some(&first) = arts.first() else {
        return;
    };
    let key = |k: usize| crate::model::number_key(&events[k].number);
    let word = heading_word(&lines[events[first].line]);
    let restart = arts.iter().position(|&k| {
        k != first && key(k) == key(first) && heading_word(&lines[events[k].line]) != word
    });
    let Some(p) = restart else {
        return;
    };
    let before: HashSet<String> = arts[..p].iter().map(|&k| key(k)).collect();
    let after = &arts[p..];
    let repeated = after.iter().filter(|&&k| before.contains(&key(k))).count();
    if after.len() < 2 || repeated * 10 < after.len() * 9 {
        return;
    }
    let other = unemphasised(&lines[events[arts[p]].line].text)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_owned();
    // The version's own headings above its first article (its title, a part) go with it.
    let mut cut = arts[p];
    while cut > 0 && events[cut - 1].kind != Kind::Article && !events[cut - 1].has_text(lines) {
        cut -= 1;
    }
    let mut from = events[cut].line;
    if let Some(above) = cut.checked_sub(1).map(|k| &mut events[k]) {
        // `## Verdrag inzake de meren`: a heading without a number right above it.
        if let Some(n) = above.body.iter().rposition(|&j| !lines[j].is_blank()) {
            let j = above.body[n];
            if matches!(lines[j].style, Style::Heading(_)) {
                above.body.truncate(n);
                from = j;
            }
        }
    }
    events.truncate(cut);
    warnings.push(format!(
        "the text from {} {} on repeats the articles under another keyword ('{}'), a version in another language: it is not compared",
        cx.unit.name(),
        lines[from].at,
        other
    ));
}

/// Cross-headings shown by name in the warning; the rest are counted.
const CROSS_HEADINGS_SHOWN: usize = 3;

/// A heading without a number right above an article heading groups the articles below
/// it: UK Acts' cross-headings (`### Enforcement` over `#### 3 Offences`), a licence's
/// centred `NO WARRANTY` over sections 11 and 12 of the GPL. It is no text of the
/// article above, and an article set has no place for it: it is dropped, with a warning.
/// It must be formatted as a heading no deeper than the article's own, or, in plain
/// text, be a short line in capitals of its own, set in from the article headings
/// (centred), under an article that has text besides.
fn drop_cross_headings(
    lines: &[Line],
    events: &mut [Event],
    cx: &Context,
    warnings: &mut Vec<String>,
) {
    let mut dropped = Vec::new();
    for k in 1..events.len() {
        if events[k].kind != Kind::Article {
            continue;
        }
        let heading = &lines[events[k].line];
        let above = &mut events[k - 1];
        let Some(n) = above.body.iter().rposition(|&j| !lines[j].is_blank()) else {
            continue;
        };
        let line = &lines[above.body[n]];
        let styled = match (line.style, heading.style) {
            (Style::Heading(cross), Style::Heading(article)) => cross <= article,
            _ => false,
        };
        let opens = n
            .checked_sub(1)
            .is_none_or(|m| lines[above.body[m]].is_blank());
        let more = above.inline.is_some() || above.body[..n].iter().any(|&j| !lines[j].is_blank());
        let centred = line.style == Style::Body
            && heading.style == Style::Body
            && opens
            && more
            && line.indent >= heading.indent + CENTRED
            && capitals_heading(&line.text);
        if styled || centred {
            dropped.push(above.body[n]);
            above.body.truncate(n);
        }
    }
    if dropped.is_empty() {
        return;
    }
    let named: Vec<String> = dropped
        .iter()
        .take(CROSS_HEADINGS_SHOWN)
        .map(|&j| {
            format!(
                "{} {} ({})",
                cx.unit.name(),
                lines[j].at,
                unemphasised(&lines[j].text)
            )
        })
        .collect();
    let more = dropped.len().saturating_sub(CROSS_HEADINGS_SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    warnings.push(format!(
        "{} heading(s) without a number over articles (cross-headings) are not kept: {}{more}",
        dropped.len(),
        named.join(", ")
    ));
}

/// How many columns further in than the article headings a centred line is set.
const CENTRED: usize = 8;

/// `NO WARRANTY`: a few words in capitals, no sentence.
fn capitals_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_lowercase)
        && !text.ends_with(['.', ',', ';', ':'])
}

/// Ends the articles at the first `Disposición …` heading after them: the additional,
/// transitional, repealing and final provisions of a Spanish law are no articles (a
/// correspondence of articles leaves them out) but units of their own, each running to
/// the next. Headings inside them (`Artículo 318 bis.` of a code they amend, quoted) are
/// their text.
fn split_provisions(
    lines: &[Line],
    events: &mut Vec<Event>,
    cx: &Context,
    wrap: paragraphs::Wrap,
) -> Vec<Article> {
    let is_provision = |e: &Event| e.kind == Kind::Container(Keyword::Provision);
    let first_article = events.iter().position(|e| e.kind == Kind::Article);
    let Some(k) = first_article.and_then(|a| (a..events.len()).find(|&k| is_provision(&events[k])))
    else {
        // Provisions before any article (or in a document without articles) are text.
        return Vec::new();
    };
    let mut units: Vec<Event> = Vec::new();
    for e in events.drain(k..) {
        match units.last_mut() {
            Some(unit) if !is_provision(&e) => {
                unit.body.push(e.line);
                unit.body.extend(e.body);
            }
            _ => units.push(e),
        }
    }
    units
        .into_iter()
        .map(|u| Article {
            number: u.number,
            title: u.title,
            section: None,
            text: paragraphs::join(
                u.inline.iter().chain(u.body.iter().map(|&i| &lines[i])),
                wrap,
            ),
            from: Vec::new(),
            origin: origin(cx, lines[u.line].at),
        })
        .collect()
}

/// `Article 29` / `Procedure following a refusal to return the child under point (b) of
/// Article 13(1) and Article 13(2) of the 1980 Hague Convention` / `1. This Article …`:
/// EU acts give some articles titles of over 20 words. A line of up to a container
/// title's length is such a title when it is a paragraph of its own, ends in no
/// punctuation, and the article's first numbered paragraph follows it.
fn long_title_below(lines: &[Line], j: usize, text: &str) -> Option<(String, usize)> {
    let alone = lines.get(j + 1).is_none_or(Line::is_blank);
    let numbered_next = (j + 1..lines.len())
        .find(|&k| !lines[k].is_blank())
        .is_some_and(|k| starts_with_marker(&lines[k].text));
    (alone && numbered_next && headings::title_like(text, CONTAINER_TITLE_WORDS))
        .then(|| (text.trim().to_owned(), j + 1))
}

/// `CHAPTER IX` / `Procedure for comparison of data for applicants for international
/// protection, third-country nationals … and beneficiaries of temporary protection` /
/// `Article 27`: an EU act may give a chapter a title of eighty words. A line alone
/// between a container's heading and the next heading cannot be text (no article has
/// begun), so it is the title whatever its length, unless it reads as a sentence.
fn long_container_title(
    lines: &[Line],
    i: usize,
    found: &HashMap<usize, Heading>,
) -> Option<(String, usize)> {
    let j = (i + 1..lines.len().min(i + 4)).find(|&j| !lines[j].is_blank())?;
    let next = (j + 1..lines.len()).find(|&k| !lines[k].is_blank())?;
    let text = unemphasised(&lines[j].text);
    let alone = lines.get(j + 1).is_some_and(Line::is_blank);
    let heading_next = found.contains_key(&next);
    let words = text.split_whitespace().count();
    let shaped = text.starts_with(|c: char| !c.is_lowercase())
        && !text.trim_end().ends_with(['.', ',', ';', ':'])
        && !starts_with_marker(&text);
    (alone
        && heading_next
        && shaped
        && words <= LONG_CONTAINER_TITLE_WORDS
        && !found.contains_key(&j))
    .then(|| (text.trim().to_owned(), j + 1))
}

/// The longest container title taken from a line alone between two headings.
const LONG_CONTAINER_TITLE_WORDS: usize = 150;

/// `Treedt in werking op een nader te bepalen tijdstip`, `Treedt in werking per
/// 01-01-2015`: the Dutch consolidations (wetten.overheid.nl) note under an article's
/// heading when it comes into force. It is the article's status, kept as its text, not its
/// title: the title would change when the article comes into force.
fn status_note(text: &str) -> bool {
    text.starts_with("Treedt in werking ")
}

/// `[^6]`, `[^note]`: a Markdown footnote reference, defined or not.
fn markdown_note_reference(text: &str) -> bool {
    text.match_indices("[^").any(|(i, _)| {
        let label = &text[i + 2..];
        label
            .find(']')
            .is_some_and(|end| end > 0 && !label[..end].contains(char::is_whitespace))
    })
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
    // A line with a note reference is text: a note cannot be carried in a title. A
    // Markdown reference whose note the document lacks (`… alle Seen.[^6]`) is one too.
    let note = text.contains(super::notes::OPEN) || markdown_note_reference(&text);
    if starts_with_marker(&text) || note || status_note(&text) {
        return None;
    }
    if !headings::title_like(&text, max_words) {
        return long_title_below(lines, j, &text)
            .or_else(|| closed_title_below(lines, j, &text, found));
    }
    if let Some(whole) = wrapped_title(lines, j, found, max_words, width) {
        return Some(whole);
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
    // `Art. 1.` over `(Oggetto)`: Italian laws bracket the title.
    let title = match title.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trim().to_owned(),
        _ => title,
    };
    (!after_continues && !full_line).then_some((title, k))
}

/// `Implementation of decisions in matters of parental responsibility in another Member`
/// / `State`: a title wrapped at the page's width (each line but the last full), whose
/// paragraph ends after at most three lines without a sentence's stop. Its last line may
/// open with a capital, which the line-by-line reading above takes for the text.
fn wrapped_title(
    lines: &[Line],
    j: usize,
    found: &HashMap<usize, Heading>,
    max_words: usize,
    width: usize,
) -> Option<(String, usize)> {
    let end = (j + 1..lines.len().min(j + 4)).find(|&k| lines[k].is_blank())?;
    let part = &lines[j..end];
    let full = part
        .windows(2)
        .all(|w| w[0].wrapped && w[1].wrapped && !ends_early(&w[0], &w[1], width));
    if part.len() < 2 || !full || (j + 1..end).any(|k| found.contains_key(&k)) {
        return None;
    }
    if part[1..].iter().any(|l| starts_with_marker(&l.text)) {
        return None;
    }
    let whole = part
        .iter()
        .map(|l| unemphasised(&l.text).trim().to_owned())
        .collect::<Vec<_>>()
        .join(" ");
    headings::title_like(&whole, max_words).then_some((whole, end))
}

#[cfg(test)]
mod opening_tests {
    use super::*;
    use crate::load::document::headings::assert_admits_every_match;

    #[test]
    fn the_openings_admit_every_match() {
        assert_admits_every_match(
            &LETTER_OUTSIDE_BOLD,
            |l| l.starts_with("**"),
            &["**Art. 253** a", "**44** b Verwarnung"],
        );
        assert_admits_every_match(
            &EMPHASISED_HEAD,
            |l| l.starts_with(['*', '_']),
            &[
                "**Article 3.** The",
                "__Art. 3__ Text",
                "*Art. 3* Text",
                "_Article 4_ Reports",
            ],
        );
        assert_admits_every_match(
            &SET_OFF_SUFFIX,
            may_set_off,
            &[
                "Art. 16*a*",
                "III*b*.",
                "Art. 16a<sup>bis</sup>",
                "16***ter***",
                "5*é*",
                "Art. 7*ǆ*",
            ],
        );
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "Art.", " ", "16", "III", "a", "b", "é", "ǆ", "A", "*", "**", "***", "<sup>", "</sup>",
            "<", "bis", "ſ", "_",
        ]);
        proptest!(ProptestConfig::with_cases(20_000), |(parts in prop::collection::vec(pieces, 0..10))| {
            let t = parts.concat();
            prop_assert!(!SET_OFF_SUFFIX.is_match(&t) || may_set_off(&t), "{:?}", t);
        });
    }
}
