#!/usr/bin/python3
"""Records tests/busybox/*.yaml: what busybox 1.35 (Debian bookworm's `busybox` package), GNU
wget 1.21.3 and netcat-openbsd print (BusyBox's httpd among them, with nginx beside it), run against a real nginx 1.22 on a private loopback.

    scripts/record-busybox.py [--check]

Every case runs in a fresh network and PID namespace (`unshare -n -p -f`, only `lo`, up: a server
the case starts, such as `httpd`, dies with it) where nginx listens on
port 80 of 127.0.0.1 and ::1 and serves a directory holding `index.html` ("Hello from the debian
container", as the shared-volume scenario writes it), like the two-container pod's localhost.
stdout and stderr are pipes (no terminal), so programs print no progress bars. A case's `cmd`
is one `sh -c` line; the yaml keeps its stdout, stderr and status. A file's `container:` says
where the replay (tests/busybox_compat.rs) types it: `busybox` (BusyBox applets first on PATH
here) or `debian` (after the file's `setup:` lines, unseen). `--check` reports cases whose
file disagrees with the real programs, without writing. Needs root, nginx, busybox, wget,
netcat-openbsd (`scripts/setup.sh` installs them).
"""

import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUITE = os.path.join(ROOT, "tests", "busybox")
PAGE = "Hello from the debian container\n"
NGINX_CONF = """daemon on; pid {d}/nginx.pid; error_log {d}/error.log;
events {{}}
http {{ access_log off; include /etc/nginx/mime.types; default_type application/octet-stream;
  server {{ listen 80; listen [::]:80; root {d}/html; index index.html index.htm; }} }}
"""


def run_case(cmd, container):
    """Runs `cmd` next to a fresh nginx in a new network namespace, in an empty directory. In
    the busybox container every applet name comes first on PATH as a link to busybox, as the
    busybox image's /bin holds them."""
    path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    with tempfile.TemporaryDirectory() as d:
        if container == "busybox":
            applets = os.path.join(d, "applets")
            os.mkdir(applets)
            names = subprocess.run(["busybox", "--list"], capture_output=True, text=True).stdout
            for name in names.split():
                os.symlink("/bin/busybox", os.path.join(applets, name))
            path = applets + ":" + path
        os.chmod(d, 0o755)
        os.mkdir(os.path.join(d, "html"))
        os.mkdir(os.path.join(d, "work"))
        with open(os.path.join(d, "html", "index.html"), "w") as f:
            f.write(PAGE)
        with open(os.path.join(d, "nginx.conf"), "w") as f:
            f.write(NGINX_CONF.format(d=d))
        shell = "busybox sh" if container == "busybox" else "sh"
        setup = f"ip link set lo up && nginx -c {d}/nginx.conf && cd {d}/work && "
        inner = ["sh", "-c", setup + f"exec {shell} -c \"$0\"", cmd]
        p = subprocess.run(["unshare", "-n", "-p", "-f"] + inner, capture_output=True, timeout=30,
                           env={"PATH": path, "HOME": "/root"})
        # nginx daemonized: stop it, or every case leaves a master and a worker behind.
        try:
            with open(os.path.join(d, "nginx.pid")) as f:
                os.kill(int(f.read().strip()), 15)
        except (OSError, ValueError):
            pass
        return {"stdout": p.stdout.decode(), "stderr": p.stderr.decode(), "status": p.returncode}


def literal(dumper, text):
    """Multi-line strings as `|` blocks, as the bash-compat files keep them."""
    style = "|" if "\n" in text and not text.endswith(" \n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def main():
    yaml.SafeDumper.add_representer(str, literal)
    check = "--check" in sys.argv[1:]
    bad = 0
    for name in sorted(os.listdir(SUITE)):
        if not name.endswith(".yaml") or name == "pod.yaml":
            continue
        path = os.path.join(SUITE, name)
        with open(path) as f:
            text = f.read()
        doc = yaml.safe_load(text)
        header = "".join(l + "\n" for l in text.splitlines() if l.startswith("#"))
        for case in doc["cases"]:
            got = run_case(case["cmd"], doc.get("container"))
            if check:
                if any(case.get(k) != v for k, v in got.items()):
                    bad += 1
                    print(f"{name}: {case['name']}: differs from the real programs: {got}")
            else:
                case.update(got)
        if not check:
            with open(path, "w") as f:
                f.write(header)
                yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True, width=100)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
