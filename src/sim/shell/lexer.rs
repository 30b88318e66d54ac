//! Characters into tokens: words (with their quoting, `$…` and `` `…` `` parts), operators and
//! redirections. Substitutions are parsed recursively by the same [`Parser`].

use super::ast::{ParamOp, RedirOp, Word, WordPart};
use super::parser::{ParseError, Parser};

/// A control operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `;`
    Semi,
    /// `;;` (only valid in `case`, which podscope does not simulate: always an error).
    DSemi,
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
    Redir { fd: u32, op: RedirOp, text: String },
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

fn push_lit(parts: &mut Vec<WordPart>, c: char, quoted: bool) {
    match (parts.last_mut(), quoted) {
        (Some(WordPart::Lit(s)), false) | (Some(WordPart::Quoted(s)), true) => s.push(c),
        _ if quoted => parts.push(WordPart::Quoted(c.to_string())),
        _ => parts.push(WordPart::Lit(c.to_string())),
    }
}

impl Parser {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn cur(&self) -> Option<char> {
        self.at(self.pos)
    }

    fn text(&self, from: usize, to: usize) -> String {
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
            return Ok(Tok::Eof);
        };
        let next = self.at(self.pos + 1);
        let (tok, len) = match (c, next) {
            ('\n', _) => (Tok::Newline, 1),
            (';', Some(';')) => (Tok::Op(Op::DSemi), 2),
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
        let (op, len, default_fd) = match (c, n) {
            (Some('<'), Some('<')) => return Err(ParseError::HereDoc),
            (Some('<'), Some('&')) => (RedirOp::Dup, 2, 0),
            (Some('<'), _) => (RedirOp::Read, 1, 0),
            (Some('>'), Some('>')) => (RedirOp::Append, 2, 1),
            (Some('>'), Some('&')) => (RedirOp::Dup, 2, 1),
            (Some('>'), Some('|')) => (RedirOp::Write, 2, 1),
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
                    self.dquote(&mut parts)?;
                }
                '\\' => {
                    match self.at(self.pos + 1) {
                        Some('\n') => {}
                        Some(e) => push_lit(&mut parts, e, true),
                        None => push_lit(&mut parts, '\\', false),
                    }
                    self.pos += 2;
                }
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

    fn dquote(&mut self, parts: &mut Vec<WordPart>) -> Result<(), ParseError> {
        parts.push(WordPart::Quoted(String::new()));
        loop {
            let Some(c) = self.cur() else {
                return Err(ParseError::Unmatched('"'));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(());
                }
                '\\' => {
                    match self.at(self.pos + 1) {
                        Some('\n') => {}
                        Some(e @ ('$' | '`' | '"' | '\\')) => push_lit(parts, e, true),
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

    fn sub_parser(&self, text: &str) -> Result<Parser, ParseError> {
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
                let from = self.pos + 3;
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
                parts.push(WordPart::Arith {
                    expr: self.text(from, i),
                    quoted,
                });
                self.pos = i + 2;
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

    fn brace_param(&mut self, parts: &mut Vec<WordPart>, quoted: bool) -> Result<(), ParseError> {
        let from = self.pos + 2;
        let mut depth = 0usize;
        let mut i = from;
        loop {
            match self.at(i) {
                None => return Err(ParseError::Unmatched('}')),
                Some('\\') => i += 1,
                Some('{') => depth += 1,
                Some('}') if depth == 0 => break,
                Some('}') => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        let inner = self.text(from, i);
        self.pos = i + 1;
        let bad = WordPart::BadSubst(format!("${{{inner}}}"));
        let name_len = inner
            .char_indices()
            .find(|&(_, c)| !(c == '_' || c.is_ascii_alphanumeric()))
            .map_or(inner.len(), |(k, _)| k);
        let (name, rest) = if name_len == 0 {
            match inner.chars().next() {
                Some(c @ ('?' | '$' | '#' | '!' | '@' | '*' | '-')) => inner.split_at(c.len_utf8()),
                _ => ("", inner.as_str()),
            }
        } else {
            inner.split_at(name_len)
        };
        if let Some(len_of) = inner.strip_prefix('#').filter(|s| !s.is_empty()) {
            let ok = super::ast::is_name(len_of)
                || len_of.chars().all(|c| c.is_ascii_digit())
                || matches!(len_of, "?" | "$" | "#" | "!" | "@" | "*" | "-");
            parts.push(if ok {
                WordPart::Param {
                    name: len_of.to_string(),
                    op: ParamOp::Length,
                    quoted,
                }
            } else {
                bad
            });
            return Ok(());
        }
        let valid_name = !name.is_empty()
            && (super::ast::is_name(name)
                || name.chars().all(|c| c.is_ascii_digit())
                || name.len() == 1);
        if !valid_name {
            parts.push(bad);
            return Ok(());
        }
        let (kind, colon, word_text) = if let Some(r) = rest.strip_prefix(':') {
            match r.chars().next() {
                Some(k @ ('-' | '=' | '+')) => (Some(k), true, &r[1..]),
                _ => (None, true, r),
            }
        } else {
            match rest.chars().next() {
                Some(k @ ('-' | '=' | '+')) => (Some(k), false, &rest[1..]),
                _ => (None, false, rest),
            }
        };
        let op = match kind {
            None if rest.is_empty() => ParamOp::Plain,
            None => {
                parts.push(bad);
                return Ok(());
            }
            Some(k) => {
                let mut sub = self.sub_parser(word_text)?;
                let word = match sub.word(true)? {
                    Tok::Word(w, _) => Box::new(w),
                    _ => Box::default(),
                };
                match k {
                    '-' => ParamOp::Default { colon, word },
                    '=' => ParamOp::Assign { colon, word },
                    _ => ParamOp::Alternate { colon, word },
                }
            }
        };
        parts.push(WordPart::Param {
            name: name.to_string(),
            op,
            quoted,
        });
        Ok(())
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
}

fn redir(fd: u32, op: RedirOp, text: &str) -> Tok {
    Tok::Redir {
        fd,
        op,
        text: text.to_string(),
    }
}
