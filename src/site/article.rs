//! The history page of each article of the newest version (every version that has it,
//! every step with its redline and rationale, from [`crate::versions::history`]), and
//! the contents page that lists them.

use std::collections::HashMap;

use maud::{html, Markup};

use super::{shell, urls, Site};
use crate::change::Change;
use crate::error::Result;
use crate::model::PREAMBLE;
use crate::render::html::redline;
use crate::render::report;
use crate::versions::history::{history, Step};
use crate::versions::Lineage;

fn article_name(number: &str) -> String {
    if number.eq_ignore_ascii_case(PREAMBLE) {
        PREAMBLE.to_owned()
    } else {
        format!("Article {number}")
    }
}

/// The contents of the newest version, each article linked to its history.
pub fn contents(site: &Site<'_>, url: &str) -> String {
    let d = &site.lineage.drafts[site.newest];
    let link = |number: &str, title: &str| {
        let href = urls::relative(url, &urls::article(&d.meta.id, number));
        html! { li { a href=(href) { (article_name(number)) @if !title.is_empty() && !title.eq_ignore_ascii_case(number) { " — " (title) } } } }
    };
    let body = html! {
        header {
            h1 { "Articles of " (d.meta.id) }
            p { (d.meta.title) ". Each article links to its history through every version." }
        }
        main #main {
            @if let Some(p) = &d.preamble {
                ul.contents { (link(&p.number, "")) }
            }
            @for c in &d.chapters {
                section {
                    h2 { @if !c.number.is_empty() { "Chapter " (c.number) " — " } (c.title) }
                    ul.contents { @for a in &c.articles { (link(&a.number, &a.title)) } }
                }
            }
        }
    };
    shell::page(
        url,
        &format!("Articles of {}", d.meta.id),
        &site.nav,
        body,
        None,
    )
}

/// The history page of `number` of the newest version; `neighbours` are the articles
/// before and after it, for the pager.
pub fn page(
    site: &Site<'_>,
    anchors: &Anchors,
    number: &str,
    neighbours: (Option<&String>, Option<&String>),
    url: &str,
) -> Result<String> {
    let newest = site.id(site.newest);
    let h = history(site.lineage, number, Some(newest))?;
    let d = &site.lineage.drafts[site.newest];
    let found = d.find(number);
    let title = found.map(|a| a.article.title.as_str()).unwrap_or_default();
    let chapter = found
        .and_then(|a| a.chapter)
        .map(|c| &d.chapters[c])
        .map(|c| format!("Chapter {} — {}", c.number, c.title));
    let name = article_name(number);
    let heading = if title.is_empty() || title.eq_ignore_ascii_case(&name) {
        name.clone()
    } else {
        format!("{name} — {title}")
    };
    let link = |to: &str| urls::relative(url, to);
    let pager = |n: Option<&String>, rel: &str| {
        html! { @if let Some(n) = n {
            a href=(link(&urls::article(newest, n))) rel=(rel) {
                @if rel == "prev" { "← " (article_name(n)) } @else { (article_name(n)) " →" }
            }
        } @else { span {} } }
    };
    let body = html! {
        header {
            h1 { (heading) }
            p.meta { (newest) @if let Some(c) = &chapter { " · " (c) } }
        }
        main #main {
            section #text {
                h2 { "Text in " (newest) }
                div.text { @for line in found.map(|a| a.article.text.as_str()).unwrap_or_default().lines() {
                    @if !line.trim().is_empty() { p { (line) } }
                } }
            }
            section #versions {
                h2 { "In every version (" (h.versions.len()) ")" }
                div.table-scroll { table {
                    thead { tr {
                        th scope="col" { "Version" }
                        th scope="col" { "Status" }
                        th scope="col" { "Date" }
                        th scope="col" { "Article" }
                        th scope="col" { "Chapter" }
                    } }
                    tbody { @for p in &h.versions { tr {
                        th scope="row" { (p.id) }
                        td { (p.status) }
                        td { (p.date.as_deref().unwrap_or("—")) }
                        td { @for (i, a) in p.articles.iter().enumerate() {
                            @if i > 0 { "; " }
                            (article_name(&a.number)) @if !a.title.is_empty() && a.title != a.number { " — " (a.title) }
                        } }
                        td { (p.articles.iter().filter_map(|a| a.chapter.clone()).collect::<Vec<_>>().join(", ")) }
                    } } }
                } }
            }
            section #history {
                h2 { "History: " (h.steps.len()) @if h.steps.len() == 1 { " step" } @else { " steps" } }
                @if h.steps.is_empty() { p.meta { "No version before " (newest) " has this article." } }
                @for step in &h.steps { (step_section(site, anchors, step, url)) }
            }
            p.pager { (pager(neighbours.0, "prev")) (pager(neighbours.1, "next")) }
        }
        footer { p { "Generated by draftdiff. Deletions are struck through, insertions underlined." } }
    };
    Ok(shell::page(url, &heading, &site.nav, body, None))
}

