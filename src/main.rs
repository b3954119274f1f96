//! The `draftdiff` binary: parse arguments, call the library, deliver what it returns,
//! map errors to exit codes.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use draftdiff::change::Comparison;
use draftdiff::load::Catalog;
use draftdiff::output::{Outcome, Output};
use draftdiff::render::listing::{self, VersionRow};
use draftdiff::render::style::Style;
use draftdiff::render::{github, report_file, sanitize, text};
use draftdiff::{check, compare, import, inputs, site, table, validate, versions};
use draftdiff::{Error, Result};

use cli::{CheckFormat, Cli, ColorChoice, Command, DiffFormat, ListFormat, Pair};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Rayon's pool is started (and its workers up) before any work. The main thread is
    // not one of its workers: on the development VM the kernel wakes a sleeping worker on
    // the CPU of the thread that woke it, so a join started on a busy main thread was
    // mostly run by it alone (docs/performance.md, round 7); handed to the pool, the main
    // thread sleeps and the two workers share the work. Building fails only if the pool
    // exists already, which leaves rayon's own.
    let _ = rayon::ThreadPoolBuilder::new().build_global();
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

/// Writes text for the terminal (or a CI log): control characters from the documents are
/// shown, not obeyed; only the colour codes draftdiff itself adds pass.
fn emit(text: &str) -> Result<()> {
    write_stdout(sanitize::terminal(text).as_bytes())
}

/// Writes to stdout as it is; a closed pipe (`draftdiff diff … | head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(()),
    }
}

/// Delivers what a command produced: to the terminal, to stdout, or a note on stderr.
fn deliver(output: Output) -> Result<()> {
    match output {
        Output::Text(text) => emit(&text),
        Output::Raw(bytes) => write_stdout(&bytes),
        Output::Wrote(note) => {
            eprintln!("{note}");
            Ok(())
        }
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

/// The two versions of `pair`, compared, keeping only `--chapter` when given.
fn comparison(catalog: &Catalog, pair: &Pair, options: &compare::Options) -> Result<Comparison> {
    let (base, head) = inputs::pair(catalog, &pair.base, &pair.head, &warn)?;
    // Not freed, as the comparison is not (`Command::Diff`): the process ends once it is
    // written, and freeing two large drafts article by article came between the
    // comparison and its output, on one core.
    let versions = std::mem::ManuallyDrop::new((base, head));
    inputs::compared(&versions.0, &versions.1, pair.chapter.as_deref(), options)
}

/// The outcome of a check: found something (exit 1) unless `ok`.
fn outcome(ok: bool) -> Outcome {
    if ok {
        Outcome::Success
    } else {
        Outcome::Found
    }
}

fn run(cli: Cli) -> Result<Outcome> {
    let style = style(cli.global.color);
    let rules = cli.global.rules()?;
    if let Command::Import(args) = &cli.command {
        // Import writes to a drafts directory it may have to create: no catalog first.
        let request = import::Request {
            file: &args.file,
            drafts: cli.global.drafts.as_deref(),
            id: &args.id,
            parent: args.parent.as_deref(),
            title: args.title.as_deref(),
            force: args.force,
        };
        emit(&import::run(&request, &rules, &warn)?)?;
        return Ok(Outcome::Success);
    }
    let catalog = Catalog::discover(cli.global.drafts.as_deref())?.with_rules(rules.clone());
    match cli.command {
        Command::List { format } => {
            let rows: Vec<VersionRow> = catalog.load_all()?.iter().map(VersionRow::of).collect();
            match format {
                ListFormat::Json => json(&rows)?,
                ListFormat::Text => emit(&listing::list_text(&rows))?,
            }
        }
        Command::Show {
            version,
            explain: true,
            ..
        } => {
            let (explanation, reading) = listing::explain(&version, &rules)?;
            emit(&explanation)?;
            emit(&reading?)?;
        }
        Command::Show {
            version,
            article,
            format,
            ..
        } => {
            let (draft, warnings) = catalog.resolve_reading(&version)?;
            warn(&version, &warnings);
            let json = format == ListFormat::Json;
            deliver(listing::show(&draft, article.as_deref(), json, style)?)?;
        }
        Command::Import(_) => unreachable!("import runs before the catalog is read"),
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
                    let rows = table::published::read(&path)?;
                    let (base, mut head) = inputs::pair(&catalog, &pair.base, &pair.head, &warn)?;
                    table::hints::apply(&rows, &base, &mut head);
                    inputs::compared(&base, &head, pair.chapter.as_deref(), &options)?
                }
            };
            // Freeing a large comparison piece by piece takes longer than the process
            // exit that reclaims it.
            let result = std::mem::ManuallyDrop::new(result);
            match format {
                DiffFormat::Json => {
                    draftdiff::render::json::write_diff(&result, std::io::stdout().lock())?
                }
                DiffFormat::Text => emit(&text::diff_text(&result, style))?,
            }
            return Ok(outcome(!(exit_code && result.summary.changed() > 0)));
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
        } => {
            let request = report_file::Request {
                base: &pair.base,
                head: &pair.head,
                chapter: pair.chapter.as_deref(),
                output: &output,
                format: format.map(Into::into),
                date: date.as_deref(),
                with_table,
                no_comments,
            };
            deliver(report_file::run(&catalog, &request, &warn)?)?;
        }
        Command::Table {
            pair,
            format,
            paragraphs,
            output,
            check,
        } => {
            let (base, head) = inputs::pair(&catalog, &pair.base, &pair.head, &warn)?;
            let request = table::command::Request {
                names: [&pair.base, &pair.head],
                chapter: pair.chapter.as_deref(),
                format: format.map(Into::into),
                paragraphs,
                output: output.as_deref(),
                check: check.as_deref(),
            };
            let (output, outcome) = table::command::run(&base, &head, &request)?;
            deliver(output)?;
            return Ok(outcome);
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
            return Ok(outcome(report.ok));
        }
        Command::Validate { versions, format } => {
            let (drafts, problems) = validate::run(&catalog, &versions)?;
            match format {
                ListFormat::Json => json(&draftdiff::render::json::Validation::of(&problems))?,
                ListFormat::Text => emit(&text::validation_text(&drafts, &problems))?,
            }
            return Ok(outcome(problems.is_empty()));
        }
        Command::History(args) => deliver(versions::command::history(
            &catalog,
            &args.article,
            args.version.as_ref(),
            args.format.into(),
            style,
            &warn,
        )?)?,
        Command::Blame(args) => deliver(versions::command::blame(
            &catalog,
            &args.version,
            &args.article,
            args.format.into(),
            style,
            &warn,
        )?)?,
        Command::Proposals(args) => {
            let request = versions::command::ProposalsRequest {
                base: &args.base,
                proposals: &args.proposals,
                into: args.into.as_ref(),
                format: args.format.map(Into::into),
                output: args.output.as_deref(),
            };
            deliver(versions::command::proposals(
                &catalog, &request, style, &warn,
            )?)?;
        }
        Command::Site(args) => deliver(site::run(
            &catalog,
            &args.versions,
            &args.output,
            args.force,
            &warn,
        )?)?,
    }
    Ok(Outcome::Success)
}
