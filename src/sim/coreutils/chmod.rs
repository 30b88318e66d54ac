//! `chmod` (GNU coreutils 9.1): octal (`755`) and symbolic (`u+x`, `go-w`, `a=rX`, `+x`)
//! modes, `-R`, `-v`, `-c`, `-f`.

use super::args::parse;
use super::ls::mode_string;
use super::Ctx;
use crate::sim::fs::{Metadata, NodeKind};

/// The mask a `+x` without `u`/`g`/`o`/`a` respects (the shell's default umask).
const UMASK: u32 = 0o022;
/// Directories `chmod -R` visits at most.
const MAX_NODES: usize = 10_000;

/// The new permission bits `spec` gives a node with bits `old`; `None` for a bad mode.
fn apply(spec: &str, old: u32, dir: bool) -> Option<u32> {
    if !spec.is_empty() && spec.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let m = u32::from_str_radix(spec, 8).ok().filter(|m| *m <= 0o7777)?;
        // Like GNU, a short octal mode keeps a directory's set-user/group-ID bits.
        return Some(if dir && spec.len() <= 3 {
            m | (old & 0o6000)
        } else {
            m
        });
    }
    let mut mode = old;
    for clause in spec.split(',') {
        let who_len = clause.chars().take_while(|c| "ugoa".contains(*c)).count();
        let (who, mut rest) = clause.split_at(who_len);
        if rest.is_empty() {
            return None;
        }
        let mut mask = 0;
        for w in who.chars() {
            mask |= match w {
                'u' => 0o4700,
                'g' => 0o2070,
                'o' => 0o1007,
                _ => 0o7777,
            };
        }
        let masked = who.is_empty();
        if masked {
            mask = 0o7777 & !UMASK;
        }
        while let Some(op) = rest.chars().next().filter(|c| "+-=".contains(*c)) {
            rest = rest.get(1..).unwrap_or_default();
            let perm_len = rest
                .chars()
                .take_while(|c| "rwxXstugo".contains(*c))
                .count();
            let (perms, after) = rest.split_at(perm_len);
            rest = after;
            let mut bits = 0;
            for p in perms.chars() {
                bits |= match p {
                    'r' => 0o444,
                    'w' => 0o222,
                    'x' => 0o111,
                    'X' if dir || mode & 0o111 != 0 => 0o111,
                    'X' => 0,
                    's' => 0o6000,
                    't' => 0o1000,
                    'u' => ((mode >> 6) & 7) * 0o111,
                    'g' => ((mode >> 3) & 7) * 0o111,
                    _ => (mode & 7) * 0o111,
                };
            }
            let bits = bits & mask;
            mode = match op {
                '+' => mode | bits,
                '-' => mode & !bits,
                _ => {
                    // `=` clears the classes it names (a directory keeps its set-ID bits).
                    let mut clear = if masked { 0o7777 } else { mask };
                    if dir {
                        clear &= !0o6000;
                    }
                    (mode & !clear) | bits
                }
            };
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(mode & 0o7777)
}

/// `chmod [-Rvcf] MODE FILE...`.
pub(super) fn chmod(args: &[String], ctx: &mut Ctx) -> i32 {
    // A mode such as `-w` or `-x` is not an option.
    let (modes, rest): (Vec<String>, Vec<String>) = args.iter().cloned().partition(|a| {
        a.len() > 1 && a.starts_with('-') && a.chars().skip(1).all(|c| "rwxXst".contains(c))
    });
    let long = [
        ("recursive", 'R'),
        ("verbose", 'v'),
        ("changes", 'c'),
        ("silent", 'f'),
        ("quiet", 'f'),
    ];
    let p = match parse(&rest, "Rvcf", "", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("chmod", &e);
            return 1;
        }
    };
    let mut operands = p.operands.clone();
    let spec = match modes.first() {
        Some(m) => m.clone(),
        None if !operands.is_empty() => operands.remove(0),
        None => {
            ctx.usage("chmod", "missing operand");
            return 1;
        }
    };
    if operands.is_empty() {
        ctx.usage("chmod", &format!("missing operand after '{spec}'"));
        return 1;
    }
    if apply(&spec, 0, false).is_none() {
        ctx.usage("chmod", &format!("invalid mode: '{spec}'"));
        return 1;
    }
    let mut status = 0;
    let mut queue: Vec<String> = operands.into_iter().rev().collect();
    let mut visited = 0;
    while let Some(f) = queue.pop() {
        visited += 1;
        if visited > MAX_NODES {
            break;
        }
        let abs = ctx.abs(&f);
        let meta = match ctx.fs.stat(ctx.ns, &abs) {
            Ok(m) => m,
            Err(e) => {
                if !p.has('f') {
                    ctx.err(
                        "chmod",
                        &format!("cannot access '{f}': {}", e.kind.strerror()),
                    );
                }
                status = 1;
                continue;
            }
        };
        let dir = meta.kind == NodeKind::Dir;
        let new = apply(&spec, meta.mode & 0o7777, dir).unwrap_or(meta.mode);
        match ctx.fs.chmod(ctx.ns, &abs, new) {
            Ok(old) => report(ctx, &p, &f, &meta, old, new),
            Err(e) => {
                if !p.has('f') {
                    ctx.err(
                        "chmod",
                        &format!("changing permissions of '{f}': {}", e.kind.strerror()),
                    );
                }
                status = 1;
            }
        }
        if dir && p.has('R') {
            if let Ok(entries) = ctx.fs.read_dir(ctx.ns, &abs) {
                for (name, m) in entries.into_iter().rev() {
                    if m.kind != NodeKind::Symlink {
                        queue.push(format!("{}/{name}", f.trim_end_matches('/')));
                    }
                }
            }
        }
    }
    status
}

/// `-v` / `-c`: what changed (or, for `-v`, what was kept).
fn report(ctx: &mut Ctx, p: &super::args::Parsed, f: &str, meta: &Metadata, old: u32, new: u32) {
    let shown = |bits: u32| {
        let m = Metadata {
            mode: bits,
            ..meta.clone()
        };
        let s = mode_string(&m);
        format!("{bits:04o} ({})", s.get(1..).unwrap_or_default())
    };
    if old != new && (p.has('v') || p.has('c')) {
        ctx.out.out(format!(
            "mode of '{f}' changed from {} to {}\n",
            shown(old),
            shown(new)
        ));
    } else if old == new && p.has('v') {
        ctx.out
            .out(format!("mode of '{f}' retained as {}\n", shown(new)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_like_gnu() {
        assert_eq!(apply("755", 0o644, false), Some(0o755));
        assert_eq!(apply("u-x,go-rx", 0o755, false), Some(0o600));
        assert_eq!(apply("+x", 0o600, false), Some(0o711));
        assert_eq!(apply("a=r", 0o711, false), Some(0o444));
        assert_eq!(apply("g+s", 0o644, false), Some(0o2644));
        assert_eq!(apply("u=rwX", 0o2644, false), Some(0o2644));
        assert_eq!(apply("go=", 0o755, false), Some(0o700));
        assert_eq!(apply("999", 0, false), None);
        assert_eq!(apply("x", 0, false), None);
    }
}
