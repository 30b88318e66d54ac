//! Programs that change the tree: mkdir, rm, rmdir, touch, cp, mv, ln.

use super::args::{parse, Parsed};
use super::Ctx;
use crate::sim::event::EventKind;
use crate::sim::fs::{FsErrorKind, NodeKind, WriteMode};

/// Entries `rm -r`/`cp -r` handle at most, so a huge tree still ends.
const MAX_ENTRIES: usize = 10_000;

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
        let last = d
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let result = if last == "." {
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
fn remove_tree(ctx: &mut Ctx, shown: &str, budget: &mut usize) -> bool {
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

/// Splits `cp`/`mv` operands into sources and the destination for each, or prints the error.
fn plan(prog: &str, ops: &[String], ctx: &mut Ctx) -> Option<Vec<(String, String)>> {
    let (dest, sources) = match ops {
        [] => {
            ctx.usage(prog, "missing file operand");
            return None;
        }
        [only] => {
            ctx.usage(
                prog,
                &format!("missing destination file operand after '{only}'"),
            );
            return None;
        }
        [sources @ .., dest] => (dest, sources),
    };
    let dest_is_dir = ctx
        .fs
        .stat(ctx.ns, &ctx.abs(dest))
        .is_ok_and(|m| m.kind == NodeKind::Dir);
    if sources.len() > 1 && !dest_is_dir {
        ctx.err(prog, &format!("target '{dest}' is not a directory"));
        return None;
    }
    Some(
        sources
            .iter()
            .map(|s| {
                let to = if dest_is_dir {
                    let base = s.trim_end_matches('/').rsplit('/').next().unwrap_or(s);
                    format!("{}/{base}", dest.trim_end_matches('/'))
                } else {
                    dest.clone()
                };
                (s.clone(), to)
            })
            .collect(),
    )
}

/// `cp [-r] SOURCE DEST`, `cp [-r] SOURCE... DIRECTORY`.
pub(super) fn cp(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "rRapfv", "", &[("recursive", 'r')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("cp", &e);
            return 1;
        }
    };
    let Some(pairs) = plan("cp", &p.operands, ctx) else {
        return 1;
    };
    let recursive = p.has('r') || p.has('R') || p.has('a');
    let mut status = 0;
    let mut budget = MAX_ENTRIES;
    for (from, to) in pairs {
        if !copy("cp", ctx, &from, &to, recursive, &mut budget) {
            status = 1;
        }
    }
    status
}

/// Copies `from` to `to` (both as typed), printing `prog`'s errors; false on an error.
fn copy(
    prog: &str,
    ctx: &mut Ctx,
    from: &str,
    to: &str,
    recursive: bool,
    budget: &mut usize,
) -> bool {
    *budget = budget.saturating_sub(1);
    let (src, dst) = (ctx.abs(from), ctx.abs(to));
    let meta = match ctx.fs.stat(ctx.ns, &src) {
        Ok(m) => m,
        Err(e) => {
            ctx.err(
                prog,
                &format!("cannot stat '{from}': {}", e.kind.strerror()),
            );
            return false;
        }
    };
    if meta.kind != NodeKind::Dir {
        let data = ctx.fs.read(ctx.ns, &src).unwrap_or_default();
        return match ctx.write_file(to, &data, WriteMode::Truncate) {
            Ok(_) => true,
            Err(e) => {
                let what = if e.kind == FsErrorKind::NoSpace {
                    "error writing"
                } else {
                    "cannot create regular file"
                };
                ctx.err(prog, &format!("{what} '{to}': {}", e.kind.strerror()));
                false
            }
        };
    }
    if !recursive {
        ctx.err(
            prog,
            &format!("-r not specified; omitting directory '{from}'"),
        );
        return false;
    }
    if dst == src || dst.starts_with(&format!("{}/", src.trim_end_matches('/'))) {
        ctx.err(
            prog,
            &format!("cannot copy a directory, '{from}', into itself, '{to}'"),
        );
        return false;
    }
    if ctx.fs.stat(ctx.ns, &dst).is_err() {
        match ctx.fs.mkdir(ctx.ns, &dst, *ctx.now_ms) {
            Ok(ino) => {
                let volume = ctx.fs.volume_of(ino);
                ctx.events.push(EventKind::DirCreated {
                    path: dst.clone(),
                    inode: ino,
                    volume,
                });
            }
            Err(e) => {
                ctx.err(
                    prog,
                    &format!("cannot create directory '{to}': {}", e.kind.strerror()),
                );
                return false;
            }
        }
    }
    let mut ok = true;
    for (name, _) in ctx.fs.read_dir(ctx.ns, &src).unwrap_or_default() {
        if *budget == 0 {
            return false;
        }
        let (f, t) = (
            format!("{}/{name}", from.trim_end_matches('/')),
            format!("{}/{name}", to.trim_end_matches('/')),
        );
        ok &= copy(prog, ctx, &f, &t, true, budget);
    }
    ok
}

/// `mv SOURCE DEST`, `mv SOURCE... DIRECTORY`; across mounts it copies, then removes.
pub(super) fn mv(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "fiv", "", &[]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("mv", &e);
            return 1;
        }
    };
    let Some(pairs) = plan("mv", &p.operands, ctx) else {
        return 1;
    };
    let mut status = 0;
    for (from, to) in pairs {
        let (src, dst) = (ctx.abs(&from), ctx.abs(&to));
        let volume = ctx.fs.volume_at(ctx.ns, &src);
        match ctx.fs.rename(ctx.ns, &src, &dst, *ctx.now_ms) {
            Ok(()) => {
                ctx.events
                    .push(EventKind::FileRemoved { path: src, volume });
                announce(ctx, &dst);
            }
            Err(e) if e.kind == FsErrorKind::CrossDevice => {
                let mut budget = MAX_ENTRIES;
                if !copy("mv", ctx, &from, &to, true, &mut budget)
                    || !remove_tree(ctx, &from, &mut budget)
                {
                    status = 1;
                }
            }
            Err(e) => {
                let msg = match e.kind {
                    FsErrorKind::NotFound if ctx.fs.lstat(ctx.ns, &src).is_err() => {
                        format!("cannot stat '{from}': {}", e.kind.strerror())
                    }
                    FsErrorKind::InvalidArgument => {
                        format!("cannot move '{from}' to a subdirectory of itself, '{to}'")
                    }
                    k => format!("cannot move '{from}' to '{to}': {}", k.strerror()),
                };
                ctx.err("mv", &msg);
                status = 1;
            }
        }
    }
    status
}

