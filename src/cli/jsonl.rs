//! JSON Lines records: find the text field of one record, fix it, and splice
//! the re-encoded string back into the original line, escaped in the style
//! the original value was ([`Escapes`]).
//!
//! Only the bytes of the named field's value change: every other key keeps
//! its order, spacing and escapes, because the line is never re-serialized.
//! The line is still parsed whole (other values are skipped, not built), so a
//! malformed line is reported rather than passed on half-understood.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use copyedit::{Outcome, Pipeline};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A field path such as `text` or `doc.body`.
#[derive(Debug, Clone)]
pub struct FieldPath(Vec<String>);

impl FieldPath {
    pub fn parse(s: &str) -> Result<Self, String> {
        let parts: Vec<String> = s.split('.').map(str::to_string).collect();
        if parts.iter().any(String::is_empty) {
            return Err(format!(
                "invalid field path {s:?}: use key names separated by dots, e.g. doc.body"
            ));
        }
        Ok(FieldPath(parts))
    }
}

impl FieldPath {
    /// The same field, or one inside the other (`doc` and `doc.body`).
    pub fn overlaps(&self, other: &FieldPath) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a == b)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("."))
    }
}

/// Why one record could not be processed.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("malformed JSON: {0}")]
    Malformed(String),
    #[error("not a JSON object")]
    NotObject,
    #[error("no field {0:?}")]
    Missing(String),
    #[error("field {0:?} appears twice")]
    Duplicate(String),
    #[error("field {field:?} is {kind}, not a string")]
    NotString { field: String, kind: &'static str },
    #[error("{0}")]
    Fix(copyedit::Error),
}

/// The field's value in one line: its byte range (quotes included) and the
/// decoded string.
pub struct Located<'a> {
    pub range: Range<usize>,
    pub text: Cow<'a, str>,
}

/// Locate `path` in `line` (one record, without its line terminator).
pub fn locate<'a>(line: &'a [u8], path: &FieldPath) -> Result<Located<'a>, RecordError> {
    let mut base = 0usize;
    let mut slice = line;
    let mut raw: &RawValue;
    let mut level = 0;
    loop {
        let key = &path.0[level];
        let mut de = serde_json::Deserializer::from_slice(slice);
        let found = FindKey { key }
            .deserialize(&mut de)
            .and_then(|f| de.end().map(|_| f))
            .map_err(|e| classify(e, level == 0))?;
        raw = match found {
            Found::Value(v) => v,
            Found::Absent => return Err(RecordError::Missing(path.to_string())),
            Found::Twice => return Err(RecordError::Duplicate(path.0[..=level].join("."))),
        };
        let start = raw.get().as_ptr() as usize - slice.as_ptr() as usize;
        base += start;
        slice = raw.get().as_bytes();
        level += 1;
        if level == path.0.len() {
            break;
        }
        if slice.first() != Some(&b'{') {
            return Err(RecordError::NotString {
                field: path.0[..level].join("."),
                kind: kind(slice),
            });
        }
    }
    let s = raw.get();
    if !s.starts_with('"') {
        return Err(RecordError::NotString {
            field: path.to_string(),
            kind: kind(s.as_bytes()),
        });
    }
    let text = if memchr::memchr(b'\\', s.as_bytes()).is_none() {
        Cow::Borrowed(&s[1..s.len() - 1])
    } else {
        Cow::Owned(
            serde_json::from_str::<String>(s).map_err(|e| RecordError::Malformed(e.to_string()))?,
        )
    };
    Ok(Located {
        range: base..base + s.len(),
        text,
    })
}

fn classify(e: serde_json::Error, top: bool) -> RecordError {
    // A type error at the top level means valid JSON that is not an object.
    if top && e.classify() == serde_json::error::Category::Data {
        RecordError::NotObject
    } else {
        RecordError::Malformed(e.to_string())
    }
}

fn kind(raw: &[u8]) -> &'static str {
    match raw.first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

enum Found<'de> {
    Value(&'de RawValue),
    Absent,
    Twice,
}

