//! YAML syntax colouring for the manifest view.
//!
//! A small, line-oriented tokenizer: it does not validate YAML (the simulation's manifest parser
//! does that), it only splits text into coloured runs. The one promise it keeps is that the
//! tokens of a line, concatenated, give back the line exactly, so the highlighted view and the
//! text the user edits always agree character for character.

/// What a run of manifest text is, as a YAML reader would see it; each kind has a CSS class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Indentation and spaces between tokens.
    Space,
    /// A mapping key (`apiVersion`, `mountPath`).
    Key,
    /// A quoted or plain string scalar, or a line of a block scalar (`|`, `>`).
    String,
    /// An integer or a float (`80`, `1.5`, `-3`).
    Number,
    /// `true`, `false`, `null`, `~`.
    Literal,
    /// A comment, from `#` to the end of the line.
    Comment,
    /// The `-` that opens a block sequence entry.
    Dash,
    /// Structure: `:`, `[`, `]`, `{`, `}`, `,`, `---`, block scalar indicators.
    Punct,
}

impl TokenKind {
    /// The CSS class `style/main.css` colours this kind with.
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Space => "tok-space",
            TokenKind::Key => "tok-key",
            TokenKind::String => "tok-string",
            TokenKind::Number => "tok-number",
            TokenKind::Literal => "tok-literal",
            TokenKind::Comment => "tok-comment",
            TokenKind::Dash => "tok-dash",
            TokenKind::Punct => "tok-punct",
        }
    }
}

/// One coloured run of text, borrowed from the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// How to colour it.
    pub kind: TokenKind,
    /// The exact text, never empty.
    pub text: &'a str,
}

/// Splits a whole manifest into lines of tokens (lines split on `\n`, which is not included).
///
/// Block scalars (`key: |` followed by more-indented lines) are tracked across lines, which is
/// why this works on the whole text rather than line by line.
pub fn tokenize(source: &str) -> Vec<Vec<Token<'_>>> {
    let mut lines = Vec::new();
    // Indentation of the key that opened a block scalar still being read.
    let mut block_scalar_parent: Option<usize> = None;
    for line in source.split('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if let Some(parent) = block_scalar_parent {
            if blank || indent > parent {
                lines.push(block_scalar_line(line, indent));
                continue;
            }
            block_scalar_parent = None;
        }
        let tokens = tokenize_line(line);
        if opens_block_scalar(&tokens) {
            block_scalar_parent = Some(indent);
        }
        lines.push(tokens);
    }
    lines
}

/// Tokenizes one line of YAML outside any block scalar.
pub fn tokenize_line(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = push_space(line, &mut out);
    if rest.starts_with("---") || rest.starts_with("...") {
        let (marker, after) = rest.split_at(3);
        push(&mut out, TokenKind::Punct, marker);
        rest = after;
    }
    // Sequence dashes, possibly nested: `- - item`.
    while rest == "-" || rest.starts_with("- ") {
        let (dash, after) = rest.split_at(1);
        push(&mut out, TokenKind::Dash, dash);
        rest = push_space(after, &mut out);
    }
    if let Some(colon) = key_colon(rest) {
        let (key, after) = rest.split_at(colon);
        push(&mut out, TokenKind::Key, key);
        let (colon_text, after) = after.split_at(1);
        push(&mut out, TokenKind::Punct, colon_text);
        rest = after;
    }
    value_tokens(rest, &mut out);
    out
}

/// Whether a line ends by opening a block scalar (`args: |`, `- >-`).
fn opens_block_scalar(tokens: &[Token<'_>]) -> bool {
    let mut meaningful = tokens
        .iter()
        .rev()
        .filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Comment));
    matches!(meaningful.next(), Some(t) if t.kind == TokenKind::Punct
        && (t.text.starts_with('|') || t.text.starts_with('>')))
}

fn block_scalar_line(line: &str, indent: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let (space, text) = line.split_at(indent.min(line.len()));
    push(&mut out, TokenKind::Space, space);
    push(&mut out, TokenKind::String, text);
    out
}

