//! `tr [-cdst] SET1 [SET2]` (GNU coreutils 9.1): ranges, `[:class:]`, escapes, `-d`, `-s`,
//! `-c`, `-t`; bytes, as in the C locale.

use super::args::parse;
use super::Ctx;

/// `tr`.
pub(super) fn tr(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "cCdst",
        "",
        &[
            ("delete", 'd'),
            ("squeeze-repeats", 's'),
            ("complement", 'c'),
            ("truncate-set1", 't'),
        ],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("tr", &e);
            return 1;
        }
    };
    let (delete, squeeze) = (p.has('d'), p.has('s'));
    let complement = p.has('c') || p.has('C');
    // Translating, and deleting while squeezing, take two sets; -d or -s alone takes one.
    let two_sets = delete == squeeze;
    match p.operands.as_slice() {
        [] => {
            ctx.usage("tr", "missing operand");
            return 1;
        }
        [one] if two_sets => {
            let msg = if delete {
                format!("missing operand after '{one}'\nTwo strings must be given when both deleting and squeezing repetitions.")
            } else {
                format!(
                    "missing operand after '{one}'\nTwo strings must be given when translating."
                )
            };
            ctx.usage("tr", &msg);
            return 1;
        }
        ops if ops.len() > 2 || (delete && !squeeze && ops.len() > 1) => {
            let extra = ops
                .get(if delete && !squeeze { 1 } else { 2 })
                .cloned()
                .unwrap_or_default();
            ctx.usage("tr", &format!("extra operand '{extra}'"));
            return 1;
        }
        _ => {}
    }
    let mut set1 = expand(p.operands.first().map_or("", String::as_str));
    if complement {
        set1 = (0..=255u8).filter(|b| !set1.contains(b)).collect();
    }
    let set2 = p.operands.get(1).map(|s| expand(s));
    let mut map: [Option<u8>; 256] = [None; 256];
    if let (Some(s2), false) = (&set2, delete) {
        if let Some(&last) = s2.last() {
            for (i, b) in set1.iter().enumerate() {
                if p.has('t') && i >= s2.len() {
                    break;
                }
                map[*b as usize] = Some(*s2.get(i).unwrap_or(&last));
            }
        }
    }
    let squeeze_set: Vec<u8> = match (&set2, delete) {
        (Some(s2), false) => s2.clone(),
        (Some(s2), true) => s2.clone(),
        (None, _) => set1.clone(),
    };
    let mut out = Vec::with_capacity(ctx.stdin.len());
    for &b in ctx.stdin {
        if delete && set1.contains(&b) {
            continue;
        }
        let c = map[b as usize].unwrap_or(b);
        if squeeze && out.last() == Some(&c) && squeeze_set.contains(&c) {
            continue;
        }
        out.push(c);
    }
    ctx.out.out(out);
    0
}

/// The bytes a SET names.
fn expand(set: &str) -> Vec<u8> {
    let b = set.as_bytes();
    let mut items: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'[' {
            if let Some(end) = set.get(i..).and_then(|s| s.find(":]")) {
                if b.get(i + 1) == Some(&b':') {
                    let name = set.get(i + 2..i + end).unwrap_or_default();
                    items.extend((0..=255u8).filter(|c| class(name, *c)));
                    i += end + 2;
                    continue;
                }
            }
        }
        let (c, next) = one(b, i);
        if b.get(next) == Some(&b'-') && next + 1 < b.len() {
            let (hi, after) = one(b, next + 1);
            if hi >= c {
                items.extend(c..=hi);
            }
            i = after;
            continue;
        }
        items.push(c);
        i = next;
    }
    items
}

/// One (possibly escaped) byte at `i`; the index after it.
fn one(b: &[u8], i: usize) -> (u8, usize) {
    let c = b.get(i).copied().unwrap_or(0);
    if c != b'\\' || i + 1 >= b.len() {
        return (c, i + 1);
    }
    let n = b.get(i + 1).copied().unwrap_or(b'\\');
    let esc = match n {
        b'n' => b'\n',
        b't' => b'\t',
        b'r' => b'\r',
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'v' => 11,
        b'0'..=b'7' => {
            let mut v: u32 = 0;
            let mut j = i + 1;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + u32::from(b[j] - b'0');
                j += 1;
            }
            return (v as u8, j);
        }
        other => other,
    };
    (esc, i + 2)
}

fn class(name: &str, c: u8) -> bool {
    match name {
        "alpha" => c.is_ascii_alphabetic(),
        "digit" => c.is_ascii_digit(),
        "alnum" => c.is_ascii_alphanumeric(),
        "upper" => c.is_ascii_uppercase(),
        "lower" => c.is_ascii_lowercase(),
        "space" => c.is_ascii_whitespace() || c == 11,
        "blank" => c == b' ' || c == b'\t',
        "punct" => c.is_ascii_punctuation(),
        "cntrl" => c.is_ascii_control(),
        "print" => (32..127).contains(&c),
        "graph" => c.is_ascii_graphic(),
        "xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}
