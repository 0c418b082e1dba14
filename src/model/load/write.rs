//! Writing a résumé as YAML that reads back as exactly the same text.
//!
//! serde_yaml turns the model into a value (in the model's field order);
//! the text is written here. serde_yaml's own emitter follows YAML 1.1,
//! where a line or paragraph separator (U+2028, U+2029) or NEL breaks a
//! line, so a string holding one did not read back the same through the
//! YAML 1.2 parser the loader uses. Here every string is written plain only
//! when nothing can misread it, as a literal block when it spans lines, and
//! double-quoted with escapes otherwise.

use serde_yaml::Value;

use super::super::types::Resume;

/// A résumé as resume.yaml text, in the model's field order.
pub fn to_yaml(resume: &Resume) -> String {
    let value = serde_yaml::to_value(resume).expect("the résumé model always serializes");
    let mut out = String::new();
    block(&value, 0, &mut out);
    out
}

/// Writes `value` as the body of a mapping entry or list item at `indent`;
/// collections start on a new line, scalars after a space.
fn block(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            for (key, value) in map {
                out.push_str(&pad);
                out.push_str(&scalar(key, indent));
                out.push(':');
                entry(value, indent + 2, out);
            }
        }
        Value::Sequence(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                match item {
                    // `- company: X`: the mapping's first key shares the dash's line.
                    Value::Mapping(map) if !map.is_empty() => {
                        let mut nested = String::new();
                        block(item, indent + 2, &mut nested);
                        out.push(' ');
                        out.push_str(&nested[indent + 2..]);
                    }
                    _ => entry(item, indent + 2, out),
                }
            }
        }
        Value::Tagged(tagged) => block(&tagged.value, indent, out),
        other => {
            out.push_str(&pad);
            out.push_str(&scalar(other, indent));
            out.push('\n');
        }
    }
}

/// The value after `key:` or `-`: nested collections on the next lines
/// (a list item's mapping on the same line as its dash), scalars inline.
fn entry(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            out.push('\n');
            block(value, indent, out);
        }
        Value::Sequence(items) if !items.is_empty() => {
            out.push('\n');
            block(value, indent, out);
        }
        Value::Tagged(tagged) => entry(&tagged.value, indent, out),
        other => {
            out.push(' ');
            out.push_str(&scalar(other, indent));
            out.push('\n');
        }
    }
}

fn scalar(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "~".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(text) => string(text, indent),
        Value::Sequence(_) => "[]".to_owned(),
        Value::Mapping(_) => "{}".to_owned(),
        Value::Tagged(tagged) => scalar(&tagged.value, indent),
    }
}

/// A string as plain text, a literal block or a double-quoted scalar.
fn string(text: &str, indent: usize) -> String {
    if is_plain_safe(text) {
        return text.to_owned();
    }
    if text.contains('\n') && is_literal_safe(text) {
        let pad = " ".repeat(indent);
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| match line {
                "" => String::new(),
                line => format!("{pad}{line}"),
            })
            .collect();
        return format!("|-\n{}", lines.join("\n"));
    }
    quoted(text)
}

/// Whether no YAML reader (1.1 or 1.2) could take `text` for anything else:
/// it starts with a letter or digit, holds no `: ` or ` #`, and is no
/// null, boolean or number.
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    (first.is_alphanumeric() || "(/$".contains(first))
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && text
            .chars()
            .all(|c| !c.is_control() && !is_special_space(c))
        && !reserved.contains(&text.to_lowercase().as_str())
        && !looks_numeric(text)
}

/// A number to some YAML reader: decimal, hexadecimal, octal or binary,
/// with `_` or `:` (YAML 1.1), or a full `YYYY-MM-DD` date.
fn looks_numeric(text: &str) -> bool {
    let lower = text.to_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let date = text.len() == 10
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    text.parse::<f64>().is_ok()
        || date
        || body.starts_with(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
            && body
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_:.".contains(c))
            && !body
                .chars()
                .any(|c| c.is_ascii_alphabetic() && !"abcdefox".contains(c))
}

/// Whether a literal block holds `text` exactly: printable lines, the first
/// not indented (the block's indentation is read off it), no final newline.
fn is_literal_safe(text: &str) -> bool {
    !text.starts_with([' ', '\n'])
        && !text.ends_with(['\n', ' '])
        && text
            .chars()
            .all(|c| c == '\n' || (!c.is_control() && !is_special_space(c)))
}

/// Characters some YAML readers treat as line breaks or a byte-order mark.
fn is_special_space(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_special_space(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::super::load_bytes;
    use super::*;

    /// The strings as loaded back from the YAML written for them.
    fn round_trip(texts: &[&str]) -> Vec<String> {
        let mut resume = Resume::default();
        resume.basics.name = "Ada".to_owned();
        resume.about = texts.iter().map(|text| (*text).to_owned()).collect();
        let yaml = to_yaml(&resume);
        let loaded = load_bytes(std::path::Path::new("t.yaml"), yaml.clone().into_bytes())
            .unwrap_or_else(|e| panic!("{yaml}\n{e:?}"));
        loaded.resume.about
    }

    #[test]
    fn every_string_reads_back_as_written() {
        let texts = [
            "plain text",
            "Kafka, Redis [and] {more}",
            "C# and F#",
            "https://example.com/a#b",
            "0x1F",
            "1_000",
            "1:20",
            "2001-12-14",
            ".inf",
            "Yes",
            "x\u{2028}    y",
            "a\u{2029}b\u{feff}c",
            "two\nlines",
            "  leading\n  spaces",
            "trailing newline\n",
            "2016",
            "2016-01",
            "yes",
            "~",
            "- dash",
            "key: value",
            "# hash",
            "quote \" and \\ backslash",
            "tab\there",
            "",
            "Zoë: ünïcode",
            "ends with space ",
        ];
        assert_eq!(round_trip(&texts), texts);
    }

    #[test]
    fn ordinary_text_stays_readable() {
        let mut resume = Resume::default();
        resume.basics.name = "Grace Okafor".to_owned();
        resume.summary = Some("First line.\nSecond line.".to_owned());
        resume.focus_areas = vec!["Payments, billing".to_owned(), "2016".to_owned()];
        resume.education = vec![super::super::super::types::Education {
            degree: "BSc".to_owned(),
            institution: "MIT".to_owned(),
            location: None,
            start: Some(super::super::super::date::Date::parse("2016-09").unwrap()),
            end: None,
            details: Vec::new(),
        }];
        assert_eq!(
            to_yaml(&resume),
            "basics:\n  name: Grace Okafor\nsummary: |-\n  First line.\n  Second line.\neducation:\n  - degree: BSc\n    institution: MIT\n    start: 2016-09\nfocus_areas:\n  - Payments, billing\n  - \"2016\"\npaper: us-letter\n"
        );
    }
}
