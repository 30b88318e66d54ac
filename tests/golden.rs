//! Golden parity: every transcript in `../shared/golden/` (recorded from real nginx, curl and
//! bash arranged as the pod) reproduced through `podscope shell`, after the normalizations the
//! golden README allows.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that unwraps fails with a location
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{golden_dir, podscope_shell};
use podscope::sim::transcript::normalize;

/// The golden files of one scenario, in recording order, with the container each ran in.
fn cases(prefix: char) -> Vec<(String, &'static str)> {
    let mut names: Vec<String> = std::fs::read_dir(golden_dir())
        .expect("shared/golden exists beside the project")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let container = if n.contains("nginx-side") {
                "nginx-container"
            } else {
                "debian-container"
            };
            (n, container)
        })
        .collect()
}

/// Replays one scenario's goldens in order after installing curl, and compares each.
fn replay(prefix: char, scenario: &str) {
    let cases = cases(prefix);
    assert!(!cases.is_empty(), "no golden files for {prefix}");
    for (i, (name, container)) in cases.iter().enumerate() {
        // Replay every earlier command too, so each case sees the state it was recorded in.
        let mut script = String::from("apt-get update\napt-get install -y curl\n");
        for (earlier, c) in cases.iter().take(i + 1) {
            let golden =
                std::fs::read_to_string(golden_dir().join(earlier)).expect("golden readable");
            let line = golden
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("$ "))
                .expect("golden starts with `$ `");
            script.push_str(&format!("@{c}\n{line}\n"));
        }
        let transcript = podscope_shell(&["--scenario", scenario], &script);
        let golden = std::fs::read_to_string(golden_dir().join(name)).expect("golden readable");
        let first_line = golden.lines().next().unwrap_or_default();
        let last = transcript
            .rfind(&format!("{first_line}\n"))
            .expect("the command appears in the transcript");
        assert_eq!(
            normalize(&transcript[last..]),
            normalize(&golden),
            "golden {name} (in {container})"
        );
    }
}

#[test]
fn shared_volume_goldens_match() {
    replay('A', "shared-volume");
}

#[test]
fn localhost_goldens_match() {
    replay('B', "localhost");
}
