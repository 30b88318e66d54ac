//! Word expansion as bash does it, in order: tilde, parameters, command substitution and
//! arithmetic, field splitting of unquoted results, globbing, quote removal.

use super::arith::{self, ArithVars};
use super::ast::{List, Word, WordPart};
use super::exec::{Interp, Stdin};
use super::glob::{self, Pattern};
use super::params::Expanded;
use super::{State, MAX_OUTPUT};
use crate::sim::output::{Output, Stream};
use std::collections::BTreeMap;

/// Fields being built from one word: the finished ones and the one in progress.
#[derive(Default)]
struct Fields {
    done: Vec<Pattern>,
    cur: Pattern,
    /// The current field exists even if empty (it had quotes, or text).
    has: bool,
    /// An empty `"$@"` was expanded: a field with nothing else in it vanishes.
    vanish: bool,
    /// `$IFS` (`None`: unset, which splits like space, tab and newline).
    ifs: Option<String>,
    /// The last character was IFS white space that ended a field (a non-white IFS character
    /// right after it belongs to the same separator).
    after_white: bool,
}

impl Fields {
    /// Fields split at the shell's `$IFS`.
    fn new(st: &State) -> Fields {
        Fields {
            ifs: st.get("IFS").map(str::to_string),
            ..Fields::default()
        }
    }

    fn push(&mut self, s: &str, quoted: bool) {
        self.has = true;
        self.cur.extend(s.chars().map(|c| (c, quoted)));
    }

    /// An unquoted expansion: split at `$IFS` as POSIX says (runs of IFS white space are one
    /// separator; each other IFS character ends a field, even an empty one), each piece still
    /// globbed.
    fn push_split(&mut self, s: &str) {
        let ifs = self.ifs.clone().unwrap_or_else(|| " \t\n".to_string());
        for c in s.chars() {
            if !ifs.contains(c) {
                self.cur.push((c, false));
                self.has = true;
                self.after_white = false;
            } else if matches!(c, ' ' | '\t' | '\n') {
                if self.has {
                    self.done.push(std::mem::take(&mut self.cur));
                    self.has = false;
                    self.after_white = true;
                }
            } else {
                if self.has || !self.after_white {
                    self.done.push(std::mem::take(&mut self.cur));
                }
                self.has = false;
                self.after_white = false;
            }
        }
    }

    /// `"$@"`-like fields: the first joins the current field, each later one starts a new one.
    fn push_fields(&mut self, items: &[String], split: bool) {
        if items.is_empty() {
            self.vanish = true;
        }
        for (i, item) in items.iter().enumerate() {
            if i > 0 && (self.has || !split) {
                self.done.push(std::mem::take(&mut self.cur));
                self.has = false;
            }
            if split {
                self.push_split(item);
            } else {
                self.push(item, true);
            }
        }
    }

    fn finish(mut self) -> Vec<Pattern> {
        if self.has && !(self.vanish && self.cur.is_empty()) {
            self.done.push(self.cur);
        }
        self.done
    }
}

