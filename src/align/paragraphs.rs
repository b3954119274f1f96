//! Paragraph evidence: where each paragraph of an article went.
//!
//! A recast distributes one article's paragraphs over several new articles, each of which
//! also gains much new text; at article level such a part is neither similar to nor
//! contained in its source. At paragraph level the moved paragraph is still itself. So the
//! articles the earlier stages left uncertain are cut into paragraphs ([`split`]), the
//! paragraphs are matched through the same kind of index as articles, and an article
//! *edge* is the weight of the paragraphs that went from one article to another
//! ([`Evidence::edges`]). The truth tables of published recasts say the same: "the
//! content of the old article, or a whole paragraph of it, continues in the new one".

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::identical::Canon;
use super::index::{candidate_keys, dice, Features, Tokenised};
use super::links::Linker;
use super::similarity::Model;
use super::{norm, Method, ParagraphLink, Side};

/// Two paragraphs are the same paragraph when their weighted Dice reaches this. Lower
/// than for articles: a reform rewrites a paragraph it moves (a third of its weighted
/// words and bigrams survive), and [`best_only`] keeps chance matches out.
pub(crate) const PARA_SIM: f64 = 0.35;

/// ... or when this share of the smaller one lies inside the larger (a paragraph that
/// absorbed another, or was cut in two).
pub(crate) const PARA_PART: f64 = 0.75;

/// A paragraph lighter than this (in IDF-weighted features; a short sentence of common
/// words) is too little to carry an article link: "This Regulation shall apply" is in
/// many articles.
pub(crate) const MIN_WEIGHT: f64 = 40.0;

/// An article edge needs paragraphs carrying at least this share of one of its two
/// articles: a whole paragraph of a short article, or one of a long article's several.
pub(crate) const EDGE_SHARE: f64 = 0.15;

/// ... or, to add a part to a link already made, this share, when one of its paragraphs
/// is plainly the same paragraph ([`PART_DICE`]): a long article whose first paragraph
/// alone became a new article (the duty to notify the Commission, moved out of a long
/// article on reports) hands over a twentieth of its words, but that paragraph reads
/// the same. Too little to pair two free articles on (a shared standard paragraph
/// would), enough to say where a part of a linked one went.
pub(crate) const PART_SHARE: f64 = 0.05;
/// ... the Dice that makes a paragraph plainly the same: above [`PARA_SIM`], where
/// rewritten paragraphs still meet.
pub(crate) const PART_DICE: f64 = 0.45;
/// A paragraph stayed in its source's successor, as well as going elsewhere, when it
/// shares there this much of what it shares with the other place: the same ground of
/// refusal in both, not a formula that every article of a part repeats.
pub(crate) const STAYED: f64 = 0.8;

/// A paragraph looks up this many of its rarest features (an article 48): a paragraph
/// has fewer words, and its rarest ones find it.
pub(crate) const PARA_QUERY: usize = 20;
/// ... and keeps this many candidates: [`best_only`] keeps one of them anyway.
pub(crate) const PARA_CANDIDATES: usize = 4;

/// An article at least this similar to its partner kept its paragraphs: a split or merge
/// moves at least a paragraph's worth of text, so such pairs are not searched (which also
/// spares the cost of cutting every slightly edited article into paragraphs).
pub(crate) const SETTLED: f64 = 0.90;

/// One paragraph: the article it belongs to, its place there (from 0) and its words.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub(crate) article: usize,
    pub(crate) index: usize,
    pub(crate) features: Features,
}

/// A matched pair of paragraphs (indices into [`Evidence`]'s lists).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ParaLink {
    pub(crate) b: usize,
    pub(crate) h: usize,
    pub(crate) dice: f64,
    pub(crate) shared: f64,
}

/// The weight of paragraphs that went from base article `b` to head article `h`, as a
/// share of each article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub(crate) b: usize,
    pub(crate) h: usize,
    pub(crate) of_base: f64,
    pub(crate) of_head: f64,
    /// Under [`EDGE_SHARE`], kept for its plainly equal paragraph ([`PART_SHARE`]): it
    /// may add a part to a link, never make one.
    pub(crate) part_only: bool,
}

