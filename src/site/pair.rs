//! A comparison's page: the HTML redline report of the pair, with its change-impact table
//! linking to every changed article, and each change linking to the history of the
//! newest version's article it became.

use maud::html;

use super::{shell, urls, Site};
use crate::change::Change;
use crate::render::html::{self, Links};

/// The page of `base` against `head`, and the line the home page shows for it.
pub fn page(site: &Site<'_>, base: usize, head: usize, url: &str) -> (String, String) {
    let cmp = site
        .comparison(base, head)
        .expect("the pairs to render are compared first");
    let newest = site.id(site.newest);
    let history = |c: &Change| -> Option<String> {
        let found = match (c.head.first(), c.base.first()) {
            (Some(h), _) => site.in_newest(head, h),
            (None, Some(b)) => site.in_newest(base, b),
            (None, None) => None,
        }?;
        Some(urls::relative(url, &urls::article(newest, &found)))
    };
    let links = Links {
        history: Some(&history),
        impact_articles: true,
    };
    let title = format!("{} → {}", site.id(base), site.id(head));
    let body = html! { (html::body_with(cmp, &links)) };
    let page = shell::page(
        url,
        &format!("Redline: {title}"),
        &site.nav,
        body,
        Some(html::SCRIPT),
    );
    let changed = cmp.summary.changed();
    let note = match changed {
        0 => "no changes".to_owned(),
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    };
    (page, note)
}
