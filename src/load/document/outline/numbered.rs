//! The outline of a document numbered without keywords, as most licences and contracts
//! are (`  0. This License applies …`, `1. Definitions.`, `1) Grant of Copyright
//! License. Licensor grants …`, `(14) Disclaimer of Warranty:`) and as Acts drafted in the
//! United Kingdom style (`1 Short title`) and in Canada's (`1 This Act may be cited …`) are.
//!
//! The sections are the longest run of numbers that counts up by one from 0 or 1 in one
//! form (`1.`, `1)`, `(1)`, `1 Title`; `1.0` is `1.`) at one indentation. A nested item (`1.` under a
//! deeper indent, `a)`), a wrapped line that happens to start with a number, or a list
//! that restarts at 1 breaks no run: it is simply not part of it, and stays text. A
//! title on the heading line is split from the text after it when it reads as one
//! (`Grant of Copyright License.`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::super::headings::{self, Heading, Keyword, ARTICLE_TITLE_WORDS, CLOSED_TITLE_WORDS};
use super::super::paragraphs::{ends_early, ends_sentence};
use super::super::{Line, Style};
use super::{boundary_before, unemphasised};

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<open>\()?(?P<n>\d{1,3})(?P<zero>\.0)?(?P<suffix>[A-Z]{0,2})(?P<close>\.\)?|\)|\s*[-–]\s|\s)\s*(?P<rest>.*)$",
    )
    .expect("the numbered-section pattern is a valid regex")
});

/// Chain ends kept per number as candidates for the next number (see `longest_run`).
const FRONTIER: usize = 32;

/// Most words of a title written before the text on the heading line
/// (`2. Fair Dealing Rights. Nothing in this License …`).
const LEADING_TITLE_WORDS: usize = 8;

/// The form of a number, which every section of a run shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `(1)`
    Bracketed,
    /// `1 Short title`: the title is required, the text starts on the next line.
    Bare,
    /// `1 This Act may be cited as …`: a number, a space and the text (Canada), read only
    /// when no other form makes a run half as long, since wrapped text also opens lines
    /// with numbers.
    Running,
}

#[derive(Clone)]
struct Candidate {
    line: usize,
    value: u32,
    suffix: String,
    rest: String,
    /// The heading line is the first line of a hard-wrapped paragraph: what follows the
    /// number is a sentence cut by wrapping (`5. BECAUSE THE PROGRAM IS LICENSED FREE OF
    /// CHARGE, THERE IS NO WARRANTY` / `FOR THE PROGRAM, …`), not a title.
    wrapped_on: bool,
}

