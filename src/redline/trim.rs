//! Trimming a near-equal pair to its changed middle before it is tokenised.
//!
//! Most changed pairs of a long draft differ in a citation number or two; tokenising the
//! whole of both texts to find that out was most of their redline. The common prefix and
//! suffix of their bytes are cut off instead, at a boundary where the tokens after the
//! cut (or before it) are the same whether the text is tokenised whole or from the cut,
//! and with a margin of unchanged tokens left on each side of the change, so that the
//! steps after the diff see what they would have seen in the whole texts:
//!
//! * the slide (`super::slide`) moves a lone edit at most [`MAX_SLIDE`] tokens into the
//!   equal run beside it, and scores each position by the two tokens before it and the one
//!   after it, or by the edge of the text; with [`MARGIN_TOKENS`] equal tokens between the
//!   change and the cut, neither reaches the cut;
//! * the clean-up (`super::cleanup`) only reads the equal runs between two changes, which
//!   lie inside the middle; the first and last equal runs are emitted as they are.
//!
//! The windows' redline is then the whole texts' with the cut-off text added to its first
//! and last equal segment. Whether the margins hold is only known once the windows are
//! tokenised ([`Cut::holds`]); when they do not, the whole texts are redlined.
//!
//! A cut is safe for the tokeniser (`super::tokens`) just after a line break (UAX #29
//! breaks there, the ASCII scanner ends its token there, and a note reference or an
//! escaped pipe never spans one), or between an ASCII space and an ASCII letter or digit
//! in a line that is ASCII in both texts: that line is read by the ASCII scanner, whose
//! space run ends at the letter and whose words never look past a space.

use super::slide::MAX_SLIDE;

/// Unchanged tokens needed between a cut and the change: the slide's reach and the two
/// tokens before an edge that its score reads.
pub(crate) const MARGIN_TOKENS: usize = MAX_SLIDE + 2;

/// Spaces followed by something else that a cut leaves between itself and the change: each
/// is a token and so is what follows it, so this is a first guess at [`MARGIN_TOKENS`]
/// tokens, checked after tokenising.
const MARGIN_SPACES: usize = MARGIN_TOKENS / 2 + 4;

/// Where a pair of texts is cut: `front` bytes off the start of both, `back` bytes off the
/// end of both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut {
    pub front: usize,
    pub back: usize,
}

impl Cut {
    /// No cut: the whole texts.
    pub(crate) const NONE: Cut = Cut { front: 0, back: 0 };

    /// The cut for `base` and `head` (which differ), or [`Cut::NONE`] when the change is
    /// too close to both ends for a cut to leave the margin.
    pub(crate) fn of(base: &str, head: &str) -> Cut {
        let (b, h) = (base.as_bytes(), head.as_bytes());
        let prefix = common_prefix(b, h);
        let suffix = common_suffix(&b[prefix..], &h[prefix..]);
        Cut {
            front: front_cut(b, h, prefix),
            back: back_cut(b, h, suffix),
        }
    }

    /// The part of `text` that is tokenised.
    pub(crate) fn window<'a>(&self, text: &'a str) -> &'a str {
        &text[self.front..text.len() - self.back]
    }

    /// Whether the windows' common prefix and suffix (in tokens, the suffix counted after
    /// the prefix) leave the margin on every side that was cut.
    pub(crate) fn holds(&self, prefix: usize, suffix: usize) -> bool {
        (self.front == 0 || prefix >= MARGIN_TOKENS) && (self.back == 0 || suffix >= MARGIN_TOKENS)
    }
}

