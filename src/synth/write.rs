//! Writing a draft to disk in the docs/format.md layout (`draft.toml`, `00-preamble.toml`, one
//! `NN-<slug>.toml` per chapter, `annotations.toml`), so benchmarks and CLI tests can
//! load synthetic drafts like real ones.

use std::io;
use std::path::Path;

use serde::Serialize;

use crate::model::{Annotation, Article, Draft};

#[derive(Serialize)]
struct ChapterHead<'a> {
    number: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct ArticleDef<'a> {
    number: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    from: &'a [String],
}

impl<'a> From<&'a Article> for ArticleDef<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleDef {
            number: &a.number,
            title: &a.title,
            section: a.section.as_deref(),
            text: &a.text,
            from: &a.from,
        }
    }
}

#[derive(Serialize)]
struct ChapterFile<'a> {
    chapter: ChapterHead<'a>,
    article: Vec<ArticleDef<'a>>,
}

#[derive(Serialize)]
struct PreambleDef<'a> {
    title: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct PreambleFile<'a> {
    preamble: PreambleDef<'a>,
}

#[derive(Serialize)]
struct AnnotationsFile<'a> {
    annotation: &'a [Annotation],
}

fn to_toml<T: Serialize>(value: &T) -> io::Result<String> {
    toml::to_string(value).map_err(io::Error::other)
}

/// A file-name slug of a chapter title: lower-case ASCII words joined by `-`. Never
/// contains "preamble", which the loader reserves for the preamble file.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    let s = words.join("-");
    if s.is_empty() || s.contains("preamble") {
        "chapter".to_owned()
    } else {
        s
    }
}

/// Writes `draft` into `dir` (created if needed) as a draft directory.
pub fn write_dir(draft: &Draft, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("draft.toml"), to_toml(&draft.meta)?)?;
    if let Some(p) = &draft.preamble {
        let file = PreambleFile {
            preamble: PreambleDef {
                title: &p.title,
                text: &p.text,
            },
        };
        std::fs::write(dir.join("00-preamble.toml"), to_toml(&file)?)?;
    }
    let width = draft.chapters.len().to_string().len().max(2);
    for (i, c) in draft.chapters.iter().enumerate() {
        let file = ChapterFile {
            chapter: ChapterHead {
                number: &c.number,
                title: &c.title,
            },
            article: c.articles.iter().map(ArticleDef::from).collect(),
        };
        let name = format!("{:0width$}-{}.toml", i + 1, slug(&c.title));
        std::fs::write(dir.join(name), to_toml(&file)?)?;
    }
    if !draft.annotations.is_empty() {
        let file = AnnotationsFile {
            annotation: &draft.annotations,
        };
        std::fs::write(dir.join("annotations.toml"), to_toml(&file)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Catalog;

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(slug("Migrant Workers"), "migrant-workers");
        assert_eq!(slug("Préambule / Preamble"), "chapter");
        assert_eq!(slug("—"), "chapter");
    }

    #[test]
    fn written_drafts_load_back_unchanged() {
        let draft = crate::synth::corpus(40, 3, 11);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("synth");
        write_dir(&draft, &path).unwrap();
        let catalog = Catalog::open(dir.path()).unwrap();
        assert_eq!(catalog.ids(), ["synth-11"]);
        let back = catalog.resolve("synth-11").unwrap();
        assert_eq!(back.meta, draft.meta);
        assert_eq!(back.chapters.len(), draft.chapters.len());
        let texts = |d: &Draft| -> Vec<(String, String, String)> {
            d.articles()
                .map(|a| {
                    (
                        a.article.number.clone(),
                        a.article.title.clone(),
                        a.article.text.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(texts(&back), texts(&draft));
    }
}
