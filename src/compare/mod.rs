//! Runs the engine: align the articles of two drafts, redline each matched pair, classify
//! it, and assemble the [`Comparison`] every renderer and gate consumes.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::align::{self, Alignment, Link};
use crate::change::{
    Change, ChangeAnnotation, ChangeKind, ChangeWords, Comparison, Op, ParagraphPair, Segment,
    Severity, Summary, Titles, VersionInfo,
};
use crate::classify;
use crate::model::{word_count, Annotation, ArticleRef, Draft, WordCounts};
use crate::redline;
use crate::summary;

mod stale_citations;
mod terms;
pub(crate) mod units;

/// What the caller wants beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Attach a redline (all `equal`) to unchanged articles too.
    pub redline_unchanged: bool,
}

/// Compares two drafts article by article.
pub fn compare(base: &Draft, head: &Draft, options: &Options) -> Comparison {
    let base_articles: Vec<ArticleRef> = base.articles().collect();
    let head_articles: Vec<ArticleRef> = head.articles().collect();
    // The alignment is the longest stage and mostly sequential: the word counts and the
    // article lookups of the notes are made beside it, on the other core.
    // Most links are known before the alignment's later, mostly sequential stages: those
    // of identical text (but for the numbers they cite, or their layout), then those of
    // similar text, splits and merges. They are redlined and classified on the core
    // those stages leave idle.
    let ((alignment, [mut early_by_pair, similar]), ((base_words, head_words), texts)) =
        rayon::join(
            || {
                align::align_beside(base, head, |links| {
                    early_pairs(&base_articles, &head_articles, links)
                })
            },
            || {
                rayon::join(
                    || WordCounts::of_both(base, head),
                    || Texts {
                        base: texts(base),
                        head: texts(head),
                    },
                )
            },
        );
    let ctx = Context {
        base,
        head,
        base_articles: &base_articles,
        head_articles: &head_articles,
        base_words: &base_words,
        head_words: &head_words,
        alignment: &alignment,
        annotations: Annotations::new(applicable_annotations(base, head), &base.meta.id),
        options,
    };

    // Redlining and classifying the pairs is most of the work, and each pair is
    // independent of the others. The vector holds the unmatched articles too from the
    // start: grown for them, it doubled (6 MB at 10,000 articles, a copy into fresh
    // pages).
    let mut keyed: Vec<((usize, usize, usize), Change)> =
        Vec::with_capacity(alignment.links.len() + alignment.added.len() + alignment.removed.len());
    // A link the later stages kept as it was takes its early redline; the others
    // (extended into a split or merge, or found later) are redlined now.
    early_by_pair.extend(similar);
    let early: Vec<Option<Early>> = alignment
        .links
        .iter()
        .map(|l| {
            early_by_pair
                .remove(&(l.base[0], l.head[0]))
                .filter(|(b, h, _)| *b == l.base && *h == l.head)
                .map(|(_, _, early)| early)
        })
        .collect();
    drop(early_by_pair);
    keyed.par_extend(alignment.links.par_iter().zip(early).map(|(link, early)| {
        (
            (link.head[0] * 2 + 1, 0, link.base[0]),
            ctx.linked(link, early),
        )
    }));
    for &b in &alignment.added {
        keyed.push(((head_key(b), 0, 0), ctx.unmatched(b, false)));
    }
    let removed_keys = RemovedKeys::new(&alignment, base_articles.len());
    for &b in &alignment.removed {
        keyed.push(((removed_keys.of(b), 1, b), ctx.unmatched(b, true)));
    }
    keyed.sort_by_key(|(key, _)| *key);
    let mut changes: Vec<Change> = keyed.into_iter().map(|(_, c)| c).collect();
    let preamble = [crate::model::PREAMBLE.to_owned()];
    if let Some(p) = changes
        .iter_mut()
        .find(|c| c.base == preamble && c.head == preamble && c.kind != ChangeKind::Unchanged)
    {
        p.recitals = units::compare_recitals(base, head, options);
    }

    // The impact rows, the notes and the provisions are independent of each other.
    let (chapters, (stale, (definitions, provisions))) = rayon::join(
        || summary::impact_rows(base, head, &alignment, &changes, &base_words, &head_words),
        || {
            rayon::join(
                || stale_citations::stale_citations(base, &texts, &changes),
                || {
                    rayon::join(
                        || terms::changed_definitions(base, head, &texts, &changes),
                        || {
                            units::compare_units(
                                base,
                                head,
                                &base.provisions,
                                &head.provisions,
                                options,
                            )
                        },
                    )
                },
            )
        },
    );
    let mut notes = Vec::new();
    let coarse: Vec<String> = changes.iter().filter(|c| c.coarse).map(label).collect();
    if !coarse.is_empty() {
        notes.push(format!(
            "too large for a word diff, compared by a coarser (paragraph-level) diff: {}",
            coarse.join(", ")
        ));
    }
    notes.extend(stale);
    notes.extend(definitions);
    Comparison {
        schema: crate::change::schema::DIFF,
        base: version_info(base, &base_words),
        head: version_info(head, &head_words),
        summary: Summary::of(&changes),
        chapters,
        changes,
        provisions,
        notes,
    }
}

