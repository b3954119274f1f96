//! Builds small but valid `.docx` files for tests: the minimal OOXML parts
//! (`[Content_Types].xml`, `_rels/.rels`, `word/document.xml`, `word/styles.xml`) zipped
//! with the `zip` crate. Also writes the committed fixture used by the CLI tests.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// Title, Heading 1–3 and Normal, with the English built-in names Word writes.
pub(crate) const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>"#;

/// `word/document.xml` around the given body XML.
pub(crate) fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run with its text kept exactly (spaces included).
pub(crate) fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

/// A paragraph, in `style` when given.
pub(crate) fn p(style: Option<&str>, text: &str) -> String {
    let props = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!("<w:p>{props}{}</w:p>", run(text))
}

/// A tracked insertion (by a fixed author and date).
pub(crate) fn ins(text: &str) -> String {
    format!(
        r#"<w:ins w:id="1" w:author="Drafter" w:date="2026-01-01T00:00:00Z">{}</w:ins>"#,
        run(text)
    )
}

/// A tracked deletion.
pub(crate) fn del(text: &str) -> String {
    format!(
        r#"<w:del w:id="2" w:author="Drafter" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>"#,
        escape(text)
    )
}

/// A zip of the given parts, deflated, with a fixed date so output is reproducible.
pub(crate) fn docx_parts(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, content) in parts {
        zip.start_file(*name, options)
            .expect("a zip entry can be started");
        zip.write_all(content.as_bytes())
            .expect("writing to memory succeeds");
    }
    zip.finish().expect("the zip can be finished").into_inner()
}

/// A complete `.docx` whose body is `body` (paragraph XML).
pub(crate) fn docx(body: &str) -> Vec<u8> {
    docx_with(body, STYLES, &[])
}

/// A complete `.docx` with the given styles part and extra parts (`word/numbering.xml`).
pub(crate) fn docx_with(body: &str, styles: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let document = document_xml(body);
    let mut parts = vec![
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", document.as_str()),
        ("word/styles.xml", styles),
    ];
    parts.extend_from_slice(extra);
    docx_parts(&parts)
}

/// The body of `tests/fixtures/documents/lake-convention.docx`: a short fictional
/// convention with a title, chapters and articles in heading styles, a tracked insertion
/// and deletion, and a table.
pub(crate) fn lake_convention_body() -> String {
    let tracked = format!(
        "<w:p>{}{}{}{}</w:p>",
        run("1. Each Riparian State shall keep a register of "),
        del("all boats"),
        ins("fishing boats longer than five metres"),
        run(" and share it every year."),
    );
    [
        p(Some("Title"), "Convention on the Shared Fisheries of Lake Varn"),
        p(None, "The Riparian States, sharing one lake and the fish that live in it, and wishing to keep its stocks healthy for those who come after them, have agreed as follows:"),
        p(Some("Heading1"), "Chapter I"),
        p(Some("Heading1"), "General provisions"),
        p(Some("Heading2"), "Article 1 – Purpose"),
        p(None, "This Convention sets common rules for fishing in Lake Varn and its tributaries."),
        p(Some("Heading2"), "Article 2"),
        p(Some("Heading3"), "Definitions"),
        p(None, "For the purposes of this Convention:"),
        p(None, "(a) \"Riparian State\" means a State whose territory borders the lake;"),
        p(None, "(b) \"season\" means the months in which fishing is open."),
        p(Some("Heading1"), "Chapter II: Fishing"),
        p(Some("Heading2"), "Article 3"),
        p(None, "Register of boats"),
        tracked,
        p(None, "2. The register shall be public."),
        p(Some("Heading2"), "Article 4. Catch limits"),
        p(None, "The Commission shall set catch limits for each season, by species:"),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p(None, "Species"),
            p(None, "Limit"),
            p(None, "Varn trout"),
            p(None, "40 tonnes")
        ),
        p(Some("Heading2"), "Article 4bis – Review"),
        p(None, "The Commission shall review the limits every three years in accordance with article 4."),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rewrites the committed fixture: `cargo test -- --ignored write_docx_fixture`.
    #[test]
    #[ignore = "writes tests/fixtures/documents/lake-convention.docx"]
    fn write_docx_fixture() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/documents/lake-convention.docx"
        );
        std::fs::write(path, docx(&lake_convention_body())).expect("the fixture is writable");
    }

    #[test]
    fn the_committed_fixture_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/documents/lake-convention.docx"
        );
        let committed = std::fs::read(path).expect("the fixture exists");
        let mut archive = zip::ZipArchive::new(Cursor::new(committed)).expect("a zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut archive
                .by_name("word/document.xml")
                .expect("a document part"),
            &mut xml,
        )
        .expect("UTF-8");
        assert_eq!(xml, document_xml(&lake_convention_body()));
    }
}
