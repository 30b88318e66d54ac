//! Running an awk program: records and fields, variables and arrays, statements, and the
//! budgets that stop a runaway program (`while (1)`) instead of freezing the tab.

use super::super::posix_regex::{self, Dialect};
use super::builtins;
use super::parse::{Dest, Expr, Pattern, Program, Stmt};
use super::value::{num_to_string, Value};
use crate::sim::output::Output;
use regex_lite::Regex;
use std::collections::{BTreeMap, HashMap};

/// Statements and expressions one awk run may evaluate.
const STEP_BUDGET: u64 = 5_000_000;
/// Bytes one awk run may print.
const OUTPUT_BUDGET: usize = 16 << 20;

/// How a statement ended.
pub(super) enum Flow {
    Normal,
    Next,
    Break,
    Continue,
    Exit,
    Return(Value),
}

/// An array: keys in insertion order.
#[derive(Debug, Clone, Default)]
pub(super) struct Array {
    keys: Vec<String>,
    values: HashMap<String, Value>,
}

impl Array {
    pub fn get(&self, k: &str) -> Option<&Value> {
        self.values.get(k)
    }
    pub fn set(&mut self, k: String, v: Value) {
        if !self.values.contains_key(&k) {
            self.keys.push(k.clone());
        }
        self.values.insert(k, v);
    }
    pub fn remove(&mut self, k: &str) {
        if self.values.remove(k).is_some() {
            self.keys.retain(|x| x != k);
        }
    }
    pub fn clear(&mut self) {
        self.keys.clear();
        self.values.clear();
    }
    pub fn len(&self) -> usize {
        self.keys.len()
    }
    pub fn keys(&self) -> Vec<String> {
        self.keys.clone()
    }
}

/// One function call's locals.
#[derive(Default)]
struct Frame {
    scalars: HashMap<String, Value>,
    /// Parameters that name a caller's array (passed by reference).
    aliases: HashMap<String, String>,
}

/// The interpreter.
pub(super) struct Interp<'p> {
    prog: &'p Program,
    pub vars: HashMap<String, Value>,
    pub arrays: HashMap<String, Array>,
    frames: Vec<Frame>,
    record: String,
    fields: Vec<String>,
    pub records: Vec<(String, String)>,
    pub next_record: usize,
    /// Input files (name, text), split into records by `RS` when first read.
    pub pending: Vec<(String, String)>,
    ranges: Vec<bool>,
    pub out: Output,
    pub files: BTreeMap<String, String>,
    regexes: HashMap<String, Regex>,
    steps: u64,
    pub exit_code: i32,
    pub failed: Option<String>,
    pub rand_state: u64,
}

impl<'p> Interp<'p> {
    /// An interpreter for `prog` with the standard variables set.
    pub fn new(prog: &'p Program) -> Self {
        let mut vars = HashMap::new();
        for (k, v) in [
            ("FS", " "),
            ("OFS", " "),
            ("ORS", "\n"),
            ("RS", "\n"),
            ("SUBSEP", "\x1c"),
            ("CONVFMT", "%.6g"),
            ("OFMT", "%.6g"),
            ("FILENAME", ""),
        ] {
            vars.insert(k.to_string(), Value::Str(v.to_string()));
        }
        for k in ["NR", "NF", "FNR", "RSTART", "RLENGTH"] {
            vars.insert(k.to_string(), Value::Num(0.0));
        }
        Interp {
            prog,
            vars,
            arrays: HashMap::new(),
            frames: Vec::new(),
            record: String::new(),
            fields: Vec::new(),
            records: Vec::new(),
            next_record: 0,
            pending: Vec::new(),
            ranges: vec![false; prog.items.len()],
            out: Output::default(),
            files: BTreeMap::new(),
            regexes: HashMap::new(),
            steps: 0,
            exit_code: 0,
            failed: None,
            rand_state: 0,
        }
    }

