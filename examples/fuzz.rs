//! A mutation fuzzer for the readers and the engine, on the stable toolchain.
//!
//! ```sh
//! cargo run --release --example fuzz -- [SECONDS] [SEED]
//! ```
//!
//! Seeds are the committed inputs (`fuzz/seeds/`, the vendored corpus, the document
//! fixtures and the shipped drafts). Each round takes one or two seeds, mutates them —
//! byte flips, deleted, repeated and spliced ranges, lines shaped like headings in every
//! language the reader knows, control characters, huge numbers, long lines — and runs
//! the text, Markdown, Word and TOML readers, then, when two inputs read, the engine and
//! every renderer on the pair. A panic is a crash: the input is written to
//! `fuzz/crashes/` and the run goes on. The figures go to `docs/robustness.md`.

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use draftdiff::compare::{compare, Options};
use draftdiff::load::{document, load_file, SourceFile};
use draftdiff::render::{docx, html, markdown, style::Style, text};
use draftdiff::{ChangeKind, Draft, Op};

/// Inputs larger than this are cut: the fuzzer looks for crashes, not for slow inputs.
const MAX_INPUT: usize = 256 * 1024;

/// Lines the mutator inserts: the shapes the reader must judge, and hostile bytes.
const TOKENS: &[&str] = &[
    "Article 1",
    "Article 12 bis – Review",
    "ARTICLE XII",
    "Art. 4 Catch limits",
    "§ 39 Absatz 3d Nummer 2",
    "§§ 53 bis 58 (weggefallen)",
    "### Artikel  1:1  ",
    "###Artikel 5",
    "##### Artículo 2.º Ámbito territorial.",
    "Artículo treinta y uno.",
    "Disposición adicional primera. Plazos.",
    "Article L. 313-11",
    "Article 515-7-1\n----------",
    "CHAPTER II – Final provisions",
    "Erster Abschnitt",
    "## IV a. - Gemeinsamer Ausschuß",
    "TÍTULO PRELIMINAR",
    "  0. This License applies",
    "1. Definitions.",
    "(14) Disclaimer of Warranty:",
    "2. Grant of Copyright License. Subject to",
    "Whereas:",
    "(1) The lake is shared.",
    "HAS ADOPTED THIS REGULATION:",
    "ANNEX II",
    "END OF TERMS AND CONDITIONS",
    "Article 99999999999999999999",
    "Article 0",
    "\u{1b}[31m",
    "\0",
    "\r",
    "\u{c}",
    "\u{feff}",
    "\u{202e}",
    "[[chapters]]\nnumber = \"I\"",
    "[[chapters.articles]]\nnumber = \"1\"\ntext = \"x\"",
    "---\ntitle: x\n---",
    "**Article 3**",
    "| a | b |",
];

struct Seed {
    name: String,
    bytes: Vec<u8>,
}

fn seeds(root: &Path) -> Vec<Seed> {
    let mut out = Vec::new();
    let mut stack = vec![
        root.join("fuzz/seeds"),
        root.join("tests/corpus"),
        root.join("tests/fixtures/documents"),
        root.join("drafts"),
    ];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !matches!(ext, "md" | "txt" | "docx" | "toml") || path.ends_with("draft.toml") {
                continue;
            }
            let Ok(mut bytes) = std::fs::read(&path) else {
                continue;
            };
            bytes.truncate(MAX_INPUT);
            out.push(Seed {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                bytes,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn extension(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or("txt")
}

/// One mutation of `bytes`.
fn mutate(rng: &mut fastrand::Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    let len = bytes.len();
    match rng.u8(0..8) {
        0 if len > 0 => {
            let i = rng.usize(0..len);
            bytes[i] ^= 1 << rng.u8(0..8);
        }
        1 if len > 1 => {
            let a = rng.usize(0..len);
            let b = (a + rng.usize(1..=len.min(4096))).min(len);
            bytes.drain(a..b);
        }
        2 if len > 1 => {
            let a = rng.usize(0..len);
            let b = (a + rng.usize(1..=len.min(4096))).min(len);
            let piece = bytes[a..b].to_vec();
            let at = rng.usize(0..=bytes.len());
            bytes.splice(at..at, piece);
        }
        3 if !other.is_empty() => {
            let a = rng.usize(0..other.len());
            let b = (a + rng.usize(1..=other.len().min(8192))).min(other.len());
            let at = rng.usize(0..=bytes.len());
            bytes.splice(at..at, other[a..b].iter().copied());
        }
        4 => {
            let at = line_start(bytes, rng.usize(0..=len));
            let token = TOKENS[rng.usize(0..TOKENS.len())];
            let line = format!("{token}\n");
            bytes.splice(at..at, line.bytes());
        }
        5 => {
            let at = rng.usize(0..=len);
            let long = "word ".repeat(rng.usize(1..20_000));
            bytes.splice(at..at, long.bytes());
        }
        6 if len > 0 => bytes.truncate(rng.usize(0..len)),
        _ => {
            let at = rng.usize(0..=len);
            let byte = [0u8, 0x1b, b'\r', 0x0c, 0xff, 0xc3, b'\n', b'#'][rng.usize(0..8)];
            bytes.insert(at, byte);
        }
    }
    bytes.truncate(MAX_INPUT);
}

fn line_start(bytes: &[u8], at: usize) -> usize {
    bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1)
}

/// A Word seed mutated inside its `word/document.xml`, so the zip stays readable and the
/// mutation reaches the paragraph reader.
fn mutate_docx(rng: &mut fastrand::Rng, docx: &[u8], other: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Read};
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(docx)) else {
        return docx.to_vec();
    };
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else {
            continue;
        };
        let Ok(name) = f.name().map(|n| n.into_owned()) else {
            continue;
        };
        let mut data = Vec::new();
        if f.read_to_end(&mut data).is_err() {
            continue;
        }
        if name == "word/document.xml" {
            for _ in 0..rng.usize(1..4) {
                mutate(rng, &mut data, other);
            }
        }
        let options = zip::write::SimpleFileOptions::default();
        if out.start_file(name, options).is_ok() {
            let _ = out.write_all(&data);
        }
    }
    out.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn read(name: &str, bytes: Vec<u8>) -> Option<Draft> {
    let file = SourceFile::new(name.to_owned(), name, bytes);
    match extension(name) {
        "toml" => load_file(&file).ok(),
        _ => document::read_with_warnings(&file, "fuzz")
            .ok()
            .map(|r| r.draft),
    }
}

