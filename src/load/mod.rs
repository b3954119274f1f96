//! Stage 1 of the pipeline: turn whatever the user names into a [`Draft`].
//!
//! A version may be an id in the drafts directory, a draft directory, a single `.toml`
//! article set, a document (`.md`, `.txt`, `.docx`) or `REV:PATH` read from git (README, "A taste").
//! The drafts directory is `--drafts`, else `$DRAFTDIFF_DRAFTS`, else `./drafts`, else the
//! MIMC drafts compiled into the binary, so the tool works from any folder.

pub mod document;
mod git;
mod toml;
mod write;

pub(crate) use write::slug;
pub use write::write_dir;

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::error::{Error, Result};
use crate::model::{Draft, DraftMeta};

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/drafts");

/// The label under which built-in drafts appear in messages.
pub(crate) const BUILT_IN_LABEL: &str = "<built-in drafts>";

/// One file's bytes and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in messages.
    pub path: String,
    /// The bare file name, which decides what the file is (`draft.toml`, a chapter…).
    pub name: String,
    /// The file's contents as read.
    pub bytes: Vec<u8>,
}

impl SourceFile {
    /// A file read already: `path` for messages, `name` the bare file name.
    pub fn new(path: String, name: &str, bytes: Vec<u8>) -> Self {
        SourceFile {
            path,
            name: name.to_owned(),
            bytes,
        }
    }

    /// Reads at most `max_input` bytes: `/dev/zero` or a runaway file is refused with
    /// exit 2 rather than read until memory runs out.
    pub fn read(path: &Path) -> Result<Self> {
        use std::io::Read;
        let limit = max_input();
        let file = std::fs::File::open(path).map_err(|e| Error::io(path.display(), e))?;
        // Sized from the file's length: without it, reading through `take` grows the
        // buffer from 32 bytes, a dozen `read` calls for a chapter of a draft.
        let size = file.metadata().map_or(0, |m| m.len()).min(limit);
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path.display(), e))?;
        if bytes.len() as u64 > limit {
            return Err(Error::file(
                path.display(),
                format!(
                    "larger than the input limit of {} MiB (set {MAX_INPUT_VAR} to a number of MiB to read more)",
                    limit >> 20
                ),
            ));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(SourceFile::new(path.display().to_string(), &name, bytes))
    }
}

/// The environment variable that raises (or lowers) the input limit, in MiB.
pub(crate) const MAX_INPUT_VAR: &str = "DRAFTDIFF_MAX_INPUT_MB";
/// The input limit unless the user sets another: far above any real draft (the whole
/// French Code civil is 3 MB), and low enough that comparing two inputs at the limit stays
/// under 1 GB of memory (about 2.5 bytes of memory per byte of input, measured).
const DEFAULT_MAX_INPUT_MB: u64 = 128;

/// The most bytes one input file may have.
pub(crate) fn max_input() -> u64 {
    let mb = std::env::var(MAX_INPUT_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&mb| mb > 0)
        .unwrap_or(DEFAULT_MAX_INPUT_MB);
    mb.saturating_mul(1 << 20)
}

#[derive(Debug, Clone)]
enum Root {
    Disk(PathBuf),
    BuiltIn,
}

/// A draft known to the catalog, by its `draft.toml` only (the rest is read on demand).
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its `draft.toml`.
    pub meta: DraftMeta,
    /// The directory's name inside the drafts directory (`mimc-1.0`).
    pub dir: String,
}

/// The drafts directory: which versions exist and how to read them.
#[derive(Debug, Clone)]
pub struct Catalog {
    root: Root,
    entries: Vec<Entry>,
    /// How documents named on the command line are read (`--article-pattern`).
    rules: document::Rules,
}

impl Catalog {
    /// Opens the drafts directory by the precedence the README gives. `explicit` is `--drafts`
    /// or `$DRAFTDIFF_DRAFTS` (the CLI merges the two).
    pub fn discover(explicit: Option<&Path>) -> Result<Catalog> {
        match explicit {
            Some(dir) if dir.is_dir() => Catalog::open(dir),
            Some(dir) if dir.exists() => Err(Error::DraftsDirectory {
                path: dir.display().to_string(),
                message: "is a file, not a directory",
            }),
            Some(dir) => Err(Error::DraftsDirectory {
                path: dir.display().to_string(),
                message: "does not exist",
            }),
            None if Path::new("drafts").is_dir() => Catalog::open(Path::new("drafts")),
            None => Catalog::built_in(),
        }
    }

