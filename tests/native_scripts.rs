//! Arabic and Hebrew in the built-in PDF engine, through the real binary:
//! the words read back by poppler's `pdftotext` in their logical order, a
//! right-to-left résumé laid out against the right margin (`pdftotext
//! -bbox`), English words inside it in their own order, and an English
//! résumé untouched by any of it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{build_pdf, pdftotext, poppler, squash};

/// An Arabic résumé: a summary, and bullets that name English technologies.
const ARABIC: &str = "\
locale: ar
basics:
  name: ليلى حداد
  headline: مهندسة برمجيات أولى
  email: layla@example.com
summary: >-
  أبني أنظمة الدفع والفوترة الموثوقة منذ عشر سنوات، وأعمل مع فرق المنتج لتبسيط العمليات المالية.
experience:
  - company: شركة Acme للمدفوعات
    title: مهندسة برمجيات أولى
    start: 2021-03
    end: present
    groups:
      - bullets:
          - صممت خدمة دفتر الأستاذ باستخدام Rust و PostgreSQL لمعالجة ملايين المعاملات يوميًا.
          - قللت زمن الاستجابة عبر تخزين مؤقت في Redis.
";

/// The same résumé in Hebrew, its summary broken by an empty line.
const HEBREW: &str = "\
locale: he
basics:
  name: נועה לוי
  headline: מהנדסת תוכנה בכירה
  email: noa@example.com
summary: |-
  אני בונה מערכות תשלומים אמינות כבר עשר שנים ועובדת עם צוותי מוצר.

  ומלמדת.
experience:
  - company: Acme תשלומים
    title: מהנדסת תוכנה בכירה
    start: 2021-03
    end: present
    groups:
      - bullets:
          - בניתי שירות ספר חשבונות עם Rust ו PostgreSQL שמעבד מיליוני עסקאות ביום.
          - קיצרתי את זמן התגובה בעזרת מטמון ב Redis.
";

/// An English résumé of the same shape.
const ENGLISH: &str = "\
basics:
  name: Layla Haddad
  headline: Senior Software Engineer
  email: layla@example.com
summary: >-
  I build reliable payment and billing systems, and work with product teams on finance.
experience:
  - company: Acme Payments
    title: Senior Software Engineer
    start: 2021-03
    end: present
    groups:
      - bullets:
          - Designed a ledger service in Rust and PostgreSQL handling millions of transactions.
";

/// A word `pdftotext -bbox` found, with its box.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    x_min: f32,
    y_min: f32,
    x_max: f32,
}

/// The PDF of `yaml`, built with `engine` in `dir`.
fn build(dir: &Path, yaml: &str, engine: &str) -> PathBuf {
    let input = dir.join("resume.yaml");
    fs::write(&input, yaml).unwrap();
    build_pdf(dir, &input, engine, &[])
}

/// The words of page 1 and their boxes.
fn words(pdf: &Path) -> Vec<Word> {
    let xml = poppler("pdftotext", &["-bbox", "-f", "1", "-l", "1"], pdf);
    let attribute = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    xml.lines()
        .filter_map(|line| {
            let line = line.trim();
            let text = line.strip_prefix("<word ")?;
            let start = text.find('>')? + 1;
            let end = text.find("</word>")?;
            Some(Word {
                text: text[start..end].to_owned(),
                x_min: attribute(line, "xMin"),
                y_min: attribute(line, "yMin"),
                x_max: attribute(line, "xMax"),
            })
        })
        .collect()
}

/// The first word that is `text`: `pdftotext -bbox` gives a right-to-left
/// word's letters in visual order.
fn word<'w>(words: &'w [Word], text: &str) -> &'w Word {
    let reversed: String = text.chars().rev().collect();
    words
        .iter()
        .find(|w| w.text == text || w.text == reversed)
        .unwrap_or_else(|| panic!("no word {text} in {words:#?}"))
}

/// Whether two words are on one line (Arabic letters reach higher than
/// Latin ones, lines are 12 points apart or more).
fn same_line(a: &Word, b: &Word) -> bool {
    (a.y_min - b.y_min).abs() < 6.0
}

/// The words on the same line as `of`.
fn line_of<'w>(words: &'w [Word], of: &Word) -> Vec<&'w Word> {
    words.iter().filter(|w| same_line(w, of)).collect()
}

