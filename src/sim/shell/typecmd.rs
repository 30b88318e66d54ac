//! `type [-afptP] NAME…` and `command -v`/`-V NAME…`: what a name runs — an alias, a keyword,
//! a function, a builtin or a file on PATH (and whether it is hashed).

use super::builtins::{BUILTINS, KEYWORDS};
use super::exec::Interp;
use crate::sim::output::Output;

/// What one name can be, in the order bash looks.
enum Found {
    Alias(String),
    Keyword,
    Function,
    Builtin,
    /// A file, and whether the hash table holds it.
    File(String, bool),
}

impl Interp<'_> {
    /// Every meaning of `name`, first the one bash would run; `skip_functions` for `-f`,
    /// `files_only` for `-P`.
    fn meanings(&self, name: &str, skip_functions: bool, files_only: bool) -> Vec<Found> {
        let mut found = Vec::new();
        if !files_only {
            if let Some(a) = self.st.aliases.get(name).filter(|_| self.st.interactive) {
                found.push(Found::Alias(a.clone()));
            }
            if KEYWORDS.contains(&name) {
                found.push(Found::Keyword);
            }
            if !skip_functions && self.st.funcs.contains_key(name) {
                found.push(Found::Function);
            }
            if BUILTINS.contains(&name) {
                found.push(Found::Builtin);
            }
        }
        if name.contains('/') {
            let abs = self.st.abs(name);
            if self.host.exists(&abs) && !self.host.is_dir(&abs) {
                found.push(Found::File(name.to_string(), false));
            }
            return found;
        }
        if let Some(p) = self.st.hashed.get(name) {
            found.push(Found::File(p.clone(), true));
        }
        let path_var = self.st.get("PATH").unwrap_or("").to_string();
        for dir in path_var.split(':') {
            let dir = if dir.is_empty() { "." } else { dir };
            if let Some(p) = self.host.which(name, dir) {
                if !found
                    .iter()
                    .any(|f| matches!(f, Found::File(q, _) if *q == p))
                {
                    found.push(Found::File(p, false));
                }
            }
        }
        found
    }

    /// `type`.
    pub(super) fn type_builtin(&mut self, args: &[String], out: &mut Output) -> i32 {
        let mut flags = String::new();
        let mut names = Vec::new();
        for a in args {
            match a.strip_prefix('-') {
                Some(f) if names.is_empty() && !f.is_empty() => flags.push_str(f),
                _ => names.push(a.as_str()),
            }
        }
        let (all, terse, path, force_path) = (
            flags.contains('a'),
            flags.contains('t'),
            flags.contains('p'),
            flags.contains('P'),
        );
        let mut status = 0;
        for name in names {
            let found = self.meanings(name, flags.contains('f'), force_path);
            if found.is_empty() {
                if !terse && !path && !force_path {
                    out.err(format!("bash: type: {name}: not found\n"));
                }
                status = 1;
                continue;
            }
            let shown = if all { found.len() } else { 1 };
            for f in found.iter().take(shown) {
                let line = match f {
                    _ if path || force_path => match f {
                        Found::File(p, _) => Some(format!("{p}\n")),
                        _ => None,
                    },
                    Found::Alias(_) if terse => Some("alias\n".into()),
                    Found::Alias(a) => Some(format!("{name} is aliased to `{a}'\n")),
                    Found::Keyword if terse => Some("keyword\n".into()),
                    Found::Keyword => Some(format!("{name} is a shell keyword\n")),
                    Found::Function if terse => Some("function\n".into()),
                    Found::Function => Some(self.function_text(name, out)),
                    Found::Builtin if terse => Some("builtin\n".into()),
                    Found::Builtin => Some(format!("{name} is a shell builtin\n")),
                    Found::File(_, _) if terse => Some("file\n".into()),
                    Found::File(p, true) if !all => Some(format!("{name} is hashed ({p})\n")),
                    Found::File(p, _) => Some(format!("{name} is {p}\n")),
                };
                if let Some(line) = line {
                    out.out(line);
                }
            }
        }
        status
    }

    /// `f is a function` (podscope does not print the body; it says so on stderr).
    fn function_text(&self, name: &str, out: &mut Output) -> String {
        out.err(format!(
            "bash: type: podscope does not print function bodies ({name} is defined)\n"
        ));
        format!("{name} is a function\n")
    }

    /// `command -v NAME…` (`verbose`: `-V`): what each name is, status 1 if one is nothing.
    pub(super) fn command_v(&mut self, names: &[String], verbose: bool, out: &mut Output) -> i32 {
        let mut status = 0;
        for name in names {
            let found = self.meanings(name, false, false);
            let Some(first) = found.first() else {
                if verbose {
                    out.err(format!("bash: command: {name}: not found\n"));
                }
                status = 1;
                continue;
            };
            let line = match (first, verbose) {
                (Found::Alias(a), false) => {
                    format!("alias {name}={}\n", super::quote::single_quoted(a))
                }
                (Found::File(p, _), false) => format!("{p}\n"),
                (_, false) => format!("{name}\n"),
                (Found::Alias(a), true) => format!("{name} is aliased to `{a}'\n"),
                (Found::Keyword, true) => format!("{name} is a shell keyword\n"),
                (Found::Function, true) => self.function_text(name, out),
                (Found::Builtin, true) => format!("{name} is a shell builtin\n"),
                (Found::File(p, true), true) => format!("{name} is hashed ({p})\n"),
                (Found::File(p, false), true) => format!("{name} is {p}\n"),
            };
            out.out(line);
        }
        status
    }
}
