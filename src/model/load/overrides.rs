//! `--set PATH=VALUE`: fields of the résumé replaced before it is checked.
//!
//! An override is applied to the parsed tree, so the value is checked and
//! deserialized exactly like one written in the file. Its nodes carry spans
//! past the end of the text, one position per override; [`relocate`] turns
//! a diagnostic at such a span into one that names the flag instead of a
//! line of the file.

use std::ops::Range;

use super::tree::{Kind, Node, NodeId, Tree};
use crate::diagnostic::Diagnostic;

/// One `--set PATH=VALUE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// Keys and list indices, e.g. `["experience", "0", "title"]`.
    pub path: Vec<String>,
    /// The value as written after `=`.
    pub value: String,
}

impl Override {
    /// Reads `PATH=VALUE`; the path is dotted keys and list indices.
    pub fn parse(text: &str) -> Result<Override, String> {
        let (path, value) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not PATH=VALUE, e.g. design.theme=compact"))?;
        let path: Vec<String> = path.trim().split('.').map(str::to_owned).collect();
        if path.iter().any(String::is_empty) {
            return Err(format!(
                "`{text}` has an empty step in its path, e.g. design.theme=compact"
            ));
        }
        Ok(Override {
            path,
            value: value.to_owned(),
        })
    }

    /// The flag as the user wrote it.
    pub fn flag(&self) -> String {
        format!("--set {}={}", self.path.join("."), self.value)
    }

    /// The value as a scalar node: quoted values are YAML quoted scalars
    /// (quotes removed, escapes read); anything else is a plain scalar taken
    /// verbatim, so `true` and `12` are what YAML makes of them and
    /// `#b00020` is text, not a comment.
    fn scalar(&self) -> Result<Kind, String> {
        let value = self.value.trim();
        if value.starts_with(['"', '\'']) {
            let tree = super::tree::parse(value).map_err(|problems| {
                let first = problems.first().map_or("", |d| d.message.as_str());
                format!("the value is not a quoted YAML string: {first}")
            })?;
            return match &tree.get(tree.root).kind {
                Kind::Scalar { text, .. } => Ok(Kind::Scalar {
                    text: text.clone(),
                    plain: false,
                }),
                _ => Err("the value is not a quoted YAML string".to_owned()),
            };
        }
        Ok(Kind::Scalar {
            text: value.to_owned(),
            plain: true,
        })
    }
}

/// Applies `overrides` in order; override `i` gets spans starting at
/// `base + i`. A path that leads nowhere is an error naming the flag.
pub(super) fn apply(
    tree: &mut Tree,
    overrides: &[Override],
    base: usize,
) -> Result<(), Vec<Diagnostic>> {
    let problems: Vec<Diagnostic> = overrides
        .iter()
        .enumerate()
        .filter_map(|(i, set)| {
            let at = base + i;
            set_one(tree, set, at..at)
                .err()
                .map(|why| Diagnostic::error(format!("{}: {why}", set.flag())).help(HELP))
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

const HELP: &str = "a path is keys and list indices from the top of resume.yaml, e.g. \
                    `--set experience.0.title=\"Staff Engineer\"`";

fn set_one(tree: &mut Tree, set: &Override, span: Range<usize>) -> Result<(), String> {
    let value = set.scalar()?;
    let mut at = tree.root;
    for (depth, step) in set.path.iter().enumerate() {
        let walked = set.path[..depth].join(".");
        let place = if walked.is_empty() {
            "the résumé".to_owned()
        } else {
            format!("`{walked}`")
        };
        if let Kind::Alias(_) = tree.nodes[at].kind {
            // Changing the anchored value would change every place that
            // repeats it, not only this one.
            return Err(format!(
                "{place} repeats an anchor (`*name`), so --set cannot change one place of it; \
                 write that value out in the file"
            ));
        }
        if tree.is_null(at) {
            tree.nodes[at].kind = Kind::Map(Vec::new());
        }
        at = match &tree.nodes[at].kind {
            Kind::Map(entries) => {
                let found = entries
                    .iter()
                    .find(|&&(key, _)| tree.text(key) == Some(step));
                match found {
                    Some(&(_, value)) => value,
                    None => add_key(tree, at, step, span.clone()),
                }
            }
            Kind::Seq(items) => {
                let index = step.parse::<usize>().ok().filter(|&i| i < items.len());
                let count = items.len();
                *index.and_then(|i| items.get(i)).ok_or_else(|| {
                    format!("there is no {walked} {step} (the file has {count}, counted from 0)")
                })?
            }
            _ => {
                return Err(format!(
                    "{place} holds a single value, which has no `{step}`"
                ));
            }
        };
    }
    // A text written per language is replaced whole: the value is then
    // the text in every language.
    let text_per_language = super::translations::is_translation_map(tree, at);
    if matches!(tree.nodes[at].kind, Kind::Map(_) | Kind::Seq(_)) && !text_per_language {
        return Err("this replaces a whole section; set one of its fields instead".to_owned());
    }
    tree.nodes[at] = Node { span, kind: value };
    Ok(())
}

/// Adds `key: ~` to the map `map`, returning the new value's node.
fn add_key(tree: &mut Tree, map: NodeId, key: &str, span: Range<usize>) -> NodeId {
    let key_id = push(tree, span.clone(), key, false);
    let value_id = push(tree, span, "", true);
    if let Kind::Map(entries) = &mut tree.nodes[map].kind {
        entries.push((key_id, value_id));
    }
    value_id
}

fn push(tree: &mut Tree, span: Range<usize>, text: &str, plain: bool) -> NodeId {
    tree.nodes.push(Node {
        span,
        kind: Kind::Scalar {
            text: text.to_owned(),
            plain,
        },
    });
    tree.nodes.len() - 1
}

/// `diagnostics` with every one located at an override's span (from
/// `base` on) reworded to name its flag instead.
pub fn relocate(
    diagnostics: Vec<Diagnostic>,
    overrides: &[Override],
    base: usize,
) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            let set = diagnostic
                .span
                .as_ref()
                .and_then(|span| span.start.checked_sub(base))
                .and_then(|i| overrides.get(i));
            if let Some(set) = set {
                diagnostic.message = format!("{}: {}", set.flag(), diagnostic.message);
                diagnostic.span = None;
            }
            diagnostic
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_values_are_read() {
        let set = Override::parse("experience.0.title=Staff = Engineer").unwrap();
        assert_eq!(set.path, ["experience", "0", "title"]);
        assert_eq!(set.value, "Staff = Engineer");
        assert!(Override::parse("design.theme").is_err());
        assert!(Override::parse("design..theme=x").is_err());
    }
}
