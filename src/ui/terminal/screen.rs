//! What a terminal shows: the entries it was given, laid out as rows, trimmed to the newest ones.
//!
//! An entry is one command's echo (prompt + the line typed) followed by what it printed. Rows
//! follow the terminal, not the entries: output that does not end in a newline leaves its row
//! open, and the next prompt continues on it (`printf hi` then shows `hiroot@…# `), as in bash.
//! Only the newest `max_rows` rows are built; older output is counted, not parsed, so a
//! megabyte of `cat` costs one scan.

use super::ansi::{self, Span};

/// One thing a terminal printed: an optional echo of the command line, then its output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermEntry {
    /// The prompt shown before the command (`root@two-containers:/# `); `None` for output that
    /// appeared without a command, e.g. a banner.
    pub prompt: Option<String>,
    /// The line as typed (ignored without a prompt).
    pub command: String,
    /// What the command wrote to the terminal, stdout and stderr interleaved, possibly with SGR
    /// escapes.
    pub output: String,
}

impl TermEntry {
    /// A command line and its output.
    pub fn command(
        prompt: impl Into<String>,
        command: impl Into<String>,
        output: impl Into<String>,
    ) -> Self {
        Self {
            prompt: Some(prompt.into()),
            command: command.into(),
            output: output.into(),
        }
    }

    /// Output with no command line before it.
    pub fn output(text: impl Into<String>) -> Self {
        Self {
            prompt: None,
            command: String::new(),
            output: text.into(),
        }
    }

    /// A line abandoned with Ctrl-C at the prompt: bash shows it followed by `^C`.
    pub fn cancelled(prompt: impl Into<String>, line: &str) -> Self {
        Self::command(prompt, format!("{line}^C"), "")
    }

    /// The entry as plain text (no escapes), as it reads on screen.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        if let Some(prompt) = &self.prompt {
            out.push_str(prompt);
            out.push_str(&self.command);
            out.push('\n');
        }
        out.push_str(&ansi::plain(&self.output));
        out
    }
}

/// A piece of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// A prompt echo.
    Prompt(String),
    /// The command line typed after a prompt.
    Command(String),
    /// Program output in one style.
    Output(Span),
}

/// What to draw: rows of pieces, and how many older rows were left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Screen {
    /// Rows before the first drawn one.
    pub hidden: usize,
    /// The drawn rows, oldest first.
    pub rows: Vec<Vec<Piece>>,
}

/// Row bookkeeping shared by the counting and the building pass.
struct Cursor {
    /// Rows begun so far.
    rows: usize,
    /// Whether the last row is still open (its text had no newline yet).
    open: bool,
}

impl Cursor {
    /// Index of the row the next piece lands on, beginning a row if none is open.
    fn land(&mut self) -> usize {
        if !self.open {
            self.rows = self.rows.saturating_add(1);
            self.open = true;
        }
        self.rows.saturating_sub(1)
    }

    /// Walks one entry without building anything.
    fn count(&mut self, entry: &TermEntry) {
        if entry.prompt.is_some() {
            self.land();
            self.open = false;
        }
        let lines = ansi::line_count(&entry.output);
        if lines > 0 {
            // The first output line may continue an open row; every later one begins a row.
            self.land();
            self.rows = self.rows.saturating_add(lines.saturating_sub(1));
            self.open = !entry.output.ends_with('\n');
        }
    }
}

/// Lays out `entries`, keeping the newest `max_rows` rows.
pub fn layout(entries: &[TermEntry], max_rows: usize) -> Screen {
    let mut total = Cursor {
        rows: 0,
        open: false,
    };
    for entry in entries {
        total.count(entry);
    }
    let hidden = total.rows.saturating_sub(max_rows);
    let mut screen = Screen {
        hidden,
        rows: Vec::new(),
    };
    let mut at = Cursor {
        rows: 0,
        open: false,
    };
    for entry in entries {
        let before = Cursor {
            rows: at.rows,
            open: at.open,
        };
        at.count(entry);
        if at.rows <= hidden {
            continue; // every row this entry touches is hidden
        }
        let mut walk = before;
        if let Some(prompt) = &entry.prompt {
            let row = walk.land();
            push(&mut screen, row, hidden, Piece::Prompt(prompt.clone()));
            push(
                &mut screen,
                row,
                hidden,
                Piece::Command(entry.command.clone()),
            );
            walk.open = false;
        }
        if entry.output.is_empty() {
            continue;
        }
        let first = walk.land();
        let skip = hidden.saturating_sub(first);
        for (offset, line) in ansi::parse(&entry.output, skip).into_iter().enumerate() {
            let row = first.saturating_add(skip).saturating_add(offset);
            ensure_row(&mut screen, row, hidden);
            for span in line.spans {
                push(&mut screen, row, hidden, Piece::Output(span));
            }
        }
    }
    screen
}

