//! The pieces every HTML page is made with, the résumé's and the letter's:
//! the handlebars engine with the `layouts/html/` partials and the
//! `breaks` helper, and the fonts the page embeds.

use std::collections::BTreeSet;

use handlebars::{
    Context, Handlebars, Helper, HelperResult, JsonRender, Output, RenderContext as HbsContext,
    RenderErrorReason, html_escape,
};
use serde_json::Value;

use crate::render::design::Tokens;
use crate::render::layouts::Layouts;
use crate::render::{Format, RenderError};
use crate::render::{fonts, templates, webfont};

pub(crate) fn html_error(message: String) -> RenderError {
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
