//! The programs a shell in the debian or nginx container runs from `/bin` and `/usr/bin`: GNU
//! coreutils 9.1 (plus `grep` and `mount`) over the simulated [`Fs`], printing exactly what the
//! real ones print, byte for byte, including their error messages and exit statuses.
//!
//! Each program is a function of a [`Ctx`]: arguments in; output, events and a status out. They
//! never panic; bad input is stderr text and a non-zero status. The locale is `C` (the images set
//! no `LANG`), so messages quote with ASCII `'`. May use: `sim::fs`, `sim::clock`, `sim::event`,
//! `sim::output`.

pub(crate) mod args;
mod awk;
mod base64;
mod cat;
mod chmod;
mod copy;
mod cut;
mod date;
mod digest;
mod expr;
mod files;
mod find;
mod format;
mod grep;
mod grep_match;
mod layout;
mod links;
mod ls;
mod misc;
mod posix_regex;
mod sed;
mod sort;
mod sort_key;
mod stat;
mod stat_format;
mod system;
mod tee;
mod text;
mod tr;
mod which;
mod words;

#[cfg(test)]
mod tests;

use super::event::EventKind;
use super::fs::{normalize, Fs, FsError, FsErrorKind, WriteInfo, WriteMode};
use super::output::Output;

/// Everything a program may touch while it runs.
pub struct Ctx<'a> {
    /// The pod's filesystem.
    pub fs: &'a mut Fs,
    /// The container (mount namespace) the program runs in.
    pub ns: &'a str,
    /// Working directory (absolute).
    pub cwd: &'a str,
    /// Environment, in order.
    pub env: &'a [(String, String)],
    /// Sim clock in ms; `sleep` advances it.
    pub now_ms: &'a mut u64,
    /// Standard input (already fully available: pipelines run one stage after another).
    pub stdin: &'a [u8],
    /// Where stdout and stderr go.
    pub out: &'a mut Output,
    /// File events for the trace.
    pub events: &'a mut Vec<EventKind>,
    /// The pod's hostname (`uname -n`, `hostname`).
    pub hostname: &'a str,
    /// Set when the program would block forever (`sleep infinity`, `tail -f`, `yes` on a
    /// terminal): the caller then waits for Ctrl-C.
    pub blocked: &'a mut bool,
    /// True when stdout is the terminal (`kubectl exec -it`), false for a pipe or a file: `ls`
    /// prints columns only on a terminal, and `yes` only blocks there.
    pub tty: bool,
}

/// Every program this module provides, for PATH binaries and tab completion.
pub fn names() -> &'static [&'static str] {
    &[
        "awk",
        "base64",
        "basename",
        "cat",
        "cp",
        "cut",
        "date",
        "df",
        "dirname",
        "echo",
        "env",
        "expr",
        "false",
        "find",
        "fold",
        "grep",
        "head",
        "hostname",
        "id",
        "ln",
        "ls",
        "md5sum",
        "mkdir",
        "mount",
        "mv",
        "nl",
        "paste",
        "printenv",
        "pwd",
        "readlink",
        "realpath",
        "rm",
        "rmdir",
        "sed",
        "seq",
        "sha224sum",
        "sha256sum",
        "sha384sum",
        "sha512sum",
        "sleep",
        "sort",
        "stat",
        "tac",
        "tail",
        "tee",
        "touch",
        "tr",
        "true",
        "uname",
        "uniq",
        "wc",
        "which",
        "whoami",
        "yes",
    ]
}

