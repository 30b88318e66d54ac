//! `md5sum`, `sha1sum`, `sha224sum`, `sha256sum`, `sha384sum` and `sha512sum` (GNU coreutils 9.1): print
//! or (`-c`) check checksums, computed by the RustCrypto `md-5`, `sha1` and `sha2` crates.

use super::args::parse;
use super::text::operands_or_stdin;
use super::Ctx;
use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

/// The hex digest of `data` with the algorithm program `prog` names.
fn hex_digest(prog: &str, data: &[u8]) -> String {
    let bytes: Vec<u8> = match prog {
        "md5sum" => Md5::digest(data).to_vec(),
        "sha1sum" => Sha1::digest(data).to_vec(),
        "sha224sum" => Sha224::digest(data).to_vec(),
        "sha384sum" => Sha384::digest(data).to_vec(),
        "sha512sum" => Sha512::digest(data).to_vec(),
        _ => Sha256::digest(data).to_vec(),
    };
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The tag `--tag` prints (`MD5 (f) = …`).
fn tag(prog: &str) -> &'static str {
    match prog {
        "md5sum" => "MD5",
        "sha1sum" => "SHA1",
        "sha224sum" => "SHA224",
        "sha384sum" => "SHA384",
        "sha512sum" => "SHA512",
        _ => "SHA256",
    }
}

/// `PROG [-b] [-t] [--tag] [-c [--quiet] [--status]] [FILE]...`.
pub(super) fn checksum(prog: &str, args: &[String], ctx: &mut Ctx) -> i32 {
    let long = [
        ("binary", 'b'),
        ("text", 't'),
        ("check", 'c'),
        ("tag", 'T'),
        ("quiet", 'q'),
        ("status", 's'),
        ("warn", 'w'),
        ("strict", 'S'),
    ];
    let p = match parse(args, "btcwz", "", &long) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage(prog, &e);
            return 1;
        }
    };
    let mut status = 0;
    for f in operands_or_stdin(&p.operands) {
        let data = match ctx.read_input(&f) {
            Ok(d) => d,
            Err(k) => {
                ctx.err(prog, &format!("{f}: {}", k.strerror()));
                status = 1;
                continue;
            }
        };
        if p.has('c') {
            status = status.max(check(prog, &f, &data, &p, ctx));
        } else if p.has('T') {
            ctx.out.out(format!(
                "{} ({f}) = {}\n",
                tag(prog),
                hex_digest(prog, &data)
            ));
        } else {
            let mark = if p.has('b') { '*' } else { ' ' };
            ctx.out
                .out(format!("{} {mark}{f}\n", hex_digest(prog, &data)));
        }
    }
    status
}

/// `-c`: checks each `DIGEST  NAME` line of the list `list_name` holds.
fn check(prog: &str, list_name: &str, list: &[u8], p: &super::args::Parsed, ctx: &mut Ctx) -> i32 {
    let text = String::from_utf8_lossy(list);
    let (quiet, silent) = (p.has('q'), p.has('s'));
    let (mut checked, mut failed, mut unreadable) = (0usize, 0usize, 0usize);
    for line in text.lines() {
        let Some((digest, name)) = line.split_once(' ') else {
            continue;
        };
        let name = name.strip_prefix([' ', '*']).unwrap_or(name);
        if digest.is_empty() || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        checked += 1;
        let ok = match ctx.read_input(name) {
            Ok(d) => hex_digest(prog, &d).eq_ignore_ascii_case(digest),
            Err(k) => {
                ctx.err(prog, &format!("{name}: {}", k.strerror()));
                unreadable += 1;
                if !silent {
                    ctx.out.out(format!("{name}: FAILED open or read\n"));
                }
                continue;
            }
        };
        if !ok {
            failed += 1;
        }
        if !(silent || ok && quiet) {
            ctx.out
                .out(format!("{name}: {}\n", if ok { "OK" } else { "FAILED" }));
        }
    }
    if checked == 0 {
        ctx.err(
            prog,
            &format!("{list_name}: no properly formatted checksum lines found"),
        );
        return 1;
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_string()
        } else {
            many.to_string()
        }
    };
    if unreadable > 0 && !silent {
        ctx.err(
            prog,
            &format!(
                "WARNING: {unreadable} listed {} could not be read",
                plural(unreadable, "file", "files")
            ),
        );
    }
    if failed > 0 && !silent {
        ctx.err(
            prog,
            &format!(
                "WARNING: {failed} computed {} did NOT match",
                plural(failed, "checksum", "checksums")
            ),
        );
    }
    i32::from(failed > 0 || unreadable > 0)
}
