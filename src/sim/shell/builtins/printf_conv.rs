//! One `printf` conversion as bash 5.2 formats it: integers (`d i u o x X`, with `#`, `+`,
//! space, `0`, `-`, width and precision; negative numbers wrap to 64 bits for the unsigned
//! ones), floating point (`f F e E g G`, as C's printf rounds: exactly, ties to even) and
//! strings (`s b c q`).

use crate::sim::output::Output;

/// One conversion's flags, width and precision.
#[derive(Default, Clone, Copy)]
pub(super) struct Spec {
    /// `-`: left-justified.
    pub left: bool,
    /// `0`: zero-padded (numbers).
    pub zero: bool,
    /// `+`: a sign on positive numbers too.
    pub plus: bool,
    /// ` `: a space before positive numbers.
    pub space: bool,
    /// `#`: the alternate form (`0x`, a leading `0`, a kept decimal point).
    pub alt: bool,
    /// The minimum width.
    pub width: usize,
    /// The precision.
    pub precision: Option<usize>,
}

impl Spec {
    /// Pads `body` to the width (zeros go after the sign and any `0x`).
    pub(super) fn pad(&self, body: String, numeric: bool) -> String {
        let len = body.chars().count();
        if len >= self.width {
            return body;
        }
        let fill = self.width.saturating_sub(len);
        if self.left {
            format!("{body}{}", " ".repeat(fill))
        } else if self.zero && numeric {
            let sign_len = usize::from(body.starts_with(['-', '+', ' ']));
            let prefix_len = sign_len
                + if body
                    .get(sign_len..sign_len + 2)
                    .is_some_and(|p| p.eq_ignore_ascii_case("0x"))
                {
                    2
                } else {
                    0
                };
            let (prefix, digits) = body.split_at(prefix_len.min(body.len()));
            format!("{prefix}{}{digits}", "0".repeat(fill))
        } else {
            format!("{}{body}", " ".repeat(fill))
        }
    }
}

/// A number argument: decimal, `0x` hex, leading-0 octal, or `'c` (the character's code); bad
/// text prints bash's message, sets `status` to 1 and reads as its leading digits.
pub(super) fn integer(arg: &str, out: &mut Output, status: &mut i32) -> i64 {
    let t = arg.trim();
    if let Some(c) = t.strip_prefix(['\'', '"']).and_then(|r| r.chars().next()) {
        return i64::from(u32::from(c));
    }
    if t.is_empty() {
        return 0;
    }
    let (neg, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (radix, body) = if let Some(h) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, h)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, digits)
    } else {
        (10, digits)
    };
    let valid = body.chars().take_while(|c| c.is_digit(radix)).count();
    let lead = body.get(..valid).unwrap_or_default();
    let value = match u64::from_str_radix(lead, radix) {
        Ok(v) => v,
        Err(_) if valid > 0 => {
            out.err(format!(
                "bash: printf: warning: {arg}: Numerical result out of range\n"
            ));
            if neg {
                return i64::MIN;
            }
            return i64::MAX;
        }
        Err(_) => 0,
    };
    if valid < body.len() || valid == 0 {
        out.err(format!("bash: printf: {arg}: invalid number\n"));
        *status = 1;
    }
    let limit = if neg { 1u64 << 63 } else { i64::MAX as u64 };
    if value > limit && radix == 10 {
        out.err(format!(
            "bash: printf: warning: {arg}: Numerical result out of range\n"
        ));
        return if neg { i64::MIN } else { i64::MAX };
    }
    let v = value as i64;
    if neg {
        v.wrapping_neg()
    } else {
        v
    }
}

/// A floating-point argument (strtod: decimals, exponents, `inf`, `nan`, or an integer form).
pub(super) fn float(arg: &str, out: &mut Output, status: &mut i32) -> f64 {
    let t = arg.trim();
    if t.is_empty() {
        return 0.0;
    }
    if let Ok(v) = t.parse::<f64>() {
        return v;
    }
    if t.starts_with(['\'', '"']) || t.contains(['x', 'X']) {
        return integer(arg, out, status) as f64;
    }
    let lead = (1..=t.len())
        .rev()
        .filter_map(|n| t.get(..n))
        .find_map(|p| p.parse::<f64>().ok());
    out.err(format!("bash: printf: {arg}: invalid number\n"));
    *status = 1;
    lead.unwrap_or(0.0)
}

