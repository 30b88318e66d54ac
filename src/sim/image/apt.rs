//! `apt-get update` and `apt-get install` on Debian 12, printed as apt 2.6.1 prints them on a
//! terminal (`kubectl exec -it`): real mirror URLs, index and package sizes, and apt's own
//! size formatting. A fresh debian image has empty package lists, so installing before
//! `apt-get update` fails with `E: Unable to locate package` and exit status 100.

use super::packages::{package, Package};
use crate::sim::output::Output;

/// What one `apt-get` run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AptResult {
    /// What apt printed, stdout and stderr in order.
    pub output: Output,
    /// Exit status (0, 1 when the user aborts, 100 on errors).
    pub status: i32,
    /// Packages newly installed, in installation order.
    pub installed: Vec<String>,
    /// Whether the package lists are now downloaded.
    pub updated: bool,
}

const MIRROR: &str = "http://deb.debian.org/debian";
const SECURITY: &str = "http://deb.debian.org/debian-security";
const LIBC_BIN: &str = "2.36-9+deb12u14";
/// Files dpkg knows about in a fresh debian:bookworm image.
const BASE_DPKG_FILES: usize = 6090;

/// apt's `SizeToStr`: three significant figures, SI multiples of 1000, no unit letter for
/// plain numbers (the caller appends `B`).
pub fn size_to_str(bytes: u64) -> String {
    let units = ["", "k", "M", "G", "T", "P", "E"];
    let mut size = bytes as f64;
    for (i, unit) in units.iter().enumerate() {
        if size < 100.0 && i != 0 {
            return format!("{size:.1} {unit}");
        }
        if size < 10000.0 {
            return format!("{size:.0} {unit}");
        }
        size /= 1000.0;
    }
    format!("{size:.0} E")
}

/// Runs `apt-get ARGS` (the words after `apt-get`) given the installed packages, whether
/// `apt-get update` has run, and the TCP ports something listens on in the container's network
/// namespace (maintainer scripts look: nginx's postinst runs `ss -nlt 'sport = 80'`).
pub fn apt_get(
    args: &[String],
    installed: &[String],
    updated: bool,
    listening_ports: &[u16],
) -> AptResult {
    let mut result = AptResult {
        output: Output::default(),
        status: 0,
        installed: Vec::new(),
        updated,
    };
    let words: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let yes = args
        .iter()
        .any(|a| matches!(a.as_str(), "-y" | "--yes" | "--assume-yes" | "-qy" | "-yq"));
    match words.split_first() {
        Some((&"update", _)) => update(&mut result),
        Some((&"install", names)) => install(&mut result, names, installed, yes, listening_ports),
        Some((other, _)) => {
            result.output.err(format!("E: Invalid operation {other}\n"));
            result.status = 100;
        }
        None => {
            result.output.out("apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n");
            result.status = 1;
        }
    }
    result
}

fn update(r: &mut AptResult) {
    // (url, suite, index size in bytes) as recorded from the bookworm mirrors.
    let releases = [
        (MIRROR, "bookworm", 151_075u64),
        (MIRROR, "bookworm-updates", 55_403),
        (SECURITY, "bookworm-security", 34_770),
    ];
    let packages = [
        (MIRROR, "bookworm", 8_790_396u64),
        (MIRROR, "bookworm-updates", 6_924),
        (SECURITY, "bookworm-security", 379_616),
    ];
    let mut n = 0;
    let mut total = 0u64;
    for (url, suite, size) in releases {
        n += 1;
        total = total.saturating_add(size);
        r.output.out(format!(
            "Get:{n} {url} {suite} InRelease [{}B]\n",
            size_to_str(size)
        ));
    }
    for (url, suite, size) in packages {
        n += 1;
        total = total.saturating_add(size);
        r.output.out(format!(
            "Get:{n} {url} {suite}/main amd64 Packages [{}B]\n",
            size_to_str(size)
        ));
    }
    let total_str = size_to_str(total);
    r.output.out(format!(
        "Fetched {total_str}B in 1s ({total_str}B/s)\nReading package lists... Done\n"
    ));
    r.updated = true;
}