impl Edge {
    pub(crate) fn strength(&self) -> f64 {
        self.of_base.max(self.of_head)
    }
}

/// One article to cut into paragraphs: its side (base or head), index and, from the word
/// model, its words.
type Job = (bool, usize, Option<Tokenised>);

/// The paragraphs of the articles in play on both sides, and their matches.
pub(crate) struct Evidence {
    pub(crate) base: Vec<Paragraph>,
    pub(crate) head: Vec<Paragraph>,
    pub(crate) links: Vec<ParaLink>,
    base_total: FxHashMap<usize, f64>,
    head_total: FxHashMap<usize, f64>,
    /// Article → the range of its paragraphs in `base` / `head`.
    base_paras: FxHashMap<usize, Range<usize>>,
    head_paras: FxHashMap<usize, Range<usize>>,
    /// Paragraph → the links that hold it.
    by_base: Vec<Vec<usize>>,
    by_head: Vec<Vec<usize>>,
    /// Every match found before each paragraph kept its best, as (base paragraph, head
    /// paragraph): whether a paragraph stayed in its source's successor does not depend
    /// on the successor being its best match (the same ground of refusal, word for word,
    /// in the old article's successor and in a new article beside it).
    found: FxHashMap<(usize, usize), f64>,
}

/// `- (a) …` → `(a) …`: a Markdown list item (EUR-Lex in Markdown) is marked by what
/// follows its bullet.
pub(crate) fn unbulleted(line: &str) -> &str {
    let line = line.trim_start();
    ["- ", "* ", "+ ", "• "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .unwrap_or(line)
}

/// Where a paragraph marker opens a line: `1.`, `(1)`, `(1a)`, `(a)`, `a)`, and the
/// paragraphs of Portuguese (`1 - `), Korean (`①`), Japanese (`２　`) and Brazilian
/// (`§ 1º`) statutes. Returns
/// the marker's kind: 0 for `(1)`, 1 for `1.`, 2 for letters.
fn marker(line: &str) -> Option<u8> {
    let line = unbulleted(line);
    let mut chars = line.chars();
    match (chars.next(), chars.next()) {
        (Some('①'..='⑳'), _) => return Some(0),
        (Some('０'..='９'), Some('　')) => return Some(1),
        // Only with the ordinal sign: German text cites `§ 5 des Gesetzes` at a line's start.
        (Some('§'), Some(' ')) => {
            let digits = chars.clone().take_while(char::is_ascii_digit).count();
            if digits > 0 && matches!(chars.nth(digits), Some('º' | '°')) {
                return Some(0);
            }
        }
        _ => {}
    }
    let t = line.as_bytes();
    let open = t.first() == Some(&b'(');
    let s = &t[usize::from(open)..];
    let digits = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 3 {
        let rest = &s[digits..];
        let rest = match rest.first() {
            Some(c) if c.is_ascii_lowercase() && open => &rest[1..],
            _ => rest,
        };
        return match (open, rest.first(), rest.get(1)) {
            (true, Some(b')'), _) => Some(0),
            (false, Some(b'.'), _) if text_follows_stop(&line[line.len() - rest.len() + 1..]) => {
                Some(1)
            }
            // `1 - A presente lei …`: Portuguese statutes number paragraphs with a dash.
            (false, Some(b' '), Some(b'-')) if rest.get(2) == Some(&b' ') => Some(1),
            _ => None,
        };
    }
    let letters = s.iter().take_while(|c| c.is_ascii_lowercase()).count();
    (letters == 1 && s.get(1) == Some(&b')')).then_some(2)
}

/// The letter of a lettered marker (`(b)`, `b)`): [`marker`] said it is one.
fn letter_of(line: &str) -> u8 {
    let t = unbulleted(line).as_bytes();
    t[usize::from(t.first() == Some(&b'('))]
}

/// Whether what follows the stop of `1.` opens a paragraph's text: a space, or, run on
/// without one as EUR-Lex's two-column layout comes out in plain text (`1.‘Protocol’
/// means …`, `2.The Commission …`), a quotation mark or a capital letter. A digit or a
/// lower-case letter is a number running on (`1.5 million`, `3.b`).
pub(crate) fn text_follows_stop(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_whitespace() || c.is_uppercase() || matches!(c, '‘' | '“' | '"' | '\'' | '«' | '„')
    })
}

