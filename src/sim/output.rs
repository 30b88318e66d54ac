//! What a program prints: stdout and stderr kept as ordered chunks, so a terminal can show them
//! interleaved exactly as a real one would while redirections can still split them apart.

use serde::Serialize;

/// One of a process's two output streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Stream {
    /// File descriptor 1.
    Stdout,
    /// File descriptor 2.
    Stderr,
}

/// Ordered output of a program run: every write, tagged with the stream it went to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// The writes in the order they happened.
    pub chunks: Vec<(Stream, Vec<u8>)>,
}

impl Output {
    /// Appends bytes written to stdout.
    pub fn out(&mut self, bytes: impl AsRef<[u8]>) {
        self.push(Stream::Stdout, bytes.as_ref());
    }

    /// Appends bytes written to stderr.
    pub fn err(&mut self, bytes: impl AsRef<[u8]>) {
        self.push(Stream::Stderr, bytes.as_ref());
    }

    /// Appends bytes to `stream`, merging with the previous chunk when it went to the same stream.
    pub fn push(&mut self, stream: Stream, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some((last, buf)) if *last == stream => buf.extend_from_slice(bytes),
            _ => self.chunks.push((stream, bytes.to_vec())),
        }
    }

    /// Everything written to one stream, concatenated.
    pub fn stream_bytes(&self, stream: Stream) -> Vec<u8> {
        self.chunks
            .iter()
            .filter(|(s, _)| *s == stream)
            .flat_map(|(_, b)| b.iter().copied())
            .collect()
    }

    /// Everything written to either stream, in order, as a terminal shows it.
    pub fn interleaved(&self) -> Vec<u8> {
        self.chunks
            .iter()
            .flat_map(|(_, b)| b.iter().copied())
            .collect()
    }

    /// Total bytes written to both streams.
    pub fn len(&self) -> usize {
        self.chunks.iter().map(|(_, b)| b.len()).sum()
    }

    /// True when nothing was written.
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// Appends every chunk of `other` after this output's chunks.
    pub fn extend(&mut self, other: Output) {
        for (stream, bytes) in other.chunks {
            self.push(stream, &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_interleaving_and_merges_neighbours() {
        let mut o = Output::default();
        o.out("a");
        o.out("b");
        o.err("E");
        o.out("c");
        assert_eq!(o.chunks.len(), 3);
        assert_eq!(o.interleaved(), b"abEc");
        assert_eq!(o.stream_bytes(Stream::Stdout), b"abc");
        assert_eq!(o.stream_bytes(Stream::Stderr), b"E");
    }
}
