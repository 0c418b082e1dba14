//! The .docx package, written so that the same document is the same bytes.
//!
//! docx-rs renders each XML part, but three things of its own packing are
//! not reproducible, so this module does them instead:
//! - its zip entries carry the current time whenever zip's `time` feature is
//!   on anywhere in the build; here every entry is dated 1980-01-01 and the
//!   entries come in a fixed order;
//! - it lists hyperlink relationships from a hash map, in an order that
//!   changes from run to run; here they are listed in document order;
//! - its core properties name the author "unknown" and carry no title;
//!   here they carry the name and the build date (`SOURCE_DATE_EPOCH`).

use std::io::{Cursor, Write};

use docx_rs::{BuildXML, DocumentRels, XMLDocx};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// What the package says about the document (docProps/core.xml).
pub struct Properties<'a> {
    pub title: &'a str,
    pub keywords: &'a [String],
    /// `YYYY-MM-DD`; none dates the file at the Unix epoch.
    pub date: Option<&'a str>,
    /// The language's code (`de`, `pt-BR`), a built-in locale's.
    pub language: &'a str,
    /// Whether the language is written right to left.
    pub right_to_left: bool,
}

/// The styles part with the document's language as every run's default
/// (spelling, hyphenation, screen readers), and with paragraphs laid out
/// right to left when the script runs that way. docx-rs writes neither, so
/// they are added to the defaults it writes.
pub fn with_language(styles: &[u8], properties: &Properties<'_>) -> Vec<u8> {
    let styles = String::from_utf8_lossy(styles);
    let language = escape(properties.language);
    // `w:lang` comes late in a run's properties, after the sizes; its
    // attributes name the language of Latin, East Asian and complex-script
    // (right-to-left) text, and only the one that applies is set beside it.
    let script = match properties.language.split('-').next() {
        Some("ja" | "zh" | "ko") => format!(" w:eastAsia=\"{language}\""),
        _ if properties.right_to_left => format!(" w:bidi=\"{language}\""),
        _ => String::new(),
    };
    let run = format!("<w:lang w:val=\"{language}\"{script} /></w:rPr></w:rPrDefault>");
    let mut styles = styles.replacen("</w:rPr></w:rPrDefault>", &run, 1);
    if properties.right_to_left {
        styles = styles.replacen(
            "<w:pPrDefault><w:pPr>",
            "<w:pPrDefault><w:pPr><w:bidi />",
            1,
        );
    }
    styles.into_bytes()
}

/// The document relationships with `links` (relationship id, URL) in order,
/// replacing the ones docx-rs listed.
pub fn relationships(rels: DocumentRels, links: &[(String, String)]) -> Vec<u8> {
    let mut rels = DocumentRels {
        hyperlinks: Vec::new(),
        ..rels
    };
    for (id, url) in links {
        rels = rels.add_hyperlinks(id, url, "External");
    }
    rels.build()
}

/// The parts as a zip archive, in a fixed order with fixed dates.
pub fn zip(xml: XMLDocx, properties: &Properties<'_>) -> zip::result::ZipResult<Vec<u8>> {
    let core = core_properties(properties);
    let parts: [(&str, &[u8]); 14] = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &xml.document_rels),
        ("word/document.xml", &xml.document),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", &xml.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/numbering.xml", &xml.numberings),
        ("word/commentsExtended.xml", &xml.comments_extended),
        ("word/footnotes.xml", &xml.footnotes),
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut archive = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        archive.start_file(name, options)?;
        archive.write_all(bytes)?;
    }
    Ok(archive.finish()?.into_inner())
}

fn core_properties(properties: &Properties<'_>) -> String {
    let date = properties.date.unwrap_or("1970-01-01");
    let title = escape(properties.title);
    let keywords = escape(&properties.keywords.join(", "));
    let language = escape(properties.language);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>{title}</dc:creator>\
         <dc:language>{language}</dc:language>\
         <cp:lastModifiedBy>{title}</cp:lastModifiedBy><cp:keywords>{keywords}</cp:keywords>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z</dcterms:modified>\
         <cp:revision>1</cp:revision></cp:coreProperties>"
    )
}

/// Text as XML character data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_properties_escape_the_name() {
        let xml = core_properties(&Properties {
            title: "A </dc:title> & B",
            keywords: &["C<D".to_owned()],
            date: Some("2024-05-01"),
            language: "de",
            right_to_left: false,
        });
        assert!(xml.contains("<dc:title>A &lt;/dc:title&gt; &amp; B</dc:title>"));
        assert!(xml.contains("<cp:keywords>C&lt;D</cp:keywords>"));
        assert!(xml.contains(">2024-05-01T00:00:00Z</dcterms:created>"));
    }
}
