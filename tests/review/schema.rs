//! A validator for the part of JSON Schema that docs/report-schema.json uses:
//! `$ref` to `#/$defs/...`, `oneOf`, `type`, `const`, `minimum`, `required`,
//! `properties` and `additionalProperties`. A schema keyword outside that set
//! fails the test, so the schema cannot grow a constraint that goes unchecked.

use serde_json::Value;

const ANNOTATIONS: &[&str] = &["$schema", "$id", "title", "description", "$defs"];

pub fn load() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report-schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Check `value` against the schema's root.
pub fn validate(root: &Value, value: &Value) -> Result<(), String> {
    check(root, root, value, "$")
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let obj = schema
        .as_object()
        .ok_or_else(|| format!("{at}: schema is not an object"))?;
    for (key, sub) in obj {
        match key.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => {
                let name = sub
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .ok_or_else(|| format!("{at}: unsupported $ref {sub}"))?;
                check(root, &root["$defs"][name], value, at)?;
            }
            "oneOf" => {
                let matched = sub
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|s| check(root, s, value, at).is_ok())
                    .count();
                if matched != 1 {
                    return Err(format!("{at}: matches {matched} of the oneOf schemas"));
                }
            }
            "type" => {
                let ok = match sub.as_str().unwrap() {
                    "object" => value.is_object(),
                    "string" => value.is_string(),
                    "integer" => value.is_u64() || value.is_i64(),
                    t => return Err(format!("{at}: unsupported type {t}")),
                };
                if !ok {
                    return Err(format!("{at}: not of type {sub}"));
                }
            }
            "const" => {
                if value != sub {
                    return Err(format!("{at}: {value} is not {sub}"));
                }
            }
            "minimum" => {
                if value.as_f64().is_some_and(|v| v < sub.as_f64().unwrap()) {
                    return Err(format!("{at}: {value} is below {sub}"));
                }
            }
            "required" => {
                for name in sub.as_array().unwrap() {
                    let name = name.as_str().unwrap();
                    if value.get(name).is_none() {
                        return Err(format!("{at}: missing {name}"));
                    }
                }
            }
            "properties" => {
                if let Some(v) = value.as_object() {
                    for (name, s) in sub.as_object().unwrap() {
                        if let Some(field) = v.get(name) {
                            check(root, s, field, &format!("{at}.{name}"))?;
                        }
                    }
                }
            }
            "additionalProperties" => {
                let Some(v) = value.as_object() else { continue };
                let known = obj.get("properties").and_then(Value::as_object);
                for (name, field) in v {
                    if known.is_some_and(|k| k.contains_key(name)) {
                        continue;
                    }
                    match sub {
                        Value::Bool(false) => {
                            return Err(format!("{at}: unexpected property {name}"));
                        }
                        s => check(root, s, field, &format!("{at}.{name}"))?,
                    }
                }
            }
            other => {
                return Err(format!(
                    "{at}: schema keyword {other} is not checked by this test"
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let root = load();
    let ok = serde_json::json!({"type": "error", "path": "p", "message": "m"});
    assert!(validate(&root, &ok).is_ok());
    for bad in [
        serde_json::json!({"type": "error", "path": "p"}),
        serde_json::json!({"type": "error", "path": "p", "message": "m", "extra": 1}),
        serde_json::json!({"type": "error", "path": 3, "message": "m"}),
        serde_json::json!({"type": "oops", "path": "p", "message": "m"}),
        serde_json::json!({"type": "summary", "files_checked": -1, "files_changed": 0,
                           "fixes": 0, "fixes_by_rule": {}, "errors": 0}),
        serde_json::json!({"type": "summary", "files_checked": 1, "files_changed": 0,
                           "fixes": 0, "fixes_by_rule": {"r": "x"}, "errors": 0}),
        serde_json::json!({"type": "fix", "path": "p", "line": 0, "column": 1, "end_line": 1,
                           "end_column": 1, "rule": "r", "message": "m", "before": "", "after": ""}),
    ] {
        assert!(validate(&root, &bad).is_err(), "{bad}");
    }
}
