//! The grammar: tokens (from `lexer.rs`) into a [`List`], with bash's syntax error messages.

use super::ast::{AndOr, AssignValue, Command, Connector, List, Pipeline, Redir, RedirOp};
use super::heredoc::PendingHere;
use super::lexer::{Op, Tok};
use std::fmt;

/// Deepest nesting of compound commands and substitutions accepted (keeps the stack bounded).
const MAX_DEPTH: usize = 100;

/// Why a line does not parse; `Display` gives bash's message without the `bash: ` prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// `syntax error near unexpected token `X'`.
    UnexpectedToken(String),
    /// The line ended inside a compound command or after `|`, `&&`, `||`.
    UnexpectedEof,
    /// A quote, `$(`, `` ` `` or `${` was never closed.
    Unmatched(char),
    /// Nested deeper than podscope accepts.
    TooDeep,
    /// The line ends in `\` (interactive input: the command goes on on the next line).
    Continuation,
    /// `[[` was never closed by `]]`.
    UnmatchedCond,
    /// A `[[ … ]]` expression that bash refuses: its message.
    Cond(String),
    /// Syntax bash has and podscope does not simulate: what to say after `podscope: `.
    Unsupported(&'static str),
}

impl ParseError {
    /// True when more input could complete the command: an interactive shell then prints
    /// PS2 (`> `) and reads on instead of reporting the error.
    pub fn is_incomplete(&self) -> bool {
        matches!(
            self,
            ParseError::UnexpectedEof
                | ParseError::Unmatched(_)
                | ParseError::Continuation
                | ParseError::UnmatchedCond
        )
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::UnexpectedToken(t) => write!(f, "syntax error near unexpected token `{t}'"),
            ParseError::UnexpectedEof => write!(f, "syntax error: unexpected end of file"),
            ParseError::Unmatched(c) => {
                write!(f, "unexpected EOF while looking for matching `{c}'")
            }
            ParseError::TooDeep => {
                write!(f, "podscope: commands nested more than {MAX_DEPTH} deep")
            }
            ParseError::Continuation => write!(f, "syntax error: unexpected end of file"),
            ParseError::UnmatchedCond => write!(f, "unexpected EOF while looking for `]]'"),
            ParseError::Cond(message) => f.write_str(message),
            ParseError::Unsupported(what) => write!(f, "podscope: {what}"),
        }
    }
}

/// A recursive-descent parser over the characters of one line.
pub struct Parser {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
    pub(super) peeked: Option<Tok>,
    pub(super) depth: usize,
    /// Here-documents opened on the current line, waiting for its end.
    pub(super) heredocs: Vec<PendingHere>,
    /// The first here-document the input ended inside: its delimiter and `<<-`.
    pub(super) open_heredoc: Option<(String, bool)>,
    /// Typed at a prompt: a final `\` continues the line instead of being a literal.
    pub(super) interactive: bool,
    /// Newlines counted so far: up to which position, and how many (line numbers without
    /// rescanning the input for every command).
    pub(super) lines_seen: (usize, u32),
}

/// A parsed input: the commands, and whether it ended inside a here-document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The commands.
    pub list: List,
    /// The delimiter (and `<<-`) of a here-document the input ended inside, if any.
    pub open_heredoc: Option<(String, bool)>,
}

/// Parses a whole line (a final `\` is a literal, as in `bash -c`).
pub fn parse(line: &str) -> Result<List, ParseError> {
    parse_input(line, false).map(|p| p.list)
}

/// Parses input; `interactive`: typed at a prompt, where a final `\` asks for more.
pub fn parse_input(text: &str, interactive: bool) -> Result<Parsed, ParseError> {
    let mut p = Parser::new(text);
    p.interactive = interactive;
    let list = p.list(&[])?;
    match p.next()? {
        Tok::Eof => Ok(Parsed {
            list,
            open_heredoc: p.open_heredoc.take(),
        }),
        other => Err(p.unexpected(other)),
    }
}

