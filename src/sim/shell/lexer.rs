//! Characters into tokens: words (with their quoting, `$…` and `` `…` `` parts), operators and
//! redirections. Substitutions are parsed recursively by the same [`Parser`].

use super::ast::{ParamOp, RedirOp, Word, WordPart};
use super::parser::{ParseError, Parser};

/// A control operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `;`
    Semi,
    /// `;;` (ends a `case` item).
    DSemi,
    /// `;&` (a `case` item falls through).
    SemiAnd,
    /// `;;&` (a `case` item goes on testing).
    DSemiAnd,
    /// `&`
    Amp,
    /// `&&`
    AndIf,
    /// `||`
    OrIf,
    /// `|`
    Pipe,
    /// `(`
    LParen,
    /// `)`
    RParen,
}

impl Op {
    /// The operator as typed.
    pub fn text(self) -> &'static str {
        match self {
            Op::Semi => ";",
            Op::DSemi => ";;",
            Op::SemiAnd => ";&",
            Op::DSemiAnd => ";;&",
            Op::Amp => "&",
            Op::AndIf => "&&",
            Op::OrIf => "||",
            Op::Pipe => "|",
            Op::LParen => "(",
            Op::RParen => ")",
        }
    }
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A word and its text as typed.
    Word(Word, String),
    /// A control operator.
    Op(Op),
    /// A redirection operator (its target is the next word).
    Redir {
        /// The descriptor redirected.
        fd: u32,
        /// The operator.
        op: RedirOp,
        /// The operator as typed.
        text: String,
    },
    /// End of a line inside the input.
    Newline,
    /// End of input.
    Eof,
}

fn is_meta(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | ';' | '&' | '|' | '<' | '>' | '(' | ')'
    )
}

pub(super) fn push_lit(parts: &mut Vec<WordPart>, c: char, quoted: bool) {
    match (parts.last_mut(), quoted) {
        (Some(WordPart::Lit(s)), false) | (Some(WordPart::Quoted(s)), true) => s.push(c),
        _ if quoted => parts.push(WordPart::Quoted(c.to_string())),
        _ => parts.push(WordPart::Lit(c.to_string())),
    }
}

impl Parser {
    pub(super) fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub(super) fn cur(&self) -> Option<char> {
        self.at(self.pos)
    }

    pub(super) fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    /// The next token, without consuming it.
    pub(super) fn peek(&mut self) -> Result<&Tok, ParseError> {
        if self.peeked.is_none() {
            let tok = self.lex()?;
            self.peeked = Some(tok);
        }
        Ok(self.peeked.get_or_insert(Tok::Eof))
    }

