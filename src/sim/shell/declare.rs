//! Variables with attributes and functions: assignments (`x=1`, `a=(…)`, `a[i]=`, `+=`,
//! `declare -i`), function calls with `local` and `return`, and the builtins `declare`/`typeset`,
//! `local`, `return`, `eval`, `shift`, `set --`, `let`.

use super::ast::{Assign, AssignValue, Command};
use super::exec::{Interp, Stdin};
use super::expand::as_array;
use super::{parser, Var};
use crate::sim::output::Output;
use std::collections::BTreeMap;

/// Deepest nesting of function calls and `eval`s one line may reach.
pub(super) const MAX_NESTING: u32 = 100;

/// Splits a `NAME[=VALUE]` argument of `export`, `readonly`, `declare` or `local`; `None`, after
/// bash's "not a valid identifier" message, when NAME is not a variable name.
pub(super) fn name_arg<'a>(
    who: &str,
    arg: &'a str,
    out: &mut Output,
) -> Option<(&'a str, Option<String>)> {
    let (name, value) = match arg.split_once('=') {
        Some((n, v)) => (n, Some(v.to_string())),
        None => (arg, None),
    };
    if super::ast::is_name(name) {
        Some((name, value))
    } else {
        out.err(format!("bash: {who}: `{arg}': not a valid identifier\n"));
        None
    }
}