    /// The catalog of the drafts directory `dir`.
    pub fn open(dir: &Path) -> Result<Catalog> {
        let mut entries = Vec::new();
        let listing = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display(), e))?;
        let mut subdirs: Vec<PathBuf> = listing
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        subdirs.sort();
        for sub in subdirs {
            let meta_path = sub.join("draft.toml");
            if meta_path.is_file() {
                let meta = toml::meta(&SourceFile::read(&meta_path)?)?;
                entries.push(Entry {
                    meta,
                    dir: dir_name(&sub),
                });
            } else if has_toml(&sub) {
                return Err(Error::file(
                    sub.display(),
                    "missing draft.toml (every draft directory needs one; see docs/format.md)",
                ));
            }
        }
        Catalog::checked(Root::Disk(dir.to_owned()), entries)
    }

    /// The catalog of the MIMC drafts built into the binary.
    pub fn built_in() -> Result<Catalog> {
        let mut entries = Vec::new();
        for sub in BUILT_IN.dirs() {
            if let Some(file) = sub.get_file(sub.path().join("draft.toml")) {
                let dir = dir_name(sub.path());
                let path = format!("{BUILT_IN_LABEL}/{dir}/draft.toml");
                let meta = toml::meta(&SourceFile::new(
                    path,
                    "draft.toml",
                    file.contents().to_vec(),
                ))?;
                entries.push(Entry { meta, dir });
            }
        }
        entries.sort_by(|a, b| a.dir.cmp(&b.dir));
        Catalog::checked(Root::BuiltIn, entries)
    }

    fn checked(root: Root, entries: Vec<Entry>) -> Result<Catalog> {
        for (i, e) in entries.iter().enumerate() {
            if let Some(other) = entries[..i].iter().find(|o| o.meta.id == e.meta.id) {
                return Err(Error::Invalid(format!(
                    "draft id `{}` is used by both {} and {}",
                    e.meta.id, other.dir, e.dir
                )));
            }
        }
        Ok(Catalog {
            root,
            entries,
            rules: document::Rules::default(),
        })
    }

    /// Where the catalog lives, for messages and `list`.
    pub fn location(&self) -> String {
        match &self.root {
            Root::Disk(p) => p.display().to_string(),
            Root::BuiltIn => BUILT_IN_LABEL.to_owned(),
        }
    }

    /// The drafts, in the order of their directories.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The ids of the drafts, in the order of [`Catalog::entries`].
    pub fn ids(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.meta.id.clone()).collect()
    }

    /// The catalog entry named by `name`: its id, or its directory name.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.meta.id == name)
            .or_else(|| self.entries.iter().find(|e| e.dir == name))
    }

    /// Reads the whole draft of a catalog entry.
    pub fn load(&self, entry: &Entry) -> Result<Draft> {
        match &self.root {
            Root::Disk(root) => load_dir(&root.join(&entry.dir)),
            Root::BuiltIn => {
                let dir = BUILT_IN.get_dir(&entry.dir).ok_or_else(|| {
                    Error::Invalid(format!("built-in draft {} is missing", entry.dir))
                })?;
                let label = format!("{BUILT_IN_LABEL}/{}", entry.dir);
                let files = dir
                    .files()
                    .map(|f| {
                        let name = f.path().file_name().unwrap_or_default().to_string_lossy();
                        SourceFile::new(format!("{label}/{name}"), &name, f.contents().to_vec())
                    })
                    .collect();
                toml::draft_from_files(&label, files)
            }
        }
    }

    /// Every draft of the catalog, read whole.
    pub fn load_all(&self) -> Result<Vec<Draft>> {
        self.entries.iter().map(|e| self.load(e)).collect()
    }

    /// Reads documents by `rules` from now on.
    pub fn with_rules(mut self, rules: document::Rules) -> Self {
        self.rules = rules;
        self
    }

    /// Reads the version a user named (the README lists the forms).
    pub fn resolve(&self, name: &str) -> Result<Draft> {
        self.resolve_reading(name).map(|(draft, _)| draft)
    }

    /// Reads the version a user named, with what the document reader could not carry
    /// over or had to guess (nothing for a draft directory).
    pub fn resolve_reading(&self, name: &str) -> Result<(Draft, Vec<String>)> {
        let path = Path::new(name);
        if path.is_file() && document::is_document(path) {
            let file = SourceFile::read(path)?;
            let reading = document::read_with(&file, &stem_of(path), &self.rules)?;
            return Ok((reading.draft, reading.warnings));
        }
        if !path.exists() && self.entry(name).is_none() {
            if let Some((rev, rel)) = git::split_rev_path(name) {
                return git::load(rev, rel, &self.rules);
            }
        }
        self.resolve_draft(name).map(|d| (d, Vec::new()))
    }

    fn resolve_draft(&self, name: &str) -> Result<Draft> {
        let path = Path::new(name);
        if path.exists() {
            return load_path(path);
        }
        if let Some(entry) = self.entry(name) {
            return self.load(entry);
        }
        if let Some((rev, rel)) = git::split_rev_path(name) {
            return git::load(rev, rel, &self.rules).map(|(d, _)| d);
        }
        // `old.docx` that is not there is a missing file, not an unknown draft id.
        if document::is_document(path) || path.extension().is_some_and(|e| e == "toml") {
            return Err(Error::file(name, "no such file"));
        }
        Err(Error::UnknownVersion {
            name: name.to_owned(),
            known: self.ids(),
        })
    }

    /// The parent of `draft`, if it names one, from this catalog.
    pub(crate) fn parent_of(&self, draft: &Draft) -> Result<Option<Draft>> {
        match &draft.meta.parent {
            None => Ok(None),
            Some(p) => match self.entry(p) {
                Some(entry) => self.load(entry).map(Some),
                None => Err(Error::UnknownVersion {
                    name: p.clone(),
                    known: self.ids(),
                }),
            },
        }
    }
}

