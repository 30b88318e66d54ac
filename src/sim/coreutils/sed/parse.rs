//! A sed script → a flat list of commands (blocks become jumps), with GNU sed 4.9's error
//! messages (`-e expression #1, char 5: unterminated `s' command`).

use super::super::posix_regex::{self, Dialect};
use regex_lite::Regex;

/// Where a command applies.
#[derive(Debug, Clone)]
pub(super) enum Addr {
    /// Line number (counted across inputs).
    Line(usize),
    /// `$`: the last line.
    Last,
    /// `/re/`; `None` is the empty regex (the last one used).
    Regex(Option<Regex>),
    /// `first~step`.
    Step(usize, usize),
}

/// The end of a range.
#[derive(Debug, Clone)]
pub(super) enum End {
    /// An address.
    Addr(Addr),
    /// `addr,+N`.
    Plus(usize),
    /// `addr,~N`: up to the next line that is a multiple of N.
    Multiple(usize),
}

/// One piece of an `s` replacement.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    /// Literal text.
    Text(String),
    /// `&` (0) or `\1`..`\9`.
    Group(usize),
}

/// The `s` command.
#[derive(Debug, Clone)]
pub(super) struct Subst {
    /// The pattern (`None`: the last regex used).
    pub re: Option<Regex>,
    /// The replacement.
    pub pieces: Vec<Piece>,
    /// `g`.
    pub global: bool,
    /// `N`: replace the Nth match (1 by default).
    pub nth: usize,
    /// `p`.
    pub print: bool,
    /// `w FILE`.
    pub write: Option<String>,
}

/// What a command does.
#[derive(Debug, Clone)]
pub(super) enum Op {
    /// `{`: when the address does not match, jump to the matching `}` (its index).
    Block(usize),
    /// `}`.
    EndBlock,
    /// `s`.
    Subst(Box<Subst>),
    /// `y`.
    Translit(Vec<(char, char)>),
    /// `p`, `P`, `d`, `D`, `n`, `N`, `h`, `H`, `g`, `G`, `x`, `=`, `l`, `z`, `F`.
    Simple(char),
    /// `q` / `Q` with an exit code.
    Quit(char, i32),
    /// `a`, `i`, `c` with their text.
    Text(char, String),
    /// `b`, `t`, `T` to a label (`None`: the end of the script).
    Jump(char, Option<String>),
    /// `:label`.
    Label(String),
    /// `r FILE` / `w FILE`.
    File(char, String),
}

/// One command with its addresses.
#[derive(Debug, Clone)]
pub(super) struct Command {
    /// First address.
    pub a1: Option<Addr>,
    /// End of a range.
    pub a2: Option<End>,
    /// `!`.
    pub negate: bool,
    /// What it does.
    pub op: Op,
}

/// Reads script text, tracking the position GNU reports in errors.
struct Reader<'a> {
    chars: Vec<char>,
    pos: usize,
    expr: usize,
    extended: bool,
    open_blocks: &'a mut Vec<usize>,
}

