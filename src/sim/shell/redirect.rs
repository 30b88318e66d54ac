//! Redirections: `>` `>>` `<` `2>` `2>&1` `&>`, here-documents and here-strings, and the `/dev/null`, `/dev/stdout`, `/dev/stderr`
//! special names. Output is collected per descriptor and written to files when the command ends.

use super::ast::{Redir, RedirOp};
use super::exec::{Interp, Stdin};
use crate::sim::output::{Output, Stream};

/// Where one file descriptor's writes end up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    Out,
    Err,
    Null,
    File(usize),
}

/// The descriptors of a command after its redirections.
struct Routing {
    fd1: Sink,
    fd2: Sink,
    files: Vec<(String, Vec<u8>)>,
    stdin: Option<Stdin>,
}

impl Interp<'_> {
    /// Applies `redirs` around `body`; a redirection that fails prints bash's error and returns 1.
    pub(super) fn with_redirs(
        &mut self,
        redirs: &[Redir],
        stdin: &mut Stdin,
        out: &mut Output,
        body: impl FnOnce(&mut Self, &mut Stdin, &mut Output) -> i32,
    ) -> i32 {
        if redirs.is_empty() {
            return body(self, stdin, out);
        }
        let mut routing = match self.open(redirs, out) {
            Ok(r) => r,
            Err(status) => return status,
        };
        let mut inner = Output::default();
        let tty = self.stdout_tty && !matches!(routing.fd1, Sink::File(_));
        let mut status = self.with_stdout_tty(tty, |me| match routing.stdin.as_mut() {
            Some(input) => body(me, input, &mut inner),
            None => body(me, stdin, &mut inner),
        });
        for (stream, bytes) in inner.chunks {
            let sink = if stream == Stream::Stdout {
                routing.fd1
            } else {
                routing.fd2
            };
            match sink {
                Sink::Out => out.out(&bytes),
                Sink::Err => out.err(&bytes),
                Sink::Null => self.refund(bytes.len()),
                Sink::File(i) => {
                    if let Some((_, data)) = routing.files.get_mut(i) {
                        data.extend_from_slice(&bytes);
                    }
                }
            }
        }
        for (path, data) in &routing.files {
            if !data.is_empty() {
                if let Err(e) = self.host.write_file(path, data, true) {
                    // The program saw the error (ENOSPC) on write(2) and fails, as
                    // `seq 9999 > full` prints `seq: write error: No space left on device`.
                    match self.writer.take() {
                        Some(who) => out.err(format!("{who}: write error: {e}\n")),
                        None => out.err(format!("bash: {path}: {e}\n")),
                    }
                    status = 1;
                }
            }
        }
        status
    }

    fn open(&mut self, redirs: &[Redir], out: &mut Output) -> Result<Routing, i32> {
        let mut r = Routing {
            fd1: Sink::Out,
            fd2: Sink::Err,
            files: Vec::new(),
            stdin: None,
        };
        for redir in redirs {
            if let Some(text) = self.here_text(redir, out) {
                let data = text?.into_bytes();
                if redir.fd == 0 {
                    r.stdin = Some(Stdin::bytes(data));
                }
                continue;
            }
            let target = match self.expand_fields(&redir.target, out) {
                Some(mut fields) if fields.len() == 1 => fields.pop().unwrap_or_default(),
                Some(_) => {
                    out.err(format!("bash: {}: ambiguous redirect\n", redir.text));
                    return Err(1);
                }
                None => return Err(1),
            };
            if target.is_empty() && redir.op != RedirOp::Dup {
                return Err(fail(out, "", "No such file or directory"));
            }
            let sink = match (redir.op, target.as_str()) {
                (RedirOp::Read, _) => {
                    if target != "/dev/stdin" {
                        let data = if target == "/dev/null" {
                            Ok(Vec::new())
                        } else {
                            self.host.read_file(&self.st.abs(&target))
                        };
                        match data {
                            Ok(d) if redir.fd == 0 => r.stdin = Some(Stdin::bytes(d)),
                            Ok(_) => {}
                            Err(e) => return Err(fail(out, &target, &e)),
                        }
                    }
                    continue;
                }
                (RedirOp::Dup, "1") => r.fd1,
                (RedirOp::Dup, "2") => r.fd2,
                (RedirOp::Dup, "-") => Sink::Null,
                (RedirOp::Dup, t) if t.chars().all(|c| c.is_ascii_digit()) || redir.fd != 1 => {
                    if redir.fd == 0 {
                        continue;
                    }
                    return Err(fail(out, t, "Bad file descriptor"));
                }
                (_, "/dev/null") => Sink::Null,
                (_, "/dev/stdout") => r.fd1,
                (_, "/dev/stderr") => r.fd2,
                (_, "/dev/tty") => Sink::Out,
                (op, t) => {
                    let append = matches!(op, RedirOp::Append | RedirOp::BothAppend);
                    let path = self.st.abs(t);
                    if self.host.is_dir(&path) {
                        return Err(fail(out, t, "Is a directory"));
                    }
                    if op == RedirOp::Write && self.st.opts.noclobber && self.host.exists(&path) {
                        return Err(fail(out, t, "cannot overwrite existing file"));
                    }
                    if let Err(e) = self.host.write_file(&path, &[], append) {
                        return Err(fail(out, t, &e));
                    }
                    r.files.push((path, Vec::new()));
                    Sink::File(r.files.len().saturating_sub(1))
                }
            };
            let both = matches!(redir.op, RedirOp::Both | RedirOp::BothAppend)
                || (redir.op == RedirOp::Dup
                    && redir.fd == 1
                    && !matches!(target.as_str(), "1" | "2" | "-"));
            match redir.fd {
                _ if both => {
                    r.fd1 = sink;
                    r.fd2 = sink;
                }
                1 => r.fd1 = sink,
                2 => r.fd2 = sink,
                _ => {}
            }
        }
        Ok(r)
    }
}

impl Interp<'_> {
    /// The input of a here-document or here-string (`None` for other redirections;
    /// `Some(Err(1))` when its expansion failed).
    fn here_text(&mut self, redir: &Redir, out: &mut Output) -> Option<Result<String, i32>> {
        let text = match (redir.op, &redir.body) {
            (RedirOp::HereDoc, Some(body)) => {
                let body = body.borrow().clone();
                self.expand_string(&body, out)
            }
            (RedirOp::HereString, _) => self.expand_string(&redir.target, out).map(|mut s| {
                s.push('\n');
                s
            }),
            _ => return None,
        };
        Some(text.ok_or(1))
    }
}

fn fail(out: &mut Output, what: &str, why: &str) -> i32 {
    out.err(format!("bash: {what}: {why}\n"));
    1
}
