//! curl 7.88.1 in a container: resolves through the container's `/etc/hosts`, connects over the
//! pod's network namespace, speaks HTTP/1.x and prints what real curl prints on a terminal
//! (recordings in `tests/golden-local/c*.txt`). Time advances 1 ms only in rounds where nothing
//! moved, so a loopback exchange takes "0 ms" as on Linux; a hard cap of rounds stands in for
//! waiting forever (exit 28).
//!
//! May use: `super::{url, message}`, `crate::sim::{net, output}`, httparse.

pub mod args;
mod report;
mod transfer;

use crate::sim::net::{NetNamespace, Owner};
use crate::sim::output::Output;

pub use args::Options;
pub(crate) use transfer::{resolve, wait, DEFAULT_CAP_MS};

/// Everything curl needs from the pod.
pub struct CurlCtx<'a> {
    /// The pod's network namespace.
    pub net: &'a mut NetNamespace,
    /// The curl process.
    pub owner: Owner,
    /// The container's `/etc/hosts`.
    pub hosts_file: &'a str,
    /// The sim clock; curl advances it while it waits.
    pub now_ms: &'a mut u64,
    /// Where curl writes (stdout and stderr).
    pub out: &'a mut Output,
    /// Whether stdout is a terminal (`kubectl exec -it`): no progress meter, bold header names.
    pub tty: bool,
    /// Runs the servers (nginx) after each poll.
    pub step: &'a mut dyn FnMut(&mut NetNamespace, u64),
}

/// How curl ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurlResult {
    /// Exit status.
    pub status: i32,
    /// `-o FILE` writes for the caller to perform: (path, contents).
    pub files: Vec<(String, Vec<u8>)>,
}

const TRY_HELP: &str = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/// The short `--help` text of curl 7.88.1.
pub const HELP: &str = "Usage: curl [options...] <url>
 -d, --data <data>          HTTP POST data
 -f, --fail                 Fail fast with no output on HTTP errors
 -h, --help <category>      Get help for commands
 -i, --include              Include protocol response headers in the output
 -o, --output <file>        Write to file instead of stdout
 -O, --remote-name          Write output to a file named as the remote file
 -s, --silent               Silent mode
 -T, --upload-file <file>   Transfer local FILE to destination
 -u, --user <user:password> Server user and password
 -A, --user-agent <name>    Send User-Agent <name> to server
 -v, --verbose              Make the operation more talkative
 -V, --version              Show version number and quit

This is not the full help, this menu is stripped into categories.
Use \"--help category\" to get an overview of all categories.
For all options use the manual or \"--help all\".
";

/// Runs `curl` with `argv` (argv[0] = "curl").
pub fn curl(argv: &[String], ctx: &mut CurlCtx) -> CurlResult {
    let opts = match args::parse(argv) {
        Ok(o) => o,
        Err(e) => {
            ctx.out.err(format!("curl: {}\n{TRY_HELP}", e.0));
            return CurlResult {
                status: 2,
                files: Vec::new(),
            };
        }
    };
    if opts.help {
        ctx.out.out(HELP);
        return CurlResult {
            status: 0,
            files: Vec::new(),
        };
    }
    if opts.urls.is_empty() {
        ctx.out.err(TRY_HELP);
        return CurlResult {
            status: 2,
            files: Vec::new(),
        };
    }
    // curl 7.88.1: warnings are muted by -s (even with -S); this note is a `notef`, shown only
    // with -v (and muted by -s too).
    if opts.method.as_deref() == Some("HEAD") && !opts.silent {
        ctx.out.err("Warning: Setting custom HTTP method to HEAD with -X/--request may not work the \nWarning: way you want. Consider using -I/--head instead.\n");
    }
    if opts.method.as_deref() == Some("POST") && opts.data.is_some() && opts.verbose && !opts.silent
    {
        ctx.out
            .err("Note: Unnecessary use of -X or --request, POST is already inferred.\n");
    }
    let mut status = 0;
    let mut files = Vec::new();
    for url in &opts.urls {
        let r = transfer::run(url, &opts, ctx);
        status = r.status;
        files.extend(r.files);
    }
    CurlResult { status, files }
}

#[cfg(test)]
mod tests;