/// Parses one `-e` expression (number `expr`, counted from 1) into `out`.
pub(super) fn parse_into(
    script: &str,
    expr: usize,
    extended: bool,
    out: &mut Vec<Command>,
    open_blocks: &mut Vec<usize>,
) -> Result<(), String> {
    let mut r = Reader {
        chars: script.chars().collect(),
        pos: 0,
        expr,
        extended,
        open_blocks,
    };
    r.commands(out)
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn error(&self, msg: &str) -> String {
        format!("-e expression #{}, char {}: {msg}", self.expr, self.pos)
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.pos += 1;
        }
    }

    fn commands(&mut self, out: &mut Vec<Command>) -> Result<(), String> {
        loop {
            while matches!(self.peek(), Some(' ' | '\t' | '\n' | ';')) {
                self.pos += 1;
            }
            if self.peek().is_none() {
                return Ok(());
            }
            if self.peek() == Some('#') {
                while !matches!(self.next(), None | Some('\n')) {}
                continue;
            }
            let command = self.command()?;
            if let Op::EndBlock = command.op {
                let open = self
                    .open_blocks
                    .pop()
                    .ok_or_else(|| self.error("unexpected `}'"))?;
                let close = out.len();
                if let Some(Command {
                    op: Op::Block(end), ..
                }) = out.get_mut(open)
                {
                    *end = close;
                }
            }
            if let Op::Block(_) = command.op {
                self.open_blocks.push(out.len());
            }
            out.push(command);
        }
    }

    fn command(&mut self) -> Result<Command, String> {
        let a1 = self.address()?;
        let mut a2 = None;
        if a1.is_some() && self.peek() == Some(',') {
            self.pos += 1;
            self.skip_blanks();
            a2 = Some(match self.peek() {
                Some('+') => {
                    self.pos += 1;
                    End::Plus(self.number().unwrap_or(0))
                }
                Some('~') => {
                    self.pos += 1;
                    End::Multiple(self.number().unwrap_or(0))
                }
                _ => End::Addr(
                    self.address()?
                        .ok_or_else(|| self.error("unexpected `,'"))?,
                ),
            });
        }
        self.skip_blanks();
        let mut negate = false;
        while self.peek() == Some('!') {
            self.pos += 1;
            negate = true;
            self.skip_blanks();
        }
        let Some(c) = self.next() else {
            return Err(self.error("missing command"));
        };
        let op = match c {
            '{' => Op::Block(0),
            '}' => {
                if a1.is_some() {
                    return Err(self.error("} doesn't want any addresses"));
                }
                Op::EndBlock
            }
            's' => Op::Subst(Box::new(self.subst()?)),
            'y' => Op::Translit(self.translit()?),
            'p' | 'P' | 'd' | 'D' | 'n' | 'N' | 'h' | 'H' | 'g' | 'G' | 'x' | 'l' | 'z' | 'F'
            | '=' => Op::Simple(c),
            'q' | 'Q' => {
                if a2.is_some() {
                    return Err(self.error("command only uses one address"));
                }
                self.skip_blanks();
                Op::Quit(c, self.number().unwrap_or(0) as i32)
            }
            'a' | 'i' | 'c' => Op::Text(c, self.text()),
            'b' | 't' | 'T' => {
                let label = self.label();
                Op::Jump(c, (!label.is_empty()).then_some(label))
            }
            ':' => {
                if a1.is_some() {
                    return Err(self.error(": doesn't want any addresses"));
                }
                let label = self.label();
                if label.is_empty() {
                    return Err(self.error("\":\" lacks a label"));
                }
                Op::Label(label)
            }
            'r' | 'w' => Op::File(c, self.filename()),
            other => return Err(self.error(&format!("unknown command: `{other}'"))),
        };
        if !matches!(
            op,
            Op::Block(_) | Op::Text(..) | Op::Label(_) | Op::File(..) | Op::Jump(..)
        ) {
            self.end_of_command()?;
        }
        Ok(Command { a1, a2, negate, op })
    }

    /// After a command: blanks, then `;`, `}`, `#`, a newline or the end.
    fn end_of_command(&mut self) -> Result<(), String> {
        self.skip_blanks();
        match self.peek() {
            None | Some(';' | '\n' | '}' | '#') => Ok(()),
            Some(_) => {
                self.pos += 1;
                Err(self.error("extra characters after command"))
            }
        }
    }

    fn number(&mut self) -> Option<usize> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars.get(start..self.pos)?.iter().collect();
        digits.parse().ok()
    }

    fn address(&mut self) -> Result<Option<Addr>, String> {
        match self.peek() {
            Some(c) if c.is_ascii_digit() => {
                let n = self.number().unwrap_or(0);
                if self.peek() == Some('~') {
                    self.pos += 1;
                    let step = self.number().unwrap_or(0);
                    return Ok(Some(Addr::Step(n, step)));
                }
                if n == 0 {
                    return Err(self.error("invalid usage of line address 0"));
                }
                Ok(Some(Addr::Line(n)))
            }
            Some('$') => {
                self.pos += 1;
                Ok(Some(Addr::Last))
            }
            Some('/') => {
                self.pos += 1;
                Ok(Some(Addr::Regex(
                    self.regex('/', "unterminated address regex")?,
                )))
            }
            Some('\\') => {
                self.pos += 1;
                let delim = self.next().ok_or_else(|| self.error("unexpected `,'"))?;
                Ok(Some(Addr::Regex(
                    self.regex(delim, "unterminated address regex")?,
                )))
            }
            _ => Ok(None),
        }
    }

    /// Text up to an unescaped `delim` (consumed); `\delim` stands for `delim`, `\n` for a newline.
    fn delimited(&mut self, delim: char, unterminated: &str) -> Result<String, String> {
        let mut s = String::new();
        loop {
            let Some(c) = self.next() else {
                return Err(self.error(unterminated));
            };
            if c == delim {
                return Ok(s);
            }
            if c == '\n' && delim != '\n' {
                return Err(self.error(unterminated));
            }
            if c == '\\' {
                match self.next() {
                    Some(d) if d == delim => s.push(d),
                    Some('n') => s.push_str("\\n"),
                    Some(d) => {
                        s.push('\\');
                        s.push(d);
                    }
                    None => return Err(self.error(unterminated)),
                }
            } else {
                s.push(c);
            }
        }
    }

    fn regex(&mut self, delim: char, unterminated: &str) -> Result<Option<Regex>, String> {
        let text = self.delimited(delim, unterminated)?;
        let mut ignore_case = false;
        while self.peek() == Some('I') {
            self.pos += 1;
            ignore_case = true;
        }
        self.compile(&text, ignore_case)
    }

    fn compile(&self, text: &str, ignore_case: bool) -> Result<Option<Regex>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        let dialect = if self.extended {
            Dialect::Extended
        } else {
            Dialect::Basic
        };
        posix_regex::compile(text, dialect, ignore_case)
            .map(Some)
            .map_err(|e| self.error(&e))
    }

    fn subst(&mut self) -> Result<Subst, String> {
        let Some(delim) = self.next() else {
            return Err(self.error("unterminated `s' command"));
        };
        let pattern = self.delimited(delim, "unterminated `s' command")?;
        let replacement = self.delimited(delim, "unterminated `s' command")?;
        let mut s = Subst {
            re: None,
            pieces: pieces(&replacement),
            global: false,
            nth: 1,
            print: false,
            write: None,
        };
        let mut ignore_case = false;
        loop {
            match self.peek() {
                Some('g') => s.global = true,
                Some('p') => s.print = true,
                Some('i' | 'I') => ignore_case = true,
                Some('m' | 'M' | 'e') => {}
                Some(c) if c.is_ascii_digit() => {
                    s.nth = self.number().unwrap_or(1).max(1);
                    continue;
                }
                Some('w') => {
                    self.pos += 1;
                    s.write = Some(self.filename());
                    break;
                }
                None | Some(';' | '\n' | '}' | '#' | ' ' | '\t') => break,
                Some(_) => {
                    self.pos += 1;
                    return Err(self.error("unknown option to `s'"));
                }
            }
            self.pos += 1;
        }
        s.re = self.compile(&pattern, ignore_case)?;
        Ok(s)
    }

    fn translit(&mut self) -> Result<Vec<(char, char)>, String> {
        let Some(delim) = self.next() else {
            return Err(self.error("unterminated `y' command"));
        };
        let unescape = |s: String| s.replace("\\n", "\n").replace("\\\\", "\\");
        let from: Vec<char> = unescape(self.delimited(delim, "unterminated `y' command")?)
            .chars()
            .collect();
        let to: Vec<char> = unescape(self.delimited(delim, "unterminated `y' command")?)
            .chars()
            .collect();
        if from.len() != to.len() {
            return Err(self.error("strings for `y' command are different lengths"));
        }
        Ok(from.into_iter().zip(to).collect())
    }

    /// The text of `a`, `i`, `c`: GNU's one-line form (`a text`) or `a\` then the next line.
    fn text(&mut self) -> String {
        self.skip_blanks();
        if self.peek() == Some('\\') {
            self.pos += 1;
            if self.peek() == Some('\n') {
                self.pos += 1;
            }
        }
        let mut s = String::new();
        while let Some(c) = self.next() {
            match c {
                '\n' => break,
                '\\' => {
                    if let Some(d) = self.next() {
                        s.push(d);
                    }
                }
                other => s.push(other),
            }
        }
        s
    }

    fn label(&mut self) -> String {
        self.skip_blanks();
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c == '\n' || c == ';' {
                break;
            }
            s.push(c);
            self.pos += 1;
        }
        s.trim_end().to_string()
    }

    fn filename(&mut self) -> String {
        self.skip_blanks();
        let mut s = String::new();
        while let Some(c) = self.next() {
            if c == '\n' {
                break;
            }
            s.push(c);
        }
        s
    }
}

/// Splits an `s` replacement into text and group references.
fn pieces(replacement: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = replacement.chars();
    while let Some(c) = chars.next() {
        match c {
            '&' => {
                out.push(Piece::Text(std::mem::take(&mut text)));
                out.push(Piece::Group(0));
            }
            '\\' => match chars.next() {
                Some(d @ '0'..='9') => {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                    out.push(Piece::Group(d as usize - '0' as usize));
                }
                Some('n') => text.push('\n'),
                Some('t') => text.push('\t'),
                Some(d) => text.push(d),
                None => text.push('\\'),
            },
            other => text.push(other),
        }
    }
    out.push(Piece::Text(text));
    out.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    out
}
