//! bash's ways of quoting a value so that it reads back as itself: `printf %q` (backslashes),
//! `${x@Q}` (single quotes), and the form `set` and `alias` print (quotes only when needed);
//! control characters always go into `$'…'`.

/// Characters `printf %q` escapes with a backslash.
const SPECIAL: &str = " \t|&;()<>!{}[]*?$`'\"\\#~=%^,";

/// True when a value needs no quoting at all.
fn plain(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "_-./:@+=%,".contains(c) || !c.is_ascii())
}

/// `$'…'` with C escapes, for values holding control characters.
fn ansi_c(s: &str) -> String {
    let mut out = String::from("$'");
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            '\x1b' => out.push_str("\\E"),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\{:03o}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn has_control(s: &str) -> bool {
    s.chars().any(char::is_control)
}

/// `printf %q`.
pub(super) fn backslashed(s: &str) -> String {
    if s.is_empty() {
        return "''".to_string();
    }
    if has_control(s) {
        return ansi_c(s);
    }
    let mut out = String::with_capacity(s.len() + 4);
    for (i, c) in s.chars().enumerate() {
        // `~` and `=` are special only where they start a word… as bash 5.2 decides: `~` first.
        let special = match c {
            '~' | '#' => i == 0,
            '=' | '%' | ',' => false,
            c => SPECIAL.contains(c),
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `${x@Q}`: always single-quoted (`'it'\''s'`), `$'…'` for control characters.
pub(super) fn single_quoted(s: &str) -> String {
    if has_control(s) {
        return ansi_c(s);
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The form `set` and `alias` print: as is when safe, else single-quoted.
pub(super) fn when_needed(s: &str) -> String {
    if s.is_empty() || plain(s) {
        s.to_string()
    } else {
        single_quoted(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_styles() {
        assert_eq!(backslashed("a b"), "a\\ b");
        assert_eq!(backslashed("it's"), "it\\'s");
        assert_eq!(backslashed(""), "''");
        assert_eq!(backslashed("tab\there"), "$'tab\\there'");
        assert_eq!(backslashed("x~y"), "x~y");
        assert_eq!(backslashed("#a"), "\\#a");
        assert_eq!(backslashed("a=b"), "a=b");
        assert_eq!(single_quoted("it's a test"), "'it'\\''s a test'");
        assert_eq!(single_quoted(""), "''");
        assert_eq!(when_needed("x y"), "'x y'");
        assert_eq!(when_needed("plain"), "plain");
        assert_eq!(when_needed("a\nb"), "$'a\\nb'");
    }
}
