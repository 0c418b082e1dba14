//! What composition makes: lines of styled runs ([`Block`]), how each run
//! looks ([`Look`]) and the rules drawn with them ([`Mark`]).

use crate::render::native_pdf::fonts::Style;
use crate::render::native_pdf::layout::{Extent, Placed};
use crate::render::native_pdf::theme::Rgb;

/// How a run of text looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub style: Style,
    pub size: f32,
    pub color: Rgb,
    pub link: Option<String>,
    /// Space added after every character.
    pub tracking: f32,
    /// How wide a space in this run is, when not the font's own width:
    /// separators with fixed gaps around them.
    pub space: Option<f32>,
    /// How far the baseline is raised.
    pub rise: f32,
    /// Set right to left: an odd embedding level of the bidirectional
    /// algorithm.
    pub rtl: bool,
}

impl Look {
    pub fn new(style: Style, size: f32, color: Rgb) -> Look {
        Look {
            style,
            size,
            color,
            link: None,
            tracking: 0.0,
            space: None,
            rise: 0.0,
            rtl: false,
        }
    }

    pub(super) fn linked(mut self, url: &str, color: Rgb) -> Look {
        self.link = Some(url.to_owned());
        self.color = color;
        self
    }

    pub(super) fn spaced(self, space: f32) -> Look {
        Look {
            space: Some(space),
            ..self
        }
    }
}

/// A straight line drawn with a block: `x` from the left margin, `y` down
/// from the block's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub thickness: f32,
    pub color: Rgb,
}

/// One line of the document.
#[derive(Debug)]
pub struct Block {
    pub extent: Extent,
    /// From the top of the block to its baseline.
    pub ascent: f32,
    pub runs: Vec<Placed<Look>>,
    pub marks: Vec<Mark>,
}
