//! More builtins: `umask`, `wait`, `builtin`, `exec`, `times`, `enable`, `readonly`, `getopts`,
//! `pwd -L`/`-P`, `alias`/`unalias` and `hash`.

use super::builtins::BUILTINS;
use super::exec::{Interp, Stdin};
use super::quote::single_quoted;
use crate::sim::output::Output;

impl Interp<'_> {
    /// Runs `name` when it is one of this module's builtins; `None` otherwise.
    pub(super) fn more_builtin(
        &mut self,
        name: &str,
        args: &[String],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        Some(match name {
            "umask" => self.umask(args, out),
            "wait" => wait(args, out),
            "builtin" => match args.split_first() {
                None => 0,
                Some((first, _)) if BUILTINS.contains(&first.as_str()) => {
                    self.builtin(args, stdin, out).unwrap_or(0)
                }
                Some((first, _)) => {
                    out.err(format!("bash: builtin: {first}: not a shell builtin\n"));
                    1
                }
            },
            "exec" => {
                if args.is_empty() {
                    return Some(0);
                }
                let status = self.invoke_command(args, &[], stdin, out);
                self.exit = Some(status);
                status
            }
            "times" => {
                out.out("0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
                0
            }
            "enable" => {
                if args.is_empty() {
                    for b in BUILTINS {
                        out.out(format!("enable {b}\n"));
                    }
                    0
                } else {
                    out.err(
                        "bash: enable: podscope does not simulate turning builtins on or off\n",
                    );
                    1
                }
            }
            "readonly" => self.readonly(args, out),
            "pwd" => self.pwd(args, out),
            "alias" => self.alias(args, out),
            "unalias" => self.unalias(args, out),
            "hash" => self.hash(args, out),
            "." | "source" => self.source(name, args, stdin, out),
            _ => return None,
        })
    }

    /// `. FILE [ARG…]` / `source`: runs the file's commands in this shell (found on PATH when
    /// the name has no `/`, else in the working directory); `return` ends it.
    fn source(&mut self, who: &str, args: &[String], stdin: &mut Stdin, out: &mut Output) -> i32 {
        let Some((file, rest)) = args.split_first() else {
            out.err(format!(
                "bash: {who}: filename argument required\n{who}: usage: {who} filename [arguments]\n"
            ));
            return 2;
        };
        let path_var = self.st.get("PATH").unwrap_or("").to_string();
        let on_path = (!file.contains('/'))
            .then(|| {
                path_var
                    .split(':')
                    .map(|d| format!("{}/{file}", if d.is_empty() { "." } else { d }))
                    .map(|p| self.st.abs(&p))
                    .find(|p| self.host.exists(p) && !self.host.is_dir(p))
            })
            .flatten();
        let path = on_path.unwrap_or_else(|| self.st.abs(file));
        let text = match self.host.read_file(&path) {
            Ok(d) => String::from_utf8_lossy(&d).into_owned(),
            Err(e) => {
                out.err(format!("bash: {file}: {e}\n"));
                return 1;
            }
        };
        let list = match super::parser::parse(&text) {
            Ok(list) => list,
            Err(e) => {
                out.err(format!("bash: {file}: {e}\n"));
                return 2;
            }
        };
        if !self.nest(who, out) {
            return 1;
        }
        let saved =
            (!rest.is_empty()).then(|| std::mem::replace(&mut self.st.positional, rest.to_vec()));
        // A frame as a function has: `return` ends the file.
        self.locals.push(Vec::new());
        let mut status = self.run_list(&list, stdin, out);
        if let Some(code) = self.returning.take() {
            status = code;
        }
        if let Some(frame) = self.locals.pop() {
            self.put_back(frame);
        }
        if let Some(p) = saved {
            self.st.positional = p;
        }
        self.nesting = self.nesting.saturating_sub(1);
        status
    }

    /// `umask [-p] [-S] [MODE]`: octal or symbolic (`u=rwx,g=rx,o=`).
    fn umask(&mut self, args: &[String], out: &mut Output) -> i32 {
        let symbolic = args.iter().any(|a| a == "-S");
        let print = args.iter().any(|a| a == "-p");
        let Some(mode) = args.iter().find(|a| !a.starts_with('-')) else {
            let m = self.st.umask;
            if symbolic {
                out.out(format!("{}\n", symbolic_mask(m)));
            } else if print {
                out.out(format!("umask {m:04o}\n"));
            } else {
                out.out(format!("{m:04o}\n"));
            }
            return 0;
        };
        let parsed = if mode.bytes().all(|b| b.is_ascii_digit()) {
            u32::from_str_radix(mode, 8).ok().filter(|m| *m <= 0o777)
        } else {
            parse_symbolic(mode, self.st.umask)
        };
        match parsed {
            Some(m) => {
                self.st.umask = m;
                if symbolic {
                    out.out(format!("{}\n", symbolic_mask(m)));
                }
                0
            }
            None if mode.bytes().all(|b| b.is_ascii_digit()) => {
                out.err(format!("bash: umask: {mode}: octal number out of range\n"));
                1
            }
            None => {
                out.err(format!(
                    "bash: umask: `{}': invalid symbolic mode operator\n",
                    mode.chars().find(|c| !"ugoa".contains(*c)).unwrap_or('?')
                ));
                1
            }
        }
    }

    /// `readonly [-p] [NAME[=VALUE]…]`.
    fn readonly(&mut self, args: &[String], out: &mut Output) -> i32 {
        let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if names.is_empty() {
            let listed: Vec<String> = self.st.readonly.iter().cloned().collect();
            for name in listed {
                match self.st.vars.get(&name) {
                    Some(v) => out.out(super::declare::declaration(&name, v, true)),
                    None => out.out(format!("declare -r {name}\n")),
                }
            }
            return 0;
        }
        let mut status = 0;
        for arg in names {
            let Some((name, value)) = super::declare::name_arg("readonly", arg, out) else {
                status = 1;
                continue;
            };
            if let Some(v) = value {
                if self.st.readonly.contains(name) {
                    out.err(format!("bash: {name}: readonly variable\n"));
                    status = 1;
                    continue;
                }
                self.st.set(name, v);
            }
            self.st.readonly.insert(name.to_string());
        }
        status
    }

    /// `pwd [-L|-P]`: the logical directory, or with `-P` the one symlinks lead to.
    fn pwd(&mut self, args: &[String], out: &mut Output) -> i32 {
        let physical = args
            .iter()
            .rev()
            .find(|a| *a == "-P" || *a == "-L")
            .is_some_and(|a| a == "-P");
        let cwd = self.st.cwd.clone();
        let shown = if physical {
            self.host.realpath(&cwd).unwrap_or(cwd)
        } else {
            cwd
        };
        out.out(format!("{shown}\n"));
        0
    }

    /// Runs `argv` through its alias when its first word is one (interactive shells only):
    /// the alias text followed by the other words; `None` when there is no alias.
    pub(super) fn expand_alias(
        &mut self,
        argv: &[String],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        let name = argv.first()?;
        if !self.st.interactive || self.expanding.contains(name) {
            return None;
        }
        let text = self.st.aliases.get(name)?.clone();
        let rest: Vec<String> = argv
            .iter()
            .skip(1)
            .map(|a| super::quote::backslashed(a))
            .collect();
        let line = format!("{text} {}", rest.join(" "));
        let list = match super::parser::parse(&line) {
            Ok(list) => list,
            Err(e) => {
                out.err(format!("bash: {e}\n"));
                return Some(2);
            }
        };
        self.expanding.push(name.clone());
        let status = self.run_list(&list, stdin, out);
        self.expanding.pop();
        Some(status)
    }

    /// `alias [NAME[=VALUE]…]`.
    fn alias(&mut self, args: &[String], out: &mut Output) -> i32 {
        let names: Vec<&String> = args.iter().filter(|a| *a != "-p").collect();
        if names.is_empty() {
            for (k, v) in &self.st.aliases {
                out.out(format!("alias {k}={}\n", single_quoted(v)));
            }
            return 0;
        }
        let mut status = 0;
        for a in names {
            match a.split_once('=') {
                Some((k, v)) => {
                    self.st.aliases.insert(k.to_string(), v.to_string());
                }
                None => match self.st.aliases.get(a.as_str()) {
                    Some(v) => out.out(format!("alias {a}={}\n", single_quoted(v))),
                    None => {
                        out.err(format!("bash: alias: {a}: not found\n"));
                        status = 1;
                    }
                },
            }
        }
        status
    }

    /// `unalias [-a] NAME…`.
    fn unalias(&mut self, args: &[String], out: &mut Output) -> i32 {
        if args.iter().any(|a| a == "-a") {
            self.st.aliases.clear();
            return 0;
        }
        if args.is_empty() {
            out.err("unalias: usage: unalias [-a] name [name ...]\n");
            return 2;
        }
        let mut status = 0;
        for a in args {
            if self.st.aliases.remove(a.as_str()).is_none() {
                out.err(format!("bash: unalias: {a}: not found\n"));
                status = 1;
            }
        }
        status
    }

    /// `hash [-r] [NAME…]`: the programs found on PATH so far.
    fn hash(&mut self, args: &[String], out: &mut Output) -> i32 {
        if args.iter().any(|a| a == "-r") {
            self.st.hashed.clear();
            return 0;
        }
        let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if names.is_empty() {
            if self.st.hashed.is_empty() {
                out.out("hash: hash table empty\n");
            } else {
                out.out("hits\tcommand\n");
                for path in self.st.hashed.values() {
                    out.out(format!("   1\t{path}\n"));
                }
            }
            return 0;
        }
        let mut status = 0;
        let path_var = self.st.get("PATH").unwrap_or("").to_string();
        for name in names {
            match self.host.which(name, &path_var) {
                Some(p) => {
                    self.st.hashed.insert(name.clone(), p);
                }
                None if BUILTINS.contains(&name.as_str()) => {}
                None => {
                    out.err(format!("bash: hash: {name}: not found\n"));
                    status = 1;
                }
            }
        }
        status
    }
}

