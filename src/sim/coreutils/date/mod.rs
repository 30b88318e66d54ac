//! `date` (GNU coreutils 9.1) in a container without a time zone (UTC): the simulated clock, or
//! the instant `-d STRING` or `-r FILE` names, printed in the default format, `+FORMAT`, `-R`,
//! `-I[TIMESPEC]` or `--rfc-3339=TIMESPEC`.

mod format;
mod parse;

use super::args::parse as parse_args;
use super::Ctx;
use crate::sim::clock::EPOCH_UNIX_MS;
use format::strftime;

/// The default output format.
const DEFAULT: &str = "%a %b %e %H:%M:%S %Z %Y";
/// The ISO 8601 precisions of `-I` and `--rfc-3339`.
const ISO: &[(&str, &str)] = &[
    ("date", "%Y-%m-%d"),
    ("hours", "%Y-%m-%dT%H%:z"),
    ("minutes", "%Y-%m-%dT%H:%M%:z"),
    ("seconds", "%Y-%m-%dT%H:%M:%S%:z"),
    ("ns", "%Y-%m-%dT%H:%M:%S,%N%:z"),
];
/// The precisions of `--rfc-3339`.
const RFC3339: &[(&str, &str)] = &[
    ("date", "%Y-%m-%d"),
    ("seconds", "%Y-%m-%d %H:%M:%S%:z"),
    ("ns", "%Y-%m-%d %H:%M:%S.%N%:z"),
];

/// `date [-u] [-d STRING | -r FILE] [-R | -I[FMT] | --rfc-3339=FMT] [+FORMAT]`.
pub(super) fn date(args: &[String], ctx: &mut Ctx) -> i32 {
    // `-I` takes its value only when attached (`-Iseconds`), as GNU's optional argument does.
    let mut iso: Option<String> = None;
    let mut rest = Vec::new();
    for a in args {
        if let Some(v) = a
            .strip_prefix("--iso-8601")
            .filter(|v| v.is_empty() || v.starts_with('='))
        {
            iso = Some(v.trim_start_matches('=').to_string());
        } else if let Some(v) = a.strip_prefix("-I") {
            iso = Some(v.to_string());
        } else {
            rest.push(a.clone());
        }
    }
    let long = [
        ("utc", 'u'),
        ("universal", 'u'),
        ("date", 'd'),
        ("reference", 'r'),
        ("rfc-email", 'R'),
        ("rfc-3339", 'T'),
        ("set", 's'),
    ];
    let p = match parse_args(&rest, "uR", "drTs", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("date", &e);
            return 1;
        }
    };
    let now_ms = EPOCH_UNIX_MS.saturating_add(*ctx.now_ms);
    let now = i64::try_from(now_ms / 1000).unwrap_or(i64::MAX);
    let mut nanos = u32::try_from(now_ms % 1000).unwrap_or(0) * 1_000_000;
    let mut at = now;
    if let Some(text) = p.value('d').or(p.value('s')) {
        match parse::parse_date(text, now) {
            Some(t) => {
                at = t;
                nanos = 0;
            }
            None => {
                ctx.err("date", &format!("invalid date '{text}'"));
                return 1;
            }
        }
    }
    if let Some(file) = p.value('r') {
        match ctx.fs.stat(ctx.ns, &ctx.abs(file)) {
            Ok(m) => {
                let ms = EPOCH_UNIX_MS.saturating_add(m.mtime_ms);
                at = i64::try_from(ms / 1000).unwrap_or(i64::MAX);
                nanos = u32::try_from(ms % 1000).unwrap_or(0) * 1_000_000;
            }
            Err(e) => {
                ctx.err("date", &format!("{file}: {}", e.kind.strerror()));
                return 1;
            }
        }
    }
    let Some(format) = output_format(&p, iso.as_deref(), ctx) else {
        return 1;
    };
    ctx.out.out(format!("{}\n", strftime(&format, at, nanos)));
    if p.value('s').is_some() {
        // A container lacks CAP_SYS_TIME.
        ctx.err("date", "cannot set date: Operation not permitted");
        return 1;
    }
    0
}

/// The format the options and operands ask for; `None` after an error message.
fn output_format(p: &super::args::Parsed, iso: Option<&str>, ctx: &mut Ctx) -> Option<String> {
    let mut format = None;
    for op in &p.operands {
        match op.strip_prefix('+') {
            Some(f) if format.is_none() => format = Some(f.to_string()),
            Some(_) => {
                ctx.usage("date", &format!("extra operand '{op}'"));
                return None;
            }
            None => {
                ctx.err("date", &format!("invalid date '{op}'"));
                return None;
            }
        }
    }
    if let Some(spec) = iso {
        let spec = if spec.is_empty() { "date" } else { spec };
        return pick(ISO, spec, "--iso-8601", ctx);
    }
    if let Some(spec) = p.value('T') {
        return pick(RFC3339, spec, "--rfc-3339", ctx);
    }
    if p.has('R') {
        return Some("%a, %d %b %Y %H:%M:%S %z".to_string());
    }
    Some(format.unwrap_or_else(|| DEFAULT.to_string()))
}

/// The format of a TIMESPEC (GNU accepts any unambiguous prefix).
fn pick(table: &[(&str, &str)], spec: &str, option: &str, ctx: &mut Ctx) -> Option<String> {
    let found: Vec<&(&str, &str)> = table.iter().filter(|(n, _)| n.starts_with(spec)).collect();
    if let [(_, f)] = found.as_slice() {
        return Some(f.to_string());
    }
    let valid: String = table.iter().map(|(n, _)| format!("  - '{n}'\n")).collect();
    ctx.out.err(format!(
        "date: invalid argument '{spec}' for '{option}'\nValid arguments are:\n{valid}Try 'date --help' for more information.\n"
    ));
    None
}