/// The redline of a link's texts, when they differ, and its assessment (with the
/// articles' word counts, as [`WordCounts`] has them): what [`Context::linked`] would
/// compute for the link.
type Early = (redline::Redline, classify::Assessment);

/// [`Early`] results for the links (base and head indices) whose texts differ, by their
/// first base and head article, with the link they are for.
type EarlyLinks = rustc_hash::FxHashMap<(usize, usize), (Vec<usize>, Vec<usize>, Early)>;

fn early_pairs(
    base: &[ArticleRef],
    head: &[ArticleRef],
    links: Vec<(Vec<usize>, Vec<usize>)>,
) -> EarlyLinks {
    links
        .into_par_iter()
        .filter_map(|(bs, hs)| {
            let (b, h) = (link_text(base, &bs), link_text(head, &hs));
            (b != h).then(|| {
                let diff = redline::redline(&b, &h);
                let count = |articles: &[ArticleRef], at: &[usize]| {
                    at.iter()
                        .map(|&i| word_count(&articles[i].article.text))
                        .sum()
                };
                let words = || (count(base, &bs), count(head, &hs));
                let assessment = classify::assess_with(&b, &h, &diff, words);
                ((bs[0], hs[0]), (bs, hs, (diff, assessment)))
            })
        })
        .collect()
}

/// Both drafts' article texts by lower-cased number, built once for the checks that look
/// articles up by the numbers in the changes (`Draft::find` is a scan, too slow per
/// article).
struct Texts<'a> {
    base: rustc_hash::FxHashMap<String, &'a str>,
    head: rustc_hash::FxHashMap<String, &'a str>,
}

fn texts(d: &Draft) -> rustc_hash::FxHashMap<String, &str> {
    d.articles()
        .map(|a| (a.article.number.to_lowercase(), a.article.text.as_str()))
        .collect()
}

/// Added articles sort at their own head position.
fn head_key(h: usize) -> usize {
    h * 2 + 1
}

/// A removed article sorts just after the head article matched to the nearest base
/// article before it, so it appears where it used to be.
struct RemovedKeys {
    /// By base position `b`: the last head position linked to any base article before
    /// `b`, as a running maximum so that each removed article is one lookup.
    last_head_before: Vec<Option<usize>>,
}

impl RemovedKeys {
    fn new(alignment: &Alignment, base_len: usize) -> Self {
        let mut last_head_before = vec![None; base_len + 1];
        for l in &alignment.links {
            if let (Some(&first), Some(&last)) = (l.base.iter().min(), l.head.iter().max()) {
                let slot = &mut last_head_before[(first + 1).min(base_len)];
                *slot = (*slot).max(Some(last));
            }
        }
        for b in 1..last_head_before.len() {
            last_head_before[b] = last_head_before[b].max(last_head_before[b - 1]);
        }
        RemovedKeys { last_head_before }
    }

    fn of(&self, b: usize) -> usize {
        self.last_head_before[b].map_or(0, |h| h * 2 + 2)
    }
}

fn label(c: &Change) -> String {
    let numbers = if c.head.is_empty() { &c.base } else { &c.head };
    format!("article {}", numbers.join("+"))
}

pub(crate) fn version_info(d: &Draft, words: &WordCounts) -> VersionInfo {
    VersionInfo {
        id: d.meta.id.clone(),
        title: d.meta.title.clone(),
        chapters: d.chapters.len(),
        articles: d.article_count(),
        words: words.total(),
        status: Some(d.meta.status.to_string()),
        date: d.meta.date.clone(),
        themes: d.meta.themes.clone(),
    }
}

