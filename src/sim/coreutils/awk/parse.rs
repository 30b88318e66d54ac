//! awk programs → a syntax tree, by recursive descent over POSIX awk's grammar (precedence from
//! `?:` down to `$`), with mawk's `syntax error at or near …` messages.

use super::lex::{is_builtin, Tok};

/// An expression.
#[derive(Debug, Clone)]
pub(super) enum Expr {
    /// A number constant.
    Num(f64),
    /// A string constant.
    Str(String),
    /// A regex literal: alone it means `$0 ~ /re/`.
    Regex(String),
    /// A variable.
    Var(String),
    /// `$expr`.
    Field(Box<Expr>),
    /// `name[i, j]`.
    Index(String, Vec<Expr>),
    /// `lvalue op= expr` (`op` is "" for plain `=`).
    Assign(&'static str, Box<Expr>, Box<Expr>),
    /// `c ? a : b`.
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `&&`, `||`, comparisons, arithmetic, `~`, `!~`.
    Binary(&'static str, Box<Expr>, Box<Expr>),
    /// Juxtaposition.
    Concat(Box<Expr>, Box<Expr>),
    /// `!e`, `-e`, `+e`.
    Unary(&'static str, Box<Expr>),
    /// `++x`, `--x` (`true`: prefix), `x++`, `x--`.
    Incr(&'static str, bool, Box<Expr>),
    /// `(i, j) in arr`.
    In(Vec<Expr>, String),
    /// A built-in or user function call.
    Call(String, Vec<Expr>),
    /// `getline [var]` from the main input.
    Getline(Option<Box<Expr>>),
    /// `(e)`: kept so that `print (a) > b` is not a redirection.
    Group(Box<Expr>),
}

/// Where `print` writes.
#[derive(Debug, Clone)]
pub(super) enum Dest {
    /// `> file`.
    Truncate(Expr),
    /// `>> file`.
    Append(Expr),
    /// `| command` (not simulated: refused when it runs).
    Pipe,
}

/// A statement.
#[derive(Debug, Clone)]
pub(super) enum Stmt {
    /// `print …` / `printf …`.
    Print(bool, Vec<Expr>, Option<Dest>),
    /// An expression.
    Expr(Expr),
    /// `if (c) s [else s]`.
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    /// `while (c) s`.
    While(Expr, Box<Stmt>),
    /// `do s while (c)`.
    Do(Box<Stmt>, Expr),
    /// `for (init; cond; step) s`.
    For(Option<Expr>, Option<Expr>, Option<Expr>, Box<Stmt>),
    /// `for (k in arr) s`.
    ForIn(String, String, Box<Stmt>),
    /// `{ … }`.
    Block(Vec<Stmt>),
    /// `next`, `break`, `continue`.
    Jump(&'static str),
    /// `exit [e]`.
    Exit(Option<Expr>),
    /// `return [e]`.
    Return(Option<Expr>),
    /// `delete arr[i]` / `delete arr`.
    Delete(String, Option<Vec<Expr>>),
}

/// When an item runs.
#[derive(Debug, Clone)]
pub(super) enum Pattern {
    /// `BEGIN`.
    Begin,
    /// `END`.
    End,
    /// Every record.
    All,
    /// Records where the expression is true.
    Expr(Expr),
    /// `a, b`.
    Range(Expr, Expr),
}

/// A whole program.
#[derive(Debug, Clone, Default)]
pub(super) struct Program {
    /// Pattern-action items in order (`None` action: print the record).
    pub items: Vec<(Pattern, Option<Vec<Stmt>>)>,
    /// Functions: name → (parameters, body).
    pub functions: std::collections::BTreeMap<String, (Vec<String>, Vec<Stmt>)>,
}

struct Parser {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    /// Inside `print` arguments: a bare `>` is a redirection.
    no_gt: bool,
    /// Inside a `for (… in …)` head: `in` is not an operator.
    no_in: bool,
}

/// Parses a program.
pub(super) fn parse(toks: Vec<(Tok, usize)>) -> Result<Program, String> {
    let mut p = Parser {
        toks,
        pos: 0,
        no_gt: false,
        no_in: false,
    };
    p.program()
}

type R<T> = Result<T, String>;

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.pos).map_or(&Tok::Eof, |(t, _)| t)
    }

    fn line(&self) -> usize {
        self.toks.get(self.pos).map_or(1, |(_, l)| *l)
    }

    fn bump(&mut self) -> Tok {
        let t = self.peek().clone();
        self.pos += 1;
        t
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn is_name(&self, name: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == name)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let hit = self.is_op(op);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn error<T>(&self) -> R<T> {
        let near = match self.peek() {
            Tok::Eof => {
                return Err(format!(
                    "line {}: syntax error at or near end of file",
                    self.line()
                ))
            }
            Tok::Newline => "end of line".to_string(),
            Tok::Num(n) => super::value::num_to_string(*n, "%.6g"),
            Tok::Str(s) => format!("\"{s}\""),
            Tok::Regex(r) => format!("/{r}/"),
            Tok::Name(n) | Tok::Call(n) => n.clone(),
            Tok::Op(o) => o.to_string(),
        };
        Err(format!(
            "line {}: syntax error at or near {near}",
            self.line()
        ))
    }

    fn expect_op(&mut self, op: &str) -> R<()> {
        if self.eat_op(op) {
            Ok(())
        } else if op == "}" && matches!(self.peek(), Tok::Eof) {
            // mawk counts the end of the program as one line past its last one.
            Err(format!(
                "line {}: missing }} near end of file",
                self.line().saturating_add(1)
            ))
        } else {
            self.error()
        }
    }

    fn newlines(&mut self) {
        while matches!(self.peek(), Tok::Newline) || self.is_op(";") {
            self.pos += 1;
        }
    }

    fn opt_newlines(&mut self) {
        while matches!(self.peek(), Tok::Newline) {
            self.pos += 1;
        }
    }

    fn program(&mut self) -> R<Program> {
        let mut prog = Program::default();
        loop {
            self.newlines();
            match self.peek().clone() {
                Tok::Eof => return Ok(prog),
                Tok::Name(n) if n == "function" || n == "func" => {
                    self.pos += 1;
                    let name = match self.bump() {
                        Tok::Name(n) | Tok::Call(n) => n,
                        _ => return self.error(),
                    };
                    self.expect_op("(")?;
                    let mut params = Vec::new();
                    while let Tok::Name(p) = self.peek().clone() {
                        self.pos += 1;
                        params.push(p);
                        self.opt_newlines();
                        if !self.eat_op(",") {
                            break;
                        }
                        self.opt_newlines();
                    }
                    self.expect_op(")")?;
                    self.opt_newlines();
                    let body = self.block()?;
                    prog.functions.insert(name, (params, body));
                }
                _ => {
                    let pattern = self.pattern()?;
                    let action = if self.is_op("{") {
                        Some(self.block()?)
                    } else {
                        if matches!(pattern, Pattern::Begin | Pattern::End) {
                            return self.error();
                        }
                        None
                    };
                    prog.items.push((pattern, action));
                }
            }
        }
    }

    fn pattern(&mut self) -> R<Pattern> {
        if self.is_name("BEGIN") {
            self.pos += 1;
            return Ok(Pattern::Begin);
        }
        if self.is_name("END") {
            self.pos += 1;
            return Ok(Pattern::End);
        }
        if self.is_op("{") {
            return Ok(Pattern::All);
        }
        let first = self.expr()?;
        if self.eat_op(",") {
            self.opt_newlines();
            let second = self.expr()?;
            return Ok(Pattern::Range(first, second));
        }
        Ok(Pattern::Expr(first))
    }

    fn block(&mut self) -> R<Vec<Stmt>> {
        self.expect_op("{")?;
        let mut body = Vec::new();
        loop {
            self.newlines();
            if self.eat_op("}") {
                return Ok(body);
            }
            if matches!(self.peek(), Tok::Eof) {
                return self.expect_op("}").map(|_| body);
            }
            body.push(self.statement()?);
        }
    }

    /// Ends a simple statement: `;`, a newline, or before `}` / end.
    fn terminator(&mut self) -> R<()> {
        if self.eat_op(";") || matches!(self.peek(), Tok::Newline) {
            self.pos = self
                .pos
                .saturating_add(usize::from(matches!(self.peek(), Tok::Newline)));
            return Ok(());
        }
        if self.is_op("}") || matches!(self.peek(), Tok::Eof) {
            return Ok(());
        }
        self.error()
    }

    fn simple_or_block(&mut self) -> R<Stmt> {
        self.opt_newlines();
        if self.is_op(";") {
            self.pos += 1;
            return Ok(Stmt::Block(Vec::new()));
        }
        self.statement()
    }

    fn statement(&mut self) -> R<Stmt> {
        if self.is_op("{") {
            return Ok(Stmt::Block(self.block()?));
        }
        let name = match self.peek() {
            Tok::Name(n) => n.clone(),
            _ => String::new(),
        };
        let stmt = match name.as_str() {
            "if" => {
                self.pos += 1;
                self.expect_op("(")?;
                let cond = self.expr()?;
                self.expect_op(")")?;
                let then = self.simple_or_block()?;
                let save = self.pos;
                self.newlines();
                if self.is_name("else") {
                    self.pos += 1;
                    let other = self.simple_or_block()?;
                    return Ok(Stmt::If(cond, Box::new(then), Some(Box::new(other))));
                }
                self.pos = save;
                return Ok(Stmt::If(cond, Box::new(then), None));
            }
            "while" => {
                self.pos += 1;
                self.expect_op("(")?;
                let cond = self.expr()?;
                self.expect_op(")")?;
                if self.is_op(";") {
                    self.pos += 1;
                    return Ok(Stmt::While(cond, Box::new(Stmt::Block(Vec::new()))));
                }
                return Ok(Stmt::While(cond, Box::new(self.simple_or_block()?)));
            }
            "do" => {
                self.pos += 1;
                let body = self.simple_or_block()?;
                self.newlines();
                if !self.is_name("while") {
                    return self.error();
                }
                self.pos += 1;
                self.expect_op("(")?;
                let cond = self.expr()?;
                self.expect_op(")")?;
                Stmt::Do(Box::new(body), cond)
            }
            "for" => return self.for_statement(),
            "next" | "break" | "continue" => {
                self.pos += 1;
                Stmt::Jump(match name.as_str() {
                    "next" => "next",
                    "break" => "break",
                    _ => "continue",
                })
            }
            "exit" | "return" => {
                self.pos += 1;
                let value = if self.ends_simple() {
                    None
                } else {
                    Some(self.expr()?)
                };
                if name == "exit" {
                    Stmt::Exit(value)
                } else {
                    Stmt::Return(value)
                }
            }
            "delete" => {
                self.pos += 1;
                let Tok::Name(arr) = self.bump() else {
                    return self.error();
                };
                let index = if self.eat_op("[") {
                    let i = self.expr_list()?;
                    self.expect_op("]")?;
                    Some(i)
                } else {
                    None
                };
                Stmt::Delete(arr, index)
            }
            "print" | "printf" => {
                self.pos += 1;
                self.print(name == "printf")?
            }
            _ => Stmt::Expr(self.expr()?),
        };
        self.terminator()?;
        Ok(stmt)
    }

    fn ends_simple(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Eof) || self.is_op(";") || self.is_op("}")
    }

    fn for_statement(&mut self) -> R<Stmt> {
        self.pos += 1;
        self.expect_op("(")?;
        if let (Tok::Name(var), Some((Tok::Name(kw), _))) =
            (self.peek().clone(), self.toks.get(self.pos + 1).cloned())
        {
            if kw == "in" {
                if let Some((Tok::Name(arr), _)) = self.toks.get(self.pos + 2).cloned() {
                    if matches!(self.toks.get(self.pos + 3), Some((Tok::Op(")"), _))) {
                        self.pos += 4;
                        let body = self.simple_or_block()?;
                        return Ok(Stmt::ForIn(var, arr, Box::new(body)));
                    }
                }
            }
        }
        let init = if self.is_op(";") {
            None
        } else {
            Some(self.expr()?)
        };
        self.expect_op(";")?;
        self.opt_newlines();
        let cond = if self.is_op(";") {
            None
        } else {
            Some(self.expr()?)
        };
        self.expect_op(";")?;
        self.opt_newlines();
        let step = if self.is_op(")") {
            None
        } else {
            Some(self.expr()?)
        };
        self.expect_op(")")?;
        if self.is_op(";") {
            self.pos += 1;
            return Ok(Stmt::For(
                init,
                cond,
                step,
                Box::new(Stmt::Block(Vec::new())),
            ));
        }
        let body = self.simple_or_block()?;
        Ok(Stmt::For(init, cond, step, Box::new(body)))
    }

    fn print(&mut self, formatted: bool) -> R<Stmt> {
        let saved = self.no_gt;
        self.no_gt = true;
        let mut args = Vec::new();
        if !self.ends_simple() && !self.is_op(">") && !self.is_op(">>") && !self.is_op("|") {
            args = self.expr_list()?;
        }
        self.no_gt = saved;
        // `print (a, b)`: the parenthesized list is the argument list.
        if let [Expr::Group(inner)] = args.as_slice() {
            if let Expr::Call(n, list) = inner.as_ref() {
                if n == "\u{0}list" {
                    args = list.clone();
                }
            }
        }
        let dest = if self.eat_op(">") {
            Some(Dest::Truncate(self.concat()?))
        } else if self.eat_op(">>") {
            Some(Dest::Append(self.concat()?))
        } else if self.eat_op("|") {
            {
                self.concat()?;
                Some(Dest::Pipe)
            }
        } else {
            None
        };
        if formatted && args.is_empty() {
            return self.error();
        }
        Ok(Stmt::Print(formatted, args, dest))
    }

    fn expr_list(&mut self) -> R<Vec<Expr>> {
        let mut list = vec![self.expr()?];
        while self.eat_op(",") {
            self.opt_newlines();
            list.push(self.expr()?);
        }
        Ok(list)
    }

    /// An expression (assignment is the lowest level).
    pub(super) fn expr(&mut self) -> R<Expr> {
        let left = self.ternary()?;
        for op in ["=", "+=", "-=", "*=", "/=", "%=", "^="] {
            if self.is_op(op) && is_lvalue(&left) {
                self.pos += 1;
                self.opt_newlines();
                let right = self.expr()?;
                let kind = match op {
                    "=" => "",
                    "+=" => "+",
                    "-=" => "-",
                    "*=" => "*",
                    "/=" => "/",
                    "%=" => "%",
                    _ => "^",
                };
                return Ok(Expr::Assign(kind, Box::new(left), Box::new(right)));
            }
        }
        Ok(left)
    }

    fn ternary(&mut self) -> R<Expr> {
        let cond = self.or()?;
        if self.eat_op("?") {
            self.opt_newlines();
            let a = self.ternary()?;
            self.opt_newlines();
            self.expect_op(":")?;
            self.opt_newlines();
            let b = self.ternary()?;
            return Ok(Expr::Cond(Box::new(cond), Box::new(a), Box::new(b)));
        }
        Ok(cond)
    }

    fn or(&mut self) -> R<Expr> {
        let mut left = self.and()?;
        while self.eat_op("||") {
            self.opt_newlines();
            left = Expr::Binary("||", Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> R<Expr> {
        let mut left = self.in_expr()?;
        while self.eat_op("&&") {
            self.opt_newlines();
            left = Expr::Binary("&&", Box::new(left), Box::new(self.in_expr()?));
        }
        Ok(left)
    }

    fn in_expr(&mut self) -> R<Expr> {
        let mut left = self.matching()?;
        while !self.no_in && self.is_name("in") {
            self.pos += 1;
            let Tok::Name(arr) = self.bump() else {
                return self.error();
            };
            let keys = match left {
                Expr::Group(inner) => match *inner {
                    Expr::Call(n, list) if n == "\u{0}list" => list,
                    other => vec![other],
                },
                other => vec![other],
            };
            left = Expr::In(keys, arr);
        }
        Ok(left)
    }

    fn matching(&mut self) -> R<Expr> {
        let mut left = self.comparison()?;
        loop {
            let op = if self.is_op("~") {
                "~"
            } else if self.is_op("!~") {
                "!~"
            } else {
                return Ok(left);
            };
            self.pos += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.comparison()?));
        }
    }

    fn comparison(&mut self) -> R<Expr> {
        let left = self.concat()?;
        for op in ["<", "<=", "==", "!=", ">=", ">"] {
            if self.is_op(op) && !(self.no_gt && op == ">") {
                self.pos += 1;
                let right = self.concat()?;
                let op = match op {
                    "<" => "<",
                    "<=" => "<=",
                    "==" => "==",
                    "!=" => "!=",
                    ">=" => ">=",
                    _ => ">",
                };
                return Ok(Expr::Binary(op, Box::new(left), Box::new(right)));
            }
        }
        Ok(left)
    }

    fn starts_operand(&self) -> bool {
        match self.peek() {
            Tok::Num(_) | Tok::Str(_) | Tok::Regex(_) | Tok::Call(_) => true,
            Tok::Name(n) => !matches!(n.as_str(), "in" | "getline") || n == "getline",
            Tok::Op(o) => matches!(*o, "$" | "(" | "!" | "-" | "+" | "++" | "--"),
            _ => false,
        }
    }

    fn concat(&mut self) -> R<Expr> {
        let mut left = self.additive()?;
        loop {
            let next_is_operand = match self.peek() {
                Tok::Op("-" | "+" | "!") => false,
                Tok::Name(n) if n == "in" => false,
                _ => self.starts_operand(),
            };
            if !next_is_operand {
                return Ok(left);
            }
            left = Expr::Concat(Box::new(left), Box::new(self.additive()?));
        }
    }

    fn additive(&mut self) -> R<Expr> {
        let mut left = self.multiplicative()?;
        loop {
            let op = if self.is_op("+") {
                "+"
            } else if self.is_op("-") {
                "-"
            } else {
                return Ok(left);
            };
            self.pos += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.multiplicative()?));
        }
    }

    fn multiplicative(&mut self) -> R<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = if self.is_op("*") {
                "*"
            } else if self.is_op("/") {
                "/"
            } else if self.is_op("%") {
                "%"
            } else {
                return Ok(left);
            };
            self.pos += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> R<Expr> {
        for op in ["!", "-", "+"] {
            if self.is_op(op) {
                self.pos += 1;
                let inner = self.unary()?;
                let op = match op {
                    "!" => "!",
                    "-" => "-",
                    _ => "+",
                };
                return Ok(Expr::Unary(op, Box::new(inner)));
            }
        }
        self.power()
    }

    fn power(&mut self) -> R<Expr> {
        let base = self.postfix()?;
        if self.eat_op("^") {
            let exp = self.unary()?;
            return Ok(Expr::Binary("^", Box::new(base), Box::new(exp)));
        }
        Ok(base)
    }

    fn postfix(&mut self) -> R<Expr> {
        for op in ["++", "--"] {
            if self.is_op(op) {
                self.pos += 1;
                let target = self.postfix()?;
                if !is_lvalue(&target) {
                    return self.error();
                }
                return Ok(Expr::Incr(
                    if op == "++" { "++" } else { "--" },
                    true,
                    Box::new(target),
                ));
            }
        }
        let e = self.primary()?;
        if is_lvalue(&e) {
            for op in ["++", "--"] {
                if self.is_op(op) {
                    self.pos += 1;
                    return Ok(Expr::Incr(
                        if op == "++" { "++" } else { "--" },
                        false,
                        Box::new(e),
                    ));
                }
            }
        }
        Ok(e)
    }

    fn primary(&mut self) -> R<Expr> {
        match self.bump() {
            Tok::Num(n) => Ok(Expr::Num(n)),
            Tok::Str(s) => Ok(Expr::Str(s)),
            Tok::Regex(r) => Ok(Expr::Regex(r)),
            Tok::Op("$") => Ok(Expr::Field(Box::new(self.postfix_no_incr()?))),
            Tok::Op("(") => {
                let saved = (self.no_gt, self.no_in);
                self.no_gt = false;
                self.no_in = false;
                let first = self.expr()?;
                let e = if self.is_op(",") {
                    let mut list = vec![first];
                    while self.eat_op(",") {
                        self.opt_newlines();
                        list.push(self.expr()?);
                    }
                    Expr::Group(Box::new(Expr::Call("\u{0}list".into(), list)))
                } else {
                    Expr::Group(Box::new(first))
                };
                (self.no_gt, self.no_in) = saved;
                self.expect_op(")")?;
                Ok(e)
            }
            Tok::Name(n) if n == "getline" => {
                let var = if self.starts_operand() && !self.is_op("(") {
                    Some(Box::new(self.primary()?))
                } else {
                    None
                };
                Ok(Expr::Getline(var))
            }
            Tok::Name(n) if is_builtin(&n) => {
                // `length` without parentheses.
                if n == "length" {
                    return Ok(Expr::Call(n, Vec::new()));
                }
                self.pos -= 1;
                self.error()
            }
            Tok::Call(name) => {
                self.expect_op("(")?;
                let saved = (self.no_gt, self.no_in);
                self.no_gt = false;
                self.no_in = false;
                let args = if self.is_op(")") {
                    Vec::new()
                } else {
                    self.expr_list()?
                };
                (self.no_gt, self.no_in) = saved;
                self.expect_op(")")?;
                Ok(Expr::Call(name, args))
            }
            Tok::Name(n) if !super::lex::is_keyword(&n) => {
                if self.eat_op("[") {
                    let index = self.expr_list()?;
                    self.expect_op("]")?;
                    return Ok(Expr::Index(n, index));
                }
                Ok(Expr::Var(n))
            }
            _ => {
                self.pos -= 1;
                self.error()
            }
        }
    }

    /// The operand of `$`: a primary (so `$i++` increments the field, `$NF-1` subtracts).
    fn postfix_no_incr(&mut self) -> R<Expr> {
        if self.is_op("-") || self.is_op("+") || self.is_op("!") {
            return self.unary();
        }
        if self.is_op("++") || self.is_op("--") {
            return self.postfix();
        }
        self.primary()
    }
}

fn is_lvalue(e: &Expr) -> bool {
    matches!(e, Expr::Var(_) | Expr::Field(_) | Expr::Index(..))
}