/// Like [`parse_input`], but an error comes with the line (1-based) the parser stopped on, as
/// `bash -c` reports it (`bash: -c: line 2: syntax error …`).
pub fn parse_input_at(text: &str, interactive: bool) -> Result<Parsed, (ParseError, u32)> {
    let mut p = Parser::new(text);
    p.interactive = interactive;
    let result = p.list(&[]).and_then(|list| match p.next()? {
        Tok::Eof => Ok(Parsed {
            list,
            open_heredoc: p.open_heredoc.take(),
        }),
        other => Err(p.unexpected(other)),
    });
    result.map_err(|e| {
        // Past the end, bash counts the line the input would go on with.
        let end = p.pos.min(p.chars.len());
        let mut line = p.line_at(end);
        if end == p.chars.len() && matches!(e, ParseError::UnexpectedEof) {
            line = line.saturating_add(u32::from(!text.ends_with('\n')));
        }
        (e, line)
    })
}

impl Parser {
    /// A parser at the start of `text`.
    pub fn new(text: &str) -> Parser {
        Parser {
            chars: text.chars().collect(),
            pos: 0,
            peeked: None,
            depth: 0,
            heredocs: Vec::new(),
            open_heredoc: None,
            interactive: false,
            lines_seen: (0, 0),
        }
    }

    /// The line (1-based) of the input position `pos`.
    fn line_at(&mut self, pos: usize) -> u32 {
        let (seen, mut count) = self.lines_seen;
        if pos < seen {
            let back = self.chars.get(pos..seen).unwrap_or_default();
            count = count.saturating_sub(back.iter().filter(|c| **c == '\n').count() as u32);
        } else {
            let ahead = self.chars.get(seen..pos).unwrap_or_default();
            count = count.saturating_add(ahead.iter().filter(|c| **c == '\n').count() as u32);
        }
        self.lines_seen = (pos, count);
        count.saturating_add(1)
    }

