//! Notes of an article as real Word footnotes (`word/footnotes.xml`).
//!
//! An article's text carries its notes as Markdown footnotes (docs/documents.md): a
//! reference `[^n]` where the note mark stands and a `[^n]: text` paragraph at the end.
//! The note paragraphs of the redline are taken out of the body; each reference becomes a
//! `w:footnoteReference` to a footnote whose text carries the note's redline as
//! revisions. Which note a reference points to is looked up on the side it belongs to: a
//! deleted reference among the base's labels, an inserted one among the head's, an
//! unchanged one on both — and when the two sides give different notes (a note
//! renumbered because one was added before it), it is written as the base's reference
//! deleted and the head's inserted. Each reference gets a footnote of its own, so a
//! deleted and an inserted reference never share one: accepting every change leaves the
//! head's references and notes, rejecting every change the base's.

use std::collections::HashMap;

use crate::change::{Op, Segment};
use crate::redline::tokens::note_reference;
use crate::render::report::Paragraph;

use super::body::{Place, Track};

/// The version a label is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Side {
    Base,
    Head,
}

/// The notes of one article at one place: the runs of each note, and which note each
/// label names on each side.
#[derive(Debug, Default)]
pub(super) struct ArticleNotes {
    defs: Vec<Vec<(Option<Track>, String)>>,
    labels: HashMap<(Side, String), usize>,
}

/// One piece of a run of body text: text, or a reference to a note.
#[derive(Debug, PartialEq)]
pub(super) enum Piece<'a> {
    Text(Option<Track>, &'a str),
    /// A footnote reference, revised as given, to the note's runs.
    Reference(Option<Track>, &'a [(Option<Track>, String)]),
}

impl ArticleNotes {
    fn note(&self, side: Side, label: &str) -> Option<usize> {
        self.labels.get(&(side, label.to_owned())).copied()
    }

    /// A run of body text cut into text and note references.
    pub(super) fn pieces<'a>(&'a self, track: Option<Track>, text: &'a str) -> Vec<Piece<'a>> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while let Some(k) = text[i..].find("[^").map(|k| k + i) {
            let Some(len) = note_reference(&text[k..]) else {
                i = k + 2;
                continue;
            };
            let label = &text[k + 2..k + len - 1];
            let refs = self.references(track, label);
            if refs.is_empty() {
                i = k + len;
                continue;
            }
            if start < k {
                out.push(Piece::Text(track, &text[start..k]));
            }
            for (t, note) in refs {
                match note {
                    Some(n) => out.push(Piece::Reference(t, &self.defs[n])),
                    None => out.push(Piece::Text(t, &text[k..k + len])),
                }
            }
            start = k + len;
            i = start;
        }
        if start < text.len() {
            out.push(Piece::Text(track, &text[start..]));
        }
        out
    }

    /// How the reference `label` in a run revised as `track` is written: as one reference,
    /// or a deleted and an inserted one; `None` for a side without that note (the label
    /// stays text). Empty when neither side has the note.
    fn references(&self, track: Option<Track>, label: &str) -> Vec<(Option<Track>, Option<usize>)> {
        let one = |side| self.note(side, label).map(|n| vec![(track, Some(n))]);
        match track {
            Some(Track::Del | Track::MoveFrom) => one(Side::Base).unwrap_or_default(),
            Some(Track::Ins | Track::MoveTo) => one(Side::Head).unwrap_or_default(),
            None => match (self.note(Side::Base, label), self.note(Side::Head, label)) {
                (None, None) => Vec::new(),
                (b, h) if b == h => vec![(None, b)],
                (b, h) => vec![(Some(Track::Del), b), (Some(Track::Ins), h)],
            },
        }
    }
}

/// `[^label]: ` at the start of `s`: the label and the length of the prefix.
fn definition(s: &str) -> Option<(&str, usize)> {
    let len = note_reference(s)?;
    let rest = s[len..].strip_prefix(':')?;
    let space = usize::from(rest.starts_with(' '));
    Some((&s[2..len - 1], len + 1 + space))
}

fn side_text(p: &Paragraph<'_>, side: Side) -> String {
    p.pieces
        .iter()
        .filter(|(op, _)| match side {
            Side::Base => *op != Op::Insert,
            Side::Head => *op != Op::Delete,
        })
        .map(|(_, t)| *t)
        .collect()
}