impl Interp<'_> {
    /// Expands command words into arguments (with splitting and globbing). `None`: an error was
    /// printed and the command must not run.
    pub(super) fn expand_words(&mut self, words: &[Word], out: &mut Output) -> Option<Vec<String>> {
        let mut args = Vec::new();
        for w in super::brace::expand(words).iter() {
            let mut fields = Fields::new(self.st);
            self.expand_into(w, &mut fields, out)?;
            for f in fields.finish() {
                let found = if self.st.opts.noglob {
                    None
                } else {
                    glob::expand(self.st, &*self.host, &f)
                };
                match found {
                    Some(matches) => args.extend(matches),
                    None if self.st.opts.nullglob && !self.st.opts.noglob && glob::is_glob(&f) => {}
                    None => args.push(f.iter().map(|&(c, _)| c).collect()),
                }
            }
        }
        Some(args)
    }

    /// Expands one word into fields without globbing (redirection targets).
    pub(super) fn expand_fields(&mut self, word: &Word, out: &mut Output) -> Option<Vec<String>> {
        let mut fields = Fields::new(self.st);
        self.expand_into(word, &mut fields, out)?;
        Some(
            fields
                .finish()
                .into_iter()
                .map(|f| f.iter().map(|&(c, _)| c).collect())
                .collect(),
        )
    }

    /// Expands one word into one string: no splitting, no globbing (assignments).
    pub(super) fn expand_string(&mut self, word: &Word, out: &mut Output) -> Option<String> {
        self.expand_chars(word, out)
            .map(|p| p.iter().map(|&(c, _)| c).collect())
    }

    /// Expands a pattern word (`case`, `[[ == ]]`, `${x#…}`): quoted characters stay literal,
    /// unquoted ones (including expansion results) are pattern characters.
    pub(super) fn expand_pattern(&mut self, word: &Word, out: &mut Output) -> Option<Pattern> {
        self.expand_chars(word, out)
    }

    fn expand_chars(&mut self, word: &Word, out: &mut Output) -> Option<Pattern> {
        let mut fields = Fields::default();
        for part in &word.parts {
            let quoted = match part {
                WordPart::Lit(_) => false,
                WordPart::Param { quoted, .. }
                | WordPart::CmdSub { quoted, .. }
                | WordPart::Arith { quoted, .. } => *quoted,
                _ => true,
            };
            match self.expand_part(part, out)? {
                Expanded::Text(text, _) => fields.push(&text, quoted),
                Expanded::Fields(items, _) => fields.push(&items.join(&self.ifs_joiner()), quoted),
            }
            if fields.cur.len() > MAX_OUTPUT {
                self.interrupted = true;
                return None;
            }
        }
        Some(fields.cur)
    }

    fn expand_into(&mut self, word: &Word, fields: &mut Fields, out: &mut Output) -> Option<()> {
        for part in &word.parts {
            match self.expand_part(part, out)? {
                Expanded::Text(text, true) => fields.push_split(&text),
                Expanded::Text(text, false) => {
                    fields.push(&text, !matches!(part, WordPart::Lit(_)));
                }
                Expanded::Fields(items, split) => fields.push_fields(&items, split),
            }
            if fields.cur.len() > MAX_OUTPUT {
                self.interrupted = true;
                return None;
            }
        }
        Some(())
    }

    /// One part's expansion.
    fn expand_part(&mut self, part: &WordPart, out: &mut Output) -> Option<Expanded> {
        Some(match part {
            WordPart::Lit(s) | WordPart::Quoted(s) => Expanded::Text(s.clone(), false),
            WordPart::Tilde => {
                Expanded::Text(self.st.get("HOME").unwrap_or("/").to_string(), false)
            }
            WordPart::Param {
                name,
                index,
                op,
                quoted,
            } => self.param(name, index.as_deref(), op, *quoted, out)?,
            WordPart::CmdSub { body, quoted } => {
                Expanded::Text(self.command_subst(body, out), !quoted)
            }
            WordPart::Arith { expr, quoted } => {
                Expanded::Text(self.arith(expr, out)?.to_string(), !quoted)
            }
            WordPart::BadSubst(text) => {
                out.err(format!("bash: {text}: bad substitution\n"));
                if !self.st.interactive {
                    self.exit = Some(1);
                }
                return None;
            }
        })
    }

    /// Evaluates an arithmetic expression after expanding `$…` in it; `None`: the error
    /// was printed.
    pub(super) fn arith(&mut self, expr: &str, out: &mut Output) -> Option<i64> {
        let text = if expr.contains(['$', '`']) {
            let word = super::heredoc::dquote_word(expr);
            self.expand_string(&word, out)?
        } else {
            expr.to_string()
        };
        match arith::eval(&text, &mut StateVars(self.st)) {
            Ok(v) => Some(v),
            Err(e) => {
                out.err(format!("bash: {e}\n"));
                self.expansion_failed(1);
                None
            }
        }
    }

    /// `$(…)`: runs `body` in a subshell, returns its stdout without trailing newlines; its stderr
    /// goes where the shell's stderr goes.
    fn command_subst(&mut self, body: &List, out: &mut Output) -> String {
        let mut o = Output::default();
        let status = self.with_stdout_tty(false, |me| {
            me.subshell(|me| {
                // Without `shopt -s inherit_errexit`, `set -e` does not reach into `$(…)`.
                me.st.opts.errexit = false;
                me.run_list(body, &mut Stdin::tty(), &mut o)
            })
        });
        self.subst_status = Some(status);
        let mut stdout = Vec::new();
        for (stream, bytes) in o.chunks {
            match stream {
                Stream::Stdout => stdout.extend_from_slice(&bytes),
                Stream::Stderr => out.err(&bytes),
            }
        }
        let mut s = String::from_utf8_lossy(&stdout).into_owned();
        s.truncate(s.trim_end_matches('\n').len());
        s
    }
}

/// The shell's variables as arithmetic sees them (`a[i]` elements included).
struct StateVars<'a>(&'a mut State);

impl ArithVars for StateVars<'_> {
    fn get(&mut self, name: &str, index: Option<i64>) -> String {
        match index {
            None => self.0.get(name).unwrap_or("").to_string(),
            Some(i) => self
                .0
                .vars
                .get(name)
                .and_then(|v| match &v.array {
                    Some(a) => usize::try_from(i).ok().and_then(|i| a.get(&i).cloned()),
                    None => (i == 0).then(|| v.value.clone()),
                })
                .unwrap_or_default(),
        }
    }

    fn set(&mut self, name: &str, index: Option<i64>, value: i64) {
        match index.and_then(|i| usize::try_from(i).ok()) {
            None => self.0.set(name, value.to_string()),
            Some(i) => self.0.set_element(name, i, value.to_string()),
        }
    }
}

/// Makes `var` an array (its scalar value becoming element 0) and returns its elements.
pub(super) fn as_array(var: &mut super::Var) -> &mut BTreeMap<usize, String> {
    if var.array.is_none() {
        let mut a = BTreeMap::new();
        a.insert(0, std::mem::take(&mut var.value));
        var.array = Some(a);
    }
    var.array.get_or_insert_with(BTreeMap::new)
}