/// The head's annotations explain its changes against its parent, so they are shown
/// only when the base is that parent.
fn applicable_annotations<'a>(base: &Draft, head: &'a Draft) -> &'a [Annotation] {
    if head.meta.parent.as_deref() == Some(base.meta.id.as_str()) {
        &head.annotations
    } else {
        &[]
    }
}

/// Whether `annotation` names one of the change's articles: a head number, or
/// `version:number` for a base article.
pub(crate) fn covers(annotation: &Annotation, base_id: &str, change: &Change) -> bool {
    annotation
        .articles
        .iter()
        .any(|name| match name.split_once(':') {
            Some((version, number)) => {
                version == base_id && change.base.iter().any(|b| b.eq_ignore_ascii_case(number))
            }
            None => change.head.iter().any(|h| h.eq_ignore_ascii_case(name)),
        })
}

struct Context<'a> {
    base: &'a Draft,
    head: &'a Draft,
    base_articles: &'a [ArticleRef<'a>],
    head_articles: &'a [ArticleRef<'a>],
    base_words: &'a WordCounts,
    head_words: &'a WordCounts,
    alignment: &'a Alignment,
    annotations: Annotations<'a>,
    options: &'a Options,
}

/// The annotations that apply, indexed by the article numbers they name (ASCII lower
/// case, as [`covers`] compares them): a change looks its own numbers up instead of
/// testing every annotation, which was 2 % of the 1.0 → 3.0 diff.
struct Annotations<'a> {
    all: &'a [Annotation],
    /// Head number → the annotations naming it.
    head: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Base number (named as `base_id:number`) → the annotations naming it.
    base: rustc_hash::FxHashMap<String, Vec<usize>>,
}

impl<'a> Annotations<'a> {
    fn new(all: &'a [Annotation], base_id: &str) -> Self {
        let mut index = Annotations {
            all,
            head: Default::default(),
            base: Default::default(),
        };
        for (i, a) in all.iter().enumerate() {
            for name in &a.articles {
                let (map, number) = match name.split_once(':') {
                    Some((version, number)) if version == base_id => (&mut index.base, number),
                    Some(_) => continue,
                    None => (&mut index.head, name.as_str()),
                };
                map.entry(number.to_ascii_lowercase()).or_default().push(i);
            }
        }
        index
    }

    /// The annotations that cover the change (as [`covers`] decides), in their order.
    fn of(&self, change: &Change) -> impl Iterator<Item = &'a Annotation> + '_ {
        let mut found: Vec<usize> = Vec::new();
        if !self.all.is_empty() {
            let look = |map: &rustc_hash::FxHashMap<String, Vec<usize>>, numbers: &[String]| {
                numbers
                    .iter()
                    .filter_map(|n| map.get(&n.to_ascii_lowercase()))
                    .flatten()
                    .copied()
                    .collect::<Vec<usize>>()
            };
            found = look(&self.head, &change.head);
            found.extend(look(&self.base, &change.base));
            found.sort_unstable();
            found.dedup();
        }
        found.into_iter().map(|i| &self.all[i])
    }
}

/// Whitespace-insensitive equality: the "same text (after normalisation)" of the `unchanged` kind (docs/alignment.md).
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

