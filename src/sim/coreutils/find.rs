//! `find [PATH...] [EXPRESSION]` (GNU findutils 4.9): `-name`, `-iname`, `-path`, `-type`,
//! `-empty`, `-maxdepth`, `-mindepth`, `-print`, `-print0`, `-delete`, `!`/`-not`, `-a`, `-o`
//! and parentheses. `-exec` is not simulated and says so.

use super::Ctx;
use crate::sim::fs::NodeKind;
use regex_lite::Regex;

/// A parsed expression.
enum Expr {
    Name(Option<Regex>),
    Path(Option<Regex>),
    Type(char),
    Empty,
    Print(bool),
    Delete,
    True,
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// `find`.
pub(super) fn find(args: &[String], ctx: &mut Ctx) -> i32 {
    let split = args
        .iter()
        .position(|a| a.starts_with('-') || a == "!" || a == "(")
        .unwrap_or(args.len());
    let mut paths: Vec<String> = args.get(..split).unwrap_or_default().to_vec();
    if paths.is_empty() {
        paths.push(".".into());
    }
    let mut p = Parser {
        toks: args.get(split..).unwrap_or_default(),
        pos: 0,
        min: 0,
        max: usize::MAX,
        action: false,
    };
    let expr = if p.toks.is_empty() {
        Expr::True
    } else {
        match p.or() {
            Ok(e) if p.pos >= p.toks.len() => e,
            Ok(_) => {
                ctx.err(
                    "find",
                    &format!(
                        "paths must precede expression: `{}'",
                        p.toks.get(p.pos).cloned().unwrap_or_default()
                    ),
                );
                return 1;
            }
            Err(msg) => {
                ctx.err("find", &msg);
                return 1;
            }
        }
    };
    let expr = if p.action {
        expr
    } else {
        Expr::And(Box::new(expr), Box::new(Expr::Print(false)))
    };
    let mut status = 0;
    for root in paths {
        if ctx.fs.lstat(ctx.ns, &ctx.abs(&root)).is_err() {
            ctx.err("find", &format!("'{root}': No such file or directory"));
            status = 1;
            continue;
        }
        walk(ctx, &root, 0, &expr, p.min, p.max);
    }
    status
}

fn walk(ctx: &mut Ctx, path: &str, depth: usize, expr: &Expr, min: usize, max: usize) {
    let abs = ctx.abs(path);
    let is_dir = ctx
        .fs
        .lstat(ctx.ns, &abs)
        .is_ok_and(|m| matches!(m.kind, NodeKind::Dir));
    if is_dir && depth < max {
        let mut entries: Vec<String> = ctx
            .fs
            .read_dir(ctx.ns, &abs)
            .map(|e| e.into_iter().map(|(n, _)| n).collect())
            .unwrap_or_default();
        entries.sort();
        // `-delete` implies depth-first: children before their directory.
        let depth_first = uses_delete(expr);
        if !depth_first && depth >= min {
            eval(ctx, path, expr);
        }
        for name in entries {
            let child = if path.ends_with('/') {
                format!("{path}{name}")
            } else {
                format!("{path}/{name}")
            };
            walk(ctx, &child, depth + 1, expr, min, max);
        }
        if depth_first && depth >= min {
            eval(ctx, path, expr);
        }
        return;
    }
    if depth >= min {
        eval(ctx, path, expr);
    }
}

fn uses_delete(e: &Expr) -> bool {
    match e {
        Expr::Delete => true,
        Expr::Not(a) => uses_delete(a),
        Expr::And(a, b) | Expr::Or(a, b) => uses_delete(a) || uses_delete(b),
        _ => false,
    }
}

fn eval(ctx: &mut Ctx, path: &str, e: &Expr) -> bool {
    let abs = ctx.abs(path);
    match e {
        Expr::True => true,
        Expr::Name(re) => {
            let base = path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(path);
            re.as_ref()
                .is_some_and(|re| re.is_match(if base.is_empty() { path } else { base }))
        }
        Expr::Path(re) => re.as_ref().is_some_and(|re| re.is_match(path)),
        Expr::Type(t) => ctx.fs.lstat(ctx.ns, &abs).is_ok_and(|m| {
            matches!(
                (t, m.kind),
                ('f', NodeKind::File) | ('d', NodeKind::Dir) | ('l', NodeKind::Symlink)
            )
        }),
        Expr::Empty => match ctx.fs.lstat(ctx.ns, &abs) {
            Ok(m) if matches!(m.kind, NodeKind::Dir) => {
                ctx.fs.read_dir(ctx.ns, &abs).is_ok_and(|e| e.is_empty())
            }
            Ok(m) => matches!(m.kind, NodeKind::File) && m.size == 0,
            Err(_) => false,
        },
        Expr::Print(nul) => {
            ctx.out
                .out(format!("{path}{}", if *nul { '\0' } else { '\n' }));
            true
        }
        Expr::Delete => {
            let is_dir = ctx
                .fs
                .lstat(ctx.ns, &abs)
                .is_ok_and(|m| matches!(m.kind, NodeKind::Dir));
            let result = if is_dir {
                ctx.fs.remove_dir(ctx.ns, &abs)
            } else {
                ctx.fs.remove_file(ctx.ns, &abs)
            };
            if path == "." {
                return true;
            }
            match result {
                Ok(()) => true,
                Err(err) => {
                    ctx.err(
                        "find",
                        &format!("cannot delete '{path}': {}", err.kind.strerror()),
                    );
                    false
                }
            }
        }
        Expr::Not(a) => !eval(ctx, path, a),
        Expr::And(a, b) => eval(ctx, path, a) && eval(ctx, path, b),
        Expr::Or(a, b) => eval(ctx, path, a) || eval(ctx, path, b),
    }
}

struct Parser<'a> {
    toks: &'a [String],
    pos: usize,
    min: usize,
    max: usize,
    action: bool,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&str> {
        self.toks.get(self.pos).map(String::as_str)
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while matches!(self.peek(), Some("-o" | "-or")) {
            self.pos += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.not()?;
        loop {
            match self.peek() {
                Some("-a" | "-and") => self.pos += 1,
                Some("-o" | "-or" | ")") | None => return Ok(left),
                _ => {}
            }
            left = Expr::And(Box::new(left), Box::new(self.not()?));
        }
    }

    fn not(&mut self) -> Result<Expr, String> {
        if matches!(self.peek(), Some("!" | "-not")) {
            self.pos += 1;
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.primary()
    }

    fn arg(&mut self, pred: &str) -> Result<String, String> {
        let v = self
            .toks
            .get(self.pos)
            .cloned()
            .ok_or_else(|| format!("missing argument to `{pred}'"))?;
        self.pos += 1;
        Ok(v)
    }

    fn primary(&mut self) -> Result<Expr, String> {
        let Some(tok) = self.toks.get(self.pos).cloned() else {
            return Err("expected an expression at the end".into());
        };
        self.pos += 1;
        Ok(match tok.as_str() {
            "(" => {
                let e = self.or()?;
                if self.peek() != Some(")") {
                    return Err("invalid expression; you have too many '('".into());
                }
                self.pos += 1;
                e
            }
            "-name" | "-iname" | "-path" | "-wholename" => {
                let pattern = self.arg(&tok)?;
                let re = glob_regex(&pattern, tok == "-iname");
                if tok.ends_with("name") && !tok.contains("whole") {
                    Expr::Name(re)
                } else {
                    Expr::Path(re)
                }
            }
            "-type" => {
                let t = self.arg(&tok)?;
                match t.as_str() {
                    "f" | "d" | "l" => Expr::Type(t.chars().next().unwrap_or('f')),
                    "b" | "c" | "p" | "s" => Expr::Not(Box::new(Expr::True)),
                    _ => return Err(format!("Unknown argument to -type: {t}")),
                }
            }
            "-maxdepth" | "-mindepth" => {
                let v = self.arg(&tok)?;
                let n: usize = v.parse().map_err(|_| {
                    format!("Expected a positive decimal integer argument to {tok}, but got `{v}'")
                })?;
                if tok == "-maxdepth" {
                    self.max = n
                } else {
                    self.min = n
                }
                Expr::True
            }
            "-empty" => Expr::Empty,
            "-print" | "-print0" => {
                self.action = true;
                Expr::Print(tok == "-print0")
            }
            "-delete" => {
                self.action = true;
                Expr::Delete
            }
            "-true" => Expr::True,
            "-false" => Expr::Not(Box::new(Expr::True)),
            "-exec" | "-execdir" | "-ok" | "-okdir" => {
                if !self
                    .toks
                    .iter()
                    .skip(self.pos)
                    .any(|t| t == ";" || t == "+")
                {
                    return Err(format!("missing argument to `{tok}'"));
                }
                return Err(format!("podscope: {tok} is not simulated; pipe the names to xargs instead (find … | xargs CMD)"));
            }
            other if other.starts_with('-') => return Err(format!("unknown predicate `{other}'")),
            other => return Err(format!("paths must precede expression: `{other}'")),
        })
    }
}

/// A shell glob (`*.txt`, `[ab]?`) as an anchored regex.
fn glob_regex(glob: &str, ignore_case: bool) -> Option<Regex> {
    let mut re = String::from("^");
    let mut chars = glob.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '[' => {
                re.push('[');
                if matches!(chars.peek(), Some('!' | '^')) {
                    chars.next();
                    re.push('^');
                }
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    if d == '\\' || d == '[' {
                        re.push('\\');
                    }
                    re.push(d);
                }
                re.push(']');
            }
            '\\' => {
                if let Some(d) = chars.next() {
                    re.push_str(&regex_lite::escape(&d.to_string()));
                }
            }
            other => re.push_str(&regex_lite::escape(&other.to_string())),
        }
    }
    re.push('$');
    regex_lite::RegexBuilder::new(&re)
        .case_insensitive(ignore_case)
        .dot_matches_new_line(true)
        .build()
        .ok()
}
