use proptest::prelude::*;

use super::*;

/// The spans as (text, style letters) pairs: `b` bold, `i` italic, `c`
/// code, `l` linked.
fn styled(text: &str) -> Vec<(String, String)> {
    parse(text)
        .into_iter()
        .map(|span| {
            let flags = [
                (span.strong, 'b'),
                (span.emph, 'i'),
                (span.code, 'c'),
                (span.link.is_some(), 'l'),
            ];
            let style = flags.iter().filter(|(on, _)| *on).map(|(_, c)| *c);
            (span.text, style.collect())
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(text, style)| (text.to_string(), style.to_string()))
        .collect()
}

#[test]
fn styles_are_parsed() {
    let spans = parse("Cut **p99** by *half* with `tokio` ([post](https://x.dev))");
    let texts: Vec<_> = spans.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Cut ", "p99", " by ", "half", " with ", "tokio", " (", "post", ")"
        ]
    );
    assert!(spans[1].strong && spans[3].emph && spans[5].code);
    assert_eq!(spans[7].link.as_deref(), Some("https://x.dev"));
}

#[test]
fn block_syntax_is_text_and_newlines_stay() {
    for text in [
        "Shipped three things:\n- the ledger\n- the payouts",
        "Led:\n1. design\n2. build",
        "2019. Promoted",
        "# Heading\n> quote\n    indented\n\n+ plus\n***\n---\n===",
        "See ![d](https://x/d.png)",
        "<b>raw</b> &amp; &copy; <https://x.dev> trip_started and _not_ emphasis",
    ] {
        assert_eq!(plain_text(&parse(text)), text, "{text}");
    }
    // The strings every output format must print literally, shared with the
    // integration tests; here each is text to the inline markup, alone and
    // all on one line.
    let hostile = include_str!("../../../tests/fixtures/hostile_strings.txt");
    let one_line = hostile.lines().collect::<Vec<_>>().join(" ");
    for text in hostile.lines().chain([one_line.as_str()]) {
        assert_eq!(plain_text(&parse(text)), text, "{text}");
    }
    assert_eq!(
        styled("See ![d](https://x/d.png)"),
        pairs(&[("See ![d](https://x/d.png)", "")])
    );
}

#[test]
fn a_backslash_escapes_only_markup() {
    assert_eq!(
        plain_text(&parse(r"\d+\.\d+ \(x\) \n")),
        r"\d+\.\d+ \(x\) \n"
    );
    assert_eq!(
        plain_text(&parse(r"\*a\* \_b\_ \`c\` \[d\] \\")),
        r"*a* _b_ `c` [d] \"
    );
}

#[test]
fn emphasis_follows_delimiter_runs() {
    assert_eq!(styled("**Engineer **"), pairs(&[("**Engineer **", "")]));
    assert_eq!(styled("2 * 3 * 4"), pairs(&[("2 * 3 * 4", "")]));
    assert_eq!(styled("a*b*c"), pairs(&[("a", ""), ("b", "i"), ("c", "")]));
    assert_eq!(
        styled("***both** and italic*"),
        pairs(&[("both", "bi"), (" and italic", "i")])
    );
    assert_eq!(
        styled("*italic `code` italic*"),
        pairs(&[("italic ", "i"), ("code", "ic"), (" italic", "i")])
    );
    assert_eq!(styled("*foo**bar*"), pairs(&[("foo**bar", "i")]));
    assert_eq!(styled("**open"), pairs(&[("**open", "")]));
    assert_eq!(styled("***a**"), pairs(&[("*", ""), ("a", "b")]));
}

#[test]
fn code_spans_take_any_fence() {
    assert_eq!(styled("`` a`b ``"), pairs(&[("a`b", "c")]));
    assert_eq!(styled("` `` `"), pairs(&[("``", "c")]));
    assert_eq!(styled(r"`a\`"), pairs(&[(r"a\", "c")]));
    assert_eq!(styled("``open `"), pairs(&[("``open `", "")]));
    assert_eq!(styled("`*not*`"), pairs(&[("*not*", "c")]));
}

#[test]
fn links_need_a_safe_target() {
    assert_eq!(
        styled("[**x**](https://a.dev/(b)) [y](<https://c.dev/<z>>)"),
        pairs(&[("x", "bl"), (" [y](<https://c.dev/<z>>)", "")])
    );
    let spans = parse("[a](https://x/<y>)");
    assert_eq!(spans[0].link.as_deref(), Some("https://x/<y>"));
    let unsafe_link = parse("[x](javascript:alert(1))");
    assert_eq!(plain_text(&unsafe_link), "[x](javascript:alert(1))");
    assert!(unsafe_link.iter().all(|s| s.link.is_none()));
    assert_eq!(styled("[](https://x)"), pairs(&[("[](https://x)", "")]));
    assert_eq!(
        styled("[a [b](https://x) c](https://y)"),
        pairs(&[("a [b](https://x) c", "l")])
    );
}

#[test]
fn trailing_whitespace_is_dropped() {
    assert_eq!(plain_text(&parse("Shipped.\n")), "Shipped.");
}

#[test]
fn pathological_fields_parse_quickly() {
    // Each would be quadratic (or worse) with a naive scan.
    let fields = [
        "*a ".repeat(50_000),
        "**a* ".repeat(50_000),
        "[".repeat(100_000),
        "[a](".repeat(50_000),
        (1..500).map(|n| "`".repeat(n) + " ").collect(),
    ];
    for field in fields {
        let letters = |s: &str| s.matches('a').count();
        assert_eq!(letters(&plain_text(&parse(&field))), letters(&field));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn escape_makes_any_text_literal(
        text in "([-*_`\\[\\]()<>!\\\\ \n1.a]|[^\\p{C}]){0,40}",
    ) {
        let spans = parse(&escape(&text));
        prop_assert!(spans.iter().all(|s| !s.strong && !s.emph && !s.code && s.link.is_none()));
        prop_assert_eq!(plain_text(&spans), trim_blank_lines(&text));
    }

    #[test]
    fn parsing_keeps_the_text_in_order(text in "([*`\\[\\]()<>\\\\a \n]|https://x){0,40}") {
        let plain = plain_text(&parse(&text));
        let mut source = text.chars();
        prop_assert!(plain.chars().all(|c| source.any(|s| s == c)), "{:?} from {:?}", plain, text);
    }
}
