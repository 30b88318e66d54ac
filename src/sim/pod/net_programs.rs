//! The programs that use the pod's network namespace: curl, wget, nginx, ip and ss. curl and wget drive the
//! TCP/IP stack; after each step of the clock, every nginx in the pod gets to serve.

use super::{ContainerHost, FsDocRoot};
use crate::sim::event::{Actor, EventKind};
use crate::sim::fs::{normalize, WriteMode};
use crate::sim::http::curl::{self, CurlCtx};
use crate::sim::http::nginx::cli::NginxAction;
use crate::sim::http::nginx::{nginx_command, Nginx};
use crate::sim::http::wget::{self, Flavour};
use crate::sim::net::{NetNamespace, Owner};
use crate::sim::output::Output;

/// How long nginx tries to bind before giving up: five attempts, 500 ms apart (measured on
/// nginx 1.22.1: `still could not bind()` comes 2.5 s after the start).
const NGINX_BIND_RETRY_MS: u64 = 2_500;

/// `curl …`: connects over the shared loopback to whatever listens, and prints what curl prints.
/// `-o FILE` is relative to the working directory `cwd`.
pub(super) fn curl(
    host: &mut ContainerHost,
    pid: u32,
    argv: &[String],
    cwd: &str,
    out: &mut Output,
) -> i32 {
    let result = http_client(host, pid, "curl", out, |ctx| curl::curl(argv, ctx));
    let failed = write_files(host, pid, "curl", cwd, result.files);
    match failed {
        Some((path, reason)) => {
            out.err(write_failure(argv, &path, reason));
            23
        }
        None => result.status,
    }
}

/// `wget …` (GNU's, or BusyBox's applet): fetches over the shared loopback like curl.
pub(super) fn wget(
    host: &mut ContainerHost,
    pid: u32,
    argv: &[String],
    (flavour, cwd): (Flavour, &str),
    out: &mut Output,
) -> i32 {
    let result = http_client(host, pid, "wget", out, |ctx| wget::wget(argv, flavour, ctx));
    match write_files(host, pid, "wget", cwd, result.files) {
        Some((path, reason)) => {
            let shown = match flavour {
                Flavour::Busybox => format!("wget: can't open '{path}': {reason}\n"),
                Flavour::Gnu => format!("{path}: {reason}\n"),
            };
            out.err(shown);
            if flavour == Flavour::Busybox {
                1
            } else {
                3
            }
        }
        None => result.status,
    }
}

/// BusyBox's `nc HOST PORT`: sends `stdin` over a TCP connection and prints what comes back.
pub(super) fn nc(
    host: &mut ContainerHost,
    pid: u32,
    argv: &[String],
    stdin: &[u8],
    out: &mut Output,
) -> i32 {
    http_client(host, pid, "nc", out, |ctx| {
        crate::sim::http::nc::nc(argv, stdin, ctx)
    })
}

/// Runs an HTTP client program with the pod's network: every nginx serves after each round,
/// and what happened on the wire goes into the trace.
fn http_client<R>(
    host: &mut ContainerHost,
    pid: u32,
    program: &str,
    out: &mut Output,
    client: impl FnOnce(&mut CurlCtx) -> R,
) -> R {
    let hosts_file = host
        .pod
        .fs
        .read(&host.container, "/etc/hosts")
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let owner = Owner {
        container: host.container.clone(),
        pid,
        program: program.into(),
    };
    let mut served: Vec<(u64, Actor, EventKind)> = Vec::new();
    let result = {
        let pod = &mut *host.pod;
        let (net, containers, fs) = (&mut pod.net, &mut pod.containers, &pod.fs);
        let mut step = |net: &mut NetNamespace, now: u64| {
            for c in containers.iter_mut() {
                let mut lines = Vec::new();
                if let Some(server) = c.nginx.as_mut() {
                    let root = FsDocRoot::new(fs, &c.spec.name);
                    let mut events = Vec::new();
                    server.service(net, &root, now, &mut lines, &mut events);
                    let actor = Actor::process(&c.spec.name, server.worker_pid, "nginx");
                    served.extend(events.into_iter().map(|e| (now, actor.clone(), e)));
                }
                for server in &mut c.httpd {
                    let home = server.home.clone();
                    let root = FsDocRoot::at(fs, &c.spec.name, &home);
                    let (mut log, mut events) = (Vec::new(), Vec::new());
                    server.service(net, &root, now, &mut log, &mut events);
                    if server.logs_to_container {
                        lines.append(&mut log);
                    }
                    let actor = Actor::process(&c.spec.name, server.pid, "httpd");
                    served.extend(events.into_iter().map(|e| (now, actor.clone(), e)));
                }
                for line in lines {
                    c.logs.push_str(&line);
                    c.logs.push('\n');
                }
            }
        };
        let mut ctx = CurlCtx {
            net,
            owner,
            hosts_file: &hosts_file,
            now_ms: &mut *host.now_ms,
            out: &mut *out,
            tty: host.tty,
            step: &mut step,
        };
        client(&mut ctx)
    };
    record_network(host, pid, program, served);
    result
}

