//! GitHub Actions workflow commands, so each unannotated article shows inline in the
//! pull request (`::error file=…,line=…,title=…::message`).

use crate::check::CheckReport;
use crate::render::text::numbers;

/// Escapes a workflow-command message (`%`, CR, LF) as GitHub documents.
fn message(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value (also `:` and `,`).
fn property(s: &str) -> String {
    message(s).replace(':', "%3A").replace(',', "%2C")
}

/// `check --format github`: one `::error` or `::warning` workflow command per finding, which
/// GitHub Actions shows on the line of the file concerned (`docs/ci.md`).
pub fn check_github(report: &CheckReport, strict: bool) -> String {
    let mut out = String::new();
    for u in &report.unannotated {
        let c = &u.change;
        let what = format!("{} {}", u.version, numbers(c).to_lowercase());
        out.push_str(&format!(
            "::error file={},line={},title={}::{} is {} ({}) against {} with no annotation; add a rationale to annotations.toml\n",
            property(&u.file),
            u.line.max(1),
            property(&format!("Unannotated change: {what}")),
            message(&what),
            c.kind,
            c.severity,
            message(&u.parent),
        ));
    }
    for s in &report.stale {
        let level = s.level(strict);
        out.push_str(&format!(
            "::{level} file={},line={},title={}::{}\n",
            property(&s.file),
            s.line.max(1),
            property(&format!("Stale annotation in {}", s.version)),
            message(&s.reason),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_values() {
        assert_eq!(property("a:b,c%\nd"), "a%3Ab%2Cc%25%0Ad");
        assert_eq!(message("50% done"), "50%25 done");
    }
}
