//! The library's judging protocol (`srcgraph::judge`): a file judged in two passes gives
//! the verdicts of one graph of the whole file, a reader judged in one pass gives them too
//! when nothing comes late, and problems of the input are errors that name it.

mod support {
    pub(crate) mod scratch;
}

use srcgraph::analyze::Verdict;
use srcgraph::input::Document;
use srcgraph::judge::{ChunkSource, JudgeError, Pass, ReaderSource, judge_file, judge_reader};
use srcgraph::pipeline::Pipeline;
use std::path::Path;
use support::scratch::Scratch;

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// (line, verdict) of every claim of the whole document, analysed in one graph.
fn whole(path: &Path) -> Vec<(usize, Verdict)> {
    let text = std::fs::read_to_string(path).expect("sample");
    let doc = Document::from_text(path.display().to_string(), text).read_as(
        srcgraph::markup::InputFormat::for_path(&path.display().to_string()),
    );
    let analysis = Pipeline::default().run(&[doc]);
    analysis
        .report
        .claims
        .iter()
        .map(|c| (c.line, c.corroboration.verdict))
        .collect()
}

#[test]
fn a_file_judged_in_two_passes_gets_the_verdicts_of_the_whole_file() {
    for name in [
        "seed.txt",
        "monitor-caspian.txt",
        "markdown-item.md",
        "html-page.html",
    ] {
        let path = sample(name);
        let mut got = Vec::new();
        judge_file(&Pipeline::default(), &path, |_, report| {
            got.extend(
                report
                    .claims
                    .iter()
                    .map(|c| (c.line, c.corroboration.verdict)),
            );
            Ok(())
        })
        .expect("judged");
        assert!(!got.is_empty(), "{name}: no claims");
        assert_eq!(got, whole(&path), "{name}");
    }
}

#[test]
fn a_reader_judged_in_one_pass_matches_when_nothing_comes_late() {
    let path = sample("seed.txt");
    let bytes = std::fs::read(&path).expect("seed");
    let mut got = Vec::new();
    let caveats = judge_reader(&Pipeline::default(), "seed.txt", &bytes[..], 500, |_, r| {
        got.extend(r.claims.iter().map(|c| (c.line, c.corroboration.verdict)));
        Ok(())
    })
    .expect("judged");
    assert!(caveats.is_empty());
    assert_eq!(got, whole(&path));
}

#[test]
fn problems_of_the_input_are_errors_that_name_it() {
    let dir = Scratch::new("judge");
    let missing = dir.join("missing.txt");
    let e = judge_file(&Pipeline::default(), &missing, |_, _| Ok(())).expect_err("missing");
    assert!(matches!(e, JudgeError::Input { .. }), "{e:?}");
    assert!(e.to_string().contains("missing.txt"), "{e}");

    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"Some text\0more").expect("write");
    let e = judge_file(&Pipeline::default(), &binary, |_, _| Ok(())).expect_err("binary");
    assert!(e.to_string().contains("binary data"), "{e}");

    // A consumer's error stops the reading and comes back as it was.
    let e = judge_file(&Pipeline::default(), sample("seed.txt"), |_, _| {
        Err(std::io::Error::other("disk full").into())
    })
    .expect_err("consumer");
    assert!(
        matches!(e, JudgeError::Output(_)) && e.to_string() == "disk full",
        "{e}"
    );
}

#[test]
fn a_reader_cannot_be_read_twice() {
    let mut src = ReaderSource::new("pipe.txt", &b"A claim (AFP, May 2).\n"[..]);
    let mut chunks = 0;
    assert!(
        src.each_chunk(Pass::Once, &mut |_| {
            chunks += 1;
            Ok(())
        })
        .expect("first reading")
    );
    assert_eq!(chunks, 1);
    let e = src
        .each_chunk(Pass::Judge, &mut |_| Ok(()))
        .expect_err("second reading");
    assert!(matches!(e, JudgeError::ReadTwice { .. }), "{e:?}");
}

#[test]
fn invalid_utf8_is_a_warning_kept_once() {
    let mut src = ReaderSource::new("latin1.txt", &b"Caf\xe9 talks (AFP, May 2).\n"[..]);
    src.each_chunk(Pass::Once, &mut |_| Ok(())).expect("read");
    assert_eq!(src.warnings().len(), 1);
}

/// The verdict of the first claim of `text`, analysed whole.
fn first_verdict(text: &str) -> Verdict {
    let analysis = Pipeline::default().run(&[Document::from_text("case.txt", text)]);
    let claim = &analysis.report.claims[0];
    eprintln!("{:?}", claim.corroboration);
    claim.corroboration.verdict
}

/// An organisation's website named in the prose and cited by its address is one outlet:
/// the claim rests on one source, not two.
#[test]
fn a_website_named_in_the_prose_is_the_address_cited() {
    let text = "Deliveries stopped on Friday. According to a statement posted on the Gasco \
        website, the talks failed because of unpaid bills (www.gasco.ua, May 2, 2009).\n";
    assert_eq!(first_verdict(text), Verdict::SingleSource);
}

/// The publication itself named in the prose ("told China Brief", "told the author") is its
/// own reporting: no outlet of the claim, so one cited outlet stays a single source.
#[test]
fn the_publication_told_is_no_outlet_of_the_claim() {
    let text = "Publication: China Brief Volume: 10 Issue: 12\n\nA researcher at a Beijing \
        institute told China Brief that the talks had stalled (Global Times, May 20).\n";
    assert_eq!(first_verdict(text), Verdict::SingleSource);
}
