//! awk values: numbers, strings, and "strnums" (input that looks numeric compares as a number),
//! with mawk's conversions (integers up to 2^31 print as integers, others through `%.6g`).

use super::super::format::parse_spec;

/// A value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// Never assigned: "" and 0.
    Unset,
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// Input text (fields, `getline`, `-v`, `ARGV`): numeric if it looks like a number.
    StrNum(String),
}

impl Value {
    /// The number awk reads from this value (leading numeric prefix of a string).
    pub fn num(&self) -> f64 {
        match self {
            Value::Unset => 0.0,
            Value::Num(n) => *n,
            Value::Str(s) | Value::StrNum(s) => prefix_number(s),
        }
    }

    /// The string value (`CONVFMT` for non-integral numbers).
    pub fn str(&self, convfmt: &str) -> String {
        match self {
            Value::Unset => String::new(),
            Value::Num(n) => num_to_string(*n, convfmt),
            Value::Str(s) | Value::StrNum(s) => s.clone(),
        }
    }

    /// Truth: non-zero numbers and non-empty strings (a numeric-looking input by its number).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Unset => false,
            Value::Num(n) => *n != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::StrNum(s) => match looks_numeric(s) {
                true => prefix_number(s) != 0.0,
                false => !s.is_empty(),
            },
        }
    }

    /// Whether comparisons treat this value as a number.
    pub fn is_numeric(&self) -> bool {
        match self {
            Value::Unset | Value::Num(_) => true,
            Value::Str(_) => false,
            Value::StrNum(s) => looks_numeric(s),
        }
    }
}

/// A number as awk prints it: integers as integers, others through `fmt` (`%.6g`).
pub(super) fn num_to_string(n: f64, fmt: &str) -> String {
    if n == n.trunc() && n.abs() < 2_147_483_648.0 {
        return format!("{}", n as i64);
    }
    if n.is_nan() {
        return if n.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if n.is_infinite() {
        return if n < 0.0 { "-inf" } else { "inf" }.into();
    }
    let chars: Vec<char> = fmt.chars().collect();
    match chars.iter().position(|c| *c == '%') {
        Some(i) => match parse_spec(&chars, i + 1, &mut || 0) {
            Some((spec, _)) => spec.format(n, "", false),
            None => fmt.to_string(),
        },
        None => fmt.to_string(),
    }
}

/// True when `s` is (blanks,) a decimal number (, blanks): how input compares numerically.
pub(super) fn looks_numeric(s: &str) -> bool {
    let t = s.trim_matches([' ', '\t', '\n']);
    !t.is_empty() && numeric_prefix_len(t) == t.len()
}

/// The numeric value of the longest numeric prefix of `s` (after leading blanks).
pub(super) fn prefix_number(s: &str) -> f64 {
    let t = s.trim_start_matches([' ', '\t', '\n']);
    let len = numeric_prefix_len(t);
    t.get(..len).and_then(|p| p.parse().ok()).unwrap_or(0.0)
}

fn numeric_prefix_len(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let digits_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if i == digits_start || (i == digits_start + 1 && b.get(digits_start) == Some(&b'.')) {
        return 0;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            i = j;
        }
    }
    i
}
