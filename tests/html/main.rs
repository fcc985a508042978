//! The HTML review page rendered in headless Chromium: the DOM after its
//! script ran must list the rules and the changed files, apply the rule
//! filter from the URL, show fixes with their invisible characters labelled,
//! contain no markup smuggled in through file names or text, and stay paged
//! for 10,000 files.
//!
//! Chromium is Debian's `chromium` package. Without it the tests print a
//! notice and pass, except under CI (`CI` set), where they fail.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let found = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(names.iter().map(PathBuf::from))
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is required under CI: apt-get install -y chromium"
        );
        eprintln!(
            "NOTICE: chromium not found (apt-get install chromium); HTML render test skipped"
        );
    }
    found
}

/// The DOM of `page` (with `fragment` appended to its URL) after load.
fn dump_dom(chromium: &Path, page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}{fragment}", page.display());
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("chromium did not finish rendering {url} in time");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let dom = reader.join().unwrap().unwrap();
    assert!(dom.contains("</html>"), "no DOM from chromium for {url}");
    dom
}

fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copyedit"))
        .arg("check")
        .args(args)
        .args(["--no-config", "--quiet"])
        .current_dir(dir)
        .output()
        .unwrap()
}

const HOSTILE: &str = "x<img src=y onerror=alert(1)>.txt";

fn fixtures(dir: &Path) {
    let files: &[(&str, &str)] = &[
        ("news/crlf.txt", "The talks  ended. \r\nNext\u{a0}line\r\n"),
        (
            "news/junk.txt",
            "zero\u{200b}width and soft\u{ad}hyphen.\n\n\n",
        ),
        ("news/clean.txt", "Nothing wrong.\n"),
        (
            HOSTILE,
            "Text  with </script><script>document.title='pwned'</script> inside.\n",
        ),
    ];
    for (name, text) in files {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
}

/// Count of `needle` in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn page_renders_rules_files_and_filters() {
    let Some(chromium) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    fixtures(tmp.path());
    let page = tmp.path().join("review.html");
    let json = check(
        tmp.path(),
        &["--format", "json", ".", "--html", "review.html"],
    );
    assert_eq!(json.status.code(), Some(1));
    let summary: serde_json::Value = serde_json::from_str(
        String::from_utf8(json.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap(),
    )
    .unwrap();
    let rules: Vec<&String> = summary["fixes_by_rule"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert!(rules.len() >= 5, "{summary}");

    let dom = dump_dom(&chromium, &page, "");
    for rule in &rules {
        assert!(
            dom.contains(&format!("data-rule=\"{rule}\"")),
            "summary lists {rule}"
        );
        assert!(
            dom.contains(&format!("<span class=\"chip\">{rule} ")),
            "a file lists {rule}"
        );
    }
    for file in ["./news/crlf.txt", "./news/junk.txt"] {
        assert!(
            dom.contains(&format!("<span class=\"path\">{file}</span>")),
            "{file}"
        );
    }
    assert!(
        !dom.contains("news/clean.txt"),
        "unchanged files are not listed"
    );
    assert!(dom.contains("3 of 3 changed files"));
    assert!(
        dom.contains("<span class=\"path\">./x&lt;img src=y onerror=alert(1)&gt;.txt</span>"),
        "the hostile name is shown as text"
    );
    assert!(!dom.contains("<img"), "no element from a file name");
    assert!(
        dom.contains("<title>copyedit review</title>"),
        "no script from file text ran"
    );

    // The rule filter, from the URL: only files with that rule remain.
    let dom = dump_dom(&chromium, &page, "#rule=invisible-characters");
    assert!(dom.contains("1 of 3 changed files with invisible-characters"));
    assert_eq!(count(&dom, "<details class=\"file\""), 1);
    assert!(dom.contains("./news/junk.txt"));

    // Opened files show each fix with changed characters marked and
    // invisible ones labelled.
    let dom = dump_dom(&chromium, &page, "#q=news&open");
    assert_eq!(count(&dom, "<details class=\"file\" open=\"\""), 2);
    assert!(dom.contains("<table class=\"fixes\">"));
    for (code, label) in [
        ("00A0", "NBSP"),
        ("200B", "ZWSP"),
        ("00AD", "SHY"),
        ("000A", "\u{21b5}"),
    ] {
        let mark = format!("<span class=\"mark\" title=\"U+{code}\">{label}</span>");
        assert!(dom.contains(&mark), "{mark} missing");
    }
    assert!(dom.contains("<del>") && dom.contains("<ins>"));
}

#[test]
fn ten_thousand_files_stay_paged() {
    let Some(chromium) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    for i in 0..10_000 {
        let dir = corpus.join(format!("d{:02}", i / 200));
        if i % 200 == 0 {
            fs::create_dir_all(&dir).unwrap();
        }
        fs::write(
            dir.join(format!("f{i:05}.txt")),
            format!("Article {i} has  two spaces and a trailing one. \n"),
        )
        .unwrap();
    }
    let out = check(
        tmp.path(),
        &["corpus", "--statistics", "--html", "big.html"],
    );
    assert_eq!(out.status.code(), Some(1));
    let page = tmp.path().join("big.html");
    let size = fs::metadata(&page).unwrap().len();
    assert!(size < 8 << 20, "page is {size} bytes");
    let dom = dump_dom(&chromium, &page, "");
    assert!(dom.contains("<b>10000</b> files checked"));
    assert!(dom.contains("10000 of 10000 changed files"));
    assert!(dom.contains("Page 1 of 200"));
    assert_eq!(
        count(&dom, "<details class=\"file\""),
        50,
        "one page of files"
    );
    let dom = dump_dom(&chromium, &page, "#q=d49/&page=4");
    assert!(dom.contains("200 of 10000 changed files"));
    assert!(dom.contains("Page 4 of 4"));
    assert!(dom.contains("corpus/d49/f09999.txt"));
}

/// A JSON Lines corpus gets a page of records, named PATH:LINE, listing the
/// first `--html-limit` changed ones and counting the rest.
#[test]
fn jsonl_records_page_lists_up_to_the_limit() {
    let Some(chromium) = chromium() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut corpus = String::new();
    for i in 1..=30 {
        corpus.push_str(&format!(
            "{{\"id\":{i},\"text\":\"Record {i} has  two spaces.\"}}\n"
        ));
    }
    corpus.push_str("not json\n");
    fs::write(tmp.path().join("c.jsonl"), corpus).unwrap();
    let out = check(
        tmp.path(),
        &[
            "--jsonl",
            "c.jsonl",
            "--on-error",
            "pass",
            "--statistics",
            "--html",
            "r.html",
            "--html-limit",
            "12",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let dom = dump_dom(&chromium, &tmp.path().join("r.html"), "");
    assert!(dom.contains("<b>30</b> records checked"));
    assert!(dom.contains("Listed here: the first 12 changed records of 30"));
    assert!(dom.contains("12 of 12 changed records"));
    assert!(dom.contains("<span class=\"path\">c.jsonl:12</span>"));
    assert!(!dom.contains("c.jsonl:13<"));
    assert!(dom.contains("<code>c.jsonl:31</code>: malformed JSON"));
}
