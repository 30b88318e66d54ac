//! The builtins bash runs itself: cd, pwd, echo, printf, export, unset, exit, history, true,
//! false, `:`, test and `[`, type, help, clear, read, break, continue.

use super::exec::{Interp, LoopCtl, Stdin};
use super::testcmd;
use super::Var;
use crate::sim::output::Output;

/// The builtins podscope simulates (for `type`, `help` and completion).
pub const BUILTINS: [&str; 44] = [
    ".",
    ":",
    "[",
    "alias",
    "break",
    "builtin",
    "cd",
    "clear",
    "command",
    "continue",
    "declare",
    "echo",
    "enable",
    "eval",
    "exec",
    "exit",
    "export",
    "false",
    "getopts",
    "hash",
    "help",
    "history",
    "let",
    "local",
    "printf",
    "pwd",
    "read",
    "readonly",
    "return",
    "set",
    "shift",
    "shopt",
    "source",
    "test",
    "times",
    "true",
    "type",
    "typeset",
    "umask",
    "unalias",
    "unset",
    "wait",
    "mapfile",
    "readarray",
];

/// bash's reserved words (for `type` and completion).
pub const KEYWORDS: [&str; 20] = [
    "!", "[[", "]]", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if",
    "in", "select", "then", "until", "while", "{", "}",
];