/// The byte ranges of an article's paragraphs. The top level is the highest kind of
/// marker the article uses (`(1)` over `1.` over `(a)`), so a paragraph keeps its own
/// sub-items; an article without markers is cut at blank lines. Trailing lines without a
/// marker belong to the paragraph above them.
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    cut(text).into_iter().map(|(bytes, _)| bytes).collect()
}

/// [`split`], with each paragraph's lines as well as its bytes: its lines by index, as
/// [`str::lines`] counts them, to take its words from the article's
/// ([`super::index::Tokenised::of_lines`]).
fn cut(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let top = lines.iter().filter_map(|(_, l)| marker(l)).min();
    let mut starts: Vec<(usize, usize)> = vec![(0, 0)];
    let mut blank = false;
    let mut last_letter: Option<u8> = None;
    for (k, &(at, line)) in lines.iter().enumerate() {
        let empty = line.trim().is_empty();
        let opens = match (top, top.and_then(|_| marker(line))) {
            (Some(2), Some(2)) => {
                let letter = letter_of(line);
                let roman_inside = matches!(letter, b'i' | b'v' | b'x')
                    && last_letter.is_some_and(|p| p + 1 != letter);
                if !roman_inside {
                    last_letter = Some(letter);
                }
                !roman_inside
            }
            (Some(kind), m) => m == Some(kind),
            (None, _) => blank && !empty,
        };
        if opens && at > 0 {
            starts.push((at, k));
        }
        blank = empty;
    }
    starts.push((text.len(), lines.len()));
    starts
        .windows(2)
        .map(|w| (w[0].0..w[1].0, w[0].1..w[1].1))
        .filter(|(r, _)| !text[r.clone()].trim().is_empty())
        .collect()
}

impl Evidence {
    /// Cuts the articles `bases` and `heads` into paragraphs and matches them. An article
    /// is tokenised once, by the word model (else from its canonical text in `canon` when
    /// stage 3 made one), and each paragraph takes its run of lines' words: normalising
    /// each paragraph again cost as much as the article.
    pub(crate) fn build(
        b: &Side,
        h: &Side,
        bases: &[usize],
        heads: &[usize],
        model: &Model,
        canon: &Canon,
    ) -> Evidence {
        // One job an article, both sides in one list: the sides' shares differ (most
        // articles in play may be new ones), and two jobs a side left one core waiting.
        let paragraphs = |(buf, marks): &mut (Vec<u8>, Vec<u32>), (is_base, a, words): Job| {
            let (side, canon) = if is_base {
                (b, &canon.base)
            } else {
                (h, &canon.head)
            };
            let text = &side.articles[a].article.text;
            let article = match (words, canon.get(a).and_then(Option::as_ref)) {
                (Some(t), _) => t,
                (None, Some(c)) => Tokenised::new(&c.text, &c.lines),
                (None, None) => {
                    norm::normalise_lines_into(text, buf, marks);
                    Tokenised::new(buf, marks)
                }
            };
            cut(text)
                .into_iter()
                .enumerate()
                .map(|(index, (_, lines))| Paragraph {
                    article: a,
                    index,
                    features: Features::new(article.of_lines(lines), &model.weights),
                })
                .collect::<Vec<_>>()
        };
        // The articles' words go to their jobs, and are freed with them.
        let (mut base_words, mut head_words) = model.take_tokens();
        let words = |side: &mut Vec<Option<Tokenised>>, a: usize| side.get_mut(a)?.take();
        let jobs: Vec<Job> = (bases.iter().map(|&a| (true, a, words(&mut base_words, a))))
            .chain(heads.iter().map(|&a| (false, a, words(&mut head_words, a))))
            .collect();
        drop((base_words, head_words));
        let per_article: Vec<Vec<Paragraph>> = jobs
            .into_par_iter()
            .map_init(|| (Vec::new(), Vec::new()), paragraphs)
            .collect();
        let mut per_article = per_article.into_iter();
        let base: Vec<Paragraph> = per_article.by_ref().take(bases.len()).flatten().collect();
        let head: Vec<Paragraph> = per_article.flatten().collect();
        let totals = |ps: &[Paragraph]| {
            let mut t: FxHashMap<usize, f64> = FxHashMap::default();
            for p in ps {
                *t.entry(p.article).or_default() += p.features.total;
            }
            t
        };
        let ranges = |ps: &[Paragraph]| {
            let mut r: FxHashMap<usize, Range<usize>> = FxHashMap::default();
            for (k, p) in ps.iter().enumerate() {
                r.entry(p.article).or_insert(k..k).end = k + 1;
            }
            r
        };
        let (links, found) = match_paragraphs(&base, &head);
        let mut by_base = vec![Vec::new(); base.len()];
        let mut by_head = vec![Vec::new(); head.len()];
        for (k, l) in links.iter().enumerate() {
            by_base[l.b].push(k);
            by_head[l.h].push(k);
        }
        Evidence {
            base_total: totals(&base),
            head_total: totals(&head),
            base_paras: ranges(&base),
            head_paras: ranges(&head),
            by_base,
            by_head,
            found,
            base,
            head,
            links,
        }
    }