fn dir_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn has_toml(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .any(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .unwrap_or(false)
}

/// Reads a draft directory from disk.
pub fn load_dir(dir: &Path) -> Result<Draft> {
    let listing = std::fs::read_dir(dir).map_err(|e| Error::io(dir.display(), e))?;
    let mut files = Vec::new();
    for entry in listing {
        let path = entry.map_err(|e| Error::io(dir.display(), e))?.path();
        if path.is_dir() && path.extension().is_some_and(|x| x == "toml") {
            // `annotations.toml/` would otherwise be skipped and every change look
            // unexplained, or explained by nothing.
            return Err(Error::file(
                path.display(),
                "a directory where a TOML file was expected",
            ));
        }
        if path.is_file() && path.extension().is_some_and(|x| x == "toml") {
            files.push(SourceFile::read(&path)?);
        }
    }
    toml::draft_from_files(&dir.display().to_string(), files)
}

/// Reads a draft directory or a single file, by what it is.
pub fn load_path(path: &Path) -> Result<Draft> {
    if path.is_dir() {
        return load_dir(path);
    }
    let file = SourceFile::read(path)?;
    load_file(&file)
}

/// A file's name without its extension: the default id of a document's draft.
pub(crate) fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What a single file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A `.toml` article set.
    Toml,
    /// A document parsed into articles: `.md`, `.txt`, `.docx`.
    Document,
}

/// The kind of file `path` names, by its extension in any case; `None` for any other:
/// the one place that says which files `diff`, `import` and the rest can read.
pub(crate) fn file_kind(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "toml" => Some(FileKind::Toml),
        "md" | "markdown" | "txt" | "text" | "docx" => Some(FileKind::Document),
        _ => None,
    }
}

/// Reads one file by its extension: a `.toml` article set or a document.
pub fn load_file(file: &SourceFile) -> Result<Draft> {
    let path = Path::new(&file.name);
    let stem = stem_of(path);
    match file_kind(path) {
        Some(FileKind::Toml) => toml::draft_from_file(file, &stem),
        Some(FileKind::Document) => document::read(file, &stem),
        None => Err(Error::file(
            &file.path,
            "unsupported file type (expected a draft directory, .toml, .md, .txt or .docx)",
        )),
    }
}