/// The sides a place shows: both at an article's only place, the base where a moved
/// article left, the head where it arrived.
fn sides(place: Place<'_>) -> &'static [Side] {
    match place {
        Place::Only => &[Side::Base, Side::Head],
        Place::From(_) => &[Side::Base],
        Place::To(_) => &[Side::Head],
    }
}

/// The pieces of a note paragraph after its `[^label]: ` prefix(es); `None` when the
/// prefixes do not line up (an unchanged piece that one side's prefix covers and the
/// other's does not).
fn strip<'a>(
    p: &Paragraph<'a>,
    place: Place<'_>,
    base: usize,
    head: usize,
) -> Option<Vec<(Op, &'a str)>> {
    let single = !matches!(place, Place::Only);
    let (mut rb, mut rh) = (base, head);
    let mut out = Vec::new();
    for &(op, text) in &p.pieces {
        let cut = if single {
            let r = if matches!(place, Place::From(_)) {
                &mut rb
            } else {
                &mut rh
            };
            let c = text.len().min(*r);
            *r -= c;
            c
        } else {
            match op {
                Op::Equal => {
                    if (rb > 0 || rh > 0) && rb != rh {
                        return None;
                    }
                    let c = text.len().min(rb);
                    rb -= c;
                    rh -= c;
                    c
                }
                Op::Delete => {
                    let c = text.len().min(rb);
                    rb -= c;
                    c
                }
                Op::Insert => {
                    let c = text.len().min(rh);
                    rh -= c;
                    c
                }
            }
        };
        if cut < text.len() {
            out.push((op, &text[cut..]));
        }
    }
    Some(out)
}

/// Takes the notes out of an article's redline at `place`: the body's segments, and the
/// notes. The notes are the lines at the end of each version's text that are note
/// paragraphs (`[^n]: …`); the redline is cut where both versions' notes start. When the
/// note paragraphs line up (each one a note on every side that has it), each note is one
/// footnote carrying its redline; otherwise the base's notes are deleted footnotes and
/// the head's inserted ones. When no cut serves both versions, there are no notes and
/// references stay text.
pub(super) fn split(segments: &[Segment], place: Place<'_>) -> (Vec<Segment>, ArticleNotes) {
    let mut notes = ArticleNotes::default();
    if !segments.iter().any(|s| s.text.contains("[^")) {
        return (segments.to_vec(), notes);
    }
    let start = |side| notes_start(&side_of(segments, side));
    let (kb, kh) = (start(Side::Base), start(Side::Head));
    let single = match place {
        Place::Only => None,
        Place::From(_) => Some(Side::Base),
        Place::To(_) => Some(Side::Head),
    };
    let (body, tail) = match cut(segments, kb, kh, single) {
        Some(at) => segments_at(segments, at),
        None => recut(segments, kb, kh),
    };
    let paragraphs = crate::render::report::paragraphs(&tail);
    let aligned: Option<Vec<_>> = paragraphs
        .iter()
        .map(|p| {
            let lines_up = single.is_some()
                || match p.end {
                    None | Some(Op::Equal) => true,
                    Some(op) => p.pieces.iter().all(|(o, _)| *o == op),
                };
            if lines_up {
                note_of(p, place)
            } else {
                None
            }
        })
        .collect();
    match aligned {
        Some(list) => {
            for (labels, pieces) in list {
                add(&mut notes, labels, pieces, place);
            }
        }
        None => {
            for (side, track) in [(Side::Base, Track::Del), (Side::Head, Track::Ins)] {
                for line in side_of(&tail, side).lines() {
                    if let Some((label, len)) = definition(line) {
                        notes.defs.push(vec![(Some(track), line[len..].to_owned())]);
                        notes
                            .labels
                            .insert((side, label.to_owned()), notes.defs.len() - 1);
                    }
                }
            }
        }
    }
    (body, notes)
}

/// One version's text of a redline.
fn side_of(segments: &[Segment], side: Side) -> String {
    let skip = match side {
        Side::Base => Op::Insert,
        Side::Head => Op::Delete,
    };
    segments
        .iter()
        .filter(|s| s.op != skip)
        .map(|s| s.text.as_str())
        .collect()
}

/// Where the notes at the end of `text` start: the offset of the first of the last lines
/// that are all note paragraphs (blank lines among them allowed), else the text's length.
fn notes_start(text: &str) -> usize {
    let mut start = text.len();
    let mut offset = text.len();
    for line in text.split_inclusive('\n').rev() {
        offset -= line.len();
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        if definition(trimmed).is_none() {
            break;
        }
        start = offset;
    }
    start
}

