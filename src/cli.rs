//! Command-line arguments. Only parsing lives here, and the mapping of the parsed values
//! onto the library's; `main.rs` dispatches to the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use draftdiff::load::document::Rules;
use draftdiff::render::report_file;
use draftdiff::{table, versions, Error, Result};

/// Article-by-article diffs of convention drafts.
///
/// A VERSION is a draft id from the drafts directory (`1.0`, `3.0-health`), a draft
/// directory, a single .toml article set, a .md/.txt/.docx document, or REV:PATH read
/// from git. The drafts directory is --drafts, else $DRAFTDIFF_DRAFTS, else ./drafts,
/// else the MIMC drafts built into this binary.
///
/// Exit codes: 0 success; 1 a check found a problem (check, validate, diff --exit-code);
/// 2 bad usage or bad input.
#[derive(Debug, Parser)]
#[command(name = "draftdiff", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The drafts directory (default: ./drafts if present, else the built-in drafts)
    #[arg(long, global = true, env = "DRAFTDIFF_DRAFTS", value_name = "DIR")]
    pub drafts: Option<PathBuf>,
    /// When to colour output; NO_COLOR in the environment means never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Read documents' article headings by this regular expression instead of the built-in
    /// grammar: group `number` (or the first group) is the number, group `title` the title
    /// (e.g. `^Regel (?P<number>\d+)\.`)
    #[arg(long, global = true, value_name = "REGEX")]
    pub article_pattern: Option<String>,
}

impl Global {
    /// The reader's rules; a bad pattern is bad usage (exit 2).
    pub fn rules(&self) -> Result<Rules> {
        let article_pattern = match &self.article_pattern {
            None => None,
            Some(p) => Some(regex::Regex::new(p).map_err(|e| {
                Error::Usage(format!(
                    "--article-pattern is not a valid regular expression: {e}"
                ))
            })?),
        };
        Ok(Rules { article_pattern })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    /// `::error file=…,line=…::…` lines for GitHub Actions annotations
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    #[value(alias = "markdown")]
    Md,
    Docx,
    /// The Word report converted to PDF by LibreOffice
    Pdf,
}

/// The formats of `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    #[value(alias = "markdown")]
    Md,
    Csv,
    Html,
    Docx,
}

/// The two versions to compare and the options every comparison takes.
#[derive(Debug, Args)]
pub struct Pair {
    /// The base version (the older text)
    pub base: String,
    /// The head version (the newer text)
    pub head: String,
    /// Only this chapter (its number in either version, or its title)
    #[arg(long, value_name = "X")]
    pub chapter: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the versions: id, title, status, parent, chapters, articles, words
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show a version's table of contents, or one article
    Show {
        /// The version to show
        version: String,
        /// An article number (`63`, `12bis`, `Preamble`)
        article: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// For a document: list the lines taken as headings and the candidates refused,
        /// with why (works also when the document cannot be read)
        #[arg(long, conflicts_with = "article")]
        explain: bool,
    },
    /// Article-aware diff: summary, per-chapter impact table, then each change with an
    /// inline word redline
    Diff {
        #[command(flatten)]
        pair: Pair,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Exit with 1 when the versions differ
        #[arg(long)]
        exit_code: bool,
        /// Include unchanged articles' text in the JSON redlines
        #[arg(long)]
        unchanged: bool,
        /// A correlation table (.tsv, .csv, .md) whose rows are taken as `from` hints:
        /// the table's pairings outrank the text evidence
        #[arg(long, value_name = "TABLE")]
        hints: Option<PathBuf>,
    },
    /// The correlation table of two versions, as recasts publish them: article level
    /// where an article maps whole, paragraph level where its paragraphs went to
    /// different places, consecutive rows folded into ranges (see docs/table.md)
    Table {
        #[command(flatten)]
        pair: Pair,
        /// text, json (schema draftdiff/table/1), md, csv, html or docx (default: from
        /// the extension of --output, else text)
        #[arg(long, value_enum)]
        format: Option<TableFormat>,
        /// One row per paragraph of every article, nothing folded (for machines)
        #[arg(long)]
        paragraphs: bool,
        /// Write to this file (.docx, .html, .md, .csv, .json) instead of the terminal
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Compare a published table (.tsv, .csv, .md) with the texts: report each row
        /// contradicted, unconfirmed, and each article it omits (exit 1 on a
        /// contradiction or an omission); --format json for schema draftdiff/table-check/1
        #[arg(long, value_name = "PUBLISHED", conflicts_with_all = ["paragraphs", "output"])]
        check: Option<PathBuf>,
    },
    /// Only the per-chapter change-impact table
    Impact {
        #[command(flatten)]
        pair: Pair,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
    },
    /// A standalone redline report: HTML, Markdown or Word with tracked changes
    Redline {
        #[command(flatten)]
        pair: Pair,
        /// The file to write (`-` for stdout, HTML and Markdown only)
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The report format (default: from the extension of --output)
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
        /// The date of Word's tracked changes: `now`, `YYYY-MM-DD` or an RFC 3339 time
        /// (default: the head version's date, else 1970-01-01, so that the same inputs
        /// make the same file; $SOURCE_DATE_EPOCH overrides both)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Append the correlation table of the two versions as an annex
        #[arg(long)]
        table: bool,
        /// Word and PDF: rationales and reasons as body text, not as comments
        #[arg(long)]
        no_comments: bool,
    },
    /// Check that every change between each version and its parent has an annotation
    /// (exit 1 when one has none)
    Check {
        /// Versions to check (default: every version that has a parent)
        versions: Vec<String>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        /// Treat stale annotations (naming missing or unchanged articles) as errors
        #[arg(long)]
        strict: bool,
    },
    /// Parse a document (.md, .txt, .docx) into a new draft directory in the drafts
    /// directory (--drafts, else $DRAFTDIFF_DRAFTS, else ./drafts, created if missing);
    /// never overwrites an existing draft without --force. See docs/documents.md
    Import(ImportArgs),
    /// Lint drafts: malformed or duplicate numbers, empty articles, unknown parents,
    /// parent cycles, dangling cross-references (exit 1 when anything is found)
    Validate {
        /// Versions to lint (default: every draft in the drafts directory)
        versions: Vec<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// One article's life through every version that has it: each step's kind, severity,
    /// redline and rationale, following renumberings, moves, splits and merges along the
    /// parent chain and across parallel proposals (docs/versions.md)
    History(HistoryArgs),
    /// Each sentence of an article with the version that gave it its present wording, and
    /// that change's rationale
    Blame(BlameArgs),
    /// Parallel proposals against one base: which articles each changes, where two
    /// change the same article and whether their edits conflict; with --into, what the
    /// consolidated draft took as proposed, took modified or dropped
    Proposals(ProposalsArgs),
    /// A static site for a workshop: every version, every comparison (redline and impact
    /// table), each article's history, the proposals, and search — offline, no server
    /// (docs/site.md). Only pages whose inputs changed are rewritten
    Site(SiteArgs),
}

/// `site -o DIR [VERSIONS…]`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write the site to (created if missing)
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// The versions on the site (default: every version of the drafts directory)
    pub versions: Vec<String>,
    /// Render every page again (files are still rewritten only when they differ)
    #[arg(long)]
    pub force: bool,
}

