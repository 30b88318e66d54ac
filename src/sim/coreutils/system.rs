//! Programs that report on the process and the machine: env, printenv, id, whoami, hostname,
//! pwd, mount, df, date, uname, sleep.

use super::args::parse;
use super::Ctx;

/// Size of the node's disk that `df` reports for the overlay root and disk-backed volumes.
const DISK_1K_BLOCKS: u64 = 81_106_868;
/// 1K blocks already used on that disk by images and the system.
const DISK_USED_BASE: u64 = 9_437_352;
/// The node's kernel, as `uname -r` and `uname -v` print it.
const KERNEL_RELEASE: &str = "6.1.0-28-cloud-amd64";
const KERNEL_VERSION: &str = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)";

/// `env [NAME=VALUE]... [COMMAND [ARG]...]`: prints the environment, or runs a coreutils program
/// with more variables (other programs cannot be started from here: status 127).
pub(super) fn env(args: &[String], ctx: &mut Ctx) -> Option<i32> {
    let mut vars: Vec<(String, String)> = ctx.env.to_vec();
    let mut rest = args;
    while let Some((first, tail)) = rest.split_first() {
        let Some((k, v)) = first.split_once('=') else {
            break;
        };
        vars.retain(|(n, _)| n != k);
        vars.push((k.to_string(), v.to_string()));
        rest = tail;
    }
    let Some(cmd) = rest.first() else {
        for (k, v) in &vars {
            ctx.out.out(format!("{k}={v}\n"));
        }
        return Some(0);
    };
    let name = cmd.rsplit('/').next().unwrap_or(cmd).to_string();
    let mut inner = super::Ctx {
        fs: &mut *ctx.fs,
        ns: ctx.ns,
        cwd: ctx.cwd,
        env: &vars,
        now_ms: &mut *ctx.now_ms,
        stdin: ctx.stdin,
        out: &mut *ctx.out,
        events: &mut *ctx.events,
        hostname: ctx.hostname,
        blocked: &mut *ctx.blocked,
        tty: ctx.tty,
    };
    match super::run(&name, rest, &mut inner) {
        Some(s) => Some(s),
        None => {
            ctx.err("env", &format!("'{cmd}': No such file or directory"));
            Some(127)
        }
    }
}

/// `printenv [NAME]...`: 1 when a name is unset.
pub(super) fn printenv(args: &[String], ctx: &mut Ctx) -> i32 {
    if args.is_empty() {
        for (k, v) in ctx.env {
            ctx.out.out(format!("{k}={v}\n"));
        }
        return 0;
    }
    let mut status = 0;
    for a in args {
        match ctx.var(a).map(str::to_string) {
            Some(v) => ctx.out.out(format!("{v}\n")),
            None => status = 1,
        }
    }
    status
}

/// `id [-u|-g|-G] [-n] [USER]` for root (the containers run as root).
pub(super) fn id(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "ugGnr", "", &[]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("id", &e);
            return 1;
        }
    };
    let (uid, gid) = match p.operands.first() {
        None => (0, 0),
        Some(user) => {
            let passwd =
                String::from_utf8_lossy(&ctx.fs.read(ctx.ns, "/etc/passwd").unwrap_or_default())
                    .to_string();
            let found = passwd.lines().find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                if f.first() != Some(&user.as_str()) {
                    return None;
                }
                Some((
                    f.get(2)?.parse::<u32>().ok()?,
                    f.get(3)?.parse::<u32>().ok()?,
                ))
            });
            match found {
                Some(ids) => ids,
                None => {
                    ctx.err("id", &format!("'{user}': no such user"));
                    return 1;
                }
            }
        }
    };
    let (user, group) = (ctx.id_name(uid, false), ctx.id_name(gid, true));
    let line = if p.has('u') {
        if p.has('n') {
            user
        } else {
            uid.to_string()
        }
    } else if p.has('g') || p.has('G') {
        if p.has('n') {
            group
        } else {
            gid.to_string()
        }
    } else {
        format!("uid={uid}({user}) gid={gid}({group}) groups={gid}({group})")
    };
    ctx.out.out(format!("{line}\n"));
    0
}