/// Pushes `FileWritten` for a file that appeared at `path` (by rename).
fn announce(ctx: &mut Ctx, path: &str) {
    if let Ok(m) = ctx.fs.lstat(ctx.ns, path) {
        let result = Ok(crate::sim::fs::WriteInfo {
            ino: m.ino,
            size: m.size,
            volume: ctx.fs.volume_of(m.ino),
            created: true,
        });
        ctx.record_write(path, &result);
    }
}

/// `ln -s [-f] TARGET LINK_NAME` (or into a directory). Hard links are not simulated.
pub(super) fn ln(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "sfnv", "", &[("symbolic", 's'), ("force", 'f')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("ln", &e);
            return 1;
        }
    };
    let (target, link) = match p.operands.as_slice() {
        [] => {
            ctx.usage("ln", "missing file operand");
            return 1;
        }
        [t] => (
            t.clone(),
            t.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(t)
                .to_string(),
        ),
        [t, l] => (t.clone(), l.clone()),
        _ => {
            ctx.usage("ln", "too many arguments for this simulation");
            return 1;
        }
    };
    let mut link = link;
    if ctx
        .fs
        .stat(ctx.ns, &ctx.abs(&link))
        .is_ok_and(|m| m.kind == NodeKind::Dir)
    {
        let base = target
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(&target)
            .to_string();
        link = format!("{}/{base}", link.trim_end_matches('/'));
    }
    let abs = ctx.abs(&link);
    if !p.has('s') {
        ctx.err(
            "ln",
            &format!("failed to create hard link '{link}' => '{target}': Operation not permitted"),
        );
        return 1;
    }
    if p.has('f')
        && ctx
            .fs
            .lstat(ctx.ns, &abs)
            .is_ok_and(|m| m.kind != NodeKind::Dir)
    {
        let _ = ctx.fs.remove_file(ctx.ns, &abs);
    }
    match ctx.fs.symlink(ctx.ns, &target, &abs, *ctx.now_ms) {
        Ok(()) => {
            announce(ctx, &abs);
            0
        }
        Err(e) => {
            ctx.err(
                "ln",
                &format!(
                    "failed to create symbolic link '{link}': {}",
                    e.kind.strerror()
                ),
            );
            1
        }
    }
}
