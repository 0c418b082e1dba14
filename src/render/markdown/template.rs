//! The Markdown layouts rendered: handlebars with resumec's escaping and
//! helpers (`inline`, `strong`, `emph`, `link`, `join`), shared by the
//! résumé and the letter.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonRender, Output,
    RenderContext as HbsContext, RenderError as HbsError, RenderErrorReason, ScopedJson,
};
use serde::Serialize;
use serde_json::Value;

use super::inline::{escape, inline};
use crate::model::inline::Span;
use crate::render::layouts::Layouts;
use crate::render::templates;
use crate::render::view::Inline;
use crate::render::{Format, RenderError};

/// The Markdown that the layout file `template` makes of `data`.
pub fn render_template(
    layouts: &Layouts,
    template: &str,
    data: &impl Serialize,
) -> Result<String, RenderError> {
    let error = |e: String| RenderError {
        format: Format::Md,
        message: format!("in layouts/{template}: {e}"),
    };
    let mut handlebars = templates::engine();
    handlebars.register_escape_fn(escape);
    handlebars.register_helper("inline", Box::new(inline_helper));
    handlebars.register_helper("strong", Box::new(styled_helper));
    handlebars.register_helper("emph", Box::new(styled_helper));
    handlebars.register_helper("link", Box::new(styled_helper));
    handlebars.register_helper("join", Box::new(Join));
    handlebars
        .register_template_string("page", layouts.file(template))
        .map_err(|e| error(e.to_string()))?;
    let text = handlebars
        .render("page", data)
        .map_err(|e| error(e.to_string()))?;
    Ok(tidy(&text))
}

fn inline_helper(
    helper: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut HbsContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let value = helper
        .param(0)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("inline", 0))?
        .value();
    let spans: Inline = serde_json::from_value(value.clone())
        .map_err(|e| RenderErrorReason::Other(format!("`inline` needs spans: {e}")))?;
    out.write(&inline(&spans))?;
    Ok(())
}

/// `strong` and `emph` (every parameter, joined) and `link` (text, url).
fn styled_helper(
    helper: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut HbsContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let name = helper.name();
    let texts: Vec<String> = helper.params().iter().map(|p| p.value().render()).collect();
    let span = match name {
        "link" => {
            let [text, url] = texts.as_slice() else {
                return Err(
                    RenderErrorReason::Other("`link` needs a text and a url".into()).into(),
                );
            };
            Span {
                text: text.clone(),
                link: Some(url.clone()),
                ..Span::default()
            }
        }
        _ => Span {
            text: texts.concat(),
            strong: name == "strong",
            emph: name == "emph",
            ..Span::default()
        },
    };
    out.write(&inline(&[span]))?;
    Ok(())
}

/// `(join list sep)`: the list's items as one string.
struct Join;

impl HelperDef for Join {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut HbsContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, HbsError> {
        let list = helper
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("join", 0))?;
        let separator = helper
            .param(1)
            .map(|p| p.value().render())
            .unwrap_or_default();
        let items: Vec<String> = match list.value() {
            Value::Array(items) => items.iter().map(JsonRender::render).collect(),
            other => vec![other.render()],
        };
        Ok(ScopedJson::Derived(Value::String(items.join(&separator))))
    }
}

/// Collapses the blank lines templates leave behind into one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
