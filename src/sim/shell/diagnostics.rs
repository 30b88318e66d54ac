//! The form of the shell's own messages. Every diagnostic the interpreter prints starts with
//! `bash: `; a non-interactive shell (`bash -c`) names the line of the command that failed
//! (`bash: line 3: nosuch: command not found`), an interactive one does not.

use crate::sim::output::{Output, Stream};

/// The prefix every diagnostic starts with.
const PREFIX: &[u8] = b"bash: ";

/// Adds `line N: ` after the `bash: ` of each diagnostic written to `out` since chunk `mark`
/// (the ones of the command that starts on line `line`). Messages that already carry a line
/// (from a command nested deeper, or a child `bash -c`) are left as they are.
pub(super) fn number_lines(out: &mut Output, mark: usize, line: u32) {
    let tag = format!("line {line}: ");
    for (stream, bytes) in out.chunks.iter_mut().skip(mark) {
        if *stream != Stream::Stderr || !bytes.windows(PREFIX.len()).any(|w| w == PREFIX) {
            continue;
        }
        let mut fixed = Vec::with_capacity(bytes.len() + tag.len());
        for piece in bytes.split_inclusive(|b| *b == b'\n') {
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
        number_lines(&mut out, 0, 4);
        assert_eq!(
            String::from_utf8_lossy(&out.stream_bytes(Stream::Stderr)),
            "bash: line 4: nosuch: command not found\nset: usage\nbash: line 2: x: command not found\n"
        );
        assert_eq!(out.stream_bytes(Stream::Stdout), b"bash: not a message\n");
    }
}
