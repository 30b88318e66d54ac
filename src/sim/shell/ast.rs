//! The syntax tree of one command line, as the parser builds it and the interpreter walks it.

/// One piece of a word before expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPart {
    /// Unquoted text: subject to globbing (`*`, `?`, `[…]`).
    Lit(String),
    /// Quoted or backslash-escaped text: taken as is.
    Quoted(String),
    /// `~` at the start of a word: `$HOME`.
    Tilde,
    /// `$NAME`, `${NAME}` or `${NAME<op>word}`; `quoted` when inside double quotes.
    Param {
        name: String,
        op: ParamOp,
        quoted: bool,
    },
    /// `$(…)` or `` `…` ``.
    CmdSub { body: List, quoted: bool },
    /// `$((…))`: the raw expression text.
    Arith { expr: String, quoted: bool },
    /// `${…}` that bash refuses at expansion time (`bad substitution`): the text as typed.
    BadSubst(String),
}

/// What `${NAME…}` does with the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamOp {
    /// `$NAME`: the value.
    Plain,
    /// `${#NAME}`: the length of the value.
    Length,
    /// `${NAME-w}` / `${NAME:-w}`: `w` when unset (or empty, with `colon`).
    Default { colon: bool, word: Box<Word> },
    /// `${NAME=w}` / `${NAME:=w}`: like `Default`, and assign it.
    Assign { colon: bool, word: Box<Word> },
    /// `${NAME+w}` / `${NAME:+w}`: `w` when set (and non-empty, with `colon`).
    Alternate { colon: bool, word: Box<Word> },
}

/// A word: the parts that were written next to each other.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// The parts in order.
    pub parts: Vec<WordPart>,
}

impl Word {
    /// The text when the word is one plain unquoted literal (reserved words, names).
    pub fn as_plain(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [WordPart::Lit(s)] => Some(s),
            _ => None,
        }
    }

    /// Splits `NAME=value` into the name and the value word, when the word is an assignment.
    pub fn split_assignment(&self) -> Option<(String, Word)> {
        let (first, rest) = self.parts.split_first()?;
        let WordPart::Lit(text) = first else {
            return None;
        };
        let (name, value) = text.split_once('=')?;
        if !is_name(name) {
            return None;
        }
        let mut parts = Vec::with_capacity(self.parts.len());
        if !value.is_empty() {
            parts.push(WordPart::Lit(value.to_string()));
        }
        parts.extend(rest.iter().cloned());
        Some((name.to_string(), Word { parts }))
    }
}

/// True for a valid shell variable name: a letter or `_`, then letters, digits, `_`.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_ascii_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// Which way a redirection goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirOp {
    /// `>`: truncate and write.
    Write,
    /// `>>`: append.
    Append,
    /// `<`: read.
    Read,
    /// `>&N` / `N>&M`: make `fd` a copy of another descriptor (the word is its number).
    Dup,
    /// `&>`: stdout and stderr to one file.
    Both,
    /// `&>>`: stdout and stderr appended to one file.
    BothAppend,
}

/// One redirection: `fd op target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redir {
    /// The file descriptor redirected (1 for `>`, 0 for `<`).
    pub fd: u32,
    /// The operator.
    pub op: RedirOp,
    /// The file name (or descriptor number for `Dup`).
    pub target: Word,
    /// The target as typed (for error messages such as `ambiguous redirect`).
    pub text: String,
}

/// A command: simple or compound, with its redirections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `NAME=v … word … redirs`.
    Simple {
        assigns: Vec<(String, Word)>,
        words: Vec<Word>,
        redirs: Vec<Redir>,
    },
    /// `{ list; }`.
    Group { body: List, redirs: Vec<Redir> },
    /// `( list )`: runs on a copy of the shell's state.
    Subshell { body: List, redirs: Vec<Redir> },
    /// `if c; then b; elif c; then b; else e; fi`.
    If {
        branches: Vec<(List, List)>,
        otherwise: Option<List>,
        redirs: Vec<Redir>,
    },
    /// `while c; do b; done` (or `until` when `until` is set).
    While {
        cond: List,
        body: List,
        until: bool,
        redirs: Vec<Redir>,
    },
    /// `for name in words; do b; done` (`words` is `None` for `for name; do`).
    For {
        name: String,
        words: Option<Vec<Word>>,
        body: List,
        redirs: Vec<Redir>,
    },
}

/// Commands joined by `|`; `!` negates the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pipeline {
    /// `! pipeline`.
    pub negate: bool,
    /// The stages, left to right.
    pub commands: Vec<Command>,
}

/// How a pipeline joins the previous one in an and-or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    /// `&&`: run when the previous status is 0.
    And,
    /// `||`: run when the previous status is not 0.
    Or,
}

/// `p1 && p2 || p3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AndOr {
    /// The first pipeline.
    pub first: Pipeline,
    /// The others with their connectors.
    pub rest: Vec<(Connector, Pipeline)>,
}

/// And-or lists separated by `;`, `&` or newlines.
pub type List = Vec<AndOr>;
