//! Layout files: templates embedded in the binary, replaced file by file by a
//! user's layouts directory (`--layouts DIR`), as mdBook does with themes.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in layout files, by path relative to `layouts/`.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "themes/classic/theme.yaml",
        include_str!("../../layouts/themes/classic/theme.yaml"),
    ),
    (
        "themes/compact/theme.yaml",
        include_str!("../../layouts/themes/compact/theme.yaml"),
    ),
    (
        "themes/serif/theme.yaml",
        include_str!("../../layouts/themes/serif/theme.yaml"),
    ),
    (
        "themes/modern/theme.yaml",
        include_str!("../../layouts/themes/modern/theme.yaml"),
    ),
    (
        "markdown/resume.hbs",
        include_str!("../../layouts/markdown/resume.hbs"),
    ),
    (
        "markdown/letter.hbs",
        include_str!("../../layouts/markdown/letter.hbs"),
    ),
    (
        "typst/resume.typ",
        include_str!("../../layouts/typst/resume.typ"),
    ),
    (
        "typst/letter.typ",
        include_str!("../../layouts/typst/letter.typ"),
    ),
    (
        "html/resume.hbs",
        include_str!("../../layouts/html/resume.hbs"),
    ),
    (
        "html/letter.hbs",
        include_str!("../../layouts/html/letter.hbs"),
    ),
    (
        "html/inline.hbs",
        include_str!("../../layouts/html/inline.hbs"),
    ),
    (
        "html/style.css",
        include_str!("../../layouts/html/style.css"),
    ),
    (
        "html/section-about.hbs",
        include_str!("../../layouts/html/section-about.hbs"),
    ),
    (
        "html/section-education.hbs",
        include_str!("../../layouts/html/section-education.hbs"),
    ),
    (
        "html/section-entries.hbs",
        include_str!("../../layouts/html/section-entries.hbs"),
    ),
    (
        "html/section-experience.hbs",
        include_str!("../../layouts/html/section-experience.hbs"),
    ),
    (
        "html/section-focus_areas.hbs",
        include_str!("../../layouts/html/section-focus_areas.hbs"),
    ),
    (
        "html/section-list.hbs",
        include_str!("../../layouts/html/section-list.hbs"),
    ),
    (
        "html/section-projects.hbs",
        include_str!("../../layouts/html/section-projects.hbs"),
    ),
    (
        "html/section-prose.hbs",
        include_str!("../../layouts/html/section-prose.hbs"),
    ),
    (
        "html/section-skills.hbs",
        include_str!("../../layouts/html/section-skills.hbs"),
    ),
    (
        "html/section-summary.hbs",
        include_str!("../../layouts/html/section-summary.hbs"),
    ),
];

/// The open-licence fonts both PDF engines use (SIL OFL, see layouts/fonts/OFL.txt).
pub const FONTS: &[(&str, &[u8])] = &[
    (
        "Lato-Regular.ttf",
        include_bytes!("../../layouts/fonts/Lato-Regular.ttf"),
    ),
    (
        "Lato-Bold.ttf",
        include_bytes!("../../layouts/fonts/Lato-Bold.ttf"),
    ),
    (
        "Lato-Italic.ttf",
        include_bytes!("../../layouts/fonts/Lato-Italic.ttf"),
    ),
    (
        "Lato-BoldItalic.ttf",
        include_bytes!("../../layouts/fonts/Lato-BoldItalic.ttf"),
    ),
];

/// The monospace font the typst layout sets `code` in: DejaVu Sans Mono
/// (Bitstream Vera licence, see layouts/fonts/DejaVu-LICENSE.txt). typst has
/// it built in, but reading its dozen built-in fonts costs about 4 % of a
/// compile, so resumec runs typst with `--ignore-embedded-fonts` and supplies
/// this one beside Lato.
pub const TYPST_MONO_FONTS: &[(&str, &[u8])] = &[
    (
        "DejaVuSansMono.ttf",
        include_bytes!("../../layouts/fonts/DejaVuSansMono.ttf"),
    ),
    (
        "DejaVuSansMono-Bold.ttf",
        include_bytes!("../../layouts/fonts/DejaVuSansMono-Bold.ttf"),
    ),
    (
        "DejaVuSansMono-Oblique.ttf",
        include_bytes!("../../layouts/fonts/DejaVuSansMono-Oblique.ttf"),
    ),
    (
        "DejaVuSansMono-BoldOblique.ttf",
        include_bytes!("../../layouts/fonts/DejaVuSansMono-BoldOblique.ttf"),
    ),
];

