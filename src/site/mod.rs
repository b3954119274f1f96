//! `draftdiff site -o DIR [VERSIONS…]`: a static site of every version, every comparison
//! and the history of every article of the newest version, for people who do not use a
//! command line — offline, with no server and no request leaving the folder
//! (`docs/site.md`).
//!
//! Nothing here compares or formats on its own terms: each comparison is
//! [`crate::compare`]'s, each redline page the HTML report ([`crate::render::html`]) with
//! links added, each history [`crate::versions::history`], each proposals page
//! `crate::render::versions_html`. This module plans the pages (`urls`), decides which
//! need rendering again ([`write`](mod@write)), and frames them (`shell`).

mod article;
mod home;
mod pair;
mod search;
mod shell;
pub(crate) mod urls;
pub mod write;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::change::Comparison;
use crate::error::{Error, Result};
use crate::model::{same_number, Status};
use crate::versions::{Lineage, Via};
use shell::Nav;
pub use write::Built;
use write::{fingerprint, Output};

/// The site's versions and the comparisons its pages need, computed once each.
pub(crate) struct Site<'a> {
    pub lineage: &'a Lineage,
    /// Draft indices of the versions on the site, in lineage order.
    pub versions: Vec<usize>,
    /// The last of them: its articles get history pages.
    pub newest: usize,
    pub nav: Nav,
    comparisons: HashMap<(usize, usize), Comparison>,
}

impl Site<'_> {
    pub fn id(&self, i: usize) -> &str {
        self.lineage.id(i)
    }

    /// Every pair of versions on the site, older first.
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (n, &b) in self.versions.iter().enumerate() {
            for &h in &self.versions[n + 1..] {
                out.push((b, h));
            }
        }
        out
    }

    /// The comparison of two versions (computed by [`Site::compare_all`]).
    pub fn comparison(&self, base: usize, head: usize) -> Option<&Comparison> {
        self.comparisons.get(&(base, head))
    }

    /// Compares the pairs not compared yet, in parallel, and hands the lineage those of
    /// its edges so that histories do not compare them again.
    fn compare_all(&mut self, pairs: &[(usize, usize)]) {
        let pending: Vec<(usize, usize)> = pairs
            .iter()
            .copied()
            .filter(|p| !self.comparisons.contains_key(p))
            .collect();
        let drafts = &self.lineage.drafts;
        let done: Vec<((usize, usize), Comparison)> = pending
            .par_iter()
            .map(|&(b, h)| {
                let cmp = crate::compare::compare(&drafts[b], &drafts[h], &Default::default());
                ((b, h), cmp)
            })
            .collect();
        for (pair, cmp) in done {
            if let Some(e) = (0..self.lineage.edges.len())
                .find(|&e| (self.lineage.edges[e].from, self.lineage.edges[e].to) == pair)
            {
                self.lineage.seed(e, cmp.clone());
            }
            self.comparisons.insert(pair, cmp);
        }
    }

    /// The article of the newest version that article `number` of version `v` became,
    /// when there is one (its first number, after a split).
    pub(crate) fn in_newest(&self, v: usize, number: &str) -> Option<String> {
        if v == self.newest {
            return self.lineage.drafts[v]
                .find(number)
                .map(|a| a.article.number.clone());
        }
        self.comparison(v, self.newest)?
            .changes
            .iter()
            .find(|c| c.base.iter().any(|b| same_number(b, number)))
            .and_then(|c| c.head.first().cloned())
    }
}

