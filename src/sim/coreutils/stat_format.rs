//! `stat -c FORMAT` and `stat --printf FORMAT`: GNU's `%` directives for one file, with a
//! printf-style width and `-` flag (`%-10n`).

use super::ls::{blocks_1k, mode_string};
use super::Ctx;
use crate::sim::clock::{civil, EPOCH_UNIX_MS};
use crate::sim::fs::{Metadata, NodeKind};

/// What a directive may show about one file.
pub(super) struct Subject<'a> {
    /// The name as given.
    pub name: &'a str,
    /// Its metadata.
    pub meta: &'a Metadata,
    /// A symlink's target.
    pub link: Option<&'a str>,
    /// `major,minor` of the device it is on.
    pub device: (u32, u32),
}

/// Expands `format` for one file.
pub(super) fn expand(format: &str, s: &Subject, ctx: &Ctx) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(f) = chars
            .peek()
            .copied()
            .filter(|f| f.is_ascii_digit() || "-+ #0.".contains(*f))
        {
            spec.push(f);
            chars.next();
        }
        let Some(d) = chars.next() else {
            out.push('%');
            out.push_str(&spec);
            break;
        };
        match directive(d, s, ctx) {
            Some(text) => out.push_str(&pad(&text, &spec)),
            None if d == '%' => out.push('%'),
            None => {
                out.push('?');
            }
        }
    }
    out
}

/// The text of one directive; `None` for `%%` and unknown ones.
fn directive(d: char, s: &Subject, ctx: &Ctx) -> Option<String> {
    let m = s.meta;
    let (major, minor) = s.device;
    let secs = (EPOCH_UNIX_MS.saturating_add(m.mtime_ms) / 1000).to_string();
    Some(match d {
        'a' => format!("{:o}", m.mode & 0o7777),
        'A' => mode_string(m),
        'b' => blocks_1k(m).saturating_mul(2).to_string(),
        'B' => "512".into(),
        'd' => ((major << 8) | minor).to_string(),
        'D' => format!("{:x}", (major << 8) | minor),
        'f' => format!("{:x}", type_bits(m) | (m.mode & 0o7777)),
        'F' => match m.kind {
            NodeKind::Dir => "directory",
            NodeKind::Symlink => "symbolic link",
            NodeKind::File if m.size == 0 => "regular empty file",
            NodeKind::File => "regular file",
        }
        .into(),
        'g' => m.gid.to_string(),
        'G' => ctx.id_name(m.gid, true),
        'h' => m.nlink.to_string(),
        'i' => m.ino.to_string(),
        'n' => s.name.to_string(),
        'N' => match s.link {
            Some(t) => format!("'{}' -> '{t}'", s.name),
            None => format!("'{}'", s.name),
        },
        'o' => "4096".into(),
        's' => m.size.to_string(),
        't' | 'T' => "0".into(),
        'u' => m.uid.to_string(),
        'U' => ctx.id_name(m.uid, false),
        'w' | 'x' | 'y' | 'z' => stat_time(m.mtime_ms),
        'W' | 'X' | 'Y' | 'Z' => secs,
        _ => return None,
    })
}

/// `S_IFMT` bits of the file's type.
fn type_bits(m: &Metadata) -> u32 {
    match m.kind {
        NodeKind::Dir => 0o040000,
        NodeKind::Symlink => 0o120000,
        NodeKind::File => 0o100000,
    }
}

/// Applies a printf-style width (`-` left-aligns, `0` zero-fills numbers).
fn pad(text: &str, spec: &str) -> String {
    let left = spec.contains('-');
    let digits: String = spec
        .trim_start_matches(|c: char| !c.is_ascii_digit() || c == '0')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let width: usize = digits.parse().unwrap_or(0).min(4096);
    let zero = spec.starts_with('0') && !left && text.bytes().all(|b| b.is_ascii_digit());
    let len = text.chars().count();
    if len >= width {
        return text.to_string();
    }
    let fill = if zero { "0" } else { " " }.repeat(width - len);
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

/// `2026-11-26 09:00:00.000000000 +0000`, as stat prints times.
pub(super) fn stat_time(ms: u64) -> String {
    let c = civil(ms);
    format!(
        "{}-{:02}-{:02} {:02}:{:02}:{:02}.{:09} +0000",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second,
        (ms % 1000).saturating_mul(1_000_000)
    )
}

/// Interprets `--printf`'s backslash escapes (`\n`, `\t`, `\\`, `\"`, octal `\NNN`).
pub(super) fn escapes(format: &str) -> String {
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('f') => out.push('\x0c'),
            Some('v') => out.push('\x0b'),
            Some('e') => out.push('\x1b'),
            Some(d @ '0'..='7') => {
                let mut v = d.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(n) => {
                            v = v * 8 + n;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.extend(char::from_u32(v));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
