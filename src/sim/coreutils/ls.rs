//! `ls`: lists directories like GNU ls 9.1: columns on a terminal (tabs included), one name per
//! line otherwise, and the aligned long format of `-l` with `total`.

use super::args::parse;
use super::Ctx;
use crate::sim::clock::{civil, MONTHS};
use crate::sim::fs::{Metadata, NodeKind};

/// Terminal width when `COLUMNS` is unset.
const DEFAULT_WIDTH: usize = 80;
/// Narrowest column GNU ls considers (one character plus two spaces).
const MIN_COLUMN_WIDTH: usize = 3;
/// Half a Gregorian year in ms: older timestamps show the year instead of the time.
const SIX_MONTHS_MS: u64 = 15_778_476_000;
/// Directories `ls -R` lists at most.
const MAX_DIRS: usize = 2_000;

/// One name to print and what `lstat` (or `stat`) said about it.
struct Entry {
    name: String,
    meta: Metadata,
    /// Symlink target, for `-l`.
    link: Option<String>,
}

/// The options that shape the output.
struct Opts {
    long: bool,
    all: bool,
    almost_all: bool,
    inode: bool,
    one: bool,
    dir_itself: bool,
    recursive: bool,
}

/// `ls [-laAi1dR] [FILE]...`.
pub(super) fn ls(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "laAi1dRCh",
        "",
        &[
            ("all", 'a'),
            ("almost-all", 'A'),
            ("inode", 'i'),
            ("directory", 'd'),
            ("recursive", 'R'),
        ],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("ls", &e);
            return 2;
        }
    };
    let o = Opts {
        long: p.has('l'),
        all: p.has('a'),
        almost_all: p.has('A'),
        inode: p.has('i'),
        one: p.has('1') || !ctx.tty,
        dir_itself: p.has('d'),
        recursive: p.has('R') && !p.has('d'),
    };
    let operands = if p.operands.is_empty() {
        vec![".".to_string()]
    } else {
        p.operands.clone()
    };
    let mut status = 0;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for op in &operands {
        let abs = ctx.abs(op);
        let meta = match ctx.fs.lstat(ctx.ns, &abs) {
            Ok(m) if m.kind == NodeKind::Symlink && !o.long && !o.dir_itself => {
                ctx.fs.stat(ctx.ns, &abs).unwrap_or(m)
            }
            Ok(m) => m,
            Err(e) => {
                ctx.err(
                    "ls",
                    &format!("cannot access '{op}': {}", e.kind.strerror()),
                );
                status = 2;
                continue;
            }
        };
        let link = ctx.fs.read_link(ctx.ns, &abs).ok();
        if meta.kind == NodeKind::Dir && !o.dir_itself {
            dirs.push(op.clone());
        } else {
            files.push(Entry {
                name: op.clone(),
                meta,
                link,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    dirs.sort();
    let headers = operands.len() > 1 || o.recursive;
    let mut printed = !files.is_empty();
    if !files.is_empty() {
        print_entries(&files, &o, ctx);
    }
    let mut queue: Vec<String> = dirs.into_iter().rev().collect();
    let mut listed = 0usize;
    while let Some(dir) = queue.pop() {
        listed = listed.saturating_add(1);
        if listed > MAX_DIRS {
            break;
        }
        if printed {
            ctx.out.out("\n");
        }
        printed = true;
        if headers {
            ctx.out.out(format!("{dir}:\n"));
        }
        let entries = list_dir(&dir, &o, ctx);
        if o.long {
            let blocks = entries
                .iter()
                .map(|e| blocks_1k(&e.meta))
                .fold(0u64, u64::saturating_add);
            ctx.out.out(format!("total {blocks}\n"));
        }
        print_entries(&entries, &o, ctx);
        if o.recursive {
            for e in entries.iter().rev() {
                if e.meta.kind == NodeKind::Dir && e.name != "." && e.name != ".." {
                    queue.push(format!("{}/{}", dir.trim_end_matches('/'), e.name));
                }
            }
        }
    }
    status
}

/// The entries of directory `dir` to show, sorted in the C locale.
fn list_dir(dir: &str, o: &Opts, ctx: &mut Ctx) -> Vec<Entry> {
    let abs = ctx.abs(dir);
    let mut out = Vec::new();
    if o.all {
        for (name, path) in [(".", abs.clone()), ("..", format!("{abs}/.."))] {
            if let Ok(meta) = ctx.fs.stat(ctx.ns, &path) {
                out.push(Entry {
                    name: name.to_string(),
                    meta,
                    link: None,
                });
            }
        }
    }
    for (name, meta) in ctx.fs.read_dir(ctx.ns, &abs).unwrap_or_default() {
        if name.starts_with('.') && !o.all && !o.almost_all {
            continue;
        }
        let link = if meta.kind == NodeKind::Symlink {
            ctx.fs.read_link(ctx.ns, &format!("{abs}/{name}")).ok()
        } else {
            None
        };
        out.push(Entry { name, meta, link });
    }
    out.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    out
}

/// 1K blocks a node occupies on ext4 (4 KiB allocation units; fast symlinks take none).
pub(super) fn blocks_1k(m: &Metadata) -> u64 {
    match m.kind {
        NodeKind::Symlink => 0,
        _ => m.size.div_ceil(4096).saturating_mul(4),
    }
}

/// `drwxr-xr-x`-style mode string.
pub(super) fn mode_string(m: &Metadata) -> String {
    let mut s = String::from(match m.kind {
        NodeKind::Dir => "d",
        NodeKind::Symlink => "l",
        NodeKind::File => "-",
    });
    let special = [(0o4000, 's', 'S'), (0o2000, 's', 'S'), (0o1000, 't', 'T')];
    for (i, (bit, set_x, set_nx)) in special.iter().enumerate() {
        let shift = 6u32.saturating_sub(3u32.saturating_mul(i as u32));
        let r = m.mode >> shift & 4 != 0;
        let w = m.mode >> shift & 2 != 0;
        let x = m.mode >> shift & 1 != 0;
        s.push(if r { 'r' } else { '-' });
        s.push(if w { 'w' } else { '-' });
        s.push(match (m.mode & bit != 0, x) {
            (true, true) => *set_x,
            (true, false) => *set_nx,
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    s
}

/// `Nov 26 09:00` for recent times, `Nov 26  2025` for older ones.
fn ls_time(mtime_ms: u64, now_ms: u64) -> String {
    let c = civil(mtime_ms);
    let month = MONTHS
        .get(c.month.saturating_sub(1) as usize)
        .unwrap_or(&"Jan");
    if now_ms.abs_diff(mtime_ms) < SIX_MONTHS_MS {
        format!("{month} {:>2} {:02}:{:02}", c.day, c.hour, c.minute)
    } else {
        format!("{month} {:>2}  {}", c.day, c.year)
    }
}

/// Prints one group of entries in the format the options ask for.
fn print_entries(entries: &[Entry], o: &Opts, ctx: &mut Ctx) {
    let ino_w = if o.inode {
        entries
            .iter()
            .map(|e| e.meta.ino.to_string().len())
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    let ino = |e: &Entry| {
        if o.inode {
            format!("{:>ino_w$} ", e.meta.ino)
        } else {
            String::new()
        }
    };
    if o.long {
        let owners: Vec<(String, String)> = entries
            .iter()
            .map(|e| {
                (
                    ctx.id_name(e.meta.uid, false),
                    ctx.id_name(e.meta.gid, true),
                )
            })
            .collect();
        let w = |f: &dyn Fn(usize) -> usize| (0..entries.len()).map(f).max().unwrap_or(0);
        let link_w = w(&|i| entries.get(i).map_or(0, |e| e.meta.nlink.to_string().len()));
        let user_w = w(&|i| owners.get(i).map_or(0, |o| o.0.len()));
        let group_w = w(&|i| owners.get(i).map_or(0, |o| o.1.len()));
        let size_w = w(&|i| entries.get(i).map_or(0, |e| e.meta.size.to_string().len()));
        for (e, (user, group)) in entries.iter().zip(&owners) {
            let target = e
                .link
                .as_ref()
                .map(|t| format!(" -> {t}"))
                .unwrap_or_default();
            ctx.out.out(format!(
                "{}{} {:>link_w$} {user:<user_w$} {group:<group_w$} {:>size_w$} {} {}{target}\n",
                ino(e),
                mode_string(&e.meta),
                e.meta.nlink,
                e.meta.size,
                ls_time(e.meta.mtime_ms, *ctx.now_ms),
                e.name
            ));
        }
        return;
    }
    let cells: Vec<String> = entries
        .iter()
        .map(|e| format!("{}{}", ino(e), e.name))
        .collect();
    if o.one {
        for c in cells {
            ctx.out.out(format!("{c}\n"));
        }
        return;
    }
    let width = ctx
        .var("COLUMNS")
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_WIDTH);
    ctx.out.out(columns(&cells, width));
}

/// GNU ls's vertical column layout: the most columns whose widths fit in `width`, padding with
/// tabs (every 8) and spaces as `ls` does.
pub(super) fn columns(cells: &[String], width: usize) -> String {
    let n = cells.len();
    if n == 0 {
        return String::new();
    }
    let lens: Vec<usize> = cells.iter().map(|c| c.chars().count()).collect();
    let max_cols =
        (width / MIN_COLUMN_WIDTH + usize::from(width % MIN_COLUMN_WIDTH != 0)).clamp(1, n);
    let mut best: Vec<usize> = vec![lens.iter().copied().max().unwrap_or(0)];
    for cols in 1..=max_cols {
        let rows = n.div_ceil(cols);
        let mut col_w = vec![MIN_COLUMN_WIDTH; cols];
        let mut line = cols.saturating_mul(MIN_COLUMN_WIDTH);
        let mut valid = true;
        for (f, len) in lens.iter().enumerate() {
            let idx = f / rows;
            let real = len.saturating_add(if idx + 1 == cols { 0 } else { 2 });
            if let Some(w) = col_w.get_mut(idx) {
                if *w < real {
                    line = line.saturating_add(real - *w);
                    *w = real;
                    valid = line < width;
                }
            }
            if !valid {
                break;
            }
        }
        if valid {
            best = col_w;
        }
    }
    let cols = best.len();
    let rows = n.div_ceil(cols);
    let mut out = String::new();
    for row in 0..rows {
        let mut pos = 0usize;
        let mut f = row;
        let mut col = 0usize;
        while let (Some(cell), Some(len)) = (cells.get(f), lens.get(f)) {
            out.push_str(cell);
            let max_w = best.get(col).copied().unwrap_or(0);
            col += 1;
            f = f.saturating_add(rows);
            if f >= n {
                break;
            }
            indent(
                &mut out,
                pos.saturating_add(*len),
                pos.saturating_add(max_w),
            );
            pos = pos.saturating_add(max_w);
        }
        out.push('\n');
    }
    out
}

/// Pads from column `from` to `to` with tabs where a tab stop fits, then spaces (GNU's `indent`).
fn indent(out: &mut String, mut from: usize, to: usize) {
    while from < to {
        if to / 8 > (from + 1) / 8 {
            out.push('\t');
            from += 8 - from % 8;
        } else {
            out.push(' ');
            from += 1;
        }
    }
}