/// `wait [PID…]`: the shell never has background jobs.
fn wait(args: &[String], out: &mut Output) -> i32 {
    match args.iter().find(|a| !a.starts_with('-')) {
        None => 0,
        Some(pid) => {
            out.err(format!(
                "bash: wait: pid {pid} is not a child of this shell\n"
            ));
            127
        }
    }
}

/// `u=rwx,g=rx,o=`: what a mask leaves allowed.
fn symbolic_mask(mask: u32) -> String {
    let part = |shift: u32| {
        let allowed = !(mask >> shift) & 0o7;
        let mut s = String::new();
        for (bit, c) in [(4, 'r'), (2, 'w'), (1, 'x')] {
            if allowed & bit != 0 {
                s.push(c);
            }
        }
        s
    };
    format!("u={},g={},o={}", part(6), part(3), part(0))
}

/// Applies a symbolic mode (`u=rwx,g=rx,o=`, `g+w`, `o-r`) to the permissions `old` allows.
fn parse_symbolic(mode: &str, old: u32) -> Option<u32> {
    let mut allowed = !old & 0o777;
    for clause in mode.split(',') {
        let who_len = clause.chars().take_while(|c| "ugoa".contains(*c)).count();
        let (who, rest) = clause.split_at(who_len);
        let mut chars = rest.chars();
        let op = chars.next().filter(|c| "=+-".contains(*c))?;
        let mut bits = 0;
        for c in chars {
            bits |= match c {
                'r' => 4,
                'w' => 2,
                'x' => 1,
                _ => return None,
            };
        }
        let who = if who.is_empty() { "a" } else { who };
        for w in who.chars() {
            let shifts: &[u32] = match w {
                'u' => &[6],
                'g' => &[3],
                'o' => &[0],
                _ => &[6, 3, 0],
            };
            for s in shifts {
                match op {
                    '=' => allowed = (allowed & !(0o7 << s)) | (bits << s),
                    '+' => allowed |= bits << s,
                    _ => allowed &= !(bits << s),
                }
            }
        }
    }
    Some(!allowed & 0o777)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umask_modes() {
        assert_eq!(symbolic_mask(0o077), "u=rwx,g=,o=");
        assert_eq!(parse_symbolic("u=rwx,g=rx,o=", 0o022), Some(0o027));
        assert_eq!(parse_symbolic("g+w", 0o022), Some(0o002));
        assert_eq!(parse_symbolic("u=q", 0o022), None);
    }
}
