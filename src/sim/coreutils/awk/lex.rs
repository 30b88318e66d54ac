//! awk's tokens. A `/` starts a regular expression where an operand may begin, and divides
//! after one, as in every awk.

/// One token with the line it is on.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A number.
    Num(f64),
    /// A string literal (escapes resolved).
    Str(String),
    /// A regex literal `/…/` (the text between the slashes).
    Regex(String),
    /// A name: variable, keyword or function.
    Name(String),
    /// A name directly followed by `(`: a user function call.
    Call(String),
    /// Punctuation and operators (`+=`, `&&`, `{`…).
    Op(&'static str),
    /// A newline (a statement terminator).
    Newline,
    /// End of the program.
    Eof,
}

const OPS: [&str; 40] = [
    "+=", "-=", "*=", "/=", "%=", "^=", "**", "==", "<=", ">=", "!=", "++", "--", "&&", "||", ">>",
    "!~", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|",
    "?", ":", "~", "$", "=",
];

/// Splits `src` into tokens; the error is mawk's message without the `awk: ` prefix.
pub(super) fn tokens(src: &str) -> Result<Vec<(Tok, usize)>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out: Vec<(Tok, usize)> = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while let Some(&c) = chars.get(i) {
        let operand_before = matches!(
            out.last().map(|(t, _)| t),
            Some(Tok::Num(_) | Tok::Str(_) | Tok::Name(_) | Tok::Regex(_))
                | Some(Tok::Op(")" | "]" | "$" | "++" | "--"))
        );
        match c {
            ' ' | '\t' | '\r' => i += 1,
            '\\' if chars.get(i + 1) == Some(&'\n') => {
                i += 2;
                line += 1;
            }
            '\n' => {
                out.push((Tok::Newline, line));
                line += 1;
                i += 1;
            }
            '#' => {
                while chars.get(i).is_some_and(|c| *c != '\n') {
                    i += 1;
                }
            }
            '"' => {
                let (s, next) = string(&chars, i + 1).ok_or_else(|| {
                    format!(
                        "line {line}: runaway string constant \"{} ...",
                        tail(&chars, i + 1)
                    )
                })?;
                out.push((Tok::Str(s), line));
                i = next;
            }
            '/' if !operand_before => {
                let mut j = i + 1;
                let mut re = String::new();
                let mut in_class = false;
                loop {
                    match chars.get(j) {
                        None | Some('\n') => {
                            return Err(format!(
                                "line {line}: runaway regular expression /{} ...",
                                tail(&chars, i + 1)
                            ))
                        }
                        Some('\\') if chars.get(j + 1) == Some(&'/') => {
                            re.push('/');
                            j += 2;
                            continue;
                        }
                        Some('\\') => {
                            re.push('\\');
                            if let Some(n) = chars.get(j + 1) {
                                re.push(*n);
                            }
                            j += 2;
                            continue;
                        }
                        Some('[') => in_class = true,
                        Some(']') => in_class = false,
                        Some('/') if !in_class => break,
                        _ => {}
                    }
                    if let Some(c) = chars.get(j) {
                        re.push(*c);
                    }
                    j += 1;
                }
                out.push((Tok::Regex(re), line));
                i = j + 1;
            }
            c if c.is_ascii_digit()
                || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) =>
            {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|d| d.is_ascii_digit() || *d == '.')
                {
                    i += 1;
                }
                if matches!(chars.get(i), Some('e' | 'E'))
                    && chars
                        .get(i + 1)
                        .is_some_and(|d| d.is_ascii_digit() || *d == '-' || *d == '+')
                {
                    i += 2;
                    while chars.get(i).is_some_and(|d| d.is_ascii_digit()) {
                        i += 1;
                    }
                }
                let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
                out.push((Tok::Num(text.parse().unwrap_or(0.0)), line));
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|d| d.is_ascii_alphanumeric() || *d == '_')
                {
                    i += 1;
                }
                let name: String = chars.get(start..i).unwrap_or_default().iter().collect();
                let tok = if chars.get(i) == Some(&'(') && (!is_keyword(&name) || is_builtin(&name))
                {
                    Tok::Call(name)
                } else {
                    Tok::Name(name)
                };
                out.push((tok, line));
            }
            _ => {
                let rest: String = chars.iter().skip(i).take(2).collect();
                let op = OPS
                    .iter()
                    .find(|op| rest.starts_with(**op))
                    .ok_or_else(|| format!("line {line}: syntax error at or near {c}"))?;
                out.push((Tok::Op(if *op == "**" { "^" } else { op }), line));
                i += op.chars().count();
            }
        }
    }
    out.push((Tok::Eof, line));
    Ok(out)
}

/// Keywords and built-in functions (never user function calls).
pub(super) fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "BEGIN"
            | "END"
            | "if"
            | "else"
            | "while"
            | "for"
            | "do"
            | "break"
            | "continue"
            | "next"
            | "exit"
            | "return"
            | "delete"
            | "in"
            | "getline"
            | "print"
            | "printf"
            | "function"
            | "func"
    ) || is_builtin(name)
}

/// awk's built-in functions.
pub(super) fn is_builtin(name: &str) -> bool {
    matches!(
        name,
        "length"
            | "substr"
            | "index"
            | "split"
            | "sub"
            | "gsub"
            | "match"
            | "sprintf"
            | "toupper"
            | "tolower"
            | "int"
            | "sqrt"
            | "exp"
            | "log"
            | "sin"
            | "cos"
            | "atan2"
            | "rand"
            | "srand"
            | "system"
            | "close"
            | "fflush"
    )
}

fn tail(chars: &[char], from: usize) -> String {
    chars
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| **c != '\n')
        .take(10)
        .collect()
}

/// A string literal's value from just after its opening quote; the index after the closing one.
fn string(chars: &[char], mut i: usize) -> Option<(String, usize)> {
    let mut s = String::new();
    loop {
        let c = *chars.get(i)?;
        i += 1;
        match c {
            '"' => return Some((s, i)),
            '\n' => return None,
            '\\' => {
                let n = *chars.get(i)?;
                i += 1;
                s.push_str(&escape(n, chars, &mut i));
            }
            other => s.push(other),
        }
    }
}

/// The text of `\n`-style escape `n` (in strings and `-v` values).
pub(super) fn escape(n: char, chars: &[char], i: &mut usize) -> String {
    match n {
        'n' => "\n".into(),
        't' => "\t".into(),
        'r' => "\r".into(),
        '\\' => "\\".into(),
        '"' => "\"".into(),
        '/' => "/".into(),
        'a' => "\x07".into(),
        'b' => "\x08".into(),
        'f' => "\x0c".into(),
        'v' => "\x0b".into(),
        '0'..='7' => {
            let mut v = n.to_digit(8).unwrap_or(0);
            for _ in 0..2 {
                match chars.get(*i).and_then(|c| c.to_digit(8)) {
                    Some(d) => {
                        v = v * 8 + d;
                        *i += 1;
                    }
                    None => break,
                }
            }
            char::from_u32(v).map(String::from).unwrap_or_default()
        }
        other => format!("\\{other}"),
    }
}
