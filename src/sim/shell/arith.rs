//! `$(( … ))`: integer arithmetic on 64-bit signed numbers, wrapping like bash, with bash's
//! error messages (`division by 0 (error token is "0")`).

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

/// Deepest parenthesis / unary nesting evaluated (keeps the stack bounded).
const MAX_DEPTH: usize = 200;

struct Eval<'a> {
    text: &'a str,
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    lookup: &'a dyn Fn(&str) -> String,
}

/// Evaluates `expr`; variables are read through `lookup` (unset or non-numeric: 0). `Err` holds
/// bash's message without the `bash: ` prefix.
pub fn eval(expr: &str, lookup: &dyn Fn(&str) -> String) -> Result<i64, String> {
    let mut e = Eval {
        text: expr,
        chars: expr.chars().collect(),
        pos: 0,
        depth: 0,
        lookup,
    };
    e.skip_ws();
    if e.pos >= e.chars.len() {
        return Ok(0);
    }
    let v = e.binary(0)?;
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
        format!("{}: {what} (error token is \"{token}\")", self.text.trim())
    }

    fn rest(&self) -> String {
        self.chars
            .get(self.pos..)
            .map(|s| s.iter().collect::<String>())
            .unwrap_or_default()
            .trim()
            .to_string()
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

    /// The operator of `level` at the cursor, if any (not mistaking `&&` for `&`, `<<` for `<`).
    fn op_at(&self, level: usize) -> Option<&'static str> {
        let ops = LEVELS.get(level)?;
        let found = ops.iter().copied().find(|op| self.starts(op))?;
        let longer = ["||", "&&", "<<", ">>", "<=", ">=", "==", "!=", "**"];
        let shadowed = found.len() == 1
            && longer
                .iter()
                .any(|l| l.starts_with(found) && self.starts(l));
        (!shadowed).then_some(found)
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
            let right = self.binary(level + 1)?;
            left = match op {
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
                _ if right == 0 => {
                    let token: String = self
                        .chars
                        .get(operand_at..self.pos)
                        .map(|s| s.iter().collect())
                        .unwrap_or_default();
                    return Err(self.error("division by 0", token.trim()));
                }
                "/" => left.wrapping_div(right),
                _ => left.wrapping_rem(right),
            };
        }
    }

    fn power(&mut self) -> Result<i64, String> {
        let base = self.unary()?;
        self.skip_ws();
        if self.starts("**") {
            self.pos += 2;
            self.skip_ws();
            let exp = self.power_nested()?;
            if exp < 0 {
                return Err(self.error("exponent less than 0", &exp.to_string()));
            }
            return Ok(base.wrapping_pow(u32::try_from(exp).unwrap_or(u32::MAX)));
        }
        Ok(base)
    }

    fn power_nested(&mut self) -> Result<i64, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("expression recursion level exceeded", &self.rest()));
        }
        let v = self.power();
        self.depth -= 1;
        v
    }

    fn unary(&mut self) -> Result<i64, String> {
        self.skip_ws();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("expression recursion level exceeded", &self.rest()));
        }
        let v = self.unary_inner();
        self.depth -= 1;
        v
    }

    fn unary_inner(&mut self) -> Result<i64, String> {
        let Some(&c) = self.chars.get(self.pos) else {
            let last = self
                .text
                .trim()
                .chars()
                .last()
                .map(String::from)
                .unwrap_or_default();
            return Err(self.error("syntax error: operand expected", &last));
        };
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
                let v = self.binary(0)?;
                self.skip_ws();
                if self.chars.get(self.pos) != Some(&')') {
                    return Err(self.error("missing `)'", &self.rest()));
                }
                self.pos += 1;
                Ok(v)
            }
            '0'..='9' => {
                let start = self.pos;
                while self
                    .chars
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    self.pos += 1;
                }
                let digits: String = self
                    .chars
                    .get(start..self.pos)
                    .map(|s| s.iter().collect())
                    .unwrap_or_default();
                digits
                    .parse::<i64>()
                    .map_err(|_| self.error("value too great for base", &digits))
            }
            '$' | 'a'..='z' | 'A'..='Z' | '_' => {
                if c == '$' {
                    self.pos += 1;
                }
                let braced = self.chars.get(self.pos) == Some(&'{');
                if braced {
                    self.pos += 1;
                }
                let start = self.pos;
                while self
                    .chars
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    self.pos += 1;
                }
                let name: String = self
                    .chars
                    .get(start..self.pos)
                    .map(|s| s.iter().collect())
                    .unwrap_or_default();
                if braced && self.chars.get(self.pos) == Some(&'}') {
                    self.pos += 1;
                }
                Ok((self.lookup)(&name).trim().parse::<i64>().unwrap_or(0))
            }
            _ => Err(self.error("syntax error: operand expected", &self.rest())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &str) -> Result<i64, String> {
        eval(s, &|n| if n == "x" { "3".into() } else { String::new() })
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
        assert!(ev(&"(".repeat(10_000)).is_err());
    }
}
