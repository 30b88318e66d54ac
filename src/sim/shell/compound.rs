//! The compound commands beyond `if`/`while`/`for`: `case`, `for ((;;))`, function
//! definitions, and the `NAME=(…)` array literal of an assignment.

use super::ast::{CaseEnd, CaseItem, Command, Word};
use super::lexer::{Op, Tok};
use super::parser::{ParseError, Parser};
use std::rc::Rc;

impl Parser {
    /// After `case`: `WORD in (pattern) list ;; … esac`.
    pub(super) fn case_rest(&mut self) -> Result<Command, ParseError> {
        let word = match self.next()? {
            Tok::Word(w, _) => w,
            other => return Err(self.unexpected(other)),
        };
        self.skip_newlines()?;
        let tok = self.next()?;
        if Self::reserved(&tok) != Some("in") {
            return Err(self.unexpected(tok));
        }
        let mut items = Vec::new();
        loop {
            self.skip_newlines()?;
            if Self::reserved(self.peek()?) == Some("esac") {
                self.next()?;
                break;
            }
            if self.peek()? == &Tok::Op(Op::LParen) {
                self.next()?;
            }
            let patterns = self.case_patterns()?;
            let body = self.list(&["esac"])?;
            let end = match self.next()? {
                Tok::Op(Op::DSemi) => CaseEnd::Break,
                Tok::Op(Op::SemiAnd) => CaseEnd::FallThrough,
                Tok::Op(Op::DSemiAnd) => CaseEnd::Continue,
                tok if Self::reserved(&tok) == Some("esac") => {
                    items.push(CaseItem {
                        patterns,
                        body,
                        end: CaseEnd::Break,
                    });
                    break;
                }
                other => return Err(self.unexpected(other)),
            };
            items.push(CaseItem {
                patterns,
                body,
                end,
            });
        }
        let redirs = self.redirs()?;
        Ok(Command::Case {
            word,
            items,
            redirs,
        })
    }

    /// `p1 | p2 )`.
    fn case_patterns(&mut self) -> Result<Vec<Word>, ParseError> {
        let mut patterns = Vec::new();
        loop {
            match self.next()? {
                Tok::Word(w, _) => patterns.push(w),
                other => return Err(self.unexpected(other)),
            }
            match self.next()? {
                Tok::Op(Op::Pipe) => {}
                Tok::Op(Op::RParen) => return Ok(patterns),
                other => return Err(self.unexpected(other)),
            }
        }
    }

    /// After `for ((`: `init; cond; step)) do … done`.
    pub(super) fn arith_for_rest(&mut self) -> Result<Command, ParseError> {
        let text = self.arith_text()?;
        let mut parts = text.splitn(3, ';').map(str::to_string);
        let (init, cond, step) = (parts.next(), parts.next(), parts.next());
        let (Some(init), Some(cond), Some(step)) = (init, cond, step) else {
            return Err(ParseError::UnexpectedToken(format!("(({text}))")));
        };
        if matches!(self.peek()?, Tok::Op(Op::Semi)) {
            self.next()?;
        }
        let (body, redirs) = self.do_done()?;
        Ok(Command::ArithFor {
            init,
            cond,
            step,
            body,
            redirs,
        })
    }

    /// After `function`: `NAME [()] compound-command`.
    pub(super) fn function_rest(&mut self) -> Result<Command, ParseError> {
        let name = match self.next()? {
            Tok::Word(w, _) => w,
            other => return Err(self.unexpected(other)),
        };
        if self.peek()? == &Tok::Op(Op::LParen) {
            self.next()?;
            match self.next()? {
                Tok::Op(Op::RParen) => {}
                other => return Err(self.unexpected(other)),
            }
        }
        self.function_body(name)
    }

    /// The body of a function named by `name` (after `name()`): a compound command.
    pub(super) fn function_body(&mut self, name: Word) -> Result<Command, ParseError> {
        let name = match name.as_plain() {
            Some(n) if !n.contains('$') => n.to_string(),
            _ => return Err(ParseError::UnexpectedToken("(".into())),
        };
        self.skip_newlines()?;
        let tok = self.peek()?.clone();
        let compound = matches!(tok, Tok::Op(Op::LParen))
            || matches!(
                Self::reserved(&tok),
                Some("{" | "if" | "while" | "until" | "for" | "case" | "[[")
            );
        if !compound {
            self.next()?;
            return Err(self.unexpected(tok));
        }
        let body = self.command()?;
        Ok(Command::FuncDef {
            name,
            body: Rc::new(body),
        })
    }

    /// After `NAME=(`: the words up to `)`, newlines allowed.
    pub(super) fn array_words(&mut self) -> Result<Vec<Word>, ParseError> {
        let mut words = Vec::new();
        loop {
            match self.next()? {
                Tok::Word(w, _) => words.push(w),
                Tok::Newline => {}
                Tok::Op(Op::RParen) => return Ok(words),
                Tok::Eof => return Err(ParseError::Unmatched(')')),
                other => return Err(self.unexpected(other)),
            }
        }
    }
}
