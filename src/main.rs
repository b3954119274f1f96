//! The `draftdiff` binary: parse arguments, call the library, map errors to exit codes.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use draftdiff::load::document::Rules;
use draftdiff::load::Catalog;
use draftdiff::render::catalog::{self, VersionRow};
use draftdiff::render::sanitize;
use draftdiff::render::style::Style;
use draftdiff::validate::{self, Problem};
use draftdiff::{Error, Result};

use cli::{
    CheckFormat, Cli, ColorChoice, Command, DiffFormat, ImportArgs, ListFormat, Pair,
    ProposalsArgs, ProposalsFormat, ReportFormat, TableFormat,
};
use draftdiff::change::Comparison;
use draftdiff::check;
use draftdiff::compare;
use draftdiff::render::table as render_table;
use draftdiff::render::{github, text};

/// What a command asks the process to exit with, when it did not fail.
enum Outcome {
    Success,
    /// The check found a problem (exit 1).
    Found,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Found) => ExitCode::from(1),
        Err(e) => {
            // Messages quote documents: shown, never obeyed, and never a flood.
            eprintln!("error: {}", error_text(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

fn style(choice: ColorChoice) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
                && std::io::stdout().is_terminal()
        }
    };
    Style { color }
}

/// Writes to stdout; a closed pipe (`draftdiff diff … | head`) is not an error.
/// Writes text for the terminal (or a CI log): control characters from the documents are
/// shown, not obeyed; only the colour codes draftdiff itself adds pass.
fn emit(text: &str) -> Result<()> {
    write_stdout(&sanitize::terminal(text))
}

/// Writes a report as it is (`redline -o -`).
fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(()),
    }
}

/// Writes JSON to stdout (streamed: `render::json::write`).
fn json(value: &impl serde::Serialize) -> Result<()> {
    draftdiff::render::json::write(value, std::io::stdout().lock())
}

/// Most characters of an error message: the place and a quoted window fit easily.
const MAX_ERROR: usize = 1000;

/// An error message made safe for the terminal and cut to [`MAX_ERROR`] characters.
fn error_text(message: &str) -> String {
    let mut out = sanitize::text(message);
    if out.chars().count() > MAX_ERROR {
        out = out.chars().take(MAX_ERROR - 1).collect();
        out.push('…');
    }
    out
}

/// The reader's warnings about a document, on stderr: nothing is dropped or guessed
/// without the user hearing of it.
fn warn(name: &str, warnings: &[String]) {
    for warning in warnings {
        eprintln!(
            "warning: {}: {}",
            sanitize::line(name, 200),
            sanitize::line(warning, 1000)
        );
    }
}

/// `show FILE --explain`: what the reader took for headings and what it refused, and
/// why; exit 2 when the document cannot be read, after the explanation.
fn explained(version: &str, rules: &Rules) -> Result<Outcome> {
    let path = std::path::Path::new(version);
    if !path.is_file() || !draftdiff::load::document::is_document(path) {
        return Err(Error::Invalid(format!(
            "--explain reads a document (.md, .txt, .docx); `{version}` is not one"
        )));
    }
    let file = draftdiff::load::SourceFile::read(path)?;
    let stem = draftdiff::load::stem_of(path);
    let (verdicts, reading) = draftdiff::load::document::explain(&file, &stem, rules);
    emit(&catalog::explain_text(&verdicts))?;
    let reading = reading?;
    for warning in &reading.warnings {
        emit(&format!("warning: {warning}\n"))?;
    }
    Ok(Outcome::Success)
}

/// Reads a version and refuses it when its articles cannot be told apart.
fn usable(catalog: &Catalog, name: &str) -> Result<draftdiff::Draft> {
    let (draft, warnings) = catalog.resolve_reading(name)?;
    warn(name, &warnings);
    validate::refuse_fatal(&draft)?;
    Ok(draft)
}

