//! How GNU `sort` compares two lines: the keys of `-k POS1[,POS2]` (fields split at `-t SEP` or
//! at blank runs), each with its ordering options (`b d f g i M n r`), then the whole line as the
//! last resort, all in the C locale (byte order).

use std::cmp::Ordering;

/// The ordering options of one key (or the global ones, for keys that have none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Order {
    /// `b`: leading blanks of the key are ignored.
    pub blanks: bool,
    /// `d`: only blanks and alphanumerics count.
    pub dictionary: bool,
    /// `f`: lower case folds to upper case.
    pub fold: bool,
    /// `g`: general numeric (floating point, `1e3`).
    pub general: bool,
    /// `i`: only printable characters count.
    pub printable: bool,
    /// `M`: month names (`JAN` < … < `DEC`, anything else first).
    pub month: bool,
    /// `n`: numeric (an optional `-`, digits, one `.`).
    pub numeric: bool,
    /// `r`: reversed.
    pub reverse: bool,
}

impl Order {
    /// Sets the option letter `c`; false when `c` is not one.
    pub(super) fn set(&mut self, c: char) -> bool {
        match c {
            'b' => self.blanks = true,
            'd' => self.dictionary = true,
            'f' => self.fold = true,
            'g' => self.general = true,
            'i' => self.printable = true,
            'M' => self.month = true,
            'n' => self.numeric = true,
            'r' => self.reverse = true,
            _ => return false,
        }
        true
    }
}

/// One `-k` key: where it starts and ends, and how it orders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Key {
    /// First field (1-based) and character in it (1-based).
    pub start: (usize, usize),
    /// Last field and character (0: the end of the field); `None`: the end of the line.
    pub end: Option<(usize, usize)>,
    /// The key's own options (`None`: the global ones).
    pub order: Option<Order>,
    /// `b` given on the start position.
    pub start_blanks: bool,
    /// `b` given on the end position.
    pub end_blanks: bool,
}

/// Parses a `-k` argument; the error is GNU's message.
pub(super) fn parse_key(spec: &str) -> Result<Key, String> {
    let (start, end) = match spec.split_once(',') {
        Some((s, e)) => (s, Some(e)),
        None => (spec, None),
    };
    let mut order = Order::default();
    let mut given = false;
    let (start, start_blanks) = position(spec, start, true, &mut order, &mut given)?;
    let (end, end_blanks) = match end {
        Some(e) => {
            let (pos, b) = position(spec, e, false, &mut order, &mut given)?;
            (Some(pos), b)
        }
        None => (None, false),
    };
    Ok(Key {
        start,
        end,
        order: given.then_some(order),
        start_blanks,
        end_blanks,
    })
}

/// One `F[.C][OPTS]` of a key; returns the position and whether `b` was among its options.
fn position(
    spec: &str,
    text: &str,
    is_start: bool,
    order: &mut Order,
    given: &mut bool,
) -> Result<((usize, usize), bool), String> {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let n = digits(text);
    let field: usize = text.get(..n).and_then(|f| f.parse().ok()).ok_or_else(|| {
        format!("invalid number at field start: invalid count at start of '{text}'")
    })?;
    if field == 0 && is_start {
        return Err(format!(
            "field number is zero: invalid field specification '{spec}'"
        ));
    }
    let mut rest = text.get(n..).unwrap_or_default();
    let mut chr = if is_start { 1 } else { 0 };
    if let Some(after) = rest.strip_prefix('.') {
        let m = digits(after);
        chr = after.get(..m).and_then(|c| c.parse().ok()).ok_or_else(|| {
            format!("invalid number after '.': invalid count at start of '{after}'")
        })?;
        if chr == 0 && is_start {
            return Err(format!(
                "character offset is zero: invalid field specification '{spec}'"
            ));
        }
        rest = after.get(m..).unwrap_or_default();
    }
    let mut blanks = false;
    for c in rest.chars() {
        if c == 'b' {
            blanks = true;
        } else if !order.set(c) {
            return Err(format!(
                "invalid option -- '{c}'\nTry 'sort --help' for more information."
            ));
        }
        *given = true;
    }
    Ok(((field, chr), blanks))
}

