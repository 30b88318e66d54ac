//! Replaying a case: its lines typed one by one into the debian-container's terminal of a fresh
//! `shared-volume` pod, as `podscope shell` and the web terminal feed them.

use super::suite::Expect;
use podscope::sim::cluster::{Cluster, Terminal};
use podscope::sim::output::Stream;

/// The terminal every case runs in.
const CONTAINER: &str = "debian-container";

/// What the recorder types first, unseen, in both forms: cases start in the shared volume.
const PRELUDE: &str = "cd /pod-data";

/// Types `stdin` into a fresh pod's debian terminal; returns what the terminal printed.
pub fn run(stdin: &str) -> Result<Expect, String> {
    let mut cluster = Cluster::with_scenario("shared-volume")?;
    cluster.run_in_container(CONTAINER, PRELUDE);
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let mut status = 0;
    for line in stdin.lines() {
        let result = cluster.run_in_container(CONTAINER, line);
        for (stream, bytes) in &result.output.chunks {
            match stream {
                Stream::Stdout => stdout.extend_from_slice(bytes),
                Stream::Stderr => stderr.extend_from_slice(bytes),
            }
        }
        match result.status {
            Some(s) => status = s,
            None if cluster.is_blocked(&Terminal::container(CONTAINER)) => {
                // A program that never ends by itself: the recording had none, so stop here.
                cluster.run_in_container(CONTAINER, "^C");
                stderr.extend_from_slice(b"[replay: the line blocked; sent ^C]\n");
                status = 130;
                break;
            }
            // The shell waits for the rest of the command (PS2).
            None => {}
        }
    }
    // The end of the input (bash reads EOF): an unfinished command is reported or run.
    if let Some(result) = cluster.end_input(&Terminal::container(CONTAINER)) {
        for (stream, bytes) in &result.output.chunks {
            match stream {
                Stream::Stdout => stdout.extend_from_slice(bytes),
                Stream::Stderr => stderr.extend_from_slice(bytes),
            }
        }
        status = result.status.unwrap_or(status);
    }
    let mut stderr = String::from_utf8_lossy(&stderr).into_owned();
    // bash prints `exit` when it ends; the recorder drops the last one, so does the replay.
    if let Some(kept) = stderr.strip_suffix("exit\n") {
        stderr = kept.to_string();
    }
    Ok(Expect {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr,
        status,
    })
}

/// The case as `bash -c '…'`, exactly as the recorder wraps it.
pub fn noninteractive_script(stdin: &str) -> String {
    let body = stdin.strip_suffix('\n').unwrap_or(stdin);
    format!("bash -c '{}'\n", body.replace('\'', "'\\''"))
}

/// Why `got` is not `want`, in one short line (the text of a `known_failure` mark).
pub fn mismatch(want: &Expect, got: &Expect) -> Option<String> {
    let mut why = Vec::new();
    if want.stdout != got.stdout {
        why.push("stdout differs".to_string());
    }
    if want.stderr != got.stderr {
        why.push("stderr differs".to_string());
    }
    if want.status != got.status {
        why.push(format!("status {} (bash: {})", got.status, want.status));
    }
    (!why.is_empty()).then(|| why.join(", "))
}

/// A readable account of a failure: both outputs, stream by stream.
pub fn explain(want: &Expect, got: &Expect) -> String {
    let mut s = String::new();
    for (label, w, g) in [
        ("stdout", &want.stdout, &got.stdout),
        ("stderr", &want.stderr, &got.stderr),
    ] {
        if w != g {
            s.push_str(&format!("    {label} of bash:     {w:?}\n"));
            s.push_str(&format!("    {label} of podscope: {g:?}\n"));
        }
    }
    if want.status != got.status {
        s.push_str(&format!(
            "    status: bash {}, podscope {}\n",
            want.status, got.status
        ));
    }
    s
}
