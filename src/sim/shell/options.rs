//! The shell options podscope simulates — `set -e` (errexit), `-u` (nounset), `-C`
//! (noclobber), `-f` (noglob), `-o pipefail`, and shopt's `nullglob`, `failglob`, `dotglob`
//! and `nocaseglob` — and the `set` and `shopt` builtins that change them.

use super::exec::Interp;
use crate::sim::output::Output;

/// Which options are on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Options {
    /// `set -e`: a failing command ends the shell.
    pub errexit: bool,
    /// `set -u`: expanding an unset variable is an error.
    pub nounset: bool,
    /// `set -C`: `>` does not overwrite an existing file.
    pub noclobber: bool,
    /// `set -f`: no pathname expansion.
    pub noglob: bool,
    /// `set -o pipefail`: a pipeline fails when any stage fails.
    pub pipefail: bool,
    /// `shopt -s nullglob`: a glob that matches nothing expands to nothing.
    pub nullglob: bool,
}

/// `set -o` names and their one-letter flags, in bash's listing order (the others are fixed:
/// listed with their value in an interactive bash, refused when changed).
const SET_NAMES: &[(&str, Option<char>)] = &[
    ("allexport", Some('a')),
    ("braceexpand", Some('B')),
    ("emacs", None),
    ("errexit", Some('e')),
    ("errtrace", Some('E')),
    ("functrace", Some('T')),
    ("hashall", Some('h')),
    ("histexpand", Some('H')),
    ("history", None),
    ("ignoreeof", None),
    ("interactive-comments", None),
    ("keyword", Some('k')),
    ("monitor", Some('m')),
    ("noclobber", Some('C')),
    ("noexec", Some('n')),
    ("noglob", Some('f')),
    ("nolog", None),
    ("notify", Some('b')),
    ("nounset", Some('u')),
    ("onecmd", Some('t')),
    ("physical", Some('P')),
    ("pipefail", None),
    ("posix", None),
    ("privileged", Some('p')),
    ("verbose", Some('v')),
    ("vi", None),
    ("xtrace", Some('x')),
];

/// The shopt options podscope simulates.
const SHOPT_NAMES: &[&str] = &["nullglob"];

impl Options {
    /// The switch for a `set -o` name, if podscope simulates it.
    fn flag_mut(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "errexit" => &mut self.errexit,
            "nounset" => &mut self.nounset,
            "noclobber" => &mut self.noclobber,
            "noglob" => &mut self.noglob,
            "pipefail" => &mut self.pipefail,
            "nullglob" => &mut self.nullglob,
            _ => return None,
        })
    }

    /// Whether a `set -o` name is on (the fixed ones as an interactive bash has them).
    fn get(&self, name: &str, interactive: bool) -> bool {
        let mut copy = *self;
        if let Some(v) = copy.flag_mut(name) {
            return *v;
        }
        match name {
            "braceexpand" | "hashall" | "interactive-comments" => true,
            "emacs" | "histexpand" | "history" | "monitor" => interactive,
            _ => false,
        }
    }

    /// `$-`: the one-letter flags that are on.
    pub(crate) fn dollar_dash(&self, interactive: bool) -> String {
        let mut s = String::new();
        if self.errexit {
            s.push('e');
        }
        if self.noglob {
            s.push('f');
        }
        s.push('h');
        if interactive {
            s.push_str("im");
        }
        if self.nounset {
            s.push('u');
        }
        s.push('B');
        if self.noclobber {
            s.push('C');
        }
        if interactive {
            s.push_str("Hs");
        } else {
            s.push('c');
        }
        s
    }
}

