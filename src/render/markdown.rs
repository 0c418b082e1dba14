//! The Markdown backend: GitHub-flavoured Markdown from the handlebars
//! template `layouts/markdown/resume.hbs`.
//!
//! `{{ }}` output is escaped for Markdown, so résumé text prints literally;
//! the `inline` helper renders styled spans with the same escaping.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext as HbsContext,
    RenderErrorReason,
};

use super::templates;
use super::view::Inline;
use super::{Backend, Format, RenderContext, RenderError, Rendered};
use crate::model::inline::Span;

pub struct Markdown;

impl Backend for Markdown {
    fn format(&self) -> Format {
        Format::Md
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Rendered, RenderError> {
        let error = |message: String| RenderError {
            format: Format::Md,
            message,
        };
        let mut handlebars = templates::engine();
        handlebars.register_escape_fn(escape);
        handlebars.register_helper("inline", Box::new(inline_helper));
        handlebars
            .register_template_string("resume", ctx.layouts.file("markdown/resume.hbs"))
            .map_err(|e| error(format!("in layouts/markdown/resume.hbs: {e}")))?;
        let text = handlebars
            .render("resume", ctx.document)
            .map_err(|e| error(format!("in layouts/markdown/resume.hbs: {e}")))?;
        Ok(Rendered::text(tidy(&text)))
    }
}

/// Escapes the characters Markdown (and GitHub's extensions) would interpret.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '$' | '&' | '!'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Renders spans as Markdown.
pub fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let mut piece = if span.code {
            let fence = if span.text.contains('`') { "`` " } else { "`" };
            let close: String = fence.chars().rev().collect();
            format!("{fence}{}{close}", span.text.replace(['\n', '\r'], " "))
        } else {
            escape(&span.text)
        };
        if span.emph {
            piece = format!("*{piece}*");
        }
        if span.strong {
            piece = format!("**{piece}**");
        }
        if let Some(url) = &span.link {
            piece = format!("[{piece}](<{}>)", url.replace(['<', '>', ' '], ""));
        }
        out.push_str(&piece);
    }
    out
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

/// Collapses the blank lines templates leave behind into one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inline::parse;

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(
            escape("*a* _b_ <x> [c](d) #1 $x$"),
            "\\*a\\* \\_b\\_ \\<x\\> \\[c\\](d) \\#1 \\$x\\$"
        );
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("Node.js + C++"), "Node.js + C++");
    }

    #[test]
    fn renders_styles() {
        assert_eq!(
            inline(&parse("**p99** in `tokio` via [post](https://x.dev)")),
            "**p99** in `tokio` via [post](<https://x.dev>)"
        );
    }
}