impl Interp<'_> {
    /// Runs `argv` when it names a builtin; `None` otherwise.
    pub(super) fn builtin(
        &mut self,
        argv: &[String],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        let (name, args) = argv.split_first()?;
        if let Some(status) = self.var_builtin(name, args, stdin, out) {
            return Some(status);
        }
        if let Some(status) = self.more_builtin(name, args, stdin, out) {
            return Some(status);
        }
        Some(match name.as_str() {
            ":" | "true" => 0,
            "false" => 1,
            "cd" => self.cd(args, out),
            "echo" => echo(args, out),
            "printf" => self.printf_builtin(args, out),
            "export" => self.export(args, out),
            "unset" => {
                let functions = args.iter().any(|a| a == "-f");
                let mut status = 0;
                for a in args.iter().filter(|a| !a.starts_with('-')) {
                    if !functions && self.st.readonly.contains(a.as_str()) {
                        out.err(format!(
                            "bash: unset: {a}: cannot unset: readonly variable\n"
                        ));
                        status = 1;
                        continue;
                    }
                    if functions {
                        self.st.funcs.remove(a);
                    } else if let Some((name, index)) =
                        a.strip_suffix(']').and_then(|a| a.split_once('['))
                    {
                        let i = index.parse::<usize>().unwrap_or(usize::MAX);
                        if let Some(arr) = self.st.vars.get_mut(name).and_then(|v| v.array.as_mut())
                        {
                            arr.remove(&i);
                        }
                    } else if self.st.vars.remove(a).is_none() {
                        self.st.funcs.remove(a);
                    }
                }
                status
            }
            "shopt" => self.shopt_builtin(args, out),
            "exit" => self.exit(args, out),
            "history" => {
                let skip = args
                    .first()
                    .and_then(|n| n.parse::<usize>().ok())
                    .map_or(0, |n| self.history.len().saturating_sub(n));
                for (i, line) in self.history.iter().enumerate().skip(skip) {
                    out.out(format!("{:5}  {line}\n", i.saturating_add(1)));
                }
                0
            }
            "test" | "[" => testcmd::run(self.st, &*self.host, name, args, out),
            "type" => self.type_builtin(args, out),
            "help" => help(out),
            "clear" => {
                self.clear = true;
                0
            }
            "read" => self.read(args, stdin, out),
            "mapfile" | "readarray" => self.mapfile(args, stdin, out),
            "getopts" => self.getopts(args, out),
            "break" | "continue" => self.loop_control(name, args, out),
            "command" => self.command_builtin(args, stdin, out),
            _ => return None,
        })
    }

    fn cd(&mut self, args: &[String], out: &mut Output) -> i32 {
        let args: Vec<&String> = args.iter().skip_while(|a| a.as_str() == "--").collect();
        if args.len() > 1 {
            out.err("bash: cd: too many arguments\n");
            return 1;
        }
        let (target, print) = match args.first().map(|s| s.as_str()) {
            None => match self.st.get("HOME") {
                Some(h) => (h.to_string(), false),
                None => {
                    out.err("bash: cd: HOME not set\n");
                    return 1;
                }
            },
            Some("-") => match self.st.get("OLDPWD") {
                Some(o) => (o.to_string(), true),
                None => {
                    out.err("bash: cd: OLDPWD not set\n");
                    return 1;
                }
            },
            Some("") => return 0,
            Some(t) => (t.to_string(), false),
        };
        let abs = self.st.abs(&target);
        if !self.host.exists(&abs) {
            out.err(format!("bash: cd: {target}: No such file or directory\n"));
            return 1;
        }
        if !self.host.is_dir(&abs) {
            out.err(format!("bash: cd: {target}: Not a directory\n"));
            return 1;
        }
        let old = std::mem::replace(&mut self.st.cwd, abs.clone());
        self.st.set("OLDPWD", old);
        // bash starts with OLDPWD exported (and unset).
        if let Some(v) = self.st.vars.get_mut("OLDPWD") {
            v.exported = true;
        }
        self.st.set("PWD", abs.clone());
        if print {
            out.out(format!("{abs}\n"));
        }
        0
    }

    fn export(&mut self, args: &[String], out: &mut Output) -> i32 {
        let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if args
            .iter()
            .take_while(|a| a.starts_with('-'))
            .any(|a| a.contains('n'))
        {
            for name in names {
                let (name, value) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (name.as_str(), None),
                };
                if let Some(v) = value {
                    self.st.set(name, v);
                }
                if let Some(var) = self.st.vars.get_mut(name) {
                    var.exported = false;
                }
            }
            return 0;
        }
        if names.is_empty() {
            for (k, v) in self.st.vars.iter().filter(|(_, v)| v.exported) {
                out.out(format!(
                    "declare -x {k}=\"{}\"\n",
                    v.value.replace('\\', "\\\\").replace('"', "\\\"")
                ));
            }
            return 0;
        }
        let mut status = 0;
        for arg in names {
            let Some((name, value)) = super::declare::name_arg("export", arg, out) else {
                status = 1;
                continue;
            };
            match (self.st.vars.get_mut(name), value) {
                (Some(var), v) => {
                    var.exported = true;
                    if let Some(v) = v {
                        var.value = v;
                    }
                }
                (None, Some(value)) => {
                    self.st
                        .vars
                        .insert(name.to_string(), Var::scalar(value, true));
                }
                (None, None) => {}
            }
        }
        status
    }

    fn exit(&mut self, args: &[String], out: &mut Output) -> i32 {
        // bash says `exit` as it leaves; ash leaves without a word.
        if self.sub_depth == 0 && self.st.dialect == super::Dialect::Bash {
            out.err("exit\n");
        }
        let code = match args {
            [] => self.st.status,
            [n] => match n.trim().parse::<i64>() {
                Ok(v) => i32::try_from(v.rem_euclid(256)).unwrap_or(0),
                Err(_) => {
                    out.err(format!("bash: exit: {n}: numeric argument required\n"));
                    2
                }
            },
            _ => {
                out.err("bash: exit: too many arguments\n");
                return 1;
            }
        };
        self.exit = Some(code);
        code
    }

    /// `command NAME ARGS` (skips functions) and `command -v NAME…`.
    fn command_builtin(&mut self, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
        let Some((first, names)) = args.split_first() else {
            return 0;
        };
        match first.as_str() {
            "-v" => self.command_v(names, false, out),
            "-V" => self.command_v(names, true, out),
            _ => self.invoke_command(args, &[], stdin, out),
        }
    }

    fn loop_control(&mut self, name: &str, args: &[String], out: &mut Output) -> i32 {
        if self.loop_depth == 0 {
            out.err(format!(
                "bash: {name}: only meaningful in a `for', `while', or `until' loop\n"
            ));
            return 0;
        }
        let n = match args.first().map(|a| a.parse::<u32>()) {
            None => 1,
            Some(Ok(n)) if n > 0 => n,
            Some(_) => {
                let a = args.first().map_or("", |a| a.as_str());
                out.err(format!("bash: {name}: {a}: loop count out of range\n"));
                return 1;
            }
        };
        let n = n.min(self.loop_depth);
        self.loop_ctl = Some(if name == "break" {
            LoopCtl::Break(n)
        } else {
            LoopCtl::Continue(n)
        });
        0
    }
}

