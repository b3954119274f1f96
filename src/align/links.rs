//! The links found so far, with the reverse maps every stage asks ("is this article
//! free?", "which link holds it?").
//!
//! Later stages may replace earlier, weaker links (a 1:1 similarity link that turns out to
//! be half of a split), so links can be removed; [`Linker::finish`] produces the sorted,
//! deterministic result.

use super::{Link, Method};

pub(crate) struct Linker {
    links: Vec<Option<Link>>,
    base_of: Vec<Option<usize>>,
    head_of: Vec<Option<usize>>,
}

impl Linker {
    pub(crate) fn new(bases: usize, heads: usize) -> Self {
        Linker {
            links: Vec::new(),
            base_of: vec![None; bases],
            head_of: vec![None; heads],
        }
    }

    /// Records a link; every article in it must be free.
    pub(crate) fn add(&mut self, base: Vec<usize>, head: Vec<usize>, score: f64, method: Method) {
        debug_assert!(base.iter().all(|&b| self.base_free(b)));
        debug_assert!(head.iter().all(|&h| self.head_free(h)));
        let id = self.links.len();
        for &b in &base {
            self.base_of[b] = Some(id);
        }
        for &h in &head {
            self.head_of[h] = Some(id);
        }
        self.links.push(Some(Link {
            base,
            head,
            score,
            method,
            confidence: 0.0,
            paragraphs: Vec::new(),
        }));
    }

    /// Adds free articles to link `id` (a part found after the link was made).
    pub(crate) fn extend(&mut self, id: usize, base: &[usize], head: &[usize]) {
        debug_assert!(base.iter().all(|&b| self.base_free(b)));
        debug_assert!(head.iter().all(|&h| self.head_free(h)));
        let Some(link) = self.links.get_mut(id).and_then(Option::as_mut) else {
            return;
        };
        link.base.extend_from_slice(base);
        link.head.extend_from_slice(head);
        for &b in base {
            self.base_of[b] = Some(id);
        }
        for &h in head {
            self.head_of[h] = Some(id);
        }
    }

    /// Drops link `id`, freeing its articles.
    pub(crate) fn remove(&mut self, id: usize) -> Option<Link> {
        let link = self.links.get_mut(id)?.take()?;
        for &b in &link.base {
            self.base_of[b] = None;
        }
        for &h in &link.head {
            self.head_of[h] = None;
        }
        Some(link)
    }

    /// The number of head articles.
    pub(crate) fn heads(&self) -> usize {
        self.head_of.len()
    }

    pub(crate) fn base_free(&self, b: usize) -> bool {
        self.base_of.get(b).is_some_and(Option::is_none)
    }

    pub(crate) fn head_free(&self, h: usize) -> bool {
        self.head_of.get(h).is_some_and(Option::is_none)
    }

    /// The id of the link holding base article `b`.
    pub(crate) fn of_base(&self, b: usize) -> Option<usize> {
        self.base_of.get(b).copied().flatten()
    }

    /// The id of the link holding head article `h`.
    pub(crate) fn of_head(&self, h: usize) -> Option<usize> {
        self.head_of.get(h).copied().flatten()
    }

    pub(crate) fn get(&self, id: usize) -> Option<&Link> {
        self.links.get(id).and_then(Option::as_ref)
    }

    pub(crate) fn get_mut(&mut self, id: usize) -> Option<&mut Link> {
        self.links.get_mut(id).and_then(Option::as_mut)
    }

    /// The live links with their ids.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &Link)> {
        self.links
            .iter()
            .enumerate()
            .filter_map(|(id, l)| Some((id, l.as_ref()?)))
    }

    /// The links sorted by (first head, first base), then the free base and head articles.
    pub(crate) fn finish(self) -> (Vec<Link>, Vec<usize>, Vec<usize>) {
        let removed = free(&self.base_of);
        let added = free(&self.head_of);
        let mut links: Vec<Link> = self.links.into_iter().flatten().collect();
        for l in &mut links {
            l.base.sort_unstable();
            l.head.sort_unstable();
        }
        links.sort_by(|a, b| {
            (a.head.first(), a.base.first()).cmp(&(b.head.first(), b.base.first()))
        });
        (links, removed, added)
    }
}

fn free(of: &[Option<usize>]) -> Vec<usize> {
    of.iter()
        .enumerate()
        .filter_map(|(i, l)| l.is_none().then_some(i))
        .collect()
}
