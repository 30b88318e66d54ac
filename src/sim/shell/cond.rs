//! Running `case … esac` and `[[ … ]]`: glob patterns against words, `=~` regular expressions
//! (with `BASH_REMATCH`), string, number and file tests.

use super::ast::{CaseEnd, CaseItem, CondExpr, Word};
use super::exec::{Interp, Stdin};
use super::glob::{self, Pattern};
use crate::sim::output::Output;
use std::collections::BTreeMap;

impl Interp<'_> {
    /// `case word in …`: runs the body of the first item whose pattern matches.
    pub(super) fn run_case(
        &mut self,
        word: &Word,
        items: &[CaseItem],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        let Some(subject) = self.expand_string(word, out) else {
            return 1;
        };
        let subject: Vec<char> = subject.chars().collect();
        let mut status = 0;
        let mut fall = false;
        for item in items {
            if !fall && !self.case_matches(item, &subject, out) {
                continue;
            }
            status = self.run_list(&item.body, stdin, out);
            if self.stopped() {
                return status;
            }
            match item.end {
                CaseEnd::Break => return status,
                CaseEnd::FallThrough => fall = true,
                CaseEnd::Continue => fall = false,
            }
        }
        status
    }

    fn case_matches(&mut self, item: &CaseItem, subject: &[char], out: &mut Output) -> bool {
        item.patterns.iter().any(|p| {
            self.expand_pattern(p, out)
                .is_some_and(|pat| glob::matches(&pat, subject))
        })
    }

    /// `[[ expr ]]`: 0 true, 1 false, 2 for an error (a bad regex).
    pub(super) fn run_cond(&mut self, expr: &CondExpr, out: &mut Output) -> i32 {
        match self.cond(expr, out) {
            Some(true) => 0,
            Some(false) => 1,
            None => 2,
        }
    }

    fn cond(&mut self, expr: &CondExpr, out: &mut Output) -> Option<bool> {
        Some(match expr {
            CondExpr::Word(w) => !self.expand_string(w, out)?.is_empty(),
            CondExpr::Not(e) => !self.cond(e, out)?,
            CondExpr::And(a, b) => self.cond(a, out)? && self.cond(b, out)?,
            CondExpr::Or(a, b) => self.cond(a, out)? || self.cond(b, out)?,
            CondExpr::Unary(op, w) => {
                let arg = self.expand_string(w, out)?;
                let args = [op.clone(), arg];
                super::testcmd::run(self.st, &*self.host, "[[", &args, out) == 0
            }
            CondExpr::Binary(l, op, r) => {
                let left = self.expand_string(l, out)?;
                match op.as_str() {
                    "==" | "=" | "!=" => {
                        let pat = self.expand_pattern(r, out)?;
                        let chars: Vec<char> = left.chars().collect();
                        glob::matches(&pat, &chars) == (op != "!=")
                    }
                    "=~" => {
                        let pat = self.expand_pattern(r, out)?;
                        return self.regex_match(&left, &pat);
                    }
                    "<" => left < self.expand_string(r, out)?,
                    ">" => left > self.expand_string(r, out)?,
                    _ => {
                        let right = self.expand_string(r, out)?;
                        return self.cond_numeric(&left, op, &right, out);
                    }
                }
            }
        })
    }

    fn cond_numeric(
        &mut self,
        left: &str,
        op: &str,
        right: &str,
        out: &mut Output,
    ) -> Option<bool> {
        if matches!(op, "-nt" | "-ot" | "-ef") {
            let args = [left.to_string(), op.to_string(), right.to_string()];
            return Some(super::testcmd::run(self.st, &*self.host, "[[", &args, out) == 0);
        }
        // Inside `[[ ]]` the operands of -eq & co. are arithmetic expressions.
        let (a, b) = (self.arith(left, out)?, self.arith(right, out)?);
        Some(match op {
            "-eq" => a == b,
            "-ne" => a != b,
            "-lt" => a < b,
            "-le" => a <= b,
            "-gt" => a > b,
            _ => a >= b,
        })
    }

    /// `string =~ regex`: POSIX extended regex (quoted parts literal); sets `BASH_REMATCH`.
    fn regex_match(&mut self, s: &str, pat: &Pattern) -> Option<bool> {
        let mut source = String::new();
        for &(c, quoted) in pat {
            if quoted && !c.is_alphanumeric() {
                source.push('\\');
            }
            source.push(c);
        }
        let re = match super::regex::Regex::new(&source) {
            Ok(re) => re,
            // bash gives status 2 for a pattern regcomp refuses, without a message.
            Err(_) => return None,
        };
        let mut groups = BTreeMap::new();
        let matched = match re.captures(s) {
            Some(caps) => {
                groups.extend(caps.into_iter().enumerate());
                true
            }
            None => false,
        };
        let var = self.st.vars.entry("BASH_REMATCH".to_string()).or_default();
        var.array = Some(groups);
        Some(matched)
    }
}