/// A position in the redline (segment, byte) where the base has read `kb` bytes and the
/// head `kh` (only the side of a single-side place counts).
fn cut(segments: &[Segment], kb: usize, kh: usize, single: Option<Side>) -> Option<(usize, usize)> {
    let (mut ob, mut oh) = (0usize, 0usize);
    let fits = |ob: usize, oh: usize| match single {
        Some(Side::Base) => ob == kb,
        Some(Side::Head) => oh == kh,
        None => ob == kb && oh == kh,
    };
    for (i, s) in segments.iter().enumerate() {
        if fits(ob, oh) {
            return Some((i, 0));
        }
        let (db, dh) = match s.op {
            Op::Equal => (1, 1),
            Op::Delete => (1, 0),
            Op::Insert => (0, 1),
        };
        let len = s.text.len();
        // Inside this segment: the offset each side needs, if it reaches it here.
        let need_b = (db == 1 && kb > ob && kb < ob + len).then(|| kb - ob);
        let need_h = (dh == 1 && kh > oh && kh < oh + len).then(|| kh - oh);
        let at = match (single, need_b, need_h) {
            (Some(Side::Base), Some(b), _) => Some(b),
            (Some(Side::Head), _, Some(h)) => Some(h),
            (None, Some(b), Some(h)) if b == h => Some(b),
            (None, Some(b), None) if dh == 0 && oh == kh => Some(b),
            (None, None, Some(h)) if db == 0 && ob == kb => Some(h),
            _ => None,
        };
        if let Some(at) = at {
            return Some((i, at));
        }
        ob += db * len;
        oh += dh * len;
    }
    fits(ob, oh).then_some((segments.len(), 0))
}

/// The redline re-expressed with a cut where none serves both versions (the word diff
/// matched a full stop of a note with one of the body): up to where the first version
/// reaches its notes as it was, then the rest of the other version's body deleted or
/// inserted; the notes of each version deleted and inserted whole. Both texts are kept
/// exactly; only the marking of that stretch is coarser.
fn recut(segments: &[Segment], kb: usize, kh: usize) -> (Vec<Segment>, Vec<Segment>) {
    let (base, head) = (side_of(segments, Side::Base), side_of(segments, Side::Head));
    let (mut ob, mut oh) = (0usize, 0usize);
    let mut body = Vec::new();
    'walk: for s in segments {
        let len = s.text.len();
        let (db, dh) = match s.op {
            Op::Equal => (1, 1),
            Op::Delete => (1, 0),
            Op::Insert => (0, 1),
        };
        // How much of this segment goes before the first side reaches its notes.
        let mut take = len;
        if db == 1 {
            take = take.min(kb.saturating_sub(ob));
        }
        if dh == 1 {
            take = take.min(kh.saturating_sub(oh));
        }
        if take > 0 {
            body.push(Segment::new(s.op, &s.text[..take]));
        }
        ob += db * take;
        oh += dh * take;
        if take < len {
            break 'walk;
        }
    }
    let push = |list: &mut Vec<Segment>, op, text: &str| {
        if !text.is_empty() {
            list.push(Segment::new(op, text));
        }
    };
    push(&mut body, Op::Delete, &base[ob.min(kb)..kb]);
    push(&mut body, Op::Insert, &head[oh.min(kh)..kh]);
    tidy_end(&mut body);
    let mut tail = Vec::new();
    push(&mut tail, Op::Delete, &base[kb..]);
    push(&mut tail, Op::Insert, &head[kh..]);
    (body, tail)
}

/// A body ending in an insertion and a deletion: the deletion first, and the text both
/// end with (the full stop and break before the notes) unchanged after them.
fn tidy_end(body: &mut Vec<Segment>) {
    let n = body.len();
    if n < 2 || body[n - 2].op == body[n - 1].op || body[n - 2].op == Op::Equal {
        return;
    }
    if body[n - 2].op == Op::Insert {
        body.swap(n - 2, n - 1);
    }
    let (a, b) = (&body[n - 2].text, &body[n - 1].text);
    let common: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    if common == 0 {
        return;
    }
    let suffix = a[a.len() - common..].to_owned();
    for i in [n - 2, n - 1] {
        let len = body[i].text.len();
        body[i].text.truncate(len - common);
    }
    body.retain(|s| !s.text.is_empty());
    body.push(Segment::new(Op::Equal, &suffix));
}

/// The redline cut in two at `(segment, byte)`.
fn segments_at(segments: &[Segment], (i, at): (usize, usize)) -> (Vec<Segment>, Vec<Segment>) {
    let mut body = segments[..i.min(segments.len())].to_vec();
    let mut tail = Vec::new();
    if let Some(s) = segments.get(i) {
        if at > 0 {
            body.push(Segment::new(s.op, &s.text[..at]));
            tail.push(Segment::new(s.op, &s.text[at..]));
        } else {
            tail.push(s.clone());
        }
        tail.extend(segments[i + 1..].iter().cloned());
    }
    (body, tail)
}