/// The section headings of a document numbered without keywords, by line index; empty
/// when no run of at least two sections is found. `headed` are the lines the grammar took
/// for article headings, which open the body as sections do (see [`body_end`]).
pub(super) fn sections(lines: &[Line], width: usize, headed: &[usize]) -> HashMap<usize, Heading> {
    let mut groups: HashMap<(Form, usize), Vec<Candidate>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || line.style == Style::Title {
            continue;
        }
        let text = unemphasised(&line.text);
        let trimmed = text.trim();
        // The pattern opens with a digit or a bracket.
        let opens = headings::DIGITS.admits(trimmed) || trimmed.starts_with('(');
        let Some(c) = opens.then(|| NUMBERED.captures(trimmed)).flatten() else {
            continue;
        };
        let close = &c["close"];
        let form = match (c.name("open").is_some(), close) {
            (true, ")") => Form::Bracketed,
            (true, _) => continue,
            (false, ")") => Form::Paren,
            // `1- OBJET.`, `1 – Definitions`: a dash stands for the full stop.
            (false, c) if c.starts_with('.') || c.trim_start().starts_with(['-', '–']) => {
                Form::Dot
            }
            // `1.0 General.`: section 1 numbered as the head of its `1.1`, `1.2`.
            (false, _) if c.name("zero").is_some() => Form::Dot,
            (false, _) => Form::Bare,
        };
        let rest = c["rest"].trim().to_owned();
        // `1.1 …` is a paragraph of section 1, not a section.
        if rest.starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let mut forms: Vec<(Form, String)> = Vec::with_capacity(2);
        if form == Form::Bare {
            // `1  DEFINITIONS.`: a title closed by a full stop is still a title.
            let title = headings::closed_title(&rest, CLOSED_TITLE_WORDS).unwrap_or(&rest);
            if headings::title_like(title, ARTICLE_TITLE_WORDS)
                && title.starts_with(char::is_uppercase)
            {
                forms.push((Form::Bare, title.to_owned()));
            }
            // `2 (1) The following definitions …`; a short sentence has a title's shape
            // too, so such a line is a candidate of both forms.
            let opens = rest.strip_prefix("(1) ").unwrap_or(&rest);
            if opens.starts_with(char::is_uppercase) {
                forms.push((Form::Running, rest.clone()));
            }
        } else {
            forms.push((form, rest));
        }
        if !c["suffix"].is_empty() {
            forms.retain(|(form, _)| *form == Form::Bare);
        }
        if forms.is_empty() {
            continue;
        }
        let styled = matches!(line.style, Style::Heading(_));
        if !styled && !boundary_before(lines, i, width) {
            continue;
        }
        let Ok(value) = c["n"].parse() else {
            continue;
        };
        let wrapped_on = lines.get(i + 1).is_some_and(|next| {
            line.wrapped && next.wrapped && !next.is_blank() && !ends_early(line, next, width)
        });
        for (form, rest) in forms {
            groups
                .entry((form, line.indent))
                .or_default()
                .push(Candidate {
                    line: i,
                    value,
                    suffix: c["suffix"].to_owned(),
                    rest,
                    wrapped_on,
                });
        }
    }
    // `SCHEDULE 1` / `1 Registration` …: a schedule's own numbered paragraphs are back
    // matter, never sections, however long their run.
    // `Article 1` … `Article 11`, then an `ANNEX` listing `1.` … `32.`: the annex's list
    // does not outvote the articles either.
    let mut heads = vec![false; lines.len()];
    for i in groups
        .values()
        .flatten()
        .map(|c| c.line)
        .chain(headed.iter().copied())
    {
        heads[i] = true;
    }
    let end = body_end(lines, &heads, width);
    for candidates in groups.values_mut() {
        candidates.retain(|c| c.line < end);
    }
    groups.retain(|_, candidates| !candidates.is_empty());
    let best = with_borrowed_starts(one_column_apart(groups))
        .into_iter()
        .map(|((form, indent), candidates)| (longest_run(&candidates), form, indent, candidates))
        .max_by_key(|(run, form, indent, candidates)| {
            let first = run.first().map_or(usize::MAX, |&k| candidates[k].line);
            // A run of text lines must be twice as long as a run of headings to win.
            let weight = if *form == Form::Running {
                run.len() / 2
            } else {
                run.len()
            };
            (
                weight,
                run.len(),
                *form != Form::Bare,
                std::cmp::Reverse(*indent),
                std::cmp::Reverse(first),
            )
        });
    let Some((run, form, _, candidates)) = best.filter(|(run, ..)| run.len() >= 2) else {
        return HashMap::new();
    };
    run.into_iter()
        .map(|k| {
            let c = &candidates[k];
            let (title, text) = if form == Form::Bare {
                (c.rest.clone(), None)
            } else if form == Form::Running {
                (String::new(), Some(c.rest.clone()))
            } else if c.wrapped_on
                && !c.rest.ends_with(['.', ':'])
                && !c.rest.contains(". ")
                && marginal_dash(&c.rest).is_none()
            {
                (
                    String::new(),
                    Some(c.rest.clone()).filter(|r| !r.is_empty()),
                )
            } else {
                split_title(&c.rest)
            };
            let number = format!("{}{}", c.value, c.suffix);
            let heading = Heading::bare(Keyword::Section, number, title, text);
            (c.line, heading)
        })
        .collect()
}

