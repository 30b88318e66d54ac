//! `sort`: GNU coreutils 9.1's sort in the C locale, with keys (`-k`), separators (`-t`),
//! ordering options, `-u`, `-s`, `-c` and `-o` (which may name one of the inputs).

use super::args::parse;
use super::sort_key::{parse_key, Comparator, Order};
use super::text::gather;
use super::Ctx;
use crate::sim::fs::WriteMode;

/// `sort [-bdfgiMnrsuc] [-t SEP] [-k KEY]... [-o FILE] [FILE]...`.
pub(super) fn sort(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("reverse", 'r'),
        ("numeric-sort", 'n'),
        ("general-numeric-sort", 'g'),
        ("month-sort", 'M'),
        ("unique", 'u'),
        ("ignore-case", 'f'),
        ("ignore-leading-blanks", 'b'),
        ("dictionary-order", 'd'),
        ("ignore-nonprinting", 'i'),
        ("stable", 's'),
        ("check", 'c'),
        ("output", 'o'),
        ("field-separator", 't'),
        ("key", 'k'),
        ("human-numeric-sort", 'h'),
        ("version-sort", 'V'),
        ("random-sort", 'R'),
    ];
    let p = match parse(args, "bdfgiMnrsucChVR", "otk", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("sort", &e);
            return 2;
        }
    };
    if let Some(c) = ['h', 'V', 'R'].into_iter().find(|c| p.has(*c)) {
        ctx.err("sort", &format!("podscope: sort -{c} is not simulated"));
        return 2;
    }
    let mut global = Order::default();
    for c in &p.flags {
        global.set(*c);
    }
    let sep = match p.value('t') {
        None => None,
        Some(t) if t.len() == 1 => t.bytes().next(),
        Some("\\0") => Some(0),
        Some(t) => {
            ctx.err("sort", &format!("multi-character tab '{t}'"));
            return 2;
        }
    };
    let mut keys = Vec::new();
    for (c, spec) in &p.values {
        if *c != 'k' {
            continue;
        }
        match parse_key(spec) {
            Ok(k) => keys.push(k),
            Err(e) => {
                ctx.err("sort", &e);
                return 2;
            }
        }
    }
    let cmp = Comparator {
        keys,
        global,
        sep,
        stable: p.has('s') || p.has('u'),
    };
    let data = match gather("sort", &p.operands, ctx) {
        Ok(d) => d,
        Err(s) => return s,
    };
    let mut rows: Vec<&[u8]> = data.split(|b| *b == b'\n').collect();
    rows.pop();
    if p.has('c') || p.has('C') {
        return check(&rows, &cmp, &p, ctx);
    }
    rows.sort_by(|a, b| cmp.cmp(a, b));
    if p.has('u') {
        rows.dedup_by(|a, b| cmp.cmp_keys(a, b).is_eq());
    }
    let mut text = Vec::with_capacity(data.len());
    for r in rows {
        text.extend_from_slice(r);
        text.push(b'\n');
    }
    match p.value('o') {
        None => {
            ctx.out.out(text);
            0
        }
        Some(file) => {
            let file = file.to_string();
            match ctx.write_file(&file, &text, WriteMode::Truncate) {
                Ok(_) => 0,
                Err(e) => {
                    ctx.err(
                        "sort",
                        &format!("open failed: {file}: {}", e.kind.strerror()),
                    );
                    2
                }
            }
        }
    }
}

/// `-c`/`-C`: status 1 and (for `-c`) the first line out of order.
fn check(rows: &[&[u8]], cmp: &Comparator, p: &super::args::Parsed, ctx: &mut Ctx) -> i32 {
    let unique = p.has('u');
    for (i, pair) in rows.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let ord = cmp.cmp(a, b);
        if ord.is_gt() || (unique && cmp.cmp_keys(a, b).is_eq()) {
            if p.has('c') {
                let name = p.operands.first().map_or("-", String::as_str);
                let line = String::from_utf8_lossy(b);
                ctx.err("sort", &format!("{name}:{}: disorder: {line}", i + 2));
            }
            return 1;
        }
    }
    0
}
