//! Whether the facts read back, in order, from the text layer.
//!
//! Text is compared as an ATS compares it: case and whitespace ignored, so
//! a heading set in capitals or a line wrapped anywhere still matches. Blocks
//! (a job, a project, a section's title) must come in order; within a block
//! a fact may sit anywhere after the block's first fact, so a layout that
//! prints a job's technologies before or after its bullets reads the same.

use super::facts::Fact;
use crate::unicode::is_bidi_control;

/// Text reduced for comparison: lower case, no whitespace, no bidi
/// controls (pdftotext adds them around right-to-left runs), and without
/// the Arabic letters lam and alef, which one glyph (the lam-alef ligature)
/// sets together and pdftotext gives back in either order.
pub fn squeezed(text: &str) -> String {
    let ignored = |c: &char| {
        c.is_whitespace() || is_bidi_control(*c) || matches!(c, 'ل' | 'ا' | 'آ' | 'أ' | 'إ')
    };
    text.chars()
        .filter(|c| !ignored(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where each fact was found.
#[derive(Debug, Default)]
pub struct Reading<'a> {
    pub in_order: Vec<&'a Fact>,
    /// In the PDF, but before the block it belongs to.
    pub out_of_order: Vec<&'a Fact>,
    pub missing: Vec<&'a Fact>,
}

/// Reads `facts` back from `text`: each block starts after the furthest
/// fact of the blocks before it.
pub fn read<'a>(facts: &'a [Fact], text: &str) -> Reading<'a> {
    let text = squeezed(text);
    let mut reading = Reading::default();
    let (mut block, mut block_start, mut frontier) = (None, 0, 0);
    for fact in facts {
        if block != Some(fact.block) {
            block = Some(fact.block);
            block_start = frontier;
        }
        let needle = squeezed(&fact.text);
        match text[block_start..].find(&needle) {
            Some(at) => {
                frontier = frontier.max(block_start + at + needle.len());
                reading.in_order.push(fact);
            }
            None if text.contains(&needle) => reading.out_of_order.push(fact),
            None => reading.missing.push(fact),
        }
    }
    reading
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::facts::facts;
    use crate::model::real_resume;
    use crate::render::design::Tokens;
    use crate::render::text::render;
    use crate::render::view::Document;

    #[test]
    fn the_text_backend_reads_back_whole_and_in_order() {
        let document = Document::new(&real_resume(), Tokens::default());
        let facts = facts(&document);
        let reading = read(&facts, &render(&document));
        assert!(reading.missing.is_empty(), "{:?}", reading.missing);
        assert!(
            reading.out_of_order.is_empty(),
            "{:?}",
            reading.out_of_order
        );
        assert_eq!(reading.in_order.len(), facts.len());
    }

    #[test]
    fn case_and_wrapping_do_not_matter_but_block_order_does() {
        let document = Document::new(&real_resume(), Tokens::default());
        let facts = facts(&document);
        let text = render(&document);
        let (head, tail) = text.split_at(text.find("EXPERIENCE").unwrap());
        let swapped = format!("{}\n{}", tail.to_lowercase(), head.replace(' ', "\n"));
        let reading = read(&facts, &swapped);
        assert!(reading.missing.is_empty());
        assert!(!reading.out_of_order.is_empty());
    }
}