/// Where the line holding `of` ends on the right.
fn line_end(words: &[Word], of: &str) -> f32 {
    let line = line_of(words, word(words, of));
    line.iter().map(|w| w.x_max).fold(0.0, f32::max)
}

/// `text` without the direction marks pdftotext puts around runs.
fn without_marks(text: &str) -> String {
    let mark = |c: &char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}');
    text.chars().filter(|c| !mark(c)).collect()
}

/// The English résumé's page 1 mirrored: each word's right edge where the
/// English one's left edge is, from the other side of the page.
fn mirrored_english(dir: &Path) -> Vec<Word> {
    let english = dir.join("en");
    fs::create_dir_all(&english).unwrap();
    let pdf = build(&english, ENGLISH, "native");
    let info = poppler("pdfinfo", &[], &pdf);
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let width: f32 = size.split_whitespace().nth(2).unwrap().parse().unwrap();
    let mirror = |w: Word| Word {
        x_min: width - w.x_max,
        x_max: width - w.x_min,
        ..w
    };
    words(&pdf).into_iter().map(mirror).collect()
}

fn near(a: f32, b: f32) -> bool {
    (a - b).abs() < 1.5
}

#[test]
fn arabic_words_read_back_in_their_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = squash(&without_marks(&pdftotext(&build(
        dir.path(),
        ARABIC,
        "native",
    ))));
    for expected in [
        "ليلى حداد",
        "مهندسة برمجيات أولى",
        "أبني أنظمة الدفع والفوترة الموثوقة منذ عشر سنوات",
        // The lam-alef ligatures and a mark (tanwin) read back letter for letter.
        "صممت خدمة دفتر الأستاذ باستخدام",
        "ملايين المعاملات يوميًا",
        "قللت زمن الاستجابة",
        "PostgreSQL",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
}

#[test]
fn an_arabic_resume_is_the_english_layout_mirrored() {
    let dir = tempfile::tempdir().unwrap();
    let english = mirrored_english(dir.path());
    let words = words(&build(dir.path(), ARABIC, "native"));
    // The name, the summary's first line, the company and a bullet end
    // where their English counterparts start, mirrored.
    for (arabic, latin) in [
        ("ليلى", "Layla"),
        ("أبني", "I"),
        ("شركة", "Acme"),
        ("صممت", "•"),
    ] {
        let (end, edge) = (line_end(&words, arabic), word(&english, latin).x_max);
        assert!(near(end, edge), "{arabic}: {end} vs {edge}");
    }
    // The bullet is right of its text; the dates are on the left.
    let bullet_line = line_of(&words, word(&words, "صممت"));
    let bullet = bullet_line.iter().find(|w| w.text == "•").unwrap();
    assert!(
        bullet_line.iter().all(|w| w.x_max <= bullet.x_max),
        "{bullet_line:?}"
    );
    // The dates start at the left margin, where the English ones end.
    let dates = line_of(&words, word(&words, "2021"));
    let start = dates.iter().map(|w| w.x_min).fold(f32::MAX, f32::min);
    let margin = word(&english, "Present").x_min;
    assert!(
        near(start, margin),
        "the dates start at {start}, not {margin}"
    );
}

#[test]
fn english_names_in_an_arabic_bullet_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let words = words(&build(dir.path(), ARABIC, "native"));
    // "… باستخدام Rust و PostgreSQL …": read right to left, the Arabic verb
    // comes first, then Rust, then PostgreSQL, each written left to right.
    let rust = word(&words, "Rust");
    let postgres = word(&words, "PostgreSQL");
    let using = word(&words, "باستخدام");
    assert!(same_line(rust, postgres) && same_line(rust, using));
    assert!(using.x_min > rust.x_max, "{using:?} {rust:?}");
    assert!(rust.x_min > postgres.x_max, "{rust:?} {postgres:?}");
}

