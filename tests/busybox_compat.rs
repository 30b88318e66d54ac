//! BusyBox and the Debian network tools against real recordings: every case of
//! `tests/busybox/*.yaml` (what BusyBox 1.35, GNU Wget 1.21.3 … printed next to a real nginx on a
//! private loopback, recorded by `scripts/record-busybox.py`) is typed into the container its file
//! names, in the pod of `tests/busybox/pod.yaml`, and must print the same stdout and stderr and end
//! with the same status. A case podscope does not match yet carries a `known_failure:` reason and
//! is counted; such a mark on a case that now passes fails the run.
#![cfg(not(target_arch = "wasm32"))]

use podscope::sim::cluster::{render_errors, Cluster, Terminal};
use podscope::sim::output::Stream;
use serde::Deserialize;
use std::path::Path;

/// One recorded case.
#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    cmd: String,
    stdout: String,
    stderr: String,
    status: i32,
    #[serde(default)]
    known_failure: Option<String>,
}

/// One file: where its cases run and what is typed first, unseen.
#[derive(Debug, Deserialize)]
struct Area {
    container: String,
    #[serde(default)]
    setup: Vec<String>,
    cases: Vec<Case>,
}

/// Types `cmd` in a fresh pod's `container` terminal after `setup`, from an empty `/tmp`.
fn replay(container: &str, setup: &[String], cmd: &str) -> Result<(String, String, i32), String> {
    let pod = include_str!("busybox/pod.yaml");
    let mut cluster = Cluster::with_manifest(pod)
        .map_err(|e| format!("tests/busybox/pod.yaml: {}", render_errors(&e)))?;
    for line in setup {
        cluster.run_in_container(container, line);
    }
    cluster.run_in_container(container, "cd /tmp");
    let result = cluster.run_in_container(container, cmd);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    for (stream, bytes) in &result.output.chunks {
        match stream {
            Stream::Stdout => out.extend_from_slice(bytes),
            Stream::Stderr => err.extend_from_slice(bytes),
        }
    }
    if cluster.is_blocked(&Terminal::container(container)) {
        return Err(format!("{cmd}: the line blocked"));
    }
    Ok((
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
        result.status.unwrap_or(-1),
    ))
}

#[test]
fn busybox_and_debian_tools_print_what_the_real_ones_print() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/busybox");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml") && !p.ends_with("pod.yaml"))
        .collect();
    files.sort();
    let (mut pass, mut known, mut problems) = (0, 0, Vec::new());
    for path in files {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let area: Area =
            serde_saphyr::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let container = format!("{}-container", area.container);
        for case in &area.cases {
            let got = replay(&container, &area.setup, &case.cmd)?;
            let want = (case.stdout.clone(), case.stderr.clone(), case.status);
            let label = format!("{}: {}", path.display(), case.name);
            match (got == want, &case.known_failure) {
                (true, None) => pass += 1,
                (false, Some(_)) => known += 1,
                (true, Some(_)) => {
                    problems.push(format!("{label}: passes now: remove its known_failure"))
                }
                (false, None) => {
                    problems.push(format!("{label}:\n  want {want:?}\n  got  {got:?}"))
                }
            }
        }
    }
    println!("busybox-compat: {pass} pass, {known} known failures");
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}
