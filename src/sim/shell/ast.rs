//! The syntax tree of one command line, as the parser builds it and the interpreter walks it.

use std::cell::RefCell;
use std::rc::Rc;

/// One piece of a word before expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPart {
    /// Unquoted text: subject to globbing (`*`, `?`, `[…]`).
    Lit(String),
    /// Quoted or backslash-escaped text: taken as is.
    Quoted(String),
    /// `~` at the start of a word: `$HOME`.
    Tilde,
    /// `$NAME`, `${NAME}` or `${NAME<op>word}`; `quoted` when inside double quotes. `index` is
    /// the subscript of `${NAME[index]}` as typed (`@`, `*` or an arithmetic expression).
    Param {
        /// The variable name (or special parameter: `?`, `#`, `1`…).
        name: String,
        /// The subscript of `${NAME[index]}` as typed.
        index: Option<String>,
        /// What the expansion does with the value.
        op: ParamOp,
        /// Inside double quotes (no field splitting or globbing).
        quoted: bool,
    },
    /// `$(…)` or `` `…` ``.
    CmdSub {
        /// The commands whose output replaces it.
        body: List,
        /// Inside double quotes (no field splitting).
        quoted: bool,
    },
    /// `$((…))`: the raw expression text.
    Arith {
        /// The expression text as typed.
        expr: String,
        /// Inside double quotes.
        quoted: bool,
    },
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
    Default {
        /// The `:` form: empty counts as unset.
        colon: bool,
        /// The word used instead.
        word: Box<Word>,
    },
    /// `${NAME=w}` / `${NAME:=w}`: like `Default`, and assign it.
    Assign {
        /// The `:` form: empty counts as unset.
        colon: bool,
        /// The word assigned and used.
        word: Box<Word>,
    },
    /// `${NAME+w}` / `${NAME:+w}`: `w` when set (and non-empty, with `colon`).
    Alternate {
        /// The `:` form: empty counts as unset.
        colon: bool,
        /// The word used when set.
        word: Box<Word>,
    },
    /// `${NAME?w}` / `${NAME:?w}`: an error saying `w` when unset (or empty, with `colon`).
    Error {
        /// The `:` form: empty counts as unset.
        colon: bool,
        /// The message (bash's default when empty).
        word: Box<Word>,
    },
    /// `${NAME#p}` `${NAME##p}` (prefix) and `${NAME%p}` `${NAME%%p}` (`suffix`).
    Trim {
        /// Trim from the end (`%`) instead of the start (`#`).
        suffix: bool,
        /// The doubled form: the longest match.
        longest: bool,
        /// The glob pattern to trim.
        pattern: Box<Word>,
    },
    /// `${NAME/p/r}`, `${NAME//p/r}` (`all`), `${NAME/#p/r}` and `${NAME/%p/r}` (`anchor`).
    Replace {
        /// `//`: every match, not only the first.
        all: bool,
        /// `#` (at the start) or `%` (at the end), when anchored.
        anchor: Option<char>,
        /// The glob pattern to replace.
        pattern: Box<Word>,
        /// The replacement.
        with: Box<Word>,
    },
    /// `${NAME:offset}` / `${NAME:offset:length}`: the arithmetic expressions as typed.
    Slice {
        /// The offset expression (negative counts from the end).
        offset: String,
        /// The length expression, when given.
        length: Option<String>,
    },
    /// `${NAME^}` `${NAME^^}` (`upper`) and `${NAME,}` `${NAME,,}`; `all` for the doubled form.
    Case {
        /// `^`: to upper case (`,`: to lower case).
        upper: bool,
        /// The doubled form: every character, not only the first.
        all: bool,
        /// `${x^^p}`: only the characters matching this pattern change.
        pattern: Option<Box<Word>>,
    },
    /// `${x@Q}`, `@U`, `@L`, `@u`, `@E`, `@a`: a transformation of the value.
    Transform(char),
    /// `${!PREFIX*}` / `${!PREFIX@}` (`star` for the first): the names of the variables that
    /// start with PREFIX.
    Prefix {
        /// The `*` form (one word when quoted).
        star: bool,
    },
    /// `${!NAME}`: the value of the variable NAME names.
    Indirect,
    /// `${!NAME[@]}`: the indexes of an array.
    Keys,
}