/// `whoami`: the containers run as root.
pub(super) fn whoami(_args: &[String], ctx: &mut Ctx) -> i32 {
    let name = ctx.id_name(0, false);
    ctx.out.out(format!("{name}\n"));
    0
}

/// `hostname`; `hostname -i` returns `None` (it needs the network: the caller answers it).
pub(super) fn hostname(args: &[String], ctx: &mut Ctx) -> Option<i32> {
    match args.first().map(String::as_str) {
        None => {
            ctx.out.out(format!("{}\n", ctx.hostname));
            Some(0)
        }
        Some("-i" | "-I" | "--ip-address" | "--all-ip-addresses") => None,
        Some("-s" | "--short") => {
            ctx.out.out(format!(
                "{}\n",
                ctx.hostname.split('.').next().unwrap_or(ctx.hostname)
            ));
            Some(0)
        }
        Some(_) => {
            ctx.out
                .err("hostname: you must be root to change the host name\n");
            Some(1)
        }
    }
}

/// `pwd [-L|-P]`.
pub(super) fn pwd(args: &[String], ctx: &mut Ctx) -> i32 {
    let dir = if args.iter().any(|a| a == "-P") {
        ctx.fs
            .realpath(ctx.ns, ctx.cwd)
            .unwrap_or_else(|_| ctx.cwd.to_string())
    } else {
        ctx.cwd.to_string()
    };
    ctx.out.out(format!("{dir}\n"));
    0
}

/// `mount` with no arguments: lists the namespace's mounts.
pub(super) fn mount(args: &[String], ctx: &mut Ctx) -> i32 {
    if !args.is_empty() {
        ctx.out
            .err("mount: only root can use \"--options\" option (effective UID is 0)\n");
        return 1;
    }
    for m in ctx.fs.mounts(ctx.ns) {
        let opts = if m.read_only {
            "ro,relatime"
        } else {
            "rw,relatime"
        };
        ctx.out.out(format!(
            "{} on {} type {} ({opts})\n",
            m.source, m.target, m.fstype
        ));
    }
    0
}

/// `df [-h] [FILE]...`: the overlay root and the volume mounts, all on the node's disk.
pub(super) fn df(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "hTa", "", &[("human-readable", 'h')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("df", &e);
            return 1;
        }
    };
    let mounts = ctx.fs.mounts(ctx.ns);
    let mut status = 0;
    let mut chosen = Vec::new();
    for f in &p.operands {
        let abs = ctx.abs(f);
        match ctx.fs.realpath(ctx.ns, &abs) {
            Ok(real) => {
                let best = mounts
                    .iter()
                    .filter(|m| {
                        m.target == "/"
                            || real == m.target
                            || real.starts_with(&format!("{}/", m.target))
                    })
                    .max_by_key(|m| m.target.len());
                chosen.extend(best.cloned());
            }
            Err(e) => {
                ctx.err("df", &format!("{f}: {}", e.kind.strerror()));
                status = 1;
            }
        }
    }
    if p.operands.is_empty() {
        chosen = mounts;
    }
    if chosen.is_empty() {
        return status;
    }
    let used_bytes = ctx.fs.volumes_usage_total();
    let used = DISK_USED_BASE.saturating_add(used_bytes.div_ceil(1024));
    let avail = DISK_1K_BLOCKS
        .saturating_sub(used)
        .saturating_sub(DISK_1K_BLOCKS / 20);
    let pct = used
        .saturating_mul(100)
        .div_ceil(used.saturating_add(avail).max(1));
    let human = p.has('h');
    let fmt = |k: u64| if human { human_size(k) } else { k.to_string() };
    let header = if human {
        ["Size", "Used", "Avail"]
    } else {
        ["1K-blocks", "Used", "Available"]
    };
    let rows: Vec<[String; 6]> = chosen
        .iter()
        .map(|m| {
            [
                m.source.clone(),
                fmt(DISK_1K_BLOCKS),
                fmt(used),
                fmt(avail),
                format!("{pct}%"),
                m.target.clone(),
            ]
        })
        .collect();
    let col = |i: usize, head: &str, min: usize| {
        rows.iter()
            .map(|r| r.get(i).map_or(0, String::len))
            .chain([head.len(), min])
            .max()
            .unwrap_or(0)
    };
    // GNU df's minimum field widths (df.c `field_data`): 14 for the source, 5 for the sizes.
    let w = [
        col(0, "Filesystem", 14),
        col(1, header[0], 5),
        col(2, header[1], 5),
        col(3, header[2], 5),
        col(4, "Use%", 4),
    ];
    let line = |r: [&str; 6]| {
        format!(
            "{:<w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {}\n",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3],
            w4 = w[4]
        )
    };
    ctx.out.out(line([
        "Filesystem",
        header[0],
        header[1],
        header[2],
        "Use%",
        "Mounted on",
    ]));
    for r in &rows {
        ctx.out
            .out(line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]));
    }
    status
}

