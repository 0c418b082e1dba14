//! What trips ATS parsers besides missing text: ligature characters, words
//! split by letter-spacing, text off the page, the name far from the top,
//! contact details that do not read as such, headings they do not know.

use super::reading::squeezed;
use super::text_layer::{TextLayer, Word};
use crate::model::types::Section;

/// How many lines from the top the name must be on.
pub const NAME_WITHIN_LINES: usize = 3;

/// How many single letters in a row read as one word spelled out.
const SPELLED_OUT: usize = 4;

/// Words of the headings ATS parsers file sections under.
const KNOWN_HEADINGS: &[&str] = &[
    "summary",
    "profile",
    "objective",
    "experience",
    "employment",
    "work history",
    "projects",
    "skills",
    "education",
    "certifications",
    "licenses",
    "publications",
    "awards",
    "honors",
    "languages",
    "volunteer",
    "interests",
    "qualifications",
    "achievements",
    "training",
    "references",
];

/// Characters an ATS cannot match as letters: Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ).
pub fn is_ligature(c: char) -> bool {
    ('\u{FB00}'..='\u{FB06}').contains(&c)
}

/// Words that hold a ligature character, each once, in reading order.
pub fn ligature_words(layer: &TextLayer) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in layer.lines.iter().flatten() {
        if word.text.chars().any(is_ligature) && !found.contains(&word.text) {
            found.push(word.text.clone());
        }
    }
    found
}

/// Runs of single letters a word long, as a parser reads letter-spaced
/// text: `S U M M A R Y`.
pub fn spelled_out(layer: &TextLayer) -> Vec<String> {
    let mut found = Vec::new();
    for line in &layer.lines {
        let mut run: Vec<&str> = Vec::new();
        for word in line.iter().map(|word| word.text.as_str()).chain([""]) {
            let mut chars = word.chars();
            if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
                run.push(word);
                continue;
            }
            if run.len() >= SPELLED_OUT {
                found.push(run.join(" "));
            }
            run.clear();
        }
    }
    found
}

/// Words whose box lies (partly) outside their page.
pub fn off_page(layer: &TextLayer) -> Vec<&Word> {
    let outside = |word: &&Word| {
        word.place.is_some_and(|(page, [x0, y0, x1, y1])| {
            let (width, height) = layer.pages.get(page).copied().unwrap_or_default();
            x0 < -1.0 || y0 < -1.0 || x1 > width + 1.0 || y1 > height + 1.0
        })
    };
    layer.lines.iter().flatten().filter(outside).collect()
}

/// The line (from 1) among the first few where the name is.
pub fn name_line(layer: &TextLayer, name: &str) -> Option<usize> {
    let name = squeezed(name);
    let lines = layer.lines.iter().take(NAME_WITHIN_LINES);
    let texts = lines.map(|line| {
        let words: Vec<&str> = line.iter().map(|word| word.text.as_str()).collect();
        squeezed(&words.join(""))
    });
    texts
        .enumerate()
        .find(|(_, line)| line.contains(&name))
        .map(|(i, _)| i + 1)
}

/// Whether `email` is one word of the text, as an address parser finds it.
pub fn reads_as_email(layer: &TextLayer, email: &str) -> bool {
    let email = email.to_lowercase();
    layer.lines.iter().flatten().any(|word| {
        let trimmed = word.text.trim_matches(|c: char| !c.is_alphanumeric());
        trimmed.to_lowercase() == email
    })
}

/// Whether the digits of `phone` appear as one run of a phone number's
/// characters (digits, spaces, `+ - ( ) .`) on one line.
pub fn reads_as_phone(layer: &TextLayer, phone: &str) -> bool {
    let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let wanted = digits(phone);
    let phone_char = |c: char| c.is_ascii_digit() || " +-().\u{a0}".contains(c);
    layer.lines.iter().any(|line| {
        let words: Vec<&str> = line.iter().map(|word| word.text.as_str()).collect();
        let line = words.join(" ");
        line.split(|c: char| !phone_char(c))
            .any(|run| digits(run) == wanted)
    })
}

/// Whether ATS parsers file a section under this heading: a conventional
/// English one, or a built-in locale's title of one of the sections every
/// résumé parser knows (not focus areas or about, which they do not).
pub fn is_known_heading(title: &str) -> bool {
    let title = title.to_lowercase();
    let standard = Section::ALL
        .into_iter()
        .filter(|section| !matches!(section, Section::FocusAreas | Section::About));
    KNOWN_HEADINGS.iter().any(|known| title.contains(known))
        || standard.into_iter().any(|section| {
            crate::model::locale::all()
                .any(|locale| locale.labels.section(section).to_lowercase() == title)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(lines: &[&str]) -> TextLayer {
        let lines = lines.iter().map(|line| {
            let words = line.split(' ').map(|text| Word {
                text: text.to_owned(),
                place: None,
            });
            words.collect()
        });
        TextLayer {
            reader: "test",
            pages: Vec::new(),
            lines: lines.collect(),
        }
    }

    #[test]
    fn letter_spacing_and_ligatures_are_found() {
        let text = layer(&["S U M M A R Y", "A B C", "Proﬁle of a ﬂeet"]);
        assert_eq!(spelled_out(&text), ["S U M M A R Y"]);
        assert_eq!(ligature_words(&text), ["Proﬁle", "ﬂeet"]);
    }

    #[test]
    fn contact_details_read_as_such() {
        let text = layer(&["Ada Lovelace", "ada@example.dev • +44 20 7946-0000"]);
        assert_eq!(name_line(&text, "Ada Lovelace"), Some(1));
        assert!(reads_as_email(&text, "ada@example.dev"));
        assert!(reads_as_phone(&text, "+44 (20) 7946 0000"));
        assert!(!reads_as_phone(
            &layer(&["+44 20", "7946 0000"]),
            "+44 20 7946 0000"
        ));
    }

    #[test]
    fn headings_parsers_know() {
        assert!(is_known_heading("Selected Projects"));
        assert!(!is_known_heading("Focus Areas"));
        assert!(is_known_heading("Berufserfahrung"));
        assert!(!is_known_heading("Schwerpunkte"));
    }
}
