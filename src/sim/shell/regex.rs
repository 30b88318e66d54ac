//! The POSIX extended regular expressions of `[[ s =~ re ]]`: literals, `.`, bracket
//! expressions (ranges, `[:alpha:]` classes, negation), `^`, `$`, groups (captured for
//! `BASH_REMATCH`), `|`, and `*` `+` `?` `{m,n}`. A backtracking matcher with a step budget, so
//! a pathological pattern ends (as no match) instead of freezing the tab. Kept here rather
//! than a regex crate: the page's download budget has no room for one.

/// Most matching steps one `=~` may take.
const MAX_STEPS: u64 = 2_000_000;

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Char(char),
    Any,
    /// A bracket expression: negated, single characters and ranges.
    Class(bool, Vec<(char, char)>),
    Start,
    End,
    Group(Box<Node>, usize),
    Alt(Vec<Node>),
    Concat(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// A compiled expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Regex {
    root: Node,
    groups: usize,
}

/// Capture spans by group number (0: the whole match), as char offsets.
type Caps = Vec<Option<(usize, usize)>>;

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    groups: usize,
}

/// Why a pattern does not compile.
pub(super) type RegexError = String;

impl Parser<'_> {
    fn alt(&mut self, depth: usize) -> Result<Node, RegexError> {
        if depth > 100 {
            return Err("nested too deep".into());
        }
        let mut branches = vec![self.concat(depth)?];
        while self.chars.get(self.pos) == Some(&'|') {
            self.pos += 1;
            branches.push(self.concat(depth)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self, depth: usize) -> Result<Node, RegexError> {
        let mut items = Vec::new();
        while let Some(&c) = self.chars.get(self.pos) {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            items.push(self.quantified(atom)?);
        }
        Ok(Node::Concat(items))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.chars.get(self.pos).is_some_and(char::is_ascii_digit) {
            self.pos += 1;
        }
        let digits: String = self.chars.get(start..self.pos)?.iter().collect();
        digits.parse().ok()
    }

    fn quantified(&mut self, mut atom: Node) -> Result<Node, RegexError> {
        loop {
            let (min, max) = match self.chars.get(self.pos) {
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('?') => (0, Some(1)),
                Some('{') => {
                    let save = self.pos;
                    self.pos += 1;
                    let min = self.number();
                    let max = if self.chars.get(self.pos) == Some(&',') {
                        self.pos += 1;
                        self.number()
                    } else {
                        min
                    };
                    match (min, self.chars.get(self.pos)) {
                        (Some(min), Some('}')) => (min, max),
                        _ => {
                            // Not an interval: `{` is a literal.
                            self.pos = save;
                            return Ok(atom);
                        }
                    }
                }
                _ => return Ok(atom),
            };
            self.pos += 1;
            if max.is_some_and(|m| m < min) || min > 1000 {
                return Err("invalid repetition count".into());
            }
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    fn atom(&mut self, depth: usize) -> Result<Node, RegexError> {
        let c = self.chars.get(self.pos).copied().unwrap_or_default();
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '(' => {
                self.groups += 1;
                let n = self.groups;
                let inner = self.alt(depth + 1)?;
                if self.chars.get(self.pos) != Some(&')') {
                    return Err("parentheses not balanced".into());
                }
                self.pos += 1;
                Node::Group(Box::new(inner), n)
            }
            '[' => self.bracket()?,
            '\\' => {
                let e = self.chars.get(self.pos).copied();
                self.pos += 1;
                Node::Char(e.ok_or("trailing backslash")?)
            }
            '*' | '+' | '?' => return Err("repetition-operator operand invalid".into()),
            c => Node::Char(c),
        })
    }

    fn bracket(&mut self) -> Result<Node, RegexError> {
        let negated = self.chars.get(self.pos) == Some(&'^');
        if negated {
            self.pos += 1;
        }
        let mut set = Vec::new();
        let mut first = true;
        loop {
            let Some(&c) = self.chars.get(self.pos) else {
                return Err("brackets ([ ]) not balanced".into());
            };
            if c == ']' && !first {
                self.pos += 1;
                return Ok(Node::Class(negated, set));
            }
            first = false;
            if c == '[' && self.chars.get(self.pos + 1) == Some(&':') {
                let rest: String = self
                    .chars
                    .get(self.pos + 2..)
                    .into_iter()
                    .flatten()
                    .collect();
                if let Some(end) = rest.find(":]") {
                    set.extend(named_class(&rest[..end])?);
                    self.pos += 2 + rest[..end].chars().count() + 2;
                    continue;
                }
            }
            self.pos += 1;
            match (self.chars.get(self.pos), self.chars.get(self.pos + 1)) {
                (Some('-'), Some(&hi)) if hi != ']' => {
                    set.push((c, hi));
                    self.pos += 2;
                }
                _ => set.push((c, c)),
            }
        }
    }
}

fn named_class(name: &str) -> Result<Vec<(char, char)>, RegexError> {
    Ok(match name {
        "alpha" => vec![('a', 'z'), ('A', 'Z')],
        "digit" => vec![('0', '9')],
        "alnum" => vec![('a', 'z'), ('A', 'Z'), ('0', '9')],
        "upper" => vec![('A', 'Z')],
        "lower" => vec![('a', 'z')],
        "space" => vec![(' ', ' '), ('\t', '\r')],
        "blank" => vec![(' ', ' '), ('\t', '\t')],
        "xdigit" => vec![('0', '9'), ('a', 'f'), ('A', 'F')],
        "punct" => vec![('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "word" => vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')],
        _ => return Err("invalid character class".into()),
    })
}

struct Matcher<'a> {
    text: &'a [char],
    steps: u64,
}

