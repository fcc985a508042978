//! Token classification shared by the spacing and paragraph rules: which
//! stretches of text look like prose, and which are numbers, addresses, file
//! names, code, identifiers, handles or emoticons whose punctuation is not
//! sentence punctuation and must keep its spacing.
//!
//! Everything here works on a whitespace-delimited token (the run of
//! non-space characters around a position), because that is how the damage
//! shows up: `peace,reiterating` is one token to split, `example.co.uk` is one
//! token to leave alone.

mod quotes;

pub(crate) use quotes::{straight_quote_closes, straight_quote_reading};

/// Opening quotes and brackets that may stand between punctuation and the
/// next word (`said: “We`).
pub(crate) const OPENERS: &[char] = &['"', '\'', '\u{201C}', '\u{2018}', '(', '['];

/// Closing quotes and brackets that belong to the punctuation before them
/// (`peace,” Putin`).
pub(crate) const CLOSERS: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', ')', ']'];

/// How far token and quote scans look from a position, in bytes. Real
/// tokens (even long URLs) and quotations are far shorter; the bound keeps
/// every rule linear in the input on pathological text such as a megabyte
/// of `a,a,a,…` with no space, where each comma would otherwise rescan the
/// whole run.
pub(crate) const SCAN_LIMIT: usize = 1024;

/// The longest whitespace-free run, in bytes, that the spacing and
/// sentence-glue rules read as prose. Glued prose is a few words
/// (`peace,reiterating`, `robust,verifiable,and`, `quickly.The`: the longest
/// run with a fix in 16 MB of dirtied news is 28 bytes); a longer run is data
/// (tag lists, identifiers, encoded blobs) or text that lost every space.
/// Each mark judged costs a scan of its run, so the limit also bounds the
/// cost per byte of a line of glued marks.
pub(crate) const PROSE_TOKEN_LIMIT: usize = 128;

/// True when the whitespace-delimited token holding the non-whitespace
/// byte `pos` is longer than `limit` bytes. Reads at most `limit` bytes
/// and a character.
pub(crate) fn token_longer_than(text: &str, pos: usize, limit: usize) -> bool {
    let mut start = pos;
    for (i, c) in text[..pos].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        start = i;
        if pos - start > limit {
            return true;
        }
    }
    for (i, c) in text[pos..].char_indices() {
        if c.is_whitespace() {
            break;
        }
        if pos + i + c.len_utf8() - start > limit {
            return true;
        }
    }
    false
}

/// The whole whitespace-delimited token holding the non-whitespace byte
/// `pos`, however long (no [`SCAN_LIMIT`]): for callers that measure a run
/// once for all the positions in it.
pub(crate) fn token_bounds(text: &str, pos: usize) -> std::ops::Range<usize> {
    let start = text[..pos]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[pos..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| pos + i);
    start..end
}

/// `pos - SCAN_LIMIT`, or 0, moved forward to a char boundary.
pub(crate) fn scan_floor(text: &str, pos: usize) -> usize {
    let mut f = pos.saturating_sub(SCAN_LIMIT);
    while !text.is_char_boundary(f) {
        f += 1;
    }
    f
}

/// The offsets in `bytes` of any of `marks` (one to six bytes), in order,
/// found with `memchr`: lines are mostly letters and spaces, and testing
/// each byte costs more than the vectorised search.
pub(crate) fn find_bytes<'a>(bytes: &'a [u8], marks: &[u8]) -> FindBytes<'a> {
    assert!((1..=6).contains(&marks.len()), "one to six marks");
    let three = |m: &[u8]| {
        let at = |i: usize| m.get(i).copied().unwrap_or(m[0]);
        memchr::memchr3_iter(at(0), at(1), at(2), bytes).peekable()
    };
    let (first, second) = marks.split_at(marks.len().min(3));
    FindBytes {
        first: three(first),
        second: (!second.is_empty()).then(|| three(second)),
    }
}

/// The iterator of [`find_bytes`]: two searches of up to three bytes each,
/// merged in order.
pub(crate) struct FindBytes<'a> {
    first: std::iter::Peekable<memchr::Memchr3<'a>>,
    second: Option<std::iter::Peekable<memchr::Memchr3<'a>>>,
}

impl Iterator for FindBytes<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let Some(second) = &mut self.second else {
            return self.first.next();
        };
        match (self.first.peek(), second.peek()) {
            (Some(a), Some(b)) if b < a => second.next(),
            (Some(_), _) => self.first.next(),
            (None, _) => second.next(),
        }
    }
}