type Labels = Vec<(Side, String)>;

/// The labels and pieces of a note paragraph, or `None` for a body paragraph.
fn note_of<'a>(p: &Paragraph<'a>, place: Place<'_>) -> Option<(Labels, Vec<(Op, &'a str)>)> {
    let mut labels = Vec::new();
    let mut lens = [0usize; 2];
    for &side in sides(place) {
        let text = side_text(p, side);
        if text.is_empty() {
            continue;
        }
        let (label, len) = definition(&text)?;
        labels.push((side, label.to_owned()));
        lens[side as usize] = len;
    }
    if labels.is_empty() {
        return None;
    }
    let pieces = strip(p, place, lens[0], lens[1])?;
    Some((labels, pieces))
}

fn add(notes: &mut ArticleNotes, labels: Labels, pieces: Vec<(Op, &str)>, place: Place<'_>) {
    let run = |pieces: &[(Op, &str)], keep: &dyn Fn(Op) -> Option<Option<Track>>| {
        pieces
            .iter()
            .filter_map(|(op, t)| keep(*op).map(|track| (track, (*t).to_owned())))
            .collect::<Vec<_>>()
    };
    let same = labels.len() == 2 && labels[0].1 == labels[1].1;
    if labels.len() == 1 || same || !matches!(place, Place::Only) {
        notes.defs.push(run(&pieces, &|op| place.piece(op)));
        let n = notes.defs.len() - 1;
        for l in labels {
            notes.labels.insert(l, n);
        }
        return;
    }
    // Relabelled: the base's note deleted whole, the head's inserted whole.
    for (side, label) in labels {
        let (skip, track) = match side {
            Side::Base => (Op::Insert, Track::Del),
            Side::Head => (Op::Delete, Track::Ins),
        };
        notes
            .defs
            .push(run(&pieces, &|op| (op != skip).then_some(Some(track))));
        notes.labels.insert((side, label), notes.defs.len() - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::report::paragraphs;

    fn split_text(segments: &[Segment]) -> (Vec<Paragraph<'static>>, ArticleNotes) {
        let (body, notes) = split(segments, Place::Only);
        let body: &'static [Segment] = Box::leak(body.into_boxed_slice());
        (paragraphs(body), notes)
    }

    #[test]
    fn a_changed_note_becomes_a_revised_footnote() {
        let r = crate::redline::redline(
            "Boats may fish[^1].\n[^1]: Since 1990.\n",
            "Boats may fish[^1].\n[^1]: Since 1995.\n",
        );
        let (body, notes) = split_text(&r.segments);
        assert_eq!(body.len(), 1);
        assert_eq!(body[0].end, None);
        let pieces = notes.pieces(None, "fish[^1].");
        assert_eq!(pieces.len(), 3);
        let Piece::Reference(None, runs) = &pieces[1] else {
            panic!("{pieces:?}")
        };
        assert_eq!(
            *runs,
            [
                (None, "Since ".to_owned()),
                (Some(Track::Del), "1990".to_owned()),
                (Some(Track::Ins), "1995".to_owned()),
                (None, ".".to_owned())
            ]
        );
    }

    #[test]
    fn a_relabelled_note_is_a_deleted_and_an_inserted_reference() {
        let r = crate::redline::redline(
            "A[^1] B.\n[^1]: Old.\n",
            "N[^1] A[^2] B.\n[^1]: New.\n[^2]: Old.\n",
        );
        let (_, notes) = split_text(&r.segments);
        let pieces = notes.pieces(None, "[^1]");
        let shown: Vec<String> = pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t, s) => format!("{t:?}:{s}"),
                Piece::Reference(t, runs) => format!(
                    "{t:?}->{}",
                    runs.iter().map(|(_, s)| s.as_str()).collect::<String>()
                ),
            })
            .collect();
        assert_eq!(shown, ["Some(Del)->Old.", "Some(Ins)->New."]);
    }

    #[test]
    fn an_appended_note_takes_the_article_end() {
        let r = crate::redline::redline("Body.\n", "Body[^1].\n[^1]: Note.\n");
        let (body, notes) = split_text(&r.segments);
        assert_eq!(body.len(), 1);
        assert_eq!(body[0].end, None);
        let pieces = notes.pieces(Some(Track::Ins), "[^1]");
        assert!(matches!(
            pieces[..],
            [Piece::Reference(Some(Track::Ins), _)]
        ));
        assert!(notes.pieces(None, "text [^9] text").len() == 1);
    }
}
