//! The `test` and `[` builtins: POSIX's rules by argument count, then `!`, `( )`, `-a`, `-o`
//! for longer expressions; file tests ask the host.

use super::{ShellHost, State};
use crate::sim::output::Output;

/// A failed evaluation: the message after `bash: test: ` (status 2).
type TestResult = Result<bool, String>;

struct Test<'a> {
    st: &'a State,
    host: &'a dyn ShellHost,
}

const UNARY: [&str; 16] = [
    "-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-b", "-c", "-p", "-S", "-a",
];
const BINARY: [&str; 10] = ["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt"];

fn is_binary(op: &str) -> bool {
    BINARY.contains(&op) || op == "-ge"
}

/// Runs `test ARGS` (or `[ ARGS ]` when `name` is `[`): 0 true, 1 false, 2 error.
pub(super) fn run(
    st: &State,
    host: &dyn ShellHost,
    name: &str,
    args: &[String],
    out: &mut Output,
) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let args = if name == "[" {
        match args.split_last() {
            Some((&"]", rest)) => rest.to_vec(),
            _ => {
                out.err("bash: [: missing `]'\n");
                return 2;
            }
        }
    } else {
        args
    };
    match (Test { st, host }).eval(&args) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(msg) => {
            out.err(format!("bash: {name}: {msg}\n"));
            2
        }
    }
}

fn int(s: &str) -> Result<i64, String> {
    s.trim()
        .parse::<i64>()
        .map_err(|_| format!("{s}: integer expression expected"))
}

impl Test<'_> {
    fn eval(&self, a: &[&str]) -> TestResult {
        match a {
            [] => Ok(false),
            [x] => Ok(!x.is_empty()),
            ["!", x] => Ok(x.is_empty()),
            [op, x] if UNARY.contains(op) => self.unary(op, x),
            [x, _] => Err(format!("{x}: unary operator expected")),
            [l, op, r] if is_binary(op) => self.binary(l, op, r),
            [l, "-a", r] => Ok(!l.is_empty() && !r.is_empty()),
            [l, "-o", r] => Ok(!l.is_empty() || !r.is_empty()),
            ["!", rest @ ..] if a.len() <= 4 => self.eval(rest).map(|v| !v),
            ["(", x, ")"] => Ok(!x.is_empty()),
            [_, op, _] => Err(format!("{op}: binary operator expected")),
            _ => {
                let mut pos = 0;
                let v = self.or(a, &mut pos)?;
                match a.get(pos) {
                    None => Ok(v),
                    Some(extra) => Err(format!("{extra}: binary operator expected")),
                }
            }
        }
    }

    fn or(&self, a: &[&str], pos: &mut usize) -> TestResult {
        let mut v = self.and(a, pos)?;
        while a.get(*pos) == Some(&"-o") {
            *pos += 1;
            let r = self.and(a, pos)?;
            v = v || r;
        }
        Ok(v)
    }

    fn and(&self, a: &[&str], pos: &mut usize) -> TestResult {
        let mut v = self.primary(a, pos, 0)?;
        while a.get(*pos) == Some(&"-a") {
            *pos += 1;
            let r = self.primary(a, pos, 0)?;
            v = v && r;
        }
        Ok(v)
    }

    fn primary(&self, a: &[&str], pos: &mut usize, depth: usize) -> TestResult {
        if depth > 100 {
            return Err("expression too deeply nested".into());
        }
        let at = |i: usize| a.get(i).copied();
        match (at(*pos), at(*pos + 1), at(*pos + 2)) {
            (Some("!"), Some(_), _) => {
                *pos += 1;
                self.primary(a, pos, depth + 1).map(|v| !v)
            }
            (Some("("), _, _) => {
                *pos += 1;
                let v = self.or(a, pos)?;
                if at(*pos) != Some(")") {
                    return Err("`)' expected".into());
                }
                *pos += 1;
                Ok(v)
            }
            (Some(l), Some(op), Some(r)) if is_binary(op) => {
                *pos += 3;
                self.binary(l, op, r)
            }
            (Some(op), Some(x), _) if UNARY.contains(&op) && op != "-a" => {
                *pos += 2;
                self.unary(op, x)
            }
            (Some(x), _, _) => {
                *pos += 1;
                Ok(!x.is_empty())
            }
            (None, _, _) => Err("argument expected".into()),
        }
    }

    fn unary(&self, op: &str, x: &str) -> TestResult {
        let path = self.st.abs(x);
        let exists = !x.is_empty() && self.host.exists(&path);
        Ok(match op {
            "-z" => x.is_empty(),
            "-n" => !x.is_empty(),
            "-e" | "-a" | "-r" | "-w" | "-x" => exists,
            "-f" => exists && !self.host.is_dir(&path),
            "-d" => exists && self.host.is_dir(&path),
            "-s" => {
                exists
                    && (self.host.is_dir(&path)
                        || self.host.read_file(&path).is_ok_and(|d| !d.is_empty()))
            }
            _ => false,
        })
    }

    fn binary(&self, l: &str, op: &str, r: &str) -> TestResult {
        Ok(match op {
            "=" | "==" => l == r,
            "!=" => l != r,
            "<" => l < r,
            ">" => l > r,
            _ => {
                let (a, b) = (int(l)?, int(r)?);
                match op {
                    "-eq" => a == b,
                    "-ne" => a != b,
                    "-lt" => a < b,
                    "-le" => a <= b,
                    "-gt" => a > b,
                    _ => a >= b,
                }
            }
        })
    }
}
