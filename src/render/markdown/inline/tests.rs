use proptest::prelude::*;

use super::*;
use crate::model::inline::parse;

/// Asserts that the Markdown for `spans` reads back as the same spans.
fn reads_back(spans: &[Span]) -> String {
    let markdown = inline(spans);
    assert_eq!(
        read_back(&markdown),
        Some(merged(spans.iter().cloned())),
        "{markdown}"
    );
    markdown
}

#[test]
fn block_markers_at_a_line_start_stay_text() {
    for text in [
        "2019. Promoted",
        "Led:\n1. design\n2. build\n3) test",
        "Shipped three things:\n- the ledger\n- the payouts\n+ more\n===",
        "    four spaces are not code\n\tnor is a tab",
        "# not a heading\n> not a quote\n***\n___\n<div>not html</div>\n```\nnot a fence",
        "[ref]: https://x.dev\n| a | b |\n~~~",
        "a\n\nb  \n  c",
    ] {
        reads_back(&[Span::plain(text)]);
    }
}

#[test]
fn emphasis_that_cannot_be_starred_falls_back_to_html() {
    let strong = |text: &str| Span {
        strong: true,
        ..Span::plain(text)
    };
    assert_eq!(
        reads_back(&[strong("Engineer ")]),
        "<strong>Engineer </strong>"
    );
    assert_eq!(reads_back(&[strong("p99")]), "**p99**");
    let emph = Span {
        emph: true,
        ..Span::plain("a")
    };
    reads_back(&[emph, strong("b")]);
}

#[test]
fn styles_read_back() {
    for text in [
        "*italic `code` italic*",
        "**bold *both* bold** and *italic **both** italic*",
        "`` a`b `` and ``` `` ``` and `` `x` ``",
        "[a **b** `c`](https://x.dev/(y)) [d](https://x/<y>)",
        "[link](mailto:ada@x.dev)\n2. line",
        "`code\nover lines`",
        "**bold\nover lines**",
    ] {
        reads_back(&parse(text));
    }
    assert_eq!(
        reads_back(&parse("[a](https://x/<y>)")),
        "[a](<https://x/\\<y\\>>)"
    );
    assert_eq!(reads_back(&parse("`` a`b ``")), "``a`b``");
}

#[test]
fn plain_values_are_one_line() {
    assert_eq!(escape("1. a\n2. b"), "1\\. a 2. b");
    assert_eq!(escape("  x"), "&#32;&#32;x");
    assert_eq!(escape("- not a list"), "\\- not a list");
    assert_eq!(escape("Node.js + C++"), "Node.js + C++");
    assert_eq!(
        escape("*a* _b_ <x> [c](d) #1 $x$"),
        "\\*a\\* \\_b\\_ \\<x\\> \\[c\\](d) \\#1 \\$x\\$"
    );
}

fn span() -> impl Strategy<Value = Span> {
    (
        "([-*_`#<>&\\[\\]()!|~$={}.1 \t\n\\\\]|[a-z]|[^\\p{C}]){1,12}",
        any::<(bool, bool, bool)>(),
        proptest::option::of(prop::sample::select(vec![
            "https://x.dev/a_(b)",
            "https://x.dev/<y> z\\",
            "mailto:a@b.c",
        ])),
    )
        .prop_map(|(text, (strong, emph, code), link)| Span {
            text,
            strong,
            emph,
            code,
            link: link.map(str::to_owned),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_spans_read_back(spans in prop::collection::vec(span(), 1..5)) {
        // What parsing trims from a field: a line break at either end.
        let text = crate::model::inline::plain_text(&spans);
        prop_assume!(!text.trim_end_matches([' ', '\t']).ends_with('\n'));
        prop_assume!(!text.trim_start_matches([' ', '\t']).starts_with('\n'));
        let markdown = inline(&spans);
        prop_assert_eq!(read_back(&markdown), Some(merged(spans)), "{}", markdown);
    }
}
