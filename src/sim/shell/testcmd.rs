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

const UNARY: [&str; 23] = [
    "-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-b", "-c", "-p", "-S", "-a",
    "-g", "-u", "-k", "-O", "-G", "-N", "-v",
];

/// `-v NAME`: whether the variable (or `NAME[INDEX]`, an array element) is set.
pub(super) fn var_is_set(st: &State, x: &str) -> bool {
    let (name, index) = match x.strip_suffix(']').and_then(|t| t.split_once('[')) {
        Some((n, i)) => (n, Some(i)),
        None => (x, None),
    };
    if let Ok(n) = name.parse::<usize>() {
        return n == 0 || n <= st.positional.len();
    }
    let Some(var) = st.vars.get(name) else {
        return false;
    };
    match (index, &var.array) {
        (None, Some(a)) => a.contains_key(&0),
        (None, None) => true,
        (Some("@" | "*"), Some(a)) => !a.is_empty(),
        (Some(i), Some(a)) => i.trim().parse::<usize>().is_ok_and(|i| a.contains_key(&i)),
        (Some(i), None) => i.trim() == "0",
    }
}
const BINARY: [&str; 14] = [
    "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-ef", "-nt", "-ot",
];

fn is_binary(op: &str) -> bool {
    BINARY.contains(&op)
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
                    Some(_) => Err("too many arguments".into()),
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
        if op == "-z" || op == "-n" {
            return Ok((op == "-z") == x.is_empty());
        }
        if op == "-v" {
            return Ok(var_is_set(self.st, x));
        }
        let path = self.st.abs(x);
        let stat = (!x.is_empty())
            .then(|| self.host.stat(&path, !matches!(op, "-L" | "-h")))
            .flatten();
        let Some(st) = stat else {
            return Ok(false);
        };
        // The shell runs as root: every file is readable and writable.
        Ok(match op {
            "-e" | "-a" | "-r" | "-w" | "-O" | "-G" => true,
            "-x" => st.dir || st.mode & 0o111 != 0,
            "-f" => !st.dir,
            "-d" => st.dir,
            "-s" => st.size > 0,
            "-L" | "-h" => st.symlink,
            "-g" => st.mode & 0o2000 != 0,
            "-u" => st.mode & 0o4000 != 0,
            "-k" => st.mode & 0o1000 != 0,
            _ => false,
        })
    }

    /// `-ef`, `-nt` and `-ot` (a missing file is older than any other).
    fn files(&self, l: &str, op: &str, r: &str) -> bool {
        let st = |x: &str| self.host.stat(&self.st.abs(x), true);
        match (st(l), st(r), op) {
            (Some(a), Some(b), "-ef") => a.ino == b.ino,
            (Some(a), Some(b), "-nt") => a.mtime_ms > b.mtime_ms,
            (Some(a), Some(b), _) => a.mtime_ms < b.mtime_ms,
            (Some(_), None, "-nt") | (None, Some(_), "-ot") => true,
            _ => false,
        }
    }

    fn binary(&self, l: &str, op: &str, r: &str) -> TestResult {
        Ok(match op {
            "=" | "==" => l == r,
            "!=" => l != r,
            "<" => l < r,
            ">" => l > r,
            "-ef" | "-nt" | "-ot" => self.files(l, op, r),
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