/// The two versions, read and linted side by side; the base's error wins, as when they
/// were read one after the other.
fn versions(catalog: &Catalog, pair: &Pair) -> Result<(draftdiff::Draft, draftdiff::Draft)> {
    let (base, head) = rayon::join(
        || usable(catalog, &pair.base),
        || usable(catalog, &pair.head),
    );
    Ok((base?, head?))
}

fn comparison(catalog: &Catalog, pair: &Pair, options: &compare::Options) -> Result<Comparison> {
    let (base, head) = versions(catalog, pair)?;
    compared(&base, &head, pair, options)
}

/// Compares two versions read already, keeping only `--chapter` when given.
fn compared(
    base: &draftdiff::Draft,
    head: &draftdiff::Draft,
    pair: &Pair,
    options: &compare::Options,
) -> Result<Comparison> {
    let mut result = compare::compare(base, head, options);
    if let Some(chapter) = &pair.chapter {
        if !compare::filter_chapter(&mut result, chapter) {
            return Err(Error::Invalid(format!(
                "no chapter `{chapter}` in {} or {}",
                base.meta.id, head.meta.id
            )));
        }
    }
    Ok(result)
}

/// The report format: `--format` if given, else the extension of the output file.
fn report_format(output: &std::path::Path, format: Option<ReportFormat>) -> Result<ReportFormat> {
    if let Some(f) = format {
        return Ok(f);
    }
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => Ok(ReportFormat::Html),
        Some("md" | "markdown") => Ok(ReportFormat::Md),
        Some("docx") => Ok(ReportFormat::Docx),
        Some("pdf") => Ok(ReportFormat::Pdf),
        _ => Err(Error::Invalid(format!(
            "cannot tell the report format from `{}`: use a .html, .md, .docx or .pdf name, or --format html|md|docx|pdf",
            output.display()
        ))),
    }
}

/// Refuses to write a report over one of the versions it compares.
fn not_an_input(pair: &Pair, output: &std::path::Path) -> Result<()> {
    let same = |name: &str| {
        let (a, b) = (std::fs::canonicalize(name), std::fs::canonicalize(output));
        matches!((a, b), (Ok(a), Ok(b)) if a == b)
    };
    if same(&pair.base) || same(&pair.head) {
        return Err(Error::Invalid(format!(
            "{} is one of the versions compared: give the output another name",
            output.display()
        )));
    }
    Ok(())
}

/// The format of `table`: `--format`, else the extension of `--output`, else text.
fn table_format(
    output: Option<&std::path::Path>,
    format: Option<TableFormat>,
) -> Result<TableFormat> {
    if let Some(f) = format {
        return Ok(f);
    }
    let Some(output) = output.filter(|o| o.as_os_str() != "-") else {
        return Ok(TableFormat::Text);
    };
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => Ok(TableFormat::Html),
        Some("md" | "markdown") => Ok(TableFormat::Md),
        Some("docx") => Ok(TableFormat::Docx),
        Some("csv") => Ok(TableFormat::Csv),
        Some("json") => Ok(TableFormat::Json),
        Some("txt") => Ok(TableFormat::Text),
        _ => Err(Error::Invalid(format!(
            "cannot tell the table format from `{}`: use a .docx, .html, .md, .csv or .json name, or --format",
            output.display()
        ))),
    }
}