/// Walks one JSON object, keeping the raw value of `key` and skipping the
/// rest without building it.
struct FindKey<'k> {
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for FindKey<'_> {
    type Value = Found<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Found<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FindKey<'_> {
    type Value = Found<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found<'de>, A::Error> {
        let mut found = Found::Absent;
        while let Some(is_key) = map.next_key_seed(KeyIs(self.key))? {
            if !is_key {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let v: &'de RawValue = map.next_value()?;
            found = match found {
                Found::Absent => Found::Value(v),
                _ => Found::Twice,
            };
        }
        Ok(found)
    }
}

/// Compares an object key with the wanted one without allocating (keys
/// without escapes are borrowed from the line).
struct KeyIs<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == self.0)
    }
}

/// Fix the text of one field. A record's text usually has no final line
/// break, so one is added for the rules and taken off again: otherwise every
/// record would gain a "\n" from the end-of-text rule.
pub fn fix_text(pipeline: &Pipeline, text: &str) -> Result<Outcome, copyedit::Error> {
    if text.is_empty() || text.ends_with('\n') || text.ends_with('\r') {
        return pipeline.run(text);
    }
    let mut owned = String::with_capacity(text.len() + 1);
    owned.push_str(text);
    owned.push('\n');
    let mut outcome = pipeline.run(&owned)?;
    if outcome.fixed.ends_with('\n') {
        outcome.fixed.pop();
        if outcome.fixed.ends_with('\r') {
            outcome.fixed.pop();
        }
    }
    // A fix that only touched the added line break is not a fix of the text.
    outcome.fixes.retain(|f| f.range.start < text.len());
    for f in &mut outcome.fixes {
        f.range.end = f.range.end.min(text.len());
    }
    Ok(outcome)
}

/// Write `line` with each located field (ranges in order, apart) replaced
/// by its fixed text, JSON-encoded the way the original value was (see
/// [`Escapes`]).
pub fn splice(line: &[u8], fields: &[(&Range<usize>, &str)], out: &mut Vec<u8>) {
    let mut at = 0;
    for (range, fixed) in fields {
        out.extend_from_slice(&line[at..range.start]);
        write_json_string(fixed, Escapes::of(&line[(*range).clone()]), out);
        at = range.end;
    }
    out.extend_from_slice(&line[at..]);
}

/// The escapes JSON leaves to the writer, as the original value used them:
/// non-ASCII characters as `\uXXXX` (Python's `json.dumps`, pandas and PHP
/// by default) and `/` as `\/` (PHP). The fixed value is written the same
/// way, so a corpus keeps one style and a diff of a record shows the fixes,
/// not a change of encoding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Escapes {
    /// Every non-ASCII character escaped.
    ascii: bool,
    /// Hex digits in capitals (`\u00E9`).
    upper_hex: bool,
    /// Every `/` escaped.
    slash: bool,
}