    pub(super) fn enter(&mut self) -> Result<(), ParseError> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        Ok(())
    }

    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The error for a token found where it cannot be.
    pub(super) fn unexpected(&self, tok: Tok) -> ParseError {
        match tok {
            Tok::Eof => ParseError::UnexpectedEof,
            Tok::Newline => ParseError::UnexpectedToken("newline".into()),
            Tok::Op(op) => ParseError::UnexpectedToken(op.text().into()),
            Tok::Redir { text, .. } => ParseError::UnexpectedToken(text),
            Tok::Word(_, raw) => ParseError::UnexpectedToken(raw),
        }
    }

    pub(super) fn reserved(tok: &Tok) -> Option<&str> {
        match tok {
            Tok::Word(w, _) => w.as_plain().filter(|s| {
                matches!(
                    *s,
                    "if" | "then"
                        | "elif"
                        | "else"
                        | "fi"
                        | "while"
                        | "until"
                        | "for"
                        | "do"
                        | "done"
                        | "{"
                        | "}"
                        | "!"
                        | "in"
                        | "case"
                        | "esac"
                        | "function"
                        | "[["
                        | "]]"
                )
            }),
            _ => None,
        }
    }

    pub(super) fn skip_newlines(&mut self) -> Result<(), ParseError> {
        while self.peek()? == &Tok::Newline {
            self.next()?;
        }
        Ok(())
    }

    /// A list ending before EOF, `)` or one of the reserved words in `stops`.
    pub(super) fn list(&mut self, stops: &[&str]) -> Result<List, ParseError> {
        let mut list = Vec::new();
        loop {
            self.skip_newlines()?;
            let tok = self.peek()?;
            if matches!(
                tok,
                Tok::Eof | Tok::Op(Op::RParen | Op::DSemi | Op::SemiAnd | Op::DSemiAnd)
            ) {
                break;
            }
            if Self::reserved(tok).is_some_and(|r| stops.contains(&r)) {
                break;
            }
            list.push(self.and_or()?);
            match self.peek()? {
                Tok::Op(Op::Semi) | Tok::Op(Op::Amp) | Tok::Newline => {
                    self.next()?;
                }
                _ => break,
            }
        }
        Ok(list)
    }

    /// A list that must not be empty, then the reserved word `end`.
    pub(super) fn body(&mut self, stops: &[&str]) -> Result<(List, String), ParseError> {
        let list = self.list(stops)?;
        let tok = self.next()?;
        match Self::reserved(&tok) {
            Some(r) if stops.contains(&r) && !list.is_empty() => Ok((list, r.to_string())),
            _ => Err(self.unexpected(tok)),
        }
    }

    fn and_or(&mut self) -> Result<AndOr, ParseError> {
        // Before the first token, or just after it when it was peeked (a word rarely spans
        // lines).
        let line = self.line_at(self.pos);
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let conn = match self.peek()? {
                Tok::Op(Op::AndIf) => Connector::And,
                Tok::Op(Op::OrIf) => Connector::Or,
                _ => break,
            };
            self.next()?;
            self.skip_newlines()?;
            rest.push((conn, self.pipeline()?));
        }
        Ok(AndOr { first, rest, line })
    }

    fn pipeline(&mut self) -> Result<Pipeline, ParseError> {
        let negate = Self::reserved(self.peek()?) == Some("!");
        if negate {
            self.next()?;
        }
        let mut commands = vec![self.command()?];
        while self.peek()? == &Tok::Op(Op::Pipe) {
            self.next()?;
            self.skip_newlines()?;
            commands.push(self.command()?);
        }
        Ok(Pipeline { negate, commands })
    }

    pub(super) fn command(&mut self) -> Result<Command, ParseError> {
        self.enter()?;
        let result = self.command_inner();
        self.leave();
        result
    }

    fn command_inner(&mut self) -> Result<Command, ParseError> {
        let tok = self.peek()?.clone();
        if let Tok::Op(Op::LParen) = tok {
            self.next()?;
            if self.cur() == Some('(') {
                self.pos += 1;
                let expr = self.arith_text()?;
                let redirs = self.redirs()?;
                return Ok(Command::Arith { expr, redirs });
            }
            let body = self.list(&[])?;
            match self.next()? {
                Tok::Op(Op::RParen) if !body.is_empty() => {}
                other => return Err(self.unexpected(other)),
            }
            let redirs = self.redirs()?;
            return Ok(Command::Subshell { body, redirs });
        }
        match Self::reserved(&tok) {
            Some("{") => {
                self.next()?;
                let (body, _) = self.body(&["}"])?;
                let redirs = self.redirs()?;
                Ok(Command::Group { body, redirs })
            }
            Some("if") => {
                self.next()?;
                self.if_rest()
            }
            Some(kw @ ("while" | "until")) => {
                let until = kw == "until";
                self.next()?;
                let (cond, _) = self.body(&["do"])?;
                let (body, _) = self.body(&["done"])?;
                let redirs = self.redirs()?;
                Ok(Command::While {
                    cond,
                    body,
                    until,
                    redirs,
                })
            }
            Some("for") => {
                self.next()?;
                self.for_rest()
            }
            Some("case") => {
                self.next()?;
                self.case_rest()
            }
            Some("[[") => {
                self.next()?;
                self.cond_rest()
            }
            Some("function") => {
                self.next()?;
                self.function_rest()
            }
            Some(_) => {
                self.next()?;
                Err(self.unexpected(tok))
            }
            None => self.simple(),
        }
    }

    fn if_rest(&mut self) -> Result<Command, ParseError> {
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let (cond, _) = self.body(&["then"])?;
            let (then, end) = self.body(&["elif", "else", "fi"])?;
            branches.push((cond, then));
            match end.as_str() {
                "elif" => continue,
                "else" => {
                    otherwise = Some(self.body(&["fi"])?.0);
                    break;
                }
                _ => break,
            }
        }
        let redirs = self.redirs()?;
        Ok(Command::If {
            branches,
            otherwise,
            redirs,
        })
    }

    fn for_rest(&mut self) -> Result<Command, ParseError> {
        if self.peek()? == &Tok::Op(Op::LParen) && self.cur() == Some('(') {
            self.next()?;
            self.pos += 1;
            return self.arith_for_rest();
        }
        let tok = self.next()?;
        let name = match &tok {
            Tok::Word(w, raw) if w.as_plain().is_some_and(super::ast::is_name) => raw.clone(),
            _ => return Err(self.unexpected(tok)),
        };
        let mut words = None;
        if Self::reserved(self.peek()?) == Some("in") {
            self.next()?;
            let mut list = Vec::new();
            while let Tok::Word(w, _) = self.peek()? {
                list.push(w.clone());
                self.next()?;
            }
            words = Some(list);
            match self.next()? {
                Tok::Op(Op::Semi) | Tok::Newline => {}
                other => return Err(self.unexpected(other)),
            }
        } else if matches!(self.peek()?, Tok::Op(Op::Semi)) {
            self.next()?;
        }
        let (body, redirs) = self.do_done()?;
        Ok(Command::For {
            name,
            words,
            body,
            redirs,
        })
    }

    /// `do list done` and the redirections after it.
    pub(super) fn do_done(&mut self) -> Result<(List, Vec<Redir>), ParseError> {
        self.skip_newlines()?;
        let tok = self.next()?;
        if Self::reserved(&tok) != Some("do") {
            return Err(self.unexpected(tok));
        }
        let (body, _) = self.body(&["done"])?;
        let redirs = self.redirs()?;
        Ok((body, redirs))
    }

    pub(super) fn redirs(&mut self) -> Result<Vec<Redir>, ParseError> {
        let mut redirs = Vec::new();
        while let Tok::Redir { .. } = self.peek()? {
            redirs.push(self.redir()?);
        }
        Ok(redirs)
    }

    fn redir(&mut self) -> Result<Redir, ParseError> {
        let prev = self.next()?;
        let Tok::Redir { fd, op, .. } = prev.clone() else {
            return Err(ParseError::UnexpectedEof);
        };
        match self.next()? {
            Tok::Word(target, text) => {
                let body = (op == RedirOp::HereDoc).then(|| {
                    let strip = matches!(&prev, Tok::Redir { text, .. } if text == "<<-");
                    self.open_heredoc(&text, strip)
                });
                Ok(Redir {
                    fd,
                    op,
                    target,
                    text,
                    body,
                })
            }
            Tok::Eof => Err(ParseError::UnexpectedToken("newline".into())),
            other => Err(self.unexpected(other)),
        }
    }

    fn simple(&mut self) -> Result<Command, ParseError> {
        let mut assigns = Vec::new();
        let mut words = Vec::new();
        let mut redirs = Vec::new();
        loop {
            match self.peek()? {
                Tok::Word(w, raw) => {
                    let (w, raw) = (w.clone(), raw.clone());
                    self.next()?;
                    match w.split_assignment() {
                        Some(mut a) if words.is_empty() => {
                            if raw.ends_with('=') && self.cur() == Some('(') {
                                self.pos += 1;
                                a.value = AssignValue::Array(self.array_words()?);
                            }
                            assigns.push(a);
                        }
                        _ => {
                            let mut w = w;
                            if raw.ends_with('=') && self.cur() == Some('(') && declares(&words) {
                                let text = self.compound_value()?;
                                w.parts.push(super::ast::WordPart::Quoted(text));
                            }
                            words.push(w);
                        }
                    }
                }
                Tok::Redir { .. } => redirs.push(self.redir()?),
                Tok::Op(Op::LParen) if !words.is_empty() => {
                    self.next()?;
                    let after = self.next()?;
                    return match after {
                        Tok::Op(Op::RParen) if words.len() == 1 && assigns.is_empty() => {
                            let name = words.pop().unwrap_or_default();
                            self.function_body(name)
                        }
                        Tok::Eof => Err(ParseError::UnexpectedToken("newline".into())),
                        Tok::Op(Op::RParen) => Err(ParseError::UnexpectedEof),
                        other => Err(self.unexpected(other)),
                    };
                }
                _ => break,
            }
        }
        if assigns.is_empty() && words.is_empty() && redirs.is_empty() {
            let tok = self.next()?;
            return Err(self.unexpected(tok));
        }
        Ok(Command::Simple {
            assigns,
            words,
            redirs,
        })
    }
}