/// `table`: the correlation table of two versions, or `--check` of a published one.
fn table(catalog: &Catalog, args: TableArgs<'_>) -> Result<Outcome> {
    let (base, head) = versions(catalog, args.pair)?;
    // A published table that cannot be read is bad input before any work is done.
    let published = args
        .check
        .map(draftdiff::table::published::read)
        .transpose()?;
    let result = compared(&base, &head, args.pair, &compare::Options::default())?;
    let corr = draftdiff::table::Correspondence::build(&base, &head, &result);
    if let (Some(path), Some(rows)) = (args.check, published) {
        let ours = corr.table(false);
        let report =
            draftdiff::table::check::check(&path.display().to_string(), &rows, &corr, &ours);
        match args.format {
            Some(TableFormat::Json) => json(&report)?,
            None | Some(TableFormat::Text) => emit(&render_table::check_text(&report))?,
            Some(other) => {
                return Err(Error::Invalid(format!(
                    "--check reports as text or json, not {other:?}"
                )))
            }
        }
        return Ok(if report.ok {
            Outcome::Success
        } else {
            Outcome::Found
        });
    }
    let t = corr.table(args.paragraphs);
    let format = table_format(args.output, args.format)?;
    let to_stdout = args.output.is_none_or(|o| o.as_os_str() == "-");
    let bytes = match format {
        TableFormat::Text => render_table::text(&t).into_bytes(),
        TableFormat::Json => {
            let mut v = Vec::new();
            draftdiff::render::json::write(&t, &mut v)?;
            v
        }
        TableFormat::Md => render_table::markdown(&t).into_bytes(),
        TableFormat::Csv => render_table::csv(&t).into_bytes(),
        TableFormat::Html => render_table::html_page(&t).into_bytes(),
        TableFormat::Docx => {
            if to_stdout {
                return Err(Error::Invalid(
                    "a Word document cannot be written to the terminal: give -o FILE.docx".into(),
                ));
            }
            let revision =
                draftdiff::render::docx::Revision::resolve(None, result.head.date.as_deref())?;
            draftdiff::render::docx::render_table(&t, &revision)?
        }
    };
    match args.output.filter(|_| !to_stdout) {
        None if format == TableFormat::Text => emit(&String::from_utf8_lossy(&bytes))?,
        None => write_stdout(&String::from_utf8_lossy(&bytes))?,
        Some(output) => {
            not_an_input(args.pair, output)?;
            draftdiff::render::write_atomic(output, &bytes)?;
            eprintln!(
                "wrote {} ({} row{}, {} → {})",
                output.display(),
                t.rows.len(),
                if t.rows.len() == 1 { "" } else { "s" },
                t.base.id,
                t.head.id
            );
        }
    }
    Ok(Outcome::Success)
}

/// What `table` was asked for.
struct TableArgs<'a> {
    pair: &'a Pair,
    format: Option<TableFormat>,
    paragraphs: bool,
    output: Option<&'a std::path::Path>,
    check: Option<&'a std::path::Path>,
}

/// `redline`: renders the report in memory, then writes it whole or not at all.
fn redline(
    catalog: &Catalog,
    pair: &Pair,
    output: &std::path::Path,
    format: Option<ReportFormat>,
    date: Option<&str>,
    with_table: bool,
    no_comments: bool,
) -> Result<()> {
    let format = report_format(output, format)?;
    let to_stdout = output.as_os_str() == "-";
    let word = matches!(format, ReportFormat::Docx | ReportFormat::Pdf);
    if to_stdout && word {
        return Err(Error::Invalid(
            "a Word document cannot be written to the terminal: give -o FILE.docx".into(),
        ));
    }
    // The report must never replace a version it compares.
    if !to_stdout {
        not_an_input(pair, output)?;
    }
    // A Word head is the frame of a Word report: its body is redlined in a copy.
    let head_path = std::path::Path::new(&pair.head);
    let own = word
        && head_path.is_file()
        && head_path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let template = own
        .then(|| draftdiff::render::docx::Template::read(head_path))
        .transpose()?;
    let options = compare::Options {
        redline_unchanged: template.is_some(),
    };
    let (base, head) = versions(catalog, pair)?;
    let result = compared(&base, &head, pair, &options)?;
    let annex = with_table.then(|| draftdiff::table::table(&base, &head, &result, false));
    let bytes = match format {
        ReportFormat::Html => {
            draftdiff::render::html::render_with_table(&result, annex.as_ref()).into_bytes()
        }
        ReportFormat::Md => {
            draftdiff::render::markdown::render_with_table(&result, annex.as_ref()).into_bytes()
        }
        ReportFormat::Docx | ReportFormat::Pdf => {
            use draftdiff::render::docx;
            let revision = docx::Revision::resolve(date, result.head.date.as_deref())?;
            let options = docx::Options {
                no_comments,
                template,
                annex: annex.as_ref(),
            };
            let bytes = docx::render_with(&result, &revision, &options)?;
            if format == ReportFormat::Pdf {
                docx::to_pdf(&bytes)?
            } else {
                bytes
            }
        }
    };
    if to_stdout {
        write_stdout(&String::from_utf8_lossy(&bytes))
    } else {
        draftdiff::render::write_atomic(output, &bytes)?;
        let changed = result.summary.changed();
        eprintln!(
            "wrote {} ({changed} change{}, {} → {})",
            output.display(),
            if changed == 1 { "" } else { "s" },
            result.base.id,
            result.head.id
        );
        Ok(())
    }
}