/// Writes the files a client downloaded; the first that fails stops it: (path, strerror).
fn write_files(
    host: &mut ContainerHost,
    pid: u32,
    program: &str,
    cwd: &str,
    files: Vec<(String, Vec<u8>)>,
) -> Option<(String, &'static str)> {
    for (path, data) in files {
        let path = normalize(cwd, &path);
        match host.pod.fs.write(
            &host.container,
            &path,
            &data,
            WriteMode::Truncate,
            *host.now_ms,
        ) {
            Ok(info) => host.record_write(pid, program, &path, &info),
            Err(e) => return Some((path, e.kind.strerror())),
        }
    }
    None
}

/// What curl 7.88.1 prints when `-o FILE` cannot be opened (recorded: `-s` prints nothing,
/// `-sS` only the (23) line, otherwise a warning first).
fn write_failure(argv: &[String], path: &str, reason: &str) -> String {
    let (silent, show_error) =
        curl::args::parse(argv).map_or((false, false), |o| (o.silent, o.show_error));
    let failure = "curl: (23) Failure writing output to destination\n";
    match (silent, show_error) {
        (true, false) => String::new(),
        (true, true) => failure.to_string(),
        _ => format!("Warning: Failed to open the file {path}: {reason}\n{failure}"),
    }
}

/// Moves the stack's events into the trace, merged in time order with what servers did (both
/// come in time order: the clock only moves forward); at equal times the packet comes before
/// what the server made of it.
pub(super) fn record_network(
    host: &mut ContainerHost,
    pid: u32,
    program: &str,
    served: Vec<(u64, Actor, EventKind)>,
) {
    let me = host.actor(pid, program);
    let mut net = host.pod.net.drain_events().into_iter().peekable();
    let mut served = served.into_iter().peekable();
    loop {
        let net_first = match (net.peek(), served.peek()) {
            (Some(n), Some(s)) => n.0 <= s.0,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if net_first {
            if let Some((t, kind)) = net.next() {
                host.trace.record(t, me.clone(), kind);
            }
        } else if let Some((t, actor, kind)) = served.next() {
            host.trace.record(t, actor, kind);
        }
    }
}

/// `nginx -t`, `nginx -v`, `nginx -s reload|stop`, or a second nginx trying to bind port 80
/// (it fails from any container: they all share one network namespace).
pub(super) fn nginx(host: &mut ContainerHost, pid: u32, argv: &[String], out: &mut Output) -> i32 {
    let container = host.container.clone();
    let running = host
        .pod
        .container(&container)
        .is_some_and(|c| c.nginx.is_some());
    let (mut status, action) = nginx_command(argv, pid, running, *host.now_ms, out);
    match action {
        NginxAction::None | NginxAction::Reload => {}
        NginxAction::Start => {
            // nginx binds, then daemonizes: a new master (and its worker) keeps serving while
            // the process the shell started exits 0, printing nothing.
            let pid_ns = host.pod.pid_namespace(&container).to_string();
            let now = *host.now_ms;
            let master_argv = vec!["nginx: master process nginx".to_string()];
            let master =
                host.pod
                    .procs
                    .spawn(&pid_ns, &container, 1, master_argv.clone(), now, false);
            let worker_argv = vec!["nginx: worker process".to_string()];
            let worker =
                host.pod
                    .procs
                    .spawn(&pid_ns, &container, master, worker_argv.clone(), now, false);
            match Nginx::start(&mut host.pod.net, &container, master, worker, now) {
                Ok(server) => {
                    if let Some(c) = host.pod.container_mut(&container) {
                        c.nginx = Some(server);
                    }
                    for (daemon, argv) in [(master, master_argv), (worker, worker_argv)] {
                        let actor = host.actor(daemon, "nginx");
                        host.trace.record(
                            now,
                            actor,
                            EventKind::ProcessStarted {
                                container: container.clone(),
                                pid: daemon,
                                argv,
                            },
                        );
                    }
                }
                Err(emerg) => {
                    host.pod.procs.exit(&container, worker, 1);
                    host.pod.procs.exit(&container, master, 1);
                    *host.now_ms = host.now_ms.saturating_add(NGINX_BIND_RETRY_MS);
                    out.err(emerg);
                    status = 1;
                }
            }
        }
        NginxAction::Stop => {
            if let Some(mut server) = host
                .pod
                .container_mut(&container)
                .and_then(|c| c.nginx.take())
            {
                server.stop(&mut host.pod.net);
            }
        }
    }
    record_network(host, pid, "nginx", Vec::new());
    status
}

/// `ip addr` (iproute2): the pod's interfaces, the same in every container.
pub(super) fn ip(host: &mut ContainerHost, argv: &[String], out: &mut Output) -> i32 {
    let words: Vec<&str> = argv.iter().skip(1).map(String::as_str).collect();
    match words.as_slice() {
        ["a"] | ["addr"] | ["address"] | ["a", "show"] | ["addr", "show"] | ["address", "show"] => {
            out.out(host.pod.net.ip_addr_show());
            0
        }
        [] => {
            out.err("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n");
            255
        }
        _ => {
            out.err("podscope: only `ip addr` is simulated\n");
            255
        }
    }
}

/// `ss -ltn` and friends (iproute2): sockets of the shared network namespace.
pub(super) fn ss(host: &mut ContainerHost, argv: &[String], out: &mut Output) -> i32 {
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let seen = host.pod.visible_containers(&host.container);
    let (text, status) = host
        .pod
        .net
        .ss_seen_from(&args, &|o| seen.contains(&o.container));
    out.out(text);
    status
}
