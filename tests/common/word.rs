//! Helpers of the Word tests (`word_redline.rs`, `word_notes.rs`, `word_tables.rs`): run
//! the binary in a scratch folder, read and replace the parts of a `.docx`, and reject
//! every revision of a part from its XML, so that accept-all and reject-all can be
//! checked without Word.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use regex::Regex;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Text escaped for an XML element.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A fresh folder `CARGO_TARGET_TMPDIR/<group>/<name>` holding `files`.
pub fn workdir(group: &str, name: &str, files: &[(&str, Vec<u8>)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

/// The binary run in `dir`, with no drafts directory or date from the environment.
pub fn draftdiff(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("draftdiff")
        .unwrap()
        .current_dir(dir)
        .env_remove("DRAFTDIFF_DRAFTS")
        .env_remove("SOURCE_DATE_EPOCH")
        .args(args)
        .output()
        .unwrap()
}

/// The part `name` of a `.docx`, if it has one.
pub fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut entry = zip.by_name(name).ok()?;
    let mut s = String::new();
    entry.read_to_string(&mut s).unwrap();
    Some(s)
}

/// `bytes` with the parts of `replace` replaced.
pub fn with_parts(bytes: &[u8], replace: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).unwrap();
        let name = e.name().unwrap().into_owned();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        match replace.iter().find(|(n, _)| *n == name) {
            Some((_, xml)) => out.write_all(xml.as_bytes()).unwrap(),
            None => out.write_all(&data).unwrap(),
        }
    }
    out.finish().unwrap().into_inner()
}

/// A part (body or footnotes) with every revision rejected, computed from the XML:
/// insertions and moved-to text go, deletions and moved-from text stay, an inserted
/// paragraph mark joins its paragraph to the next, a table row whose insertion is marked
/// (`w:trPr/w:ins`) goes and one whose deletion is marked stays.
pub fn reject_all(xml: &str) -> String {
    let rows = Regex::new(r"(?s)<w:tr(?: [^>]*)?>.*?</w:tr>").unwrap();
    let row_ins = Regex::new(r"(?s)<w:trPr>.*?<w:ins [^>]*/>.*?</w:trPr>").unwrap();
    let xml = rows.replace_all(xml, |c: &regex::Captures<'_>| {
        if row_ins.is_match(&c[0]) {
            String::new()
        } else {
            c[0].to_owned()
        }
    });
    let marks = Regex::new(r"<w:(ins|del|moveFrom|moveTo) [^>]*/>").unwrap();
    let xml = marks.replace_all(&xml, |c: &regex::Captures<'_>| match &c[1] {
        "ins" | "moveTo" => "<w:del w:id=\"0\" w:author=\"x\"/>".to_owned(),
        _ => String::new(),
    });
    let added = Regex::new(r"(?s)<w:(ins|moveTo) [^>]*>.*?</w:(ins|moveTo)>").unwrap();
    let xml = added.replace_all(&xml, "");
    let kept = Regex::new(r"</?w:(del|moveFrom)( [^>]*)?>").unwrap();
    let xml = kept.replace_all(&xml, "");
    xml.replace("<w:delText", "<w:t")
        .replace("</w:delText>", "</w:t>")
}

/// `diff A B --format json` run in `dir`: `kind base → head` of each change that is
/// not unchanged, and of each unchanged article whose title changed.
pub fn changed(dir: &Path, a: &str, b: &str) -> Vec<String> {
    let out = draftdiff(dir, &["diff", a, b, "--format", "json"]);
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] != "unchanged" || c["title"]["base"] != c["title"]["head"])
        .map(|c| format!("{} {} → {}", c["kind"], c["base"], c["head"]))
        .collect()
}

/// The values of `attr` on every `element` of `xml`.
pub fn attrs(xml: &str, element: &str, attr: &str) -> Vec<String> {
    let re = Regex::new(&format!(r#"<{element}\s[^>]*?{attr}="([^"]*)""#)).unwrap();
    re.captures_iter(xml).map(|c| c[1].to_owned()).collect()
}

/// LibreOffice (`soffice` or `libreoffice` on `PATH`), or `None` after printing that the
/// test is skipped; with `CI` set a missing LibreOffice fails the test instead.
pub fn libreoffice() -> Option<PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|n| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(!ci, "libreoffice is required when CI is set");
        eprintln!("SKIPPED: libreoffice not installed");
    }
    found
}

/// Has LibreOffice (`exe`) convert `dir/file` to `format` (`docx:MS Word 2007 XML`,
/// `pdf`) into `dir/out`, with a profile of its own inside `dir`.
pub fn convert(exe: &Path, dir: &Path, file: &str, format: &str, out: &str) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let status = std::process::Command::new(exe)
        .arg(&profile)
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(dir.join(out))
        .arg(dir.join(file))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}

/// The paragraph styles the plain test documents use: Normal, Title, heading 2.
pub const PLAIN_STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>",
    "</w:styles>"
);

/// A part of a test `.docx` besides the document and its styles, related from the
/// document: `kind` is the last word of its content type and of its relationship type
/// (`footnotes`, `header`).
pub struct Part<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub id: &'a str,
    pub xml: String,
}

/// A `.docx` of `document` (the whole `word/document.xml`), `styles` and `extra` parts.
pub fn package(document: &str, styles: &str, extra: &[Part<'_>]) -> Vec<u8> {
    const XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    const ML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut types = format!(
        "{XML}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"{ML}.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"{ML}.styles+xml\"/>"
    );
    let mut rels = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"{RELS}/styles\" Target=\"styles.xml\"/>"
    );
    for p in extra {
        types.push_str(&format!(
            "<Override PartName=\"/word/{}\" ContentType=\"{ML}.{}+xml\"/>",
            p.name, p.kind
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{RELS}/{}\" Target=\"{}\"/>",
            p.id, p.kind, p.name
        ));
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let root = format!(
        "{XML}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{RELS}/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
    );
    let mut files: Vec<(String, &str)> = vec![
        ("[Content_Types].xml".into(), &types),
        ("_rels/.rels".into(), &root),
        ("word/_rels/document.xml.rels".into(), &rels),
        ("word/styles.xml".into(), styles),
        ("word/document.xml".into(), document),
    ];
    files.extend(
        extra
            .iter()
            .map(|p| (format!("word/{}", p.name), p.xml.as_str())),
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
