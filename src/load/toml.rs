//! Article sets in TOML: draft directories (docs/format.md) and single `.toml` files.
//!
//! Parsing is strict (unknown keys are errors) and every error carries the file, line and
//! column, because a drafter fixing a typo needs the place, not just the complaint.

use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use super::SourceFile;
use crate::error::{Error, Locator, Result};
use crate::model::{Annotation, Article, Chapter, Draft, DraftMeta, Origin, PREAMBLE};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleDef {
    number: Spanned<String>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    from: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterHead {
    number: String,
    #[serde(default)]
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PreambleDef {
    #[serde(default)]
    title: Option<String>,
    text: Spanned<String>,
}

/// A chapter file of a draft directory: `[chapter]` then `[[article]]`s.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterFile {
    chapter: Spanned<ChapterHead>,
    #[serde(default)]
    article: Vec<ArticleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PreambleFile {
    preamble: PreambleDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnotationsFile {
    #[serde(default)]
    annotation: Vec<Spanned<AnnotationDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnotationDef {
    articles: Vec<String>,
    theme: String,
    rationale: String,
    #[serde(default)]
    proposals: Vec<String>,
}

/// A chapter of a single-file article set with several chapters.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InlineChapter {
    number: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    article: Vec<ArticleDef>,
}

/// A single `.toml` article set: optional `[draft]` and `[preamble]`, then either one
/// `[chapter]` with top-level `[[article]]`s, or several `[[chapter]]`s each holding
/// `[[chapter.article]]`s.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SingleOneChapter {
    draft: Option<DraftMeta>,
    preamble: Option<PreambleDef>,
    chapter: Option<Spanned<ChapterHead>>,
    #[serde(default)]
    article: Vec<ArticleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SingleManyChapters {
    draft: Option<DraftMeta>,
    preamble: Option<PreambleDef>,
    chapter: Vec<Spanned<InlineChapter>>,
}

pub(crate) fn text_of(file: &SourceFile) -> Result<&str> {
    std::str::from_utf8(&file.bytes).map_err(|e| {
        let lossy = String::from_utf8_lossy(&file.bytes[..e.valid_up_to()]).into_owned();
        Error::at_offset(
            &file.path,
            &lossy,
            e.valid_up_to(),
            "file is not valid UTF-8 text (save it as UTF-8)",
        )
    })
}

fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T> {
    parse_text(file, text_of(file)?)
}

/// [`parse`] of `file`'s text, checked as UTF-8 already ([`text_of`]).
fn parse_text<T: serde::de::DeserializeOwned>(file: &SourceFile, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim_end().to_owned();
        Error::at_offset(&file.path, text, offset, format!("invalid TOML: {message}"))
    })
}

fn origin(file: &SourceFile, offset: usize) -> Origin {
    locator(file).origin(offset)
}

/// Places offsets of a file that `parse` has read (so its text is valid UTF-8).
fn locator(file: &SourceFile) -> Locator<'_> {
    let text = std::str::from_utf8(&file.bytes).unwrap_or_default();
    Locator::new(&file.path, text)
}

fn article(at: &Locator, def: ArticleDef) -> Article {
    let origin = at.origin(def.number.span().start);
    Article {
        number: def.number.into_inner().trim().to_owned(),
        title: def.title.trim().to_owned(),
        section: def.section.filter(|s| !s.trim().is_empty()),
        text: def.text,
        from: def.from,
        origin,
    }
}

fn preamble(file: &SourceFile, def: PreambleDef) -> Article {
    let origin = origin(file, def.text.span().start);
    Article {
        number: PREAMBLE.to_owned(),
        title: def.title.unwrap_or_else(|| PREAMBLE.to_owned()),
        section: None,
        text: def.text.into_inner(),
        from: Vec::new(),
        origin,
    }
}

fn chapter(at: &Locator, head: Spanned<ChapterHead>, defs: Vec<ArticleDef>) -> Chapter {
    let origin = at.origin(head.span().start);
    let head = head.into_inner();
    Chapter {
        number: head.number.trim().to_owned(),
        title: head.title.trim().to_owned(),
        articles: defs.into_iter().map(|d| article(at, d)).collect(),
        origin,
    }
}

pub(crate) fn meta(file: &SourceFile) -> Result<DraftMeta> {
    let meta: DraftMeta = parse(file)?;
    if meta.id.trim().is_empty() || meta.id.chars().any(char::is_whitespace) {
        return Err(Error::at(
            origin(file, 0),
            format!(
                "draft id `{}` must be non-empty and contain no spaces",
                meta.id
            ),
        ));
    }
    Ok(meta)
}