/// `df -h` sizes: powers of 1024, rounded up, one decimal below 10.
fn human_size(kib: u64) -> String {
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut v = kib as f64;
    let mut unit = 0usize;
    while v >= 1024.0 && unit + 1 < units.len() {
        v /= 1024.0;
        unit += 1;
    }
    let u = units.get(unit).copied().unwrap_or('K');
    if kib == 0 {
        "0".to_string()
    } else if v < 10.0 {
        format!("{:.1}{u}", (v * 10.0).ceil() / 10.0)
    } else {
        format!("{}{u}", v.ceil() as u64)
    }
}

/// `uname [-snrvmoa]`.
pub(super) fn uname(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(args, "asnrvmpio", "", &[("all", 'a')]) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("uname", &e);
            return 1;
        }
    };
    let all = p.has('a');
    let fields = [
        ('s', "Linux"),
        ('n', ctx.hostname),
        ('r', KERNEL_RELEASE),
        ('v', KERNEL_VERSION),
        ('m', "x86_64"),
        ('p', "unknown"),
        ('i', "unknown"),
        ('o', "GNU/Linux"),
    ];
    let mut picked: Vec<&str> = fields
        .iter()
        .filter(|(c, v)| p.has(*c) || (all && *v != "unknown"))
        .map(|(_, v)| *v)
        .collect();
    if picked.is_empty() {
        picked.push("Linux");
    }
    ctx.out.out(format!("{}\n", picked.join(" ")));
    0
}

/// Milliseconds of one `sleep` operand (`1`, `0.5`, `2m`, `1h`, `1d`); `None` if invalid,
/// `Some(None)` for `infinity`.
fn interval_ms(s: &str) -> Option<Option<u64>> {
    if s == "infinity" || s == "inf" {
        return Some(None);
    }
    let (num, mult) = match s.char_indices().last() {
        Some((i, 's')) => (s.get(..i)?, 1_000.0),
        Some((i, 'm')) => (s.get(..i)?, 60_000.0),
        Some((i, 'h')) => (s.get(..i)?, 3_600_000.0),
        Some((i, 'd')) => (s.get(..i)?, 86_400_000.0),
        _ => (s, 1_000.0),
    };
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let v: f64 = num.parse().ok()?;
    Some(Some((v * mult).round().min(u64::MAX as f64) as u64))
}

/// `sleep NUMBER[SUFFIX]...`: advances the sim clock; `sleep infinity` blocks.
pub(super) fn sleep(args: &[String], ctx: &mut Ctx) -> i32 {
    if args.is_empty() {
        ctx.usage("sleep", "missing operand");
        return 1;
    }
    let mut total = 0u64;
    let mut forever = false;
    for a in args {
        match interval_ms(a) {
            Some(Some(ms)) => total = total.saturating_add(ms),
            Some(None) => forever = true,
            None => {
                ctx.usage("sleep", &format!("invalid time interval '{a}'"));
                return 1;
            }
        }
    }
    if forever {
        *ctx.blocked = true;
        return 0;
    }
    *ctx.now_ms = ctx.now_ms.saturating_add(total);
    0
}
