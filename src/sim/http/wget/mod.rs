//! `wget` in two flavours: GNU Wget 1.21.3 (Debian's `wget` package) and the BusyBox 1.35
//! applet. Both resolve through the container's `/etc/hosts`, connect over the pod's network
//! namespace like curl (same [`CurlCtx`]) and print what the real programs print when their
//! output is not a terminal (recordings in `tests/busybox/wget.yaml`). The options tutorials
//! use are simulated: `-q`, `-O FILE` / `-O -` (and `-qO-`), `-T SECONDS`; others get one line
//! saying podscope does not simulate them.
//!
//! May use: `super::{url, curl}`, `crate::sim::net`, httparse.

mod fetch;
mod report;

use super::curl::CurlCtx;
pub use fetch::Reply;

/// What `busybox wget` prints without a URL (recorded from BusyBox 1.35 on bookworm).
const BUSYBOX_USAGE: &str = include_str!("busybox-usage.txt");

/// Which wget is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// GNU Wget 1.21.3.
    Gnu,
    /// BusyBox v1.35.0's applet.
    Busybox,
}

/// The options of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `-q`.
    pub quiet: bool,
    /// `-O FILE`; `Some("-")` is standard output.
    pub output: Option<String>,
    /// The URLs, in order.
    pub urls: Vec<String>,
    /// `-T SECONDS`, in milliseconds.
    pub timeout_ms: Option<u64>,
}

/// What a wget run asks its caller to do besides printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WgetResult {
    /// Exit status.
    pub status: i32,
    /// Files to write: (path, contents).
    pub files: Vec<(String, Vec<u8>)>,
}

/// Parses wget's arguments (argv[0] = "wget"); `Err` holds the message to print.
pub fn parse(argv: &[String], flavour: Flavour) -> Result<Options, String> {
    let mut opts = Options::default();
    let mut words = argv.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            opts.urls.extend(words.by_ref().cloned());
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            match long {
                "quiet" => opts.quiet = true,
                _ => match long.split_once('=') {
                    Some(("output-document", v)) => opts.output = Some(v.to_string()),
                    _ => return Err(unsupported(flavour, word)),
                },
            }
            continue;
        }
        let Some(flags) = word.strip_prefix('-').filter(|f| !f.is_empty()) else {
            opts.urls.push(word.clone());
            continue;
        };
        for (i, flag) in flags.char_indices() {
            match flag {
                'q' => opts.quiet = true,
                'O' | 'T' if flag == 'O' || flavour == Flavour::Gnu => {
                    let rest = flags.get(i + 1..).unwrap_or("");
                    let value = if rest.is_empty() {
                        words
                            .next()
                            .cloned()
                            .ok_or_else(|| missing(flavour, flag))?
                    } else {
                        rest.to_string()
                    };
                    if flag == 'O' {
                        opts.output = Some(value);
                    } else {
                        let secs: u64 = value.parse().map_err(|_| unsupported(flavour, word))?;
                        opts.timeout_ms = Some(secs.saturating_mul(1000));
                    }
                    break;
                }
                _ => return Err(unsupported(flavour, word)),
            }
        }
    }
    Ok(opts)
}

fn missing(flavour: Flavour, flag: char) -> String {
    match flavour {
        Flavour::Gnu => format!("wget: option requires an argument -- '{flag}'\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n"),
        Flavour::Busybox => format!("wget: option requires an argument -- '{flag}'\n{BUSYBOX_USAGE}"),
    }
}

fn unsupported(flavour: Flavour, word: &str) -> String {
    let name = match flavour {
        Flavour::Gnu => "wget",
        Flavour::Busybox => "busybox wget",
    };
    format!("podscope: {name}: option {word} is not simulated (simulated: -q, -O FILE, -O -)\n")
}

/// Runs wget with `argv` (argv[0] = "wget").
pub fn wget(argv: &[String], flavour: Flavour, ctx: &mut CurlCtx) -> WgetResult {
    let opts = match parse(argv, flavour) {
        Ok(o) => o,
        Err(message) => {
            ctx.out.err(message);
            return WgetResult {
                status: if message_is_usage(flavour) { 1 } else { 2 },
                files: Vec::new(),
            };
        }
    };
    if opts.urls.is_empty() {
        ctx.out.err(match flavour {
            Flavour::Gnu => "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
            Flavour::Busybox => BUSYBOX_USAGE,
        });
        return WgetResult {
            status: 1,
            files: Vec::new(),
        };
    }
    let mut result = WgetResult {
        status: 0,
        files: Vec::new(),
    };
    for url in &opts.urls {
        let status = match flavour {
            Flavour::Busybox => {
                let followed = fetch::follow(url, &opts, ctx);
                report::show_busybox(&followed, url, &opts, ctx, &mut result.files)
            }
            Flavour::Gnu => {
                let outcome = fetch::get(url, &opts, flavour, ctx);
                report::show_gnu(&outcome, url, &opts, ctx, &mut result.files)
            }
        };
        if status != 0 {
            result.status = status;
            if flavour == Flavour::Busybox {
                break;
            }
        }
    }
    result
}

/// BusyBox exits 1 on a bad option, GNU wget 2.
fn message_is_usage(flavour: Flavour) -> bool {
    flavour == Flavour::Busybox
}

#[cfg(test)]
mod tests;