/// `import`: reads the document, writes the draft directory, says where and what.
fn import(args: &ImportArgs, drafts: Option<&std::path::Path>, rules: &Rules) -> Result<Outcome> {
    let reading = draftdiff::import::read_source(&args.file, rules)?;
    warn(&args.file.display().to_string(), &reading.warnings);
    let summary = draftdiff::import::summary(&reading.draft);
    let written = draftdiff::import::import(
        reading.draft,
        drafts.unwrap_or(std::path::Path::new("drafts")),
        &args.id,
        args.parent.as_deref(),
        args.title.as_deref(),
        args.force,
    )?;
    emit(&format!(
        "imported {} as `{}` into {}\n{summary}\n",
        args.file.display(),
        args.id,
        written.display()
    ))?;
    Ok(Outcome::Success)
}

/// The reader's rules from the command line; a bad pattern is bad usage (exit 2).
fn rules(global: &cli::Global) -> Result<Rules> {
    let article_pattern = match &global.article_pattern {
        None => None,
        Some(p) => Some(regex::Regex::new(p).map_err(|e| {
            Error::Invalid(format!(
                "--article-pattern is not a valid regular expression: {e}"
            ))
        })?),
    };
    Ok(Rules { article_pattern })
}

fn run(cli: Cli) -> Result<Outcome> {
    let style = style(cli.global.color);
    let rules = rules(&cli.global)?;
    if let Command::Import(args) = &cli.command {
        // Import writes to a drafts directory it may have to create: no catalog first.
        return import(args, cli.global.drafts.as_deref(), &rules);
    }
    let catalog = Catalog::discover(cli.global.drafts.as_deref())?.with_rules(rules.clone());
    match cli.command {
        Command::List { format } => {
            let rows: Vec<VersionRow> = catalog.load_all()?.iter().map(VersionRow::of).collect();
            match format {
                ListFormat::Json => json(&rows)?,
                ListFormat::Text => emit(&catalog::list_text(&rows))?,
            }
        }
        Command::Show {
            version,
            explain: true,
            ..
        } => return explained(&version, &rules),
        Command::Show {
            version,
            article,
            format,
            ..
        } => {
            let (draft, warnings) = catalog.resolve_reading(&version)?;
            warn(&version, &warnings);
            match (article, format) {
                (None, ListFormat::Text) => emit(&catalog::contents_text(&draft, style))?,
                (None, ListFormat::Json) => json(&VersionRow::of(&draft))?,
                (Some(number), format) => {
                    let found = draft.find(&number).ok_or_else(|| {
                        Error::Invalid(format!("{} has no article `{number}`", draft.meta.id))
                    })?;
                    let chapter = found.chapter.map(|i| &draft.chapters[i]);
                    match format {
                        ListFormat::Text => emit(&catalog::article_text(
                            &draft,
                            chapter,
                            found.article,
                            style,
                        ))?,
                        ListFormat::Json => json(&draftdiff::render::json::ShownArticle::of(
                            &draft.meta.id,
                            chapter,
                            found.article,
                        ))?,
                    }
                }
            }
        }
        Command::Import(args) => return import(&args, cli.global.drafts.as_deref(), &rules),
        Command::Diff {
            pair,
            format,
            exit_code,
            unchanged,
            hints,
        } => {
            let options = compare::Options {
                redline_unchanged: unchanged,
            };
            let result = match hints {
                None => comparison(&catalog, &pair, &options)?,
                Some(path) => {
                    let rows = draftdiff::table::published::read(&path)?;
                    let (base, mut head) = versions(&catalog, &pair)?;
                    draftdiff::table::hints::apply(&rows, &base, &mut head);
                    compared(&base, &head, &pair, &options)?
                }
            };
            // Freeing a large comparison piece by piece takes longer than the process
            // exit that reclaims it.
            let result = std::mem::ManuallyDrop::new(result);
            match format {
                DiffFormat::Json => json(&*result)?,
                DiffFormat::Text => emit(&text::diff_text(&result, style))?,
            }
            if exit_code && result.summary.changed() > 0 {
                return Ok(Outcome::Found);
            }
        }
        Command::Impact { pair, format } => {
            let result = comparison(&catalog, &pair, &compare::Options::default())?;
            match format {
                DiffFormat::Json => json(&draftdiff::render::json::Impact::of(&result))?,
                DiffFormat::Text => emit(&format!(
                    "{}\n{}",
                    text::summary_line(&result),
                    text::impact_table(&result)
                ))?,
            }
        }
        Command::Redline {
            pair,
            output,
            format,
            date,
            table: with_table,
            no_comments,
        } => redline(
            &catalog,
            &pair,
            &output,
            format,
            date.as_deref(),
            with_table,
            no_comments,
        )?,
        Command::Table {
            pair,
            format,
            paragraphs,
            output,
            check,
        } => {
            let args = TableArgs {
                pair: &pair,
                format,
                paragraphs,
                output: output.as_deref(),
                check: check.as_deref(),
            };
            return table(&catalog, args);
        }
        Command::Check {
            versions,
            format,
            strict,
        } => {
            let report = check::run(&catalog, &versions, strict)?;
            match format {
                CheckFormat::Json => json(&report)?,
                CheckFormat::Text => emit(&text::check_text(&report, strict, style))?,
                CheckFormat::Github => emit(&github::check_github(&report, strict))?,
            }
            if !report.ok {
                return Ok(Outcome::Found);
            }
        }
        Command::Validate { versions, format } => {
            let drafts = if versions.is_empty() {
                catalog.load_all()?
            } else {
                versions
                    .iter()
                    .map(|v| catalog.resolve(v))
                    .collect::<Result<_>>()?
            };
            let problems: Vec<Problem> = drafts
                .iter()
                .flat_map(|d| {
                    let mut p = validate::lint(d);
                    p.extend(validate::lint_lineage(d, &catalog));
                    p
                })
                .collect();
            match format {
                ListFormat::Json => json(&draftdiff::render::json::Validation::of(&problems))?,
                ListFormat::Text => {
                    let mut text: String = problems.iter().map(|p| format!("{p}\n")).collect();
                    let ids: Vec<_> = drafts.iter().map(|d| d.meta.id.as_str()).collect();
                    text.push_str(&match problems.len() {
                        0 => format!("ok: {} valid\n", ids.join(", ")),
                        n => format!("{n} problem(s) in {}\n", ids.join(", ")),
                    });
                    emit(&text)?;
                }
            }
            if !problems.is_empty() {
                return Ok(Outcome::Found);
            }
        }
        Command::History(args) => {
            let lineage = lineage(&catalog, args.version.iter())?;
            let version = args.version.as_deref().map(|v| resolved_id(&lineage, v));
            let history = draftdiff::versions::history::history(&lineage, &args.article, version)?;
            match args.format {
                ListFormat::Json => json(&history)?,
                ListFormat::Text => {
                    emit(&draftdiff::render::versions::history_text(&history, style))?
                }
            }
        }
        Command::Blame(args) => {
            let lineage = lineage(&catalog, [&args.version])?;
            let version = resolved_id(&lineage, &args.version);
            let blame = draftdiff::versions::blame::blame(&lineage, version, &args.article)?;
            match args.format {
                ListFormat::Json => json(&blame)?,
                ListFormat::Text => emit(&draftdiff::render::versions::blame_text(&blame, style))?,
            }
        }
        Command::Proposals(args) => proposals(&catalog, &args, style)?,
        Command::Site(args) => site(&catalog, &args)?,
    }
    Ok(Outcome::Success)
}

