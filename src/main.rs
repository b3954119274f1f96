//! The `draftdiff` binary: parse arguments, call the library, map errors to exit codes.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use draftdiff::load::Catalog;
use draftdiff::render::catalog::{self, VersionRow};
use draftdiff::render::style::Style;
use draftdiff::validate::{self, Problem};
use draftdiff::{Error, Result};

use cli::{Cli, ColorChoice, Command, ImportArgs, ListFormat};

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
            eprintln!("error: {e}");
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
fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("stdout", e)),
        _ => Ok(()),
    }
}

fn json(value: &impl serde::Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Invalid(e.to_string()))?;
    emit(&format!("{text}\n"))
}

/// `import`: reads the document, writes the draft directory, says where and what.
fn import(args: &ImportArgs, drafts: Option<&std::path::Path>) -> Result<Outcome> {
    let reading = draftdiff::import::read_source(&args.file)?;
    for warning in &reading.warnings {
        eprintln!("warning: {}: {warning}", args.file.display());
    }
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

fn run(cli: Cli) -> Result<Outcome> {
    let style = style(cli.global.color);
    if let Command::Import(args) = &cli.command {
        // Import writes to a drafts directory it may have to create: no catalog first.
        return import(args, cli.global.drafts.as_deref());
    }
    let catalog = Catalog::discover(cli.global.drafts.as_deref())?;
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
            article,
            format,
        } => {
            let draft = catalog.resolve(&version)?;
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
                        ListFormat::Json => json(&serde_json::json!({
                            "version": draft.meta.id,
                            "chapter": chapter.map(|c| &c.number),
                            "number": found.article.number,
                            "title": found.article.title,
                            "section": found.article.section,
                            "text": found.article.text,
                            "from": found.article.from,
                        }))?,
                    }
                }
            }
        }
        Command::Import(args) => return import(&args, cli.global.drafts.as_deref()),
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
                ListFormat::Json => json(&serde_json::json!({
                    "schema": "draftdiff/validate/1",
                    "ok": problems.is_empty(),
                    "problems": problems,
                }))?,
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
    }
    Ok(Outcome::Success)
}
