//! The BusyBox 1.35 multi-call binary: `busybox --list`, `busybox APPLET …`, and applets reached
//! through their `/bin` links. `wget` is BusyBox's own; `sh`/`ash` run podscope's shell; the
//! file and text applets run podscope's GNU-like tools (BusyBox's messages differ in places);
//! `nc` connects (src/sim/http/nc.rs); `httpd` serves (src/sim/http/httpd); the other network
//! servers and `ping` say in one line that podscope does not simulate them.

use super::ContainerHost;
use crate::sim::http::wget::Flavour;
use crate::sim::image::BUSYBOX_APPLETS;
use crate::sim::output::Output;
use crate::sim::shell::{ExecOutcome, ExecRequest};

/// What `busybox` with no arguments prints first (the rest is the applet list).
const BANNER: &str = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n";

/// Whether `req` runs BusyBox: the program is `busybox` or a link to it.
pub(super) fn is_busybox(host: &ContainerHost, req: &ExecRequest<'_>) -> bool {
    req.name() == "busybox"
        || host
            .pod
            .fs
            .realpath(&host.container, req.path)
            .is_ok_and(|p| p.ends_with("/busybox"))
}

/// Runs BusyBox as `req` calls it.
pub(super) fn run(
    host: &mut ContainerHost,
    pid: u32,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    if req.name() != "busybox" {
        return applet(host, pid, req.name(), req, out);
    }
    match req.argv.get(1).map(String::as_str) {
        None | Some("--help") => {
            out.out(format!("{BANNER}BusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list\n   or: function [arguments]...\n"));
            ExecOutcome::Exited(0)
        }
        Some("--list") => {
            out.out(BUSYBOX_APPLETS);
            ExecOutcome::Exited(0)
        }
        Some(name) if BUSYBOX_APPLETS.lines().any(|a| a == name) => {
            let name = name.to_string();
            let argv = req.argv.get(1..).unwrap_or(&[]).to_vec();
            let inner = ExecRequest {
                argv: &argv,
                ..*req
            };
            applet(host, pid, &name, &inner, out)
        }
        Some(name) => {
            out.err(format!("{name}: applet not found\n"));
            ExecOutcome::Exited(127)
        }
    }
}

/// One applet.
fn applet(
    host: &mut ContainerHost,
    pid: u32,
    name: &str,
    req: &ExecRequest<'_>,
    out: &mut Output,
) -> ExecOutcome {
    match name {
        "wget" => ExecOutcome::Exited(super::net_programs::wget(
            host,
            pid,
            req.argv,
            (Flavour::Busybox, req.cwd),
            out,
        )),
        "sh" | "ash" => super::programs::nested_shell(host, name, req, out),
        "ps" => ExecOutcome::Exited(super::ps::run_busybox(host, out)),
        "nc" => ExecOutcome::Exited(super::net_programs::nc(host, pid, req.argv, req.stdin, out)),
        "httpd" => super::httpd_program::run(host, pid, req, out),
        "ping" | "ping6" | "telnet" | "nslookup" | "udhcpc" | "ntpd" => {
            out.err(format!(
                "podscope: busybox {name} is not simulated (simulated network applets: wget, nc, httpd)\n"
            ));
            ExecOutcome::Exited(127)
        }
        _ => super::programs::run_coreutil(host, pid, name, req, out),
    }
}
