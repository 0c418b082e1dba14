//! Positions in the text: the parser counts characters, diagnostics want
//! byte offsets and line ends.

/// The byte offsets of the parser's positions, which count characters:
/// found by walking on from the previous one, so converting them all is linear.
pub struct ByteOffsets<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'a> ByteOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of the character at `index` (the end when past it).
    pub fn of(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        if index < self.chars {
            // The parser marks a block mapping after its first key, so
            // positions step back a little now and then: walk back.
            let back = self.chars - index;
            let (offset, _) = self.text[..self.bytes]
                .char_indices()
                .nth_back(back - 1)
                .unwrap_or((0, ' '));
            (self.chars, self.bytes) = (index, offset);
            return offset;
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
