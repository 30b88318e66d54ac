//! The form of the shell's own messages. Every diagnostic the interpreter prints starts with
//! `bash: `; a non-interactive shell (`bash -c`) names the line of the command that failed
//! (`bash: line 3: nosuch: command not found`), an interactive one does not.

use crate::sim::output::{Output, Stream};

/// The prefix every diagnostic starts with.
const PREFIX: &[u8] = b"bash: ";

/// Where `out` ends now: its chunk count and the length of its last chunk (a later write to
/// the same stream grows that chunk).
pub(super) fn mark(out: &Output) -> (usize, usize) {
    (
        out.chunks.len(),
        out.chunks.last().map_or(0, |(_, b)| b.len()),
    )
}

/// Adds `line N: ` after the `bash: ` of each diagnostic written to `out` since `mark` (the
/// ones of the command that starts on line `line`). Messages that already carry a line (from
/// a command nested deeper, or a child `bash -c`) are left as they are.
pub(super) fn number_lines(out: &mut Output, mark: (usize, usize), line: u32) {
    let tag = format!("line {line}: ");
    let first = mark.0.saturating_sub(1);
    for (k, (stream, bytes)) in out.chunks.iter_mut().enumerate().skip(first) {
        let from = if k + 1 == mark.0 {
            mark.1.min(bytes.len())
        } else {
            0
        };
        let new = bytes.get(from..).unwrap_or_default();
        if *stream != Stream::Stderr || !new.windows(PREFIX.len()).any(|w| w == PREFIX) {
            continue;
        }
        let mut fixed = bytes.get(..from).unwrap_or_default().to_vec();
        for piece in new.split_inclusive(|b| *b == b'\n') {
            match piece.strip_prefix(PREFIX) {
                Some(rest) if !rest.starts_with(b"line ") && !rest.starts_with(b"-c: ") => {
                    fixed.extend_from_slice(PREFIX);
                    fixed.extend_from_slice(tag.as_bytes());
                    fixed.extend_from_slice(rest);
                }
                _ => fixed.extend_from_slice(piece),
            }
        }
        *bytes = fixed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_get_their_line() {
        let mut out = Output::default();
        out.out("bash: not a message\n");
        out.err("bash: nosuch: command not found\nset: usage\n");
        out.err("bash: line 2: x: command not found\n");
        let at = mark(&out);
        out.err("bash: later: command not found\n");
        number_lines(&mut out, at, 5);
        number_lines(&mut out, (0, 0), 4);
        assert_eq!(
            String::from_utf8_lossy(&out.stream_bytes(Stream::Stderr)),
            "bash: line 4: nosuch: command not found\nset: usage\nbash: line 2: x: command not found\nbash: line 5: later: command not found\n"
        );
        assert_eq!(out.stream_bytes(Stream::Stdout), b"bash: not a message\n");
    }
}
