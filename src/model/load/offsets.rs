//! Positions in the text: the parser counts characters, diagnostics want
//! byte offsets and line ends.

use yaml_rust2::scanner::Marker;

/// The byte offsets of the parser's positions, which count characters:
/// found by walking on from the previous one, so converting them all is linear.
///
/// The parser's character count drifts after a block scalar (`|` or `>`)
/// holding non-ASCII text: it counts those lines in bytes. Its line and
/// column stay right, so each new line is found by its number and the count
/// is taken up again from there.
pub struct ByteOffsets<'a> {
    text: &'a str,
    ascii: bool,
    /// The parser's line (from 1) of `line_start`, the byte where it starts.
    line: usize,
    line_start: usize,
    /// The parser's character count at `bytes`, on that line.
    chars: usize,
    bytes: usize,
}

impl<'a> ByteOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            ascii: text.is_ascii(),
            line: 1,
            line_start: 0,
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of the parser's position `marker` (the end when past it).
    pub fn of(&mut self, marker: &Marker) -> usize {
        let index = marker.index();
        if self.ascii {
            return index.min(self.text.len());
        }
        if marker.line() != self.line {
            self.seek_line(marker.line());
            (self.chars, self.bytes) = (index.saturating_sub(marker.col()), self.line_start);
        }
        if index < self.chars {
            // The parser marks a block mapping after its first key, so
            // positions step back a little now and then: walk back.
            let back = self.chars - index;
            let (offset, _) = self.text[self.line_start..self.bytes]
                .char_indices()
                .nth_back(back - 1)
                .unwrap_or((0, ' '));
            (self.chars, self.bytes) = (index, self.line_start + offset);
            return self.bytes;
        }
        match self.text[self.bytes..]
            .char_indices()
            .nth(index - self.chars)
        {
            Some((offset, _)) => {
                (self.chars, self.bytes) = (index, self.bytes + offset);
                self.bytes
            }
            None => self.text.len(),
        }
    }

    /// Moves `line_start` to the start of `line`, a line at a time (lines
    /// end at `\n`, `\r\n` or `\r`, as the parser counts them).
    fn seek_line(&mut self, line: usize) {
        while self.line < line {
            let Some(at) = self.text[self.line_start..].find(['\n', '\r']) else {
                break;
            };
            let at = self.line_start + at;
            let crlf = self.text[at..].starts_with("\r\n");
            self.line_start = at + if crlf { 2 } else { 1 };
            self.line += 1;
        }
        while self.line > line && self.line_start > 0 {
            let before = &self.text[..self.line_start];
            let end = before.len() - if before.ends_with("\r\n") { 2 } else { 1 };
            self.line_start = before[..end].rfind(['\n', '\r']).map_or(0, |at| at + 1);
            self.line -= 1;
        }
    }
}

/// The end of the line that `start` is on (`start` itself past the text,
/// where `--set` values are).
pub fn line_end(text: &str, start: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return start;
    };
    rest.find(['\n', '\r'])
        .map_or(text.len(), |n| start + n)
        .max(start)
}