/// Runs program `name` with `argv` (`argv[0]` is the name as typed) and returns its exit status;
/// `None` when `name` is not one of [`names`] (or for `hostname -i`, which needs the network).
pub fn run(name: &str, argv: &[String], ctx: &mut Ctx) -> Option<i32> {
    let args = argv.get(1..).unwrap_or_default();
    let status = match name {
        "awk" | "mawk" => awk::awk(args, ctx),
        "base64" => base64::base64(args, ctx),
        "cut" => cut::cut(args, ctx),
        "find" => find::find(args, ctx),
        "tac" => tee::tac(args, ctx),
        "tee" => tee::tee(args, ctx),
        "tr" => tr::tr(args, ctx),
        "which" => which::which(args, ctx),
        "basename" => words::basename(args, ctx),
        "cat" => cat::cat(args, ctx),
        "chmod" => chmod::chmod(args, ctx),
        "cp" => copy::cp(args, ctx),
        "date" => date::date(args, ctx),
        "df" => system::df(args, ctx),
        "dirname" => words::dirname(args, ctx),
        "echo" => words::echo(args, ctx),
        "expr" => expr::expr(args, ctx),
        "fold" => layout::fold(args, ctx),
        "comm" => misc::comm(args, ctx),
        "expand" => misc::expand(args, ctx),
        "logname" => misc::logname(args, ctx),
        "mktemp" => misc::mktemp(args, ctx),
        "nproc" => misc::nproc(args, ctx),
        "rev" => misc::rev(args, ctx),
        "truncate" => misc::truncate(args, ctx),
        "tty" => misc::tty(args, ctx),
        "unlink" => misc::unlink(args, ctx),
        "md5sum" | "sha1sum" | "sha224sum" | "sha256sum" | "sha384sum" | "sha512sum" => {
            digest::checksum(name, args, ctx)
        }
        "nl" => layout::nl(args, ctx),
        "paste" => layout::paste(args, ctx),
        "readlink" => links::readlink(args, ctx),
        "realpath" => links::realpath(args, ctx),
        "env" => return system::env(args, ctx),
        "false" => 1,
        "grep" => grep::grep(args, ctx),
        "head" => text::head(args, ctx),
        "hostname" => return system::hostname(args, ctx),
        "id" => system::id(args, ctx),
        "ln" => copy::ln(args, ctx),
        "ls" => ls::ls(args, ctx),
        "mkdir" => files::mkdir(args, ctx),
        "mount" => system::mount(args, ctx),
        "mv" => copy::mv(args, ctx),
        "printenv" => system::printenv(args, ctx),
        "pwd" => system::pwd(args, ctx),
        "rm" => files::rm(args, ctx),
        "rmdir" => files::rmdir(args, ctx),
        "sed" => sed::sed(args, ctx),
        "seq" => words::seq(args, ctx),
        "sleep" => system::sleep(args, ctx),
        "sort" => sort::sort(args, ctx),
        "stat" => stat::stat(args, ctx),
        "tail" => text::tail(args, ctx),
        "touch" => files::touch(args, ctx),
        "true" => 0,
        "uname" => system::uname(args, ctx),
        "uniq" => text::uniq(args, ctx),
        "wc" => text::wc(args, ctx),
        "whoami" => system::whoami(args, ctx),
        "yes" => words::yes(args, ctx),
        _ => return None,
    };
    Some(status)
}

impl Ctx<'_> {
    /// The absolute path an argument names.
    fn abs(&self, arg: &str) -> String {
        normalize(self.cwd, arg)
    }

    /// Prints `prog: msg` on stderr.
    fn err(&mut self, prog: &str, msg: &str) {
        self.out.err(format!("{prog}: {msg}\n"));
    }

    /// Prints an option error plus GNU's `Try '<prog> --help'` line.
    fn usage(&mut self, prog: &str, msg: &str) {
        self.out.err(format!(
            "{prog}: {msg}\nTry '{prog} --help' for more information.\n"
        ));
    }

    /// An environment variable.
    fn var(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Writes `data` to the file `arg` (as typed), pushing `FileWritten` or `WriteFailed`.
    fn write_file(
        &mut self,
        arg: &str,
        data: &[u8],
        mode: WriteMode,
    ) -> Result<WriteInfo, FsError> {
        let path = self.abs(arg);
        if path == "/dev/null" {
            return Ok(WriteInfo {
                ino: 0,
                size: 0,
                volume: None,
                created: false,
            });
        }
        let result = self.fs.write(self.ns, &path, data, mode, *self.now_ms);
        self.record_write(&path, &result);
        result.map_err(|e| FsError::new(e.kind, arg))
    }

    /// Pushes the event for a write attempt on `path`.
    fn record_write(&mut self, path: &str, result: &Result<WriteInfo, FsError>) {
        match result {
            Ok(w) => {
                let also_at = self
                    .fs
                    .paths_of_inode(w.ino)
                    .into_iter()
                    .filter(|(ns, _)| ns != self.ns)
                    .collect();
                self.events.push(EventKind::FileWritten {
                    path: path.to_string(),
                    inode: w.ino,
                    size: w.size,
                    volume: w.volume.clone(),
                    also_at,
                });
            }
            Err(e) => self.events.push(EventKind::WriteFailed {
                path: path.to_string(),
                error: e.kind.strerror().to_string(),
            }),
        }
    }

    /// The contents of input operand `arg` (`-` is stdin).
    fn read_input(&self, arg: &str) -> Result<Vec<u8>, FsErrorKind> {
        if arg == "-" {
            return Ok(self.stdin.to_vec());
        }
        let path = self.abs(arg);
        if path == "/dev/null" {
            return Ok(Vec::new());
        }
        self.fs.read(self.ns, &path).map_err(|e| e.kind)
    }

    /// The user (or group) name of an id, from the container's `/etc/passwd` (`/etc/group`).
    fn id_name(&self, id: u32, group: bool) -> String {
        let file = if group { "/etc/group" } else { "/etc/passwd" };
        let text = self.fs.read(self.ns, file).unwrap_or_default();
        String::from_utf8_lossy(&text)
            .lines()
            .find_map(|l| {
                let mut f = l.split(':');
                let name = f.next()?;
                (f.nth(1)?.parse::<u32>().ok()? == id).then(|| name.to_string())
            })
            .unwrap_or_else(|| id.to_string())
    }
}

/// Splits data into lines, each keeping its `\n` (the last may lack it).
fn lines(data: &[u8]) -> Vec<&[u8]> {
    data.split_inclusive(|b| *b == b'\n').collect()
}