    /// Runs BEGIN, every record, then END (unless `skip_end`: an input file was missing).
    pub fn run_with(&mut self, skip_end: bool) {
        let exited = self.run_items(|p| matches!(p, Pattern::Begin), None);
        let has_main = self
            .prog
            .items
            .iter()
            .any(|(p, _)| !matches!(p, Pattern::Begin));
        if !exited && has_main {
            'records: while self.read_record() {
                for i in 0..self.prog.items.len() {
                    match self.run_item(i) {
                        Flow::Next => continue 'records,
                        Flow::Exit => break 'records,
                        _ => {}
                    }
                    if self.failed.is_some() {
                        return;
                    }
                }
            }
        }
        if self.failed.is_none() && !skip_end {
            self.run_items(|p| matches!(p, Pattern::End), None);
        }
    }

    /// Splits the pending inputs into records by the current `RS`.
    fn split_pending(&mut self) {
        let rs = self.var_str("RS");
        for (name, text) in std::mem::take(&mut self.pending) {
            let mut parts: Vec<String> = if rs.is_empty() {
                text.split("\n\n")
                    .map(|p| p.trim_matches('\n').to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            } else if rs.chars().count() == 1 {
                text.split(rs.as_str()).map(str::to_string).collect()
            } else {
                match self.regex(&rs) {
                    Some(re) => re.split(&text).map(str::to_string).collect(),
                    None => vec![text.clone()],
                }
            };
            if !rs.is_empty() && parts.last().is_some_and(String::is_empty) {
                parts.pop();
            }
            self.records
                .extend(parts.into_iter().map(|p| (name.clone(), p)));
        }
    }

    fn run_items(&mut self, which: impl Fn(&Pattern) -> bool, _: Option<()>) -> bool {
        for (pattern, action) in &self.prog.items {
            if !which(pattern) {
                continue;
            }
            if let Some(body) = action {
                if let Flow::Exit = self.block(body) {
                    return true;
                }
            }
            if self.failed.is_some() {
                return true;
            }
        }
        false
    }

    fn run_item(&mut self, i: usize) -> Flow {
        let Some((pattern, action)) = self.prog.items.get(i) else {
            return Flow::Normal;
        };
        let selected = match pattern {
            Pattern::Begin | Pattern::End => false,
            Pattern::All => true,
            Pattern::Expr(e) => self.eval(e).truthy(),
            Pattern::Range(a, b) => {
                let active = self.ranges.get(i).copied().unwrap_or(false);
                if active || self.eval(a).truthy() {
                    let ends = self.eval(b).truthy();
                    if let Some(r) = self.ranges.get_mut(i) {
                        *r = !ends;
                    }
                    true
                } else {
                    false
                }
            }
        };
        if !selected {
            return Flow::Normal;
        }
        match action {
            Some(body) => self.block(body),
            None => {
                let line = format!("{}{}", self.record, self.var_str("ORS"));
                self.emit(None, &line);
                Flow::Normal
            }
        }
    }

    /// Reads the next record into `$0`; false at the end of input.
    pub fn read_record(&mut self) -> bool {
        if !self.pending.is_empty() {
            self.split_pending();
        }
        let Some((file, text)) = self.records.get(self.next_record).cloned() else {
            return false;
        };
        if self.next_record == 0
            || self.records.get(self.next_record - 1).map(|r| &r.0) != Some(&file)
        {
            self.vars.insert("FNR".into(), Value::Num(0.0));
            self.vars.insert("FILENAME".into(), Value::Str(file));
        }
        self.next_record += 1;
        for k in ["NR", "FNR"] {
            let n = self.vars.get(k).map_or(0.0, Value::num) + 1.0;
            self.vars.insert(k.into(), Value::Num(n));
        }
        self.set_record(text);
        true
    }

    fn step(&mut self) -> bool {
        self.steps += 1;
        if self.steps > STEP_BUDGET && self.failed.is_none() {
            self.failed = Some(format!(
                "podscope: awk stopped after {STEP_BUDGET} steps (a loop that does not end?)"
            ));
        }
        self.failed.is_none()
    }

    pub fn var_str(&self, name: &str) -> String {
        self.vars
            .get(name)
            .map(|v| v.str("%.6g"))
            .unwrap_or_default()
    }

    fn convfmt(&self) -> String {
        self.var_str("CONVFMT")
    }

    /// Sets `$0` and splits it into fields.
    pub fn set_record(&mut self, text: String) {
        let fs = self.var_str("FS");
        self.fields = builtins::split_fields(&text, &fs, &mut self.regexes);
        self.record = text;
        self.vars
            .insert("NF".into(), Value::Num(self.fields.len() as f64));
    }

    fn rebuild_record(&mut self) {
        let ofs = self.var_str("OFS");
        self.record = self.fields.join(&ofs);
    }

    fn field(&self, i: usize) -> Value {
        if i == 0 {
            return Value::StrNum(self.record.clone());
        }
        self.fields
            .get(i - 1)
            .map_or(Value::Unset, |f| Value::StrNum(f.clone()))
    }

    fn set_field(&mut self, i: usize, v: String) {
        if i == 0 {
            self.set_record(v);
            return;
        }
        if self.fields.len() < i {
            self.fields.resize(i, String::new());
        }
        if let Some(f) = self.fields.get_mut(i - 1) {
            *f = v;
        }
        self.vars
            .insert("NF".into(), Value::Num(self.fields.len() as f64));
        self.rebuild_record();
    }

    /// The compiled ERE of `text` (cached).
    pub fn regex(&mut self, text: &str) -> Option<Regex> {
        if let Some(re) = self.regexes.get(text) {
            return Some(re.clone());
        }
        match posix_regex::compile(text, Dialect::Extended, false) {
            Ok(re) => {
                self.regexes.insert(text.to_string(), re.clone());
                Some(re)
            }
            Err(e) => {
                self.failed = Some(format!("regular expression compile failed ({e})\n{text}"));
                None
            }
        }
    }

    /// Writes `text` to stdout or a redirection target.
    fn emit(&mut self, dest: Option<(bool, String)>, text: &str) {
        let total: usize = self.out.chunks.iter().map(|(_, b)| b.len()).sum();
        if total + text.len() > OUTPUT_BUDGET {
            if self.failed.is_none() {
                self.failed = Some("podscope: awk stopped: it printed more than 16 MiB".into());
            }
            return;
        }
        match dest {
            None => self.out.out(text),
            Some((_, f)) if f == "/dev/stdout" || f == "-" => self.out.out(text),
            Some((_, f)) if f == "/dev/stderr" => self.out.err(text),
            Some((append, f)) => {
                let buf = self.files.entry(f.clone()).or_default();
                if !append && buf.is_empty() {
                    buf.clear();
                }
                buf.push_str(text);
            }
        }
    }

    fn block(&mut self, body: &[Stmt]) -> Flow {
        for s in body {
            let flow = self.stmt(s);
            if !matches!(flow, Flow::Normal) {
                return flow;
            }
        }
        Flow::Normal
    }

    fn stmt(&mut self, s: &Stmt) -> Flow {
        if !self.step() {
            return Flow::Exit;
        }
        match s {
            Stmt::Expr(e) => {
                self.eval(e);
                Flow::Normal
            }
            Stmt::Print(formatted, args, dest) => {
                let text = if *formatted {
                    let values: Vec<Value> = args.iter().map(|a| self.eval(a)).collect();
                    builtins::sprintf(&values, &self.convfmt())
                } else if args.is_empty() {
                    format!("{}{}", self.record, self.var_str("ORS"))
                } else {
                    let ofmt = self.var_str("OFMT");
                    let parts: Vec<String> = args
                        .iter()
                        .map(|a| match self.eval(a) {
                            Value::Num(n) => num_to_string(n, &ofmt),
                            other => other.str(&ofmt),
                        })
                        .collect();
                    format!(
                        "{}{}",
                        parts.join(&self.var_str("OFS")),
                        self.var_str("ORS")
                    )
                };
                let dest = match dest {
                    None => None,
                    Some(Dest::Truncate(e)) => Some((false, self.eval(e).str("%.6g"))),
                    Some(Dest::Append(e)) => Some((true, self.eval(e).str("%.6g"))),
                    Some(Dest::Pipe) => {
                        self.failed = Some(
                            "podscope: awk's output pipes (print | \"cmd\") are not simulated"
                                .into(),
                        );
                        return Flow::Exit;
                    }
                };
                self.emit(dest, &text);
                Flow::Normal
            }
            Stmt::If(c, then, other) => {
                if self.eval(c).truthy() {
                    self.stmt(then)
                } else if let Some(o) = other {
                    self.stmt(o)
                } else {
                    Flow::Normal
                }
            }
            Stmt::While(c, body) => {
                while self.eval(c).truthy() && self.failed.is_none() {
                    match self.stmt(body) {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return other,
                    }
                }
                Flow::Normal
            }
            Stmt::Do(body, c) => {
                loop {
                    match self.stmt(body) {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return other,
                    }
                    if !self.eval(c).truthy() || self.failed.is_some() {
                        break;
                    }
                }
                Flow::Normal
            }
            Stmt::For(init, cond, step, body) => {
                if let Some(i) = init {
                    self.eval(i);
                }
                while cond.as_ref().is_none_or(|c| self.eval(c).truthy()) && self.failed.is_none() {
                    match self.stmt(body) {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return other,
                    }
                    if let Some(s) = step {
                        self.eval(s);
                    }
                }
                Flow::Normal
            }
            Stmt::ForIn(var, arr, body) => {
                let name = self.array_name(arr);
                let keys = self.arrays.get(&name).map(Array::keys).unwrap_or_default();
                for k in keys {
                    self.assign_var(var, Value::StrNum(k));
                    match self.stmt(body) {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        other => return other,
                    }
                }
                Flow::Normal
            }
            Stmt::Block(b) => self.block(b),
            Stmt::Jump("next") => Flow::Next,
            Stmt::Jump("break") => Flow::Break,
            Stmt::Jump(_) => Flow::Continue,
            Stmt::Exit(e) => {
                if let Some(e) = e {
                    self.exit_code = self.eval(e).num() as i32;
                }
                Flow::Exit
            }
            Stmt::Return(e) => Flow::Return(e.as_ref().map_or(Value::Unset, |e| self.eval(e))),
            Stmt::Delete(arr, index) => {
                let name = self.array_name(arr);
                let key = index.as_ref().map(|i| self.key(i));
                let a = self.arrays.entry(name).or_default();
                match key {
                    Some(k) => a.remove(&k),
                    None => a.clear(),
                }
                Flow::Normal
            }
        }
    }

    /// The global array a name refers to (a parameter may alias a caller's array).
    pub fn array_name(&self, name: &str) -> String {
        self.frames
            .last()
            .and_then(|f| f.aliases.get(name).cloned())
            .unwrap_or_else(|| name.to_string())
    }

    fn key(&mut self, index: &[Expr]) -> String {
        let convfmt = self.convfmt();
        let parts: Vec<String> = index.iter().map(|e| self.eval(e).str(&convfmt)).collect();
        parts.join(&self.var_str("SUBSEP"))
    }

    fn lookup(&self, name: &str) -> Value {
        if let Some(v) = self.frames.last().and_then(|f| f.scalars.get(name)) {
            return v.clone();
        }
        self.vars.get(name).cloned().unwrap_or(Value::Unset)
    }

    pub fn assign_var(&mut self, name: &str, v: Value) {
        if let Some(f) = self.frames.last_mut() {
            if let Some(slot) = f.scalars.get_mut(name) {
                *slot = v;
                return;
            }
        }
        if name == "NF" {
            let n = v.num().max(0.0) as usize;
            self.fields.resize(n, String::new());
            self.vars.insert("NF".into(), Value::Num(n as f64));
            self.rebuild_record();
            return;
        }
        self.vars.insert(name.to_string(), v);
    }

    /// Assigns to an lvalue expression.
    pub fn assign(&mut self, target: &Expr, v: Value) -> Value {
        match target {
            Expr::Var(n) => self.assign_var(n, v.clone()),
            Expr::Field(i) => {
                let i = self.eval(i).num().max(0.0) as usize;
                let s = v.str(&self.convfmt());
                self.set_field(i, s);
            }
            Expr::Index(n, index) => {
                let k = self.key(index);
                let name = self.array_name(n);
                self.arrays.entry(name).or_default().set(k, v.clone());
            }
            Expr::Group(inner) => return self.assign(inner, v),
            _ => {}
        }
        v
    }

    /// Evaluates an expression.
    pub fn eval(&mut self, e: &Expr) -> Value {
        if !self.step() {
            return Value::Unset;
        }
        match e {
            Expr::Num(n) => Value::Num(*n),
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Regex(r) => {
                let record = self.record.clone();
                let hit = self.regex(r).is_some_and(|re| re.is_match(&record));
                Value::Num(f64::from(u8::from(hit)))
            }
            Expr::Var(n) => self.lookup(n),
            Expr::Field(i) => {
                let i = self.eval(i).num().max(0.0) as usize;
                self.field(i)
            }
            Expr::Index(n, index) => {
                let k = self.key(index);
                let name = self.array_name(n);
                let a = self.arrays.entry(name).or_default();
                match a.get(&k) {
                    Some(v) => v.clone(),
                    None => {
                        a.set(k, Value::Unset);
                        Value::Unset
                    }
                }
            }
            Expr::Group(inner) => self.eval(inner),
            Expr::Assign(op, target, value) => {
                let v = self.eval(value);
                let v = if op.is_empty() {
                    v
                } else {
                    let old = self.eval(target).num();
                    Value::Num(arith(op, old, v.num()))
                };
                self.assign(target, v)
            }
            Expr::Cond(c, a, b) => {
                if self.eval(c).truthy() {
                    self.eval(a)
                } else {
                    self.eval(b)
                }
            }
            Expr::Binary(op, l, r) => self.binary(op, l, r),
            Expr::Concat(l, r) => {
                let convfmt = self.convfmt();
                let a = self.eval(l).str(&convfmt);
                let b = self.eval(r).str(&convfmt);
                Value::Str(a + &b)
            }
            Expr::Unary(op, inner) => {
                let v = self.eval(inner);
                match *op {
                    "!" => Value::Num(f64::from(u8::from(!v.truthy()))),
                    "-" => Value::Num(-v.num()),
                    _ => Value::Num(v.num()),
                }
            }
            Expr::Incr(op, prefix, target) => {
                let old = self.eval(target).num();
                let new = if *op == "++" { old + 1.0 } else { old - 1.0 };
                self.assign(target, Value::Num(new));
                Value::Num(if *prefix { new } else { old })
            }
            Expr::In(index, arr) => {
                let k = self.key(index);
                let name = self.array_name(arr);
                let hit = self.arrays.get(&name).is_some_and(|a| a.get(&k).is_some());
                Value::Num(f64::from(u8::from(hit)))
            }
            Expr::Getline(var) => {
                if !self.pending.is_empty() {
                    self.split_pending();
                }
                let Some((_, text)) = self.records.get(self.next_record).cloned() else {
                    return Value::Num(0.0);
                };
                match var {
                    None => {
                        self.read_record();
                    }
                    Some(v) => {
                        self.next_record += 1;
                        let nr = self.vars.get("NR").map_or(0.0, Value::num) + 1.0;
                        self.vars.insert("NR".into(), Value::Num(nr));
                        self.assign(v, Value::StrNum(text));
                    }
                }
                Value::Num(1.0)
            }
            Expr::Call(name, args) => self.call(name, args),
        }
    }

    fn binary(&mut self, op: &str, l: &Expr, r: &Expr) -> Value {
        let truth = |b: bool| Value::Num(f64::from(u8::from(b)));
        match op {
            "&&" => {
                let a = self.eval(l).truthy();
                truth(a && self.eval(r).truthy())
            }
            "||" => {
                let a = self.eval(l).truthy();
                truth(a || self.eval(r).truthy())
            }
            "~" | "!~" => {
                let text = self.eval(l).str(&self.convfmt());
                let pattern = match r {
                    Expr::Regex(re) => re.clone(),
                    other => self.eval(other).str(&self.convfmt()),
                };
                let hit = self.regex(&pattern).is_some_and(|re| re.is_match(&text));
                truth(hit == (op == "~"))
            }
            "<" | "<=" | "==" | "!=" | ">=" | ">" => {
                let a = self.eval(l);
                let b = self.eval(r);
                let ord = if a.is_numeric() && b.is_numeric() {
                    a.num().partial_cmp(&b.num())
                } else {
                    let c = self.convfmt();
                    Some(a.str(&c).cmp(&b.str(&c)))
                };
                use std::cmp::Ordering::*;
                truth(matches!(
                    (op, ord),
                    ("<", Some(Less))
                        | ("<=", Some(Less | Equal))
                        | ("==", Some(Equal))
                        | ("!=", Some(Less | Greater) | None)
                        | (">=", Some(Greater | Equal))
                        | (">", Some(Greater))
                ))
            }
            _ => {
                let a = self.eval(l).num();
                let b = self.eval(r).num();
                // mawk divides as IEEE does: 1/0 prints inf, no error.
                Value::Num(arith(op, a, b))
            }
        }
    }

    fn call(&mut self, name: &str, args: &[Expr]) -> Value {
        if let Some((params, body)) = self.prog.functions.get(name) {
            let mut frame = Frame::default();
            for (i, p) in params.iter().enumerate() {
                match args.get(i) {
                    Some(Expr::Var(v)) if self.arrays.contains_key(&self.array_name(v)) => {
                        frame.aliases.insert(p.clone(), self.array_name(v));
                    }
                    Some(a) => {
                        let v = self.eval(a);
                        frame.scalars.insert(p.clone(), v);
                    }
                    None => {
                        // An extra parameter is a local: a scalar unless used as an array.
                        let local = format!("\u{0}{}:{p}", self.frames.len());
                        self.arrays.remove(&local);
                        frame.aliases.insert(p.clone(), local);
                        frame.scalars.insert(p.clone(), Value::Unset);
                    }
                }
            }
            if self.frames.len() > 1000 {
                self.failed = Some("function call nesting too deep".into());
                return Value::Unset;
            }
            self.frames.push(frame);
            let flow = self.block(body);
            self.frames.pop();
            return match flow {
                Flow::Return(v) => v,
                _ => Value::Unset,
            };
        }
        builtins::call(self, name, args)
    }
}

/// Arithmetic for `op` (`+ - * / % ^`).
fn arith(op: &str, a: f64, b: f64) -> f64 {
    match op {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        "%" => a % b,
        _ => a.powf(b),
    }
}