impl Matcher<'_> {
    /// Matches `node` at `pos`, then calls `k` with the end; true when `k` accepts.
    fn m(
        &mut self,
        node: &Node,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return false;
        }
        let here = self.text.get(pos).copied();
        match node {
            Node::Char(c) => here == Some(*c) && k(self, pos + 1, caps),
            Node::Any => here.is_some() && k(self, pos + 1, caps),
            Node::Class(neg, set) => {
                here.is_some_and(|h| set.iter().any(|&(a, b)| a <= h && h <= b) != *neg)
                    && k(self, pos + 1, caps)
            }
            Node::Start => pos == 0 && k(self, pos, caps),
            Node::End => pos == self.text.len() && k(self, pos, caps),
            Node::Group(inner, n) => {
                let saved = caps.get(*n).copied().flatten();
                let n = *n;
                let ok = self.m(inner, pos, caps, &mut |me, end, caps| {
                    let before = caps.get(n).copied().flatten();
                    if let Some(slot) = caps.get_mut(n) {
                        *slot = Some((pos, end));
                    }
                    if k(me, end, caps) {
                        return true;
                    }
                    if let Some(slot) = caps.get_mut(n) {
                        *slot = before;
                    }
                    false
                });
                if !ok {
                    if let Some(slot) = caps.get_mut(n) {
                        *slot = saved;
                    }
                }
                ok
            }
            Node::Alt(branches) => branches.iter().any(|b| self.m(b, pos, caps, k)),
            Node::Concat(items) => self.seq(items, pos, caps, k),
            Node::Repeat(inner, min, max) => self.rep(inner, *min, *max, 0, pos, caps, k),
        }
    }

    fn seq(
        &mut self,
        items: &[Node],
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        match items.split_first() {
            None => k(self, pos, caps),
            Some((first, rest)) => self.m(first, pos, caps, &mut |me, p, caps| {
                me.seq(rest, p, caps, k)
            }),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rep(
        &mut self,
        inner: &Node,
        min: u32,
        max: Option<u32>,
        count: u32,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        if max.is_none_or(|m| count < m) {
            // Greedy: one more first; an empty iteration ends the loop.
            let more = self.m(inner, pos, caps, &mut |me, p, caps| {
                (p > pos || count < min) && me.rep(inner, min, max, count + 1, p, caps, k)
            });
            if more {
                return true;
            }
        }
        count >= min && k(self, pos, caps)
    }
}

impl Regex {
    /// Compiles `pattern`; `Err` says why it is not a valid extended regex.
    pub(super) fn new(pattern: &str) -> Result<Regex, RegexError> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut p = Parser {
            chars: &chars,
            pos: 0,
            groups: 0,
        };
        let root = p.alt(0)?;
        if p.pos < chars.len() {
            return Err("parentheses not balanced".into());
        }
        Ok(Regex {
            root,
            groups: p.groups,
        })
    }

    /// The leftmost match in `s`: the text of group 0, 1, … (unmatched groups empty).
    pub(super) fn captures(&self, s: &str) -> Option<Vec<String>> {
        let text: Vec<char> = s.chars().collect();
        let mut m = Matcher {
            text: &text,
            steps: 0,
        };
        for start in 0..=text.len() {
            let mut caps: Caps = vec![None; self.groups + 1];
            let mut end = None;
            let found = m.m(&self.root, start, &mut caps, &mut |_, e, _| {
                end = Some(e);
                true
            });
            if found {
                if let Some(slot) = caps.get_mut(0) {
                    *slot = end.map(|e| (start, e));
                }
                let texts = caps
                    .iter()
                    .map(|c| match c {
                        Some((a, b)) => text.get(*a..*b).into_iter().flatten().collect(),
                        None => String::new(),
                    })
                    .collect();
                return Some(texts);
            }
            if m.steps > MAX_STEPS {
                return None;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(re: &str, s: &str) -> Option<Vec<String>> {
        Regex::new(re).unwrap().captures(s)
    }

    #[test]
    fn matches_as_bash_extended_regexes() {
        // BASH_REMATCH values recorded from bash 5.2.15 (`[[ s =~ re ]]`).
        assert_eq!(
            caps("^([a-z]+)([0-9]+)$", "abc123"),
            Some(vec!["abc123".into(), "abc".into(), "123".into()])
        );
        assert_eq!(caps("b(.)", "abc"), Some(vec!["bc".into(), "c".into()]));
        assert_eq!(caps("a.b", "a.b").map(|c| c[0].clone()), Some("a.b".into()));
        assert_eq!(caps("y", "x"), None);
        assert_eq!(
            caps("([0-9]{1,3})\\.([0-9]{1,3})", "ip 10.244.0.5"),
            Some(vec!["10.244".into(), "10".into(), "244".into()])
        );
        assert_eq!(
            caps("^(GET|POST) (/[^ ]*)", "POST /x HTTP").map(|c| c[2].clone()),
            Some("/x".into())
        );
        assert_eq!(
            caps("[[:digit:]]+", "ab42c").map(|c| c[0].clone()),
            Some("42".into())
        );
        assert_eq!(caps("^$", ""), Some(vec![String::new()]));
        assert_eq!(
            caps("a|b*", "ccc").map(|c| c[0].clone()),
            Some(String::new())
        );
        assert!(Regex::new("(a").is_err());
        assert!(Regex::new("*a").is_err());
        // Exponential backtracking ends instead of hanging.
        assert_eq!(caps("(a*)*b", &"a".repeat(40)), None);
    }
}
