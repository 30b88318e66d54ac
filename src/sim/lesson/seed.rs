//! Per-student values: a seed picks one value from each parameter's list, and every `{name}`
//! in the lesson's strings is replaced by it. A string that is exactly one numeric placeholder
//! (`"{port}"`) becomes a number, so typed fields (ports) take seeded values too.

use super::LessonError;
use serde_json::Value;
use std::collections::BTreeMap;

/// FNV-1a: a stable hash (the same on every platform and in every build), so a seed picks the
/// same values natively and in the browser.
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Which of `len` values `seed` picks for the parameter `name`; the empty seed picks the first.
pub fn pick(seed: &str, name: &str, len: usize) -> usize {
    if seed.is_empty() || len == 0 {
        return 0;
    }
    let key = seed.bytes().chain([0]).chain(name.bytes());
    (fnv1a(key) % len as u64) as usize
}

/// Picks the values for `seed` from the raw lesson's `params` and fills them in everywhere
/// else; returns the filled lesson and the values picked.
pub fn fill(mut raw: Value, seed: &str) -> Result<(Value, BTreeMap<String, String>), LessonError> {
    let mut values = BTreeMap::new();
    if let Some(params) = raw.get("params").and_then(Value::as_object) {
        for (name, choices) in params {
            let choices = choices
                .as_array()
                .filter(|c| !c.is_empty())
                .ok_or_else(|| LessonError(format!("params.{name} must be a non-empty list")))?;
            let chosen = &choices[pick(seed, name, choices.len())];
            let text = match chosen {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            values.insert(name.clone(), text);
        }
    }
    if let Value::Object(map) = &mut raw {
        for (key, v) in map.iter_mut() {
            if key == "params" {
                as_text(v);
            } else {
                substitute(v, &values);
            }
        }
    }
    Ok((raw, values))
}

/// Turns the numbers in the params' lists into text (`8080` → `"8080"`): values are text.
fn as_text(v: &mut Value) {
    match v {
        Value::Number(n) => *v = Value::String(n.to_string()),
        Value::Array(items) => items.iter_mut().for_each(as_text),
        Value::Object(map) => map.values_mut().for_each(as_text),
        _ => {}
    }
}

/// Replaces placeholders in every string under `v`.
fn substitute(v: &mut Value, values: &BTreeMap<String, String>) {
    match v {
        Value::String(s) => {
            let whole = s
                .strip_prefix('{')
                .and_then(|r| r.strip_suffix('}'))
                .and_then(|name| values.get(name))
                .and_then(|value| value.parse::<u64>().ok());
            if let Some(n) = whole {
                *v = Value::from(n);
                return;
            }
            for (name, value) in values {
                *s = s.replace(&format!("{{{name}}}"), value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| substitute(i, values)),
        Value::Object(map) => map.values_mut().for_each(|i| substitute(i, values)),
        _ => {}
    }
}

/// The first `{name}` left in `text` (a placeholder without values), if any.
pub fn leftover_placeholder(text: &str) -> Option<&str> {
    text.match_indices('{').find_map(|(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find('}')?;
        let name = &rest[..end];
        let is_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        is_name.then_some(name)
    })
}
