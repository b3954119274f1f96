//! The incremental build: which pages to render again and which files to write.
//!
//! Each page has an *inputs* fingerprint: the fingerprints of the drafts it is made from,
//! and of what every page shares (the site's versions, its navigation, the stylesheet
//! and scripts, `FORMAT`). The manifest `.draftdiff-site.json` in the output folder
//! remembers, per page, the inputs it was made from and a fingerprint of the file
//! written. A page whose inputs are unchanged and whose file is still the one written is
//! not rendered at all; a page rendered again is written only when its bytes differ from
//! the file on disk, so an identical file is never rewritten (its modification time and
//! inode stay). Each file is replaced whole by a rename
//! (`crate::render::write_atomic_unsynced`), without an `fsync` per page: the site is
//! rebuilt from the drafts anyway. Pages the manifest lists that the site no longer has are removed.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Article, Draft};

/// Bumped whenever the pages' markup changes for the same drafts, so that a site built
/// by an older draftdiff is rendered again.
pub(crate) const FORMAT: u32 = 1;

pub(crate) const MANIFEST: &str = ".draftdiff-site.json";

/// 64-bit FNV-1a: stable across runs and platforms, unlike the standard library's
/// hasher, so fingerprints can be stored on disk.
#[derive(Clone)]
pub(crate) struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fingerprint {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    // Lengths as fixed-width little-endian, so a fingerprint is the same on every target.
    fn write_usize(&mut self, n: usize) {
        self.write(&(n as u64).to_le_bytes());
    }
}

/// The fingerprint of anything hashable, as 16 hex digits.
pub(crate) fn fingerprint(value: &impl Hash) -> String {
    let mut h = Fingerprint::default();
    value.hash(&mut h);
    format!("{:016x}", h.finish())
}