/// Where the body ends: at the first annex, appendix or schedule heading after a heading
/// with a sentence of text under it (`SCHEDULES` after section 4 of a UK Act), as for the
/// articles (`cut_back_matter`). An entry in a table of contents has no sentence under it
/// and ends nothing.
fn body_end(lines: &[Line], heads: &[bool], width: usize) -> usize {
    let (mut headed, mut text) = (false, false);
    for (j, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        if heads[j] {
            headed = true;
            continue;
        }
        let styled = matches!(line.style, Style::Heading(_));
        let plain = unemphasised(&line.text);
        if !text {
            text = headed && ends_sentence(&plain);
            continue;
        }
        let annex = headings::is_annex(&plain) || (styled && headings::is_annex_styled(&plain));
        if annex && (styled || boundary_before(lines, j, width)) {
            return j;
        }
    }
    lines.len()
}

/// The candidates of each form with indentations one column apart joined, at the smaller:
/// a section typed with a stray space (` 4) Exclusions …` among `3)` and `5)`) is still
/// one of them, while nested items sit several columns deeper.
fn one_column_apart(
    groups: HashMap<(Form, usize), Vec<Candidate>>,
) -> HashMap<(Form, usize), Vec<Candidate>> {
    let mut keys: Vec<(Form, usize)> = groups.keys().copied().collect();
    keys.sort_unstable_by_key(|&(form, indent)| (form as u8, indent));
    let mut level: HashMap<(Form, usize), usize> = HashMap::new();
    for (k, &(form, indent)) in keys.iter().enumerate() {
        let joined = k
            .checked_sub(1)
            .map(|p| keys[p])
            .filter(|&(f, i)| f == form && indent - i <= 1)
            .map(|prev| level[&prev]);
        level.insert((form, indent), joined.unwrap_or(indent));
    }
    let mut out: HashMap<(Form, usize), Vec<Candidate>> = HashMap::new();
    for (key, candidates) in groups {
        out.entry((key.0, level[&key]))
            .or_default()
            .extend(candidates);
    }
    for candidates in out.values_mut() {
        candidates.sort_unstable_by_key(|c| c.line);
    }
    out
}

/// Each group that counts from 2 without a 1 of its own borrows the last `1` of its form
/// written before its first `2` at another indentation: an editor often indents the first
/// section alone (`   1. Definitions` above `2. Fair Dealing …` at the margin), and
/// without its 1 the run of sections could not start.
fn with_borrowed_starts(
    mut groups: HashMap<(Form, usize), Vec<Candidate>>,
) -> HashMap<(Form, usize), Vec<Candidate>> {
    let starts = |c: &Candidate| c.suffix.is_empty() && c.value <= 1;
    let mut borrowed: Vec<((Form, usize), Candidate)> = Vec::new();
    for (&(form, indent), candidates) in &groups {
        if candidates.iter().any(starts) {
            continue;
        }
        let Some(two) = candidates
            .iter()
            .find(|c| c.suffix.is_empty() && c.value == 2)
        else {
            continue;
        };
        let one = groups
            .iter()
            .filter(|(&(f, i), _)| f == form && i != indent)
            .flat_map(|(_, cs)| cs)
            .filter(|c| c.suffix.is_empty() && c.value == 1 && c.line < two.line)
            .max_by_key(|c| c.line);
        if let Some(one) = one {
            borrowed.push(((form, indent), one.clone()));
        }
    }
    for (key, one) in borrowed {
        let candidates = groups.entry(key).or_default();
        candidates.push(one);
        candidates.sort_unstable_by_key(|c| c.line);
    }
    groups
}