/// A word: the parts that were written next to each other.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// The parts in order.
    pub parts: Vec<WordPart>,
}

impl Word {
    /// A word of one unquoted literal.
    pub fn lit(text: &str) -> Word {
        Word {
            parts: vec![WordPart::Lit(text.to_string())],
        }
    }

    /// The text when the word is one plain unquoted literal (reserved words, names).
    pub fn as_plain(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [WordPart::Lit(s)] => Some(s),
            _ => None,
        }
    }

    /// Splits `NAME=value`, `NAME+=value` or `NAME[index]=value` into an [`Assign`] with a
    /// scalar value, when the word is an assignment.
    pub fn split_assignment(&self) -> Option<Assign> {
        let (first, rest) = self.parts.split_first()?;
        let WordPart::Lit(text) = first else {
            return None;
        };
        let name_end = text
            .find(|c: char| !(c == '_' || c.is_ascii_alphanumeric()))
            .unwrap_or(text.len());
        let (name, after) = text.split_at(name_end);
        if !is_name(name) {
            return None;
        }
        let mut rest = rest.iter();
        let (index, append, value) = match after.strip_prefix('[') {
            Some(inside) => {
                let mut index = Vec::new();
                let mut cur = inside.to_string();
                loop {
                    if let Some(pos) = cur.find("]=").or_else(|| cur.find("]+=")) {
                        let append = cur.get(pos + 1..).is_some_and(|t| t.starts_with('+'));
                        let value = cur.get(pos + 2 + usize::from(append)..).unwrap_or("");
                        if pos > 0 {
                            index.push(WordPart::Lit(cur[..pos].to_string()));
                        }
                        break (Some(Word { parts: index }), append, value.to_string());
                    }
                    if !cur.is_empty() {
                        index.push(WordPart::Lit(std::mem::take(&mut cur)));
                    }
                    match rest.next()? {
                        WordPart::Lit(t) => cur = t.clone(),
                        p => index.push(p.clone()),
                    }
                }
            }
            None => match after.strip_prefix("+=") {
                Some(v) => (None, true, v.to_string()),
                None => (None, false, after.strip_prefix('=')?.to_string()),
            },
        };
        let mut parts = Vec::with_capacity(self.parts.len());
        if !value.is_empty() {
            parts.push(WordPart::Lit(value));
        }
        parts.extend(rest.cloned());
        Some(Assign {
            name: name.to_string(),
            index,
            append,
            value: AssignValue::Scalar(Word { parts }),
        })
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
    /// `>|`: truncate and write even under `set -C`.
    Clobber,
    /// `<`: read.
    Read,
    /// `>&N` / `N>&M`: make `fd` a copy of another descriptor (the word is its number).
    Dup,
    /// `&>`: stdout and stderr to one file.
    Both,
    /// `&>>`: stdout and stderr appended to one file.
    BothAppend,
    /// `<<` / `<<-`: a here-document (its body is in [`Redir::body`]).
    HereDoc,
    /// `<<<`: a here-string (the word, plus a newline, is the input).
    HereString,
}

/// A here-document's body, filled in by the lexer when it reaches the end of the line that
/// opened it (the redirection is parsed before its body is read).
pub type HereBody = Rc<RefCell<Word>>;

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
    /// The body of a here-document (`None` for every other redirection).
    pub body: Option<HereBody>,
}

/// The value side of an assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssignValue {
    /// `NAME=word`.
    Scalar(Word),
    /// `NAME=(w1 w2 …)`: an indexed array.
    Array(Vec<Word>),
}

/// `NAME=value`, `NAME+=value`, `NAME[index]=value`, `NAME=(…)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assign {
    /// The variable.
    pub name: String,
    /// `NAME[index]=`: the index as written (an arithmetic expression).
    pub index: Option<Word>,
    /// `+=`: append instead of replace.
    pub append: bool,
    /// The value.
    pub value: AssignValue,
}