#[test]
fn a_hebrew_resume_reads_back_and_is_set_against_the_right_margin() {
    let dir = tempfile::tempdir().unwrap();
    let english = mirrored_english(dir.path());
    let pdf = build(dir.path(), HEBREW, "native");
    let text = squash(&without_marks(&pdftotext(&pdf)));
    for expected in [
        "נועה לוי",
        "אני בונה מערכות תשלומים אמינות כבר עשר שנים",
        "בניתי שירות ספר חשבונות עם",
        "PostgreSQL",
        "ומלמדת",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    let words = words(&pdf);
    for (hebrew, latin) in [("נועה", "Layla"), ("אני", "I"), ("בניתי", "•")] {
        let (end, edge) = (line_end(&words, hebrew), word(&english, latin).x_max);
        assert!(near(end, edge), "{hebrew}: {end} vs {edge}");
    }
    let (rust, postgres) = (word(&words, "Rust"), word(&words, "PostgreSQL"));
    assert!(rust.x_min > postgres.x_max, "{rust:?} {postgres:?}");
}

#[test]
fn the_fallback_fonts_are_embedded_only_for_text_that_needs_them() {
    let dir = tempfile::tempdir().unwrap();
    let english = build(dir.path(), ENGLISH, "native");
    let fonts = poppler("pdffonts", &[], &english);
    assert!(!fonts.contains("Noto"), "{fonts}");
    let before = words(&english);

    // One Arabic bullet more: the English text stays where it was.
    let mixed_dir = dir.path().join("mixed");
    fs::create_dir_all(&mixed_dir).unwrap();
    let mixed = format!("{ENGLISH}          - صممت خدمة دفتر الأستاذ.\n");
    let pdf = build(&mixed_dir, &mixed, "native");
    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(fonts.contains("NotoSansArabic"), "{fonts}");
    assert!(!fonts.contains("NotoSansHebrew"), "{fonts}");
    let after = words(&pdf);
    for a in &before {
        let kept = |b: &Word| b.text == a.text && b.x_min == a.x_min && b.y_min == a.y_min;
        assert!(after.iter().any(kept), "{a:?} moved: {after:#?}");
    }
    let text = without_marks(&pdftotext(&pdf));
    assert!(text.contains("صممت خدمة دفتر الأستاذ"), "{text}");
}

#[test]
fn typst_finds_the_bundled_arabic_font() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build(dir.path(), ARABIC, "typst");
    let fonts = poppler("pdffonts", &[], &pdf);
    assert!(fonts.contains("NotoSansArabic"), "{fonts}");
    let text = without_marks(&pdftotext(&pdf));
    assert!(text.contains("حداد"), "{text}");
}

/// Where Debian's fonts-noto-cjk puts Noto Sans CJK.
const CJK_FONTS: &str = "/usr/share/fonts/opentype/noto";

const JAPANESE: &str = "\
locale: ja
basics:
  name: 山田 花子
  email: hanako@example.com
summary: 決済と請求のシステムを構築してきました。Rust と PostgreSQL を使っています。
";

#[test]
fn japanese_without_a_font_is_a_warning_naming_one_and_with_one_prints_in_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resume.yaml"), JAPANESE).unwrap();
    let assert = common::resumec(dir.path())
        .args(["build", "--engine", "native", "--format", "pdf"])
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("no glyphs for") && stderr.contains("CJK characters"),
        "{stderr}"
    );
    assert!(
        stderr.contains("install Noto Sans CJK (Debian: fonts-noto-cjk")
            && stderr.contains("`design.font_paths`"),
        "{stderr}"
    );

    assert!(
        Path::new(CJK_FONTS).is_dir(),
        "{CJK_FONTS} is missing: this test needs Debian's fonts-noto-cjk"
    );
    let with_font = format!("{JAPANESE}design:\n  font_paths: [{CJK_FONTS}]\n");
    for engine in ["native", "typst"] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("resume.yaml"), &with_font).unwrap();
        let assert = common::resumec(dir.path())
            .args(["build", "--engine", engine, "--format", "pdf"])
            .assert()
            .success();
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(!stderr.contains("no glyph"), "{engine}: {stderr}");
        let pdf = dir.path().join("out/resume.pdf");
        let text = squash(&pdftotext(&pdf));
        assert!(text.contains("山田 花子"), "{engine}: {text}");
        assert!(
            text.contains("決済と請求のシステムを構築してきました。"),
            "{engine}: {text}"
        );
        let fonts = poppler("pdffonts", &[], &pdf);
        assert!(fonts.contains("NotoSansCJK"), "{engine}: {fonts}");
    }
}

