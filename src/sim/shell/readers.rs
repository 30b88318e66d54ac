//! The builtins that read input into variables: `read` (`-r`, `-a`, `-d`, `-n`, `-p`, `-s`,
//! `-t`, split at `$IFS`), `mapfile`/`readarray` and `getopts`.

use super::exec::{Interp, Stdin};
use super::Var;
use crate::sim::output::Output;
use std::collections::BTreeMap;

/// `read`'s options.
#[derive(Default)]
struct ReadOpts {
    raw: bool,
    array: Option<String>,
    delim: Option<u8>,
    count: Option<usize>,
    names: Vec<String>,
}

/// Splits `line` at `ifs` into at most `n` fields (`n == 0`: no limit); the last field keeps
/// the rest of the line, as `read` does.
pub(super) fn ifs_split(line: &str, ifs: &str, n: usize) -> Vec<String> {
    let white = |c: char| matches!(c, ' ' | '\t' | '\n') && ifs.contains(c);
    let other = |c: char| ifs.contains(c) && !white(c);
    let chars: Vec<char> = line.chars().collect();
    let mut fields = Vec::new();
    let mut i = 0;
    while chars.get(i).is_some_and(|c| white(*c)) {
        i += 1;
    }
    while i < chars.len() {
        if n > 0 && fields.len() + 1 == n {
            let mut rest: Vec<char> = chars.get(i..).unwrap_or_default().to_vec();
            while rest.last().is_some_and(|c| white(*c)) {
                rest.pop();
            }
            let text: String = rest.iter().collect();
            // One field and the one separator after it: the separator goes.
            let parts = ifs_split(&text, ifs, 0);
            match parts.as_slice() {
                [only] if text.len() > only.len() && text.ends_with(|c: char| other(c)) => {
                    fields.push(only.clone())
                }
                _ => fields.push(text),
            }
            return fields;
        }
        let start = i;
        while chars.get(i).is_some_and(|c| !ifs.contains(*c)) {
            i += 1;
        }
        fields.push(chars.get(start..i).unwrap_or_default().iter().collect());
        while chars.get(i).is_some_and(|c| white(*c)) {
            i += 1;
        }
        if chars.get(i).is_some_and(|c| other(*c)) {
            i += 1;
            while chars.get(i).is_some_and(|c| white(*c)) {
                i += 1;
            }
        }
    }
    fields
}

/// Removes `read`'s backslash escapes (without `-r`): `\x` is `x`.
fn unescape_read(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                s.push(n);
            }
        } else {
            s.push(c);
        }
    }
    s
}

