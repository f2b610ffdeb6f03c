//! The HTML report: content, escaping, and a real browser (headless Chromium) rendering it.

#[path = "support/scratch.rs"]
mod scratch;

use scratch::Scratch;
use srcgraph::export::html::{ReportOptions, escape_html, write_report};
use srcgraph::input::Document;
use srcgraph::outlets::Outlets;
use srcgraph::pipeline::Pipeline;
use srcgraph::render::Engine;
use std::path::{Path, PathBuf};
use std::process::Command;

fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    Document::from_text(
        format!("samples/{name}"),
        std::fs::read_to_string(path).expect("sample"),
    )
}

fn report_of(docs: &[Document], outlets: &Outlets, engine: Engine) -> String {
    let p = Pipeline {
        outlets,
        ..Pipeline::default()
    };
    let a = p.run(docs);
    let mut out = Vec::new();
    write_report(
        &mut out,
        docs,
        &a,
        &ReportOptions {
            engine,
            graphs: true,
        },
    )
    .expect("report");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn the_seed_report_highlights_claims_and_lists_findings() {
    let html = report_of(&[sample("seed.txt")], Outlets::builtin(), Engine::Builtin);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<table class=\"findings\">").count(), 1);
    assert!(
        html.contains("class=\"claim v-single-source\" id=\"a0-c1\""),
        "the JoongAng Ilbo claim"
    );
    assert_eq!(
        html.matches("class=\"claim v-self-referenced\" id=")
            .count(),
        3
    );
    assert!(
        html.contains("<a href=\"#a0-c6\">line 17:"),
        "findings link into the text"
    );
    assert!(html.contains("<mark class=\"cite\">(JoongAng Ilbo, April 22)</mark>"));
    assert!(
        html.contains("id=\"a0-c1-src\""),
        "a source card to show on click"
    );
    assert!(html.contains("<svg"), "the article's graph inline");
    assert!(
        !html.contains("<script"),
        "no script: works with JavaScript disabled"
    );
    assert!(
        !html.contains("<link") && !html.contains("src=\"http"),
        "self-contained"
    );
    assert!(
        !html.contains("id=\"summary\""),
        "no corpus summary for one article"
    );
    let two = report_of(
        &[sample("seed.txt"), sample("monitor-caspian.txt")],
        Outlets::builtin(),
        Engine::Builtin,
    );
    assert!(
        two.contains("id=\"summary\""),
        "corpus summary for several articles"
    );
}

#[test]
fn names_and_text_are_escaped() {
    assert_eq!(
        escape_html("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
    let mut outlets = Outlets::builtin().clone();
    outlets.extend(
        &Outlets::from_toml_str("[[outlet]]\nname = \"</script><script>alert(1)</script>\"\naliases = [\"Xss Daily\"]\n").expect("toml"),
    );
    let doc = Document::from_text(
        "x.txt",
        "Publication: Monitor Volume: 7 Issue: 79\n\nA <b>bold</b> & \"quoted\" claim (Xss Daily, April 2).\n",
    );
    let html = report_of(&[doc], &outlets, Engine::Builtin);
    assert!(!html.contains("<script>alert(1)"), "outlet name escaped");
    assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        html.contains("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; claim"),
        "article text escaped"
    );
}

/// An article whose neighbourhood is too large to draw gets a note with the command that draws it,
/// not a layout that would take minutes; a small one in the same report is still drawn.
#[test]
fn an_article_too_large_to_draw_gets_a_note() {
    use srcgraph::export::html::MAX_DRAWN_EDGES;
    // Each claim is two edges at least: article -> claim, claim -> Interfax.
    let many =
        "Officials said the talks stalled (Interfax, May 3). ".repeat(MAX_DRAWN_EDGES / 2 + 1);
    let big = Document::from_text(
        "it's big.txt",
        format!("Publication: Monitor Volume: 1 Issue: 1\n\n{many}\n"),
    );
    let html = report_of(
        &[big, sample("seed.txt")],
        Outlets::builtin(),
        Engine::Builtin,
    );
    assert!(
        html.contains("Not drawn: the article's neighbourhood has"),
        "no note"
    );
    assert!(html.contains(
        "srcgraph render --focus &#39;it&#39;\\&#39;&#39;s big.txt#1&#39; &#39;it&#39;\\&#39;&#39;s big.txt&#39; -o article.svg"
    ), "the command, shell-quoted and escaped");
    assert_eq!(html.matches("<svg").count(), 1, "the seed is still drawn");
}

fn chromium() -> Option<PathBuf> {
    for name in [
        "chromium",
        "chromium-browser",
        "chromium-headless-shell",
        "google-chrome",
    ] {
        if let Ok(o) = Command::new("which").arg(name).output()
            && o.status.success()
        {
            return Some(PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install Chromium (apt-get install chromium)"
    );
    eprintln!("notice: Chromium not found; skipping the browser test (apt-get install chromium)");
    None
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

#[test]
fn a_real_browser_renders_the_report() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = Scratch::new("browser");
    let html = report_of(&[sample("seed.txt")], Outlets::builtin(), Engine::Builtin);
    let page = dir.join("seed.html");
    std::fs::write(&page, html).expect("write");
    let url = format!("file://{}", page.display());
    let dom = headless(&browser, &dir.join("profile-dom"))
        .args(["--dump-dom", &url])
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.contains("class=\"claim v-single-source\""),
        "highlighted claims in the DOM"
    );
    assert!(
        dom.contains("<table class=\"findings\">"),
        "findings table in the DOM"
    );
    assert!(dom.contains("<svg"), "the graph in the DOM");
    let shot = dir.join("seed.png");
    let o = headless(&browser, &dir.join("profile-shot"))
        .args(["--window-size=1200,1600", "--hide-scrollbars"])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .expect("chromium runs");
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "screenshot taken: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The progress hook hears of every article once, whatever thread drew it, and the report
/// is the one `write_report` writes.
#[test]
fn the_progress_hook_counts_every_article_once() {
    use srcgraph::export::html::write_report_with_progress;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let docs = [
        sample("seed.txt"),
        sample("january-issue.txt"),
        sample("monitor-caspian.txt"),
    ];
    let a = Pipeline::default().run(&docs);
    assert!(a.articles.len() > 3, "{} articles", a.articles.len());
    let opts = ReportOptions {
        engine: Engine::Builtin,
        graphs: true,
    };
    let done = AtomicUsize::new(0);
    let mut with = Vec::new();
    write_report_with_progress(&mut with, &docs, &a, &opts, &|| {
        done.fetch_add(1, Ordering::Relaxed);
    })
    .expect("report");
    assert_eq!(done.load(Ordering::Relaxed), a.articles.len());
    let mut without = Vec::new();
    write_report(&mut without, &docs, &a, &opts).expect("report");
    assert_eq!(with, without);
}
