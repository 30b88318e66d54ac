//! `$(( … ))`, `(( … ))` and `let`: integer arithmetic on 64-bit signed numbers, wrapping like
//! bash, with C's operators (assignments, `++`/`--`, `?:`, `,`) and bash's error messages
//! (`division by 0 (error token is "0")`).

/// Where arithmetic reads and writes variables (`a` or the element `a[i]`).
pub trait ArithVars {
    /// The value of `name` (`index`: an array element), as text; unset is empty.
    fn get(&mut self, name: &str, index: Option<i64>) -> String;
    /// Assigns `value` to `name` (or to its element `index`).
    fn set(&mut self, name: &str, index: Option<i64>, value: i64);
}

/// Read-only variables from a closure (tests, and places that cannot assign).
pub struct ReadOnly<'a>(pub &'a dyn Fn(&str) -> String);

impl ArithVars for ReadOnly<'_> {
    fn get(&mut self, name: &str, _index: Option<i64>) -> String {
        (self.0)(name)
    }
    fn set(&mut self, _name: &str, _index: Option<i64>, _value: i64) {}
}

/// Binary operators from lowest to highest precedence (`**` is handled apart: right-associative).
const LEVELS: [&[&str]; 10] = [
    &["||"],
    &["&&"],
    &["|"],
    &["^"],
    &["&"],
    &["==", "!="],
    &["<=", ">=", "<", ">"],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "/", "%"],
];

/// Assignment operators, longest first.
const ASSIGN: [&str; 11] = [
    "<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "=",
];

/// Deepest parenthesis / unary nesting evaluated (keeps the stack bounded).
const MAX_DEPTH: usize = 200;

/// An lvalue: a variable or an array element.
type Place = (String, Option<i64>);

struct Eval<'a> {
    text: &'a str,
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    /// Inside the branch `&&`, `||` or `?:` does not take: parse, but assign nothing.
    skip: bool,
    vars: &'a mut dyn ArithVars,
}

/// Evaluates `expr`; variables are read and assigned through `vars` (unset or empty: 0; a
/// value that is itself an expression is evaluated). `Err` holds bash's message without the
/// `bash: ` prefix.
pub fn eval(expr: &str, vars: &mut dyn ArithVars) -> Result<i64, String> {
    eval_depth(expr, vars, 0)
}

fn eval_depth(expr: &str, vars: &mut dyn ArithVars, depth: usize) -> Result<i64, String> {
    let mut e = Eval {
        text: expr.trim_start(),
        chars: expr.chars().collect(),
        pos: 0,
        depth,
        skip: false,
        vars,
    };
    e.skip_ws();
    if e.pos >= e.chars.len() {
        return Ok(0);
    }
    let v = e.comma()?;
    e.skip_ws();
    if e.pos < e.chars.len() {
        let rest = e.rest();
        let msg = if e
            .chars
            .get(e.pos)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        {
            "syntax error in expression"
        } else {
            "syntax error: invalid arithmetic operator"
        };
        return Err(e.error(msg, &rest));
    }
    Ok(v)
}