/// The text of page 1 of `yaml` built with the built-in engine, without
/// pdftotext's direction marks and with its lines joined.
fn native_text(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    squash(&without_marks(&pdftotext(&build(
        dir.path(),
        yaml,
        "native",
    ))))
}

#[test]
fn a_marked_letter_reads_back_with_its_marks_and_leaves_other_words_alone() {
    // The mim of عمَّان carries a fatha and a shadda; the same mim in يعمل
    // has none, and each word reads back whole, marks after their letter.
    let arabic = "locale: ar\nbasics:\n  name: ليلى\nsummary: \"عمَّان يعمل مَن عمّان\"\n";
    let text = native_text(arabic);
    assert!(text.contains("عمَّان يعمل مَن عمّان"), "{text}");
    let hebrew = "locale: he\nbasics:\n  name: נועה\nsummary: \"דָּנִיאֵל כֹּהֵן\"\n";
    let text = native_text(hebrew);
    assert!(text.contains("דָּנִיאֵל כֹּהֵן"), "{text}");
}

#[test]
fn direction_controls_take_no_room_and_need_no_glyph() {
    let resume = |summary: &str| {
        format!("basics:\n  name: Ada Lovelace\n  email: ada@example.com\nsummary: \"{summary}\"\n")
    };
    let dir = tempfile::tempdir().unwrap();
    let plain = words(&build(dir.path(), &resume("Rust and Go"), "native"));
    let controlled = "\u{2068}Rust\u{2069} \u{202a}and\u{202c} \u{200f}Go\u{200e}\u{2066}\u{2069}";
    fs::write(dir.path().join("resume.yaml"), resume(controlled)).unwrap();
    let assert = common::resumec(dir.path())
        .args([
            "build", "--engine", "native", "--format", "pdf", "--out", "marked",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(!stderr.contains("no glyphs"), "{stderr}");
    let marked = words(&dir.path().join("marked/resume.pdf"));
    for text in ["Rust", "and", "Go"] {
        let (a, b) = (word(&plain, text), word(&marked, text));
        let same = near(a.x_min, b.x_min) && near(a.x_max, b.x_max) && near(a.y_min, b.y_min);
        assert!(same, "{a:?} {b:?}");
    }

    // Two hundred overrides before a word: it is set right to left where
    // it would be, not pushed down the page by blank gaps.
    let overridden = format!("{}abc", "\u{202e}".repeat(200));
    let words = words(&build(dir.path(), &resume(&overridden), "native"));
    let (rust, abc) = (word(&plain, "Rust"), word(&words, "cba"));
    assert!(
        near(rust.x_min, abc.x_min) && near(rust.y_min, abc.y_min),
        "{abc:?}"
    );
}

#[test]
fn text_no_font_draws_is_boxes_in_an_embedded_font_and_reads_back() {
    // No CJK font in the design: the name and title draw as `.notdef`
    // boxes, in a font the page embeds, and still read back.
    let yaml = "locale: ja\nbasics:\n  name: 山田\n  headline: ソフトウェアエンジニア\n  email: taro@yamada.dev\n";
    let dir = tempfile::tempdir().unwrap();
    let pdf = build(dir.path(), yaml, "native");
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.is_empty(), "{stderr}");
    let text = squash(&String::from_utf8(output.stdout).unwrap());
    for expected in ["山田", "ソフトウェアエンジニア", "taro@yamada.dev"] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    common::pdfinfo(&pdf);

    // Every font a page's text names is among the page's fonts, embedded.
    let document = lopdf::Document::load(&pdf).unwrap();
    for (_, page) in document.get_pages() {
        let fonts = document.get_page_fonts(page).unwrap();
        let content = document.get_and_decode_page_content(page).unwrap();
        for op in content.operations.iter().filter(|op| op.operator == "Tf") {
            let name = op.operands[0].as_name().unwrap();
            let font = fonts.get(name).unwrap_or_else(|| {
                panic!("the page names the font {}", String::from_utf8_lossy(name))
            });
            let dictionary = |object: &lopdf::Object| {
                let (_, object) = document.dereference(object).unwrap();
                object.as_dict().unwrap().clone()
            };
            let descendants = font.get(b"DescendantFonts").unwrap().as_array().unwrap();
            let descendant = dictionary(&descendants[0]);
            let descriptor = dictionary(descendant.get(b"FontDescriptor").unwrap());
            assert!(descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"));
        }
    }
}