    /// Whether the paragraphs behind edge `e` moved rather than were copied: a new
    /// article that repeats a paragraph its source kept (the source's partner in link
    /// `id` has it too) is not a part of a split, and an old article whose paragraph the
    /// merged article's own source also has is not a part of a merge.
    fn moved(&self, links: &Linker, id: usize, e: &Edge, split: bool) -> bool {
        let Some(link) = links.get(id) else {
            return false;
        };
        let (Some(from), Some(to)) = (self.base_paras.get(&e.b), self.head_paras.get(&e.h)) else {
            return false;
        };
        from.clone().any(|p| {
            self.by_base[p]
                .iter()
                .filter(|&&k| to.contains(&self.links[k].h))
                .any(|&k| {
                    let went = self.links[k].shared * STAYED;
                    if split {
                        !link.head.iter().any(|&a| self.stays(p, a, true, went))
                    } else {
                        let q = self.links[k].h;
                        !link.base.iter().any(|&a| self.stays(q, a, false, went))
                    }
                })
        })
    }

    /// Whether paragraph `p` (of the base when `base`) kept a link into article `a` on the
    /// other side, or matched a paragraph of it with at least `weight` in common.
    fn stays(&self, p: usize, a: usize, base: bool, weight: f64) -> bool {
        let (kept, paras) = if base {
            let mut kept = self.by_base[p]
                .iter()
                .map(|&k| self.head[self.links[k].h].article);
            (kept.any(|x| x == a), self.head_paras.get(&a))
        } else {
            let mut kept = self.by_head[p]
                .iter()
                .map(|&k| self.base[self.links[k].b].article);
            (kept.any(|x| x == a), self.base_paras.get(&a))
        };
        kept || paras.is_some_and(|r| {
            r.clone().any(|x| {
                let pair = if base { (p, x) } else { (x, p) };
                self.found.get(&pair).is_some_and(|&w| w >= weight)
            })
        })
    }

    /// The paragraphs of base (`true`) or head article `a`, empty when it was not in play.
    pub(crate) fn of_article(&self, base: bool, a: usize) -> &[Paragraph] {
        let (paras, list) = if base {
            (&self.base_paras, &self.base)
        } else {
            (&self.head_paras, &self.head)
        };
        paras.get(&a).map_or(&[], |r| &list[r.clone()])
    }