/// The longest chain of candidates (indices, in document order) whose numbers count up by
/// one from 0 or 1; `2A` may follow `2` (a section inserted later).
///
/// Numbered paragraphs inside the sections (`1.`, `2.` at the sections' own indentation)
/// make chains as long as the sections' own. Of equally long chains the one with more
/// titled (then capitalised) entries wins (sections have titles or start sentences,
/// paragraphs are sentences or run on in lower case), then the one
/// whose entries are spread more evenly over the text (the sum of the logarithms of the
/// gaps, which a run of sections scores higher than a run that dips into one section's
/// paragraphs).
fn longest_run(candidates: &[Candidate]) -> Vec<usize> {
    /// The best chain ending at a candidate: its length, titled entries, spread, and the
    /// candidate before it.
    #[derive(Clone, Copy)]
    struct Link {
        len: usize,
        titled: usize,
        spread: f64,
        prev: Option<usize>,
    }
    let better = |a: &Link, b: &Link| {
        (a.len, a.titled)
            .cmp(&(b.len, b.titled))
            .then(a.spread.total_cmp(&b.spread))
            .is_gt()
    };
    // A title counts two, a capital one: list items run on in lower case (`3. in the
    // case of …`), sections start a sentence or carry a title.
    let titled = |c: &Candidate| {
        if !split_title(&c.rest).0.is_empty() {
            2
        } else {
            usize::from(!c.rest.starts_with(char::is_lowercase))
        }
    };
    let mut best: Vec<Option<Link>> = Vec::with_capacity(candidates.len());
    // For each number and suffix, the chain ends a later candidate may follow. Only those
    // with the best (length, titled) can win, and of those only the most spread out are
    // kept: a text of ten thousand lists numbered `1.`, `2.` … stays linear.
    let mut frontiers: HashMap<u32, HashMap<&str, Vec<usize>>> = HashMap::new();
    for (k, c) in candidates.iter().enumerate() {
        let t = titled(c);
        let mut entry: Option<Link> = (c.suffix.is_empty() && c.value <= 1).then_some(Link {
            len: 1,
            titled: t,
            spread: 0.0,
            prev: None,
        });
        let key = if c.suffix.is_empty() {
            c.value.checked_sub(1)
        } else {
            Some(c.value)
        };
        let preds = key.and_then(|v| frontiers.get(&v)).into_iter().flatten();
        for (&suffix, ends) in preds {
            if !(c.suffix.is_empty() || suffix < c.suffix.as_str()) {
                continue;
            }
            for &p in ends {
                let Some(link) = best[p] else { continue };
                let gap = (c.line - candidates[p].line) as f64;
                let candidate = Link {
                    len: link.len + 1,
                    titled: link.titled + t,
                    spread: link.spread + gap.ln(),
                    prev: Some(p),
                };
                if entry.is_none_or(|e| better(&candidate, &e)) {
                    entry = Some(candidate);
                }
            }
        }
        best.push(entry);
        let Some(link) = entry else { continue };
        let ends = frontiers
            .entry(c.value)
            .or_default()
            .entry(c.suffix.as_str())
            .or_default();
        let rank = |l: &Link| (l.len, l.titled);
        match ends
            .first()
            .and_then(|&e| best[e])
            .map(|e| rank(&e).cmp(&rank(&link)))
        {
            Some(std::cmp::Ordering::Greater) => continue,
            Some(std::cmp::Ordering::Less) => ends.clear(),
            _ => {}
        }
        ends.push(k);
        if ends.len() > FRONTIER {
            let worst = (0..ends.len())
                .min_by(|&x, &y| {
                    let (a, b) = (best[ends[x]], best[ends[y]]);
                    let spread = |l: Option<Link>| l.map_or(0.0, |l| l.spread);
                    spread(a).total_cmp(&spread(b)).then(y.cmp(&x))
                })
                .expect("the frontier is not empty");
            ends.remove(worst);
        }
    }
    let mut end: Option<usize> = None;
    for k in 0..best.len() {
        if let Some(l) = best[k] {
            if end.is_none_or(|e| better(&l, &best[e].expect("an end has a chain"))) {
                end = Some(k);
            }
        }
    }
    let mut run = Vec::new();
    let mut at = end;
    while let Some(k) = at {
        run.push(k);
        at = best[k].and_then(|l| l.prev);
    }
    run.reverse();
    run
}