/// The serif of the `serif` theme: Libertinus Serif (SIL OFL, see
/// layouts/fonts/Libertinus-OFL.txt), CFF-flavoured OpenType.
pub const SERIF_FONTS: &[(&str, &[u8])] = &[
    (
        "LibertinusSerif-Regular.otf",
        include_bytes!("../../layouts/fonts/LibertinusSerif-Regular.otf"),
    ),
    (
        "LibertinusSerif-Bold.otf",
        include_bytes!("../../layouts/fonts/LibertinusSerif-Bold.otf"),
    ),
    (
        "LibertinusSerif-Italic.otf",
        include_bytes!("../../layouts/fonts/LibertinusSerif-Italic.otf"),
    ),
    (
        "LibertinusSerif-BoldItalic.otf",
        include_bytes!("../../layouts/fonts/LibertinusSerif-BoldItalic.otf"),
    ),
];

/// The fallbacks for Arabic and Hebrew text: Noto Sans Arabic and Noto Sans
/// Hebrew (SIL OFL, see layouts/fonts/Noto-OFL.txt). The native engine sets
/// a character in them only when the design's face lacks it; typst finds
/// them beside the other fonts, for a template to name as fallbacks.
pub const SCRIPT_FONTS: &[(&str, &[u8])] = &[
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../../layouts/fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Bold.ttf",
        include_bytes!("../../layouts/fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "NotoSansHebrew-Regular.ttf",
        include_bytes!("../../layouts/fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Bold.ttf",
        include_bytes!("../../layouts/fonts/NotoSansHebrew-Bold.ttf"),
    ),
];

/// Why a layouts directory cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LayoutsError {
    #[error("layouts directory {} not found", .0.display())]
    NotFound(PathBuf),
    #[error("cannot read {}: {error}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        error: std::io::Error,
    },
}

/// The layout files of one build.
#[derive(Debug, Clone)]
pub struct Layouts {
    files: BTreeMap<String, Cow<'static, str>>,
    /// Where each file a layouts directory replaced was read from.
    custom: BTreeMap<String, PathBuf>,
}

impl Default for Layouts {
    fn default() -> Self {
        Layouts {
            files: EMBEDDED
                .iter()
                .map(|(path, text)| ((*path).to_owned(), Cow::Borrowed(*text)))
                .collect(),
            custom: BTreeMap::new(),
        }
    }
}

impl Layouts {
    /// The built-in layouts with every file present in `dir` replacing its namesake.
    pub fn with_overrides(dir: &Path) -> Result<Self, LayoutsError> {
        if !dir.is_dir() {
            return Err(LayoutsError::NotFound(dir.to_owned()));
        }
        let mut layouts = Layouts::default();
        for (name, text) in layouts.files.iter_mut() {
            let candidate = dir.join(name);
            if candidate.is_file() {
                let custom = std::fs::read_to_string(&candidate).map_err(|error| {
                    LayoutsError::Unreadable {
                        path: candidate.clone(),
                        error,
                    }
                })?;
                *text = Cow::Owned(custom);
                layouts.custom.insert(name.clone(), candidate);
            }
        }
        Ok(layouts)
    }

    /// Where a layout file was read from, when a layouts directory replaced it.
    pub fn custom_path(&self, name: &str) -> Option<&Path> {
        self.custom.get(name).map(PathBuf::as_path)
    }

    /// The text of a layout file, e.g. `markdown/resume.hbs`.
    pub fn file(&self, name: &str) -> &str {
        self.files.get(name).map_or("", |text| text.as_ref())
    }

    /// Every file under a folder, e.g. `html/`, as (file name, text).
    pub fn folder<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.files
            .iter()
            .filter_map(move |(name, text)| Some((name.strip_prefix(folder)?, text.as_ref())))
    }
}
