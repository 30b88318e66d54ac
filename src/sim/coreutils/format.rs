//! C `printf` conversions (`%d %i %o %u %x %X %c %s %e %E %f %F %g %G` with flags, width and
//! precision), as glibc prints them: for awk's `printf`/`sprintf` and its number output.

/// One conversion: `%[flags][width][.precision]conv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Spec {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space for a positive sign.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
    /// Minimum width.
    pub width: usize,
    /// Precision, when given.
    pub precision: Option<usize>,
    /// The conversion letter.
    pub conv: char,
}

impl Spec {
    /// Formats `value` (a number for numeric conversions, `text` for `%s` and `%c`).
    pub fn format(&self, value: f64, text: &str, char_from_number: bool) -> String {
        match self.conv {
            'd' | 'i' => {
                let n = clamp_i64(value);
                let digits = n.unsigned_abs().to_string();
                self.number(n < 0, self.int_precision(digits), "")
            }
            'o' | 'u' | 'x' | 'X' => {
                let n = clamp_i64(value) as u64;
                let (digits, prefix) = match self.conv {
                    'o' => (format!("{n:o}"), if self.alt { "0" } else { "" }),
                    'x' => (format!("{n:x}"), if self.alt && n != 0 { "0x" } else { "" }),
                    'X' => (format!("{n:X}"), if self.alt && n != 0 { "0X" } else { "" }),
                    _ => (n.to_string(), ""),
                };
                self.number(false, self.int_precision(digits), prefix)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                if !value.is_finite() {
                    let s = if value.is_nan() { "nan" } else { "inf" };
                    let s = if self.conv.is_ascii_uppercase() {
                        s.to_ascii_uppercase()
                    } else {
                        s.to_string()
                    };
                    return self.pad(self.signed(value < 0.0, s), false);
                }
                let body = float(
                    value.abs(),
                    self.conv,
                    self.precision.unwrap_or(6),
                    self.alt,
                );
                self.number(value.is_sign_negative() && value != 0.0, body, "")
            }
            'c' => {
                let s = if char_from_number {
                    char::from_u32(clamp_i64(value) as u32)
                        .map(String::from)
                        .unwrap_or_default()
                } else {
                    text.chars().next().map(String::from).unwrap_or_default()
                };
                self.pad(s, false)
            }
            _ => {
                let s: String = match self.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text.to_string(),
                };
                self.pad(s, false)
            }
        }
    }

    fn int_precision(&self, digits: String) -> String {
        match self.precision {
            Some(0) if digits == "0" => String::new(),
            Some(p) if digits.len() < p => format!("{}{digits}", "0".repeat(p - digits.len())),
            _ => digits,
        }
    }

    fn signed(&self, negative: bool, body: String) -> String {
        let sign = if negative {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        };
        format!("{sign}{body}")
    }

    fn number(&self, negative: bool, body: String, prefix: &str) -> String {
        let sign = if negative {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        };
        let zero_ok =
            self.zero && !self.left && (self.precision.is_none() || !"diouxX".contains(self.conv));
        let len = sign.len() + prefix.len() + body.len();
        if zero_ok && len < self.width {
            return format!("{sign}{prefix}{}{body}", "0".repeat(self.width - len));
        }
        self.pad(format!("{sign}{prefix}{body}"), true)
    }

    fn pad(&self, s: String, _numeric: bool) -> String {
        let n = s.chars().count();
        if n >= self.width {
            s
        } else if self.left {
            format!("{s}{}", " ".repeat(self.width - n))
        } else {
            format!("{}{s}", " ".repeat(self.width - n))
        }
    }
}

fn clamp_i64(v: f64) -> i64 {
    if v.is_nan() {
        0
    } else {
        v.trunc().clamp(i64::MIN as f64, i64::MAX as f64) as i64
    }
}

/// `%e`/`%f`/`%g` of a non-negative finite number.
pub(crate) fn float(v: f64, conv: char, precision: usize, alt: bool) -> String {
    let upper = conv.is_ascii_uppercase();
    let s = match conv.to_ascii_lowercase() {
        'f' => format!("{v:.precision$}"),
        'e' => exp_form(v, precision),
        _ => {
            let p = precision.max(1);
            let e = exp_form(v, p - 1);
            let x: i32 = e
                .rsplit_once('e')
                .and_then(|(_, x)| x.parse().ok())
                .unwrap_or(0);
            let s = if x < -4 || x >= p as i32 {
                e
            } else {
                let decimals = (p as i32 - 1 - x).max(0) as usize;
                format!("{v:.decimals$}")
            };
            if alt {
                s
            } else {
                strip_zeros(&s)
            }
        }
    };
    if upper {
        s.to_ascii_uppercase()
    } else {
        s
    }
}

/// `1.234500e+03`: Rust's exponent form with C's sign and two-digit exponent.
fn exp_form(v: f64, precision: usize) -> String {
    let s = format!("{v:.precision$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exp.abs())
}

/// `%g` drops trailing zeros of the fraction (and a bare point).
fn strip_zeros(s: &str) -> String {
    let (mantissa, exp) = match s.find('e') {
        Some(i) => (s.get(..i).unwrap_or(s), s.get(i..).unwrap_or("")),
        None => (s, ""),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    format!("{mantissa}{exp}")
}

/// Parses the conversion after a `%` in `chars[i..]`; returns the spec and the index after it,
/// with `*` widths taken from `star` (called once per `*`).
pub(crate) fn parse_spec(
    chars: &[char],
    mut i: usize,
    star: &mut dyn FnMut() -> i64,
) -> Option<(Spec, usize)> {
    let mut s = Spec::default();
    while let Some(&c) = chars.get(i) {
        match c {
            '-' => s.left = true,
            '+' => s.plus = true,
            ' ' => s.space = true,
            '#' => s.alt = true,
            '0' => s.zero = true,
            _ => break,
        }
        i += 1;
    }
    if chars.get(i) == Some(&'*') {
        let w = star();
        if w < 0 {
            s.left = true;
        }
        s.width = w.unsigned_abs() as usize;
        i += 1;
    } else {
        while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
            s.width = s.width.saturating_mul(10).saturating_add(d as usize);
            i += 1;
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        if chars.get(i) == Some(&'*') {
            s.precision = usize::try_from(star()).ok();
            i += 1;
        } else {
            let mut p = 0usize;
            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                p = p.saturating_mul(10).saturating_add(d as usize);
                i += 1;
            }
            s.precision = Some(p);
        }
    }
    while matches!(chars.get(i), Some('l' | 'h' | 'q' | 'L')) {
        i += 1;
    }
    s.conv = *chars.get(i)?;
    s.width = s.width.min(1 << 16);
    Some((s, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(spec: &str, v: f64) -> String {
        let chars: Vec<char> = spec.chars().collect();
        let (s, _) = parse_spec(&chars, 0, &mut || 0).unwrap_or_default();
        s.format(v, "", true)
    }

    #[test]
    fn like_glibc() {
        assert_eq!(f("5.2f", 1.23456), " 1.23");
        assert_eq!(f("e", 12345.678), "1.234568e+04");
        assert_eq!(f("g", 0.0001), "0.0001");
        assert_eq!(f("g", 1e16), "1e+16");
        assert_eq!(f(".6g", 123456789012.0), "1.23457e+11");
        assert_eq!(f(".6g", 100.0 / 3.0), "33.3333");
        assert_eq!(f("05d", -5.0), "-0005");
        assert_eq!(f("#x", 255.0), "0xff");
        assert_eq!(f("-4d", 42.0), "42  ");
        assert_eq!(f("c", 65.0), "A");
    }
}
