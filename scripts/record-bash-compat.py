#!/usr/bin/python3
"""Records the expectations of the bash-compatibility suite (tests/bash-compat/*.yaml) by
running every case through the real GNU bash 5.2 of this machine (Debian bookworm).

    scripts/record-bash-compat.py [--check] [FILE.yaml ...]     (default: every file)

Each case's `stdin` is typed into an interactive bash (`bash -i`, as `kubectl exec -it … -- bash`
gives) whose stdin, stdout and stderr are three separate terminals (80x24), so programs see a
tty as they do in podscope's terminal while the two output streams stay apart. bash runs in a
bubblewrap sandbox laid out like the debian-container: hostname `two-containers`, an empty
`/pod-data` (the shared volume; every case starts there), a fresh `/tmp`, `HOME=/root`, the
container's environment (PATH, HOSTNAME, HOME, TERM=xterm) and nothing else. Line editing is off
(`--noediting`: readline would echo the input into stderr) and PS1/PS2 are empty, so stderr holds
only what bash and the programs print. The `exit` bash prints at end of input is dropped (the
replay drops a final `exit` line the same way).

The non-interactive form is recorded too: the case wrapped as `bash -c '<stdin>'`. Where it
prints something else (`bash: line 1: …` prefixes, `exit` that ends only the child), the case
gets a `noninteractive:` mapping with that form's stdout, stderr and status, and the replay runs
that form as well.

A case's `known_failure:` mark is kept as it is (tests/bash_compat.rs with BASH_COMPAT_UPDATE=1
rewrites the marks). `--check` records into memory and reports cases whose file disagrees with
real bash, without writing. Needs bubblewrap (`apt-get install bubblewrap`) and python3-yaml.
"""

import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(ROOT, "tests", "bash-compat")
# What the replay types first, unseen, in both forms: cases start in the shared volume.
PRELUDE = "cd /pod-data\n"
ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOSTNAME": "two-containers",
    "HOME": "/root",
    "TERM": "xterm",
}
RC = "PS1=''\nPS2=''\n"
TIMEOUT_S = 20


def sandbox(rc_path):
    """The bubblewrap command line of the debian-container-like sandbox."""
    args = ["bwrap", "--unshare-uts", "--unshare-ipc", "--hostname",
            "two-containers", "--ro-bind", "/usr", "/usr"]
    for link in ("bin", "lib", "lib64", "sbin"):
        if os.path.islink("/" + link):
            args += ["--symlink", os.readlink("/" + link), "/" + link]
    args += ["--ro-bind", "/etc", "/etc", "--ro-bind", rc_path, "/etc/bash.bashrc",
             "--tmpfs", "/tmp", "--dir", "/pod-data", "--dir", "/root", "--dir", "/var/tmp",
             "--proc", "/proc", "--dev", "/dev", "--dev-bind", "/dev/pts", "/dev/pts", "--chdir", "/", "--die-with-parent",
             "bash", "--noediting", "-i"]
    return args


def open_tty(echo):
    """A pty pair set up as a 80x24 terminal; output is not translated (no CR before LF)."""
    master, slave = os.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.OPOST
    if not echo:
        attrs[3] &= ~(termios.ECHO | termios.ECHOCTL)
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return master, slave


def run_bash(script, rc_path):
    """Types `script` into an interactive bash; returns (stdout, stderr, status)."""
    text = PRELUDE + script
    if not text.endswith("\n"):
        text += "\n"
    # bash takes its job-control terminal from stderr: stdin and stderr share the controlling
    # terminal (input does not echo, so its master yields stderr alone); stdout has its own.
    (term, term_slave), (out, out_slave) = open_tty(echo=False), open_tty(echo=False)

    def become_session_leader():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(sandbox(rc_path), stdin=term_slave, stdout=out_slave,
                            stderr=term_slave, env=ENV, preexec_fn=become_session_leader,
                            close_fds=True)
    os.close(term_slave)
    os.close(out_slave)
    # End of input; a second one in case the first only ended a here-document.
    pending = text.encode() + b"\x04\x04"
    got = {term: b"", out: b""}
    open_fds = {term, out}
    deadline = time.monotonic() + TIMEOUT_S
    while open_fds:
        if time.monotonic() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            os.close(term)
            os.close(out)
            raise TimeoutError("bash did not finish in %d s" % TIMEOUT_S)
        want_write = [term] if pending and term in open_fds else []
        readable, writable, _ = select.select(list(open_fds), want_write, [], 0.5)
        for fd in writable:
            # One line at a time: a terminal's input queue is small.
            cut = pending.find(b"\n") + 1 or len(pending)
            pending = pending[os.write(fd, pending[:cut]):]
        for fd in readable:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                open_fds.discard(fd)
            else:
                got[fd] += chunk
    status = proc.wait()
    os.close(term)
    os.close(out)
    stderr = got[term]
    if stderr.endswith(b"exit\n"):
        stderr = stderr[: -len(b"exit\n")]
    return decode(got[out]), decode(stderr), status


def decode(data):
    return data.decode("utf-8", errors="replace")


def noninteractive_script(script):
    """The case as `bash -c '…'`, typed on one (possibly continued) line."""
    body = script[:-1] if script.endswith("\n") else script
    return "bash -c '" + body.replace("'", "'\\''") + "'\n"


def record_case(case, rc_path):
    """Fills in `case`'s expectations; returns the mapping to write."""
    script = case["stdin"]
    out, err, status = run_bash(script, rc_path)
    new = {"name": case["name"], "stdin": script, "stdout": out, "stderr": err,
           "status": status}
    nout, nerr, nstatus = run_bash(noninteractive_script(script), rc_path)
    if (nout, nerr, nstatus) != (out, err, status):
        new["noninteractive"] = {"stdout": nout, "stderr": nerr, "status": nstatus}
    for key in ("known_failure", "noninteractive_known_failure"):
        if key in case:
            new[key] = case[key]
    return new


class Dumper(yaml.SafeDumper):
    """Block scalars for multi-line text, so the files read like a terminal."""


def represent_str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, represent_str)


def dump(doc):
    return yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(os.path.join(SUITE, f) for f in os.listdir(SUITE) if f.endswith(".yaml"))
    if shutil.which("bwrap") is None:
        sys.exit("record-bash-compat: bubblewrap is missing (apt-get install bubblewrap)")
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    with tempfile.NamedTemporaryFile("w", suffix=".bashrc", delete=False) as rc:
        rc.write(RC)
    disagree = 0
    try:
        for path in files:
            with open(path) as f:
                text = f.read()
            header = "".join(l + "\n" for l in text.splitlines() if l.startswith("#"))
            doc = yaml.safe_load(text) or {}
            cases = []
            for c in doc.get("cases", []):
                try:
                    cases.append(record_case(c, rc.name))
                except TimeoutError as e:
                    disagree += 1
                    print("%s: %s: %s (kept as it was)" % (os.path.basename(path), c["name"], e))
                    cases.append(c)
            for old, new in zip(doc.get("cases", []), cases):
                if check and any(old.get(k) != new.get(k) for k in
                                 ("stdout", "stderr", "status", "noninteractive")):
                    disagree += 1
                    print("%s: %s: recorded expectations differ from bash"
                          % (os.path.basename(path), old["name"]))
            if not check:
                with open(path, "w") as f:
                    f.write(header + dump({"cases": cases}))
            print("%s: %d cases" % (os.path.relpath(path, ROOT), len(cases)))
    finally:
        os.unlink(rc.name)
    if disagree:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
