//! The HTML backend: one self-contained page from the handlebars templates in
//! `layouts/html/` (a page, one partial per section kind, and the CSS).
//!
//! Handlebars escapes every `{{value}}` for HTML; `{{breaks text}}` does the
//! same and sets each newline as a `<br>`. The only unescaped output is the
//! JSON-LD block, whose `<`, `>` and `&` are written as `\u003c`… so
//! résumé text cannot close the script element.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, JsonRender, Output, RenderContext as HbsContext,
    RenderErrorReason, html_escape,
};
use serde_json::{Value, json};

use std::collections::BTreeSet;

use super::design::Tokens;
use super::layouts::Layouts;
use super::letter::{self, LetterContext};
use super::view::{Body, Document};
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use super::{fonts, templates, webfont};

pub struct Html;

impl Backend for Html {
    fn format(&self) -> Format {
        Format::Html
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let document = ctx.document;
        let mut characters = BTreeSet::new();
        document.visit_strings(&mut |text| characters.extend(text.chars()));
        let has_code = serde_json::to_string(&document.sections)
            .is_ok_and(|json| json.contains("\"code\":true"));
        let fonts = embedded_fonts(&document.design, &characters, has_code);
        let mut context = context(document);
        context["font_faces"] = json!(fonts.map_err(html_error)?);
        render_page(ctx.layouts, "resume", &context).map(Rendered::text)
    }

    fn render_letter(&self, ctx: &LetterContext<'_>) -> Result<Rendered, RenderError> {
        letter::html(ctx.letter, ctx.layouts).map(Rendered::text)
    }
}

fn html_error(message: String) -> RenderError {
    RenderError {
        format: Format::Html,
        message,
    }
}

/// The page the template `page` of `layouts/html/` makes of `context`,
/// with every file of that folder as a partial (`style.css` as `style`).
pub fn render_page(layouts: &Layouts, page: &str, context: &Value) -> Result<String, RenderError> {
    let mut handlebars = templates::engine();
    handlebars.register_helper("breaks", Box::new(breaks_helper));
    for (name, text) in layouts.folder("html/") {
        let partial = match name.strip_suffix(".hbs") {
            Some(stem) => stem,
            None if name == "style.css" => "style",
            None => continue,
        };
        handlebars
            .register_partial(partial, text)
            .map_err(|e| html_error(format!("in layouts/html/{name}: {e}")))?;
    }
    handlebars
        .render(page, context)
        .map_err(|e| html_error(format!("in layouts/html: {e}")))
}

/// `@font-face` rules for the faces the page sets its text in, subset to
/// `characters`; the regular monospace face when there is code.
pub fn embedded_fonts(
    design: &Tokens,
    characters: &BTreeSet<char>,
    has_code: bool,
) -> Result<String, String> {
    let mut faces = fonts::bundled();
    faces.extend(fonts::from_paths(&design.font_paths).map_err(|e| e.to_string())?);
    let mut families = design.families();
    let mono = families
        .iter()
        .position(|&family| family == design.mono_font);
    let plain = match mono.filter(|&at| at > 0) {
        Some(at) if has_code => vec![families.remove(at)],
        Some(at) => {
            families.remove(at);
            Vec::new()
        }
        None => Vec::new(),
    };
    let scripts = script_families(&faces, &design.font, characters);
    Ok(webfont::font_faces(
        &faces, families, &plain, &scripts, characters,
    ))
}

/// The bundled script families (Noto Sans Arabic, Hebrew) the page needs:
/// those that have a character of the text the design's font lacks.
fn script_families(
    faces: &[fonts::Face],
    font: &str,
    characters: &BTreeSet<char>,
) -> Vec<&'static str> {
    let covers = |family: &str, c: char| {
        faces
            .iter()
            .filter(|face| face.family == family && !face.bold && !face.italic)
            .any(|face| {
                ttf_parser::Face::parse(&face.data, face.index)
                    .is_ok_and(|parsed| parsed.glyph_index(c).is_some())
            })
    };
    let lacking: Vec<char> = characters
        .iter()
        .copied()
        .filter(|&c| !c.is_whitespace() && !covers(font, c))
        .collect();
    fonts::SCRIPT_FALLBACKS
        .into_iter()
        .filter(|family| lacking.iter().any(|&c| covers(family, c)))
        .collect()
}

/// `{{breaks text}}`: the text escaped for HTML, each line break a `<br>`.
fn breaks_helper(
    helper: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut HbsContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let text = helper
        .param(0)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("breaks", 0))?
        .value()
        .render();
    let lines: Vec<String> = text.split('\n').map(html_escape).collect();
    out.write(&lines.join("<br>"))?;
    Ok(())
}

/// The view plus what only the page needs: language, description, JSON-LD
/// and the partial that renders each section.
fn context(document: &Document) -> Value {
    let mut context = serde_json::to_value(document).expect("the render view always serializes");
    let description = [document.headline.as_deref(), document.tagline.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ");
    context["description"] = json!(description);
    context["json_ld"] = json!(json_ld(document));
    let separator = super::design::css_string(&document.list_separator);
    context["design_css"] = json!(format!(
        "{}:root {{ --list-separator: {separator}; }}\n",
        document.design.css()
    ));
    if let Some(sections) = context["sections"].as_array_mut() {
        for (section, view) in sections.iter_mut().zip(&document.sections) {
            let kind = view.kind.key();
            section["partial"] = json!(match &view.body {
                Body::Entries { .. } => "section-entries".to_owned(),
                _ => format!("section-{kind}"),
            });
        }
    }
    context
}

/// schema.org `Person` as JSON-LD, safe to embed in a `<script>` element.
fn json_ld(document: &Document) -> String {
    let contact = |kind: &str| {
        document
            .contact
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| c.text.clone())
    };
    let current_employer = document
        .sections
        .iter()
        .find_map(|section| match &section.body {
            Body::Jobs { jobs } => jobs.first().map(|job| job.company.clone()),
            _ => None,
        });
    let mut person = json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": document.name,
        "knowsAbout": document.keywords,
    });
    let fields = [
        ("jobTitle", document.headline.clone().map(Value::from)),
        ("email", contact("email").map(Value::from)),
        ("telephone", contact("phone").map(Value::from)),
        (
            "address",
            contact("location").map(|l| json!({"@type": "PostalAddress", "addressRegion": l})),
        ),
        (
            "worksFor",
            current_employer.map(|name| json!({"@type": "Organization", "name": name})),
        ),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            person[key] = value;
        }
    }
    let links: Vec<&str> = document
        .contact
        .iter()
        .filter(|c| c.kind == "profile" || c.kind == "website")
        .filter_map(|c| c.url.as_deref())
        .collect();
    if !links.is_empty() {
        person["sameAs"] = json!(links);
    }
    person
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