/// Splits the rest of a numbered heading line into its title and the start of its text:
/// `Definitions.` is a title; `Grant of Copyright License. Subject to …` is a title and
/// text; `Redistributions of source code must retain …` is text.
pub(in crate::load::document) fn split_title(rest: &str) -> (String, Option<String>) {
    let rest = rest.trim();
    if rest.is_empty() {
        return (String::new(), None);
    }
    // `Short title, extent and commencement.—(1) This Act may be called …`: Indian and
    // other Commonwealth statutes set the section's marginal title before a full stop and
    // a dash, in sentence case; the text runs on after the dash.
    if let Some((at, len)) = marginal_dash(rest) {
        let (head, tail) = (rest[..at].trim(), rest[at + 1 + len..].trim());
        if head.starts_with(char::is_uppercase)
            && head.split_whitespace().count() <= ARTICLE_TITLE_WORDS
            && full_stop(head).is_none()
        {
            return (head.to_owned(), (!tail.is_empty()).then(|| tail.to_owned()));
        }
    }
    let bare = rest.trim_end_matches(['.', ':']);
    if title_case(bare) && full_stop(bare).is_none() && bare.split_whitespace().count() <= 12 {
        return (bare.to_owned(), None);
    }
    if let Some(stop) = full_stop(rest).or_else(|| rest.find(": ")) {
        let (head, tail) = (&rest[..stop], rest[stop + 2..].trim());
        if head.split_whitespace().count() <= LEADING_TITLE_WORDS
            && title_case(head)
            && tail.starts_with(|c: char| !c.is_lowercase())
        {
            return (head.to_owned(), Some(tail.to_owned()));
        }
    }
    (String::new(), Some(rest.to_owned()))
}

/// Where `.—` (or `.–`) stands in `rest`, and the dash's length.
fn marginal_dash(rest: &str) -> Option<(usize, usize)> {
    ['—', '–']
        .iter()
        .find_map(|d| rest.find(&format!(".{d}")).map(|at| (at, d.len_utf8())))
}

/// The first `. ` that ends a sentence, not an abbreviation (`U.S. GOVERNMENT`, `e.g. `):
/// the word before the full stop has no full stop of its own and more than one letter.
fn full_stop(s: &str) -> Option<usize> {
    s.match_indices(". ").map(|(at, _)| at).find(|&at| {
        let word = s[..at].rsplit(char::is_whitespace).next().unwrap_or("");
        word.chars().count() > 1 && !word.contains('.')
    })
}

/// Short words a title leaves in lower case (`Application of this License`).
const TITLE_LOWER: &[&str] = &[
    "this", "that", "with", "from", "into", "upon", "under", "over", "than", "such", "their",
];

/// Words of four letters or more capitalised (`Grant of Copyright License`), or the whole
/// in capitals (`DISCLAIMER OF WARRANTY`): how titles, not sentences, are written.
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    first.starts_with(|c: char| c.is_uppercase() || c == '"')
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().count() < 4
                || w.starts_with(|c: char| !c.is_lowercase())
                || TITLE_LOWER.contains(&w)
        })
}

static ROMAN_DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>[IVXLC]{1,7})(?:\.|\s*[-–—:]|\s)?\s*(?P<title>.*)$")
        .expect("the Roman division pattern is a valid regex")
});

