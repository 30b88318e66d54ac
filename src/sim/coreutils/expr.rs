//! `expr` (GNU coreutils 9.1): evaluates its arguments as an expression — `|`, `&`,
//! comparisons, `+ - * / %`, `STRING : REGEX`, `match`, `substr`, `index`, `length`, `+ TOKEN`
//! and parentheses — prints the value, and exits 0, or 1 when it is null or 0 (2: a bad
//! expression, 3 never here). Integers are 128-bit (GNU's are unbounded).

use super::posix_regex::{translate, Dialect};
use super::Ctx;
use regex_lite::Regex;

/// Why evaluation stopped: the message after `expr: `, and whether GNU adds its `Try` line.
struct Fail(String, bool);

type Res<T> = Result<T, Fail>;

/// `expr EXPRESSION`.
pub(super) fn expr(args: &[String], ctx: &mut Ctx) -> i32 {
    let args: &[String] = match args.first().map(String::as_str) {
        Some("--") => args.get(1..).unwrap_or_default(),
        _ => args,
    };
    if args.is_empty() {
        ctx.usage("expr", "missing operand");
        return 2;
    }
    let mut p = Parser { args, at: 0 };
    let result = p.or().and_then(|v| match p.args.get(p.at) {
        None => Ok(v),
        Some(extra) => Err(Fail(
            format!("syntax error: unexpected argument '{extra}'"),
            false,
        )),
    });
    match result {
        Ok(v) => {
            ctx.out.out(format!("{v}\n"));
            i32::from(is_null(&v))
        }
        Err(Fail(msg, usage)) => {
            if usage {
                ctx.usage("expr", &msg);
            } else {
                ctx.err("expr", &msg);
            }
            2
        }
    }
}

/// A recursive-descent parser over the arguments.
struct Parser<'a> {
    args: &'a [String],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&str> {
        self.args.get(self.at).map(String::as_str)
    }

    /// Takes the next argument if it is one of `ops`.
    fn take(&mut self, ops: &[&str]) -> Option<String> {
        let op = self.peek().filter(|a| ops.contains(a))?.to_string();
        self.at += 1;
        Some(op)
    }

    /// The operand after operator `op`.
    fn need(&mut self, op: &str) -> Res<String> {
        let v = self.args.get(self.at).cloned().ok_or_else(|| {
            Fail(
                format!("syntax error: missing argument after '{op}'"),
                false,
            )
        })?;
        self.at += 1;
        Ok(v)
    }

    fn or(&mut self) -> Res<String> {
        let mut left = self.and()?;
        while self.take(&["|"]).is_some() {
            let right = self.and()?;
            left = if !is_null(&left) {
                left
            } else if !is_null(&right) {
                right
            } else {
                "0".into()
            };
        }
        Ok(left)
    }

    fn and(&mut self) -> Res<String> {
        let mut left = self.compare()?;
        while self.take(&["&"]).is_some() {
            let right = self.compare()?;
            if is_null(&left) || is_null(&right) {
                left = "0".into();
            }
        }
        Ok(left)
    }

    fn compare(&mut self) -> Res<String> {
        let mut left = self.sum()?;
        while let Some(op) = self.take(&["<", "<=", "=", "==", "!=", ">=", ">"]) {
            let right = self.sum()?;
            let ord = match (int(&left), int(&right)) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => left.as_bytes().cmp(right.as_bytes()),
            };
            let yes = match op.as_str() {
                "<" => ord.is_lt(),
                "<=" => ord.is_le(),
                "=" | "==" => ord.is_eq(),
                "!=" => ord.is_ne(),
                ">=" => ord.is_ge(),
                _ => ord.is_gt(),
            };
            left = if yes { "1" } else { "0" }.into();
        }
        Ok(left)
    }

    fn sum(&mut self) -> Res<String> {
        let mut left = self.product()?;
        while let Some(op) = self.take(&["+", "-"]) {
            let right = self.product()?;
            let (a, b) = (number(&left)?, number(&right)?);
            let v = if op == "+" {
                a.checked_add(b)
            } else {
                a.checked_sub(b)
            };
            left = v.ok_or_else(overflow)?.to_string();
        }
        Ok(left)
    }

    fn product(&mut self) -> Res<String> {
        let mut left = self.matching()?;
        while let Some(op) = self.take(&["*", "/", "%"]) {
            let right = self.matching()?;
            let (a, b) = (number(&left)?, number(&right)?);
            if b == 0 && op != "*" {
                return Err(Fail("division by zero".into(), false));
            }
            let v = match op.as_str() {
                "*" => a.checked_mul(b),
                "/" => a.checked_div(b),
                _ => a.checked_rem(b),
            };
            left = v.ok_or_else(overflow)?.to_string();
        }
        Ok(left)
    }

    fn matching(&mut self) -> Res<String> {
        let mut left = self.primary()?;
        while self.take(&[":"]).is_some() {
            let pattern = self.primary()?;
            left = regex_match(&left, &pattern)?;
        }
        Ok(left)
    }

    fn primary(&mut self) -> Res<String> {
        let Some(a) = self.peek().map(str::to_string) else {
            let after = self.at.checked_sub(1).and_then(|i| self.args.get(i));
            return Err(match after {
                Some(op) => Fail(
                    format!("syntax error: missing argument after '{op}'"),
                    false,
                ),
                None => Fail("missing operand".into(), true),
            });
        };
        self.at += 1;
        match a.as_str() {
            "(" => {
                let v = self.or()?;
                match self.take(&[")"]) {
                    Some(_) => Ok(v),
                    None => {
                        let msg = match self.peek() {
                            Some(x) => format!("syntax error: expecting ')' instead of '{x}'"),
                            None => {
                                let last = self.args.last().map_or("", String::as_str);
                                format!("syntax error: expecting ')' after '{last}'")
                            }
                        };
                        Err(Fail(msg, false))
                    }
                }
            }
            "+" => self.need("+"),
            "length" => Ok(self.need("length")?.chars().count().to_string()),
            "match" => {
                let s = self.need("match")?;
                let p = self.need("match")?;
                regex_match(&s, &p)
            }
            "index" => {
                let s = self.need("index")?;
                let set = self.need("index")?;
                let pos = s.chars().position(|c| set.contains(c)).map_or(0, |i| i + 1);
                Ok(pos.to_string())
            }
            "substr" => {
                let s = self.need("substr")?;
                let pos = self.need("substr")?;
                let len = self.need("substr")?;
                Ok(substr(&s, &pos, &len))
            }
            _ => Ok(a),
        }
    }
}

