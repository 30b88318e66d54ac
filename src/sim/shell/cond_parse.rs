//! `[[ … ]]`: its own little grammar, where `&&`, `||`, `(`, `)`, `<`, `>` are operators of the
//! expression, not of the command line, and the right side of `=~` is a regex word in which
//! `(`, `)` and `|` are plain characters.

use super::ast::{Command, CondExpr, Word};
use super::lexer::Tok;
use super::parser::{ParseError, Parser};

/// One token inside `[[ … ]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CondTok {
    Word(Word, String),
    And,
    Or,
    Not,
    LParen,
    RParen,
    End,
}

const UNARY: [&str; 22] = [
    "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-n", "-p", "-r", "-s", "-t", "-u", "-v",
    "-w", "-x", "-z", "-L", "-S", "-N",
];
const BINARY: [&str; 15] = [
    "==", "=", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef",
];

fn blank_or_end(c: Option<char>) -> bool {
    matches!(c, None | Some(' ' | '\t' | '\n' | ';' | '&' | '|' | ')'))
}

struct Cond<'a> {
    p: &'a mut Parser,
    peeked: Option<CondTok>,
}

impl Cond<'_> {
    fn skip_blanks(&mut self) {
        while matches!(self.p.cur(), Some(' ' | '\t' | '\n')) {
            self.p.pos += 1;
        }
    }

    fn lex(&mut self) -> Result<CondTok, ParseError> {
        self.skip_blanks();
        let (c, n) = (self.p.cur(), self.p.at(self.p.pos + 1));
        let (tok, len) = match (c, n) {
            (None, _) => return Err(ParseError::UnmatchedCond),
            (Some(']'), Some(']')) if blank_or_end(self.p.at(self.p.pos + 2)) => (CondTok::End, 2),
            (Some('&'), Some('&')) => (CondTok::And, 2),
            (Some('|'), Some('|')) => (CondTok::Or, 2),
            (Some('('), _) => (CondTok::LParen, 1),
            (Some(')'), _) => (CondTok::RParen, 1),
            (Some('!'), n) if blank_or_end(n) => (CondTok::Not, 1),
            (Some(op @ ('<' | '>')), _) => {
                (CondTok::Word(Word::lit(&op.to_string()), op.into()), 1)
            }
            _ => {
                return match self.p.word(false)? {
                    Tok::Word(w, raw) => Ok(CondTok::Word(w, raw)),
                    _ => Err(ParseError::UnmatchedCond),
                }
            }
        };
        self.p.pos += len;
        Ok(tok)
    }

    fn peek(&mut self) -> Result<&CondTok, ParseError> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lex()?);
        }
        Ok(self.peeked.get_or_insert(CondTok::End))
    }

    fn next(&mut self) -> Result<CondTok, ParseError> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lex(),
        }
    }

    /// The word after `=~`: up to a blank outside parentheses and quotes.
    fn regex_word(&mut self) -> Result<Word, ParseError> {
        self.skip_blanks();
        let start = self.p.pos;
        let (mut depth, mut i) = (0usize, start);
        let mut quote: Option<char> = None;
        while let Some(c) = self.p.at(i) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '\\') => i += 1,
                (None, '(') => depth += 1,
                (None, ')') if depth > 0 => depth -= 1,
                (None, ' ' | '\t' | '\n') if depth == 0 => break,
                (None, ')') => break,
                _ => {}
            }
            i += 1;
        }
        let text = self.p.text(start, i);
        self.p.pos = i;
        let mut sub = self.p.sub_parser(&text)?;
        Ok(match sub.word(true)? {
            Tok::Word(w, _) => w,
            _ => Word::default(),
        })
    }

    fn or(&mut self) -> Result<CondExpr, ParseError> {
        let mut left = self.and()?;
        while self.peek()? == &CondTok::Or {
            self.next()?;
            let right = self.and()?;
            left = CondExpr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<CondExpr, ParseError> {
        let mut left = self.not()?;
        while self.peek()? == &CondTok::And {
            self.next()?;
            let right = self.not()?;
            left = CondExpr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<CondExpr, ParseError> {
        if self.peek()? == &CondTok::Not {
            self.next()?;
            return Ok(CondExpr::Not(Box::new(self.not()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<CondExpr, ParseError> {
        match self.next()? {
            CondTok::LParen => {
                let e = self.or()?;
                match self.next()? {
                    CondTok::RParen => Ok(e),
                    _ => Err(ParseError::UnexpectedToken("(".into())),
                }
            }
            CondTok::Word(w, raw) => {
                if UNARY.contains(&raw.as_str()) {
                    if let CondTok::Word(..) = self.peek()? {
                        let CondTok::Word(arg, _) = self.next()? else {
                            return Err(ParseError::UnmatchedCond);
                        };
                        return Ok(CondExpr::Unary(raw, arg));
                    }
                    if self.peek()? == &CondTok::End {
                        return Err(ParseError::Cond(
                            "unexpected argument `]]' to conditional unary operator".into(),
                        ));
                    }
                }
                let op = match self.peek()? {
                    CondTok::Word(_, op) if BINARY.contains(&op.as_str()) => op.clone(),
                    CondTok::Word(_, _) => {
                        return Err(ParseError::Cond(
                            "conditional binary operator expected".into(),
                        ))
                    }
                    _ => return Ok(CondExpr::Word(w)),
                };
                self.next()?;
                let right = if op == "=~" {
                    self.regex_word()?
                } else {
                    match self.next()? {
                        CondTok::Word(r, _) => r,
                        other => {
                            return Err(ParseError::Cond(format!(
                                "unexpected argument `{}' to conditional binary operator",
                                text(&other)
                            )))
                        }
                    }
                };
                Ok(CondExpr::Binary(w, op, right))
            }
            other => Err(ParseError::UnexpectedToken(text(&other).into())),
        }
    }
}

fn text(tok: &CondTok) -> &str {
    match tok {
        CondTok::Word(_, raw) => raw,
        CondTok::And => "&&",
        CondTok::Or => "||",
        CondTok::Not => "!",
        CondTok::LParen => "(",
        CondTok::RParen => ")",
        CondTok::End => "]]",
    }
}

impl Parser {
    /// After `[[`: the expression up to `]]`.
    pub(super) fn cond_rest(&mut self) -> Result<Command, ParseError> {
        let mut c = Cond {
            p: self,
            peeked: None,
        };
        let expr = c.or()?;
        match c.next()? {
            CondTok::End => {}
            other => {
                return Err(ParseError::Cond(format!(
                    "syntax error in conditional expression: unexpected token `{}'",
                    text(&other)
                )))
            }
        }
        let redirs = self.redirs()?;
        Ok(Command::Cond { expr, redirs })
    }
}
