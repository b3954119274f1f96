//! What a document says, made safe for a terminal or a CI log.
//!
//! A draft is untrusted text: an escape sequence in a title would recolour or clear the
//! user's terminal, and a title holding `\n::error …` would write a workflow command into
//! GitHub's log. Everything from a document that reaches the terminal or a CI log goes
//! through here: control characters are shown, not obeyed (`\u{1b}`), and a line quoted
//! in a message is cut to a length a reader can take in.

/// `text` with every control character but the newline and the tab written visibly as
/// `\u{…}`, and the bidirectional overrides that reorder what is shown with them.
pub fn text(text: &str) -> String {
    escape(text, |c| c == '\n' || c == '\t')
}

/// `text` on one line: newlines and tabs shown too, and at most `max` characters, an
/// ellipsis marking the cut.
pub fn line(text: &str, max: usize) -> String {
    let mut out = escape(text, |_| false);
    if out.chars().count() > max {
        out = out.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
    }
    out
}

/// Text bound for a terminal: every control character shown but the newline, the tab and
/// the colour codes (`ESC [ … m`, the only sequences draftdiff writes itself). A document
/// can at worst colour its own words; it cannot move the cursor, clear the screen, set the
/// window title or hide text.
pub fn terminal(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            if let Some(len) = colour_code(rest) {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if needs_escape(c) && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of an SGR colour code (`ESC [ 1;31 m`) at the start of `s`.
fn colour_code(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\u{1b}[")?;
    let digits = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(digits) == Some(&b'm')).then_some(2 + digits + 1)
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> String {
    if !text.chars().any(|c| needs_escape(c) && !keep(c)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Control characters, and the Unicode controls that reorder or hide text (U+202A–202E,
/// U+2066–2069, as in "Trojan source" attacks).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(text("a\u{1b}[31mb\0c"), "a\\u{1b}[31mb\\u{0}c");
        assert_eq!(text("line\nnext\ttab"), "line\nnext\ttab");
        assert_eq!(text("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(
            line("Title\n::error file=x::pwned", 80),
            "Title\\u{a}::error file=x::pwned"
        );
        assert_eq!(text("plain É text"), "plain É text");
    }

    #[test]
    fn only_colour_codes_reach_the_terminal() {
        assert_eq!(
            terminal("\u{1b}[1;31mred\u{1b}[0m"),
            "\u{1b}[1;31mred\u{1b}[0m"
        );
        assert_eq!(terminal("a\u{1b}]0;title\u{7}b"), "a\\u{1b}]0;title\\u{7}b");
        assert_eq!(terminal("clear\u{1b}[2J"), "clear\\u{1b}[2J");
        assert_eq!(terminal("a\nb\tc\0"), "a\nb\tc\\u{0}");
    }

    #[test]
    fn quoted_lines_are_cut() {
        assert_eq!(line("abcdef", 4), "abc…");
        assert_eq!(line("abc", 4), "abc");
    }
}
