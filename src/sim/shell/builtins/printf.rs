//! The `printf` builtin: `%s %b %d %i %u %x %X %o %c %%` with flags, width and precision; the
//! format is reused while arguments remain, missing ones read as empty or 0.

use super::unescape;
use crate::sim::output::Output;

/// What one `printf` writes at most, in bytes, when it reuses its format for many arguments:
/// beyond what the shell shows of a line, so the shell's "printed too much" stop ends the line
/// without first building hundreds of megabytes (`printf '%4000s' $(seq 100000)`).
const PRINTF_MAX_BYTES: usize = 16 * 1024 * 1024;

/// One conversion's flags, width and precision.
#[derive(Default)]
struct Spec {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    width: usize,
    precision: Option<usize>,
}

impl Spec {
    fn pad(&self, body: String, numeric: bool) -> String {
        let len = body.chars().count();
        if len >= self.width {
            return body;
        }
        let fill = self.width.saturating_sub(len);
        if self.left {
            format!("{body}{}", " ".repeat(fill))
        } else if self.zero && numeric {
            let (sign, digits) = match body.strip_prefix(['-', '+']) {
                Some(d) => body.split_at(body.len().saturating_sub(d.len())),
                None => ("", body.as_str()),
            };
            format!("{sign}{}{digits}", "0".repeat(fill))
        } else {
            format!("{}{body}", " ".repeat(fill))
        }
    }
}

/// A printf number argument: decimal, `0x` hex, leading-0 octal, or `'c` (the character's code).
fn number(arg: &str, out: &mut Output, status: &mut i32) -> i64 {
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
    let parsed = if let Some(h) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        i64::from_str_radix(h, 16)
    } else if digits.len() > 1 && digits.starts_with('0') {
        i64::from_str_radix(digits, 8)
    } else {
        digits.parse::<i64>()
    };
    match parsed {
        Ok(v) if neg => v.wrapping_neg(),
        Ok(v) => v,
        Err(_) => {
            out.err(format!("bash: printf: {arg}: invalid number\n"));
            *status = 1;
            let lead: String = t
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            lead.parse().unwrap_or(0)
        }
    }
}

/// `printf FORMAT [ARGS…]`.
pub(super) fn printf(args: &[String], out: &mut Output) -> i32 {
    let Some((format, mut args)) = args.split_first() else {
        out.err("printf: usage: printf [-v var] format [arguments]\n");
        return 2;
    };
    let fmt: Vec<char> = format.chars().collect();
    let mut status = 0;
    let mut written = 0usize;
    loop {
        let before = args.len();
        let mut i = 0;
        let mut text: Vec<u8> = Vec::new();
        while let Some(&c) = fmt.get(i) {
            i += 1;
            if c == '\\' {
                let (one, used) = first_escape(fmt.get(i..).unwrap_or(&[]));
                text.extend(one);
                i += used;
                continue;
            }
            if c != '%' {
                let mut buf = [0u8; 4];
                text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                continue;
            }
            let mut spec = Spec::default();
            while let Some(&f) = fmt.get(i) {
                match f {
                    '-' => spec.left = true,
                    '0' => spec.zero = true,
                    '+' => spec.plus = true,
                    ' ' => spec.space = true,
                    '#' => {}
                    _ => break,
                }
                i += 1;
            }
            while let Some(d) = fmt.get(i).and_then(|c| c.to_digit(10)) {
                spec.width = spec
                    .width
                    .saturating_mul(10)
                    .saturating_add(d as usize)
                    .min(4096);
                i += 1;
            }
            if fmt.get(i) == Some(&'.') {
                i += 1;
                let mut p = 0usize;
                while let Some(d) = fmt.get(i).and_then(|c| c.to_digit(10)) {
                    p = p.saturating_mul(10).saturating_add(d as usize).min(4096);
                    i += 1;
                }
                spec.precision = Some(p);
            }
            let Some(&conv) = fmt.get(i) else {
                text.extend_from_slice(b"%");
                break;
            };
            i += 1;
            if conv == '%' {
                text.push(b'%');
                continue;
            }
            let arg = match args.split_first() {
                Some((a, rest)) => {
                    args = rest;
                    a.clone()
                }
                None => String::new(),
            };
            let piece = match conv {
                's' => {
                    let s: String = match spec.precision {
                        Some(p) => arg.chars().take(p).collect(),
                        None => arg,
                    };
                    spec.pad(s, false)
                }
                'b' => spec.pad(
                    String::from_utf8_lossy(&unescape(&arg, true).0).into_owned(),
                    false,
                ),
                'c' => spec.pad(
                    arg.chars().next().map(String::from).unwrap_or_default(),
                    false,
                ),
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = number(&arg, out, &mut status);
                    let body = match conv {
                        'x' => format!("{n:x}"),
                        'X' => format!("{n:X}"),
                        'o' => format!("{n:o}"),
                        _ if n >= 0 && spec.plus => format!("+{n}"),
                        _ if n >= 0 && spec.space => format!(" {n}"),
                        _ => n.to_string(),
                    };
                    spec.pad(body, true)
                }
                other => {
                    out.out(&text);
                    out.err(format!(
                        "bash: printf: `{other}': invalid format character\n"
                    ));
                    return 1;
                }
            };
            text.extend_from_slice(piece.as_bytes());
        }
        out.out(&text);
        written = written.saturating_add(text.len());
        if args.is_empty() || args.len() == before || written > PRINTF_MAX_BYTES {
            return status;
        }
    }
}

/// The first escape of a printf format (after its `\`): its bytes and the chars it used.
fn first_escape(rest: &[char]) -> (Vec<u8>, usize) {
    let (bytes, used, _) = super::escape(rest, false);
    (bytes, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reusing_the_format_stops_at_the_byte_budget() {
        let mut args = vec!["%4000s".to_string()];
        args.extend((0..100_000).map(|n| n.to_string()));
        let mut out = Output::default();
        assert_eq!(printf(&args, &mut out), 0);
        // 100000 × 4000 bytes would be 400 MB: printf stops after the first format past 16 MiB
        assert_eq!(out.len(), PRINTF_MAX_BYTES + 4000 - PRINTF_MAX_BYTES % 4000);
    }
}