/// How to compare lines: the keys, the global options, the separator, `-s`.
pub(super) struct Comparator {
    /// The `-k` keys in order (none: the whole line is the key).
    pub keys: Vec<Key>,
    /// Options given outside `-k`.
    pub global: Order,
    /// `-t SEP`.
    pub sep: Option<u8>,
    /// `-s` (or `-u`): no last-resort comparison.
    pub stable: bool,
}

impl Comparator {
    /// Compares two lines as GNU sort does.
    pub(super) fn cmp(&self, a: &[u8], b: &[u8]) -> Ordering {
        let ord = self.cmp_keys(a, b);
        if ord != Ordering::Equal || self.stable {
            return ord;
        }
        let last = a.cmp(b);
        if self.global.reverse {
            last.reverse()
        } else {
            last
        }
    }

    /// Compares the keys only (what `-u` calls equal).
    pub(super) fn cmp_keys(&self, a: &[u8], b: &[u8]) -> Ordering {
        if self.keys.is_empty() {
            return compare(a, b, &self.global);
        }
        for key in &self.keys {
            let order = key.order.unwrap_or(self.global);
            let ka = self.extract(a, key, &order);
            let kb = self.extract(b, key, &order);
            let ord = compare(ka, kb, &order);
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    }

    /// The bytes of `line` that `key` selects.
    fn extract<'l>(&self, line: &'l [u8], key: &Key, order: &Order) -> &'l [u8] {
        let fields = self.fields(line);
        let skip = |mut i: usize, on: bool| {
            while on && line.get(i).is_some_and(|c| is_blank(*c)) {
                i += 1;
            }
            i
        };
        let begin = match fields.get(key.start.0.saturating_sub(1)) {
            Some(&(s, e)) => {
                let s = skip(s, key.start_blanks || (key.order.is_none() && order.blanks));
                s.saturating_add(key.start.1.saturating_sub(1))
                    .min(e.max(s))
            }
            None => line.len(),
        };
        let end = match key.end {
            None => line.len(),
            Some((f, 0)) => fields
                .get(f.saturating_sub(1))
                .map_or(line.len(), |&(_, e)| e),
            Some((f, c)) => match fields.get(f.saturating_sub(1)) {
                Some(&(s, e)) => {
                    let s = skip(s, key.end_blanks || (key.order.is_none() && order.blanks));
                    s.saturating_add(c).min(e)
                }
                None => line.len(),
            },
        };
        line.get(begin..end.max(begin)).unwrap_or_default()
    }

    /// The fields of a line as byte ranges: split at `-t SEP`, or before each run of blanks
    /// (a field keeps its leading blanks).
    fn fields(&self, line: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        match self.sep {
            Some(sep) => {
                for (i, c) in line.iter().enumerate() {
                    if *c == sep {
                        out.push((start, i));
                        start = i + 1;
                    }
                }
                out.push((start, line.len()));
            }
            None => {
                let mut i = 0;
                while i < line.len() {
                    while line.get(i).is_some_and(|c| is_blank(*c)) {
                        i += 1;
                    }
                    while line.get(i).is_some_and(|c| !is_blank(*c)) {
                        i += 1;
                    }
                    out.push((start, i));
                    start = i;
                }
            }
        }
        out
    }
}

fn is_blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// Compares two keys under one key's options.
fn compare(a: &[u8], b: &[u8], o: &Order) -> Ordering {
    let ord = if o.numeric {
        numeric(a, b)
    } else if o.general {
        general(a).total_cmp(&general(b))
    } else if o.month {
        month(a).cmp(&month(b))
    } else if o.dictionary || o.printable || o.fold || o.blanks {
        let keep = |c: &&u8| {
            (!o.dictionary || c.is_ascii_alphanumeric() || is_blank(**c))
                && (!o.printable || (0x20..0x7f).contains(*c))
        };
        let fold = |c: &u8| if o.fold { c.to_ascii_uppercase() } else { *c };
        let trim = |s: &'_ [u8]| -> Vec<u8> {
            let start = if o.blanks {
                s.iter().take_while(|c| is_blank(**c)).count()
            } else {
                0
            };
            s.get(start..)
                .unwrap_or_default()
                .iter()
                .filter(keep)
                .map(fold)
                .collect()
        };
        trim(a).cmp(&trim(b))
    } else {
        a.cmp(b)
    };
    if o.reverse {
        ord.reverse()
    } else {
        ord
    }
}

