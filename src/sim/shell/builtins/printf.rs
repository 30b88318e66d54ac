//! The `printf` builtin: `%s %b %q %c %d %i %u %x %X %o %f %e %g %%` with flags, width and
//! precision (also `*` from the arguments), `-v VAR`; the format is reused while arguments
//! remain, missing ones read as empty or 0.

use super::printf_conv::{float, format_float, format_integer, integer, Spec};
use super::unescape;
use crate::sim::output::{Output, Stream};
use crate::sim::shell::exec::Interp;

/// What one `printf` writes at most, in bytes, when it reuses its format for many arguments:
/// beyond what the shell shows of a line, so the shell's "printed too much" stop ends the line
/// without first building hundreds of megabytes (`printf '%4000s' $(seq 100000)`).
const PRINTF_MAX_BYTES: usize = 16 * 1024 * 1024;

impl Interp<'_> {
    /// `printf [-v VAR] FORMAT [ARGS…]`: with `-v`, the text goes into VAR.
    pub(in crate::sim::shell) fn printf_builtin(
        &mut self,
        args: &[String],
        out: &mut Output,
    ) -> i32 {
        let (var, rest) = match args {
            [v, name, rest @ ..] if v == "-v" => (Some(name.clone()), rest),
            [v] if v == "-v" => {
                out.err("bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n");
                return 2;
            }
            [dd, rest @ ..] if dd == "--" => (None, rest),
            _ => (None, args),
        };
        let Some(name) = var else {
            return printf(rest, out);
        };
        if !crate::sim::shell::ast::is_name(&name) {
            out.err(format!("bash: printf: `{name}': not a valid identifier\n"));
            return 2;
        }
        let mut produced = Output::default();
        let status = printf(rest, &mut produced);
        out.err(produced.stream_bytes(Stream::Stderr));
        let text = String::from_utf8_lossy(&produced.stream_bytes(Stream::Stdout)).into_owned();
        self.st.set(&name, text);
        status
    }
}

/// The next argument (empty when they ran out).
fn next_arg(args: &mut &[String]) -> String {
    match args.split_first() {
        Some((a, rest)) => {
            *args = rest;
            a.clone()
        }
        None => String::new(),
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
                    '#' => spec.alt = true,
                    _ => break,
                }
                i += 1;
            }
            let plain = i;
            if fmt.get(i) == Some(&'*') {
                i += 1;
                let w = integer(&next_arg(&mut args), out, &mut status);
                spec.left |= w < 0;
                spec.width = usize::try_from(w.unsigned_abs()).unwrap_or(0).min(4096);
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
                if fmt.get(i) == Some(&'*') {
                    i += 1;
                    let v = integer(&next_arg(&mut args), out, &mut status);
                    p = usize::try_from(v).unwrap_or(0).min(4096);
                }
                while let Some(d) = fmt.get(i).and_then(|c| c.to_digit(10)) {
                    p = p.saturating_mul(10).saturating_add(d as usize).min(4096);
                    i += 1;
                }
                spec.precision = Some(p);
            }
            // Length modifiers mean nothing to bash's printf.
            while fmt.get(i).is_some_and(|c| "hjlLtz".contains(*c)) {
                i += 1;
            }
            let Some(&conv) = fmt.get(i) else {
                out.out(&text);
                out.err("bash: printf: `%': missing format character\n");
                return 1;
            };
            i += 1;
            if conv == '%' && i == plain + 1 {
                text.push(b'%');
                continue;
            }
            if conv == '(' {
                out.out(&text);
                out.err("bash: printf: podscope does not simulate %(…)T time formats\n");
                return 1;
            }
            let arg = if matches!(
                conv,
                'd' | 'i'
                    | 'u'
                    | 'x'
                    | 'X'
                    | 'o'
                    | 'f'
                    | 'F'
                    | 'e'
                    | 'E'
                    | 'g'
                    | 'G'
                    | 's'
                    | 'b'
                    | 'c'
                    | 'q'
            ) {
                next_arg(&mut args)
            } else {
                String::new()
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
                'q' => spec.pad(crate::sim::shell::quote::backslashed(&arg), false),
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    format_integer(conv, integer(&arg, out, &mut status), &spec)
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                    format_float(conv, float(&arg, out, &mut status), &spec)
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
