//! `cat` with GNU's formatting options: `-n` `-b` numbering, `-s` squeezing, `-E` `-T` `-v`
//! (and `-A` `-e` `-t`) making line ends, tabs and control bytes visible.

use super::args::parse;
use super::text::operands_or_stdin;
use super::Ctx;

/// What `cat`'s options ask for.
#[derive(Default)]
struct Show {
    number: bool,
    nonblank: bool,
    squeeze: bool,
    ends: bool,
    tabs: bool,
    nonprinting: bool,
}

/// State carried from one input file to the next, as GNU cat numbers across files.
#[derive(Default)]
struct Carry {
    line: u64,
    at_start: bool,
    blanks: u32,
}

/// `cat [-AbeEnstTuv] [FILE]...`.
pub(super) fn cat(args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("show-all", 'A'),
        ("number-nonblank", 'b'),
        ("show-ends", 'E'),
        ("number", 'n'),
        ("squeeze-blank", 's'),
        ("show-tabs", 'T'),
        ("show-nonprinting", 'v'),
    ];
    let p = match parse(args, "AbeEnstTuv", "", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("cat", &e);
            return 1;
        }
    };
    let v = p.has('v') || p.has('A') || p.has('e') || p.has('t');
    let show = Show {
        number: p.has('n') || p.has('b'),
        nonblank: p.has('b'),
        squeeze: p.has('s'),
        ends: p.has('E') || p.has('A') || p.has('e'),
        tabs: p.has('T') || p.has('A') || p.has('t'),
        nonprinting: v,
    };
    let plain = !(show.number || show.squeeze || show.ends || show.tabs || show.nonprinting);
    let mut carry = Carry {
        at_start: true,
        ..Carry::default()
    };
    let mut status = 0;
    for f in operands_or_stdin(&p.operands) {
        match ctx.read_input(&f) {
            Ok(data) if plain => ctx.out.out(data),
            Ok(data) => ctx.out.out(format(&data, &show, &mut carry)),
            Err(k) => {
                ctx.err("cat", &format!("{f}: {}", k.strerror()));
                status = 1;
            }
        }
    }
    status
}

/// Formats one input's bytes as the options ask.
fn format(data: &[u8], show: &Show, carry: &mut Carry) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        if carry.at_start {
            if b == b'\n' {
                carry.blanks = carry.blanks.saturating_add(1);
                if show.squeeze && carry.blanks > 1 {
                    continue;
                }
            } else {
                carry.blanks = 0;
            }
            if show.number && !(show.nonblank && b == b'\n') {
                carry.line = carry.line.saturating_add(1);
                out.extend_from_slice(format!("{:>6}\t", carry.line).as_bytes());
            }
            carry.at_start = false;
        }
        match b {
            b'\n' => {
                if show.ends {
                    out.push(b'$');
                }
                out.push(b'\n');
                carry.at_start = true;
            }
            b'\t' if show.tabs => out.extend_from_slice(b"^I"),
            b'\t' => out.push(b),
            _ if show.nonprinting => visible(b, &mut out),
            _ => out.push(b),
        }
    }
    out
}

/// `-v`: control bytes as `^X`, DEL as `^?`, bytes above 127 as `M-` and the low byte's form.
fn visible(b: u8, out: &mut Vec<u8>) {
    let low = if b >= 128 {
        out.extend_from_slice(b"M-");
        b - 128
    } else {
        b
    };
    match low {
        0..=31 => {
            out.push(b'^');
            out.push(low + 64);
        }
        127 => out.extend_from_slice(b"^?"),
        _ => out.push(low),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(data: &[u8], flags: &str) -> String {
        let show = Show {
            number: flags.contains('n') || flags.contains('b'),
            nonblank: flags.contains('b'),
            squeeze: flags.contains('s'),
            ends: flags.contains('E'),
            tabs: flags.contains('T'),
            nonprinting: flags.contains('v'),
        };
        let mut carry = Carry {
            at_start: true,
            ..Carry::default()
        };
        String::from_utf8_lossy(&format(data, &show, &mut carry)).into_owned()
    }

    // Expected texts recorded from GNU cat 9.1 (`printf … | cat -X`).
    #[test]
    fn formats_like_gnu_cat() {
        assert_eq!(fmt(b"a\n\nb", "n"), "     1\ta\n     2\t\n     3\tb");
        assert_eq!(fmt(b"a\n\nb\n", "b"), "     1\ta\n\n     2\tb\n");
        assert_eq!(fmt(b"a\n\n\n\nb\n", "s"), "a\n\nb\n");
        assert_eq!(fmt(b"t\tx\x01\x7f\xe9\n", "vET"), "t^Ix^A^?M-i$\n");
    }
}