/// `-n`: compares the leading numbers (blanks skipped, optional `-`, digits, one `.`) exactly,
/// as decimal strings; text without a number is 0.
fn numeric(a: &[u8], b: &[u8]) -> Ordering {
    let (na, nb) = (Number::parse(a), Number::parse(b));
    match (na.negative, nb.negative) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => na.magnitude_cmp(&nb),
        (true, true) => nb.magnitude_cmp(&na),
    }
}

/// A number as `sort -n` reads it.
struct Number {
    negative: bool,
    int: Vec<u8>,
    frac: Vec<u8>,
}

impl Number {
    fn parse(s: &[u8]) -> Number {
        let mut i = s.iter().take_while(|c| is_blank(**c)).count();
        let negative = s.get(i) == Some(&b'-');
        if negative {
            i += 1;
        }
        let rest = s.get(i..).unwrap_or_default();
        let n = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let int: Vec<u8> = rest
            .get(..n)
            .unwrap_or_default()
            .iter()
            .skip_while(|c| **c == b'0')
            .copied()
            .collect();
        let mut frac = Vec::new();
        if rest.get(n) == Some(&b'.') {
            frac = rest
                .get(n + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .copied()
                .collect();
            while frac.last() == Some(&b'0') {
                frac.pop();
            }
        }
        // -0 is 0.
        let negative = negative && !(int.is_empty() && frac.is_empty());
        Number {
            negative,
            int,
            frac,
        }
    }

    fn magnitude_cmp(&self, other: &Number) -> Ordering {
        self.int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(&other.int))
            .then_with(|| self.frac.cmp(&other.frac))
    }
}

/// `-g`: the leading floating-point number (strtod), text without one sorts first.
fn general(s: &[u8]) -> f64 {
    let text = String::from_utf8_lossy(s);
    let t = text.trim_start();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(d) => (-1.0, d),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        let n = hex.chars().take_while(char::is_ascii_hexdigit).count();
        if let Ok(v) = u64::from_str_radix(hex.get(..n).unwrap_or_default(), 16) {
            return sign * v as f64;
        }
    }
    (1..=t.len())
        .rev()
        .filter_map(|n| t.get(..n))
        .find_map(|p| p.parse::<f64>().ok().filter(|_| !p.ends_with(['+', '-'])))
        .unwrap_or(f64::NEG_INFINITY)
}

/// `-M`: 1 for `JAN` … 12 for `DEC` (leading blanks skipped, case ignored), 0 otherwise.
fn month(s: &[u8]) -> usize {
    const MONTHS: [&[u8]; 12] = [
        b"JAN", b"FEB", b"MAR", b"APR", b"MAY", b"JUN", b"JUL", b"AUG", b"SEP", b"OCT", b"NOV",
        b"DEC",
    ];
    let start = s.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let word = s.get(start..start + 3).map(<[u8]>::to_ascii_uppercase);
    word.and_then(|w| MONTHS.iter().position(|m| *m == w.as_slice()))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(keys: &[&str], sep: Option<u8>, a: &str, b: &str) -> Ordering {
        let c = Comparator {
            keys: keys.iter().filter_map(|k| parse_key(k).ok()).collect(),
            global: Order::default(),
            sep,
            stable: false,
        };
        c.cmp(a.as_bytes(), b.as_bytes())
    }

    #[test]
    fn keys_fields_and_numbers() {
        assert_eq!(cmp(&["2"], None, "a 2", "b 1"), Ordering::Greater);
        assert_eq!(cmp(&["2n"], Some(b':'), "x:10", "y:9"), Ordering::Greater);
        assert_eq!(
            cmp(&["1,1", "2,2n"], None, "a 10", "a 9"),
            Ordering::Greater
        );
        assert_eq!(numeric(b"-1", b"-0.5"), Ordering::Less);
        assert_eq!(numeric(b"007", b"7.0"), Ordering::Equal);
        assert_eq!(month(b" feb"), 2);
        assert!(parse_key("0").is_err());
        assert_eq!(parse_key("2.3nr,4").map(|k| k.start), Ok((2, 3)));
    }
}
