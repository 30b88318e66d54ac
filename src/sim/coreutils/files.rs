//! Programs that create and remove names in the tree: mkdir, rmdir, rm, touch.

use super::args::{parse, Parsed};
use super::Ctx;
use crate::sim::event::EventKind;
use crate::sim::fs::{FsErrorKind, NodeKind};

/// Entries `rm -r`/`cp -r` handle at most, so a huge tree still ends.
pub(super) const MAX_ENTRIES: usize = 10_000;

/// The last component of `path` as typed, trailing slashes ignored (`a/b/` gives `b`).
pub(super) fn last_component(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// Parses `args` or prints GNU's option error for `prog`.
fn opts(
    prog: &str,
    args: &[String],
    flags: &str,
    long: &[(&str, char)],
    ctx: &mut Ctx,
) -> Option<Parsed> {
    match parse(args, flags, "", long) {
        Ok(p) if p.operands.is_empty() => {
            ctx.usage(prog, "missing operand");
            None
        }
        Ok(p) => Some(p),
        Err(e) => {
            ctx.usage(prog, &e);
            None
        }
    }
}

/// `mkdir [-p] DIR...`.
pub(super) fn mkdir(args: &[String], ctx: &mut Ctx) -> i32 {
    let Some(p) = opts("mkdir", args, "pv", &[("parents", 'p')], ctx) else {
        return 1;
    };
    let mut status = 0;
    for d in &p.operands {
        let targets: Vec<String> = if p.has('p') {
            let mut acc = if d.starts_with('/') {
                String::from("/")
            } else {
                String::new()
            };
            d.split('/')
                .filter(|c| !c.is_empty())
                .map(|c| {
                    if !acc.is_empty() && !acc.ends_with('/') {
                        acc.push('/');
                    }
                    acc.push_str(c);
                    acc.clone()
                })
                // Past PATH_MAX every prefix fails the same way: stop at the first one.
                .scan(false, |past_max, t| {
                    (!*past_max).then(|| {
                        *past_max = t.len() >= crate::sim::fs::PATH_MAX;
                        t
                    })
                })
                .collect()
        } else {
            vec![d.clone()]
        };
        for t in targets {
            let abs = ctx.abs(&t);
            let existing = ctx.fs.stat(ctx.ns, &abs).ok().map(|m| m.kind);
            if p.has('p') && existing == Some(NodeKind::Dir) {
                continue;
            }
            let result = match existing {
                Some(_) if p.has('p') => Err(crate::sim::fs::FsError::new(
                    FsErrorKind::NotADirectory,
                    &abs,
                )),
                _ => ctx.fs.mkdir(ctx.ns, &abs, *ctx.now_ms),
            };
            match result {
                Ok(ino) => {
                    let volume = ctx.fs.volume_of(ino);
                    ctx.events.push(EventKind::DirCreated {
                        path: abs,
                        inode: ino,
                        volume,
                    });
                }
                Err(e) => {
                    ctx.err(
                        "mkdir",
                        &format!("cannot create directory '{t}': {}", e.kind.strerror()),
                    );
                    status = 1;
                    break;
                }
            }
        }
    }
    status
}

/// `rmdir DIR...`.
pub(super) fn rmdir(args: &[String], ctx: &mut Ctx) -> i32 {
    let Some(p) = opts("rmdir", args, "pv", &[], ctx) else {
        return 1;
    };
    let mut status = 0;
    for d in &p.operands {
        let abs = ctx.abs(d);
        let result = if last_component(d) == "." {
            Err(FsErrorKind::InvalidArgument)
        } else {
            ctx.fs.remove_dir(ctx.ns, &abs).map_err(|e| e.kind)
        };
        match result {
            Ok(()) => ctx.events.push(EventKind::FileRemoved {
                volume: volume_near(ctx, &abs),
                path: abs,
            }),
            Err(k) => {
                ctx.err(
                    "rmdir",
                    &format!("failed to remove '{d}': {}", k.strerror()),
                );
                status = 1;
            }
        }
    }
    status
}

/// The volume holding the directory `path` was in (after it is gone, its parent's).
fn volume_near(ctx: &Ctx, path: &str) -> Option<String> {
    ctx.fs.volume_at(ctx.ns, &ctx.abs(&format!("{path}/..")))
}

/// `rm [-rf] FILE...`.
pub(super) fn rm(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [("recursive", 'r'), ("force", 'f')];
    let p = match parse(args, "rRfiv", "", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("rm", &e);
            return 1;
        }
    };
    if p.operands.is_empty() {
        if p.has('f') {
            return 0;
        }
        ctx.usage("rm", "missing operand");
        return 1;
    }
    let recursive = p.has('r') || p.has('R');
    let mut status = 0;
    let mut budget = MAX_ENTRIES;
    for f in &p.operands {
        let abs = ctx.abs(f);
        if recursive && abs == "/" {
            ctx.out.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
            status = 1;
            continue;
        }
        match ctx.fs.lstat(ctx.ns, &abs) {
            Err(e) if e.kind == FsErrorKind::NotFound && p.has('f') => {}
            Err(e) => {
                ctx.err("rm", &format!("cannot remove '{f}': {}", e.kind.strerror()));
                status = 1;
            }
            Ok(m) if m.kind == NodeKind::Dir && !recursive => {
                ctx.err("rm", &format!("cannot remove '{f}': Is a directory"));
                status = 1;
            }
            Ok(_) => {
                if !remove_tree(ctx, f, &mut budget) {
                    status = 1;
                }
            }
        }
    }
    status
}

/// Removes `shown` (as typed) and, for a directory, everything below it; false on an error.
pub(super) fn remove_tree(ctx: &mut Ctx, shown: &str, budget: &mut usize) -> bool {
    *budget = budget.saturating_sub(1);
    let abs = ctx.abs(shown);
    let Ok(meta) = ctx.fs.lstat(ctx.ns, &abs) else {
        return false;
    };
    let volume = ctx.fs.volume_of(meta.ino);
    let mut ok = true;
    let result = if meta.kind == NodeKind::Dir {
        for (name, _) in ctx.fs.read_dir(ctx.ns, &abs).unwrap_or_default() {
            if *budget == 0 {
                return false;
            }
            ok &= remove_tree(
                ctx,
                &format!("{}/{name}", shown.trim_end_matches('/')),
                budget,
            );
        }
        ctx.fs.remove_dir(ctx.ns, &abs)
    } else {
        ctx.fs.remove_file(ctx.ns, &abs)
    };
    match result {
        Ok(()) => ctx
            .events
            .push(EventKind::FileRemoved { path: abs, volume }),
        Err(e) => {
            if ok || e.kind != FsErrorKind::DirectoryNotEmpty {
                ctx.err(
                    "rm",
                    &format!("cannot remove '{shown}': {}", e.kind.strerror()),
                );
            }
            ok = false;
        }
    }
    ok
}

/// `touch FILE...`: creates missing files, updates the mtime of others.
pub(super) fn touch(args: &[String], ctx: &mut Ctx) -> i32 {
    let Some(p) = opts("touch", args, "acm", &[], ctx) else {
        return 1;
    };
    let mut status = 0;
    for f in &p.operands {
        let abs = ctx.abs(f);
        let result = ctx.fs.touch(ctx.ns, &abs, *ctx.now_ms);
        if result.as_ref().map_or(true, |w| w.created) {
            ctx.record_write(&abs, &result);
        }
        if let Err(e) = result {
            ctx.err(
                "touch",
                &format!("cannot touch '{f}': {}", e.kind.strerror()),
            );
            status = 1;
        }
    }
    status
}
