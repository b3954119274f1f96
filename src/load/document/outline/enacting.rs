//! A decree followed by the text it enacts: a Spanish *texto refundido* or code opens with
//! the royal decree that approves it (`Artículo único`, or `Artículo 1º` to `4º`), its
//! repeal provision and signature, then `TEXTO REFUNDIDO DE LA LEY …`, `TÍTULO I`,
//! `Artículo 1.` again. The articles compared are the enacted text's; the decree is the
//! preamble. Without this, the decree's repeal provision would run on to the end of the
//! document, or the decree's articles would take the numbers 1 to 4 and the text's own
//! articles 1 to 4 would be refused as duplicates.

use super::{article_events, Context, Event, Kind};
use crate::load::document::headings::Keyword;
use crate::load::document::Line;
use crate::model::number_key;

/// Most articles an enacting decree has; more is a law of its own.
const DECREE_ARTICLES: usize = 10;

/// Whether an annex that starts inside event `k` holds the text a decree enacts (`Se
/// aprueba el texto refundido … que se inserta a continuación` / `ANEXO` / `TÍTULO I` /
/// `Artículo 1.`): after it the articles number from 1 again, and they outnumber the
/// decree's, which are few. Such an annex is the document's body, not its back matter.
pub(super) fn annex_enacts(events: &[Event], k: usize) -> bool {
    let is_article = |e: &&Event| e.kind == Kind::Article;
    let decree = events[..=k].iter().filter(is_article).count();
    let enacted: Vec<&Event> = events[k + 1..].iter().filter(is_article).collect();
    decree <= DECREE_ARTICLES
        && enacted.len() > decree
        && enacted
            .first()
            .is_some_and(|e| number_key(&e.number) == "1")
}

/// Moves the enacting decree, when there is one, from `events` to the lines before the
/// first article (`pre`), and says so. The enacted text starts at the first article that
/// numbers from 1 again, or at the chapters, titles or books right above it. It must have
/// more articles than the decree, every article of the decree has text (a table of
/// contents has none), the decree holds no chapters or titles, and the numbering starts
/// again only once (chapters that each number from 1 are another form).
pub(super) fn skip_decree(
    lines: &[Line],
    pre: &mut Vec<usize>,
    events: &mut Vec<Event>,
    cx: &Context,
    warnings: &mut Vec<String>,
) {
    let articles = article_events(events);
    let restarts: Vec<usize> = articles
        .iter()
        .skip(1)
        .copied()
        .filter(|&k| number_key(&events[k].number) == "1")
        .collect();
    // `0. Definitions` then `1.`: counting on from 0 is no restart.
    let counts_on = |k: usize| {
        articles
            .iter()
            .rev()
            .find(|&&a| a < k)
            .is_some_and(|&a| number_key(&events[a].number) == "0")
    };
    let [restart] = restarts[..] else {
        return;
    };
    if counts_on(restart) {
        return;
    }
    let decree = articles.iter().take_while(|&&k| k < restart).count();
    let structural = |e: &Event| matches!(e.kind, Kind::Container(k) if k != Keyword::Provision);
    let mut start = restart;
    while start > 0 && structural(&events[start - 1]) {
        start -= 1;
    }
    let plain_decree = events[..start]
        .iter()
        .all(|e| !structural(e) && (e.kind != Kind::Article || e.has_text(lines)));
    if decree > DECREE_ARTICLES || articles.len() - decree <= decree || !plain_decree {
        return;
    }
    let from = events[start].line;
    pre.clear();
    pre.extend(0..from);
    events.drain(..start);
    warnings.push(format!(
        "the {decree} article(s) before {} {} belong to a decree that enacts the text after them, whose articles number from 1 again: the decree was read as the preamble",
        cx.unit.name(),
        lines[from].at
    ));
}