fn step_section(site: &Site<'_>, anchors: &Anchors, step: &Step, url: &str) -> Markup {
    let on_site = |id: &str| site.versions.iter().any(|&v| site.id(v) == id);
    let pair = (on_site(&step.from) && on_site(&step.to)).then(|| urls::pair(&step.from, &step.to));
    let via = match step.via {
        crate::versions::Via::Parent => "revises its parent",
        crate::versions::Via::Hints => "condenses it (by its articles' hints)",
        crate::versions::Via::Proposal => "consolidates the proposal",
    };
    let id = format!(
        "step-{}..{}",
        report::slug(&step.from),
        report::slug(&step.to)
    );
    html! {
        section.step id=(id) {
            h3 { (step.from) " → " (step.to) }
            p.meta { (step.to) " " (via) " " (step.from) "." }
            @for c in &step.changes {
                article.change {
                    h4 { (report::change_heading(c)) }
                    p.meta {
                        span class={ "badge kind-" (c.kind.as_str()) } { span.label { "kind: " } (c.kind.as_str()) }
                        span class={ "badge sev-" (c.severity.as_str()) } { span.label { "severity: " } (c.severity.as_str()) }
                        @if let Some(moved) = report::chapter_move(c) { (moved) " · " }
                        (report::change_figures(c))
                    }
                    @if let Some(p) = &pair {
                        p { a href={ (urls::relative(url, p)) "#" (anchors.get(step, c)) } {
                            "In the comparison " (step.from) " → " (step.to)
                        } }
                    }
                    @if !c.reasons.is_empty() { ul.reasons { @for r in &c.reasons { li { (r) } } } }
                    @if c.annotations.is_empty() {
                        p.meta { "No rationale recorded for this change." }
                    }
                    @for a in &c.annotations {
                        p.annotation { span.theme { (a.theme) ":" } " " (a.rationale) }
                    }
                    (redline(c))
                }
            }
        }
    }
}

/// The anchor each change of each edge of the lineage has in its pair's report
/// (`a-26`, `a-1.0-12`), worked out once for all history pages.
#[derive(Default)]
pub(crate) struct Anchors(HashMap<(String, String, Vec<String>, Vec<String>), String>);

impl Anchors {
    pub fn of(lineage: &Lineage) -> Anchors {
        let mut map = HashMap::new();
        for (e, edge) in lineage.edges.iter().enumerate() {
            let Ok(cmp) = lineage.comparison(e) else {
                continue;
            };
            for s in report::sections(cmp) {
                for i in s.changes.into_iter().chain(s.unchanged) {
                    let key = (
                        lineage.id(edge.from).to_owned(),
                        lineage.id(edge.to).to_owned(),
                        i.change.base.clone(),
                        i.change.head.clone(),
                    );
                    map.insert(key, i.anchor);
                }
            }
        }
        Anchors(map)
    }

    fn get(&self, step: &Step, c: &Change) -> String {
        let key = (
            step.from.clone(),
            step.to.clone(),
            c.base.clone(),
            c.head.clone(),
        );
        self.0.get(&key).cloned().unwrap_or_else(|| {
            let n = c.head.first().or(c.base.first()).map_or("", String::as_str);
            format!("a-{}", report::slug(n))
        })
    }
}