impl Eval<'_> {
    fn error(&self, what: &str, token: &str) -> String {
        format!("{}: {what} (error token is \"{token}\")", self.text)
    }

    fn rest(&self) -> String {
        self.chars
            .get(self.pos..)
            .map(|s| s.iter().collect::<String>())
            .unwrap_or_default()
    }

    fn skip_ws(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn starts(&self, op: &str) -> bool {
        op.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.pos + i) == Some(&c))
    }

    fn comma(&mut self) -> Result<i64, String> {
        let mut v = self.assign()?;
        loop {
            self.skip_ws();
            if !self.starts(",") {
                return Ok(v);
            }
            self.pos += 1;
            v = self.assign()?;
        }
    }

    /// `place op= value`, or a conditional expression.
    fn assign(&mut self) -> Result<i64, String> {
        self.skip_ws();
        let start = self.pos;
        if let Some(place) = self.place()? {
            self.skip_ws();
            let op = ASSIGN
                .iter()
                .copied()
                .find(|op| self.starts(op) && !(*op == "=" && self.starts("==")));
            if let Some(op) = op {
                self.pos += op.len();
                let right = self.assign()?;
                let value = if op == "=" {
                    right
                } else {
                    let left = self.read(&place)?;
                    self.apply(op.trim_end_matches('='), left, right, self.pos)?
                };
                self.write(&place, value);
                return Ok(value);
            }
            self.pos = start;
        }
        self.ternary()
    }

    fn ternary(&mut self) -> Result<i64, String> {
        let cond = self.binary(0)?;
        self.skip_ws();
        if !self.starts("?") {
            return Ok(cond);
        }
        self.pos += 1;
        let saved = self.skip;
        self.skip = saved || cond == 0;
        let yes = self.assign()?;
        self.skip_ws();
        if !self.starts(":") {
            self.skip = saved;
            return Err(self.error("`:' expected for conditional expression", &self.rest()));
        }
        self.pos += 1;
        self.skip_ws();
        if self.pos >= self.chars.len() {
            self.skip = saved;
            return Err(self.error("expression expected", &self.tail_token()));
        }
        self.skip = saved || cond != 0;
        let no = self.assign()?;
        self.skip = saved;
        Ok(if cond != 0 { yes } else { no })
    }

    /// The text bash quotes when the expression ends too early: from the last operator on.
    fn tail_token(&self) -> String {
        let trimmed = self.text.trim_end();
        let last = trimmed.chars().last().map(String::from).unwrap_or_default();
        let spaces = self.text.len() - trimmed.len();
        format!("{last}{}", " ".repeat(spaces))
    }

    /// The operator of `level` at the cursor, if any (not mistaking `&&` for `&`, `<<` for `<`,
    /// or an assignment `+=` for `+`).
    fn op_at(&self, level: usize) -> Option<&'static str> {
        let ops = LEVELS.get(level)?;
        let found = ops.iter().copied().find(|op| self.starts(op))?;
        let longer = [
            "||", "&&", "<<", ">>", "<=", ">=", "==", "!=", "**", "++", "--",
        ];
        let shadowed = found.len() == 1
            && longer
                .iter()
                .any(|l| l.starts_with(found) && self.starts(l) && *l != found);
        let assigns = self.chars.get(self.pos + found.len()) == Some(&'=')
            && !matches!(found, "==" | "!=" | "<=" | ">=")
            && !(found.len() == 1 && matches!(found, "<" | ">"));
        (!shadowed && !assigns).then_some(found)
    }

    fn apply(&self, op: &str, left: i64, right: i64, at: usize) -> Result<i64, String> {
        Ok(match op {
            "||" => i64::from(left != 0 || right != 0),
            "&&" => i64::from(left != 0 && right != 0),
            "|" => left | right,
            "^" => left ^ right,
            "&" => left & right,
            "==" => i64::from(left == right),
            "!=" => i64::from(left != right),
            "<=" => i64::from(left <= right),
            ">=" => i64::from(left >= right),
            "<" => i64::from(left < right),
            ">" => i64::from(left > right),
            "<<" => left.wrapping_shl(u32::try_from(right & 63).unwrap_or(0)),
            ">>" => left.wrapping_shr(u32::try_from(right & 63).unwrap_or(0)),
            "+" => left.wrapping_add(right),
            "-" => left.wrapping_sub(right),
            "*" => left.wrapping_mul(right),
            _ if right == 0 && self.skip => 0,
            _ if right == 0 => {
                let token: String = self
                    .chars
                    .get(at..self.pos)
                    .map(|s| s.iter().collect())
                    .unwrap_or_default();
                return Err(self.error("division by 0", token.trim()));
            }
            "/" => left.wrapping_div(right),
            _ => left.wrapping_rem(right),
        })
    }

    fn binary(&mut self, level: usize) -> Result<i64, String> {
        if level >= LEVELS.len() {
            return self.power();
        }
        let mut left = self.binary(level + 1)?;
        loop {
            self.skip_ws();
            let Some(op) = self.op_at(level) else {
                return Ok(left);
            };
            self.pos += op.len();
            self.skip_ws();
            let operand_at = self.pos;
            let saved = self.skip;
            match op {
                "&&" => self.skip = saved || left == 0,
                "||" => self.skip = saved || left != 0,
                _ => {}
            }
            let right = self.binary(level + 1);
            self.skip = saved;
            left = self.apply(op, left, right?, operand_at)?;
        }
    }

    fn power(&mut self) -> Result<i64, String> {
        let base = self.unary()?;
        self.skip_ws();
        if self.starts("**") {
            self.pos += 2;
            self.skip_ws();
            let at = self.pos;
            let exp = self.nested(Self::power)?;
            if exp < 0 {
                let token: String = self.chars.get(at..).into_iter().flatten().collect();
                let token = token.trim_start_matches('-').to_string();
                return Err(self.error("exponent less than 0", &token));
            }
            return Ok(base.wrapping_pow(u32::try_from(exp).unwrap_or(u32::MAX)));
        }
        Ok(base)
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<i64, String>) -> Result<i64, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("expression recursion level exceeded", &self.rest()));
        }
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn unary(&mut self) -> Result<i64, String> {
        self.skip_ws();
        self.nested(Self::unary_inner)
    }

    fn unary_inner(&mut self) -> Result<i64, String> {
        let Some(&c) = self.chars.get(self.pos) else {
            return Err(self.error("syntax error: operand expected", &self.tail_token()));
        };
        if self.starts("++") || self.starts("--") {
            let delta = if c == '+' { 1 } else { -1 };
            self.pos += 2;
            self.skip_ws();
            let Some(place) = self.place()? else {
                return Err(self.error("syntax error: operand expected", &self.rest()));
            };
            let v = self.read(&place)?.wrapping_add(delta);
            self.write(&place, v);
            return Ok(v);
        }
        match c {
            '-' | '+' | '!' | '~' => {
                self.pos += 1;
                let v = self.unary()?;
                Ok(match c {
                    '-' => v.wrapping_neg(),
                    '+' => v,
                    '!' => i64::from(v == 0),
                    _ => !v,
                })
            }
            '(' => {
                self.pos += 1;
                let v = self.nested(Self::comma)?;
                self.skip_ws();
                if self.chars.get(self.pos) != Some(&')') {
                    return Err(self.error("missing `)'", &self.rest()));
                }
                self.pos += 1;
                Ok(v)
            }
            '0'..='9' => self.number(),
            '$' | 'a'..='z' | 'A'..='Z' | '_' => {
                let Some(place) = self.place()? else {
                    return Err(self.error("syntax error: operand expected", &self.rest()));
                };
                self.skip_ws();
                for (op, delta) in [("++", 1), ("--", -1)] {
                    if self.starts(op) {
                        self.pos += 2;
                        let v = self.read(&place)?;
                        self.write(&place, v.wrapping_add(delta));
                        return Ok(v);
                    }
                }
                if ASSIGN.iter().any(|op| self.starts(op)) && !self.starts("==") {
                    return Err(self.error("attempted assignment to non-variable", &self.rest()));
                }
                self.read(&place)
            }
            _ => Err(self.error("syntax error: operand expected", &self.rest())),
        }
    }

    /// A constant: decimal, `0x…` hex, `0…` octal or `base#digits`.
    fn number(&mut self) -> Result<i64, String> {
        let start = self.pos;
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '#' | '@' | '_'))
        {
            self.pos += 1;
        }
        let digits: String = self
            .chars
            .get(start..self.pos)
            .into_iter()
            .flatten()
            .collect();
        self.skip_ws();
        if ASSIGN.iter().any(|op| self.starts(op)) && !self.starts("==") {
            return Err(self.error("attempted assignment to non-variable", &self.rest()));
        }
        parse_number(&digits).ok_or_else(|| self.error("value too great for base", &digits))
    }

    /// A variable (`name`, `$name`, `${name}`, `name[expr]`) at the cursor, if there is one.
    fn place(&mut self) -> Result<Option<Place>, String> {
        let start = self.pos;
        if self.chars.get(self.pos) == Some(&'$') {
            self.pos += 1;
        }
        let braced = self.chars.get(self.pos) == Some(&'{');
        if braced {
            self.pos += 1;
        }
        let name_at = self.pos;
        if !self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
        {
            self.pos = start;
            return Ok(None);
        }
        while self
            .chars
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
        {
            self.pos += 1;
        }
        let name: String = self
            .chars
            .get(name_at..self.pos)
            .into_iter()
            .flatten()
            .collect();
        let mut index = None;
        if self.chars.get(self.pos) == Some(&'[') {
            self.pos += 1;
            let i = self.nested(Self::comma)?;
            self.skip_ws();
            if self.chars.get(self.pos) == Some(&']') {
                self.pos += 1;
            }
            index = Some(i);
        }
        if braced && self.chars.get(self.pos) == Some(&'}') {
            self.pos += 1;
        }
        Ok(Some((name, index)))
    }

    fn read(&mut self, (name, index): &Place) -> Result<i64, String> {
        let text = self.vars.get(name, *index);
        let text = text.trim();
        if text.is_empty() {
            return Ok(0);
        }
        if let Some(v) = parse_number(text) {
            return Ok(v);
        }
        if self.depth > MAX_DEPTH / 2 {
            return Err(self.error("expression recursion level exceeded", text));
        }
        eval_depth(text, self.vars, self.depth + 10)
    }

    fn write(&mut self, (name, index): &Place, value: i64) {
        if !self.skip {
            self.vars.set(name, *index, value);
        }
    }
}

