//! `readlink` and `realpath` (GNU coreutils 9.1): a symlink's target, or a path made canonical
//! (symlinks followed, `.` and `..` gone) with the three strictness modes `-e`, `-f`/`-E`, `-m`.

use super::args::parse;
use super::Ctx;
use crate::sim::fs::{FsErrorKind, NodeKind};

/// How much of a path must exist for it to be made canonical.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Must {
    /// `-e`: every component.
    All,
    /// `-f` (readlink), the default of realpath: all but the last.
    AllButLast,
    /// `-m`: none.
    Nothing,
}

/// Most symlinks one path may go through (Linux's `MAXSYMLINKS`).
const MAX_LINKS: usize = 40;

/// The canonical absolute form of `path`.
fn canonical(ctx: &Ctx, path: &str, must: Must) -> Result<String, FsErrorKind> {
    let mut pending: Vec<String> = ctx
        .abs(path)
        .split('/')
        .filter(|c| !c.is_empty())
        .rev()
        .map(str::to_string)
        .collect();
    let mut done: Vec<String> = Vec::new();
    let mut links = 0;
    while let Some(comp) = pending.pop() {
        match comp.as_str() {
            "." => continue,
            ".." => {
                done.pop();
                continue;
            }
            _ => {}
        }
        let candidate = format!(
            "/{}",
            [done.as_slice(), std::slice::from_ref(&comp)]
                .concat()
                .join("/")
        );
        let last = pending.iter().all(|c| c == ".");
        match ctx.fs.lstat(ctx.ns, &candidate) {
            Ok(m) if m.kind == NodeKind::Symlink => {
                links += 1;
                if links > MAX_LINKS {
                    return Err(FsErrorKind::SymlinkLoop);
                }
                let target = ctx.fs.read_link(ctx.ns, &candidate).map_err(|e| e.kind)?;
                if target.starts_with('/') {
                    done.clear();
                }
                pending.extend(
                    target
                        .split('/')
                        .filter(|c| !c.is_empty())
                        .rev()
                        .map(str::to_string),
                );
            }
            Ok(m) => {
                if m.kind != NodeKind::Dir && !last && must != Must::Nothing {
                    return Err(FsErrorKind::NotADirectory);
                }
                done.push(comp);
            }
            Err(e) => {
                let fine = match must {
                    Must::All => false,
                    Must::AllButLast => last,
                    Must::Nothing => true,
                };
                if !fine {
                    return Err(e.kind);
                }
                done.push(comp);
            }
        }
    }
    Ok(format!("/{}", done.join("/")))
}

/// `readlink [-f|-e|-m] [-n] [-z] FILE...`: without a mode, the target of each symlink (status
/// 1, silently, for anything else).
pub(super) fn readlink(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("canonicalize", 'f'),
        ("canonicalize-existing", 'e'),
        ("canonicalize-missing", 'm'),
        ("no-newline", 'n'),
        ("quiet", 'q'),
        ("silent", 's'),
        ("verbose", 'v'),
        ("zero", 'z'),
    ];
    let p = match parse(args, "femnqsvz", "", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("readlink", &e);
            return 1;
        }
    };
    if p.operands.is_empty() {
        ctx.usage("readlink", "missing operand");
        return 1;
    }
    let must = mode(&p, None);
    let end = if p.has('z') {
        "\0"
    } else if p.has('n') && p.operands.len() == 1 {
        ""
    } else {
        "\n"
    };
    let mut status = 0;
    for f in &p.operands {
        let result = match must {
            Some(m) => canonical(ctx, f, m),
            None => ctx.fs.read_link(ctx.ns, &ctx.abs(f)).map_err(|e| e.kind),
        };
        match result {
            Ok(text) => ctx.out.out(format!("{text}{end}")),
            Err(k) => {
                if p.has('v') {
                    ctx.err("readlink", &format!("{f}: {}", k.strerror()));
                }
                status = 1;
            }
        }
    }
    status
}

/// `realpath [-e|-m] [-s] [--relative-to=DIR] [-z] FILE...`.
pub(super) fn realpath(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("canonicalize-existing", 'e'),
        ("canonicalize-missing", 'm'),
        ("strip", 's'),
        ("no-symlinks", 's'),
        ("quiet", 'q'),
        ("zero", 'z'),
        ("relative-to", 'R'),
    ];
    let p = match parse(args, "emsqzE", "R", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("realpath", &e);
            return 1;
        }
    };
    if p.operands.is_empty() {
        ctx.usage("realpath", "missing operand");
        return 1;
    }
    let must = mode(&p, Some(Must::AllButLast)).unwrap_or(Must::AllButLast);
    let resolve = |ctx: &Ctx, f: &str| {
        if p.has('s') {
            Ok(ctx.abs(f))
        } else {
            canonical(ctx, f, must)
        }
    };
    let base = match p.value('R') {
        None => None,
        Some(dir) => match resolve(ctx, dir) {
            Ok(b) => Some(b),
            Err(k) => {
                ctx.err("realpath", &format!("{dir}: {}", k.strerror()));
                return 1;
            }
        },
    };
    let end = if p.has('z') { "\0" } else { "\n" };
    let mut status = 0;
    for f in &p.operands {
        match resolve(ctx, f) {
            Ok(path) => {
                let shown = match &base {
                    Some(b) => relative(&path, b),
                    None => path,
                };
                ctx.out.out(format!("{shown}{end}"));
            }
            Err(k) => {
                if !p.has('q') {
                    ctx.err("realpath", &format!("{f}: {}", k.strerror()));
                }
                status = 1;
            }
        }
    }
    status
}

/// The mode the flags pick (the last of `-e`, `-f`, `-m`), or `default`.
fn mode(p: &super::args::Parsed, default: Option<Must>) -> Option<Must> {
    p.flags
        .iter()
        .rev()
        .find_map(|c| match c {
            'e' => Some(Must::All),
            'f' | 'E' => Some(Must::AllButLast),
            'm' => Some(Must::Nothing),
            _ => None,
        })
        .or(default)
}

/// `path` relative to directory `base` (both canonical).
fn relative(path: &str, base: &str) -> String {
    let a: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
    let b: Vec<&str> = base.split('/').filter(|c| !c.is_empty()).collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = vec![".."; b.len() - common];
    parts.extend(a.iter().skip(common));
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}