/// The length of the common prefix of two byte strings, eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n && a[i..i + 8] == b[i..i + 8] {
        i += 8;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the common suffix of two byte strings.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + 8 <= n && a[n - i - 8..n - i] == b[n - i - 8..n - i] {
        i += 8;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// The front cut: a safe boundary in the first `prefix` bytes (common to `b` and `h`) with
/// [`MARGIN_SPACES`] space runs between it and the first difference, or 0.
fn front_cut(b: &[u8], h: &[u8], prefix: usize) -> usize {
    // Count, from the difference back, the space runs that end before it.
    let mut spaces = 0;
    let mut i = prefix;
    while spaces < MARGIN_SPACES {
        if i < 2 {
            return 0;
        }
        i -= 1;
        if b[i - 1] == b' ' && b[i] != b' ' {
            spaces += 1;
        }
    }
    // `b[i - 1]` ends the farthest run counted; cut at or before it.
    let mut c = i - 1;
    while c > 0 {
        if b[c - 1] == b'\n' {
            return c;
        }
        if b[c - 1] == b' ' && b[c].is_ascii_alphanumeric() {
            let start = memchr::memrchr(b'\n', &b[..c]).map_or(0, |n| n + 1);
            return if ascii_line(b, start, c) && ascii_line(h, start, c) {
                c
            } else {
                start
            };
        }
        c -= 1;
    }
    0
}

/// The back cut, in bytes from the end: a safe boundary in the last `suffix` bytes (common
/// to `b` and `h`) with [`MARGIN_SPACES`] space runs between the last difference and it, or
/// 0.
fn back_cut(b: &[u8], h: &[u8], suffix: usize) -> usize {
    let n = b.len();
    let start = n - suffix;
    // Count, from the difference on, the space runs that start after it.
    let mut spaces = 0;
    let mut i = start;
    while spaces < MARGIN_SPACES {
        i += 1;
        if i >= n {
            return 0;
        }
        if b[i] == b' ' && b[i - 1] != b' ' {
            spaces += 1;
        }
    }
    // `b[i]` starts the farthest run counted; cut at or after its end.
    let mut c = i + 1;
    while c < n {
        if b[c - 1] == b'\n' {
            return n - c;
        }
        if b[c - 1] == b' ' && b[c].is_ascii_alphanumeric() {
            let from_end = n - c;
            let line_start = memchr::memrchr(b'\n', &b[..c]).map_or(0, |p| p + 1);
            let hc = h.len() - from_end;
            let h_start = memchr::memrchr(b'\n', &h[..hc]).map_or(0, |p| p + 1);
            if ascii_line(b, line_start, c) && ascii_line(h, h_start, hc) {
                return from_end;
            }
            // Not an ASCII line: cut after its line break, if it has one.
            return memchr::memchr(b'\n', &b[c..]).map_or(0, |p| n - (c + p + 1));
        }
        c += 1;
    }
    0
}

/// Whether the line of `text` that starts at `start` and holds `at` is ASCII.
fn ascii_line(text: &[u8], start: usize, at: usize) -> bool {
    let end = memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |p| at + p);
    text[start..end].is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, from: usize) -> String {
        (from..from + n).map(|i| format!("w{i} ")).collect()
    }

    #[test]
    fn a_change_in_the_middle_of_a_long_text_is_cut_around() {
        let (pre, post) = (words(100, 0), words(100, 500));
        let base = format!("{pre}Article 12 applies. {post}");
        let head = format!("{pre}Article 13 applies. {post}");
        let cut = Cut::of(&base, &head);
        assert!(cut.front > 0 && cut.back > 0, "{cut:?}");
        assert!(cut.window(&base).contains("Article 12"));
        assert_eq!(&base[..cut.front], &head[..cut.front]);
        assert!(base.as_bytes()[cut.front - 1] == b' ');
        let end = base.len() - cut.back;
        assert!(base.as_bytes()[end - 1] == b' ');
    }

    #[test]
    fn a_change_near_an_end_is_not_cut_on_that_side() {
        let post = words(100, 500);
        let cut = Cut::of(&format!("a {post}"), &format!("b {post}"));
        assert_eq!(cut.front, 0);
        assert!(cut.back > 0);
        let cut = Cut::of("short", "shorter");
        assert_eq!(cut, Cut::NONE);
    }

    #[test]
    fn a_non_ascii_line_is_cut_at_its_line_break() {
        let pre = words(100, 0);
        let line = words(60, 300);
        let base = format!("{pre}\nLes États {line}ont 12 et {}", words(100, 900));
        let head = base.replace(" 12 ", " 13 ");
        let cut = Cut::of(&base, &head);
        assert_eq!(cut.front, pre.len() + 1);
    }
}