    /// Whether some paragraph of the base articles went to one of the head articles.
    pub(crate) fn supports(&self, bases: &[usize], heads: &[usize]) -> bool {
        bases.iter().any(|b| {
            self.base_paras.get(b).is_some_and(|r| {
                r.clone().any(|p| {
                    self.by_base[p]
                        .iter()
                        .any(|&k| heads.contains(&self.head[self.links[k].h].article))
                })
            })
        })
    }

    /// The paragraph links between the articles of one link, as the JSON names them.
    pub(crate) fn paragraph_links(&self, bases: &[usize], heads: &[usize]) -> Vec<ParagraphLink> {
        let mut out: Vec<ParagraphLink> = bases
            .iter()
            .filter_map(|b| self.base_paras.get(b))
            .flat_map(|r| r.clone())
            .flat_map(|p| self.by_base[p].iter())
            .map(|&k| &self.links[k])
            .filter(|l| heads.contains(&self.head[l.h].article))
            .map(|l| ParagraphLink {
                base: (self.base[l.b].article, self.base[l.b].index),
                head: (self.head[l.h].article, self.head[l.h].index),
                similarity: (l.dice * 1000.0).round() / 1000.0,
            })
            .collect();
        out.sort_by_key(|l| (l.head, l.base));
        out
    }

    /// Article edges: the weight of the matched paragraphs between each pair of articles,
    /// kept when it reaches [`EDGE_SHARE`] of either article, or [`PART_SHARE`] with a
    /// paragraph at [`PART_DICE`] (then `part_only`). Strongest first.
    pub(crate) fn edges(&self) -> Vec<Edge> {
        // (shared weight, best paragraph Dice) of each pair of articles.
        let mut flow: FxHashMap<(usize, usize), (f64, f64)> = FxHashMap::default();
        for l in &self.links {
            let key = (self.base[l.b].article, self.head[l.h].article);
            let (weight, dice) = flow.entry(key).or_default();
            *weight += l.shared;
            *dice = dice.max(l.dice);
        }
        let mut out: Vec<Edge> = flow
            .into_iter()
            .filter_map(|((b, h), (w, dice))| {
                let mut e = Edge {
                    b,
                    h,
                    of_base: share(w, self.base_total.get(&b).copied().unwrap_or(0.0)),
                    of_head: share(w, self.head_total.get(&h).copied().unwrap_or(0.0)),
                    part_only: false,
                };
                e.part_only = e.strength() < EDGE_SHARE;
                let kept = !e.part_only || (e.strength() >= PART_SHARE && dice >= PART_DICE);
                kept.then_some(e)
            })
            .collect();
        out.sort_by(|x, y| {
            y.strength()
                .total_cmp(&x.strength())
                .then((x.b, x.h).cmp(&(y.b, y.h)))
        });
        out
    }
}

/// Whether link `id` may take one more article on the side `base`: only links found by
/// text (never a hint or identical text), and only while they stay 1:n or n:1 (a part
/// added to a merge would count as coming from every merged article).
pub(super) fn extendable(links: &Linker, id: usize, base: bool) -> bool {
    links.get(id).is_some_and(|l| {
        let by_text = !matches!(l.method, Method::Hint | Method::Identical);
        let other = if base { &l.head } else { &l.base };
        by_text && other.len() == 1
    })
}