fn exercise(a: (&str, Vec<u8>), b: (&str, Vec<u8>)) {
    let (Some(base), Some(head)) = (read(a.0, a.1), read(b.0, b.1)) else {
        return;
    };
    if !draftdiff::validate::fatal(&base).is_empty()
        || !draftdiff::validate::fatal(&head).is_empty()
    {
        return;
    }
    let cmp = compare(&base, &head, &Options::default());
    let _ = text::diff_text(&cmp, Style::PLAIN);
    let _ = html::render(&cmp);
    let _ = markdown::render(&cmp);
    let _ = docx::render(&cmp, &docx::Revision::at(std::time::UNIX_EPOCH));
    // A redline must rebuild both texts exactly; the engine checks it in its tests, the
    // fuzzer on whatever it makes.
    for c in &cmp.changes {
        if let (Some(r), ChangeKind::Reworded) = (&c.redline, c.kind) {
            let old = draftdiff::change::side(r, Op::Delete);
            let new = draftdiff::change::side(r, Op::Insert);
            let text = |d: &Draft, n: &str| d.find(n).map(|a| a.article.text.clone());
            assert_eq!(
                Some(old),
                text(&base, &c.base[0]),
                "base side of {:?}",
                c.base
            );
            assert_eq!(
                Some(new),
                text(&head, &c.head[0]),
                "head side of {:?}",
                c.head
            );
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = seeds(&root);
    assert!(!seeds.is_empty(), "no seeds");
    let crashes = root.join("fuzz/crashes");
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = fastrand::Rng::with_seed(seed);
    let start = Instant::now();
    let (mut runs, mut found) = (0u64, 0u64);
    let mut last_report = Instant::now();
    while start.elapsed() < Duration::from_secs(seconds) {
        let a = &seeds[rng.usize(0..seeds.len())];
        let b = &seeds[rng.usize(0..seeds.len())];
        let mutations = rng.usize(1..6);
        let mut inputs = Vec::new();
        for s in [a, b] {
            let bytes = if extension(&s.name) == "docx" {
                mutate_docx(&mut rng, &s.bytes, &b.bytes)
            } else {
                let mut bytes = s.bytes.clone();
                for _ in 0..mutations {
                    mutate(&mut rng, &mut bytes, &b.bytes);
                }
                bytes
            };
            inputs.push((s.name.clone(), bytes));
        }
        // Sometimes the same text twice, lightly changed: the engine's common case.
        if rng.u8(0..4) == 0 && extension(&a.name) != "docx" {
            let mut near = inputs[0].1.clone();
            mutate(&mut rng, &mut near, &a.bytes);
            inputs[1] = (a.name.clone(), near);
        }
        let (x, y) = (inputs[0].clone(), inputs[1].clone());
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            exercise((&x.0, x.1.clone()), (&y.0, y.1.clone()))
        }));
        runs += 1;
        if outcome.is_err() {
            found += 1;
            let _ = std::fs::create_dir_all(&crashes);
            for (k, (name, bytes)) in inputs.iter().enumerate() {
                let path = crashes.join(format!("crash-{seed}-{runs}-{k}.{}", extension(name)));
                let _ = std::fs::write(path, bytes);
            }
            eprintln!("crash at run {runs}: saved in {}", crashes.display());
        }
        if last_report.elapsed() > Duration::from_secs(60) {
            eprintln!(
                "{:>6} s: {runs} runs, {found} crashes",
                start.elapsed().as_secs()
            );
            last_report = Instant::now();
        }
    }
    println!(
        "fuzz seed {seed}: {runs} runs in {} s over {} seeds, {found} crashes",
        start.elapsed().as_secs(),
        seeds.len()
    );
}