fn bytes_fingerprint(bytes: &[u8]) -> String {
    let mut h = Fingerprint::default();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// Everything of a draft a page can show: metadata, every article, annotations.
pub(crate) fn draft_fingerprint(d: &Draft) -> String {
    let mut h = Fingerprint::default();
    let m = &d.meta;
    (
        &m.id,
        &m.title,
        m.status.to_string(),
        &m.date,
        &m.parent,
        &m.themes,
    )
        .hash(&mut h);
    let article = |a: &Article, h: &mut Fingerprint| {
        (&a.number, &a.title, &a.section, &a.text, &a.from).hash(h);
    };
    d.preamble.is_some().hash(&mut h);
    if let Some(p) = &d.preamble {
        article(p, &mut h);
    }
    for c in &d.chapters {
        (&c.number, &c.title, c.articles.len()).hash(&mut h);
        for a in &c.articles {
            article(a, &mut h);
        }
    }
    d.provisions.len().hash(&mut h);
    for a in &d.provisions {
        article(a, &mut h);
    }
    for a in &d.annotations {
        (&a.articles, &a.theme, &a.rationale, &a.proposals).hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

/// What the manifest remembers of one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Fingerprint of what the page was rendered from.
    pub inputs: String,
    /// Fingerprint of the bytes written.
    pub content: String,
    /// A line the home page shows about the page (a comparison's count of changes), kept
    /// so that the home page can be rendered without comparing again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    pages: BTreeMap<String, Record>,
}

/// What a build did, page by page.
#[derive(Debug, Default, Clone)]
pub struct Built {
    /// Every page of the site.
    pub pages: usize,
    /// Pages written (new or changed), by URL.
    pub written: Vec<String>,
    /// Pages rendered again whose bytes were already on disk.
    pub identical: usize,
    /// Pages not rendered: their inputs had not changed.
    pub kept: usize,
    /// Pages of an earlier build the site no longer has, removed.
    pub removed: Vec<String>,
}

/// The output folder and what was there before.
pub struct Output {
    dir: PathBuf,
    old: Manifest,
    new: Manifest,
    force: bool,
    /// What the build has done so far.
    pub built: Built,
}

impl Output {
    /// Opens (creating it if needed) the output folder and reads its manifest. With
    /// `force`, every page is rendered again (and still written only when it differs).
    pub fn open(dir: &Path, force: bool) -> Result<Output> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Invalid(format!(
                "cannot write the site to {}: it is not a directory",
                dir.display()
            )));
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
        let old = std::fs::read(dir.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            .filter(|m| m.format == FORMAT)
            .unwrap_or_default();
        Ok(Output {
            dir: dir.to_owned(),
            old,
            new: Manifest {
                format: FORMAT,
                pages: BTreeMap::new(),
            },
            force,
            built: Built::default(),
        })
    }

    /// The record of `url` from the last build when its inputs are `inputs` and its file
    /// is still the one written then: the page need not be rendered.
    pub fn unchanged(&mut self, url: &str, inputs: &str) -> Option<Record> {
        if self.force {
            return None;
        }
        let old = self.old.pages.get(url)?;
        if old.inputs != inputs {
            return None;
        }
        let on_disk = std::fs::read(self.dir.join(url)).ok()?;
        (bytes_fingerprint(&on_disk) == old.content).then(|| old.clone())
    }

    /// Keeps `url` as it is on disk (after [`Output::unchanged`] said so).
    pub fn keep(&mut self, url: &str, record: Record) {
        self.built.pages += 1;
        self.built.kept += 1;
        self.new.pages.insert(url.to_owned(), record);
    }

    /// Writes the page `url` unless the file already holds exactly these bytes.
    pub(crate) fn put(
        &mut self,
        url: &str,
        inputs: &str,
        bytes: &[u8],
        note: Option<String>,
    ) -> Result<()> {
        let path = self.dir.join(url);
        self.built.pages += 1;
        if std::fs::read(&path).is_ok_and(|old| old == bytes) {
            self.built.identical += 1;
        } else {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent.display(), e))?;
            }
            crate::render::write_atomic_unsynced(&path, bytes)?;
            self.built.written.push(url.to_owned());
        }
        self.new.pages.insert(
            url.to_owned(),
            Record {
                inputs: inputs.to_owned(),
                content: bytes_fingerprint(bytes),
                note,
            },
        );
        Ok(())
    }

    /// Removes the pages of the last build that this one did not make, and writes the
    /// manifest (unless it is unchanged).
    pub fn finish(mut self) -> Result<Built> {
        for url in self.old.pages.keys() {
            if !self.new.pages.contains_key(url) {
                let path = self.dir.join(url);
                if path.is_file() {
                    std::fs::remove_file(&path).map_err(|e| Error::io(path.display(), e))?;
                }
                self.built.removed.push(url.clone());
            }
        }
        let json = serde_json::to_vec_pretty(&self.new).map_err(std::io::Error::from);
        let json = json.map_err(|e| Error::io(MANIFEST, e))?;
        let path = self.dir.join(MANIFEST);
        if std::fs::read(&path).map_or(true, |old| old != json) {
            crate::render::write_atomic(&path, &json)?;
        }
        Ok(self.built)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        // FNV-1a of the empty input and of "a", as published with the algorithm.
        assert_eq!(bytes_fingerprint(b""), "cbf29ce484222325");
        assert_eq!(bytes_fingerprint(b"a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint(&("a", 1u32)), fingerprint(&("a", 1u32)));
        assert_ne!(fingerprint(&("ab", "c")), fingerprint(&("a", "bc")));
    }

    #[test]
    fn an_identical_page_is_not_rewritten_and_a_changed_one_is() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut out = Output::open(dir.path(), false).expect("open");
        out.put("a/b.html", "i1", b"one", None).expect("put");
        out.put("c.html", "i1", b"two", Some("2 changes".into()))
            .expect("put");
        let built = out.finish().expect("finish");
        assert_eq!(built.written, ["a/b.html", "c.html"]);

        let mut out = Output::open(dir.path(), false).expect("reopen");
        let kept = out
            .unchanged("c.html", "i1")
            .expect("same inputs, same file");
        assert_eq!(kept.note.as_deref(), Some("2 changes"));
        out.keep("c.html", kept);
        assert!(out.unchanged("a/b.html", "i2").is_none(), "inputs changed");
        out.put("a/b.html", "i2", b"one", None).expect("put");
        let built = out.finish().expect("finish");
        assert!(built.written.is_empty(), "{built:?}");
        assert_eq!((built.identical, built.kept, built.pages), (1, 1, 2));

        // A page edited by hand is rendered again; a page no longer made is removed.
        std::fs::write(dir.path().join("c.html"), b"edited").expect("edit");
        let mut out = Output::open(dir.path(), false).expect("reopen");
        assert!(
            out.unchanged("c.html", "i1").is_none(),
            "file changed on disk"
        );
        out.put("c.html", "i1", b"two", None).expect("put");
        let built = out.finish().expect("finish");
        assert_eq!(built.written, ["c.html"]);
        assert_eq!(built.removed, ["a/b.html"]);
        assert!(!dir.path().join("a/b.html").exists());
    }

    #[test]
    fn a_file_is_not_a_site_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("f");
        std::fs::write(&file, b"x").expect("write");
        assert!(Output::open(&file, false).is_err());
    }
}
