//! Client-side search: an index of every article of every version on the site, written
//! at build time as `search-index.js` (loaded by a `<script>` element, which works from a
//! `file://` folder where `fetch` does not), and the search page whose script filters it
//! by words in the title and text, version, chapter, kind, severity and theme.
//!
//! Kind, severity and themes of a record: for an article of the newest version, its
//! change from the oldest version on the site; for an article of an older version, what
//! the newest version made of it. Each record links to where that change is shown: the
//! article's history page, or the comparison with the newest version at the change.

use std::collections::HashMap;

use maud::html;
use serde::Serialize;

use super::{shell, urls, Site};
use crate::change::Change;
use crate::model::same_number;
use crate::render::report;

pub(crate) const SCRIPT: &str = include_str!("search.js");

#[derive(Debug, Serialize)]
pub(crate) struct Index<'a> {
    /// Version ids, newest last; records name them by position.
    pub versions: Vec<&'a str>,
    pub records: Vec<Record<'a>>,
}

/// One article of one version.
#[derive(Debug, Serialize)]
pub(crate) struct Record<'a> {
    /// Position of the version in [`Index::versions`].
    pub v: usize,
    /// Number, title, chapter (`IV — Migrant Workers`, empty for the preamble), text.
    pub n: &'a str,
    pub t: &'a str,
    pub c: String,
    pub x: &'a str,
    /// Kind and severity of the change (empty without one), its themes.
    pub k: &'static str,
    pub s: &'static str,
    pub th: Vec<&'a str>,
    /// Where to read it, relative to the site's root.
    pub u: String,
}

/// The index as a script: `window.DRAFTDIFF_SEARCH = {…};`.
pub fn index(site: &Site<'_>) -> String {
    script_json(&build(site))
}

/// JSON made safe to place inside a `<script>` element: no `<`, `>` or `&` (so no
/// `</script>` or `<!--`), and no line separators, whatever the draft text holds.
pub(crate) fn script_json(index: &impl Serialize) -> String {
    let json = serde_json::to_string(index).expect("the index serialises");
    let safe = json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("window.DRAFTDIFF_SEARCH = {safe};\n")
}

pub fn build<'a>(site: &'a Site<'a>) -> Index<'a> {
    let newest = site.newest;
    let first = site.versions[0];
    let mut records = Vec::new();
    for (pos, &v) in site.versions.iter().enumerate() {
        let d = &site.lineage.drafts[v];
        let (cmp, on_head) = if v == newest {
            (site.comparison(first, newest), true)
        } else {
            (site.comparison(v, newest), false)
        };
        let anchors: HashMap<*const Change, String> = cmp
            .map(|cmp| {
                report::sections(cmp)
                    .into_iter()
                    .flat_map(|s| s.changes.into_iter().chain(s.unchanged))
                    .map(|i| (i.change as *const Change, i.anchor))
                    .collect()
            })
            .unwrap_or_default();
        for a in d.articles() {
            let n = a.article.number.as_str();
            let change = cmp.and_then(|cmp| {
                cmp.changes.iter().find(|c| {
                    let side = if on_head { &c.head } else { &c.base };
                    side.iter().any(|s| same_number(s, n))
                })
            });
            let u = if on_head {
                urls::article(site.id(v), n)
            } else {
                let anchor = change
                    .and_then(|c| anchors.get(&(c as *const Change)))
                    .cloned()
                    .unwrap_or_default();
                format!("{}#{anchor}", urls::pair(site.id(v), site.id(newest)))
            };
            let c = a
                .chapter
                .map(|i| &d.chapters[i])
                .map(|c| format!("{} — {}", c.number, c.title))
                .unwrap_or_default();
            records.push(Record {
                v: pos,
                n,
                t: &a.article.title,
                c,
                x: &a.article.text,
                k: change.map_or("", |c| c.kind.as_str()),
                s: change.map_or("", |c| c.severity.as_str()),
                th: change
                    .map(|c| c.annotations.iter().map(|a| a.theme.as_str()).collect())
                    .unwrap_or_default(),
                u,
            });
        }
    }
    Index {
        versions: site.versions.iter().map(|&v| site.id(v)).collect(),
        records,
    }
}

/// The search page; its script fills the lists of the form from the index.
pub fn page(site: &Site<'_>) -> String {
    let url = urls::SEARCH;
    let body = html! {
        header {
            h1 { "Search" }
            p { "Words in the title or text of any article of any version (every word must appear). "
                "Kind and severity: for an article of " (site.id(site.newest)) ", its change since "
                (site.id(site.versions[0])) "; for an article of an older version, what "
                (site.id(site.newest)) " made of it." }
            form.search role="search" #search action=(url) method="get" {
                label { "Words" input type="search" name="q" #q; }
                label { "Version" select name="v" { option value="" { "all" } } }
                label { "Chapter" select name="c" { option value="" { "all" } } }
                label { "Kind" select name="k" { option value="" { "all" } } }
                label { "Severity" select name="s" { option value="" { "all" } } }
                label { "Theme" select name="th" { option value="" { "all" } } }
                button type="submit" { "Search" }
            }
            noscript { p { "Search needs JavaScript. Without it, the "
                a href=(urls::contents(site.id(site.newest))) { "articles of " (site.id(site.newest)) }
                " and the comparisons on the home page list everything." } }
        }
        main #main {
            p #count role="status" aria-live="polite" {}
            ol.results #results {}
        }
        script src=(urls::SEARCH_INDEX) {}
    };
    shell::page(url, "Search", &site.nav, body, Some(SCRIPT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_cannot_close_its_script() {
        let text = "</script><script>alert(1)</script> <!-- & \u{2028}";
        let out = script_json(&serde_json::json!({ "x": text }));
        for bad in ["</", "<!--", "<", ">", "&", "\u{2028}"] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        let json = out
            .trim_start_matches("window.DRAFTDIFF_SEARCH = ")
            .trim_end_matches(";\n");
        let back: serde_json::Value = serde_json::from_str(json).expect("still JSON");
        assert_eq!(back["x"], text, "and it reads back as the same text");
    }
}
