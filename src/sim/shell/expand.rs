//! Word expansion as bash does it, in order: tilde, parameters, command substitution and
//! arithmetic, field splitting of unquoted results, globbing, quote removal.

use super::arith;
use super::ast::{List, ParamOp, Word, WordPart};
use super::exec::{Interp, Stdin};
use super::glob::{self, Pattern};
use super::MAX_OUTPUT;
use crate::sim::output::{Output, Stream};

/// Fields being built from one word: the finished ones and the one in progress.
#[derive(Default)]
struct Fields {
    done: Vec<Pattern>,
    cur: Pattern,
    /// The current field exists even if empty (it had quotes, or text).
    has: bool,
}

impl Fields {
    fn push(&mut self, s: &str, quoted: bool) {
        self.has = true;
        self.cur.extend(s.chars().map(|c| (c, quoted)));
    }

    /// An unquoted expansion: split on blanks and newlines, each piece still globbed.
    fn push_split(&mut self, s: &str) {
        for c in s.chars() {
            if matches!(c, ' ' | '\t' | '\n') {
                if self.has {
                    self.done.push(std::mem::take(&mut self.cur));
                    self.has = false;
                }
            } else {
                self.cur.push((c, false));
                self.has = true;
            }
        }
    }

    fn finish(mut self) -> Vec<Pattern> {
        if self.has {
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
        for w in words {
            let mut fields = Fields::default();
            self.expand_into(w, &mut fields, out)?;
            for f in fields.finish() {
                match glob::expand(self.st, &*self.host, &f) {
                    Some(matches) => args.extend(matches),
                    None => args.push(f.iter().map(|&(c, _)| c).collect()),
                }
            }
        }
        Some(args)
    }

    /// Expands one word into fields without globbing (redirection targets).
    pub(super) fn expand_fields(&mut self, word: &Word, out: &mut Output) -> Option<Vec<String>> {
        let mut fields = Fields::default();
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
        let mut fields = Fields::default();
        for part in &word.parts {
            let (text, _) = self.expand_part(part, out)?;
            fields.push(&text, true);
            if fields.cur.len() > MAX_OUTPUT {
                self.interrupted = true;
                return None;
            }
        }
        let s: String = fields.cur.iter().map(|&(c, _)| c).collect();
        Some(s)
    }

    fn expand_into(&mut self, word: &Word, fields: &mut Fields, out: &mut Output) -> Option<()> {
        for part in &word.parts {
            let (text, split) = self.expand_part(part, out)?;
            if split {
                fields.push_split(&text);
            } else {
                fields.push(&text, !matches!(part, WordPart::Lit(_)));
            }
            if fields.cur.len() > MAX_OUTPUT {
                self.interrupted = true;
                return None;
            }
        }
        Some(())
    }

    /// One part's text, and whether it is subject to field splitting.
    fn expand_part(&mut self, part: &WordPart, out: &mut Output) -> Option<(String, bool)> {
        Some(match part {
            WordPart::Lit(s) | WordPart::Quoted(s) => (s.clone(), false),
            WordPart::Tilde => (self.st.get("HOME").unwrap_or("/").to_string(), false),
            WordPart::Param { name, op, quoted } => (self.param(name, op, out)?, !quoted),
            WordPart::CmdSub { body, quoted } => (self.command_subst(body, out), !quoted),
            WordPart::Arith { expr, quoted } => {
                let st = &*self.st;
                match arith::eval(expr, &|n| st.get(n).unwrap_or("").to_string()) {
                    Ok(v) => (v.to_string(), !quoted),
                    Err(e) => {
                        out.err(format!("bash: {e}\n"));
                        return None;
                    }
                }
            }
            WordPart::BadSubst(text) => {
                out.err(format!("bash: {text}: bad substitution\n"));
                return None;
            }
        })
    }

    /// The value of `$name` (special parameters included), `None` when unset.
    fn lookup(&self, name: &str) -> Option<String> {
        match name {
            "?" => Some(self.st.status.to_string()),
            "$" => Some(self.st.pid.to_string()),
            "#" => Some("0".into()),
            "0" => Some("bash".into()),
            "-" => Some("himBHs".into()),
            "@" | "*" => Some(String::new()),
            _ => self.st.get(name).map(str::to_string),
        }
    }

    fn param(&mut self, name: &str, op: &ParamOp, out: &mut Output) -> Option<String> {
        let value = self.lookup(name);
        let set = |colon: bool| value.as_deref().is_some_and(|v| !colon || !v.is_empty());
        Some(match op {
            ParamOp::Plain => value.unwrap_or_default(),
            ParamOp::Length => value.map_or(0, |v| v.chars().count()).to_string(),
            ParamOp::Default { colon, word } if !set(*colon) => self.expand_string(word, out)?,
            ParamOp::Assign { colon, word } if !set(*colon) => {
                let v = self.expand_string(word, out)?;
                self.st.set(name, v.clone());
                v
            }
            ParamOp::Default { .. } | ParamOp::Assign { .. } => value.unwrap_or_default(),
            ParamOp::Alternate { colon, word } if set(*colon) => self.expand_string(word, out)?,
            ParamOp::Alternate { .. } => String::new(),
        })
    }

    /// `$(…)`: runs `body` in a subshell, returns its stdout without trailing newlines; its stderr
    /// goes where the shell's stderr goes.
    fn command_subst(&mut self, body: &List, out: &mut Output) -> String {
        let mut o = Output::default();
        let status = self.with_stdout_tty(false, |me| {
            me.subshell(|me| me.run_list(body, &mut Stdin::tty(), &mut o))
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