impl Interp<'_> {
    /// `read [-rs] [-a ARRAY] [-d DELIM] [-n COUNT] [-p PROMPT] [-t SECS] [NAME…]`.
    pub(super) fn read(&mut self, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
        let Some(o) = read_opts(args, out) else {
            return 2;
        };
        if stdin.tty {
            // Waiting for the user to type: nothing will come before Ctrl-C.
            self.interrupted = true;
            return 130;
        }
        let (mut line, status) = match stdin.read_until(o.delim.unwrap_or(b'\n')) {
            Some((l, found)) => (l, i32::from(!found)),
            None => (String::new(), 1),
        };
        if let Some(n) = o.count {
            line = line.chars().take(n).collect();
        }
        let line = if o.raw { line } else { unescape_read(&line) };
        let ifs = self.st.get("IFS").unwrap_or(" \t\n").to_string();
        if let Some(name) = &o.array {
            let items = ifs_split(&line, &ifs, 0);
            let var = Var {
                array: Some(items.into_iter().enumerate().collect::<BTreeMap<_, _>>()),
                ..Var::default()
            };
            self.st.vars.insert(name.clone(), var);
            return status;
        }
        if o.names.is_empty() {
            self.st.set("REPLY", line);
            return status;
        }
        let mut fields = ifs_split(&line, &ifs, o.names.len()).into_iter();
        for name in &o.names {
            let value = fields.next().unwrap_or_default();
            self.st.set(name, value);
        }
        status
    }

    /// `mapfile [-t] [-n COUNT] [-s SKIP] [ARRAY]` (and `readarray`): one element a line.
    pub(super) fn mapfile(&mut self, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
        let mut trim = false;
        let mut count = usize::MAX;
        let mut skip = 0usize;
        let mut name = "MAPFILE".to_string();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-t" => trim = true,
                "-n" | "-s" => {
                    let v = it.next().and_then(|v| v.parse::<usize>().ok());
                    let Some(v) = v else {
                        out.err(format!("bash: mapfile: {a}: invalid number\n"));
                        return 1;
                    };
                    if a == "-n" {
                        count = if v == 0 { usize::MAX } else { v };
                    } else {
                        skip = v;
                    }
                }
                f if f.starts_with('-') => {
                    out.err(format!(
                        "bash: mapfile: {f}: podscope simulates only -t, -n and -s\n"
                    ));
                    return 2;
                }
                n => name = n.to_string(),
            }
        }
        if stdin.tty {
            self.interrupted = true;
            return 130;
        }
        let mut items = BTreeMap::new();
        let mut n = 0usize;
        while let Some((line, found)) = stdin.read_until(b'\n') {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            if n >= count {
                break;
            }
            let item = if found && !trim {
                format!("{line}\n")
            } else {
                line
            };
            items.insert(n, item);
            n += 1;
        }
        self.st.vars.insert(
            name,
            Var {
                array: Some(items),
                ..Var::default()
            },
        );
        0
    }

    /// `getopts OPTSTRING NAME [ARG…]`: the next option of the arguments (or of `$@`).
    pub(super) fn getopts(&mut self, args: &[String], out: &mut Output) -> i32 {
        let (Some(spec), Some(name)) = (args.first(), args.get(1)) else {
            out.err("bash: getopts: usage: getopts optstring name [arg ...]\n");
            return 2;
        };
        let list: Vec<String> = match args.get(2..) {
            Some(rest) if !rest.is_empty() => rest.to_vec(),
            _ => self.st.positional.clone(),
        };
        let silent = spec.starts_with(':');
        let optind: usize = self
            .st
            .get("OPTIND")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1)
            .max(1);
        let mut at = if self.st.getopts_at.0 == optind {
            self.st.getopts_at.1
        } else {
            0
        };
        let mut index = optind;
        let finish = |me: &mut Self, index: usize| {
            me.st.set(name, "?".to_string());
            me.st.set("OPTIND", index.to_string());
            me.st.getopts_at = (index, 0);
            1
        };
        let Some(arg) = list.get(index - 1) else {
            return finish(self, index);
        };
        if at == 0 {
            if arg == "--" {
                return finish(self, index + 1);
            }
            if !arg.starts_with('-') || arg == "-" {
                return finish(self, index);
            }
            at = 1;
        }
        let chars: Vec<char> = arg.chars().collect();
        let c = chars.get(at).copied().unwrap_or('?');
        at += 1;
        let at_end = at >= chars.len();
        let position = spec.trim_start_matches(':').find(c).filter(|_| c != ':');
        self.st.vars.remove("OPTARG");
        let mut value = c.to_string();
        match position {
            None => {
                if silent {
                    self.st.set("OPTARG", c.to_string());
                } else {
                    out.err(format!("bash: illegal option -- {c}\n"));
                }
                value = "?".into();
            }
            Some(p) if spec.trim_start_matches(':').chars().nth(p + 1) == Some(':') => {
                let optarg = if !at_end {
                    let v: String = chars.get(at..).unwrap_or_default().iter().collect();
                    index += 1;
                    at = 0;
                    Some(v)
                } else {
                    let v = list.get(index).cloned();
                    index += 2;
                    at = 0;
                    v
                };
                match optarg {
                    Some(v) => self.st.set("OPTARG", v),
                    None if silent => {
                        self.st.set("OPTARG", c.to_string());
                        value = ":".into();
                    }
                    None => {
                        out.err(format!("bash: option requires an argument -- {c}\n"));
                        value = "?".into();
                    }
                }
            }
            Some(_) => {}
        }
        if at != 0 && at >= chars.len() {
            index += 1;
            at = 0;
        }
        self.st.set(name, value);
        self.st.set("OPTIND", index.to_string());
        self.st.getopts_at = (index, at);
        0
    }
}

/// Parses `read`'s options; `None` after a usage error.
fn read_opts(args: &[String], out: &mut Output) -> Option<ReadOpts> {
    let mut o = ReadOpts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let Some(flags) = a
            .strip_prefix('-')
            .filter(|f| !f.is_empty() && o.names.is_empty())
        else {
            o.names.push(a.clone());
            continue;
        };
        let mut chars = flags.chars();
        while let Some(c) = chars.next() {
            let rest: String = chars.clone().collect();
            let mut value = || -> Option<String> {
                if rest.is_empty() {
                    it.next().cloned()
                } else {
                    Some(rest.clone())
                }
            };
            match c {
                'r' => o.raw = true,
                's' | 'e' => {}
                'a' | 'd' | 'n' | 'N' | 'p' | 't' | 'u' => {
                    let Some(v) = value() else {
                        out.err(format!("bash: read: -{c}: option requires an argument\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n"));
                        return None;
                    };
                    match c {
                        'a' => o.array = Some(v),
                        'd' => o.delim = Some(v.bytes().next().unwrap_or(0)),
                        'n' | 'N' => o.count = v.parse().ok(),
                        // The prompt shows only when input is a terminal; -t never times out
                        // here (input is all there); -u: podscope has only fd 0.
                        _ => {}
                    }
                    break;
                }
                other => {
                    out.err(format!("bash: read: -{other}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n"));
                    return None;
                }
            }
        }
    }
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_splits_like_bash() {
        assert_eq!(ifs_split("1,2,3,4,", ",", 3), ["1", "2", "3,4,"]);
        assert_eq!(ifs_split("1,2,3,", ",", 3), ["1", "2", "3"]);
        assert_eq!(ifs_split(" x , y  z ", ", ", 2), ["x", "y  z"]);
        assert_eq!(ifs_split("  p q  r ", " \t\n", 0), ["p", "q", "r"]);
        assert_eq!(ifs_split("a::b", ":", 0), ["a", "", "b"]);
        assert_eq!(ifs_split("root:x:0:0", ":", 4), ["root", "x", "0", "0"]);
    }
}