/// Links articles by where their paragraphs went, strongest edge first: two free articles
/// make a new link (unless the edge is `part_only`); a free article joins the link of its
/// partner (a split part or a merged source found only through its paragraph); two
/// linked articles are left alone.
pub(super) fn apply(ev: &Evidence, model: &Model, links: &mut Linker) {
    for e in ev.edges() {
        match (links.of_base(e.b), links.of_head(e.h)) {
            (None, None) if !e.part_only => {
                let score = model.similarity(e.b, e.h);
                links.add(vec![e.b], vec![e.h], score, Method::Paragraphs);
            }
            (Some(id), None) if extendable(links, id, false) && ev.moved(links, id, &e, true) => {
                links.extend(id, &[], &[e.h])
            }
            (None, Some(id)) if extendable(links, id, true) && ev.moved(links, id, &e, false) => {
                links.extend(id, &[e.b], &[])
            }
            _ => {}
        }
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole <= 0.0 {
        0.0
    } else {
        (part / whole).min(1.0)
    }
}

/// Paragraph pairs from an index of each side queried by the other, kept when they are
/// the same paragraph ([`PARA_SIM`]) or one holds the other ([`PARA_PART`]) and they
/// share enough weight ([`MIN_WEIGHT`]).
fn match_paragraphs(
    base: &[Paragraph],
    head: &[Paragraph],
) -> (Vec<ParaLink>, FxHashMap<(usize, usize), f64>) {
    let fb: Vec<&Features> = base.iter().map(|p| &p.features).collect();
    let fh: Vec<&Features> = head.iter().map(|p| &p.features).collect();
    if fb.is_empty() || fh.is_empty() {
        return (Vec::new(), FxHashMap::default());
    }
    let keys = candidate_keys(&fb, &fh, PARA_QUERY, PARA_CANDIDATES);
    // Each candidate is weighed on its own, on both cores; collected in order.
    let found: Vec<ParaLink> = keys
        .into_par_iter()
        .with_min_len(1024)
        .filter_map(|(i, j)| {
            let (x, y) = (&fb[i], &fh[j]);
            let shared = x.shared(y);
            let d = dice(shared, x.total, y.total);
            let smaller = x.total.min(y.total);
            let held = if smaller > 0.0 { shared / smaller } else { 0.0 };
            let same = d >= PARA_SIM || held >= PARA_PART;
            (same && shared >= MIN_WEIGHT).then_some(ParaLink {
                b: i,
                h: j,
                dice: d,
                shared,
            })
        })
        .collect();
    let all = found.iter().map(|l| ((l.b, l.h), l.shared)).collect();
    (best_only(found, base.len(), head.len()), all)
}

/// Keeps each paragraph's best match (by shared weight; ties to the first), from either
/// side: a paragraph repeated in several articles (the usual grounds of refusal, a
/// standard reporting clause) says where it went only once.
fn best_only(found: Vec<ParaLink>, bases: usize, heads: usize) -> Vec<ParaLink> {
    let mut best_b: Vec<Option<usize>> = vec![None; bases];
    let mut best_h: Vec<Option<usize>> = vec![None; heads];
    let better =
        |k: usize, slot: Option<usize>| slot.is_none_or(|s| found[k].shared > found[s].shared);
    for (k, l) in found.iter().enumerate() {
        if better(k, best_b[l.b]) {
            best_b[l.b] = Some(k);
        }
        if better(k, best_h[l.h]) {
            best_h[l.h] = Some(k);
        }
    }
    found
        .iter()
        .enumerate()
        .filter(|(k, l)| best_b[l.b] == Some(*k) || best_h[l.h] == Some(*k))
        .map(|(_, l)| *l)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| text[r].trim()).collect()
    }

    #[test]
    fn numbered_paragraphs_keep_their_sub_items_and_loose_lines() {
        let text = "1. First:\n(a) one;\n(b) two.\nMore of the first.\n2. Second.\n";
        assert_eq!(
            pieces(text),
            vec![
                "1. First:\n(a) one;\n(b) two.\nMore of the first.",
                "2. Second."
            ]
        );
    }

    #[test]
    fn bracketed_numbers_outrank_dotted_ones() {
        let text = "(1) Erstens, wenn\n1.  dies oder\n2.  das.\n(1a) Zweitens.\n(2) Drittens.";
        assert_eq!(
            pieces(text),
            vec![
                "(1) Erstens, wenn\n1.  dies oder\n2.  das.",
                "(1a) Zweitens.",
                "(2) Drittens."
            ]
        );
    }

    #[test]
    fn markdown_list_items_are_marked_by_what_follows_the_bullet() {
        let text = "1. For the purposes of this Regulation:\n- (a) one;\n- (b) two.\n2. Also.\n";
        assert_eq!(
            pieces(text),
            vec![
                "1. For the purposes of this Regulation:\n- (a) one;\n- (b) two.",
                "2. Also."
            ]
        );
        let text = "The court shall refuse:\n- (a) one;\n- (b) two.\n";
        assert_eq!(
            pieces(text),
            vec!["The court shall refuse:", "- (a) one;", "- (b) two."]
        );
        assert_eq!(marker("- one"), None);
    }

    /// `(i)` after `(h)` is the ninth point; `(i)` after `(i)`, or after `(c)`, opens a
    /// list of roman sub-items inside the point above (EU definitions articles).
    #[test]
    fn a_roman_one_inside_a_point_is_not_a_point() {
        let text = "For the purposes:\n(h) 'minor' means a child;\n(i) 'family' means:\n(i) the spouse;\n(ii) the children;\n(j) 'visa' means:\n(i) a long-stay visa;\n(k) 'relative' means an aunt.\n";
        assert_eq!(
            pieces(text),
            vec![
                "For the purposes:",
                "(h) 'minor' means a child;",
                "(i) 'family' means:\n(i) the spouse;\n(ii) the children;",
                "(j) 'visa' means:\n(i) a long-stay visa;",
                "(k) 'relative' means an aunt."
            ]
        );
        // A list of roman items alone still opens at its first.
        assert_eq!(
            pieces("Either:\n(i) one;\n(ii) two.\n"),
            vec!["Either:", "(i) one;\n(ii) two."]
        );
    }

    #[test]
    fn unnumbered_articles_are_cut_at_blank_lines() {
        assert_eq!(
            pieces("One.\nStill one.\n\nTwo.\n"),
            vec!["One.\nStill one.", "Two."]
        );
        assert_eq!(pieces("Only one."), vec!["Only one."]);
    }

    #[test]
    fn a_number_running_on_is_not_a_marker() {
        assert_eq!(marker("1.5 million people"), None);
        assert_eq!(marker("(12) text"), Some(0));
        assert_eq!(marker("3. text"), Some(1));
        assert_eq!(marker("3.‘Party’ means"), Some(1));
        assert_eq!(marker("3.The Commission"), Some(1));
        assert_eq!(marker("3.b"), None);
        assert_eq!(marker("3."), None);
        assert_eq!(marker("(c) text"), Some(2));
        assert_eq!(marker("b) text"), Some(2));
    }

    #[test]
    fn korean_japanese_and_brazilian_paragraphs_are_cut() {
        assert_eq!(
            pieces("① 첫째 항이다.\n② 둘째 항이다.\n"),
            vec!["① 첫째 항이다.", "② 둘째 항이다."]
        );
        assert_eq!(
            pieces("在留する。\n２　在留資格は、定める。\n"),
            vec!["在留する。", "２　在留資格は、定める。"]
        );
        assert_eq!(
            pieces("Esta Lei dispõe.\n§ 1º Para os fins.\n§ 2º São garantidos.\n"),
            vec![
                "Esta Lei dispõe.",
                "§ 1º Para os fins.",
                "§ 2º São garantidos."
            ]
        );
        assert_eq!(marker("§ 5 des Gesetzes"), None);
        assert_eq!(
            pieces("1 - A presente lei define.\n2 - O disposto aplica-se.\n"),
            vec!["1 - A presente lei define.", "2 - O disposto aplica-se."]
        );
        assert_eq!(marker("1 -2 text"), None);
        assert_eq!(marker("§5"), None);
    }

    proptest::proptest! {
        /// The paragraphs are in order, do not overlap, and between them lies only
        /// whitespace: cutting loses no text.
        #[test]
        fn paragraphs_cover_the_text_in_order(
            text in "((\\(1\\)|\\(2a\\)|1\\.|2\\.|\\(b\\)|c\\)| |é|word|\\.|\\n){0,40})",
        ) {
            let parts = split(&text);
            let mut at = 0;
            for r in &parts {
                proptest::prop_assert!(r.start >= at && r.end <= text.len());
                proptest::prop_assert!(text[at..r.start].trim().is_empty());
                proptest::prop_assert!(!text[r.clone()].trim().is_empty());
                at = r.end;
            }
            proptest::prop_assert!(text[at..].trim().is_empty());
        }
    }
}