/// The lineage of the catalog's drafts and of the versions named by path.
fn lineage<'a>(
    catalog: &Catalog,
    named: impl IntoIterator<Item = &'a String>,
) -> Result<draftdiff::versions::Lineage> {
    let mut extra = Vec::new();
    for name in named {
        if catalog.entry(name).is_none() {
            extra.push(usable(catalog, name)?);
        }
    }
    draftdiff::versions::Lineage::of(catalog, extra)
}

/// The id a version the user named has in the lineage (a path becomes its draft's id).
fn resolved_id<'a>(lineage: &'a draftdiff::versions::Lineage, name: &'a str) -> &'a str {
    match lineage.find(name) {
        Ok(_) => name,
        Err(_) => lineage
            .drafts
            .iter()
            .find(|d| {
                d.source == name || std::path::Path::new(&d.source) == std::path::Path::new(name)
            })
            .map_or(name, |d| d.meta.id.as_str()),
    }
}

/// `site`: builds the site and says what it wrote.
fn site(catalog: &Catalog, args: &cli::SiteArgs) -> Result<()> {
    let start = std::time::Instant::now();
    let lineage = lineage(catalog, &args.versions)?;
    let ids: Vec<String> = args
        .versions
        .iter()
        .map(|v| resolved_id(&lineage, v).to_owned())
        .collect();
    let built = draftdiff::site::build(&lineage, &ids, &args.output, args.force)?;
    eprintln!(
        "site: {} pages in {}: {} written, {} unchanged, {} removed ({} ms)",
        built.pages,
        args.output.display(),
        built.written.len(),
        built.identical + built.kept,
        built.removed.len(),
        start.elapsed().as_millis()
    );
    Ok(())
}

