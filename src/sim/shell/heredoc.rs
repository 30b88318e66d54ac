//! Here-documents: `<<WORD` and `<<-WORD` redirections get their bodies from the lines after
//! the line that holds them, read when the lexer reaches that line's end. A quoted delimiter
//! (`<<'EOF'`, `<<"EOF"`, `<<\EOF`) keeps the body literal; otherwise `$`, `` ` `` and `\` work
//! as inside double quotes (but `"` is plain text).

use super::ast::{HereBody, Word, WordPart};
use super::parser::Parser;

/// A here-document whose body has not been read yet.
#[derive(Debug, Clone)]
pub(super) struct PendingHere {
    /// The delimiter line, quotes removed.
    delim: String,
    /// `<<-`: leading tabs are stripped from the body and the delimiter line.
    strip: bool,
    /// Some part of the delimiter was quoted: no expansion in the body.
    quoted: bool,
    /// Where the body goes.
    body: HereBody,
}

/// The delimiter as bash compares it: the word with its quotes removed.
fn delimiter(raw: &str) -> (String, bool) {
    let quoted = raw.contains(['\'', '"', '\\']);
    let mut delim = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {}
            '\\' => delim.extend(chars.next()),
            c => delim.push(c),
        }
    }
    (delim, quoted)
}

impl Parser {
    /// Notes a here-document opened by `<<` (or `<<-`, `strip`) with delimiter word `raw`; its
    /// body is read at the end of the current line.
    pub(super) fn open_heredoc(&mut self, raw: &str, strip: bool) -> HereBody {
        let (delim, quoted) = delimiter(raw);
        let body = HereBody::default();
        self.heredocs.push(PendingHere {
            delim,
            strip,
            quoted,
            body: body.clone(),
        });
        body
    }

    /// At the start of a line: reads the bodies of the here-documents opened on the line before.
    pub(super) fn read_heredocs(&mut self) {
        for here in std::mem::take(&mut self.heredocs) {
            let mut text = String::new();
            let mut closed = false;
            while self.pos < self.chars.len() {
                let end = (self.pos..self.chars.len())
                    .find(|&i| self.chars.get(i) == Some(&'\n'))
                    .unwrap_or(self.chars.len());
                let line = self.text(self.pos, end);
                self.pos = (end + 1).min(self.chars.len());
                let line = if here.strip {
                    line.trim_start_matches('\t')
                } else {
                    &line
                };
                if line == here.delim {
                    closed = true;
                    break;
                }
                text.push_str(line);
                text.push('\n');
            }
            if !closed && self.open_heredoc.is_none() {
                self.open_heredoc = Some((here.delim.clone(), here.strip));
            }
            let word = if here.quoted {
                Word {
                    parts: vec![WordPart::Quoted(text)],
                }
            } else {
                dquote_word(&text)
            };
            *here.body.borrow_mut() = word;
        }
    }

    /// At the end of the input: here-documents still waiting get empty bodies.
    pub(super) fn heredocs_at_eof(&mut self) {
        if let Some(first) = self.heredocs.first() {
            if self.open_heredoc.is_none() {
                self.open_heredoc = Some((first.delim.clone(), first.strip));
            }
            self.heredocs.clear();
        }
    }
}

/// Text read as the inside of double quotes (an unquoted here-document body, an arithmetic
/// expression before evaluation): `$…` and `` `…` `` expand, `"` is plain.
pub(super) fn dquote_word(text: &str) -> Word {
    let mut sub = Parser::new(text);
    let mut parts = Vec::new();
    match sub.dquote(&mut parts, true) {
        Ok(()) => Word { parts },
        // A body that does not parse (`$(` never closed) is taken literally.
        Err(_) => Word {
            parts: vec![WordPart::Quoted(text.to_string())],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::delimiter;

    #[test]
    fn delimiters_lose_their_quotes() {
        assert_eq!(delimiter("EOF"), ("EOF".into(), false));
        assert_eq!(delimiter("'EOF'"), ("EOF".into(), true));
        assert_eq!(delimiter("\"E\"OF"), ("EOF".into(), true));
        assert_eq!(delimiter("\\EOF"), ("EOF".into(), true));
    }
}