/// bash's `declare -p` quoting of a value: inside `"…"`, `\`, `"`, `$` and `` ` `` escaped.
fn dquoted(value: &str) -> String {
    let mut s = String::with_capacity(value.len() + 2);
    s.push('"');
    for c in value.chars() {
        if matches!(c, '\\' | '"' | '$' | '`') {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

/// One `declare -p` line for `name` (`readonly`: it carries `-r`).
pub(super) fn declaration(name: &str, var: &Var, readonly: bool) -> String {
    let mut flags = String::new();
    if var.array.is_some() {
        flags.push('a');
    }
    if var.integer {
        flags.push('i');
    }
    if readonly {
        flags.push('r');
    }
    if var.exported {
        flags.push('x');
    }
    if flags.is_empty() {
        flags.push('-');
    }
    match &var.array {
        Some(a) => {
            let items: Vec<String> = a
                .iter()
                .map(|(k, v)| format!("[{k}]={}", dquoted(v)))
                .collect();
            format!("declare -{flags} {name}=({})\n", items.join(" "))
        }
        None => format!("declare -{flags} {name}={}\n", dquoted(&var.value)),
    }
}

impl Interp<'_> {
    /// Performs an assignment; false when an expansion failed (the error is printed).
    pub(super) fn assign(&mut self, a: &Assign, out: &mut Output) -> bool {
        if self.st.readonly.contains(&a.name) {
            out.err(format!("bash: {}: readonly variable\n", a.name));
            self.expansion_failed(1);
            return false;
        }
        match &a.value {
            AssignValue::Array(words) => {
                let Some(items) = self.expand_words(words, out) else {
                    return false;
                };
                let var = self.st.vars.entry(a.name.clone()).or_default();
                let elements = as_array(var);
                if !a.append {
                    elements.clear();
                }
                let mut next = elements
                    .keys()
                    .next_back()
                    .map_or(0, |k| k.saturating_add(1));
                for item in items {
                    elements.insert(next, item);
                    next = next.saturating_add(1);
                }
                true
            }
            AssignValue::Scalar(w) => {
                let Some(value) = self.expand_string(w, out) else {
                    return false;
                };
                let index = match &a.index {
                    Some(iw) => {
                        let Some(text) = self.expand_string(iw, out) else {
                            return false;
                        };
                        let Some(i) = self.arith(&text, out) else {
                            return false;
                        };
                        match usize::try_from(i) {
                            Ok(i) => Some(i),
                            Err(_) => {
                                out.err(format!("bash: {}[{text}]: bad array subscript\n", a.name));
                                return false;
                            }
                        }
                    }
                    None => None,
                };
                self.set_value(&a.name, index, value, a.append, out)
            }
        }
    }

    /// Stores `value` (appended with `+=`, evaluated for `declare -i` variables).
    fn set_value(
        &mut self,
        name: &str,
        index: Option<usize>,
        value: String,
        append: bool,
        out: &mut Output,
    ) -> bool {
        let integer = self.st.vars.get(name).is_some_and(|v| v.integer);
        let old = match index {
            Some(i) => self
                .st
                .vars
                .get(name)
                .and_then(|v| v.array.as_ref().and_then(|a| a.get(&i)).cloned()),
            None => self.st.get(name).map(str::to_string),
        };
        let value = if integer {
            let expr = match (&old, append) {
                (Some(o), true) => format!("{o}+({value})"),
                _ => value,
            };
            match self.arith(&expr, out) {
                Some(v) => v.to_string(),
                None => return false,
            }
        } else if append {
            old.unwrap_or_default() + &value
        } else {
            value
        };
        match index {
            Some(i) => self.st.set_element(name, i, value),
            None => self.st.set(name, value),
        }
        true
    }

    /// The value of a prefix assignment (`NAME=v cmd`): it goes to the command's environment.
    pub(super) fn assign_value(&mut self, a: &Assign, out: &mut Output) -> Option<String> {
        match &a.value {
            AssignValue::Scalar(w) => self.expand_string(w, out),
            AssignValue::Array(_) => Some(String::new()),
        }
    }

    /// Runs `f` with the prefix assignments `vars` in force (`IFS=, read …`), then puts the
    /// old values back, as bash does for a builtin.
    pub(super) fn with_temporary_vars(
        &mut self,
        vars: &[(String, String)],
        f: impl FnOnce(&mut Self) -> i32,
    ) -> i32 {
        let saved: Vec<(String, Option<Var>)> = vars
            .iter()
            .map(|(k, _)| (k.clone(), self.st.vars.get(k).cloned()))
            .collect();
        for (k, v) in vars {
            self.st.set(k, v.clone());
        }
        let status = f(self);
        self.put_back(saved.into_iter().rev().collect());
        status
    }

    /// Gives variables back the values saved before a `local` or a prefix assignment changed
    /// them, the last saved first (`None`: the variable was unset).
    pub(super) fn put_back(&mut self, saved: Vec<(String, Option<Var>)>) {
        for (name, old) in saved.into_iter().rev() {
            match old {
                Some(v) => {
                    self.st.vars.insert(name, v);
                }
                None => {
                    self.st.vars.remove(&name);
                }
            }
        }
    }

    /// Calls a function: positional parameters are the arguments; `local` frames are undone.
    pub(super) fn call_function(
        &mut self,
        body: &Command,
        argv: &[String],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> i32 {
        let name = argv.first().map_or("", String::as_str);
        if !self.nest(name, out) {
            return 1;
        }
        let saved = std::mem::replace(
            &mut self.st.positional,
            argv.get(1..).unwrap_or(&[]).to_vec(),
        );
        self.locals.push(Vec::new());
        let saved_funcname = self.st.vars.get("FUNCNAME").cloned();
        let mut names = BTreeMap::new();
        names.insert(0, name.to_string());
        if let Some(a) = saved_funcname.as_ref().and_then(|v| v.array.as_ref()) {
            names.extend(a.iter().map(|(k, v)| (k.saturating_add(1), v.clone())));
        }
        self.st.vars.insert(
            "FUNCNAME".to_string(),
            Var {
                array: Some(names),
                ..Var::default()
            },
        );
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let mut status = self.run_command(body, stdin, out);
        self.loop_depth = saved_loops;
        if let Some(code) = self.returning.take() {
            status = code;
        }
        if let Some(frame) = self.locals.pop() {
            self.put_back(frame);
        }
        self.st.positional = saved;
        match saved_funcname {
            Some(v) => {
                self.st.vars.insert("FUNCNAME".to_string(), v);
            }
            None => {
                self.st.vars.remove("FUNCNAME");
            }
        }
        self.nesting = self.nesting.saturating_sub(1);
        status
    }

    /// Enters one more function call or `eval`; false (and the line stopped) past
    /// [`MAX_NESTING`], which keeps the stack bounded, in the browser too.
    pub(super) fn nest(&mut self, name: &str, out: &mut Output) -> bool {
        if self.nesting >= MAX_NESTING {
            out.err(format!(
                "podscope: {name}: functions and eval nested more than {MAX_NESTING} deep; the line was stopped\n"
            ));
            self.interrupted = true;
            return false;
        }
        self.nesting += 1;
        true
    }

    /// `local`, `declare`, `typeset`, `return`, `eval`, `shift`, `set`, `let`: `None` for others.
    pub(super) fn var_builtin(
        &mut self,
        name: &str,
        args: &[String],
        stdin: &mut Stdin,
        out: &mut Output,
    ) -> Option<i32> {
        Some(match name {
            "declare" | "typeset" => self.declare(name, args, false, out),
            "local" => {
                if self.locals.is_empty() {
                    out.err("bash: local: can only be used in a function\n");
                    return Some(1);
                }
                self.declare(name, args, true, out)
            }
            "return" => {
                if self.locals.is_empty() {
                    out.err("bash: return: can only `return' from a function or sourced script\n");
                    return Some(2);
                }
                let code = match args.first() {
                    None => self.st.status,
                    Some(n) => match n.parse::<i64>() {
                        Ok(v) => i32::try_from(v.rem_euclid(256)).unwrap_or(0),
                        Err(_) => {
                            out.err(format!("bash: return: {n}: numeric argument required\n"));
                            2
                        }
                    },
                };
                self.returning = Some(code);
                code
            }
            "eval" => {
                let text = args.join(" ");
                match parser::parse(&text) {
                    Ok(list) => {
                        if !self.nest("eval", out) {
                            return Some(1);
                        }
                        let status = self.run_list(&list, stdin, out);
                        self.nesting = self.nesting.saturating_sub(1);
                        status
                    }
                    Err(e) => {
                        out.err(format!("bash: eval: line 1: {e}\n"));
                        2
                    }
                }
            }
            "shift" => {
                let n = args.first().map_or(Some(1), |a| a.parse::<usize>().ok());
                match n {
                    Some(n) if n <= self.st.positional.len() => {
                        self.st.positional.drain(..n);
                        0
                    }
                    Some(_) => 1,
                    None => {
                        let a = args.first().map_or("", String::as_str);
                        out.err(format!("bash: shift: {a}: numeric argument required\n"));
                        1
                    }
                }
            }
            "set" => self.set_builtin(args, out),
            "let" => {
                if args.is_empty() {
                    out.err("bash: let: expression expected\n");
                    return Some(1);
                }
                let mut last = 0;
                for a in args {
                    match self.arith(a, out) {
                        Some(v) => last = v,
                        None => return Some(1),
                    }
                }
                i32::from(last == 0)
            }
            _ => return None,
        })
    }

    /// `declare [-aixp] [NAME[=VALUE]…]` (and `local`, which makes the names local first).
    fn declare(&mut self, who: &str, args: &[String], local: bool, out: &mut Output) -> i32 {
        let mut flags = String::new();
        let mut names = Vec::new();
        for a in args {
            match a.strip_prefix('-') {
                Some(f) if names.is_empty() && !f.is_empty() && !a.contains('=') => {
                    flags.push_str(f)
                }
                _ => names.push(a.clone()),
            }
        }
        if let Some(bad) = flags.chars().find(|c| !"aixpfF-".contains(*c)) {
            out.err(format!(
                "bash: {who}: -{bad}: podscope simulates only the -a, -i, -x, -p and -f options\n"
            ));
            return 2;
        }
        if flags.contains('f') || flags.contains('F') {
            return self.declare_functions(&names, flags.contains('F'), out);
        }
        if flags.contains('p') || (names.is_empty() && !local) {
            return self.print_declarations(who, &names, out);
        }
        let mut status = 0;
        for arg in &names {
            let Some((name, value)) = super::declare::name_arg(who, arg, out) else {
                status = 1;
                continue;
            };
            if local {
                if let Some(frame) = self.locals.last_mut() {
                    if !frame.iter().any(|(n, _)| n == name) {
                        frame.push((name.to_string(), self.st.vars.get(name).cloned()));
                    }
                }
                if value.is_none() {
                    self.st.vars.insert(name.to_string(), Var::default());
                }
            }
            let var = self.st.vars.entry(name.to_string()).or_default();
            var.integer |= flags.contains('i');
            var.exported |= flags.contains('x');
            if flags.contains('a') && var.array.is_none() {
                var.array = Some(BTreeMap::new());
            }
            if let Some(v) = value {
                let ok = if v.starts_with('(') && v.ends_with(')') {
                    self.compound_assign(name, &v, out)
                } else {
                    self.set_value(name, None, v, false, out)
                };
                if !ok {
                    status = 1;
                }
            }
        }
        status
    }

    /// `declare NAME=(…)`: the array literal read as an assignment.
    fn compound_assign(&mut self, name: &str, value: &str, out: &mut Output) -> bool {
        let Ok(list) = parser::parse(&format!("{name}={value}")) else {
            return false;
        };
        let assign = list.first().and_then(|a| match a.first.commands.first() {
            Some(Command::Simple { assigns, .. }) => assigns.first().cloned(),
            _ => None,
        });
        match assign {
            Some(a) => self.assign(&a, out),
            None => false,
        }
    }

    fn print_declarations(&mut self, who: &str, names: &[String], out: &mut Output) -> i32 {
        if names.is_empty() {
            for (name, var) in &self.st.vars {
                out.out(declaration(name, var, self.st.readonly.contains(name)));
            }
            return 0;
        }
        let mut status = 0;
        for name in names {
            match self.st.vars.get(name) {
                Some(var) => out.out(declaration(name, var, self.st.readonly.contains(name))),
                None => {
                    out.err(format!("bash: {who}: {name}: not found\n"));
                    status = 1;
                }
            }
        }
        status
    }

    fn declare_functions(&mut self, names: &[String], only_names: bool, out: &mut Output) -> i32 {
        let mut status = 0;
        let wanted: Vec<&String> = if names.is_empty() {
            self.st.funcs.keys().collect()
        } else {
            names.iter().collect()
        };
        for name in wanted {
            if !self.st.funcs.contains_key(name) {
                status = 1;
            } else if only_names {
                out.out(format!("declare -f {name}\n"));
            } else {
                out.err(format!(
                    "bash: declare: podscope does not print function bodies ({name} is defined)\n"
                ));
            }
        }
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_print_as_bash() {
        // Lines recorded from `declare -p` in bash 5.2.15.
        let mut a = BTreeMap::new();
        a.insert(0, "1".to_string());
        a.insert(1, "2 3".to_string());
        let arr = Var {
            array: Some(a),
            ..Var::default()
        };
        assert_eq!(
            declaration("a", &arr, false),
            "declare -a a=([0]=\"1\" [1]=\"2 3\")\n"
        );
        assert_eq!(
            declaration("x", &Var::scalar("5".into(), false), false),
            "declare -- x=\"5\"\n"
        );
        assert_eq!(
            declaration("E", &Var::scalar("a\"b$".into(), true), false),
            "declare -x E=\"a\\\"b\\$\"\n"
        );
    }
}
