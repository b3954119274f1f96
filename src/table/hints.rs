//! `diff --hints TABLE`: a correlation table's rows as `from` hints on the head
//! articles, so that the user's pairings outrank the text evidence (`docs/alignment.md`,
//! stage 2). Only rows naming articles on both sides count; articles the versions do not
//! have are skipped, as the alignment skips unknown hints. A row replaces the notes of
//! former numbers (`(ex Article 81 TEC)`) its head article carried.

use super::published::{Row, Side};
use crate::model::{same_number, Draft};

/// Adds the table's pairings to `head`'s articles as `from` hints on `base`; returns how
/// many were added.
pub fn apply(rows: &[Row], base: &Draft, head: &mut Draft) -> usize {
    let mut rows = rows.to_vec();
    super::published::ranges_against(&mut rows, base, head);
    let mut added = 0;
    let base_id = base.meta.id.clone();
    for row in &rows {
        let (Side::Refs(olds), Side::Refs(news)) = (&row.old, &row.new) else {
            continue;
        };
        for n in news {
            let Some(article) = head
                .chapters
                .iter_mut()
                .flat_map(|c| c.articles.iter_mut())
                .find(|a| same_number(&a.number, &n.article))
            else {
                continue;
            };
            // The user's pairing outranks the document's own notes of former numbers.
            article
                .from
                .retain(|h| crate::load::document::former::note(h).is_none());
            for o in olds {
                let Some(found) = base.find(&o.article) else {
                    continue;
                };
                let hint = format!("{base_id}:{}", found.article.number);
                if !article.from.contains(&hint) {
                    article.from.push(hint);
                    added += 1;
                }
            }
        }
    }
    added
}