/// A constant as bash reads it, or `None` when a digit is too great for its base.
fn parse_number(digits: &str) -> Option<i64> {
    let (base, body) = if let Some((b, rest)) = digits.split_once('#') {
        (
            b.parse::<u32>().ok().filter(|b| (2..=64).contains(b))?,
            rest,
        )
    } else if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, hex)
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, &digits[1..])
    } else {
        (10, digits)
    };
    if body.is_empty() {
        return None;
    }
    let mut v: i64 = 0;
    for c in body.chars() {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            'a'..='z' => u32::from(c) - u32::from('a') + 10,
            'A'..='Z' if base <= 36 => u32::from(c) - u32::from('A') + 10,
            'A'..='Z' => u32::from(c) - u32::from('A') + 36,
            '@' => 62,
            '_' => 63,
            _ => return None,
        };
        if d >= base {
            return None;
        }
        v = v.wrapping_mul(i64::from(base)).wrapping_add(i64::from(d));
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Default)]
    struct Vars(BTreeMap<String, String>);

    impl ArithVars for Vars {
        fn get(&mut self, name: &str, index: Option<i64>) -> String {
            let key = index.map_or(name.to_string(), |i| format!("{name}[{i}]"));
            self.0.get(&key).cloned().unwrap_or_default()
        }
        fn set(&mut self, name: &str, index: Option<i64>, value: i64) {
            let key = index.map_or(name.to_string(), |i| format!("{name}[{i}]"));
            self.0.insert(key, value.to_string());
        }
    }

    fn ev(s: &str) -> Result<i64, String> {
        let mut v = Vars::default();
        v.0.insert("x".into(), "3".into());
        eval(s, &mut v)
    }

    #[test]
    fn arithmetic_as_bash() {
        // Values and messages recorded from bash 5.2.15.
        assert_eq!(ev("x*2"), Ok(6));
        assert_eq!(ev("$x+1"), Ok(4));
        assert_eq!(ev("y+1"), Ok(1));
        assert_eq!(ev("10/3"), Ok(3));
        assert_eq!(ev("-7%3"), Ok(-1));
        assert_eq!(ev("1<2 && 0 || 3"), Ok(1));
        assert_eq!(ev("2**10 % 7 + (3 > 2) * -4"), Ok(-2));
        assert_eq!(ev("0x1f + 010 + 2#101 + 16#ff"), Ok(299));
        assert_eq!(ev("64#@"), Ok(62));
        assert_eq!(ev("-2**2"), Ok(4));
        assert_eq!(ev("~0"), Ok(-1));
        assert_eq!(ev("7/-2"), Ok(-3));
        assert_eq!(ev("1,2"), Ok(2));
        assert_eq!(ev("1?2:3"), Ok(2));
        assert_eq!(ev("0 && 1/0"), Ok(0));
        assert_eq!(ev("1 || 1/0"), Ok(1));
        assert_eq!(ev("2**3**2"), Ok(512));
        assert_eq!(
            ev("1/0"),
            Err("1/0: division by 0 (error token is \"0\")".into())
        );
        assert_eq!(
            ev("1+"),
            Err("1+: syntax error: operand expected (error token is \"+\")".into())
        );
        assert_eq!(
            ev("a b"),
            Err("a b: syntax error in expression (error token is \"b\")".into())
        );
        assert_eq!(
            ev("1 @ 2"),
            Err("1 @ 2: syntax error: invalid arithmetic operator (error token is \"@ 2\")".into())
        );
        assert_eq!(
            ev("09"),
            Err("09: value too great for base (error token is \"09\")".into())
        );
        assert_eq!(
            ev("5 = 3"),
            Err("5 = 3: attempted assignment to non-variable (error token is \"= 3\")".into())
        );
        assert_eq!(
            ev("1 +* 2"),
            Err("1 +* 2: syntax error: operand expected (error token is \"* 2\")".into())
        );
        assert_eq!(
            ev(" 2 ** -1 "),
            Err("2 ** -1 : exponent less than 0 (error token is \"1 \")".into())
        );
        assert_eq!(
            ev("1 ? 2 : "),
            Err("1 ? 2 : : expression expected (error token is \": \")".into())
        );
        assert!(ev(&"(".repeat(10_000)).is_err());
    }

    #[test]
    fn assignments_and_increments() {
        let mut v = Vars::default();
        v.0.insert("x".into(), "3".into());
        assert_eq!(eval("x++ + ++x", &mut v), Ok(8));
        assert_eq!(v.0["x"], "5");
        assert_eq!(eval("x=5, x+=2, x++", &mut v), Ok(7));
        assert_eq!(v.0["x"], "8");
        assert_eq!(eval("a[1]=5", &mut v), Ok(5));
        assert_eq!(v.0["a[1]"], "5");
        assert_eq!(eval("x <<= 1", &mut v), Ok(16));
        v.0.insert("e".into(), "1+2".into());
        assert_eq!(eval("e*2", &mut v), Ok(6));
        assert_eq!(eval("0 && (x=99)", &mut v), Ok(0));
        assert_eq!(v.0["x"], "16");
    }
}