/// Makes sure the row exists even if nothing is drawn on it (an empty output line).
fn ensure_row(screen: &mut Screen, row: usize, hidden: usize) {
    if let Some(index) = row.checked_sub(hidden) {
        while screen.rows.len() <= index {
            screen.rows.push(Vec::new());
        }
    }
}

fn push(screen: &mut Screen, row: usize, hidden: usize, piece: Piece) {
    ensure_row(screen, row, hidden);
    if let Some(cells) = row.checked_sub(hidden).and_then(|i| screen.rows.get_mut(i)) {
        cells.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The screen as text, one row per line, with `[P]` and `[C]` marking prompt and command.
    fn text(screen: &Screen) -> Vec<String> {
        screen
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|piece| match piece {
                        Piece::Prompt(p) => format!("[P]{p}"),
                        Piece::Command(c) => format!("[C]{c}"),
                        Piece::Output(span) => span.text.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    const PROMPT: &str = "root@pod:/# ";

    #[test]
    fn echo_then_output_rows() {
        let entries = [
            TermEntry::command(PROMPT, "ls", "a\nb\n"),
            TermEntry::command(PROMPT, "true", ""),
        ];
        let screen = layout(&entries, 100);
        assert_eq!(screen.hidden, 0);
        assert_eq!(
            text(&screen),
            ["[P]root@pod:/# [C]ls", "a", "b", "[P]root@pod:/# [C]true"]
        );
    }

    #[test]
    fn unterminated_output_shares_its_row_with_the_next_prompt() {
        let entries = [
            TermEntry::command(PROMPT, "printf hi", "hi"),
            TermEntry::command(PROMPT, "", ""),
        ];
        assert_eq!(
            text(&layout(&entries, 100)),
            ["[P]root@pod:/# [C]printf hi", "hi[P]root@pod:/# [C]"]
        );
    }

    #[test]
    fn empty_lines_are_rows_too() {
        let entries = [TermEntry::output("a\n\nb\n")];
        assert_eq!(text(&layout(&entries, 100)), ["a", "", "b"]);
    }

    #[test]
    fn trimming_keeps_the_newest_rows_and_counts_the_rest() {
        let big: String = (1..=5000).map(|i| format!("line {i}\n")).collect();
        let entries = [
            TermEntry::command(PROMPT, "seq", "x\n"),
            TermEntry::command(PROMPT, "cat big", big),
            TermEntry::command(PROMPT, "echo done", "done\n"),
        ];
        let screen = layout(&entries, 2000);
        assert_eq!(screen.rows.len(), 2000);
        // 2 + 1 + 5000 + 2 = 5005 rows in all.
        assert_eq!(screen.hidden, 3005);
        let rows = text(&screen);
        assert_eq!(rows.first().map(String::as_str), Some("line 3003"));
        assert_eq!(rows[1997], "line 5000");
        assert_eq!(rows[1998], "[P]root@pod:/# [C]echo done");
        assert_eq!(rows[1999], "done");
    }

    #[test]
    fn trimming_at_an_echo_keeps_the_echo_whole() {
        let entries = [
            TermEntry::command(PROMPT, "a", "1\n"),
            TermEntry::command(PROMPT, "b", "2\n"),
        ];
        assert_eq!(text(&layout(&entries, 2)), ["[P]root@pod:/# [C]b", "2"]);
        assert_eq!(layout(&entries, 2).hidden, 2);
        assert_eq!(layout(&entries, 0).rows.len(), 0);
    }

    #[test]
    fn plain_text_reads_like_the_screen() {
        let entry = TermEntry::command(PROMPT, "ls", "\x1b[1;34mdir\x1b[0m\n");
        assert_eq!(entry.plain_text(), "root@pod:/# ls\ndir\n");
        assert_eq!(
            TermEntry::cancelled(PROMPT, "ech").plain_text(),
            "root@pod:/# ech^C\n"
        );
    }
}
