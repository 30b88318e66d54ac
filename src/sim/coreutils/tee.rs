//! `tee [-a] [FILE]...` and `tac [FILE]...`: stdin copied to files; lines reversed.

use super::args::parse;
use super::text::operands_or_stdin;
use super::{lines, Ctx};
use crate::sim::fs::WriteMode;

/// `tee`: copies stdin to stdout and to every FILE.
pub(super) fn tee(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "ai",
        "",
        &[("append", 'a'), ("ignore-interrupts", 'i')],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("tee", &e);
            return 1;
        }
    };
    let mode = if p.has('a') {
        WriteMode::Append
    } else {
        WriteMode::Truncate
    };
    let data = ctx.stdin.to_vec();
    let mut status = 0;
    for f in &p.operands {
        if let Err(e) = ctx.write_file(f, &data, mode) {
            ctx.err("tee", &format!("{f}: {}", e.kind.strerror()));
            status = 1;
        }
    }
    ctx.out.out(data);
    status
}

/// `tac`: the lines of each input, last first.
pub(super) fn tac(args: &[String], ctx: &mut Ctx) -> i32 {
    let mut status = 0;
    for f in operands_or_stdin(args) {
        match ctx.read_input(&f) {
            Ok(data) => {
                let mut out = Vec::with_capacity(data.len());
                let all = lines(&data);
                for (i, l) in all.iter().rev().enumerate() {
                    out.extend_from_slice(l);
                    if i == 0 && !l.ends_with(b"\n") && all.len() > 1 {
                        // GNU keeps a missing final newline where it was: on the last line read.
                    }
                }
                ctx.out.out(out);
            }
            Err(kind) => {
                ctx.err(
                    "tac",
                    &format!("failed to open '{f}' for reading: {}", kind.strerror()),
                );
                status = 1;
            }
        }
    }
    status
}
