//! `stat`: the full GNU report on a file (default format of coreutils 9.1).

use super::args::parse;
use super::ls::{blocks_1k, mode_string};
use super::stat_format::{escapes, expand, stat_time, Subject};
use super::Ctx;
use crate::sim::fs::NodeKind;

/// `stat [-L] [-c FORMAT | --printf FORMAT] FILE...`.
pub(super) fn stat(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [("dereference", 'L'), ("format", 'c'), ("printf", 'P')];
    let p = match parse(args, "L", "cP", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("stat", &e);
            return 1;
        }
    };
    if p.operands.is_empty() {
        ctx.usage("stat", "missing operand");
        return 1;
    }
    let mut status = 0;
    for f in &p.operands {
        let abs = ctx.abs(f);
        let result = if p.has('L') {
            ctx.fs.stat(ctx.ns, &abs)
        } else {
            ctx.fs.lstat(ctx.ns, &abs)
        };
        match result {
            Ok(m) => {
                let link = if m.kind == NodeKind::Symlink {
                    ctx.fs.read_link(ctx.ns, &abs).ok()
                } else {
                    None
                };
                let device = if ctx.fs.volume_of(m.ino).is_some() {
                    (254, 1)
                } else {
                    (0, 52)
                };
                let subject = Subject {
                    name: f,
                    meta: &m,
                    link: link.as_deref(),
                    device,
                };
                let text = match (p.value('c'), p.value('P')) {
                    (_, Some(format)) => expand(&escapes(format), &subject, ctx),
                    (Some(format), None) => format!("{}\n", expand(format, &subject, ctx)),
                    (None, None) => report(&subject, ctx),
                };
                ctx.out.out(text);
            }
            Err(e) => {
                ctx.err(
                    "stat",
                    &format!("cannot statx '{f}': {}", e.kind.strerror()),
                );
                status = 1;
            }
        }
    }
    status
}

/// The report for one file.
fn report(s: &Subject, ctx: &Ctx) -> String {
    let (name, m, link) = (s.name, s.meta, s.link);
    let device = format!("{},{}", s.device.0, s.device.1);
    let kind = match m.kind {
        NodeKind::Dir => "directory",
        NodeKind::Symlink => "symbolic link",
        NodeKind::File if m.size == 0 => "regular empty file",
        NodeKind::File => "regular file",
    };
    let shown = match link {
        Some(t) => format!("{name} -> {t}"),
        None => name.to_string(),
    };
    let time = stat_time(m.mtime_ms);
    let blocks = blocks_1k(m).saturating_mul(2);
    format!(
        "  File: {shown}\n  Size: {:<10}\tBlocks: {:<10} IO Block: 4096   {kind}\nDevice: {device}\tInode: {:<11} Links: {}\n\
         Access: ({:04o}/{})  Uid: ({:>5}/{:>8})   Gid: ({:>5}/{:>8})\nAccess: {time}\nModify: {time}\nChange: {time}\n Birth: {time}\n",
        m.size,
        blocks,
        m.ino,
        m.nlink,
        m.mode & 0o7777,
        mode_string(m),
        m.uid,
        ctx.id_name(m.uid, false),
        m.gid,
        ctx.id_name(m.gid, true),
    )
}
