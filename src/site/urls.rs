//! The site's URL scheme. Every URL depends only on version ids and article numbers, so a
//! link pasted in an e-mail or the minutes keeps working when the site is rebuilt:
//!
//! | page | URL |
//! | --- | --- |
//! | home | `index.html` |
//! | one comparison | `pair/1.0..3.0.html` (its changes at `#a-26`, chapters at `#ch-IV`) |
//! | an article's history | `article/3.0/26.html` |
//! | the articles of a version | `article/3.0/index.html` |
//! | proposals against a base | `proposals/1.0.html` |
//! | search | `search.html` (`?q=…` runs a search), with `search-index.js` |
//!
//! Ids and numbers are kept as written except characters other than letters, digits,
//! `.`, `-` and `_`, which become `-` (as the report's anchors do); a name that would be
//! empty or start with a dot is prefixed with `_`, so no path leaves its folder.

use crate::render::report::slug;

pub const HOME: &str = "index.html";
pub(crate) const SEARCH: &str = "search.html";
pub(crate) const SEARCH_INDEX: &str = "search-index.js";

/// A version id or article number as one safe path segment.
pub(crate) fn segment(text: &str) -> String {
    let s = slug(text);
    if s.starts_with('.') {
        format!("_{s}")
    } else {
        s
    }
}

/// The redline page of `base` against `head`.
pub fn pair(base: &str, head: &str) -> String {
    format!("pair/{}..{}.html", segment(base), segment(head))
}

/// The history page of article `number` of `version`.
pub fn article(version: &str, number: &str) -> String {
    format!("article/{}/{}.html", segment(version), segment(number))
}

/// The contents page of `version`: each article linked to its history.
pub fn contents(version: &str) -> String {
    format!("article/{}/index.html", segment(version))
}

/// The proposals page of the proposals revising `base`.
pub fn proposals(base: &str) -> String {
    format!("proposals/{}.html", segment(base))
}

/// `url` (relative to the site's root) as a link from the page at `from`.
pub fn relative(from: &str, url: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{url}", "../".repeat(depth))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_stable_and_readable() {
        assert_eq!(pair("1.0", "3.0"), "pair/1.0..3.0.html");
        assert_eq!(pair("3.0-health", "3.0"), "pair/3.0-health..3.0.html");
        assert_eq!(article("3.0", "26"), "article/3.0/26.html");
        assert_eq!(article("3.0", "33bis"), "article/3.0/33bis.html");
        assert_eq!(article("3.0", "Preamble"), "article/3.0/Preamble.html");
        assert_eq!(contents("3.0"), "article/3.0/index.html");
        assert_eq!(proposals("1.0"), "proposals/1.0.html");
    }

    #[test]
    fn no_segment_leaves_its_folder() {
        assert_eq!(segment("../etc"), "_..-etc");
        assert_eq!(segment(".."), "_..");
        assert_eq!(segment("a/b\\c"), "a-b-c");
        assert_eq!(segment(""), "x");
        assert_eq!(segment("Art. 12 a"), "Art.-12-a");
        assert_eq!(
            article("<script>", "1"),
            "article/-script-/1.html",
            "markup characters never reach a path"
        );
    }

    #[test]
    fn links_are_relative_to_the_page() {
        assert_eq!(relative(HOME, "pair/1.0..3.0.html"), "pair/1.0..3.0.html");
        assert_eq!(relative("pair/1.0..3.0.html", HOME), "../index.html");
        assert_eq!(
            relative("article/3.0/26.html", "pair/1.0..3.0.html#a-26"),
            "../../pair/1.0..3.0.html#a-26"
        );
    }
}
