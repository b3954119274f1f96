//! The frame every page of the site shares: the report's stylesheet plus the site's own
//! rules, a skip link, the site navigation, and the page's `<main id="main">` target.
//! Everything is inline: a page opened on its own, offline, looks the same.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::urls;
use crate::render::{html::CSS, versions_html::EXTRA_CSS};

pub(crate) const SITE_CSS: &str = include_str!("site.css");

/// What every page's navigation names: the site's newest version and its proposals pages.
#[derive(Debug, Clone, Hash)]
pub(crate) struct Nav {
    pub newest: String,
    /// (URL, base version) of each proposals page.
    pub proposals: Vec<(String, String)>,
}

/// A whole page: `url` is where it is written (for relative links), `body` goes after the
/// navigation and must hold the `main#main` element.
pub fn page(url: &str, title: &str, nav: &Nav, body: Markup, script: Option<&str>) -> String {
    let link = |to: &str| urls::relative(url, to);
    let item = |to: &str, label: &str| {
        html! {
            li { @if to == url {
                a href=(link(to)) aria-current="page" { (label) }
            } @else {
                a href=(link(to)) { (label) }
            } }
        }
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            (crate::render::html::head(title, &[CSS, EXTRA_CSS, SITE_CSS]))
            body {
                a.skip href="#main" { "Skip to content" }
                nav.site aria-label="Site" {
                    ul {
                        (item(urls::HOME, "Versions and comparisons"))
                        (item(&urls::contents(&nav.newest), &format!("Articles of {}", nav.newest)))
                        @for (to, base) in &nav.proposals {
                            (item(to, &format!("Proposals against {base}")))
                        }
                        (item(urls::SEARCH, "Search"))
                    }
                }
                (body)
                @if let Some(s) = script { script { (PreEscaped(s)) } }
            }
        }
    }
    .into_string()
}