/// Builds the site of `versions` (ids of the lineage; all of them when empty) in `out`.
/// With `force` every page is rendered again; files are still written only when their
/// bytes differ.
pub fn build(lineage: &Lineage, versions: &[String], out: &Path, force: bool) -> Result<Built> {
    let mut selected: Vec<usize> = if versions.is_empty() {
        lineage.order.clone()
    } else {
        versions
            .iter()
            .map(|v| lineage.find(v))
            .collect::<Result<_>>()?
    };
    selected.sort_by_key(|&i| lineage.rank(i));
    selected.dedup();
    let Some(&newest) = selected.last() else {
        return Err(Error::Invalid("the site needs at least one version".into()));
    };
    for &i in &selected {
        crate::validate::refuse_fatal(&lineage.drafts[i])?;
    }
    let groups = proposal_groups(lineage, &selected);
    let nav = Nav {
        newest: lineage.id(newest).to_owned(),
        proposals: groups
            .iter()
            .map(|g| {
                (
                    urls::proposals(lineage.id(g.base)),
                    lineage.id(g.base).to_owned(),
                )
            })
            .collect(),
    };
    let mut site = Site {
        lineage,
        versions: selected,
        newest,
        nav,
        comparisons: HashMap::new(),
    };
    check_urls(&site)?;

    let prints: Vec<String> = lineage
        .drafts
        .iter()
        .map(write::draft_fingerprint)
        .collect();
    let ids: Vec<&str> = site.versions.iter().map(|&i| lineage.id(i)).collect();
    let common = fingerprint(&(
        write::FORMAT,
        env!("CARGO_PKG_VERSION"),
        crate::render::html::CSS,
        crate::render::html::SCRIPT,
        crate::render::versions_html::EXTRA_CSS,
        shell::SITE_CSS,
        search::SCRIPT,
        &site.nav,
        &ids,
    ));
    // Histories, proposals and the search index may read any draft of the lineage.
    let everything = fingerprint(&(&common, &prints));
    let mut output = Output::open(out, force)?;

    // Pairs first: the home page shows what each found.
    let pairs = site.pairs();
    let pair_inputs: Vec<String> = pairs
        .iter()
        .map(|&(b, h)| fingerprint(&(&common, &prints[b], &prints[h], &prints[newest])))
        .collect();
    let mut notes: BTreeMap<(usize, usize), String> = BTreeMap::new();
    let mut stale = Vec::new();
    for (&(b, h), inputs) in pairs.iter().zip(&pair_inputs) {
        let url = urls::pair(lineage.id(b), lineage.id(h));
        match output.unchanged(&url, inputs) {
            Some(record) => {
                notes.insert((b, h), record.note.clone().unwrap_or_default());
                output.keep(&url, record);
            }
            None => stale.push((b, h)),
        }
    }
    let index_url = urls::SEARCH_INDEX;
    let index_kept = output.unchanged(index_url, &everything);
    // Links to the newest version's articles need each version compared with it.
    let mut needed = stale.clone();
    if !stale.is_empty() || index_kept.is_none() {
        needed.extend(
            site.versions
                .iter()
                .filter(|&&v| v != newest)
                .map(|&v| (v, newest)),
        );
    }
    site.compare_all(&needed);
    for ((b, h), inputs) in pairs.iter().copied().zip(&pair_inputs) {
        if !stale.contains(&(b, h)) {
            continue;
        }
        let url = urls::pair(lineage.id(b), lineage.id(h));
        let (page, note) = pair::page(&site, b, h, &url);
        output.put(&url, inputs, page.as_bytes(), Some(note.clone()))?;
        notes.insert((b, h), note);
    }

    let home_inputs = fingerprint(&(&common, &prints, &notes.values().collect::<Vec<_>>()));
    if let Some(r) = output.unchanged(urls::HOME, &home_inputs) {
        output.keep(urls::HOME, r);
    } else {
        let page = home::page(&site, &notes, &groups);
        output.put(urls::HOME, &home_inputs, page.as_bytes(), None)?;
    }

    match index_kept {
        Some(r) => output.keep(index_url, r),
        None => {
            let index = search::index(&site);
            output.put(index_url, &everything, index.as_bytes(), None)?;
        }
    }
    let search_inputs = fingerprint(&(&common, "search"));
    if let Some(r) = output.unchanged(urls::SEARCH, &search_inputs) {
        output.keep(urls::SEARCH, r);
    } else {
        let page = search::page(&site);
        output.put(urls::SEARCH, &search_inputs, page.as_bytes(), None)?;
    }

    let contents_url = urls::contents(lineage.id(newest));
    let contents_inputs = fingerprint(&(&common, &prints[newest]));
    if let Some(r) = output.unchanged(&contents_url, &contents_inputs) {
        output.keep(&contents_url, r);
    } else {
        let page = article::contents(&site, &contents_url);
        output.put(&contents_url, &contents_inputs, page.as_bytes(), None)?;
    }

    // The history pages and the proposals pages read the lineage only: rendered in
    // parallel, written in order.
    let numbers: Vec<String> = lineage.drafts[newest]
        .articles()
        .map(|a| a.article.number.clone())
        .collect();
    let mut pending: Vec<(usize, String)> = Vec::new();
    for (n, number) in numbers.iter().enumerate() {
        let url = urls::article(lineage.id(newest), number);
        match output.unchanged(&url, &everything) {
            Some(r) => output.keep(&url, r),
            None => pending.push((n, url)),
        }
    }
    let mut groups_pending: Vec<(&Group, String)> = Vec::new();
    for g in &groups {
        let url = urls::proposals(lineage.id(g.base));
        match output.unchanged(&url, &everything) {
            Some(r) => output.keep(&url, r),
            None => groups_pending.push((g, url)),
        }
    }
    // Worked out only when a history page is rendered: it compares every edge.
    let anchors = if pending.is_empty() {
        article::Anchors::default()
    } else {
        article::Anchors::of(lineage)
    };
    let site = &site;
    let (articles, proposals) = rayon::join(
        || {
            pending
                .par_iter()
                .map(|(n, url)| {
                    let neighbours = (
                        n.checked_sub(1).and_then(|p| numbers.get(p)),
                        numbers.get(n + 1),
                    );
                    article::page(site, &anchors, &numbers[*n], neighbours, url)
                })
                .collect::<Result<Vec<String>>>()
        },
        || {
            groups_pending
                .par_iter()
                .map(|(g, url)| proposals_page(site, g, url))
                .collect::<Result<Vec<String>>>()
        },
    );
    for ((_, url), page) in pending.iter().zip(articles?) {
        output.put(url, &everything, page.as_bytes(), None)?;
    }
    for ((_, url), page) in groups_pending.iter().zip(proposals?) {
        output.put(url, &everything, page.as_bytes(), None)?;
    }
    output.finish()
}

