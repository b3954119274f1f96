//! Cross-references that a renumbering left behind (docs/alignment.md, "Citations left behind"): a citation
//! carried over unchanged from the base text whose article now has another number, or no
//! longer exists. `validate` finds references to numbers that exist nowhere; these exist,
//! but now name a different article.

use rustc_hash::FxHashMap;

use super::Texts;
use crate::change::{Change, Op};
use crate::citations;
use crate::model::Draft;

/// One note per stale citation: "article 9 still cites article 7, but 1.0 article 7 is
/// now article 8".
pub(super) fn stale_citations(base: &Draft, texts: &Texts, changes: &[Change]) -> Vec<String> {
    // What each base article became.
    let mut became: FxHashMap<String, &[String]> = FxHashMap::default();
    for c in changes {
        for b in &c.base {
            became.insert(b.to_lowercase(), &c.head);
        }
    }
    let mut notes = Vec::new();
    for c in changes {
        let ([b], [h]) = (&c.base[..], &c.head[..]) else {
            continue;
        };
        let (Some(old), Some(text)) = (
            texts.base.get(&b.to_lowercase()),
            texts.head.get(&h.to_lowercase()),
        ) else {
            continue;
        };
        let kept = carried_over(old, text, c);
        let mut seen: Vec<String> = Vec::new();
        for r in citations::references(text) {
            let key = r.number.to_lowercase();
            if seen.contains(&key)
                || !kept
                    .iter()
                    .any(|k| k.start <= r.range.start && r.range.end <= k.end)
            {
                continue;
            }
            let Some(now) = became.get(&key) else {
                continue;
            };
            if now.iter().any(|n| n.eq_ignore_ascii_case(&r.number)) {
                continue;
            }
            seen.push(key);
            let fate = match now.len() {
                0 => "was removed".to_owned(),
                1 => format!("is now article {}", now[0]),
                _ => format!("is now articles {}", now.join(" and ")),
            };
            notes.push(format!(
                "article {h} still cites article {}, but {} article {} {fate}",
                r.number, base.meta.id, r.number
            ));
        }
    }
    notes
}

/// The byte ranges of the head text that the redline keeps from the base text.
fn carried_over(old: &str, new: &str, c: &Change) -> Vec<std::ops::Range<usize>> {
    if old == new {
        return std::iter::once(0..new.len()).collect();
    }
    let Some(redline) = &c.redline else {
        return Vec::new();
    };
    let mut at = 0;
    let mut kept = Vec::new();
    for s in redline {
        match s.op {
            Op::Equal => {
                kept.push(at..at + s.text.len());
                at += s.text.len();
            }
            Op::Insert => at += s.text.len(),
            Op::Delete => {}
        }
    }
    kept
}
