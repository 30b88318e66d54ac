//! `apt-get update` / `apt-get install` in a container: prints what Debian's apt prints and
//! installs the package's files (e.g. `/usr/bin/curl`) into that container's root only.

use super::{create, ContainerHost};
use crate::sim::event::EventKind;
use crate::sim::image;
use crate::sim::output::Output;

/// Simulated time one apt-get run takes, in milliseconds.
const APT_MS: u64 = 2_500;

/// Runs `apt-get ARGS` (or `apt ARGS`).
pub(super) fn run(host: &mut ContainerHost, pid: u32, argv: &[String], out: &mut Output) -> i32 {
    let container = host.container.clone();
    let Some(c) = host.pod.container(&container) else {
        return 1;
    };
    let args: Vec<String> = argv.iter().skip(1).cloned().collect();
    let ports: Vec<u16> = host.pod.net.listeners().iter().map(|l| l.port).collect();
    let result = image::apt_get(&args, &c.packages, c.apt_updated, &ports);
    out.extend(result.output);
    // Downloading and unpacking take a few simulated seconds.
    *host.now_ms = host.now_ms.saturating_add(APT_MS);
    if result.updated {
        if let Some(c) = host.pod.container_mut(&container) {
            c.apt_updated = true;
        }
    }
    for name in result.installed {
        let Some(pkg) = image::package(&name) else {
            continue;
        };
        create::install_files(&mut host.pod.fs, &container, &pkg.files, *host.now_ms);
        if let Some(c) = host.pod.container_mut(&container) {
            if !c.packages.contains(&name) {
                c.packages.push(name.clone());
            }
        }
        // One event per package asked for: dependencies install silently with it.
        if !argv.iter().skip(1).any(|a| *a == name) {
            continue;
        }
        let actor = host.actor(pid, "apt-get");
        host.trace.record(
            *host.now_ms,
            actor,
            EventKind::PackageInstalled {
                container: container.clone(),
                package: name,
            },
        );
    }
    result.status
}