/// `I. General principles` over sections `1.`, `2.`, then `II. Visitors` over `3.`: in a
/// document numbered without keywords, lines numbered I, II, III … in order, each standing
/// apart with a title at most and each followed by at least one of the `sections` before
/// the next, divide the sections into chapters. Read as text, the first became the last
/// line of the section above, or a section's title.
pub(super) fn roman_divisions(
    lines: &[Line],
    sections: &HashMap<usize, Heading>,
) -> HashMap<usize, Heading> {
    let apart = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_none_or(Line::is_blank);
    let mut taken: Vec<(usize, Heading)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || sections.contains_key(&i) {
            continue;
        }
        let text = unemphasised(&line.text);
        let Some(c) = ROMAN_DIVISION.captures(text.trim()) else {
            continue;
        };
        let title = c["title"].trim().trim_end_matches('.');
        let value = crate::roman::value(&c["n"]);
        let shaped = title.is_empty() || headings::title_like(title, ARTICLE_TITLE_WORDS);
        let next = taken.len() + 1;
        if shaped && value == Some(next as u32) && apart(i.checked_sub(1)) && apart(Some(i + 1)) {
            let number = c["n"].to_owned();
            taken.push((
                i,
                Heading::bare(Keyword::Chapter, number, title.to_owned(), None),
            ));
        }
    }
    let bounds: Vec<usize> = taken
        .iter()
        .map(|(i, _)| *i)
        .chain(std::iter::once(lines.len()))
        .collect();
    let each_holds_a_section = bounds
        .windows(2)
        .all(|w| sections.keys().any(|&k| w[0] < k && k < w[1]));
    if taken.len() < 2 || !each_holds_a_section {
        return HashMap::new();
    }
    taken.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_admits_every_numbered_line() {
        headings::assert_admits_every_match(
            &NUMBERED,
            |l| headings::DIGITS.admits(l) || l.starts_with('('),
            &[
                "1. Definitions",
                "(2) Text",
                "12A. Title",
                "3 – Scope",
                "4) Item",
                "5.0 Intro",
            ],
        );
    }

    fn doc(text: &str) -> Vec<Line> {
        crate::load::document::test_lines(text, true)
    }

    fn numbers(text: &str) -> Vec<(String, String, Option<String>)> {
        let lines = doc(text);
        let found = sections(&lines, 80, &[]);
        let mut keys: Vec<usize> = found.keys().copied().collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|k| {
                let h = &found[&k];
                (h.number.clone(), h.title.clone(), h.text.clone())
            })
            .collect()
    }

    /// The chapter lines `roman_divisions` takes: (number, title).
    fn divisions(text: &str) -> Vec<(String, String)> {
        let lines = doc(text);
        let found = roman_divisions(&lines, &sections(&lines, 80, &[]));
        let mut keys: Vec<usize> = found.keys().copied().collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|k| (found[&k].number.clone(), found[&k].title.clone()))
            .collect()
    }

    #[test]
    fn roman_lines_over_numbered_sections_are_chapters() {
        let got = divisions(
            "Principles\n\nI. General principles\n\n1. Everyone may leave.\n\n2. States \
             cooperate.\n\nII – Visitors\n\n3. Visitors may stay.\n\nIII\n\n4. All apply.\n",
        );
        let want = [("I", "General principles"), ("II", "Visitors"), ("III", "")];
        assert_eq!(got, want.map(|(n, t)| (n.to_owned(), t.to_owned())));
    }

    #[test]
    fn roman_items_inside_a_section_or_a_lettered_list_are_text() {
        // Two parts of one section: no section between them.
        let inside = "1. Scope.\n\nI. For visitors\n\nII. For students\n\n2. Entry.\n\n3. Exit.\n";
        assert_eq!(divisions(inside), []);
        // A lettered list reaching `I.`: one line numbered I is no run.
        let letters = "1. Terms.\n\nH. Harbour\n\nI. Island\n\n2. Ferries.\n\nJ. Jetty\n";
        assert_eq!(divisions(letters), []);
        // A wrapped sentence that opens a line with a Roman numeral does not stand apart.
        let wrapped = "1. Terms are set out in Annex\nI. They apply.\n\n2. Ferries run in Annex\nII. Daily.\n\n3. End.\n";
        assert_eq!(divisions(wrapped), []);
    }

    #[test]
    fn indented_sections_without_titles_from_zero() {
        let got = numbers(
            "Preamble text.\n\n  0. This License applies to any program.\n\n  1. You may copy it.\n\n    1. a nested item\n\n  2. You may modify it.\n",
        );
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["0", "1", "2"]);
        assert_eq!(got[0].1, "");
        assert_eq!(
            got[0].2.as_deref(),
            Some("This License applies to any program.")
        );
    }

    #[test]
    fn a_first_section_indented_alone_still_starts_the_run() {
        let got = numbers(
            "Licence\n\n   1. Definitions\n\n      a. \"Work\" means the work.\n\n2. Fair Dealing Rights. Nothing here limits them.\n\n3. Licence Grant. You may copy the Work.\n",
        );
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(got[0].1, "Definitions");
    }

    #[test]
    fn bare_numbers_with_titles_closed_by_a_full_stop() {
        let got = numbers(
            "Preamble.\n\n1  DEFINITIONS.\n\nText.\n\n2  SOURCE CODE LICENSE.\n\nText.\n\n3  U.S. GOVERNMENT END USERS.\n\nText.\n\n4 Years later the Parties met at Geneva in 1990.\n",
        );
        assert_eq!(
            got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(),
            [
                "DEFINITIONS",
                "SOURCE CODE LICENSE",
                "U.S. GOVERNMENT END USERS"
            ]
        );
    }

    #[test]
    fn titles_on_the_heading_line_are_split_from_the_text() {
        let got = numbers(
            "1. Definitions.\n\nText.\n\n2. Grant of Copyright License. Subject to the terms, You may.\n\n3) not this form\n\n3. DISCLAIMER OF WARRANTY.\n",
        );
        assert_eq!(
            got,
            [
                ("1".into(), "Definitions".into(), None),
                (
                    "2".into(),
                    "Grant of Copyright License".into(),
                    Some("Subject to the terms, You may.".into())
                ),
                ("3".into(), "DISCLAIMER OF WARRANTY".into(), None),
            ]
        );
    }

    #[test]
    fn a_line_breaking_the_sequence_is_text() {
        // `7.` inside section 2 and the restarted list are not sections.
        let got = numbers(
            "(1) You may use it.\n\n(2) You may share it:\n\n(1) in print;\n\n(7) This requirement modifies the above.\n\n(3) Disclaimer of Warranty:\n",
        );
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(got[2].1, "Disclaimer of Warranty");
    }

    #[test]
    fn united_kingdom_style_bare_numbers_need_titles() {
        let got = numbers("1 Short title\n\nThis Act is the Lake Act.\n\n2 Interpretation\n\nIn this Act.\n\n2A Fees\n\nText.\n\n3 in a sentence\n");
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["1", "2", "2A"]);
    }

    /// Canada's Acts run the text on after the number (`1 This Act may be cited as …`);
    /// a short sentence is also a title's shape, and the run decides which form it is.
    #[test]
    fn canadian_style_numbers_run_on_into_the_text_when_nothing_else_counts() {
        let got = numbers("Short title\n\n1 This Act may be cited as the Lake Act.\n\nDefinitions\n\n2 (1) The following definitions apply.\n\nObjectives\n\n3 Lakes are kept.\n\n4 The Minister may make regulations for the lakes.\n");
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3", "4"]);
        assert!(got.iter().all(|g| g.1.is_empty()), "{got:?}");
        assert_eq!(got[2].2.as_deref(), Some("Lakes are kept."));
        // A list numbered `1.`, `2.` inside a section is no run of sections beside them.
        let got = numbers("1 This Act may be cited as the Lake Act.\n\n2 The Minister shall:\n\n1. keep lakes;\n\n2. count fish.\n\n3 Lakes are kept.\n\n4 Fees are paid.\n\n5 The Act binds the Crown.\n");
        assert_eq!(got.len(), 5, "{got:?}");
        // Titles that count up themselves keep their form.
        let got = numbers("1 Short title\n\nThis Act is the Lake Act.\n\n2 Lakes are kept.\n\n3 Interpretation\n\nIn this Act.\n\n4 Fees\n\nText.\n");
        assert_eq!(got[1].1, "Lakes are kept");
        assert_eq!(got[2].1, "Interpretation");
    }

    #[test]
    fn a_wrapped_first_line_in_capitals_is_text_not_a_title() {
        let got = numbers(
            "  0. This License applies to any program or other work which contains a notice.\n\n  1. BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY\nFOR THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW.\n\n  2. Definitions\n",
        );
        assert_eq!(got[1].1, "");
        assert!(got[1].2.as_deref().unwrap().starts_with("BECAUSE"));
        assert_eq!(got[2].1, "Definitions");
    }

    #[test]
    fn numbered_paragraphs_at_the_sections_indentation_are_not_sections() {
        let got = numbers(
            "1. Definitions.\n\n1. A term means a word.\n\n2. A word means a term.\n\n2. Grant. You may.\n\n1. In print and on paper.\n\n2. Online or by other means.\n\n3. Anywhere in the world.\n\n3. Termination.\n\n4. Warranty.\n",
        );
        let titles: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(titles, ["Definitions", "Grant", "Termination", "Warranty"]);
    }

    #[test]
    fn without_titles_the_evenly_spread_run_is_the_sections() {
        let section = |n: u32| {
            format!("{n}. You may do the thing numbered {n} under these terms,\nprovided that you keep every notice in place.\n\n")
        };
        let para = |n: u32| format!("{n}. in the case of a copy, the notice is kept.\n\n");
        let text = [
            section(1),
            para(1),
            para(2),
            section(2),
            para(1),
            para(2),
            para(3),
            section(3),
            section(4),
        ]
        .concat();
        let lines = doc(&text);
        let found = sections(&lines, 80, &[]);
        let mut at: Vec<usize> = found.keys().map(|&k| lines[k].at).collect();
        at.sort_unstable();
        assert_eq!(at, [1, 8, 17, 20]);
    }

    #[test]
    fn thousands_of_restarting_lists_give_one_run() {
        // Any of the lists 1.–4. could be the sections: a guess either way, but one run of
        // four from the first `1.`, found in linear time (the frontier), not quadratic.
        let text: String = (0..3000)
            .flat_map(|g| {
                (1..=4).map(move |k| format!("{k}. The party shall do thing {k} of group {g}.\n\n"))
            })
            .collect();
        let lines = doc(&text);
        let found = sections(&lines, 80, &[]);
        let mut at: Vec<usize> = found.keys().map(|&k| lines[k].at).collect();
        at.sort_unstable();
        assert_eq!((at.len(), at[0]), (4, 1));
        assert!(at.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn decimals_and_lone_numbers_are_not_sections() {
        assert!(numbers("1.1 The Grant.\n\n1.2 More.\n").is_empty());
        assert!(numbers("1. Only one.\n").is_empty());
    }

    #[test]
    fn title_or_text() {
        assert_eq!(split_title("Definitions."), ("Definitions".into(), None));
        assert_eq!(
            split_title("Redistributions of source code must retain the notice."),
            (
                String::new(),
                Some("Redistributions of source code must retain the notice.".into())
            )
        );
        assert_eq!(
            split_title("Trademarks. This License does not grant"),
            (
                "Trademarks".into(),
                Some("This License does not grant".into())
            )
        );
    }

    #[test]
    fn abbreviations_and_short_lower_case_words_stay_in_the_title() {
        assert_eq!(
            split_title("U.S. GOVERNMENT END USERS."),
            ("U.S. GOVERNMENT END USERS".into(), None)
        );
        assert_eq!(
            split_title("Application of this License."),
            ("Application of this License".into(), None)
        );
        assert_eq!(
            split_title("Scope. The U.S. office applies this."),
            ("Scope".into(), Some("The U.S. office applies this.".into()))
        );
        assert_eq!(
            split_title("This License applies to the work."),
            (
                String::new(),
                Some("This License applies to the work.".into())
            )
        );
        // Commonwealth statutes: a sentence-case marginal title, a full stop and a dash.
        assert_eq!(
            split_title("Short title and commencement.—(1) This Act may be called the Lakes Act."),
            (
                "Short title and commencement".into(),
                Some("(1) This Act may be called the Lakes Act.".into())
            )
        );
        assert_eq!(
            split_title("Definitions.–In this Act, unless the context otherwise requires,—"),
            (
                "Definitions".into(),
                Some("In this Act, unless the context otherwise requires,—".into())
            )
        );
        assert_eq!(
            split_title("Whoever contravenes this Act. He is liable.—And so on."),
            (
                String::new(),
                Some("Whoever contravenes this Act. He is liable.—And so on.".into())
            )
        );
    }

    #[test]
    fn point_zero_dashes_and_stray_spaces_number_sections_too() {
        let ids = |text: &str| -> Vec<String> { numbers(text).into_iter().map(|g| g.0).collect() };
        assert_eq!(
            ids("1.0 General. This licence applies.\n\n   1.1 A term.\n\n2.0 Grant. You may copy.\n\n3.0 Warranty. None.\n"),
            ["1", "2", "3"]
        );
        assert_eq!(
            ids("1- OBJET.\nText.\n\n2. ÉTENDUE.\nText.\n\n3 – DURÉE\nText.\n"),
            ["1", "2", "3"]
        );
        assert_eq!(
            ids("1) Grant. You may.\n\n 2) Patents. You may.\n\n3) Notices. Keep them.\n\n      1) a nested item\n"),
            ["1", "2", "3"]
        );
        // `1.0.1.` is a sub-item, not section 1.
        assert_eq!(
            ids("1.0.1. \"Use\" means use.\n\n1.1. \"Code\" means code.\n"),
            Vec::<String>::new()
        );
    }
}
