//! The HTML backend: one self-contained page from the handlebars templates in
//! `layouts/html/` (a page, one partial per section kind, and the CSS).
//!
//! Handlebars escapes every `{{value}}` for HTML; `{{breaks text}}` does the
//! same and sets each newline as a `<br>`. The only unescaped output is the
//! JSON-LD block, whose `<`, `>` and `&` are written as `\u003c`… so
//! résumé text cannot close the script element.

pub mod page;

use serde_json::{Value, json};

use std::collections::BTreeSet;

use super::letter::{self, LetterContext};
use super::view::{Body, Document};
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use page::{embedded_fonts, html_error, render_page};

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