impl Interp<'_> {
    /// `set [-euCf] [-o NAME] [+…] [--] [ARG…]`: options, then the positional parameters.
    pub(super) fn set_builtin(&mut self, args: &[String], out: &mut Output) -> i32 {
        if args.is_empty() {
            for (k, v) in &self.st.vars {
                if v.array.is_none() {
                    out.out(format!("{k}={}\n", super::quote::when_needed(&v.value)));
                }
            }
            return 0;
        }
        let mut i = 0;
        while let Some(a) = args.get(i) {
            let on = match a.chars().next() {
                Some('-') => true,
                Some('+') => false,
                _ => break,
            };
            i += 1;
            if a == "--" || a == "-" {
                self.st.positional = args.get(i..).unwrap_or_default().to_vec();
                return 0;
            }
            for c in a.chars().skip(1) {
                let status = if c == 'o' {
                    let name = args.get(i).cloned();
                    i += 1;
                    self.set_o(name.as_deref(), on, out)
                } else {
                    self.set_letter(c, on, out)
                };
                if status != 0 {
                    return status;
                }
            }
        }
        if i < args.len() {
            self.st.positional = args.get(i..).unwrap_or_default().to_vec();
        }
        0
    }

    /// One `set -X` letter.
    fn set_letter(&mut self, c: char, on: bool, out: &mut Output) -> i32 {
        let Some((name, _)) = SET_NAMES.iter().find(|(_, l)| *l == Some(c)) else {
            out.err(format!(
                "bash: set: {}{c}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n",
                if on { '-' } else { '+' }
            ));
            return 2;
        };
        self.set_o(Some(name), on, out)
    }

    /// `set -o NAME` / `set +o NAME`; without a name, the listing.
    fn set_o(&mut self, name: Option<&str>, on: bool, out: &mut Output) -> i32 {
        let interactive = self.sub_depth == 0;
        let Some(name) = name else {
            for (n, _) in SET_NAMES {
                let value = self.st.opts.get(n, interactive);
                if on {
                    let state = if value { "on" } else { "off" };
                    out.out(format!("{n:<15}\t{state}\n"));
                } else {
                    out.out(format!("set {}o {n}\n", if value { '-' } else { '+' }));
                }
            }
            return 0;
        };
        if !SET_NAMES.iter().any(|(n, _)| *n == name) {
            out.err(format!("bash: set: {name}: invalid option name\n"));
            return 2;
        }
        let current = self.st.opts.get(name, interactive);
        match self.st.opts.flag_mut(name) {
            Some(flag) => {
                *flag = on;
                0
            }
            None if current == on => 0,
            None => {
                out.err(format!(
                    "bash: set: podscope does not simulate the {name} option\n"
                ));
                1
            }
        }
    }

    /// `shopt [-s|-u|-p|-q] [NAME…]`: only `nullglob` is simulated; others say so.
    pub(super) fn shopt_builtin(&mut self, args: &[String], out: &mut Output) -> i32 {
        let mut mode = None;
        let mut names = Vec::new();
        for a in args {
            match a.as_str() {
                "-s" | "-u" | "-p" | "-q" => mode = Some(a.clone()),
                _ => names.push(a.clone()),
            }
        }
        let names = if names.is_empty() {
            SHOPT_NAMES.iter().map(|n| n.to_string()).collect()
        } else {
            names
        };
        let mut status = 0;
        for name in &names {
            if !SHOPT_NAMES.contains(&name.as_str()) {
                out.err(format!(
                    "bash: shopt: {name}: podscope simulates only the shopt option nullglob\n"
                ));
                status = 1;
                continue;
            }
            let Some(flag) = self.st.opts.flag_mut(name) else {
                continue;
            };
            match mode.as_deref() {
                Some("-s") => *flag = true,
                Some("-u") => *flag = false,
                Some("-q") => status = status.max(i32::from(!*flag)),
                Some(_) => out.out(format!(
                    "shopt {} {name}\n",
                    if *flag { "-s" } else { "-u" }
                )),
                None => out.out(format!(
                    "{name:<15}\t{}\n",
                    if *flag { "on" } else { "off" }
                )),
            }
        }
        status
    }
}
