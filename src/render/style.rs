//! Colour and emphasis for the terminal, decided in one place.
//!
//! Colour is never the only signal: deletions are also wrapped in `[-…-]` and insertions
//! in `{+…+}` (the convention of `git diff --word-diff`), so a redline reads the same on
//! a monochrome terminal, in a pipe or for a colour-blind reader.

/// Whether to emit ANSI colour, as resolved from `--color` and the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Emit colour codes.
    pub color: bool,
}

const RESET: &str = "\x1b[0m";

impl Style {
    /// No colour.
    pub const PLAIN: Style = Style { color: false };

    fn paint(&self, codes: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{codes}m{text}{RESET}")
        } else {
            text.to_owned()
        }
    }

    /// Struck-through red, inside `[-…-]`.
    pub fn deleted(&self, text: &str) -> String {
        self.paint("9;31", &format!("[-{text}-]"))
    }

    /// Underlined green, inside `{+…+}`.
    pub fn inserted(&self, text: &str) -> String {
        self.paint("4;32", &format!("{{+{text}+}}"))
    }

    pub(crate) fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub(crate) fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_survive_without_colour() {
        assert_eq!(Style::PLAIN.deleted("old"), "[-old-]");
        assert_eq!(Style::PLAIN.inserted("new"), "{+new+}");
        assert_eq!(
            Style { color: true }.inserted("n"),
            "\x1b[4;32m{+n+}\x1b[0m"
        );
    }
}
