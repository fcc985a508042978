//! JSON Lines records: find the text field of one record, fix it, and splice
//! the re-encoded string back into the original line.
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

/// Write `line` with the located field replaced by `fixed`, JSON-encoded.
pub fn splice(line: &[u8], range: &Range<usize>, fixed: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(&line[..range.start]);
    serde_json::to_writer(&mut *out, fixed).expect("writing to a Vec cannot fail");
    out.extend_from_slice(&line[range.end..]);
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
    fn splice_keeps_other_bytes() {
        let line = br#"{"a" :1,"text":"x  y" , "z":"\u00e9"}"#;
        let l = locate(line, &path("text")).unwrap();
        let mut out = Vec::new();
        splice(line, &l.range, "x y\n\"q\"", &mut out);
        assert_eq!(out, br#"{"a" :1,"text":"x y\n\"q\"" , "z":"\u00e9"}"#);
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
