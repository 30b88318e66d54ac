//! `base64 [-d] [-w COLS] [FILE]` (GNU coreutils 9.1).

use super::args::parse;
use super::Ctx;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `base64`.
pub(super) fn base64(args: &[String], ctx: &mut Ctx) -> i32 {
    let p = match parse(
        args,
        "di",
        "w",
        &[("decode", 'd'), ("ignore-garbage", 'i'), ("wrap", 'w')],
    ) {
        Ok(p) => p,
        Err(e) => {
            ctx.usage("base64", &e);
            return 1;
        }
    };
    if p.operands.len() > 1 {
        ctx.usage(
            "base64",
            &format!(
                "extra operand '{}'",
                p.operands.get(1).cloned().unwrap_or_default()
            ),
        );
        return 1;
    }
    let file = p.operands.first().cloned().unwrap_or_else(|| "-".into());
    let data = match ctx.read_input(&file) {
        Ok(d) => d,
        Err(kind) => {
            ctx.err("base64", &format!("{file}: {}", kind.strerror()));
            return 1;
        }
    };
    if p.has('d') {
        let (bytes, ok) = decode(&data, p.has('i'));
        ctx.out.out(bytes);
        if !ok {
            ctx.err("base64", "invalid input");
            return 1;
        }
        return 0;
    }
    let wrap = match p.value('w').map(str::parse::<usize>) {
        None => 76,
        Some(Ok(w)) => w,
        Some(Err(_)) => {
            ctx.err(
                "base64",
                &format!("invalid wrap size: '{}'", p.value('w').unwrap_or_default()),
            );
            return 1;
        }
    };
    let text = encode(&data);
    let mut out = String::with_capacity(text.len() + text.len() / 76 + 1);
    if wrap == 0 {
        out.push_str(&text);
    } else {
        for chunk in text.as_bytes().chunks(wrap) {
            out.push_str(&String::from_utf8_lossy(chunk));
            out.push('\n');
        }
    }
    ctx.out.out(out);
    0
}

/// Standard base64 with padding (the `base64` crate).
pub(crate) fn encode(data: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Decodes; newlines are skipped, other non-alphabet bytes are errors unless `ignore`.
fn decode(data: &[u8], ignore: bool) -> (Vec<u8>, bool) {
    let mut out = Vec::new();
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut padding = false;
    for &c in data {
        let v = match c {
            b'\n' => continue,
            b'=' => {
                padding = true;
                continue;
            }
            _ => ALPHABET.iter().position(|a| *a == c),
        };
        let Some(v) = v else {
            if ignore {
                continue;
            }
            return (out, false);
        };
        if padding {
            return (out, false);
        }
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    (out, bits < 6)
}