/// Reads a draft directory whose files have already been gathered (from disk, git or
/// the built-in drafts).
pub(crate) fn draft_from_files(dir: &str, mut files: Vec<SourceFile>) -> Result<Draft> {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let meta_file = files
        .iter()
        .find(|f| f.name == "draft.toml")
        .ok_or_else(|| {
            Error::file(
                dir,
                "not a draft directory (no draft.toml; see docs/format.md)",
            )
        })?;
    let meta = meta(meta_file)?;
    let mut draft = Draft {
        meta,
        preamble: None,
        chapters: Vec::new(),
        provisions: Vec::new(),
        annotations: Vec::new(),
        source: dir.to_owned(),
    };
    // Files parse independently, so in parallel; they are assembled in name order, and the
    // first file (by name) with an error is the one reported.
    let parts: Vec<Result<Part>> = files
        .par_iter()
        .filter(|f| f.name.ends_with(".toml"))
        .map(part)
        .collect();
    for part in parts {
        match part? {
            Part::Meta => {}
            Part::Annotations(a) => draft.annotations = a,
            Part::Preamble(p) => draft.preamble = Some(p),
            Part::Chapter(c) => draft.chapters.push(c),
        }
    }
    Ok(draft)
}

/// What one file of a draft directory contributes.
enum Part {
    Meta,
    Annotations(Vec<Annotation>),
    Preamble(Article),
    Chapter(Chapter),
}

fn part(file: &SourceFile) -> Result<Part> {
    Ok(match file.name.as_str() {
        "draft.toml" => Part::Meta,
        "annotations.toml" => Part::Annotations(annotations(file)?),
        name if name.contains("preamble") => {
            let def: PreambleFile = parse(file)?;
            Part::Preamble(preamble(file, def.preamble))
        }
        _ => {
            // Checked as UTF-8 once, for the parser and the places of its articles: the
            // chapter files are most of a draft's bytes.
            let text = text_of(file)?;
            let def: ChapterFile = parse_text(file, text)?;
            Part::Chapter(chapter(
                &Locator::new(&file.path, text),
                def.chapter,
                def.article,
            ))
        }
    })
}

pub(crate) fn annotations(file: &SourceFile) -> Result<Vec<Annotation>> {
    let def: AnnotationsFile = parse(file)?;
    let at = locator(file);
    Ok(def
        .annotation
        .into_iter()
        .map(|a| {
            let origin = at.origin(a.span().start);
            let a = a.into_inner();
            Annotation {
                articles: a.articles.iter().map(|s| s.trim().to_owned()).collect(),
                theme: a.theme,
                rationale: a.rationale,
                proposals: a.proposals.iter().map(|s| s.trim().to_owned()).collect(),
                origin,
            }
        })
        .collect())
}