/// True when `words` start with a builtin whose arguments may be `NAME=(…)` arrays.
fn declares(words: &[super::ast::Word]) -> bool {
    words
        .first()
        .and_then(super::ast::Word::as_plain)
        .is_some_and(|w| matches!(w, "declare" | "local" | "typeset"))
}

impl Parser {
    /// `(…)` after `declare NAME=`: the text up to the matching `)`, for `declare` to read.
    fn compound_value(&mut self) -> Result<String, ParseError> {
        let from = self.pos;
        let (mut depth, mut quote) = (0usize, None::<char>);
        loop {
            let Some(c) = self.cur() else {
                return Err(ParseError::Unmatched(')'));
            };
            self.pos += 1;
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '\\') => self.pos += 1,
                (None, '(') => depth += 1,
                (None, ')') if depth <= 1 => break,
                (None, ')') => depth -= 1,
                _ => {}
            }
        }
        Ok(self.text(from, self.pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        match parse(line) {
            Err(e) => e.to_string(),
            Ok(l) => format!("parsed: {l:?}"),
        }
    }

    #[test]
    fn syntax_errors_match_bash() {
        // Each message recorded from bash 5.2.15 on this machine.
        let cases = [
            ("echo a ;; b", "syntax error near unexpected token `;;'"),
            ("echo 'abc", "unexpected EOF while looking for matching `''"),
            (
                "echo \"abc",
                "unexpected EOF while looking for matching `\"'",
            ),
            ("if true; then echo", "syntax error: unexpected end of file"),
            ("echo )", "syntax error near unexpected token `)'"),
            ("echo (", "syntax error near unexpected token `newline'"),
            ("| ls", "syntax error near unexpected token `|'"),
            ("echo a |", "syntax error: unexpected end of file"),
            ("echo a &&", "syntax error: unexpected end of file"),
            (
                "for x in a b; echo $x; done",
                "syntax error near unexpected token `echo'",
            ),
            ("do", "syntax error near unexpected token `do'"),
            ("fi", "syntax error near unexpected token `fi'"),
            ("echo $(ls", "unexpected EOF while looking for matching `)'"),
            ("echo `ls", "unexpected EOF while looking for matching ``'"),
            ("{ echo a", "syntax error: unexpected end of file"),
            ("echo ${", "unexpected EOF while looking for matching `}'"),
            ("echo >", "syntax error near unexpected token `newline'"),
            ("ls ; ;", "syntax error near unexpected token `;'"),
            (";", "syntax error near unexpected token `;'"),
            ("&&", "syntax error near unexpected token `&&'"),
            ("echo a; }", "syntax error near unexpected token `}'"),
            ("then", "syntax error near unexpected token `then'"),
            (
                "while true; do; done",
                "syntax error near unexpected token `;'",
            ),
            ("if ; then fi", "syntax error near unexpected token `;'"),
            ("echo ()", "syntax error: unexpected end of file"),
            ("echo a b ()", "syntax error: unexpected end of file"),
        ];
        for (line, want) in cases {
            assert_eq!(err(line), want, "line: {line}");
        }
    }

    #[test]
    fn parses_compound_commands() {
        let l = parse(
            "for x in a b; do echo $x; done; if true; then :; elif false; then :; else :; fi",
        )
        .unwrap();
        assert_eq!(l.len(), 2);
        assert!(
            matches!(&l[0].first.commands[0], Command::For { words: Some(w), .. } if w.len() == 2)
        );
        assert!(
            matches!(&l[1].first.commands[0], Command::If { branches, otherwise: Some(_), .. } if branches.len() == 2)
        );
        let l = parse("while false; do :; done && { echo a; } | cat || (cd /)").unwrap();
        assert_eq!(l[0].rest.len(), 2);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let line = "$(".repeat(5000);
        assert_eq!(parse(&line), Err(ParseError::TooDeep));
        let line = "{ ".repeat(5000);
        assert_eq!(parse(&line), Err(ParseError::TooDeep));
    }
}
