//! The HTML page in a real browser: headless Chromium prints it, dumps its DOM,
//! measures its layout and reports its console.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    chromium, console_errors, file_url, fixture, pdftotext, portfolio_facts, real_resume, resumec,
    squash,
};

/// Builds `yaml` as HTML into `dir/out` and returns the page's path.
fn build_html(yaml: &Path, dir: &Path) -> PathBuf {
    resumec(dir)
        .args([
            "build",
            yaml.to_str().unwrap(),
            "--format",
            "html",
            "--out",
            "out",
        ])
        .assert()
        .success();
    let stem = yaml.file_stem().unwrap().to_str().unwrap();
    let page = dir.join("out").join(format!("{stem}.html"));
    assert!(page.is_file(), "no {}", page.display());
    page
}

/// The DOM Chromium builds from `page`, serialized.
fn dump_dom(page: &Path) -> String {
    let url = file_url(page);
    let output = chromium(&["--virtual-time-budget=2000", "--dump-dom", &url]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8(output.stdout).unwrap();
    assert!(dom.contains("</html>"), "no DOM dumped for {url}: {dom}");
    dom
}

/// The text of the only `<script type="application/ld+json">` element.
fn json_ld(html: &str) -> serde_json::Value {
    const OPEN: &str = r#"<script type="application/ld+json">"#;
    let start = html.find(OPEN).expect("a JSON-LD block") + OPEN.len();
    let end = start
        + html[start..]
            .find("</script>")
            .expect("the JSON-LD block closes");
    serde_json::from_str(&html[start..end])
        .unwrap_or_else(|e| panic!("JSON-LD is not JSON ({e}): {}", &html[start..end]))
}

/// Case-insensitive count of `needle` in `haystack`.
fn count_ci(haystack: &str, needle: &str) -> usize {
    haystack
        .to_ascii_lowercase()
        .matches(&needle.to_ascii_lowercase())
        .count()
}

#[test]
fn printed_pdf_carries_every_fact_of_the_portfolio() {
    let dir = tempfile::tempdir().unwrap();
    let page = build_html(&real_resume(), dir.path());
    let pdf = dir.path().join("resume.pdf");
    let output = chromium(&[
        "--no-pdf-header-footer",
        &format!("--print-to-pdf={}", pdf.display()),
        &file_url(&page),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = fs::read(&pdf).expect("chromium wrote the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");

    let flat = squash(&pdftotext(&pdf));
    // Case-sensitive on purpose: the CSS uppercases only section titles
    // (`.section > h2`), and the facts are content, never titles.
    for fact in portfolio_facts() {
        assert!(
            flat.contains(&squash(&fact)),
            "missing from the printed page: {fact}\n\n{flat}"
        );
    }
}

#[test]
fn page_loads_no_external_resource() {
    for yaml in [real_resume(), fixture("hostile.yaml")] {
        let dir = tempfile::tempdir().unwrap();
        let html = fs::read_to_string(build_html(&yaml, dir.path())).unwrap();
        let lower = html.to_ascii_lowercase();
        for banned in [
            "src=", "srcset=", "<link", "@import", "<iframe", "<object", "<embed",
        ] {
            assert!(
                !lower.contains(banned),
                "{}: has `{banned}`",
                yaml.display()
            );
        }
        for (at, _) in lower.match_indices("url(") {
            let target = lower[at + 4..].trim_start_matches([' ', '"', '\'']);
            assert!(
                !target.starts_with("http") && !target.starts_with("//"),
                "{}: loads {}",
                yaml.display(),
                &html[at..(at + 80).min(html.len())]
            );
        }
        let mut links = 0;
        for (at, _) in lower.match_indices("href=") {
            links += 1;
            let value = lower[at + 5..].trim_start_matches(['"', '\'']);
            assert!(
                ["mailto:", "https:", "http:", "#"]
                    .iter()
                    .any(|scheme| value.starts_with(scheme)),
                "{}: href to {}",
                yaml.display(),
                &html[at..(at + 80).min(html.len())]
            );
        }
        assert!(
            links > 0,
            "{}: no links checked (the e-mail is one)",
            yaml.display()
        );
    }
}

#[test]
fn hostile_strings_stay_text_in_source_and_in_the_dom() {
    let dir = tempfile::tempdir().unwrap();
    let page = build_html(&fixture("hostile.yaml"), dir.path());
    let html = fs::read_to_string(&page).unwrap();

    assert!(
        !html.contains("<script>alert(1)</script>"),
        "live script in {html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert_eq!(count_ci(&html, "<img"), 0, "live image in {html}");
    assert!(
        html.contains("&lt;img src"),
        "the image tag is not shown as text: {html}"
    );
    assert_eq!(
        count_ci(&html, "href=\"javascript"),
        0,
        "javascript link in {html}"
    );
    assert_eq!(
        count_ci(&html, "href='javascript"),
        0,
        "javascript link in {html}"
    );
    assert!(html.contains("[click](javascript:alert(1))"), "{html}");
    assert_eq!(count_ci(&html, "<script"), 1, "{html}");
    assert_eq!(
        html.matches(r#"<script type="application/ld+json">"#)
            .count(),
        1,
        "the only script is not the JSON-LD one: {html}"
    );
    assert_eq!(
        html.matches("</body>").count(),
        1,
        "the company closed the body early"
    );

    // What the browser actually built: one script element (the JSON-LD), and
    // the hostile markup as text inside the body.
    let dom = dump_dom(&page);
    assert_eq!(count_ci(&dom, "<script"), 1, "{dom}");
    assert_eq!(count_ci(&dom, "<img"), 0, "{dom}");
    assert_eq!(count_ci(&dom, "href=\"javascript"), 0, "{dom}");
    let body = &dom[dom.find("<body").expect("a body")..];
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    assert!(body.contains("[click](javascript:alert(1))"), "{body}");
}

/// `scrollWidth`, `clientWidth` and `innerWidth` of the page's root when
/// it is shown `width` CSS pixels wide.
///
/// Headless Chromium will not make its window narrower than 500 px, so the
/// page is shown in an iframe of the given width inside a wider window. A
/// copy of the page (in the test's temp dir) gets a script that measures
/// its own document and posts the numbers to the wrapper, which writes them
/// into its title; `--dump-dom` then shows the title.
fn measure(page: &Path, width: u32) -> (u64, u64, u64) {
    let dir = page.parent().unwrap();
    let html = fs::read_to_string(page).unwrap();
    let body_end = html.rfind("</body>").expect("the page has a body");
    let probe = format!(
        "{}<script>parent.postMessage([document.documentElement.scrollWidth, \
         document.documentElement.clientWidth, window.innerWidth].join(\" \"), \"*\");\
         </script>\n{}",
        &html[..body_end],
        &html[body_end..]
    );
    let probe_path = dir.join(format!("probe-{width}.html"));
    fs::write(&probe_path, probe).unwrap();
    let wrapper = format!(
        "<!DOCTYPE html><html><head><title>pending</title>\
         <style>body{{margin:0}}iframe{{border:0;display:block}}</style></head><body>\
         <script>addEventListener(\"message\", e => {{ document.title = \"measured \" + e.data; }});\
         </script><iframe src=\"{}\" width=\"{width}\" height=\"1000\"></iframe></body></html>",
        probe_path.file_name().unwrap().to_str().unwrap()
    );
    let wrapper_path = dir.join(format!("wrapper-{width}.html"));
    fs::write(&wrapper_path, wrapper).unwrap();

    let url = file_url(&wrapper_path);
    let output = chromium(&[
        "--window-size=1400,1000",
        "--virtual-time-budget=2000",
        "--dump-dom",
        &url,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8(output.stdout).unwrap();
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|rest| rest.split("</title>").next())
        .unwrap_or_else(|| panic!("no title in {dom}"));
    let numbers: Vec<u64> = title
        .strip_prefix("measured ")
        .unwrap_or_else(|| panic!("the page was not measured: title `{title}`"))
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(numbers.len(), 3, "{title}");
    (numbers[0], numbers[1], numbers[2])
}

#[test]
fn no_horizontal_overflow_at_desktop_and_phone_widths() {
    // The real résumé, and one whose tagline is a single 300-letter word
    // that only `overflow-wrap` can fit into a phone's width.
    let long_word = "Supercalifragilistic".repeat(15);
    let real = fs::read_to_string(real_resume()).unwrap();
    const TAGLINE: &str =
        "tagline: Distributed systems, payments infrastructure, and financial platforms.";
    assert!(real.contains(TAGLINE), "resume.yaml's tagline changed");
    let long = real.replace(TAGLINE, &format!("tagline: {long_word}"));

    let dir = tempfile::tempdir().unwrap();
    let long_yaml = dir.path().join("long.yaml");
    fs::write(&long_yaml, long).unwrap();
    for yaml in [real_resume(), long_yaml] {
        let build = tempfile::tempdir().unwrap();
        let page = build_html(&yaml, build.path());
        if yaml.ends_with("long.yaml") {
            assert!(fs::read_to_string(&page).unwrap().contains(&long_word));
        }
        for width in [1280, 375] {
            let (scroll, client, inner) = measure(&page, width);
            println!(
                "{} at {width}px: scrollWidth {scroll}, clientWidth {client}, innerWidth {inner}",
                yaml.file_name().unwrap().to_str().unwrap()
            );
            assert_eq!(
                inner,
                u64::from(width),
                "the viewport is not {width}px wide"
            );
            assert!(
                scroll <= client && client <= inner,
                "{} overflows at {width}px: scrollWidth {scroll} > clientWidth {client} \
                 (innerWidth {inner})",
                yaml.display()
            );
        }
    }
}

#[test]
fn page_logs_nothing_to_the_console() {
    // The check itself: a page that does log is caught.
    let dir = tempfile::tempdir().unwrap();
    let noisy = dir.path().join("noisy.html");
    fs::write(
        &noisy,
        "<!DOCTYPE html><html><head><title>noisy</title></head><body>\
         <script>console.error(\"boom\"); missing();</script></body></html>",
    )
    .unwrap();
    let caught = console_errors(&file_url(&noisy));
    assert!(
        caught.iter().any(|line| line.contains("boom")),
        "{caught:?}"
    );
    assert!(
        caught.iter().any(|line| line.contains("Uncaught")),
        "{caught:?}"
    );

    for yaml in [real_resume(), fixture("hostile.yaml")] {
        let build = tempfile::tempdir().unwrap();
        let page = build_html(&yaml, build.path());
        let errors = console_errors(&file_url(&page));
        assert!(errors.is_empty(), "{}: {errors:#?}", yaml.display());
    }
}

#[test]
fn json_ld_is_a_schema_org_person() {
    let text = fs::read_to_string(real_resume()).unwrap();
    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let hostile: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(fixture("hostile.yaml")).unwrap()).unwrap();
    for (path, source) in [(real_resume(), yaml), (fixture("hostile.yaml"), hostile)] {
        let dir = tempfile::tempdir().unwrap();
        let html = fs::read_to_string(build_html(&path, dir.path())).unwrap();
        let person = json_ld(&html);
        assert_eq!(person["@context"], "https://schema.org", "{person}");
        assert_eq!(person["@type"], "Person", "{person}");
        let name = source["basics"]["name"].as_str().unwrap();
        // The hostile name holds `<script>`: it survives the `\u003c` escaping.
        assert_eq!(person["name"], name, "{person}");
    }
}