    /// Consumes and returns the next token.
    pub(super) fn next(&mut self) -> Result<Tok, ParseError> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lex(),
        }
    }

    fn lex(&mut self) -> Result<Tok, ParseError> {
        while matches!(self.cur(), Some(' ' | '\t')) {
            self.pos += 1;
        }
        if self.cur() == Some('#') {
            while self.cur().is_some_and(|c| c != '\n') {
                self.pos += 1;
            }
        }
        let Some(c) = self.cur() else {
            self.heredocs_at_eof();
            return Ok(Tok::Eof);
        };
        let next = self.at(self.pos + 1);
        let (tok, len) = match (c, next) {
            ('\n', _) => {
                self.pos += 1;
                self.read_heredocs();
                return Ok(Tok::Newline);
            }
            (';', Some(';')) if self.at(self.pos + 2) == Some('&') => (Tok::Op(Op::DSemiAnd), 3),
            (';', Some(';')) => (Tok::Op(Op::DSemi), 2),
            (';', Some('&')) => (Tok::Op(Op::SemiAnd), 2),
            (';', _) => (Tok::Op(Op::Semi), 1),
            ('&', Some('&')) => (Tok::Op(Op::AndIf), 2),
            ('&', Some('>')) if self.at(self.pos + 2) == Some('>') => {
                (redir(1, RedirOp::BothAppend, "&>>"), 3)
            }
            ('&', Some('>')) => (redir(1, RedirOp::Both, "&>"), 2),
            ('&', _) => (Tok::Op(Op::Amp), 1),
            ('|', Some('|')) => (Tok::Op(Op::OrIf), 2),
            ('|', _) => (Tok::Op(Op::Pipe), 1),
            ('(', _) => (Tok::Op(Op::LParen), 1),
            (')', _) => (Tok::Op(Op::RParen), 1),
            ('<' | '>', _) => return self.redir_op(None),
            (d, _) if d.is_ascii_digit() => {
                let mut end = self.pos;
                while self.at(end).is_some_and(|c| c.is_ascii_digit()) {
                    end += 1;
                }
                match (self.at(end), self.text(self.pos, end).parse::<u32>()) {
                    (Some('<' | '>'), Ok(fd)) => {
                        self.pos = end;
                        return self.redir_op(Some(fd));
                    }
                    _ => return self.word(false),
                }
            }
            _ => return self.word(false),
        };
        self.pos += len;
        Ok(tok)
    }

    fn redir_op(&mut self, fd: Option<u32>) -> Result<Tok, ParseError> {
        let start = self.pos;
        let c = self.cur();
        let n = self.at(self.pos + 1);
        if matches!((c, n), (Some('<' | '>'), Some('('))) {
            return Err(ParseError::Unsupported(
                "process substitution <(…) is not simulated; use a pipe or a temporary file",
            ));
        }
        let (op, len, default_fd) = match (c, n) {
            (Some('<'), Some('<')) => match self.at(self.pos + 2) {
                Some('<') => (RedirOp::HereString, 3, 0),
                Some('-') => (RedirOp::HereDoc, 3, 0),
                _ => (RedirOp::HereDoc, 2, 0),
            },
            (Some('<'), Some('&')) => (RedirOp::Dup, 2, 0),
            (Some('<'), _) => (RedirOp::Read, 1, 0),
            (Some('>'), Some('>')) => (RedirOp::Append, 2, 1),
            (Some('>'), Some('&')) => (RedirOp::Dup, 2, 1),
            (Some('>'), Some('|')) => (RedirOp::Clobber, 2, 1),
            _ => (RedirOp::Write, 1, 1),
        };
        self.pos += len;
        let text = self.text(start, self.pos);
        Ok(redir(fd.unwrap_or(default_fd), op, &text))
    }

    /// A word; `loose` (inside `${x:-…}`) keeps blanks and operators as plain text.
    pub(super) fn word(&mut self, loose: bool) -> Result<Tok, ParseError> {
        let start = self.pos;
        let mut parts = Vec::new();
        while let Some(c) = self.cur() {
            if !loose && is_meta(c) {
                break;
            }
            match c {
                '\'' => {
                    let from = self.pos + 1;
                    let mut end = from;
                    while self.at(end).is_some_and(|c| c != '\'') {
                        end += 1;
                    }
                    if self.at(end).is_none() {
                        return Err(ParseError::Unmatched('\''));
                    }
                    parts.push(WordPart::Quoted(self.text(from, end)));
                    self.pos = end + 1;
                }
                '"' => {
                    self.pos += 1;
                    self.dquote(&mut parts, false)?;
                }
                '\\' => {
                    match self.at(self.pos + 1) {
                        Some('\n') => {}
                        Some(e) => push_lit(&mut parts, e, true),
                        None if self.interactive => return Err(ParseError::Continuation),
                        None => push_lit(&mut parts, '\\', false),
                    }
                    self.pos += 2;
                }
                '$' if self.at(self.pos + 1) == Some('\'') => self.ansi_c(&mut parts)?,
                '$' => self.dollar(&mut parts, false)?,
                '`' => self.backtick(&mut parts, false)?,
                '~' if self.pos == start && matches!(self.at(self.pos + 1), None | Some('/')) => {
                    parts.push(WordPart::Tilde);
                    self.pos += 1;
                }
                '~' if self.pos == start
                    && !loose
                    && self.at(self.pos + 1).is_some_and(is_meta) =>
                {
                    parts.push(WordPart::Tilde);
                    self.pos += 1;
                }
                _ => {
                    push_lit(&mut parts, c, false);
                    self.pos += 1;
                }
            }
        }
        self.pos = self.pos.min(self.chars.len());
        let raw = self.text(start, self.pos);
        Ok(Tok::Word(Word { parts }, raw))
    }

    /// The inside of `"…"`; `heredoc`: the body of an unquoted here-document, where `"` is
    /// plain text and the input's end closes it.
    pub(super) fn dquote(
        &mut self,
        parts: &mut Vec<WordPart>,
        heredoc: bool,
    ) -> Result<(), ParseError> {
        parts.push(WordPart::Quoted(String::new()));
        loop {
            let Some(c) = self.cur() else {
                if heredoc {
                    return Ok(());
                }
                return Err(ParseError::Unmatched('"'));
            };
            match c {
                '"' if !heredoc => {
                    self.pos += 1;
                    return Ok(());
                }
                '\\' => {
                    match self.at(self.pos + 1) {
                        Some('\n') => {}
                        Some(e @ ('$' | '`' | '\\')) => push_lit(parts, e, true),
                        Some('"') if !heredoc => push_lit(parts, '"', true),
                        _ => {
                            push_lit(parts, '\\', true);
                            self.pos += 1;
                            continue;
                        }
                    }
                    self.pos += 2;
                }
                '$' => self.dollar(parts, true)?,
                '`' => self.backtick(parts, true)?,
                _ => {
                    push_lit(parts, c, true);
                    self.pos += 1;
                }
            }
        }
    }

    pub(super) fn sub_parser(&self, text: &str) -> Result<Parser, ParseError> {
        let mut p = Parser::new(text);
        p.depth = self.depth;
        p.enter()?;
        Ok(p)
    }

    fn dollar(&mut self, parts: &mut Vec<WordPart>, quoted: bool) -> Result<(), ParseError> {
        let n = self.at(self.pos + 1);
        match n {
            Some('{') => self.brace_param(parts, quoted),
            Some('(') if self.at(self.pos + 2) == Some('(') => {
                self.pos += 3;
                let expr = self.arith_text()?;
                parts.push(WordPart::Arith { expr, quoted });
                Ok(())
            }
            Some('(') => {
                self.pos += 2;
                self.enter()?;
                let body = self.list(&[])?;
                match self.next()? {
                    Tok::Op(Op::RParen) => {}
                    Tok::Eof => return Err(ParseError::Unmatched(')')),
                    other => return Err(self.unexpected(other)),
                }
                self.leave();
                parts.push(WordPart::CmdSub { body, quoted });
                Ok(())
            }
            Some(c) if c == '_' || c.is_ascii_alphabetic() => {
                let from = self.pos + 1;
                let mut end = from;
                while self
                    .at(end)
                    .is_some_and(|c| c == '_' || c.is_ascii_alphanumeric())
                {
                    end += 1;
                }
                parts.push(WordPart::Param {
                    name: self.text(from, end),
                    index: None,
                    op: ParamOp::Plain,
                    quoted,
                });
                self.pos = end;
                Ok(())
            }
            Some(c)
                if c.is_ascii_digit() || matches!(c, '?' | '$' | '#' | '!' | '@' | '*' | '-') =>
            {
                parts.push(WordPart::Param {
                    name: c.to_string(),
                    index: None,
                    op: ParamOp::Plain,
                    quoted,
                });
                self.pos += 2;
                Ok(())
            }
            _ => {
                push_lit(parts, '$', quoted);
                self.pos += 1;
                Ok(())
            }
        }
    }

    fn backtick(&mut self, parts: &mut Vec<WordPart>, quoted: bool) -> Result<(), ParseError> {
        let mut text = String::new();
        let mut i = self.pos + 1;
        loop {
            match self.at(i) {
                None => return Err(ParseError::Unmatched('`')),
                Some('`') => break,
                Some('\\') => match self.at(i + 1) {
                    Some(e @ ('`' | '\\' | '$')) => {
                        text.push(e);
                        i += 1;
                    }
                    _ => text.push('\\'),
                },
                Some(c) => text.push(c),
            }
            i += 1;
        }
        self.pos = i + 1;
        let mut sub = self.sub_parser(&text)?;
        let body = sub.list(&[])?;
        match sub.next()? {
            Tok::Eof => {}
            other => return Err(sub.unexpected(other)),
        }
        parts.push(WordPart::CmdSub { body, quoted });
        Ok(())
    }

    /// `$'…'`: backslash escapes as in C (`\n`, `\t`, `\'`, `\x41`, `\101`).
    fn ansi_c(&mut self, parts: &mut Vec<WordPart>) -> Result<(), ParseError> {
        let from = self.pos + 2;
        let mut i = from;
        loop {
            match self.at(i) {
                None => return Err(ParseError::Unmatched('\'')),
                Some('\'') => break,
                Some('\\') => i += 2,
                Some(_) => i += 1,
            }
        }
        let (bytes, _) = super::builtins::unescape(&self.text(from, i), false);
        parts.push(WordPart::Quoted(
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
        self.pos = i + 1;
        Ok(())
    }

    /// The text of an arithmetic expression from the cursor up to the `))` that closes it
    /// (which is consumed).
    pub(super) fn arith_text(&mut self) -> Result<String, ParseError> {
        let from = self.pos;
        let mut depth = 0usize;
        let mut i = from;
        loop {
            match self.at(i) {
                None => return Err(ParseError::Unmatched(')')),
                Some('(') => depth += 1,
                Some(')') if depth == 0 && self.at(i + 1) == Some(')') => break,
                Some(')') => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        self.pos = i + 2;
        Ok(self.text(from, i))
    }
}

fn redir(fd: u32, op: RedirOp, text: &str) -> Tok {
    Tok::Redir {
        fd,
        op,
        text: text.to_string(),
    }
}