impl Escapes {
    /// The style of `raw`, a JSON string token with its quotes. A value
    /// that never had to choose (no non-ASCII character, no `/`) gets the
    /// default, serde_json's: UTF-8 kept, `/` bare.
    pub fn of(raw: &[u8]) -> Self {
        let mut style = Escapes::default();
        if raw.is_ascii() {
            // An escaped character beyond ASCII: an ASCII-only writer. Its
            // hex letters are capitals if all of them are.
            let (mut upper, mut lower) = (false, false);
            let mut i = 0;
            while let Some(off) = raw.get(i..).and_then(|r| memchr::memchr(b'\\', r)) {
                let at = i + off;
                i = at + 2;
                if raw.get(at + 1) != Some(&b'u') {
                    continue;
                }
                let hex = raw.get(at + 2..at + 6).unwrap_or_default();
                let value = std::str::from_utf8(hex)
                    .ok()
                    .and_then(|h| u16::from_str_radix(h, 16).ok());
                if value.is_some_and(|v| v >= 0x80) {
                    style.ascii = true;
                    upper |= hex.iter().any(u8::is_ascii_uppercase);
                    lower |= hex.iter().any(u8::is_ascii_lowercase);
                }
                i = at + 6;
            }
            style.upper_hex = upper && !lower;
        }
        if memchr::memmem::find(raw, b"\\/").is_some() {
            // Every slash escaped: none bare (a bare slash follows an even
            // number of backslashes, which escape one another).
            style.slash = !raw.iter().enumerate().any(|(k, &b)| {
                b == b'/' && raw[..k].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 0
            });
        }
        style
    }
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// `s` as a JSON string in the [`Escapes`] style `style`; in the default
/// style escaped exactly as serde_json does (short escapes where JSON has
/// them, `\u00XX` for other controls, UTF-8 kept). Article text is long and
/// rarely needs escaping, so blocks without a byte to escape are copied
/// whole.
pub fn write_json_string(s: &str, style: Escapes, out: &mut Vec<u8>) {
    if style == Escapes::default() {
        // The common style gets a block test of its own: fewer comparisons.
        write_escaping(s, style, needs_escape, out);
    } else {
        let (ascii, slash) = (style.ascii, style.slash);
        let escaped = move |b: u8| needs_escape(b) || (ascii && b >= 0x80) || (slash && b == b'/');
        write_escaping(s, style, escaped, out);
    }
}

/// [`write_json_string`] with `escaped` telling the bytes that need an
/// escape in `style`.
fn write_escaping(s: &str, style: Escapes, escaped: impl Fn(u8) -> bool, out: &mut Vec<u8>) {
    const BLOCK: usize = 16;
    let hex = if style.upper_hex { HEX_UPPER } else { HEX };
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if i + BLOCK <= bytes.len()
            && !bytes[i..i + BLOCK]
                .iter()
                .fold(false, |any, &b| any | escaped(b))
        {
            i += BLOCK;
            continue;
        }
        let b = bytes[i];
        if !escaped(b) {
            i += 1;
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if b == b'/' {
            out.extend_from_slice(b"\\/");
            i += 1;
        } else if b < 0x80 {
            escape_byte(b, hex, out);
            i += 1;
        } else {
            // Only under `ascii`: a character's first byte, as escaped
            // characters are stepped over whole.
            let c = s[i..].chars().next().expect("char boundary");
            let mut units = [0u16; 2];
            for &u in c.encode_utf16(&mut units).iter() {
                out.extend_from_slice(b"\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(hex[usize::from((u >> shift) & 0xf)]);
                }
            }
            i += c.len_utf8();
        }
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";
const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// The escape of an ASCII byte [`needs_escape`] holds for: short escapes
/// where JSON has them, `\u00XX` for other controls.
fn escape_byte(b: u8, hex: &[u8; 16], out: &mut Vec<u8>) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            hex[usize::from(b >> 4)],
            hex[usize::from(b & 0xf)],
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(s: &str) -> FieldPath {
        FieldPath::parse(s).unwrap()
    }

    #[test]
    fn finds_top_level_and_nested_fields() {
        let line =
            br#"{"id": 1, "text": "a  b", "doc": {"x": [1, {"body": 2}], "body": "c\u00e9"}}"#;
        let l = locate(line, &path("text")).unwrap();
        assert_eq!(&line[l.range.clone()], br#""a  b""#);
        assert_eq!(l.text, "a  b");
        let l = locate(line, &path("doc.body")).unwrap();
        assert_eq!(&line[l.range.clone()], br#""c\u00e9""#);
        assert_eq!(l.text, "c\u{e9}");
    }

    #[test]
    fn reports_what_is_wrong() {
        let p = path("text");
        assert!(matches!(
            locate(b"{\"text\": ", &p),
            Err(RecordError::Malformed(_))
        ));
        assert!(matches!(locate(b"[1]", &p), Err(RecordError::NotObject)));
        assert!(matches!(
            locate(b"{\"t\": 1}", &p),
            Err(RecordError::Missing(_))
        ));
        assert!(matches!(
            locate(b"{\"text\": 1}", &p),
            Err(RecordError::NotString {
                kind: "a number",
                ..
            })
        ));
        assert!(matches!(
            locate(b"{\"text\": \"a\", \"text\": \"b\"}", &p),
            Err(RecordError::Duplicate(_))
        ));
        assert!(matches!(
            locate(b"{\"text\": \"a\"} x", &p),
            Err(RecordError::Malformed(_))
        ));
        assert!(matches!(
            locate(b"{\"doc\": 3}", &path("doc.body")),
            Err(RecordError::NotString {
                kind: "a number",
                ..
            })
        ));
    }

    #[test]
    fn escaped_keys_match() {
        let l = locate(br#"{"te\u0078t": "x"}"#, &path("text")).unwrap();
        assert_eq!(l.text, "x");
    }

    #[test]
    fn escape_style_of_the_original() {
        let of = |raw: &str| Escapes::of(raw.as_bytes());
        let ascii = Escapes {
            ascii: true,
            ..Escapes::default()
        };
        assert_eq!(of(r#""caf\u00e9""#), ascii);
        assert_eq!(
            of(r#""caf\u00E9""#),
            Escapes {
                upper_hex: true,
                ..ascii
            }
        );
        assert_eq!(of("\"caf\u{e9}\""), Escapes::default());
        // An escaped backslash before `u00e9`, an escaped ASCII letter.
        assert_eq!(of(r#""a\\u00e9""#), Escapes::default());
        assert_eq!(of(r#""\u0041 \u00e9""#), ascii);
        assert_eq!(of(r#""\u0041""#), Escapes::default());
        let slash = Escapes {
            slash: true,
            ..Escapes::default()
        };
        assert_eq!(of(r#""a\/b""#), slash);
        assert_eq!(of(r#""a\/b/c""#), Escapes::default());
        assert_eq!(of(r#""a\\/b""#), Escapes::default());
        assert_eq!(of(r#""a\\\/b""#), slash);
    }

    #[test]
    fn splice_keeps_other_bytes() {
        let line = br#"{"a" :1,"text":"x  y" , "z":"\u00e9"}"#;
        let l = locate(line, &path("text")).unwrap();
        let mut out = Vec::new();
        splice(line, &[(&l.range, "x y\n\"q\"")], &mut out);
        assert_eq!(out, br#"{"a" :1,"text":"x y\n\"q\"" , "z":"\u00e9"}"#);
        // Two fields, each in its own escape style; nothing to splice.
        let t = locate(line, &path("text")).unwrap();
        let z = locate(line, &path("z")).unwrap();
        let mut out = Vec::new();
        splice(line, &[(&t.range, "x y"), (&z.range, "É")], &mut out);
        assert_eq!(out, br#"{"a" :1,"text":"x y" , "z":"\u00c9"}"#);
        let mut out = Vec::new();
        splice(line, &[], &mut out);
        assert_eq!(out, line);
    }

    #[test]
    fn field_paths_overlap_when_equal_or_nested() {
        assert!(path("text").overlaps(&path("text")));
        assert!(path("doc").overlaps(&path("doc.body")));
        assert!(path("doc.body").overlaps(&path("doc")));
        assert!(!path("doc.body").overlaps(&path("doc.title")));
        assert!(!path("title").overlaps(&path("text")));
    }

    proptest::proptest! {
        #[test]
        fn strings_are_escaped_like_serde_json(s in "(\\PC|[\\x00-\\x1f\"\\\\]){0,80}") {
            let mut out = Vec::new();
            write_json_string(&s, Escapes::default(), &mut out);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        /// Every style reads back as the same string, an ASCII style
        /// writes only ASCII, and the style found in what a style wrote is
        /// that style again wherever the string let it show.
        #[test]
        fn styled_strings_read_back(
            s in "(\\PC|[\\x00-\\x1f\"\\\\/]|\u{e9}|\u{1f600}){0,60}",
            ascii: bool,
            upper_hex: bool,
            slash: bool,
        ) {
            let style = Escapes { ascii, upper_hex: ascii && upper_hex, slash };
            let mut out = Vec::new();
            write_json_string(&s, style, &mut out);
            let back: String = serde_json::from_slice(&out).unwrap();
            proptest::prop_assert_eq!(&back, &s);
            if ascii {
                proptest::prop_assert!(out.is_ascii());
            }
            let found = Escapes::of(&out);
            let shows_ascii = !s.is_ascii();
            proptest::prop_assert_eq!(found.ascii, ascii && shows_ascii);
            proptest::prop_assert_eq!(found.slash, slash && s.contains('/'));
        }
    }

    #[test]
    fn no_final_line_break_is_added() {
        let p = Pipeline::new(copyedit::Config::default()).unwrap();
        let o = fix_text(&p, "Two  spaces").unwrap();
        assert_eq!(o.fixed, "Two spaces");
        assert_eq!(o.fixes.len(), 1);
        assert_eq!(fix_text(&p, "Clean").unwrap().fixes.len(), 0);
        assert_eq!(fix_text(&p, "Ends\n\n\n").unwrap().fixed, "Ends\n");
    }
}