/// Reads a single `.toml` article set. Without `[draft]`, the id is the file's stem.
pub(crate) fn draft_from_file(file: &SourceFile, stem: &str) -> Result<Draft> {
    let text = text_of(file)?;
    let many = toml::from_str::<toml::Table>(text)
        .map(|t| matches!(t.get("chapter"), Some(toml::Value::Array(_))))
        .unwrap_or(false);
    let at = locator(file);
    let (meta, pre, chapters) = if many {
        let def: SingleManyChapters = parse(file)?;
        let chapters = def
            .chapter
            .into_iter()
            .map(|c| {
                let origin = at.origin(c.span().start);
                let c = c.into_inner();
                let mut ch = chapter(
                    &at,
                    Spanned::new(
                        0..0,
                        ChapterHead {
                            number: c.number,
                            title: c.title,
                        },
                    ),
                    c.article,
                );
                ch.origin = origin;
                ch
            })
            .collect();
        (def.draft, def.preamble, chapters)
    } else {
        let def: SingleOneChapter = parse(file)?;
        let head = def.chapter.unwrap_or_else(|| {
            Spanned::new(
                0..0,
                ChapterHead {
                    number: String::new(),
                    title: String::new(),
                },
            )
        });
        let chapters = if def.article.is_empty() {
            Vec::new()
        } else {
            vec![chapter(&at, head, def.article)]
        };
        (def.draft, def.preamble, chapters)
    };
    let meta = meta.unwrap_or_else(|| DraftMeta {
        id: stem.to_owned(),
        title: stem.to_owned(),
        status: Default::default(),
        date: None,
        parent: None,
        themes: Vec::new(),
    });
    let draft = Draft {
        meta,
        preamble: pre.map(|p| preamble(file, p)),
        chapters,
        provisions: Vec::new(),
        annotations: Vec::new(),
        source: file.path.clone(),
    };
    if draft.article_count() == 0 && draft.preamble.is_none() {
        return Err(Error::file(&file.path, "the article set has no articles"));
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile::new(format!("d/{name}"), name, text.as_bytes().to_vec())
    }

    const META: &str = "id = \"t\"\ntitle = \"Test\"\nstatus = \"proposal\"\nparent = \"p\"\n";
    const CH1: &str = "[chapter]\nnumber = \"I\"\ntitle = \"One\"\n\n[[article]]\nnumber = \"1\"\ntitle = \"First\"\ntext = \"Alpha.\"\n\n[[article]]\nnumber = \"2\"\ntext = \"Beta.\"\nfrom = [\"p:9\"]\n";

    #[test]
    fn reads_a_directory_in_file_order() {
        let files = vec![
            file(
                "02-b.toml",
                "[chapter]\nnumber = \"II\"\n[[article]]\nnumber = \"3\"\ntext = \"G.\"\n",
            ),
            file("draft.toml", META),
            file("01-a.toml", CH1),
            file("00-preamble.toml", "[preamble]\ntext = \"We agree.\"\n"),
            file("README.md", "ignored"),
        ];
        let d = draft_from_files("d", files).unwrap();
        assert_eq!(d.meta.parent.as_deref(), Some("p"));
        assert_eq!(d.chapters.len(), 2);
        assert_eq!(d.chapters[0].number, "I");
        assert_eq!(d.chapters[0].articles[1].from, vec!["p:9"]);
        assert_eq!(d.preamble.as_ref().unwrap().number, PREAMBLE);
        let second = &d.chapters[0].articles[1];
        assert_eq!((second.origin.line, second.origin.column), (11, 10));
        assert_eq!(d.article_count(), 3);
    }

    #[test]
    fn unknown_keys_are_errors_with_a_place() {
        let bad = CH1.replace("title = \"First\"", "titel = \"First\"");
        let files = vec![file("draft.toml", META), file("01-a.toml", &bad)];
        let msg = draft_from_files("d", files).unwrap_err().to_string();
        assert!(msg.starts_with("d/01-a.toml:7:1:"), "{msg}");
        assert!(msg.contains("titel"), "{msg}");
    }

    #[test]
    fn broken_toml_names_line_and_column() {
        let files = vec![file("draft.toml", "id = \"t\"\ntitle = \"T\nstatus = 1\n")];
        let msg = draft_from_files("d", files).unwrap_err().to_string();
        assert!(msg.starts_with("d/draft.toml:2:"), "{msg}");
    }

    #[test]
    fn missing_draft_toml_is_explained() {
        let msg = draft_from_files("d", vec![file("01-a.toml", CH1)])
            .unwrap_err()
            .to_string();
        assert!(msg.contains("no draft.toml"), "{msg}");
    }

    #[test]
    fn non_utf8_is_located() {
        let mut bytes = b"id = \"t\"\ntitle = \"".to_vec();
        bytes.extend([0xff, 0xfe]);
        let f = SourceFile::new("d/draft.toml".into(), "draft.toml", bytes);
        let msg = meta(&f).unwrap_err().to_string();
        assert!(
            msg.starts_with("d/draft.toml:2:10: file is not valid UTF-8"),
            "{msg}"
        );
    }

    #[test]
    fn single_file_with_several_chapters() {
        let text = "[draft]\nid = \"x\"\ntitle = \"X\"\n\n[[chapter]]\nnumber = \"1\"\n[[chapter.article]]\nnumber = \"1\"\ntext = \"A.\"\n\n[[chapter]]\nnumber = \"2\"\n[[chapter.article]]\nnumber = \"2\"\ntext = \"B.\"\n";
        let d = draft_from_file(&file("x.toml", text), "x").unwrap();
        assert_eq!(d.meta.id, "x");
        assert_eq!(d.chapters.len(), 2);
        assert_eq!(d.chapters[1].articles[0].text, "B.");
    }

    #[test]
    fn single_chapter_file_takes_its_stem_as_id() {
        let d = draft_from_file(&file("ch.toml", CH1), "ch").unwrap();
        assert_eq!(d.meta.id, "ch");
        assert_eq!(d.chapters[0].articles.len(), 2);
    }

    #[test]
    fn annotations_are_strict() {
        let f = file(
            "annotations.toml",
            "[[annotation]]\narticles = [\"1\"]\ntheme = \"x\"\nrationale = \"y\"\nnote = 1\n",
        );
        assert!(annotations(&f).unwrap_err().to_string().contains("note"));
    }
}
