//! Tests of `import`: round trips, refusals that touch nothing, and safe replacement.

use std::collections::BTreeMap;

use super::*;
use crate::load::slug;
use crate::model::{Article, Chapter, Origin, PREAMBLE};

fn article(number: &str, title: &str, text: &str) -> Article {
    Article {
        number: number.into(),
        title: title.into(),
        section: None,
        text: text.into(),
        from: Vec::new(),
        origin: Origin::default(),
    }
}

fn sample() -> Draft {
    let mut second = article(
        "2bis",
        "Quotes \"and\" \\ slashes",
        "1. Text with \"\"\" triple quotes, a tab\there and a backslash \\n.\n2. Ünïcödé — dashes.\n",
    );
    second.section = Some("A".into());
    Draft {
        meta: DraftMeta {
            id: "doc".into(),
            title: "Lake Treaty".into(),
            status: Status::Working,
            date: None,
            parent: None,
            themes: Vec::new(),
        },
        preamble: Some(article(PREAMBLE, PREAMBLE, "The Parties agree:\n")),
        chapters: vec![
            Chapter {
                number: "I".into(),
                title: "Preamble-like general provisions".into(),
                articles: vec![article("1", "", "Only text.\n"), second],
                origin: Origin::default(),
            },
            Chapter {
                number: String::new(),
                title: String::new(),
                articles: vec![article("3", "Last", "")],
                origin: Origin::default(),
            },
        ],
        provisions: Vec::new(),
        annotations: Vec::new(),
        source: "doc.txt".into(),
    }
}

/// Every file under `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn an_import_reads_back_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path().join("drafts");
    let dir = import(sample(), &drafts, "3.0-Lake", None, None, false).unwrap();
    assert_eq!(dir, drafts.join("3.0-lake"));
    let files: Vec<String> = snapshot(&dir).into_keys().collect();
    assert_eq!(
        files,
        [
            "00-preamble.toml",
            "01-opening-like-general-provisions.toml",
            "02-articles.toml",
            "draft.toml"
        ]
    );
    let back = load::load_dir(&dir).unwrap();
    assert_eq!(back.meta.id, "3.0-Lake");
    assert_eq!(back.meta.title, "Lake Treaty");
    assert_eq!(back.meta.status, Status::Working);
    let original = sample();
    let pairs: Vec<_> = original.articles().zip(back.articles()).collect();
    assert_eq!(pairs.len(), 4);
    for (a, b) in pairs {
        assert_eq!(
            (
                &a.article.number,
                &a.article.title,
                &a.article.section,
                &a.article.text
            ),
            (
                &b.article.number,
                &b.article.title,
                &b.article.section,
                &b.article.text
            )
        );
    }
    let text =
        std::fs::read_to_string(dir.join("01-opening-like-general-provisions.toml")).unwrap();
    assert!(text.contains("text = \"\"\"\nOnly text.\n\"\"\""), "{text}");
    assert!(text.contains("text = '''\n1. Text with"), "{text}");
    assert!(!drafts.read_dir().unwrap().any(|e| e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with(".import")));
}

#[test]
fn an_existing_id_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    let dir = import(sample(), drafts, "lake", None, None, false).unwrap();
    let before = snapshot(drafts);
    let mut other = sample();
    other.chapters.pop();
    let msg = import(other, drafts, "lake", None, Some("New"), false)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("draft `lake` already exists"), "{msg}");
    assert!(msg.contains("--force"), "{msg}");
    assert_eq!(snapshot(drafts), before);
    assert!(dir.is_dir());
}

#[test]
fn force_replaces_the_draft_in_its_own_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    let old = drafts.join("lake-old-name");
    import(sample(), drafts, "lake", None, None, false).unwrap();
    std::fs::rename(drafts.join("lake"), &old).unwrap();
    let mut smaller = sample();
    smaller.chapters.pop();
    let dir = import(smaller, drafts, "lake", None, Some("New"), true).unwrap();
    assert_eq!(dir, old);
    let back = load::load_dir(&dir).unwrap();
    assert_eq!(back.meta.title, "New");
    assert_eq!(back.chapters.len(), 1);
    assert!(!dir.join("02-articles.toml").exists());
    let names: Vec<_> = std::fs::read_dir(drafts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["lake-old-name"]);
}

#[test]
fn a_directory_of_another_draft_is_never_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    std::fs::create_dir(drafts.join("lake")).unwrap();
    std::fs::write(drafts.join("lake/notes.txt"), "mine").unwrap();
    let msg = import(sample(), drafts, "Lake", None, None, true)
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("already exists and is not the draft `Lake`"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_to_string(drafts.join("lake/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_failed_swap_puts_the_old_draft_back() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    let target = import(sample(), drafts, "lake", None, None, false).unwrap();
    let before = snapshot(&target);
    let built = drafts.join("built");
    std::fs::create_dir(&built).unwrap();
    let fail_new = |from: &Path, to: &Path| {
        if from == built {
            Err(io::Error::other("disk full"))
        } else {
            std::fs::rename(from, to)
        }
    };
    let msg = replace(&built, &target, drafts, &fail_new)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("disk full"), "{msg}");
    assert_eq!(snapshot(&target), before);
}

#[test]
fn parents_must_be_known_and_not_the_draft_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let drafts = tmp.path();
    let msg = import(sample(), drafts, "lake", Some("1.0"), None, false)
        .unwrap_err()
        .to_string();
    assert!(msg.starts_with("unknown parent `1.0`"), "{msg}");
    assert!(msg.contains("known: none yet"), "{msg}");
    import(sample(), drafts, "base", None, None, false).unwrap();
    let dir = import(sample(), drafts, "lake", Some("base"), None, false).unwrap();
    assert_eq!(
        load::load_dir(&dir).unwrap().meta.parent.as_deref(),
        Some("base")
    );
    let msg = import(sample(), drafts, "x", Some("x"), None, false)
        .unwrap_err()
        .to_string();
    assert!(msg.contains("its own parent"), "{msg}");
}

#[test]
fn ids_and_slugs() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["", "a b", "+++"] {
        assert!(
            import(sample(), tmp.path(), bad, None, None, false).is_err(),
            "{bad:?}"
        );
    }
    assert_eq!(slug("3.0-health"), "3.0-health");
    assert_eq!(slug("Dispositions générales"), "dispositions-generales");
    assert_eq!(slug("..hidden"), "hidden");
    assert_eq!(slug("Part A — Rights"), "part-a-rights");
    assert!(slug(&"word ".repeat(30)).len() <= 48);
}

#[test]
fn summaries_count_what_was_read() {
    assert_eq!(
        summary(&sample()),
        "2 chapters, 3 articles and a preamble, 20 words"
    );
}
