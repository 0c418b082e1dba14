//! Wrapped plain text, written line by line: the text résumé and the text
//! letter both write with it.

/// Column at which lines wrap.
pub const WIDTH: usize = 78;

/// Accumulates wrapped lines.
#[derive(Default)]
pub(crate) struct Writer {
    text: String,
}

impl Writer {
    pub(crate) fn line(&mut self, line: &str) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    pub(crate) fn blank(&mut self) {
        if !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// Wraps `text` at `WIDTH`; continuation lines start with `indent`.
    pub(crate) fn paragraph(&mut self, text: &str, indent: &str) {
        if text.trim().is_empty() {
            return;
        }
        let options = textwrap::Options::new(WIDTH)
            .subsequent_indent(indent)
            .break_words(false)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for line in textwrap::wrap(text, options) {
            self.line(&line);
        }
    }

    pub(crate) fn finish(mut self) -> String {
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        self.text
    }
}