impl Context<'_> {
    fn chapter_number(&self, draft: &Draft, article: &ArticleRef) -> Option<String> {
        article.chapter.map(|i| draft.chapters[i].number.clone())
    }

    fn annotate(&self, change: &mut Change) {
        change.annotations = self
            .annotations
            .of(change)
            .map(|a| ChangeAnnotation {
                theme: a.theme.clone(),
                rationale: a.rationale.clone(),
            })
            .collect();
    }

    fn same_chapter(&self, b: &ArticleRef, h: &ArticleRef) -> bool {
        match (b.chapter, h.chapter) {
            (None, None) => true,
            (Some(bc), Some(hc)) => {
                self.alignment.chapter_map.get(bc).copied().flatten() == Some(hc)
            }
            _ => false,
        }
    }

    /// The change of one link; `early`, when given, is its pair's redline and assessment.
    fn linked(&self, link: &Link, early: Option<Early>) -> Change {
        let bs: Vec<&ArticleRef> = link.base.iter().map(|&i| &self.base_articles[i]).collect();
        let hs: Vec<&ArticleRef> = link.head.iter().map(|&i| &self.head_articles[i]).collect();
        let base_text = joined(&bs);
        let head_text = joined(&hs);
        let (b0, h0) = (bs[0], hs[0]);
        let kind = if bs.len() > 1 {
            ChangeKind::Merged
        } else if hs.len() > 1 {
            ChangeKind::Split
        } else if !self.same_chapter(b0, h0) {
            ChangeKind::Moved
        } else if !crate::model::same_number_across(&b0.article.number, &h0.article.number) {
            ChangeKind::Renumbered
        } else if same_text(&base_text, &head_text) {
            ChangeKind::Unchanged
        } else {
            ChangeKind::Reworded
        };
        let base_words: usize = link.base.iter().map(|&i| self.base_words.article(i)).sum();
        let head_words: usize = link.head.iter().map(|&i| self.head_words.article(i)).sum();
        let numbers =
            |side: &[&ArticleRef]| side.iter().map(|a| a.article.number.clone()).collect();
        let mut change = Change {
            base_chapter: self.chapter_number(self.base, b0),
            head_chapter: self.chapter_number(self.head, h0),
            title: Titles {
                base: Some(join_titles(&bs)),
                head: Some(join_titles(&hs)),
            },
            similarity: 1.0,
            words: ChangeWords {
                base: base_words,
                head: head_words,
                inserted: 0,
                deleted: 0,
            },
            ..Change::new(kind, numbers(&bs), numbers(&hs))
        };
        if base_text == head_text {
            if self.options.redline_unchanged || kind != ChangeKind::Unchanged {
                change.redline = Some(vec![Segment::new(Op::Equal, base_text.into_owned())]);
            }
        } else if kind == ChangeKind::Unchanged && !self.options.redline_unchanged {
            // Whitespace-only differences: nothing a reader needs to see.
        } else {
            let (diff, assessment) = match early {
                Some((diff, assessment)) => (diff, Some(assessment)),
                None => (redline::redline(&base_text, &head_text), None),
            };
            change.similarity = round(diff.similarity(base_words, head_words));
            change.words.inserted = diff.inserted;
            change.words.deleted = diff.deleted;
            change.coarse = diff.coarse;
            if kind != ChangeKind::Unchanged {
                // The words of joined texts are the sum of their articles': a line
                // break always ends a word.
                let words = (base_words, head_words);
                let assessment = assessment.unwrap_or_else(|| {
                    classify::assess_counted(&base_text, &head_text, &diff, words)
                });
                change.severity = assessment.severity;
                change.reasons = assessment.reasons;
            }
            change.redline = Some(diff.segments);
        }
        change.confidence = Some(link.confidence);
        change.paragraphs = self.paragraphs(link);
        self.annotate(&mut change);
        change
    }

    /// The link's paragraph pairs, by article number and paragraph counted from 1.
    fn paragraphs(&self, link: &Link) -> Vec<ParagraphPair> {
        link.paragraphs
            .iter()
            .map(|p| ParagraphPair {
                base: self.base_articles[p.base.0].article.number.clone(),
                base_paragraph: p.base.1 + 1,
                head: self.head_articles[p.head.0].article.number.clone(),
                head_paragraph: p.head.1 + 1,
                similarity: p.similarity,
            })
            .collect()
    }

    fn unmatched(&self, index: usize, removed: bool) -> Change {
        let (draft, article, words) = if removed {
            (self.base, &self.base_articles[index], self.base_words)
        } else {
            (self.head, &self.head_articles[index], self.head_words)
        };
        let a = article.article;
        let number = vec![a.number.clone()];
        let chapter = self.chapter_number(draft, article);
        let words = words.article(index);
        let (kind, base, head) = if removed {
            (ChangeKind::Removed, number, Vec::new())
        } else {
            (ChangeKind::Added, Vec::new(), number)
        };
        let mut change = Change {
            severity: Severity::Substantive,
            base_chapter: if removed { chapter.clone() } else { None },
            head_chapter: if removed { None } else { chapter },
            title: Titles {
                base: removed.then(|| a.title.clone()),
                head: (!removed).then(|| a.title.clone()),
            },
            similarity: 0.0,
            words: ChangeWords {
                base: if removed { words } else { 0 },
                head: if removed { 0 } else { words },
                inserted: if removed { 0 } else { words },
                deleted: if removed { words } else { 0 },
            },
            redline: Some(vec![Segment::new(
                if removed { Op::Delete } else { Op::Insert },
                a.text.clone(),
            )]),
            ..Change::new(kind, base, head)
        };
        self.annotate(&mut change);
        change
    }
}