/// apt's list layout: two-space indent, names wrapped before column 80.
fn wrapped(names: &[&str]) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for name in names {
        if line.len() + name.len() + 1 > 80 {
            out.push_str(&line);
            out.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(name);
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Dependencies first, each once, skipping what is installed.
fn closure(name: &str, installed: &[String], order: &mut Vec<Package>) {
    if installed.iter().any(|i| i == name) || order.iter().any(|p| p.name == name) {
        return;
    }
    let Some(pkg) = package(name) else { return };
    for dep in &pkg.depends {
        closure(dep, installed, order);
    }
    if !order.iter().any(|p| p.name == name) {
        order.push(pkg);
    }
}

fn install(
    r: &mut AptResult,
    names: &[&str],
    installed: &[String],
    yes: bool,
    listening_ports: &[u16],
) {
    r.output.out("Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n");
    let missing: Vec<&&str> = names
        .iter()
        .filter(|n| !r.updated || package(n).is_none())
        .collect();
    if !missing.is_empty() {
        for name in missing {
            if r.updated && super::packages::unsimulated(name) {
                r.output.err(format!(
                    "E: podscope does not simulate the package {name} (Debian bookworm has it); simulated: {}\n",
                    super::packages::SIMULATED.join(", ")
                ));
            } else {
                r.output
                    .err(format!("E: Unable to locate package {name}\n"));
            }
        }
        r.status = 100;
        return;
    }
    let mut order = Vec::new();
    for name in names {
        if let Some(version) = installed
            .iter()
            .find(|i| i == name)
            .and_then(|_| package(name))
            .map(|p| p.version)
        {
            r.output.out(format!(
                "{name} is already the newest version ({version}).\n"
            ));
        }
        closure(name, installed, &mut order);
    }
    let mut all: Vec<&str> = order.iter().map(|p| p.name).collect();
    all.sort_unstable();
    let extra: Vec<&str> = all.iter().copied().filter(|n| !names.contains(n)).collect();
    if !extra.is_empty() {
        r.output.out(format!(
            "The following additional packages will be installed:\n{}",
            wrapped(&extra)
        ));
    }
    if !all.is_empty() {
        r.output.out(format!(
            "The following NEW packages will be installed:\n{}",
            wrapped(&all)
        ));
    }
    r.output.out(format!(
        "0 upgraded, {} newly installed, 0 to remove and 0 not upgraded.\n",
        all.len()
    ));
    if all.is_empty() {
        return;
    }
    let download: u64 = order.iter().map(|p| p.download_bytes).sum();
    let disk: u64 = order.iter().map(|p| p.size_kb.saturating_mul(1024)).sum();
    r.output.out(format!("Need to get {}B of archives.\nAfter this operation, {}B of additional disk space will be used.\n", size_to_str(download), size_to_str(disk)));
    if !extra.is_empty() && !yes {
        r.output.out("Do you want to continue? [Y/n] Abort.\n");
        r.status = 1;
        return;
    }
    for (i, p) in order.iter().enumerate() {
        r.output.out(format!(
            "Get:{} {MIRROR} bookworm/main amd64 {} {} {} [{}B]\n",
            i + 1,
            p.name,
            p.arch,
            p.version,
            size_to_str(p.download_bytes)
        ));
    }
    r.output
        .err("debconf: delaying package configuration, since apt-utils is not installed\n");
    let d = size_to_str(download);
    r.output.out(format!("Fetched {d}B in 1s ({d}B/s)\n"));
    unpack_and_configure(r, &order, installed.len(), listening_ports);
}

/// What nginx's postinst prints on a fresh install in a container. It starts nginx only when
/// nothing listens on port 80; the debian image's `policy-rc.d` (exit 101) then denies the start.
fn nginx_postinst(r: &mut AptResult, listening_ports: &[u16]) {
    if listening_ports.contains(&80) {
        r.output
            .out("Not attempting to start NGINX, port 80 is already in use.\n");
    } else {
        r.output.err("invoke-rc.d: could not determine current runlevel\ninvoke-rc.d: policy-rc.d denied execution of start.\n");
    }
}

fn unpack_and_configure(
    r: &mut AptResult,
    order: &[Package],
    already: usize,
    listening_ports: &[u16],
) {
    let numbered = order.len() > 1;
    let files = BASE_DPKG_FILES.saturating_add(already.saturating_mul(12));
    for (i, p) in order.iter().enumerate() {
        r.output.out(format!(
            "Selecting previously unselected package {}.\n",
            p.name
        ));
        if i == 0 {
            r.output.out(format!(
                "(Reading database ... {files} files and directories currently installed.)\n"
            ));
        }
        let file_version = p.version.replace(':', "%3a");
        let prefix = if numbered {
            format!("{i:02}-")
        } else {
            String::new()
        };
        r.output.out(format!(
            "Preparing to unpack .../{prefix}{}_{file_version}_{}.deb ...\nUnpacking {} ({}) ...\n",
            p.name, p.arch, p.name, p.version
        ));
    }
    for p in order {
        r.output
            .out(format!("Setting up {} ({}) ...\n", p.name, p.version));
        if p.name == "ca-certificates" {
            r.output
                .out("Updating certificates in /etc/ssl/certs...\n142 added, 0 removed; done.\n");
        }
        if p.name == "nginx" {
            nginx_postinst(r, listening_ports);
        }
        r.installed.push(p.name.to_string());
    }
    r.output.out(format!(
        "Processing triggers for libc-bin ({LIBC_BIN}) ...\n"
    ));
    if let Some(ca) = order.iter().find(|p| p.name == "ca-certificates") {
        r.output.out(format!("Processing triggers for ca-certificates ({}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n", ca.version));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::output::Stream;

    fn run(line: &str, installed: &[&str], updated: bool) -> (String, String, AptResult) {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        let installed: Vec<String> = installed.iter().map(|s| s.to_string()).collect();
        let r = apt_get(&args, &installed, updated, &[80]);
        let out = String::from_utf8(r.output.stream_bytes(Stream::Stdout)).unwrap();
        let err = String::from_utf8(r.output.stream_bytes(Stream::Stderr)).unwrap();
        (out, err, r)
    }

    #[test]
    fn sizes_format_like_apt() {
        assert_eq!(size_to_str(151_075), "151 k");
        assert_eq!(size_to_str(55_403), "55.4 k");
        assert_eq!(size_to_str(6_924), "6924 ");
        assert_eq!(size_to_str(8_790_396), "8790 k");
        assert_eq!(size_to_str(18_000_000), "18.0 M");
    }

    #[test]
    fn install_before_update_cannot_locate_packages() {
        let (out, err, r) = run("install -y curl", &[], false);
        assert!(out.ends_with("Reading state information... Done\n"));
        assert_eq!(err, "E: Unable to locate package curl\n");
        assert_eq!((r.status, r.installed.len()), (100, 0));
    }

    #[test]
    fn update_then_install_curl() {
        let (out, _, r) = run("update", &[], false);
        assert!(r.updated);
        assert!(out.starts_with("Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n"));
        assert!(out.ends_with("Reading package lists... Done\n"));
        let (out, err, r) = run("install -y curl", &[], true);
        assert_eq!(r.status, 0);
        assert_eq!(r.installed.len(), 22);
        assert_eq!(r.installed.last().map(String::as_str), Some("curl"));
        assert!(out.contains(
            "The following NEW packages will be installed:\n  ca-certificates curl krb5-locales"
        ));
        assert!(out.contains("0 upgraded, 22 newly installed, 0 to remove and 0 not upgraded.\n"));
        assert!(out.contains("Setting up curl (7.88.1-10+deb12u15) ...\n"));
        assert!(err.starts_with("debconf: delaying package configuration"));
        let (out, _, r) = run(
            "install -y curl",
            &r.installed.iter().map(String::as_str).collect::<Vec<_>>(),
            true,
        );
        assert!(out.contains("curl is already the newest version (7.88.1-10+deb12u15).\n0 upgraded, 0 newly installed"));
        assert!(r.installed.is_empty());
    }

    #[test]
    fn unknown_package_and_operation() {
        let (_, err, r) = run("install -y curl nosuchpkg", &[], true);
        assert_eq!(
            (err.as_str(), r.status),
            ("E: Unable to locate package nosuchpkg\n", 100)
        );
        // A real bookworm package podscope lacks is named as such, never "Unable to locate".
        let (_, err, r) = run("install -y nano", &[], true);
        assert_eq!(r.status, 100);
        assert_eq!(err, "E: podscope does not simulate the package nano (Debian bookworm has it); simulated: curl, iproute2, nginx, procps, psmisc, wget\n");
        let (_, err, r) = run("frobnicate", &[], true);
        assert_eq!(
            (err.as_str(), r.status),
            ("E: Invalid operation frobnicate\n", 100)
        );
    }

    #[test]
    fn nginx_postinst_sees_port_80_of_the_shared_namespace() {
        let args: Vec<String> = ["install", "-y", "nginx"].map(String::from).to_vec();
        let r = apt_get(&args, &[], true, &[80]);
        let out = String::from_utf8(r.output.stream_bytes(Stream::Stdout)).unwrap();
        assert_eq!(r.status, 0);
        assert_eq!(r.installed.last().map(String::as_str), Some("nginx"));
        // Debian 12: nginx Depends libssl3, iproute2 (its postinst runs ss), nginx-common;
        // iproute2 needs libbsd0 and, through libtirpc3, the Kerberos libraries.
        assert!(out.contains("0 upgraded, 20 newly installed, 0 to remove and 0 not upgraded.\n"));
        assert!(out.contains("Setting up nginx (1.22.1-9+deb12u11) ...\nNot attempting to start NGINX, port 80 is already in use.\n"));
        let free = apt_get(&args, &[], true, &[]);
        let err = String::from_utf8(free.output.stream_bytes(Stream::Stderr)).unwrap();
        assert!(err.ends_with("invoke-rc.d: policy-rc.d denied execution of start.\n"));
    }

    #[test]
    fn without_yes_apt_asks_and_aborts() {
        let (out, _, r) = run("install procps", &[], true);
        assert!(out.ends_with("Do you want to continue? [Y/n] Abort.\n"));
        assert_eq!((r.status, r.installed.len()), (1, 0));
    }
}