/// `substr STRING POS LENGTH`: empty when POS or LENGTH is not a positive number.
fn substr(s: &str, pos: &str, len: &str) -> String {
    match (int(pos), int(len)) {
        (Some(p), Some(l)) if p >= 1 && l >= 1 => s
            .chars()
            .skip(usize::try_from(p - 1).unwrap_or(usize::MAX))
            .take(usize::try_from(l).unwrap_or(usize::MAX))
            .collect(),
        _ => String::new(),
    }
}

/// `STRING : REGEX`: anchored at the start; the first group's text, or the length matched.
fn regex_match(s: &str, pattern: &str) -> Res<String> {
    let translated = translate(pattern, Dialect::Basic).map_err(|e| Fail(e, false))?;
    let re = Regex::new(&format!("^(?:{translated})"))
        .map_err(|_| Fail("Invalid regular expression".into(), false))?;
    let caps = re.captures(s);
    if re.captures_len() > 1 {
        return Ok(caps
            .and_then(|c| c.get(1))
            .map_or(String::new(), |m| m.as_str().to_string()));
    }
    Ok(caps
        .and_then(|c| c.get(0))
        .map_or(0, |m| m.as_str().chars().count())
        .to_string())
}

/// The integer an argument spells (`-5`, `007`), if it is one.
fn int(s: &str) -> Option<i128> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn number(s: &str) -> Res<i128> {
    int(s).ok_or_else(|| Fail("non-integer argument".into(), false))
}

fn overflow() -> Fail {
    Fail("podscope: expr's integers stop at 128 bits".into(), false)
}

/// Null or zero: what makes `expr` exit 1 and `|`/`&` pick the other side.
fn is_null(v: &str) -> bool {
    v.is_empty() || int(v) == Some(0)
}