/// The proposals page of a group: the `proposals` HTML report in the site's frame.
fn proposals_page(site: &Site<'_>, g: &Group, url: &str) -> Result<String> {
    let lineage = site.lineage;
    let ids: Vec<String> = g
        .proposals
        .iter()
        .map(|&p| lineage.id(p).to_owned())
        .collect();
    let report = crate::versions::proposals::proposals(
        lineage,
        lineage.id(g.base),
        &ids,
        g.into.map(|c| lineage.id(c)),
    )?;
    let title = format!("Proposals against {}", lineage.id(g.base));
    let body = crate::render::versions_html::body(&report);
    Ok(shell::page(url, &title, &site.nav, body, None))
}

/// Proposals that revise the same version, and the draft that consolidates them.
pub(crate) struct Group {
    pub base: usize,
    pub proposals: Vec<usize>,
    pub into: Option<usize>,
}

/// Every version on the site revised by two or more proposals on the site.
fn proposal_groups(lineage: &Lineage, selected: &[usize]) -> Vec<Group> {
    let mut groups = Vec::new();
    for &base in selected {
        let proposals: Vec<usize> = selected
            .iter()
            .copied()
            .filter(|&p| {
                let d = &lineage.drafts[p];
                d.meta.status == Status::Proposal
                    && d.meta.parent.as_deref() == Some(lineage.id(base))
            })
            .collect();
        if proposals.len() < 2 {
            continue;
        }
        let into = selected.iter().copied().find(|&c| {
            proposals.iter().all(|&p| {
                lineage
                    .edges
                    .iter()
                    .any(|e| e.from == p && e.to == c && e.via == Via::Proposal)
            })
        });
        groups.push(Group {
            base,
            proposals,
            into,
        });
    }
    groups
}

/// Two versions whose ids make the same file name would overwrite each other's pages.
fn check_urls(site: &Site<'_>) -> Result<()> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for &v in &site.versions {
        let id = site.id(v);
        if let Some(other) = seen.insert(urls::segment(id).to_lowercase(), id) {
            return Err(Error::Invalid(format!(
                "the versions `{other}` and `{id}` would have the same pages on the site: \
                 rename one"
            )));
        }
    }
    Ok(())
}

/// `site -o DIR [VERSIONS…] [--force]`: builds the site of the versions named (by id or
/// by path) and says what it wrote.
pub fn run(
    catalog: &crate::load::Catalog,
    versions: &[String],
    out: &Path,
    force: bool,
    warn: crate::output::Warn<'_>,
) -> Result<crate::output::Output> {
    let start = std::time::Instant::now();
    let lineage = crate::inputs::lineage(catalog, versions, warn)?;
    let ids: Vec<String> = versions
        .iter()
        .map(|v| crate::inputs::resolved_id(&lineage, v).to_owned())
        .collect();
    let built = build(&lineage, &ids, out, force)?;
    Ok(crate::output::Output::Wrote(format!(
        "site: {} pages in {}: {} written, {} unchanged, {} removed ({} ms)",
        built.pages,
        out.display(),
        built.written.len(),
        built.identical + built.kept,
        built.removed.len(),
        start.elapsed().as_millis()
    )))
}

#[cfg(test)]
mod tests;