/// How a `case` item ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseEnd {
    /// `;;`: stop.
    Break,
    /// `;&`: run the next item's body too.
    FallThrough,
    /// `;;&`: go on testing the next patterns.
    Continue,
}

/// `pattern|pattern) list ;;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseItem {
    /// The patterns, any of which selects the item.
    pub patterns: Vec<Word>,
    /// The commands run when it matches.
    pub body: List,
    /// What follows the body.
    pub end: CaseEnd,
}

/// A `[[ … ]]` conditional expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CondExpr {
    /// A lone word: true when not empty.
    Word(Word),
    /// `-f word`, `-z word`, …
    Unary(String, Word),
    /// `word op word`; for `==`/`!=` the right side is a pattern, for `=~` a regex.
    Binary(Word, String, Word),
    /// `! e`.
    Not(Box<CondExpr>),
    /// `e && e`.
    And(Box<CondExpr>, Box<CondExpr>),
    /// `e || e`.
    Or(Box<CondExpr>, Box<CondExpr>),
}

/// A command: simple or compound, with its redirections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `NAME=v … word … redirs`.
    Simple {
        /// `NAME=value` words before the command.
        assigns: Vec<Assign>,
        /// The command name and its arguments.
        words: Vec<Word>,
        /// Its redirections, in order.
        redirs: Vec<Redir>,
    },
    /// `{ list; }`.
    Group {
        /// The commands inside the braces.
        body: List,
        /// Redirections of the whole group.
        redirs: Vec<Redir>,
    },
    /// `( list )`: runs on a copy of the shell's state.
    Subshell {
        /// The commands inside the parentheses.
        body: List,
        /// Redirections of the whole subshell.
        redirs: Vec<Redir>,
    },
    /// `if c; then b; elif c; then b; else e; fi`.
    If {
        /// Each `if`/`elif` condition with its `then` body.
        branches: Vec<(List, List)>,
        /// The `else` body.
        otherwise: Option<List>,
        /// Redirections of the whole `if`.
        redirs: Vec<Redir>,
    },
    /// `while c; do b; done` (or `until` when `until` is set).
    While {
        /// The condition list.
        cond: List,
        /// The loop body.
        body: List,
        /// An `until` loop: runs while the condition fails.
        until: bool,
        /// Redirections of the whole loop.
        redirs: Vec<Redir>,
    },
    /// `for name in words; do b; done` (`words` is `None` for `for name; do`).
    For {
        /// The loop variable.
        name: String,
        /// The words iterated over (`None`: the positional parameters).
        words: Option<Vec<Word>>,
        /// The loop body.
        body: List,
        /// Redirections of the whole loop.
        redirs: Vec<Redir>,
    },
    /// `for ((init; cond; step)); do b; done`: the three arithmetic expressions as typed.
    ArithFor {
        /// The initialiser expression.
        init: String,
        /// The condition expression (empty: always true).
        cond: String,
        /// The step expression.
        step: String,
        /// The loop body.
        body: List,
        /// Redirections of the whole loop.
        redirs: Vec<Redir>,
    },
    /// `case word in items esac`.
    Case {
        /// The word matched against the patterns.
        word: Word,
        /// The items, in order.
        items: Vec<CaseItem>,
        /// Redirections of the whole `case`.
        redirs: Vec<Redir>,
    },
    /// `[[ expr ]]`.
    Cond {
        /// The conditional expression.
        expr: CondExpr,
        /// Redirections of the command.
        redirs: Vec<Redir>,
    },
    /// `(( expr ))`: status 0 when the value is not 0.
    Arith {
        /// The expression text as typed.
        expr: String,
        /// Redirections of the command.
        redirs: Vec<Redir>,
    },
    /// `name() body` / `function name body`: defines a function.
    FuncDef {
        /// The function name.
        name: String,
        /// The compound command run when it is called.
        body: Rc<Command>,
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
    /// The line of the input it starts on (1-based), for `bash -c`'s `bash: line N:` messages.
    pub line: u32,
}

/// And-or lists separated by `;`, `&` or newlines.
pub type List = Vec<AndOr>;