/// `proposals`: the report in the chosen format, to stdout or written whole to a file.
fn proposals(catalog: &Catalog, args: &ProposalsArgs, style: Style) -> Result<()> {
    let mut named: Vec<&String> = vec![&args.base];
    named.extend(&args.proposals);
    named.extend(&args.into);
    let lineage = lineage(catalog, named)?;
    let ids: Vec<String> = args
        .proposals
        .iter()
        .map(|p| resolved_id(&lineage, p).to_owned())
        .collect();
    let report = draftdiff::versions::proposals::proposals(
        &lineage,
        resolved_id(&lineage, &args.base),
        &ids,
        args.into.as_deref().map(|c| resolved_id(&lineage, c)),
    )?;
    let html_output = args.output.as_ref().is_some_and(|o| {
        o.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    });
    let format = args.format.unwrap_or(if html_output {
        ProposalsFormat::Html
    } else {
        ProposalsFormat::Text
    });
    let rendered = match format {
        ProposalsFormat::Json => {
            let mut v = Vec::new();
            draftdiff::render::json::write(&report, &mut v)?;
            String::from_utf8_lossy(&v).into_owned()
        }
        ProposalsFormat::Text => draftdiff::render::versions::proposals_text(&report, style),
        ProposalsFormat::Html => draftdiff::render::versions_html::render(&report),
    };
    match &args.output {
        None if format == ProposalsFormat::Text => emit(&rendered),
        None => write_stdout(&rendered),
        Some(path) => {
            draftdiff::render::write_atomic(path, rendered.as_bytes())?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
    }
}