/// Byte offset of the `:` that ends a mapping key at the start of `text`, if there is one.
fn key_colon(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    if matches!(first, '#' | '[' | '{' | '|' | '>' | '&' | '*' | '!') {
        return None;
    }
    let scan_from = if first == '"' || first == '\'' {
        quoted_len(text)?
    } else {
        0
    };
    let bytes = text.as_bytes();
    let mut i = scan_from;
    while let Some(&b) = bytes.get(i) {
        if b == b'#' && i > 0 && bytes.get(i - 1) == Some(&b' ') {
            return None;
        }
        if b == b':' && matches!(bytes.get(i + 1), None | Some(b' ')) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Length in bytes of the quoted scalar that starts `text` (closing quote included); `None` if
/// the quote is not closed on this line.
fn quoted_len(text: &str) -> Option<usize> {
    let quote = text.chars().next()?;
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        if quote == '"' && c == '\\' && !escaped {
            escaped = true;
            continue;
        }
        if c == quote && !escaped {
            // `''` inside a single-quoted scalar is an escaped quote.
            if quote == '\'' && text[i + 1..].starts_with('\'') {
                escaped = true;
                continue;
            }
            return Some(i + 1);
        }
        escaped = false;
    }
    None
}

/// Tokenizes what follows a key (or a dash): scalars, flow collections and a trailing comment.
fn value_tokens<'a>(mut rest: &'a str, out: &mut Vec<Token<'a>>) {
    let mut flow_depth = 0usize;
    let mut after_space = true;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            ' ' | '\t' => {
                let len = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                push(out, TokenKind::Space, &rest[..len]);
                rest = &rest[len..];
                after_space = true;
                continue;
            }
            '#' if after_space => {
                push(out, TokenKind::Comment, rest);
                return;
            }
            '[' | '{' | ']' | '}' | ',' | ':' => {
                if matches!(c, '[' | '{') {
                    flow_depth += 1;
                } else if matches!(c, ']' | '}') {
                    flow_depth = flow_depth.saturating_sub(1);
                }
                push(out, TokenKind::Punct, &rest[..1]);
                1
            }
            '"' | '\'' => {
                let len = quoted_len(rest).unwrap_or(rest.len());
                push(out, TokenKind::String, &rest[..len]);
                len
            }
            '|' | '>' if flow_depth == 0 => {
                let len = rest.find([' ', '#']).unwrap_or(rest.len());
                push(out, TokenKind::Punct, &rest[..len]);
                len
            }
            _ => {
                let len = plain_scalar_len(rest, flow_depth > 0);
                push(out, scalar_kind(&rest[..len]), &rest[..len]);
                len
            }
        };
        rest = &rest[len..];
        after_space = false;
    }
}

/// Length of a plain (unquoted) scalar: up to ` #`, and in flow context also up to `,[]{}` or `: `.
fn plain_scalar_len(text: &str, in_flow: bool) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let at_comment = b == b' ' && bytes.get(i + 1) == Some(&b'#');
        let at_flow_end = in_flow
            && (matches!(b, b',' | b'[' | b']' | b'{' | b'}')
                || (b == b':' && matches!(bytes.get(i + 1), None | Some(b' '))));
        if at_comment || at_flow_end {
            break;
        }
        i += 1;
        if b != b' ' {
            end = i;
        }
    }
    // Trailing spaces become a Space token; a scalar is never empty.
    end.max(1).min(text.len())
}

fn scalar_kind(text: &str) -> TokenKind {
    match text {
        "true" | "false" | "True" | "False" | "TRUE" | "FALSE" | "null" | "Null" | "NULL" | "~" => {
            TokenKind::Literal
        }
        _ if is_number(text) => TokenKind::Number,
        _ => TokenKind::String,
    }
}

fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(hex) = digits.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let mut seen_digit = false;
    let mut seen_dot = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => seen_digit = true,
            '.' if !seen_dot => seen_dot = true,
            _ => return false,
        }
    }
    seen_digit
}

fn push_space<'a>(text: &'a str, out: &mut Vec<Token<'a>>) -> &'a str {
    let trimmed = text.trim_start_matches(' ');
    push(out, TokenKind::Space, &text[..text.len() - trimmed.len()]);
    trimmed
}