fn help(out: &mut Output) -> i32 {
    out.out("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\nThese shell commands are defined internally.  Type `help' to see this list.\n\n");
    out.out("podscope simulates these builtins:\n");
    out.out(format!(" {}\n", BUILTINS.join(" ")));
    out.out("and the keywords: if then elif else fi, for while until do done, case in esac,\n");
    out.out(" { }, [[ ]], (( )), function, !\n");
    0
}

/// Interprets one backslash escape at the start of `rest` (after the `\`). Returns the bytes, how
/// many chars were consumed, and whether output stops there (`\c`). `echo` octal needs a leading 0.
fn escape(rest: &[char], echo_octal: bool) -> (Vec<u8>, usize, bool) {
    let simple = |b: u8| (vec![b], 1, false);
    match rest.first() {
        Some('n') => simple(b'\n'),
        Some('t') => simple(b'\t'),
        Some('r') => simple(b'\r'),
        Some('a') => simple(7),
        Some('b') => simple(8),
        Some('e' | 'E') => simple(27),
        Some('f') => simple(12),
        Some('v') => simple(11),
        Some('\\') => simple(b'\\'),
        Some('c') => (Vec::new(), 1, true),
        Some('x') => {
            let digits: String = rest
                .iter()
                .skip(1)
                .take(2)
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            match u8::from_str_radix(&digits, 16) {
                Ok(b) => (vec![b], 1 + digits.len(), false),
                Err(_) => (b"\\x".to_vec(), 1, false),
            }
        }
        Some(c) if c.is_digit(8) && (!echo_octal || *c == '0') => {
            let skip = usize::from(echo_octal);
            let digits: String = rest
                .iter()
                .skip(skip)
                .take(3)
                .take_while(|c| c.is_digit(8))
                .collect();
            let value = u32::from_str_radix(&digits, 8).unwrap_or(0) & 0xff;
            (
                vec![u8::try_from(value).unwrap_or(0)],
                skip + digits.len(),
                false,
            )
        }
        Some('"') if !echo_octal => simple(b'"'),
        Some('\'') if !echo_octal => simple(b'\''),
        Some(&c) => (format!("\\{c}").into_bytes(), 1, false),
        None => (b"\\".to_vec(), 0, false),
    }
}

/// Expands backslash escapes in `s`; the bool is true when `\c` stopped the output.
pub(super) fn unescape(s: &str, echo: bool) -> (Vec<u8>, bool) {
    let chars: Vec<char> = s.chars().collect();
    let mut bytes = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            let (b, used, stop) = escape(chars.get(i + 1..).unwrap_or(&[]), echo);
            bytes.extend(b);
            if stop {
                return (bytes, true);
            }
            i += 1 + used;
        } else {
            let mut buf = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            i += 1;
        }
    }
    (bytes, false)
}

fn echo(args: &[String], out: &mut Output) -> i32 {
    let (mut newline, mut escapes) = (true, false);
    let mut words = args;
    while let Some((first, rest)) = words.split_first() {
        let flags = first
            .strip_prefix('-')
            .filter(|f| !f.is_empty() && f.chars().all(|c| matches!(c, 'n' | 'e' | 'E')));
        let Some(flags) = flags else { break };
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        words = rest;
    }
    let text = words.join(" ");
    if escapes {
        let (bytes, stopped) = unescape(&text, true);
        out.out(bytes);
        if stopped {
            return 0;
        }
    } else {
        out.out(text);
    }
    if newline {
        out.out("\n");
    }
    0
}

mod printf;
mod printf_conv;
