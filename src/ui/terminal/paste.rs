//! Pasting text with newlines into the one-line input, as a terminal feeds it to bash: each
//! line ending in a newline is entered (echoed with its prompt, PS2 for a continuation), and
//! what follows the last newline stays in the input to be edited.

/// What a paste does: the lines to run in order, then the new input line and caret (byte
/// offset). `None` when the text holds no newline (the browser inserts it as usual).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paste {
    /// Complete lines, in order, without their newlines.
    pub lines: Vec<String>,
    /// What the input holds afterwards.
    pub rest: String,
    /// The caret in `rest`, as a byte offset.
    pub cursor: usize,
}

/// Splits `text` pasted into `line` at byte offset `caret`.
pub fn paste(line: &str, caret: usize, text: &str) -> Option<Paste> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if !text.contains('\n') {
        return None;
    }
    let mut at = caret.min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let (before, after) = line.split_at(at);
    let full = format!("{before}{text}{after}");
    let mut lines: Vec<String> = full.split('\n').map(str::to_string).collect();
    let rest = lines.pop().unwrap_or_default();
    let cursor = rest.len().saturating_sub(after.len());
    Some(Paste {
        lines,
        rest,
        cursor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_lines_run_one_by_one_and_the_tail_stays() {
        let p = paste("", 0, "for i in 1 2\r\ndo echo $i\ndone\n").unwrap();
        assert_eq!(p.lines, ["for i in 1 2", "do echo $i", "done"]);
        assert_eq!((p.rest.as_str(), p.cursor), ("", 0));
        let p = paste("echo ", 5, "a\nb").unwrap();
        assert_eq!(p.lines, ["echo a"]);
        assert_eq!((p.rest.as_str(), p.cursor), ("b", 1));
        let p = paste("x  y", 2, "1\n2").unwrap();
        assert_eq!(p.lines, ["x 1"]);
        assert_eq!((p.rest.as_str(), p.cursor), ("2 y", 1));
        assert_eq!(paste("ab", 1, "no newline"), None);
    }
}