fn push<'a>(out: &mut Vec<Token<'a>>, kind: TokenKind, text: &'a str) {
    if !text.is_empty() {
        out.push(Token { kind, text });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds<'a>(tokens: &[Token<'a>]) -> Vec<(TokenKind, &'a str)> {
        tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Space)
            .map(|t| (t.kind, t.text))
            .collect()
    }

    #[test]
    fn key_and_plain_value() {
        let line = tokenize_line("  name: shared-data");
        assert_eq!(
            kinds(&line),
            vec![
                (TokenKind::Key, "name"),
                (TokenKind::Punct, ":"),
                (TokenKind::String, "shared-data")
            ]
        );
    }

    #[test]
    fn dash_key_number_comment() {
        let line = tokenize_line("- containerPort: 80 # http");
        assert_eq!(
            kinds(&line),
            vec![
                (TokenKind::Dash, "-"),
                (TokenKind::Key, "containerPort"),
                (TokenKind::Punct, ":"),
                (TokenKind::Number, "80"),
                (TokenKind::Comment, "# http"),
            ]
        );
    }

    #[test]
    fn flow_sequence_of_quoted_strings() {
        let line = tokenize_line(r#"    args: ["-c", "echo a, b > /pod-data/index.html"]"#);
        let k = kinds(&line);
        assert_eq!(k.get(2), Some(&(TokenKind::Punct, "[")));
        assert_eq!(k.get(3), Some(&(TokenKind::String, "\"-c\"")));
        assert_eq!(
            k.get(5),
            Some(&(TokenKind::String, "\"echo a, b > /pod-data/index.html\""))
        );
        assert_eq!(k.last(), Some(&(TokenKind::Punct, "]")));
    }

    #[test]
    fn literals_and_empty_flow_map() {
        assert_eq!(
            kinds(&tokenize_line("readOnly: true"))[2],
            (TokenKind::Literal, "true")
        );
        let empty_dir = kinds(&tokenize_line("    emptyDir: {}"));
        assert_eq!(
            empty_dir[2..],
            [(TokenKind::Punct, "{"), (TokenKind::Punct, "}")]
        );
    }

    #[test]
    fn url_colon_is_not_a_key() {
        let k = kinds(&tokenize_line("- http://localhost:80/"));
        assert_eq!(
            k,
            vec![
                (TokenKind::Dash, "-"),
                (TokenKind::String, "http://localhost:80/")
            ]
        );
    }

    #[test]
    fn whole_comment_line_and_hash_inside_value() {
        assert_eq!(
            kinds(&tokenize_line("# the docs' pod")),
            vec![(TokenKind::Comment, "# the docs' pod")]
        );
        assert_eq!(
            kinds(&tokenize_line("image: nginx#1"))[2],
            (TokenKind::String, "nginx#1")
        );
    }

    #[test]
    fn block_scalar_lines_are_strings() {
        let lines = tokenize("args:\n- |\n  echo hi: there\n  sleep 1\nkind: Pod");
        assert_eq!(
            kinds(&lines[1]),
            vec![(TokenKind::Dash, "-"), (TokenKind::Punct, "|")]
        );
        assert_eq!(
            kinds(&lines[2]),
            vec![(TokenKind::String, "echo hi: there")]
        );
        assert_eq!(kinds(&lines[4])[0], (TokenKind::Key, "kind"));
    }

    #[test]
    fn tokens_rebuild_every_line_exactly() {
        let samples = [
            "apiVersion: v1\nkind: Pod\n\n  - name: x   # c\n",
            "'quoted key': \"v\\\"x\" , [a, {b: c}]  \n\t- - 'it''s'",
            "unterminated: \"abc\n: lone colon\n- \n---\n...",
            "key: |+  # keep\n   text: not a key\n\n back: 1",
            "é: ünïcode # ✓\n-x: y",
        ];
        for sample in samples {
            let rebuilt: Vec<String> = tokenize(sample)
                .iter()
                .map(|line| line.iter().map(|t| t.text).collect())
                .collect();
            assert_eq!(rebuilt.join("\n"), sample);
            for line in tokenize(sample) {
                assert!(line.iter().all(|t| !t.text.is_empty()));
            }
        }
    }
}
