//! Writing a draft directory (docs/format.md): the inverse of reading one, used by
//! `import` and by the generated drafts of the tests and benchmarks, so both name their
//! files by the same rules and a written draft always reads back.

use std::path::Path;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::model::{Annotation, Article, Chapter, Draft};

#[derive(Serialize)]
struct PreambleFile<'a> {
    preamble: PreambleOut<'a>,
}

#[derive(Serialize)]
struct PreambleOut<'a> {
    title: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct ChapterFile<'a> {
    chapter: ChapterHead<'a>,
    article: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ChapterHead<'a> {
    number: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    number: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    from: &'a [String],
}

impl<'a> From<&'a Article> for ArticleOut<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleOut {
            number: &a.number,
            title: &a.title,
            section: a.section.as_deref(),
            text: &a.text,
            from: &a.from,
        }
    }
}

#[derive(Serialize)]
struct AnnotationsFile<'a> {
    annotation: &'a [Annotation],
}

/// Writes `draft` as a draft directory at `dir`, which must not exist yet: `draft.toml`,
/// `00-preamble.toml`, one `NN-<title>.toml` per chapter, and `annotations.toml` when
/// the draft has annotations.
pub fn write_dir(draft: &Draft, dir: &Path) -> Result<()> {
    std::fs::create_dir(dir).map_err(|e| Error::io(dir.display(), e))?;
    write_toml(&dir.join("draft.toml"), &draft.meta)?;
    if let Some(p) = &draft.preamble {
        let file = PreambleFile {
            preamble: PreambleOut {
                title: &p.title,
                text: &p.text,
            },
        };
        write_toml(&dir.join("00-preamble.toml"), &file)?;
    }
    let count = draft.chapters.len();
    for (i, c) in draft.chapters.iter().enumerate() {
        let file = ChapterFile {
            chapter: ChapterHead {
                number: &c.number,
                title: &c.title,
            },
            article: c.articles.iter().map(ArticleOut::from).collect(),
        };
        write_toml(&dir.join(chapter_file_name(c, i, count)), &file)?;
    }
    if !draft.annotations.is_empty() {
        let file = AnnotationsFile {
            annotation: &draft.annotations,
        };
        write_toml(&dir.join("annotations.toml"), &file)?;
    }
    Ok(())
}

fn write_toml(path: &Path, value: &impl Serialize) -> Result<()> {
    let text = toml::to_string(value)
        .map_err(|e| Error::file(path.display(), format!("cannot write TOML: {e}")))?;
    std::fs::write(path, text).map_err(|e| Error::io(path.display(), e))
}

/// A file or directory name from free text: ASCII letters (accents dropped), digits, `.`,
/// `_` and `-`, lower-case, at most 48 characters, never hidden.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfkd() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') {
            out.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) {
            // The accent of a decomposed letter: dropped, the letter stays.
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_matches(['-', '.']).to_owned();
    if out.len() > 48 {
        let cut = out[..48].rfind('-').unwrap_or(48);
        out.truncate(cut);
    }
    out
}

/// `01-general-provisions.toml`: the chapter's place, then its title (or number). Never
/// contains "preamble", which the loader reserves for the preamble file.
fn chapter_file_name(chapter: &Chapter, index: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    let mut name = slug(&chapter.title);
    if name.is_empty() && !chapter.number.is_empty() {
        name = slug(&format!("chapter-{}", chapter.number));
    }
    if name.is_empty() {
        name = "articles".to_owned();
    }
    let name = name.replace("preamble", "opening");
    format!("{:0width$}-{name}.toml", index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Catalog;

    #[test]
    fn file_names_are_safe_and_never_the_preamble_s() {
        assert_eq!(slug("Migrant Workers"), "migrant-workers");
        assert_eq!(slug("Dispositions générales"), "dispositions-generales");
        let chapter = |title: &str, number: &str| Chapter {
            number: number.into(),
            title: title.into(),
            articles: Vec::new(),
            origin: crate::model::Origin::default(),
        };
        assert_eq!(
            chapter_file_name(&chapter("Preamble and scope", "I"), 0, 3),
            "01-opening-and-scope.toml"
        );
        assert_eq!(
            chapter_file_name(&chapter("—", "IV"), 3, 120),
            "004-chapter-iv.toml"
        );
        assert_eq!(
            chapter_file_name(&chapter("", ""), 0, 1),
            "01-articles.toml"
        );
    }

    #[cfg(feature = "synth")]
    #[test]
    fn written_drafts_load_back_unchanged() {
        let mut draft = crate::synth::corpus(40, 3, 11);
        let dir = tempfile::tempdir().unwrap();
        write_dir(&draft, &dir.path().join("synth")).unwrap();
        let catalog = Catalog::open(dir.path()).unwrap();
        assert_eq!(catalog.ids(), ["synth-11"]);
        let back = catalog.resolve("synth-11").unwrap();
        draft.source.clone_from(&back.source);
        assert_eq!(back.meta, draft.meta);
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
        assert!(
            write_dir(&draft, &dir.path().join("synth")).is_err(),
            "an existing directory is never written into"
        );
    }
}