/// What `import` reads and where it puts it.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The document to import
    pub file: PathBuf,
    /// The new draft's id; its directory is named after it
    #[arg(long)]
    pub id: String,
    /// The version this draft revises (a draft id in the drafts directory)
    #[arg(long)]
    pub parent: Option<String>,
    /// The draft's title (default: the document's title line, else the file name)
    #[arg(long)]
    pub title: Option<String>,
    /// Replace the existing draft with this id
    #[arg(long)]
    pub force: bool,
}

/// `history ARTICLE [--in VERSION]`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// An article number (`17`, `12bis`, `Preamble`)
    pub article: String,
    /// The version whose numbering ARTICLE follows (default: the first version, in
    /// lineage order, that has an article so numbered)
    #[arg(long = "in", value_name = "VERSION")]
    pub version: Option<String>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// `blame VERSION ARTICLE`.
#[derive(Debug, Args)]
pub struct BlameArgs {
    /// The version to read the article in
    pub version: String,
    /// An article number of that version
    pub article: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProposalsFormat {
    Text,
    Json,
    Html,
}

/// `proposals BASE P1 P2 … [--into CONSOLIDATED]`.
#[derive(Debug, Args)]
pub struct ProposalsArgs {
    /// The version every proposal revises
    pub base: String,
    /// The proposals (each must descend from BASE)
    #[arg(required = true, num_args = 1..)]
    pub proposals: Vec<String>,
    /// The consolidated draft: classify each proposed change as taken, modified or dropped
    #[arg(long, value_name = "CONSOLIDATED")]
    pub into: Option<String>,
    /// The report format (default: text, or html for an .html --output)
    #[arg(long, value_enum)]
    pub format: Option<ProposalsFormat>,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl From<ReportFormat> for report_file::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Html => Self::Html,
            ReportFormat::Md => Self::Md,
            ReportFormat::Docx => Self::Docx,
            ReportFormat::Pdf => Self::Pdf,
        }
    }
}

impl From<TableFormat> for table::command::Format {
    fn from(f: TableFormat) -> Self {
        match f {
            TableFormat::Text => Self::Text,
            TableFormat::Json => Self::Json,
            TableFormat::Md => Self::Md,
            TableFormat::Csv => Self::Csv,
            TableFormat::Html => Self::Html,
            TableFormat::Docx => Self::Docx,
        }
    }
}

impl From<ListFormat> for versions::command::Format {
    fn from(f: ListFormat) -> Self {
        match f {
            ListFormat::Text => Self::Text,
            ListFormat::Json => Self::Json,
        }
    }
}

impl From<ProposalsFormat> for versions::command::Format {
    fn from(f: ProposalsFormat) -> Self {
        match f {
            ProposalsFormat::Text => Self::Text,
            ProposalsFormat::Json => Self::Json,
            ProposalsFormat::Html => Self::Html,
        }
    }
}