/// The text of the articles at `at` of one side, as a link is redlined ([`joined`]).
fn link_text<'a>(articles: &[ArticleRef<'a>], at: &[usize]) -> Cow<'a, str> {
    let texts: Vec<&ArticleRef<'a>> = at.iter().map(|&i| &articles[i]).collect();
    joined(&texts)
}

/// The text a link is redlined as: one article's own text, borrowed (most links, and
/// most of those are never copied into a redline: the texts are equal), or the joined
/// texts of a split or merge.
fn joined<'a>(articles: &[&ArticleRef<'a>]) -> Cow<'a, str> {
    match articles {
        [one] => Cow::Borrowed(one.article.text.as_str()),
        _ => Cow::Owned(join_texts(articles.iter().map(|a| a.article.text.as_str()))),
    }
}

/// The text a split or merge is redlined as: the articles' texts in order, with exactly
/// one blank line between two of them (so no two words run together and the paragraphs
/// keep their own lines). The JSON redline of a split or merge rebuilds this text.
pub fn join_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, text) in texts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        out.push_str(text);
    }
    out
}

/// The titles of a split's or merge's articles, those without one left out: two untitled
/// articles merged are untitled, not `; `.
fn join_titles(articles: &[&ArticleRef]) -> String {
    articles
        .iter()
        .map(|a| a.article.title.as_str())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Keeps only the changes and impact rows of one chapter (by base or head number, or
/// title), recounting the summary so it still equals the changes listed.
pub(crate) fn filter_chapter(comparison: &mut Comparison, chapter: &str) -> bool {
    let wanted = |number: &Option<String>| {
        number
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(chapter))
    };
    comparison.chapters.retain(|row| {
        wanted(&row.base) || wanted(&row.head) || row.title.eq_ignore_ascii_case(chapter)
    });
    let titles: Vec<(Option<String>, Option<String>)> = comparison
        .chapters
        .iter()
        .map(|r| (r.base.clone(), r.head.clone()))
        .collect();
    comparison.changes.retain(|c| {
        titles.iter().any(|(b, h)| {
            (b.is_some() && *b == c.base_chapter) || (h.is_some() && *h == c.head_chapter)
        })
    });
    comparison.summary = Summary::of(&comparison.changes);
    !comparison.chapters.is_empty()
}

#[cfg(test)]
mod tests {
    use super::{covers, join_texts, Annotations};
    use crate::model::Annotation;

    #[test]
    fn the_annotation_index_finds_what_covers_finds() {
        let annotation = |articles: &[&str]| Annotation {
            articles: articles.iter().map(|s| s.to_string()).collect(),
            theme: String::new(),
            rationale: String::new(),
            proposals: Vec::new(),
            origin: Default::default(),
        };
        let all = [
            annotation(&["preamble", "5BIS"]),
            annotation(&["1.0:6", "1.0:4"]),
            annotation(&["2.0:3", "3"]),
            annotation(&["other:5", "8", "5bis", "x:y:z"]),
            annotation(&[]),
            annotation(&["1.0:2", "2"]),
        ];
        let index = Annotations::new(&all, "1.0");
        for change in crate::render::fixture::sample().changes {
            let found: Vec<*const Annotation> = index.of(&change).map(|a| a as *const _).collect();
            let expected: Vec<*const Annotation> = all
                .iter()
                .filter(|a| covers(a, "1.0", &change))
                .map(|a| a as *const _)
                .collect();
            assert_eq!(found, expected, "{:?} → {:?}", change.base, change.head);
        }
    }

    #[test]
    fn joined_texts_have_one_blank_line_between_them() {
        assert_eq!(join_texts(["a.\n", "b.\n"]), "a.\n\nb.\n");
        assert_eq!(join_texts(["a.", "b."]), "a.\n\nb.");
        assert_eq!(join_texts(["only"]), "only");
    }
}