/// The first `n` bytes of `s` at most, cut back to a char boundary.
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `pos + SCAN_LIMIT`, or the end, moved back to a char boundary.
fn scan_ceiling(text: &str, pos: usize) -> usize {
    let mut c = (pos + SCAN_LIMIT).min(text.len());
    while !text.is_char_boundary(c) {
        c -= 1;
    }
    c
}

/// The document around `tok` (a slice of it) where rules look up how the
/// document spells things: the whole of any article, a bounded neighbourhood of a huge document,
/// so that each glue costs a bounded scan and the rule stays linear.
pub(crate) fn evidence_window<'a>(text: &'a str, tok: &str) -> &'a str {
    const REACH: usize = 32 * 1024;
    let at = (tok.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if at > text.len() {
        return text;
    }
    let mut start = at.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (at + REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

/// Byte offset where the whitespace-delimited token holding `pos` starts
/// (looking back at most [`SCAN_LIMIT`] bytes).
pub(crate) fn token_start(text: &str, pos: usize) -> usize {
    let floor = scan_floor(text, pos);
    text[floor..pos]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
}

/// Byte offset where the whitespace-delimited token holding `pos` ends
/// (looking ahead at most [`SCAN_LIMIT`] bytes).
pub(crate) fn token_end(text: &str, pos: usize) -> usize {
    let ceiling = scan_ceiling(text, pos);
    text[pos..ceiling]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(ceiling, |(i, _)| pos + i)
}

pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Han, kana, Hangul and full-width forms: scripts whose punctuation spacing
/// follows other conventions (no space after `，` or after a comma between
/// ideographs).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FFFF)
}

/// Top-level domains and file extensions that also end ordinary tokens:
/// after a period, these are more likely part of a name than a new sentence.
const TLDS_AND_EXTENSIONS: &[&str] = &[
    // generic and common country domains
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "co", "uk", "us",
    "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "ru", "cn", "jp",
    "kr", "in", "au", "nz", "ca", "br", "mx", "ar", "za", "ie", "eu", "tv", "me", "ly", "gg",
    "dev", "app", "xyz", "online", "site", "tech", "news", "blog", "ac", "gov", "pt", "gr", "cz",
    "hu", "ro", "ua", "tr", "il", "sg", "hk", "tw", // file extensions
    "txt", "md", "csv", "tsv", "json", "yaml", "yml", "toml", "xml", "html", "htm", "css", "js",
    "ts", "jsx", "tsx", "py", "rs", "go", "rb", "java", "kt", "c", "h", "cpp", "hpp", "cs", "sh",
    "bat", "ps1", "exe", "dll", "so", "dylib", "jar", "zip", "gz", "tar", "bz2", "xz", "7z", "rar",
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "rtf", "png", "jpg", "jpeg", "gif",
    "svg", "webp", "bmp", "tif", "tiff", "mp3", "mp4", "wav", "flac", "ogg", "avi", "mov", "mkv",
    "iso", "img", "dmg", "apk", "deb", "rpm", "log", "ini", "cfg", "conf", "lock", "sql", "db",
    "php", "asp", "aspx", "jsp", "swift", "lua", "pl", "r", "m", "ipynb", "wasm", "bin", "dat",
    "bak", "tmp", "env",
];

/// True when `word` (compared case-insensitively) is a common domain ending
/// or file extension.
pub(crate) fn is_tld_or_extension(word: &str) -> bool {
    word.len() <= 6
        && TLDS_AND_EXTENSIONS
            .iter()
            .any(|t| t.eq_ignore_ascii_case(word))
}

/// Prefixes of identifiers and URI schemes whose colon takes no space
/// (`doi:10.1000/182`, `arXiv:2101.00001`, `mailto:someone`).
const SCHEMES: &[&str] = &[
    "http",
    "https",
    "ftp",
    "ftps",
    "sftp",
    "mailto",
    "urn",
    "javascript",
    "git",
    "ssh",
    "irc",
    "sip",
    "xmpp",
    "magnet",
    "doi",
    "arxiv",
    "isbn",
    "issn",
    "pmid",
    "pmcid",
    "hdl",
    "orcid",
    "ws",
    "wss",
    "s3",
    "gs",
];

/// True when `word` (the letters right before a colon) names a URI scheme or
/// an identifier prefix.
pub(crate) fn is_scheme(word: &str) -> bool {
    SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// `needle` occurs in `token`: a byte loop over a short token, where
/// `str::contains` with a string pattern sets up a substring searcher on
/// every call (several times the cost for the tokens of a word scan).
#[inline]
pub(crate) fn contains_seq(token: &str, needle: &str) -> bool {
    let (t, n) = (token.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    t.iter()
        .enumerate()
        .any(|(i, &b)| b == first && t[i + 1..].starts_with(rest))
}

/// True for tokens that are addresses or identifiers rather than prose: URLs,
/// e-mail addresses, `@handles`, `#hashtags`, `www.` hosts, and
/// `scheme:value` identifiers.
pub(crate) fn is_address(token: &str) -> bool {
    let t = token.trim_start_matches(OPENERS);
    if contains_seq(t, "://") || t.starts_with('@') || t.starts_with('#') {
        return true;
    }
    if t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
        return true;
    }
    if let Some(at) = t.find('@') {
        // local@domain.tld
        if at > 0 && t[at + 1..].contains('.') {
            return true;
        }
    }
    if let Some(colon) = t.find(':') {
        let scheme = &t[..colon];
        if !scheme.is_empty()
            && is_scheme(scheme)
            && t[colon + 1..].starts_with(|c: char| !c.is_whitespace())
        {
            return true;
        }
    }
    false
}

/// True for tokens that read as code or command lines: calls and indexing
/// (`foo.bar()`, `a[0]`), assignments and comparisons (`timeout=30`), paths
/// (`./run.sh`, `C:\x`), namespaces (`std::io`), options (`--verbose`),
/// snake_case, HTML entities (`&amp;`) and markup.
pub(crate) fn is_code_like(token: &str) -> bool {
    const QUOTES: &[char] = &['"', '\'', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}'];
    let t = token
        .trim_start_matches(QUOTES)
        .trim_end_matches(|c: char| QUOTES.contains(&c) || matches!(c, ',' | '.' | ';' | ':'));
    // Prose brackets wrap the token: `(see`, `this)`, `(sic)`.
    let t = t.strip_prefix(['(', '[']).unwrap_or(t);
    let t = if t.contains(['(', '[']) {
        t
    } else {
        t.trim_end_matches([')', ']', ',', '.', ';', ':'])
    };
    if t.starts_with("--") || t.starts_with("./") || t.starts_with("~/") {
        return true;
    }
    if contains_seq(t, "::") || contains_seq(t, "->") || contains_seq(t, "=>") {
        return true;
    }
    if t.chars()
        .any(|c| matches!(c, '{' | '}' | '=' | '<' | '>' | '\\' | '|' | '_' | '`'))
    {
        return true;
    }
    // Calls and indexing: a bracket glued to the name before it (`foo(`, `a[0]`).
    let b = t.as_bytes();
    if b.windows(2)
        .any(|w| (w[0].is_ascii_alphanumeric() || w[0] == b'.') && matches!(w[1], b'(' | b'['))
    {
        return true;
    }
    // Paths: `docs/index.html`.
    if let Some((_, file)) = t.rsplit_once('/')
        && is_domain_or_file(file)
    {
        return true;
    }
    if let Some(amp) = t.find('&')
        && t[amp..].contains(';')
    {
        return true;
    }
    false
}

/// True when `token` is a host or file name: dot-separated labels of
/// letters, digits and hyphens whose last label is a domain ending or file
/// extension (`example.co.uk`, `config.yaml`, `Node.js`).
pub(crate) fn is_domain_or_file(token: &str) -> bool {
    let t = token.trim_matches(|c: char| {
        OPENERS.contains(&c) || CLOSERS.contains(&c) || matches!(c, ',' | ';' | ':' | '!' | '?')
    });
    let t = t.strip_suffix('.').unwrap_or(t);
    let Some((_, last)) = t.rsplit_once('.') else {
        return false;
    };
    // The cheap tests first: the ending's list is searched last.
    last.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && t.split('.').all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
        && is_tld_or_extension(last)
}

/// True when the colon at `pos` starts an emoticon (`:)`, `:-D`, `;P`).
pub(crate) fn is_emoticon_at(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let mut chars = rest.chars();
    let Some(eyes) = chars.next() else {
        return false;
    };
    if !matches!(eyes, ':' | ';' | '=' | '8') {
        return false;
    }
    let mut mouth = chars.next();
    if matches!(mouth, Some('-' | '\'' | '^' | 'o')) && rest.len() > 2 {
        let after = chars.clone().next();
        if after.is_some_and(|c| "()DPpOo3/\\|[]*$@".contains(c)) {
            mouth = after;
            chars.next();
        }
    }
    let Some(m) = mouth else {
        return false;
    };
    if !"()DPpOoSs3/\\|[]*$@xX".contains(m) {
        return false;
    }
    // The mouth must end the token: `:Deal` is a word, `:D` a face.
    chars.next().is_none_or(|c| !c.is_alphanumeric())
}

/// The run of letters (with inner apostrophes) starting at `start`.
pub(crate) fn word_at(text: &str, start: usize) -> &str {
    let end = text[start..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}'))
        .map_or(text.len(), |(i, _)| start + i);
    text[start..end].trim_end_matches(['\'', '\u{2019}'])
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The byte loop answers as `str::contains` does.
        #[test]
        fn contains_seq_is_str_contains(t in "[:/a-z>=\\-]{0,12}", n in "[:/a>=-]{0,3}") {
            prop_assert_eq!(super::contains_seq(&t, &n), t.contains(n.as_str()));
        }
    }

    #[test]
    fn find_bytes_in_order() {
        let line = b"a,b;c.d!e?f:g,,h";
        for marks in [&b","[..], b",;", b".!?", b",;:.!?", b";:.!?"] {
            let expected: Vec<usize> = (0..line.len())
                .filter(|&i| marks.contains(&line[i]))
                .collect();
            assert_eq!(
                super::find_bytes(line, marks).collect::<Vec<_>>(),
                expected,
                "{marks:?}"
            );
        }
        assert_eq!(super::find_bytes(b"", b",").count(), 0);
    }

    use super::*;

    #[test]
    fn tokens() {
        let t = "said peace,reiterating his";
        let token_at = |p| &t[token_start(t, p)..token_end(t, p)];
        assert_eq!(token_at(12), "peace,reiterating");
        assert_eq!(token_at(0), "said");
        assert_eq!(token_at(t.len()), "his");
    }

    #[test]
    fn token_length_limit() {
        let t = "said peace,reiterating his";
        assert!(!token_longer_than(t, 10, 17));
        assert!(token_longer_than(t, 10, 16));
        // From either end of the token, and across multibyte characters.
        let t = "a ééé,é b";
        assert!(!token_longer_than(t, 2, 9));
        assert!(token_longer_than(t, 2, 8));
        assert!(!token_longer_than(t, 8, 9));
        assert!(token_longer_than(t, 8, 8));
        // Unicode whitespace ends a token as a space does.
        assert!(!token_longer_than("x,y\u{a0}zzzzzz", 1, 3));
    }

    proptest! {
        /// The bounded scan answers as measuring the whole token does.
        #[test]
        fn token_longer_than_is_token_length(
            t in "[a,. \u{a0}é]{1,40}",
            at in 0usize..40,
            limit in 0usize..30,
        ) {
            let mut p = at % t.len();
            while !t.is_char_boundary(p) {
                p -= 1;
            }
            prop_assume!(!t[p..].starts_with(char::is_whitespace));
            let start = t[..p].rfind(char::is_whitespace).map_or(0, |i| {
                i + t[i..].chars().next().unwrap().len_utf8()
            });
            let end = t[p..].find(char::is_whitespace).map_or(t.len(), |i| p + i);
            prop_assert_eq!(token_longer_than(&t, p, limit), end - start > limit);
            prop_assert_eq!(token_bounds(&t, p), start..end);
        }
    }

    #[test]
    fn addresses() {
        for t in [
            "https://example.com/a,b",
            "www.example.com",
            "someone@example.org",
            "@handle",
            "#hashtag",
            "doi:10.1000/182",
            "arXiv:2101.00001",
            "mailto:x",
        ] {
            assert!(is_address(t), "{t}");
        }
        for t in ["peace,reiterating", "Note:this", "ended.Negotiators"] {
            assert!(!is_address(t), "{t}");
        }
    }

    #[test]
    fn code() {
        for t in [
            "foo.bar()",
            "--verbose",
            "timeout=30",
            "std::vec",
            "./validate.sh",
            "a_b.c",
            "&amp;x",
            "docs/index.html",
        ] {
            assert!(is_code_like(t), "{t}");
        }
        for t in [
            "peace,reiterating",
            "and/or",
            "U.S.",
            "robust,verifiable,and",
        ] {
            assert!(!is_code_like(t), "{t}");
        }
    }

    #[test]
    fn domains_and_files() {
        for t in [
            "example.co.uk",
            "config.yaml",
            "Node.js",
            "Amazon.com,",
            "report.pdf.",
        ] {
            assert!(is_domain_or_file(t), "{t}");
        }
        for t in ["ended.Negotiators", "sunday.the", "U.S", "2.5"] {
            assert!(!is_domain_or_file(t), "{t}");
        }
    }

    #[test]
    fn emoticons() {
        for t in [":)", ":D", ":-P", ";)", ":p!"] {
            assert!(is_emoticon_at(t, 0), "{t}");
        }
        for t in [":Deal", ":the", ":A new"] {
            assert!(!is_emoticon_at(t, 0), "{t}");
        }
    }

    #[test]
    fn cjk() {
        assert!(is_cjk('中') && is_cjk('，') && is_cjk('か') && is_cjk('한'));
        assert!(!is_cjk('a') && !is_cjk('é') && !is_cjk('«'));
    }
}