/// `%d %i %u %o %x %X`.
pub(super) fn format_integer(conv: char, n: i64, spec: &Spec) -> String {
    let unsigned = n as u64;
    let mut digits = match conv {
        'o' => format!("{unsigned:o}"),
        'x' => format!("{unsigned:x}"),
        'X' => format!("{unsigned:X}"),
        'u' => unsigned.to_string(),
        _ => n.unsigned_abs().to_string(),
    };
    if let Some(p) = spec.precision {
        if p == 0 && n == 0 {
            digits.clear();
        }
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = match conv {
        'o' if spec.alt && !digits.starts_with('0') => "0",
        'x' if spec.alt && n != 0 => "0x",
        'X' if spec.alt && n != 0 => "0X",
        'd' | 'i' if n < 0 => "-",
        'd' | 'i' if spec.plus => "+",
        'd' | 'i' if spec.space => " ",
        _ => "",
    };
    let mut s = *spec;
    if spec.precision.is_some() {
        s.zero = false;
    }
    s.pad(format!("{prefix}{digits}"), true)
}

/// `%f %F %e %E %g %G`.
pub(super) fn format_float(conv: char, x: f64, spec: &Spec) -> String {
    let upper = conv.is_ascii_uppercase();
    let sign = if x.is_sign_negative() && !(x.is_nan()) {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    };
    let a = x.abs();
    let body = if !a.is_finite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let mut s = *spec;
        s.zero = false;
        let text = format!(
            "{sign}{}",
            if upper {
                t.to_ascii_uppercase()
            } else {
                t.to_string()
            }
        );
        return s.pad(text, false);
    } else {
        let p = spec.precision.unwrap_or(6);
        match conv.to_ascii_lowercase() {
            'f' => {
                let mut s = format!("{a:.p$}");
                if spec.alt && p == 0 {
                    s.push('.');
                }
                s
            }
            'e' => exp_form(a, p, spec.alt),
            _ => general(a, p, spec.alt),
        }
    };
    let body = if upper {
        body.to_ascii_uppercase()
    } else {
        body
    };
    spec.pad(format!("{sign}{body}"), true)
}

/// `d.ddde+XX` with `p` digits after the point.
fn exp_form(a: f64, p: usize, alt: bool) -> String {
    let s = format!("{a:.p$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut m = mantissa.to_string();
    if alt && p == 0 {
        m.push('.');
    }
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{m}e{sign}{:02}", exp.unsigned_abs())
}

/// `%g`: `%e` when the exponent is below -4 or at least the precision, else `%f`; trailing
/// zeros go (unless `#`).
fn general(a: f64, p: usize, alt: bool) -> String {
    let p = p.max(1);
    let e = format!("{a:.prec$e}", prec = p - 1);
    let exp: i64 = e
        .split_once('e')
        .and_then(|(_, x)| x.parse().ok())
        .unwrap_or(0);
    let p_i = i64::try_from(p).unwrap_or(i64::MAX);
    let text = if exp < -4 || exp >= p_i {
        exp_form(a, p - 1, alt)
    } else {
        let decimals = usize::try_from(p_i - 1 - exp).unwrap_or(0);
        format!("{a:.decimals$}")
    };
    if alt {
        return text;
    }
    let (num, exp_part) = match text.find('e') {
        Some(i) => text.split_at(i),
        None => (text.as_str(), ""),
    };
    let num = if num.contains('.') {
        num.trim_end_matches('0').trim_end_matches('.')
    } else {
        num
    };
    format!("{num}{exp_part}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(precision: Option<usize>) -> Spec {
        Spec {
            precision,
            ..Spec::default()
        }
    }

    #[test]
    fn integers_and_floats_like_c() {
        let alt = Spec {
            alt: true,
            ..Spec::default()
        };
        assert_eq!(
            format_integer('x', -1, &Spec::default()),
            "ffffffffffffffff"
        );
        assert_eq!(
            format_integer('u', -1, &Spec::default()),
            "18446744073709551615"
        );
        assert_eq!(format_integer('x', 255, &alt), "0xff");
        assert_eq!(format_integer('o', 8, &alt), "010");
        assert_eq!(format_integer('d', 7, &spec(Some(3))), "007");
        assert_eq!(format_float('f', 1.23456, &spec(Some(2))), "1.23");
        assert_eq!(format_float('e', 12345.678, &spec(None)), "1.234568e+04");
        assert_eq!(format_float('g', 0.0001, &spec(None)), "0.0001");
        assert_eq!(format_float('g', 1_000_000.0, &spec(None)), "1e+06");
        assert_eq!(format_float('g', 100_000.0, &spec(None)), "100000");
        assert_eq!(format_float('G', 1e-10, &spec(None)), "1E-10");
        assert_eq!(format_float('f', 2.5, &spec(Some(0))), "2");
        assert_eq!(format_float('f', -0.4, &spec(Some(0))), "-0");
        assert_eq!(format_float('g', 1.5, &alt), "1.50000");
        let w = Spec {
            width: 5,
            precision: Some(1),
            ..Spec::default()
        };
        assert_eq!(format_float('f', 2.25, &w), "  2.2");
    }
}
